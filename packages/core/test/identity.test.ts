import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { BookingRequest, checkIdentity, type IdentityInput } from '../src/index.js';
import { fieldErrorsOf } from '../src/schemas/input.js';

const TODAY = '2026-11-23';
const GOOD: IdentityInput = { name: 'Dewi Lestari', nik: '3271014501900001', phone: '0812-3456-7890', email: 'dewi@contoh.id' };
const REQUEST = { serviceId: 'disdukcapil-ktp-el', slotId: '2026-11-24-0800' };

/** The code `checkIdentity` gives `field`, or null when it accepts the identity. */
const codeOf = (patch: Partial<IdentityInput>, field: keyof IdentityInput) => {
  const r = checkIdentity({ ...GOOD, ...patch }, TODAY);
  return r.ok ? null : (r.errors[field] ?? null);
};

/** The code the server's request schema gives `field` (what a booking sent anyway would get back). */
const schemaCodeOf = (patch: Partial<IdentityInput>, field: keyof IdentityInput) => {
  const r = z.safeParse(BookingRequest, { ...REQUEST, ...GOOD, ...patch });
  return r.success ? null : (fieldErrorsOf(r.error.issues).find((e) => e.path === field)?.code ?? null);
};

describe('checkIdentity', () => {
  it('accepts a good identity', () => {
    const r = checkIdentity(GOOD, TODAY);
    assert.ok(r.ok);
    assert.equal(r.e164, '+6281234567890');
    assert.equal(r.email, 'dewi@contoh.id');
  });

  it('refuses the names the contract refuses, with the contract’s codes', () => {
    const cases: Array<[string, string]> = [
      ['Dewi\u0000Lestari', 'text_control_char'],
      ['Dewi\nLestari', 'text_control_char'],
      ['Dewi\u0085', 'text_control_char'],
      ['Dewi \ud800', 'text_invalid_unicode'],
      ['\udc00Dewi', 'text_invalid_unicode'],
      ['Dewi \u202eirtseL', 'text_bidi_control'],
      ['Dewi \u2066Lestari\u2069', 'text_bidi_control'],
      ['3271014501900001', 'name_contains_nik'],
      ['Dewi 3271 0145 0190 0001', 'name_contains_nik'],
      ['3271.0145.0190.0001 Dewi', 'name_contains_nik'],
      ['Dewi 3271-0145-0190-0001', 'name_contains_nik'],
    ];
    for (const [name, code] of cases) {
      assert.equal(codeOf({ name }, 'name'), code, JSON.stringify(name));
      assert.equal(schemaCodeOf({ name }, 'name'), code, `schema: ${JSON.stringify(name)}`);
    }
  });

  it('keeps name_required for short names and accepts names with a few digits', () => {
    assert.equal(codeOf({ name: ' A ' }, 'name'), 'name_required');
    assert.equal(codeOf({ name: '' }, 'name'), 'name_required');
    assert.equal(codeOf({ name: 'Dewi Lestari 2' }, 'name'), null);
    assert.equal(codeOf({ name: 'Siti \u200fNurhaliza' }, 'name'), null); // a plain direction mark is allowed
    assert.equal(codeOf({ name: 'Dewi 327101450190000' }, 'name'), null); // 15 digits: not a NIK
  });

  it('refuses an e-mail the contract refuses before its format', () => {
    assert.equal(codeOf({ email: 'dewi\u0000@contoh.id' }, 'email'), 'text_control_char');
    assert.equal(schemaCodeOf({ email: 'dewi\u0000@contoh.id' }, 'email'), 'text_control_char');
    assert.equal(codeOf({ email: 'dewi@\u202econtoh.id' }, 'email'), 'text_bidi_control');
    assert.equal(codeOf({ email: 'dewi@' }, 'email'), 'email_format');
    assert.equal(codeOf({ email: '  ' }, 'email'), null);
  });

  it('refuses a name exactly when the request schema does (any text)', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.constantFrom(
        '\u0000',
        '\u0007',
        '\n',
        '\t',
        '\u007f',
        '\u009f',
        '\u2028',
        '\ud800',
        '\udfff',
        '\u202a',
        '\u2067',
        '\u200e',
        ' ',
        '.',
        '-',
        '/',
      ),
      fc.stringMatching(/^\d{1,16}$/),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (parts) => {
        const name = parts.join('').slice(0, 30);
        const mine = codeOf({ name }, 'name');
        const server = schemaCodeOf({ name }, 'name');
        // The schema says `too_small` where the identity rule says `name_required`.
        assert.equal(mine, server === 'too_small' ? 'name_required' : server, JSON.stringify(name));
      }),
      { numRuns: 2000 },
    );
  });
});
