/**
 * A deterministic, realistic-looking national catalog for benchmarks and load tests.
 *
 * The Kota Bogor demo catalog comes first, unchanged; then each Bogor agency and service is used
 * as a template for regional variants across Indonesian kabupaten/kota (`disdukcapil-kab-garut`,
 * "Penerbitan KTP Elektronik (KTP-el) — Kabupaten Garut"), with small seeded variations. The same
 * `count` and `seed` always give the same catalog. SYNTHETIC DEMO DATA: never ship it to citizens.
 */
import type { Agency, Service } from '@mpp-kit/core';
import { BOGOR_AGENCIES, BOGOR_SERVICES } from './bogor.js';

type SeedAgency = Omit<Agency, 'serviceCount'>;
type SeedService = Omit<Service, 'updatedAt'>;

interface Region {
  /** Official name: `Kabupaten Garut`, `Kota Bandung`. */
  name: string;
  province: string;
}

const REGIONS_BY_PROVINCE: Record<string, string[]> = {
  'Jawa Barat': [
    'Kabupaten Bogor',
    'Kota Bandung',
    'Kabupaten Bandung',
    'Kabupaten Bandung Barat',
    'Kota Bekasi',
    'Kabupaten Bekasi',
    'Kota Depok',
    'Kabupaten Garut',
    'Kabupaten Sukabumi',
    'Kota Sukabumi',
    'Kabupaten Cianjur',
    'Kota Cimahi',
    'Kabupaten Karawang',
    'Kabupaten Purwakarta',
    'Kabupaten Subang',
    'Kabupaten Tasikmalaya',
    'Kota Tasikmalaya',
    'Kota Cirebon',
    'Kabupaten Cirebon',
    'Kabupaten Indramayu',
    'Kabupaten Kuningan',
    'Kabupaten Majalengka',
    'Kabupaten Sumedang',
    'Kabupaten Ciamis',
    'Kota Banjar',
    'Kabupaten Pangandaran',
  ],
  'DKI Jakarta': [
    'Kota Administrasi Jakarta Pusat',
    'Kota Administrasi Jakarta Selatan',
    'Kota Administrasi Jakarta Timur',
    'Kota Administrasi Jakarta Barat',
    'Kota Administrasi Jakarta Utara',
  ],
  Banten: [
    'Kota Tangerang',
    'Kabupaten Tangerang',
    'Kota Tangerang Selatan',
    'Kota Serang',
    'Kabupaten Serang',
    'Kota Cilegon',
    'Kabupaten Pandeglang',
    'Kabupaten Lebak',
  ],
  'Jawa Tengah': [
    'Kota Semarang',
    'Kabupaten Semarang',
    'Kota Surakarta',
    'Kabupaten Banyumas',
    'Kabupaten Cilacap',
    'Kabupaten Kudus',
    'Kabupaten Jepara',
    'Kota Pekalongan',
    'Kabupaten Klaten',
    'Kabupaten Sukoharjo',
    'Kota Magelang',
    'Kabupaten Magelang',
    'Kota Salatiga',
    'Kota Tegal',
    'Kabupaten Brebes',
    'Kabupaten Pati',
  ],
  'DI Yogyakarta': ['Kota Yogyakarta', 'Kabupaten Sleman', 'Kabupaten Bantul', 'Kabupaten Kulon Progo', 'Kabupaten Gunungkidul'],
  'Jawa Timur': [
    'Kota Surabaya',
    'Kabupaten Sidoarjo',
    'Kota Malang',
    'Kabupaten Malang',
    'Kota Batu',
    'Kabupaten Gresik',
    'Kota Kediri',
    'Kabupaten Jember',
    'Kabupaten Banyuwangi',
    'Kota Madiun',
    'Kabupaten Lamongan',
    'Kabupaten Mojokerto',
    'Kota Probolinggo',
    'Kabupaten Pasuruan',
  ],
  Bali: ['Kota Denpasar', 'Kabupaten Badung', 'Kabupaten Gianyar', 'Kabupaten Tabanan', 'Kabupaten Buleleng'],
  'Nusa Tenggara Barat': ['Kota Mataram', 'Kabupaten Lombok Barat', 'Kabupaten Sumbawa'],
  'Nusa Tenggara Timur': ['Kota Kupang', 'Kabupaten Manggarai Barat'],
  'Sumatera Utara': ['Kota Medan', 'Kabupaten Deli Serdang', 'Kota Pematangsiantar', 'Kota Binjai', 'Kabupaten Karo'],
  'Sumatera Barat': ['Kota Padang', 'Kota Bukittinggi', 'Kabupaten Agam'],
  Riau: ['Kota Pekanbaru', 'Kota Dumai', 'Kabupaten Kampar'],
  'Kepulauan Riau': ['Kota Batam', 'Kota Tanjungpinang'],
  'Sumatera Selatan': ['Kota Palembang', 'Kabupaten Ogan Komering Ilir', 'Kota Prabumulih'],
  Lampung: ['Kota Bandar Lampung', 'Kota Metro', 'Kabupaten Lampung Selatan'],
  Jambi: ['Kota Jambi'],
  Bengkulu: ['Kota Bengkulu'],
  Aceh: ['Kota Banda Aceh', 'Kabupaten Aceh Besar', 'Kota Lhokseumawe'],
  'Kepulauan Bangka Belitung': ['Kota Pangkalpinang', 'Kabupaten Belitung'],
  'Kalimantan Barat': ['Kota Pontianak', 'Kota Singkawang'],
  'Kalimantan Tengah': ['Kota Palangka Raya'],
  'Kalimantan Selatan': ['Kota Banjarmasin', 'Kota Banjarbaru', 'Kabupaten Tanah Laut'],
  'Kalimantan Timur': ['Kota Samarinda', 'Kota Balikpapan', 'Kota Bontang', 'Kabupaten Kutai Kartanegara'],
  'Kalimantan Utara': ['Kota Tarakan'],
  'Sulawesi Selatan': ['Kota Makassar', 'Kabupaten Gowa', 'Kota Parepare', 'Kabupaten Bone', 'Kota Palopo'],
  'Sulawesi Utara': ['Kota Manado', 'Kota Bitung', 'Kabupaten Minahasa'],
  'Sulawesi Tengah': ['Kota Palu'],
  'Sulawesi Tenggara': ['Kota Kendari'],
  Gorontalo: ['Kota Gorontalo'],
  'Sulawesi Barat': ['Kabupaten Mamuju'],
  Maluku: ['Kota Ambon'],
  'Maluku Utara': ['Kota Ternate'],
  Papua: ['Kota Jayapura'],
  'Papua Barat Daya': ['Kota Sorong'],
};

