/** A mail as the catcher received it: the envelope's recipients (lower case, comma-separated), subject and text. */
export interface CaughtMail {
  to: string;
  subject: string;
  text: string;
}
export interface SmtpCatcher {
  port: number;
  /** `MAIL_URL` for the server under test. */
  url: string;
  /** Every mail received, in order of arrival. */
  mails: CaughtMail[];
  close(): Promise<void>;
}
/** Starts a real SMTP server on a free port of 127.0.0.1 that keeps every mail it receives. */
export function startSmtpCatcher(): Promise<SmtpCatcher>;
