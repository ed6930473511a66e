import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  AbortError,
  InvalidResponseError,
  NetworkError,
  ProblemError,
  createComplaintsApi,
  createHttp,
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
  clock: { running: true, level: 0, dueAt: '2026-12-08T02:00:00.000Z', answeredAt: null },
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
});
