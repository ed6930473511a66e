import { html, svg, type TemplateResult } from 'lit';
// `lean-qr/nano` (~2 KB gzip instead of ~3.5 KB): byte mode only and one fixed error-correction level,
// which is all a booking code (`AB12-CD34`) needs. The bitmap equals the full library's for the same
// mode and level.
import { correction, generate } from 'lean-qr/nano';

/** Quiet zone around the code, in modules (the QR standard asks for 4). */
const QUIET = 4;
const cache = new Map<string, { size: number; d: string }>();

/** One SVG path for all dark modules: each horizontal run of dark modules is one rectangle. */
function pathOf(text: string): { size: number; d: string } {
  let hit = cache.get(text);
  if (hit) return hit;
  // Level Q (25 % of the code may be damaged) keeps a 9-character code at version 1 (21 × 21
  // modules): the largest modules, the easiest scan from a phone screen.
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
  hit = { size: code.size + 2 * QUIET, d: parts.join('') };
  if (cache.size > 50) cache.delete(cache.keys().next().value!);
  cache.set(text, hit);
  return hit;
}

/**
 * A QR code of `text` as an inline SVG: black modules on a white square with the quiet zone, in
 * every theme (scanners need the contrast). `label` is what a screen reader says instead.
 */
export function qrCode(text: string, label: string, part = 'qr'): TemplateResult {
  const { size, d } = pathOf(text);
  return html`<svg
    part=${part}
    class="qr"
    role="img"
    aria-label=${label}
    viewBox="0 0 ${size} ${size}"
    shape-rendering="crispEdges"
    xmlns="http://www.w3.org/2000/svg"
  >
    ${svg`<rect width=${size} height=${size} fill="#ffffff"></rect><path d=${d} fill="#000000"></path>`}
  </svg>`;
}
