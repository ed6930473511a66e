/** All SQL of the complaint domain. */
import type { ComplaintCategory, ComplaintStatus, Privacy } from '@mpp-kit/core';
import type { Db, Sql } from '../db/types.js';

export interface ComplaintSeed {
  agencies: Array<{ id: string; name: string; shortName: string }>;
  recipients: Array<{ scope: string; kind: 'head' | 'officer' | 'mayor_office'; email: string }>;
  categories: Array<{ id: string; name: string; nameEn: string; agencyId: string }>;
}

/** Inserts the complaint agencies, their addresses and the categories; existing rows stay. */
export async function seedComplaints(db: Db, s: ComplaintSeed): Promise<void> {
  await db.transaction(async (tx) => {
    for (const [i, a] of s.agencies.entries())
      await tx.query(
        `insert into complaint_agencies (id, name, short_name, position) values ($1, $2, $3, $4) on conflict (id) do nothing`,
        [a.id, a.name, a.shortName, i],
      );
    for (const r of s.recipients)
      await tx.query(`insert into complaint_recipients (scope, kind, email) values ($1, $2, $3) on conflict do nothing`, [
        r.scope,
        r.kind,
        r.email,
      ]);
    for (const [i, c] of s.categories.entries())
      await tx.query(
        `insert into complaint_categories (id, name, name_en, agency_id, position) values ($1, $2, $3, $4, $5) on conflict (id) do nothing`,
        [c.id, c.name, c.nameEn, c.agencyId, i],
      );
  });
}

export async function listCategories(db: Sql): Promise<ComplaintCategory[]> {
  const rows = await db.query<{ id: string; name: string; name_en: string; agency_id: string; agency_name: string }>(
    `select c.id, c.name, c.name_en, c.agency_id, a.short_name as agency_name
       from complaint_categories c join complaint_agencies a on a.id = c.agency_id order by c.position, c.id`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, nameEn: r.name_en, agencyId: r.agency_id, agencyName: r.agency_name }));
}

export async function insertCaptureToken(db: Sql, id: string, issuedAt: Date, expiresAt: Date): Promise<void> {
  await db.query(`insert into capture_tokens (id, issued_at, expires_at) values ($1, $2::timestamptz, $3::timestamptz)`, [
    id,
    issuedAt.toISOString(),
    expiresAt.toISOString(),
  ]);
}

/** Marks the token used at `now`: 'ok', or why not ('unknown', 'used', 'expired'). The token is spent either way. */
export async function spendCaptureToken(tx: Sql, id: string, now: Date): Promise<'ok' | 'unknown' | 'used' | 'expired'> {
  const [t] = await tx.query<{ expired: boolean; used: boolean }>(
    `select expires_at < $2::timestamptz as expired, used_at is not null as used from capture_tokens where id = $1 for update`,
    [id, now.toISOString()],
  );
  if (!t) return 'unknown';
  if (t.used) return 'used';
  await tx.query(`update capture_tokens set used_at = $2::timestamptz where id = $1`, [id, now.toISOString()]);
  return t.expired ? 'expired' : 'ok';
}

export async function insertPhoto(
  tx: Sql,
  p: { id: string; tokenId: string | null; type: string; bytes: number; capturedAt: Date; role: 'report' | 'answer' },
): Promise<void> {
  await tx.query(
    `insert into complaint_photos (id, token_id, type, bytes, captured_at, role) values ($1, $2, $3, $4, $5::timestamptz, $6)`,
    [p.id, p.tokenId, p.type, p.bytes, p.capturedAt.toISOString(), p.role],
  );
}

/** The photos of `ids` not yet attached to a complaint, of this role. */
export async function freePhotos(tx: Sql, ids: string[], role: 'report' | 'answer'): Promise<string[]> {
  const rows = await tx.query<{ id: string }>(
    `select id from complaint_photos where id = any($1::text[]) and complaint_id is null and role = $2 for update`,
    [ids, role],
  );
  return rows.map((r) => r.id);
}

export async function attachPhotos(tx: Sql, complaintId: string, ids: string[]): Promise<void> {
  if (ids.length) await tx.query(`update complaint_photos set complaint_id = $1 where id = any($2::text[])`, [complaintId, ids]);
}

export async function photoType(db: Sql, id: string): Promise<string | null> {
  const [r] = await db.query<{ type: string }>(`select type from complaint_photos where id = $1 and complaint_id is not null`, [id]);
  return r?.type ?? null;
}

export async function categoryAgency(tx: Sql, categoryId: string): Promise<string | null> {
  const [r] = await tx.query<{ agency_id: string }>(`select agency_id from complaint_categories where id = $1`, [categoryId]);
  return r?.agency_id ?? null;
}

export interface NewComplaint {
  trackingCode: string;
  categoryId: string;
  agencyId: string;
  text: string;
  lat: number | null;
  lng: number | null;
  accuracy: number | null;
  address: string | null;
  privacy: Privacy;
  name: string | null;
  contactKind: 'email' | 'phone';
  contact: string;
}

