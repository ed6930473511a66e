/**
 * The contract of Si Badra complaints: categories routed to the responsible agency, the capture
 * token that makes the server (not the phone) stamp when a photo was taken, the complaint itself
 * with its privacy mode, the reporter's contact check, the public tracking view with its status
 * timeline and answer clock, and the staff actions. Shapes stay compatible with Open311 GeoReport v2
 * (category ↔ `service_code`, tracking code ↔ `service_request_id`, lat/long, `media_url`).
 */
import * as z from 'zod/mini';
import { Slug } from './common.js';
import { personName, text } from './text.js';
import { Instant } from './queue.js';
import { coordinate } from './input.js';
import { TRACKING_CODE_PATTERN } from '../complaints/codes.js';

export { COMPLAINT_PROBLEMS, type ComplaintProblem } from './complaint-problems.js';

/**
 * The life of a complaint. `received` (saved, contact may still be unverified) → `verified` (a
 * verifier found it real) → `dispatched` (sent to the responsible agency: the answer clock runs) →
 * `answered` (the agency's first public answer) → `resolved` → `closed`; `rejected` (hoax,
 * duplicate, out of scope) from `received` or `verified`; `reopened` when the citizen disputes a
 * resolution (back to the agency, the clock runs again).
 */
export const COMPLAINT_STATUSES = ['received', 'verified', 'dispatched', 'answered', 'resolved', 'closed', 'rejected', 'reopened'] as const;
export const ComplaintStatus = z.enum(COMPLAINT_STATUSES);
export type ComplaintStatus = z.infer<typeof ComplaintStatus>;

/** `public`: shown with the name given; `anonim`: shown without any name; `rahasia`: never listed, only the tracking code opens it. */
export const Privacy = z.enum(['public', 'anonim', 'rahasia']);
export type Privacy = z.infer<typeof Privacy>;

export const RejectReason = z.enum(['hoax', 'duplicate', 'out_of_scope', 'incomplete']);
export type RejectReason = z.infer<typeof RejectReason>;

export const ComplaintCategory = z.object({
  id: Slug,
  name: z.string(),
  nameEn: z.string(),
  agencyId: Slug,
  agencyName: z.string(),
});
export type ComplaintCategory = z.infer<typeof ComplaintCategory>;
export const ComplaintCategoryList = z.object({ items: z.array(ComplaintCategory) });
export type ComplaintCategoryList = z.infer<typeof ComplaintCategoryList>;

/** Signed by the server before the camera opens; a photo must carry it (header `Mpp-Capture-Token`) within its window, once. */
export const CaptureToken = z.object({ token: z.string(), issuedAt: Instant, expiresAt: Instant });
export type CaptureToken = z.infer<typeof CaptureToken>;

/** `ph_` and 22 base64url characters. */
export const PhotoId = z.string().check(z.regex(/^ph_[\w-]{22}$/));
export const PhotoIdParam = z.object({ id: PhotoId });

/** `POST /complaints/photos?role=answer`: an agency's "after" photo (default: the citizen's report photo). */
export const PhotoUploadQuery = z.object({ role: z.optional(z.enum(['report', 'answer'])) });

/** A stored photo: metadata stripped, the capture time stamped by the server. */
export const PhotoReceipt = z.object({ id: PhotoId, type: z.string(), bytes: z.number(), capturedAt: Instant });
export type PhotoReceipt = z.infer<typeof PhotoReceipt>;

/** Where the phone says it is (Geolocation API): degrees and the accuracy radius in metres. */
export const GeoPoint = z.object({
  lat: z.number().check(z.gte(-90), z.lte(90)),
  lng: z.number().check(z.gte(-180), z.lte(180)),
  accuracy: z.number().check(z.gte(0), z.lte(1_000_000)),
});
export type GeoPoint = z.infer<typeof GeoPoint>;

