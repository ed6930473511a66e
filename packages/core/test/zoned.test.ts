import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  addDays,
  daysBetween,
  formatOffset,
  hhmm,
  isIsoDate,
  parseHhmm,
  toZonedIso,
  todayIn,
  weekdayOf,
  zonedInstant,
  zonedParts,
} from '../src/time/zoned.js';

const WIB = 'Asia/Jakarta';
const WITA = 'Asia/Makassar';
const WIT = 'Asia/Jayapura';
const ZONES = [WIB, WITA, WIT] as const;
const at = (iso: string) => new Date(iso);

describe('zonedParts / todayIn across the Indonesian zones', () => {
  it('2026-11-22T17:30Z is already 23 November in all three zones', () => {
    const t = at('2026-11-22T17:30:00Z');
    assert.deepEqual(zonedParts(t, WIB), { date: '2026-11-23', minutes: 30, weekday: 1 });
    assert.deepEqual(zonedParts(t, WITA), { date: '2026-11-23', minutes: 90, weekday: 1 });
    assert.deepEqual(zonedParts(t, WIT), { date: '2026-11-23', minutes: 150, weekday: 1 });
    assert.deepEqual(zonedParts(t, 'UTC'), { date: '2026-11-22', minutes: 1050, weekday: 0 });
  });

  it('flips the date exactly at local midnight', () => {
    assert.equal(todayIn(WIB, at('2026-11-22T16:59:59.999Z')), '2026-11-22');
    assert.equal(todayIn(WIB, at('2026-11-22T17:00:00Z')), '2026-11-23');
    assert.equal(todayIn(WITA, at('2026-11-22T15:59:59Z')), '2026-11-22');
    assert.equal(todayIn(WITA, at('2026-11-22T16:00:00Z')), '2026-11-23');
    assert.equal(todayIn(WIT, at('2026-11-22T14:59:59Z')), '2026-11-22');
    assert.equal(todayIn(WIT, at('2026-11-22T15:00:00Z')), '2026-11-23');
    assert.deepEqual(zonedParts(at('2026-11-22T17:00:00Z'), WIB), { date: '2026-11-23', minutes: 0, weekday: 1 });
    assert.deepEqual(zonedParts(at('2026-11-22T16:59:59Z'), WIB), { date: '2026-11-22', minutes: 1439, weekday: 0 });
  });

  it('crosses year ends', () => {
    const t = at('2026-12-31T16:30:00Z');
    assert.equal(todayIn(WIB, t), '2026-12-31');
    assert.equal(todayIn(WITA, t), '2027-01-01');
    assert.equal(todayIn(WIT, t), '2027-01-01');
    assert.equal(zonedParts(t, WIT).weekday, 5); // Friday 1 January 2027
  });

  it('drops seconds from minutes', () => {
    assert.equal(zonedParts(at('2026-11-23T01:30:59Z'), WIB).minutes, 8 * 60 + 30);
  });
});

describe('zonedInstant', () => {
  it('finds the instant of a local wall-clock time', () => {
    assert.equal(zonedInstant('2026-11-23', 510, WIB).toISOString(), '2026-11-23T01:30:00.000Z');
    assert.equal(zonedInstant('2026-11-23', 510, WITA).toISOString(), '2026-11-23T00:30:00.000Z');
    assert.equal(zonedInstant('2026-11-23', 510, WIT).toISOString(), '2026-11-22T23:30:00.000Z');
    assert.equal(zonedInstant('2026-11-23', 0, WIB).toISOString(), '2026-11-22T17:00:00.000Z');
    assert.equal(zonedInstant('2027-01-01', 0, WIT).toISOString(), '2026-12-31T15:00:00.000Z');
  });

  it('lets minutes roll over into the next or previous day', () => {
    assert.equal(zonedInstant('2026-11-23', 1440, WIB).getTime(), zonedInstant('2026-11-24', 0, WIB).getTime());
    assert.equal(zonedInstant('2026-11-23', -60, WIB).getTime(), zonedInstant('2026-11-22', 1380, WIB).getTime());
  });

  it('handles zones with DST generically', () => {
    // New York: 2026-03-08 02:30 does not exist (lands after the gap), 2026-11-01 01:30 happens twice.
    assert.equal(zonedInstant('2026-03-08', 150, 'America/New_York').toISOString(), '2026-03-08T07:30:00.000Z');
    assert.equal(zonedInstant('2026-03-08', 180, 'America/New_York').toISOString(), '2026-03-08T07:00:00.000Z');
    assert.equal(zonedInstant('2026-03-08', 60, 'America/New_York').toISOString(), '2026-03-08T06:00:00.000Z');
    const overlap = zonedInstant('2026-11-01', 90, 'America/New_York');
    assert.deepEqual(zonedParts(overlap, 'America/New_York'), { date: '2026-11-01', minutes: 90, weekday: 0 });
    assert.equal(zonedInstant('2026-07-01', 540, 'Europe/Berlin').toISOString(), '2026-07-01T07:00:00.000Z');
  });

  it('rejects malformed input with a coded RangeError', () => {
    assert.throws(() => zonedInstant('2026-02-30', 0, WIB), { name: 'RangeError', message: 'invalid_iso_date' });
    assert.throws(() => zonedInstant('2026-11-23', 1.5, WIB), { name: 'RangeError', message: 'invalid_minutes' });
    assert.throws(() => zonedInstant('2026-11-23', 0, 'Not/AZone'), RangeError);
  });
});

