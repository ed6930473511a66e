import { addDays, hhmm, todayIn, toZonedIso, zonedInstant, zonedParts, daysBetween, type IsoDate } from '../time/zoned.js';
import type { AvailabilityDay, DayClosedReason } from '../schemas/queue.js';

/** Opening hours of one weekday, minutes after local midnight. */
export interface DayHours {
  opens: number;
  closes: number;
  breakStart: number | null;
  breakEnd: number | null;
}

export interface QueueRules {
  slotMinutes: number;
  slotCapacity: number;
  walkInQuota: number;
  priorityQuota: number;
  bookingDaysAhead: number;
  releaseMinutes: number;
  cutoffMinutes: number;
}

export interface DayClosure {
  name: string;
  kind: 'holiday' | 'cuti_bersama' | 'closure';
}

export interface SlotSpec {
  id: string;
  start: number;
  end: number;
}

/** Stable slot id: service, date and local start (`disdukcapil-ktp-el@2026-11-23T0800`). */
export const slotId = (serviceId: string, date: IsoDate, start: number) => `${serviceId}@${date}T${hhmm(start).replace(':', '')}`;

/** Parses a slot id back into its parts, or null when it is not one of ours. */
export function parseSlotId(id: string): { serviceId: string; date: IsoDate; start: number } | null {
  const m = /^([a-z0-9-]+)@(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})$/.exec(id);
  if (!m) return null;
  const start = Number(m[3]) * 60 + Number(m[4]);
  if (start >= 1440 || Number(m[4]) >= 60) return null;
  return { serviceId: m[1]!, date: m[2]!, start };
}

/** The slots of a day: from opening to closing in steps, skipping any that overlap the break. */
export function daySlots(serviceId: string, date: IsoDate, hours: DayHours, slotMinutes: number): SlotSpec[] {
  const out: SlotSpec[] = [];
  for (let t = hours.opens; t + slotMinutes <= hours.closes; t += slotMinutes) {
    const end = t + slotMinutes;
    if (hours.breakStart !== null && hours.breakEnd !== null && t < hours.breakEnd && end > hours.breakStart) continue;
    out.push({ id: slotId(serviceId, date, t), start: t, end });
  }
  return out;
}

export interface DayContext {
  serviceId: string;
  date: IsoDate;
  timeZone: string;
  now: Date;
  onlineQueue: boolean;
  rules: QueueRules;
  /** Hours for the date's weekday, or null when the office is closed that weekday. */
  hours: DayHours | null;
  closure: DayClosure | null;
  /** Bookings already taken per slot id. */
  booked: ReadonlyMap<string, number>;
}

/** When a date's online quota opens: `releaseMinutes` local time, `bookingDaysAhead` days before. */
export const releaseInstant = (date: IsoDate, rules: QueueRules, timeZone: string): Date =>
  zonedInstant(addDays(date, -rules.bookingDaysAhead), rules.releaseMinutes, timeZone);

/**
 * Whether and how a date can be booked, with its slots and what remains. Pure: the server feeds it
 * data and the clock, so the same rules answer the API and the tests.
 */
export function availabilityOf(ctx: DayContext): AvailabilityDay {
  const { rules, timeZone, now, date } = ctx;
  const today = todayIn(timeZone, now);
  const closed = (reason: DayClosedReason, note: string | null = null, opensAt: string | null = null): AvailabilityDay => ({
    date,
    status: 'closed',
    reason,
    note,
    opensAt,
    remaining: 0,
    lanes: { online: 0, walkIn: 0, priority: 0 },
    slots: [],
  });
  if (!ctx.onlineQueue) return closed('no_online_queue');
  if (daysBetween(today, date) < 0) return closed('past');
  if (ctx.closure) return closed(ctx.closure.kind === 'holiday' ? 'holiday' : ctx.closure.kind, ctx.closure.name);
  if (!ctx.hours) return closed('weekend');
  if (daysBetween(today, date) > rules.bookingDaysAhead) return closed('beyond_window');
  const release = releaseInstant(date, rules, timeZone);
  if (now < release) return closed('not_open_yet', null, toZonedIso(release, timeZone));

  const nowLocal = zonedParts(now, timeZone);
  const specs = daySlots(ctx.serviceId, date, ctx.hours, rules.slotMinutes);
  const slots = specs
    .filter((s) => date !== today || s.start - rules.cutoffMinutes > nowLocal.minutes)
    .map((s) => {
      const taken = ctx.booked.get(s.id) ?? 0;
      return {
        id: s.id,
        serviceId: ctx.serviceId,
        date,
        start: hhmm(s.start),
        end: hhmm(s.end),
        startsAt: toZonedIso(zonedInstant(date, s.start, timeZone), timeZone),
        capacity: rules.slotCapacity,
        remaining: Math.max(0, rules.slotCapacity - taken),
      };
    });
  if (slots.length === 0) return closed('past');
  const remaining = slots.reduce((n, s) => n + s.remaining, 0);
  return {
    date,
    status: remaining > 0 ? 'open' : 'full',
    reason: null,
    note: null,
    opensAt: null,
    remaining,
    lanes: { online: specs.length * rules.slotCapacity, walkIn: rules.walkInQuota, priority: rules.priorityQuota },
    slots,
  };
}

/**
 * Honest wait estimate: the tickets ahead times the recent minutes per ticket, spread over the
 * open counters, and never before the ticket's own slot starts.
 */
export function estimateWaitMinutes(ahead: number, minutesPerTicket: number, openCounters: number, minutesUntilSlot: number): number {
  const byQueue = (ahead * minutesPerTicket) / Math.max(1, openCounters);
  return Math.max(0, Math.round(Math.max(byQueue, minutesUntilSlot)));
}
