import { Hono } from 'hono';
import type { Context } from 'hono';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPException } from 'hono/http-exception';
import * as z from 'zod/mini';
import { ROUTES, type RouteSpec } from '@mpp-kit/core';
import type { Db } from './db/types.js';
import { createLogger, type Logger } from './log.js';
import { ProblemException, fieldErrors, problemResponse } from './problem.js';
import { catalogRoutes } from './routes/catalog.js';
import { queueRoutes } from './routes/queue.js';
import { QueueBus } from './queue/bus.js';

export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

export interface AppConfig {
  /** Origins allowed to embed the widgets (`*` for any: public endpoints use no cookies). */
  corsOrigins: '*' | string[];
  /** Largest accepted request body in bytes. */
  bodyLimit: number;
  version: string;
  /** Per-deployment secret for the NIK HMAC (MPP_SECRET; `startServer` keeps a generated one in the database). */
  secret: string;
}

export interface AppDeps {
  db: Db;
  clock?: Clock;
  logger?: Logger;
  config?: Partial<AppConfig>;
  /** Live queue changes; pass one bus to several apps that share a process. */
  bus?: QueueBus;
}

export type Env = {
  /** Set by @hono/node-server; absent under `app.request()` and other runtimes. */
  Bindings: { incoming?: IncomingMessage; outgoing?: ServerResponse };
  Variables: { deps: Required<Omit<AppDeps, 'config'>> & { config: AppConfig }; body: unknown; requestId: string };
};

const CORS_METHODS = 'GET, POST, PUT, PATCH, DELETE, OPTIONS';
const CORS_HEADERS = 'content-type, idempotency-key, if-none-match, authorization, last-event-id, x-request-id';
const CORS_EXPOSE = 'etag, location, retry-after, x-request-id, x-total-count';

export const DEFAULT_CONFIG: Omit<AppConfig, 'secret'> = { corsOrigins: '*', bodyLimit: 64 * 1024, version: '0.0.0' };

/**
 * The request body as text, at most `limit` bytes (else `tooLarge()` is thrown, as soon as the
 * declared length or the bytes read pass it). Under Node it reads the socket's IncomingMessage
 * directly: building a WHATWG Request with a stream body for every POST cost about as much CPU as
 * the whole booking.
 */
async function readBody(c: Context<Env>, limit: number, tooLarge: () => Error): Promise<string> {
  const declared = Number(c.req.header('content-length') ?? NaN);
  if (declared > limit) throw tooLarge();
  const incoming = c.env?.incoming;
  if (!incoming || incoming.readableEnded || incoming.destroyed) {
    const buf = new Uint8Array(await c.req.arrayBuffer());
    if (buf.byteLength > limit) throw tooLarge();
    return new TextDecoder().decode(buf);
  }
  // Plain stream events: an async iterator over the stream costs several times more per request.
  return new Promise<string>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        incoming.pause();
        reject(tooLarge());
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size).toString('utf8'));
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    const onClose = () => {
      cleanup();
      reject(new Error('The request was aborted before its body arrived'));
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('close', onClose);
  });
}

/** Converts `/api/v1/services/{id}` to Hono's `/api/v1/services/:id`. */
export const honoPath = (p: string) => p.replace(/\{(\w+)\}/g, ':$1');
const pathRegex = (p: string) => new RegExp('^' + p.replace(/\{\w+\}/g, '[^/]+') + '/?$');
const KNOWN = Object.values(ROUTES as Record<string, RouteSpec>).map((r) => ({ method: r.method.toUpperCase(), re: pathRegex(r.path) }));

/** Validates `data` with a contract schema or throws a 400 `validation_failed` problem with field errors. */
export function validate<T>(schema: z.ZodMiniType<T>, data: unknown): T {
  const r = z.safeParse(schema, data);
  if (!r.success) throw new ProblemException(400, 'validation_failed', 'Some fields are invalid', fieldErrors(r.error.issues));
  return r.data;
}

/** Builds the API application from its parts; the caller owns the database and the listening socket. */
export function createApp(deps: AppDeps): Hono<Env> {
  const config: AppConfig = { ...DEFAULT_CONFIG, secret: '', ...deps.config };
  if (!config.secret) throw new Error('createApp needs config.secret (the NIK HMAC secret)');
  const full = {
    db: deps.db,
    clock: deps.clock ?? systemClock,
    logger: deps.logger ?? createLogger(),
    config,
    bus: deps.bus ?? new QueueBus(),
  };
  const app = new Hono<Env>();

  const corsFor = (path: string) => (path.startsWith('/api/') ? config.corsOrigins : path === ROUTES.health.path ? ('*' as const) : null);

  // Request id, CORS and the request log. Headers are set before the handler runs: a header added
  // to a finished response makes @hono/node-server rebuild it as a WHATWG Response (slow). Under
  // Node they go straight onto the socket's ServerResponse, which merges them into the handler's
  // headers: a WHATWG Headers object for every request cost more CPU than routing it.
  app.use('*', async (c, next) => {
    const start = performance.now();
    const requestId = c.req.header('x-request-id')?.slice(0, 64) || crypto.randomUUID();
    const outgoing = c.env?.outgoing;
    const header = outgoing
      ? (name: string, value: string) => outgoing.setHeader(name, value)
      : (name: string, value: string) => c.header(name, value);
    c.set('deps', full);
    c.set('requestId', requestId);
    header('x-request-id', requestId);
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
    // Only the path: query strings and bodies may carry personal data and are never logged.
    full.logger.info('request', { method: c.req.method, path, status: c.res.status, ms: Math.round(performance.now() - start), requestId });
  });

  // Every request with a body: size limit, JSON only, parsed once. Handlers read c.get('body').
  app.use('/api/*', async (c, next) => {
    if (!['POST', 'PUT', 'PATCH'].includes(c.req.method)) return next();
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/(.+\+)?json\b/i.test(type))
      throw new ProblemException(415, 'unsupported_media_type', 'Send the body as application/json');
    const tooLarge = () => new ProblemException(413, 'payload_too_large', `The body must be at most ${config.bodyLimit} bytes`);
    const text = await readBody(c, config.bodyLimit, tooLarge);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ProblemException(400, 'malformed_json', 'The body is not valid JSON');
    }
    c.set('body', body);
    await next();
  });

  app.get(ROUTES.health.path, async (c) => {
    await full.db.query('select 1');
    return c.json({ status: 'ok', version: config.version, database: full.db.kind, time: full.clock.now().toISOString() });
  });

  app.route('/', catalogRoutes());
  app.route('/', queueRoutes());

  app.notFound((c) => {
    const path = new URL(c.req.url).pathname;
    const allowed = KNOWN.filter((k) => k.re.test(path)).map((k) => k.method);
    if (allowed.length) {
      const allow = [...new Set([...allowed, 'OPTIONS'])].join(', ');
      return problemResponse(c, new ProblemException(405, 'method_not_allowed', `Use ${allow}`, undefined, { allow }));
    }
    return problemResponse(c, new ProblemException(404, 'route_not_found', `No endpoint at ${path}`));
  });

  app.onError((err, c: Context) => {
    if (err instanceof ProblemException) return problemResponse(c, err);
    if (err instanceof HTTPException && err.status < 500) {
      return problemResponse(c, new ProblemException(err.status, err.status === 413 ? 'payload_too_large' : 'bad_request', err.message));
    }
    full.logger.error('unhandled', {
      path: new URL(c.req.url).pathname,
      error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
      requestId: c.get('requestId'),
    });
    return problemResponse(c, new ProblemException(500, 'internal_error', 'Something went wrong on our side'));
  });

  return app;
}