export async function insertComplaint(tx: Sql, c: NewComplaint, now: Date): Promise<string> {
  const [r] = await tx.query<{ id: string }>(
    `insert into complaints (tracking_code, category_id, agency_id, text, lat, lng, accuracy, address, privacy, name, contact_kind, contact, status, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'received', $13::timestamptz, $13::timestamptz) returning id`,
    [
      c.trackingCode,
      c.categoryId,
      c.agencyId,
      c.text,
      c.lat,
      c.lng,
      c.accuracy,
      c.address,
      c.privacy,
      c.name,
      c.contactKind,
      c.contact,
      now.toISOString(),
    ],
  );
  return String(r!.id);
}

export async function addEvent(
  tx: Sql,
  e: {
    complaintId: string;
    at: Date;
    status: ComplaintStatus;
    actor: 'citizen' | 'verifier' | 'agency' | 'system';
    staffId?: string | null;
    note?: string | null;
    photoIds?: string[];
  },
): Promise<void> {
  await tx.query(
    `insert into complaint_events (complaint_id, at, status, actor, staff_id, note, photo_ids) values ($1, $2::timestamptz, $3, $4, $5, $6, $7::text::jsonb)`,
    [e.complaintId, e.at.toISOString(), e.status, e.actor, e.staffId ?? null, e.note ?? null, JSON.stringify(e.photoIds ?? [])],
  );
}

export async function setContactCode(tx: Sql, complaintId: string, codeHash: string, expiresAt: Date): Promise<void> {
  await tx.query(
    `insert into contact_codes (complaint_id, code_hash, expires_at, failures) values ($1, $2, $3::timestamptz, 0)
     on conflict (complaint_id) do update set code_hash = excluded.code_hash, expires_at = excluded.expires_at, failures = 0`,
    [complaintId, codeHash, expiresAt.toISOString()],
  );
}

export async function contactCode(tx: Sql, complaintId: string) {
  const [r] = await tx.query<{ code_hash: string; expires_at: string | Date; failures: number }>(
    `select code_hash, expires_at, failures from contact_codes where complaint_id = $1 for update`,
    [complaintId],
  );
  return r ? { codeHash: r.code_hash, expiresAt: new Date(r.expires_at), failures: Number(r.failures) } : null;
}

export async function countCodeFailure(tx: Sql, complaintId: string): Promise<void> {
  await tx.query(`update contact_codes set failures = failures + 1 where complaint_id = $1`, [complaintId]);
}

export async function markContactVerified(tx: Sql, complaintId: string, now: Date): Promise<void> {
  await tx.query(`delete from contact_codes where complaint_id = $1`, [complaintId]);
  await tx.query(`update complaints set contact_verified_at = $2::timestamptz, updated_at = $2::timestamptz where id = $1`, [
    complaintId,
    now.toISOString(),
  ]);
}

export interface ComplaintRow {
  id: string;
  tracking_code: string;
  category_id: string;
  agency_id: string;
  text: string;
  lat: number | null;
  lng: number | null;
  accuracy: number | null;
  address: string | null;
  privacy: Privacy;
  name: string | null;
  contact_kind: 'email' | 'phone';
  contact: string;
  contact_verified_at: string | Date | null;
  status: ComplaintStatus;
  reject_reason: string | null;
  clock_start: string | Date | null;
  answered_at: string | Date | null;
  escalation_level: number;
  created_at: string | Date;
}

export async function findByCode(db: Sql, code: string, lock = false): Promise<ComplaintRow | null> {
  const [r] = await db.query<ComplaintRow>(`select * from complaints where tracking_code = $1${lock ? ' for update' : ''}`, [code]);
  return r ?? null;
}

export async function eventsOf(db: Sql, complaintId: string) {
  return db.query<{
    at: string | Date;
    status: ComplaintStatus;
    actor: 'citizen' | 'verifier' | 'agency' | 'system';
    note: string | null;
    photo_ids: unknown;
  }>(`select at, status, actor, note, photo_ids from complaint_events where complaint_id = $1 order by id`, [complaintId]);
}

export async function reportPhotos(db: Sql, complaintId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `select id from complaint_photos where complaint_id = $1 and role = 'report' order by captured_at, id`,
    [complaintId],
  );
  return rows.map((r) => r.id);
}

/** The columns an action changes besides the status. */
export interface ComplaintChange {
  agencyId?: string;
  rejectReason?: string | null;
  clockStart?: Date | null;
  answeredAt?: Date | null;
  resetEscalation?: boolean;
}

