import * as z from 'zod/mini';
import { Slug } from './common.js';
import { BOOKING_CODE_PATTERN } from '../queue/ticket-rules.js';
import { IsoDate, LastEventId, QueueId, RowId, SlotId, decimal, fromNotAfterTo } from './input.js';
import { personName, text } from './text.js';

export { IsoDate };
/** An instant with its offset (`2026-11-23T08:30:00+07:00`). */
export const Instant = z.string();

/** A phone number as typed (`0812-3456-7890`); `normalizePhone` decides whether it is one. */
const PhoneInput = () => text({ max: 40, trim: false });

/** Why a date cannot be booked. */
export const DayClosedReason = z.enum([
  'weekend',
  'holiday',
  'cuti_bersama',
  'closure',
  'not_open_yet',
  'past',
  'beyond_window',
  'no_online_queue',
]);
export type DayClosedReason = z.infer<typeof DayClosedReason>;

/** One bookable time window of a service on a date. */
export const Slot = z.object({
  id: z.string(),
  serviceId: Slug,
  date: IsoDate,
  /** Local wall-clock start and end (`08:00`, `08:30`). */
  start: z.string(),
  end: z.string(),
  startsAt: Instant,
  capacity: z.number().check(z.int(), z.minimum(0)),
  remaining: z.number().check(z.int(), z.minimum(0)),
});
export type Slot = z.infer<typeof Slot>;

/** The booking situation of one date: open with slots, full, or closed and why. */
export const AvailabilityDay = z.object({
  date: IsoDate,
  status: z.enum(['open', 'full', 'closed']),
  reason: z.nullable(DayClosedReason),
  /** Holiday or closure name (`Hari Raya Natal`, `Cuti bersama Natal`). */
  note: z.nullable(z.string()),
  /** When the day's online quota opens, if it has not yet. */
  opensAt: z.nullable(Instant),
  remaining: z.number().check(z.int(), z.minimum(0)),
  /** Walk-in and priority lanes of the day (served at the hall, not bookable online). */
  lanes: z.object({ online: z.number(), walkIn: z.number(), priority: z.number() }),
  slots: z.array(Slot),
});
export type AvailabilityDay = z.infer<typeof AvailabilityDay>;

export const Availability = z.object({
  serviceId: Slug,
  timeZone: z.string(),
  today: IsoDate,
  days: z.array(AvailabilityDay),
});
export type Availability = z.infer<typeof Availability>;

export const AvailabilityQuery = z.object({
  from: z.optional(IsoDate),
  days: z.optional(decimal(1, 62)),
});

export const BookingStatus = z.enum(['booked', 'checked_in', 'called', 'served', 'no_show', 'cancelled']);
export type BookingStatus = z.infer<typeof BookingStatus>;

/** What a citizen submits. NIK and phone are only ever in this body, never in URLs. */
export const BookingRequest = z.object({
  serviceId: Slug,
  slotId: SlotId,
  name: personName({ min: 2, max: 100 }),
  /** As typed: spaces, dots, dashes, tabs and line breaks are separators `parseNik` removes. */
  nik: text({ max: 40, multiline: true, trim: false }),
  /** As typed; `normalizePhone` removes the separators. */
  phone: PhoneInput(),
  email: z.optional(z.nullable(text({ max: 200 }))),
});
export type BookingRequest = z.infer<typeof BookingRequest>;

/** A queue ticket as the citizen sees it. NIK only masked; phone only masked. */
/**
 * A booking code as a QR code, ready to draw: `path` is an SVG path of the dark modules (one
 * `M x y h n v1 h-n z` rectangle per horizontal run) on a `size` × `size` grid that includes the
 * quiet zone. Draw it black on white: `<svg viewBox="0 0 size size"><rect … fill="#fff"/><path d=… /></svg>`.
 */
export const QrCode = z.object({
  size: z.number().check(z.int(), z.minimum(21)),
  path: z.string().check(z.regex(/^[Mhvz\d -]*$/)),
});
export type QrCode = z.infer<typeof QrCode>;

/** A ticket's slot: its id, local start and end (`HH:MM`) and the instant it starts. */
export const TicketSlot = z.object({ id: z.string(), start: z.string(), end: z.string(), startsAt: Instant });
export type TicketSlot = z.infer<typeof TicketSlot>;

export const Ticket = z.object({
  code: z.string(),
  status: BookingStatus,
  serviceId: Slug,
  serviceName: z.string(),
  agencyId: Slug,
  agencyName: z.string(),
  /** `B-012` */
  queueNumber: z.string(),
  /** The queue the ticket waits in (`disdukcapil.B`), shared by the agency's services with that prefix. */
  queueId: z.string(),
  number: z.number().check(z.int(), z.minimum(1)),
  date: IsoDate,
  slot: TicketSlot,
  location: z.string(),
  requirements: z.array(z.string()),
  name: z.string(),
  nikMasked: z.string(),
  phoneMasked: z.string(),
  createdAt: Instant,
  timeZone: z.string(),
  /** The booking code as a QR code, for check-in at the hall. */
  qr: QrCode,
});
export type Ticket = z.infer<typeof Ticket>;

export const TicketLookup = z.object({
  phone: PhoneInput(),
});
export const RescheduleRequest = z.object({
  phone: PhoneInput(),
  slotId: SlotId,
});

