import { html, svg, nothing, type TemplateResult } from 'lit';
import type { QrCode } from '@mpp-kit/core';

/**
 * A booking code's QR code as an inline SVG, drawn from the path the server sends with the ticket
 * (so the page carries no QR encoder): black modules on a white square with the quiet zone, in
 * every theme (scanners need the contrast). `label` is what a screen reader says instead. Nothing
 * when there is no code to draw (a ticket kept by a page from before the server sent one).
 */
export function qrCode(qr: QrCode | undefined, label: string, part = 'qr'): TemplateResult | typeof nothing {
  if (!qr) return nothing;
  const { size, path } = qr;
  return html`<svg
    part=${part}
    class="qr"
    role="img"
    aria-label=${label}
    viewBox="0 0 ${size} ${size}"
    shape-rendering="crispEdges"
    xmlns="http://www.w3.org/2000/svg"
  >
    ${svg`<rect width=${size} height=${size} fill="#ffffff"></rect><path d=${path} fill="#000000"></path>`}
  </svg>`;
}
