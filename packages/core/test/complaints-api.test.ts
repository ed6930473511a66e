import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  AbortError,
  InvalidResponseError,
  NetworkError,
  ProblemError,
  StaffSession,
  createComplaintsApi,
  createHttp,
  createStaffComplaintsApi,
  type ComplaintView,
} from '../src/index.js';

type Call = { method: string; url: string; headers: Headers; body: Uint8Array | null };

function fakeFetch(answers: Array<Response | Error>) {
  const calls: Call[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : new Request(input, init);
    calls.push({
      method: req.method,
      url: req.url,
      headers: req.headers,
      body: req.body ? new Uint8Array(await req.clone().arrayBuffer()) : null,
    });
    const a = answers.length > 1 ? answers.shift()! : answers[0]!;
    if (a instanceof Error) throw a;
    return a.clone();
  };
  return { fetch: fn as typeof fetch, calls };
}

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const problem = (status: number, code: string) =>
  json({ type: 'about:blank', title: code, status, code }, status, 'application/problem+json');
const text = (c: Call) => (c.body ? new TextDecoder().decode(c.body) : null);

const CODE = 'SB-7K3MQ-9XD2F';
const view: ComplaintView = {
  trackingCode: CODE,
  status: 'dispatched',
  category: { id: 'jalan-rusak', name: 'Jalan rusak', nameEn: 'Damaged road', agencyId: 'dinas-pupr', agencyName: 'Dinas PUPR' },
  text: 'Lubang besar di Jalan Pajajaran',
  privacy: 'anonim',
  name: null,
  location: null,
  address: 'Depan Botani Square',
  photos: ['/api/v1/complaints/photos/ph_abcdefghijklmnopqrstuv'],
  createdAt: '2026-12-07T02:00:00.000Z',
  contactVerified: true,
  rejectReason: null,
  clock: {
    running: true,
    level: 0,
    dueAt: '2026-12-08T02:00:00.000Z',
    answeredAt: null,
    clockStart: '2026-12-07T02:00:00.000Z',
    dues: ['2026-12-08T02:00:00.000Z', '2026-12-09T02:00:00.000Z'],
  },
  timeline: [{ at: '2026-12-07T02:00:00.000Z', status: 'received', note: null, by: 'citizen', photos: [] }],
  supporters: 0,
  mergedInto: null,
};
const receipt = { trackingCode: CODE, status: 'received', contactVerified: false, contactHint: 's***@gmail.com' };
const photo = { id: 'ph_abcdefghijklmnopqrstuv', type: 'image/jpeg', bytes: 4, capturedAt: '2026-12-07T02:00:00.000Z' };
const request = {
  categoryId: 'jalan-rusak',
  text: 'Lubang besar di Jalan Pajajaran',
  address: 'Depan Botani Square',
  photoIds: [photo.id],
  privacy: 'anonim' as const,
  email: 'siti@gmail.com',
};

const setup = (answers: Array<Response | Error>) => {
  const f = fakeFetch(answers);
  const http = createHttp({ baseUrl: 'https://sibadra.example.go.id/api/v1', fetch: f.fetch, retry: 0 });
  return { api: createComplaintsApi(http, { fetch: f.fetch }), calls: f.calls };
};

