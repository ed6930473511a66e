import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { migrate, type Db } from '../src/db/index.js';
import { openPglite } from '../src/db/pglite.js';
import { seedDemoIfEmpty } from '../src/seed/index.js';
import { loadBogorSeed } from '../src/seed/bogor.js';
import { CsvFileError, parseServicesCsv } from '../src/seed/csv.js';
import { ImportFileError, importCatalog, readImport } from '../src/seed/import.js';
import { defaultQueueRules } from '../src/seed/rules.js';

const HEADER = 'id,agencyId,name,requirements,steps,duration,counterMinutes,feeAmount,onlineQueue,queuePrefix,dailyQuota,slotCapacity';
const GOOD = [
  HEADER,
  'pdam-uji-satu,pdam,Layanan Uji Satu,"KTP-el\nKartu Keluarga",Ambil antrean | Serahkan berkas | Terima hasil,1 hari kerja,15,0,ya,K,40,',
  'pdam-uji-dua,pdam,Layanan Uji Dua,KTP-el | Surat permohonan,Ambil antrean | Serahkan berkas,3 hari kerja,20,50000,ya,K,60,5',
  'pdam-uji-tiga,pdam,Layanan Uji Tiga,KTP-el,Datang ke loket,Selesai hari itu,10,,tidak,K,,',
].join('\n');

