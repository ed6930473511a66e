/**
 * The rules of a booked ticket, defined once: the SDK (the ticket flow, the widgets) and the server
 * (the contract's `CodeParam`, the booking, cancel and reschedule routes) use these and no copy.
 * Pure and dependency-free apart from calendar arithmetic, so the contract's schemas can import it.
 */
import { daysBetween, type IsoDate } from '../time/zoned.js';

// ---- booking codes -----------------------------------------------------------------------------

/** The 32 characters of a booking code: digits and capitals without the look-alikes 0/O and 1/I. */
export const BOOKING_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** Characters in a booking code, not counting the dash. */
export const BOOKING_CODE_LENGTH = 8;
/** A booking code as shown and sent: `XXXX-XXXX` from {@link BOOKING_CODE_ALPHABET} (`7KQ2-M9XA`). */
export const BOOKING_CODE_PATTERN = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

/** Whether `code` is a booking code in its shown form (`XXXX-XXXX`, capitals). */
export const isBookingCode = (code: string): boolean => BOOKING_CODE_PATTERN.test(code);

/**
 * A booking code as a citizen may type it (`7kq2 m9xa`, `7KQ2M9XA`, ` 7kq2-m9xa `) in its shown
 * form `7KQ2-M9XA`: upper-cased, spaces and dashes dropped, the dash put back after four
 * characters. Nothing is guessed: an `O` stays an `O` (and so is not a code). Check the result
 * with {@link isBookingCode}; input that is not eight characters comes back upper-cased, without
 * spaces and dashes.
 */
export function normalizeBookingCode(input: string): string {
  const c = input.toUpperCase().replace(/[\s\u2010-\u2015-]+/g, '');
  return c.length === BOOKING_CODE_LENGTH ? `${c.slice(0, 4)}-${c.slice(4)}` : c;
}

/** Eight characters of {@link BOOKING_CODE_ALPHABET} (e.g. drawn at random) in the shown form. */
export const formatBookingCode = (chars: string): string => `${chars.slice(0, 4)}-${chars.slice(4, 8)}`;

// ---- statuses ----------------------------------------------------------------------------------

/** The statuses of a ticket still waiting to be called: it holds its place, and can be cancelled. */
export const WAITING_STATUSES = ['booked', 'checked_in'] as const;
export type WaitingStatus = (typeof WAITING_STATUSES)[number];

/** Whether a ticket with this status still waits to be called (`booked`, `checked_in`). */
export const isWaiting = (status: string | null | undefined): status is WaitingStatus =>
  (WAITING_STATUSES as readonly string[]).includes(status ?? '');

// ---- cancelling and rescheduling ---------------------------------------------------------------

/**
 * The reschedule cut-off: a ticket can move to another date or time up to the day before its
 * booked date. `today` is the office's today (`todayIn(timeZone, now)`), never the browser's.
 */
export const canReschedule = (bookingDate: IsoDate, today: IsoDate): boolean => daysBetween(today, bookingDate) >= 1;

/**
 * Why a ticket cannot be cancelled, as a problem code, or null when it can. A cancelled ticket can
 * be "cancelled" again (the answer is the same ticket), a called or served one cannot.
 */
export const cancelRefusal = (status: string): 'booking_not_changeable' | null =>
  status === 'cancelled' || isWaiting(status) ? null : 'booking_not_changeable';

/**
 * Why a ticket cannot be moved to another slot, as a problem code, or null when it can: only a
 * `booked` ticket (not yet checked in) moves, and only up to the day before its date.
 */
export function rescheduleRefusal(
  status: string,
  bookingDate: IsoDate,
  today: IsoDate,
): 'booking_cancelled' | 'booking_not_changeable' | null {
  if (status === 'cancelled') return 'booking_cancelled';
  if (status !== 'booked' || !canReschedule(bookingDate, today)) return 'booking_not_changeable';
  return null;
}
