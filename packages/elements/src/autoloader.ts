/**
 * The CDN entry (`mpp-kit.js`). A page writes
 * `<script type="module" src="https://…/cdn/mpp-kit.js"></script>` and any mpp-kit tag; each
 * element's code loads the first time its tag appears, also for tags added later. The API base
 * defaults to `/api/v1/` on the bundle's own origin; `<meta name="mpp-kit:api" content="…">` or an
 * element's `api` attribute overrides it.
 *
 * Three ways to embed a widget, one line each (docs/embedding.md):
 * - the tag itself (`<mpp-queue-booking></mpp-queue-booking>`);
 * - a popup from any element of the page: `<a href="…" data-mpp-open="booking"
 *   data-mpp-service="disdukcapil-ktp-el">` opens the booking in a modal window (an `<mpp-launcher>`);
 * - a floating button: `<mpp-launcher widget="booking" mode="floating"></mpp-launcher>`.
 *
 * And `window.mppKit(command, …)` for scripts and tag managers, usable before this file loads with
 * the stub `window.mppKit = window.mppKit || function () { (mppKit.q = mppKit.q || []).push(arguments) }`
 * (queued commands run when it arrives): `open` (widget, { service, agency, code, api }), `close`,
 * `reset` (widget), and `observe` (a shadow root of the page whose mpp-kit tags should load too:
 * tags inside a shadow root are invisible to the page's own observer).
 */
import { setDefaultApiBase } from './shared/config.js';

setDefaultApiBase(new URL('/api/v1/', import.meta.url).href);

const loaders: Record<string, () => Promise<unknown>> = {
  'mpp-service-catalog': () => import('./mpp-service-catalog/define.js'),
  'mpp-queue-booking': () => import('./mpp-queue-booking/define.js'),
  'mpp-queue-ticket': () => import('./mpp-queue-ticket/define.js'),
  'mpp-launcher': () => import('./mpp-launcher/define.js'),
  'si-badra-track': () => import('./si-badra-track/define.js'),
  'si-badra-report': () => import('./si-badra-report/define.js'),
  'si-badra-inbox': () => import('./si-badra-inbox/define.js'),
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
  'mpp-launcher': () => quiet(import('./mpp-launcher/messages.en.js')),
  'si-badra-track': () => quiet(import('./si-badra-track/messages.en.js')),
  'si-badra-report': () => quiet(import('./si-badra-report/messages.en.js')),
  'si-badra-inbox': () => quiet(import('./si-badra-inbox/messages.en.js')),
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

/** Loads the tags of `root` (the page, or a shadow root it was pointed at) now and as they are added. */
const observed = new WeakSet<Node>();
function observe(root: Document | ShadowRoot): void {
  scan(root);
  if (observed.has(root)) return;
  observed.add(root);
  new MutationObserver(() => scan(root)).observe(root instanceof Document ? root.documentElement : root, {
    childList: true,
    subtree: true,
  });
}

type Widget = 'booking' | 'catalog' | 'ticket';
interface OpenOptions {
  service?: string;
  agency?: string;
  code?: string;
  api?: string;
}
interface Launcher extends HTMLElement {
  open(opener?: HTMLElement | null): Promise<void>;
  close(): void;
  reset(): void;
  isOpen: boolean;
  widget: string;
}
const WIDGETS = new Set<string>(['booking', 'catalog', 'ticket']);

/** One window per widget and options: opened again, it shows the widget as it was left. */
const launchers = new Map<string, Launcher>();
function open(widget: Widget, options: OpenOptions = {}, opener: HTMLElement | null = null): void {
  if (!WIDGETS.has(widget)) return console.error(`[mpp-kit] mppKit('open'): unknown widget "${String(widget)}"`);
  const key = JSON.stringify([widget, options.service ?? '', options.agency ?? '', options.code ?? '', options.api ?? '']);
  let l = launchers.get(key);
  if (!l) {
    l = document.createElement('mpp-launcher') as Launcher;
    l.setAttribute('mode', 'none');
    l.setAttribute('widget', widget);
    for (const [k, v] of Object.entries(options)) if (typeof v === 'string' && v) l.setAttribute(k, v);
    document.body.append(l);
    launchers.set(key, l);
  }
  const target = l;
  void customElements.whenDefined('mpp-launcher').then(() => target.open(opener ?? (document.activeElement as HTMLElement | null)));
}

const commands: Record<string, (...args: never[]) => void> = {
  open: (widget: Widget, options?: OpenOptions) => open(widget, options),
  close: () => document.querySelectorAll<Launcher>('mpp-launcher').forEach((l) => l.isOpen && l.close()),
  reset: (widget?: Widget) =>
    document.querySelectorAll<Launcher>('mpp-launcher').forEach((l) => (!widget || l.widget === widget) && l.reset?.()),
  observe: (root: ShadowRoot) =>
    root instanceof ShadowRoot ? observe(root) : console.error('[mpp-kit] mppKit("observe"): not a shadow root'),
};
function run(command: string, ...args: unknown[]): void {
  const fn = commands[command];
  if (fn) (fn as (...a: unknown[]) => void)(...args);
  else console.error(`[mpp-kit] unknown command mppKit('${command}')`);
}

// `data-mpp-open` on any element of the page (also one added later) opens that widget in a window.
document.addEventListener('click', (e) => {
  if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const trigger = e.composedPath().find((n): n is HTMLElement => n instanceof HTMLElement && n.hasAttribute('data-mpp-open'));
  if (!trigger) return;
  const widget = trigger.dataset.mppOpen as Widget;
  if (!WIDGETS.has(widget)) return;
  e.preventDefault();
  const d = trigger.dataset;
  open(widget, { service: d.mppService, agency: d.mppAgency, code: d.mppCode, api: d.mppApi }, trigger);
});

const w = window as unknown as { mppKit?: { q?: ArrayLike<unknown>[] } };
const queued = Array.isArray(w.mppKit?.q) ? w.mppKit.q : [];
(window as unknown as { mppKit: unknown }).mppKit = Object.assign(run, { version: 1 });
observe(document);
for (const args of queued) run(...(Array.from(args) as [string, ...unknown[]]));
