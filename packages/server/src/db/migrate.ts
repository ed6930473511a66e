import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Db } from './types.js';

const dir = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Versioned SQL migrations, applied in file-name order, the same files for PGlite and PostgreSQL. */
export const MIGRATIONS: { version: string; sql: string }[] = readdirSync(dir)
  .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
  .sort()
  .map((f) => ({ version: f.replace(/\.sql$/, ''), sql: readFileSync(dir + f, 'utf8') }));

/**
 * Applies the pending migrations, each in its own transaction. An advisory lock keeps two server
 * instances starting at once against one PostgreSQL from applying the same migration twice.
 */
export async function migrate(db: Db): Promise<string[]> {
  await db.exec(`create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())`);
  return db.transaction(async (tx) => {
    await tx.query(`select pg_advisory_xact_lock(727274)`);
    const done = new Set((await tx.query<{ version: string }>(`select version from schema_migrations`)).map((r) => r.version));
    const applied: string[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query(`insert into schema_migrations (version) values ($1)`, [m.version]);
      applied.push(m.version);
    }
    return applied;
  });
}
