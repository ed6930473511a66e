/**
 * The server's own rules for complaints (the shared ones, the answer clock and the status actions,
 * are in core): capture tokens, photo bytes, tracking codes and the one-time contact codes.
 */
import { createHash, createHmac, randomBytes, randomInt } from 'node:crypto';
import { safeEqual } from '../crypto/hash.js';

/** How long a capture token stays good: the camera opens, the photo is taken and uploaded. */
export const CAPTURE_WINDOW_MS = 10 * 60_000;
/** Largest photo accepted: the widget sends about 300 KB after downscaling; 40 MB originals are refused. */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
/** A contact code is good for 15 minutes and 5 tries. */
export const CODE_TTL_MS = 15 * 60_000;
export const CODE_MAX_FAILURES = 5;
/** A contact proof (`Mpp-Contact-Proof`) is good for one hour. */
export const PROOF_TTL_MS = 60 * 60_000;

/** A key for one purpose, derived from the deployment secret. */
export const subKey = (secret: string, purpose: string) => createHmac('sha256', secret).update(`mpp-kit:${purpose}`).digest();

const mac = (key: Buffer, s: string) => createHmac('sha256', key).update(s).digest('base64url');

/** `<id>.<mac>`: the id is random, the MAC proves this server issued it. */
export function signCaptureToken(key: Buffer): { id: string; token: string } {
  const id = randomBytes(16).toString('base64url');
  return { id, token: `${id}.${mac(key, id)}` };
}

/** The token's id when its MAC is right, else null. */
export function captureTokenId(key: Buffer, token: string | undefined): string | null {
  const m = /^([\w-]{22})\.([\w-]{43})$/.exec(token ?? '');
  if (!m) return null;
  return safeEqual(mac(key, m[1]!), m[2]!) ? m[1]! : null;
}

export type ImageType = 'image/jpeg' | 'image/png' | 'image/webp';

