/**
 * The complaint endpoints: citizens (categories, capture token, photo, complaint, contact code,
 * tracking, reply or dispute) and staff (verify, reject, dispatch, answer), each staff action
 * checked for role and agency on the complaint itself.
 */
import { Hono, type Context } from 'hono';
import {
  AnswerRequest,
  CitizenReplyRequest,
  ComplaintRequest,
  DispatchRequest,
  MAX_ACCURACY_M,
  PhotoIdParam,
  ROUTES,
  RejectRequest,
  TrackingCodeParam,
  VerifyContactRequest,
  COMPLAINT_ACTIONS,
  answerClock,
  canDo,
  insideBoundary,
  isEmail,
  maskEmail,
  maskPhone,
  normalizePhone,
  type ComplaintAction,
  type ComplaintView,
  type ProblemCode,
  type RejectReason,
  type StaffRole,
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
  captureTokenId,
  contactCodeHash,
  newContactCode,
  newPhotoId,
  newTrackingCode,
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

/** The public view of a complaint: the name only when public, never the contact. */
async function view(db: Sql, row: repo.ComplaintRow, now: Date): Promise<ComplaintView> {
  const [categories, events, photos] = await Promise.all([
    repo.listCategories(db),
    repo.eventsOf(db, row.id),
    repo.reportPhotos(db, row.id),
  ]);
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
    clock: answerClock({ clockStart: iso(row.clock_start), answeredAt: iso(row.answered_at) }, now),
    timeline: events
      // Escalation notes are for staff; the citizen sees the clock.
      .filter((e) => !(e.actor === 'system' && e.note?.startsWith('escalated:')))
      .map((e) => ({
        at: iso(e.at)!,
        status: e.status,
        note: e.note,
        by: e.actor,
        photos: (typeof e.photo_ids === 'string' ? (JSON.parse(e.photo_ids) as string[]) : ((e.photo_ids as string[]) ?? [])).map(photoUrl),
      })),
  };
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
    const declared = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (!['image/jpeg', 'image/png', 'image/webp'].includes(declared))
      throw new ProblemException(415, 'photo_type', 'Send the photo as image/jpeg, image/png or image/webp');
    const tokenId = captureTokenId(p.captureKey, c.req.header('mpp-capture-token'));
    if (!tokenId) throw problem(403, 'capture_token_invalid', 'The photo needs a capture token from this server (Mpp-Capture-Token)');
    const bytes = await readBytes(
      c,
      MAX_PHOTO_BYTES,
      () => new ProblemException(413, 'payload_too_large', `A photo may be at most ${MAX_PHOTO_BYTES} bytes`),
    );
    const type = sniffImage(bytes);
    if (!type || type !== declared) throw problem(415, 'photo_type', 'The bytes are not an image of the declared type');
    const clean = stripMetadata(type, bytes);
    if (!clean) throw problem(415, 'photo_type', 'The image could not be read');
    const id = newPhotoId();
    const now = clock.now();
    const spent = await db.transaction(async (tx) => {
      const s = await repo.spendCaptureToken(tx, tokenId, now);
      if (s === 'ok')
        await repo.insertPhoto(tx, {
          id,
          tokenId,
          type,
          bytes: clean.length,
          capturedAt: now,
          role: c.req.query('role') === 'answer' ? 'answer' : 'report',
        });
      return s;
    });
    if (spent === 'unknown') throw problem(403, 'capture_token_invalid', 'Unknown capture token');
    if (spent === 'used') throw problem(409, 'capture_token_used', 'This capture token already carried a photo: ask for a new one');
    if (spent === 'expired')
      throw problem(410, 'capture_token_expired', 'The capture token expired before the photo arrived: take the photo again');
    await p.photos.put(id, clean);
    return c.json({ id, type, bytes: clean.length, capturedAt: now.toISOString() }, 201);
  });

  r.get(honoPath(ROUTES.getComplaintPhoto.path), async (c) => {
    const { id } = validate(PhotoIdParam, c.req.param());
    const db = c.get('deps').db;
    const type = await repo.photoType(db, id);
    const bytes = type ? await p.photos.get(id) : null;
    if (!type || !bytes) throw problem(404, 'photo_not_found', 'No such photo');
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'content-type': type,
      'cache-control': 'private, max-age=86400',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'",
    });
  });

  r.post(honoPath(ROUTES.createComplaint.path), async (c) => {
    const body = validate(ComplaintRequest, c.get('body'));
    const { clock } = c.get('deps');
    throwIfLimited(p.submits.hit(clientAddress(c)), 'complaints');
    if (body.photoIds.length === 0) throw problem(422, 'photo_required', 'A live photo is required', 'photoIds');
    const loc = body.location ?? null;
    if (!loc && !body.address) throw problem(422, 'location_required', 'A location or an address is required', 'location');
    if (loc && loc.accuracy > MAX_ACCURACY_M)
      throw problem(422, 'location_inaccurate', `The location's accuracy must be within ${MAX_ACCURACY_M} m`, 'location');
    if (loc && p.boundary && !insideBoundary(p.boundary, loc.lat, loc.lng))
      throw problem(422, 'location_outside_area', 'The location is outside the area this service covers', 'location');
    let contact: { kind: 'email' | 'phone'; value: string; hint: string };
    if (body.email) {
      if (!isEmail(body.email)) throw problem(422, 'email_format', 'The e-mail address is not valid', 'email');
      contact = { kind: 'email', value: body.email.toLowerCase(), hint: maskEmail(body.email.toLowerCase()) };
    } else if (body.phone) {
      const ph = normalizePhone(body.phone);
      if (!ph.ok) throw problem(422, ph.code, 'The phone number is not valid', 'phone');
      contact = { kind: 'phone', value: ph.e164, hint: maskPhone(ph.e164) };
    } else throw problem(422, 'contact_required', 'An e-mail address or a mobile number is required', 'email');

    return idempotent(c, 'complaint', body, async (tx) => {
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
        },
        now,
      );
      await repo.attachPhotos(tx, id, free);
      await repo.addEvent(tx, { complaintId: id, at: now, status: 'received', actor: 'citizen' });
      await sendCode(tx, p, now, { id, tracking_code: trackingCode, contact_kind: contact.kind, contact: contact.value });
      return { status: 201, body: { trackingCode, status: 'received', contactVerified: false, contactHint: contact.hint } };
    });
  });

  r.get(honoPath(ROUTES.getComplaint.path), async (c) => {
    const { code } = validate(TrackingCodeParam, c.req.param());
    const { db, clock } = c.get('deps');
    const row = await repo.findByCode(db, code);
    if (!row) throw problem(404, 'complaint_not_found', 'No such complaint');
    c.header('cache-control', 'no-store');
    return c.json(await view(db, row, clock.now()));
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
    return c.json(await view(db, row, now));
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
    return c.json(await view(db, row, now));
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
      return { set: { agencyId, clockStart: now, answeredAt: null, resetEscalation: true }, note: body.note ?? null };
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
      async (_tx, _row, now) => ({
        set: body.dispute ? { clockStart: now, answeredAt: null, resetEscalation: true } : {},
        note: body.text,
      }),
    );
  });

  return r;
}
