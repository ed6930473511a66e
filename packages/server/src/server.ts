import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp, type AppConfig, type Clock } from './app.js';
import { migrate, openDatabase, type Db } from './db/index.js';
import { mountDemo } from './demo.js';
import { createLogger, type Logger } from './log.js';
import { seedDemoIfEmpty } from './seed/index.js';
import { drawCodesAhead } from './queue/qr.js';
import { coalescerOf } from './queue/coalesce.js';
import { seedQueueDemoIfEmpty } from './seed/queue.js';
import { deploymentSecret, sha256 } from './queue/secret.js';
import { QueueBus } from './queue/bus.js';

export interface StartOptions {
  port?: number;
  host?: string;
  /** PostgreSQL URL; when absent the server runs on PGlite in `dataDir` (in memory without one). */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** Seed the Kota Bogor demo into an empty database. */
  seedDemo?: boolean;
  /** Serve the examples, docs and CDN bundle from this repository root. */
  demoRoot?: string;
  logger?: Logger;
  clock?: Clock;
  config?: Partial<AppConfig>;
  /** Use this database instead of opening one (tests). */
  db?: Db;
  /** Ensures an `admin` staff account with this bearer token (MPP_ADMIN_TOKEN; bootstrap and tests). */
  adminToken?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  db: Db;
  bus: QueueBus;
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
  if (o.adminToken) {
    await db.query(
      `insert into staff (id, name, role, agency_id, token_hash) values ('admin-bootstrap', 'Admin (MPP_ADMIN_TOKEN)', 'admin', null, $1)
         on conflict (id) do update set token_hash = excluded.token_hash`,
      [sha256(o.adminToken)],
    );
  }
  const secret = await deploymentSecret(db, o.config?.secret || process.env.MPP_SECRET);
  const bus = new QueueBus();
  await bus.attach(db);
  await coalescerOf(db).bookings.warm();
  // Booking codes with their QR codes, drawn in short steps while the server is quiet.
  drawCodesAhead();
  const app = createApp({ db, logger, clock: o.clock, config: { ...o.config, secret }, bus });
  if (o.demoRoot) mountDemo(app, o.demoRoot);
  const host = o.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: o.port ?? 8787, hostname: host }, () => resolve(s));
  });
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
    startupMs: Math.round(performance.now() - t0),
    async close() {
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
