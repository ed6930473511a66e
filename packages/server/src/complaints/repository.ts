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
  p: {
    id: string;
    tokenId: string | null;
    type: string;
    bytes: number;
    capturedAt: Date;
    role: 'report' | 'answer';
    uploadSha256?: string | null;
    complaintId?: string | null;
    redactionOf?: string | null;
  },
): Promise<void> {
  await tx.query(
    `insert into complaint_photos (id, token_id, type, bytes, captured_at, role, upload_sha256, complaint_id, redaction_of)
     values ($1, $2, $3, $4, $5::timestamptz, $6, $7, $8::bigint, $9)`,
    [
      p.id,
      p.tokenId,
      p.type,
      p.bytes,
      p.capturedAt.toISOString(),
      p.role,
      p.uploadSha256 ?? null,
      p.complaintId ?? null,
      p.redactionOf ?? null,
    ],
  );
}

/** The photo a capture token carried (the first upload's receipt), or null. */
export async function photoByToken(tx: Sql, tokenId: string) {
  const [r] = await tx.query<{ id: string; type: string; bytes: number; captured_at: string | Date; upload_sha256: string | null }>(
    `select id, type, bytes, captured_at, upload_sha256 from complaint_photos where token_id = $1`,
    [tokenId],
  );
  return r ? { id: r.id, type: r.type, bytes: Number(r.bytes), capturedAt: new Date(r.captured_at), sha256: r.upload_sha256 } : null;
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

/**
 * A photo's type when the public may see it: attached to a complaint, not replaced by a redacted
 * copy, and, if it is a copy, the current one (a copy superseded by a newer redaction is hidden too).
 */
export async function photoType(db: Sql, id: string): Promise<string | null> {
  const [r] = await db.query<{ type: string }>(
    `select p.type from complaint_photos p
      where p.id = $1 and p.complaint_id is not null and p.redacted_id is null
        and (p.redaction_of is null or exists (select 1 from complaint_photos o where o.id = p.redaction_of and o.redacted_id = p.id))`,
    [id],
  );
  return r?.type ?? null;
}

/** A photo for staff: its type and the agency of its complaint, redacted or not. */
export async function staffPhoto(db: Sql, id: string) {
  const [r] = await db.query<{ type: string; agency_id: string }>(
    `select p.type, c.agency_id from complaint_photos p join complaints c on c.id = p.complaint_id where p.id = $1`,
    [id],
  );
  return r ? { type: r.type, agencyId: r.agency_id } : null;
}

/** The original photo `id` of complaint `complaintId` (not itself a redacted copy), locked, or null. */
export async function originalPhoto(tx: Sql, complaintId: string, id: string) {
  const [r] = await tx.query<{ role: 'report' | 'answer'; captured_at: string | Date }>(
    `select role, captured_at from complaint_photos where id = $1 and complaint_id = $2::bigint and redaction_of is null for update`,
    [id, complaintId],
  );
  return r ? { role: r.role, capturedAt: new Date(r.captured_at) } : null;
}

/** From now on the public sees `copyId` instead of `originalId`. */
export async function linkRedaction(tx: Sql, originalId: string, copyId: string): Promise<void> {
  await tx.query(`update complaint_photos set redacted_id = $2 where id = $1`, [originalId, copyId]);
}

/** The photos of a complaint as staff see them: originals, each with its redacted copy if any. */
export async function staffPhotos(db: Sql, complaintId: string) {
  const rows = await db.query<{ id: string; role: 'report' | 'answer'; redacted_id: string | null }>(
    `select id, role, redacted_id from complaint_photos where complaint_id = $1::bigint and redaction_of is null order by captured_at, id`,
    [complaintId],
  );
  return rows.map((r) => ({ id: r.id, role: r.role, redactedId: r.redacted_id }));
}

/** What the public sees for each of `ids`: the redacted copy where there is one. */
export async function publicPhotoIds(db: Sql, ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db.query<{ id: string; redacted_id: string | null }>(
    `select id, redacted_id from complaint_photos where id = any($1::text[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.redacted_id ?? r.id]));
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
  contactHash: string;
  /** Set when the contact was proven already (a contact proof came with the complaint). */
  contactVerifiedAt: Date | null;
}

export async function insertComplaint(tx: Sql, c: NewComplaint, now: Date): Promise<string> {
  const [r] = await tx.query<{ id: string }>(
    `insert into complaints (tracking_code, category_id, agency_id, text, lat, lng, accuracy, address, privacy, name, contact_kind, contact,
                             contact_hash, contact_verified_at, status, created_at, updated_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $14, $15::timestamptz, 'received', $13::timestamptz, $13::timestamptz) returning id`,
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
      c.contactHash,
      c.contactVerifiedAt?.toISOString() ?? null,
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
  /** When each level falls, as ISO instants (empty while no clock runs). */
  escalation_due: string[];
  created_at: string | Date;
  contact_hash: string | null;
  merged_into: string | null;
  /** The tracking code of `merged_into`. */
  merged_into_code: string | null;
  supporters: number;
}

/** The dues as JSON text (the same from PGlite and postgres.js, whatever their array parsing). */
const DUES = `coalesce(to_json(c.escalation_due)::text, '[]')`;
const dues = (v: unknown): string[] => (JSON.parse(String(v)) as string[]).map((d) => new Date(d).toISOString());

export async function findByCode(db: Sql, code: string, lock = false): Promise<ComplaintRow | null> {
  const [r] = await db.query<ComplaintRow>(
    `select c.*, (select m.tracking_code from complaints m where m.id = c.merged_into) as merged_into_code,
            (select count(*) from complaint_supports s where s.complaint_id = c.id)::int as supporters,
            ${DUES} as escalation_due
       from complaints c where c.tracking_code = $1${lock ? ' for update of c' : ''}`,
    [code],
  );
  return r
    ? {
        ...r,
        id: String(r.id),
        merged_into: r.merged_into === null ? null : String(r.merged_into),
        supporters: Number(r.supporters),
        escalation_due: dues(r.escalation_due),
      }
    : null;
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

/** The public report photos of a complaint: each original, or its redacted copy when there is one. */
export async function reportPhotos(db: Sql, complaintId: string): Promise<string[]> {
  const rows = await db.query<{ id: string }>(
    `select coalesce(redacted_id, id) as id from complaint_photos
      where complaint_id = $1 and role = 'report' and redaction_of is null order by captured_at, id`,
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
  /** With `clockStart`: when each escalation level falls (core's `escalationDues`), or null with the clock. */
  escalationDue?: Date[] | null;
  resetEscalation?: boolean;
  /** The id of the complaint this one is a duplicate of. */
  mergedInto?: string;
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
  if (set.escalationDue !== undefined)
    add('escalation_due', set.escalationDue?.map((d) => d.toISOString()) ?? null, '::text[]::timestamptz[]');
  if (set.answeredAt !== undefined) add('answered_at', set.answeredAt?.toISOString() ?? null, '::timestamptz');
  if (set.mergedInto !== undefined) add('merged_into', set.mergedInto, '::bigint');
  if (set.resetEscalation) cols.push('escalation_level = 0');
  await tx.query(`update complaints set ${cols.join(', ')} where id = $1`, params);
}

export async function agencyNames(db: Sql): Promise<Map<string, string>> {
  const rows = await db.query<{ id: string; short_name: string }>(`select id, short_name from complaint_agencies`);
  return new Map(rows.map((r) => [r.id, r.short_name]));
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
 * answer clock runs, that are below `level` and whose due instant for `level` (stored when the
 * clock started; `afterHours` only words the mail) is not after `now`, claimed with `FOR UPDATE SKIP LOCKED` (another instance's sweep takes other rows), moved to
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
          and escalation_due[$2] <= $1::timestamptz
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

// ---- Supports ("saya juga") ----

/** Counts `contactHash` as a supporter of the complaint; false when it already was one. */
export async function addSupport(tx: Sql, complaintId: string, contactHash: string, now: Date): Promise<boolean> {
  const rows = await tx.query(
    `insert into complaint_supports (complaint_id, contact_hash, at) values ($1::bigint, $2, $3::timestamptz)
     on conflict (complaint_id, contact_hash) do nothing returning 1`,
    [complaintId, contactHash, now.toISOString()],
  );
  return rows.length === 1;
}

export async function supporterCount(db: Sql, complaintId: string): Promise<number> {
  const [r] = await db.query<{ n: number }>(`select count(*)::int as n from complaint_supports where complaint_id = $1::bigint`, [
    complaintId,
  ]);
  return Number(r?.n ?? 0);
}

// ---- Contact code tickets (a contact proven without a complaint) ----

export interface NewTicket {
  id: string;
  contactKind: 'email' | 'phone';
  contact: string;
  contactHash: string;
  codeHash: string;
  expiresAt: Date;
}

export async function insertTicket(db: Sql, t: NewTicket, now: Date): Promise<void> {
  await db.query(
    `insert into contact_tickets (id, contact_kind, contact, contact_hash, code_hash, created_at, expires_at)
     values ($1, $2, $3, $4, $5, $6::timestamptz, $7::timestamptz)`,
    [t.id, t.contactKind, t.contact, t.contactHash, t.codeHash, now.toISOString(), t.expiresAt.toISOString()],
  );
}

/** Forgets tickets (and the contacts they hold) a day after they expired, confirmed or not. */
export async function purgeTickets(tx: Sql, before: Date): Promise<void> {
  await tx.query(`delete from contact_tickets where expires_at < $1::timestamptz`, [before.toISOString()]);
}

export async function ticketForUpdate(tx: Sql, id: string) {
  const [r] = await tx.query<{
    contact_kind: 'email' | 'phone';
    contact: string;
    contact_hash: string;
    code_hash: string;
    expires_at: string | Date;
    failures: number;
  }>(`select contact_kind, contact, contact_hash, code_hash, expires_at, failures from contact_tickets where id = $1 for update`, [id]);
  return r
    ? {
        contactKind: r.contact_kind,
        contact: r.contact,
        contactHash: r.contact_hash,
        codeHash: r.code_hash,
        expiresAt: new Date(r.expires_at),
        failures: Number(r.failures),
      }
    : null;
}

export async function countTicketFailure(tx: Sql, id: string): Promise<void> {
  await tx.query(`update contact_tickets set failures = failures + 1 where id = $1`, [id]);
}

/**
 * The ticket is used up; complaints of this contact filed before contact hashes were kept get
 * theirs now (so "my complaints" finds them too).
 */
export async function confirmTicket(tx: Sql, id: string, t: { contactKind: string; contact: string; contactHash: string }): Promise<void> {
  await tx.query(`delete from contact_tickets where id = $1`, [id]);
  await tx.query(`update complaints set contact_hash = $3 where contact_hash is null and contact_kind = $1 and contact = $2`, [
    t.contactKind,
    t.contact,
    t.contactHash,
  ]);
}

// ---- Cards: my complaints, nearby, the staff inbox ----

export interface SummaryRow {
  id: string;
  tracking_code: string;
  status: ComplaintStatus;
  category_id: string;
  agency_id: string;
  agency_name: string;
  text: string;
  address: string | null;
  privacy: Privacy;
  created_at: string | Date;
  clock_start: string | Date | null;
  answered_at: string | Date | null;
  escalation_due: string[];
  contact_verified_at: string | Date | null;
  supporters: number;
  photo: string | null;
  photo_count: number;
}

const SUMMARY = `c.id, c.tracking_code, c.status, c.category_id, c.agency_id, a.short_name as agency_name, left(c.text, 400) as text,
  c.address, c.privacy, c.created_at, c.clock_start, c.answered_at, c.contact_verified_at, ${DUES} as escalation_due,
  (select count(*) from complaint_supports s where s.complaint_id = c.id)::int as supporters,
  (select coalesce(p.redacted_id, p.id) from complaint_photos p
    where p.complaint_id = c.id and p.role = 'report' and p.redaction_of is null order by p.captured_at, p.id limit 1) as photo,
  (select count(*) from complaint_photos p where p.complaint_id = c.id and p.redaction_of is null)::int as photo_count`;
const FROM = `from complaints c join complaint_agencies a on a.id = c.agency_id`;

const summaryRow = <T extends SummaryRow>(r: T): T => ({
  ...r,
  id: String(r.id),
  escalation_due: dues(r.escalation_due),
  supporters: Number(r.supporters),
  photo_count: Number(r.photo_count),
});

/** Every complaint filed with this contact (all privacy modes: the reporter asks), newest first. */
export async function complaintsOfContact(db: Sql, contactHash: string, limit: number): Promise<SummaryRow[]> {
  const rows = await db.query<SummaryRow>(
    `select ${SUMMARY} ${FROM} where c.contact_hash = $1 order by c.created_at desc, c.id desc limit $2`,
    [contactHash, limit],
  );
  return rows.map(summaryRow);
}

export interface NearbySearch {
  categoryId: string;
  lat: number;
  lng: number;
  /** Half the bounding box, in degrees (the rule computes them from the radius). */
  dLat: number;
  dLng: number;
  radiusM: number;
  since: Date;
  statuses: readonly ComplaintStatus[];
  /** Whether `rahasia` complaints count (staff) or not (the public). */
  includeSecret: boolean;
  excludeId?: string;
  /** An agency-scoped account sees its agency's only. */
  agencyId?: string | null;
  limit: number;
}

/**
 * Complaints of a category within `radiusM` of a point, nearest first, with their distance:
 * a bounding box on latitude and longitude (index `complaints_nearby`), then the great-circle
 * distance (haversine, mean earth radius) in SQL, so it runs the same on PGlite and PostgreSQL.
 */
export async function nearby(db: Sql, q: NearbySearch): Promise<Array<SummaryRow & { distance_m: number }>> {
  const params: unknown[] = [q.categoryId, q.lat, q.lng, q.dLat, q.dLng, q.radiusM, q.since.toISOString(), [...q.statuses], q.limit];
  const extra: string[] = [];
  if (!q.includeSecret) extra.push(`c.privacy <> 'rahasia'`);
  if (q.excludeId !== undefined) {
    params.push(q.excludeId);
    extra.push(`c.id <> $${params.length}::bigint`);
  }
  if (q.agencyId) {
    params.push(q.agencyId);
    extra.push(`c.agency_id = $${params.length}`);
  }
  const rows = await db.query<SummaryRow & { distance_m: number }>(
    `select ${SUMMARY}, d.distance_m ${FROM}
       cross join lateral (select 6371008.8 * 2 * asin(least(1, sqrt(
         power(sin(radians(c.lat - $2::float8) / 2), 2) +
         cos(radians($2::float8)) * cos(radians(c.lat)) * power(sin(radians(c.lng - $3::float8) / 2), 2)))) as distance_m) d
      where c.category_id = $1 and c.lat is not null and c.merged_into is null
        and c.lat between $2::float8 - $4::float8 and $2::float8 + $4::float8
        and c.lng between $3::float8 - $5::float8 and $3::float8 + $5::float8
        and d.distance_m <= $6::float8 and c.created_at >= $7::timestamptz and c.status = any($8::text[])
        ${extra.map((e) => `and ${e}`).join(' ')}
      order by d.distance_m, c.id limit $9`,
    params,
  );
  return rows.map((r) => ({ ...summaryRow(r), distance_m: Number(r.distance_m) }));
}

/**
 * The escalation level as SQL, as core's `answerClock` counts it: the stored due instants the clock
 * passed before the answer, or before `$now` while it runs (0 without a clock).
 */
const levelSql = (now: string) =>
  `(select count(*) from unnest(c.escalation_due) d where d <= coalesce(c.answered_at, ${now}::timestamptz))::int`;

export interface InboxSearch {
  now: Date;
  status?: ComplaintStatus;
  categoryId?: string;
  /** The agency asked for, or the account's own for an agency role. */
  agencyId?: string | null;
  level?: number;
  /** A tracking code (exact). */
  trackingCode?: string;
  /** Words that must all be in the text or the address (case-insensitive, literal). */
  words?: string[];
  after?: { createdAt: Date; id: string };
  limit: number;
}

/** A page of the staff inbox, newest first (keyset on created_at, id). */
export async function inbox(db: Sql, q: InboxSearch): Promise<SummaryRow[]> {
  const params: unknown[] = [];
  const where: string[] = [];
  const add = (sql: (n: string) => string, v: unknown) => {
    params.push(v);
    where.push(sql(`$${params.length}`));
  };
  if (q.status) add((n) => `c.status = ${n}`, q.status);
  if (q.categoryId) add((n) => `c.category_id = ${n}`, q.categoryId);
  if (q.agencyId) add((n) => `c.agency_id = ${n}`, q.agencyId);
  if (q.level !== undefined) {
    params.push(q.now.toISOString());
    add((n) => `${levelSql(`$${params.length - 1}`)} = ${n}::int`, q.level);
  }
  if (q.trackingCode) add((n) => `c.tracking_code = ${n}`, q.trackingCode);
  for (const w of q.words ?? [])
    add((n) => `(strpos(lower(c.text), lower(${n})) > 0 or strpos(lower(coalesce(c.address, '')), lower(${n})) > 0)`, w);
  if (q.after) {
    params.push(q.after.createdAt.toISOString(), q.after.id);
    const [t, i] = [`$${params.length - 1}`, `$${params.length}`];
    where.push(`(c.created_at < ${t}::timestamptz or (c.created_at = ${t}::timestamptz and c.id < ${i}::bigint))`);
  }
  params.push(q.limit);
  const rows = await db.query<SummaryRow>(
    `select ${SUMMARY} ${FROM} where ${where.length ? where.join(' and ') : 'true'}
      order by c.created_at desc, c.id desc limit $${params.length}`,
    params,
  );
  return rows.map(summaryRow);
}

/**
 * The briefing report: complaints whose clock still runs past level `minLevel`'s due instant, with
 * their level, per agency, oldest clock first.
 */
export async function briefing(db: Sql, o: { now: Date; minLevel: number }) {
  const rows = await db.query<SummaryRow & { level: number }>(
    `select ${SUMMARY}, ${levelSql('$1')} as level ${FROM}
      where c.clock_start is not null and c.answered_at is null and c.escalation_due[$2] <= $1::timestamptz
      order by a.position, a.id, c.clock_start, c.id`,
    [o.now.toISOString(), o.minLevel],
  );
  return rows.map((r) => ({ ...summaryRow(r), level: Number(r.level) }));
}

/**
 * The office's calendar for working-day escalation: its zone and its city-wide holidays and cuti
 * bersama from `from` on (an agency's own closures do not stop a complaint's clock).
 */
export async function workingCalendar(db: Sql, from: Date): Promise<{ timeZone: string; holidays: Set<string> }> {
  const [office] = await db.query<{ time_zone: string }>(`select time_zone from offices order by id limit 1`);
  const rows = await db.query<{ d: string }>(
    `select to_char(date, 'YYYY-MM-DD') as d from holidays
      where agency_id is null and service_id is null and kind in ('holiday', 'cuti_bersama') and date >= $1::date - 1`,
    [from.toISOString().slice(0, 10)],
  );
  return { timeZone: office?.time_zone ?? 'Asia/Jakarta', holidays: new Set(rows.map((r) => r.d)) };
}
