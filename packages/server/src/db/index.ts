import type { Db } from './types.js';
export type { Db, Sql } from './types.js';
export { migrate, MIGRATIONS } from './migrate.js';

/** PostgreSQL when `databaseUrl` is set, else PGlite in `dataDir` (in memory without one). */
export async function openDatabase(opts: { databaseUrl?: string | undefined; dataDir?: string | undefined }): Promise<Db> {
  if (opts.databaseUrl) {
    const { openPostgres } = await import('./postgres.js');
    return openPostgres(opts.databaseUrl);
  }
  const { openPglite } = await import('./pglite.js');
  return openPglite(opts.dataDir);
}
