import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  createCatalogApi,
  createCatalogIndex,
  createHttp,
  byUse,
  CatalogStore,
  NetworkError,
  summarizeService,
  type CatalogIndexSnapshot,
} from '../src/index.js';
import { AGENCIES, SERVICES } from './fixtures/catalog.js';

const SUMMARIES = SERVICES.map(summarizeService);

/**
 * A tiny in-memory API with the server's contract: the compact index (with ETag, If-None-Match and
 * `remote` above `remoteAbove` services), server-side search with the same core ranking, full
 * records by id; an "offline" switch and a gate that holds search answers back.
 */
function fakeServer(o: { remoteAbove?: number } = {}) {
  const state = { version: 1, offline: false, requests: [] as string[], hold: null as Promise<void> | null };
  const index = createCatalogIndex(SUMMARIES, AGENCIES);
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : new Request(input, init);
    const url = new URL(req.url);
    state.requests.push(`${url.pathname}${url.search}`);
    if (state.offline) throw new TypeError('fetch failed');
    const etag = `W/"v${state.version}-${url.pathname}${url.search}"`;
    if (req.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag } });
    const send = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', etag } });
    const agency = url.searchParams.get('agency');
    const scope = SUMMARIES.filter((s) => !agency || s.agencyId === agency);
    if (url.pathname.endsWith('/catalog/index')) {
      const remote = scope.length > (o.remoteAbove ?? Infinity);
      return send({ agencies: remote ? [] : AGENCIES, services: remote ? [] : scope, total: scope.length, remote });
    }
    if (url.pathname.endsWith('/catalog/search')) {
      if (state.hold) await state.hold;
      if (req.signal.aborted) throw new DOMException('aborted', 'AbortError');
      const q = url.searchParams.get('q') ?? '';
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const found = q.trim() ? index.search(q, { agencyId: agency, limit: offset + limit + 1 }) : [...scope].sort(byUse);
      const items = found.slice(offset, offset + limit);
      const agencies = AGENCIES.filter((a) => items.some((s) => s.agencyId === a.id));
      return send({ items, more: found.length > offset + limit, limit, offset, suggestions: [], agencies });
    }
    const m = /\/services\/([^/]+)$/.exec(url.pathname);
    const svc = m && SERVICES.find((s) => s.id === m[1]);
    if (svc) return send(svc);
    return send({ type: 'about:blank', title: 'Not found', status: 404, code: 'service_not_found' }, 404);
  }) as typeof globalThis.fetch;
  return { state, fetch };
}

const memoryCache = () => {
  const m = new Map<string, CatalogIndexSnapshot>();
  return { m, get: (k: string) => m.get(k), set: (k: string, v: CatalogIndexSnapshot) => void m.set(k, structuredClone(v)) };
};

const storeFor = (srv: ReturnType<typeof fakeServer>, options: ConstructorParameters<typeof CatalogStore>[1] = {}) =>
  new CatalogStore(createCatalogApi(createHttp({ baseUrl: 'http://x/api/v1/', fetch: srv.fetch, retry: 0 })), options);

const settle = (store: CatalogStore) =>
  new Promise<void>((resolve) => {
    if (!store.getSnapshot().searching && store.getSnapshot().detailStatus !== 'loading') return resolve();
    const off = store.subscribe((s) => {
      if (!s.searching && s.detailStatus !== 'loading') {
        off();
        resolve();
      }
    });
  });

