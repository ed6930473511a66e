/**
 * The event of `<si-badra-inbox>`. It bubbles, crosses shadow roots (`composed`) and carries the
 * tracking code and the action only: never the complaint's text, the reporter's contact or the
 * staff member's account.
 */

/** What a staff member did in the inbox. */
export type InboxAction = 'verify' | 'reject' | 'merge' | 'dispatch' | 'answer' | 'resolve' | 'redact';

/** A staff action succeeded on the server. */
export class SiBadraInboxActionEvent extends Event {
  static readonly type = 'si-badra-inbox-action';
  constructor(readonly detail: { trackingCode: string; action: InboxAction }) {
    super(SiBadraInboxActionEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'si-badra-inbox-action': SiBadraInboxActionEvent;
  }
}
