/**
 * The event both Si Badra widgets fire on an error (`si-badra-error`). Like every Si Badra event
 * it bubbles, crosses shadow roots (`composed`) and carries only the tracking code and the
 * category: never the reporter's name, contact or location.
 */

/** A Si Badra widget showed an error; `code` is the stable error code, the complaint when one is known. */
export class SiBadraErrorEvent extends Event {
  static readonly type = 'si-badra-error';
  constructor(readonly detail: { code: string; trackingCode: string | null; category: string | null }) {
    super(SiBadraErrorEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'si-badra-error': SiBadraErrorEvent;
  }
}
