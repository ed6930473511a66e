/**
 * DEMO ONLY: the sign-in accounts of the Kota Bogor demo, one per staff role, with fixed demo
 * passwords that `npm start` prints. They are seeded only with the demo data (`seedDemo`), never
 * in a deployment that loads its own staff. The agency roles sit at PDAM Tirta Pakuan (an MPP
 * agency and the agency that answers most Si Badra complaints: water) and the counter roles at
 * Disdukcapil; their e-mail addresses are the demo's official addresses of those offices.
 */
import type { StaffRole } from '@mpp-kit/core';
import { hashPassword } from '../crypto/password.js';
import type { Db } from '../db/types.js';
import { insertPasswordAccounts } from './repository.js';

export interface DemoAccount {
  id: string;
  name: string;
  role: StaffRole;
  agencyId: string | null;
  email: string;
  /** A fixed demo string, printed as such: never a password of a real account. */
  password: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = Object.freeze([
  {
    id: 'demo-verifikator',
    name: 'Verifikator Si Badra (demo)',
    role: 'verifier',
    agencyId: null,
    email: 'verifikator@demo.mpp-kit.id',
    password: 'demo-verifikator-bogor',
  },
  {
    id: 'demo-petugas-pdam',
    name: 'Petugas Si Badra PDAM Tirta Pakuan (demo)',
    role: 'agency_officer',
    agencyId: 'pdam',
    email: 'pengaduan.pdam@demo.mpp-kit.id',
    password: 'demo-petugas-pdam',
  },
  {
    id: 'demo-kepala-pdam',
    name: 'Direktur PDAM Tirta Pakuan (demo)',
    role: 'agency_head',
    agencyId: 'pdam',
    email: 'direktur.pdam@demo.mpp-kit.id',
    password: 'demo-kepala-pdam',
  },
  {
    id: 'demo-kantor-walikota',
    name: 'Kantor Wali Kota Bogor (demo)',
    role: 'mayor_office',
    agencyId: null,
    email: 'walikota@demo.mpp-kit.id',
    password: 'demo-walikota-bogor',
  },
  {
    id: 'demo-admin-kota',
    name: 'Admin Kota Bogor (demo)',
    role: 'city_admin',
    agencyId: null,
    email: 'admin.kota@demo.mpp-kit.id',
    password: 'demo-admin-kota',
  },
  {
    id: 'demo-loket-disdukcapil',
    name: 'Petugas loket Disdukcapil (demo, masuk dengan sandi)',
    role: 'counter',
    agencyId: 'disdukcapil',
    email: 'loket.disdukcapil@demo.mpp-kit.id',
    password: 'demo-loket-disdukcapil',
  },
  {
    id: 'demo-admin-disdukcapil',
    name: 'Admin Disdukcapil (demo)',
    role: 'agency_admin',
    agencyId: 'disdukcapil',
    email: 'admin.disdukcapil@demo.mpp-kit.id',
    password: 'demo-admin-disdukcapil',
  },
  {
    id: 'demo-admin-mpp',
    name: 'Admin MPP (demo, masuk dengan sandi)',
    role: 'admin',
    agencyId: null,
    email: 'admin.mpp@demo.mpp-kit.id',
    password: 'demo-admin-mpp',
  },
]);

/**
 * Creates the demo sign-in accounts that are missing (an account whose agency is not in this
 * catalog is skipped); returns the ids created. Safe to run at every start of a demo.
 */
export async function seedDemoAccounts(db: Db, now: Date): Promise<string[]> {
  const existing = new Set((await db.query<{ id: string }>(`select id from staff where id like 'demo-%'`)).map((r) => r.id));
  const agencies = new Set((await db.query<{ id: string }>(`select id from agencies`)).map((r) => r.id));
  const wanted = DEMO_ACCOUNTS.filter((a) => !existing.has(a.id) && (a.agencyId === null || agencies.has(a.agencyId)));
  if (!wanted.length) return [];
  // In parallel: each hash is ~0.2 s of the thread pool's time.
  const hashes = await Promise.all(wanted.map((a) => hashPassword(a.password)));
  return db.transaction((tx) =>
    insertPasswordAccounts(
      tx,
      wanted.map((a, i) => ({ id: a.id, name: a.name, role: a.role, agencyId: a.agencyId, email: a.email, passwordHash: hashes[i]! })),
      now,
    ),
  );
}

/** The demo accounts present in this database, for `npm start` to print. */
export async function presentDemoAccounts(db: Db): Promise<DemoAccount[]> {
  const ids = new Set(
    (await db.query<{ id: string }>(`select id from staff where id like 'demo-%' and password_hash is not null`)).map((r) => r.id),
  );
  return DEMO_ACCOUNTS.filter((a) => ids.has(a.id));
}
