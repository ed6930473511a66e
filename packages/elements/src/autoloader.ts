/**
 * The CDN entry (`mpp-kit.js`). A page writes
 * `<script type="module" src="https://…/cdn/mpp-kit.js"></script>` and any mpp-kit tag; each
 * element's code loads the first time its tag appears, also for tags added later. The API base
 * defaults to `/api/v1/` on the bundle's own origin; `<meta name="mpp-kit:api" content="…">` or an
 * element's `api` attribute overrides it.
 */
import { setDefaultApiBase } from './shared/config.js';

setDefaultApiBase(new URL('/api/v1/', import.meta.url).href);

const loaders: Record<string, () => Promise<unknown>> = {
  'mpp-service-catalog': () => import('./mpp-service-catalog/define.js'),
  'mpp-queue-booking': () => import('./mpp-queue-booking/define.js'),
  'mpp-queue-ticket': () => import('./mpp-queue-ticket/define.js'),
};

const requested = new Set<string>();
function scan(root: ParentNode): void {
  for (const tag of Object.keys(loaders)) {
    if (requested.has(tag) || customElements.get(tag)) continue;
    if (root.querySelector(tag)) {
      requested.add(tag);
      loaders[tag]!().catch((e: unknown) => {
        requested.delete(tag);
        console.error(`[mpp-kit] could not load <${tag}>`, e);
      });
    }
  }
}

scan(document);
new MutationObserver(() => scan(document)).observe(document.documentElement, { childList: true, subtree: true });
