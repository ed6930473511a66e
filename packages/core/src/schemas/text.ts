/**
 * The one text rule of the contract: every text field of every request (names, e-mail, counter
 * names, holiday names, phones and NIKs as typed, query strings, headers read through a schema)
 * is built with `text()`, so the SDK and the server refuse the same input with the same codes.
 *
 * Refused, each with its own stable field-error code (the issue's `code` is `custom`, the stable
 * code is in `params.code` and in `message`; `issueCode()` in `input.ts` reads it):
 * - `text_invalid_unicode`: a lone surrogate (`\ud800` alone: not text, and PostgreSQL refuses it)
 *   or a Unicode noncharacter (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF);
 * - `text_control_char`: NUL and every other C0 control, DEL, every C1 control; tab, line feed,
 *   carriage return and the Unicode line/paragraph separators only in multi-line fields;
 * - `text_bidi_control`: bidi embedding, override and isolate characters (U+202A–U+202E,
 *   U+2066–U+2069), which make a text display differently from what it holds. The plain marks
 *   (U+200E, U+200F, U+061C) are allowed.
 * - `name_contains_nik` (person names only, `personName()`): a run of 16 digits once spaces,
 *   dots, dashes and slashes are removed: a NIK typed into the name field would be stored in clear.
 *
 * Accepted text is trimmed (unless `trim: false`) and normalised to NFC, then its length is
 * checked (`too_small` / `too_big`, counted in UTF-16 code units after trimming).
 */
import * as z from 'zod/mini';

/** The field-error codes of the text rule, in the order the checks run. */
export const TEXT_PROBLEMS = ['text_invalid_unicode', 'text_control_char', 'text_bidi_control', 'name_contains_nik'] as const;
export type TextProblem = (typeof TEXT_PROBLEMS)[number];

const INVALID_UNICODE = /[\p{Cs}\p{Noncharacter_Code_Point}]/u;
/** C0 but tab, LF and CR; DEL; C1; plus the whitespace controls and separators refused on one line. */
// Matching control characters is the point of these two patterns.
// eslint-disable-next-line no-control-regex
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
// eslint-disable-next-line no-control-regex
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/;
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
const NAME_SEPARATORS = /[\s./-]+/gu;
const SIXTEEN_DIGITS = /\p{Nd}{16}/u;

/** The first problem of `s` under the text rule, or null when it is acceptable text. */
export function textProblem(s: string, multiline = false): Exclude<TextProblem, 'name_contains_nik'> | null {
  if (INVALID_UNICODE.test(s)) return 'text_invalid_unicode';
  if ((multiline ? CONTROL_MULTILINE : CONTROL_SINGLE_LINE).test(s)) return 'text_control_char';
  if (BIDI_CONTROL.test(s)) return 'text_bidi_control';
  return null;
}

/** True when `s` holds a 16-digit number, however it is spaced (`3271 0117 0845 0001`). */
export function containsNik(s: string): boolean {
  return SIXTEEN_DIGITS.test(s.replace(NAME_SEPARATORS, ''));
}

/** A refusal with one of our stable codes, aborting the checks after it. */
export function refuse(payload: z.core.ParsePayload<unknown>, code: string): void {
  payload.issues.push({ code: 'custom', message: code, params: { code }, input: payload.value, continue: false });
}

export interface TextOptions {
  /** Shortest accepted length after trimming (default 0). */
  min?: number;
  /** Longest accepted length after trimming. */
  max: number;
  /** Allows tab, line feed, carriage return and the Unicode line separators. */
  multiline?: boolean;
  /** Trims surrounding whitespace (default true). */
  trim?: boolean;
}

/** A text field under the contract's text rule (see the module header). */
export function text(o: TextOptions): z.ZodMiniString<string> {
  const checks: z.core.$ZodCheck<string>[] = [
    z.check<string>((payload) => {
      const problem = textProblem(payload.value, o.multiline);
      if (problem) refuse(payload, problem);
    }),
  ];
  if (o.trim !== false) checks.push(z.trim());
  checks.push(z.normalize('NFC'));
  if (o.min) checks.push(z.minLength(o.min));
  checks.push(z.maxLength(o.max));
  return z.string().check(...checks);
}

/** A person's name: one line of text that is not (and does not hold) a NIK. */
export function personName(o: { min: number; max: number }): z.ZodMiniString<string> {
  return text(o).check(
    z.check<string>((payload) => {
      if (containsNik(payload.value)) refuse(payload, 'name_contains_nik');
    }),
  );
}
