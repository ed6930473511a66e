import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { ReadableStore } from '@mpp-kit/core';
import { resolveLocale, type Locale } from './i18n.js';
import type { LocaleCatalog } from './locale-catalog.js';
import { MppErrorEvent } from './events.js';
import { alertBanner } from './field.js';
import { problemText, type ProblemMessages } from './problems.js';
import { StoreController } from './store-controller.js';

/** Attributes on the page whose change may change its scheme (`lang` is watched for the language). */
const PAGE_ATTRIBUTES = ['lang', 'class', 'style', 'data-theme', 'data-bs-theme', 'data-color-scheme', 'data-mode'];

/** sRGB channels and alpha of a computed colour (`rgb()` / `rgba()`; other syntaxes through a canvas). */
function rgba(color: string): [number, number, number, number] {
  const m = /^rgba?\(([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\)$/.exec(color);
  if (m) return [+m[1]!, +m[2]!, +m[3]!, m[4] ? parseFloat(m[4]) / (m[4].endsWith('%') ? 100 : 1) : 1];
  const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
  if (!ctx) return [0, 0, 0, 0];
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
  return [r!, g!, b!, a! / 255];
}

/** WCAG relative luminance of sRGB channels (0 black … 1 white). */
const luminance = (rgb: readonly number[]): number => {
  const [r, g, b] = rgb.map((c) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
};

/**
 * The scheme of the page around `el`, for `theme="auto"`: the host's own word first (the computed
 * `color-scheme` of the element's parent, else `<meta name="color-scheme">`: `dark` alone is dark,
 * `light` alone is light); else the
 * first opaque background colour behind the element (through shadow roots up to `<html>`), dark when
 * its luminance is below 0.18 (where white text starts to read better than black); else the
 * canvas, dark only when the page allows dark (`color-scheme: light dark`) and the phone prefers it.
 * Never the phone's setting alone: a white agency site stays light on a dark phone.
 */
export function hostScheme(el: Element): 'light' | 'dark' {
  const parent = el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? document.documentElement;
  const declared = getComputedStyle(parent).colorScheme;
  const words = (
    declared === 'normal' ? (document.querySelector<HTMLMetaElement>('meta[name="color-scheme"]')?.content ?? '') : declared
  ).split(/\s+/);
  const dark = words.includes('dark');
  const light = words.includes('light');
  if (dark !== light) return dark ? 'dark' : 'light';
  for (let n: Element | null = parent; n; n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host || null)) {
    const [r, g, b, a] = rgba(getComputedStyle(n).backgroundColor);
    if (a > 0.5) return luminance([r, g, b]) < 0.18 ? 'dark' : 'light';
  }
  return dark && matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** What every widget's messages hold: the words of every error code and "try again". */
export interface WidgetMessages {
  problems: ProblemMessages;
  retry: string;
}

/** A core store a widget makes and owns: disposed when the widget replaces it. */
export type OwnedStore<S> = ReadableStore<S> & { dispose(): void };

/**
 * What every mpp-kit widget shares, so each widget class holds only its own view: the `theme`
 * attribute and the scheme it resolves to (`theme="auto"` follows the host page, see `hostScheme`); the language (its own `lang`, else the nearest ancestor's, else `<html lang>`, kept
 * current by watching `lang` anywhere on the page) and the messages in it; the frame (`base` and
 * `title` parts); focus moved after the next render; `mpp-error` fired once per error shown; core
 * stores shown through a `StoreController`.
 *
 * The tags below are HTML API every widget has: the manifest analyzer gives them to each widget's
 * entry in `custom-elements.json`; a widget's own header may describe one again in its own words.
 *
 * @attr theme - `auto` (default: follows the host page's `color-scheme`, else the colour behind the widget; light when the page says nothing), `light` or `dark`.
 * @attr data-scheme - Set by the widget (read-only): `light` or `dark`, the scheme in use.
 * @attr lang - `id` (default) or `en`; inherited from the nearest ancestor or `<html lang>`.
 *
 * @fires mpp-error - `{ code, source }` when an error is shown (`network`, `timeout`, or the server's problem code); `source` is the tag.
 *
 * @csspart base - The outer container.
 * @csspart title - The heading.
 *
 * @cssprop --mpp-color-primary - Brand colour (buttons, links). Default `#0b57d0`.
 * @cssprop --mpp-color-on-primary - Text on the brand colour. Default `#ffffff`.
 * @cssprop --mpp-color-surface - Background. Default `#ffffff`.
 * @cssprop --mpp-color-surface-2 - Secondary background (banners, hover). Default `#f1f4f9`.
 * @cssprop --mpp-color-text - Text colour. Default `#1b1c1f`.
 * @cssprop --mpp-color-muted - Secondary text. Default `#4a4f57`.
 * @cssprop --mpp-color-border - Borders. Default `#8a9099`.
 * @cssprop --mpp-color-danger - Errors. Default `#b3261e`.
 * @cssprop --mpp-color-focus - Focus ring. Default `#0b57d0`.
 * @cssprop --mpp-radius - Corner radius. Default `8px`.
 * @cssprop --mpp-font-family - Font. Default the system UI font.
 * @cssprop --mpp-font-size - Base font size. Default `16px` (give px: the page's root size never applies).
 * @cssprop --mpp-space - Inner padding (density). Default the base font size.
 */
export abstract class MppElement<M extends WidgetMessages> extends LitElement {
  @property({ reflect: true }) theme: 'auto' | 'light' | 'dark' = 'auto';

  /** The widget's messages per locale (Indonesian bundled, English fetched when first spoken). */
  protected abstract readonly messages: LocaleCatalog<M>;
  #t: M | null = null;
  #focus: string | null = null;
  #reported = new Map<string, unknown>();
  #pageObserver: MutationObserver | null = null;
  #darkQuery: MediaQueryList | null = null;
  readonly #recheck = () => this.#applyScheme();

  override connectedCallback(): void {
    super.connectedCallback();
    // One observer for the page: `lang` anywhere (the language), and the attributes a site's theme
    // switch sets on an ancestor (`class`, `style`, `data-theme`…) for `theme="auto"`.
    this.#pageObserver = new MutationObserver((records) => {
      if (records.some((r) => r.attributeName === 'lang')) this.requestUpdate();
      if (records.some((r) => r.attributeName !== 'lang' && r.target.contains(this))) this.#applyScheme();
    });
    this.#pageObserver.observe(document.documentElement, { attributes: true, attributeFilter: PAGE_ATTRIBUTES, subtree: true });
    this.#darkQuery = matchMedia('(prefers-color-scheme: dark)');
    this.#darkQuery.addEventListener('change', this.#recheck);
    if (document.readyState !== 'complete') addEventListener('load', this.#recheck, { once: true });
    this.#applyScheme();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#pageObserver?.disconnect();
    this.#darkQuery?.removeEventListener('change', this.#recheck);
    removeEventListener('load', this.#recheck);
  }

  protected override update(changed: PropertyValues): void {
    if (changed.has('theme')) this.#applyScheme();
    super.update(changed);
  }

  /** Sets `data-scheme` from `theme` (and, for `auto`, from the host page). */
  #applyScheme(): void {
    const scheme = this.theme === 'dark' || this.theme === 'light' ? this.theme : hostScheme(this);
    if (this.dataset.scheme !== scheme) this.dataset.scheme = scheme;
  }

  /** The locale the widget speaks: the page's, unless its English messages could not load. */
  protected get locale(): Locale {
    return this.messages.localeOf(resolveLocale(this));
  }

  /** The messages of the current render. */
  protected get t(): M {
    return this.#t ?? this.messages.id;
  }

  /** The view, once the messages of the locale are there (`this.t`): nothing for the few ms English loads. */
  protected abstract renderView(): unknown;

  override render(): unknown {
    const t = this.messages.get(this.locale, this);
    if (!t) return nothing;
    this.#t = t;
    return this.renderView();
  }

  /** The widget's frame: a section in the widget's language named by its heading (`#<id>`, focusable). */
  protected frame(title: unknown, body: unknown, id = 'title'): TemplateResult {
    return html`<section class="root" part="base" aria-labelledby=${id} lang=${this.locale}>
      <h2 id=${id} part="title" tabindex="-1">${title}</h2>
      ${body}
    </section>`;
  }

  /** Moves the focus to `selector` (in the shadow root) after the next render; `null` cancels. */
  protected focusAfterUpdate(selector: string | null): void {
    this.#focus = selector;
  }

  /** A focus move is waiting for the next render. */
  protected get focusPending(): boolean {
    return this.#focus !== null;
  }

  /** Subclasses that override `updated` call this last, so the focus moves after their own work. */
  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const selector = this.#focus;
    this.#focus = null;
    if (selector) this.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** The words for an error code (a widget with codes of its own adds them). */
  protected errorText(code: string | null | undefined): string {
    return problemText(this.t.problems, code);
  }

  /** An error banner for `code` (nothing without one), with "try again" when `retry` is given. */
  protected alert(code: string | null | undefined, retry?: () => void): TemplateResult | typeof nothing {
    return code ? alertBanner(this.errorText(code), retry && { label: this.t.retry, run: retry }) : nothing;
  }

  /** `mpp-error` with a stable code (never personal data). */
  protected emitError(code: string): void {
    this.dispatchEvent(new MppErrorEvent({ code, source: this.localName }));
  }

  /** Fires `mpp-error` when `error` is new on `channel` (one channel per store shown). */
  protected reportError(error: { readonly code: string } | null | undefined, channel = ''): void {
    if (error && error !== this.#reported.get(channel)) this.emitError(error.code);
    this.#reported.set(channel, error);
  }

  /**
   * Shows `store` through a new controller in place of `old`, whose store is disposed. When the
   * widget is connected the new controller subscribes at once.
   */
  protected adopt<S, T extends OwnedStore<S>>(old: StoreController<unknown, OwnedStore<unknown>> | null, store: T & ReadableStore<S>) {
    if (old) {
      old.store.dispose();
      this.removeController(old);
    }
    return new StoreController<S, T>(this, store);
  }
}
