// How an SMS (or WhatsApp) message leaves the server: one small interface, so a deployment plugs
// in its gateway's client; the outbox and its delivery job stay the same for both channels.
import type { MailTransport } from './transport.js';

/** Sends one text message to an E.164 number (`+628123456789`); throws to have the outbox retry later. */
export interface SmsSender {
  readonly kind: string;
  send(to: string, body: string): Promise<void>;
}

/**
 * Without a gateway: nothing leaves the server; the message stays in the outbox, where the demo's
 * dev mailbox page shows it (marked sent, as a mail is with the dev transport).
 */
export const devSmsSender = (): SmsSender => ({ kind: 'dev', send: async () => undefined });

/** One transport for the outbox: e-mail through `mail`, the `sms` channel through `sms`. */
export function withSms(mail: MailTransport, sms: SmsSender): MailTransport {
  return {
    kind: mail.kind,
    send: (m) => (m.channel === 'sms' ? sms.send(m.to, m.body) : mail.send(m)),
  };
}
