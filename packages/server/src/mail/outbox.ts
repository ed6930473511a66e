/**
 * The durable mail outbox: every mail (contact codes, dispatch notices, escalations) is written in
 * the transaction that decides it, under a unique `dedupeKey`, so a decision taken twice (two
 * instances, a retried sweep, a restart) enqueues it once. `deliverMail` sends what is due:
 * it claims a batch with `FOR UPDATE SKIP LOCKED` and a lease (so several instances never claim
 * the same mail and a crashed sender's claim runs out), sends, then marks each sent. A mail is sent
 * again only if the process dies between the SMTP server accepting it and the mark; its
 * `Message-ID` is derived from the dedupe key, so a receiving server can drop such a copy.
 */
import { createTransport, type Transporter } from 'nodemailer';
import type { Clock } from '../context.js';
import type { Db, Sql } from '../db/types.js';
import type { Logger } from '../log.js';
import type { MailTransport } from './transport.js';

export type { MailTransport } from './transport.js';

export interface OutgoingMail {
  dedupeKey: string;
  to: string;
  subject: string;
  body: string;
  channel?: 'email' | 'sms';
}

/** Nodemailer over `MAIL_URL` (`smtp://user:pass@host:587`, `smtps://…`); `from` is the sender shown. */
export function smtpTransport(url: string, from: string): MailTransport {
  const t: Transporter = createTransport(url);
  return {
    kind: 'smtp',
    async send(m) {
      // SMS goes through its own sender (`SmsSender` in sms.ts, joined by `withSms`), never over SMTP.
      if (m.channel === 'sms') return;
      await t.sendMail({ from, to: m.to, subject: m.subject, text: m.body, messageId: m.messageId });
    },
  };
}

/** Without MAIL_URL: nothing leaves the server; the demo's dev mailbox page lists the outbox. */
export const devTransport = (): MailTransport => ({ kind: 'dev', send: async () => undefined });

/** Writes a mail to the outbox in `tx`; false when one with this dedupe key exists (it is not enqueued twice). */
export async function enqueueMail(tx: Sql, now: Date, m: OutgoingMail): Promise<boolean> {
  const rows = await tx.query(
    `insert into mail_outbox (dedupe_key, channel, to_addr, subject, body, created_at, next_attempt_at)
     values ($1, $2, $3, $4, $5, $6::timestamptz, $6::timestamptz) on conflict (dedupe_key) do nothing returning id`,
    [m.dedupeKey, m.channel ?? 'email', m.to, m.subject, m.body, now.toISOString()],
  );
  return rows.length === 1;
}

/** A claim runs out after this long, so a sender that died does not hold its mails forever. */
const LEASE_MS = 5 * 60_000;
const BATCH = 20;

/** Sends the due mails once; returns how many were sent. */
export async function deliverMail(db: Db, clock: Clock, transport: MailTransport, logger: Logger, domain: string): Promise<number> {
  const now = clock.now();
  const claimed = await db.query<{
    id: string;
    dedupe_key: string;
    channel: 'email' | 'sms';
    to_addr: string;
    subject: string;
    body: string;
    attempts: number;
  }>(
    `update mail_outbox set next_attempt_at = $2::timestamptz, attempts = attempts + 1
      where id in (select id from mail_outbox where sent_at is null and next_attempt_at <= $1::timestamptz
                    order by id limit ${BATCH} for update skip locked)
      returning id, dedupe_key, channel, to_addr, subject, body, attempts`,
    [now.toISOString(), new Date(now.getTime() + LEASE_MS).toISOString()],
  );
  let sent = 0;
  for (const m of claimed) {
    try {
      await transport.send({
        to: m.to_addr,
        subject: m.subject,
        body: m.body,
        channel: m.channel,
        messageId: `<${Buffer.from(m.dedupe_key).toString('base64url')}@${domain}>`,
      });
      await db.query(`update mail_outbox set sent_at = $2::timestamptz, last_error = null where id = $1`, [
        m.id,
        clock.now().toISOString(),
      ]);
      sent++;
    } catch (e) {
      // Back off: 1, 2, 4 … minutes, at most an hour.
      const wait = Math.min(60, 2 ** Math.min(6, Number(m.attempts) - 1)) * 60_000;
      await db.query(`update mail_outbox set next_attempt_at = $2::timestamptz, last_error = $3 where id = $1`, [
        m.id,
        new Date(clock.now().getTime() + wait).toISOString(),
        String((e as Error).message).slice(0, 500),
      ]);
      logger.warn('mail_failed', { id: m.id, attempts: m.attempts });
    }
  }
  return sent;
}

/** The newest outbox entries (the dev mailbox page of the demo; tests). */
export async function recentMail(db: Sql, limit = 50) {
  return db.query<{
    id: string;
    channel: string;
    to_addr: string;
    subject: string;
    body: string;
    created_at: string;
    sent_at: string | null;
  }>(`select id, channel, to_addr, subject, body, created_at, sent_at from mail_outbox order by id desc limit $1`, [limit]);
}
