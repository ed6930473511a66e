import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import {
  CATALOG_SHIP_LIMIT,
  CatalogIndexResponse,
  CatalogSearchResult,
  ServiceList,
  byUse,
  createCatalogIndex,
  summarizeService,
  type Service,
} from '@mpp-kit/core';
import { DB_KIND, freshDb, problemOf } from './helpers.js';
import { startServer, type RunningServer } from '../src/server.js';
import { silentLogger } from '../src/log.js';
import { seedCatalog } from '../src/seed/index.js';
import { syntheticCatalog } from '../src/seed/synthetic.js';

const QUERIES = ['bikin ktp', 'akta lahir anak', 'paspor', 'pajak kendaraan', 'skck', 'air pdam', 'nib', 'sertifikat tanah', 'ktp hilang'];

describe(`catalog index and server search on ${DB_KIND}`, { timeout: 180_000 }, () => {
  let srv: RunningServer;
  let drop: () => Promise<void>;
  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(srv.url + path, { headers });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: text ? (JSON.parse(text) as unknown) : null };
  };
  /** Every full record, as a browser holding the whole catalog would have them. */
  const allServices = async (): Promise<Service[]> => {
    const out: Service[] = [];
    for (;;) {
      const page = z.parse(ServiceList, (await get(`/api/v1/services?limit=500&offset=${out.length}`)).json);
      out.push(...page.items);
      if (out.length >= page.total || !page.items.length) return out;
    }
  };

  before(async () => {
    const f = await freshDb();
    drop = f.drop;
    srv = await startServer({ port: 0, db: f.db, seedDemo: true, logger: silentLogger });
  });
  after(async () => {
    await srv?.close();
    await drop?.();
  });

  it('serves a compact index of every service with an ETag and 304, a fraction of the full records', async () => {
    const r = await get('/api/v1/catalog/index');
    assert.equal(r.status, 200);
    const idx = z.parse(CatalogIndexResponse, r.json);
    const full = await allServices();
    assert.equal(idx.total, full.length);
    assert.equal(idx.services.length, full.length);
    assert.equal(idx.agencies.length, 13);
    assert.equal(idx.remote, false, `${full.length} services are shipped (≤ ${CATALOG_SHIP_LIMIT})`);
    assert.ok(!('requirements' in (idx.services[0] as object)), 'no full standard in the index');
    const fullBytes = JSON.stringify(full).length;
    assert.ok(r.text.length < fullBytes / 2.5, `index ${r.text.length} B vs full ${fullBytes} B`);
    const etag = r.headers.get('etag');
    assert.ok(etag);
    assert.equal((await get('/api/v1/catalog/index', { 'if-none-match': etag })).status, 304);
    const one = z.parse(CatalogIndexResponse, (await get('/api/v1/catalog/index?agency=imigrasi')).json);
    assert.ok(one.services.length > 0 && one.services.every((s) => s.agencyId === 'imigrasi'));
    assert.deepEqual(
      one.agencies.map((a) => a.id),
      ['imigrasi'],
    );
    assert.equal((await problemOf(await fetch(`${srv.url}/api/v1/catalog/index?agency=nope`))).code, 'agency_not_found');
  });

  it("ranks exactly as the SDK's own search over the shipped index, and pages through every match", async () => {
    const full = await allServices();
    const idx = z.parse(CatalogIndexResponse, (await get('/api/v1/catalog/index')).json);
    const local = createCatalogIndex(idx.services, idx.agencies);
    for (const q of QUERIES) {
      const r = z.parse(CatalogSearchResult, (await get(`/api/v1/catalog/search?q=${encodeURIComponent(q)}&limit=100`)).json);
      const expected = local.search(q, { limit: 1000 }).map((s) => s.id);
      assert.deepEqual(
        r.items.map((s) => s.id),
        expected.slice(0, 100),
        q,
      );
      assert.equal(r.more, expected.length > 100, q);
    }
    const all: string[] = [];
    for (let offset = 0; ; offset += 40) {
      const r = z.parse(CatalogSearchResult, (await get(`/api/v1/catalog/search?q=&limit=40&offset=${offset}`)).json);
      all.push(...r.items.map((s) => s.id));
      if (!r.more) break;
    }
    assert.equal(new Set(all).size, full.length, 'an empty query pages through the whole catalog, no silent cap');
    assert.deepEqual(
      all,
      [...idx.services].sort(byUse).map((s) => s.id),
      'an empty query: most used first, as in a browser',
    );
    const none = z.parse(CatalogSearchResult, (await get('/api/v1/catalog/search?q=ktpp%20elektronk')).json);
    assert.ok(none.items.length > 0 || none.suggestions.length > 0, 'typos still find or suggest');
  });

  it('refuses hostile queries with 400 problems', async () => {
    for (const q of ['%00', 'a'.repeat(101), '%E2%80%AE', 'x&limit=0', 'x&limit=101', 'x&offset=-1', 'x&limit=1e1']) {
      const res = await fetch(`${srv.url}/api/v1/catalog/search?q=${q}`);
      assert.equal(res.status, 400, q);
      await problemOf(res);
    }
    const bare = z.parse(CatalogSearchResult, (await get('/api/v1/catalog/search')).json);
    const empty = z.parse(CatalogSearchResult, (await get('/api/v1/catalog/search?q=')).json);
    assert.deepEqual(bare, empty, 'no q is the empty query (the whole scope, most used first)');
  });

  it('searches the national catalog (14,000 services) with the same results as in-process search', async () => {
    const f = await freshDb();
    const national = await startServer({ port: 0, db: f.db, seedDemo: false, logger: silentLogger, config: { secret: 'national-test' } });
    try {
      const cat = syntheticCatalog(14000);
      await seedCatalog(f.db, cat);
      // The records as any client gets them: in the API's order (ties rank in catalog order).
      const services: Service[] = [];
      for (;;) {
        const page = z.parse(
          ServiceList,
          await (await fetch(`${national.url}/api/v1/services?limit=500&offset=${services.length}`)).json(),
        );
        services.push(...page.items);
        if (services.length >= page.total || !page.items.length) break;
      }
      assert.equal(services.length, 14000);
      const idxRes = await fetch(`${national.url}/api/v1/catalog/index`);
      const idxText = await idxRes.text();
      const idx = z.parse(CatalogIndexResponse, JSON.parse(idxText));
      assert.equal(idx.remote, true, 'too large to ship: searched on the server');
      assert.equal(idx.total, 14000);
      assert.equal(idx.services.length, 0);
      assert.ok(idxText.length < 20_000, `the national index answer is the agencies only (${idxText.length} B)`);
      // What a device would compute holding the summaries, in the index's order (by name).
      const summaries = services.map(summarizeService).sort((a, b) => a.name.localeCompare(b.name, 'id'));
      const local = createCatalogIndex(summaries, idx.agencies);
      for (const q of QUERIES) {
        const res = await fetch(`${national.url}/api/v1/catalog/search?q=${encodeURIComponent(q)}`);
        const r = z.parse(CatalogSearchResult, await res.json());
        assert.deepEqual(
          r.items.map((s) => s.id),
          local.search(q, { limit: 20 }).map((s) => s.id),
          q,
        );
      }
    } finally {
      await national.close();
      await f.drop();
    }
  });
});
