import { correction, generate } from 'lean-qr';
import type { QrCode } from '@mpp-kit/core';

/** Quiet zone around the code, in modules (the QR standard asks for 4). */
const QUIET = 4;
const cache = new Map<string, QrCode>();

/**
 * The QR code of a booking code, drawn once here so no browser has to carry a QR encoder: one SVG
 * path for the dark modules, each horizontal run of them one rectangle, on a `size` × `size` grid
 * that includes the quiet zone. Level Q (25 % of the code may be damaged) keeps a 9-character code
 * at version 1 (21 × 21 modules): the largest modules, the easiest scan from a phone screen.
 */
export function qrOf(text: string): QrCode {
  const hit = cache.get(text);
  if (hit) return hit;
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
  if (cache.size >= 1000) cache.delete(cache.keys().next().value!);
  cache.set(text, qr);
  return qr;
}
