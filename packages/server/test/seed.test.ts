import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { tmpdir } from 'node:os';
import * as z from 'zod/mini';
import { Agency, Service } from '@mpp-kit/core';
import { BOGOR_AGENCIES, BOGOR_DATA_DIR, BOGOR_SERVICES, loadBogorSeed } from '../src/seed/bogor.js';
import { loadSeedData, SeedDataError } from '../src/seed/load.js';
import { seedDemoIfEmpty } from '../src/seed/index.js';
import { demoStaff, seedQueueDemoIfEmpty } from '../src/seed/queue.js';
import { syntheticCatalog } from '../src/seed/synthetic.js';
import { migrate, type Db } from '../src/db/index.js';
import { openPglite } from '../src/db/pglite.js';

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
      assert.ok(s.requirements.length >= 1, `${s.id} has something to bring`);
      const asked = s.requirements.length + s.conditions.length;
      assert.ok(asked >= 2 && asked <= 7, `${s.id} requirements and conditions`);
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
    assert.deepEqual([skck?.fee.kind, skck?.fee.amount], ['fixed', 30000]);
    const paspor = BOGOR_SERVICES.find((s) => s.id === 'imigrasi-paspor-baru');
    assert.deepEqual([paspor?.fee.kind, paspor?.fee.amount], ['fixed', 350000]);
  });
});

/** A copy of the Kota Bogor data folder to break in one test. */
function copyOfBogor(): string {
  const dir = mkdtempSync(join(tmpdir(), 'mpp-seed-'));
  cpSync(BOGOR_DATA_DIR, dir, { recursive: true });
  return dir;
}
const readJson = (dir: string, file: string) => JSON.parse(readFileSync(join(dir, file), 'utf8')) as Array<Record<string, unknown>>;
const writeJson = (dir: string, file: string, value: unknown) => writeFileSync(join(dir, file), JSON.stringify(value, null, 2));

function loadError(dir: string): SeedDataError {
  try {
    loadSeedData(dir);
  } catch (e) {
    assert.ok(e instanceof SeedDataError, `expected a SeedDataError, got ${String(e)}`);
    return e;
  }
  assert.fail('the loader accepted a bad data folder');
}

