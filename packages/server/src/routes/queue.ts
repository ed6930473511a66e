import { Hono } from 'hono';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import {
  AvailabilityQuery,
  BookingRequest,
  CallNextRequest,
  CodeParam,
  QueueIdParam,
  RescheduleRequest,
  ROUTES,
  ServiceIdParam,
  TicketLookup,
  addDays,
  availabilityOf,
  daysBetween,
  hhmm,
  isIsoDate,
  maskNik,
  maskPhone,
  normalizePhone,
  checkIdentity,
  parseSlotId,
  todayIn,
  toZonedIso,
  zonedInstant,
  daySlots,
  type Availability,
  type AvailabilityDay,
  type QueueState,
  type Ticket,
  type TicketPosition,
  estimateWaitMinutes,
  zonedParts,
  HolidayIdParam,
  HolidayQuery,
  HolidayRequest,
  type Holiday,
} from '@mpp-kit/core';
import * as z from 'zod/mini';
import { honoPath, validate, type Env } from '../app.js';
import { isUniqueViolation } from '../db/errors.js';
import type { Sql } from '../db/types.js';
import { ProblemException } from '../problem.js';
import { busKey } from '../queue/bus.js';
import { dateStr, hoursFor, loadBooked, type ServiceForQueue } from '../queue/data.js';
import { coalescerOf } from '../queue/coalesce.js';
import { RulesCache, type ServiceRules } from '../queue/rules-cache.js';
import { nikHash, sha256 } from '../queue/secret.js';
import { nextBookingCode, qrOf, returnBookingCode } from '../queue/qr.js';

type Row = Record<string, unknown>;
const ACTIVE = `('booked', 'checked_in')`;

/** Availability of a service over `days` dates from `from` (default today in the office's zone). */
async function availability(db: Sql, rules: ServiceRules, now: Date, from?: string, days = 14): Promise<Availability> {
  const { svc } = rules;
  const today = todayIn(svc.timeZone, now);
  const start = from ?? today;
  const end = addDays(start, days - 1);
  const booked = await loadBooked(db, svc.id, start, end);
  const out: Availability['days'] = [];
  for (let d = start; daysBetween(d, end) >= 0; d = addDays(d, 1)) out.push(dayOf(rules, d, now, booked));
  return { serviceId: svc.id, timeZone: svc.timeZone, today, days: out };
}

const NOTHING_BOOKED: ReadonlyMap<string, number> = new Map();
const FULL_SLOT_MEMO_MS = 1000;

/**
 * The bookable slots of a date ignoring capacity, per rules version and clock minute: every rule
 * that depends on the clock (past, release time, cutoff) moves in whole minutes, and a burst of
 * bookings asks the same question thousands of times a minute.
 */
const openDays = new WeakMap<ServiceRules, Map<string, AvailabilityDay>>();
function openDayOf(rules: ServiceRules, date: string, now: Date): AvailabilityDay {
  let days = openDays.get(rules);
  if (!days) openDays.set(rules, (days = new Map()));
  const key = `${date}|${Math.floor(now.getTime() / 60_000)}`;
  let day = days.get(key);
  if (!day) {
    if (days.size > 256) days.clear();
    days.set(key, (day = dayOf(rules, date, now)));
  }
  return day;
}

const dayOf = ({ svc, hours, closures }: ServiceRules, date: string, now: Date, booked = NOTHING_BOOKED) =>
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

const slotNotFound = () =>
  new ProblemException(404, 'slot_not_found', 'No such slot for this service', [{ path: 'slotId', code: 'slot_not_found' }]);
const slotFull = () => new ProblemException(409, 'slot_full', 'The slot is full', [{ path: 'slotId', code: 'slot_full' }]);
const duplicateBooking = () =>
  new ProblemException(409, 'duplicate_booking', 'One ticket per NIK per service per day', [{ path: 'nik', code: 'duplicate_booking' }]);

/**
 * Checks that a slot id is bookable now by the rules and the clock; returns its parts. Capacity is
 * not looked at here: the database decides it atomically when the place is taken.
 */
function checkSlot(rules: ServiceRules, slotId: string, now: Date) {
  const p = parseSlotId(slotId);
  if (!p || p.serviceId !== rules.svc.id || !isIsoDate(p.date)) throw slotNotFound();
  const day = openDayOf(rules, p.date, now);
  if (day.status === 'closed') {
    const [status, code] = DATE_PROBLEM[day.reason ?? 'past'];
    throw new ProblemException(status, code, day.note ?? undefined, [{ path: 'slotId', code }]);
  }
  const spec = daySlots(rules.svc.id, p.date, hoursFor(rules.hours, p.date)!, rules.svc.rules.slotMinutes).find((s) => s.id === slotId);
  if (!spec) throw slotNotFound();
  if (!day.slots.some((s) => s.id === slotId))
    throw new ProblemException(422, 'date_past', 'This slot can no longer be booked', [{ path: 'slotId', code: 'date_past' }]);
  return { date: p.date, start: spec.start, end: spec.end };
}

