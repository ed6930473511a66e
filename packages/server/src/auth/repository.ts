/**
 * All of the staff SQL: accounts (by bearer token of the pre-sign-in kind, or by e-mail for a
 * password sign-in) and sessions (hashes of their access and refresh tokens). Every "now" is a
 * parameter from the injected clock.
 */
import type { StaffRole } from '@mpp-kit/core';
import type { Sql } from '../db/types.js';

export type Role = StaffRole;
export interface StaffAccount {
  id: string;
  name: string;
  role: Role;
  agencyId: string | null;
  /** The session of the access token used; absent for a bearer token of the pre-sign-in kind. */
  sessionId?: string;
  /** When that access token expires. */
  accessExpiresAt?: Date;
}

interface StaffRow {
  id: string;
  name: string;
  role: Role;
  agency_id: string | null;
}
const account = (r: StaffRow): StaffAccount => ({ id: r.id, name: r.name, role: r.role, agencyId: r.agency_id ?? null });

/** The staff account whose bearer token hashes to `tokenHash`, if any (and not disabled). */
export async function findStaffByTokenHash(db: Sql, tokenHash: string): Promise<StaffAccount | null> {
  const [r] = await db.query<StaffRow>(`select id, name, role, agency_id from staff where token_hash = $1 and disabled_at is null`, [
    tokenHash,
  ]);
  return r ? account(r) : null;
}

/** Ensures the bootstrap admin account with this token hash (MPP_ADMIN_TOKEN). */
export async function upsertBootstrapAdmin(db: Sql, tokenHash: string): Promise<void> {
  await db.query(
    `insert into staff (id, name, role, agency_id, token_hash) values ('admin-bootstrap', 'Admin (MPP_ADMIN_TOKEN)', 'admin', null, $1)
       on conflict (id) do update set token_hash = excluded.token_hash`,
    [tokenHash],
  );
}

/** An account that may sign in with a password: its hash, to verify. */
export async function findSignInAccount(db: Sql, email: string): Promise<(StaffAccount & { passwordHash: string }) | null> {
  const [r] = await db.query<StaffRow & { password_hash: string }>(
    `select id, name, role, agency_id, password_hash from staff where email = $1 and password_hash is not null and disabled_at is null`,
    [email],
  );
  return r ? { ...account(r), passwordHash: r.password_hash } : null;
}

export async function updatePasswordHash(db: Sql, id: string, passwordHash: string): Promise<void> {
  await db.query(`update staff set password_hash = $2 where id = $1`, [id, passwordHash]);
}

export interface NewSession {
  id: string;
  staffId: string;
  accessHash: string;
  accessExpiresAt: Date;
  refreshHash: string;
  refreshExpiresAt: Date;
  now: Date;
}

export async function insertSession(db: Sql, s: NewSession): Promise<void> {
  await db.query(
    `insert into staff_sessions (id, staff_id, access_hash, access_expires_at, refresh_hash, refresh_expires_at, created_at)
     values ($1, $2, $3, $4, $5, $6, $7)`,
    [s.id, s.staffId, s.accessHash, s.accessExpiresAt.toISOString(), s.refreshHash, s.refreshExpiresAt.toISOString(), s.now.toISOString()],
  );
}

export type AccessLookup =
  { kind: 'ok'; account: StaffAccount } | { kind: 'expired'; sessionId: string } | { kind: 'ended' } | { kind: 'unknown' };

/** The account behind a session access token, and whether that token still works at `now`. */
export async function findByAccessHash(db: Sql, accessHash: string, now: Date): Promise<AccessLookup> {
  const [r] = await db.query<
    StaffRow & { session_id: string; revoked: boolean; access_expires_at: Date | string; expired: boolean; ended: boolean }
  >(
    `select st.id, st.name, st.role, st.agency_id, s.id as session_id, s.access_expires_at,
            s.access_expires_at <= $2::timestamptz as expired,
            (s.revoked or s.refresh_expires_at <= $2::timestamptz or st.disabled_at is not null) as ended
       from staff_sessions s join staff st on st.id = s.staff_id
      where s.access_hash = $1`,
    [accessHash, now.toISOString()],
  );
  if (!r) return { kind: 'unknown' };
  if (r.ended) return { kind: 'ended' };
  if (r.expired) return { kind: 'expired', sessionId: r.session_id };
  return { kind: 'ok', account: { ...account(r), sessionId: r.session_id, accessExpiresAt: new Date(r.access_expires_at) } };
}

