/**
 * Fees and conditions over the whole Kota Bogor seed (issue 11): no service whose fee text names a
 * charge is shown as free, and no "what to bring" entry is a condition to meet. The heuristics are
 * the seed schema's (`chargeHints`, `readsLikeCondition`, `DOCUMENT_START`, all in
 * src/seed/schema.ts); the same checks run over entries copied from the seed as it was before fee
 * kinds, and must catch them. Then the import's columns, the database (migration 007 agrees with
 * the TypeScript rules) and the catalog's read-back.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import * as z from 'zod/mini';
import type { Service } from '@mpp-kit/core';
import { BOGOR_SERVICES } from '../src/seed/bogor.js';
import { DOCUMENT_START, ServiceFile, chargeHints, readsLikeCondition, upgradeLegacyFee } from '../src/seed/schema.js';
import { describeIssue } from '../src/seed/issues.js';
import { parseServicesCsv } from '../src/seed/csv.js';
import { importCatalog, readImport } from '../src/seed/import.js';
import { seedDemoIfEmpty } from '../src/seed/index.js';
import { MIGRATIONS, migrate, type Db } from '../src/db/index.js';
import { findService, listServices } from '../src/catalog/repository.js';
import { DB_KIND, freshDb } from './helpers.js';

/**
 * Free services whose fee note names a charge on purpose, each with the reason: the charge is paid
 * for another service or step, not for this one. Every entry must still be free and still name a
 * charge (a stale entry fails), so the list cannot hide a service that changed.
 */
const FREE_WITH_A_CHARGE_NAMED: Record<string, string> = {
  'imigrasi-info-izin-tinggal': 'a consultation; the PNBP is paid when the permit itself is applied for',
  'dpmptsp-reklame': 'the permit is free; the advertisement tax is the separate service bapenda-pajak-reklame',
};

interface FeeLike {
  id: string;
  fee: { kind?: string; amount: number; note: string | null };
  requirements: string[];
  conditions?: string[];
}
/** A fee is shown as free when its kind is `free`; a fee without a kind (before kinds) when its amount is 0. */
const shownFree = (s: FeeLike) => (s.fee.kind === undefined ? s.fee.amount === 0 : s.fee.kind === 'free');

/** `id: hints` of every service shown as free whose fee note names a charge, but for the exempted ones. */
function freeButCharged(services: readonly FeeLike[], exempt: Record<string, string> = {}): string[] {
  return services
    .filter((s) => shownFree(s) && !(s.id in exempt))
    .flatMap((s) => {
      const hints = chargeHints(s.fee.note ?? '');
      return hints.length ? [`${s.id}: ${hints.join(', ')}`] : [];
    });
}
/** `id: requirement` of every requirement that reads like a condition. */
const conditionsAmongRequirements = (services: readonly FeeLike[]) =>
  services.flatMap((s) => s.requirements.filter(readsLikeCondition).map((r) => `${s.id}: ${r}`));

