/**
 * Staff password hashing with scrypt (RFC 7914) from `node:crypto`: memory-hard, built into Node
 * (OpenSSL), so there is no native addon to build and it runs the same on Node 20, 22 and 24.
 *
 * A hash is one self-describing string, `scrypt$N$r$p$salt$hash` (salt and hash base64url), so
 * the parameters can be raised later: `verifyPassword` reads them from the string and
 * `needsRehash` says when a stored hash is weaker than the current parameters.
 *
 * Parameters: N = 2^15, r = 8, p = 3 — one of OWASP's equivalent scrypt settings (the same work
 * as N = 2^17, p = 1) at 32 MiB of memory per hash instead of 128 MiB, so a burst of sign-ins on
 * a small server does not exhaust memory. Every hash runs on libuv's thread pool, not the event
 * loop.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  /** CPU/memory cost, a power of two. */
  N: number;
  /** Block size. */
  r: number;
  /** Parallelisation. */
  p: number;
}

export const SCRYPT_PARAMS: Readonly<ScryptParams> = Object.freeze({ N: 2 ** 15, r: 8, p: 3 });
const SALT_BYTES = 16;
const KEY_BYTES = 32;
/** Largest parameters a stored hash may ask for (a tampered row must not make one check cost gigabytes). */
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

const derive = (password: string, salt: Buffer, q: ScryptParams, length: number) =>
  new Promise<Buffer>((resolve, reject) => {
    // scrypt needs 128 * N * r bytes; Node refuses above `maxmem` (32 MiB by default), so allow it plus slack.
    const options: ScryptOptions = { N: q.N, r: q.r, p: q.p, maxmem: 128 * q.N * q.r + 16 * 1024 * 1024 };
    scrypt(password.normalize('NFC'), salt, length, options, (err, key) => (err ? reject(err) : resolve(key)));
  });

/** Hashes a password with a fresh random salt: `scrypt$N$r$p$salt$hash`. */
export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return `scrypt$${params.N}$${params.r}$${params.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

interface Parsed extends ScryptParams {
  salt: Buffer;
  key: Buffer;
}

const B64URL = /^[A-Za-z0-9_-]{16,128}$/;

/** The parts of a stored hash, or null when it is not one this module wrote (or asks for absurd parameters). */
function parse(stored: string): Parsed | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map((x) => (/^[1-9]\d{0,7}$/.test(x) ? Number(x) : NaN)) as [number, number, number];
  if (!(N >= 2 && N <= MAX_N && (N & (N - 1)) === 0 && r >= 1 && r <= MAX_R && p >= 1 && p <= MAX_P)) return null;
  if (!B64URL.test(parts[4]!) || !B64URL.test(parts[5]!)) return null;
  return { N, r, p, salt: Buffer.from(parts[4]!, 'base64url'), key: Buffer.from(parts[5]!, 'base64url') };
}

/**
 * Whether `password` matches `stored`, compared in constant time. A malformed stored hash is a
 * mismatch (never an exception): a sign-in must answer the same whatever the row holds.
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const h = parse(stored);
  if (!h) return false;
  const key = await derive(password, h.salt, h, h.key.length);
  return timingSafeEqual(key, h.key);
}

/** True when `stored` was made with weaker parameters than `params` (rehash it at the next good sign-in). */
export function needsRehash(stored: string, params: ScryptParams = SCRYPT_PARAMS): boolean {
  const h = parse(stored);
  return !h || h.N < params.N || h.r < params.r || h.p < params.p || h.key.length < KEY_BYTES;
}
