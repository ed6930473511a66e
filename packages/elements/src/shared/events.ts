/**
 * Events more than one widget fires or answers (each widget's own events are in its `events.ts`). All bubble and cross shadow roots (`composed`),
 * are named `mpp-*` / `si-badra-*` in the past tense, and never carry NIK, phone or other personal data.
 */

export interface ServiceRef {
  serviceId: string;
  agencyId: string;
}

/**
 * The citizen asked for a queue number for a service. A booking widget on the page (or the host)
 * answers it; call `preventDefault()` to stop the catalog from following its `booking-url`.
 */
export class MppBookingRequestedEvent extends Event {
  static readonly type = 'mpp-booking-requested';
  constructor(readonly detail: ServiceRef) {
    super(MppBookingRequestedEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

/** A widget hit an error it shows to the citizen; `code` is the stable error code. */
export class MppErrorEvent extends Event {
  static readonly type = 'mpp-error';
  constructor(readonly detail: { code: string; source: string }) {
    super(MppErrorEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mpp-booking-requested': MppBookingRequestedEvent;
    'mpp-error': MppErrorEvent;
  }
}
