/** Structured JSON-lines logging. Never pass personal data (NIK, phone, name, e-mail) in `fields`. */
export interface Logger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Keys whose values are dropped whatever the caller passes: a last line of defence. */
const REDACT = /^(nik|phone|name|email|e-mail|authorization|token|password|body|query)$/i;

export function createLogger(
  write: (line: string) => void = (l) => process.stdout.write(l + '\n'),
  clock: () => Date = () => new Date(),
): Logger {
  const emit = (level: string, msg: string, fields: Record<string, unknown> = {}) => {
    const safe: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(fields)) safe[k] = REDACT.test(k) ? '[redacted]' : v;
    write(JSON.stringify({ time: clock().toISOString(), level, msg, ...safe }));
  };
  return { info: (m, f) => emit('info', m, f), warn: (m, f) => emit('warn', m, f), error: (m, f) => emit('error', m, f) };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
