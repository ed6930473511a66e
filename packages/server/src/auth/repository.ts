import type { Sql } from '../db/types.js';

export type Role = 'counter' | 'agency_admin' | 'admin';
export interface StaffAccount {
  id: string;
  role: Role;
  agencyId: string | null;
}

interface StaffRow {
  id: string;
  role: Role;
  agency_id: string | null;
}

/** The staff account whose bearer token hashes to `tokenHash`, if any. */
export async function findStaffByTokenHash(db: Sql, tokenHash: string): Promise<StaffAccount | null> {
  const [r] = await db.query<StaffRow>(`select id, role, agency_id from staff where token_hash = $1`, [tokenHash]);
  return r ? { id: r.id, role: r.role, agencyId: r.agency_id ?? null } : null;
}

/** Ensures the bootstrap admin account with this token hash (MPP_ADMIN_TOKEN). */
export async function upsertBootstrapAdmin(db: Sql, tokenHash: string): Promise<void> {
  await db.query(
    `insert into staff (id, name, role, agency_id, token_hash) values ('admin-bootstrap', 'Admin (MPP_ADMIN_TOKEN)', 'admin', null, $1)
       on conflict (id) do update set token_hash = excluded.token_hash`,
    [tokenHash],
  );
}