const dirs: string[] = [];
function file(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'mpp-import-'));
  dirs.push(dir);
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('catalog import', () => {
  let db: Db;
  const count = async (sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params))[0]!.n;
  before(async () => {
    db = await openPglite();
    await migrate(db);
    await seedDemoIfEmpty(db);
  });
  after(() => db.close());

  it('reports every bad row of a CSV, with row number and field, and imports nothing', async () => {
    const before = await count(`select count(*)::int as n from services`);
    const csv = [
      HEADER,
      'pdam-baik,pdam,Layanan Baik,KTP-el,Ambil antrean,1 hari,15,0,ya,K,40,', // row 2: good
      'pdam-buruk,pdam,Layanan Buruk,KTP-el,Ambil antrean,1 hari,lima belas,0,ya,k,40,', // row 3: counterMinutes, queuePrefix
      'Bukan Id,pdam,,KTP-el,Ambil antrean,1 hari,15,0,mungkin,K,40,', // row 4: id, name, onlineQueue
      'pdam-x,dinas-tidak-ada,Layanan X,KTP-el,Ambil antrean,1 hari,15,0,ya,K,40,', // row 5: unknown agency
      'pdam-baik,pdam,Layanan Baik Lagi,KTP-el,Ambil antrean,1 hari,15,0,ya,K,40,', // row 6: duplicate id
    ].join('\n');
    const result = await importCatalog(db, readImport(file('bad.csv', csv)));
    assert.equal(result.ok, false);
    assert.ok(!result.ok);
    assert.deepEqual(
      result.errors.map((e) => [e.row, e.problems.map((p) => p.field).sort()]),
      [
        [3, ['counterMinutes', 'queuePrefix']],
        [4, ['id', 'name', 'onlineQueue']],
        [5, ['agencyId']],
        [6, ['id']],
      ],
    );
    const row3 = result.errors[0]!;
    assert.equal(row3.id, 'pdam-buruk');
    assert.deepEqual(
      row3.problems.map((p) => `${p.field}: ${p.id} / ${p.en}`),
      [
        'counterMinutes: harus berupa angka / must be a number',
        'queuePrefix: harus 1–2 huruf kapital (mis. A) / must be 1–2 capital letters (e.g. A)',
      ],
    );
    assert.match(result.errors[2]!.problems[0]!.en, /agency "dinas-tidak-ada" does not exist/);
    assert.equal(await count(`select count(*)::int as n from services`), before, 'nothing half-imported');
    assert.equal(await count(`select count(*)::int as n from services where id = 'pdam-baik'`), 0);
  });

  it('a dry run checks and counts but saves nothing', async () => {
    const result = await importCatalog(db, readImport(file('good.csv', GOOD)), { dryRun: true });
    assert.deepEqual(result.ok && [result.dryRun, result.services], [true, { inserted: 3, updated: 0, unchanged: 0 }]);
    assert.equal(await count(`select count(*)::int as n from services where id like 'pdam-uji-%'`), 0);
  });

  it('imports a good CSV with its lists and queue rules; a re-import updates only what changed', async () => {
    const first = await importCatalog(db, readImport(file('good.csv', GOOD)));
    assert.deepEqual(first.ok && first.services, { inserted: 3, updated: 0, unchanged: 0 });
    const [one] = await db.query<{ requirements: string[]; steps: string[]; fee_amount: string; online_queue: boolean }>(
      `select requirements, steps, fee_amount::text, online_queue from services where id = 'pdam-uji-satu'`,
    );
    assert.deepEqual(one, {
      requirements: ['KTP-el', 'Kartu Keluarga'],
      steps: ['Ambil antrean', 'Serahkan berkas', 'Terima hasil'],
      fee_amount: '0',
      online_queue: true,
    });
    const rules = await db.query<{ service_id: string; slot_capacity: number; walk_in_quota: number; booking_days_ahead: number }>(
      `select service_id, slot_capacity, walk_in_quota, booking_days_ahead from queue_rules where service_id like 'pdam-uji-%' order by service_id`,
    );
    assert.deepEqual(rules, [
      // Explicit slotCapacity, the other rule columns empty: their defaults.
      { service_id: 'pdam-uji-dua', slot_capacity: 5, walk_in_quota: 18, booking_days_ahead: 14 },
      // No rule columns: the default rules from the daily quota.
      { service_id: 'pdam-uji-satu', slot_capacity: defaultQueueRules(40).slotCapacity, walk_in_quota: 12, booking_days_ahead: 14 },
    ]);

    const stamp = async () =>
      new Map(
        (await db.query<{ id: string; t: string }>(`select id, updated_at::text as t from services where id like 'pdam-uji-%'`)).map(
          (r) => [r.id, r.t],
        ),
      );
    const t0 = await stamp();
    const changed = GOOD.replace('Layanan Uji Dua', 'Layanan Uji Dua (baru)').replace(',60,5', ',60,7');
    const again = await importCatalog(db, readImport(file('good.csv', changed)));
    assert.deepEqual(again.ok && again.services, { inserted: 0, updated: 1, unchanged: 2 });
    const t1 = await stamp();
    assert.equal(t1.get('pdam-uji-satu'), t0.get('pdam-uji-satu'), 'an unchanged row keeps its updatedAt');
    assert.equal(
      (await db.query<{ name: string }>(`select name from services where id = 'pdam-uji-dua'`))[0]?.name,
      'Layanan Uji Dua (baru)',
    );
    assert.equal(await count(`select slot_capacity as n from queue_rules where service_id = 'pdam-uji-dua'`), 7);
  });

  it('imports agencies and services from JSON; --agency fills and guards the agency', async () => {
    const json = {
      agencies: [
        {
          id: 'dinas-uji',
          name: 'Dinas Uji Kota Contoh',
          shortName: 'Dinas Uji',
          aliases: [],
          kind: 'kota',
          description: '',
          website: null,
          coordinator: false,
          demo: false,
        },
      ],
      services: [{ ...loadBogorSeed().services[0]!, id: 'dinas-uji-izin', agencyId: 'dinas-uji', name: 'Izin Uji', queueRules: undefined }],
    };
    const result = await importCatalog(db, readImport(file('catalog.json', JSON.stringify(json))));
    assert.deepEqual(result.ok && [result.agencies.inserted, result.services.inserted], [1, 1]);
    const [agency] = await db.query<{ position: number }>(`select position from agencies where id = 'dinas-uji'`);
    assert.equal(agency?.position, 13, 'a new agency comes after the existing ones');

    const csv = ['id,name,counterMinutes,queuePrefix', 'dinas-uji-izin-dua,Izin Uji Dua,10,U'].join('\n');
    const filled = await importCatalog(db, readImport(file('a.csv', csv), { agency: 'dinas-uji' }), { agency: 'dinas-uji' });
    assert.deepEqual(filled.ok && filled.services.inserted, 1);
    const other = [HEADER, 'pdam-lain,pdam,Lain,KTP-el,Ambil,1 hari,10,0,tidak,K,,'].join('\n');
    const refused = await importCatalog(db, readImport(file('b.csv', other), { agency: 'dinas-uji' }), { agency: 'dinas-uji' });
    assert.deepEqual(!refused.ok && refused.errors.map((e) => [e.row, e.problems[0]?.en]), [[2, 'must be "dinas-uji" (--agency)']]);
  });

  it('refuses a CSV it cannot read as a whole: unknown or missing columns, broken quoting', () => {
    assert.throws(
      () => parseServicesCsv('id,name,counterMinute,queuePrefix,agencyId\n'),
      (e: unknown) => {
        assert.ok(e instanceof CsvFileError);
        assert.match(e.en, /unknown columns: counterMinute/);
        return true;
      },
    );
    assert.throws(() => parseServicesCsv('id,name\n'), /required columns missing: counterMinutes, queuePrefix, agencyId/);
    assert.throws(() => parseServicesCsv(`${HEADER}\n"pdam-x,pdam\n`), CsvFileError);
    assert.throws(() => readImport(file('x.txt', 'a')), ImportFileError);
  });

  it('reads a semicolon-separated CSV with a BOM, as an Indonesian-locale spreadsheet saves it', () => {
    const rows = parseServicesCsv('\uFEFFid;agencyId;name;counterMinutes;queuePrefix;feeAmount\npdam-a;pdam;A;10;K;2500\n');
    assert.deepEqual([rows[0]?.row, rows[0]?.value.id, (rows[0]?.value.fee as { amount: number }).amount], [2, 'pdam-a', 2500]);
  });
});

