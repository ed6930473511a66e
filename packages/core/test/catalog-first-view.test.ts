import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { CatalogStore, summarizeService, type Agency, type CatalogApi, type CatalogIndexSnapshot, type Service } from '../src/index.js';
import { MAX_RESULTS } from '../src/catalog/store.js';
import { SERVED_ELSEWHERE } from '../src/catalog/elsewhere.js';

// The Kota Bogor demo seed: the catalog a citizen actually searches.
const seed = new URL('../../server/seed-data/kota-bogor/', import.meta.url);
const SERVICES: Service[] = readdirSync(new URL('services/', seed)).flatMap((f) =>
  (JSON.parse(readFileSync(new URL(`services/${f}`, seed), 'utf8')) as Service[]).map((s) => ({ ...s, updatedAt: '2026-01-01T00:00:00Z' })),
);
const AGENCIES: Agency[] = (JSON.parse(readFileSync(new URL('agencies.json', seed), 'utf8')) as Agency[]).map((a) => ({
  ...a,
  serviceCount: SERVICES.filter((s) => s.agencyId === a.id).length,
}));

function storeOf(services = SERVICES, agencies = AGENCIES, options: ConstructorParameters<typeof CatalogStore>[1] = {}) {
  const snap: CatalogIndexSnapshot = {
    agencies,
    services: services.map(summarizeService),
    total: services.length,
    remote: false,
    etag: null,
    checkedAt: '',
  };
  const api = { loadIndex: () => Promise.resolve(snap) } as unknown as CatalogApi;
  return new CatalogStore(api, options);
}

const ids = (store: CatalogStore) => store.getSnapshot().results.map((s) => s.id);
const elsewhere = (store: CatalogStore) => store.getSnapshot().elsewhere.map((e) => e.id);

describe('catalog first view and "not served here"', () => {
  it('opens with the most used services (daily quota as the proxy), then by name; every service listed', async () => {
    const store = storeOf();
    await store.load();
    const r = store.getSnapshot().results;
    assert.equal(r.length, SERVICES.length, 'nothing capped');
    assert.deepEqual(
      ids(store).slice(0, 2).sort(),
      ['disdukcapil-ktp-el', 'samsat-pkb-tahunan'],
      'KTP-el and the yearly vehicle tax (150 a day) first',
    );
    for (let i = 1; i < r.length; i++) {
      const [a, b] = [r[i - 1]!, r[i]!];
      assert.ok(
        a.dailyQuota > b.dailyQuota || (a.dailyQuota === b.dailyQuota && a.name.localeCompare(b.name, 'id') <= 0),
        `${a.id} before ${b.id}`,
      );
    }
  });

  it('keeps every match of a broad query (no cap at 50)', async () => {
    const broad = storeOf(
      Array.from({ length: 120 }, (_, i) => ({ ...SERVICES[0]!, id: `bapenda-pbb-${i}`, name: `Layanan pajak nomor ${i}` })),
      AGENCIES,
    );
    await broad.load();
    broad.setQuery('pajak');
    assert.equal(broad.getSnapshot().results.length, 120, 'all 120 matches, not 50');
    assert.equal(broad.getSnapshot().truncated, false);
    assert.equal(MAX_RESULTS, 1000);
  });

  it('"bpjs" says where BPJS is served instead of offering the Haji registration', async () => {
    const store = storeOf();
    await store.load();
    store.setQuery('bpjs');
    assert.deepEqual(elsewhere(store), ['bpjs-kesehatan', 'bpjs-ketenagakerjaan']);
    assert.deepEqual(ids(store), [], 'no wrong service');
    assert.deepEqual(store.getSnapshot().suggestions, []);
    store.setQuery('daftar BPJS Kesehatan');
    assert.deepEqual(elsewhere(store), ['bpjs-kesehatan']);
    assert.ok(!ids(store).includes('kemenag-haji'));
    store.setQuery('kis');
    assert.deepEqual(elsewhere(store), ['bpjs-kesehatan']);
    store.setQuery('pasang listrik');
    assert.deepEqual(elsewhere(store), ['pln']);
  });

  it('"sim baru" points to the Satpas; "sim" alone and the renewals are served here; other words keep their results', async () => {
    const store = storeOf();
    await store.load();
    store.setQuery('bikin sim');
    assert.deepEqual(elsewhere(store), ['sim-baru']);
    assert.deepEqual(ids(store), []);
    store.setQuery('pajak listrik');
    assert.deepEqual(elsewhere(store), ['pln']);
    assert.ok(ids(store).length > 0, 'the tax services stay under the notice');
    store.setQuery('sim');
    assert.deepEqual(elsewhere(store), []);
    assert.ok(ids(store)[0]!.startsWith('polresta-sim-'));
    store.setQuery('perpanjang sim a');
    assert.deepEqual(elsewhere(store), []);
  });

  it('an MPP that does serve BPJS gets its service, not the notice; [] turns the answer off', async () => {
    const bpjs: Agency = {
      ...AGENCIES[0]!,
      id: 'bpjs-kesehatan',
      name: 'BPJS Kesehatan Cabang Bogor',
      shortName: 'BPJS Kesehatan',
      aliases: ['bpjs'],
    };
    const desk: Service = {
      ...SERVICES[0]!,
      id: 'bpjs-kesehatan-daftar',
      agencyId: 'bpjs-kesehatan',
      name: 'Pendaftaran Peserta JKN',
      aliases: ['daftar bpjs'],
    };
    const store = storeOf([...SERVICES, desk], [...AGENCIES, bpjs]);
    await store.load();
    store.setQuery('bpjs');
    assert.deepEqual(
      elsewhere(store).filter((e) => e === 'bpjs-kesehatan'),
      [],
    );
    assert.equal(ids(store)[0], 'bpjs-kesehatan-daftar');
    const off = storeOf(SERVICES, AGENCIES, { elsewhere: [] });
    await off.load();
    off.setQuery('bpjs');
    assert.deepEqual(elsewhere(off), []);
  });

  it('every alias of the list is found by its own query and none is served by the Bogor demo', async () => {
    const store = storeOf();
    await store.load();
    for (const e of SERVED_ELSEWHERE) {
      for (const a of e.aliases) {
        store.setQuery(a);
        assert.ok(elsewhere(store).includes(e.id), `${a} → ${e.id}`);
      }
    }
  });
});
