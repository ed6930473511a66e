/**
 * Events of `<si-badra-report>`. They bubble, cross shadow roots (`composed`) and carry only the
 * tracking code and the category: never the reporter's name, contact or location. Errors are
 * `si-badra-error` (`../shared/si-badra-events.ts`), as in `<si-badra-track>`.
 */

/** A complaint was filed: its tracking code and category id. */
export class SiBadraReportSubmittedEvent extends Event {
  static readonly type = 'si-badra-report-submitted';
  constructor(readonly detail: { trackingCode: string; categoryId: string }) {
    super(SiBadraReportSubmittedEvent.type, { bubbles: true, composed: true });
  }
}

/** "Saya juga": the citizen supported an open complaint instead of filing the same again (`counted` false: already supported). */
export class SiBadraReportSupportedEvent extends Event {
  static readonly type = 'si-badra-report-supported';
  constructor(readonly detail: { trackingCode: string; categoryId: string; counted: boolean }) {
    super(SiBadraReportSupportedEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'si-badra-report-supported': SiBadraReportSupportedEvent;
    'si-badra-report-submitted': SiBadraReportSubmittedEvent;
  }
}