describe('npm run import (the command)', () => {
  it('prints one error per bad row in Indonesian and English and exits 1, saving nothing', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mpp-import-db-'));
    dirs.push(dataDir);
    const csv = file(
      'layanan.csv',
      [HEADER, 'x-1,tidak-ada,Satu,A,B,1 hari,15,0,ya,K,40,', 'x-2,tidak-ada,Dua,A,B,1 hari,0,0,ya,K,40,'].join('\n'),
    );
    const cli = fileURLToPath(new URL('../src/seed/import-cli.ts', import.meta.url));
    const run = promisify(execFile)(process.execPath, ['--conditions=development', '--import', 'tsx', cli, csv, '--dry-run'], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
    });
    const e = await run.then(
      () => assert.fail('the command accepted bad rows'),
      (err: { code: number; stderr: string }) => err,
    );
    assert.equal(e.code, 1);
    assert.match(e.stderr, /Impor dibatalkan: 2 baris bermasalah, tidak ada yang disimpan\./);
    assert.match(e.stderr, /Import refused: 2 bad rows, nothing was saved\./);
    assert.match(e.stderr, /baris 2 \/ row 2, layanan \/ service "x-1":\n {2}- agencyId: instansi "tidak-ada" tidak ada/);
    assert.match(e.stderr, /baris 3 \/ row 3, layanan \/ service "x-2":\n {2}- counterMinutes: minimal 1 \/ at least 1/);
  });
});

describe('default queue rules', () => {
  it('give the Kota Bogor data its queue rules (they were made by the same formula)', () => {
    for (const s of loadBogorSeed().services.filter((x) => x.queueRules))
      assert.deepEqual(s.queueRules, defaultQueueRules(s.dailyQuota), `${s.id} (daily quota ${s.dailyQuota})`);
  });
});