/** Entries as the seed had them before fee kinds and conditions (fee and requirements verbatim, commit e5c5839). */
const BEFORE: FeeLike[] = [
  {
    id: 'samsat-pkb-tahunan',
    fee: { amount: 0, note: 'Sesuai NJKB dan tarif Perda/Pergub Jawa Barat; ditambah SWDKLLJ sesuai jenis kendaraan' },
    requirements: ['STNK asli', 'KTP-el asli pemilik kendaraan sesuai nama di STNK'],
  },
  {
    id: 'samsat-balik-nama',
    fee: {
      amount: 0,
      note: 'Sesuai NJKB dan tarif Perda/Pergub Jawa Barat; ditambah PNBP STNK, TNKB dan BPKB sesuai PP Nomor 76 Tahun 2020',
    },
    requirements: ['BPKB asli', 'KTP-el asli pemilik baru'],
  },
  {
    id: 'samsat-mutasi-masuk',
    fee: {
      amount: 0,
      note: 'Sesuai NJKB dan tarif Perda/Pergub Jawa Barat; ditambah PNBP STNK, TNKB dan BPKB sesuai PP Nomor 76 Tahun 2020',
    },
    requirements: ['Berkas mutasi tersegel dari Samsat asal', 'BPKB asli'],
  },
  {
    id: 'bapenda-bphtb',
    fee: { amount: 0, note: 'Layanan tidak dipungut biaya; BPHTB 5% dari nilai perolehan dikurangi NPOPTKP sesuai Perda Kota Bogor' },
    requirements: ['Fotokopi sertipikat tanah', 'KTP-el penerima hak'],
  },
  {
    id: 'dpmptsp-kkkpr',
    fee: { amount: 0, note: 'Tanpa retribusi daerah; PNBP pertimbangan teknis pertanahan sesuai tarif yang berlaku' },
    requirements: ['NIB atau akun OSS pemohon', 'Bukti penguasaan tanah'],
  },
  {
    id: 'disdukcapil-ktp-el',
    fee: { amount: 0, note: 'Gratis, dokumen kependudukan tidak dipungut biaya (Pasal 79A UU Nomor 24 Tahun 2013)' },
    requirements: [
      'Sudah berusia 17 tahun, sudah kawin, atau pernah kawin',
      'Fotokopi Kartu Keluarga (KK) yang memuat NIK pemohon',
      'Hadir langsung untuk perekaman sidik jari, iris mata, foto dan tanda tangan',
    ],
  },
  {
    id: 'bpn-wakaf',
    fee: { amount: 0, note: 'Gratis, pendaftaran tanah wakaf tidak dipungut PNBP' },
    requirements: ['Sertipikat atau bukti kepemilikan tanah asli', 'Surat pengesahan nazhir'],
  },
  {
    id: 'kpp-pratama-skf',
    fee: { amount: 0, note: 'Gratis, layanan perpajakan tidak dipungut biaya' },
    requirements: ['NPWP wajib pajak', 'SPT Tahunan dua tahun terakhir sudah dilaporkan', 'Tidak memiliki tunggakan pajak'],
  },
  {
    id: 'kemenag-haji',
    fee: { amount: 25000000, note: 'Setoran awal BPIH dibayar ke rekening BPS-BPIH, bukan di loket' },
    requirements: ['Beragama Islam dan berusia paling rendah 12 tahun', 'KTP-el Kota Bogor dan Kartu Keluarga asli'],
  },
];