describe('formatOffset / toZonedIso', () => {
  it('formats offsets', () => {
    const t = at('2026-11-22T17:30:00Z');
    assert.equal(formatOffset(WIB, t), '+07:00');
    assert.equal(formatOffset(WITA, t), '+08:00');
    assert.equal(formatOffset(WIT, t), '+09:00');
    assert.equal(formatOffset('UTC', t), '+00:00');
    assert.equal(formatOffset('Asia/Kolkata', t), '+05:30');
    assert.equal(formatOffset('America/New_York', t), '-05:00');
    assert.equal(formatOffset('America/New_York', at('2026-07-01T00:00:00Z')), '-04:00');
  });

  it('formats RFC 3339 local times with the offset', () => {
    const t = at('2026-11-23T01:30:00.999Z');
    assert.equal(toZonedIso(t, WIB), '2026-11-23T08:30:00+07:00');
    assert.equal(toZonedIso(t, WITA), '2026-11-23T09:30:00+08:00');
    assert.equal(toZonedIso(t, WIT), '2026-11-23T10:30:00+09:00');
    assert.equal(toZonedIso(at('2026-11-22T17:30:00Z'), WIB), '2026-11-23T00:30:00+07:00');
  });
});

describe('calendar arithmetic', () => {
  it('addDays crosses month and year ends and leap days', () => {
    assert.equal(addDays('2026-11-30', 1), '2026-12-01');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2027-01-01', -1), '2026-12-31');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2028-02-29', 1), '2028-03-01');
    assert.equal(addDays('2026-02-28', 1), '2026-03-01');
    assert.equal(addDays('2100-02-28', 1), '2100-03-01');
    assert.equal(addDays('2000-02-28', 1), '2000-02-29');
    assert.equal(addDays('2028-03-01', -1), '2028-02-29');
    assert.equal(addDays('2026-11-22', 0), '2026-11-22');
    assert.equal(addDays('2026-11-22', 365), '2027-11-22');
    assert.equal(addDays('2028-01-01', 366), '2029-01-01');
    assert.equal(addDays('0001-01-02', -1), '0001-01-01');
  });

  it('addDays rejects bad input', () => {
    assert.throws(() => addDays('2026-02-30', 1), { message: 'invalid_iso_date' });
    assert.throws(() => addDays('2026-11-22', 0.5), { message: 'invalid_days' });
    assert.throws(() => addDays('9999-12-31', 1), { message: 'invalid_iso_date' });
  });

  it('weekdayOf', () => {
    assert.equal(weekdayOf('2026-11-22'), 0); // Sunday
    assert.equal(weekdayOf('2026-11-23'), 1);
    assert.equal(weekdayOf('2026-11-28'), 6);
    assert.equal(weekdayOf('2000-02-29'), 2);
    assert.equal(weekdayOf('1945-08-17'), 5);
  });

  it('isIsoDate accepts only real calendar dates', () => {
    for (const s of ['2026-11-22', '2028-02-29', '2000-02-29', '2026-12-31', '0001-01-01', '9999-12-31']) assert.ok(isIsoDate(s), s);
    for (const s of [
      '2026-02-30',
      '2026-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '2026-1-5',
      '26-11-22',
      '2026/11/22',
      '2026-11-22T00:00',
      ' 2026-11-22',
      '0000-01-01',
      '',
    ]) {
      assert.equal(isIsoDate(s), false, s);
    }
  });

  it('daysBetween is b - a in whole days', () => {
    assert.equal(daysBetween('2026-11-22', '2026-11-23'), 1);
    assert.equal(daysBetween('2026-11-23', '2026-11-22'), -1);
    assert.equal(daysBetween('2026-01-01', '2027-01-01'), 365);
    assert.equal(daysBetween('2028-01-01', '2029-01-01'), 366);
    assert.equal(daysBetween('2026-11-22', '2026-11-22'), 0);
  });
});

