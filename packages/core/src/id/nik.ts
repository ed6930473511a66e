/**
 * NIK (Nomor Induk Kependudukan): format validation and parsing.
 *
 * Layout `PP KK CC DD MM YY SSSS` (16 digits): province, regency/city, district, day of birth
 * (+40 for women), month, two-digit year, serial. There is no checksum, so a well-formed NIK is
 * not proof that it exists; only Dukcapil can tell that. The region digits are the place of first
 * registration, not domicile: never refuse residents of other regions because of them.
 *
 * A NIK is personal data (UU 27/2022 PDP): show it masked (`maskNik`), keep it out of URLs,
 * events and analytics.
 */
import { PROVINCE_CODES, isKnownRegency, isPossibleRegencyNumber } from './regions.js';

export type NikErrorCode = 'nik_format' | 'nik_repeated' | 'nik_province' | 'nik_region' | 'nik_birth_date' | 'nik_serial';
export type NikWarningCode = 'nik_unknown_regency';

export interface NikInfo {
  /** The 16 digits, cleaned. */
  nik: string;
  /** `PP`, e.g. `'32'`. */
  provinceCode: string;
  /** `PPKK`, e.g. `'3273'`. */
  regencyCode: string;
  /** `PPKKCC`, e.g. `'327301'`. */
  districtCode: string;
  sex: 'M' | 'F';
  /** `YYYY-MM-DD`. */
  birthDate: string;
  /** `SSSS`, `'0001'`–`'9999'`. */
  serial: string;
}

export type NikResult = { ok: true; info: NikInfo; warnings: NikWarningCode[] } | { ok: false; code: NikErrorCode };

const NIK_RE = /^\d{16}$/;
/** One digit, or one pair of digits, repeated: `1111111111111111`, `1212121212121212`. */
const REPEATED_RE = /^(\d\d?)\1+$/;
const SEPARATORS_RE = /[\s.-]/g;

/** Strips whitespace, `.` and `-` (how people paste a NIK: `3271 0117 0845 0001`, `3271.01…`). */
export function cleanNik(input: string): string {
  return input.replace(SEPARATORS_RE, '');
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/**
 * Validates and parses a NIK. Checks run in this order and the first failure is returned:
 * format (16 ASCII digits after `cleanNik`), not one digit or one pair of digits repeated
 * (`nik_repeated`: `1111111111111111`, `1212121212121212` are typed to get past a form, never
 * issued), province, region (regency a possible kabupaten `01`–`49` or kota `71`–`79` number,
 * district ≠ `00`), birth date, serial ≠ `0000`.
 * An unknown regency in a province covered by the region list only adds the warning
 * `nik_unknown_regency`.
 *
 * `today` (`YYYY-MM-DD`, the office's date) decides the century: 20YY unless that date is after
 * `today`, else 19YY.
 */
export function parseNik(input: string, today: string): NikResult {
  const nik = cleanNik(input);
  if (!NIK_RE.test(nik)) return { ok: false, code: 'nik_format' };
  if (REPEATED_RE.test(nik)) return { ok: false, code: 'nik_repeated' };

  const provinceCode = nik.slice(0, 2);
  if (!PROVINCE_CODES.has(provinceCode)) return { ok: false, code: 'nik_province' };
  if (!isPossibleRegencyNumber(nik.slice(2, 4)) || nik.slice(4, 6) === '00') return { ok: false, code: 'nik_region' };

  const dd = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const sex = dd > 40 ? 'F' : 'M';
  const day = dd > 40 ? dd - 40 : dd;
  // ISO dates compare correctly as strings; an impossible 20YY date is rejected below either way.
  const year = `20${nik.slice(10, 12)}-${pad2(month)}-${pad2(day)}` > today ? 1900 + yy : 2000 + yy;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return { ok: false, code: 'nik_birth_date' };

  const serial = nik.slice(12);
  if (serial === '0000') return { ok: false, code: 'nik_serial' };

  const regencyCode = nik.slice(0, 4);
  const warnings: NikWarningCode[] = isKnownRegency(regencyCode) === false ? ['nik_unknown_regency'] : [];
  return {
    ok: true,
    info: {
      nik,
      provinceCode,
      regencyCode,
      districtCode: nik.slice(0, 6),
      sex,
      birthDate: `${year}-${pad2(month)}-${pad2(day)}`,
      serial,
    },
    warnings,
  };
}

/**
 * Masks a NIK for display: `'************0001'`, only the last 4 digits (the region digits with the
 * serial narrow a NIK down to one person far too easily). Separators are dropped first. Anything
 * else keeps only its last 4 characters too (and nothing at all when it is 4 characters or shorter).
 */
export function maskNik(nik: string): string {
  const chars = Array.from(cleanNik(nik));
  if (chars.length <= 4) return '*'.repeat(chars.length);
  return '*'.repeat(chars.length - 4) + chars.slice(-4).join('');
}