/** All regions, in a fixed order (province blocks as listed). */
export const SYNTHETIC_REGIONS: readonly Region[] = Object.entries(REGIONS_BY_PROVINCE).flatMap(([province, names]) =>
  names.map((name) => ({ name, province })),
);

/** mulberry32: a tiny, fast, seedable PRNG returning floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a 32-bit hash as 8 lowercase hex digits. */
function hash8(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

const SLUG_MAX = 80;

/** Lowercase slug of free text: `Kabupaten Kulon Progo` gives `kabupaten-kulon-progo`. */
function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Keeps a slug within 80 characters, replacing the overflow with a stable hash. */
function fitSlug(id: string): string {
  if (id.length <= SLUG_MAX) return id;
  const head = id.slice(0, SLUG_MAX - 9).replace(/-+$/, '');
  return `${head}-${hash8(id)}`;
}

/** `Kabupaten Garut` → `kab-garut`; `Kota Administrasi Jakarta Selatan` → `kota-jakarta-selatan`. */
function regionSlug(name: string): string {
  return slugify(name.replace(/^Kota Administrasi /, 'Kota ').replace(/^Kabupaten /, 'Kab '));
}

/** The place without its kind: `Kabupaten Garut` → `Garut`. */
function placeName(name: string): string {
  return name.replace(/^(Kota Administrasi|Kabupaten|Kota) /, '');
}

interface RegionContext {
  label: string;
  slug: string;
  place: string;
  province: string;
  isKabupaten: boolean;
}

/** Rewrites Bogor- and Jawa Barat-specific wording for a region, in one pass (no double replacement). */
function localize(text: string, r: RegionContext): string {
  return text.replace(
    /Polresta Bogor Kota|Kota Bogor|Bogor Kota|Provinsi Jawa Barat|Jawa Barat|MPP Grha Tiyasa|Grha Tiyasa|\bBogor\b/g,
    (m) => {
      switch (m) {
        case 'Polresta Bogor Kota':
          return `${r.isKabupaten ? 'Polres' : 'Polresta'} ${r.place}`;
        case 'Provinsi Jawa Barat':
          return `Provinsi ${r.province}`;
        case 'Jawa Barat':
          return r.province;
        case 'MPP Grha Tiyasa':
        case 'Grha Tiyasa':
          return `MPP ${r.label}`;
        default:
          return r.label;
      }
    },
  );
}

/** Regional legal bases must not invent regulation numbers: `Perda Kota Bogor Nomor 9 Tahun 2023 tentang …` → `Perda Kabupaten Garut tentang …`. */
function localizeLegalBasis(text: string, r: RegionContext): string {
  if (!/Bogor|Jawa Barat/.test(text)) return text;
  return localize(text, r).replace(/\s+Nomor\s+[\w./-]+\s+Tahun\s+\d{4}/g, '');
}

/** The id stem of an agency's variants: `polresta-bogor` → `polresta`, `dpmptsp-jabar` → `dpmptsp-prov`. */
function agencyStem(id: string): string {
  return id.replace(/-bogor$/, '').replace(/-jabar$/, '-prov');
}

/** The part of a service id after its agency prefix (`disdukcapil-ktp-el` → `ktp-el`). */
function serviceSuffix(s: SeedService): string {
  for (const prefix of [s.agencyId, agencyStem(s.agencyId)]) {
    if (s.id.startsWith(`${prefix}-`)) return s.id.slice(prefix.length + 1);
  }
  return s.id;
}

function clampInt(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(n)));
}

