import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import {
  ADDRESS_TEXT,
  COMPLAINT_TEXT,
  MAX_ACCURACY_M,
  isEmail,
  newIdempotencyKey,
  normalizePhone,
  type ComplaintCategory,
  type ComplaintRequest,
  type GeoPoint,
  type Privacy,
} from '@mpp-kit/core';
import type { TypedContact } from '../shared/contact-proof.js';

/** `similar` comes only when open public complaints of the category are near the location (not numbered). */
export const STEPS = ['category', 'text', 'photo', 'location', 'similar', 'contact', 'privacy', 'review', 'done'] as const;
export type Step = (typeof STEPS)[number];

/**
 * A photo of the report: the compressed bytes (for the preview and the upload) and the server's id
 * once uploaded. A photo whose upload failed for want of a connection is kept with its capture
 * token (`id` null) and sent with the report, before it, when the connection returns.
 */
export interface DraftPhoto {
  id: string | null;
  blob: Blob;
  /** The capture token asked when the photo was taken: its upload must carry it (within its window). */
  token?: string;
  /** Where the photo was scaled and encoded (a worker where the page allows one). */
  compressedIn?: 'worker' | 'main';
}

/** Everything the citizen entered, where they are, and the key that makes the submit happen once. */
export interface ReportDraft {
  v: 1;
  step: Step;
  categoryId: string | null;
  text: string;
  photos: DraftPhoto[];
  locationMode: 'gps' | 'address';
  location: GeoPoint | null;
  address: string;
  contactKind: 'email' | 'phone';
  email: string;
  phone: string;
  name: string;
  privacy: Privacy;
  /** Kept with the draft: a retry after a lost answer sends the same key, and the server files the complaint once. */
  idempotencyKey: string;
  /** Sending failed for want of a connection: sent again when it returns or on the next visit. */
  queued: boolean;
  /** Set once the server filed the complaint. */
  receipt: { trackingCode: string; contactHint: string; contactVerified: boolean; categoryId: string } | null;
}

/** The contact typed in the draft, as the contact-code flow takes it. */
export const typedContact = (d: ReportDraft): TypedContact => ({ kind: d.contactKind, email: d.email, phone: d.phone });

export const emptyDraft = (categoryId: string | null = null): ReportDraft => ({
  v: 1,
  step: 'category',
  categoryId,
  text: '',
  photos: [],
  locationMode: 'gps',
  location: null,
  address: '',
  contactKind: 'email',
  email: '',
  phone: '',
  name: '',
  privacy: 'anonim',
  idempotencyKey: newIdempotencyKey(),
  queued: false,
  receipt: null,
});

/** Server problem codes and the step where the citizen fixes them. */
export const STEP_OF_PROBLEM: Partial<Record<string, Step>> = {
  category_not_found: 'category',
  photo_required: 'photo',
  photo_not_found: 'photo',
  // A kept photo sent too late (or refused): the citizen takes it again.
  capture_token_expired: 'photo',
  capture_token_used: 'photo',
  capture_token_invalid: 'photo',
  location_required: 'location',
  location_outside_area: 'location',
  location_inaccurate: 'location',
  contact_required: 'contact',
};

/** What keeps the citizen on `step` (a check's code), or null when the step is complete. */
export function stepProblem(d: ReportDraft, step: Step, categories: readonly ComplaintCategory[] | null): string | null {
  switch (step) {
    case 'category':
      return d.categoryId && categories?.some((c) => c.id === d.categoryId) ? null : 'category_missing';
    case 'text':
      return d.text.trim().length >= COMPLAINT_TEXT.min ? null : 'text_too_short';
    case 'photo':
      return d.photos.length ? null : 'photo_missing';
    case 'location':
      if (d.locationMode === 'address') return d.address.trim().length >= ADDRESS_TEXT.min ? null : 'address_missing';
      if (!d.location) return 'location_missing';
      return d.location.accuracy > MAX_ACCURACY_M ? 'location_inaccurate' : null;
    case 'contact':
      if (d.contactKind === 'email') return isEmail(d.email.trim()) ? null : 'email_invalid';
      return normalizePhone(d.phone).ok ? null : 'phone_invalid';
    default:
      return null;
  }
}

/** The draft as the server takes it (trimmed; the location or the address, the contact chosen). */
export function complaintRequest(d: ReportDraft): ComplaintRequest {
  const gps = d.locationMode === 'gps';
  return {
    categoryId: d.categoryId!,
    text: d.text.trim(),
    location: gps ? d.location : null,
    address: gps ? null : d.address.trim(),
    photoIds: d.photos.flatMap((p) => (p.id ? [p.id] : [])),
    privacy: d.privacy,
    name: d.name.trim() || null,
    email: d.contactKind === 'email' ? d.email.trim() : null,
    phone: d.contactKind === 'phone' ? d.phone.trim() : null,
  };
}

const isDraft = (v: unknown): v is ReportDraft =>
  typeof v === 'object' &&
  v !== null &&
  (v as ReportDraft).v === 1 &&
  STEPS.includes((v as ReportDraft).step) &&
  typeof (v as ReportDraft).idempotencyKey === 'string' &&
  Array.isArray((v as ReportDraft).photos);

/**
 * The report's draft in IndexedDB (idb-keyval; the photos' bytes are stored as Blobs, which
 * localStorage cannot hold). A draft survives reloads, closed tabs and going offline; blocked
 * storage and damaged entries are ignored (the form then starts empty). The database is opened on
 * first use.
 */
export function draftStore(key: string) {
  let store: UseStore | null = null;
  const open = () => (store ??= createStore('mpp-kit-si-badra', 'drafts'));
  return {
    async load(): Promise<ReportDraft | null> {
      try {
        const v = await get<unknown>(key, open());
        return isDraft(v) ? v : null;
      } catch {
        return null;
      }
    },
    async save(d: ReportDraft): Promise<void> {
      try {
        await set(key, d, open());
      } catch {
        /* full or unavailable */
      }
    },
    /** The categories last seen (per API base): a draft restored offline still shows its category. */
    async categories(base: string): Promise<ComplaintCategory[] | null> {
      try {
        const v = await get<unknown>(`categories ${base}`, open());
        return Array.isArray(v) ? (v as ComplaintCategory[]) : null;
      } catch {
        return null;
      }
    },
    async saveCategories(base: string, items: ComplaintCategory[]): Promise<void> {
      try {
        await set(`categories ${base}`, items, open());
      } catch {
        /* full or unavailable */
      }
    },
    async clear(): Promise<void> {
      try {
        await del(key, open());
      } catch {
        /* unavailable */
      }
    },
  };
}
