import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { Agency, Service } from '@mpp-kit/core';
import { BOGOR_AGENCIES, BOGOR_SERVICES } from '../src/seed/bogor.js';
import { syntheticCatalog } from '../src/seed/synthetic.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function issuesOf(result: { success: boolean; error?: { issues: unknown[] } }): string {
  return result.success ? '' : JSON.stringify(result.error?.issues);
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

describe('Kota Bogor demo catalog', () => {
  it('validates every agency against the Agency schema', () => {
    for (const a of BOGOR_AGENCIES) {
      const r = z.safeParse(Agency, { ...a, serviceCount: 0 });
      assert.ok(r.success, `agency ${a.id}: ${issuesOf(r)}`);
    }
  });

  it('validates every service against the Service schema', () => {
    const updatedAt = new Date().toISOString();
    for (const s of BOGOR_SERVICES) {
      const r = z.safeParse(Service, { ...s, updatedAt });
      assert.ok(r.success, `service ${s.id}: ${issuesOf(r)}`);
    }
  });

  it('has 13 agencies with exactly one coordinator, dpmptsp', () => {
    assert.equal(BOGOR_AGENCIES.length, 13);
    const coordinators = BOGOR_AGENCIES.filter((a) => a.coordinator).map((a) => a.id);
    assert.deepEqual(coordinators, ['dpmptsp']);
  });

  it('has between 140 and 150 services', () => {
    assert.ok(BOGOR_SERVICES.length >= 140 && BOGOR_SERVICES.length <= 150, `expected 140–150 services, got ${BOGOR_SERVICES.length}`);
  });

  it('has unique agency ids, service ids and service names', () => {
    assert.deepEqual(duplicates(BOGOR_AGENCIES.map((a) => a.id)), []);
    assert.deepEqual(duplicates(BOGOR_SERVICES.map((s) => s.id)), []);
    assert.deepEqual(duplicates(BOGOR_SERVICES.map((s) => s.name)), []);
  });

  it('links every service to an existing agency and gives every agency at least 3 services', () => {
    const ids = new Set(BOGOR_AGENCIES.map((a) => a.id));
    for (const s of BOGOR_SERVICES) assert.ok(ids.has(s.agencyId), `service ${s.id} has unknown agency ${s.agencyId}`);
    for (const a of BOGOR_AGENCIES) {
      const n = BOGOR_SERVICES.filter((s) => s.agencyId === a.id).length;
      assert.ok(n >= 3, `agency ${a.id} has only ${n} services`);
    }
  });

  it('keeps ids, quotas, minutes and demo flags within the seed conventions', () => {
    for (const s of BOGOR_SERVICES) {
      assert.match(s.id, SLUG, s.id);
      assert.ok(s.id.length <= 80, s.id);
      assert.ok(s.id.startsWith(`${s.agencyId.replace(/-bogor$/, '')}-`), `service ${s.id} is not prefixed by its agency`);
      assert.ok(Number.isInteger(s.counterMinutes) && s.counterMinutes >= 5 && s.counterMinutes <= 60, `${s.id} counterMinutes`);
      assert.ok(Number.isInteger(s.fee.amount) && s.fee.amount >= 0, `${s.id} fee`);
      assert.ok(s.requirements.length >= 2 && s.requirements.length <= 7, `${s.id} requirements`);
      assert.ok(s.steps.length >= 3 && s.steps.length <= 6, `${s.id} steps`);
      assert.ok(s.legalBasis.length >= 1 && s.legalBasis.length <= 3, `${s.id} legalBasis`);
      if (s.onlineQueue) assert.ok(s.dailyQuota >= 20 && s.dailyQuota <= 150, `${s.id} dailyQuota ${s.dailyQuota}`);
      else assert.equal(s.dailyQuota, 0, `${s.id} dailyQuota`);
      assert.equal(s.demo, true, `${s.id} demo`);
    }
    for (const a of BOGOR_AGENCIES) assert.equal(a.demo, true, `${a.id} demo`);
  });

  it('uses one queue prefix per agency and a different one for each agency', () => {
    const prefixes = new Map<string, Set<string>>();
    for (const s of BOGOR_SERVICES) {
      const set = prefixes.get(s.agencyId) ?? new Set<string>();
      set.add(s.queuePrefix);
      prefixes.set(s.agencyId, set);
    }
    for (const [agency, set] of prefixes) assert.equal(set.size, 1, `agency ${agency} uses prefixes ${[...set].join(', ')}`);
    const all = [...prefixes.values()].map((set) => [...set][0] as string);
    assert.deepEqual(duplicates(all), []);
  });

  it('contains the services the demo and the docs refer to', () => {
    const ids = new Set(BOGOR_SERVICES.map((s) => s.id));
    const mustHave = [
      'disdukcapil-ktp-el',
      'dpmptsp-pbg',
      'dpmptsp-nib',
      'bapenda-pbb',
      'bapenda-bphtb',
      'polresta-skck',
      'polresta-skck-perpanjangan',
      'imigrasi-paspor-baru',
      'imigrasi-paspor-penggantian',
      'samsat-pkb-tahunan',
      'samsat-stnk-5-tahunan',
      'bpn-balik-nama-sertifikat',
      'kpp-pratama-npwp',
      'kemenag-haji',
      'pdam-pasang-baru',
      'jasa-raharja-santunan',
    ];
    for (const id of mustHave) assert.ok(ids.has(id), `missing service ${id}`);
    const skck = BOGOR_SERVICES.find((s) => s.id === 'polresta-skck');
    assert.equal(skck?.name, 'Penerbitan Surat Keterangan Catatan Kepolisian (SKCK)');
    assert.equal(skck?.fee.amount, 30000);
    assert.equal(BOGOR_SERVICES.find((s) => s.id === 'imigrasi-paspor-baru')?.fee.amount, 350000);
  });
});

