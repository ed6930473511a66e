/**
 * The hostile-client findings of issue 10, one test each: what a script without an account could
 * do to the server (or to other citizens through it) at df66688, and what it gets now.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { Availability, PROBLEM_CODES } from '@mpp-kit/core';
import { DB_KIND, freshDb, problemOf } from './helpers.js';
import { startServer, type RunningServer } from '../src/server.js';
import { createLogger, silentLogger } from '../src/log.js';
import { openPglite } from '../src/db/pglite.js';
import { sha256 } from '../src/crypto/hash.js';

// Monday 23 November 2026, 09:00 in Jakarta.
const NOW = Date.parse('2026-11-23T02:00:00Z');
const ADMIN = 'hardening-admin-token';
let serial = 1;
/** A fresh NIK of valid structure (Kota Bogor, born 1 Jan 1990) per call. */
const nik = () => `3271010101900${String(serial++).padStart(3, '0')}`;
const phone = () => `0812${String(20_000_000 + serial++).slice(-8)}`;

describe(`hardening against hostile input on ${DB_KIND}`, { timeout: 180_000 }, () => {
  let srv: RunningServer;
  let drop: () => Promise<void>;
  let nowMs = NOW;
  const logs: string[] = [];
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(srv.url + path, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  };
  let slots: string[] = [];
  const booking = (over: Record<string, unknown> = {}) => ({
    serviceId: 'disdukcapil-ktp-el',
    slotId: slots[0],
    name: 'Siti Aminah',
    nik: nik(),
    phone: phone(),
    ...over,
  });

  before(async () => {
    const f = await freshDb();
    drop = f.drop;
    srv = await startServer({
      port: 0,
      db: f.db,
      seedDemo: true,
      adminToken: ADMIN,
      logger: createLogger((l) => logs.push(l)),
      clock: { now: () => new Date(nowMs) },
      config: { trustProxy: true },
    });
    await srv.db.query(`update queue_rules set slot_capacity = 200 where service_id = 'disdukcapil-ktp-el'`);
    const a = z.parse(Availability, (await call('GET', '/api/v1/services/disdukcapil-ktp-el/availability?from=2026-11-24&days=1')).json);
    slots = a.days[0]!.slots.map((s) => s.id);
  });
  after(async () => {
    await srv?.close();
    await drop?.();
  });

  it('books every honest attempt of a burst that poisoned attempts (NUL, lone surrogates, bidi) are mixed into', async () => {
    const poisons = ['Siti\u0000Aminah', 'Siti \ud800', 'Siti \u202eanimA', 'Budi\u0007'];
    const reqs = Array.from({ length: 80 }, (_, i) => {
      const poisoned = i % 4 === 1;
      const body = poisoned
        ? booking({ name: poisons[i % poisons.length], ...(i % 8 === 1 ? { email: 'a\u0000@example.com' } : {}) })
        : booking();
      // JSON.stringify writes a lone surrogate as the escape \ud800: exactly what a hostile client sends.
      return { poisoned, send: call('POST', '/api/v1/bookings', body, { 'x-forwarded-for': `203.0.113.${i}` }) };
    });
    const answers = await Promise.all(reqs.map((r) => r.send));
    answers.forEach((a, i) => {
      if (reqs[i]!.poisoned) {
        assert.equal(a.status, 400, `poisoned attempt ${i}: ${JSON.stringify(a.json)}`);
        assert.equal(a.json!.code, 'validation_failed');
      } else assert.equal(a.status, 201, `honest attempt ${i}: ${JSON.stringify(a.json)}`);
    });
  });

  it('stamps tickets, cancellations, queue events and keys with the injected clock, not the database clock', async () => {
    const p = phone();
    const made = await call('POST', '/api/v1/bookings', booking({ phone: p }), {
      'x-forwarded-for': '198.51.100.9',
      'idempotency-key': 'clock-1',
    });
    assert.equal(made.status, 201);
    assert.equal(made.json!.createdAt, '2026-11-23T09:00:00+07:00');
    nowMs = NOW + 5 * 60_000;
    const code = String(made.json!.code);
    assert.equal((await call('POST', `/api/v1/bookings/${code}/cancel`, { phone: p })).status, 200);
    nowMs = NOW;
    const [b] = await srv.db.query<{ created_at: Date | string; cancelled_at: Date | string }>(
      `select created_at, cancelled_at from bookings where code = $1`,
      [code],
    );
    assert.equal(new Date(b!.created_at).toISOString(), '2026-11-23T02:00:00.000Z');
    assert.equal(new Date(b!.cancelled_at).toISOString(), '2026-11-23T02:05:00.000Z');
    const events = await srv.db.query<{ created_at: Date | string }>(
      `select created_at from queue_events where queue_id = 'disdukcapil.B' and date = '2026-11-24' order by id desc limit 2`,
    );
    assert.deepEqual(
      events.map((e) => new Date(e.created_at).toISOString()),
      ['2026-11-23T02:05:00.000Z', '2026-11-23T02:00:00.000Z'],
    );
    const [k] = await srv.db.query<{ created_at: Date | string }>(`select created_at from idempotency_keys where key = 'booking:clock-1'`);
    assert.equal(new Date(k!.created_at).toISOString(), '2026-11-23T02:00:00.000Z');
  });

  it('answers impossible and out-of-range dates with 400 problems everywhere', async () => {
    for (const d of ['2026-02-30', '2026-13-01', '0000-01-01', '9999-12-31', '2026-1-01', '20261201']) {
      for (const path of [
        `/api/v1/services/disdukcapil-ktp-el/availability?from=${d}`,
        `/api/v1/holidays?from=${d}`,
        `/api/v1/holidays?from=2026-01-01&to=${d}`,
        `/api/v1/queues/disdukcapil.B?date=${d}`,
      ]) {
        const r = await call('GET', path);
        assert.equal(r.status, 400, `${path} → ${r.status}`);
        assert.ok(PROBLEM_CODES.includes(r.json!.code as never));
      }
      const h = await call(
        'POST',
        '/api/v1/staff/holidays',
        { date: d, name: 'Tutup', kind: 'closure' },
        { authorization: `Bearer ${ADMIN}` },
      );
      assert.equal(h.status, 400, `holiday on ${d}`);
    }
  });

  it('refuses NUL and control characters in staff text fields with 400, not 500', async () => {
    const auth = { authorization: `Bearer ${ADMIN}` };
    const c = await call('POST', '/api/v1/staff/queues/disdukcapil.B/call-next', { counter: 'Loket\u00001' }, auth);
    assert.equal(c.status, 400);
    const h = await call('POST', '/api/v1/staff/holidays', { date: '2026-12-01', name: 'Tutup\u0000', kind: 'closure' }, auth);
    assert.equal(h.status, 400);
  });

  it('keeps the NIK secret out of the database and shows only the last four digits', async () => {
    const id = nik();
    const t = await call('POST', '/api/v1/bookings', booking({ nik: id }), { 'x-forwarded-for': '198.51.100.1' });
    assert.equal(t.status, 201);
    assert.equal(t.json!.nikMasked, `************${id.slice(-4)}`);
    const settings = await srv.db.query(`select * from settings`);
    assert.doesNotMatch(JSON.stringify(settings), /nik_secret/, 'no secret in the settings table');
    const dump = JSON.stringify(await srv.db.query(`select * from bookings`));
    assert.doesNotMatch(dump, new RegExp(id.slice(0, 12)), 'no clear NIK digits beyond the last four');
  });

  it('refuses to start outside demo mode without MPP_SECRET', async () => {
    const f = await freshDb();
    const saved = process.env.MPP_SECRET;
    delete process.env.MPP_SECRET;
    try {
      await assert.rejects(startServer({ port: 0, db: f.db, seedDemo: false, logger: silentLogger }), /MPP_SECRET/);
      process.env.MPP_SECRET = 'short';
      await assert.rejects(startServer({ port: 0, db: f.db, seedDemo: false, logger: silentLogger }), /at least 32/);
      process.env.MPP_SECRET = 'a-production-secret-of-forty-characters!';
      const s = await startServer({ port: 0, db: f.db, seedDemo: false, logger: silentLogger });
      await s.close();
    } finally {
      if (saved === undefined) delete process.env.MPP_SECRET;
      else process.env.MPP_SECRET = saved;
      await f.drop();
    }
  });

  it('refuses NIKs that fail the structure rules, and a name that is a NIK', async () => {
    const ip = { 'x-forwarded-for': '198.51.100.2' };
    const repeated = await call('POST', '/api/v1/bookings', booking({ nik: '1111111111111111' }), ip);
    assert.equal(repeated.status, 422);
    assert.ok(['nik_repeated', 'nik_province'].includes(String(repeated.json!.code)), String(repeated.json!.code));
    const region = await call('POST', '/api/v1/bookings', booking({ nik: '3299010101900001' }), ip);
    assert.equal(region.status, 422);
    const inName = await call('POST', '/api/v1/bookings', booking({ name: '3271010101900099' }), ip);
    assert.equal(inName.status, 400);
    assert.deepEqual(
      (inName.json!.errors as { path: string; code: string }[]).map((e) => [e.path, e.code]),
      [['name', 'name_contains_nik']],
    );
  });

  it('limits active tickets per phone and per NIK on one day, across services (429 with Retry-After)', async () => {
    const ip = (i: number) => ({ 'x-forwarded-for': `192.0.2.${i}` });
    const p = phone();
    const byPhone = [];
    for (let i = 0; i < 7; i++) byPhone.push(await call('POST', '/api/v1/bookings', booking({ phone: p, slotId: slots[1] }), ip(i)));
    assert.deepEqual(
      byPhone.map((r) => r.status),
      [201, 201, 201, 201, 201, 429, 429],
    );
    assert.equal(byPhone[5]!.json!.code, 'booking_limit_phone');
    assert.ok(Number(byPhone[5]!.headers.get('retry-after')) > 0);

    const id = nik();
    const services = ['disdukcapil-ktp-el', 'disdukcapil-kk-baru', 'disdukcapil-akta-kelahiran', 'disdukcapil-kia'];
    const byNik = [];
    for (const [i, serviceId] of services.entries()) {
      const a = z.parse(Availability, (await call('GET', `/api/v1/services/${serviceId}/availability?from=2026-11-24&days=1`)).json);
      byNik.push(await call('POST', '/api/v1/bookings', booking({ nik: id, serviceId, slotId: a.days[0]!.slots[0]!.id }), ip(20 + i)));
    }
    assert.deepEqual(
      byNik.map((r) => r.status),
      [201, 201, 201, 429],
      JSON.stringify(byNik.map((r) => r.json!.code ?? r.json!.queueNumber)),
    );
    assert.equal(byNik[3]!.json!.code, 'booking_limit_nik');
  });

  it('limits booking attempts per client address', async () => {
    const ip = { 'x-forwarded-for': '192.0.2.200' };
    const statuses: number[] = [];
    for (let i = 0; i < 125; i++) statuses.push((await call('POST', '/api/v1/bookings', { serviceId: 'x' }, ip)).status);
    assert.equal(statuses.filter((s) => s === 429).length, 5, 'the attempts past 120 a minute');
    assert.equal((await call('POST', '/api/v1/bookings', booking(), { 'x-forwarded-for': '192.0.2.201' })).status, 201, 'others go on');
    nowMs += 2 * 60_000;
    assert.equal((await call('POST', '/api/v1/bookings', { serviceId: 'x' }, ip)).status, 400, 'the window passed');
    nowMs = NOW;
  });

  it('takes ids in canonical form only, and refuses an admin holiday whose agency and service disagree', async () => {
    const auth = { authorization: `Bearer ${ADMIN}` };
    for (const id of ['0x10', '+16', '016', '1e1', '16.0', '-1', '0'])
      assert.equal((await call('DELETE', `/api/v1/staff/holidays/${id}`, undefined, auth)).status, 400, id);
    const mixed = await call(
      'POST',
      '/api/v1/staff/holidays',
      { date: '2026-12-02', name: 'Tutup', kind: 'closure', agencyId: 'imigrasi', serviceId: 'disdukcapil-ktp-el' },
      auth,
    );
    assert.equal(mixed.status, 400);
    assert.equal(mixed.json!.code, 'holiday_scope_mismatch');
  });

  it('answers what Node refuses before routing (431, bad framing, unknown method) as problem+json', async () => {
    const raw = (text: string) =>
      new Promise<string>((resolve, reject) => {
        const s = connect(srv.port, '127.0.0.1');
        let out = '';
        s.on('data', (d) => (out += d.toString()));
        s.on('end', () => resolve(out));
        s.on('error', reject);
        s.write(text);
      });
    const big = await raw(`GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    assert.match(big, /^HTTP\/1\.1 431 /);
    assert.match(big, /content-type: application\/problem\+json/i);
    assert.match(big, /"code":"header_too_large"/);
    const framing = await raw(`POST /api/v1/bookings HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n`);
    assert.match(framing, /^HTTP\/1\.1 400 /);
    assert.match(framing, /"code":"bad_request"/);
    const method = await raw(`BREW /healthz HTTP/1.1\r\nHost: x\r\n\r\n`);
    assert.match(method, /^HTTP\/1\.1 (400|405) /);
    assert.match(method, /application\/problem\+json/);
  });

  it('does not log a body the client aborted as a 500', async () => {
    const before = logs.length;
    await new Promise<void>((resolve) => {
      const s = connect(srv.port, '127.0.0.1', () => {
        s.write(`POST /api/v1/bookings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"serviceId":`);
        setTimeout(() => {
          s.destroy();
          resolve();
        }, 100);
      });
    });
    await new Promise((r) => setTimeout(r, 200));
    const fresh = logs.slice(before).map((l) => JSON.parse(l) as { level: string; msg: string; status?: number });
    assert.ok(
      fresh.some((l) => l.msg === 'request_aborted'),
      JSON.stringify(fresh),
    );
    assert.ok(!fresh.some((l) => l.level === 'error' || l.status === 500), JSON.stringify(fresh));
  });

  it('marks personal data no-store, sends nosniff everywhere, and keeps booking codes out of the logs', async () => {
    const p = phone();
    const made = await call('POST', '/api/v1/bookings', booking({ phone: p }), { 'x-forwarded-for': '198.51.100.3' });
    assert.equal(made.status, 201);
    assert.equal(made.headers.get('cache-control'), 'no-store');
    const code = String(made.json!.code);
    const lookup = await call('POST', `/api/v1/bookings/${code}/lookup`, { phone: p });
    assert.equal(lookup.headers.get('cache-control'), 'no-store');
    for (const path of ['/healthz', '/api/v1/agencies', '/api/v1/nope', `/api/v1/bookings/${code}/position`])
      assert.equal((await call('GET', path)).headers.get('x-content-type-options'), 'nosniff', path);
    const problem = await fetch(`${srv.url}/api/v1/bookings/${code}/lookup`, { method: 'POST', body: 'x' });
    assert.equal(problem.headers.get('x-content-type-options'), 'nosniff');
    await problemOf(problem);
    assert.ok(
      logs.some((l) => l.includes('/api/v1/bookings/{code}/lookup')),
      'the path is logged with the code redacted',
    );
    assert.ok(!logs.some((l) => l.includes(code)), 'no booking code in any log line');
  });
});

describe('the PGlite data folder', () => {
  it('is private to its owner: folders 0700, files 0600, even under a permissive umask', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'mpp-perm-'));
    const dir = join(parent, 'data');
    const old = process.umask(0);
    try {
      const db = await openPglite(dir, { template: false });
      await db.query(`create table t (x text)`);
      await db.query(`insert into t values ($1)`, [sha256('x')]);
      await db.close();
    } finally {
      process.umask(old);
    }
    const walk = (p: string): Array<[string, number, boolean]> => {
      const st = statSync(p);
      const here: [string, number, boolean] = [p, st.mode & 0o777, st.isDirectory()];
      return st.isDirectory() ? [here, ...readdirSync(p).flatMap((n) => walk(join(p, n)))] : [here];
    };
    const entries = walk(dir);
    assert.ok(entries.length > 10);
    for (const [p, mode, isDir] of entries) assert.equal(mode, isDir ? 0o700 : 0o600, `${p} is ${mode.toString(8)}`);
    rmSync(parent, { recursive: true, force: true });
  });
});
