/**
 * Staff identity on every staff request: the bearer token → the account, and the role and
 * agency-scope checks. A bearer token is either a session access token (from `POST
 * /staff/sign-in`, short-lived) or a token of the pre-sign-in kind (`staff.token_hash`: the
 * printed demo tokens, MPP_ADMIN_TOKEN), which keeps working.
 */
import type { Context } from 'hono';
import { CITY_WIDE_ROLES, roleAllows, type StaffAuthReason, type StaffRole } from '@mpp-kit/core';
import type { Env } from '../context.js';
import { sha256 } from '../crypto/hash.js';
import { ProblemException } from '../http/problem.js';
import { findByAccessHash, findStaffByTokenHash, type StaffAccount } from './repository.js';

export type { Role, StaffAccount } from './repository.js';

/** The roles that work the queue's counters (call numbers) for their agency. */
export const COUNTER_ROLES = ['counter', 'agency_admin', 'admin'] as const satisfies readonly StaffRole[];

/**
 * A 401 problem: `reason` (core's `STAFF_AUTH_REASONS`) tells the client whether refreshing can
 * help, and `WWW-Authenticate` says the same in RFC 6750's words.
 */
export function unauthorized(detail: string, reason?: StaffAuthReason): ProblemException {
  const challenge = reason === 'token_expired' ? 'Bearer error="invalid_token", error_description="The access token expired"' : 'Bearer';
  return new ProblemException(
    401,
    'unauthorized',
    detail,
    undefined,
    { 'www-authenticate': challenge, 'cache-control': 'no-store' },
    reason ? { reason } : undefined,
  );
}

/** The bearer token of the request, or null without a well-formed `Authorization: Bearer` header. */
export function bearerToken(c: Context<Env>): string | null {
  const m = /^Bearer ([\x21-\x7e]{1,512})$/i.exec(c.req.header('authorization') ?? '');
  return m ? m[1]! : null;
}

/** Bearer token → staff account (401 problem without a valid one). */
export async function staffAccount(c: Context<Env>): Promise<StaffAccount> {
  const token = bearerToken(c);
  if (!token) throw unauthorized('Send Authorization: Bearer <token>');
  const { db, clock } = c.get('deps');
  const hash = sha256(token);
  const session = await findByAccessHash(db, hash, clock.now());
  if (session.kind === 'ok') return session.account;
  if (session.kind === 'expired') throw unauthorized('The access token expired: refresh it', 'token_expired');
  if (session.kind === 'ended') throw unauthorized('The session ended: sign in again', 'session_ended');
  const staff = await findStaffByTokenHash(db, hash);
  if (!staff) throw unauthorized('Unknown token');
  return staff;
}

/** Whether an account may act at an agency: `admin` and `city_admin` anywhere, others only at their own. */
export const servesAgency = (staff: StaffAccount, agencyId: string) =>
  (CITY_WIDE_ROLES as readonly StaffRole[]).includes(staff.role) || staff.agencyId === agencyId;

/**
 * The signed-in account, which must hold one of `roles` and, when `agencyId` is given, serve
 * that agency: `admin` and `city_admin` anywhere, the agency roles (`counter`, `agency_admin`,
 * `agency_officer`, `agency_head`) only their own, the other city-wide roles (`verifier`,
 * `mayor_office`) wherever they are listed. 401 without a valid token, 403 otherwise.
 */
export async function requireRole(c: Context<Env>, roles: readonly StaffRole[], agencyId?: string | null): Promise<StaffAccount> {
  const staff = await staffAccount(c);
  if (!roles.includes(staff.role)) throw new ProblemException(403, 'forbidden', `This needs one of the roles: ${roles.join(', ')}`);
  if (!roleAllows(staff, roles, agencyId)) throw new ProblemException(403, 'forbidden', 'This account serves another agency');
  return staff;
}

/** The signed-in account, which must work the counters of `agencyId` (403 problem otherwise). */
export const requireAgencyStaff = (c: Context<Env>, agencyId: string): Promise<StaffAccount> => requireRole(c, COUNTER_ROLES, agencyId);
