import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CatalogStore, type CatalogState, type Service } from '@mpp-kit/core';
import { resolveApiBase } from '../shared/config.js';
import { catalogApiFor } from '../shared/http.js';
import { localStorageCache } from '../shared/cache.js';
import { formatRupiah, resolveLocale, type Locale } from '../shared/i18n.js';
import { problemText } from '../shared/problems.js';
import { StoreController } from '../shared/store-controller.js';
import { checklist } from '../shared/checklist.js';
import { MppBookingRequestedEvent, MppErrorEvent } from '../shared/events.js';
import { MppCatalogLoadedEvent, MppServiceSelectedEvent } from './events.js';
import { tokens } from '../shared/theme.js';
import { components } from '../shared/components.styles.js';
import { styles } from './mpp-service-catalog.styles.js';
import { CATALOG_MESSAGES, type CatalogMessages } from './messages.js';

const PAGE = 30;
const session = {
  get: (k: string) => {
    try {
      return globalThis.sessionStorage?.getItem(k) ?? null;
    } catch {
      return null;
    }
  },
  set: (k: string, v: string) => {
    try {
      globalThis.sessionStorage?.setItem(k, v);
    } catch {
      /* private mode */
    }
  },
};

/**
 * @summary Searchable catalog of an MPP's public services, with each service's standard
 * (requirements as a checklist, procedure, time, fee, place) and a "get a queue number" action.
 *
 * @tag mpp-service-catalog
 *
 * @attr api - API base (`https://…/api/v1/`). Default: `<meta name="mpp-kit:api">`, else the API next to the CDN bundle.
 * @attr agency - Show only this agency's services (e.g. `disdukcapil`) and hide the agency filter.
 * @attr service - Open this service's detail view once loaded (e.g. `disdukcapil-ktp-el`).
 * @attr booking-url - Page to open for "get a queue number" when no script handles `mpp-booking-requested`; `?service=<id>` is appended.
 * @attr heading - Title shown above the search box (default "Katalog layanan" / "Service catalog").
 * @attr theme - `auto` (default, follows the system), `light` or `dark`.
 * @attr lang - `id` (default) or `en`; inherited from the nearest ancestor or `<html lang>`.
 *
 * @fires mpp-catalog-loaded - `{ services, agencies, stale }` after the catalog loaded (stale: from the offline cache).
 * @fires mpp-service-selected - `{ serviceId, agencyId }` when a service's detail view opens.
 * @fires mpp-booking-requested - `{ serviceId, agencyId }`, cancelable: the citizen wants a queue number for this service.
 * @fires mpp-error - `{ code, source }` when an error is shown (`network`, `timeout`, `agency_not_found`, …).
 *
 * @csspart base - The outer container.
 * @csspart title - The heading.
 * @csspart input - The search box.
 * @csspart filter - The agency select.
 * @csspart list - The result list.
 * @csspart item - One result button.
 * @csspart detail - The detail view of one service.
 * @csspart checklist - The requirements checklist.
 * @csspart button - Secondary buttons (back, retry, show more).
 * @csspart book-button - The "get a queue number" button.
 *
 * @cssprop --mpp-color-primary - Brand colour (buttons, links). Default `#0b57d0`.
 * @cssprop --mpp-color-on-primary - Text on the brand colour. Default `#ffffff`.
 * @cssprop --mpp-color-surface - Background. Default `#ffffff`.
 * @cssprop --mpp-color-surface-2 - Secondary background (banners, hover). Default `#f1f4f9`.
 * @cssprop --mpp-color-text - Text colour. Default `#1b1c1f`.
 * @cssprop --mpp-color-muted - Secondary text. Default `#4a4f57`.
 * @cssprop --mpp-color-border - Borders. Default `#8a9099`.
 * @cssprop --mpp-color-danger - Errors. Default `#b3261e`.
 * @cssprop --mpp-radius - Corner radius. Default `8px`.
 * @cssprop --mpp-font-family - Font. Default the system UI font.
 * @cssprop --mpp-space - Inner padding. Default `1rem`.
 */
