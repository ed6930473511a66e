import type { Context } from 'hono';
import type { Env } from '../context.js';
import type { Sql } from '../db/types.js';
import { sha256 } from '../crypto/hash.js';
import { ProblemException } from './problem.js';

/** The Idempotency-Key header of a create, checked (at most 200 printable characters). */
export function idempotencyKey(c: Context<Env>): string | null {
  const key = c.req.header('idempotency-key')?.trim();
  if (!key) return null;
  if (key.length > 200 || !/^[\x21-\x7e]+$/.test(key))
    throw new ProblemException(400, 'bad_request', 'Idempotency-Key must be 1 to 200 printable ASCII characters');
  return key;
}

/**
 * Runs `fn` once per Idempotency-Key and scope: a retry with the same key and body gets the first
 * answer; the same key with another body is a 422. Without a key `fn` simply runs (in a transaction).
 */
export async function idempotent(
  c: Context<Env>,
  scope: string,
  body: unknown,
  fn: (tx: Sql) => Promise<{ status: 200 | 201; body: unknown; after?: () => void }>,
) {
  const { db, clock } = c.get('deps');
  const key = idempotencyKey(c);
  const hash = sha256(JSON.stringify(body));
  let after: (() => void) | undefined;
  const result = await db.transaction(async (tx) => {
    if (key) {
      const fresh = await tx.query(
        `insert into idempotency_keys (key, scope, request_hash, created_at) values ($1, $2, $3, $4::timestamptz) on conflict (key) do nothing returning key`,
        [`${scope}:${key}`, scope, hash, clock.now().toISOString()],
      );
      if (fresh.length === 0) {
        const [prev] = await tx.query<{ request_hash: string; status: number; response: unknown }>(
          `select request_hash, status, response from idempotency_keys where key = $1`,
          [`${scope}:${key}`],
        );
        if (prev?.request_hash !== hash)
          throw new ProblemException(422, 'idempotency_key_reused', 'This Idempotency-Key was used with another body');
        const response = typeof prev.response === 'string' ? JSON.parse(prev.response) : prev.response;
        return { status: Number(prev.status) as 200 | 201, body: response, replay: true };
      }
    }
    const r = await fn(tx);
    after = r.after;
    if (key)
      await tx.query(`update idempotency_keys set status = $2, response = $3::jsonb where key = $1`, [
        `${scope}:${key}`,
        r.status,
        JSON.stringify(r.body),
      ]);
    return { ...r, replay: false };
  });
  after?.();
  return c.json(result.body as object, result.status, result.replay ? { 'idempotent-replayed': 'true' } : {});
}
