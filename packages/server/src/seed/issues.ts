/**
 * Turns schema issues into one short sentence per field, in Bahasa Indonesia and English, for the
 * people who prepare a city's data files or CSV (the seed loader and the import command).
 */
import type * as z from 'zod/mini';

/** One problem with one field of one item. */
export interface FieldProblem {
  /** Dotted path inside the item (`fee.amount`, `requirements.2`); empty for the item itself. */
  field: string;
  id: string;
  en: string;
}

type Issue = z.core.$ZodIssue;

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['teks', 'text'],
  number: ['angka', 'a number'],
  int: ['bilangan bulat', 'a whole number'],
  boolean: ['true atau false', 'true or false'],
  array: ['daftar', 'a list'],
  object: ['objek', 'an object'],
};

/** The contract's own field-error codes (core `text.ts`, `input.ts`), carried in a custom issue's `params.code`. */
const CONTRACT_CODES: Record<string, [string, string]> = {
  text_invalid_unicode: ['berisi karakter Unicode yang tidak sah', 'holds invalid Unicode (a lone surrogate or a noncharacter)'],
  text_control_char: ['berisi karakter kontrol (mis. NUL)', 'holds a control character (e.g. NUL)'],
  text_bidi_control: ['berisi karakter pembalik arah teks (bidi)', 'holds a bidi override character'],
  name_contains_nik: ['berisi 16 angka seperti NIK', 'holds 16 digits like a NIK'],
  date_invalid: ['bukan tanggal kalender YYYY-MM-DD', 'is not a calendar date as YYYY-MM-DD'],
  date_out_of_range: ['tanggal di luar tahun 2000–2100', 'is a date outside the years 2000–2100'],
  number_invalid: ['bukan angka desimal biasa', 'is not a plain decimal number'],
  id_invalid: ['bukan id dalam bentuk bakunya', 'is not an id in its canonical form'],
};

const PATTERN_HINTS: Array<[RegExp, string, string]> = [
  [
    /a-z0-9/,
    'hanya huruf kecil, angka dan tanda hubung (mis. disdukcapil-ktp-el)',
    'lowercase letters, digits and single hyphens only (e.g. disdukcapil-ktp-el)',
  ],
  [/A-Z/, '1–2 huruf kapital (mis. A)', '1–2 capital letters (e.g. A)'],
  [/\\d\{4\}/, 'tanggal YYYY-MM-DD (mis. 2026-08-17)', 'a date as YYYY-MM-DD (e.g. 2026-08-17)'],
  [/\[01\]/, 'jam HH:MM (mis. 08:00)', 'a time as HH:MM (e.g. 08:00)'],
];

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

function sizeWords(origin: string, n: number | bigint, small: boolean): [string, string] {
  if (origin === 'string' && small && Number(n) === 1) return ['tidak boleh kosong', 'must not be empty'];
  if (origin === 'string')
    return small ? [`minimal ${n} karakter`, `at least ${n} characters`] : [`maksimal ${n} karakter`, `at most ${n} characters`];
  if (origin === 'array') return small ? [`minimal ${n} butir`, `at least ${n} items`] : [`maksimal ${n} butir`, `at most ${n} items`];
  return small ? [`minimal ${n}`, `at least ${n}`] : [`maksimal ${n}`, `at most ${n}`];
}

/** The problem an issue describes; `input` is the item the issue was found in (to tell a missing field from a wrong one). */
export function describeIssue(issue: Issue, input: unknown): FieldProblem {
  const field = issue.path.map(String).join('.');
  const pair = (): [string, string] => {
    switch (issue.code) {
      case 'invalid_type': {
        if (valueAt(input, issue.path) === undefined) return ['wajib diisi', 'is required'];
        const [id, en] = TYPE_NAMES[issue.expected] ?? [issue.expected, issue.expected];
        return [`harus berupa ${id}`, `must be ${en}`];
      }
      case 'too_small':
        return sizeWords(issue.origin, issue.minimum, true);
      case 'too_big':
        return sizeWords(issue.origin, issue.maximum, false);
      case 'invalid_format': {
        const pattern = 'pattern' in issue ? String(issue.pattern) : '';
        const hint = PATTERN_HINTS.find(([re]) => re.test(pattern));
        return hint ? [`harus ${hint[1]}`, `must be ${hint[2]}`] : ['format tidak sah', `has an invalid format (${issue.format})`];
      }
      case 'invalid_value': {
        const list = issue.values.map((v) => JSON.stringify(v)).join(', ');
        return [`harus salah satu dari: ${list}`, `must be one of: ${list}`];
      }
      case 'unrecognized_keys': {
        const keys = issue.keys.map((k) => `"${k}"`).join(', ');
        return [`kolom tidak dikenal: ${keys}`, `unknown field: ${keys}`];
      }
      case 'invalid_union':
        return ['isinya tidak sah', 'is not valid'];
      default: {
        const code = issue.code === 'custom' ? issue.params?.code : undefined;
        if (typeof code === 'string' && CONTRACT_CODES[code]) return CONTRACT_CODES[code];
        // Our own refinements carry "Indonesian / English"; anything else keeps its message.
        const [id, en] = issue.message.includes(' / ') ? issue.message.split(' / ', 2) : [issue.message, issue.message];
        return [id!, en!];
      }
    }
  };
  const [id, en] = pair();
  return { field, id, en };
}

/** `counterMinutes: harus … / must …` for a list of problems, one per line. */
export const formatProblems = (problems: FieldProblem[], indent = '  '): string =>
  problems.map((p) => `${indent}- ${p.field || '(item)'}: ${p.id} / ${p.en}`).join('\n');
