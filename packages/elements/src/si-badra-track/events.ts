/**
 * Events of the Si Badra widgets. They bubble, cross shadow roots (`composed`), are named
 * `si-badra-*` in the past tense, and carry only the tracking code and the category: never the
 * reporter's name, contact or location. `si-badra-error` is shared with the report form
 * (`../shared/si-badra-events.ts`).
 */
export { SiBadraErrorEvent } from '../shared/si-badra-events.js';

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

declare global {
  interface GlobalEventHandlersEventMap {
    'si-badra-report-updated': SiBadraReportUpdatedEvent;
  }
}
