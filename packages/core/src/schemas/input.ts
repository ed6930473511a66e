/**
 * Input rules shared by every request schema besides text (`text.ts`): calendar dates, canonical
 * numbers and ids, header values, and how a refusal becomes a field error with a stable code.
 *
 * Field-error codes added here (besides zod's own `invalid_type`, `too_small`, `too_big`, …):
 * - `date_invalid`: not `YYYY-MM-DD`, or not a date of the calendar (`2026-02-30`, `2026-13-01`);
 * - `date_out_of_range`: a real date outside `DATE_MIN` … `DATE_MAX` (`0000-01-01`, `9999-12-31`);
 * - `date_range_reversed`: a `from` after its `to`;
 * - `number_invalid`: a number in a path, query or header that is not a canonical decimal
 *   (`0x10`, `+1`, `01`, `1e1`, ` 1`, `1.0`);
 * - `id_invalid`: an id that is not in its one canonical form (slot ids, queue ids);
 * - `header_invalid`: a header value with anything but visible ASCII, or too long.
 */
import * as z from 'zod/mini';
import { isIsoDate } from '../time/zoned.js';
import { refuse } from './text.js';

export const INPUT_PROBLEMS = [
  'date_invalid',
  'date_out_of_range',
  'date_range_reversed',
  'number_invalid',
  'id_invalid',
  'header_invalid',
] as const;
export type InputProblem = (typeof INPUT_PROBLEMS)[number];

/** The first and last dates the API accepts: anything else is a typo or an attack. */
export const DATE_MIN = '2000-01-01';
export const DATE_MAX = '2100-12-31';

/** Why `s` is not an acceptable `YYYY-MM-DD`, or null. */
export function dateProblem(s: string): 'date_invalid' | 'date_out_of_range' | null {
  if (!isIsoDate(s)) return 'date_invalid';
  // Equal-length ISO dates compare correctly as strings.
  return s < DATE_MIN || s > DATE_MAX ? 'date_out_of_range' : null;
}

/** `YYYY-MM-DD`, a real calendar date from `DATE_MIN` to `DATE_MAX`, in the office's time zone. */
export const IsoDate = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/),
  z.meta({ format: 'date', description: `A calendar date from ${DATE_MIN} to ${DATE_MAX}` }),
  z.check<string>((payload) => {
    const problem = dateProblem(payload.value);
    if (problem) refuse(payload, problem);
  }),
);
export type IsoDate = z.infer<typeof IsoDate>;

/** Refuses an object whose `from` comes after its `to` (`date_range_reversed`, at `to`). */
export const fromNotAfterTo = z.check<{ from?: string; to?: string }>((payload) => {
  const { from, to } = payload.value;
  if (from && to && from > to)
    payload.issues.push({
      code: 'custom',
      message: 'date_range_reversed',
      params: { code: 'date_range_reversed' },
      path: ['to'],
      input: to,
      continue: false,
    });
});

const DECIMAL_SOURCE = '^(?:0|[1-9][0-9]{0,15})$';
const DECIMAL = new RegExp(DECIMAL_SOURCE);

/**
 * A whole number as a path, query or header string in canonical decimal (`0`, `7`, `250`; never
 * `0x10`, `+1`, `01`, `1e1`, ` 1`), from `min` to `max`. Parses to a number.
 */
export function decimal(min: number, max: number) {
  return z.pipe(
    z.pipe(
      z.string().check(
        z.meta({ pattern: DECIMAL_SOURCE, description: `A whole number from ${min} to ${max} in canonical decimal` }),
        z.check<string>((payload) => {
          if (!DECIMAL.test(payload.value)) refuse(payload, 'number_invalid');
        }),
      ),
      z.transform((s: string) => Number(s)),
    ),
    z.number().check(z.int(), z.minimum(min), z.maximum(max)),
  );
}

const COORDINATE_SOURCE = '^-?\\d{1,3}(\\.\\d{1,10})?$';
const COORDINATE = new RegExp(COORDINATE_SOURCE);

/** A degree of latitude or longitude in a query (`-6.5971`): plain decimal notation, from `min` to `max`. */
export function coordinate(min: number, max: number) {
  return z.pipe(
    z.pipe(
      z.string().check(
        z.meta({ pattern: COORDINATE_SOURCE, description: `Degrees from ${min} to ${max} in plain decimal notation` }),
        z.check<string>((payload) => {
          if (!COORDINATE.test(payload.value)) refuse(payload, 'number_invalid');
        }),
      ),
      z.transform((s: string) => Number(s)),
    ),
    z.number().check(z.minimum(min), z.maximum(max)),
  );
}

/** A row id: a canonical positive decimal that fits PostgreSQL's `integer`. */
export const RowId = decimal(1, 2_147_483_647);

const SLUG_SOURCE = '[a-z0-9]+(?:-[a-z0-9]+)*';

/** A queue id `<agency>.<prefix>` (`disdukcapil.B`): the agency slug and the ticket letters. */
export const QueueId = z.string().check(z.maxLength(84), z.regex(new RegExp(`^${SLUG_SOURCE}\\.[A-Z]{1,2}$`)));

const SLOT_ID = new RegExp(`^(${SLUG_SOURCE})@(\\d{4}-\\d{2}-\\d{2})T([01]\\d|2[0-3])([0-5]\\d)$`);

/** A slot id `<service>@<YYYY-MM-DD>T<HHMM>` (`disdukcapil-ktp-el@2026-11-23T0800`), with a real date and time. */
export const SlotId = z.string().check(
  z.maxLength(100, { abort: true }),
  z.meta({ pattern: SLOT_ID.source, description: 'A slot id: service, real date and local start time' }),
  z.check<string>((payload) => {
    const m = SLOT_ID.exec(payload.value);
    if (!m || dateProblem(m[2]!) || m[1]!.length > 80) refuse(payload, 'id_invalid');
  }),
);

/** A header value read through the contract: visible ASCII only, 1 to `max` characters after trimming. */
export function headerValue(max: number) {
  return z.string().check(
    z.meta({ pattern: `^\\s*[\\x21-\\x7e]{1,${max}}\\s*$` }),
    z.trim(),
    z.check<string>((payload) => {
      if (!/^[\x21-\x7e]+$/.test(payload.value) || payload.value.length > max) refuse(payload, 'header_invalid');
    }),
  );
}

/** `Idempotency-Key`: what a client sends to make a create safe to retry (a UUID, say). */
export const IdempotencyKey = headerValue(200);

/** `Last-Event-ID` (or the `lastEventId` query): the id of the last queue event the client saw. */
export const LastEventId = decimal(0, Number.MAX_SAFE_INTEGER);

interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly code: string;
  readonly message: string;
  readonly params?: Record<string, unknown>;
}

/** The stable code of a zod issue: ours (`text_control_char`, `date_invalid`, …) or zod's own. */
export function issueCode(issue: IssueLike): string {
  const own = issue.code === 'custom' ? issue.params?.code : undefined;
  return typeof own === 'string' ? own : issue.code;
}

/** Zod issues as the API's field errors: `path` as `a.b.0` (`(root)` for the value itself), the stable code. */
export function fieldErrorsOf(issues: readonly IssueLike[]): { path: string; code: string; message: string }[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', code: issueCode(i), message: i.message }));
}
