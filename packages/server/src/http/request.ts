import type { MiddlewareHandler } from 'hono';
import { ROUTES, type RouteSpec } from '@mpp-kit/core';
import type { Deps, Env } from '../context.js';

const CORS_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
const CORS_HEADERS =
  'content-type, idempotency-key, if-none-match, authorization, last-event-id, x-request-id, mpp-capture-token, mpp-contact-proof';
const CORS_EXPOSE = 'etag, location, retry-after, x-request-id, x-total-count';

/**
 * Path parameters that identify a citizen's record (a booking code is as good as a key to the
 * ticket): they are replaced by their name in request logs.
 */
const SECRET_PARAMS = new Set(['code']);
const REDACTIONS = Object.values(ROUTES as Record<string, RouteSpec>)
  .filter((r) => [...r.path.matchAll(/\{(\w+)\}/g)].some((m) => SECRET_PARAMS.has(m[1]!)))
  .map((r) => ({
    re: new RegExp('^' + r.path.replace(/\{(\w+)\}/g, (_, n: string) => (SECRET_PARAMS.has(n) ? '[^/]+' : `(?<${n}>[^/]+)`)) + '/?$'),
    path: r.path,
  }));

/** The path as it may be logged: booking codes and the like become `{code}`. */
export function redactPath(path: string): string {
  for (const r of REDACTIONS) {
    const m = r.re.exec(path);
    if (m) return r.path.replace(/\{(\w+)\}/g, (whole, n: string) => (SECRET_PARAMS.has(n) ? whole : (m.groups?.[n] ?? whole)));
  }
  return path;
}

/** A request id valid to echo: printable ASCII, at most 64 characters. */
const requestIdOf = (v: string | undefined) => (v && /^[\x21-\x7e]{1,64}$/.test(v) ? v : crypto.randomUUID());

/**
 * Request id, CORS, security headers and the request log, for every request. Headers are set
 * before the handler runs: a header added to a finished response makes @hono/node-server rebuild
 * it as a WHATWG Response (slow). Under Node they go straight onto the socket's ServerResponse,
 * which merges them into the handler's headers: a WHATWG Headers object for every request cost
 * more CPU than routing it.
 */
export function requestBasics(deps: Deps, healthPath: string): MiddlewareHandler<Env> {
  const { config, logger } = deps;
  const corsFor = (path: string) => (path.startsWith('/api/') ? config.corsOrigins : path === healthPath ? ('*' as const) : null);
  return async (c, next) => {
    const start = performance.now();
    const requestId = requestIdOf(c.req.header('x-request-id'));
    const outgoing = c.env?.outgoing;
    const header = outgoing
      ? (name: string, value: string) => outgoing.setHeader(name, value)
      : (name: string, value: string) => c.header(name, value);
    c.set('deps', deps);
    c.set('requestId', requestId);
    header('x-request-id', requestId);
    header('x-content-type-options', 'nosniff');
    const path = c.req.path;
    const allowed = corsFor(path);
    let preflight: Response | null = null;
    if (allowed) {
      const origin = c.req.header('origin') ?? '';
      const allowOrigin = allowed === '*' ? '*' : allowed.includes(origin) ? origin : null;
      if (allowed !== '*') header('vary', 'Origin');
      if (allowOrigin) header('access-control-allow-origin', allowOrigin);
      header('access-control-expose-headers', CORS_EXPOSE);
      if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
        header('access-control-allow-methods', CORS_METHODS);
        header('access-control-allow-headers', CORS_HEADERS);
        header('access-control-max-age', '600');
        preflight = c.body(null, 204);
      }
    }
    if (preflight) c.res = preflight;
    else await next();
    // Only the path, redacted: query strings and bodies may carry personal data and are never logged.
    logger.info('request', {
      method: c.req.method,
      path: redactPath(path),
      status: c.res.status,
      ms: Math.round(performance.now() - start),
      requestId,
    });
  };
}
