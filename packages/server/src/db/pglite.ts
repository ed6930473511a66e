import { PGlite } from '@electric-sql/pglite';
import { chmodSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Db, Sql } from './types.js';

const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Sql => ({
  async query<T>(text: string, params: unknown[] = []) {
    return (await q.query<T>(text, params)).rows;
  },
  async exec(text: string) {
    await q.exec(text);
  },
});

/** The installed PGlite version: a template is only valid for the PGlite that wrote it. */
const pgliteVersion = (): string => {
  try {
    let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
};

/**
 * A freshly initialised, empty PGlite data folder packed as a tarball. PostgreSQL's initdb takes
 * 5–7 s in WASM; unpacking this takes about 1 s, so a new server (`npm start`, tests) comes up fast.
 * Built once per machine (`npm run build`, or the first start) under node_modules/.cache.
 */
export const templatePath = (): string =>
  join(fileURLToPath(new URL('../../../../node_modules/.cache/mpp-kit/', import.meta.url)), `pglite-${pgliteVersion()}-empty.tar.gz`);

/** Writes the template if it is missing; returns its path. */
export async function ensurePgliteTemplate(path = templatePath()): Promise<string> {
  if (existsSync(path)) return path;
  const pg = new PGlite();
  await pg.waitReady;
  const dump = await pg.dumpDataDir('gzip');
  await pg.close();
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, path);
  return path;
}

/**
 * Makes a data folder private to its owner: folders 0700, files 0600. PGlite's WASM file system
 * creates files with the process umask only, so a permissive umask would leave the database
 * readable (or writable) by every user of the machine.
 */
export function makePrivate(path: string): void {
  const st = lstatSync(path);
  if (st.isSymbolicLink()) return;
  if (st.isDirectory()) {
    chmodSync(path, 0o700);
    for (const name of readdirSync(path)) makePrivate(join(path, name));
  } else chmodSync(path, 0o600);
}

/** PGlite (PostgreSQL in WASM): in a data folder (kept private to its owner), or in memory when `dataDir` is omitted. */
export async function openPglite(dataDir?: string, options: { template?: string | false } = {}): Promise<Db> {
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    makePrivate(dataDir);
  }
  const fresh = dataDir ? readdirSync(dataDir).length === 0 : true;
  const template = options.template === false ? null : (options.template ?? templatePath());
  const loadDataDir = fresh && template && existsSync(template) ? new Blob([readFileSync(template)]) : undefined;
  const pg = dataDir ? new PGlite(dataDir, loadDataDir ? { loadDataDir } : {}) : new PGlite(loadDataDir ? { loadDataDir } : {});
  await pg.waitReady;
  if (dataDir) makePrivate(dataDir);
  return {
    kind: 'pglite',
    ...wrap(pg),
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async close() {
      await pg.close();
      if (dataDir) makePrivate(dataDir);
    },
    session: async () => wrap(pg),
    listen: (channel, fn) => pg.listen(channel, fn),
    async notify(channel, payload) {
      await pg.query(`select pg_notify($1, $2)`, [channel, payload]);
    },
  };
}
