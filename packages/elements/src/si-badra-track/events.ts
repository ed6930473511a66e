/**
 * Events of the Si Badra widgets. They bubble, cross shadow roots (`composed`), are named
 * `si-badra-*` in the past tense, and carry only the tracking code and the category: never the
 * reporter's name, contact or location.
 */

/** What a Si Badra event may say about a complaint. */
export interface ComplaintRef {
  trackingCode: string;
  /** The category id (`jalan-rusak`). */
  category: string;
}

/** The citizen replied to a complaint: accepted the resolution (`closed`) or disputed it (`reopened`). */
export class SiBadraReportUpdatedEvent extends Event {
  static readonly type = 'si-badra-report-updated';
  constructor(readonly detail: ComplaintRef & { status: 'closed' | 'reopened' }) {
    super(SiBadraReportUpdatedEvent.type, { bubbles: true, composed: true });
  }
}

/** A Si Badra widget showed an error; `code` is the stable error code, the complaint when one is known. */
export class SiBadraErrorEvent extends Event {
  static readonly type = 'si-badra-error';
  constructor(readonly detail: { code: string; trackingCode: string | null; category: string | null }) {
    super(SiBadraErrorEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'si-badra-report-updated': SiBadraReportUpdatedEvent;
    'si-badra-error': SiBadraErrorEvent;
  }
}
