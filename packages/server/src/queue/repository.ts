/**
 * All SQL of the queue domain, with typed row mappers: services with their queue rules, hours and
 * closures; slots; bookings; the queue's day (numbers, now serving, version) and its events.
 * Every instant written comes from the caller (the injected clock), never from SQL `now()`.
 */
import { WAITING_STATUSES, weekdayOf, type DayClosure, type DayHours, type IsoDate, type QueueRules } from '@mpp-kit/core';
import type { Sql } from '../db/types.js';
import { ProblemException } from '../http/problem.js';

export interface ServiceForQueue {
  id: string;
  name: string;
  agencyId: string;
  agencyName: string;
  queueId: string;
  queuePrefix: string;
  location: string;
  /** The documents to bring (the ticket's checklist); the conditions to meet are the catalog's, for before booking. */
  requirements: string[];
  counterMinutes: number;
  onlineQueue: boolean;
  officeId: string;
  timeZone: string;
  rules: QueueRules;
}

export type BookingStatus = 'booked' | 'checked_in' | 'called' | 'served' | 'no_show' | 'cancelled';

/** A row of `bookings`, as the queue reads it. */
export interface BookingRow {
  code: string;
  status: BookingStatus;
  service_id: string;
  queue_id: string;
  slot_id: string;
  date: IsoDate;
  slot_start: number;
  number: number;
  name: string;
  nik_masked: string;
  phone_e164: string;
  /** The counter it was called to, once called. */
  counter: string | null;
  created_at: Date;
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
export const dateStr = (v: unknown): IsoDate => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const instant = (v: unknown): Date => (v instanceof Date ? v : new Date(String(v)));

const BOOKING_COLUMNS = `code, status, service_id, queue_id, slot_id, date::text as date, slot_start, number, name, nik_masked, phone_e164, counter, created_at`;

const toBooking = (r: Record<string, unknown>): BookingRow => ({
  code: String(r.code),
  status: r.status as BookingStatus,
  service_id: String(r.service_id),
  queue_id: String(r.queue_id),
  slot_id: String(r.slot_id),
  date: dateStr(r.date),
  slot_start: Number(r.slot_start),
  number: Number(r.number),
  name: String(r.name),
  nik_masked: String(r.nik_masked),
  phone_e164: String(r.phone_e164),
  counter: r.counter === null || r.counter === undefined ? null : String(r.counter),
  created_at: instant(r.created_at),
});

/** A service with its queue rules, agency, office and time zone; 404 problem when unknown. */
export async function loadService(db: Sql, id: string): Promise<ServiceForQueue> {
  const [r] = await db.query<Record<string, unknown>>(
    `select s.id, s.name, s.agency_id, a.name as agency_name, s.queue_prefix, s.location, s.requirements, s.counter_minutes, s.online_queue,
            o.id as office_id, o.time_zone, q.slot_minutes, q.slot_capacity, q.walk_in_quota, q.priority_quota, q.booking_days_ahead,
            q.release_minutes, q.cutoff_minutes
       from services s join agencies a on a.id = s.agency_id
       join offices o on o.id = a.office_id
       left join queue_rules q on q.service_id = s.id
      where s.id = $1`,
    [id],
  );
  if (!r) throw new ProblemException(404, 'service_not_found', `No service with id ${id}`);
  return {
    id: String(r.id),
    name: String(r.name),
    agencyId: String(r.agency_id),
    agencyName: String(r.agency_name),
    queuePrefix: String(r.queue_prefix),
    queueId: `${String(r.agency_id)}.${String(r.queue_prefix)}`,
    location: String(r.location),
    requirements: json<string[]>(r.requirements),
    counterMinutes: Number(r.counter_minutes),
    onlineQueue: Boolean(r.online_queue) && r.slot_capacity !== null,
    officeId: String(r.office_id),
    timeZone: String(r.time_zone),
    rules: {
      slotMinutes: Number(r.slot_minutes ?? 30),
      slotCapacity: Number(r.slot_capacity ?? 0),
      walkInQuota: Number(r.walk_in_quota ?? 0),
      priorityQuota: Number(r.priority_quota ?? 0),
      bookingDaysAhead: Number(r.booking_days_ahead ?? 14),
      releaseMinutes: Number(r.release_minutes ?? 0),
      cutoffMinutes: Number(r.cutoff_minutes ?? 30),
    },
  };
}

/** Effective opening hours per weekday: the service's own rows if it has any, else the office's. */
export async function loadHours(db: Sql, svc: ServiceForQueue): Promise<Map<number, DayHours>> {
  type H = { weekday: number; opens: number; closes: number; break_start: number | null; break_end: number | null };
  let rows = await db.query<H>(`select weekday, opens, closes, break_start, break_end from service_hours where service_id = $1`, [svc.id]);
  if (rows.length === 0)
    rows = await db.query<H>(`select weekday, opens, closes, break_start, break_end from office_hours where office_id = $1`, [
      svc.officeId,
    ]);
  return new Map(
    rows.map((r) => [
      Number(r.weekday),
      {
        opens: Number(r.opens),
        closes: Number(r.closes),
        breakStart: r.break_start === null ? null : Number(r.break_start),
        breakEnd: r.break_end === null ? null : Number(r.break_end),
      },
    ]),
  );
}

/**
 * Closures that apply to the service, by date: its own first, then its agency's, then office-wide.
 * All dates: a deployment has a few dozen a year, and the rules cache keeps them.
 */
export async function loadClosures(db: Sql, svc: ServiceForQueue): Promise<Map<IsoDate, DayClosure>> {
  const rows = await db.query<{ date: unknown; name: string; kind: DayClosure['kind'] }>(
    `select date, name, kind from holidays
      where office_id = $1 and (agency_id is null or agency_id = $2) and (service_id is null or service_id = $3)
      order by (service_id is null), (agency_id is null)`,
    [svc.officeId, svc.agencyId, svc.id],
  );
  const out = new Map<IsoDate, DayClosure>();
  for (const r of rows) {
    const d = dateStr(r.date);
    if (!out.has(d)) out.set(d, { name: r.name, kind: r.kind });
  }
  return out;
}

/** Places taken per slot id of a service between two dates. */
export async function loadBooked(db: Sql, serviceId: string, from: IsoDate, to: IsoDate): Promise<Map<string, number>> {
  const rows = await db.query<{ id: string; booked: number }>(
    `select id, booked from slots where service_id = $1 and date between $2::date and $3::date`,
    [serviceId, from, to],
  );
  return new Map(rows.map((r) => [r.id, Number(r.booked)]));
}

export const hoursFor = (hours: Map<number, DayHours>, date: IsoDate) => hours.get(weekdayOf(date)) ?? null;

/** The current rules version (bumped by triggers on every change of what decides bookability). */
export async function rulesVersion(db: Sql): Promise<number> {
  const [r] = await db.query<{ v: number | string }>(`select v from rules_version where id = 1`);
  return Number(r!.v);
}

export async function findBooking(db: Sql, code: string, forUpdate = false): Promise<BookingRow> {
  const [r] = await db.query<Record<string, unknown>>(
    `select ${BOOKING_COLUMNS} from bookings where code = $1${forUpdate ? ' for update' : ''}`,
    [code],
  );
  if (!r) throw new ProblemException(404, 'booking_not_found', 'No booking with this code');
  return toBooking(r);
}

/** The answer kept for an Idempotency-Key stored before migration 003. */
export async function storedResponse(db: Sql, key: string): Promise<object | null> {
  const [k] = await db.query<{ response: unknown }>(`select response from idempotency_keys where key = $1`, [key]);
  return k ? json<object>(k.response) : null;
}

export async function cancelBooking(tx: Sql, b: BookingRow, now: Date): Promise<BookingRow> {
  const [r] = await tx.query<Record<string, unknown>>(
    `update bookings set status = 'cancelled', cancelled_at = $2::timestamptz where code = $1 returning ${BOOKING_COLUMNS}`,
    [b.code, now.toISOString()],
  );
  await freeSlot(tx, b.slot_id);
  return toBooking(r!);
}

export const freeSlot = (tx: Sql, slotId: string) => tx.query(`update slots set booked = booked - 1 where id = $1`, [slotId]);

/** Takes one place in a slot through `mpp_take_slot` (migration 003): false when it is full. */
export async function takeSlot(
  tx: Sql,
  s: { slotId: string; serviceId: string; date: string; start: number; end: number; capacity: number },
): Promise<boolean> {
  const [r] = await tx.query<{ ok: boolean }>(`select mpp_take_slot($1, $2, $3::date, $4, $5, $6) as ok`, [
    s.slotId,
    s.serviceId,
    s.date,
    s.start,
    s.end,
    s.capacity,
  ]);
  return Boolean(r?.ok);
}

/** Next number of a queue's day, through `mpp_next_number` (migration 003), as a booking takes it. */
export async function nextNumber(tx: Sql, queueId: string, date: string): Promise<number> {
  const [r] = await tx.query<{ n: number }>(`select mpp_next_number($1, $2::date, 0) as n`, [queueId, date]);
  return Number(r!.n);
}

/** Moves a booking to another slot (the unique index may refuse it: one ticket per NIK a day). */
export async function moveBooking(
  tx: Sql,
  code: string,
  to: { slotId: string; date: string; start: number; number: number },
): Promise<BookingRow> {
  const [r] = await tx.query<Record<string, unknown>>(
    `update bookings set slot_id = $2, date = $3::date, slot_start = $4, number = $5 where code = $1 returning ${BOOKING_COLUMNS}`,
    [code, to.slotId, to.date, to.start, to.number],
  );
  return toBooking(r!);
}

/** Records a queue change; returns the event id (the queue's new version). */
export async function queueEvent(tx: Sql, queueId: string, date: string, type: string, now: Date): Promise<number> {
  const [e] = await tx.query<{ id: number }>(
    `insert into queue_events (queue_id, date, type, created_at) values ($1, $2::date, $3, $4::timestamptz) returning id`,
    [queueId, date, type, now.toISOString()],
  );
  const id = Number(e!.id);
  await tx.query(
    `insert into queue_days (queue_id, date, version) values ($1, $2::date, $3) on conflict (queue_id, date) do update set version = greatest(queue_days.version, $3)`,
    [queueId, date, id],
  );
  return id;
}

/** The version of a queue's day (0 before its first event). */
export async function queueVersion(db: Sql, queueId: string, date: string): Promise<number> {
  const [v] = await db.query<{ version: number }>(`select version from queue_days where queue_id = $1 and date = $2::date`, [
    queueId,
    date,
  ]);
  return Number(v?.version ?? 0);
}

export interface QueueFacts {
  nowServingNumber: number;
  nowServingCounter: string | null;
  version: number;
  waitingNumbers: number[];
  /** Mean minutes at the counter over the last 20 served tickets, if any. */
  paceMinutes: number | null;
  /** Counters that called a ticket in the last two hours. */
  counters: number;
  /** The services' standard minutes at the counter, averaged, and the office's zone. */
  standardMinutes: number | null;
  timeZone: string | null;
}

/** What the public state of a queue's day is computed from (numbers only, never names). */
export async function queueFacts(db: Sql, queueId: string, date: string, now: Date): Promise<QueueFacts> {
  const [agencyId, prefix] = queueId.split('.') as [string, string];
  const [[day], rows, [pace], [counters], [std], [last]] = await Promise.all([
    db.query<{ now_serving_number: number; version: number }>(
      `select now_serving_number, version from queue_days where queue_id = $1 and date = $2::date`,
      [queueId, date],
    ),
    db.query<{ number: number }>(
      `select number from bookings where queue_id = $1 and date = $2::date and status = any($3::text[]) order by slot_start, number`,
      [queueId, date, [...WAITING_STATUSES]],
    ),
    db.query<{ m: number | null }>(
      `select avg(extract(epoch from (served_at - called_at)) / 60)::float8 as m from (
         select served_at, called_at from bookings where queue_id = $1 and served_at is not null and called_at is not null order by served_at desc limit 20) t`,
      [queueId],
    ),
    db.query<{ n: number }>(
      `select count(distinct counter)::int as n from bookings where queue_id = $1 and date = $2::date and counter is not null and called_at > $3::timestamptz - interval '2 hours'`,
      [queueId, date, now.toISOString()],
    ),
    db.query<{ m: number | null; tz: string | null }>(
      `select avg(s.counter_minutes)::float8 as m, max(o.time_zone) as tz from services s join agencies a on a.id = s.agency_id left join offices o on o.id = a.office_id
        where s.agency_id = $1 and s.queue_prefix = $2`,
      [agencyId, prefix],
    ),
    db.query<{ counter: string | null }>(
      `select counter from bookings where queue_id = $1 and date = $2::date and called_at is not null order by called_at desc, number desc limit 1`,
      [queueId, date],
    ),
  ]);
  return {
    nowServingNumber: Number(day?.now_serving_number ?? 0),
    nowServingCounter: last?.counter ?? null,
    version: Number(day?.version ?? 0),
    waitingNumbers: rows.map((w) => Number(w.number)),
    paceMinutes: pace?.m ?? null,
    counters: Number(counters?.n ?? 0),
    standardMinutes: std?.m ?? null,
    timeZone: std?.tz ?? null,
  };
}

/** The time zone of a queue's office; 404 problem for an unknown queue. */
export async function queueZone(db: Sql, queueId: string): Promise<string> {
  const [agencyId, prefix] = queueId.split('.');
  const [r] = await db.query<{ tz: string }>(
    `select o.time_zone as tz from services s join agencies a on a.id = s.agency_id join offices o on o.id = a.office_id where s.agency_id = $1 and s.queue_prefix = $2 limit 1`,
    [agencyId, prefix],
  );
  if (!r) throw new ProblemException(404, 'queue_not_found', `No queue ${queueId}`);
  return r.tz;
}

/**
 * The active ticket a NIK (as its hash) holds for a service on a date, if any: what a
 * `duplicate_booking` refusal points to (one-per-NIK is `bookings_one_per_nik`, status not cancelled).
 */
export async function findActiveByNik(db: Sql, serviceId: string, date: IsoDate, nikHash: string): Promise<BookingRow | null> {
  const [r] = await db.query<Record<string, unknown>>(
    `select ${BOOKING_COLUMNS} from bookings where service_id = $1 and date = $2::date and nik_hash = $3 and status <> 'cancelled' limit 1`,
    [serviceId, date, nikHash],
  );
  return r ? toBooking(r) : null;
}
