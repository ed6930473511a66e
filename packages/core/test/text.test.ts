import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { TEXT_PROBLEMS, containsNik, personName, text, textProblem } from '../src/schemas/text.js';
import { fieldErrorsOf } from '../src/schemas/input.js';

/** The stable codes a schema refuses `value` with, or [] when it accepts it. */
const codes = (schema: z.ZodMiniType, value: unknown) => {
  const r = z.safeParse(schema, value);
  return r.success ? [] : fieldErrorsOf(r.error.issues).map((e) => e.code);
};
const parsed = <T>(schema: z.ZodMiniType<T>, value: unknown): T => {
  const r = z.safeParse(schema, value);
  assert.ok(r.success, `expected success for ${JSON.stringify(value)}: ${JSON.stringify(r.error?.issues)}`);
  return r.data;
};

const line = text({ min: 1, max: 40 });
const multi = text({ max: 2000, multiline: true });
const name = personName({ min: 2, max: 100 });

describe('text rule', () => {
  it('refuses NUL, every other C0 and C1 control and DEL on one line', () => {
    for (let c = 0; c < 0x20; c++) assert.deepEqual(codes(line, `a${String.fromCharCode(c)}b`), ['text_control_char'], `U+${c}`);
    for (let c = 0x7f; c <= 0x9f; c++) assert.deepEqual(codes(line, `a${String.fromCharCode(c)}b`), ['text_control_char'], `U+${c}`);
    assert.deepEqual(codes(line, 'a\u2028b'), ['text_control_char']);
    assert.deepEqual(codes(line, 'a\u2029b'), ['text_control_char']);
  });

  it('allows tab, newline and carriage return only in multi-line text', () => {
    assert.equal(parsed(multi, 'baris satu\nbaris\tdua\r\n'), 'baris satu\nbaris\tdua');
    assert.equal(parsed(multi, 'a\u2028b'), 'a\u2028b');
    assert.deepEqual(codes(multi, 'a\u0000b'), ['text_control_char']);
    assert.deepEqual(codes(multi, 'a\u000bb'), ['text_control_char']);
    assert.deepEqual(codes(multi, 'a\u0085b'), ['text_control_char']);
    assert.deepEqual(codes(multi, 'a\u007fb'), ['text_control_char']);
  });

  it('refuses lone surrogates and noncharacters, accepts paired surrogates', () => {
    assert.deepEqual(codes(line, 'a\ud800'), ['text_invalid_unicode']);
    assert.deepEqual(codes(line, '\udc00a'), ['text_invalid_unicode']);
    assert.deepEqual(codes(line, 'a\udc00\ud800b'), ['text_invalid_unicode']); // reversed pair
    assert.deepEqual(codes(line, 'a\ufffe'), ['text_invalid_unicode']);
    assert.deepEqual(codes(line, 'a\ufdd0'), ['text_invalid_unicode']);
    assert.deepEqual(codes(line, 'a\u{10ffff}'), ['text_invalid_unicode']);
    assert.equal(parsed(line, 'Siti 😀'), 'Siti 😀');
  });

  it('refuses bidi embedding, override and isolate characters, allows the plain marks', () => {
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'])
      assert.deepEqual(codes(line, `abc${c}def`), ['text_bidi_control'], c.codePointAt(0)!.toString(16));
    assert.equal(parsed(line, 'a\u200fb\u200e'), 'a\u200fb\u200e');
  });

  it('reports one problem per field, the first in rule order', () => {
    assert.deepEqual(codes(line, '\u0000\ud800\u202e'), ['text_invalid_unicode']);
    assert.deepEqual(codes(line, '\u0000\u202e'), ['text_control_char']);
    assert.deepEqual(codes(line, `${'\u0000'.repeat(50)}`), ['text_control_char']); // no too_big as well
  });

  it('trims, normalises to NFC, then checks the length', () => {
    assert.equal(parsed(line, '  Loket 3  '), 'Loket 3');
    assert.equal(parsed(line, 'Jose\u0301'), 'Jos\u00e9');
    assert.deepEqual(codes(line, '   '), ['too_small']);
    assert.deepEqual(codes(line, 'x'.repeat(41)), ['too_big']);
    assert.equal(parsed(line, ` ${'x'.repeat(40)} `), 'x'.repeat(40));
    assert.equal(parsed(text({ max: 5, trim: false }), ' a '), ' a ');
    assert.deepEqual(codes(line, 7), ['invalid_type']);
    assert.deepEqual(codes(line, null), ['invalid_type']);
  });

  it('handles 100 KB of text without trouble', () => {
    assert.deepEqual(codes(line, 'a'.repeat(100_000)), ['too_big']);
    assert.deepEqual(codes(line, `${'a'.repeat(100_000)}\u0000`), ['text_control_char']);
  });
});