/** Takes one place in a slot through `mpp_take_slot` (migration 003), the one place capacity is enforced. */
async function takeSlot(tx: Sql, svc: ServiceForQueue, slotId: string, date: string, start: number, end: number) {
  const [r] = await tx.query<{ ok: boolean }>(`select mpp_take_slot($1, $2, $3::date, $4, $5, $6) as ok`, [
    slotId,
    svc.id,
    date,
    start,
    end,
    svc.rules.slotCapacity,
  ]);
  if (!r?.ok) throw slotFull();
}

/** Next number of a queue's day, through `mpp_next_number` (migration 003), as a booking takes it. */
async function nextNumber(tx: Sql, queueId: string, date: string): Promise<number> {
  const [r] = await tx.query<{ n: number }>(`select mpp_next_number($1, $2::date, 0) as n`, [queueId, date]);
  return Number(r!.n);
}

/** Records a queue change; returns the event id (the queue's new version). */
export async function queueEvent(tx: Sql, queueId: string, date: string, type: string): Promise<number> {
  const [e] = await tx.query<{ id: number }>(`insert into queue_events (queue_id, date, type) values ($1, $2::date, $3) returning id`, [
    queueId,
    date,
    type,
  ]);
  const id = Number(e!.id);
  await tx.query(
    `insert into queue_days (queue_id, date, version) values ($1, $2::date, $3) on conflict (queue_id, date) do update set version = greatest(queue_days.version, $3)`,
    [queueId, date, id],
  );
  return id;
}

const label = (prefix: string, n: number) => `${prefix}-${String(n).padStart(3, '0')}`;

function toTicket(r: Row, svc: ServiceForQueue): Ticket {
  const date = dateStr(r.date);
  const start = Number(r.slot_start);
  return {
    code: r.code as string,
    status: r.status as Ticket['status'],
    serviceId: svc.id,
    serviceName: svc.name,
    agencyId: svc.agencyId,
    agencyName: svc.agencyName,
    queueNumber: label(svc.queuePrefix, Number(r.number)),
    queueId: r.queue_id as string,
    number: Number(r.number),
    date,
    slot: {
      id: r.slot_id as string,
      start: hhmm(start),
      end: hhmm(start + svc.rules.slotMinutes),
      startsAt: toZonedIso(zonedInstant(date, start, svc.timeZone), svc.timeZone),
    },
    location: svc.location,
    requirements: svc.requirements,
    name: r.name as string,
    nikMasked: r.nik_masked as string,
    phoneMasked: maskPhone(r.phone_e164 as string),
    createdAt: toZonedIso(r.created_at instanceof Date ? r.created_at : new Date(String(r.created_at)), svc.timeZone),
    timeZone: svc.timeZone,
    qr: qrOf(r.code as string),
  };
}

