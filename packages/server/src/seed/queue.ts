/**
 * The demo queue set-up from a seed data folder (by default Kota Bogor's): the MPP office and its
 * time zone, opening hours with the Friday prayer break, each online service's queue rules, the
 * holidays and cuti bersama, the demo staff accounts with freshly generated tokens, and the demo
 * sign-in accounts (one per role, auth/demo-accounts.ts).
 *
 * DEMO CONTENT: hours, quotas and holiday dates must be checked against the city's own decisions
 * and the SKB 3 Menteri for the year before going live.
 */
import { randomBytes } from 'node:crypto';
import type { QueueRules } from '@mpp-kit/core';
import type { Db, Sql } from '../db/types.js';
import { seedDemoAccounts } from '../auth/demo-accounts.js';
import { sha256 } from '../crypto/hash.js';
import { BOGOR_DATA } from './bogor.js';
import type { SeedData } from './load.js';
import { WEEKDAYS, minutesOf } from './schema.js';
import { defaultQueueRules } from './rules.js';

export interface DemoStaff {
  id: string;
  name: string;
  role: string;
  agencyId: string | null;
  token: string;
}

const orNull = (t: string | null | undefined) => (t ? minutesOf(t) : null);

/** Seeds the queue set-up when no office exists yet; returns the demo staff accounts it created. */
export async function seedQueueDemoIfEmpty(db: Db, data: SeedData = BOGOR_DATA): Promise<DemoStaff[] | null> {
  const [row] = await db.query<{ n: number }>(`select count(*)::int as n from offices`);
  if (Number(row?.n) > 0) return null;
  const office = data.office;
  if (!office) throw new Error(`${data.dir}: office.json is needed to seed the queue`);
  const staff = await db.transaction(async (tx) => {
    await tx.query(`insert into offices (id, name, time_zone, address) values ($1, $2, $3, $4)`, [
      office.id,
      office.name,
      office.timeZone,
      office.address,
    ]);
    await tx.query(`update agencies set office_id = $1 where office_id is null`, [office.id]);
    for (const h of office.hours) {
      await tx.query(
        `insert into office_hours (office_id, weekday, opens, closes, break_start, break_end) values ($1, $2, $3, $4, $5, $6)`,
        [office.id, WEEKDAYS.indexOf(h.weekday), minutesOf(h.opens), minutesOf(h.closes), orNull(h.breakStart), orNull(h.breakEnd)],
      );
    }
    await writeQueueRules(
      tx,
      data.services.flatMap((s) => (s.queueRules ? [{ serviceId: s.id, ...s.queueRules }] : [])),
      'keep',
    );
    // Online services of the catalog that the data gives no rules (another catalog than the data's).
    await seedQueueRules(tx);
    for (const d of data.holidays) {
      // A holiday of an agency or service that is not in this catalog is skipped.
      await tx.query(
        `insert into holidays (office_id, date, name, kind, agency_id, service_id)
         select $1, $2::date, $3, $4, $5, $6
          where ($5::text is null or exists (select 1 from agencies where id = $5))
            and ($6::text is null or exists (select 1 from services where id = $6))`,
        [office.id, d.date, d.name, d.kind, d.agencyId ?? null, d.serviceId ?? null],
      );
    }
    const present = new Set((await tx.query<{ id: string }>(`select id from agencies`)).map((a) => a.id));
    const staff: DemoStaff[] = data.staff
      .filter((s) => s.agencyId === null || present.has(s.agencyId))
      .map((s) => ({ id: s.id, name: s.name, role: s.role, agencyId: s.agencyId, token: `demo-${randomBytes(12).toString('base64url')}` }));
    for (const s of staff)
      await tx.query(`insert into staff (id, name, role, agency_id, token_hash) values ($1, $2, $3, $4, $5)`, [
        s.id,
        s.name,
        s.role,
        s.agencyId,
        sha256(s.token),
      ]);
    // Demo only: kept so `npm start` can print the accounts again. A real deployment issues tokens itself.
    await tx.query(`insert into settings (key, value) values ('demo_staff', $1) on conflict (key) do update set value = excluded.value`, [
      JSON.stringify(staff),
    ]);
    return staff;
  });
  // The sign-in accounts of the demo, one per role (DEMO ONLY: fixed passwords, printed by `npm start`).
  await seedDemoAccounts(db, new Date());
  return staff;
}

/**
 * Writes queue rules in one statement, for the services that exist: `keep` leaves a service's
 * existing rules as they are, `update` replaces them. Returns how many rows were written.
 */
export async function writeQueueRules(tx: Sql, rules: Array<QueueRules & { serviceId: string }>, mode: 'keep' | 'update'): Promise<number> {
  if (!rules.length) return 0;
  const rows = await tx.query(
    `insert into queue_rules (service_id, slot_minutes, slot_capacity, walk_in_quota, priority_quota, booking_days_ahead, release_minutes, cutoff_minutes)
     select r."serviceId", r."slotMinutes", r."slotCapacity", r."walkInQuota", r."priorityQuota", r."bookingDaysAhead", r."releaseMinutes", r."cutoffMinutes"
       from jsonb_to_recordset($1::text::jsonb) as r("serviceId" text, "slotMinutes" int, "slotCapacity" int, "walkInQuota" int, "priorityQuota" int,
            "bookingDaysAhead" int, "releaseMinutes" int, "cutoffMinutes" int)
      where exists (select 1 from services s where s.id = r."serviceId")
     on conflict (service_id) do ${
       mode === 'keep'
         ? 'nothing'
         : `update set slot_minutes = excluded.slot_minutes, slot_capacity = excluded.slot_capacity, walk_in_quota = excluded.walk_in_quota,
            priority_quota = excluded.priority_quota, booking_days_ahead = excluded.booking_days_ahead,
            release_minutes = excluded.release_minutes, cutoff_minutes = excluded.cutoff_minutes`
     }
     returning service_id`,
    [JSON.stringify(rules)],
  );
  return rows.length;
}

/** The default queue rules (./rules.ts) for every online service that has none yet, or only for `serviceIds`. */
export async function seedQueueRules(tx: Sql, slotsPerDay = 10, serviceIds?: string[]): Promise<number> {
  const rows = await tx.query<{ id: string; daily_quota: number }>(
    `select id, daily_quota from services s
      where online_queue and daily_quota > 0 and not exists (select 1 from queue_rules r where r.service_id = s.id)
        and ($1::text is null or $1::text::jsonb ? id)`,
    [serviceIds ? JSON.stringify(serviceIds) : null],
  );
  return writeQueueRules(
    tx,
    rows.map((r) => ({ serviceId: r.id, ...defaultQueueRules(r.daily_quota, slotsPerDay) })),
    'keep',
  );
}

export async function demoStaff(db: Db): Promise<DemoStaff[]> {
  const [row] = await db.query<{ value: string }>(`select value from settings where key = 'demo_staff'`);
  return row ? (JSON.parse(row.value) as DemoStaff[]) : [];
}