export class MppServiceCatalog extends LitElement {
  static override styles = [tokens, components, styles];

  @property() api: string | null = null;
  @property() agency: string | null = null;
  @property() service: string | null = null;
  @property({ attribute: 'booking-url' }) bookingUrl: string | null = null;
  @property() heading: string | null = null;
  @property({ reflect: true }) theme: 'auto' | 'light' | 'dark' = 'auto';

  @state() private shown = PAGE;
  @state() private checked: Record<string, number[]> = {};

  #controller: StoreController<CatalogState> | null = null;
  #store: CatalogStore | null = null;
  #storeKey = '';
  #langObserver: MutationObserver | null = null;
  #lastError: unknown = null;
  #lastStatus = '';
  #focusAfterRender: string | null = null;

  /** The catalog store behind the widget (for hosts that want to drive or observe it). */
  get store(): CatalogStore | null {
    return this.#store;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#langObserver = new MutationObserver(() => this.requestUpdate());
    // Any `lang` change on the page (the element, an ancestor, <html>) may change our language.
    this.#langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    if (this.#store) void this.#store.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#langObserver?.disconnect();
    this.#store?.dispose();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const key = `${resolveApiBase(this.api)}|${this.agency ?? ''}`;
    if (key !== this.#storeKey) this.#createStore(key);
    if (changed.has('service') && this.service) this.#store?.select(this.service);
  }

  #createStore(key: string): void {
    this.#storeKey = key;
    this.#store?.dispose();
    if (this.#controller) this.removeController(this.#controller);
    const base = resolveApiBase(this.api);
    const store = new CatalogStore(catalogApiFor(base), {
      agency: this.agency,
      cache: localStorageCache,
      cacheKey: `mpp-kit:catalog:v1:${base}`,
    });
    this.#store = store;
    this.#controller = new StoreController(this, store);
    const saved = session.get(this.#queryKey);
    if (saved) store.setQuery(saved);
    if (this.service) store.select(this.service);
    if (this.isConnected) {
      this.#controller.hostConnected();
      void store.load();
    }
  }

  get #queryKey() {
    return `mpp-kit:catalog-query:${this.agency ?? '*'}`;
  }

  get #locale(): Locale {
    return CATALOG_MESSAGES.localeOf(resolveLocale(this));
  }

  /** The messages of the current render (English arrives lazily: see `LocaleCatalog`). */
  #t: CatalogMessages = CATALOG_MESSAGES.id;

  protected override updated(): void {
    const s = this.#controller?.value;
    if (!s) return;
    if (s.status === 'ready' && this.#lastStatus !== 'ready') {
      this.dispatchEvent(new MppCatalogLoadedEvent({ services: s.services.length, agencies: s.agencies.length, stale: s.stale }));
    }
    this.#lastStatus = s.status;
    if (s.error && s.error !== this.#lastError)
      this.dispatchEvent(new MppErrorEvent({ code: s.error.code, source: 'mpp-service-catalog' }));
    this.#lastError = s.error;
    if (this.#focusAfterRender) {
      const sel = this.#focusAfterRender;
      this.#focusAfterRender = null;
      this.renderRoot.querySelector<HTMLElement>(sel)?.focus();
    }
  }

  #onInput(e: Event) {
    const q = (e.target as HTMLInputElement).value;
    this.shown = PAGE;
    this.#store?.setQuery(q);
    session.set(this.#queryKey, q);
  }

  #setQuery(q: string) {
    this.shown = PAGE;
    this.#store?.setQuery(q);
    session.set(this.#queryKey, q);
    this.#focusAfterRender = '#q';
  }

  #open(s: Service) {
    this.#store?.select(s.id);
    this.#focusAfterRender = '#svc-title';
    this.dispatchEvent(new MppServiceSelectedEvent({ serviceId: s.id, agencyId: s.agencyId }));
  }