/** The live state of a queue on a day (public: numbers only, never names or identities). */
export async function queueState(db: Sql, queueId: string, date: string, now: Date): Promise<QueueState> {
  const [agencyId, prefix] = queueId.split('.') as [string, string];
  const [[day], waiting, [pace], [counters], [std]] = await Promise.all([
    db.query<Row>(`select now_serving_number, version from queue_days where queue_id = $1 and date = $2::date`, [queueId, date]),
    db.query<{ number: number }>(
      `select number from bookings where queue_id = $1 and date = $2::date and status in ${ACTIVE} order by slot_start, number`,
      [queueId, date],
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
  ]);
  const n = Number(day?.now_serving_number ?? 0);
  return {
    queueId,
    date,
    nowServing: n > 0 ? label(prefix, n) : null,
    nowServingNumber: n,
    waiting: waiting.length,
    waitingNumbers: waiting.map((w) => Number(w.number)),
    minutesPerTicket: Math.round((pace?.m ?? std?.m ?? 10) * 10) / 10,
    openCounters: Math.max(1, Number(counters?.n ?? 0)),
    version: Number(day?.version ?? 0),
    updatedAt: toZonedIso(now, std?.tz ?? 'Asia/Jakarta'),
  };
}

async function findBooking(db: Sql, code: string, forUpdate = false): Promise<Row> {
  const [r] = await db.query<Row>(`select * from bookings where code = $1${forUpdate ? ' for update' : ''}`, [code]);
  if (!r) throw new ProblemException(404, 'booking_not_found', 'No booking with this code');
  return r;
}

/** Wrong phone numbers in a row before a booking code is locked, and for how long. */
const LOOKUP_ATTEMPTS = 5;
const LOOKUP_LOCK_MINUTES = 15;

/**
 * Checks the phone number of a booking, counting wrong ones: after LOOKUP_ATTEMPTS in a row the
 * code answers 429 for LOOKUP_LOCK_MINUTES (whatever the phone), so a known code cannot be used to
 * guess the number it was booked with. Runs outside any transaction, so a failure is always counted.
 */
async function verifyPhone(db: Sql, r: Row, phone: string, now: Date): Promise<void> {
  const lockedUntil = r.lookup_locked_until ? new Date(r.lookup_locked_until as string | Date) : null;
  if (lockedUntil && lockedUntil > now)
    throw new ProblemException(429, 'rate_limited', 'Too many wrong phone numbers for this code; try again later', undefined, {
      'retry-after': String(Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000)),
    });
  const p = normalizePhone(phone);
  if (!p.ok || p.e164 !== r.phone_e164) {
    await db.query(
      `update bookings
          set lookup_locked_until = case when lookup_failures + 1 >= $2 then $3::timestamptz else lookup_locked_until end,
              lookup_failures = case when lookup_failures + 1 >= $2 then 0 else lookup_failures + 1 end
        where code = $1`,
      [r.code, LOOKUP_ATTEMPTS, new Date(now.getTime() + LOOKUP_LOCK_MINUTES * 60_000).toISOString()],
    );
    throw new ProblemException(403, 'phone_mismatch', 'The phone number does not match this booking', [
      { path: 'phone', code: 'phone_mismatch' },
    ]);
  }
  if (Number(r.lookup_failures ?? 0) > 0) await db.query(`update bookings set lookup_failures = 0 where code = $1`, [r.code]);
}

/** Runs `fn` once per Idempotency-Key: a retry with the same key and body gets the first answer. */
async function idempotent(
  c: Context<Env>,
  scope: string,
  body: unknown,
  fn: (tx: Sql) => Promise<{ status: 200 | 201; body: unknown; after?: () => void }>,
) {
  const { db } = c.get('deps');
  const key = c.req.header('idempotency-key')?.trim();
  if (key && key.length > 200) throw new ProblemException(400, 'bad_request', 'Idempotency-Key is too long');
  const hash = sha256(JSON.stringify(body));
  let after: (() => void) | undefined;
  const result = await db.transaction(async (tx) => {
    if (key) {
      const fresh = await tx.query(
        `insert into idempotency_keys (key, scope, request_hash) values ($1, $2, $3) on conflict (key) do nothing returning key`,
        [`${scope}:${key}`, scope, hash],
      );
      if (fresh.length === 0) {
        const [prev] = await tx.query<Row>(`select request_hash, status, response from idempotency_keys where key = $1`, [
          `${scope}:${key}`,
        ]);
        if (prev?.request_hash !== hash)
          throw new ProblemException(422, 'idempotency_key_reused', 'This Idempotency-Key was used with another body');
        const response = typeof prev.response === 'string' ? JSON.parse(prev.response) : prev.response;
        return { status: Number(prev.status) as 200 | 201, body: response, replay: true };
      }
    }
    const r = await fn(tx);
    after = r.after;
    if (key)
      await tx.query(`update idempotency_keys set status = $2, response = $3::jsonb where key = $1`, [
        `${scope}:${key}`,
        r.status,
        JSON.stringify(r.body),
      ]);
    return { ...r, replay: false };
  });
  after?.();
  return c.json(result.body as object, result.status, result.replay ? { 'idempotent-replayed': 'true' } : {});
}

