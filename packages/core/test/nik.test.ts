import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cleanNik, maskNik, parseNik } from '../src/id/nik.js';
import type { NikResult } from '../src/id/nik.js';
import {
  KNOWN_REGENCY_CODES,
  PROVINCE_CODES,
  REGENCY_COVERED_PROVINCES,
  isKnownRegency,
  isPossibleRegencyNumber,
} from '../src/id/regions.js';

const TODAY = '2026-11-22';

function ok(result: NikResult) {
  assert.ok(result.ok, `expected ok, got ${JSON.stringify(result)}`);
  return result;
}
const code = (input: string, today = TODAY) => {
  const r = parseNik(input, today);
  return r.ok ? 'ok' : r.code;
};

describe('parseNik: test vectors', () => {
  it('3171011708450001: male, born 1945-08-17', () => {
    const r = ok(parseNik('3171011708450001', TODAY));
    assert.deepEqual(r.info, {
      nik: '3171011708450001',
      provinceCode: '31',
      regencyCode: '3171',
      districtCode: '317101',
      sex: 'M',
      birthDate: '1945-08-17',
      serial: '0001',
    });
    assert.deepEqual(r.warnings, []);
  });

  it('3171015708450001: female, born 1945-08-17', () => {
    const r = ok(parseNik('3171015708450001', TODAY));
    assert.equal(r.info.sex, 'F');
    assert.equal(r.info.birthDate, '1945-08-17');
  });

  it('3171012902001234: 2000-02-29 (leap year)', () => {
    const r = ok(parseNik('3171012902001234', TODAY));
    assert.equal(r.info.birthDate, '2000-02-29');
    assert.equal(r.info.serial, '1234');
  });

  it('rejects impossible dates with nik_birth_date', () => {
    assert.equal(code('3171013002001234'), 'nik_birth_date'); // 30 Feb 2000
    assert.equal(code('3271017201900001'), 'nik_birth_date'); // day 72 → 32
    assert.equal(code('3271010001900001'), 'nik_birth_date'); // day 00
    assert.equal(code('3271014001900001'), 'nik_birth_date'); // day 40 → 0
    assert.equal(code('3271013201900001'), 'nik_birth_date'); // day 32
    assert.equal(code('3271010100900001'), 'nik_birth_date'); // month 00
    assert.equal(code('3271010113900001'), 'nik_birth_date'); // month 13
    assert.equal(code('3271013104900001'), 'nik_birth_date'); // 31 April
    assert.equal(code('3271012902010001'), 'nik_birth_date'); // 29 Feb 2001
    assert.equal(code('3271016902010001'), 'nik_birth_date'); // 29 Feb 2001, female
  });

  it('accepts the edges of the day ranges for both sexes', () => {
    assert.equal(ok(parseNik('3271010101900001', TODAY)).info.birthDate, '1990-01-01');
    assert.equal(ok(parseNik('3271013112900001', TODAY)).info.birthDate, '1990-12-31');
    const f1 = ok(parseNik('3271014101900001', TODAY)).info;
    assert.deepEqual([f1.sex, f1.birthDate], ['F', '1990-01-01']);
    const f31 = ok(parseNik('3271017112900001', TODAY)).info;
    assert.deepEqual([f31.sex, f31.birthDate], ['F', '1990-12-31']);
    assert.equal(ok(parseNik('3271016902040001', TODAY)).info.birthDate, '2004-02-29');
  });

  it('rejects an unknown province with nik_province', () => {
    assert.equal(code('9971011708450001'), 'nik_province');
    assert.equal(code('0071011708450001'), 'nik_province');
    assert.equal(code('2071011708450001'), 'nik_province');
    assert.equal(code('5471011708450001'), 'nik_province'); // Timor Timur, pre-NIK
  });

  it('accepts every current Kemendagri province, including the 2022 Papua provinces', () => {
    for (const p of ['11', '19', '21', '31', '36', '51', '53', '61', '65', '71', '76', '81', '82', '91', '92', '93', '94', '95', '96']) {
      assert.equal(code(`${p}01011708450001`), 'ok', p);
    }
  });

  it('rejects regency or district 00 with nik_region', () => {
    assert.equal(code('3271000101900001'), 'nik_region');
    assert.equal(code('3200010101900001'), 'nik_region');
  });

  it('rejects regency numbers no kabupaten or kota ever had with nik_region', () => {
    for (const kk of ['50', '55', '69', '70', '80', '90', '99']) assert.equal(code(`32${kk}010101900001`), 'nik_region', kk);
    for (const kk of ['01', '29', '49', '71', '79']) assert.notEqual(code(`32${kk}010101900001`), 'nik_region', kk);
    assert.equal(isPossibleRegencyNumber('00'), false);
    assert.equal(isPossibleRegencyNumber('7'), false);
    assert.equal(isPossibleRegencyNumber('7a'), false);
  });

  it('rejects one digit or one pair of digits repeated with nik_repeated', () => {
    for (const d of '0123456789') assert.equal(code(d.repeat(16)), 'nik_repeated', d);
    assert.equal(code('1111 1111 1111 1111'), 'nik_repeated');
    assert.equal(code('1212121212121212'), 'nik_repeated'); // would pass every other check
    assert.equal(code('3232323232323232'), 'nik_repeated');
    // A period of 4 can be a real NIK: 11.01.11, born 1 Nov 2001, serial 1101.
    assert.equal(code('1101110111011101'), 'ok');
  });

  it('rejects serial 0000 with nik_serial', () => {
    assert.equal(code('3271010101900000'), 'nik_serial');
    assert.equal(code('3271010101909999'), 'ok');
  });

  it('rejects anything but 16 ASCII digits with nik_format', () => {
    assert.equal(code(''), 'nik_format');
    assert.equal(code('317101170845000'), 'nik_format'); // 15
    assert.equal(code('31710117084500011'), 'nik_format'); // 17
    assert.equal(code('31710117O8450001'), 'nik_format'); // letter O
    assert.equal(code('abcdefghijklmnop'), 'nik_format');
    assert.equal(code('３１７１０１１７０８４５０００１'), 'nik_format'); // full-width digits
    assert.equal(code('3171/0117/0845/0001'), 'nik_format');
    assert.equal(code('+3171011708450001'), 'nik_format');
  });

  it('checks in order: format, province, region, birth date, serial', () => {
    assert.equal(code('1111111111111111'), 'nik_repeated');
    assert.equal(code('9900000000000000'), 'nik_province');
    assert.equal(code('3200000000000000'), 'nik_region');
    assert.equal(code('3201010000000000'), 'nik_birth_date');
  });

  it('tolerates spaces, dots and dashes', () => {
    const r = ok(parseNik(' 3171 0117 0845 0001 ', TODAY));
    assert.equal(r.info.nik, '3171011708450001');
    assert.equal(ok(parseNik('31.71.01-170845-0001', TODAY)).info.nik, '3171011708450001');
    assert.equal(ok(parseNik('3171\t0117\n0845\u00a00001', TODAY)).info.nik, '3171011708450001');
  });
});

