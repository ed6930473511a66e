import * as z from 'zod/mini';
import { newIdempotencyKey, type Http, type RequestOptions } from '../http/client.js';
import { AbortError, InvalidResponseError, NetworkError, ProblemError } from '../http/errors.js';
import { Problem } from '../schemas/common.js';
import {
  CaptureToken,
  ComplaintCategoryList,
  ComplaintReceipt,
  ComplaintView,
  PhotoReceipt,
  BriefingReport,
  ComplaintSummaryList,
  ContactCodeReceipt,
  ContactProof,
  NearbyList,
  StaffComplaintList,
  StaffComplaintView,
  SupportReceipt,
  type AnswerRequest,
  type CitizenReplyRequest,
  type ComplaintRequest,
  type ContactCodeRequest,
  type DispatchRequest,
  type MergeRequest,
  type NearbyQuery,
  type RejectRequest,
  type StaffComplaintQuery,
} from '../schemas/complaints.js';
import type { StaffSession } from '../staff/session.js';

/** What a photo shows: the citizen's report, or the agency's "after" photo with its answer. */
export type PhotoRole = 'report' | 'answer';

/** The header that carries a contact proof (never a URL). */
export const CONTACT_PROOF_HEADER = 'mpp-contact-proof';

const ResendReceipt = z.object({ contactHint: z.string() });

/** The citizen side of Si Badra: categories, capture token, live photo, complaint, contact code, tracking, reply. */
export interface ComplaintsApi {
  categories(options?: RequestOptions): Promise<ComplaintCategoryList>;
  /** Ask when the camera opens: the photo must carry the token within its window, once. */
  captureToken(options?: RequestOptions): Promise<CaptureToken>;
  /**
   * Uploads a photo's bytes (`image/jpeg`, `image/png` or `image/webp`) with its capture token
   * (header `Mpp-Capture-Token`); `role: 'answer'` for an agency's "after" photo (default `report`).
   */
  uploadPhoto(token: string, photo: Blob, options?: RequestOptions & { role?: PhotoRole }): Promise<PhotoReceipt>;
  /** The absolute URL of a stored photo (its id, or the path a complaint view lists). */
  photoUrl(idOrPath: string): string;
  /** Files a complaint. Pass the same `idempotencyKey` when retrying: the server answers with the first complaint. */
  create(request: ComplaintRequest, options?: RequestOptions & { idempotencyKey?: string }): Promise<ComplaintReceipt>;
  /** The public view of a complaint by its tracking code: status, timeline, answers, the answer clock. */
  track(code: string, options?: RequestOptions): Promise<ComplaintView>;
  /** Confirms the reporter's contact with the six-digit code sent to it. */
  verifyContact(code: string, otp: string, options?: RequestOptions): Promise<ComplaintView>;
  /** Sends a new code to the contact (the old one stops working). */
  resendCode(code: string, options?: RequestOptions): Promise<{ contactHint: string }>;
  /** Accepts the resolution (closed) or, with `dispute: true`, reopens the complaint. */
  reply(code: string, reply: CitizenReplyRequest, options?: RequestOptions): Promise<ComplaintView>;
  /** Open public complaints of the category near the point: support one instead of filing it again. */
  nearby(query: { categoryId: string; lat: number; lng: number }, options?: RequestOptions): Promise<NearbyList>;
  /** Sends a one-time code to the contact, to prove it without an account. */
  requestContactCode(contact: ContactCodeRequest, options?: RequestOptions): Promise<ContactCodeReceipt>;
  /** Trades the code for a proof (one hour) for `mine`, `support` and an already verified `create`. */
  confirmContactCode(ticket: string, otp: string, options?: RequestOptions): Promise<ContactProof>;
  /** Every complaint filed with the proven contact, newest first. */
  mine(proof: string, options?: RequestOptions): Promise<ComplaintSummaryList>;
  /** "Saya juga": support a complaint, counted once per verified contact. */
  support(code: string, proof: string, options?: RequestOptions): Promise<SupportReceipt>;
}

