/**
 * Events of `<si-badra-report>`. They bubble, cross shadow roots (`composed`) and carry only the
 * tracking code and the category: never the reporter's name, contact or location.
 */

/** A complaint was filed: its tracking code and category id. */
export class SiBadraReportSubmittedEvent extends Event {
  static readonly type = 'si-badra-report-submitted';
  constructor(readonly detail: { trackingCode: string; categoryId: string }) {
    super(SiBadraReportSubmittedEvent.type, { bubbles: true, composed: true });
  }
}

/**
 * The report form showed an error (`si-badra-error`, the same event `<si-badra-track>` fires): the
 * stable error code, the complaint's tracking code and category when known.
 */
export class SiBadraReportErrorEvent extends Event {
  static readonly type = 'si-badra-error';
  constructor(readonly detail: { code: string; trackingCode: string | null; category: string | null }) {
    super(SiBadraReportErrorEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'si-badra-report-submitted': SiBadraReportSubmittedEvent;
  }
}