describe('person names', () => {
  it('refuses a NIK typed into the name, however it is spaced', () => {
    for (const v of [
      '3271011708450001',
      'Budi 3271011708450001',
      '3271 0117 0845 0001',
      '3271.0117.0845.0001',
      '3271-0117-0845-0001',
      'Budi/3271011708450001x',
    ])
      assert.deepEqual(codes(name, v), ['name_contains_nik'], v);
    assert.deepEqual(codes(name, '３２７１０１１７０８４５０００１'), ['name_contains_nik']); // full-width digits
    assert.equal(containsNik('Budi 327101170845000'), false); // 15 digits
  });

  it('accepts ordinary names, with digits that are not a NIK', () => {
    for (const v of ['Siti Nurhaliza', 'Ni Luh Putu Ayu', 'Muhammad Al-Fatih', 'H. Ahmad, S.Kom.', 'Raden Mas II', 'Tan 1234', 'Ab'])
      assert.equal(parsed(name, v), v);
    assert.deepEqual(codes(name, 'A'), ['too_small']);
    assert.deepEqual(codes(name, 'Siti\u0000'), ['text_control_char']);
    assert.deepEqual(codes(name, 'Siti\nAminah'), ['text_control_char']);
  });
});

// --- properties ------------------------------------------------------------------------------

const BAD = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085', '\u009f', '\ud800', '\udfff', '\u202e', '\u2066', '\uffff'];
const hostile = fc.string({
  unit: fc.oneof(fc.constantFrom(...BAD), fc.constantFrom(' ', '\t', '\n'), fc.string({ unit: 'grapheme', maxLength: 1 })),
  maxLength: 60,
});

describe('text properties', () => {
  it('whatever it is given, the rule either refuses with a known code or returns clean, trimmed, NFC text', () => {
    const known = new Set<string>([...TEXT_PROBLEMS, 'too_small', 'too_big']);
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), hostile), (s) => {
        const r = z.safeParse(line, s);
        if (!r.success) {
          const all = fieldErrorsOf(r.error.issues).map((e) => e.code);
          for (const c of all) assert.ok(known.has(c), c);
          return;
        }
        assert.equal(textProblem(r.data), null);
        assert.equal(r.data, r.data.trim());
        assert.equal(r.data, r.data.normalize('NFC'));
        assert.ok(r.data.length >= 1 && r.data.length <= 40);
        assert.ok(!/\p{Cs}/u.test(r.data));
      }),
      { numRuns: 2000 },
    );
  });

  it('any accepted text survives a JSON round trip and a UTF-8 round trip unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const r = z.safeParse(multi, s);
        if (!r.success) return;
        assert.equal(JSON.parse(JSON.stringify(r.data)), r.data);
        assert.equal(new TextDecoder().decode(new TextEncoder().encode(r.data)), r.data);
      }),
      { numRuns: 2000 },
    );
  });

  it('a string holding any bad character is always refused', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.constantFrom(...BAD), fc.string({ maxLength: 20 }), (a, bad, b) => {
        assert.notEqual(codes(multi, a + bad + b).length, 0);
      }),
    );
  });

  it('a name with 16 digits anywhere is refused', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'abc XYZ.'), maxLength: 20 }), fc.stringMatching(/^\d{16}$/), (prefix, digits) => {
        assert.ok(codes(name, `Siti ${prefix}${digits}`).includes('name_contains_nik'));
      }),
    );
  });
});