/** The staff side of Si Badra over a signed-in `StaffSession`: the inbox, the desk's and the agency's actions, the briefing. */
export interface StaffComplaintsApi {
  list(query?: StaffComplaintQuery, options?: RequestOptions): Promise<StaffComplaintList>;
  get(code: string, options?: RequestOptions): Promise<StaffComplaintView>;
  verify(code: string, options?: RequestOptions): Promise<ComplaintView>;
  reject(code: string, body: RejectRequest, options?: RequestOptions): Promise<ComplaintView>;
  merge(code: string, body: MergeRequest, options?: RequestOptions): Promise<ComplaintView>;
  dispatch(code: string, body?: DispatchRequest, options?: RequestOptions): Promise<ComplaintView>;
  answer(code: string, body: AnswerRequest, options?: RequestOptions): Promise<ComplaintView>;
  briefing(minLevel?: 1 | 2, options?: RequestOptions): Promise<BriefingReport>;
  /** The original of a photo (staff only), as a Blob for an object URL. */
  originalPhoto(id: string, options?: RequestOptions): Promise<Blob>;
  /** Uploads the redacted copy of photo `id` of complaint `code`: the public sees it instead. */
  redactPhoto(code: string, id: string, photo: Blob, options?: RequestOptions): Promise<PhotoReceipt>;
}

export interface ComplaintsApiOptions {
  /** The fetch used for photo uploads (raw bytes, not JSON). Defaults to the global fetch. */
  fetch?: typeof fetch;
}

export function createComplaintsApi(http: Http, options: ComplaintsApiOptions = {}): ComplaintsApi {
  const enc = encodeURIComponent;
  const url = (path: string) => new URL(path, http.baseUrl).href;

  const uploadPhoto = (token: string, photo: Blob, o: RequestOptions & { role?: PhotoRole } = {}) =>
    sendRaw(options.fetch, url(o.role === 'answer' ? 'complaints/photos?role=answer' : 'complaints/photos'), photo, {
      ...o,
      headers: { 'mpp-capture-token': token, ...o.headers },
    });

  return {
    categories: (o) => http.get('complaints/categories', ComplaintCategoryList, o),
    captureToken: (o) => http.post('complaints/capture-tokens', {}, CaptureToken, o),
    uploadPhoto,
    photoUrl: (idOrPath) => (idOrPath.startsWith('ph_') ? url(`complaints/photos/${enc(idOrPath)}`) : url(idOrPath)),
    create: (req, o = {}) =>
      http.post('complaints', req, ComplaintReceipt, { ...o, idempotencyKey: o.idempotencyKey ?? newIdempotencyKey() }),
    track: (code, o) => http.get(`complaints/${enc(code)}`, ComplaintView, o),
    verifyContact: (code, otp, o) => http.post(`complaints/${enc(code)}/verify-contact`, { code: otp }, ComplaintView, o),
    resendCode: (code, o) => http.post(`complaints/${enc(code)}/resend-code`, {}, ResendReceipt, o),
    reply: (code, body, o) => http.post(`complaints/${enc(code)}/reply`, body, ComplaintView, o),
    nearby: (q: NearbyQuery | { categoryId: string; lat: number; lng: number }, o) =>
      http.get('complaints/nearby', NearbyList, {
        ...o,
        // Plain decimals with at most 7 places (about 1 cm), as the contract's `coordinate()` reads them (never `1e-7`).
        searchParams: { ...o?.searchParams, categoryId: q.categoryId, lat: q.lat.toFixed(7), lng: q.lng.toFixed(7) },
      }),
    requestContactCode: (contact, o) => http.post('contact-codes', contact, ContactCodeReceipt, o),
    confirmContactCode: (ticket, otp, o) => http.post(`contact-codes/${enc(ticket)}/confirm`, { code: otp }, ContactProof, o),
    mine: (proof, o) => http.get('complaints/mine', ComplaintSummaryList, withProof(proof, o)),
    support: (code, proof, o) => http.post(`complaints/${enc(code)}/support`, {}, SupportReceipt, withProof(proof, o)),
  };
}

