import type { Context } from 'hono';
import type { FieldError, ProblemCode } from '@mpp-kit/core';

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
};

/** An error that becomes an RFC 9457 problem response with a stable `code`. */
export class ProblemException extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    readonly detail?: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(detail ?? TITLES[code]);
  }
}

export function problemResponse(c: Context, p: ProblemException): Response {
  const body = {
    type: `https://mpp-kit.dev/problems/${p.code.replace(/_/g, '-')}`,
    title: TITLES[p.code],
    status: p.status,
    code: p.code,
    ...(p.detail ? { detail: p.detail } : {}),
    instance: new URL(c.req.url).pathname,
    ...(p.errors?.length ? { errors: p.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status: p.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', ...p.headers },
  });
}

/** Maps zod issues to our field errors: `path` as `a.b.0`, `code` from zod's issue code. */
export function fieldErrors(issues: readonly { path: readonly PropertyKey[]; code: string; message: string }[]): FieldError[] {
  return issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', code: i.code, message: i.message }));
}
