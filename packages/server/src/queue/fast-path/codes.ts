import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { correction, generate } from 'lean-qr';
import { BOOKING_CODE_ALPHABET, BOOKING_CODE_LENGTH, formatBookingCode, type QrCode } from '@mpp-kit/core';

/** Quiet zone around the code, in modules (the QR standard asks for 4). */
const QUIET = 4;
/** QR codes drawn lately or ahead (a path is about 1.5 KB). */
const CACHE = 1024;
/** Codes kept drawn ahead. */
const AHEAD = 512;
/** Work per step, and the pause after it in which the rest of the server shows how busy it is. */
const STEP_MS = 10;
const PAUSE_MS = 20;

/**
 * The QR code of a booking code, drawn here so no browser has to carry a QR encoder: one SVG path
 * for the dark modules, each horizontal run of them one rectangle, on a `size` × `size` grid that
 * includes the quiet zone. Level Q (25 % of the code may be damaged) keeps a 9-character code at
 * version 1 (21 × 21 modules): the largest modules, the easiest scan from a phone screen.
 */
export function drawQr(text: string): QrCode {
  const code = generate(text, { minCorrectionLevel: correction.Q });
  const parts: string[] = [];
  for (let y = 0; y < code.size; y++) {
    for (let x = 0; x < code.size; x++) {
      if (!code.get(x, y)) continue;
      let run = 1;
      while (x + run < code.size && code.get(x + run, y)) run++;
      parts.push(`M${x + QUIET} ${y + QUIET}h${run}v1h-${run}z`);
      x += run - 1;
    }
  }
  return { size: code.size + 2 * QUIET, path: parts.join('') };
}

/**
 * Booking codes and their QR codes, one per app. Codes follow core's format (8 characters of
 * `BOOKING_CODE_ALPHABET`, shown `7KQ2-M9XA`), from random bytes drawn 4 KiB at a time.
 *
 * Drawing a QR code costs about 0.35 ms, most of it choosing the best of the 8 masks as the
 * standard asks; when a quota opens and hundreds of tickets are issued in a second, that would
 * compete with the bookings themselves. So codes are drawn a few milliseconds at a time while the
 * server is quiet (its event loop was less than half busy over the last tenth of a second), and a
 * booking takes a code whose QR code is already in the cache.
 */
export class BookingCodes {
  readonly #cache = new Map<string, QrCode>();
  readonly #ready: string[] = [];
  #drawn = 0;
  #pool = Buffer.alloc(0);
  #poolAt = 0;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #since = performance.eventLoopUtilization();
  /** Time the last step spent drawing: not counted as the server being busy. */
  #drew = 0;
  #stopped = false;

  /** A fresh random code (not drawn ahead). */
  fresh(): string {
    const n = BOOKING_CODE_LENGTH;
    if (this.#poolAt + n > this.#pool.length) {
      this.#pool = randomBytes(4096);
      this.#poolAt = 0;
    }
    let s = '';
    // 32 letters: a byte modulo 32 is uniform.
    for (let i = 0; i < n; i++) s += BOOKING_CODE_ALPHABET[this.#pool[this.#poolAt + i]! % BOOKING_CODE_ALPHABET.length];
    this.#pool.fill(0, this.#poolAt, this.#poolAt + n);
    this.#poolAt += n;
    return formatBookingCode(s);
  }

  /** The QR code of a booking code, from the cache when it was drawn lately or ahead. */
  qr = (text: string): QrCode => {
    const hit = this.#cache.get(text);
    if (hit) return hit;
    this.#drawn++;
    const qr = drawQr(text);
    if (this.#cache.size >= CACHE) this.#cache.delete(this.#cache.keys().next().value!);
    this.#cache.set(text, qr);
    return qr;
  };

  /** A fresh booking code, with its QR code drawn ahead when one is ready. */
  next(): string {
    const code = this.#ready.pop() ?? this.fresh();
    this.drawAhead();
    return code;
  }

  /**
   * Gives back a code taken by `next` for a booking that was not made (the slot was full, the NIK
   * already had a ticket, …). It was never stored, so no one holds it; keeping it spares a QR code
   * drawn during a rush, when most attempts are refused.
   */
  giveBack(code: string): void {
    if (this.#ready.length < AHEAD) this.#ready.push(code);
  }

  /** Draws codes ahead when the server is quiet, until AHEAD are ready. */
  drawAhead(): void {
    if (this.#stopped || this.#timer || this.#ready.length >= AHEAD) return;
    this.#since = performance.eventLoopUtilization();
    this.#drew = 0;
    this.#schedule();
  }

  /** Stops drawing ahead (the app is closing). */
  stop(): void {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  /** How many codes are drawn ahead, and how many QR codes were drawn in all (bench and tests). */
  get ahead(): number {
    return this.#ready.length;
  }
  get qrDrawn(): number {
    return this.#drawn;
  }

  #schedule() {
    this.#timer = setTimeout(() => this.#tick(), PAUSE_MS);
    this.#timer.unref();
  }

  #tick(): void {
    this.#timer = null;
    const now = performance.eventLoopUtilization();
    const d = performance.eventLoopUtilization(now, this.#since);
    this.#since = now;
    const others = (d.active - this.#drew) / Math.max(1, d.active + d.idle);
    this.#drew = 0;
    if (others < 0.5) {
      const start = performance.now();
      while (this.#ready.length < AHEAD && performance.now() - start < STEP_MS) {
        const code = this.fresh();
        this.qr(code);
        this.#ready.push(code);
      }
      this.#drew = performance.now() - start;
    }
    if (this.#ready.length < AHEAD && !this.#stopped) this.#schedule();
  }
}
