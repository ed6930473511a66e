import type { Agency, Service } from '../schemas/catalog.js';
import { normalizeIndonesian } from './search.js';

/**
 * Things citizens look for at an MPP that are served by another office, with where to go instead.
 * When a search matches one of these and the catalog has no service or agency of that name, the
 * catalog says "not served here, go to …" instead of offering the nearest wrong service ("bpjs"
 * used to find the Haji registration).
 *
 * This is data, not copy: the names of offices, apps and call centres are proper names and are the
 * same in every language; the widgets word the sentence around them.
 */
export interface ServedElsewhere {
  /** Stable id (`bpjs-kesehatan`). */
  id: string;
  /** What it is, as citizens know it (`BPJS Kesehatan (JKN-KIS)`). */
  name: string;
  /** What citizens type for it; a query holding one of these (as whole words) matches. */
  aliases: readonly string[];
  /** The office that serves it (`Kantor Cabang BPJS Kesehatan`). */
  office: string;
  /** Other ways to be served: apps, call centres. */
  channels: readonly string[];
  /** The official site, when there is one. */
  url: string | null;
}

/**
 * National services the Kota Bogor MPP demo does not serve, and where they are served. A city whose
 * MPP does serve one (a BPJS desk, say) needs no change: an entry is only shown when no service or
 * agency of this catalog carries one of its aliases in its name, short name or aliases.
 */
export const SERVED_ELSEWHERE: readonly ServedElsewhere[] = [
  {
    id: 'bpjs-kesehatan',
    name: 'BPJS Kesehatan (JKN-KIS)',
    aliases: ['bpjs', 'bpjs kesehatan', 'jkn', 'jkn kis', 'kis', 'kartu indonesia sehat', 'askes'],
    office: 'Kantor Cabang BPJS Kesehatan',
    channels: ['Aplikasi Mobile JKN', 'BPJS Kesehatan Care Center 165'],
    url: 'https://www.bpjs-kesehatan.go.id',
  },
  {
    id: 'bpjs-ketenagakerjaan',
    name: 'BPJS Ketenagakerjaan (Jamsostek)',
    aliases: ['bpjs', 'bpjs ketenagakerjaan', 'bpjs tk', 'bpjamsostek', 'jamsostek', 'jht', 'jaminan hari tua'],
    office: 'Kantor Cabang BPJS Ketenagakerjaan',
    channels: ['Aplikasi JMO (Jamsostek Mobile)', 'Layanan masyarakat 175'],
    url: 'https://www.bpjsketenagakerjaan.go.id',
  },
  {
    id: 'sim-baru',
    name: 'SIM baru (ujian SIM)',
    aliases: ['sim baru', 'bikin sim', 'buat sim', 'pembuatan sim', 'ujian sim', 'tes sim'],
    office: 'Satpas SIM Polres/Polresta setempat',
    channels: ['Aplikasi Digital Korlantas POLRI'],
    url: 'https://korlantas.polri.go.id',
  },
  {
    id: 'pln',
    name: 'Listrik (PLN)',
    aliases: ['pln', 'listrik', 'pasang listrik', 'tambah daya', 'token listrik', 'meteran listrik'],
    office: 'Kantor Unit Layanan Pelanggan (ULP) PLN',
    channels: ['Aplikasi PLN Mobile', 'Contact Center PLN 123'],
    url: 'https://web.pln.co.id',
  },
  {
    id: 'kartu-kuning',
    name: 'Kartu Kuning (kartu pencari kerja AK/1)',
    aliases: ['kartu kuning', 'ak1', 'ak 1', 'kartu ak1', 'kartu pencari kerja'],
    office: 'Dinas Tenaga Kerja kota/kabupaten',
    channels: ['SIAPkerja Kemnaker'],
    url: 'https://siapkerja.kemnaker.go.id',
  },
  {
    id: 'bansos',
    name: 'Bantuan sosial (PKH, BPNT, DTKS)',
    aliases: ['bansos', 'bantuan sosial', 'pkh', 'bpnt', 'dtks', 'blt'],
    office: 'Kantor kelurahan atau Dinas Sosial kota/kabupaten',
    channels: ['Aplikasi Cek Bansos Kemensos'],
    url: 'https://cekbansos.kemensos.go.id',
  },
  {
    id: 'prakerja',
    name: 'Kartu Prakerja',
    aliases: ['prakerja', 'kartu prakerja'],
    office: 'Daring di situs Prakerja (tidak ada loket)',
    channels: [],
    url: 'https://www.prakerja.go.id',
  },
];

const padded = (s: string) => ` ${normalizeIndonesian(s)} `;

/**
 * A matcher for a catalog: the entries of `list` that this catalog does not serve (no service or
 * agency name, short name or alias holds one of the entry's aliases as whole words), looked up by
 * query. The catalog's names are read once, here.
 */
export function elsewhereMatcher(
  list: readonly ServedElsewhere[],
  services: readonly Pick<Service, 'name' | 'aliases'>[],
  agencies: readonly Pick<Agency, 'name' | 'shortName' | 'aliases'>[],
): (query: string) => ServedElsewhere[] {
  const names = [...services.flatMap((s) => [s.name, ...s.aliases]), ...agencies.flatMap((a) => [a.name, a.shortName, ...a.aliases])]
    .map(padded)
    .join('|');
  const entries = list
    .map((e) => ({ e, keys: e.aliases.map(padded).filter((k) => k.trim()) }))
    .filter(({ keys }) => !keys.some((k) => names.includes(k)));
  // The entries whose longest alias found in the query is the longest found: "bpjs" is both BPJS
  // bodies, "bpjs kesehatan" only one.
  return (query) => {
    const q = padded(query);
    if (!q.trim()) return [];
    const found = entries.map(({ e, keys }) => ({ e, len: Math.max(0, ...keys.filter((k) => q.includes(k)).map((k) => k.length)) }));
    const best = Math.max(0, ...found.map((f) => f.len));
    return best ? found.filter((f) => f.len === best).map((f) => f.e) : [];
  };
}
