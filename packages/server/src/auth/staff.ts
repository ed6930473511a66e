import type { Context } from 'hono';
import type { Env } from '../context.js';
import { sha256 } from '../crypto/hash.js';
import { ProblemException } from '../http/problem.js';
import { findStaffByTokenHash, type StaffAccount } from './repository.js';

export type { Role, StaffAccount } from './repository.js';

const unauthorized = (detail: string) =>
  new ProblemException(401, 'unauthorized', detail, undefined, { 'www-authenticate': 'Bearer', 'cache-control': 'no-store' });

/** Bearer token → staff account (401 problem without a valid one). */
export async function staffAccount(c: Context<Env>): Promise<StaffAccount> {
  const m = /^Bearer ([\x21-\x7e]{1,512})$/i.exec(c.req.header('authorization') ?? '');
  if (!m) throw unauthorized('Send Authorization: Bearer <token>');
  const staff = await findStaffByTokenHash(c.get('deps').db, sha256(m[1]!));
  if (!staff) throw unauthorized('Unknown token');
  return staff;
}

/** Whether an account may act at an agency: admins anywhere, others only at their own. */
export const servesAgency = (staff: StaffAccount, agencyId: string) => staff.role === 'admin' || staff.agencyId === agencyId;

/** The signed-in account, which must serve `agencyId` (403 problem otherwise). */
export async function requireAgencyStaff(c: Context<Env>, agencyId: string): Promise<StaffAccount> {
  const staff = await staffAccount(c);
  if (!servesAgency(staff, agencyId)) throw new ProblemException(403, 'forbidden', 'This account serves another agency');
  return staff;
}