/** The image type the bytes really hold, from their signature (never from the declared type alone). */
export function sniffImage(b: Uint8Array): ImageType | null {
  if (b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length > 8 && b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return 'image/png';
  if (b.length > 12 && String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP')
    return 'image/webp';
  return null;
}

/**
 * A JPEG without its metadata: every APPn segment but APP0 (JFIF) and every comment go (EXIF with
 * the GPS position and the phone's model, XMP, ICC profiles), the image data stays byte for byte.
 * The widget has already applied the EXIF orientation when it re-encoded the photo. Null when the
 * segments do not parse (the photo is refused, never stored half-stripped).
 */
export function stripJpeg(b: Uint8Array): Uint8Array | null {
  const out: Uint8Array[] = [b.subarray(0, 2)];
  let i = 2;
  while (i + 4 <= b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xd9) break;
    const len = (b[i + 2]! << 8) | b[i + 3]!;
    if (len < 2 || i + 2 + len > b.length) return null;
    const seg = b.subarray(i, i + 2 + len);
    if (marker === 0xda) {
      // Start of scan: the rest is image data up to the end of the file.
      out.push(b.subarray(i));
      return concat(out);
    }
    const drop = (marker >= 0xe1 && marker <= 0xef) || marker === 0xfe;
    if (!drop) out.push(seg);
    i += 2 + len;
  }
  return null;
}

/** A PNG with only the chunks that draw it (IHDR, PLTE, tRNS, IDAT, IEND): text, EXIF and time chunks go. */
export function stripPng(b: Uint8Array): Uint8Array | null {
  const keep = new Set(['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND', 'gAMA', 'sRGB']);
  const out: Uint8Array[] = [b.subarray(0, 8)];
  let i = 8;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  while (i + 12 <= b.length) {
    const len = view.getUint32(i);
    const type = String.fromCharCode(...b.subarray(i + 4, i + 8));
    const end = i + 12 + len;
    if (end > b.length) return null;
    if (keep.has(type)) out.push(b.subarray(i, end));
    i = end;
    if (type === 'IEND') return concat(out);
  }
  return null;
}

/** A WebP with only its image chunks (VP8, VP8L, VP8X with the EXIF/XMP flags cleared, ALPH, ANIM/ANMF). */
export function stripWebp(b: Uint8Array): Uint8Array | null {
  const parts: Uint8Array[] = [];
  let i = 12;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  while (i + 8 <= b.length) {
    const type = String.fromCharCode(...b.subarray(i, i + 4));
    const len = view.getUint32(i + 4, true);
    const end = i + 8 + len + (len & 1);
    if (i + 8 + len > b.length) return null;
    if (type === 'VP8X') {
      const c = b.slice(i, Math.min(end, b.length));
      c[8] = c[8]! & ~0x0c; // EXIF and XMP flags
      parts.push(c);
    } else if (!['EXIF', 'XMP ', 'ICCP'].includes(type)) parts.push(b.subarray(i, Math.min(end, b.length)));
    i = end;
  }
  const body = concat(parts);
  const head = new Uint8Array(12);
  head.set(b.subarray(0, 4));
  new DataView(head.buffer).setUint32(4, body.length + 4, true);
  head.set(b.subarray(8, 12), 8);
  return concat([head, body]);
}

export function stripMetadata(type: ImageType, b: Uint8Array): Uint8Array | null {
  return type === 'image/jpeg' ? stripJpeg(b) : type === 'image/png' ? stripPng(b) : stripWebp(b);
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Crockford base 32 without I, L, O, U: read aloud or copied by hand without confusion. */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** `SB-7K3MQ-9XD2F`: 50 random bits, so a code cannot be guessed from another one. */
export function newTrackingCode(): string {
  const b = randomBytes(10);
  let s = '';
  for (const x of b) s += CROCKFORD[x & 31];
  return `SB-${s.slice(0, 5)}-${s.slice(5)}`;
}

/** A six-digit one-time code. */
export const newContactCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** What is stored of a contact code: a keyed hash bound to the complaint. */
export const contactCodeHash = (key: Buffer, complaintId: string, code: string) => mac(key, `${complaintId}:${code}`);

/** `ph_` and 22 random base64url characters. */
export const newPhotoId = () => `ph_${randomBytes(16).toString('base64url')}`;

/** `ct_` and 22 random base64url characters: a contact code ticket. */
export const newTicketId = () => `ct_${randomBytes(16).toString('base64url')}`;

/**
 * The keyed hash of a normalised contact (`email` lower-cased, `phone` in E.164): what complaints,
 * supports and proofs keep instead of the contact when they only need to know it is the same one.
 */
export const contactHash = (key: Buffer, kind: 'email' | 'phone', value: string) => mac(key, `${kind}:${value}`);

/**
 * A contact proof: `<contact hash>.<expiry, ms in base 36>.<mac>`, signed with its own key. It
 * carries the keyed hash of the contact and when it runs out, nothing else.
 */
export function signContactProof(key: Buffer, hash: string, expiresAt: Date): string {
  const body = `${hash}.${expiresAt.getTime().toString(36)}`;
  return `${body}.${mac(key, body)}`;
}

/** The contact hash a proof carries when its MAC is right and it has not expired at `now`, else null. */
export function contactProofHash(key: Buffer, proof: string | undefined, now: Date): string | null {
  const m = /^([\w-]{43})\.([0-9a-z]{1,11})\.([\w-]{43})$/.exec(proof ?? '');
  if (!m) return null;
  if (!safeEqual(mac(key, `${m[1]}.${m[2]}`), m[3]!)) return null;
  return parseInt(m[2]!, 36) > now.getTime() ? m[1]! : null;
}

/** The SHA-256 of bytes, hex: a retried photo upload is recognised by it. */
export const bytesSha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Where a page of the staff inbox ends: the last row's creation time and id. */
export interface InboxCursor {
  createdAt: Date;
  id: string;
}

export const encodeCursor = (c: InboxCursor) => Buffer.from(`${c.createdAt.getTime()}.${c.id}`).toString('base64url');

/** The cursor of `s`, or null when it is not one this server wrote (a forged cursor is refused, never run). */
export function decodeCursor(s: string): InboxCursor | null {
  if (!/^[\w-]{1,64}$/.test(s)) return null;
  const m = /^(\d{1,15})\.([1-9]\d{0,17})$/.exec(Buffer.from(s, 'base64url').toString('latin1'));
  if (!m) return null;
  const ms = Number(m[1]);
  if (ms > 8.64e15) return null;
  return { createdAt: new Date(ms), id: m[2]! };
}

/** A complaint's card text: the first 280 characters (never a lone half of a surrogate pair). */
export function excerpt(text: string, max = 280): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}

/** Metres per degree of latitude (and of longitude at the equator). */
const M_PER_DEGREE = 111_320;

/**
 * Half the sides, in degrees, of a box that holds every point within `radiusM` of `lat` (wider
 * towards the poles, where a degree of longitude is shorter; capped at a half-world).
 */
export function nearbyBox(lat: number, radiusM: number): { dLat: number; dLng: number } {
  const dLat = radiusM / M_PER_DEGREE;
  const cos = Math.cos((lat * Math.PI) / 180);
  return { dLat, dLng: cos < 1e-6 ? 180 : Math.min(180, radiusM / (M_PER_DEGREE * cos)) };
}
