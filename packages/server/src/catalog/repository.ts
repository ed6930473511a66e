import type { Agency, Fee, Service } from '@mpp-kit/core';
import type { Sql } from '../db/types.js';

interface AgencyRow {
  id: string;
  name: string;
  short_name: string;
  aliases: string[] | string;
  kind: Agency['kind'];
  description: string;
  website: string | null;
  coordinator: boolean;
  demo: boolean;
  service_count: number;
}

interface ServiceRow {
  id: string;
  agency_id: string;
  name: string;
  aliases: string[] | string;
  summary: string;
  requirements: string[] | string;
  conditions: string[] | string;
  steps: string[] | string;
  duration: string;
  counter_minutes: number;
  fee_kind: Fee['kind'];
  fee_amount: number;
  fee_text: string | null;
  fee_legal_basis: string | null;
  fee_note: string | null;
  product: string;
  legal_basis: string[] | string;
  complaint_channel: string;
  location: string;
  online_queue: boolean;
  queue_prefix: string;
  daily_quota: number;
  demo: boolean;
  updated_at: Date | string;
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
/** jsonb columns come back parsed from postgres.js and as text from some PGlite paths. */
const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

const AGENCY_SELECT = `select a.id, a.name, a.short_name, a.aliases, a.kind, a.description, a.website, a.coordinator, a.demo,
  (select count(*)::int from services s where s.agency_id = a.id) as service_count from agencies a`;

const SERVICE_SELECT = `select id, agency_id, name, aliases, summary, requirements, conditions, steps, duration, counter_minutes,
  fee_kind, fee_amount::float8 as fee_amount, fee_text, fee_legal_basis, fee_note, product, legal_basis, complaint_channel, location, online_queue, queue_prefix,
  daily_quota, demo, updated_at from services`;

const toAgency = (r: AgencyRow): Agency => ({
  id: r.id,
  name: r.name,
  shortName: r.short_name,
  aliases: json(r.aliases),
  kind: r.kind,
  description: r.description,
  website: r.website ?? null,
  coordinator: r.coordinator,
  serviceCount: Number(r.service_count),
  demo: r.demo,
});

/** The fee columns as the contract's `Fee` (migration 007 keeps each kind's columns consistent). */
function toFee(r: Pick<ServiceRow, 'fee_kind' | 'fee_amount' | 'fee_text' | 'fee_legal_basis' | 'fee_note'>): Fee {
  const note = r.fee_note ?? null;
  switch (r.fee_kind) {
    case 'fixed':
      return { kind: 'fixed', amount: Number(r.fee_amount), note };
    case 'regulated':
      return { kind: 'regulated', amount: Number(r.fee_amount), text: r.fee_text ?? '', legalBasis: r.fee_legal_basis ?? null, note };
    default:
      return { kind: 'free', amount: 0, note };
  }
}

const toService = (r: ServiceRow): Service => ({
  id: r.id,
  agencyId: r.agency_id,
  name: r.name,
  aliases: json(r.aliases),
  summary: r.summary,
  requirements: json(r.requirements),
  conditions: json(r.conditions),
  steps: json(r.steps),
  duration: r.duration,
  counterMinutes: Number(r.counter_minutes),
  fee: toFee(r),
  product: r.product,
  legalBasis: json(r.legal_basis),
  complaintChannel: r.complaint_channel,
  location: r.location,
  onlineQueue: r.online_queue,
  queuePrefix: r.queue_prefix,
  dailyQuota: Number(r.daily_quota),
  demo: r.demo,
  updatedAt: iso(r.updated_at),
});

/**
 * The catalog version: moves with every insert, update, delete or truncate of an agency or a
 * service. It is the rules version (migration 003), which statement triggers on those tables (and
 * on hours, queue rules and holidays) bump: one row to read, whatever the catalog's size.
 */
export async function catalogVersion(db: Sql): Promise<string> {
  const [v] = await db.query<{ v: number | string }>(`select v from rules_version where id = 1`);
  return `r${String(v?.v ?? 0)}`;
}

export async function listAgencies(db: Sql): Promise<Agency[]> {
  return (await db.query<AgencyRow>(`${AGENCY_SELECT} order by a.coordinator desc, a.position, a.name`)).map(toAgency);
}

export async function findAgency(db: Sql, id: string): Promise<Agency | null> {
  const [row] = await db.query<AgencyRow>(`${AGENCY_SELECT} where a.id = $1`, [id]);
  return row ? toAgency(row) : null;
}

export async function agencyExists(db: Sql, id: string): Promise<boolean> {
  return (await db.query(`select 1 from agencies where id = $1`, [id])).length > 0;
}

/** A page of services, by name, optionally of one agency; with the total count. */
export async function listServices(
  db: Sql,
  o: { agency?: string; limit: number; offset: number },
): Promise<{ items: Service[]; total: number }> {
  const where = o.agency ? 'where agency_id = $1' : '';
  const params: unknown[] = o.agency ? [o.agency] : [];
  const n = params.length;
  const [rows, [count]] = await Promise.all([
    db.query<ServiceRow>(`${SERVICE_SELECT} ${where} order by name, id limit $${n + 1} offset $${n + 2}`, [...params, o.limit, o.offset]),
    db.query<{ total: number }>(`select count(*)::int as total from services ${where}`, params),
  ]);
  return { items: rows.map(toService), total: Number(count?.total ?? 0) };
}

export async function findService(db: Sql, id: string): Promise<Service | null> {
  const [row] = await db.query<ServiceRow>(`${SERVICE_SELECT} where id = $1`, [id]);
  return row ? toService(row) : null;
}

/** The agency a service belongs to, if the service exists. */
export async function agencyOfService(db: Sql, id: string): Promise<string | null> {
  const [r] = await db.query<{ agency_id: string }>(`select agency_id from services where id = $1`, [id]);
  return r?.agency_id ?? null;
}
