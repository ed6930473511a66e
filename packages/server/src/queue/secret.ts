import { createHmac, createSecretKey, randomBytes, timingSafeEqual, createHash, type KeyObject } from 'node:crypto';
import type { Db } from '../db/types.js';

/**
 * The per-deployment secret behind the NIK HMAC. Production sets MPP_SECRET; a demo install
 * generates one on first start and keeps it in the database, so hashes stay stable across restarts.
 */
export async function deploymentSecret(db: Db, fromEnv?: string): Promise<string> {
  if (fromEnv) return fromEnv;
  const fresh = randomBytes(32).toString('base64url');
  await db.query(`insert into settings (key, value) values ('nik_secret', $1) on conflict (key) do nothing`, [fresh]);
  const [row] = await db.query<{ value: string }>(`select value from settings where key = 'nik_secret'`);
  return row!.value;
}

/** The secret as a key object, made once: a string key is converted again on every HMAC. */
let key: { secret: string; obj: KeyObject } | null = null;

/** HMAC-SHA256 of a cleaned 16-digit NIK: the only form in which a NIK is stored. */
export function nikHash(secret: string, nik: string): string {
  if (key?.secret !== secret) key = { secret, obj: createSecretKey(Buffer.from(secret, 'utf8')) };
  return createHmac('sha256', key.obj).update(`nik:${nik}`).digest('base64url');
}

export const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** Random bytes drawn 4 KiB at a time (one system call per 512 codes, as randomUUID does). */
let pool = Buffer.alloc(0);
let poolAt = 0;

/** Booking codes: 8 characters from an alphabet without look-alikes (0/O, 1/I), shown as `7KQ2-M9XA`. */
export function bookingCode(): string {
  if (poolAt + 8 > pool.length) {
    pool = randomBytes(4096);
    poolAt = 0;
  }
  let s = '';
  // 32 letters: a byte modulo 32 is uniform.
  for (let i = 0; i < 8; i++) s += CODE_ALPHABET[pool[poolAt + i]! % CODE_ALPHABET.length];
  pool.fill(0, poolAt, poolAt + 8);
  poolAt += 8;
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}
