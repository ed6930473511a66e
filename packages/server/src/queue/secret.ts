import { createHmac, randomBytes, timingSafeEqual, createHash } from 'node:crypto';
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

/** HMAC-SHA256 of a cleaned 16-digit NIK: the only form in which a NIK is stored. */
export const nikHash = (secret: string, nik: string) => createHmac('sha256', secret).update(`nik:${nik}`).digest('base64url');

export const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Booking codes: 8 characters from an alphabet without look-alikes (0/O, 1/I), shown as `7KQ2-M9XA`. */
export function bookingCode(): string {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
  const bytes = randomBytes(8);
  let s = '';
  for (const b of bytes) s += alphabet[b % alphabet.length];
  return `${s.slice(0, 4)}-${s.slice(4)}`;
}
