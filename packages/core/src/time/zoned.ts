/**
 * Calendar dates and wall-clock times in an office's IANA time zone.
 *
 * Service dates belong to the office (Asia/Jakarta WIB +07, Asia/Makassar WITA +08,
 * Asia/Jayapura WIT +09), never to the browser. Everything here goes through
 * `Intl.DateTimeFormat` with an explicit `timeZone`, which works the same in Node and browsers
 * and needs no time-zone database of our own.
 *
 * Plain calendar arithmetic (`addDays`, `weekdayOf`, `daysBetween`, `isIsoDate`) is zone-free and
 * uses the proleptic Gregorian calendar for years 0001–9999.
 *
 * Programmer errors (a malformed `IsoDate`, minutes out of range) throw a `RangeError` whose
 * message is a stable code (`invalid_iso_date`, `invalid_minutes`), never prose. An unknown time
 * zone makes `Intl` throw its own `RangeError`.
 */

/** A calendar date `YYYY-MM-DD` (years 0001–9999). */
export type IsoDate = string;

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The UTC epoch milliseconds of a proleptic Gregorian date-time; safe for years 0–99 too. */
function utcMs(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  d.setUTCHours(hour, minute, second, 0);
  return d.getTime();
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function formatDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Splits a real calendar date into numbers, or returns null. */
function splitDate(s: string): [year: number, month: number, day: number] | null {
  const m = ISO_DATE_RE.exec(s);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return [year, month, day];
}

function requireDate(s: IsoDate): [year: number, month: number, day: number] {
  const parts = splitDate(s);
  if (!parts) throw new RangeError('invalid_iso_date');
  return parts;
}

/** Epoch milliseconds of UTC midnight of a valid `IsoDate`. */
function dateMs(s: IsoDate): number {
  const [year, month, day] = requireDate(s);
  return utcMs(year, month, day);
}

/** The UTC calendar date of epoch milliseconds. */
function dateFromMs(ms: number): IsoDate {
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (!(year >= 1 && year <= 9999)) throw new RangeError('invalid_iso_date');
  return formatDate(year, d.getUTCMonth() + 1, d.getUTCDate());
}

/** True for a well-formed `YYYY-MM-DD` that exists in the calendar (no 2026-02-30, no 2026-02-29). */
export function isIsoDate(s: string): boolean {
  return splitDate(s) !== null;
}

/** `date` shifted by a whole number of days (negative goes back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError('invalid_days');
  return dateFromMs(dateMs(date) + days * MS_PER_DAY);
}

/** Day of the week of a calendar date: 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: IsoDate): number {
  return new Date(dateMs(date)).getUTCDay();
}

/** Whole days from `a` to `b` (`b - a`): `daysBetween('2026-11-22', '2026-11-23') === 1`. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round((dateMs(b) - dateMs(a)) / MS_PER_DAY);
}

// ---------------------------------------------------------------------------------------------
// Time-zone lookups

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // The locale only fixes the shape of the numeric parts (Latin digits, 24-hour clock);
    // no text from it reaches a caller.
    f = new Intl.DateTimeFormat('en-US-u-nu-latn', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock through `Intl` (the reference; slow: tens of microseconds a call). */
function intlWallClock(instant: Date, timeZone: string): WallClock {
  const out: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    switch (part.type) {
      case 'year':
      case 'month':
      case 'day':
      case 'minute':
      case 'second':
        out[part.type] = Number(part.value);
        break;
      case 'hour':
        // Some older engines print midnight as 24 even with h23.
        out.hour = Number(part.value) % 24;
        break;
      default:
        break;
    }
  }
  return out;
}

const MS_PER_HOUR = 3_600_000;
/** Offsets per zone and UTC hour; `null` for an hour in which the offset changes. */
const hourOffsets = new Map<string, Map<number, number | null>>();
const MAX_CACHED_HOURS = 20_000;

function intlOffsetMs(ms: number, timeZone: string): number {
  const w = intlWallClock(new Date(ms), timeZone);
  return utcMs(w.year, w.month, w.day, w.hour, w.minute, w.second) - (ms - (((ms % 1000) + 1000) % 1000));
}

/**
 * The zone's offset during the UTC hour of `ms`, when it is the same at both ends of that hour
 * (so no transition falls inside it; two transitions within one hour that cancel out are not
 * known in any zone). One booking page formats a few dozen instants of the same few hours: this
 * turns ~50 `Intl` calls per request into map lookups.
 */