/** Complaint text: at least 10 characters (a real description), at most 4,000. */
export const COMPLAINT_TEXT = { min: 10, max: 4000 } as const;
/** A typed address or landmark instead of a map point: at least 5 characters, at most 300. */
export const ADDRESS_TEXT = { min: 5, max: 300 } as const;
/** An answer or a citizen's reply: at least 2 characters. */
export const REPLY_TEXT = { min: 2, max: COMPLAINT_TEXT.max } as const;
/** Photos per complaint. */
export const MAX_PHOTOS = 4;

export const ComplaintRequest = z.object({
  categoryId: Slug,
  text: text({ min: COMPLAINT_TEXT.min, max: COMPLAINT_TEXT.max, multiline: true }),
  /** From the Geolocation API; or `address` typed instead of a map (a landmark, a street). */
  location: z.optional(z.nullable(GeoPoint)),
  address: z.optional(z.nullable(text(ADDRESS_TEXT))),
  photoIds: z.array(PhotoId).check(z.maxLength(MAX_PHOTOS)),
  privacy: Privacy,
  name: z.optional(z.nullable(personName({ min: 2, max: 100 }))),
  /** The contact a one-time code goes to: an e-mail address or a mobile number (one of them). */
  email: z.optional(z.nullable(text({ max: 200 }))),
  phone: z.optional(z.nullable(text({ max: 40, trim: false }))),
});
export type ComplaintRequest = z.infer<typeof ComplaintRequest>;

/** `SB-` and two groups of five Crockford base-32 characters (50 random bits): `SB-7K3MQ-9XD2F`. */
export const TrackingCode = z.string().check(z.regex(TRACKING_CODE_PATTERN));
export const TrackingCodeParam = z.object({ code: TrackingCode });

export const ComplaintReceipt = z.object({
  trackingCode: TrackingCode,
  status: ComplaintStatus,
  /** Whether the contact still has to be confirmed with the code sent to it (`contactHint`). */
  contactVerified: z.boolean(),
  /** The contact, masked (`s***@gmail.com`, `0812****7890`). */
  contactHint: z.string(),
});
export type ComplaintReceipt = z.infer<typeof ComplaintReceipt>;

export const VerifyContactRequest = z.object({ code: z.string().check(z.regex(/^\d{6}$/)) });
export type VerifyContactRequest = z.infer<typeof VerifyContactRequest>;

/** The answer clock (see `answerClock` in core): which escalation level is reached and when the next one falls. */
export const AnswerClock = z.object({
  running: z.boolean(),
  level: z.number(),
  dueAt: z.nullable(Instant),
  answeredAt: z.nullable(Instant),
  /** When the clock (re)started: dispatch or the last reopening. */
  clockStart: z.nullable(Instant),
  /** When each escalation level falls (the deployment's policy: calendar or working-day hours). */
  dues: z.array(Instant),
});
export type AnswerClock = z.infer<typeof AnswerClock>;

