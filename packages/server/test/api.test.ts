import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { AgencyList, Service, ServiceList } from '@mpp-kit/core';
import { DB_KIND, problemOf, testServer } from './helpers.js';
import { buildOpenApi } from '../src/openapi.js';
import { migrate } from '../src/db/index.js';
import { createApp } from '../src/app.js';
import { createLogger } from '../src/log.js';

describe(`catalog API on ${DB_KIND}`, { timeout: 120_000 }, () => {
  let srv: Awaited<ReturnType<typeof testServer>>;
  let nowMs = Date.parse('2026-11-23T02:00:00Z');
  /** fetch that reads the body at once, so no response holds a connection (undici reuses sockets). */
  const get = async (path: string, init?: RequestInit) => {
    const res = await fetch(srv.url + path, init).catch((e: Error & { cause?: unknown }) => {
      throw new Error(`fetch ${path} failed: ${String(e.cause ?? e)}`);
    });
    const body = await res.arrayBuffer();
    return new Response(res.status === 304 || res.status === 204 ? null : body, { status: res.status, headers: res.headers });
  };

  before(async () => {
    srv = await testServer({ clock: { now: () => new Date(nowMs) } });
  });
  after(async () => {
    await srv?.drop();
  });

  it('answers /healthz with the database kind', async () => {
    const res = await get('/healthz');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { status: string; database: string };
    assert.equal(body.status, 'ok');
    assert.equal(body.database, DB_KIND);
  });

  it('lists the 13 Bogor agencies, coordinator first, with service counts', async () => {
    const res = await get('/api/v1/agencies');
    assert.equal(res.status, 200);
    const list = z.parse(AgencyList, await res.json());
    assert.equal(list.total, 13);
    assert.equal(list.items[0]?.id, 'dpmptsp');
    assert.equal(list.items[0]?.coordinator, true);
    const all = z.parse(ServiceList, await (await get('/api/v1/services?limit=1')).json());
    assert.equal(
      list.items.reduce((n, a) => n + a.serviceCount, 0),
      all.total,
    );
    assert.ok(all.total >= 140 && all.total <= 150, `about 145 services, got ${all.total}`);
  });

  it('paginates services with a total and filters by agency', async () => {
    const p1 = z.parse(ServiceList, await (await get('/api/v1/services?limit=10')).json());
    const p2 = z.parse(ServiceList, await (await get('/api/v1/services?limit=10&offset=10')).json());
    assert.equal(p1.items.length, 10);
    assert.equal(p2.offset, 10);
    assert.equal(new Set([...p1.items, ...p2.items].map((s) => s.id)).size, 20, 'pages do not overlap');
    const end = z.parse(ServiceList, await (await get(`/api/v1/services?offset=${p1.total}`)).json());
    assert.deepEqual(end.items, []);
    const dukcapil = z.parse(ServiceList, await (await get('/api/v1/services?agency=disdukcapil&limit=500')).json());
    assert.ok(dukcapil.total > 5);
    assert.ok(dukcapil.items.every((s) => s.agencyId === 'disdukcapil'));
    assert.equal(dukcapil.items.length, dukcapil.total);
  });

  it('returns one service with its full standard', async () => {
    const res = await get('/api/v1/services/disdukcapil-ktp-el');
    assert.equal(res.status, 200);
    const s = z.parse(Service, await res.json());
    assert.equal(s.agencyId, 'disdukcapil');
    assert.ok(s.requirements.length > 0 && s.steps.length > 0);
    assert.equal(s.demo, true);
  });

  it('answers unknown agency and service with 404 problems', async () => {
    let res = await get('/api/v1/services/tidak-ada');
    assert.equal(res.status, 404);
    assert.equal((await problemOf(res)).code, 'service_not_found');
    res = await get('/api/v1/agencies/tidak-ada');
    assert.equal((await problemOf(res)).code, 'agency_not_found');
    res = await get('/api/v1/services?agency=tidak-ada');
    assert.equal(res.status, 404);
    assert.equal((await problemOf(res)).code, 'agency_not_found');
  });

  it('answers wrong types with 400 validation_failed and field errors', async () => {
    for (const q of ['limit=abc', 'limit=0', 'limit=501', 'offset=-1', 'limit=1.5', 'agency=Bad%20Agency']) {
      const res = await get(`/api/v1/services?${q}`);
      assert.equal(res.status, 400, q);
      const p = await problemOf(res);
      assert.equal(p.code, 'validation_failed');
      assert.ok(p.errors?.length, `${q} has field errors`);
    }
    const p = await problemOf(await get('/api/v1/services?limit=abc'));
    assert.equal(p.errors?.[0]?.path, 'limit');
    const bad = await get('/api/v1/services/%F0%9F%98%80');
    assert.equal(bad.status, 400);
  });

  it('answers unknown routes, wrong methods, bad bodies with problems, never 5xx', async () => {
    let res = await get('/api/v1/nothing-here');
    assert.equal(res.status, 404);
    assert.equal((await problemOf(res)).code, 'route_not_found');

    const json = { 'content-type': 'application/json' };
    res = await get('/api/v1/services', { method: 'POST', headers: json, body: '{"a":1}' });
    assert.equal(res.status, 405);
    assert.match(res.headers.get('allow') ?? '', /GET/);
    assert.equal((await problemOf(res)).code, 'method_not_allowed');

    res = await get('/api/v1/services', { method: 'POST', headers: json, body: '{"a":' });
    assert.equal(res.status, 400);
    assert.equal((await problemOf(res)).code, 'malformed_json');

    res = await get('/api/v1/services', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    assert.equal(res.status, 415);
    assert.equal((await problemOf(res)).code, 'unsupported_media_type');

    res = await get('/api/v1/services', { method: 'POST', headers: json, body: JSON.stringify({ x: 'a'.repeat(200_000) }) });
    assert.equal(res.status, 413);
    assert.equal((await problemOf(res)).code, 'payload_too_large');
  });

  it('never answers 5xx to arbitrary paths and query strings (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ unit: 'binary', maxLength: 40 }), async (seg, q) => {
        const path = `/api/v1/services/${encodeURIComponent(seg)}?limit=${encodeURIComponent(q)}&agency=${encodeURIComponent(seg)}`;
        const res = await get(path);
        assert.ok(res.status < 500, `${path} → ${res.status}`);
      }),
      { numRuns: 60 },
    );
  });

  it('supports conditional requests: 304 until the catalog changes', async () => {
    const first = await get('/api/v1/services?agency=pdam');
    const etag = first.headers.get('etag');
    assert.ok(etag);
    const again = await get('/api/v1/services?agency=pdam', { headers: { 'if-none-match': etag } });
    assert.equal(again.status, 304);
    const other = await get('/api/v1/services?agency=bpn', { headers: { 'if-none-match': etag } });
    assert.equal(other.status, 200, 'an ETag is bound to its URL');
    await srv.db.query(
      `update services set summary = summary || ' ' where id = (select id from services where agency_id = 'pdam' limit 1)`,
    );
    nowMs += 1000; // the catalog version is re-read at most once a second (every instance sees a change within it)
    const changed = await get('/api/v1/services?agency=pdam', { headers: { 'if-none-match': etag } });
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
  });

  it('allows embedding from any origin (CORS) and exposes ETag', async () => {
    const pre = await get('/api/v1/services', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://kelurahan-contoh.go.id',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    });
    assert.ok(pre.status === 204 || pre.status === 200);
    assert.equal(pre.headers.get('access-control-allow-origin'), '*');
    const res = await get('/api/v1/agencies', { headers: { origin: 'https://kelurahan-contoh.go.id' } });
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.match(res.headers.get('access-control-expose-headers') ?? '', /etag/i);
  });

  it('applies migrations once', async () => {
    assert.deepEqual(await migrate(srv.db), []);
    const rows = await srv.db.query<{ version: string }>('select version from schema_migrations order by version');
    assert.equal(rows[0]?.version, '001_catalog');
  });

  it('logs requests as JSON lines without query strings or bodies', async () => {
    const lines: string[] = [];
    const app = createApp({ db: srv.db, logger: createLogger((l) => lines.push(l)), config: { secret: 'test-secret' } });
    await app.request('/api/v1/services?agency=3271010101900001&nik=3271010101900001', { headers: { authorization: 'Bearer secret' } });
    await app.request('/api/v1/services', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"nik":"3271010101900001"}',
    });
    assert.equal(lines.length, 2);
    for (const l of lines) {
      const o = JSON.parse(l) as Record<string, unknown>;
      assert.equal(o.msg, 'request');
      assert.doesNotMatch(l, /3271010101900001|secret/);
    }
  });
});

describe('OpenAPI document', () => {
  it('is generated from the contract and the committed docs/openapi.json has not drifted', () => {
    const committed = JSON.parse(readFileSync(new URL('../../../docs/openapi.json', import.meta.url), 'utf8'));
    assert.deepEqual(committed, buildOpenApi(), 'docs/openapi.json drifted from the contract: run `npm run openapi`');
    const doc = buildOpenApi() as { openapi: string; paths: Record<string, unknown> };
    assert.equal(doc.openapi, '3.1.0');
    assert.ok(doc.paths['/api/v1/services/{id}']);
  });
});
