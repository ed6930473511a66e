import type { BookingDraft, DraftStorage } from '@mpp-kit/core';

const storage = (): Storage | null => {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    // Some browsers throw on the mere access when storage is blocked.
    return null;
  }
};

const isDraft = (v: unknown): v is BookingDraft =>
  typeof v === 'object' &&
  v !== null &&
  ['name', 'nik', 'phone', 'email', 'idempotencyKey'].every((k) => typeof (v as Record<string, unknown>)[k] === 'string');

/**
 * The booking draft in the tab's sessionStorage: it survives reloads and going offline, and is gone
 * when the tab closes. The draft holds the NIK as typed, so it is never put in localStorage.
 * Blocked or full storage and damaged entries are ignored (the flow then simply starts empty).
 */
export const sessionDraftStorage: DraftStorage = {
  load(key) {
    try {
      const raw = storage()?.getItem(key);
      if (!raw) return null;
      const v: unknown = JSON.parse(raw);
      return isDraft(v) ? v : null;
    } catch {
      return null;
    }
  },
  save(key, draft) {
    try {
      storage()?.setItem(key, JSON.stringify(draft));
    } catch {
      /* full or unavailable */
    }
  },
  clear(key) {
    try {
      storage()?.removeItem(key);
    } catch {
      /* unavailable */
    }
  },
};

/** Small JSON values in sessionStorage (the last ticket of a tab), with the same tolerance. */
export const sessionJson = {
  get<T>(key: string): T | null {
    try {
      const raw = storage()?.getItem(key);
      return raw ? (JSON.parse(raw) as T) : null;
    } catch {
      return null;
    }
  },
  set(key: string, value: unknown): void {
    try {
      storage()?.setItem(key, JSON.stringify(value));
    } catch {
      /* full or unavailable */
    }
  },
  remove(key: string): void {
    try {
      storage()?.removeItem(key);
    } catch {
      /* unavailable */
    }
  },
};
