import type { Holiday } from '@mpp-kit/core';
import type { Sql } from '../db/types.js';

interface HolidayRow {
  id: number | string;
  date: string;
  name: string;
  kind: Holiday['kind'];
  agency_id: string | null;
  service_id: string | null;
}

const COLUMNS = `id, date::text as date, name, kind, agency_id, service_id`;

const toHoliday = (r: HolidayRow): Holiday => ({
  id: Number(r.id),
  date: r.date.slice(0, 10),
  name: r.name,
  kind: r.kind,
  agencyId: r.agency_id ?? null,
  serviceId: r.service_id ?? null,
});

/** The zone of the (first) office: holidays are listed in its calendar. */
export async function officeZone(db: Sql): Promise<string> {
  const [office] = await db.query<{ time_zone: string }>(`select time_zone from offices order by id limit 1`);
  return office?.time_zone ?? 'Asia/Jakarta';
}

export async function listHolidays(db: Sql, from: string, to: string): Promise<Holiday[]> {
  const rows = await db.query<HolidayRow>(`select ${COLUMNS} from holidays where date between $1::date and $2::date order by date, id`, [
    from,
    to,
  ]);
  return rows.map(toHoliday);
}

/** Inserts a closure for its scope's office (the agency's, else the first); the unique index refuses a twin. */
export async function insertHoliday(
  tx: Sql,
  h: { date: string; name: string; kind: Holiday['kind']; agencyId: string | null; serviceId: string | null },
): Promise<Holiday> {
  const [row] = await tx.query<HolidayRow>(
    `insert into holidays (office_id, date, name, kind, agency_id, service_id)
     values (coalesce((select office_id from agencies where id = $4), (select id from offices order by id limit 1)), $1::date, $2, $3, $4, $5)
     returning ${COLUMNS}`,
    [h.date, h.name, h.kind, h.agencyId, h.serviceId],
  );
  return toHoliday(row!);
}

/** A closure with the agency whose scope it is (its own, or its service's), if it exists. */
export async function findHoliday(db: Sql, id: number): Promise<{ holiday: Holiday; scopeAgency: string | null } | null> {
  const [row] = await db.query<HolidayRow & { scope_agency: string | null }>(
    `select h.id, h.date::text as date, h.name, h.kind, h.agency_id, h.service_id, coalesce(h.agency_id, s.agency_id) as scope_agency
       from holidays h left join services s on s.id = h.service_id where h.id = $1`,
    [id],
  );
  return row ? { holiday: toHoliday(row), scopeAgency: row.scope_agency ?? null } : null;
}

export async function deleteHoliday(db: Sql, id: number): Promise<void> {
  await db.query(`delete from holidays where id = $1`, [id]);
}
