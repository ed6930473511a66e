/**
 * The API application, composed from its parts. Nothing lives at module level: `buildApp` makes
 * every pool, cache, coalescer and key from what it is given, so two apps in one process share
 * nothing, and every "now" comes from the injected clock.
 */
import { Hono } from 'hono';
import { API_PREFIX, ROUTES } from '@mpp-kit/core';
import { staffAuthRoutes } from './auth/routes.js';
import { catalogRoutes, createCatalogParts } from './catalog/index.js';
import { sweepEscalations } from './complaints/escalation.js';
import { createComplaintParts, type ComplaintParts } from './complaints/parts.js';
import { complaintRoutes } from './complaints/routes.js';
import { createJobRunner, type JobRunner } from './jobs/runner.js';
import { deliverMail } from './mail/outbox.js';
import { DEFAULT_CONFIG, DEFAULT_LIMITS, systemClock, type AppConfig, type AppDeps, type Deps, type Env } from './context.js';
import { counterRoutes } from './counter/routes.js';
import { holidayRoutes } from './holidays/routes.js';
import { jsonBody } from './http/body.js';
import { compression } from './http/compression.js';
import { notFound, onError } from './http/fallbacks.js';
import { requestBasics } from './http/request.js';
import { QueueBus } from './live/bus.js';
import { createLogger } from './log.js';
import { createQueueParts, queueRoutes, type QueueParts } from './queue/index.js';

export { systemClock, DEFAULT_CONFIG, DEFAULT_LIMITS } from './context.js';
export type { AppConfig, AppDeps, Clock, Env, AbuseLimits, Limit } from './context.js';

export interface BuiltApp {
  app: Hono<Env>;
  deps: Deps;
  queue: QueueParts;
  complaints: ComplaintParts;
  /** Background jobs (mail delivery, escalation sweep): `start()` runs them on their timers (mail every 5 s, the sweep every minute), `runAll()` now. */
  jobs: JobRunner;
  /** Prepares what the first rush needs (booking connections, codes drawn ahead). */
  warm(): Promise<void>;
  /** Stops the app's background work. */
  stop(): Promise<void>;
}

/** Builds the API application and its parts; the caller owns the database and the listening socket. */
export function buildApp(d: AppDeps): BuiltApp {
  const config: AppConfig = { ...DEFAULT_CONFIG, secret: '', ...d.config, limits: { ...DEFAULT_LIMITS, ...d.config?.limits } };
  if (!config.secret) throw new Error('createApp needs config.secret (the NIK HMAC secret)');
  const deps: Deps = {
    db: d.db,
    clock: d.clock ?? systemClock,
    logger: d.logger ?? createLogger(),
    config,
    bus: d.bus ?? new QueueBus(),
  };
  const queue = createQueueParts(deps);
  const complaints = createComplaintParts(deps, d.complaints);
  const jobs = createJobRunner(
    [
      { name: 'escalation', run: () => sweepEscalations(deps.db, deps.clock, complaints.policy, complaints.publicUrl) },
      // Every 5 s: a contact code must reach the citizen while they wait for it.
      { name: 'mail', everyMs: 5_000, run: () => deliverMail(deps.db, deps.clock, complaints.mail, deps.logger, complaints.mailDomain) },
    ],
    deps.logger,
  );
  const app = new Hono<Env>();
  app.use('*', requestBasics(deps, ROUTES.health.path));
  app.use('*', compression());
  app.use('/api/*', jsonBody(config.bodyLimit, [ROUTES.uploadComplaintPhoto.path, ROUTES.redactComplaintPhoto.path]));
  // Staff answers (tokens, accounts, inbox data) are never stored by a browser or a proxy.
  app.use(`${API_PREFIX}/staff/*`, async (c, next) => {
    const outgoing = c.env?.outgoing;
    if (outgoing) outgoing.setHeader('cache-control', 'no-store');
    else c.header('cache-control', 'no-store');
    await next();
  });
  app.get(ROUTES.health.path, async (c) => {
    await deps.db.query('select 1');
    return c.json({ status: 'ok', version: config.version, database: deps.db.kind, time: deps.clock.now().toISOString() });
  });
  app.route('/', catalogRoutes(createCatalogParts(deps.clock)));
  app.route('/', queueRoutes(queue));
  app.route('/', holidayRoutes());
  app.route('/', counterRoutes());
  app.route('/', complaintRoutes(complaints));
  app.route('/', staffAuthRoutes(deps.clock));
  app.notFound(notFound);
  app.onError(onError(deps.logger));
  return {
    app,
    deps,
    queue,
    complaints,
    jobs,
    warm: () => queue.fast.warm(),
    stop: async () => {
      queue.fast.stop();
      await jobs.stop();
    },
  };
}

/** The API application alone (tests, embedding in another server). */
export const createApp = (d: AppDeps): Hono<Env> => buildApp(d).app;