describe('parseNik: century', () => {
  it('uses 20YY unless that date is after today', () => {
    assert.equal(ok(parseNik('3271012211260001', TODAY)).info.birthDate, '2026-11-22'); // born today
    assert.equal(ok(parseNik('3271012311260001', TODAY)).info.birthDate, '1926-11-23'); // tomorrow → 1926
    assert.equal(ok(parseNik('3271010101250001', TODAY)).info.birthDate, '2025-01-01');
    assert.equal(ok(parseNik('3271010101990001', TODAY)).info.birthDate, '1999-01-01');
    assert.equal(ok(parseNik('3271016211260001', TODAY)).info.birthDate, '2026-11-22'); // female, today
  });

  it('moves with today', () => {
    assert.equal(ok(parseNik('3271010101300001', '2029-12-31')).info.birthDate, '1930-01-01');
    assert.equal(ok(parseNik('3271010101300001', '2030-01-01')).info.birthDate, '2030-01-01');
  });

  it('29 Feb 00 is 2000 after that day, and invalid (1900 is not leap) before', () => {
    assert.equal(ok(parseNik('3171012902001234', '2000-02-29')).info.birthDate, '2000-02-29');
    assert.equal(code('3171012902001234', '2000-02-28'), 'nik_birth_date');
  });
});

describe('parseNik: regency warning', () => {
  it('warns about an unknown regency in a covered province without refusing', () => {
    const r = ok(parseNik('3230010101900001', TODAY));
    assert.deepEqual(r.warnings, ['nik_unknown_regency']);
    assert.equal(r.info.regencyCode, '3230');
    assert.deepEqual(ok(parseNik('3219010101900001', TODAY)).warnings, ['nik_unknown_regency']);
  });

  it('does not warn for known regencies or provinces outside the list', () => {
    for (const r of ['3101', '3175', '3201', '3218', '3271', '3279', '3601', '3674', '3329', '3376', '3471', '3529', '3579', '5171']) {
      assert.deepEqual(ok(parseNik(`${r}010101900001`, TODAY)).warnings, [], r);
    }
    // Mimika under its pre-2022 code: the list does not cover Papua, so no warning.
    assert.deepEqual(ok(parseNik('9109010101900001', TODAY)).warnings, []);
  });
});

describe('regions', () => {
  it('has the 38 current province codes', () => {
    assert.equal(PROVINCE_CODES.size, 38);
  });

  it('covers Java and Bali completely', () => {
    assert.deepEqual([...REGENCY_COVERED_PROVINCES].sort(), ['31', '32', '33', '34', '35', '36', '51']);
    // 6 + 27 + 35 + 5 + 38 + 8 + 9 regencies and cities
    assert.equal(KNOWN_REGENCY_CODES.size, 6 + 27 + 35 + 5 + 38 + 8 + 9);
    for (const c of KNOWN_REGENCY_CODES) {
      assert.match(c, /^\d{4}$/);
      assert.ok(REGENCY_COVERED_PROVINCES.has(c.slice(0, 2)));
    }
    for (const c of ['3201', '3217', '3218', '3271', '3279', '3101', '3171', '3175', '3601', '3604', '3671', '3674']) {
      assert.ok(KNOWN_REGENCY_CODES.has(c), c);
    }
    assert.equal(isKnownRegency('3172'), true);
    assert.equal(isKnownRegency('3176'), false);
    assert.equal(isKnownRegency('1171'), null);
  });
});

