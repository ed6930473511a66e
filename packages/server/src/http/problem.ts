import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { fieldErrorsOf, type FieldError, type ProblemCode } from '@mpp-kit/core';

const TITLES: Record<ProblemCode, string> = {
  bad_request: 'Bad request',
  validation_failed: 'Some fields are invalid',
  malformed_json: 'The body is not valid JSON',
  unsupported_media_type: 'The body must be application/json',
  payload_too_large: 'The body is too large',
  route_not_found: 'No such endpoint',
  method_not_allowed: 'Method not allowed on this endpoint',
  agency_not_found: 'No such agency',
  service_not_found: 'No such service',
  rate_limited: 'Too many requests',
  internal_error: 'Internal error',
  nik_format: 'The NIK must have 16 digits',
  nik_province: 'The NIK does not start with a known province code',
  nik_region: 'The NIK has an invalid regency or district code',
  nik_birth_date: 'The NIK does not contain a valid birth date',
  nik_serial: 'The NIK serial number cannot be 0000',
  phone_format: 'The phone number is not valid',
  phone_not_mobile: 'The phone number must be a mobile number',
  email_format: 'The e-mail address is not valid',
  slot_not_found: 'No such slot',
  slot_full: 'The slot is full',
  date_past: 'The date or time has passed',
  date_closed: 'The office is closed on that date',
  date_not_open_yet: 'Booking for that date has not opened yet',
  date_beyond_window: 'That date is too far ahead',
  no_online_queue: 'This service has no online queue',
  duplicate_booking: 'This NIK already has a ticket for this service on that date',
  booking_not_found: 'No such booking',
  booking_cancelled: 'The booking was cancelled',
  booking_not_changeable: 'The booking can no longer be changed',
  phone_mismatch: 'The phone number does not match the booking',
  idempotency_key_reused: 'The Idempotency-Key was used for a different request',
  queue_not_found: 'No such queue',
  unauthorized: 'A valid staff token is required',
  forbidden: 'This account may not do this',
  holiday_exists: 'That date is already closed for this scope',
  holiday_not_found: 'No such holiday or closure',
  holiday_scope_mismatch: 'The service belongs to another agency than the one given',
  request_aborted: 'The request body did not arrive whole',
  request_timeout: 'The request took too long to arrive',
  header_too_large: 'The request headers are too large',
  booking_limit_nik: 'This NIK already holds the most active tickets allowed on that date',
  booking_limit_phone: 'This phone number already holds the most active tickets allowed on that date',
  nik_repeated: 'The NIK cannot be one digit repeated',
  text_invalid_unicode: 'The text holds invalid Unicode (a lone surrogate)',
  text_control_char: 'The text holds a control character',
  text_bidi_control: 'The text holds a bidirectional control character',
  name_contains_nik: 'A name cannot hold a 16-digit number (a NIK belongs in its own field)',
  date_invalid: 'Not a calendar date (YYYY-MM-DD)',
  date_out_of_range: 'The date is outside the accepted range',
  date_range_reversed: 'The start date is after the end date',
  number_invalid: 'Not a number in canonical decimal form',
  id_invalid: 'Not an id in its canonical form',
  header_invalid: 'A header holds characters that are not visible ASCII, or is too long',
  category_not_found: 'No such complaint category',
  complaint_not_found: 'No such complaint',
  capture_token_invalid: 'The photo needs a valid capture token (Mpp-Capture-Token)',
  capture_token_expired: 'The capture token expired before the photo arrived',
  capture_token_used: 'The capture token already carried a photo',
  photo_required: 'A live photo is required',
  photo_not_found: 'No such photo',
  photo_type: 'The file is not a JPEG, PNG or WebP image of the declared type',
  location_required: 'A location or an address is required',
  location_outside_area: 'The location is outside the area this service covers',
  location_inaccurate: 'The location is too inaccurate',
  contact_required: 'An e-mail address or a mobile number is required',
  verification_code_wrong: 'The verification code is wrong',
  verification_code_expired: 'The verification code expired',
  verification_locked: 'Too many wrong codes; request a new one',
  contact_already_verified: 'The contact is already verified',
  complaint_transition: 'The complaint is not in a status that allows this',
  contact_proof_invalid: 'The contact proof is missing, forged or expired',
  contact_ticket_not_found: 'No such contact code: request a new one',
  merge_target_invalid: 'The complaint cannot be merged into that one',
};

/**
 * An error that becomes an RFC 9457 problem response with a stable `code`. It is an answer, not a
 * fault: no stack trace is captured (1,700 refused bookings in a burst spent more time capturing
 * stacks than checking the rules).
 */
export class ProblemException extends Error {
  readonly status: number;
  readonly code: ProblemCode;
  readonly detail?: string;
  readonly errors?: FieldError[];
  readonly headers?: Record<string, string>;
  /** Extension members of this problem type (RFC 9457 §3.2), e.g. `existing` of `duplicate_booking`; never a standard member. */
  readonly extensions?: Record<string, unknown>;

  constructor(
    status: number,
    code: ProblemCode,
    detail?: string,
    errors?: FieldError[],
    headers?: Record<string, string>,
    extensions?: Record<string, unknown>,
  ) {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(detail ?? TITLES[code]);
    Error.stackTraceLimit = limit;
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.errors = errors;
    this.headers = headers;
    this.extensions = extensions;
  }
}

/** The RFC 9457 document of a problem. */
export const problemBody = (
  status: number,
  code: ProblemCode,
  detail: string | undefined,
  instance: string,
  errors?: FieldError[],
  extensions?: Record<string, unknown>,
) => ({
  // Extensions first: a standard member of the same name wins.
  ...extensions,
  type: `https://mpp-kit.dev/problems/${code.replace(/_/g, '-')}`,
  title: TITLES[code],
  status,
  code,
  ...(detail ? { detail } : {}),
  instance,
  ...(errors?.length ? { errors } : {}),
});

export function problemResponse(c: Context, p: ProblemException): Response {
  const body = problemBody(p.status, p.code, p.detail, c.req.path, p.errors, p.extensions);
  // Through the context, so headers set earlier (CORS, request id) are kept.
  return c.body(JSON.stringify(body), p.status as ContentfulStatusCode, {
    'content-type': 'application/problem+json; charset=utf-8',
    ...p.headers,
  });
}

/** Maps zod issues to our field errors with core's one mapping (`path` as `a.b.0`, the rule's stable code). */
export const fieldErrors = fieldErrorsOf;
