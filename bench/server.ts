/**
 * The one place the bench reaches into `@mpp-kit/server`. Most of it is the public API
 * (`packages/server/src/index.ts`); the exports under "Internals" are not public, and are listed
 * here so that moving a server file means repointing one line.
 */
import type { RunningServer, StartOptions } from '../packages/server/src/index.js';

export { openDatabase, startServer, silentLogger, BOGOR_SEED, seedCatalog } from '../packages/server/src/index.js';
export type { Db, Sql } from '../packages/server/src/index.js';

/**
 * The configuration every bench server runs with: behind a proxy that reports each citizen's
 * address (the load generator sends one `X-Forwarded-For` address per attempt), so the per-address
 * limits stay on the measured path without refusing a crowd that shares the bench's loopback.
 */
export const BENCH_CONFIG: NonNullable<StartOptions['config']> = { trustProxy: true };

/** How many booking codes (with their QR codes) a server has drawn ahead of a rush. */
export const codesAhead = (server: RunningServer): number => server.built.queue.fast.codes.ahead;

// Internals.
/** PostgreSQL with a pool of a chosen size (the public `openDatabase` uses the default size). */
export { openPostgres } from '../packages/server/src/db/postgres.js';
/** The seed's PRNG (deterministic attempts) and the synthetic national catalog (search at 14,000). */
export { mulberry32, syntheticCatalog } from '../packages/server/src/seed/synthetic.js';
/** The server's entry point, spawned by the startup section. */
export const SERVER_CLI = new URL('../packages/server/src/cli.ts', import.meta.url);
/** Si Badra's escalation sweep, its migrations and the Bogor complaint demo (the escalation section). */
export { sweepEscalations } from '../packages/server/src/complaints/escalation.js';
export { seedComplaints } from '../packages/server/src/complaints/repository.js';
export { BOGOR_COMPLAINTS } from '../packages/server/src/seed/complaints.js';
export { migrate } from '../packages/server/src/db/migrate.js';
export { SI_BADRA_ESCALATION } from '@mpp-kit/core';
