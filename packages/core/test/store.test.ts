import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createCatalogApi, createHttp, CatalogStore, NetworkError, type CatalogSnapshot } from '../src/index.js';
import { AGENCIES, SERVICES } from './fixtures/catalog.js';

/** A tiny in-memory API: pages, agency filter, ETags and If-None-Match, and an "offline" switch. */
function fakeServer() {
  const state = { version: 1, offline: false, requests: [] as string[] };
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : new Request(input, init);
    const url = new URL(req.url);
    state.requests.push(`${url.pathname}${url.search}`);
    if (state.offline) throw new TypeError('fetch failed');
    const etag = `W/"v${state.version}-${url.pathname}${url.search}"`;
    if (req.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag } });
    const send = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json', etag } });
    if (url.pathname.endsWith('/agencies')) return send({ items: AGENCIES, total: AGENCIES.length });
    const agency = url.searchParams.get('agency');
    const limit = Number(url.searchParams.get('limit') ?? 50);
    const offset = Number(url.searchParams.get('offset') ?? 0);
    const all = SERVICES.filter((s) => !agency || s.agencyId === agency);
    return send({ items: all.slice(offset, offset + limit), total: all.length, limit, offset });
  }) as typeof globalThis.fetch;
  return { state, fetch };
}

const memoryCache = () => {
  const m = new Map<string, CatalogSnapshot>();
  return { m, get: (k: string) => m.get(k), set: (k: string, v: CatalogSnapshot) => void m.set(k, structuredClone(v)) };
};

describe('CatalogStore', () => {
  it('loads, searches as you type, filters by agency and selects', async () => {
    const srv = fakeServer();
    const store = new CatalogStore(createCatalogApi(createHttp({ baseUrl: 'http://x/api/v1/', fetch: srv.fetch })));
    const seen: string[] = [];
    store.subscribe((s) => seen.push(s.status));
    await store.load();
    const s = store.getSnapshot();
    assert.equal(s.status, 'ready');
    assert.equal(s.services.length, SERVICES.length);
    assert.equal(s.results.length, SERVICES.length, 'empty query lists everything');
    assert.deepEqual(seen.slice(0, 2), ['loading', 'ready']);
    store.setQuery('bikin ktp');
    assert.equal(store.getSnapshot().results[0]?.id, 'disdukcapil-ktp-el');
    store.setAgency('polresta');
    assert.ok(store.getSnapshot().results.every((x) => x.agencyId === 'polresta'));
    store.setQuery('');
    assert.ok(store.getSnapshot().results.length > 0);
    store.select('polresta-skck');
    assert.equal(store.selected?.id, 'polresta-skck');
  });

  it('loads every page of a large catalog', async () => {
    const srv = fakeServer();
    const http = createHttp({ baseUrl: 'http://x/api/v1/', fetch: srv.fetch });
    const api = createCatalogApi(http);
    const snap = await api.loadAll();
    assert.equal(snap.services.length, SERVICES.length);
    assert.ok(srv.state.requests.some((r) => r.includes('limit=500')));
  });

  it('keeps the query and reports a typed error when the server is unreachable, then retries', async () => {
    const srv = fakeServer();
    srv.state.offline = true;
    const store = new CatalogStore(createCatalogApi(createHttp({ baseUrl: 'http://x/', fetch: srv.fetch, retry: 0 })));
    store.setQuery('skck');
    await store.load();
    assert.equal(store.getSnapshot().status, 'error');
    assert.ok(store.getSnapshot().error instanceof NetworkError);
    assert.equal(store.getSnapshot().query, 'skck');
    srv.state.offline = false;
    await store.retry();
    assert.equal(store.getSnapshot().status, 'ready');
    assert.equal(store.getSnapshot().results[0]?.id, 'polresta-skck');
  });

  it('shows the cached catalog offline, and revalidates with 304 when nothing changed', async () => {
    const srv = fakeServer();
    const cache = memoryCache();
    const mk = () => new CatalogStore(createCatalogApi(createHttp({ baseUrl: 'http://x/', fetch: srv.fetch, retry: 0 })), { cache });
    await mk().load();
    assert.equal(cache.m.size, 1);

    srv.state.requests.length = 0;
    const again = mk();
    await again.load();
    assert.equal(again.getSnapshot().stale, false);
    assert.equal(srv.state.requests.length, 2, 'two conditional requests, both 304');

    srv.state.offline = true;
    const offline = mk();
    await offline.load();
    const s = offline.getSnapshot();
    assert.equal(s.status, 'ready');
    assert.equal(s.stale, true);
    assert.ok(s.error instanceof NetworkError);
    offline.setQuery('skck');
    assert.equal(offline.getSnapshot().results[0]?.id, 'polresta-skck');
  });

  it('restricts a store created for one agency', async () => {
    const srv = fakeServer();
    const store = new CatalogStore(createCatalogApi(createHttp({ baseUrl: 'http://x/', fetch: srv.fetch })), { agency: 'disdukcapil' });
    await store.load();
    assert.ok(store.getSnapshot().services.every((s) => s.agencyId === 'disdukcapil'));
    store.setAgency('polresta');
    assert.equal(store.getSnapshot().agencyId, 'disdukcapil', 'the agency is fixed');
    assert.ok(srv.state.requests.some((r) => r.includes('agency=disdukcapil')));
  });
});