/**
 * The ticket a `duplicate_booking` problem (409 on `POST /bookings`) points to: the NIK already
 * has an active ticket for that service on that date. Sent only when the phone number of the
 * refused attempt is the one the existing ticket was booked with — someone who merely knows a NIK
 * learns that a ticket exists, never which one.
 */
export const ExistingTicket = z.object({
  code: z.string(),
  /** `B-012` */
  queueNumber: z.string(),
  date: IsoDate,
  slot: TicketSlot,
});
export type ExistingTicket = z.infer<typeof ExistingTicket>;

/** The extra member of a `duplicate_booking` problem: the existing ticket, or null when the phone did not match. */
export const DuplicateBookingProblem = z.object({ existing: z.optional(z.nullable(ExistingTicket)) });
export type DuplicateBookingProblem = z.infer<typeof DuplicateBookingProblem>;

/** A booking code in a path (`XXXX-XXXX` from the code alphabet; see `normalizeBookingCode`). */
export const CodeParam = z.object({ code: z.string().check(z.regex(BOOKING_CODE_PATTERN)) });
export const ServiceIdParam = z.object({ id: Slug });
export const QueueIdParam = z.object({ queueId: QueueId });
/** The day of a queue to show (`?date=`); the office's today when absent. */
export const QueueDayQuery = z.object({ date: z.optional(IsoDate) });
export type QueueDayQuery = z.infer<typeof QueueDayQuery>;
/** The event stream's query: the day, and where to resume when the browser cannot send `Last-Event-ID`. */
export const QueueEventsQuery = z.object({ date: z.optional(IsoDate), lastEventId: z.optional(LastEventId) });
export type QueueEventsQuery = z.infer<typeof QueueEventsQuery>;

/** The live state of one queue on one day. */
export const QueueState = z.object({
  queueId: z.string(),
  date: IsoDate,
  /** Last number called (`B-007`), or null before the first call. */
  nowServing: z.nullable(z.string()),
  nowServingNumber: z.number().check(z.int(), z.minimum(0)),
  /** The counter the last number was called to (`Loket 3`), or null before the first call. */
  nowServingCounter: z.nullable(z.string()),
  /** Tickets issued and not yet called, cancelled or done. */
  waiting: z.number().check(z.int(), z.minimum(0)),
  /** Average minutes per ticket from recent service times (or the service standard's estimate). */
  minutesPerTicket: z.number(),
  /** Counters serving this queue now. */
  openCounters: z.number().check(z.int(), z.minimum(0)),
  /** Numbers still waiting, in the order they will be called (slot time, then number). */
  waitingNumbers: z.array(z.number()),
  /** Monotonic version; equals the id of the last event. */
  version: z.number().check(z.int(), z.minimum(0)),
  updatedAt: Instant,
});
export type QueueState = z.infer<typeof QueueState>;

/**
 * A ticket's place in its queue, by its code alone: what a citizen keeps open in the hall. It says
 * which ticket it is (number, service, date, slot, place) but nothing about who holds it: no
 * name, NIK or phone (those need the phone number, `lookupBooking`).
 */
export const TicketPosition = z.object({
  code: z.string(),
  status: BookingStatus,
  /** `B-012` */
  queueNumber: z.string(),
  serviceId: Slug,
  serviceName: z.string(),
  agencyName: z.string(),
  date: IsoDate,
  slot: TicketSlot,
  location: z.string(),
  timeZone: z.string(),
  /** The counter the ticket was called to (`Loket 3`), once called; else null. */
  counter: z.nullable(z.string()),
  /** The ticket's number and slot start: enough for a watcher to follow the place from the queue state. */
  number: z.number().check(z.int(), z.minimum(1)),
  slotStartsAt: Instant,
  queue: QueueState,
  /** Tickets before this one that still wait to be called. */
  ahead: z.number().check(z.int(), z.minimum(0)),
  /** Honest estimate in minutes (null once called). */
  estimatedWaitMinutes: z.nullable(z.number().check(z.minimum(0))),
  /** The booking code as a QR code, for check-in at the hall. */
  qr: QrCode,
});
export type TicketPosition = z.infer<typeof TicketPosition>;

/** Staff: call the next ticket of a queue at a counter. */
export const CallNextRequest = z.object({ counter: text({ min: 1, max: 40 }) });
export const CallResult = z.object({ queue: QueueState, called: z.nullable(z.object({ queueNumber: z.string(), code: z.string() })) });
export type CallResult = z.infer<typeof CallResult>;

/** A national holiday, cuti bersama or closure (of the office, one agency or one service). */
export const Holiday = z.object({
  id: z.number().check(z.int()),
  date: IsoDate,
  name: z.string(),
  kind: z.enum(['holiday', 'cuti_bersama', 'closure']),
  agencyId: z.nullable(Slug),
  serviceId: z.nullable(Slug),
});
export type Holiday = z.infer<typeof Holiday>;

export const HolidayList = z.object({ items: z.array(Holiday) });
export const HolidayQuery = z.object({ from: z.optional(IsoDate), to: z.optional(IsoDate) }).check(fromNotAfterTo);
export const HolidayRequest = z.object({
  date: IsoDate,
  name: text({ min: 2, max: 120 }),
  kind: z.enum(['holiday', 'cuti_bersama', 'closure']),
  agencyId: z.optional(z.nullable(Slug)),
  serviceId: z.optional(z.nullable(Slug)),
});
export type HolidayRequest = z.infer<typeof HolidayRequest>;
export const HolidayIdParam = z.object({ id: RowId });
