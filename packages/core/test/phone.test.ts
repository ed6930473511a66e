import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { maskPhone, normalizePhone } from '../src/id/phone.js';

const MOBILE_RE = /^\+628[1-35-9]\d{7,10}$/;
const code = (input: string) => {
  const r = normalizePhone(input);
  return r.ok ? r.e164 : r.code;
};

describe('normalizePhone: the table of the domain notes (§7)', () => {
  it('accepts every way of writing 0812-3456-7890', () => {
    for (const input of ['081234567890', '0812-3456-7890', '+6281234567890', '6281234567890', '62 812 3456 7890']) {
      assert.deepEqual(normalizePhone(input), { ok: true, e164: '+6281234567890', national: '0812-3456-7890', wa: '6281234567890' }, input);
    }
  });

  it('accepts a bare leading 8 (the 0 dropped)', () => {
    assert.deepEqual(normalizePhone('8123456789'), { ok: true, e164: '+628123456789', national: '0812-3456-789', wa: '628123456789' });
  });

  it('accepts a 10-digit national number', () => {
    assert.deepEqual(normalizePhone('0811234567'), { ok: true, e164: '+62811234567', national: '0811-234-567', wa: '62811234567' });
  });

  it('accepts other mobile prefixes', () => {
    assert.equal(code('0895 1234 5678'), '+6289512345678');
    assert.equal(code('0888-1234-567'), '+628881234567');
  });

  it('rejects a 14-digit number with phone_format', () => {
    assert.equal(code('08123456789012'), 'phone_format');
  });

  it('rejects fixed lines with phone_not_mobile', () => {
    assert.equal(code('021-5551234'), 'phone_not_mobile');
    assert.equal(code('+62 21 5551234'), 'phone_not_mobile');
    assert.equal(code('0251 8321 000'), 'phone_not_mobile');
    assert.equal(code('(022) 4230000'), 'phone_not_mobile');
    assert.equal(code('0361 222 333'), 'phone_not_mobile');
    assert.equal(code('0800-1-234-567'), 'phone_not_mobile'); // toll-free
  });
});

describe('normalizePhone: more inputs', () => {
  it('maps every prefix form', () => {
    for (const input of [
      '0062 812 3456 7890',
      '+62 (0) 812-3456-7890',
      '+62 0812 3456 7890',
      '(0812) 3456.7890',
      '812 3456 7890',
      ' \t+62\u00a0812 3456 7890\n',
    ]) {
      assert.equal(code(input), '+6281234567890', input);
    }
  });

  it('groups the national form: first 4, then 4s, the last group 3–5', () => {
    assert.equal((normalizePhone('0811234567') as { national: string }).national, '0811-234-567'); // 10
    assert.equal((normalizePhone('08112345678') as { national: string }).national, '0811-2345-678'); // 11
    assert.equal((normalizePhone('081123456789') as { national: string }).national, '0811-2345-6789'); // 12
    assert.equal((normalizePhone('0811234567890') as { national: string }).national, '0811-2345-67890'); // 13
  });

  it('knows the mobile ranges: 81–83 and 85–89, not 80 or 84', () => {
    for (const p of ['81', '82', '83', '85', '86', '87', '88', '89']) assert.equal(code(`0${p}12345678`), `+62${p}12345678`, p);
    assert.equal(code('08412345678'), 'phone_format');
    assert.equal(code('0801234567'), 'phone_not_mobile');
  });

  it('rejects malformed input with phone_format', () => {
    for (const input of [
      '',
      '   ',
      '0',
      '08',
      '081234567', // 9 digits
      '081234567890123', // 15 digits
      '0812345678x',
      '0812 3456 789O',
      '+1 415 555 0100',
      '+44 20 7946 0958',
      '0112345678', // national numbers never start with 01
      '1500123',
      '12345678',
      '+',
      '++6281234567890',
      '62+81234567890',
      '0812/3456/7890',
      '０８１２３４５６７８９０', // full-width digits
      '0062',
      '+62',
    ]) {
      assert.equal(code(input), 'phone_format', JSON.stringify(input));
    }
  });

  it('does not double-drop zeros outside the country-code form', () => {
    assert.equal(code('00812345678'), 'phone_format');
  });
});

describe('maskPhone', () => {
  it('keeps the first and last group', () => {
    assert.equal(maskPhone('+6281234567890'), '0812-****-7890');
    assert.equal(maskPhone('+62811234567'), '0811-***-567');
    assert.equal(maskPhone('+628123456789'), '0812-****-789');
    assert.equal(maskPhone('+62811234567890'), '0811-****-67890');
    assert.equal(maskPhone('0812 3456 7890'), '0812-****-7890');
  });

  it('keeps only the last 4 characters of anything else', () => {
    assert.equal(maskPhone('021-5551234'), '******1234');
    assert.equal(maskPhone('123'), '***');
    assert.equal(maskPhone(''), '');
  });
});

describe('phone properties', () => {
  const mobileArb = fc
    .tuple(fc.constantFrom('1', '2', '3', '5', '6', '7', '8', '9'), fc.stringMatching(/^\d{7,10}$/))
    .map(([second, rest]) => `8${second}${rest}`);
  const writtenArb = fc
    .tuple(mobileArb, fc.constantFrom('+62', '0062', '62', '0', '', '+62 (0)'), fc.constantFrom('', ' ', '-', '.'))
    .map(([nsn, prefix, sep]) => ({ nsn, input: prefix + sep + (nsn.match(/.{1,4}/g) ?? []).join(sep) }));

  it('never throws, and every ok result is a mobile E.164 with matching wa and national forms', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.stringMatching(/^[+\d ()-]{0,20}$/),
          writtenArb.map((w) => w.input),
        ),
        (s) => {
          const r = normalizePhone(s);
          if (!r.ok) {
            assert.ok(r.code === 'phone_format' || r.code === 'phone_not_mobile');
            return;
          }
          assert.match(r.e164, MOBILE_RE);
          assert.equal(r.wa, r.e164.slice(1));
          assert.equal(`0${r.e164.slice(3)}`, r.national.replaceAll('-', ''));
          assert.match(r.national, /^0\d{3}-\d{3,4}-\d{3,5}$/);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('accepts every written form of a mobile number', () => {
    fc.assert(
      fc.property(writtenArb, ({ nsn, input }) => {
        assert.equal(code(input), `+62${nsn}`);
      }),
    );
  });

  it('normalizing the national or wa output again gives the same e164', () => {
    fc.assert(
      fc.property(writtenArb, ({ input }) => {
        const r = normalizePhone(input);
        assert.ok(r.ok);
        assert.equal(code(r.national), r.e164);
        assert.equal(code(r.wa), r.e164);
        assert.equal(code(r.e164), r.e164);
      }),
    );
  });

  it('maskPhone hides every middle group', () => {
    fc.assert(
      fc.property(writtenArb, ({ input }) => {
        const r = normalizePhone(input);
        assert.ok(r.ok);
        const groups = r.national.split('-');
        const masked = maskPhone(r.e164).split('-');
        assert.equal(masked.length, 3);
        assert.equal(masked[0], groups[0]);
        assert.equal(masked[2], groups[2]);
        assert.match(masked[1]!, /^\*{3,4}$/);
      }),
    );
  });
});