/**
 * Builds a catalog of exactly `count` services: the Bogor demo catalog first, then regional
 * variants. Deterministic for a given `count` and `seed`. Throws if `count` is smaller than the
 * Bogor catalog.
 */
export function syntheticCatalog(count: number, seed = 1): { agencies: SeedAgency[]; services: SeedService[] } {
  if (!Number.isInteger(count) || count < BOGOR_SERVICES.length) {
    throw new RangeError(`syntheticCatalog: count must be an integer >= ${BOGOR_SERVICES.length} (the Bogor catalog), got ${count}`);
  }
  const rand = mulberry32(seed);
  const agencies: SeedAgency[] = BOGOR_AGENCIES.map((a) => ({ ...a, aliases: [...a.aliases] }));
  const services: SeedService[] = BOGOR_SERVICES.map((s) => ({ ...s }));
  const agencyIds = new Set(agencies.map((a) => a.id));
  const serviceIds = new Set(services.map((s) => s.id));
  const serviceNames = new Set(services.map((s) => s.name));
  const templatesByAgency = new Map<string, SeedService[]>();
  for (const s of BOGOR_SERVICES) {
    const list = templatesByAgency.get(s.agencyId) ?? [];
    list.push(s);
    templatesByAgency.set(s.agencyId, list);
  }

  // Seeded region order, so different seeds give differently shaped catalogs.
  const order = SYNTHETIC_REGIONS.map((r, i) => ({ r, k: rand(), i }))
    .sort((x, y) => x.k - y.k || x.i - y.i)
    .map((x) => x.r);

  const uniqueId = (wanted: string, taken: Set<string>): string => {
    let id = fitSlug(wanted);
    for (let n = 2; taken.has(id); n++) id = fitSlug(`${wanted}-${n}`);
    taken.add(id);
    return id;
  };
  const uniqueName = (wanted: string): string => {
    let name = wanted.slice(0, 200);
    for (let n = 2; serviceNames.has(name); n++) {
      const tail = ` (${n})`;
      name = wanted.slice(0, 200 - tail.length) + tail;
    }
    serviceNames.add(name);
    return name;
  };

  for (let round = 0; services.length < count; round++) {
    for (const region of order) {
      if (services.length >= count) break;
      const ctx: RegionContext = {
        label: round === 0 ? region.name : `${region.name} (Gerai ${round + 1})`,
        slug: round === 0 ? regionSlug(region.name) : `${regionSlug(region.name)}-${round + 1}`,
        place: placeName(region.name),
        province: region.province,
        isKabupaten: region.name.startsWith('Kabupaten '),
      };
      // Each region's MPP hosts most, not all, of the template services.
      const coverage = 0.75 + rand() * 0.25;
      for (const template of BOGOR_AGENCIES) {
        if (services.length >= count) break;
        const chosen = (templatesByAgency.get(template.id) ?? []).filter(() => rand() < coverage);
        if (chosen.length === 0) continue;

        const agencyId = uniqueId(`${agencyStem(template.id)}-${ctx.slug}`, agencyIds);
        let name = localize(template.name, ctx);
        if (!name.includes(ctx.label) && !name.includes(ctx.place)) name = `${name} (Gerai ${ctx.label})`;
        let shortName = localize(template.shortName, ctx);
        if (!shortName.includes(ctx.place)) shortName = `${shortName.replace('Provinsi ', 'Prov. ')} (${ctx.place})`;
        agencies.push({
          ...template,
          id: agencyId,
          name: name.slice(0, 200),
          shortName: shortName.slice(0, 60),
          aliases: [...template.aliases, `${template.aliases[0] ?? template.shortName} ${ctx.place.toLowerCase()}`],
          description: localize(template.description, ctx),
          website: null,
          coordinator: false,
          demo: true,
        });

        for (const s of chosen) {
          if (services.length >= count) break;
          const localName = localize(s.name, ctx);
          const onlineQueue = s.onlineQueue;
          services.push({
            ...s,
            id: uniqueId(`${agencyId}-${serviceSuffix(s)}`, serviceIds),
            agencyId,
            name: uniqueName(localName.includes(ctx.label) ? localName : `${localName} — ${ctx.label}`),
            aliases: [...s.aliases],
            summary: localize(s.summary, ctx),
            requirements: s.requirements.map((t) => localize(t, ctx)),
            conditions: s.conditions.map((t) => localize(t, ctx)),
            steps: s.steps.map((t) => localize(t, ctx)),
            duration: s.duration,
            counterMinutes: clampInt(s.counterMinutes + Math.floor(rand() * 7) - 3, 1, 480),
            fee:
              s.fee.kind === 'regulated'
                ? { ...s.fee, text: localize(s.fee.text, ctx), note: s.fee.note === null ? null : localize(s.fee.note, ctx) }
                : { ...s.fee, note: s.fee.note === null ? null : localize(s.fee.note, ctx) },
            product: localize(s.product, ctx),
            legalBasis: s.legalBasis.map((t) => localizeLegalBasis(t, ctx)),
            complaintChannel: localize(s.complaintChannel, ctx),
            location: s.location,
            onlineQueue,
            dailyQuota: onlineQueue && s.dailyQuota > 0 ? clampInt((s.dailyQuota * (0.6 + rand() * 0.8)) / 5, 2, 60) * 5 : 0,
            demo: true,
          });
        }
      }
    }
  }
  return { agencies, services };
}