/** Moves a complaint to `status` with the given column changes. */
export async function updateComplaint(tx: Sql, id: string, now: Date, set: ComplaintChange & { status: ComplaintStatus }): Promise<void> {
  const cols = ['status = $2', 'updated_at = $3::timestamptz'];
  const params: unknown[] = [id, set.status, now.toISOString()];
  const add = (col: string, v: unknown, cast = '') => {
    params.push(v);
    cols.push(`${col} = $${params.length}${cast}`);
  };
  if (set.agencyId !== undefined) add('agency_id', set.agencyId);
  if (set.rejectReason !== undefined) add('reject_reason', set.rejectReason);
  if (set.clockStart !== undefined) add('clock_start', set.clockStart?.toISOString() ?? null, '::timestamptz');
  if (set.answeredAt !== undefined) add('answered_at', set.answeredAt?.toISOString() ?? null, '::timestamptz');
  if (set.resetEscalation) cols.push('escalation_level = 0');
  await tx.query(`update complaints set ${cols.join(', ')} where id = $1`, params);
}

export async function agencyExists(tx: Sql, id: string): Promise<boolean> {
  return (await tx.query(`select 1 from complaint_agencies where id = $1`, [id])).length === 1;
}

export async function recipients(tx: Sql, scope: string, kind: 'head' | 'officer' | 'mayor_office'): Promise<string[]> {
  const rows = await tx.query<{ email: string }>(`select email from complaint_recipients where scope = $1 and kind = $2 order by email`, [
    scope,
    kind,
  ]);
  return rows.map((r) => r.email);
}

/**
 * One batch of the escalation sweep for one level, as one statement: up to `limit` complaints whose
 * answer clock runs, that are below `level` and whose clock started `afterHours` or more before
 * `now`, claimed with `FOR UPDATE SKIP LOCKED` (another instance's sweep takes other rows), moved to
 * `level`, given a staff-only timeline note, and a mail per recipient (`kind` of the agency, or the
 * mayor's office) enqueued under the dedupe key `escalation:<id>:<clock start ms>:<level>:<address>`
 * (unique: a second sweep enqueues nothing). The condition is core's `answerClock` in SQL (index
 * `complaints_clock`); the tests check both agree. Returns the complaints moved and the mails enqueued.
 */
export async function escalateBatch(
  tx: Sql,
  o: { now: Date; level: number; afterHours: number; recipients: 'head' | 'mayor_office'; limit: number; publicUrl: string },
): Promise<{ moved: number; mails: number }> {
  const [r] = await tx.query<{ moved: number; mails: number }>(
    `with due as (
       select id, tracking_code, agency_id, category_id, clock_start, status, left(text, 500) as text from complaints
        where clock_start is not null and answered_at is null and escalation_level < $2
          and clock_start + interval '1 hour' * $3::float8 <= $1::timestamptz
        order by clock_start limit $4 for update skip locked
     ), moved as (
       update complaints c set escalation_level = $2 from due where c.id = due.id returning c.id
     ), noted as (
       insert into complaint_events (complaint_id, at, status, actor, note)
       select id, $1::timestamptz, status, 'system', 'escalated:' || $2 || ':' || $5 from due returning 1
     ), mailed as (
       insert into mail_outbox (dedupe_key, channel, to_addr, subject, body, created_at, next_attempt_at)
       select 'escalation:' || due.id || ':' || (extract(epoch from due.clock_start) * 1000)::bigint || ':' || $2 || ':' || r.email,
              'email', r.email,
              '[Si Badra] Eskalasi level ' || $2 || ': aduan ' || due.tracking_code || ' belum dijawab ' || $3 || ' jam',
              'Aduan ' || due.tracking_code || ' (kategori ' || due.category_id || ') belum mendapat jawaban ' || $3 ||
                ' jam sejak diteruskan ke ' || due.agency_id || E'.\n' ||
                case when $5 = 'mayor_office' then 'Aduan ini masuk laporan rapat staf (briefing).' else 'Mohon segera ditindaklanjuti.' end ||
                E'\n\nComplaint ' || due.tracking_code || ' has had no answer for ' || $3 || E' hours since it was dispatched.\n\n' ||
                $6 || '/api/v1/complaints/' || due.tracking_code || E'\n\n' || due.text,
              $1::timestamptz, $1::timestamptz
         from due join complaint_recipients r
           on r.kind = $5 and r.scope = case when $5 = 'mayor_office' then 'mayor' else due.agency_id end
       on conflict (dedupe_key) do nothing returning 1
     )
     select (select count(*) from moved)::int as moved, (select count(*) from mailed)::int as mails, (select count(*) from noted)::int as noted`,
    [o.now.toISOString(), o.level, o.afterHours, o.limit, o.recipients, o.publicUrl],
  );
  return { moved: Number(r?.moved ?? 0), mails: Number(r?.mails ?? 0) };
}

/** The briefing report: complaints at level 2 or more whose clock still runs. */
export async function briefing(db: Sql, minLevel: number) {
  return db.query<{ tracking_code: string; agency_id: string; category_id: string; clock_start: string | Date; escalation_level: number }>(
    `select tracking_code, agency_id, category_id, clock_start, escalation_level from complaints
      where clock_start is not null and answered_at is null and escalation_level >= $1 order by clock_start`,
    [minLevel],
  );
}
