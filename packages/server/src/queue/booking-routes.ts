import { Hono } from 'hono';
import type { Context } from 'hono';
import {
  AvailabilityQuery,
  BookingRequest,
  ROUTES,
  ServiceIdParam,
  addDays,
  checkIdentity,
  maskNik,
  todayIn,
  type DuplicateBookingProblem,
  type Ticket,
} from '@mpp-kit/core';
import type { Env } from '../context.js';
import { isUniqueViolation } from '../db/errors.js';
import { sha256 } from '../crypto/hash.js';
import { idempotencyKey } from '../http/idempotency.js';
import { ProblemException } from '../http/problem.js';
import { clientAddress, throwIfLimited } from '../http/rate-limit.js';
import { honoPath, validate } from '../http/validate.js';
import { busKey } from '../live/bus.js';
import type { QueueParts } from './parts.js';
import { findActiveByNik, findBooking, loadBooked, storedResponse, type BookingRow, type ServiceForQueue } from './repository.js';
import { availability, checkSlot, slotFull, toTicket, type CheckedSlot } from './rules.js';

const limitProblem = (code: 'booking_limit_nik' | 'booking_limit_phone', path: 'nik' | 'phone', n: number) =>
  new ProblemException(
    429,
    code,
    `At most ${n} active tickets per ${path === 'nik' ? 'NIK' : 'phone number'} on one day`,
    [{ path, code }],
    {
      'retry-after': '3600',
    },
  );

/**
 * The `duplicate_booking` answer (409). It says which ticket exists (`existing`: code, number,
 * date, slot) only when the refused attempt's phone number is the one that ticket was booked
 * with: the citizen booking twice gets their ticket back, while someone who merely knows a NIK
 * learns only that a ticket exists (its code went to the phone it was booked with) and never its
 * code, which with that phone number would let them cancel it.
 */
async function duplicateAnswer(
  c: Context<Env>,
  svc: ServiceForQueue,
  date: string,
  who: { nikHash: string; e164: string },
  qr: (code: string) => Ticket['qr'],
): Promise<never> {
  const row = await findActiveByNik(c.get('deps').db, svc.id, date, who.nikHash);
  const mine = row && row.phone_e164 === who.e164 ? toTicket(row, svc, qr) : null;
  const extra: DuplicateBookingProblem = {
    existing: mine && { code: mine.code, queueNumber: mine.queueNumber, date: mine.date, slot: mine.slot },
  };
  const detail = mine
    ? 'This NIK already has a ticket for this service on that date: the one in `existing`'
    : 'This NIK already has a ticket for this service on that date; it was given to the phone number it was booked with';
  throw new ProblemException(409, 'duplicate_booking', detail, [{ path: 'nik', code: 'duplicate_booking' }], undefined, { ...extra });
}