export function queueRoutes(): Hono<Env> {
  const r = new Hono<Env>();

  /**
   * One state computation per queue version, shared by every SSE stream of this app watching it:
   * an event names its version, so 2,000 watchers cost one set of queries, not 2,000.
   */
  const stateCache = new Map<string, Promise<QueueState>>();
  const rules = new RulesCache();
  /**
   * Slots the database answered `slot_full` for, until when that answer is reused. When a quota
   * opens, thousands of citizens press "book" on the same few slots; once a slot is full, every
   * further attempt would cost a database round trip to learn the same thing. A place freed by a
   * cancellation in this instance clears the memo at once; one freed through another instance is
   * offered again after at most FULL_SLOT_MEMO_MS (availability shows it at once).
   */
  const fullSlots = new Map<string, number>();
  const sharedState = async (db: Sql, queueId: string, date: string, now: Date, version: number | null): Promise<QueueState> => {
    if (version === null) {
      const [v] = await db.query<{ version: number }>(`select version from queue_days where queue_id = $1 and date = $2::date`, [
        queueId,
        date,
      ]);
      version = Number(v?.version ?? 0);
    }
    const key = `${queueId}|${date}|${version}`;
    let p = stateCache.get(key);
    if (!p) {
      p = queueState(db, queueId, date, now);
      stateCache.set(key, p);
      p.catch(() => stateCache.delete(key));
      if (stateCache.size > 500) stateCache.delete(stateCache.keys().next().value!);
    }
    return p;
  };

  r.get(honoPath(ROUTES.getAvailability.path), async (c) => {
    const { id } = validate(ServiceIdParam, c.req.param());
    const q = validate(AvailabilityQuery, c.req.query());
    const { db, clock } = c.get('deps');
    return c.json(await availability(db, await rules.get(db, id), clock.now(), q.from, q.days ?? 14));
  });

  /**
   * The booking path: the identity and the rules are checked here, against rules cached per
   * version; the places, the one-ticket-per-NIK rule, the numbering and the Idempotency-Key are
   * decided in the database by `mpp_book_batch` (migration 005), one statement for the attempts
   * that arrive together (`BookingCoalescer`).
   */
  r.post(honoPath(ROUTES.createBooking.path), async (c) => {
    const body = validate(BookingRequest, c.get('body'));
    const { db, clock, config, bus } = c.get('deps');
    const now = clock.now();
    const rawKey = c.req.header('idempotency-key')?.trim();
    if (rawKey && rawKey.length > 200) throw new ProblemException(400, 'bad_request', 'Idempotency-Key is too long');
    const key = rawKey ? `booking:${rawKey}` : null;
    let current = await rules.get(db, body.serviceId, false);
    // Hashed only when needed: a refusal by the full-slot memo without a stored attempt never is.
    let hashed: string | null = null;
    const requestHash = () => (hashed ??= sha256(JSON.stringify(body)));
    let checked: { nik: string; e164: string; email: string | null; nikHash: string } | null = null;
    const identity = () => {
      if (checked) return checked;
      const r = checkIdentity(body, todayIn(current.svc.timeZone, now));
      if (!r.ok) {
        const errors = Object.entries(r.errors).map(([path, code]) => ({ path, code: code! }));
        throw new ProblemException(422, errors[0]!.code as never, 'Some fields are invalid', errors);
      }
      return (checked = { nik: r.nik.nik, e164: r.e164, email: r.email, nikHash: nikHash(config.secret, r.nik.nik) });
    };
    const name = body.name.trim();

    /** Answers a retry of a stored attempt with what it did, whatever the slot looks like now. */
    const replay = async (prev: { code: string | null; hash: string | null }) => {
      if (prev.hash !== requestHash())
        throw new ProblemException(422, 'idempotency_key_reused', 'This Idempotency-Key was used with another body');
      if (!prev.code) {
        // Stored before migration 003: the answer itself was kept.
        const [k] = await db.query<Row>(`select response from idempotency_keys where key = $1`, [key]);
        const response = typeof k?.response === 'string' ? (JSON.parse(k.response) as object) : (k?.response as object);
        return c.json(response, 201, { 'idempotent-replayed': 'true' });
      }
      const row = await findBooking(db, prev.code);
      return c.json(toTicket(row, (await rules.get(db, row.service_id as string)).svc), 201, { 'idempotent-replayed': 'true' });
    };
    const coalescer = coalescerOf(db);
    const storedAttempt = () => (key ? coalescer.keys.get(key) : null);

    let verified = false;
    for (let attempt = 0; ; attempt++) {
      const { svc } = current;
      // A slot the database just called full is refused without asking it again (see fullSlots),
      // and before the identity is checked: the cheapest refusal when a quota opens and thousands
      // press "book" at once. (The SDK checks the identity in the browser before it sends.)
      const memoFull = (fullSlots.get(body.slotId) ?? 0) > Date.now();
      if (!memoFull) identity();
      let slot: ReturnType<typeof checkSlot>;
      try {
        slot = checkSlot(current, body.slotId, now);
      } catch (e) {
        if (!(e instanceof ProblemException)) throw e;
        // Refuse by the current rules only: cached ones may be older than a reopening.
        if (!verified) {
          current = await rules.get(db, body.serviceId);
          verified = true;
          continue;
        }
        const prev = await storedAttempt();
        if (prev) return replay(prev);
        throw e;
      }
      if (memoFull) {
        const prev = await storedAttempt();
        if (prev) return replay(prev);
        throw slotFull();
      }
      const { nik, e164, email, nikHash: nikHashed } = identity();
      const code = nextBookingCode();
      let out: Row;
      try {
        out = await coalescer.bookings.book({
          key,
          hash: requestHash(),
          version: current.version,
          code,
          service: svc.id,
          queue: svc.queueId,
          slot: body.slotId,
          date: slot.date,
          start: slot.start,
          end: slot.end,
          capacity: svc.rules.slotCapacity,
          name,
          nikHash: nikHashed,
          nikMasked: maskNik(nik),
          phone: e164,
          email,
        });
      } catch (e) {
        // A concurrent twin won: the same key (replay it) or the same NIK that day. (On any other
        // error the code is not given back: the booking may have been stored before the error.)
        if (!isUniqueViolation(e)) throw e;
        returnBookingCode(code);
        const prev = await storedAttempt();
        if (prev) return replay(prev);
        throw duplicateBooking();
      }
      if (out.outcome !== 'created') returnBookingCode(code);
      switch (out.outcome) {
        case 'created': {
          const eventId = Number(out.event_id);
          bus.publish(busKey(svc.queueId, slot.date), eventId);
          const row: Row = {
            code,
            status: 'booked',
            date: slot.date,
            slot_start: slot.start,
            slot_id: body.slotId,
            queue_id: svc.queueId,
            number: out.number,
            name,
            nik_masked: maskNik(nik),
            phone_e164: e164,
            created_at: out.created_at,
          };
          return c.json(toTicket(row, svc), 201);
        }
        case 'replay':
          return replay({ code: out.replay_code as string | null, hash: out.replay_hash as string | null });
        case 'duplicate':
          throw duplicateBooking();
        case 'slot_full':
          if (fullSlots.size > 10_000) for (const [id, until] of fullSlots) if (until <= Date.now()) fullSlots.delete(id);
          fullSlots.set(body.slotId, Date.now() + FULL_SLOT_MEMO_MS);
          throw slotFull();
        case 'stale':
          // The rules changed since they were cached: check again with the current ones.
          if (attempt >= 5) throw new Error('rules kept changing during a booking');
          current = await rules.get(db, body.serviceId);
          verified = true;
          continue;
        default:
          throw new Error(`mpp_book_batch: unexpected outcome ${String(out.outcome)}`);
      }
    }
  });

  r.post(honoPath(ROUTES.lookupBooking.path), async (c) => {
    const { code } = validate(CodeParam, c.req.param());
    const body = validate(TicketLookup, c.get('body'));
    const { db, clock } = c.get('deps');
    const row = await findBooking(db, code);
    await verifyPhone(db, row, body.phone, clock.now());
    return c.json(toTicket(row, (await rules.get(db, row.service_id as string)).svc));
  });

  r.post(honoPath(ROUTES.cancelBooking.path), async (c) => {
    const { code } = validate(CodeParam, c.req.param());
    const body = validate(TicketLookup, c.get('body'));
    const { db, bus, clock } = c.get('deps');
    await verifyPhone(db, await findBooking(db, code), body.phone, clock.now());
    let publish: (() => void) | null = null;
    const ticket = await db.transaction(async (tx) => {
      const row = await findBooking(tx, code, true);
      const { svc } = await rules.get(tx, row.service_id as string);
      if (row.status === 'cancelled') return toTicket(row, svc);
      if (!['booked', 'checked_in'].includes(row.status as string))
        throw new ProblemException(409, 'booking_not_changeable', 'This ticket was already called or served');
      const [updated] = await tx.query<Row>(`update bookings set status = 'cancelled', cancelled_at = now() where code = $1 returning *`, [
        code,
      ]);
      await tx.query(`update slots set booked = booked - 1 where id = $1`, [row.slot_id]);
      fullSlots.delete(row.slot_id as string);
      const date = dateStr(row.date);
      const eventId = await queueEvent(tx, row.queue_id as string, date, 'cancelled');
      publish = () => bus.publish(busKey(row.queue_id as string, date), eventId);
      return toTicket(updated!, svc);
    });
    (publish as (() => void) | null)?.();
    return c.json(ticket);
  });

  r.post(honoPath(ROUTES.rescheduleBooking.path), async (c) => {
    const { code } = validate(CodeParam, c.req.param());
    const body = validate(RescheduleRequest, c.get('body'));
    const { db, clock, bus } = c.get('deps');
    const now = clock.now();
    const current = await findBooking(db, code);
    await verifyPhone(db, current, body.phone, now);
    const currentRules = await rules.get(db, current.service_id as string);
    const { svc } = currentRules;
    if (current.status === 'cancelled') throw new ProblemException(409, 'booking_cancelled', 'This booking was cancelled');
    if (current.status !== 'booked')
      throw new ProblemException(409, 'booking_not_changeable', 'This ticket was already checked in, called or served');
    // Rescheduling is possible up to the day before the booked date.
    if (daysBetween(todayIn(svc.timeZone, now), dateStr(current.date)) < 1)
      throw new ProblemException(409, 'booking_not_changeable', 'Reschedule up to the day before');
    if (body.slotId === current.slot_id) return c.json(toTicket(current, svc));
    const slot = checkSlot(currentRules, body.slotId, now);
    const events: Array<[string, string, number]> = [];
    const ticket = await db.transaction(async (tx) => {
      const row = await findBooking(tx, code, true);
      if (row.status !== 'booked') throw new ProblemException(409, 'booking_not_changeable', 'This ticket can no longer be changed');
      // Slot rows are locked in id order (byte order) on every path, so that this cannot deadlock
      // with a booking batch or a reschedule the other way round.
      const freeOld = () => tx.query(`update slots set booked = booked - 1 where id = $1`, [row.slot_id]);
      const takeNew = () => takeSlot(tx, svc, body.slotId, slot.date, slot.start, slot.end);
      if (Buffer.compare(Buffer.from(String(row.slot_id)), Buffer.from(body.slotId)) < 0) {
        await freeOld();
        await takeNew();
      } else {
        await takeNew();
        await freeOld();
      }
      fullSlots.delete(row.slot_id as string);
      const oldDate = dateStr(row.date);
      const number = oldDate === slot.date ? Number(row.number) : await nextNumber(tx, svc.queueId, slot.date);
      let updated: Row | undefined;
      try {
        [updated] = await tx.query<Row>(
          `update bookings set slot_id = $2, date = $3::date, slot_start = $4, number = $5 where code = $1 returning *`,
          [code, body.slotId, slot.date, slot.start, number],
        );
      } catch (e) {
        if (isUniqueViolation(e))
          throw new ProblemException(409, 'duplicate_booking', 'This NIK already has a ticket for that date', [
            { path: 'slotId', code: 'duplicate_booking' },
          ]);
        throw e;
      }
      events.push([row.queue_id as string, oldDate, await queueEvent(tx, row.queue_id as string, oldDate, 'rescheduled')]);
      if (oldDate !== slot.date) events.push([svc.queueId, slot.date, await queueEvent(tx, svc.queueId, slot.date, 'rescheduled')]);
      return toTicket(updated!, svc);
    });
    for (const [q, d, id] of events) bus.publish(busKey(q, d), id);
    return c.json(ticket);
  });

  r.get(honoPath(ROUTES.getPosition.path), async (c) => {
    const { code } = validate(CodeParam, c.req.param());
    const { db, clock } = c.get('deps');
    const row = await findBooking(db, code);
    const now = clock.now();
    const date = dateStr(row.date);
    const queue = await queueState(db, row.queue_id as string, date, now);
    const { svc } = await rules.get(db, row.service_id as string);
    return c.json(positionOf(row, queue, svc, now));
  });

  r.get(honoPath(ROUTES.getQueue.path), async (c) => {
    const { queueId } = validate(QueueIdParam, c.req.param());
    const { date } = validate(z.object({ date: z.optional(z.string()) }), c.req.query());
    const { db, clock } = c.get('deps');
    const now = clock.now();
    const tz = await queueZone(db, queueId);
    const d = date && isIsoDate(date) ? date : todayIn(tz, now);
    return c.json(await queueState(db, queueId, d, now));
  });

  r.get(honoPath(ROUTES.queueEvents.path), async (c) => {
    const { queueId } = validate(QueueIdParam, c.req.param());
    const { db, clock, bus } = c.get('deps');
    const now = clock.now();
    const tz = await queueZone(db, queueId);
    const qd = c.req.query('date');
    const date = qd && isIsoDate(qd) ? qd : todayIn(tz, now);
    const lastSeen = Number(c.req.header('last-event-id') ?? c.req.query('lastEventId') ?? -1);
    c.header('cache-control', 'no-store');
    c.header('x-accel-buffering', 'no');
    return streamSSE(
      c,
      async (stream) => {
        let sent = Number.isFinite(lastSeen) ? lastSeen : -1;
        let pending = 0;
        let wake: (() => void) | null = null;
        const unsubscribe = bus.subscribe(busKey(queueId, date), (eventId) => {
          pending = Math.max(pending, eventId);
          wake?.();
        });
        const offClose = bus.onClose(() => {
          void stream.abort();
          wake?.();
        });
        stream.onAbort(() => wake?.());
        const send = async (version: number | null) => {
          const state = await sharedState(db, queueId, date, clock.now(), version);
          // Resume: a client that already has this version (Last-Event-ID) gets nothing twice.
          if (state.version <= sent && sent >= 0) return;
          sent = state.version;
          await stream.writeSSE({ id: String(state.version), event: 'queue', data: JSON.stringify(state), retry: 3000 });
        };
        try {
          await send(null);
          while (!stream.aborted && !stream.closed && !bus.closed) {
            if (!pending) {
              let timer: ReturnType<typeof setTimeout> | undefined;
              await new Promise<void>((resolve) => {
                wake = resolve;
                timer = setTimeout(resolve, 25_000);
              });
              clearTimeout(timer);
              wake = null;
            }
            if (stream.aborted || stream.closed || bus.closed) break;
            if (pending) {
              const v = pending;
              pending = 0;
              if (v > sent) await send(v);
            } else {
              await stream.write(': keep-alive\n\n');
            }
          }
        } finally {
          unsubscribe();
          offClose();
        }
      },
      async (err, stream) => {
        // A stream that fails (database gone at shutdown, client gone) just ends; no 5xx to explain.
        c.get('deps').logger.warn('sse_stream_ended', { error: err.name, queueId });
        await stream.abort();
      },
    );
  });

  r.get(honoPath(ROUTES.listHolidays.path), async (c) => {
    const q = validate(HolidayQuery, c.req.query());
    const { db, clock } = c.get('deps');
    const [office] = await db.query<{ time_zone: string }>(`select time_zone from offices order by id limit 1`);
    const today = todayIn(office?.time_zone ?? 'Asia/Jakarta', clock.now());
    const from = q.from ?? today;
    const rows = await db.query<Row>(`select * from holidays where date between $1::date and $2::date order by date, id`, [
      from,
      q.to ?? addDays(from, 90),
    ]);
    return c.json({ items: rows.map(toHoliday) });
  });

  r.post(honoPath(ROUTES.createHoliday.path), async (c) => {
    const staff = await staffAccount(c);
    const body = validate(HolidayRequest, c.get('body'));
    const { db } = c.get('deps');
    let agencyId = body.agencyId ?? null;
    if (body.serviceId) {
      const [svc] = await db.query<{ agency_id: string }>(`select agency_id from services where id = $1`, [body.serviceId]);
      if (!svc) throw new ProblemException(404, 'service_not_found', `No service with id ${body.serviceId}`);
      agencyId = svc.agency_id;
    }
    if (agencyId && !(await db.query(`select 1 from agencies where id = $1`, [agencyId])).length)
      throw new ProblemException(404, 'agency_not_found', `No agency with id ${agencyId}`);
    if (!mayEditHoliday(staff, agencyId)) throw new ProblemException(403, 'forbidden', 'This account may not close this scope');
    return idempotent(c, 'holiday', body, async (tx) => {
      try {
        const [row] = await tx.query<Row>(
          `insert into holidays (office_id, date, name, kind, agency_id, service_id)
           values (coalesce((select office_id from agencies where id = $4), (select id from offices order by id limit 1)), $1::date, $2, $3, $4, $5)
           returning *`,
          [body.date, body.name.trim(), body.kind, body.serviceId ? null : agencyId, body.serviceId ?? null],
        );
        return { status: 201, body: toHoliday(row!) };
      } catch (e) {
        if (isUniqueViolation(e)) throw new ProblemException(409, 'holiday_exists', 'That date is already closed for this scope');
        throw e;
      }
    });
  });

  r.delete(honoPath(ROUTES.deleteHoliday.path), async (c) => {
    const staff = await staffAccount(c);
    const { id } = validate(HolidayIdParam, c.req.param());
    const { db } = c.get('deps');
    const [row] = await db.query<Row>(
      `select h.*, coalesce(h.agency_id, s.agency_id) as scope_agency from holidays h left join services s on s.id = h.service_id where h.id = $1`,
      [id],
    );
    if (!row) throw new ProblemException(404, 'holiday_not_found', 'No such holiday or closure');
    if (!mayEditHoliday(staff, (row.scope_agency as string | null) ?? null))
      throw new ProblemException(403, 'forbidden', 'This account may not reopen this scope');
    await db.query(`delete from holidays where id = $1`, [id]);
    return c.json(toHoliday(row));
  });

  r.post(honoPath(ROUTES.callNext.path), async (c) => {
    const { queueId } = validate(QueueIdParam, c.req.param());
    const { db, clock, bus } = c.get('deps');
    await requireStaff(c, queueId);
    const body = validate(CallNextRequest, c.get('body'));
    const now = clock.now();
    const tz = await queueZone(db, queueId);
    const date = todayIn(tz, now);
    let eventId = 0;
    const called = await db.transaction(async (tx) => {
      await tx.query(
        `update bookings set status = 'served', served_at = $4::timestamptz where queue_id = $1 and date = $2::date and status = 'called' and counter = $3`,
        [queueId, date, body.counter, now.toISOString()],
      );
      const [next] = await tx.query<Row>(
        `select code, number from bookings where queue_id = $1 and date = $2::date and status in ${ACTIVE}
          order by slot_start, number limit 1 for update skip locked`,
        [queueId, date],
      );
      if (next) {
        await tx.query(`update bookings set status = 'called', called_at = $3::timestamptz, counter = $2 where code = $1`, [
          next.code,
          body.counter,
          now.toISOString(),
        ]);
        await tx.query(
          `insert into queue_days (queue_id, date, now_serving_number) values ($1, $2::date, $3)
             on conflict (queue_id, date) do update set now_serving_number = $3`,
          [queueId, date, next.number],
        );
      }
      eventId = await queueEvent(tx, queueId, date, next ? 'called' : 'idle');
      return next ? { queueNumber: label(queueId.split('.')[1]!, Number(next.number)), code: next.code as string } : null;
    });
    bus.publish(busKey(queueId, date), eventId);
    return c.json({ queue: await queueState(db, queueId, date, now), called });
  });

  return r;
}

