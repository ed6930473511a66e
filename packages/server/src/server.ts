import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { buildApp, type AppDeps, type BuiltApp } from './app.js';
import { upsertBootstrapAdmin } from './auth/repository.js';
import type { Clock } from './context.js';
import { sha256 } from './crypto/hash.js';
import { deploymentSecret } from './crypto/secrets.js';
import { migrate, openDatabase, type Db } from './db/index.js';
import { mountDemo } from './demo.js';
import { answerClientErrors } from './http/node-errors.js';
import { QueueBus } from './live/bus.js';
import { createLogger, type Logger } from './log.js';
import { seedDemoIfEmpty } from './seed/index.js';
import { seedQueueDemoIfEmpty } from './seed/queue.js';
import { BOGOR_COMPLAINTS, seedComplaintsIfEmpty } from './seed/complaints.js';

export interface StartOptions {
  port?: number;
  host?: string;
  /** PostgreSQL URL; when absent the server runs on PGlite in `dataDir` (in memory without one). */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /**
   * Demo mode: seed the Kota Bogor demo into an empty database, and without MPP_SECRET generate
   * the NIK secret (kept in a file beside the data folder). Outside demo mode the server refuses
   * to start without MPP_SECRET or MPP_SECRET_FILE.
   */
  seedDemo?: boolean;
  /** Serve the examples, docs and CDN bundle from this repository root. */
  demoRoot?: string;
  logger?: Logger;
  clock?: Clock;
  config?: AppDeps['config'];
  /** Use this database instead of opening one (tests). */
  db?: Db;
  /** Ensures an `admin` staff account with this bearer token (MPP_ADMIN_TOKEN; bootstrap and tests). */
  adminToken?: string;
  /** Si Badra's parts (mail transport, photo store, policy, boundary); the demo's boundary is Kota Bogor's. */
  complaints?: AppDeps['complaints'];
  /** Run the background jobs every minute (default true; tests pass false and call `built.jobs.runAll()`). */
  jobs?: boolean;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  bus: QueueBus;
  /** The app and its parts (tests and the bench look inside). */
  built: BuiltApp;
  /** Milliseconds from the call to listening, database open and migrated included. */
  startupMs: number;
  close(): Promise<void>;
}

export async function startServer(o: StartOptions = {}): Promise<RunningServer> {
  const t0 = performance.now();
  const logger = o.logger ?? createLogger();
  const db = o.db ?? (await openDatabase({ databaseUrl: o.databaseUrl, dataDir: o.dataDir }));
  const applied = await migrate(db);
  if (applied.length) logger.info('migrated', { applied });
  if (o.seedDemo && (await seedDemoIfEmpty(db))) logger.info('seeded', { demo: 'kota-bogor' });
  if (o.seedDemo && (await seedQueueDemoIfEmpty(db))) logger.info('seeded', { demo: 'kota-bogor-queue' });
  if (o.seedDemo && (await seedComplaintsIfEmpty(db, BOGOR_COMPLAINTS))) logger.info('seeded', { demo: 'kota-bogor-si-badra' });
  if (o.adminToken) await upsertBootstrapAdmin(db, sha256(o.adminToken));
  const env = process.env;
  const secret = await deploymentSecret(
    db,
    {
      secret: o.config?.secret,
      env: env.MPP_SECRET,
      file: env.MPP_SECRET_FILE,
      demo: Boolean(o.seedDemo),
      dataDir: o.databaseUrl ? undefined : o.dataDir,
    },
    logger,
  );
  const bus = new QueueBus();
  await bus.attach(db);
  const complaints = { ...(o.seedDemo ? { boundary: BOGOR_COMPLAINTS.boundary } : {}), ...o.complaints };
  const built = buildApp({ db, logger, clock: o.clock, config: { ...o.config, secret }, bus, complaints });
  await built.warm();
  if (o.jobs !== false) built.jobs.start();
  const { app } = built;
  if (o.demoRoot) mountDemo(app, o.demoRoot);
  const host = o.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: o.port ?? 8787, hostname: host }, () => resolve(s));
  });
  answerClientErrors(server as unknown as Server, logger);
  // PGlite runs on this thread: under a burst the event loop can stall for seconds, and Node's 5 s
  // keep-alive timer would then close sockets a client is about to reuse (ECONNRESET). Be patient.
  const http = server as unknown as { keepAliveTimeout: number; headersTimeout: number };
  http.keepAliveTimeout = 65_000;
  http.headersTimeout = 66_000;
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  return {
    url,
    port,
    db,
    bus,
    built,
    startupMs: Math.round(performance.now() - t0),
    async close() {
      await built.stop();
      bus.close();
      await new Promise<void>((r) => {
        server.close(() => r());
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await bus.detach();
      if (!o.db) await db.close();
    },
  };
}
