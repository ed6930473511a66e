/**
 * Staff sign-in, token refresh, sign-out and "who am I".
 *
 * Invariants:
 * - Tokens are 32 random bytes (base64url); only their SHA-256 is stored. An access token lives
 *   `accessSeconds` (15 min); the session, and so every refresh token of it, ends
 *   `sessionSeconds` (12 h, a shift) after sign-in, however often it is refreshed.
 * - A refresh rotates both tokens; the old refresh token stops working, and presenting it again
 *   revokes the whole session (a replayed or stolen token).
 * - A wrong password and an unknown e-mail get the same 401 body, after the same scrypt work
 *   (a dummy hash is verified for an unknown account), so neither the answer nor its timing tells
 *   which accounts exist.
 * - Failed sign-ins are limited per account (5 in 15 min) and, generously because many phones
 *   share one address behind carrier-grade NAT, per client address; over a limit every attempt,
 *   right password or not, gets 429 with `Retry-After` and no password is checked. The counters
 *   live in this app instance's memory (RateLimiter), on the injected clock.
 * - Every answer of these routes is `cache-control: no-store` (set for all staff paths in app.ts).
 */
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { RefreshRequest, ROUTES, SignInRequest, SignOutRequest, type StaffMe, type StaffTokens } from '@mpp-kit/core';
import type { Clock, Env, Limit } from '../context.js';
import { sha256 } from '../crypto/hash.js';
import { hashPassword, needsRehash, verifyPassword } from '../crypto/password.js';
import { ProblemException } from '../http/problem.js';
import { clientAddress, RateLimiter } from '../http/rate-limit.js';
import { honoPath, validate } from '../http/validate.js';
import {
  findByAccessHash,
  findSignInAccount,
  insertSession,
  revokeSession,
  rotateSession,
  updatePasswordHash,
  type StaffAccount,
} from './repository.js';
import { bearerToken, staffAccount, unauthorized } from './staff.js';

export interface StaffAuthOptions {
  /** Life of an access token in seconds (default 900). */
  accessSeconds: number;
  /** Life of a session from sign-in in seconds: the last moment a refresh token works (default 43 200). */
  sessionSeconds: number;
  /** Failed sign-ins per account (default 5 in 15 min). */
  failuresPerAccount: Limit;
  /** Failed sign-ins per client address (default 100 in 15 min: generous, carrier-grade NAT). */
  failuresPerAddress: Limit;
}

export const DEFAULT_STAFF_AUTH: StaffAuthOptions = Object.freeze({
  accessSeconds: 15 * 60,
  sessionSeconds: 12 * 3600,
  failuresPerAccount: { max: 5, windowSeconds: 15 * 60 },
  failuresPerAddress: { max: 100, windowSeconds: 15 * 60 },
});

const newToken = () => randomBytes(32).toString('base64url');
/** What every refused sign-in answers, whichever part was wrong. */
const invalidCredentials = () => unauthorized('The e-mail address or the password is wrong', 'invalid_credentials');

const view = (a: StaffAccount) => ({ id: a.id, name: a.name, role: a.role, agencyId: a.agencyId });

