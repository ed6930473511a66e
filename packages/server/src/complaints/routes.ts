/**
 * The complaint endpoints: citizens (categories, capture token, photo, complaint, contact code,
 * tracking, reply or dispute; a contact proven without an account for "my complaints", nearby
 * and "saya juga") and staff (the inbox, verify, reject, merge, dispatch, answer, original and
 * redacted photos, the briefing), each staff query checked for role and agency.
 */
import { Hono, type Context } from 'hono';
import {
  AnswerRequest,
  BriefingQuery,
  CONTACT_PROOF_HEADER,
  CitizenReplyRequest,
  ContactCodeRequest,
  ContactTicketParam,
  MergeRequest,
  NEARBY,
  NearbyQuery,
  StaffComplaintQuery,
  ComplaintRequest,
  DispatchRequest,
  MAX_ACCURACY_M,
  PhotoIdParam,
  PhotoUploadQuery,
  ROUTES,
  RejectRequest,
  TrackingCodeParam,
  VerifyContactRequest,
  COMPLAINT_ACTIONS,
  answerClock,
  escalationDues,
  canDo,
  insideBoundary,
  isEmail,
  maskEmail,
  maskPhone,
  normalizePhone,
  normalizeTrackingCode,
  isTrackingCode,
  roleAllows,
  type ComplaintAction,
  type ComplaintCategory,
  type ComplaintStatus,
  type ComplaintSummary,
  type ComplaintView,
  type NearbyComplaint,
  type StaffComplaintItem,
  type ProblemCode,
  type RejectReason,
  type StaffRole,
  type EscalationPolicy,
} from '@mpp-kit/core';
import { requireRole } from '../auth/staff.js';
import type { Env } from '../context.js';
import type { Sql } from '../db/types.js';
import { safeEqual } from '../crypto/hash.js';
import { readBytes } from '../http/body.js';
import { idempotent } from '../http/idempotency.js';
import { ProblemException } from '../http/problem.js';
import { clientAddress, throwIfLimited } from '../http/rate-limit.js';
import { honoPath, validate } from '../http/validate.js';
import { enqueueMail } from '../mail/outbox.js';
import type { ComplaintParts } from './parts.js';
import * as repo from './repository.js';
import {
  CAPTURE_WINDOW_MS,
  CODE_MAX_FAILURES,
  CODE_TTL_MS,
  MAX_PHOTO_BYTES,
  PROOF_TTL_MS,
  bytesSha256,
  captureTokenId,
  contactCodeHash,
  contactHash,
  contactProofHash,
  decodeCursor,
  encodeCursor,
  excerpt,
  newTicketId,
  signContactProof,
  newContactCode,
  newPhotoId,
  newTrackingCode,
  nearbyBox,
  signCaptureToken,
  sniffImage,
  stripMetadata,
} from './rules.js';

const problem = (status: number, code: ProblemCode, detail: string, path?: string) =>
  new ProblemException(status, code, detail, path ? [{ path, code }] : undefined);

const iso = (v: string | Date | null) => (v === null ? null : new Date(v).toISOString());
const photoUrl = (id: string) => ROUTES.getComplaintPhoto.path.replace('{id}', id);

/** The roles of the verifiers' desk and of the agencies' officers. */
const VERIFIERS: StaffRole[] = ['verifier', 'city_admin', 'admin'];
const AGENCY: StaffRole[] = ['agency_officer', 'agency_head', 'city_admin', 'admin'];
/** Who reads the inbox: the desk and the mayor's office everywhere, an agency's officers and head their agency. */
const INBOX: StaffRole[] = ['verifier', 'city_admin', 'admin', 'mayor_office', 'agency_officer', 'agency_head'];
const CITY_WIDE_INBOX: StaffRole[] = ['verifier', 'city_admin', 'admin', 'mayor_office'];
const BRIEFING: StaffRole[] = ['mayor_office', 'city_admin', 'admin'];
/** The statuses in which a complaint is still open: nearby, "saya juga". */
const OPEN: ComplaintStatus[] = ['verified', 'dispatched', 'answered', 'reopened'];
/** The statuses a duplicate may be merged into (merge candidates). */
const MERGEABLE: ComplaintStatus[] = ['received', 'verified', 'dispatched', 'answered', 'resolved', 'reopened'];
const PAGE = 25;
/** Merge candidates on the desk: more than the citizen's nearby list (the desk sees unverified and rahasia ones too). */
const MERGE_CANDIDATES = 20;
const MINE_MAX = 100;

const photoIdsOf = (v: unknown): string[] => (typeof v === 'string' ? (JSON.parse(v) as string[]) : ((v as string[] | null) ?? []));

