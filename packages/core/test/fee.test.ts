import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { Fee, Service, formatRupiah } from '../src/index.js';
import { SERVICES } from './fixtures/catalog.js';

describe('Fee (contract)', () => {
  it('takes the three kinds with their own fields', () => {
    assert.ok(z.safeParse(Fee, { kind: 'free', amount: 0, note: null }).success);
    assert.ok(z.safeParse(Fee, { kind: 'fixed', amount: 30000, note: 'PNBP SKCK' }).success);
    const regulated = { kind: 'regulated', amount: 0, text: 'Sesuai NJKB dan tarif PKB Jawa Barat', legalBasis: null, note: null };
    assert.ok(z.safeParse(Fee, regulated).success);
    assert.ok(z.safeParse(Fee, { ...regulated, amount: 50000, legalBasis: 'PP Nomor 128 Tahun 2015' }).success);
  });

  it('refuses a free fee with an amount, a fixed fee of 0, a regulated fee without its text, and a fee without a kind', () => {
    assert.equal(z.safeParse(Fee, { kind: 'free', amount: 5000, note: null }).success, false);
    assert.equal(z.safeParse(Fee, { kind: 'fixed', amount: 0, note: null }).success, false);
    assert.equal(z.safeParse(Fee, { kind: 'fixed', amount: 1.5, note: null }).success, false);
    assert.equal(z.safeParse(Fee, { kind: 'regulated', amount: 0, text: '', legalBasis: null, note: null }).success, false);
    assert.equal(z.safeParse(Fee, { kind: 'regulated', amount: 0, legalBasis: null, note: null }).success, false);
    assert.equal(z.safeParse(Fee, { amount: 0, note: null }).success, false);
    assert.equal(z.safeParse(Fee, { kind: 'gratis', amount: 0, note: null }).success, false);
  });

  it('keeps amount and note on every kind, so a client reading the fee as it was still gets a number', () => {
    const Before = z.object({ amount: z.number(), note: z.nullable(z.string()) });
    for (const fee of [
      { kind: 'free', amount: 0, note: null },
      { kind: 'fixed', amount: 350000, note: null },
      { kind: 'regulated', amount: 0, text: 'Sesuai tarif', legalBasis: null, note: null },
    ] as const)
      assert.ok(z.safeParse(Before, z.parse(Fee, fee)).success, fee.kind);
  });

  it('gives a service its conditions apart from the documents to bring', () => {
    const s = SERVICES[0]!;
    assert.ok(z.safeParse(Service, { ...s, conditions: ['Sudah berusia 17 tahun'] }).success);
    const { conditions: _c, ...withoutConditions } = s;
    assert.equal(z.safeParse(Service, withoutConditions).success, false);
  });
});

describe('formatRupiah', () => {
  it('writes rupiah the Indonesian way, without decimals, with a no-break space', () => {
    assert.equal(formatRupiah(350000), 'Rp\u00a0350.000');
    assert.equal(formatRupiah(25000000), 'Rp\u00a025.000.000');
    assert.equal(formatRupiah(0), 'Rp\u00a00');
    assert.equal(formatRupiah(1234.6), 'Rp\u00a01.235');
  });
});
