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
  type CitizenReplyRequest,
  type ComplaintRequest,
} from '../schemas/complaints.js';

const ResendReceipt = z.object({ contactHint: z.string() });

/** The citizen side of Si Badra: categories, capture token, live photo, complaint, contact code, tracking, reply. */
export interface ComplaintsApi {
  categories(options?: RequestOptions): Promise<ComplaintCategoryList>;
  /** Ask when the camera opens: the photo must carry the token within its window, once. */
  captureToken(options?: RequestOptions): Promise<CaptureToken>;
  /** Uploads a photo's bytes (`image/jpeg`, `image/png` or `image/webp`) with its capture token (header `Mpp-Capture-Token`). */
  uploadPhoto(token: string, photo: Blob, options?: RequestOptions): Promise<PhotoReceipt>;
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
}

export interface ComplaintsApiOptions {
  /** The fetch used for photo uploads (raw bytes, not JSON). Defaults to the global fetch. */
  fetch?: typeof fetch;
}

export function createComplaintsApi(http: Http, options: ComplaintsApiOptions = {}): ComplaintsApi {
  const enc = encodeURIComponent;
  const url = (path: string) => new URL(path, http.baseUrl).href;

  async function uploadPhoto(token: string, photo: Blob, o: RequestOptions = {}): Promise<PhotoReceipt> {
    const doFetch = options.fetch ?? globalThis.fetch;
    let res: Response;
    try {
      res = await doFetch(url('complaints/photos'), {
        method: 'POST',
        body: photo,
        signal: o.signal,
        headers: {
          accept: 'application/json, application/problem+json',
          'content-type': photo.type || 'application/octet-stream',
          'mpp-capture-token': token,
          ...o.headers,
        },
      });
    } catch (e) {
      if (o.signal?.aborted || (e instanceof DOMException && e.name === 'AbortError')) throw new AbortError(e);
      throw new NetworkError(e);
    }
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
    const r = z.safeParse(PhotoReceipt, data);
    if (!r.success) throw new InvalidResponseError('Response does not match the contract', res.status, r.error);
    return r.data;
  }

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
  };
}
