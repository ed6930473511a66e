/**
 * Staff accounts and sign-in through the real layers: HTTP → server → database (PGlite, or
 * PostgreSQL with MPP_TEST_DB=postgres), with the demo accounts seeded and the injected clock
 * moving time. Also the core SDK's StaffSession against this server.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { ProblemError, StaffMe, StaffSession, StaffTokens, createQueueApi, type StaffRole } from '@mpp-kit/core';
import { DB_KIND, freshDb, problemOf } from './helpers.js';
import { startServer, type RunningServer } from '../src/server.js';
import { buildApp } from '../src/app.js';
import { silentLogger } from '../src/log.js';
import { jsonBody } from '../src/http/body.js';
import { onError } from '../src/http/fallbacks.js';
import { requestBasics } from '../src/http/request.js';
import { staffAuthRoutes } from '../src/auth/routes.js';
import { requireRole } from '../src/auth/staff.js';
import { DEMO_ACCOUNTS } from '../src/auth/demo-accounts.js';
import { sessionState } from '../src/auth/repository.js';
import { hashPassword, needsRehash, verifyPassword } from '../src/crypto/password.js';
import { demoStaff } from '../src/seed/queue.js';
import type { Env } from '../src/context.js';

// Monday 23 November 2026, 09:00 in Jakarta.
const START = Date.parse('2026-11-23T02:00:00Z');
const ADMIN = 'auth-test-admin-token';
const demo = (role: StaffRole, agencyId?: string) => DEMO_ACCOUNTS.find((a) => a.role === role && (!agencyId || a.agencyId === agencyId))!;
const verifier = demo('verifier');
const officer = demo('agency_officer', 'pdam');

describe('scrypt password hashes', () => {
  it('hashes with a per-password salt and parameters in the string, and verifies only the right password', async () => {
    const a = await hashPassword('rahasia sekali');
    const b = await hashPassword('rahasia sekali');
    assert.match(a, /^scrypt\$32768\$8\$3\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    assert.notEqual(a, b, 'a fresh salt each time');
    assert.equal(await verifyPassword('rahasia sekali', a), true);
    assert.equal(await verifyPassword('rahasia sekali', b), true);
    assert.equal(await verifyPassword('rahasia sekalI', a), false);
    assert.equal(await verifyPassword('', a), false);
    assert.equal(needsRehash(a), false);
  });

  it('reads weaker parameters from an old hash, and asks for a rehash', async () => {
    const weak = await hashPassword('lama', { N: 1024, r: 8, p: 1 });
    assert.match(weak, /^scrypt\$1024\$8\$1\$/);
    assert.equal(await verifyPassword('lama', weak), true);
    assert.equal(needsRehash(weak), true);
  });

  it('treats malformed or absurd stored hashes as a mismatch, never an exception or a huge allocation', async () => {
    const good = await hashPassword('x');
    const [, , r, p, salt, key] = good.split('$');
    for (const bad of [
      '',
      'x',
      'bcrypt$10$abc',
      `scrypt$1073741824$${r}$${p}$${salt}$${key}`, // N = 2^30: gigabytes
      `scrypt$1000$${r}$${p}$${salt}$${key}`, // not a power of two
      `scrypt$32768$0$${p}$${salt}$${key}`,
      `scrypt$32768$${r}$${p}$${salt}$not base64!`,
      `scrypt$32768$${r}$${p}$${salt}`,
    ])
      assert.equal(await verifyPassword('x', bad), false, bad);
  });
});

describe(`staff sign-in on ${DB_KIND}`, { timeout: 180_000 }, () => {
  let srv: RunningServer;
  let drop: () => Promise<void>;
  let nowMs = START;
  const clock = { now: () => new Date(nowMs) };

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(srv.url + path, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: text ? (JSON.parse(text) as Record<string, unknown>) : null };
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const signIn = async (email: string, password: string) => {
    const r = await call('POST', '/api/v1/staff/sign-in', { email, password });
    assert.equal(r.status, 200, r.text);
    return z.parse(StaffTokens, r.json);
  };
  const me = (token: string) => call('GET', '/api/v1/staff/me', undefined, bearer(token));

  before(async () => {
    const f = await freshDb();
    drop = f.drop;
    srv = await startServer({ port: 0, db: f.db, seedDemo: true, logger: silentLogger, clock, adminToken: ADMIN });
    // A probe route in the shape of the complaint routes: officers and heads of the agency, verifiers and city admins.
    srv.built.app.get('/api/v1/staff/probe/:agencyId', async (c) => {
      const s = await requireRole(c, ['agency_officer', 'agency_head', 'verifier', 'city_admin', 'admin'], c.req.param('agencyId'));
      return c.json({ id: s.id, role: s.role });
    });
  });
  after(async () => {
    await srv.close();
    await drop();
  });

  it('signs in a demo account of each role; the access token names the account, every answer is no-store', async () => {
    assert.equal(new Set(DEMO_ACCOUNTS.map((a) => a.role)).size, 8, 'one demo account per role');
    for (const a of DEMO_ACCOUNTS) {
      const t = await signIn(a.email, a.password);
      assert.deepEqual(t.account, { id: a.id, name: a.name, role: a.role, agencyId: a.agencyId });
      assert.equal(t.tokenType, 'Bearer');
      assert.equal(t.expiresIn, 15 * 60);
      assert.equal(t.refreshExpiresIn, 12 * 3600);
      assert.match(t.accessToken, /^[A-Za-z0-9_-]{43}$/);
      assert.match(t.refreshToken, /^[A-Za-z0-9_-]{43}$/);
      const m = await me(t.accessToken);
      assert.equal(m.status, 200);
      assert.equal(m.headers.get('cache-control'), 'no-store');
      const body = z.parse(StaffMe, m.json);
      assert.equal(body.account.role, a.role);
      assert.equal(body.expiresAt, new Date(nowMs + 15 * 60_000).toISOString());
    }
    // The e-mail is compared without case and surrounding spaces.
    const r = await call('POST', '/api/v1/staff/sign-in', { email: ` ${verifier.email.toUpperCase()} `, password: verifier.password });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('cache-control'), 'no-store');
  });

  it('stores only hashes of passwords and tokens', async () => {
    const t = await signIn(verifier.email, verifier.password);
    const [row] = await srv.db.query<{ password_hash: string }>(`select password_hash from staff where id = $1`, [verifier.id]);
    assert.match(row!.password_hash, /^scrypt\$/);
    assert.ok(!row!.password_hash.includes(verifier.password));
    const dump = JSON.stringify(await srv.db.query(`select * from staff_sessions`));
    assert.ok(!dump.includes(t.accessToken) && !dump.includes(t.refreshToken), 'no token in the clear');
  });

  it('answers a wrong password and an unknown account with the same 401 problem', async () => {
    const wrong = await call('POST', '/api/v1/staff/sign-in', { email: demo('city_admin').email, password: 'salah' });
    const unknown = await call('POST', '/api/v1/staff/sign-in', { email: 'tidak.ada@demo.mpp-kit.id', password: 'salah' });
    const noPassword = await call('POST', '/api/v1/staff/sign-in', { email: 'admin', password: 'salah' });
    for (const r of [wrong, unknown, noPassword]) {
      assert.equal(r.status, 401);
      assert.equal(r.headers.get('cache-control'), 'no-store');
      assert.equal(r.headers.get('www-authenticate'), 'Bearer');
    }
    const p = await problemOf(new Response(wrong.text, { headers: { 'content-type': wrong.headers.get('content-type')! } }));
    assert.equal(p.code, 'unauthorized');
    assert.equal(wrong.json!.reason, 'invalid_credentials');
    assert.equal(wrong.text, unknown.text, 'byte for byte the same answer');
    assert.equal(wrong.text, noPassword.text);
  });

  it('refuses hostile sign-in bodies with a 400 problem', async () => {
    for (const body of [
      {},
      { email: verifier.email },
      { email: `verifikator\u0000@demo.mpp-kit.id`, password: 'x' },
      { email: verifier.email, password: 'a'.repeat(1025) },
      { email: verifier.email, password: `x\ud800` },
      { email: ['a'], password: 'x' },
    ]) {
      const r = await call('POST', '/api/v1/staff/sign-in', body);
      assert.equal(r.status, 400, JSON.stringify(body));
      assert.equal(r.json!.code, 'validation_failed');
    }
  });

  it('locks an account after 5 failed sign-ins (429 with Retry-After, even with the right password) until the clock passes it', async () => {
    const head = demo('agency_head');
    for (let i = 0; i < 5; i++)
      assert.equal((await call('POST', '/api/v1/staff/sign-in', { email: head.email, password: `salah-${i}` })).status, 401);
    const locked = await call('POST', '/api/v1/staff/sign-in', { email: head.email, password: head.password });
    assert.equal(locked.status, 429);
    assert.equal(locked.json!.code, 'rate_limited');
    assert.equal(locked.headers.get('cache-control'), 'no-store');
    const wait = Number(locked.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 15 * 60, `Retry-After ${wait}`);
    // Another account from the same address is not locked.
    assert.equal((await call('POST', '/api/v1/staff/sign-in', { email: officer.email, password: officer.password })).status, 200);
    // The lock of an unknown e-mail looks the same as a known one's.
    for (let i = 0; i < 5; i++) await call('POST', '/api/v1/staff/sign-in', { email: 'hantu@demo.mpp-kit.id', password: `x${i}` });
    assert.equal((await call('POST', '/api/v1/staff/sign-in', { email: 'hantu@demo.mpp-kit.id', password: 'x' })).status, 429);
    nowMs += (wait - 2) * 1000;
    assert.equal((await call('POST', '/api/v1/staff/sign-in', { email: head.email, password: head.password })).status, 429, 'still locked');
    nowMs += 3000;
    assert.equal((await call('POST', '/api/v1/staff/sign-in', { email: head.email, password: head.password })).status, 200, 'unlocked');
  });

  it('expires the access token by the clock (401 token_expired); a refresh gives a new pair and the old refresh token stops working', async () => {
    const t = await signIn(verifier.email, verifier.password);
    nowMs += 15 * 60_000 - 1000;
    assert.equal((await me(t.accessToken)).status, 200, 'a second before expiry');
    nowMs += 1000;
    const expired = await me(t.accessToken);
    assert.equal(expired.status, 401);
    assert.equal(expired.json!.code, 'unauthorized');
    assert.equal(expired.json!.reason, 'token_expired');
    assert.match(expired.headers.get('www-authenticate')!, /error="invalid_token"/);

    const r = await call('POST', '/api/v1/staff/refresh', { refreshToken: t.refreshToken });
    assert.equal(r.status, 200);
    assert.equal(r.headers.get('cache-control'), 'no-store');
    const t2 = z.parse(StaffTokens, r.json);
    assert.notEqual(t2.accessToken, t.accessToken);
    assert.notEqual(t2.refreshToken, t.refreshToken);
    assert.equal(t2.expiresIn, 15 * 60);
    assert.equal(t2.refreshExpiresIn, 12 * 3600 - 15 * 60, 'the session still ends 12 h after sign-in');
    assert.equal((await me(t2.accessToken)).status, 200);
    assert.equal((await me(t.accessToken)).status, 401, 'the old access token is gone');
  });

  it('revokes the session when a rotated refresh token comes back (replay), stopping the newest tokens too', async () => {
    const t = await signIn(officer.email, officer.password);
    const t2 = z.parse(StaffTokens, (await call('POST', '/api/v1/staff/refresh', { refreshToken: t.refreshToken })).json);
    const replay = await call('POST', '/api/v1/staff/refresh', { refreshToken: t.refreshToken });
    assert.equal(replay.status, 401);
    assert.equal(replay.json!.reason, 'session_ended');
    const gone = await me(t2.accessToken);
    assert.equal(gone.status, 401);
    assert.equal(gone.json!.reason, 'session_ended');
    assert.equal((await call('POST', '/api/v1/staff/refresh', { refreshToken: t2.refreshToken })).status, 401);
    const [row] = await srv.db.query<{ id: string }>(
      `select id from staff_sessions where staff_id = $1 and revoked_reason = 'refresh_reuse'`,
      [officer.id],
    );
    assert.deepEqual(await sessionState(srv.db, row!.id), { revoked: true, reason: 'refresh_reuse' });
    // Unknown and malformed refresh tokens: 401 and 400, never a 5xx.
    assert.equal((await call('POST', '/api/v1/staff/refresh', { refreshToken: 'A'.repeat(43) })).status, 401);
    assert.equal((await call('POST', '/api/v1/staff/refresh', { refreshToken: 'not base64url!' })).status, 400);
  });

  it('lets one of two concurrent refreshes with the same token win, and treats the other as a replay', async () => {
    const t = await signIn(officer.email, officer.password);
    const both = await Promise.all([1, 2].map(() => call('POST', '/api/v1/staff/refresh', { refreshToken: t.refreshToken })));
    assert.deepEqual(both.map((r) => r.status).sort(), [200, 401]);
  });

  it('ends the session 12 h after sign-in whatever the refreshes', async () => {
    let t = await signIn(demo('mayor_office').email, demo('mayor_office').password);
    for (let h = 0; h < 12; h++) {
      nowMs += 59 * 60_000;
      const r = await call('POST', '/api/v1/staff/refresh', { refreshToken: t.refreshToken });
      assert.equal(r.status, 200, `refresh ${h + 1}`);
      t = z.parse(StaffTokens, r.json);
    }
    // 11 h 48 min after sign-in: the last access token ends with the session, 12 min later.
    assert.equal(t.expiresIn, 12 * 60);
    assert.equal(t.refreshExpiresIn, 12 * 60);
    nowMs += 12 * 60_000;
    const r = await call('POST', '/api/v1/staff/refresh', { refreshToken: t.refreshToken });
    assert.equal(r.status, 401);
    assert.equal(r.json!.reason, 'session_ended');
  });

  it('signs out: 204, and both tokens of the session stop working', async () => {
    const t = await signIn(verifier.email, verifier.password);
    const out = await call('POST', '/api/v1/staff/sign-out', {}, bearer(t.accessToken));
    assert.equal(out.status, 204);
    assert.equal(out.text, '');
    assert.equal(out.headers.get('cache-control'), 'no-store');
    const after = await me(t.accessToken);
    assert.equal(after.status, 401);
    assert.equal(after.json!.reason, 'session_ended');
    assert.equal((await call('POST', '/api/v1/staff/refresh', { refreshToken: t.refreshToken })).status, 401);
    assert.equal((await call('POST', '/api/v1/staff/sign-out', {}, bearer(t.accessToken))).status, 401, 'already signed out');
    assert.equal((await call('POST', '/api/v1/staff/sign-out', {})).status, 401, 'no token');
    // A token of the pre-sign-in kind has no session: a clear 400.
    const legacy = await call('POST', '/api/v1/staff/sign-out', {}, bearer(ADMIN));
    assert.equal(legacy.status, 400);
    assert.equal(legacy.json!.code, 'bad_request');
    // An expired access token may still sign its session out.
    const t2 = await signIn(verifier.email, verifier.password);
    nowMs += 20 * 60_000;
    assert.equal((await call('POST', '/api/v1/staff/sign-out', {}, bearer(t2.accessToken))).status, 204);
    assert.equal((await call('POST', '/api/v1/staff/refresh', { refreshToken: t2.refreshToken })).status, 401);
  });

  it('checks role and agency scope with requireRole: an officer of PDAM gets 403 on Dinas PUPR', async () => {
    const tokens = Object.fromEntries(
      await Promise.all(DEMO_ACCOUNTS.map(async (a) => [a.id, (await signIn(a.email, a.password)).accessToken] as const)),
    );
    const probe = async (id: string, agency: string) =>
      (await call('GET', `/api/v1/staff/probe/${agency}`, undefined, bearer(tokens[id]!))).status;
    assert.equal(await probe(officer.id, 'pdam'), 200);
    const other = await call('GET', '/api/v1/staff/probe/dinas-pupr', undefined, bearer(tokens[officer.id]!));
    assert.equal(other.status, 403);
    assert.equal(other.json!.code, 'forbidden');
    assert.equal(await probe(demo('agency_head').id, 'pdam'), 200);
    assert.equal(await probe(demo('agency_head').id, 'dishub'), 403);
    assert.equal(await probe(verifier.id, 'dinas-pupr'), 200, 'the complaint desk works city-wide');
    assert.equal(await probe(demo('city_admin').id, 'dishub'), 200);
    assert.equal(await probe(demo('mayor_office').id, 'pdam'), 403, 'role not listed');
    assert.equal(await probe(demo('counter').id, 'disdukcapil'), 403, 'role not listed, even at its own agency');
    assert.equal((await call('GET', '/api/v1/staff/probe/pdam', undefined, bearer(ADMIN))).status, 200, 'the bootstrap admin token');
    assert.equal((await call('GET', '/api/v1/staff/probe/pdam')).status, 401);
  });

  it('keeps the printed bearer tokens working, and lets only counter roles of the agency call at its counters', async () => {
    const staff = await demoStaff(srv.db);
    const loket = staff.find((s) => s.id === 'loket-disdukcapil')!;
    const callNext = (token: string, queue = 'disdukcapil.B') =>
      call('POST', `/api/v1/staff/queues/${queue}/call-next`, { counter: 'Loket 1' }, bearer(token));
    assert.equal((await callNext(loket.token)).status, 200, 'legacy counter token');
    const meLegacy = z.parse(StaffMe, (await me(loket.token)).json);
    assert.deepEqual(meLegacy.account, { id: loket.id, name: loket.name, role: 'counter', agencyId: 'disdukcapil' });
    assert.equal(meLegacy.expiresAt, undefined);
    const counter = demo('counter');
    const t = await signIn(counter.email, counter.password);
    assert.equal((await callNext(t.accessToken)).status, 200, 'a signed-in counter account');
    assert.equal((await callNext(t.accessToken, 'pdam.A')).status, 403, 'another agency');
    const pdamOfficer = await signIn(officer.email, officer.password);
    assert.equal((await callNext(pdamOfficer.accessToken, 'pdam.A')).status, 403, 'a complaint officer is not a counter');
  });

  it("drives the core SDK's StaffSession: sign in, refresh ahead of expiry and on token_expired, retry once, sign out", async () => {
    const requests: string[] = [];
    const counting: typeof fetch = (input, init) => {
      const req = input instanceof Request ? input : new Request(input, init);
      requests.push(`${req.method} ${new URL(req.url).pathname}`);
      return fetch(req);
    };
    const session = new StaffSession({ baseUrl: `${srv.url}/api/v1`, fetch: counting, now: () => nowMs, refreshAheadMs: 30_000, retry: 0 });
    const states: string[] = [];
    session.subscribe((s) => states.push(s.status));
    await assert.rejects(session.signIn(verifier.email, 'salah'), (e: unknown) => e instanceof ProblemError && e.status === 401);
    const account = await session.signIn(verifier.email, verifier.password);
    assert.equal(account.role, 'verifier');
    assert.equal((await session.me()).account.id, verifier.id);

    // Ahead of expiry by the clock: one refresh before the request.
    nowMs += 15 * 60_000 - 10_000;
    requests.length = 0;
    await session.me();
    assert.deepEqual(requests, ['POST /api/v1/staff/refresh', 'GET /api/v1/staff/me']);

    // The client's clock stands still while the server's runs: 401 token_expired, one refresh, one retry.
    const clientMs = nowMs;
    const skewed = new StaffSession({ baseUrl: `${srv.url}/api/v1`, fetch: counting, now: () => clientMs, retry: 0 });
    await skewed.signIn(officer.email, officer.password);
    nowMs += 15 * 60_000;
    requests.length = 0;
    const queue = createQueueApi(skewed.http);
    await assert.rejects(queue.callNext('pdam.A', 'Loket 1'), (e: unknown) => e instanceof ProblemError && e.status === 403);
    assert.deepEqual(requests, [
      'POST /api/v1/staff/queues/pdam.A/call-next',
      'POST /api/v1/staff/refresh',
      'POST /api/v1/staff/queues/pdam.A/call-next',
    ]);

    // Concurrent requests share one refresh.
    nowMs += 15 * 60_000;
    requests.length = 0;
    await Promise.all([session.me(), session.me(), session.me()]);
    assert.equal(requests.filter((r) => r.endsWith('/refresh')).length, 1);

    await session.signOut();
    assert.equal(session.getSnapshot().status, 'signed_out');
    await assert.rejects(session.me(), (e: unknown) => e instanceof ProblemError && e.status === 401);
    assert.deepEqual(states.slice(0, 3), ['signing_in', 'signed_out', 'signing_in']);
    assert.equal(states.at(-1), 'signed_out');
    const [row] = await srv.db.query<{ n: number }>(
      `select count(*)::int as n from staff_sessions where staff_id = $1 and revoked_reason = 'sign_out' and revoked_at = $2`,
      [verifier.id, new Date(nowMs).toISOString()],
    );
    assert.equal(Number(row!.n), 1, 'the server ended the session');
  });
});

describe(`per-address sign-in limit on ${DB_KIND}`, { timeout: 60_000 }, () => {
  it('refuses further attempts from one address after its failures, for every account, until the clock passes', async () => {
    const f = await freshDb();
    let nowMs = START;
    const clock = { now: () => new Date(nowMs) };
    const srv = await startServer({ port: 0, db: f.db, seedDemo: true, logger: silentLogger, clock });
    try {
      // The routes with a small per-address limit, behind the app's own request plumbing (no socket: one address).
      const built = buildApp({ db: f.db, clock, logger: silentLogger, config: { secret: 'x'.repeat(32) } });
      const app = new Hono<Env>();
      app.use('*', requestBasics(built.deps, '/healthz'));
      app.use('/api/*', jsonBody(64 * 1024));
      app.route('/', staffAuthRoutes(clock, { failuresPerAddress: { max: 3, windowSeconds: 600 } }));
      app.onError(onError(silentLogger));
      const post = (email: string, password: string) =>
        app.request('/api/v1/staff/sign-in', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        });
      for (const e of ['a@x.id', 'b@x.id', 'c@x.id']) assert.equal((await post(e, 'salah')).status, 401);
      const limited = await post(verifier.email, verifier.password);
      assert.equal(limited.status, 429);
      assert.ok(Number(limited.headers.get('retry-after')) > 0);
      nowMs += 20 * 60_000;
      assert.equal((await post(verifier.email, verifier.password)).status, 200);
      built.stop();
    } finally {
      await srv.close();
      await f.drop();
    }
  });
});
