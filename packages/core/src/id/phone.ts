/**
 * Indonesian mobile numbers: a tiny, Indonesia-only normalizer for notification fields
 * (WhatsApp/SMS), so the widget does not ship libphonenumber.
 *
 * Mobile national significant numbers are `8[1-35-9]` + 7–10 digits (9–12 digits after `62`),
 * i.e. `08…` with 10–13 digits nationally. Fixed lines (`021…`) receive neither WhatsApp nor SMS
 * and are refused with their own code.
 */

export type PhoneErrorCode = 'phone_format' | 'phone_not_mobile';

export type PhoneResult =
  | {
      ok: true;
      /** E.164, what we store: `'+6281234567890'`. */
      e164: string;
      /** For display: `'0812-3456-7890'`. */
      national: string;
      /** For `https://wa.me/<wa>`: `'6281234567890'`. */
      wa: string;
    }
  | { ok: false; code: PhoneErrorCode };

const SEPARATORS_RE = /[\s\-.()]/g;
const MOBILE_RE = /^628[1-35-9]\d{7,10}$/;
/** Well-formed but not mobile: fixed lines (area codes start with 2–7 or 9) and 080x toll-free/premium numbers. */
const NOT_MOBILE_RE = /^62(?:[2-79]\d{6,10}|80\d{6,9})$/;

/** Maps the written prefix to `62…`, or returns null when the number is not Indonesian-shaped. */
function toInternational(digits: string): string | null {
  const country = /^(?:\+62|0062|62)/.exec(digits);
  if (country) {
    const rest = digits.slice(country[0].length);
    // `+62 (0)812…` / `+62 0812…`: a trunk 0 written after the country code.
    return `62${rest.startsWith('0') ? rest.slice(1) : rest}`;
  }
  if (digits.startsWith('0')) return `62${digits.slice(1)}`;
  if (digits.startsWith('8')) return `62${digits}`;
  return null;
}

/** Groups a national number (`0` + 9–12 digits): first 4, then 4s, last group 3–5 (`0811-234-567` for 10 digits). */
function groupNational(national: string): string {
  const head = national.slice(0, 4);
  const rest = national.slice(4);
  if (rest.length <= 6) return `${head}-${rest.slice(0, 3)}-${rest.slice(3)}`;
  return `${head}-${rest.slice(0, 4)}-${rest.slice(4)}`;
}

/**
 * Normalizes what a person typed into an Indonesian mobile number.
 *
 * Strips whitespace, `-`, `.`, `(`, `)`; maps `+62`, `0062`, `62`, a leading `0` or a bare
 * leading `8` (the 0 dropped) to `62`; then requires `^628[1-35-9]\d{7,10}$`. Well-formed fixed
 * lines and 080x numbers give `phone_not_mobile`; anything else gives `phone_format`.
 */
export function normalizePhone(input: string): PhoneResult {
  const compact = input.replace(SEPARATORS_RE, '');
  const intl = toInternational(compact);
  if (intl === null || !/^\d+$/.test(intl)) return { ok: false, code: 'phone_format' };
  if (MOBILE_RE.test(intl)) {
    const national = `0${intl.slice(2)}`;
    return { ok: true, e164: `+${intl}`, national: groupNational(national), wa: intl };
  }
  return { ok: false, code: NOT_MOBILE_RE.test(intl) ? 'phone_not_mobile' : 'phone_format' };
}

/**
 * Masks a number for display: `'+6281234567890' → '0812-****-7890'` (first and last group kept).
 * Accepts anything `normalizePhone` accepts; other input keeps only its last 4 characters (and
 * nothing when it is 4 characters or shorter).
 */
export function maskPhone(e164: string): string {
  const result = normalizePhone(e164);
  if (result.ok) {
    const groups = result.national.split('-');
    return groups.map((g, i) => (i === 0 || i === groups.length - 1 ? g : '*'.repeat(g.length))).join('-');
  }
  const chars = Array.from(e164.replace(SEPARATORS_RE, ''));
  if (chars.length <= 4) return '*'.repeat(chars.length);
  return '*'.repeat(chars.length - 4) + chars.slice(-4).join('');
}
