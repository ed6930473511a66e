import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ProblemError, StaffSession } from '../src/index.js';

const account = { id: 'demo-verifikator', name: 'Verifikator', role: 'verifier', agencyId: null };
const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const problem = (status: number, reason: string) =>
  json({ type: 'x', title: 't', status, code: 'unauthorized', reason }, status, 'application/problem+json');

/** A fake API: tokens t1, t2 …; `expired` access tokens answer 401 token_expired; refresh tokens work once. */
function fakeApi() {
  let n = 0;
  const live = new Set<string>();
  const refreshable = new Set<string>();
  const expired = new Set<string>();
  const log: string[] = [];
  const pair = () => {
    n++;
    live.add(`a${n}`);
    refreshable.add(`r${n}`);
    return { accessToken: `a${n}`, refreshToken: `r${n}`, tokenType: 'Bearer', expiresIn: 900, refreshExpiresIn: 43_200, account };
  };
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : new Request(input, init);
    const path = new URL(req.url).pathname.replace('/api/v1/', '');
    const auth = req.headers.get('authorization')?.replace('Bearer ', '') ?? '';
    log.push(`${path} ${auth}`.trim());
    const body = req.method === 'POST' ? ((await req.json()) as Record<string, string>) : {};
    if (path === 'staff/sign-in') return body.password === 'benar' ? json(pair()) : problem(401, 'invalid_credentials');
    if (path === 'staff/refresh') {
      if (!refreshable.delete(body.refreshToken!)) return problem(401, 'session_ended');
      return json(pair());
    }
    if (expired.has(auth)) return problem(401, 'token_expired');
    if (!live.has(auth)) return problem(401, 'session_ended');
    if (path === 'staff/me') return json({ account });
    if (path === 'staff/sign-out') {
      live.delete(auth);
      return new Response(null, { status: 204 });
    }
    return json({}, 404);
  };
  return { fetch: fetch as typeof globalThis.fetch, log, expired, refreshable };
}

describe('StaffSession', () => {
  it('signs in, refreshes once on 401 token_expired and retries the request once', async () => {
    const api = fakeApi();
    const s = new StaffSession({ baseUrl: 'http://x/api/v1', fetch: api.fetch, now: () => 0, retry: 0 });
    await assert.rejects(
      s.signIn('v@x.id', 'salah'),
      (e: unknown) => e instanceof ProblemError && e.problem['reason'] === 'invalid_credentials',
    );
    assert.equal(s.getSnapshot().status, 'signed_out');
    await s.signIn('v@x.id', 'benar');
    assert.equal(s.getSnapshot().accessExpiresAt, 900_000);
    api.expired.add('a1');
    api.log.length = 0;
    assert.equal((await s.me()).account.id, 'demo-verifikator');
    assert.deepEqual(api.log, ['staff/me a1', 'staff/refresh', 'staff/me a2']);
  });

  it('refreshes ahead of expiry by its clock, once for concurrent requests', async () => {
    const api = fakeApi();
    let now = 0;
    const s = new StaffSession({ baseUrl: 'http://x/api/v1', fetch: api.fetch, now: () => now, refreshAheadMs: 30_000, retry: 0 });
    await s.signIn('v@x.id', 'benar');
    now = 880_000;
    api.log.length = 0;
    await Promise.all([s.me(), s.me(), s.me()]);
    assert.deepEqual(
      api.log.filter((l) => l === 'staff/refresh'),
      ['staff/refresh'],
    );
    assert.ok(api.log.filter((l) => l.startsWith('staff/me')).every((l) => l === 'staff/me a2'));
  });

  it('ends the session when the refresh is refused, and does not loop', async () => {
    const api = fakeApi();
    const s = new StaffSession({ baseUrl: 'http://x/api/v1', fetch: api.fetch, now: () => 0, retry: 0 });
    await s.signIn('v@x.id', 'benar');
    api.expired.add('a1');
    api.refreshable.clear();
    api.log.length = 0;
    await assert.rejects(s.me(), (e: unknown) => e instanceof ProblemError && e.status === 401);
    assert.deepEqual(api.log, ['staff/me a1', 'staff/refresh']);
    assert.deepEqual([s.getSnapshot().status, s.getSnapshot().ended], ['signed_out', 'session_ended']);
    await assert.rejects(s.me(), (e: unknown) => e instanceof ProblemError && e.status === 401);
    assert.equal(api.log.length, 2, 'no request without a session');
  });

  it('signs out on the server (204) and forgets the tokens', async () => {
    const api = fakeApi();
    const s = new StaffSession({ baseUrl: 'http://x/api/v1', fetch: api.fetch, now: () => 0, retry: 0 });
    await s.signIn('v@x.id', 'benar');
    await s.signOut();
    assert.equal(s.signedIn, false);
    assert.ok(api.log.includes('staff/sign-out a1'));
    await s.signOut(); // nothing to end: no request
    assert.equal(api.log.filter((l) => l.startsWith('staff/sign-out')).length, 1);
  });
});