describe('hhmm / parseHhmm', () => {
  it('formats minutes', () => {
    assert.equal(hhmm(510), '08:30');
    assert.equal(hhmm(0), '00:00');
    assert.equal(hhmm(1439), '23:59');
    assert.equal(hhmm(1440), '24:00');
    assert.throws(() => hhmm(-1), { message: 'invalid_minutes' });
    assert.throws(() => hhmm(1441), { message: 'invalid_minutes' });
    assert.throws(() => hhmm(1.5), { message: 'invalid_minutes' });
  });

  it('parses times', () => {
    assert.equal(parseHhmm('08:30'), 510);
    assert.equal(parseHhmm('8:30'), 510);
    assert.equal(parseHhmm('08.30'), 510);
    assert.equal(parseHhmm(' 23:59 '), 1439);
    assert.equal(parseHhmm('00:00'), 0);
    assert.equal(parseHhmm('24:00'), 1440);
    for (const s of ['24:01', '25:00', '08:60', '0830', '08:3', '8', '', 'ab:cd', '-1:00', '08:30:00', '１２:００']) {
      assert.equal(parseHhmm(s), null, s);
    }
  });

  it('round-trips every minute of the day', () => {
    for (let m = 0; m <= 1440; m++) assert.equal(parseHhmm(hhmm(m)), m);
  });
});

describe('zoned properties', () => {
  const instantArb = fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-12-31T23:59:59Z'), noInvalidDate: true });
  const zoneArb = fc.constantFrom(...ZONES);
  const dateArb = fc
    .date({ min: new Date('1970-01-02T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

  it('zonedInstant(zonedParts(t)) is t truncated to the minute', () => {
    fc.assert(
      fc.property(instantArb, zoneArb, (t, zone) => {
        const { date, minutes } = zonedParts(t, zone);
        const back = zonedInstant(date, minutes, zone);
        assert.equal(back.getTime(), Math.floor(t.getTime() / 60_000) * 60_000);
      }),
      { numRuns: 500 },
    );
  });

  it('zonedParts(zonedInstant(d, m)) is (d, m)', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 1439 }), zoneArb, (date, minutes, zone) => {
        const parts = zonedParts(zonedInstant(date, minutes, zone), zone);
        assert.deepEqual(parts, { date, minutes, weekday: weekdayOf(date) });
      }),
      { numRuns: 500 },
    );
  });

  it('toZonedIso parses back to the same second', () => {
    fc.assert(
      fc.property(instantArb, zoneArb, (t, zone) => {
        const iso = toZonedIso(t, zone);
        assert.match(iso, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[789]:00$/);
        assert.equal(new Date(iso).getTime(), Math.floor(t.getTime() / 1000) * 1000);
      }),
      { numRuns: 300 },
    );
  });

  it('the cached offsets agree with Intl everywhere, DST and odd offsets included', () => {
    // toZonedIso reads offsets cached per UTC hour; a fresh Intl formatter is the reference.
    const zones = [...ZONES, 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'UTC'];
    const reference = (t: Date, zone: string) => {
      const parts = Object.fromEntries(
        new Intl.DateTimeFormat('en-US-u-nu-latn', {
          timeZone: zone,
          hourCycle: 'h23',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
        })
          .formatToParts(t)
          .map((p) => [p.type, p.value]),
      );
      return `${parts.year}-${parts.month}-${parts.day}T${String(Number(parts.hour) % 24).padStart(2, '0')}:${parts.minute}:${parts.second}`;
    };
    // Instants next to DST transitions (the hours where the cache must step aside) and random ones.
    const transitions = [
      '2026-03-08T07:00:00Z',
      '2026-11-01T06:00:00Z',
      '2026-03-29T01:00:00Z',
      '2026-10-25T01:00:00Z',
      '2026-04-04T15:00:00Z',
    ];
    const near = fc
      .tuple(fc.constantFrom(...transitions), fc.integer({ min: -2 * 3_600_000, max: 2 * 3_600_000 }))
      .map(([iso, d]) => new Date(new Date(iso).getTime() + d));
    fc.assert(
      fc.property(fc.oneof(instantArb, near), fc.constantFrom(...zones), (t, zone) => {
        assert.equal(toZonedIso(t, zone).slice(0, 19), reference(t, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it('addDays and daysBetween agree', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -40_000, max: 40_000 }), (date, n) => {
        const later = addDays(date, n);
        assert.ok(isIsoDate(later));
        assert.equal(daysBetween(date, later), n);
        assert.equal(addDays(later, -n), date);
        assert.equal(weekdayOf(later), (((weekdayOf(date) + n) % 7) + 7) % 7);
      }),
    );
  });
});
