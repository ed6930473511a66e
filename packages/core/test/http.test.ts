import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { AbortError, InvalidResponseError, NetworkError, ProblemError, TimeoutError, createHttp } from '../src/index.js';

type Call = { method: string; url: string; headers: Headers; body: string | null };

/** A fake fetch that records calls and answers from a script of responses (or throws). */
function fakeFetch(answers: Array<Response | Error | (() => Promise<Response>)>) {
  const calls: Call[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : new Request(input, init);
    calls.push({ method: req.method, url: req.url, headers: req.headers, body: req.body ? await req.clone().text() : null });
    const a = answers.length > 1 ? answers.shift()! : answers[0]!;
    if (a instanceof Error) throw a;
    if (typeof a === 'function')
      // Like a real fetch, a pending answer rejects when the request's signal aborts.
      return Promise.race([
        a(),
        new Promise<Response>((_, reject) => {
          const signal = init?.signal ?? req.signal;
          if (signal.aborted) reject(signal.reason);
          signal.addEventListener('abort', () => reject(signal.reason ?? new DOMException('aborted', 'AbortError')));
        }),
      ]);
    return a.clone();
  };
  return { fetch: fn as typeof fetch, calls };
}

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': type } });
const Thing = z.object({ id: z.string() });
const problem = { type: 'about:blank', title: 'No such service', status: 404, code: 'service_not_found' };

describe('http layer', () => {
  it('resolves paths against the base and parses with the contract', async () => {
    const f = fakeFetch([json({ id: 'a' })]);
    const http = createHttp({ baseUrl: 'https://mpp.example.go.id/api/v1', fetch: f.fetch });
    assert.deepEqual(await http.get('services/a', Thing), { id: 'a' });
    assert.equal(f.calls[0]!.url, 'https://mpp.example.go.id/api/v1/services/a');
  });

  it('turns problem+json into ProblemError with code and field errors', async () => {
    const f = fakeFetch([
      json(
        { ...problem, status: 400, code: 'validation_failed', errors: [{ path: 'limit', code: 'too_big' }] },
        400,
        'application/problem+json',
      ),
    ]);
    const http = createHttp({ baseUrl: 'http://x/api/v1/', fetch: f.fetch });
    const e = await http.get('services', Thing).catch((x: unknown) => x);
    assert.ok(e instanceof ProblemError);
    assert.equal(e.code, 'validation_failed');
    assert.equal(e.status, 400);
    assert.deepEqual(e.fieldErrors(), { limit: 'too_big' });
    assert.equal(f.calls.length, 1, '4xx is not retried');
  });

  it('retries idempotent GETs on 503 and network errors, never POSTs', async () => {
    const f = fakeFetch([json(problem, 503, 'application/problem+json'), new TypeError('fetch failed'), json({ id: 'ok' })]);
    const http = createHttp({ baseUrl: 'http://x/', fetch: f.fetch, retry: 2 });
    assert.deepEqual(await http.get('t', Thing), { id: 'ok' });
    assert.equal(f.calls.length, 3);

    const p = fakeFetch([json(problem, 503, 'application/problem+json'), json({ id: 'never' })]);
    const http2 = createHttp({ baseUrl: 'http://x/', fetch: p.fetch, retry: 2 });
    await assert.rejects(http2.post('t', { a: 1 }, Thing, { idempotencyKey: 'k-1' }), ProblemError);
    assert.equal(p.calls.length, 1, 'a create is never retried automatically');
    assert.equal(p.calls[0]!.headers.get('idempotency-key'), 'k-1');
    assert.equal(p.calls[0]!.body, '{"a":1}');
  });

  it('reports network failures, timeouts and aborts as typed errors', async () => {
    const down = createHttp({ baseUrl: 'http://x/', fetch: fakeFetch([new TypeError('fetch failed')]).fetch, retry: 0 });
    await assert.rejects(down.get('t', Thing), NetworkError);

    const slow = fakeFetch([() => new Promise<Response>(() => {})]);
    const timeout = createHttp({ baseUrl: 'http://x/', fetch: slow.fetch, timeout: 50, retry: 0 });
    await assert.rejects(timeout.get('t', Thing), (e: unknown) => e instanceof TimeoutError && e.code === 'timeout');

    const ctl = new AbortController();
    const hang = fakeFetch([() => new Promise<Response>(() => {})]);
    const aborting = createHttp({ baseUrl: 'http://x/', fetch: hang.fetch, retry: 0, signal: ctl.signal });
    const pending = aborting.get('t', Thing);
    ctl.abort();
    await assert.rejects(pending, AbortError);
  });

  it('rejects answers that break the contract or are not JSON', async () => {
    const wrong = createHttp({ baseUrl: 'http://x/', fetch: fakeFetch([json({ id: 42 })]).fetch });
    await assert.rejects(wrong.get('t', Thing), InvalidResponseError);
    const html = createHttp({
      baseUrl: 'http://x/',
      fetch: fakeFetch([new Response('<html>', { status: 200, headers: { 'content-type': 'text/html' } })]).fetch,
    });
    await assert.rejects(html.get('t', Thing), InvalidResponseError);
    const bare500 = createHttp({ baseUrl: 'http://x/', retry: 0, fetch: fakeFetch([new Response('oops', { status: 500 })]).fetch });
    await assert.rejects(bare500.get('t', Thing), (e: unknown) => e instanceof InvalidResponseError && e.status === 500);
  });

  it('sends If-None-Match and reports 304 as not modified', async () => {
    const f = fakeFetch([new Response(null, { status: 304, headers: { etag: 'W/"v1"' } })]);
    const http = createHttp({ baseUrl: 'http://x/', fetch: f.fetch });
    assert.deepEqual(await http.getConditional('t', Thing, 'W/"v1"'), { modified: false });
    assert.equal(f.calls[0]!.headers.get('if-none-match'), 'W/"v1"');
    const g = fakeFetch([
      new Response(JSON.stringify({ id: 'n' }), { status: 200, headers: { etag: 'W/"v2"', 'content-type': 'application/json' } }),
    ]);
    const http2 = createHttp({ baseUrl: 'http://x/', fetch: g.fetch });
    assert.deepEqual(await http2.getConditional('t', Thing, null), { modified: true, data: { id: 'n' }, etag: 'W/"v2"' });
    assert.equal(g.calls[0]!.headers.get('if-none-match'), null);
  });
});
