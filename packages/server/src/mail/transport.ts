// How a mail leaves the server (apart from the outbox, so the app's options can name it without
// importing the outbox's plumbing).

/** How a mail leaves: SMTP through nodemailer, or the dev mailbox (kept in the outbox, shown by the demo). */
export interface MailTransport {
  readonly kind: 'smtp' | 'dev';
  send(m: { to: string; subject: string; body: string; messageId: string; channel: 'email' | 'sms' }): Promise<void>;
}