describe('fees and conditions over the whole Kota Bogor seed', () => {
  it('shows no service as free whose fee note names a tariff, NJKB, PNBP, a tax, an amount or a percentage', () => {
    assert.deepEqual(freeButCharged(BOGOR_SERVICES, FREE_WITH_A_CHARGE_NAMED), []);
  });

  it('keeps every exemption true: still free, still naming a charge', () => {
    for (const [id, why] of Object.entries(FREE_WITH_A_CHARGE_NAMED)) {
      const s = BOGOR_SERVICES.find((x) => x.id === id);
      assert.ok(s, `${id} (${why}) is not in the seed`);
      assert.equal(s.fee.kind, 'free', id);
      assert.notDeepEqual(chargeHints(s.fee.note ?? ''), [], `${id} names no charge any more: drop it from the exemptions`);
    }
  });

  it('lists no condition to meet among the things to bring, and no document among the conditions', () => {
    assert.deepEqual(conditionsAmongRequirements(BOGOR_SERVICES), []);
    const documents = BOGOR_SERVICES.flatMap((s) => s.conditions.filter((c) => DOCUMENT_START.test(c)).map((c) => `${s.id}: ${c}`));
    assert.deepEqual(documents, []);
  });

  it('has the fees and conditions the issue names', () => {
    const by = (id: string) => BOGOR_SERVICES.find((s) => s.id === id)!;
    for (const id of ['samsat-pkb-tahunan', 'samsat-balik-nama', 'samsat-mutasi-masuk']) {
      const fee = by(id).fee;
      assert.equal(fee.kind, 'regulated', id);
      assert.match(fee.kind === 'regulated' ? fee.text : '', /NJKB/, id);
    }
    const ktp = by('disdukcapil-ktp-el');
    assert.ok(ktp.conditions.includes('Sudah berusia 17 tahun, sudah kawin, atau pernah kawin'));
    assert.ok(!ktp.requirements.some((r) => /berusia/i.test(r)));
    assert.deepEqual(by('disdukcapil-ktp-el').fee, {
      kind: 'free',
      amount: 0,
      note: 'Dokumen kependudukan tidak dipungut biaya (Pasal 79A UU Nomor 24 Tahun 2013)',
    });
    assert.deepEqual(
      [by('bpn-balik-nama-sertifikat').fee.kind, by('bpn-balik-nama-sertifikat').fee.amount],
      ['regulated', 50000],
      'a base fee plus a computed part',
    );
  });

  it('gives every kind what it needs: a regulated fee its text, a fixed fee an amount', () => {
    const counts = { free: 0, fixed: 0, regulated: 0 };
    for (const s of BOGOR_SERVICES) {
      counts[s.fee.kind]++;
      if (s.fee.kind === 'regulated') assert.ok(s.fee.text.trim().length > 10, `${s.id} says how its fee is set`);
      if (s.fee.kind === 'fixed') assert.ok(s.fee.amount >= 1000, `${s.id} fixed amount in rupiah`);
    }
    assert.ok(counts.regulated >= 20 && counts.fixed >= 15 && counts.free >= 80, JSON.stringify(counts));
  });

  it('the same checks catch the seed as it was: free tariffs and conditions to bring', () => {
    assert.deepEqual(freeButCharged(BEFORE), [
      'samsat-pkb-tahunan: tarif, NJKB',
      'samsat-balik-nama: tarif, NJKB, PNBP',
      'samsat-mutasi-masuk: tarif, NJKB, PNBP',
      'bapenda-bphtb: BPHTB, 5%',
      'dpmptsp-kkkpr: tarif, PNBP',
    ]);
    assert.deepEqual(conditionsAmongRequirements(BEFORE), [
      'disdukcapil-ktp-el: Sudah berusia 17 tahun, sudah kawin, atau pernah kawin',
      'disdukcapil-ktp-el: Hadir langsung untuk perekaman sidik jari, iris mata, foto dan tanda tangan',
      'kpp-pratama-skf: SPT Tahunan dua tahun terakhir sudah dilaporkan',
      'kpp-pratama-skf: Tidak memiliki tunggakan pajak',
      'kemenag-haji: Beragama Islam dan berusia paling rendah 12 tahun',
    ]);
  });

  it('does not take a charge said not to apply, or a tax word inside another word, for a charge', () => {
    assert.deepEqual(chargeHints('Gratis, pendaftaran tanah wakaf tidak dipungut PNBP'), []);
    assert.deepEqual(chargeHints('Tanpa retribusi daerah'), []);
    assert.deepEqual(chargeHints('Gratis, layanan perpajakan tidak dipungut biaya'), []);
    assert.deepEqual(chargeHints('Biaya Rp 50.000 per bidang'), ['Rp 5']);
    assert.equal(readsLikeCondition('Kartu Keluarga yang sudah memuat data terbaru'), false);
    assert.equal(readsLikeCondition('Bersedia mengikuti survei lapangan'), true);
  });
});

