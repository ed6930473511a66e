import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DB_KIND, freshDb } from './helpers.js';
import { startServer, type RunningServer } from '../src/server.js';
import { openPostgres } from '../src/db/postgres.js';
import { silentLogger } from '../src/log.js';
import type { Db } from '../src/db/types.js';

const now = () => new Date('2026-11-23T02:00:00Z');

describe(`two server instances on one ${DB_KIND} database`, { timeout: 120_000 }, () => {
  let a: RunningServer;
  let b: RunningServer;
  let dbB: Db;
  let drop: () => Promise<void>;

  before(async () => {
    const f = await freshDb();
    drop = f.drop;
    // PostgreSQL: a second connection pool, as a second process would have. PGlite is one process.
    dbB = f.url ? await openPostgres(f.url) : f.db;
    a = await startServer({ port: 0, db: f.db, seedDemo: true, adminToken: 'admin-a', logger: silentLogger, clock: { now } });
    b = await startServer({ port: 0, db: dbB, seedDemo: true, logger: silentLogger, clock: { now } });
  });
  after(async () => {
    await a?.close();
    await b?.close();
    if (dbB && DB_KIND === 'postgres') await dbB.close();
    await drop?.();
  });

  it('delivers a queue change made on one instance to SSE watchers of the other (LISTEN/NOTIFY)', async () => {
    const ctl = new AbortController();
    const res = await fetch(`${b.url}/api/v1/queues/disdukcapil.B/events`, { signal: ctl.signal });
    const reader = res.body!.getReader();
    const dec = new TextDecoder();
    const first = dec.decode((await reader.read()).value);
    const v0 = Number(/^id: ?(\d+)/m.exec(first)?.[1]);
    const call = await fetch(`${a.url}/api/v1/staff/queues/disdukcapil.B/call-next`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer admin-a' },
      body: JSON.stringify({ counter: 'Loket 1' }),
    });
    assert.equal(call.status, 200);
    const timeout = setTimeout(() => ctl.abort(), 10_000);
    let text = '';
    while (!/^id: ?(\d+)/m.test(text)) text += dec.decode((await reader.read()).value);
    clearTimeout(timeout);
    assert.ok(Number(/^id: ?(\d+)/m.exec(text)?.[1]) > v0, 'instance B pushed the change made on A');
    ctl.abort();
  });
});