  #back() {
    const id = this.#store?.getSnapshot().selectedId;
    this.#store?.select(null);
    this.#focusAfterRender = id ? `[data-service="${CSS.escape(id)}"]` : '#q';
  }

  #book(s: Service) {
    const ev = new MppBookingRequestedEvent({ serviceId: s.id, agencyId: s.agencyId });
    if (this.dispatchEvent(ev) && this.bookingUrl) {
      const url = new URL(this.bookingUrl, location.href);
      url.searchParams.set('service', s.id);
      location.assign(url.href);
    }
  }

  #toggle(serviceId: string, i: number, on: boolean) {
    const cur = new Set(this.checked[serviceId] ?? []);
    if (on) cur.add(i);
    else cur.delete(i);
    this.checked = { ...this.checked, [serviceId]: [...cur] };
  }

  override render() {
    const s = this.#controller?.value;
    const t = CATALOG_MESSAGES.get(this.#locale, this);
    if (!s || !t) return nothing;
    this.#t = t;
    const selected = s.selectedId ? s.services.find((x) => x.id === s.selectedId) : undefined;
    return html`<section class="root" part="base" aria-labelledby="title" lang=${this.#locale}>
      <h2 id="title" part="title">${this.heading ?? t.title}</h2>
      ${selected ? this.#renderDetail(selected, s) : this.#renderList(s)}
    </section>`;
  }

  #renderList(s: CatalogState) {
    const t = this.#t;
    const fixed = !!this.agency;
    const busy = s.status === 'loading' || s.status === 'idle';
    return html`<div class="controls" role="search">
        <div class="field">
          <label for="q">${t.searchLabel}</label>
          <input
            id="q"
            part="input"
            type="search"
            autocomplete="off"
            enterkeyhint="search"
            spellcheck="false"
            maxlength="200"
            placeholder=${t.searchPlaceholder}
            .value=${s.query}
            @input=${this.#onInput}
            aria-describedby="status"
          />
        </div>
        ${
          fixed
            ? nothing
            : html`<div class="field">
                <label for="agency">${t.agencyLabel}</label>
                <select
                  id="agency"
                  part="filter"
                  ?disabled=${busy && !s.agencies.length}
                  @change=${(e: Event) => {
                    this.shown = PAGE;
                    this.#store?.setAgency((e.target as HTMLSelectElement).value || null);
                  }}
                >
                  <option value="" ?selected=${!s.agencyId}>${t.allAgencies}</option>
                  ${s.agencies.map((a) => html`<option value=${a.id} ?selected=${s.agencyId === a.id}>${a.shortName}</option>`)}
                </select>
              </div>`
        }
      </div>
      ${
        s.stale && s.error
          ? html`<div class="banner" role="note">
              <p>${t.stale}</p>
              <button class="btn" part="button" @click=${() => this.#store?.retry()}>${t.retry}</button>
            </div>`
          : nothing
      }
      <p class="status" id="status" role="status" aria-live="polite">
        ${busy ? t.loading : s.status === 'ready' ? t.results(s.results.length, s.query.trim()) : ''}
      </p>
      ${
        busy
          ? html`<ul class="results" aria-busy="true" aria-label=${t.loading}>
              ${[0, 1, 2, 3].map(() => html`<li class="skeleton"></li>`)}
            </ul>`
          : s.status === 'error'
            ? html`<div class="banner error" role="alert">
                <p>${problemText(this.#t.problems, s.error?.code)}</p>
                <button class="btn btn-primary" part="button" @click=${() => this.#store?.retry()}>${t.retry}</button>
              </div>`
            : s.results.length
              ? this.#renderResults(s)
              : this.#renderEmpty(s)
      }`;
  }

  #renderResults(s: CatalogState) {
    const t = this.#t;
    const agencies = new Map(s.agencies.map((a) => [a.id, a.shortName]));
    const list = s.results.slice(0, this.shown);
    return html`<ul class="results" part="list" aria-label=${t.results(s.results.length, s.query.trim())}>
        ${list.map(
          (svc) =>
            html`<li>
              <button class="item" part="item" data-service=${svc.id} @click=${() => this.#open(svc)}>
                <span class="item-name">${svc.name}</span>
                <span class="item-meta"
                  >${agencies.get(svc.agencyId) ?? ''} · ${svc.fee.amount === 0 ? t.free : formatRupiah(svc.fee.amount, this.#locale)} ·
                  ${svc.duration}</span
                >
              </button>
            </li>`,
        )}
      </ul>
      ${
        s.results.length > this.shown
          ? html`<div class="actions">
              <button class="btn" part="button" @click=${() => (this.shown += PAGE)}>${t.showAll} (${s.results.length})</button>
            </div>`
          : nothing
      }`;
  }

  #renderEmpty(s: CatalogState) {
    const t = this.#t;
    const popular = [...s.services]
      .filter((x) => !s.agencyId || x.agencyId === s.agencyId)
      .sort((a, b) => b.dailyQuota - a.dailyQuota)
      .slice(0, 4);
    return html`<div class="banner" part="empty">
      <p>${t.noResults(s.query.trim())}</p>
      ${
        s.suggestions.length
          ? html`<p>${t.didYouMean}</p>
              <ul class="chips">
                ${s.suggestions.map((q) => html`<li><button class="chip" @click=${() => this.#setQuery(q)}>${q}</button></li>`)}
              </ul>`
          : nothing
      }
      ${
        popular.length
          ? html`<p>${t.popular}</p>
              <ul class="chips">
                ${popular.map((x) => html`<li><button class="chip" data-service=${x.id} @click=${() => this.#open(x)}>${x.name}</button></li>`)}
              </ul>`
          : nothing
      }
      <button class="btn" part="button" @click=${() => this.#setQuery('')}>${t.showAll}</button>
    </div>`;
  }

  #renderDetail(svc: Service, s: CatalogState) {
    const t = this.#t;
    const agency = s.agencies.find((a) => a.id === svc.agencyId);
    const done = new Set(this.checked[svc.id] ?? []);
    return html`<article part="detail" aria-labelledby="svc-title" @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && this.#back()}>
      <button class="btn" part="button" @click=${this.#back}>← ${t.back}</button>
      <h3 id="svc-title" tabindex="-1">${svc.name} ${svc.demo ? html`<span class="badge">${t.demo}</span>` : nothing}</h3>
      ${agency ? html`<p class="agency">${agency.name}</p>` : nothing}
      <p class="summary">${svc.summary}</p>
      <dl class="facts">
        <dt>${t.duration}</dt>
        <dd>${svc.duration}</dd>
        <dt>${t.fee}</dt>
        <dd>
          ${svc.fee.amount === 0 ? t.free : formatRupiah(svc.fee.amount, this.#locale)}${svc.fee.note ? html` — ${svc.fee.note}` : nothing}
        </dd>
        <dt>${t.location}</dt>
        <dd>${svc.location}</dd>
        <dt>${t.product}</dt>
        <dd>${svc.product}</dd>
      </dl>
      <h4 id="req-title">${t.requirements}</h4>
      ${checklist({
        id: 'req',
        hint: t.requirementsHint,
        status: t.checked(done.size, svc.requirements.length),
        items: svc.requirements,
        done,
        onToggle: (i, on) => this.#toggle(svc.id, i, on),
      })}
      <h4>${t.steps}</h4>
      <ol class="steps">
        ${svc.steps.map((x) => html`<li>${x}</li>`)}
      </ol>
      <dl class="facts">
        <dt>${t.legalBasis}</dt>
        <dd>${svc.legalBasis.join('; ')}</dd>
        <dt>${t.complaints}</dt>
        <dd>${svc.complaintChannel}</dd>
      </dl>
      <div class="actions">
        ${
          svc.onlineQueue
            ? html`<button class="btn btn-primary" part="book-button" @click=${() => this.#book(svc)}>${t.book}</button>`
            : html`<p>${t.noOnlineQueue}</p>`
        }
      </div>
    </article>`;
  }
}