describe('data files and CSV written before fee kinds', () => {
  const service = BOGOR_SERVICES.find((s) => s.id === 'samsat-pkb-tahunan')!;
  const { conditions: _c, ...old } = service;

  it('reads a fee without a kind as it was meant, never a named charge as free', () => {
    assert.deepEqual(upgradeLegacyFee({ amount: 30000, note: 'PNBP SKCK' }), { kind: 'fixed', amount: 30000, note: 'PNBP SKCK' });
    assert.deepEqual(upgradeLegacyFee({ amount: 0, note: 'Gratis' }), { kind: 'free', amount: 0, note: 'Gratis' });
    assert.deepEqual(upgradeLegacyFee({ amount: 0 }), { kind: 'free', amount: 0, note: null });
    assert.deepEqual(upgradeLegacyFee({ amount: 0, note: 'Sesuai NJKB dan tarif PKB' }), {
      kind: 'regulated',
      amount: 0,
      text: 'Sesuai NJKB dan tarif PKB',
      legalBasis: null,
      note: null,
    });
    const kinded = { kind: 'free', amount: 0, note: null };
    assert.equal(upgradeLegacyFee(kinded), kinded);
  });

  it('accepts a service file entry without conditions and with a legacy fee', () => {
    const r = z.safeParse(ServiceFile, { ...old, fee: { amount: 0, note: 'Sesuai NJKB dan tarif Perda Jawa Barat' } });
    assert.ok(r.success, JSON.stringify(r.error?.issues));
    assert.deepEqual(r.data.conditions, []);
    assert.equal(r.data.fee.kind, 'regulated');
  });

  it('explains a wrong kind and refuses a field the kind does not have', () => {
    const bad = { ...service, fee: { kind: 'gratis', amount: 0, note: null } };
    const r = z.safeParse(ServiceFile, bad);
    assert.ok(!r.success);
    assert.deepEqual(
      r.error.issues.map((i) => describeIssue(i, bad)),
      [{ field: 'fee.kind', id: 'harus salah satu dari: free, fixed, regulated', en: 'must be one of: free, fixed, regulated' }],
    );
    const extra = { ...service, fee: { kind: 'free', amount: 0, note: null, text: 'x' } };
    const r2 = z.safeParse(ServiceFile, extra);
    assert.ok(!r2.success);
    assert.deepEqual(
      r2.error.issues.map((i) => describeIssue(i, extra).field),
      ['fee'],
    );
  });

  it('reads the CSV fee columns and conditions', () => {
    const csv = [
      'id,agencyId,name,counterMinutes,queuePrefix,requirements,conditions,feeKind,feeAmount,feeText,feeLegalBasis,feeNote',
      'pdam-a,pdam,A,10,K,KTP-el,Sudah berusia 17 tahun | Bersedia disurvei,regulated,0,Sesuai hasil survei,Peraturan Direksi,',
      'pdam-b,pdam,B,10,K,KTP-el,,fixed,50000,,,Biaya administrasi',
      'pdam-c,pdam,C,10,K,KTP-el,,,0,,,Gratis',
      'pdam-d,pdam,D,10,K,KTP-el,,,0,Sesuai tarif,,',
    ].join('\n');
    const rows = parseServicesCsv(csv).map((r) => [r.value.conditions, r.value.fee]);
    assert.deepEqual(rows, [
      [
        ['Sudah berusia 17 tahun', 'Bersedia disurvei'],
        { kind: 'regulated', amount: 0, text: 'Sesuai hasil survei', legalBasis: 'Peraturan Direksi', note: null },
      ],
      [[], { kind: 'fixed', amount: 50000, note: 'Biaya administrasi' }],
      [[], { amount: 0, note: 'Gratis' }],
      [[], { kind: 'regulated', amount: 0, text: 'Sesuai tarif', legalBasis: null, note: null }],
    ]);
    for (const [, fee] of rows) assert.ok(z.safeParse(ServiceFile.shape.fee, fee).success, JSON.stringify(fee));
  });
});