/** The public view of a complaint: the name only when public, never the contact; redacted copies instead of their originals. */
async function view(db: Sql, row: repo.ComplaintRow, now: Date, policy: EscalationPolicy): Promise<ComplaintView> {
  const [categories, events, photos] = await Promise.all([
    repo.listCategories(db),
    repo.eventsOf(db, row.id),
    repo.reportPhotos(db, row.id),
  ]);
  const published = await repo.publicPhotoIds(
    db,
    events.flatMap((e) => photoIdsOf(e.photo_ids)),
  );
  const category = categories.find((c) => c.id === row.category_id)!;
  return {
    trackingCode: row.tracking_code,
    status: row.status,
    category,
    text: row.text,
    privacy: row.privacy,
    name: row.privacy === 'public' ? row.name : null,
    location:
      row.lat === null || row.lng === null ? null : { lat: Number(row.lat), lng: Number(row.lng), accuracy: Number(row.accuracy ?? 0) },
    address: row.address,
    photos: photos.map(photoUrl),
    createdAt: iso(row.created_at)!,
    contactVerified: row.contact_verified_at !== null,
    rejectReason: (row.reject_reason as RejectReason | null) ?? null,
    clock: answerClock({ clockStart: iso(row.clock_start), answeredAt: iso(row.answered_at), dues: row.escalation_due }, now, policy),
    timeline: events
      // Escalation and redaction notes are for staff; the citizen sees the clock and the published photos.
      .filter((e) => !(e.actor === 'system' && /^(escalated|redacted):/.test(e.note ?? '')))
      .map((e) => ({
        at: iso(e.at)!,
        status: e.status,
        note: e.note,
        by: e.actor,
        photos: photoIdsOf(e.photo_ids).map((id) => photoUrl(published.get(id) ?? id)),
      })),
    supporters: row.supporters,
    mergedInto: row.merged_into_code,
  };
}

/** A complaint's card (my complaints, nearby, the inbox). */
function summary(r: repo.SummaryRow, categories: Map<string, ComplaintCategory>, now: Date, policy: EscalationPolicy): ComplaintSummary {
  return {
    trackingCode: r.tracking_code,
    status: r.status,
    category: categories.get(r.category_id)!,
    text: excerpt(r.text),
    address: r.address,
    createdAt: iso(r.created_at)!,
    clock: answerClock({ clockStart: iso(r.clock_start), answeredAt: iso(r.answered_at), dues: r.escalation_due }, now, policy),
    supporters: r.supporters,
    photo: r.photo ? photoUrl(r.photo) : null,
  };
}

const categoryMap = async (db: Sql) => new Map((await repo.listCategories(db)).map((c) => [c.id, c]));

/** The contact of a request (`email` or `phone`), normalised, or the 422 problem of the first one given. */
function contactOf(body: { email?: string | null; phone?: string | null }): { kind: 'email' | 'phone'; value: string; hint: string } {
  if (body.email) {
    if (!isEmail(body.email)) throw problem(422, 'email_format', 'The e-mail address is not valid', 'email');
    const value = body.email.toLowerCase();
    return { kind: 'email', value, hint: maskEmail(value) };
  }
  if (body.phone) {
    const ph = normalizePhone(body.phone);
    if (!ph.ok) throw problem(422, ph.code, 'The phone number is not valid', 'phone');
    return { kind: 'phone', value: ph.e164, hint: maskPhone(ph.e164) };
  }
  throw problem(422, 'contact_required', 'An e-mail address or a mobile number is required', 'email');
}

/** The image type a photo request declares (415 unless JPEG, PNG or WebP). */
function declaredImageType(c: Context<Env>): string {
  const declared = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!['image/jpeg', 'image/png', 'image/webp'].includes(declared))
    throw new ProblemException(415, 'photo_type', 'Send the photo as image/jpeg, image/png or image/webp');
  return declared;
}

/**
 * A photo's bytes from the request, the same for an upload and a redacted copy: at most
 * `MAX_PHOTO_BYTES` (413), an image of the declared type by its signature (415), and `clean`, the
 * bytes without their metadata, the only ones ever stored.
 */
async function readPhoto(c: Context<Env>, declared: string) {
  const bytes = await readBytes(
    c,
    MAX_PHOTO_BYTES,
    () => new ProblemException(413, 'payload_too_large', `A photo may be at most ${MAX_PHOTO_BYTES} bytes`),
  );
  const type = sniffImage(bytes);
  if (!type || type !== declared) throw problem(415, 'photo_type', 'The bytes are not an image of the declared type');
  const clean = stripMetadata(type, bytes);
  if (!clean) throw problem(415, 'photo_type', 'The image could not be read');
  return { bytes, type, clean };
}

/** Sends (enqueues) a fresh contact code for complaint `id`. */
async function sendCode(
  tx: Sql,
  p: ComplaintParts,
  now: Date,
  row: { id: string; tracking_code: string; contact_kind: 'email' | 'phone'; contact: string },
) {
  const code = newContactCode();
  await repo.setContactCode(tx, row.id, contactCodeHash(p.codeKey, row.id, code), new Date(now.getTime() + CODE_TTL_MS));
  await enqueueMail(tx, now, {
    dedupeKey: `code:${row.id}:${now.getTime()}:${code}`,
    channel: row.contact_kind === 'email' ? 'email' : 'sms',
    to: row.contact,
    subject: `Kode verifikasi Si Badra: ${code}`,
    body: `Kode verifikasi aduan ${row.tracking_code}: ${code} (berlaku 15 menit).\nYour Si Badra verification code: ${code} (valid for 15 minutes).`,
  });
}