describe('maskNik and cleanNik', () => {
  it('shows only the last 4 digits of a NIK', () => {
    assert.equal(maskNik('3271011708450001'), '************0001');
    assert.equal(maskNik('3271 0117 0845 0001'), '************0001');
    assert.equal(maskNik('32.71.01-170845-0001'), '************0001');
  });

  it('keeps only the last 4 of anything else', () => {
    assert.equal(maskNik('327101170845000'), '***********5000');
    assert.equal(maskNik('32710117084500012'), '*************0012');
    assert.equal(maskNik('abc12345'), '****2345');
    assert.equal(maskNik('1234'), '****');
    assert.equal(maskNik(''), '');
  });

  it('cleanNik strips whitespace, dots and dashes only', () => {
    assert.equal(cleanNik(' 32.71-01 17\t08 '), '3271011708');
    assert.equal(cleanNik('32/71'), '32/71');
  });
});

// --- property tests ---------------------------------------------------------------------------

const digits16 = fc.array(fc.constantFrom(...'0123456789'), { minLength: 16, maxLength: 16 }).map((a) => a.join(''));
/** Strings made of digits, separators and look-alikes: they reach the deeper checks more often than random text. */
const nearMiss = fc.string({
  unit: fc.constantFrom(...'0123456789', ' ', '.', '-', '\t', '\u00a0', 'O', '+', '\uff11', '\ud800'),
  maxLength: 24,
});
const provinceArb = fc.constantFrom(...PROVINCE_CODES);
const twoDigits = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));
const dateArb = fc
  .date({ min: new Date(Date.UTC(1926, 10, 23)), max: new Date(Date.UTC(2026, 10, 22)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const validNikArb = fc
  .record({
    province: provinceArb,
    regency: fc.oneof(twoDigits(1, 49), twoDigits(71, 79)),
    district: twoDigits(1, 99),
    birthDate: dateArb,
    sex: fc.constantFrom('M' as const, 'F' as const),
    serial: fc.integer({ min: 1, max: 9999 }).map((n) => String(n).padStart(4, '0')),
  })
  .map((p) => {
    const [y, m, d] = p.birthDate.split('-') as [string, string, string];
    const dd = String(Number(d) + (p.sex === 'F' ? 40 : 0)).padStart(2, '0');
    return { ...p, nik: `${p.province}${p.regency}${p.district}${dd}${m}${y.slice(2)}${p.serial}` };
  })
  .filter((v) => !/^(\d\d?)\1+$/.test(v.nik)); // 11.11.11, 11 Nov 2011, serial 1111: refused as repeated

describe('NIK properties', () => {
  it('parseNik never throws and returns a known code', () => {
    const codes = new Set(['nik_format', 'nik_repeated', 'nik_province', 'nik_region', 'nik_birth_date', 'nik_serial']);
    const check = (s: string) => {
      const r = parseNik(s, TODAY);
      if (r.ok) assert.match(r.info.nik, /^\d{16}$/);
      else assert.ok(codes.has(r.code));
    };
    for (const arb of [fc.string(), nearMiss, digits16]) fc.assert(fc.property(arb, check), { numRuns: 1000 });
  });

  it('every NIK built from valid parts parses and round-trips birth date and sex', () => {
    fc.assert(
      fc.property(validNikArb, (v) => {
        const r = ok(parseNik(v.nik, TODAY));
        assert.equal(r.info.birthDate, v.birthDate);
        assert.equal(r.info.sex, v.sex);
        assert.equal(r.info.serial, v.serial);
        assert.equal(r.info.regencyCode, v.province + v.regency);
        assert.equal(r.info.districtCode, v.province + v.regency + v.district);
      }),
      { numRuns: 2000 },
    );
  });

  it('maskNik never reveals more than the last 4 digits', () => {
    fc.assert(
      fc.property(validNikArb, fc.constantFrom('', ' ', '.', '-'), ({ nik }, sep) => {
        const spaced = [nik.slice(0, 4), nik.slice(4, 8), nik.slice(8, 12), nik.slice(12)].join(sep);
        const masked = maskNik(spaced);
        assert.equal(masked, `************${nik.slice(12)}`);
      }),
    );
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^[\d .-]{0,24}$/)), (s) => {
        const masked = Array.from(maskNik(s));
        const clean = Array.from(cleanNik(s));
        assert.equal(masked.length, clean.length);
        masked.forEach((c, i) => {
          const shown = i >= clean.length - 4 && clean.length > 4;
          assert.equal(c, shown ? clean[i] : '*');
        });
      }),
    );
  });
});