export function positionOf(row: Row, queue: QueueState, svc: ServiceForQueue, now: Date): TicketPosition {
  const status = row.status as TicketPosition['status'];
  const waiting = status === 'booked' || status === 'checked_in';
  const ahead = waiting ? Math.max(0, queue.waitingNumbers.indexOf(Number(row.number))) : 0;
  const date = dateStr(row.date);
  const nowLocal = zonedParts(now, svc.timeZone);
  const untilSlot = date === nowLocal.date ? Number(row.slot_start) - nowLocal.minutes : daysBetween(nowLocal.date, date) > 0 ? 24 * 60 : 0;
  return {
    code: row.code as string,
    status,
    number: Number(row.number),
    slotStartsAt: toZonedIso(zonedInstant(date, Number(row.slot_start), svc.timeZone), svc.timeZone),
    queue,
    ahead,
    estimatedWaitMinutes: waiting ? estimateWaitMinutes(ahead, queue.minutesPerTicket, queue.openCounters, Math.max(0, untilSlot)) : null,
    qr: qrOf(row.code as string),
  };
}

async function queueZone(db: Sql, queueId: string): Promise<string> {
  const [agencyId, prefix] = queueId.split('.');
  const [r] = await db.query<{ tz: string }>(
    `select o.time_zone as tz from services s join agencies a on a.id = s.agency_id join offices o on o.id = a.office_id where s.agency_id = $1 and s.queue_prefix = $2 limit 1`,
    [agencyId, prefix],
  );
  if (!r) throw new ProblemException(404, 'queue_not_found', `No queue ${queueId}`);
  return r.tz;
}

