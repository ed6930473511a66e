/**
 * What `<si-badra-track>` keeps in the tab's session (sessionStorage): the contact typed for "aduan
 * saya" and the tab shown, so a reload shows the same. Blocked storage keeps them in memory only.
 */
import type { TypedContact } from '../shared/contact-proof.js';

export const TYPED_KEY = 'mpp-kit:si-badra:track-contact';
export const TAB_KEY = 'mpp-kit:si-badra:track-tab';

export type Tab = 'code' | 'mine';

export function readSession<T>(key: string, ok: (v: unknown) => v is T): T | null {
  try {
    const raw = sessionStorage.getItem(key);
    const v: unknown = raw ? JSON.parse(raw) : null;
    return ok(v) ? v : null;
  } catch {
    return null;
  }
}

export function writeSession(key: string, v: unknown): void {
  try {
    sessionStorage.setItem(key, JSON.stringify(v));
  } catch {
    /* blocked: memory only */
  }
}

export const isTyped = (v: unknown): v is TypedContact =>
  typeof v === 'object' &&
  v !== null &&
  ((v as TypedContact).kind === 'email' || (v as TypedContact).kind === 'phone') &&
  typeof (v as TypedContact).email === 'string' &&
  typeof (v as TypedContact).phone === 'string';
export const isTab = (v: unknown): v is Tab => v === 'code' || v === 'mine';