describe('syntheticCatalog', () => {
  const COUNT = 14_000;
  const catalog = syntheticCatalog(COUNT);

  it('returns exactly the requested number of services, Bogor first', () => {
    assert.equal(catalog.services.length, COUNT);
    assert.deepEqual(
      catalog.services.slice(0, BOGOR_SERVICES.length).map((s) => s.id),
      BOGOR_SERVICES.map((s) => s.id),
    );
    assert.equal(syntheticCatalog(BOGOR_SERVICES.length).services.length, BOGOR_SERVICES.length);
    assert.equal(syntheticCatalog(BOGOR_SERVICES.length + 1).services.length, BOGOR_SERVICES.length + 1);
  });

  it('throws when asked for fewer services than the Bogor catalog', () => {
    assert.throws(() => syntheticCatalog(BOGOR_SERVICES.length - 1), RangeError);
  });

  it('has unique agency ids, service ids and service names', () => {
    assert.deepEqual(duplicates(catalog.agencies.map((a) => a.id)), []);
    assert.deepEqual(duplicates(catalog.services.map((s) => s.id)), []);
    assert.deepEqual(duplicates(catalog.services.map((s) => s.name)), []);
  });

  it('validates every agency and service', () => {
    const updatedAt = new Date().toISOString();
    for (const a of catalog.agencies) {
      const r = z.safeParse(Agency, { ...a, serviceCount: 0 });
      assert.ok(r.success, `agency ${a.id}: ${issuesOf(r)}`);
    }
    for (const s of catalog.services) {
      const r = z.safeParse(Service, { ...s, updatedAt });
      assert.ok(r.success, `service ${s.id}: ${issuesOf(r)}`);
    }
  });

  it('links every service to one of its agencies, and every agency has services', () => {
    const ids = new Set(catalog.agencies.map((a) => a.id));
    for (const s of catalog.services) assert.ok(ids.has(s.agencyId), `service ${s.id} has unknown agency ${s.agencyId}`);
    const used = new Set(catalog.services.map((s) => s.agencyId));
    for (const a of catalog.agencies) assert.ok(used.has(a.id), `agency ${a.id} has no services`);
    assert.equal(catalog.agencies.filter((a) => a.coordinator).length, 1);
  });

  it('generates regional variants of the Bogor templates', () => {
    const garut = catalog.services.find((s) => s.id === 'disdukcapil-kab-garut-ktp-el');
    if (garut) {
      assert.equal(garut.agencyId, 'disdukcapil-kab-garut');
      assert.match(garut.name, /Kabupaten Garut$/);
    }
    const regional = catalog.services.slice(BOGOR_SERVICES.length);
    const leftover = regional.filter((s) => /Kota Bogor|Bogor Kota|Grha Tiyasa/.test(`${s.name} ${s.summary} ${s.complaintChannel}`));
    assert.deepEqual(leftover.map((s) => s.id).slice(0, 5), [], 'a regional service still mentions Kota Bogor');
    assert.ok(new Set(regional.map((s) => s.agencyId)).size > 100 * 5, 'expected regional agencies across many regions');
  });

  it('is deterministic for a given seed and varies with the seed', () => {
    assert.deepEqual(syntheticCatalog(COUNT), catalog);
    assert.deepEqual(syntheticCatalog(COUNT, 1), catalog);
    const other = syntheticCatalog(COUNT, 2);
    assert.equal(other.services.length, COUNT);
    assert.notDeepEqual(
      other.services.map((s) => s.id),
      catalog.services.map((s) => s.id),
    );
  });
});
