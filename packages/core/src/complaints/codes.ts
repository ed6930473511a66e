/**
 * Si Badra tracking codes: `SB-` and two groups of five Crockford base-32 characters (no I, L, O,
 * U), as the server draws them and the widgets read them typed.
 */
export const TRACKING_CODE_PATTERN = /^SB-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

/** Whether `code` is a tracking code in its shown form. */
export const isTrackingCode = (code: string): boolean => TRACKING_CODE_PATTERN.test(code);

/**
 * A tracking code as a citizen may type it (`sb 7k3mq 9xd2f`, `7K3MQ9XD2F`) in its shown form
 * `SB-7K3MQ-9XD2F`; anything else trimmed and upper-cased (check it with `isTrackingCode`).
 */
export function normalizeTrackingCode(input: string): string {
  const s = input.toUpperCase().replace(/[\s-]/g, '');
  const body = s.startsWith('SB') ? s.slice(2) : s;
  return body.length === 10 ? `SB-${body.slice(0, 5)}-${body.slice(5)}` : input.trim().toUpperCase();
}