describe(`fees and conditions in the database on ${DB_KIND}`, { timeout: 120_000 }, () => {
  let db: Db;
  let drop: () => Promise<void>;
  const dirs: string[] = [];
  before(async () => {
    ({ db, drop } = await freshDb());
  });
  after(async () => {
    await drop?.();
    dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
  });

  it('migration 007 turns rows written before into the kinds and conditions the import rules give', async () => {
    await db.exec(`create table if not exists schema_migrations (version text primary key, applied_at timestamptz not null default now())`);
    const done = await db.query(`select 1 from schema_migrations`);
    assert.equal(done.length, 0, 'a fresh database');
    for (const m of MIGRATIONS.filter((x) => x.version < '007')) {
      await db.exec(m.sql);
      await db.query(`insert into schema_migrations (version) values ($1)`, [m.version]);
    }
    await db.query(`insert into agencies (id, name, short_name, kind) values ('samsat', 'Samsat', 'Samsat', 'provinsi')`);
    // One row as the demo seed wrote lists through postgres.js before: a jsonb string holding the JSON text.
    const doubleEncoded = 'kpp-pratama-skf';
    for (const s of BEFORE)
      await db.query(
        `insert into services (id, agency_id, name, requirements, counter_minutes, fee_amount, fee_note, queue_prefix)
         values ($1, 'samsat', $1, ${s.id === doubleEncoded ? 'to_jsonb($2::text)' : '$2::text::jsonb'}, 10, $3, $4, 'S')`,
        [s.id, JSON.stringify(s.requirements), s.fee.amount, s.fee.note],
      );
    const [enc] = await db.query<{ t: string }>(`select jsonb_typeof(requirements) as t from services where id = $1`, [doubleEncoded]);
    assert.equal(enc?.t, 'string');
    assert.deepEqual(
      await migrate(db),
      MIGRATIONS.filter((x) => x.version >= '007').map((x) => x.version),
    );

    for (const s of BEFORE) {
      const got = await findService(db, s.id);
      assert.ok(got);
      assert.deepEqual(got.fee, upgradeLegacyFee(s.fee), `${s.id} fee as the import reads it`);
      assert.deepEqual(
        got.requirements,
        s.requirements.filter((r) => !readsLikeCondition(r)),
        `${s.id} requirements`,
      );
      assert.deepEqual(got.conditions, s.requirements.filter(readsLikeCondition), `${s.id} conditions`);
    }
    const lists = await db.query<{ t: string }>(`select distinct jsonb_typeof(requirements) as t from services`);
    assert.deepEqual([...lists], [{ t: 'array' }], 'every list is an array after 007');
    await assert.rejects(
      db.query(`update services set fee_kind = 'free' where id = 'kemenag-haji'`),
      /services_fee_kind_fields/,
      'a free fee cannot keep an amount',
    );
    await db.exec(`delete from services; delete from agencies`);
  });

  it('serves the seed exactly as the data files say: every fee and condition survives the database', async () => {
    await seedDemoIfEmpty(db);
    const { items } = await listServices(db, { limit: 500, offset: 0 });
    const pick = (s: Omit<Service, 'updatedAt'>) => ({ id: s.id, fee: s.fee, requirements: s.requirements, conditions: s.conditions });
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
    assert.deepEqual(items.map(pick).sort(byId), BOGOR_SERVICES.map(pick).sort(byId));
  });

  it('imports the documented example (examples/import/) with its fee kinds and conditions', async () => {
    const root = new URL('../../../examples/import/', import.meta.url);
    const agencies = await importCatalog(db, readImport(fileURLToPath(new URL('agencies.json', root))));
    assert.ok(agencies.ok, JSON.stringify(agencies));
    const r = await importCatalog(db, readImport(fileURLToPath(new URL('services.csv', root))), { dryRun: true });
    assert.deepEqual(r.ok && [r.dryRun, r.services.inserted + r.services.updated + r.services.unchanged], [true, 3], JSON.stringify(r));
    const [ktp] = parseServicesCsv(readFileSync(new URL('services.csv', root), 'utf8'));
    assert.deepEqual(ktp?.value.conditions, [
      'Sudah berusia 17 tahun, sudah kawin, atau pernah kawin',
      'Hadir sendiri untuk perekaman biometrik',
    ]);
  });

  it('imports a CSV with fee kinds and conditions and reads them back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mpp-fees-'));
    dirs.push(dir);
    const path = join(dir, 'layanan.csv');
    writeFileSync(
      path,
      [
        'id,agencyId,name,counterMinutes,queuePrefix,requirements,conditions,feeKind,feeAmount,feeText,feeLegalBasis,feeNote',
        'pdam-uji-tarif,pdam,Uji Tarif,10,K,KTP-el,Sudah berusia 17 tahun,regulated,10000,Rp10.000 ditambah tarif per m³,Peraturan Direksi,',
        'pdam-uji-tetap,pdam,Uji Tetap,10,K,KTP-el | KK,,fixed,50000,,,Biaya administrasi',
      ].join('\n'),
    );
    const r = await importCatalog(db, readImport(path));
    assert.deepEqual(r.ok && r.services.inserted, 2, JSON.stringify(r));
    const tarif = await findService(db, 'pdam-uji-tarif');
    assert.deepEqual(
      [tarif?.fee, tarif?.conditions],
      [
        { kind: 'regulated', amount: 10000, text: 'Rp10.000 ditambah tarif per m³', legalBasis: 'Peraturan Direksi', note: null },
        ['Sudah berusia 17 tahun'],
      ],
    );
    assert.deepEqual((await findService(db, 'pdam-uji-tetap'))?.fee, { kind: 'fixed', amount: 50000, note: 'Biaya administrasi' });
  });
});