function cachedOffsetMs(ms: number, timeZone: string): number | null {
  const hour = Math.floor(ms / MS_PER_HOUR);
  let zone = hourOffsets.get(timeZone);
  if (!zone) hourOffsets.set(timeZone, (zone = new Map()));
  let offset = zone.get(hour);
  if (offset === undefined) {
    const start = hour * MS_PER_HOUR;
    const a = intlOffsetMs(start, timeZone);
    offset = a === intlOffsetMs(start + MS_PER_HOUR - 1, timeZone) ? a : null;
    if (zone.size >= MAX_CACHED_HOURS) zone.clear();
    zone.set(hour, offset);
  }
  return offset;
}

function wallClock(instant: Date, timeZone: string): WallClock {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new RangeError('invalid_instant');
  const offset = cachedOffsetMs(ms, timeZone);
  if (offset === null) return intlWallClock(instant, timeZone);
  const d = new Date(ms + offset);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** Offset of `timeZone` from UTC at `instant`, in milliseconds (whole seconds). */
function offsetMs(instant: Date, timeZone: string): number {
  const w = wallClock(instant, timeZone);
  const local = utcMs(w.year, w.month, w.day, w.hour, w.minute, w.second);
  const ms = instant.getTime();
  return local - (ms - (((ms % 1000) + 1000) % 1000));
}

/** The office's calendar date at `now`. */
export function todayIn(timeZone: string, now: Date): IsoDate {
  const w = wallClock(now, timeZone);
  return formatDate(w.year, w.month, w.day);
}

/** Local calendar date, minutes since local midnight (seconds dropped) and weekday (0 = Sunday). */
export function zonedParts(instant: Date, timeZone: string): { date: IsoDate; minutes: number; weekday: number } {
  const w = wallClock(instant, timeZone);
  const date = formatDate(w.year, w.month, w.day);
  return { date, minutes: w.hour * 60 + w.minute, weekday: new Date(utcMs(w.year, w.month, w.day)).getUTCDay() };
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` + `minutes` after midnight.
 * `minutes` may run past 1440 or below 0 (it rolls into the next/previous day).
 *
 * Indonesian zones have no DST, but the lookup is generic: the offset is found by a fixed-point
 * step. In a DST gap the result lands after the gap; in an overlap it picks one of the two.
 */
export function zonedInstant(date: IsoDate, minutes: number, timeZone: string): Date {
  if (!Number.isInteger(minutes)) throw new RangeError('invalid_minutes');
  const localAsUtc = dateMs(date) + minutes * MS_PER_MINUTE;
  const first = offsetMs(new Date(localAsUtc), timeZone);
  const guess = localAsUtc - first;
  const second = offsetMs(new Date(guess), timeZone);
  if (second === first) return new Date(guess);
  // The offset changes between the guess and the wall-clock time: retry with the other offset.
  const retry = localAsUtc - second;
  if (offsetMs(new Date(retry), timeZone) === second) return new Date(retry);
  // A gap (clocks jumped forward): use the offset from before the jump, landing after the gap.
  return new Date(localAsUtc - Math.min(first, second));
}

function offsetString(offset: number): string {
  const sign = offset < 0 ? '-' : '+';
  const total = Math.abs(Math.round(offset / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${sign}${pad(h)}:${pad(m)}${s ? `:${pad(s)}` : ''}`;
}

/**
 * The UTC offset of `timeZone` at `at`, as `±HH:MM` (`'+07:00'`; UTC is `'+00:00'`). Historical
 * local-mean-time offsets with seconds come out as `±HH:MM:SS`.
 */
export function formatOffset(timeZone: string, at: Date): string {
  return offsetString(offsetMs(at, timeZone));
}

/** RFC 3339 local time with offset, to the second: `'2026-11-23T08:30:00+07:00'`. */
export function toZonedIso(instant: Date, timeZone: string): string {
  const w = wallClock(instant, timeZone);
  const local = utcMs(w.year, w.month, w.day, w.hour, w.minute, w.second);
  const ms = instant.getTime();
  const offset = local - (ms - (((ms % 1000) + 1000) % 1000));
  return `${formatDate(w.year, w.month, w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${offsetString(offset)}`;
}

/** Minutes since midnight as `HH:MM`: `510 → '08:30'`. Accepts 0–1440 (`1440 → '24:00'`, end of day). */
export function hhmm(minutes: number): string {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440) throw new RangeError('invalid_minutes');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

const HHMM_RE = /^(\d{1,2})[:.](\d{2})$/;

/**
 * `'08:30' → 510`. Also accepts one-digit hours (`'8:30'`), the Indonesian dot (`'08.30'`),
 * surrounding whitespace, and `'24:00'` (1440, end of day). Anything else is `null`.
 */
export function parseHhmm(s: string): number | null {
  const m = HHMM_RE.exec(s.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}