export const TimelineEntry = z.object({
  at: Instant,
  status: ComplaintStatus,
  /** A public note: the agency's answer, a rejection reason, the citizen's reply. */
  note: z.nullable(z.string()),
  by: z.enum(['citizen', 'verifier', 'agency', 'system']),
  photos: z.array(z.string()),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** A complaint as its tracking code shows it: never the contact, the name only when public. */
export const ComplaintView = z.object({
  trackingCode: TrackingCode,
  status: ComplaintStatus,
  category: ComplaintCategory,
  text: z.string(),
  privacy: Privacy,
  name: z.nullable(z.string()),
  location: z.nullable(GeoPoint),
  address: z.nullable(z.string()),
  /** Photo URLs (metadata stripped). */
  photos: z.array(z.string()),
  createdAt: Instant,
  contactVerified: z.boolean(),
  rejectReason: z.nullable(RejectReason),
  clock: AnswerClock,
  timeline: z.array(TimelineEntry),
  /** Verified citizens who said "saya juga" (me too): each verified contact counted once. */
  supporters: z.number(),
  /** When a verifier merged this complaint into another (rejected as a duplicate): that one's code. */
  mergedInto: z.nullable(TrackingCode),
});
export type ComplaintView = z.infer<typeof ComplaintView>;

export const ComplaintIdParam = z.object({ code: TrackingCode });

/** Staff actions on a complaint (the verifier's and the agency's). */
export const DispatchRequest = z.object({ agencyId: z.optional(Slug), note: z.optional(z.nullable(text({ max: 1000, multiline: true }))) });
export type DispatchRequest = z.infer<typeof DispatchRequest>;
export const RejectRequest = z.object({ reason: RejectReason, note: z.optional(z.nullable(text({ max: 1000, multiline: true }))) });
export type RejectRequest = z.infer<typeof RejectRequest>;
export const AnswerRequest = z.object({
  text: text({ ...REPLY_TEXT, multiline: true }),
  photoIds: z.optional(z.array(PhotoId).check(z.maxLength(MAX_PHOTOS))),
  /** Also marks the complaint resolved. */
  resolve: z.optional(z.boolean()),
});
export type AnswerRequest = z.infer<typeof AnswerRequest>;
export const CitizenReplyRequest = z.object({
  text: text({ ...REPLY_TEXT, multiline: true }),
  /** The problem is not solved: the complaint goes back to the agency. */
  dispute: z.optional(z.boolean()),
});
export type CitizenReplyRequest = z.infer<typeof CitizenReplyRequest>;

/** `merge`: this complaint is a duplicate of `into` (it is rejected as `duplicate`; its reporter counts as a supporter of `into`). */
export const MergeRequest = z.object({ into: TrackingCode, note: z.optional(z.nullable(text({ max: 1000, multiline: true }))) });
export type MergeRequest = z.infer<typeof MergeRequest>;

// ---- Verified contacts without an account: one code, then a proof for "me too" and "my complaints" ----

/** `POST /contact-codes`: send a one-time code to an e-mail address or a mobile number (one of them). */
export const ContactCodeRequest = z.object({
  email: z.optional(z.nullable(text({ max: 200 }))),
  phone: z.optional(z.nullable(text({ max: 40, trim: false }))),
});
export type ContactCodeRequest = z.infer<typeof ContactCodeRequest>;

/** An opaque id of the code sent (never the contact): `ct_` and 22 base64url characters. */
export const ContactTicket = z.string().check(z.regex(/^ct_[\w-]{22}$/));
export const ContactTicketParam = z.object({ ticket: ContactTicket });

export const ContactCodeReceipt = z.object({ ticket: ContactTicket, contactHint: z.string(), expiresAt: Instant });
export type ContactCodeReceipt = z.infer<typeof ContactCodeReceipt>;

/**
 * The proof that the bearer owns a contact, signed by the server, for one hour: sent in the header
 * `Mpp-Contact-Proof` (never in a URL) to list one's complaints, support one, or file one already
 * verified. It carries only a keyed hash of the contact.
 */
export const ContactProof = z.object({ proof: z.string(), contactHint: z.string(), expiresAt: Instant });
export type ContactProof = z.infer<typeof ContactProof>;

/** A short public card of a complaint: in "my complaints", in the nearby list, in the staff inbox. */
export const ComplaintSummary = z.object({
  trackingCode: TrackingCode,
  status: ComplaintStatus,
  category: ComplaintCategory,
  /** The first 280 characters. */
  text: z.string(),
  address: z.nullable(z.string()),
  createdAt: Instant,
  clock: AnswerClock,
  supporters: z.number(),
  /** The first public photo's URL, or null. */
  photo: z.nullable(z.string()),
});
export type ComplaintSummary = z.infer<typeof ComplaintSummary>;
export const ComplaintSummaryList = z.object({ items: z.array(ComplaintSummary) });
export type ComplaintSummaryList = z.infer<typeof ComplaintSummaryList>;

/** `GET /complaints/nearby`: open public complaints of a category near a point (not `rahasia`, not rejected or closed). */
export const NearbyQuery = z.object({
  categoryId: Slug,
  lat: coordinate(-90, 90),
  lng: coordinate(-180, 180),
});
export type NearbyQuery = z.infer<typeof NearbyQuery>;
/** How far "nearby" reaches, in metres, and how old a complaint may be, in days. */
export const NEARBY = { radiusM: 300, days: 30, max: 5 } as const;
export const NearbyComplaint = z.object({ ...ComplaintSummary.shape, distanceM: z.number() });
export type NearbyComplaint = z.infer<typeof NearbyComplaint>;
export const NearbyList = z.object({ items: z.array(NearbyComplaint), radiusM: z.number() });
export type NearbyList = z.infer<typeof NearbyList>;

/** `POST /complaints/{code}/support` (with `Mpp-Contact-Proof`): `counted` is false when this contact already supported it or filed it. */
export const SupportReceipt = z.object({ supporters: z.number(), counted: z.boolean() });
export type SupportReceipt = z.infer<typeof SupportReceipt>;

// ---- The staff inbox ----

/** The SLA filter of the inbox: escalation level reached (0 on time, 1 past 24 h, 2 past 48 h). */
export const StaffComplaintQuery = z.object({
  status: z.optional(ComplaintStatus),
  categoryId: z.optional(Slug),
  agencyId: z.optional(Slug),
  level: z.optional(z.enum(['0', '1', '2'])),
  /** Words in the text or the address, or a tracking code. */
  q: z.optional(text({ max: 100 })),
  /** The `next` of the previous page. */
  cursor: z.optional(z.string().check(z.maxLength(200))),
});
export type StaffComplaintQuery = z.infer<typeof StaffComplaintQuery>;

export const StaffComplaintItem = z.object({
  ...ComplaintSummary.shape,
  agencyId: Slug,
  agencyName: z.string(),
  privacy: Privacy,
  contactVerified: z.boolean(),
  photoCount: z.number(),
});
export type StaffComplaintItem = z.infer<typeof StaffComplaintItem>;
/** Newest first within the account's scope (an agency role sees its agency only); `next` is null on the last page. */
export const StaffComplaintList = z.object({ items: z.array(StaffComplaintItem), next: z.nullable(z.string()) });
export type StaffComplaintList = z.infer<typeof StaffComplaintList>;

/** A photo as staff see it: the original (staff only) and, once redacted, the published copy. */
export const StaffPhoto = z.object({
  id: PhotoId,
  role: z.enum(['report', 'answer']),
  /** `GET /staff/complaints/photos/{id}` (bearer token): the original. */
  originalUrl: z.string(),
  /** The redacted copy the public sees instead, or null when the original is public. */
  redactedId: z.nullable(PhotoId),
});
export type StaffPhoto = z.infer<typeof StaffPhoto>;

/** `GET /staff/complaints/{code}`: the public view plus what the desk needs; the contact stays masked. */
export const StaffComplaintView = z.object({
  ...ComplaintView.shape,
  agencyId: Slug,
  agencyName: z.string(),
  contactHint: z.string(),
  contactKind: z.enum(['email', 'phone']),
  staffPhotos: z.array(StaffPhoto),
  /** Open complaints of the same category within `NEARBY.radiusM`: merge candidates. */
  nearby: z.array(NearbyComplaint),
});
export type StaffComplaintView = z.infer<typeof StaffComplaintView>;

/** The staff briefing (rapat staf): complaints past `minLevel`, oldest clock first, per agency. */
export const BriefingQuery = z.object({ minLevel: z.optional(z.enum(['1', '2'])) });
export const BriefingItem = z.object({
  trackingCode: TrackingCode,
  status: ComplaintStatus,
  category: ComplaintCategory,
  agencyId: Slug,
  agencyName: z.string(),
  text: z.string(),
  clockStart: Instant,
  /** Whole hours the clock has run without an answer. */
  hoursOpen: z.number(),
  level: z.number(),
  supporters: z.number(),
});
export type BriefingItem = z.infer<typeof BriefingItem>;
export const BriefingReport = z.object({ generatedAt: Instant, minLevel: z.number(), items: z.array(BriefingItem) });
export type BriefingReport = z.infer<typeof BriefingReport>;