describe('CatalogStore', () => {
  it('loads the compact index, searches as you type, filters by agency, and fetches a record when opened', async () => {
    const srv = fakeServer();
    const store = storeFor(srv);
    const seen: string[] = [];
    store.subscribe((s) => seen.push(s.status));
    await store.load();
    const s = store.getSnapshot();
    assert.equal(s.status, 'ready');
    assert.equal(s.mode, 'local');
    assert.equal(s.services.length, SERVICES.length);
    assert.equal(s.results.length, SERVICES.length, 'empty query lists everything');
    assert.deepEqual(seen.slice(0, 2), ['loading', 'ready']);
    assert.deepEqual(srv.state.requests, ['/api/v1/catalog/index'], 'one request: no full records up front');
    store.setQuery('bikin ktp');
    assert.equal(store.getSnapshot().results[0]?.id, 'disdukcapil-ktp-el');
    store.setAgency('polresta');
    assert.ok(store.getSnapshot().results.every((x) => x.agencyId === 'polresta'));
    store.setQuery('');
    assert.ok(store.getSnapshot().results.length > 0);

    store.select('polresta-skck');
    assert.equal(store.getSnapshot().detailStatus, 'loading');
    assert.equal(store.summaryOf('polresta-skck')?.name, SERVICES.find((x) => x.id === 'polresta-skck')!.name, 'the summary shows at once');
    await settle(store);
    assert.equal(store.getSnapshot().detail?.id, 'polresta-skck');
    assert.ok(store.getSnapshot().detail!.requirements.length > 0, 'the full record, with its requirements');
    store.select(null);
    store.select('polresta-skck');
    assert.equal(store.getSnapshot().detailStatus, 'ready', 'a record opened before is not fetched again');
    assert.equal(srv.state.requests.filter((r) => r.endsWith('/services/polresta-skck')).length, 1);
  });

  it('reports a record that cannot be fetched and fetches it again on retry', async () => {
    const srv = fakeServer();
    const store = storeFor(srv);
    await store.load();
    srv.state.offline = true;
    store.select('polresta-skck');
    await settle(store);
    assert.equal(store.getSnapshot().detailStatus, 'error');
    assert.ok(store.getSnapshot().detailError instanceof NetworkError);
    srv.state.offline = false;
    store.retryDetail();
    await settle(store);
    assert.equal(store.getSnapshot().detail?.id, 'polresta-skck');
  });

  it('keeps the query and reports a typed error when the server is unreachable, then retries', async () => {
    const srv = fakeServer();
    srv.state.offline = true;
    const store = storeFor(srv);
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

  it('shows the cached index offline, and revalidates with one 304 when nothing changed', async () => {
    const srv = fakeServer();
    const cache = memoryCache();
    await storeFor(srv, { cache }).load();
    assert.equal(cache.m.size, 1);

    srv.state.requests.length = 0;
    const again = storeFor(srv, { cache });
    await again.load();
    assert.equal(again.getSnapshot().stale, false);
    assert.equal(again.getSnapshot().services.length, SERVICES.length);
    assert.deepEqual(srv.state.requests, ['/api/v1/catalog/index'], 'one conditional request, answered 304');

    srv.state.version++;
    const changed = storeFor(srv, { cache });
    await changed.load();
    assert.notEqual(cache.m.values().next().value!.etag, null);
    assert.equal(cache.m.values().next().value!.etag, `W/"v2-/api/v1/catalog/index"`, 'a changed catalog replaces the cached one');

    srv.state.offline = true;
    const offline = storeFor(srv, { cache });
    await offline.load();
    const s = offline.getSnapshot();
    assert.equal(s.status, 'ready');
    assert.equal(s.stale, true);
    assert.ok(s.error instanceof NetworkError);
    offline.setQuery('skck');
    assert.equal(offline.getSnapshot().results[0]?.id, 'polresta-skck');
  });

  it('ignores a cached value of another shape (an older version, a foreign key)', async () => {
    const srv = fakeServer();
    const cache = { get: () => ({ services: 'nonsense' }) as unknown as CatalogIndexSnapshot, set: () => undefined };
    const store = storeFor(srv, { cache });
    await store.load();
    assert.equal(store.getSnapshot().services.length, SERVICES.length);
  });

  it('restricts a store created for one agency', async () => {
    const srv = fakeServer();
    const store = storeFor(srv, { agency: 'disdukcapil' });
    await store.load();
    assert.ok(store.getSnapshot().services.every((s) => s.agencyId === 'disdukcapil'));
    store.setAgency('polresta');
    assert.equal(store.getSnapshot().agencyId, 'disdukcapil', 'the agency is fixed');
    assert.ok(srv.state.requests.some((r) => r.includes('agency=disdukcapil')));
  });
});

describe('CatalogStore on a catalog too large to ship (server mode)', () => {
  it('searches on the server, debounced, in the same order as local search on the same data', async () => {
    const srv = fakeServer({ remoteAbove: 5 });
    const store = storeFor(srv, { debounceMs: 20 });
    const local = storeFor(fakeServer());
    await Promise.all([store.load(), local.load()]);
    assert.equal(store.getSnapshot().mode, 'server');
    assert.equal(store.getSnapshot().services.length, 0, 'no summaries shipped');
    assert.equal(store.getSnapshot().total, SERVICES.length);
    srv.state.requests.length = 0;
    for (const q of ['s', 'sk', 'skc', 'skck']) store.setQuery(q);
    assert.equal(store.getSnapshot().searching, true);
    await settle(store);
    assert.deepEqual(srv.state.requests, ['/api/v1/catalog/search?q=skck&limit=50&offset=0'], 'one request for four keystrokes');
    assert.ok(
      store.getSnapshot().agencies.some((a) => a.id === 'polresta'),
      'a page brings the agencies of its results',
    );
    for (const q of ['skck', 'bikin ktp', 'perpanjang sim', 'akte lahir', '']) {
      store.setQuery(q);
      local.setQuery(q);
      await settle(store);
      assert.deepEqual(
        store.getSnapshot().results.map((s) => s.id),
        local
          .getSnapshot()
          .results.map((s) => s.id)
          .slice(0, store.getSnapshot().results.length),
        `same order for "${q}"`,
      );
    }
  });

  it('drops a stale answer: the results are always the last query’s', async () => {
    const srv = fakeServer({ remoteAbove: 5 });
    const store = storeFor(srv, { debounceMs: 0 });
    await store.load();
    let release!: () => void;
    srv.state.hold = new Promise<void>((r) => (release = r));
    store.setQuery('skck');
    await new Promise((r) => setTimeout(r, 10)); // the 'skck' request is on its way
    srv.state.hold = null;
    store.setQuery('bikin ktp');
    await settle(store);
    release();
    await new Promise((r) => setTimeout(r, 10));
    assert.equal(store.getSnapshot().results[0]?.id, 'disdukcapil-ktp-el');
    assert.equal(store.getSnapshot().query, 'bikin ktp');
  });

  it('pages with loadMore until every match is reachable', async () => {
    const srv = fakeServer({ remoteAbove: 5 });
    const store = storeFor(srv, { debounceMs: 0, pageSize: 3 });
    await store.load();
    store.setQuery('');
    await settle(store);
    assert.equal(store.getSnapshot().results.length, 3);
    assert.equal(store.getSnapshot().more, true);
    while (store.getSnapshot().more) await store.loadMore();
    assert.equal(store.getSnapshot().results.length, SERVICES.length);
    assert.equal(new Set(store.getSnapshot().results.map((s) => s.id)).size, SERVICES.length, 'no service twice');
  });
});
