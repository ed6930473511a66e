import { Hono } from 'hono';
import type { Context } from 'hono';
import { cors } from 'hono/cors';
import { bodyLimit } from 'hono/body-limit';
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
  Variables: { deps: Required<Omit<AppDeps, 'config'>> & { config: AppConfig }; body: unknown; requestId: string };
};

export const DEFAULT_CONFIG: Omit<AppConfig, 'secret'> = { corsOrigins: '*', bodyLimit: 64 * 1024, version: '0.0.0' };

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

  app.use('*', async (c, next) => {
    const start = performance.now();
    const requestId = c.req.header('x-request-id')?.slice(0, 64) || crypto.randomUUID();
    c.set('deps', full);
    c.set('requestId', requestId);
    await next();
    c.header('x-request-id', requestId);
    // Only the path: query strings and bodies may carry personal data and are never logged.
    full.logger.info('request', {
      method: c.req.method,
      path: new URL(c.req.url).pathname,
      status: c.res.status,
      ms: Math.round(performance.now() - start),
      requestId,
    });
  });

  app.use(
    '/api/*',
    cors({
      origin: config.corsOrigins === '*' ? '*' : config.corsOrigins,
      allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: ['content-type', 'idempotency-key', 'if-none-match', 'authorization', 'last-event-id', 'x-request-id'],
      exposeHeaders: ['etag', 'location', 'retry-after', 'x-request-id', 'x-total-count'],
      maxAge: 600,
    }),
  );
  app.use('/healthz', cors({ origin: '*' }));

  // Every request with a body: size limit, JSON only, parsed once. Handlers read c.get('body').
  app.use('/api/*', async (c, next) => {
    if (!['POST', 'PUT', 'PATCH'].includes(c.req.method)) return next();
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/(.+\+)?json\b/i.test(type))
      throw new ProblemException(415, 'unsupported_media_type', 'Send the body as application/json');
    return bodyLimit({
      maxSize: config.bodyLimit,
      onError: () => {
        throw new ProblemException(413, 'payload_too_large', `The body must be at most ${config.bodyLimit} bytes`);
      },
    })(c, async () => {
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        throw new ProblemException(400, 'malformed_json', 'The body is not valid JSON');
      }
      c.set('body', body);
      await next();
    });
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
