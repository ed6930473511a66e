// The escalation rule once for the server and the widgets: calendar hours by default; with
// `count: 'working_days'` Saturdays, Sundays and the office's holidays do not count (Asia/Jakarta).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SI_BADRA_ESCALATION, answerClock, escalationDues, isWorkingDay, type EscalationPolicy } from '../src/index.js';

const WORKING: EscalationPolicy = { ...SI_BADRA_ESCALATION, count: 'working_days' };
const BOGOR = { timeZone: 'Asia/Jakarta', holidays: new Set(['2026-12-25', '2026-12-24']) };
const iso = (ds: Date[]) => ds.map((d) => d.toISOString());

describe('escalation dues', () => {
  it('calendar hours: 24 h and 48 h after the clock starts, whatever the day', () => {
    // Friday 11 December 2026, 15:00 WIB.
    assert.deepEqual(iso(escalationDues(SI_BADRA_ESCALATION, new Date('2026-12-11T08:00:00Z'))), [
      '2026-12-12T08:00:00.000Z',
      '2026-12-13T08:00:00.000Z',
    ]);
  });

  it('working days: a Friday-afternoon complaint is due on Monday and Tuesday afternoon', () => {
    assert.deepEqual(iso(escalationDues(WORKING, new Date('2026-12-11T08:00:00Z'), BOGOR)), [
      '2026-12-14T08:00:00.000Z',
      '2026-12-15T08:00:00.000Z',
    ]);
  });

  it('working days: filed on a Saturday, the clock starts counting on Monday at midnight', () => {
    assert.deepEqual(iso(escalationDues(WORKING, new Date('2026-12-12T03:00:00Z'), BOGOR)), [
      // Tuesday 00:00 and Wednesday 00:00 WIB.
      '2026-12-14T17:00:00.000Z',
      '2026-12-15T17:00:00.000Z',
    ]);
  });

  it("working days: the office's holidays (cuti bersama included) are skipped", () => {
    // Wednesday 23 December 10:00 WIB; 24 (cuti bersama) and 25 (Natal) and the weekend do not count.
    assert.deepEqual(iso(escalationDues(WORKING, new Date('2026-12-23T03:00:00Z'), BOGOR)), [
      '2026-12-28T03:00:00.000Z',
      '2026-12-29T03:00:00.000Z',
    ]);
    assert.equal(isWorkingDay('2026-12-24', BOGOR), false);
    assert.equal(isWorkingDay('2026-12-26', BOGOR), false);
    assert.equal(isWorkingDay('2026-12-28', BOGOR), true);
  });

  it('working days without a calendar is a programming error, not a silent calendar count', () => {
    assert.throws(() => escalationDues(WORKING, new Date()), TypeError);
  });
});

describe('answer clock', () => {
  const start = '2026-12-11T08:00:00.000Z';
  const dues = iso(escalationDues(WORKING, new Date(start), BOGOR));

  it('counts the levels passed by the dues it is given, and says when the next falls', () => {
    // Sunday: still level 0 on working days (calendar hours would be at level 2).
    const sunday = new Date('2026-12-13T10:00:00Z');
    assert.equal(answerClock({ clockStart: start, answeredAt: null }, sunday).level, 2);
    const c = answerClock({ clockStart: start, answeredAt: null, dues }, sunday);
    assert.deepEqual(c, { running: true, level: 0, dueAt: dues[0], answeredAt: null, clockStart: start, dues });
    assert.equal(answerClock({ clockStart: start, answeredAt: null, dues }, new Date('2026-12-14T09:00:00Z')).level, 1);
    // A widget recomputes from the server's clock as time passes: the same answer.
    assert.deepEqual(answerClock(c, new Date('2026-12-15T09:00:00Z')), { ...c, level: 2, dueAt: null });
  });

  it('stops at the answer: the level reached then, nothing due', () => {
    const c = answerClock({ clockStart: start, answeredAt: '2026-12-14T09:00:00.000Z', dues }, new Date('2026-12-20T00:00:00Z'));
    assert.equal(c.level, 1);
    assert.equal(c.dueAt, null);
    assert.equal(c.running, false);
  });

  it('has no clock before dispatch', () => {
    assert.deepEqual(answerClock({ clockStart: null, answeredAt: null }, new Date()), {
      running: false,
      level: 0,
      dueAt: null,
      answeredAt: null,
      clockStart: null,
      dues: [],
    });
  });
});
