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

/**
 * English texts of the widgets (their own chunks, never loaded on Indonesian pages). On an English
 * page they are fetched together with the widget's code rather than after it has rendered, so the
 * widget does not wait for a second round trip. Should this fail, the widget speaks Indonesian.
 */
const quiet = (p: Promise<unknown>) => p.catch(() => undefined);
const english: Record<string, () => Promise<unknown>> = {
  'mpp-service-catalog': () => quiet(import('./mpp-service-catalog/messages.en.js')),
  // The booking shows its ticket with `<mpp-queue-ticket>` inside it.
  'mpp-queue-booking': () =>
    quiet(Promise.all([import('./mpp-queue-booking/messages.en.js'), import('./mpp-queue-ticket/messages.en.js')])),
  'mpp-queue-ticket': () => quiet(import('./mpp-queue-ticket/messages.en.js')),
};
/** The same rule as the widgets' `resolveLocale`, for a tag in the page itself. */
const isEnglish = (el: Element) => /^en\b/i.test(el.closest('[lang]')?.getAttribute('lang') ?? '');

/**
 * Every chunk each element needs, by tag, relative to this file: written in by the CDN build (see
 * `preloadList` in rollup.config.mjs). Elsewhere (the npm build, tests from source) the placeholder
 * stays and nothing is preloaded.
 */
const PRELOAD_LIST: string = '__MPP_PRELOAD__';
const preload: Record<string, string[]> = PRELOAD_LIST.startsWith('{') ? (JSON.parse(PRELOAD_LIST) as Record<string, string[]>) : {};
/** Asks for all of a tag's chunks at once, so the shared ones do not wait for the element's own. */
function preloadChunks(tag: string): void {
  for (const file of preload[tag] ?? []) {
    const href = new URL(file, import.meta.url).href;
    if (document.querySelector(`link[rel="modulepreload"][href="${CSS.escape(href)}"]`)) continue;
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
  }
}

const requested = new Set<string>();
function scan(root: ParentNode): void {
  for (const tag of Object.keys(loaders)) {
    if (requested.has(tag) || customElements.get(tag)) continue;
    const el = root.querySelector(tag);
    if (el) {
      requested.add(tag);
      preloadChunks(tag);
      if (english[tag] && isEnglish(el)) void english[tag]();
      loaders[tag]!().catch((e: unknown) => {
        requested.delete(tag);
        console.error(`[mpp-kit] could not load <${tag}>`, e);
      });
    }
  }
}

scan(document);
new MutationObserver(() => scan(document)).observe(document.documentElement, { childList: true, subtree: true });