describe('seed data loader', () => {
  const dirs: string[] = [];
  const tmp = () => {
    const d = copyOfBogor();
    dirs.push(d);
    return d;
  };
  after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  it('finds the Kota Bogor folder next to src/, as shipped with the package', () => {
    assert.ok(BOGOR_DATA_DIR.endsWith(['packages', 'server', 'seed-data', 'kota-bogor', ''].join(sep)), BOGOR_DATA_DIR);
    const data = loadBogorSeed();
    assert.equal(data.agencies.length, 13);
    assert.equal(data.services.length, BOGOR_SERVICES.length);
    assert.equal(data.office?.timeZone, 'Asia/Jakarta');
    const friday = data.office?.hours.find((h) => h.weekday === 'friday');
    assert.deepEqual([friday?.breakStart, friday?.breakEnd], ['11:00', '13:00']);
    assert.equal(data.holidays.length, 25);
    assert.deepEqual(
      data.staff.map((s) => s.id),
      ['admin', ...data.agencies.map((a) => `loket-${a.id}`)],
    );
    const online = data.services.filter((s) => s.onlineQueue);
    assert.ok(online.length > 100);
    for (const s of online) assert.ok(s.queueRules, `online service ${s.id} has no queue rules`);
  });

  it('keeps one services file per agency, named by the agency id', () => {
    const data = loadBogorSeed();
    for (const a of data.agencies) {
      const list = readJson(BOGOR_DATA_DIR, `services/${a.id}.json`);
      assert.deepEqual(
        list.map((s) => s.id),
        data.services.filter((s) => s.agencyId === a.id).map((s) => s.id),
      );
    }
  });

  it('refuses a bad data folder with one error per bad item, naming file, item and field', () => {
    const dir = tmp();
    const pdam = readJson(dir, 'services/pdam.json');
    pdam[1] = { ...pdam[1], counterMinutes: '20', name: undefined, requirement: ['typo'] };
    pdam[2] = { ...pdam[2], queueRules: { ...(pdam[2]!.queueRules as object), slotMinutes: 1 } };
    writeJson(dir, 'services/pdam.json', pdam);
    const holidays = readJson(dir, 'holidays-2026.json');
    holidays[0] = { ...holidays[0], date: '2026-02-30' };
    writeJson(dir, 'holidays-2026.json', holidays);
    const office = readJson(dir, 'office.json') as unknown as { hours: Array<Record<string, unknown>> };
    office.hours[4] = { ...office.hours[4], breakStart: '16:00', breakEnd: '17:00' };
    writeJson(dir, 'office.json', office);

    const e = loadError(dir);
    const byItem = new Map(e.issues.map((i) => [`${i.file} ${i.item ?? ''}`, i.problems.map((p) => p.field).sort()]));
    assert.deepEqual(byItem.get(`services/pdam.json #2 ${pdam[1]!.id}`), ['', 'counterMinutes', 'name']);
    assert.deepEqual(byItem.get(`services/pdam.json #3 ${pdam[2]!.id}`), ['queueRules.slotMinutes']);
    assert.deepEqual(byItem.get('holidays-2026.json #1'), ['date']);
    assert.deepEqual(byItem.get('office.json '), ['hours.4.breakStart']);
    assert.equal(e.issues.length, 4);
    // The message a person reads: file, item, field and the problem in Indonesian and English.
    assert.match(e.message, /services\/pdam\.json, item #2 pdam-[a-z-]+:/);
    assert.match(e.message, /counterMinutes: harus berupa angka \/ must be a number/);
    assert.match(e.message, /name: wajib diisi \/ is required/);
    assert.match(e.message, /kolom tidak dikenal: "requirement" \/ unknown field: "requirement"/);
    assert.match(e.message, /queueRules\.slotMinutes: minimal 5 \/ at least 5/);
    assert.match(e.message, /date: [^\n]*kalender[^\n]* \/ [^\n]*calendar date/);
  });

  it('refuses services filed under the wrong agency, unknown agency files and duplicate ids', () => {
    const dir = tmp();
    const bpn = readJson(dir, 'services/bpn.json');
    bpn[0] = { ...bpn[0], agencyId: 'pdam' };
    bpn[1] = { ...bpn[1], id: bpn[2]!.id };
    writeJson(dir, 'services/bpn.json', bpn);
    writeJson(dir, 'services/dinas-tidak-ada.json', []);
    const staff = readJson(dir, 'staff.json');
    staff.push({ id: 'loket-x', name: 'X', role: 'counter', agencyId: 'dinas-tidak-ada' });
    writeJson(dir, 'staff.json', staff);
    const e = loadError(dir);
    const found = e.issues.map((i) => `${i.file}|${i.problems.map((p) => p.field).join(',')}`).sort();
    assert.deepEqual(found, ['services/bpn.json|agencyId', 'services/dinas-tidak-ada.json|', 'services/|id', 'staff.json|agencyId']);
  });

  it('names the file that is not JSON and the file that is missing', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'services/samsat.json'), '[{"id": "samsat-x",]');
    assert.deepEqual(
      loadError(dir).issues.map((i) => [i.file, i.problems[0]?.en.split(':')[0]]),
      [['services/samsat.json', 'is not valid JSON']],
    );
    unlinkSync(join(dir, 'agencies.json'));
    assert.deepEqual(
      loadError(dir).issues.map((i) => [i.file, i.problems[0]?.en]),
      [['agencies.json', 'is missing']],
    );
  });
});

describe('demo seed from the data files', () => {
  let db: Db;
  before(async () => {
    db = await openPglite();
    await migrate(db);
  });
  after(() => db.close());

  it('seeds 13 agencies, every service with its queue rules, the office, holidays and staff; once', async () => {
    const data = loadBogorSeed();
    assert.equal(await seedDemoIfEmpty(db), true);
    const staff = await seedQueueDemoIfEmpty(db);
    const count = async (table: string) => (await db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
    assert.equal(await count('agencies'), 13);
    assert.equal(await count('services'), data.services.length);
    assert.equal(await count('queue_rules'), data.services.filter((s) => s.queueRules).length);
    assert.equal(await count('holidays'), 25);
    assert.equal(await count('office_hours'), 5);
    assert.equal(staff?.length, 14);
    assert.deepEqual(
      (await demoStaff(db)).map((s) => s.id),
      staff?.map((s) => s.id),
    );
    const [friday] = await db.query(`select opens, closes, break_start, break_end from office_hours where weekday = 5`);
    assert.deepEqual(friday, { opens: 480, closes: 900, break_start: 660, break_end: 780 });
    const ktp = data.services.find((s) => s.id === 'disdukcapil-ktp-el')!;
    const [rules] = await db.query(`select slot_capacity, walk_in_quota, release_minutes from queue_rules where service_id = $1`, [ktp.id]);
    assert.deepEqual(rules, {
      slot_capacity: ktp.queueRules!.slotCapacity,
      walk_in_quota: ktp.queueRules!.walkInQuota,
      release_minutes: 420,
    });
    assert.equal(await seedDemoIfEmpty(db), false);
    assert.equal(await seedQueueDemoIfEmpty(db), null);
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