export type RefreshOutcome =
  | { kind: 'rotated'; account: StaffAccount; sessionId: string; refreshExpiresAt: Date }
  | { kind: 'reused' }
  | { kind: 'ended' }
  | { kind: 'unknown' };

/**
 * Rotates a session's tokens in one transaction: the presented refresh token must be the
 * session's current one (the row is locked, so two refreshes with one token cannot both win); it
 * moves to `staff_rotated_tokens`. A token found there instead is a replay: the session is
 * revoked at once, which also stops the access token issued with the thief's or the owner's
 * last rotation.
 */
export async function rotateSession(
  tx: Sql,
  refreshHash: string,
  next: { accessHash: string; accessExpiresAt: Date; refreshHash: string },
  now: Date,
): Promise<RefreshOutcome> {
  const iso = now.toISOString();
  const [s] = await tx.query<StaffRow & { session_id: string; revoked: boolean; refresh_expires_at: Date | string; ended: boolean }>(
    `select st.id, st.name, st.role, st.agency_id, s.id as session_id, s.refresh_expires_at,
            (s.revoked or s.refresh_expires_at <= $2::timestamptz or st.disabled_at is not null) as ended
       from staff_sessions s join staff st on st.id = s.staff_id
      where s.refresh_hash = $1
      for update of s`,
    [refreshHash, iso],
  );
  if (s) {
    if (s.ended) return { kind: 'ended' };
    await tx.query(`insert into staff_rotated_tokens (token_hash, session_id, rotated_at) values ($1, $2, $3)`, [
      refreshHash,
      s.session_id,
      iso,
    ]);
    await tx.query(
      `update staff_sessions set access_hash = $2, access_expires_at = $3, refresh_hash = $4, refreshed_at = $5 where id = $1`,
      [s.session_id, next.accessHash, next.accessExpiresAt.toISOString(), next.refreshHash, iso],
    );
    return { kind: 'rotated', account: account(s), sessionId: s.session_id, refreshExpiresAt: new Date(s.refresh_expires_at) };
  }
  const [old] = await tx.query<{ session_id: string }>(`select session_id from staff_rotated_tokens where token_hash = $1`, [refreshHash]);
  if (!old) return { kind: 'unknown' };
  await revokeSession(tx, old.session_id, 'refresh_reuse', now);
  return { kind: 'reused' };
}

/** Ends a session: both of its tokens stop working. Returns false when it had already ended. */
export async function revokeSession(db: Sql, sessionId: string, reason: 'sign_out' | 'refresh_reuse', now: Date): Promise<boolean> {
  const rows = await db.query(
    `update staff_sessions set revoked = true, revoked_at = $3, revoked_reason = $2 where id = $1 and not revoked returning id`,
    [sessionId, reason, now.toISOString()],
  );
  return rows.length > 0;
}

/** The state of one session (tests, admin tools). */
export async function sessionState(db: Sql, sessionId: string): Promise<{ revoked: boolean; reason: string | null } | null> {
  const [r] = await db.query<{ revoked: boolean; revoked_reason: string | null }>(
    `select revoked, revoked_reason from staff_sessions where id = $1`,
    [sessionId],
  );
  return r ? { revoked: r.revoked, reason: r.revoked_reason } : null;
}

export interface PasswordAccount {
  id: string;
  name: string;
  role: Role;
  agencyId: string | null;
  email: string;
  passwordHash: string;
}

/** Creates password accounts that do not exist yet (by id); returns the ids inserted. */
export async function insertPasswordAccounts(tx: Sql, accounts: PasswordAccount[], now: Date): Promise<string[]> {
  const out: string[] = [];
  for (const a of accounts) {
    const rows = await tx.query<{ id: string }>(
      `insert into staff (id, name, role, agency_id, email, password_hash, created_at) values ($1, $2, $3, $4, $5, $6, $7)
       on conflict do nothing returning id`,
      [a.id, a.name, a.role, a.agencyId, a.email, a.passwordHash, now.toISOString()],
    );
    if (rows.length) out.push(a.id);
  }
  return out;
}
