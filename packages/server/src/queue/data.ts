import { weekdayOf, type DayClosure, type DayHours, type IsoDate, type QueueRules } from '@mpp-kit/core';
import type { Sql } from '../db/types.js';
import { ProblemException } from '../problem.js';

export interface ServiceForQueue {
  id: string;
  name: string;
  agencyId: string;
  agencyName: string;
  queueId: string;
  queuePrefix: string;
  location: string;
  requirements: string[];
  counterMinutes: number;
  onlineQueue: boolean;
  officeId: string;
  timeZone: string;
  rules: QueueRules;
}

const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));
export const dateStr = (v: unknown): IsoDate => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

/** A service with its queue rules, agency, office and time zone; 404 problem when unknown. */
export async function loadService(db: Sql, id: string): Promise<ServiceForQueue> {
  const [r] = await db.query<Record<string, unknown>>(
    `select s.id, s.name, s.agency_id, a.name as agency_name, s.queue_prefix, s.location, s.requirements, s.counter_minutes, s.online_queue,
            o.id as office_id, o.time_zone, q.slot_minutes, q.slot_capacity, q.walk_in_quota, q.priority_quota, q.booking_days_ahead,
            q.release_minutes, q.cutoff_minutes
       from services s join agencies a on a.id = s.agency_id
       join offices o on o.id = a.office_id
       left join queue_rules q on q.service_id = s.id
      where s.id = $1`,
    [id],
  );
  if (!r) throw new ProblemException(404, 'service_not_found', `No service with id ${id}`);
  return {
    id: r.id as string,
    name: r.name as string,
    agencyId: r.agency_id as string,
    agencyName: r.agency_name as string,
    queuePrefix: r.queue_prefix as string,
    queueId: `${r.agency_id as string}.${r.queue_prefix as string}`,
    location: r.location as string,
    requirements: json<string[]>(r.requirements),
    counterMinutes: Number(r.counter_minutes),
    onlineQueue: Boolean(r.online_queue) && r.slot_capacity !== null,
    officeId: r.office_id as string,
    timeZone: r.time_zone as string,
    rules: {
      slotMinutes: Number(r.slot_minutes ?? 30),
      slotCapacity: Number(r.slot_capacity ?? 0),
      walkInQuota: Number(r.walk_in_quota ?? 0),
      priorityQuota: Number(r.priority_quota ?? 0),
      bookingDaysAhead: Number(r.booking_days_ahead ?? 14),
      releaseMinutes: Number(r.release_minutes ?? 0),
      cutoffMinutes: Number(r.cutoff_minutes ?? 30),
    },
  };
}

/** Effective opening hours per weekday: the service's own rows if it has any, else the office's. */
export async function loadHours(db: Sql, svc: ServiceForQueue): Promise<Map<number, DayHours>> {
  let rows = await db.query<Record<string, unknown>>(
    `select weekday, opens, closes, break_start, break_end from service_hours where service_id = $1`,
    [svc.id],
  );
  if (rows.length === 0)
    rows = await db.query(`select weekday, opens, closes, break_start, break_end from office_hours where office_id = $1`, [svc.officeId]);
  return new Map(
    rows.map((r) => [
      Number(r.weekday),
      {
        opens: Number(r.opens),
        closes: Number(r.closes),
        breakStart: r.break_start === null ? null : Number(r.break_start),
        breakEnd: r.break_end === null ? null : Number(r.break_end),
      },
    ]),
  );
}

/**
 * Closures that apply to the service, by date: its own first, then its agency's, then office-wide.
 * All dates: a deployment has a few dozen a year, and the rules cache keeps them.
 */
export async function loadClosures(db: Sql, svc: ServiceForQueue): Promise<Map<IsoDate, DayClosure>> {
  const rows = await db.query<Record<string, unknown>>(
    `select date, name, kind from holidays
      where office_id = $1 and (agency_id is null or agency_id = $2) and (service_id is null or service_id = $3)
      order by (service_id is null), (agency_id is null)`,
    [svc.officeId, svc.agencyId, svc.id],
  );
  const out = new Map<IsoDate, DayClosure>();
  for (const r of rows) {
    const d = dateStr(r.date);
    if (!out.has(d)) out.set(d, { name: r.name as string, kind: r.kind as DayClosure['kind'] });
  }
  return out;
}

export async function loadBooked(db: Sql, serviceId: string, from: IsoDate, to: IsoDate): Promise<Map<string, number>> {
  const rows = await db.query<{ id: string; booked: number }>(
    `select id, booked from slots where service_id = $1 and date between $2::date and $3::date`,
    [serviceId, from, to],
  );
  return new Map(rows.map((r) => [r.id, Number(r.booked)]));
}

export const hoursFor = (hours: Map<number, DayHours>, date: IsoDate) => hours.get(weekdayOf(date)) ?? null;
