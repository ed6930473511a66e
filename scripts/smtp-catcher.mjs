// A real SMTP server on loopback for the tests (the `smtp-server` package, parsed by `mailparser`):
// the server under test sends to it through nodemailer exactly as it would to a city's mail relay,
// and the test reads what arrived. Used by the server's complaint tests, the element test runner
// and the end-to-end test.
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

/**
 * Starts the catcher on a free port of 127.0.0.1.
 * @returns {Promise<import('./smtp-catcher.d.mts').SmtpCatcher>}
 */
export async function startSmtpCatcher() {
  /** @type {import('./smtp-catcher.d.mts').CaughtMail[]} */
  const mails = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, cb) {
      simpleParser(stream)
        .then((m) => {
          const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase()).join(',');
          mails.push({ to, subject: m.subject ?? '', text: m.text ?? '' });
          cb();
        })
        .catch(cb);
    },
  });
  await new Promise((r) => smtp.listen(0, '127.0.0.1', () => r(null)));
  const port = /** @type {import('node:net').AddressInfo} */ (smtp.server.address()).port;
  return {
    port,
    url: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
    mails,
    close: () => new Promise((r) => smtp.close(() => r(undefined))),
  };
}
