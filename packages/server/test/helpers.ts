import { openPglite } from '../src/db/pglite.js';
import { openPostgres } from '../src/db/postgres.js';
import type { Db } from '../src/db/types.js';
import { startServer, type RunningServer, type StartOptions } from '../src/server.js';
import { silentLogger } from '../src/log.js';
import postgres from 'postgres';

/** Which database the server tests run on: `MPP_TEST_DB=postgres` (with TEST_DATABASE_URL) or PGlite. */
export const DB_KIND = process.env.MPP_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

/**
 * A fresh, empty database for one test file: PGlite in memory, or a new database created on the
 * PostgreSQL server of TEST_DATABASE_URL and dropped afterwards.
 */
export async function freshDb(): Promise<{ db: Db; drop(): Promise<void>; url?: string }> {
  if (DB_KIND === 'pglite') {
    const db = await openPglite();
    return { db, drop: () => db.close() };
  }
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('MPP_TEST_DB=postgres needs TEST_DATABASE_URL (e.g. postgres://mpp:mpp@127.0.0.1:5432/postgres)');
  const name = `mpp_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.href, { max: 20 });
  return {
    db,
    url: u.href,
    async drop() {
      await db.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

/** A real server on a free loopback port with the Bogor demo seeded, over a fresh database. */
export async function testServer(o: Partial<StartOptions> = {}): Promise<RunningServer & { drop(): Promise<void> }> {
  const { db, drop } = await freshDb();
  const server = await startServer({ port: 0, db, seedDemo: true, logger: silentLogger, ...o });
  return {
    ...server,
    async drop() {
      await server.close();
      await drop();
    },
  };
}

export const problemOf = async (res: Response) => {
  const type = res.headers.get('content-type') ?? '';
  if (!type.startsWith('application/problem+json')) throw new Error(`expected problem+json, got ${type} (${res.status})`);
  return (await res.json()) as { status: number; code: string; title: string; errors?: { path: string; code: string }[] };
};