describe('complaints api', () => {
  it('files a complaint with an Idempotency-Key, the same one when the caller retries', async () => {
    const { api, calls } = setup([new TypeError('fetch failed'), json(receipt, 201)]);
    await assert.rejects(api.create(request, { idempotencyKey: 'retry-key-1' }), NetworkError);
    assert.deepEqual(await api.create(request, { idempotencyKey: 'retry-key-1' }), receipt);
    assert.equal(calls.length, 2, 'a create is never retried behind the caller');
    assert.equal(calls[0]!.url, 'https://sibadra.example.go.id/api/v1/complaints');
    assert.equal(calls[0]!.method, 'POST');
    assert.deepEqual(
      calls.map((c) => c.headers.get('idempotency-key')),
      ['retry-key-1', 'retry-key-1'],
    );
    assert.deepEqual(JSON.parse(text(calls[1]!)!), request);
  });

  it('gives each new complaint its own key when none is passed', async () => {
    const { api, calls } = setup([json(receipt, 201)]);
    await api.create(request);
    await api.create(request);
    const [a, b] = calls.map((c) => c.headers.get('idempotency-key'));
    assert.ok(a && b && a !== b);
  });

  it('uploads a photo as raw bytes with its capture token', async () => {
    const { api, calls } = setup([json(photo, 201)]);
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);
    assert.deepEqual(await api.uploadPhoto('tok.sig', new Blob([bytes], { type: 'image/jpeg' })), photo);
    const c = calls[0]!;
    assert.equal(c.url, 'https://sibadra.example.go.id/api/v1/complaints/photos');
    assert.equal(c.method, 'POST');
    assert.equal(c.headers.get('mpp-capture-token'), 'tok.sig');
    assert.equal(c.headers.get('content-type'), 'image/jpeg');
    assert.deepEqual([...c.body!], [...bytes]);
  });

  it("sends an agency's after photo with role=answer", async () => {
    const { api, calls } = setup([json(photo, 201)]);
    await api.uploadPhoto('tok.sig', new Blob([new Uint8Array([0xff, 0xd8])], { type: 'image/jpeg' }), { role: 'answer' });
    assert.equal(calls[0]!.url, 'https://sibadra.example.go.id/api/v1/complaints/photos?role=answer');
  });

  it('turns upload refusals, outages and aborts into typed errors', async () => {
    const blob = new Blob([new Uint8Array([1])], { type: 'image/jpeg' });
    for (const [status, code] of [
      [403, 'capture_token_invalid'],
      [409, 'capture_token_used'],
      [410, 'capture_token_expired'],
      [413, 'payload_too_large'],
      [415, 'photo_type'],
    ] as const) {
      const e = await setup([problem(status, code)])
        .api.uploadPhoto('t', blob)
        .catch((x: unknown) => x);
      assert.ok(e instanceof ProblemError, code);
      assert.equal(e.code, code);
      assert.equal(e.status, status);
    }
    await assert.rejects(setup([new TypeError('fetch failed')]).api.uploadPhoto('t', blob), NetworkError);
    await assert.rejects(setup([new Response('<html>', { status: 502 })]).api.uploadPhoto('t', blob), InvalidResponseError);
    await assert.rejects(setup([json({ id: 'nope' }, 201)]).api.uploadPhoto('t', blob), InvalidResponseError);
    const ctl = new AbortController();
    ctl.abort();
    await assert.rejects(setup([new DOMException('aborted', 'AbortError')]).api.uploadPhoto('t', blob, { signal: ctl.signal }), AbortError);
  });

  it('tracks, verifies the contact, resends the code and replies on the encoded tracking code', async () => {
    const { api, calls } = setup([
      json(view),
      json({ ...view, contactVerified: true }),
      json({ contactHint: 's***@gmail.com' }),
      json({ ...view, status: 'reopened' }),
    ]);
    assert.equal((await api.track(CODE)).status, 'dispatched');
    await api.verifyContact(CODE, '123456');
    assert.deepEqual(await api.resendCode(CODE), { contactHint: 's***@gmail.com' });
    assert.equal((await api.reply(CODE, { text: 'Belum diperbaiki', dispute: true })).status, 'reopened');
    assert.deepEqual(
      calls.map((c) => `${c.method} ${new URL(c.url).pathname}`),
      [
        `GET /api/v1/complaints/${CODE}`,
        `POST /api/v1/complaints/${CODE}/verify-contact`,
        `POST /api/v1/complaints/${CODE}/resend-code`,
        `POST /api/v1/complaints/${CODE}/reply`,
      ],
    );
    assert.deepEqual(JSON.parse(text(calls[1]!)!), { code: '123456' });
    assert.deepEqual(JSON.parse(text(calls[3]!)!), { text: 'Belum diperbaiki', dispute: true });
    const { api: api2, calls: c2 } = setup([problem(404, 'complaint_not_found')]);
    await assert.rejects(api2.track('../staff?x=1'), (e: unknown) => e instanceof ProblemError && e.code === 'complaint_not_found');
    assert.equal(new URL(c2[0]!.url).pathname, '/api/v1/complaints/..%2Fstaff%3Fx%3D1');
  });

  it('asks for categories and capture tokens, refuses answers off the contract, and resolves photo URLs', async () => {
    const cat = view.category;
    const { api, calls } = setup([
      json({ items: [cat] }),
      json({ token: 't.s', issuedAt: '2026-12-07T02:00:00.000Z', expiresAt: '2026-12-07T02:10:00.000Z' }, 201),
      json({ ...view, status: 'lost' }),
    ]);
    assert.deepEqual((await api.categories()).items, [cat]);
    assert.equal((await api.captureToken()).token, 't.s');
    assert.equal(calls[1]!.url, 'https://sibadra.example.go.id/api/v1/complaints/capture-tokens');
    await assert.rejects(api.track(CODE), InvalidResponseError);
    assert.equal(api.photoUrl(view.photos[0]!), 'https://sibadra.example.go.id/api/v1/complaints/photos/ph_abcdefghijklmnopqrstuv');
    assert.equal(api.photoUrl(photo.id), 'https://sibadra.example.go.id/api/v1/complaints/photos/ph_abcdefghijklmnopqrstuv');
  });

  it('asks for nearby complaints with plain-decimal coordinates the contract reads', async () => {
    const { api, calls } = setup([json({ items: [], radiusM: 300 })]);
    assert.deepEqual(await api.nearby({ categoryId: 'jalan-rusak', lat: -6.597123456789123, lng: 1e-8 }), { items: [], radiusM: 300 });
    const u = new URL(calls[0]!.url);
    assert.equal(u.pathname, '/api/v1/complaints/nearby');
    assert.deepEqual(Object.fromEntries(u.searchParams), { categoryId: 'jalan-rusak', lat: '-6.5971235', lng: '0.0000000' });
  });

  it('proves a contact with a code and sends the proof only in the Mpp-Contact-Proof header', async () => {
    const proof = { proof: 'h.e.m', contactHint: 's***@gmail.com', expiresAt: '2026-12-07T03:00:00.000Z' };
    const { api, calls } = setup([
      json({ ticket: `ct_${'A'.repeat(22)}`, contactHint: 's***@gmail.com', expiresAt: '2026-12-07T02:15:00.000Z' }, 201),
      json(proof),
      json({ items: [] }),
      json({ supporters: 3, counted: true }),
    ]);
    const t = await api.requestContactCode({ email: 'siti@gmail.com' });
    assert.deepEqual(await api.confirmContactCode(t.ticket, '123456'), proof);
    assert.deepEqual(await api.mine(proof.proof), { items: [] });
    assert.deepEqual(await api.support(CODE, proof.proof), { supporters: 3, counted: true });
    assert.deepEqual(
      calls.map((c) => `${c.method} ${new URL(c.url).pathname}${new URL(c.url).search}`),
      [
        'POST /api/v1/contact-codes',
        `POST /api/v1/contact-codes/ct_${'A'.repeat(22)}/confirm`,
        'GET /api/v1/complaints/mine',
        `POST /api/v1/complaints/${CODE}/support`,
      ],
    );
    assert.deepEqual(JSON.parse(text(calls[0]!)!), { email: 'siti@gmail.com' });
    assert.deepEqual(JSON.parse(text(calls[1]!)!), { code: '123456' });
    assert.deepEqual(
      calls.map((c) => c.headers.get('mpp-contact-proof')),
      [null, null, 'h.e.m', 'h.e.m'],
    );
    const e = await setup([problem(401, 'contact_proof_invalid')])
      .api.mine('forged')
      .catch((x: unknown) => x);
    assert.ok(e instanceof ProblemError && e.code === 'contact_proof_invalid');
  });

  it('staff: the inbox, actions, briefing, original photo and redaction, each with the session token', async () => {
    const tokens = {
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      tokenType: 'Bearer',
      expiresIn: 900,
      refreshExpiresIn: 43_200,
      account: { id: 'v', name: 'Verifikator', role: 'verifier', agencyId: null },
    };
    const original = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);
    const f = fakeFetch([
      json(tokens),
      json({ items: [], next: null }),
      json({ ...view, status: 'rejected', rejectReason: 'duplicate', mergedInto: 'SB-AB3MQ-9XD2F' }),
      json({ generatedAt: '2026-12-09T02:00:00.000Z', minLevel: 1, items: [] }),
      new Response(original, { status: 200, headers: { 'content-type': 'image/jpeg' } }),
      json(photo, 201),
      problem(403, 'forbidden'),
    ]);
    const session = new StaffSession({ baseUrl: 'https://sibadra.example.go.id/api/v1', fetch: f.fetch, retry: 0 });
    await session.signIn('verifikator@example.go.id', 'rahasia');
    const staff = createStaffComplaintsApi(session, { fetch: f.fetch });
    assert.deepEqual(await staff.list({ status: 'received', level: '2', q: 'lubang' }), { items: [], next: null });
    assert.equal((await staff.merge(CODE, { into: 'SB-AB3MQ-9XD2F' })).mergedInto, 'SB-AB3MQ-9XD2F');
    assert.equal((await staff.briefing(1)).minLevel, 1);
    const blob = await staff.originalPhoto(photo.id);
    assert.deepEqual([...new Uint8Array(await blob.arrayBuffer())], [...original]);
    assert.deepEqual(await staff.redactPhoto(CODE, photo.id, new Blob([original], { type: 'image/jpeg' })), photo);
    await assert.rejects(staff.get(CODE), (e: unknown) => e instanceof ProblemError && e.code === 'forbidden');
    const calls = f.calls.slice(1);
    assert.deepEqual(
      calls.map((c) => `${c.method} ${new URL(c.url).pathname}${new URL(c.url).search}`),
      [
        'GET /api/v1/staff/complaints?status=received&level=2&q=lubang',
        `POST /api/v1/staff/complaints/${CODE}/merge`,
        'GET /api/v1/staff/briefing?minLevel=1',
        `GET /api/v1/staff/complaints/photos/${photo.id}`,
        `POST /api/v1/staff/complaints/${CODE}/photos/${photo.id}/redaction`,
        `GET /api/v1/staff/complaints/${CODE}`,
      ],
    );
    assert.ok(
      calls.every((c) => c.headers.get('authorization') === 'Bearer access-1'),
      'every staff request signed',
    );
    assert.equal(calls[4]!.headers.get('content-type'), 'image/jpeg');
    assert.deepEqual([...calls[4]!.body!], [...original]);
  });
});
