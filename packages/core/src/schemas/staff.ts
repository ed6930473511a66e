/**
 * Staff accounts and sign-in: roles, their agency scope, and the sign-in, refresh, sign-out and
 * "who am I" exchanges. Staff sign in with an e-mail address and a password and get a pair of
 * bearer tokens: a short-lived access token for every staff request and a refresh token that
 * rotates at every use.
 */
import * as z from 'zod/mini';
import { Slug } from './common.js';
import { text } from './text.js';

/**
 * Every staff role. Queue: `counter` (calls numbers at a counter), `agency_admin` (an agency's
 * holidays and closures), `admin` (the MPP's administrator). Si Badra: `verifier` (the complaint
 * desk: verify, reject, dispatch), `agency_officer` (an OPD's operator: answers and resolves),
 * `agency_head` (the Kepala OPD, who gets level-1 escalations), `mayor_office` (level 2 and the
 * briefing report), `city_admin` (every agency's complaints and the accounts).
 */
export const STAFF_ROLES = [
  'counter',
  'agency_admin',
  'admin',
  'verifier',
  'agency_officer',
  'agency_head',
  'mayor_office',
  'city_admin',
] as const;
export const StaffRole = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRole>;

/** Roles that belong to one agency (their account has an `agencyId`); the others are city-wide and have none. */
export const AGENCY_ROLES = ['counter', 'agency_admin', 'agency_officer', 'agency_head'] as const satisfies readonly StaffRole[];
/** Roles that may act at any agency. */
export const CITY_WIDE_ROLES = ['admin', 'city_admin'] as const satisfies readonly StaffRole[];

export const isAgencyRole = (role: StaffRole): boolean => (AGENCY_ROLES as readonly StaffRole[]).includes(role);

/**
 * Whether an account with `role` and `agencyId` may act at `agencyId` under one of `roles`:
 * its role must be listed, and an agency role must belong to that agency (`admin` and
 * `city_admin` act anywhere; a city-wide role without agency rights, such as `verifier`, acts on
 * every agency when listed). Without `agencyId` only the role counts.
 */
export function roleAllows(
  account: { role: StaffRole; agencyId: string | null },
  roles: readonly StaffRole[],
  agencyId?: string | null,
): boolean {
  if (!roles.includes(account.role)) return false;
  if (agencyId === undefined || agencyId === null) return true;
  if (!isAgencyRole(account.role)) return true;
  return account.agencyId === agencyId;
}

/**
 * Why a staff request got a 401 `unauthorized`, in the problem's `reason` member. The client
 * refreshes its tokens on `token_expired` only; `invalid_credentials` answers a wrong e-mail or
 * password alike (the answer never tells which); `session_ended` a signed-out, revoked or
 * expired session, or an unknown or already-rotated refresh token.
 */
export const STAFF_AUTH_REASONS = ['invalid_credentials', 'token_expired', 'session_ended'] as const;
export type StaffAuthReason = (typeof STAFF_AUTH_REASONS)[number];

/** `POST /staff/sign-in`. The e-mail is compared case-insensitively. */
export const SignInRequest = z.object({
  email: text({ min: 3, max: 254 }),
  /** Any characters but control, lone-surrogate and bidirectional ones (the text rule); not trimmed. */
  password: text({ min: 1, max: 1024, trim: false }),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

/** `POST /staff/refresh`. */
export const RefreshRequest = z.object({
  /** As issued: base64url. */
  refreshToken: z.string().check(z.minLength(1), z.maxLength(512), z.regex(/^[A-Za-z0-9_-]+$/)),
});
export type RefreshRequest = z.infer<typeof RefreshRequest>;

/** `POST /staff/sign-out`: an empty JSON object (every POST of the API carries a JSON body); the session is the bearer token's. */
export const SignOutRequest = z.object({});
export type SignOutRequest = z.infer<typeof SignOutRequest>;

/** The signed-in account, as staff widgets show it. */
export const StaffAccountView = z.object({
  id: z.string(),
  name: z.string(),
  role: StaffRole,
  agencyId: z.nullable(Slug),
});
export type StaffAccountView = z.infer<typeof StaffAccountView>;

/** A fresh token pair: `expiresIn` (seconds) is the access token's life, `refreshExpiresIn` the session's. */
export const StaffTokens = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  tokenType: z.literal('Bearer'),
  expiresIn: z.number().check(z.int(), z.minimum(0)),
  refreshExpiresIn: z.number().check(z.int(), z.minimum(0)),
  account: StaffAccountView,
});
export type StaffTokens = z.infer<typeof StaffTokens>;

/** `GET /staff/me`: the account, and when the access token used expires. */
export const StaffMe = z.object({
  account: StaffAccountView,
  /** Absent for a bearer token of the pre-sign-in kind (it does not expire). */
  expiresAt: z.optional(z.string()),
});
export type StaffMe = z.infer<typeof StaffMe>;

/** The body of a 204 answer. */
export const NoContent = z.undefined();
