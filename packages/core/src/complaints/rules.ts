/**
 * The rules of Si Badra complaints, once, for the widgets and the server: which status may follow
 * which, the answer clock and its escalation levels (24 h → the head of the agency, 48 h → the
 * mayor's office), and whether a point lies inside the deployment's area. Pure functions: every
 * "now" is a parameter.
 */
import type { AnswerClock, ComplaintStatus } from '../schemas/complaints.js';
import { addDays, weekdayOf, zonedInstant, zonedParts } from '../time/zoned.js';

/** Who is told when a complaint stays unanswered past a level. */
export type EscalationTarget = 'agency_head' | 'mayor_office';

/**
 * When a dispatched complaint escalates. Hours from dispatch (or from reopening) to the agency's
 * first public answer: Kota Bogor's SOP says 24 h → Kepala OPD, 48 h → Wali Kota. A deployment may
 * set its own levels, and count only working days' hours (`count: 'working_days'`: Saturdays,
 * Sundays and the office's holidays do not count, in the office's time zone).
 */
export interface EscalationPolicy {
  levels: ReadonlyArray<{ afterHours: number; notify: EscalationTarget }>;
  /** `calendar` (default): every hour counts. `working_days`: only hours of working days count. */
  count?: 'calendar' | 'working_days';
}

export const SI_BADRA_ESCALATION: EscalationPolicy = {
  levels: [
    { afterHours: 24, notify: 'agency_head' },
    { afterHours: 48, notify: 'mayor_office' },
  ],
};

/** The office's working days for `count: 'working_days'`: its zone and its holidays (`YYYY-MM-DD`, cuti bersama included). */
export interface WorkingCalendar {
  timeZone: string;
  holidays: ReadonlySet<string>;
}

const HOUR = 3_600_000;
/** A policy's levels never reach further than this many days (a bound for the working-day walk). */
const MAX_DAYS = 400;

/** Whether `date` is a working day: Monday to Friday and not a holiday. */
export const isWorkingDay = (date: string, calendar: WorkingCalendar): boolean => {
  const wd = weekdayOf(date);
  return wd !== 0 && wd !== 6 && !calendar.holidays.has(date);
};

/** The instant `hours` of working time after `start`: hours on weekends and holidays are skipped whole. */
function addWorkingHours(start: Date, hours: number, calendar: WorkingCalendar): Date {
  let left = hours * HOUR;
  let t = start.getTime();
  for (let i = 0; i < MAX_DAYS; i++) {
    const { date } = zonedParts(new Date(t), calendar.timeZone);
    const dayEnd = zonedInstant(addDays(date, 1), 0, calendar.timeZone).getTime();
    if (isWorkingDay(date, calendar)) {
      if (t + left <= dayEnd) return new Date(t + left);
      left -= dayEnd - t;
    }
    t = dayEnd;
  }
  throw new RangeError('escalation_beyond_calendar');
}

/**
 * The instants at which each level of `policy` falls for a clock started at `start`: `start` +
 * the level's hours, or, with `count: 'working_days'`, + that many hours of working days by
 * `calendar`. The server stores them when the clock starts (so a sweep is one comparison); the
 * widgets get them in `AnswerClock.dues`.
 */
export function escalationDues(policy: EscalationPolicy, start: Date, calendar?: WorkingCalendar): Date[] {
  if (policy.count === 'working_days') {
    if (!calendar) throw new TypeError('working_days needs a WorkingCalendar');
    return policy.levels.map((l) => addWorkingHours(start, l.afterHours, calendar));
  }
  return policy.levels.map((l) => new Date(start.getTime() + l.afterHours * HOUR));
}

/**
 * The answer clock of a complaint at `now`. It runs from `clockStart` (dispatch, or the last
 * reopening) until `answeredAt`; `level` is the number of escalation instants (`dues`, as
 * `escalationDues` gave them; calendar hours of `policy` when absent) passed while it ran (0, 1 or
 * 2 with the default policy) and `dueAt` when the next one falls (null when none is left or the
 * clock stopped). A widget recomputes it from the server's `AnswerClock` as time passes.
 */
export function answerClock(
  c: { clockStart: string | null; answeredAt: string | null; dues?: readonly string[] },
  now: Date,
  policy: EscalationPolicy = SI_BADRA_ESCALATION,
): AnswerClock {
  if (!c.clockStart) return { running: false, level: 0, dueAt: null, answeredAt: c.answeredAt, clockStart: null, dues: [] };
  const dues = c.dues ?? escalationDues({ levels: policy.levels }, new Date(c.clockStart)).map((d) => d.toISOString());
  const end = c.answeredAt ? Date.parse(c.answeredAt) : now.getTime();
  let level = 0;
  let dueAt: string | null = null;
  for (const d of dues) {
    if (Date.parse(d) <= end) level++;
    else {
      if (!c.answeredAt) dueAt = d;
      break;
    }
  }
  return { running: !c.answeredAt, level, dueAt, answeredAt: c.answeredAt, clockStart: c.clockStart, dues: [...dues] };
}

/** Hours left (rounded up) until `dueAt`, for "sisa 5 jam"; 0 when passed. */
export const hoursLeft = (dueAt: string, now: Date): number => Math.max(0, Math.ceil((Date.parse(dueAt) - now.getTime()) / HOUR));

/** Each action and the statuses it may start from; the server refuses anything else with `complaint_transition`. */
export const COMPLAINT_ACTIONS = {
  verify: { from: ['received'], to: 'verified' },
  reject: { from: ['received', 'verified'], to: 'rejected' },
  dispatch: { from: ['verified', 'received'], to: 'dispatched' },
  answer: { from: ['dispatched', 'reopened', 'answered'], to: 'answered' },
  resolve: { from: ['dispatched', 'reopened', 'answered'], to: 'resolved' },
  dispute: { from: ['resolved', 'answered'], to: 'reopened' },
  close: { from: ['resolved'], to: 'closed' },
  merge: { from: ['received', 'verified'], to: 'rejected' },
} as const satisfies Record<string, { from: readonly ComplaintStatus[]; to: ComplaintStatus }>;
export type ComplaintAction = keyof typeof COMPLAINT_ACTIONS;

export const canDo = (action: ComplaintAction, status: ComplaintStatus): boolean =>
  (COMPLAINT_ACTIONS[action].from as readonly ComplaintStatus[]).includes(status);

/** A closed ring of `[lng, lat]` points: the deployment's area. */
export type Boundary = ReadonlyArray<readonly [number, number]>;

/** Whether `(lat, lng)` lies inside `ring` (even-odd rule; points on an edge may go either way). */
export function insideBoundary(ring: Boundary, lat: number, lng: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Coarser than this (metres) a phone's fix cannot place a complaint on a street: the citizen types a landmark instead. */
export const MAX_ACCURACY_M = 2000;

/** Masks an e-mail address for display: `s***@gmail.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return '***';
  return `${email[0]}***${email.slice(at)}`;
}
