/**
 * The queue's rules on the server side: what a date and a slot of a service look like now, the
 * problems a booking can meet, and how rows become the contract's Ticket, QueueState and
 * TicketPosition. The rules themselves (slots, windows, wait estimates, waiting statuses) are
 * core's; this file applies them to what the repository loaded.
 */
import {
  addDays,
  availabilityOf,
  daySlots,
  daysBetween,
  estimateWaitMinutes,
  hhmm,
  isIsoDate,
  maskPhone,
  parseSlotId,
  todayIn,
  toZonedIso,
  zonedInstant,
  zonedParts,
  type Availability,
  type AvailabilityDay,
  type QrCode,
  type QueueState,
  type Ticket,
  type TicketPosition,
} from '@mpp-kit/core';
import { ProblemException } from '../http/problem.js';
import { hoursFor, type BookingRow, type QueueFacts, type ServiceForQueue } from './repository.js';
import type { ServiceRules } from './rules-cache.js';

const NOTHING_BOOKED: ReadonlyMap<string, number> = new Map();

/** A date of a service as the rules see it now, with the places taken in each slot. */
export const dayOf = ({ svc, hours, closures }: ServiceRules, date: string, now: Date, booked = NOTHING_BOOKED): AvailabilityDay =>
  availabilityOf({
    serviceId: svc.id,
    date,
    timeZone: svc.timeZone,
    now,
    onlineQueue: svc.onlineQueue,
    rules: svc.rules,
    hours: hoursFor(hours, date),
    closure: closures.get(date) ?? null,
    booked,
  });

/** Availability of a service over `days` dates from `start`. */
export function availability(
  rules: ServiceRules,
  now: Date,
  start: string,
  days: number,
  booked: ReadonlyMap<string, number>,
): Availability {
  const { svc } = rules;
  const end = addDays(start, days - 1);
  const out: Availability['days'] = [];
  for (let d = start; daysBetween(d, end) >= 0; d = addDays(d, 1)) out.push(dayOf(rules, d, now, booked));
  return { serviceId: svc.id, timeZone: svc.timeZone, today: todayIn(svc.timeZone, now), days: out };
}

const DATE_PROBLEM = {
  past: [422, 'date_past'],
  holiday: [422, 'date_closed'],
  cuti_bersama: [422, 'date_closed'],
  closure: [422, 'date_closed'],
  weekend: [422, 'date_closed'],
  not_open_yet: [422, 'date_not_open_yet'],
  beyond_window: [422, 'date_beyond_window'],
  no_online_queue: [422, 'no_online_queue'],
} as const;

export const slotNotFound = () =>
  new ProblemException(404, 'slot_not_found', 'No such slot for this service', [{ path: 'slotId', code: 'slot_not_found' }]);
export const slotFull = () => new ProblemException(409, 'slot_full', 'The slot is full', [{ path: 'slotId', code: 'slot_full' }]);
export const duplicateBooking = () =>
  new ProblemException(409, 'duplicate_booking', 'One ticket per NIK per service per day', [{ path: 'nik', code: 'duplicate_booking' }]);

export interface CheckedSlot {
  date: string;
  start: number;
  end: number;
}

/**
 * Checks that a slot id is bookable now by the rules and the clock; returns its parts. Capacity is
 * not looked at here: the database decides it atomically when the place is taken. `openDay` gives
 * the date's slots ignoring capacity (memoised on the booking path).
 */
export function checkSlot(rules: ServiceRules, slotId: string, now: Date, openDay: (date: string) => AvailabilityDay): CheckedSlot {
  const p = parseSlotId(slotId);
  if (!p || p.serviceId !== rules.svc.id || !isIsoDate(p.date)) throw slotNotFound();
  const day = openDay(p.date);
  if (day.status === 'closed') {
    const [status, code] = DATE_PROBLEM[day.reason ?? 'past'];
    throw new ProblemException(status, code, day.note ?? undefined, [{ path: 'slotId', code }]);
  }
  const hours = hoursFor(rules.hours, p.date);
  const spec = hours ? daySlots(rules.svc.id, p.date, hours, rules.svc.rules.slotMinutes).find((s) => s.id === slotId) : undefined;
  if (!spec) throw slotNotFound();
  if (!day.slots.some((s) => s.id === slotId))
    throw new ProblemException(422, 'date_past', 'This slot can no longer be booked', [{ path: 'slotId', code: 'date_past' }]);
  return { date: p.date, start: spec.start, end: spec.end };
}