const withProof = (proof: string, o: RequestOptions = {}): RequestOptions => ({
  ...o,
  headers: { ...o.headers, [CONTACT_PROOF_HEADER]: proof },
});

/** POSTs raw image bytes (not JSON) and reads a `PhotoReceipt` or a problem, with the SDK's errors. */
async function sendRaw(doFetch: typeof fetch | undefined, href: string, photo: Blob, o: RequestOptions): Promise<PhotoReceipt> {
  let res: Response;
  try {
    res = await (doFetch ?? globalThis.fetch)(href, {
      method: 'POST',
      body: photo,
      signal: o.signal,
      headers: {
        accept: 'application/json, application/problem+json',
        'content-type': photo.type || 'application/octet-stream',
        ...o.headers,
      },
    });
  } catch (e) {
    throw fetchError(e, o.signal);
  }
  const data = await readJsonOrThrow(res);
  const r = z.safeParse(PhotoReceipt, data);
  if (!r.success) throw new InvalidResponseError('Response does not match the contract', res.status, r.error);
  return r.data;
}

const fetchError = (e: unknown, signal?: AbortSignal) =>
  signal?.aborted || (e instanceof DOMException && e.name === 'AbortError') ? new AbortError(e) : new NetworkError(e);

async function readJsonOrThrow(res: Response): Promise<unknown> {
  let data: unknown;
  try {
    data = await res.json();
  } catch (e) {
    throw new InvalidResponseError('Response is not JSON', res.status, e);
  }
  if (!res.ok) {
    const p = z.safeParse(Problem, data);
    if (p.success) throw new ProblemError(p.data);
    throw new InvalidResponseError(`HTTP ${res.status} without a problem document`, res.status);
  }
  return data;
}

export function createStaffComplaintsApi(session: StaffSession, options: ComplaintsApiOptions = {}): StaffComplaintsApi {
  const http = session.http;
  const enc = encodeURIComponent;
  const url = (path: string) => new URL(path, http.baseUrl).href;
  const at = (code: string, action: string) => `staff/complaints/${enc(code)}/${action}`;
  return {
    list: (q = {}, o) => http.get('staff/complaints', StaffComplaintList, { ...o, searchParams: { ...o?.searchParams, ...q } }),
    get: (code, o) => http.get(`staff/complaints/${enc(code)}`, StaffComplaintView, o),
    verify: (code, o) => http.post(at(code, 'verify'), {}, ComplaintView, o),
    reject: (code, body, o) => http.post(at(code, 'reject'), body, ComplaintView, o),
    merge: (code, body, o) => http.post(at(code, 'merge'), body, ComplaintView, o),
    dispatch: (code, body = {}, o) => http.post(at(code, 'dispatch'), body, ComplaintView, o),
    answer: (code, body, o) => http.post(at(code, 'answer'), body, ComplaintView, o),
    briefing: (minLevel, o) => http.get('staff/briefing', BriefingReport, { ...o, searchParams: { ...o?.searchParams, minLevel } }),
    originalPhoto: (id, o = {}) =>
      session.withAuth(async (h) => {
        let res: Response;
        try {
          res = await (options.fetch ?? globalThis.fetch)(url(`staff/complaints/photos/${enc(id)}`), {
            signal: o.signal,
            headers: { accept: 'image/*, application/problem+json', ...o.headers, ...h },
          });
        } catch (e) {
          throw fetchError(e, o.signal);
        }
        if (!res.ok) await readJsonOrThrow(res);
        return res.blob();
      }),
    redactPhoto: (code, id, photo, o = {}) =>
      session.withAuth((h) =>
        sendRaw(options.fetch, url(`staff/complaints/${enc(code)}/photos/${enc(id)}/redaction`), photo, {
          ...o,
          headers: { ...o.headers, ...h },
        }),
      ),
  };
}