/** Availability and the booking itself: the quota-release path. */
export function bookingRoutes(parts: QueueParts): Hono<Env> {
  const { rules, fast, nikHash, limits } = parts;
  const r = new Hono<Env>();

  r.get(honoPath(ROUTES.getAvailability.path), async (c) => {
    const { id } = validate(ServiceIdParam, c.req.param());
    const q = validate(AvailabilityQuery, c.req.query());
    const { db, clock } = c.get('deps');
    const now = clock.now();
    const current = await rules.get(db, id);
    const start = q.from ?? todayIn(current.svc.timeZone, now);
    const days = q.days ?? 14;
    const booked = await loadBooked(db, id, start, addDays(start, days - 1));
    return c.json(availability(current, now, start, days, booked));
  });

  /**
   * The booking path: the identity and the rules are checked here, against rules cached per
   * version; the places, the one-ticket-per-NIK rule, the daily limits, the numbering and the
   * Idempotency-Key are decided in the database by `mpp_book_batch`, one statement for the
   * attempts that arrive together (see fast-path/index.ts for what may never change).
   */
  r.post(honoPath(ROUTES.createBooking.path), async (c) => {
    const { db, clock, config, bus } = c.get('deps');
    c.header('cache-control', 'no-store');
    throwIfLimited(limits.bookings.hit(clientAddress(c)), 'booking attempts');
    const body = validate(BookingRequest, c.get('body'));
    const now = clock.now();
    const rawKey = idempotencyKey(c);
    const key = rawKey ? `booking:${rawKey}` : null;
    let current = await rules.get(db, body.serviceId, false);
    // Hashed only when needed: a refusal by the full-slot memo without a stored attempt never is.
    let hashed: string | null = null;
    const requestHash = () => (hashed ??= sha256(JSON.stringify(body)));
    let checked: { nik: string; e164: string; email: string | null; nikHash: string } | null = null;
    const identity = () => {
      if (checked) return checked;
      const res = checkIdentity(body, todayIn(current.svc.timeZone, now));
      if (!res.ok) {
        const errors = Object.entries(res.errors).map(([path, code]) => ({ path, code: code! }));
        throw new ProblemException(422, errors[0]!.code as never, 'Some fields are invalid', errors);
      }
      return (checked = { nik: res.nik.nik, e164: res.e164, email: res.email, nikHash: nikHash(res.nik.nik) });
    };
    const name = body.name.trim();

    /** Answers a retry of a stored attempt with what it did, whatever the slot looks like now. */
    const replay = async (prev: { code: string | null; hash: string | null }) => {
      if (prev.hash !== requestHash())
        throw new ProblemException(422, 'idempotency_key_reused', 'This Idempotency-Key was used with another body');
      if (!prev.code) return c.json((await storedResponse(db, key!)) ?? {}, 201, { 'idempotent-replayed': 'true' }); // stored before migration 003
      const row = await findBooking(db, prev.code);
      return c.json(toTicket(row, (await rules.get(db, row.service_id)).svc, fast.codes.qr), 201, { 'idempotent-replayed': 'true' });
    };
    const storedAttempt = () => (key ? fast.keys.get(key) : null);

    let verified = false;
    for (let attempt = 0; ; attempt++) {
      const { svc } = current;
      // A slot the database just called full is refused without asking it again, and before the
      // identity is checked: the cheapest refusal when a quota opens and thousands press "book".
      const memoFull = fast.fullSlots.has(body.slotId);
      if (!memoFull) identity();
      let slot: CheckedSlot;
      try {
        slot = checkSlot(current, body.slotId, now, (date) => fast.openDays.get(current, date, now));
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
      const code = fast.codes.next();
      const maskedNik = maskNik(nik);
      let out;
      try {
        out = await fast.batches.book({
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
          nikMasked: maskedNik,
          phone: e164,
          email,
          maxPerNik: config.limits.bookingsPerNikPerDay,
          maxPerPhone: config.limits.bookingsPerPhonePerDay,
        });
      } catch (e) {
        // A concurrent twin won: the same key (replay it) or the same NIK that day. (On any other
        // error the code is not given back: the booking may have been stored before the error.)
        if (!isUniqueViolation(e)) throw e;
        fast.codes.giveBack(code);
        const prev = await storedAttempt();
        if (prev) return replay(prev);
        return duplicateAnswer(c, svc, slot.date, { nikHash: nikHashed, e164 }, fast.codes.qr);
      }
      if (out.outcome !== 'created') fast.codes.giveBack(code);
      switch (out.outcome) {
        case 'created': {
          bus.publish(busKey(svc.queueId, slot.date), Number(out.event_id));
          const row: BookingRow = {
            code,
            status: 'booked',
            service_id: svc.id,
            date: slot.date,
            slot_start: slot.start,
            slot_id: body.slotId,
            queue_id: svc.queueId,
            number: Number(out.number),
            name,
            nik_masked: maskedNik,
            phone_e164: e164,
            counter: null,
            created_at: new Date(String(out.created_at instanceof Date ? out.created_at.toISOString() : out.created_at)),
          };
          return c.json(toTicket(row, svc, fast.codes.qr), 201);
        }
        case 'replay':
          return replay({ code: out.replay_code, hash: out.replay_hash });
        case 'duplicate':
          return duplicateAnswer(c, svc, slot.date, { nikHash: nikHashed, e164 }, fast.codes.qr);
        case 'limit_nik':
          throw limitProblem('booking_limit_nik', 'nik', config.limits.bookingsPerNikPerDay);
        case 'limit_phone':
          throw limitProblem('booking_limit_phone', 'phone', config.limits.bookingsPerPhonePerDay);
        case 'slot_full':
          fast.fullSlots.add(body.slotId);
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

  return r;
}
