/**
 * Events of `<mpp-queue-ticket>`. Like every mpp-kit event they bubble, cross shadow roots
 * (`composed`), are named `mpp-*` in the past tense, and never carry the NIK, phone or name.
 */

/** The citizen cancelled the ticket; its slot is free again at once. */
export class MppBookingCancelledEvent extends Event {
  static readonly type = 'mpp-booking-cancelled';
  constructor(readonly detail: { code: string; serviceId: string; date: string }) {
    super(MppBookingCancelledEvent.type, { bubbles: true, composed: true });
  }
}

/** The citizen moved the ticket to another date/slot (`slot`: local start time, `08:30`). */
export class MppBookingRescheduledEvent extends Event {
  static readonly type = 'mpp-booking-rescheduled';
  constructor(readonly detail: { code: string; serviceId: string; date: string; slot: string }) {
    super(MppBookingRescheduledEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mpp-booking-cancelled': MppBookingCancelledEvent;
    'mpp-booking-rescheduled': MppBookingRescheduledEvent;
  }
}
