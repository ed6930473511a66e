/**
 * Kemendagri region codes used by NIK validation.
 *
 * Kemendagri codes are not BPS codes (Papua is 91 and Papua Barat 92 in Kemendagri). NIK region
 * digits are frozen at issue time, so checks must accept historical codes as well as current ones.
 */

/**
 * Every province code, current ∪ historical, that can start a 16-digit NIK. Since the NIK began
 * (SIAK, 2006) provinces have only been added (Kalimantan Utara 65 in 2012; Papua Selatan 93,
 * Papua Tengah 94, Papua Pegunungan 95 in 2022; Papua Barat Daya 96 in 2022), never renumbered,
 * so as far as we know the union equals today's 38 codes. Timor Timur (54) predates the 16-digit NIK and is left out.
 */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15', '16', '17', '18', '19', '21',
  '31', '32', '33', '34', '35', '36',
  '51', '52', '53',
  '61', '62', '63', '64', '65',
  '71', '72', '73', '74', '75', '76',
  '81', '82',
  '91', '92', '93', '94', '95', '96',
]); // prettier-ignore

/**
 * Regency/city codes `PPKK` per covered province, as `[province, lastKabupaten, lastKota]`:
 * kabupaten run `PP01…PP<lastKabupaten>`, kota run `PP71…PP<lastKota>`.
 */
const REGENCY_RANGES: ReadonlyArray<readonly [province: string, lastKabupaten: number, lastKota: number]> = [
  ['31', 1, 75], // DKI Jakarta: Kepulauan Seribu; Jakarta Pusat, Utara, Barat, Selatan, Timur
  ['32', 18, 79], // Jawa Barat: Bogor … Pangandaran; Kota Bogor … Kota Banjar
  ['33', 29, 76], // Jawa Tengah: Cilacap … Brebes; Kota Magelang … Kota Tegal
  ['34', 4, 71], // DI Yogyakarta: Kulon Progo, Bantul, Gunungkidul, Sleman; Kota Yogyakarta
  ['35', 29, 79], // Jawa Timur: Pacitan … Sumenep; Kota Kediri … Kota Batu
  ['36', 4, 74], // Banten: Pandeglang, Lebak, Tangerang, Serang; Kota Tangerang … Tangerang Selatan
  ['51', 8, 71], // Bali: Jembrana … Buleleng; Kota Denpasar
];

function expand(): Set<string> {
  const codes = new Set<string>();
  for (const [province, lastKabupaten, lastKota] of REGENCY_RANGES) {
    for (let k = 1; k <= lastKabupaten; k++) codes.add(province + String(k).padStart(2, '0'));
    for (let k = 71; k <= lastKota; k++) codes.add(province + String(k));
  }
  return codes;
}

/**
 * Known regency/city codes (`PPKK`, e.g. `'3273'` Kota Bandung).
 *
 * PARTIAL on purpose: only Java (DKI, Jawa Barat, Jawa Tengah, DI Yogyakarta, Jawa Timur, Banten)
 * and Bali are listed, where the codes have been stable since the NIK began. It is a warning-only
 * aid: an unknown regency never makes a NIK invalid (codes are renumbered after splits, e.g.
 * Mimika 91.09 → 94.04 in 2022). A full current ∪ historical list can be generated at build time
 * from idn-area-data (data under ODbL, so a shipped copy needs attribution and the same licence).
 */
export const KNOWN_REGENCY_CODES: ReadonlySet<string> = expand();

/** Provinces whose regencies `KNOWN_REGENCY_CODES` lists completely. */
export const REGENCY_COVERED_PROVINCES: ReadonlySet<string> = new Set(REGENCY_RANGES.map(([province]) => province));

/**
 * `true`/`false` when the province of `regencyCode` (`PPKK`) is covered by the list;
 * `null` when the list cannot tell.
 */
export function isKnownRegency(regencyCode: string): boolean | null {
  if (!REGENCY_COVERED_PROVINCES.has(regencyCode.slice(0, 2))) return null;
  return KNOWN_REGENCY_CODES.has(regencyCode);
}

/**
 * Whether `kk` (the regency digits of a NIK, `'01'`…`'99'`) can be a regency number at all.
 * Kemendagri numbers kabupaten from `01` and kota from `71`; no province has ever had more than
 * 29 kabupaten (Jawa Tengah, Jawa Timur, Papua before 2022) or 9 kota (Jawa Barat, Jawa Timur).
 * With a wide margin: kabupaten `01`–`49`, kota `71`–`79`; `00`, `50`–`70` and `80`–`99` never exist.
 */
export function isPossibleRegencyNumber(kk: string): boolean {
  if (!/^\d{2}$/.test(kk)) return false;
  const n = Number(kk);
  return (n >= 1 && n <= 49) || (n >= 71 && n <= 79);
}
