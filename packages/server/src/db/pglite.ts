import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import type { Db, Sql } from './types.js';

const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Sql => ({
  async query<T>(text: string, params: unknown[] = []) {
    return (await q.query<T>(text, params)).rows;
  },
  async exec(text: string) {
    await q.exec(text);
  },
});

/** PGlite (PostgreSQL in WASM): in a data folder, or in memory when `dataDir` is omitted. */
export async function openPglite(dataDir?: string): Promise<Db> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const pg = dataDir ? new PGlite(dataDir) : new PGlite();
  await pg.waitReady;
  return {
    kind: 'pglite',
    ...wrap(pg),
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
    listen: (channel, fn) => pg.listen(channel, fn),
    async notify(channel, payload) {
      await pg.query(`select pg_notify($1, $2)`, [channel, payload]);
    },
  };
}
