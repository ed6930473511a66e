import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { newIdempotencyKey, type ComplaintCategory, type GeoPoint, type Privacy } from '@mpp-kit/core';

/** `similar` comes only when open public complaints of the category are near the location (not numbered). */
export const STEPS = ['category', 'text', 'photo', 'location', 'similar', 'contact', 'privacy', 'review', 'done'] as const;
export type Step = (typeof STEPS)[number];

/** A photo already on the server: its id and the compressed bytes (for the preview). */
export interface DraftPhoto {
  id: string;
  blob: Blob;
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
