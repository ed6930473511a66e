/**
 * `npm start`: the reference server on its embedded database (PGlite in DATA_DIR, default .data/)
 * or on PostgreSQL when DATABASE_URL is set, seeded with the Kota Bogor demo, serving the examples
 * and the docs. Environment: PORT (8787), HOST (127.0.0.1), DATA_DIR, DATABASE_URL, CORS_ORIGINS,
 * TRUST_PROXY (1: client addresses from X-Forwarded-For), MPP_SECRET / MPP_SECRET_FILE (the NIK
 * secret; required with SEED_DEMO=0, i.e. outside demo mode). Si Badra: MAIL_URL (`smtp://user:pass@host:587`;
 * without it mail stays in the outbox, shown by the demo at /dev/mailbox), MAIL_FROM, PUBLIC_URL (links in
 * mails), PHOTO_DIR (default: `photos/` beside the data folder), ESCALATION_HOURS (`24,48`: hours to the agency
 * head's and to the mayor's office's mail), ESCALATION_COUNT (`calendar`, the default, or `working_days`: weekends
 * and the office's holidays do not count).
 */
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import type { EscalationPolicy } from '@mpp-kit/core';
import { startServer } from './server.js';
import { devTransport, smtpTransport } from './mail/outbox.js';
import { folderPhotoStore } from './complaints/photo-store.js';
import { createLogger } from './log.js';
import { demoStaff } from './seed/queue.js';
import { presentDemoAccounts, seedDemoAccounts } from './auth/demo-accounts.js';

// Files this process creates (the PGlite data folder, the demo secret) are its owner's alone.
process.umask(0o077);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const logger = createLogger();
const env = process.env;
const port = env.PORT ? Number(env.PORT) : 8787;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a number between 0 and 65535, got "${env.PORT}"`);
  process.exit(2);
}

// MPP_NOW (tests and demos only): the server's clock starts at this instant and runs on from there.
let clock: { now(): Date } | undefined;
if (env.MPP_NOW) {
  const start = Date.parse(env.MPP_NOW);
  if (Number.isNaN(start)) {
    console.error(`MPP_NOW must be an ISO instant, got "${env.MPP_NOW}"`);
    process.exit(2);
  }
  const t0 = Date.now();
  clock = { now: () => new Date(start + (Date.now() - t0)) };
}

// The deployment's escalation rule (Kota Bogor: 24 h → Kepala OPD, 48 h → Wali Kota, calendar hours).
const hours = (env.ESCALATION_HOURS ?? '24,48').split(',').map((h) => Number(h.trim()));
const count = env.ESCALATION_COUNT ?? 'calendar';
if (hours.length !== 2 || !hours.every((h) => Number.isInteger(h) && h > 0 && h <= 24 * 30) || hours[0]! >= hours[1]!) {
  console.error(`ESCALATION_HOURS must be two whole numbers of hours, ascending (e.g. 24,48), got "${env.ESCALATION_HOURS}"`);
  process.exit(2);
}
if (count !== 'calendar' && count !== 'working_days') {
  console.error(`ESCALATION_COUNT must be calendar or working_days, got "${count}"`);
  process.exit(2);
}
const policy: EscalationPolicy = {
  count,
  levels: [
    { afterHours: hours[0]!, notify: 'agency_head' as const },
    { afterHours: hours[1]!, notify: 'mayor_office' as const },
  ],
};

const dataDir = resolve(env.DATA_DIR ?? resolve(root, '.data'));
const server = await startServer({
  clock,
  complaints: {
    policy,
    mail: env.MAIL_URL ? smtpTransport(env.MAIL_URL, env.MAIL_FROM ?? 'Si Badra <no-reply@localhost>') : devTransport(),
    photos: folderPhotoStore(resolve(env.PHOTO_DIR ?? `${dataDir}-photos`)),
    publicUrl: (env.PUBLIC_URL ?? `http://${env.HOST ?? '127.0.0.1'}:${port}`).replace(/\/$/, ''),
  },
  adminToken: env.MPP_ADMIN_TOKEN || undefined,
  port,
  host: env.HOST ?? '127.0.0.1',
  databaseUrl: env.DATABASE_URL || undefined,
  dataDir: env.DATABASE_URL ? undefined : dataDir,
  seedDemo: env.SEED_DEMO !== '0',
  demoRoot: env.SERVE_DEMO === '0' ? undefined : root,
  logger,
  config: {
    // Unset or `*`: any origin (a public API); else the comma-separated list of origins.
    corsOrigins: env.CORS_ORIGINS && env.CORS_ORIGINS.trim() !== '*' ? env.CORS_ORIGINS.split(',').map((s) => s.trim()) : '*',
    trustProxy: env.TRUST_PROXY === '1',
  },
}).catch((e: unknown) => {
  console.error(`Could not start the server: ${e instanceof Error ? e.message : String(e)}`);
  if (e instanceof Error && /EADDRINUSE/.test(e.message)) console.error(`Port ${port} is taken: set PORT to another number.`);
  process.exit(1);
});

logger.info('listening', { url: server.url, database: server.db.kind, startupMs: server.startupMs });
if (process.stdout.isTTY || env.MPP_BANNER !== '0') {
  console.log(
    `\n  mpp-kit demo:   ${server.url}/\n  agency example: ${server.url}/examples/agency-site/\n  API:            ${server.url}/api/v1/services\n  database:       ${server.db.kind}${env.DATABASE_URL ? '' : ` (${resolve(env.DATA_DIR ?? resolve(root, '.data'))})`}\n`,
  );
}

// A demo data folder from before sign-in existed gets its sign-in accounts now.
if (env.SEED_DEMO !== '0') await seedDemoAccounts(server.db, new Date());

if (env.SEED_DEMO !== '0' && env.MPP_BANNER !== '0') {
  const staff = await demoStaff(server.db);
  if (staff.length) {
    console.log('  Demo staff accounts (bearer tokens; demo data only):');
    for (const s of staff) console.log(`    ${s.id.padEnd(24)} ${s.role.padEnd(8)} ${s.token}`);
    console.log('');
  }
  const accounts = await presentDemoAccounts(server.db);
  if (accounts.length) {
    console.log('  Demo sign-in accounts (POST /api/v1/staff/sign-in; DEMO passwords, demo data only):');
    for (const a of accounts)
      console.log(`    ${`${a.email} / ${a.password}`.padEnd(62)} ${a.role}${a.agencyId ? ` @ ${a.agencyId}` : ''}`);
    console.log('');
  }
}

const stop = async () => {
  await server.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
