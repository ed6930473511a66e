/**
 * Events of `<mpp-queue-booking>`. Like every mpp-kit event they bubble, cross shadow roots
 * (`composed`), are named `mpp-*` in the past tense, and never carry the NIK, phone or name.
 */

/** The dates of a service were loaded; `days` is the number of dates that can still be booked. */
export class MppSlotsLoadedEvent extends Event {
  static readonly type = 'mpp-slots-loaded';
  constructor(readonly detail: { serviceId: string; days: number }) {
    super(MppSlotsLoadedEvent.type, { bubbles: true, composed: true });
  }
}

/** A queue ticket was booked. `slot` is the local start time (`08:30`), `queueNumber` e.g. `B-012`. */
export class MppBookingCreatedEvent extends Event {
  static readonly type = 'mpp-booking-created';
  constructor(readonly detail: { code: string; serviceId: string; date: string; slot: string; queueNumber: string }) {
    super(MppBookingCreatedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mpp-slots-loaded': MppSlotsLoadedEvent;
    'mpp-booking-created': MppBookingCreatedEvent;
  }
}