/** The staff sign-in routes, with their own limiters and dummy hash (made here, per app). */
export function staffAuthRoutes(clock: Clock, options: Partial<StaffAuthOptions> = {}): Hono<Env> {
  const o: StaffAuthOptions = { ...DEFAULT_STAFF_AUTH, ...options };
  const perAccount = new RateLimiter(o.failuresPerAccount, clock);
  const perAddress = new RateLimiter(o.failuresPerAddress, clock);
  // Verified instead of a real hash when the e-mail is unknown: the same parameters, the same work.
  // Made at once (on the thread pool), so the first unknown e-mail is not slower than the others.
  const dummy = hashPassword(randomBytes(16).toString('base64url'));
  dummy.catch(() => {});
  const dummyHash = () => dummy;

  const tokensFor = (account: StaffAccount, access: string, refresh: string, refreshExpiresAt: Date, now: Date): StaffTokens => ({
    accessToken: access,
    refreshToken: refresh,
    tokenType: 'Bearer',
    expiresIn: Math.max(
      0,
      Math.floor((Math.min(now.getTime() + o.accessSeconds * 1000, refreshExpiresAt.getTime()) - now.getTime()) / 1000),
    ),
    refreshExpiresIn: Math.max(0, Math.floor((refreshExpiresAt.getTime() - now.getTime()) / 1000)),
    account: view(account),
  });
  const accessExpiry = (now: Date, end: Date) => new Date(Math.min(now.getTime() + o.accessSeconds * 1000, end.getTime()));

  const r = new Hono<Env>();

  r.post(honoPath(ROUTES.staffSignIn.path), async (c) => {
    const body = validate(SignInRequest, c.get('body'));
    const { db } = c.get('deps');
    const email = body.email.toLowerCase();
    const address = clientAddress(c);
    const wait = Math.max(perAccount.blocked(email), perAddress.blocked(address));
    if (wait > 0)
      throw new ProblemException(429, 'rate_limited', 'Too many failed sign-ins; try again later', undefined, {
        'retry-after': String(wait),
        'cache-control': 'no-store',
      });
    const found = await findSignInAccount(db, email);
    const ok = await verifyPassword(body.password, found?.passwordHash ?? (await dummyHash()));
    if (!found || !ok) {
      perAccount.hit(email);
      perAddress.hit(address);
      throw invalidCredentials();
    }
    if (needsRehash(found.passwordHash)) await updatePasswordHash(db, found.id, await hashPassword(body.password));
    const now = clock.now();
    const end = new Date(now.getTime() + o.sessionSeconds * 1000);
    const access = newToken();
    const refresh = newToken();
    await insertSession(db, {
      id: randomBytes(16).toString('base64url'),
      staffId: found.id,
      accessHash: sha256(access),
      accessExpiresAt: accessExpiry(now, end),
      refreshHash: sha256(refresh),
      refreshExpiresAt: end,
      now,
    });
    return c.json(tokensFor(found, access, refresh, end, now));
  });

  r.post(honoPath(ROUTES.staffRefresh.path), async (c) => {
    const body = validate(RefreshRequest, c.get('body'));
    const { db } = c.get('deps');
    const now = clock.now();
    const access = newToken();
    const refresh = newToken();
    const outcome = await db.transaction(async (tx) => {
      // The session's end is only known inside; the access expiry is capped to it below.
      const res = await rotateSession(
        tx,
        sha256(body.refreshToken),
        { accessHash: sha256(access), accessExpiresAt: new Date(now.getTime() + o.accessSeconds * 1000), refreshHash: sha256(refresh) },
        now,
      );
      if (res.kind === 'rotated' && res.refreshExpiresAt.getTime() < now.getTime() + o.accessSeconds * 1000)
        await tx.query(`update staff_sessions set access_expires_at = $2 where id = $1`, [
          res.sessionId,
          res.refreshExpiresAt.toISOString(),
        ]);
      return res;
    });
    if (outcome.kind === 'rotated') return c.json(tokensFor(outcome.account, access, refresh, outcome.refreshExpiresAt, now));
    if (outcome.kind === 'reused')
      throw unauthorized('This refresh token was already used: the session is ended, sign in again', 'session_ended');
    throw unauthorized('The session ended or the refresh token is unknown: sign in again', 'session_ended');
  });

  r.post(honoPath(ROUTES.staffSignOut.path), async (c) => {
    const token = bearerToken(c);
    if (!token) throw unauthorized('Send Authorization: Bearer <access token>');
    validate(SignOutRequest, c.get('body'));
    const { db } = c.get('deps');
    const now = clock.now();
    const found = await findByAccessHash(db, sha256(token), now);
    // An expired access token may still end its session (the client need not refresh to sign out).
    if (found.kind === 'ok' || found.kind === 'expired') {
      await revokeSession(db, found.kind === 'ok' ? found.account.sessionId! : found.sessionId, 'sign_out', now);
      return c.body(null, 204);
    }
    if (found.kind === 'ended') throw unauthorized('The session already ended', 'session_ended');
    // A token of the pre-sign-in kind has no session to end (remove it from `staff` instead).
    await staffAccount(c);
    throw new ProblemException(400, 'bad_request', 'This bearer token is not a session token; it cannot be signed out');
  });

  r.get(honoPath(ROUTES.staffMe.path), async (c) => {
    const account = await staffAccount(c);
    const me: StaffMe = {
      account: view(account),
      ...(account.accessExpiresAt ? { expiresAt: account.accessExpiresAt.toISOString() } : {}),
    };
    return c.json(me);
  });

  return r;
}
