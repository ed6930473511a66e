import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { ROUTES, type RouteSpec } from '@mpp-kit/core';
import type { Env } from '../context.js';
import type { Logger } from '../log.js';
import { RequestAborted } from './body.js';
import { ProblemException, problemResponse } from './problem.js';
import { redactPath } from './request.js';

const pathRegex = (p: string) => new RegExp('^' + p.replace(/\{\w+\}/g, '[^/]+') + '/?$');
const KNOWN = Object.values(ROUTES as Record<string, RouteSpec>).map((r) => ({ method: r.method.toUpperCase(), re: pathRegex(r.path) }));

/** 405 with `Allow` for a known path and another method, else 404, both as problems. */
export const notFound: NotFoundHandler<Env> = (c) => {
  const path = c.req.path;
  const allowed = KNOWN.filter((k) => k.re.test(path)).map((k) => k.method);
  if (allowed.length) {
    const allow = [...new Set([...allowed, 'OPTIONS'])].join(', ');
    return problemResponse(c, new ProblemException(405, 'method_not_allowed', `Use ${allow}`, undefined, { allow }));
  }
  return problemResponse(c, new ProblemException(404, 'route_not_found', 'No endpoint at this path'));
};

/** Problems become their answer; a client gone mid-body is a 400 nobody reads; anything else is a logged 500. */
export const onError =
  (logger: Logger): ErrorHandler<Env> =>
  (err, c: Context<Env>) => {
    if (err instanceof ProblemException) return problemResponse(c, err);
    if (err instanceof RequestAborted) {
      logger.info('request_aborted', { path: redactPath(c.req.path), requestId: c.get('requestId') });
      return problemResponse(c, new ProblemException(400, 'request_aborted', 'The request body did not arrive whole'));
    }
    if (err instanceof HTTPException && err.status < 500) {
      return problemResponse(c, new ProblemException(err.status, err.status === 413 ? 'payload_too_large' : 'bad_request', err.message));
    }
    logger.error('unhandled', {
      path: redactPath(c.req.path),
      error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      requestId: c.get('requestId'),
    });
    return problemResponse(c, new ProblemException(500, 'internal_error', 'Something went wrong on our side'));
  };
