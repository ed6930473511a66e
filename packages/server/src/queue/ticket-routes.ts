import { Hono } from 'hono';
import type { Context } from 'hono';
import {
  CodeParam,
  RescheduleRequest,
  ROUTES,
  TicketLookup,
  cancelRefusal,
  isWaiting,
  normalizePhone,
  rescheduleRefusal,
  todayIn,
} from '@mpp-kit/core';
import type { Env } from '../context.js';
import { isUniqueViolation } from '../db/errors.js';
import { ProblemException } from '../http/problem.js';
import { clientAddress, throwIfLimited } from '../http/rate-limit.js';
import { honoPath, validate } from '../http/validate.js';
import { busKey } from '../live/bus.js';
import type { QueueParts } from './parts.js';
import { cancelBooking, findBooking, freeSlot, moveBooking, nextNumber, queueEvent, takeSlot, type BookingRow } from './repository.js';
import { checkSlot, dayOf, positionOf, slotFull, toTicket } from './rules.js';
import { queueState } from './state.js';

const REFUSAL_TEXT = {
  booking_cancelled: 'This booking was cancelled',
  booking_not_changeable: 'This ticket can no longer be changed (called, served, or its day has come)',
} as const;

/** A ticket by its code and phone: look it up, cancel it, move it, follow its place in the queue. */
export function ticketRoutes(parts: QueueParts): Hono<Env> {
  const { rules, fast, limits } = parts;
  const r = new Hono<Env>();

  /**
   * The booking of `code`, if `phone` is the one it was booked with. Guessing the phone of a known
   * code is limited per client address (wrong numbers, and look-ups in all); the code itself is
   * never locked, so nobody can lock its owner out.
   */
  const verified = async (c: Context<Env>, code: string, phone: string): Promise<BookingRow> => {
    const address = clientAddress(c);
    throwIfLimited(limits.lookups.hit(address), 'ticket look-ups');
    throwIfLimited(limits.wrongPhones.blocked(address), 'wrong phone numbers');
    const row = await findBooking(c.get('deps').db, code);
    const p = normalizePhone(phone);
    if (!p.ok || p.e164 !== row.phone_e164) {
      limits.wrongPhones.hit(address);
      throw new ProblemException(403, 'phone_mismatch', 'The phone number does not match this booking', [
        { path: 'phone', code: 'phone_mismatch' },
      ]);
    }
    return row;
  };

  r.post(honoPath(ROUTES.lookupBooking.path), async (c) => {
    c.header('cache-control', 'no-store');
    const { code } = validate(CodeParam, c.req.param());
    const body = validate(TicketLookup, c.get('body'));
    const row = await verified(c, code, body.phone);
    return c.json(toTicket(row, (await rules.get(c.get('deps').db, row.service_id)).svc, fast.codes.qr));
  });

  r.post(honoPath(ROUTES.cancelBooking.path), async (c) => {
    c.header('cache-control', 'no-store');
    const { code } = validate(CodeParam, c.req.param());
    const body = validate(TicketLookup, c.get('body'));
    const { db, bus, clock } = c.get('deps');
    await verified(c, code, body.phone);
    const now = clock.now();
    let publish: (() => void) | null = null;
    const ticket = await db.transaction(async (tx) => {
      const row = await findBooking(tx, code, true);
      const { svc } = await rules.get(tx, row.service_id);
      if (row.status === 'cancelled') return toTicket(row, svc, fast.codes.qr);
      const refusal = cancelRefusal(row.status);
      if (refusal) throw new ProblemException(409, refusal, 'This ticket was already called or served');
      const updated = await cancelBooking(tx, row, now);
      fast.fullSlots.delete(row.slot_id);
      const eventId = await queueEvent(tx, row.queue_id, row.date, 'cancelled', now);
      publish = () => bus.publish(busKey(row.queue_id, row.date), eventId);
      return toTicket(updated, svc, fast.codes.qr);
    });
    (publish as (() => void) | null)?.();
    return c.json(ticket);
  });

  r.post(honoPath(ROUTES.rescheduleBooking.path), async (c) => {
    c.header('cache-control', 'no-store');
    const { code } = validate(CodeParam, c.req.param());
    const body = validate(RescheduleRequest, c.get('body'));
    const { db, clock, bus } = c.get('deps');
    const now = clock.now();
    const current = await verified(c, code, body.phone);
    const currentRules = await rules.get(db, current.service_id);
    const { svc } = currentRules;
    const refusal = rescheduleRefusal(current.status, current.date, todayIn(svc.timeZone, now));
    if (refusal) throw new ProblemException(409, refusal, REFUSAL_TEXT[refusal]);
    if (body.slotId === current.slot_id) return c.json(toTicket(current, svc, fast.codes.qr));
    const slot = checkSlot(currentRules, body.slotId, now, (date) => dayOf(currentRules, date, now));
    const events: Array<[string, string, number]> = [];
    const ticket = await db.transaction(async (tx) => {
      const row = await findBooking(tx, code, true);
      if (row.status !== 'booked') throw new ProblemException(409, 'booking_not_changeable', 'This ticket can no longer be changed');
      // Slot rows are locked in id order (byte order) on every path, so that this cannot deadlock
      // with a booking batch or a reschedule the other way round.
      const freeOld = () => freeSlot(tx, row.slot_id);
      const takeNew = async () => {
        const ok = await takeSlot(tx, {
          slotId: body.slotId,
          serviceId: svc.id,
          date: slot.date,
          start: slot.start,
          end: slot.end,
          capacity: svc.rules.slotCapacity,
        });
        if (!ok) throw slotFull();
      };
      if (Buffer.compare(Buffer.from(row.slot_id), Buffer.from(body.slotId)) < 0) {
        await freeOld();
        await takeNew();
      } else {
        await takeNew();
        await freeOld();
      }
      fast.fullSlots.delete(row.slot_id);
      const number = row.date === slot.date ? row.number : await nextNumber(tx, svc.queueId, slot.date);
      let updated: BookingRow;
      try {
        updated = await moveBooking(tx, code, { slotId: body.slotId, date: slot.date, start: slot.start, number });
      } catch (e) {
        if (isUniqueViolation(e))
          throw new ProblemException(409, 'duplicate_booking', 'This NIK already has a ticket for that date', [
            { path: 'slotId', code: 'duplicate_booking' },
          ]);
        throw e;
      }
      events.push([row.queue_id, row.date, await queueEvent(tx, row.queue_id, row.date, 'rescheduled', now)]);
      if (row.date !== slot.date) events.push([svc.queueId, slot.date, await queueEvent(tx, svc.queueId, slot.date, 'rescheduled', now)]);
      return toTicket(updated, svc, fast.codes.qr);
    });
    for (const [q, d, id] of events) bus.publish(busKey(q, d), id);
    return c.json(ticket);
  });

  r.get(honoPath(ROUTES.getPosition.path), async (c) => {
    const { code } = validate(CodeParam, c.req.param());
    const { db, clock } = c.get('deps');
    const row = await findBooking(db, code);
    const now = clock.now();
    const queue = await queueState(db, row.queue_id, row.date, now);
    const { svc } = await rules.get(db, row.service_id);
    return c.json(positionOf(row, queue, svc, now, isWaiting, fast.codes.qr));
  });

  return r;
}
