import type { StaffAccount } from '../auth/staff.js';

/** Office-wide closures: admins only. An agency's or a service's: its agency admin too. */
export function mayEditHoliday(staff: StaffAccount, agencyId: string | null): boolean {
  return staff.role === 'admin' || (staff.role === 'agency_admin' && agencyId !== null && staff.agencyId === agencyId);
}
