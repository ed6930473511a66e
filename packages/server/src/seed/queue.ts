/**
 * Kota Bogor demo queue set-up: the MPP office and its time zone, opening hours with the Friday
 * prayer break, a queue rule per online service (slots, lanes, booking window), the 2026 national
 * holidays and cuti bersama, and one demo counter account per agency.
 *
 * DEMO CONTENT: hours, quotas and holiday dates must be checked against the city's own decisions
 * and the SKB 3 Menteri for the year before going live.
 */
import { randomBytes } from 'node:crypto';
import type { Db, Sql } from '../db/types.js';
import { sha256 } from '../queue/secret.js';
import { BOGOR_MPP } from './bogor.js';

export const BOGOR_OFFICE_ID = 'mpp-kota-bogor';

const h = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
/** Weekday → [opens, closes, break start, break end]. Friday has the longer prayer break. */
const HOURS: Record<number, [string, string, string, string]> = {
  1: ['08:00', '15:00', '12:00', '13:00'],
  2: ['08:00', '15:00', '12:00', '13:00'],
  3: ['08:00', '15:00', '12:00', '13:00'],
  4: ['08:00', '15:00', '12:00', '13:00'],
  5: ['08:00', '15:00', '11:00', '13:00'],
};

/** 2026 national holidays and cuti bersama (demo; verify against the SKB 3 Menteri). */
export const HOLIDAYS_2026: Array<[string, string, 'holiday' | 'cuti_bersama']> = [
  ['2026-01-01', 'Tahun Baru 2026 Masehi', 'holiday'],
  ['2026-01-16', "Isra Mi'raj Nabi Muhammad SAW", 'holiday'],
  ['2026-02-16', 'Cuti bersama Tahun Baru Imlek', 'cuti_bersama'],
  ['2026-02-17', 'Tahun Baru Imlek 2577 Kongzili', 'holiday'],
  ['2026-03-18', 'Cuti bersama Hari Suci Nyepi', 'cuti_bersama'],
  ['2026-03-19', 'Hari Suci Nyepi Tahun Baru Saka 1948', 'holiday'],
  ['2026-03-20', 'Cuti bersama Idul Fitri 1447 H', 'cuti_bersama'],
  ['2026-03-21', 'Idul Fitri 1447 H', 'holiday'],
  ['2026-03-22', 'Idul Fitri 1447 H', 'holiday'],
  ['2026-03-23', 'Cuti bersama Idul Fitri 1447 H', 'cuti_bersama'],
  ['2026-03-24', 'Cuti bersama Idul Fitri 1447 H', 'cuti_bersama'],
  ['2026-04-03', 'Wafat Yesus Kristus', 'holiday'],
  ['2026-04-05', 'Kebangkitan Yesus Kristus (Paskah)', 'holiday'],
  ['2026-05-01', 'Hari Buruh Internasional', 'holiday'],
  ['2026-05-14', 'Kenaikan Yesus Kristus', 'holiday'],
  ['2026-05-15', 'Cuti bersama Kenaikan Yesus Kristus', 'cuti_bersama'],
  ['2026-05-27', 'Idul Adha 1447 H', 'holiday'],
  ['2026-05-28', 'Cuti bersama Idul Adha 1447 H', 'cuti_bersama'],
  ['2026-05-31', 'Hari Raya Waisak 2570 BE', 'holiday'],
  ['2026-06-01', 'Hari Lahir Pancasila', 'holiday'],
  ['2026-06-16', 'Tahun Baru Islam 1448 H', 'holiday'],
  ['2026-08-17', 'Hari Kemerdekaan Republik Indonesia', 'holiday'],
  ['2026-08-25', 'Maulid Nabi Muhammad SAW', 'holiday'],
  ['2026-12-24', 'Cuti bersama Hari Raya Natal', 'cuti_bersama'],
  ['2026-12-25', 'Hari Raya Natal', 'holiday'],
];

export interface DemoStaff {
  id: string;
  name: string;
  role: string;
  agencyId: string | null;
  token: string;
}

/** Seeds the queue set-up when no office exists yet; returns the demo staff accounts it created. */
export async function seedQueueDemoIfEmpty(db: Db): Promise<DemoStaff[] | null> {
  const [row] = await db.query<{ n: number }>(`select count(*)::int as n from offices`);
  if (Number(row?.n) > 0) return null;
  return db.transaction(async (tx) => {
    await tx.query(`insert into offices (id, name, time_zone, address) values ($1, $2, $3, $4)`, [
      BOGOR_OFFICE_ID,
      BOGOR_MPP.name,
      BOGOR_MPP.timeZone,
      BOGOR_MPP.address,
    ]);
    await tx.query(`update agencies set office_id = $1 where office_id is null`, [BOGOR_OFFICE_ID]);
    for (const [wd, [o, c, bs, be]] of Object.entries(HOURS)) {
      await tx.query(
        `insert into office_hours (office_id, weekday, opens, closes, break_start, break_end) values ($1, $2, $3, $4, $5, $6)`,
        [BOGOR_OFFICE_ID, Number(wd), h(o), h(c), h(bs), h(be)],
      );
    }
    await seedQueueRules(tx);
    for (const [date, name, kind] of HOLIDAYS_2026) {
      await tx.query(`insert into holidays (office_id, date, name, kind) values ($1, $2::date, $3, $4)`, [
        BOGOR_OFFICE_ID,
        date,
        name,
        kind,
      ]);
    }
    const agencies = await tx.query<{ id: string; short_name: string }>(`select id, short_name from agencies order by position`);
    const staff: DemoStaff[] = [
      { id: 'admin', name: 'Admin MPP (demo)', role: 'admin', agencyId: null, token: `demo-${randomBytes(12).toString('base64url')}` },
    ];
    for (const a of agencies)
      staff.push({
        id: `loket-${a.id}`,
        name: `Petugas loket ${a.short_name} (demo)`,
        role: 'counter',
        agencyId: a.id,
        token: `demo-${randomBytes(12).toString('base64url')}`,
      });
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
}

/**
 * A queue rule for every service with an online queue: 30-minute slots; 60 % of the daily quota
 * online (spread over the day's slots), 30 % walk-in, 10 % priority (elderly, disabled, pregnant);
 * bookable 14 days ahead, each date opening at 07:00; booking closes 30 minutes before a slot.
 */
export async function seedQueueRules(tx: Sql, slotsPerDay = 10): Promise<void> {
  await tx.query(
    `insert into queue_rules (service_id, slot_minutes, slot_capacity, walk_in_quota, priority_quota, booking_days_ahead, release_minutes, cutoff_minutes)
     select id, 30, greatest(1, round(daily_quota * 0.6 / $1))::int, round(daily_quota * 0.3)::int, round(daily_quota * 0.1)::int, 14, 420, 30
       from services where online_queue and daily_quota > 0
     on conflict (service_id) do nothing`,
    [slotsPerDay],
  );
}

export async function demoStaff(db: Db): Promise<DemoStaff[]> {
  const [row] = await db.query<{ value: string }>(`select value from settings where key = 'demo_staff'`);
  return row ? (JSON.parse(row.value) as DemoStaff[]) : [];
}
