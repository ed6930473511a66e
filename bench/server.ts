/**
 * The one place the bench reaches into `@mpp-kit/server`. Most of it is the public API
 * (`packages/server/src/index.ts`); the exports under "Internals" are not public, and are listed
 * here so that moving a server file means repointing one line.
 */
export { openDatabase, startServer, silentLogger, BOGOR_SEED } from '../packages/server/src/index.js';
export type { Db, Sql } from '../packages/server/src/index.js';

// Internals.
/** PostgreSQL with a pool of a chosen size (the public `openDatabase` uses the default size). */
export { openPostgres } from '../packages/server/src/db/postgres.js';
/** How many booking codes (with their QR codes) a server has drawn ahead of a rush. */
export { codesAhead } from '../packages/server/src/queue/qr.js';
/** The seed's PRNG (deterministic attempts) and the synthetic national catalog (search at 14,000). */
export { mulberry32, syntheticCatalog } from '../packages/server/src/seed/synthetic.js';
/** The server's entry point, spawned by the startup section. */
export const SERVER_CLI = new URL('../packages/server/src/cli.ts', import.meta.url);
