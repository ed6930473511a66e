/**
 * The booking fast path: everything that makes a quota release cheap, in one place, made per app
 * by `createBookingFastPath` (no module state; two apps in one process share nothing).
 *
 * Pieces:
 * - `BookingCoalescer` (coalesce.ts): attempts that arrive together for one queue's day go to the
 *   database as one `mpp_book_batch` statement (migration 006) on a connection of their own.
 * - `StoredAttempts` (coalesce.ts): Idempotency-Key look-ups of refused attempts, one query per turn.
 * - `BookingCodes` (codes.ts): booking codes and their QR codes drawn ahead while the server is quiet.
 * - `FullSlots` (memo.ts): a slot the database just called full is refused for 1 s without asking.
 * - `OpenDays` (memo.ts): a date's bookable slots (ignoring capacity) per rules version and minute.
 *
 * Invariants (what a speed-up here may never change):
 * 1. Capacity, one ticket per NIK per service per day, the per-NIK / per-phone daily limits, the
 *    numbering and the Idempotency-Key are decided by the database, attempt by attempt, in arrival
 *    order; memory only ever refuses early (a full slot), never admits.
 * 2. A refusal served from memory still replays an attempt whose key already got a ticket.
 * 3. One attempt's failure never fails another's: a failed batch is retried, then split.
 * 4. Cached rules are tagged with the rules version; the database refuses a stale tag (`stale`),
 *    and a refusal by cached rules is confirmed against the current ones before it is answered.
 * 5. A code is given back only when its attempt was surely not stored (any outcome but `created`,
 *    or a batch rolled back on a unique violation); never after an unknown error.
 * 6. Every "now" is the injected clock's, also inside `mpp_book_batch` (`p_now`).
 */
import type { Clock } from '../../context.js';
import type { Db } from '../../db/types.js';
import type { ServiceRules } from '../rules-cache.js';
import type { AvailabilityDay } from '@mpp-kit/core';
import { BookingCoalescer, StoredAttempts } from './coalesce.js';
import { BookingCodes } from './codes.js';
import { FullSlots, OpenDays } from './memo.js';

export type { BookingAttempt, BatchRow } from './coalesce.js';
export { drawQr } from './codes.js';

export interface BookingFastPath {
  batches: BookingCoalescer;
  keys: StoredAttempts;
  codes: BookingCodes;
  fullSlots: FullSlots;
  openDays: OpenDays;
  /** Prepares the booking connections and starts drawing codes ahead (before the server listens). */
  warm(): Promise<void>;
  /** Stops background work (drawing codes ahead). */
  stop(): void;
}

export function createBookingFastPath(
  db: Db,
  clock: Clock,
  openDay: (rules: ServiceRules, date: string, now: Date) => AvailabilityDay,
): BookingFastPath {
  const batches = new BookingCoalescer(db, clock);
  const codes = new BookingCodes();
  return {
    batches,
    keys: new StoredAttempts(db),
    codes,
    fullSlots: new FullSlots(clock),
    openDays: new OpenDays(openDay),
    async warm() {
      await batches.warm();
      codes.drawAhead();
    },
    stop: () => codes.stop(),
  };
}