/** Bearer token → staff account (401 problem without a valid one). */
async function staffAccount(c: Context<Env>): Promise<{ id: string; role: string; agencyId: string | null }> {
  const auth = c.req.header('authorization') ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(auth);
  if (!m)
    throw new ProblemException(401, 'unauthorized', 'Send Authorization: Bearer <token>', undefined, { 'www-authenticate': 'Bearer' });
  const [staff] = await c.get('deps').db.query<Row>(`select id, role, agency_id from staff where token_hash = $1`, [sha256(m[1]!)]);
  if (!staff) throw new ProblemException(401, 'unauthorized', 'Unknown token', undefined, { 'www-authenticate': 'Bearer' });
  return { id: staff.id as string, role: staff.role as string, agencyId: (staff.agency_id as string | null) ?? null };
}

/** Checks role and agency scope for a queue: admins anywhere, others only at their own agency. */
async function requireStaff(c: Context<Env>, queueId: string) {
  const staff = await staffAccount(c);
  const agency = queueId.split('.')[0];
  if (staff.role !== 'admin' && staff.agencyId !== agency)
    throw new ProblemException(403, 'forbidden', 'This account serves another agency');
  return staff;
}

const toHoliday = (r: Row): Holiday => ({
  id: Number(r.id),
  date: dateStr(r.date),
  name: r.name as string,
  kind: r.kind as Holiday['kind'],
  agencyId: (r.agency_id as string | null) ?? null,
  serviceId: (r.service_id as string | null) ?? null,
});

/** Office-wide closures: admins only. An agency's or a service's: its agency admin too. */
function mayEditHoliday(staff: { role: string; agencyId: string | null }, agencyId: string | null): boolean {
  return staff.role === 'admin' || (staff.role === 'agency_admin' && agencyId !== null && staff.agencyId === agencyId);
}
