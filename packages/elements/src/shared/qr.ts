import { html, svg, type TemplateResult } from 'lit';
import { generate } from 'lean-qr';

/** Quiet zone around the code, in modules (the QR standard asks for 4). */
const QUIET = 4;
const cache = new Map<string, { size: number; d: string }>();

/** One SVG path for all dark modules: each horizontal run of dark modules is one rectangle. */
function pathOf(text: string): { size: number; d: string } {
  let hit = cache.get(text);
  if (hit) return hit;
  const code = generate(text);
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
