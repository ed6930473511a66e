import * as z from 'zod/mini';
import { INPUT_PROBLEMS, decimal } from './input.js';
import { TEXT_PROBLEMS } from './text.js';
import { COMPLAINT_PROBLEMS } from './complaint-problems.js';

/** A lowercase slug used as a stable identifier (`disdukcapil`, `disdukcapil-ktp-el`). */
export const Slug = z.string().check(z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/), z.maxLength(80));

/** Pagination query shared by every list endpoint. */
export const PageQuery = z.object({
  limit: z.optional(decimal(1, 500)),
  offset: z.optional(decimal(0, 1_000_000)),
});
export type PageQuery = z.infer<typeof PageQuery>;

/** Builds the envelope of a paginated list of `item`. */
export const page = <T extends z.ZodMiniType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().check(z.int(), z.minimum(0)),
    limit: z.number().check(z.int(), z.minimum(1)),
    offset: z.number().check(z.int(), z.minimum(0)),
  });

/** The identity checks of a booking (NIK structure, mobile phone, e-mail), as problem codes. */
export const IDENTITY_PROBLEMS = [
  'nik_format',
  'nik_province',
  'nik_region',
  'nik_birth_date',
  'nik_serial',
  'nik_repeated',
  'phone_format',
  'phone_not_mobile',
  'email_format',
] as const;

/**
 * Stable machine codes for every error the API returns. Widgets translate them; the text in
 * `title`/`detail` is for developers only. Codes are never renamed once released. The list also
 * holds the field-error codes of the shared input rules (`IDENTITY_PROBLEMS`, `TEXT_PROBLEMS`,
 * `INPUT_PROBLEMS`), so a message catalogue typed against it can explain every code it is shown.
 */
export const PROBLEM_CODES = [
  'bad_request',
  'validation_failed',
  'malformed_json',
  'unsupported_media_type',
  'payload_too_large',
  'route_not_found',
  'method_not_allowed',
  'agency_not_found',
  'service_not_found',
  'rate_limited',
  'internal_error',
  // hostile or broken requests (Node's HTTP layer, limits)
  'request_aborted',
  'request_timeout',
  'header_too_large',
  // field rules shared by every request schema (text.ts, input.ts)
  ...TEXT_PROBLEMS,
  ...INPUT_PROBLEMS,
  // queue booking
  ...IDENTITY_PROBLEMS,
  'slot_not_found',
  'slot_full',
  'date_past',
  'date_closed',
  'date_not_open_yet',
  'date_beyond_window',
  'no_online_queue',
  'duplicate_booking',
  'booking_not_found',
  'booking_cancelled',
  'booking_not_changeable',
  'phone_mismatch',
  'idempotency_key_reused',
  'queue_not_found',
  'unauthorized',
  'forbidden',
  'holiday_exists',
  'holiday_not_found',
  /** An admin holiday whose `serviceId` belongs to another agency than its `agencyId`. */
  'holiday_scope_mismatch',
  // abuse limits (429 with Retry-After)
  /** Too many active bookings for one NIK on one day, across services. */
  'booking_limit_nik',
  /** Too many active bookings for one phone number on one day, across services. */
  'booking_limit_phone',
  // Si Badra complaints (complaints.ts)
  ...COMPLAINT_PROBLEMS,
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** One invalid field: a JSON-pointer-like path and a stable code (`too_big`, `invalid_type`, …). */
export const FieldError = z.object({
  path: z.string(),
  code: z.string(),
  message: z.optional(z.string()),
});
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 `application/problem+json` body, with our stable `code` and per-field `errors`. */
export const Problem = z.looseObject({
  type: z.string(),
  title: z.string(),
  status: z.number().check(z.int(), z.minimum(400), z.maximum(599)),
  code: z.string(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  errors: z.optional(z.array(FieldError)),
});
export type Problem = z.infer<typeof Problem>;

export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  database: z.enum(['pglite', 'postgres']),
  time: z.string(),
});
export type Health = z.infer<typeof Health>;