/** `B-007`: a queue's prefix and a number. */
export const label = (prefix: string, n: number) => `${prefix}-${String(n).padStart(3, '0')}`;

/** What a ticket shows; `qr` draws (or finds) the QR code of its booking code. */
export function toTicket(r: BookingRow, svc: ServiceForQueue, qr: (code: string) => QrCode): Ticket {
  const start = r.slot_start;
  return {
    code: r.code,
    status: r.status as Ticket['status'],
    serviceId: svc.id,
    serviceName: svc.name,
    agencyId: svc.agencyId,
    agencyName: svc.agencyName,
    queueNumber: label(svc.queuePrefix, r.number),
    queueId: r.queue_id,
    number: r.number,
    date: r.date,
    slot: {
      id: r.slot_id,
      start: hhmm(start),
      end: hhmm(start + svc.rules.slotMinutes),
      startsAt: toZonedIso(zonedInstant(r.date, start, svc.timeZone), svc.timeZone),
    },
    location: svc.location,
    requirements: svc.requirements,
    name: r.name,
    nikMasked: r.nik_masked,
    phoneMasked: maskPhone(r.phone_e164),
    createdAt: toZonedIso(r.created_at, svc.timeZone),
    timeZone: svc.timeZone,
    qr: qr(r.code),
  };
}

/** The public state of a queue's day (numbers only, never names or identities). */
export function queueStateOf(queueId: string, date: string, now: Date, f: QueueFacts): QueueState {
  const prefix = queueId.split('.')[1]!;
  return {
    queueId,
    date,
    nowServing: f.nowServingNumber > 0 ? label(prefix, f.nowServingNumber) : null,
    nowServingNumber: f.nowServingNumber,
    nowServingCounter: f.nowServingNumber > 0 ? f.nowServingCounter : null,
    waiting: f.waitingNumbers.length,
    waitingNumbers: f.waitingNumbers,
    minutesPerTicket: Math.round((f.paceMinutes ?? f.standardMinutes ?? 10) * 10) / 10,
    openCounters: Math.max(1, f.counters),
    version: f.version,
    updatedAt: toZonedIso(now, f.timeZone ?? 'Asia/Jakarta'),
  };
}

/** Where a ticket stands in its queue, and the wait to expect; which ticket it is, never whose. */
export function positionOf(
  row: BookingRow,
  queue: QueueState,
  svc: ServiceForQueue,
  now: Date,
  isWaiting: (status: string) => boolean,
  qr: (code: string) => QrCode,
): TicketPosition {
  const waiting = isWaiting(row.status);
  const ahead = waiting ? Math.max(0, queue.waitingNumbers.indexOf(row.number)) : 0;
  const nowLocal = zonedParts(now, svc.timeZone);
  const untilSlot = row.date === nowLocal.date ? row.slot_start - nowLocal.minutes : daysBetween(nowLocal.date, row.date) > 0 ? 24 * 60 : 0;
  return {
    code: row.code,
    status: row.status as TicketPosition['status'],
    queueNumber: label(svc.queuePrefix, row.number),
    serviceId: svc.id,
    serviceName: svc.name,
    agencyName: svc.agencyName,
    date: row.date,
    slot: {
      id: row.slot_id,
      start: hhmm(row.slot_start),
      end: hhmm(row.slot_start + svc.rules.slotMinutes),
      startsAt: toZonedIso(zonedInstant(row.date, row.slot_start, svc.timeZone), svc.timeZone),
    },
    location: svc.location,
    timeZone: svc.timeZone,
    counter: row.status === 'called' || row.status === 'served' ? row.counter : null,
    number: row.number,
    slotStartsAt: toZonedIso(zonedInstant(row.date, row.slot_start, svc.timeZone), svc.timeZone),
    queue,
    ahead,
    estimatedWaitMinutes: waiting ? estimateWaitMinutes(ahead, queue.minutesPerTicket, queue.openCounters, Math.max(0, untilSlot)) : null,
    qr: qr(row.code),
  };
}
