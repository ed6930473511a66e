import { correction, generate } from 'lean-qr';
import type { QrCode } from '@mpp-kit/core';
import { bookingCode } from './secret.js';

/** Quiet zone around the code, in modules (the QR standard asks for 4). */
const QUIET = 4;
/** QR codes drawn lately or ahead (a path is about 1.5 KB). */
const CACHE = 1024;
const cache = new Map<string, QrCode>();
let drawn = 0;

/**
 * The QR code of a booking code, drawn here so no browser has to carry a QR encoder: one SVG path
 * for the dark modules, each horizontal run of them one rectangle, on a `size` × `size` grid that
 * includes the quiet zone. Level Q (25 % of the code may be damaged) keeps a 9-character code at
 * version 1 (21 × 21 modules): the largest modules, the easiest scan from a phone screen.
 */
export function qrOf(text: string): QrCode {
  const hit = cache.get(text);
  if (hit) return hit;
  drawn++;
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
  const qr = { size: code.size + 2 * QUIET, path: parts.join('') };
  if (cache.size >= CACHE) cache.delete(cache.keys().next().value!);
  cache.set(text, qr);
  return qr;
}

/**
 * Booking codes drawn ahead with their QR codes. Drawing a QR code costs about 0.35 ms, most of it
 * choosing the best of the 8 masks as the standard asks; when a quota opens and hundreds of tickets
 * are issued in a second, that would compete with the bookings themselves. So codes are drawn a few
 * milliseconds at a time while the server is quiet (its event loop was less than half busy over the
 * last tenth of a second), and a booking takes a code whose QR code is already in the cache.
 */
const AHEAD = 512;
/** Work per step, and the pause after it in which the rest of the server shows how busy it is. */
const STEP_MS = 10;
const PAUSE_MS = 20;
const ready: string[] = [];
let timer: ReturnType<typeof setTimeout> | null = null;
let since = performance.eventLoopUtilization();
/** Time the last step spent drawing: not counted as the server being busy. */
let drew = 0;

function tick(): void {
  timer = null;
  const now = performance.eventLoopUtilization();
  const d = performance.eventLoopUtilization(now, since);
  since = now;
  const others = (d.active - drew) / Math.max(1, d.active + d.idle);
  drew = 0;
  if (others < 0.5) {
    const start = performance.now();
    while (ready.length < AHEAD && performance.now() - start < STEP_MS) {
      const code = bookingCode();
      qrOf(code);
      ready.push(code);
    }
    drew = performance.now() - start;
  }
  if (ready.length < AHEAD) {
    timer = setTimeout(tick, PAUSE_MS);
    timer.unref();
  }
}

/** Draws codes ahead when the server is quiet, until AHEAD are ready. */
export function drawCodesAhead(): void {
  if (timer || ready.length >= AHEAD) return;
  since = performance.eventLoopUtilization();
  drew = 0;
  timer = setTimeout(tick, PAUSE_MS);
  timer.unref();
}

/** A fresh booking code, with its QR code drawn ahead when one is ready. */
export function nextBookingCode(): string {
  const code = ready.pop() ?? bookingCode();
  drawCodesAhead();
  return code;
}

/**
 * Gives back a code taken by `nextBookingCode` for a booking that was not made (the slot was full,
 * the NIK already had a ticket, …). It was never stored, so no one holds it; keeping it spares a
 * QR code drawn during a rush, when most attempts are refused.
 */
export function returnBookingCode(code: string): void {
  if (ready.length < AHEAD) ready.push(code);
}

/** How many codes are drawn ahead, and how many QR codes were drawn in all (for the bench and the tests). */
export const codesAhead = () => ready.length;
export const qrCodesDrawn = () => drawn;