export function complaintRoutes(p: ComplaintParts): Hono<Env> {
  const r = new Hono<Env>();

  /** The answer clock (re)starts at `now`: its escalation instants by the deployment's policy (and, for working days, the office's calendar). */
  const startClock = async (tx: Sql, now: Date) => ({
    clockStart: now,
    escalationDue: escalationDues(p.policy, now, p.policy.count === 'working_days' ? await repo.workingCalendar(tx, now) : undefined),
  });

  r.get(honoPath(ROUTES.listComplaintCategories.path), async (c) => c.json({ items: await repo.listCategories(c.get('deps').db) }));

  r.post(honoPath(ROUTES.createCaptureToken.path), async (c) => {
    const { db, clock } = c.get('deps');
    const now = clock.now();
    const { id, token } = signCaptureToken(p.captureKey);
    const expiresAt = new Date(now.getTime() + CAPTURE_WINDOW_MS);
    await repo.insertCaptureToken(db, id, now, expiresAt);
    return c.json({ token, issuedAt: now.toISOString(), expiresAt: expiresAt.toISOString() }, 201);
  });

  r.post(honoPath(ROUTES.uploadComplaintPhoto.path), async (c) => {
    const { db, clock } = c.get('deps');
    const { role = 'report' } = validate(PhotoUploadQuery, c.req.query());
    const declared = declaredImageType(c);
    const tokenId = captureTokenId(p.captureKey, c.req.header('mpp-capture-token'));
    if (!tokenId) throw problem(403, 'capture_token_invalid', 'The photo needs a capture token from this server (Mpp-Capture-Token)');
    const { bytes, type, clean } = await readPhoto(c, declared);
    const id = newPhotoId();
    const now = clock.now();
    const sha256 = bytesSha256(bytes);
    const spent = await db.transaction(async (tx) => {
      const s = await repo.spendCaptureToken(tx, tokenId, now);
      if (s === 'ok')
        await repo.insertPhoto(tx, {
          id,
          tokenId,
          type,
          bytes: clean.length,
          capturedAt: now,
          role,
          uploadSha256: sha256,
        });
      // A retry of an upload that arrived (the answer was lost): the same bytes get the first receipt.
      const first = s === 'used' ? await repo.photoByToken(tx, tokenId) : null;
      return { s, first };
    });
    if (spent.first && spent.first.sha256 === sha256) {
      const f = spent.first;
      // The first upload may have died between its row and its bytes: store them now (they are the same).
      if (!(await p.photos.get(f.id))) await p.photos.put(f.id, clean);
      return c.json({ id: f.id, type: f.type, bytes: f.bytes, capturedAt: f.capturedAt.toISOString() }, 200);
    }
    if (spent.s === 'unknown') throw problem(403, 'capture_token_invalid', 'Unknown capture token');
    if (spent.s === 'used') throw problem(409, 'capture_token_used', 'This capture token already carried a photo: ask for a new one');
    if (spent.s === 'expired')
      throw problem(410, 'capture_token_expired', 'The capture token expired before the photo arrived: take the photo again');
    await p.photos.put(id, clean);
    return c.json({ id, type, bytes: clean.length, capturedAt: now.toISOString() }, 201);
  });

  r.get(honoPath(ROUTES.getComplaintPhoto.path), async (c) => {
    const { id } = validate(PhotoIdParam, c.req.param());
    const db = c.get('deps').db;
    const type = await repo.photoType(db, id);
    // A photo's bytes never change under its id: what the browser holds is current while it is public.
    if (type && c.req.header('if-none-match') === `"${id}"`)
      return c.body(null, 304, { etag: `"${id}"`, 'cache-control': 'private, no-cache' });
    const bytes = type ? await p.photos.get(id) : null;
    if (!type || !bytes) throw problem(404, 'photo_not_found', 'No such photo');
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': type,
      // Revalidated at every view (a 304 without the bytes): once a verifier publishes a redacted
      // copy, the original must stop showing even in a browser that saw it.
      'cache-control': 'private, no-cache',
      etag: `"${id}"`,
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'",
    });
  });

  r.post(honoPath(ROUTES.createComplaint.path), async (c) => {
    const body = validate(ComplaintRequest, c.get('body'));
    const { clock } = c.get('deps');
    if (body.photoIds.length === 0) throw problem(422, 'photo_required', 'A live photo is required', 'photoIds');
    const loc = body.location ?? null;
    if (!loc && !body.address) throw problem(422, 'location_required', 'A location or an address is required', 'location');
    if (loc && loc.accuracy > MAX_ACCURACY_M)
      throw problem(422, 'location_inaccurate', `The location's accuracy must be within ${MAX_ACCURACY_M} m`, 'location');
    if (loc && p.boundary && !insideBoundary(p.boundary, loc.lat, loc.lng))
      throw problem(422, 'location_outside_area', 'The location is outside the area this service covers', 'location');
    const contact = contactOf(body);
    const hash = contactHash(p.contactKey, contact.kind, contact.value);
    // A proof of this very contact (confirmed minutes ago for "saya juga" or "my complaints"):
    // the complaint is verified at once and no code is sent. Any other proof is ignored.
    const proven = contactProofHash(p.proofKey, c.req.header(CONTACT_PROOF_HEADER), clock.now()) === hash;

    return idempotent(c, 'complaint', body, async (tx) => {
      // Counted only for a complaint not filed yet: a phone retrying a lost answer with its key gets
      // the first answer back without using up its address's quota.
      throwIfLimited(p.submits.hit(clientAddress(c)), 'complaints');
      const now = clock.now();
      const agencyId = await repo.categoryAgency(tx, body.categoryId);
      if (!agencyId) throw problem(404, 'category_not_found', 'No such complaint category', 'categoryId');
      const free = await repo.freePhotos(tx, body.photoIds, 'report');
      if (free.length !== new Set(body.photoIds).size)
        throw problem(422, 'photo_not_found', 'A photo is unknown or already used', 'photoIds');
      const trackingCode = newTrackingCode();
      const id = await repo.insertComplaint(
        tx,
        {
          trackingCode,
          categoryId: body.categoryId,
          agencyId,
          text: body.text,
          lat: loc?.lat ?? null,
          lng: loc?.lng ?? null,
          accuracy: loc?.accuracy ?? null,
          address: body.address ?? null,
          privacy: body.privacy,
          name: body.name ?? null,
          contactKind: contact.kind,
          contact: contact.value,
          contactHash: hash,
          contactVerifiedAt: proven ? now : null,
        },
        now,
      );
      await repo.attachPhotos(tx, id, free);
      await repo.addEvent(tx, { complaintId: id, at: now, status: 'received', actor: 'citizen' });
      if (!proven) await sendCode(tx, p, now, { id, tracking_code: trackingCode, contact_kind: contact.kind, contact: contact.value });
      return { status: 201, body: { trackingCode, status: 'received', contactVerified: proven, contactHint: contact.hint } };
    });
  });

  /** The contact hash a valid `Mpp-Contact-Proof` carries, or a 401 problem. */
  const provenContact = (c: Context<Env>, now: Date): string => {
    const hash = contactProofHash(p.proofKey, c.req.header(CONTACT_PROOF_HEADER), now);
    if (!hash)
      throw new ProblemException(401, 'contact_proof_invalid', 'Send a valid Mpp-Contact-Proof: confirm your contact with a code again');
    return hash;
  };

  r.post(honoPath(ROUTES.requestContactCode.path), async (c) => {
    const body = validate(ContactCodeRequest, c.get('body'));
    const contact = contactOf(body);
    throwIfLimited(p.contactCodes.hit(clientAddress(c)), 'code requests');
    const { db, clock } = c.get('deps');
    const now = clock.now();
    const ticket = newTicketId();
    const code = newContactCode();
    const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
    await db.transaction(async (tx) => {
      // No job needed: each request also forgets the tickets (and their contacts) expired a day ago.
      await repo.purgeTickets(tx, new Date(now.getTime() - 86_400_000));
      await repo.insertTicket(
        tx,
        {
          id: ticket,
          contactKind: contact.kind,
          contact: contact.value,
          contactHash: contactHash(p.contactKey, contact.kind, contact.value),
          codeHash: contactCodeHash(p.codeKey, ticket, code),
          expiresAt,
        },
        now,
      );
      await enqueueMail(tx, now, {
        dedupeKey: `contact-code:${ticket}`,
        channel: contact.kind === 'email' ? 'email' : 'sms',
        to: contact.value,
        subject: `Kode verifikasi Si Badra: ${code}`,
        body: `Kode untuk membuktikan kontak Anda di Si Badra: ${code} (berlaku 15 menit). Jangan berikan kode ini kepada siapa pun.\nYour Si Badra code to prove your contact: ${code} (valid for 15 minutes). Do not share it.`,
      });
    });
    return c.json({ ticket, contactHint: contact.hint, expiresAt: expiresAt.toISOString() }, 201);
  });

  r.post(honoPath(ROUTES.confirmContactCode.path), async (c) => {
    const { ticket } = validate(ContactTicketParam, c.req.param());
    const { code } = validate(VerifyContactRequest, c.get('body'));
    throwIfLimited(p.codeTries.hit(clientAddress(c)), 'code attempts');
    const { db, clock } = c.get('deps');
    const now = clock.now();
    const outcome = await db.transaction(async (tx) => {
      const t = await repo.ticketForUpdate(tx, ticket);
      if (!t) return { kind: 'not_found' as const };
      if (t.failures >= CODE_MAX_FAILURES) return { kind: 'locked' as const };
      if (t.expiresAt < now) return { kind: 'expired' as const };
      if (!safeEqual(t.codeHash, contactCodeHash(p.codeKey, ticket, code))) {
        await repo.countTicketFailure(tx, ticket);
        return { kind: 'wrong' as const };
      }
      await repo.confirmTicket(tx, ticket, t);
      return { kind: 'ok' as const, ticket: t };
    });
    if (outcome.kind === 'not_found') throw problem(404, 'contact_ticket_not_found', 'No such code request: ask for a new code');
    if (outcome.kind === 'locked') throw problem(429, 'verification_locked', 'Too many wrong codes: request a new code', 'code');
    if (outcome.kind === 'expired') throw problem(410, 'verification_code_expired', 'The code expired: request a new one', 'code');
    if (outcome.kind === 'wrong') throw problem(422, 'verification_code_wrong', 'The code is wrong', 'code');
    const t = outcome.ticket;
    const expiresAt = new Date(now.getTime() + PROOF_TTL_MS);
    c.header('cache-control', 'no-store');
    return c.json({
      proof: signContactProof(p.proofKey, t.contactHash, expiresAt),
      contactHint: t.contactKind === 'email' ? maskEmail(t.contact) : maskPhone(t.contact),
      expiresAt: expiresAt.toISOString(),
    });
  });

  // Before `/complaints/{code}`: "mine" and "nearby" are not tracking codes.
  r.get(honoPath(ROUTES.listMyComplaints.path), async (c) => {
    const { db, clock } = c.get('deps');
    const now = clock.now();
    const hash = provenContact(c, now);
    const [rows, categories] = await Promise.all([repo.complaintsOfContact(db, hash, MINE_MAX), categoryMap(db)]);
    c.header('cache-control', 'no-store');
    return c.json({ items: rows.map((row) => summary(row, categories, now, p.policy)) });
  });

  const nearbyOf = async (
    db: Sql,
    now: Date,
    q: { categoryId: string; lat: number; lng: number },
    o: { statuses: readonly ComplaintStatus[]; includeSecret: boolean; excludeId?: string; agencyId?: string | null; limit: number },
  ): Promise<NearbyComplaint[]> => {
    const [rows, categories] = await Promise.all([
      repo.nearby(db, {
        ...q,
        ...nearbyBox(q.lat, NEARBY.radiusM),
        ...o,
        radiusM: NEARBY.radiusM,
        since: new Date(now.getTime() - NEARBY.days * 86_400_000),
      }),
      categoryMap(db),
    ]);
    return rows.map((row) => ({ ...summary(row, categories, now, p.policy), distanceM: Math.round(row.distance_m) }));
  };

  r.get(honoPath(ROUTES.listNearbyComplaints.path), async (c) => {
    const q = validate(NearbyQuery, c.req.query());
    const { db, clock } = c.get('deps');
    const items = await nearbyOf(db, clock.now(), q, { statuses: OPEN, includeSecret: false, limit: NEARBY.max });
    c.header('cache-control', 'no-store');
    return c.json({ items, radiusM: NEARBY.radiusM });
  });

  r.post(honoPath(ROUTES.supportComplaint.path), async (c) => {
    const { code } = validate(TrackingCodeParam, c.req.param());
    const { db, clock } = c.get('deps');
    const now = clock.now();
    const hash = provenContact(c, now);
    throwIfLimited(p.supports.hit(clientAddress(c)), 'supports');
    const out = await db.transaction(async (tx) => {
      const row = await repo.findByCode(tx, code, true);
      if (!row) throw problem(404, 'complaint_not_found', 'No such complaint');
      if (!OPEN.includes(row.status) || row.merged_into !== null)
        throw problem(409, 'complaint_transition', `A complaint in status ${row.status} cannot be supported`);
      // The reporter's own contact is not a second voice.
      const counted = row.contact_hash !== hash && (await repo.addSupport(tx, row.id, hash, now));
      return { supporters: await repo.supporterCount(tx, row.id), counted };
    });
    return c.json(out);
  });

  r.get(honoPath(ROUTES.getComplaint.path), async (c) => {
    const { code } = validate(TrackingCodeParam, c.req.param());
    const { db, clock } = c.get('deps');
    const row = await repo.findByCode(db, code);
    if (!row) throw problem(404, 'complaint_not_found', 'No such complaint');
    c.header('cache-control', 'no-store');
    return c.json(await view(db, row, clock.now(), p.policy));
  });

  r.post(honoPath(ROUTES.verifyComplaintContact.path), async (c) => {
    const { code: tracking } = validate(TrackingCodeParam, c.req.param());
    const { code } = validate(VerifyContactRequest, c.get('body'));
    const { db, clock } = c.get('deps');
    throwIfLimited(p.codeTries.hit(clientAddress(c)), 'code attempts');
    const now = clock.now();
    const outcome = await db.transaction(async (tx) => {
      const row = await repo.findByCode(tx, tracking, true);
      if (!row) return 'not_found' as const;
      if (row.contact_verified_at) return 'already' as const;
      const stored = await repo.contactCode(tx, row.id);
      if (!stored || stored.failures >= CODE_MAX_FAILURES) return 'locked' as const;
      if (stored.expiresAt < now) return 'expired' as const;
      if (!safeEqual(stored.codeHash, contactCodeHash(p.codeKey, row.id, code))) {
        await repo.countCodeFailure(tx, row.id);
        return 'wrong' as const;
      }
      await repo.markContactVerified(tx, row.id, now);
      return 'ok' as const;
    });
    if (outcome === 'not_found') throw problem(404, 'complaint_not_found', 'No such complaint');
    if (outcome === 'already') throw problem(409, 'contact_already_verified', 'The contact is already verified');
    if (outcome === 'locked') throw problem(429, 'verification_locked', 'Too many wrong codes: request a new code', 'code');
    if (outcome === 'expired') throw problem(410, 'verification_code_expired', 'The code expired: request a new one', 'code');
    if (outcome === 'wrong') throw problem(422, 'verification_code_wrong', 'The code is wrong', 'code');
    const row = (await repo.findByCode(db, tracking))!;
    return c.json(await view(db, row, now, p.policy));
  });

  r.post(honoPath(ROUTES.resendComplaintCode.path), async (c) => {
    const { code: tracking } = validate(TrackingCodeParam, c.req.param());
    const { db, clock } = c.get('deps');
    throwIfLimited(p.codeTries.hit(clientAddress(c)), 'code requests');
    const now = clock.now();
    const ok = await db.transaction(async (tx) => {
      const row = await repo.findByCode(tx, tracking, true);
      if (!row) throw problem(404, 'complaint_not_found', 'No such complaint');
      if (row.contact_verified_at) throw problem(409, 'contact_already_verified', 'The contact is already verified');
      await sendCode(tx, p, now, row);
      return row.contact_kind === 'email' ? maskEmail(row.contact) : maskPhone(row.contact);
    });
    return c.json({ contactHint: ok }, 202);
  });

  /**
   * A staff or citizen action on one complaint: checks the transition, runs `fn` (its own checks and
   * side effects; it returns the columns to change besides the status), moves the complaint to the
   * action's status from core's `COMPLAINT_ACTIONS`, adds the timeline entry, answers the view.
   */
  const act = async (
    c: Context<Env>,
    action: ComplaintAction,
    who: (row: repo.ComplaintRow) => Promise<{ actor: 'citizen' | 'verifier' | 'agency'; staffId: string | null }>,
    fn: (tx: Sql, row: repo.ComplaintRow, now: Date) => Promise<{ set?: repo.ComplaintChange; note?: string | null; photoIds?: string[] }>,
  ) => {
    const { code } = validate(TrackingCodeParam, c.req.param());
    const { db, clock } = c.get('deps');
    const now = clock.now();
    // Who may act is checked first, outside the transaction (the account's queries must not wait
    // on it: PGlite has one connection); the locked row must then still be at the same agency.
    const seen = await repo.findByCode(db, code);
    if (!seen) throw problem(404, 'complaint_not_found', 'No such complaint');
    const by = await who(seen);
    await db.transaction(async (tx) => {
      const row = await repo.findByCode(tx, code, true);
      if (!row) throw problem(404, 'complaint_not_found', 'No such complaint');
      if (row.agency_id !== seen.agency_id) throw problem(409, 'complaint_transition', 'The complaint moved to another agency meanwhile');
      if (!canDo(action, row.status))
        throw problem(409, 'complaint_transition', `A complaint in status ${row.status} cannot be given "${action}"`);
      const e = await fn(tx, row, now);
      const status = COMPLAINT_ACTIONS[action].to;
      await repo.updateComplaint(tx, row.id, now, { ...e.set, status });
      await repo.addEvent(tx, {
        complaintId: row.id,
        at: now,
        status,
        actor: by.actor,
        staffId: by.staffId,
        note: e.note ?? null,
        photoIds: e.photoIds,
      });
    });
    const row = (await repo.findByCode(db, code))!;
    return c.json(await view(db, row, now, p.policy));
  };
  const staffAs =
    (c: Context<Env>, roles: StaffRole[], actor: 'verifier' | 'agency', agency?: (row: repo.ComplaintRow) => string) =>
    async (row: repo.ComplaintRow) => {
      const s = await requireRole(c, roles, agency ? agency(row) : undefined);
      return { actor, staffId: s.id };
    };

  r.post(honoPath(ROUTES.verifyComplaint.path), (c) => act(c, 'verify', staffAs(c, VERIFIERS, 'verifier'), async () => ({})));

  r.post(honoPath(ROUTES.rejectComplaint.path), (c) => {
    const body = validate(RejectRequest, c.get('body'));
    return act(c, 'reject', staffAs(c, VERIFIERS, 'verifier'), async () => ({
      set: { rejectReason: body.reason },
      note: body.note ?? null,
    }));
  });

  r.post(honoPath(ROUTES.dispatchComplaint.path), (c) => {
    const body = validate(DispatchRequest, c.get('body'));
    return act(c, 'dispatch', staffAs(c, VERIFIERS, 'verifier'), async (tx, row, now) => {
      if (!row.contact_verified_at) throw problem(409, 'complaint_transition', 'The reporter has not confirmed their contact yet');
      const agencyId = body.agencyId ?? row.agency_id;
      if (!(await repo.agencyExists(tx, agencyId))) throw problem(404, 'agency_not_found', 'No such agency', 'agencyId');
      for (const to of await repo.recipients(tx, agencyId, 'officer'))
        await enqueueMail(tx, now, {
          dedupeKey: `dispatch:${row.id}:${now.getTime()}:${to}`,
          to,
          subject: `[Si Badra] Aduan baru ${row.tracking_code}: mohon dijawab dalam 24 jam`,
          body: `Aduan ${row.tracking_code} diteruskan ke instansi Anda. Jawab dalam 24 jam; setelah itu aduan dieskalasi ke kepala instansi.\nA complaint was dispatched to your agency: please answer within 24 hours.\n\n${p.publicUrl}/api/v1/complaints/${row.tracking_code}\n\n${row.text.slice(0, 1000)}`,
        });
      return { set: { agencyId, ...(await startClock(tx, now)), answeredAt: null, resetEscalation: true }, note: body.note ?? null };
    });
  });

  r.post(honoPath(ROUTES.answerComplaint.path), (c) => {
    const body = validate(AnswerRequest, c.get('body'));
    return act(
      c,
      body.resolve ? 'resolve' : 'answer',
      staffAs(c, AGENCY, 'agency', (row) => row.agency_id),
      async (tx, row, now) => {
        const ids = body.photoIds ?? [];
        const free = await repo.freePhotos(tx, ids, 'answer');
        if (free.length !== new Set(ids).size) throw problem(422, 'photo_not_found', 'A photo is unknown or already used', 'photoIds');
        await repo.attachPhotos(tx, row.id, free);
        return { set: { answeredAt: row.answered_at ? new Date(row.answered_at) : now }, note: body.text, photoIds: free };
      },
    );
  });

  r.post(honoPath(ROUTES.replyToComplaint.path), (c) => {
    const body = validate(CitizenReplyRequest, c.get('body'));
    throwIfLimited(p.submits.hit(clientAddress(c)), 'replies');
    return act(
      c,
      body.dispute ? 'dispute' : 'close',
      async () => ({ actor: 'citizen', staffId: null }),
      async (tx, _row, now) => ({
        set: body.dispute ? { ...(await startClock(tx, now)), answeredAt: null, resetEscalation: true } : {},
        note: body.text,
      }),
    );
  });

  r.post(honoPath(ROUTES.mergeComplaint.path), (c) => {
    const body = validate(MergeRequest, c.get('body'));
    const into = normalizeTrackingCode(body.into);
    return act(c, 'merge', staffAs(c, VERIFIERS, 'verifier'), async (tx, row, now) => {
      const target = into === row.tracking_code ? null : await repo.findByCode(tx, into, true);
      if (!target) throw problem(422, 'merge_target_invalid', 'Merge into another existing complaint', 'into');
      if (target.status === 'rejected' || target.status === 'closed' || target.merged_into !== null)
        throw problem(422, 'merge_target_invalid', 'A complaint cannot be merged into a rejected or closed one', 'into');
      if (target.category_id !== row.category_id)
        throw problem(422, 'merge_target_invalid', 'A complaint can only be merged into one of the same category', 'into');
      // The duplicate's verified reporter now speaks for the other complaint, once, unless it is theirs too.
      if (row.contact_hash && row.contact_verified_at && row.contact_hash !== target.contact_hash)
        await repo.addSupport(tx, target.id, row.contact_hash, now);
      return { set: { rejectReason: 'duplicate', mergedInto: target.id }, note: body.note ?? null };
    });
  });

  /** The account's inbox scope: null (every agency) or its agency; 403 for an agency role without one. */
  const inboxScope = async (c: Context<Env>) => {
    const staff = await requireRole(c, INBOX);
    if (CITY_WIDE_INBOX.includes(staff.role)) return { staff, agencyId: null };
    if (!staff.agencyId) throw new ProblemException(403, 'forbidden', 'This account serves no agency');
    return { staff, agencyId: staff.agencyId };
  };

  r.get(honoPath(ROUTES.listStaffComplaints.path), async (c) => {
    const q = validate(StaffComplaintQuery, c.req.query());
    const scope = await inboxScope(c);
    if (scope.agencyId && q.agencyId && q.agencyId !== scope.agencyId)
      throw new ProblemException(403, 'forbidden', 'This account serves another agency');
    const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
    if (after === null) throw problem(400, 'validation_failed', 'The cursor is not one this server gave', 'cursor');
    const words = (q.q ?? '').trim();
    const code = normalizeTrackingCode(words);
    const { db, clock } = c.get('deps');
    const now = clock.now();
    const [rows, categories] = await Promise.all([
      repo.inbox(db, {
        now,
        status: q.status,
        categoryId: q.categoryId,
        agencyId: scope.agencyId ?? q.agencyId,
        level: q.level === undefined ? undefined : Number(q.level),
        trackingCode: isTrackingCode(code) ? code : undefined,
        words: isTrackingCode(code) ? undefined : words.split(/\s+/).filter(Boolean).slice(0, 10),
        after,
        limit: PAGE + 1,
      }),
      categoryMap(db),
    ]);
    const page = rows.slice(0, PAGE);
    const last = page.at(-1);
    const items: StaffComplaintItem[] = page.map((row) => ({
      ...summary(row, categories, now, p.policy),
      agencyId: row.agency_id,
      agencyName: row.agency_name,
      privacy: row.privacy,
      contactVerified: row.contact_verified_at !== null,
      photoCount: row.photo_count,
    }));
    return c.json({
      items,
      next: rows.length > PAGE && last ? encodeCursor({ createdAt: new Date(last.created_at), id: last.id }) : null,
    });
  });

  r.get(honoPath(ROUTES.getStaffComplaint.path), async (c) => {
    const { code } = validate(TrackingCodeParam, c.req.param());
    const { db, clock } = c.get('deps');
    const scope = await inboxScope(c);
    const row = await repo.findByCode(db, code);
    if (!row) throw problem(404, 'complaint_not_found', 'No such complaint');
    if (!roleAllows(scope.staff, INBOX, row.agency_id)) throw new ProblemException(403, 'forbidden', 'This account serves another agency');
    const now = clock.now();
    const [v, photos, agencies] = await Promise.all([view(db, row, now, p.policy), repo.staffPhotos(db, row.id), repo.agencyNames(db)]);
    const nearby =
      row.lat === null || row.lng === null
        ? []
        : await nearbyOf(
            db,
            now,
            { categoryId: row.category_id, lat: Number(row.lat), lng: Number(row.lng) },
            { statuses: MERGEABLE, includeSecret: true, excludeId: row.id, agencyId: scope.agencyId, limit: MERGE_CANDIDATES },
          );
    return c.json({
      ...v,
      agencyId: row.agency_id,
      agencyName: agencies.get(row.agency_id) ?? row.agency_id,
      contactHint: row.contact_kind === 'email' ? maskEmail(row.contact) : maskPhone(row.contact),
      contactKind: row.contact_kind,
      staffPhotos: photos.map((ph) => ({
        id: ph.id,
        role: ph.role,
        originalUrl: ROUTES.getStaffComplaintPhoto.path.replace('{id}', ph.id),
        redactedId: ph.redactedId,
      })),
      nearby,
    });
  });

  r.get(honoPath(ROUTES.getStaffComplaintPhoto.path), async (c) => {
    const { id } = validate(PhotoIdParam, c.req.param());
    const staff = await requireRole(c, INBOX);
    const db = c.get('deps').db;
    const ph = await repo.staffPhoto(db, id);
    if (!ph) throw problem(404, 'photo_not_found', 'No such photo');
    if (!roleAllows(staff, INBOX, ph.agencyId)) throw new ProblemException(403, 'forbidden', 'This account serves another agency');
    const bytes = await p.photos.get(id);
    if (!bytes) throw problem(404, 'photo_not_found', 'No such photo');
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': ph.type,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'",
    });
  });

  r.post(honoPath(ROUTES.redactComplaintPhoto.path), async (c) => {
    const { code, id } = validate(ROUTES.redactComplaintPhoto.params, c.req.param());
    const staff = await requireRole(c, VERIFIERS);
    const { bytes, type, clean } = await readPhoto(c, declaredImageType(c));
    const { db, clock } = c.get('deps');
    const now = clock.now();
    const copy = newPhotoId();
    const seen = await repo.findByCode(db, code);
    if (!seen) throw problem(404, 'complaint_not_found', 'No such complaint');
    const original = await repo.originalPhoto(db, seen.id, id);
    if (!original) throw problem(404, 'photo_not_found', 'No such photo in this complaint');
    // The bytes first: the public is switched to the copy only once it can be served.
    await p.photos.put(copy, clean);
    await db.transaction(async (tx) => {
      const o = await repo.originalPhoto(tx, seen.id, id);
      if (!o) throw problem(404, 'photo_not_found', 'No such photo in this complaint');
      await repo.insertPhoto(tx, {
        id: copy,
        tokenId: null,
        type,
        bytes: clean.length,
        capturedAt: o.capturedAt,
        role: o.role,
        uploadSha256: bytesSha256(bytes),
        complaintId: seen.id,
        redactionOf: id,
      });
      await repo.linkRedaction(tx, id, copy);
      await repo.addEvent(tx, {
        complaintId: seen.id,
        at: now,
        status: seen.status,
        actor: 'system',
        staffId: staff.id,
        note: `redacted:${id}`,
      });
    });
    return c.json({ id: copy, type, bytes: clean.length, capturedAt: original.capturedAt.toISOString() }, 201);
  });

  r.get(honoPath(ROUTES.getBriefing.path), async (c) => {
    const q = validate(BriefingQuery, c.req.query());
    await requireRole(c, BRIEFING);
    const { db, clock } = c.get('deps');
    const now = clock.now();
    const minLevel = Number(q.minLevel ?? '2');
    const [rows, categories] = await Promise.all([
      minLevel <= p.policy.levels.length ? repo.briefing(db, { now, minLevel }) : [],
      categoryMap(db),
    ]);
    return c.json({
      generatedAt: now.toISOString(),
      minLevel,
      items: rows.map((row) => ({
        trackingCode: row.tracking_code,
        status: row.status,
        category: categories.get(row.category_id)!,
        agencyId: row.agency_id,
        agencyName: row.agency_name,
        text: excerpt(row.text),
        clockStart: iso(row.clock_start)!,
        hoursOpen: Math.floor((now.getTime() - new Date(row.clock_start!).getTime()) / 3_600_000),
        level: row.level,
        supporters: row.supporters,
      })),
    });
  });

  return r;
}
