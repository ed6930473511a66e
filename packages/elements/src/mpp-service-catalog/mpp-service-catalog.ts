import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CatalogStore, type CatalogState, type Service, type ServiceSummary } from '@mpp-kit/core';
import { pageLink, resolveApiBase } from '../shared/config.js';
import { catalogApiFor } from '../shared/http.js';
import { indexedDbCache } from '../shared/cache.js';
import { sessionJson } from '../shared/draft-storage.js';
import { MppElement } from '../shared/mpp-element.js';
import type { StoreController } from '../shared/store-controller.js';
import { actions, button, searchField, serviceList, skeletons, staleNote, statusLine } from '../shared/templates.js';
import { MppBookingRequestedEvent } from '../shared/events.js';
import { MppCatalogLoadedEvent, MppServiceSelectedEvent } from './events.js';
import { tokens } from '../shared/theme.js';
import { components } from '../shared/components.styles.js';
import { styles } from './mpp-service-catalog.styles.js';
import { CATALOG_MESSAGES, type CatalogMessages } from './messages.js';
import {
  elsewhereNotice,
  emptyResults,
  feeText,
  groupByAgency,
  serviceDetail,
  serviceDetailPending,
  type AgencyGroup,
} from './templates.js';

/** Rows a list shows at first and adds per "show more". */
const PAGE = 30;
/** Most used services on top of the first view. */
const TOP = 6;

/**
 * @summary Searchable catalog of an MPP's public services, with each service's standard
 * (requirements as a checklist, procedure, time, fee, place) and a "get a queue number" action.
 *
 * @tag mpp-service-catalog
 *
 * @attr api - API base (`https://…/api/v1/`). Default: `<meta name="mpp-kit:api">`, else the API next to the CDN bundle.
 * @attr agency - Show only this agency's services (e.g. `disdukcapil`) and hide the agency filter.
 * @attr service - Open this service's detail view once loaded (e.g. `disdukcapil-ktp-el`).
 * @attr deep-link - Name of the page-address key that links to an opened service (default `layanan`: `#layanan=<id>`); the link opens the service, survives a reload and can be shared. `deep-link=""` turns it off.
 * @attr booking-url - Page to open for "get a queue number" when no script handles `mpp-booking-requested`; `?service=<id>` is appended.
 * @attr heading - Title shown above the search box (default "Katalog layanan" / "Service catalog").
 *
 * @fires mpp-catalog-loaded - `{ services, agencies, stale }` after the catalog loaded (stale: from the offline cache).
 * @fires mpp-service-selected - `{ serviceId, agencyId }` when a service's detail view opens.
 * @fires mpp-booking-requested - `{ serviceId, agencyId }`, cancelable: the citizen wants a queue number for this service.
 * @fires mpp-error - `{ code, source }` when an error is shown (`network`, `timeout`, `agency_not_found`, …).
 *
 * @csspart input - The search box.
 * @csspart filter - The agency select.
 * @csspart list - The result list.
 * @csspart item - One result button.
 * @csspart empty - The "no result" box with suggestions.
 * @csspart elsewhere - The "not served here, go to …" note (e.g. for "bpjs").
 * @csspart group - One agency's group in the first view (a `<details>`).
 * @csspart detail - The detail view of one service.
 * @csspart conditions - The conditions to meet (a plain list, above the checklist).
 * @csspart checklist - The requirements checklist.
 * @csspart alert - Error messages.
 * @csspart button - Secondary buttons (back, retry, show more).
 * @csspart book-button - The "get a queue number" button.
 */
export class MppServiceCatalog extends MppElement<CatalogMessages> {
  // `theme`, `lang`, the `base` and `title` parts, `mpp-error` and the `--mpp-*` tokens: see `MppElement`.
  static override styles = [tokens, components, styles];
  protected readonly messages = CATALOG_MESSAGES;

  @property() api: string | null = null;
  @property() agency: string | null = null;
  @property() service: string | null = null;
  @property({ attribute: 'booking-url' }) bookingUrl: string | null = null;
  @property() heading: string | null = null;
  @property({ attribute: 'deep-link' }) deepLink = 'layanan';

  /** Rows shown per list: `''` for the results, an agency id for its group in the first view. */
  @state() private shown: Record<string, number> = {};
  /** Agency groups opened in the first view. */
  @state() private openGroups: ReadonlySet<string> = new Set();
  @state() private checked: Record<string, number[]> = {};

  #ctl: StoreController<CatalogState, CatalogStore> | null = null;
  #storeKey = '';
  #lastStatus = '';
  #keepTitleFocus = false;

  /** The catalog store behind the widget (for hosts that want to drive or observe it). */
  get store(): CatalogStore | null {
    return this.#ctl?.store ?? null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.#onHash);
    void this.store?.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.#onHash);
    this.store?.dispose();
  }

  /** The page address's link parameters (`#layanan=…&…`), or null when the hash is a plain anchor. */
  #hashParams(): URLSearchParams | null {
    const h = location.hash.slice(1);
    return !h || h.includes('=') ? new URLSearchParams(h) : null;
  }

  /** The service the page address links to. */
  get #linked(): string | null {
    return (this.deepLink && this.#hashParams()?.get(this.deepLink)) || null;
  }

  /** Writes (or, with null, removes) the open service in the page address, without a history entry. */
  #link(id: string | null): void {
    if (!this.deepLink) return;
    const p = this.#hashParams() ?? new URLSearchParams();
    if ((p.get(this.deepLink) ?? null) === id) return;
    if (id) p.set(this.deepLink, id);
    else p.delete(this.deepLink);
    const hash = p.toString();
    history.replaceState(history.state, '', `${location.pathname}${location.search}${hash ? `#${hash}` : ''}`);
  }

  readonly #onHash = () => {
    const id = this.#linked;
    if (id !== (this.store?.getSnapshot().selectedId ?? null)) this.store?.select(id);
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The detail's heading is rendered anew when the full record arrives: the focus stays on it.
    this.#keepTitleFocus = this.shadowRoot?.activeElement?.id === 'svc-title';
    const key = `${resolveApiBase(this.api)}|${this.agency ?? ''}`;
    if (key !== this.#storeKey) this.#createStore(key);
    if (changed.has('service') && this.service) this.store?.select(this.service);
  }

  #createStore(key: string): void {
    this.#storeKey = key;
    const base = resolveApiBase(this.api);
    const store = new CatalogStore(catalogApiFor(base), {
      agency: this.agency,
      cache: indexedDbCache(),
      cacheKey: `mpp-kit:catalog:v2:${base}`,
    });
    this.#ctl = this.adopt(this.#ctl, store);
    const saved = sessionJson.get<string>(this.#queryKey);
    if (typeof saved === 'string') store.setQuery(saved);
    const linked = this.#linked ?? this.service;
    if (linked) store.select(linked);
    if (this.isConnected) void store.load();
  }

  get #queryKey() {
    return `mpp-kit:catalog-query:${this.agency ?? '*'}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (this.#keepTitleFocus && this.shadowRoot?.activeElement?.id !== 'svc-title')
      this.renderRoot.querySelector<HTMLElement>('#svc-title')?.focus();
    const s = this.#ctl?.value;
    if (s?.status === 'ready' && this.#lastStatus !== 'ready') {
      this.dispatchEvent(new MppCatalogLoadedEvent({ services: s.services.length, agencies: s.agencies.length, stale: s.stale }));
    }
    this.#lastStatus = s?.status ?? '';
    this.reportError(s?.error);
    super.updated(changed);
  }

  #setQuery(q: string, focus = false) {
    this.shown = {};
    this.store?.setQuery(q);
    sessionJson.set(this.#queryKey, q);
    if (focus) this.focusAfterUpdate('#q');
  }

  #open(s: ServiceSummary) {
    this.store?.select(s.id);
    this.#link(s.id);
    this.focusAfterUpdate('#svc-title');
    this.dispatchEvent(new MppServiceSelectedEvent({ serviceId: s.id, agencyId: s.agencyId }));
  }

  #back = () => {
    const id = this.store?.getSnapshot().selectedId;
    this.store?.select(null);
    this.#link(null);
    this.focusAfterUpdate(id ? `[data-service="${CSS.escape(id)}"]` : '#q');
  };

  #book(s: ServiceSummary) {
    const url =
      this.dispatchEvent(new MppBookingRequestedEvent({ serviceId: s.id, agencyId: s.agencyId })) &&
      pageLink(this.bookingUrl, 'service', s.id);
    if (url) location.assign(url);
  }

  #toggle(serviceId: string, i: number, on: boolean) {
    const cur = new Set(this.checked[serviceId] ?? []);
    if (on) cur.add(i);
    else cur.delete(i);
    this.checked = { ...this.checked, [serviceId]: [...cur] };
  }

  protected renderView() {
    const s = this.#ctl?.value;
    if (!s) return nothing;
    return this.frame(this.heading ?? this.t.title, s.selectedId ? this.#renderDetail(s.selectedId, s) : this.#renderList(s));
  }

  #renderList(s: CatalogState) {
    const t = this.t;
    const busy = s.status === 'loading' || s.status === 'idle';
    const onAgency = (e: Event) => {
      this.shown = {};
      this.store?.setAgency((e.target as HTMLSelectElement).value || null);
    };
    const search = searchField({
      id: 'q',
      label: t.searchLabel,
      placeholder: t.searchPlaceholder,
      value: s.query,
      describedBy: 'status',
      onInput: (q) => this.#setQuery(q),
    });
    return html`<div class="controls" role="search">
        ${search}
        ${
          // A catalog searched on the server (thousands of agencies) has no agency list to choose from.
          this.agency || s.mode === 'server'
            ? nothing
            : html`<div class="field">
                <label for="agency">${t.agencyLabel}</label>
                <select id="agency" part="filter" ?disabled=${busy && !s.agencies.length} @change=${onAgency}>
                  <option value="" ?selected=${!s.agencyId}>${t.allAgencies}</option>
                  ${s.agencies.map((a) => html`<option value=${a.id} ?selected=${s.agencyId === a.id}>${a.shortName}</option>`)}
                </select>
              </div>`
        }
      </div>
      ${s.stale && s.error ? staleNote(t.stale, t.retry, () => this.store?.retry()) : nothing}
      ${statusLine(busy ? t.loading : s.status === 'ready' ? this.#statusText(s) : '', 'status')}
      ${
        busy
          ? skeletons('results', 4, t.loading)
          : s.status === 'error' || (s.mode === 'server' && s.error && !s.searching)
            ? this.alert(s.error?.code, () => this.store?.retry())
            : html`${s.elsewhere.length ? elsewhereNotice(t, s.elsewhere) : nothing}
              ${
                !s.query.trim() && !s.agencyId && s.results.length > TOP && s.mode === 'local'
                  ? this.#renderFirstView(s)
                  : s.results.length || s.searching
                    ? this.#renderResults(s, s.results, '', t.results(s.results.length, s.query.trim()))
                    : s.elsewhere.length
                      ? actions(button({ label: t.showAll, onClick: () => this.#setQuery('', true) }))
                      : this.#renderEmpty(s)
              }`
      }`;
  }

  #statusText(s: CatalogState): string {
    const t = this.t;
    const q = s.query.trim();
    return [
      s.searching ? t.loading : s.more ? t.resultsMore(s.results.length, q) : t.results(s.results.length, q),
      ...s.elsewhere.map((e) => t.elsewhere(e.name)),
      s.truncated ? t.truncated(s.results.length) : '',
    ]
      .filter(Boolean)
      .join(' ');
  }

  /** A list of services with "show more" (every one reachable); `key` names its page count in `shown`. */
  #renderResults(s: CatalogState, services: readonly ServiceSummary[], key: string, label: string, heading?: string) {
    const t = this.t;
    const agencies = new Map(s.agencies.map((a) => [a.id, a.shortName]));
    const shown = this.shown[key] ?? PAGE;
    return html`${serviceList({
      cls: 'results',
      part: 'list',
      itemPart: 'item',
      label,
      labelledBy: heading,
      services: services.slice(0, shown),
      // In an agency's group the agency goes without saying.
      meta: (svc) => `${agencies.has(key) ? '' : `${agencies.get(svc.agencyId) ?? ''} · `}${feeText(t, svc.fee)} · ${svc.duration}`,
      onChoose: (svc) => this.#open(svc),
    })}
    ${
      services.length > shown
        ? actions(
            button({
              label: t.showMore(services.length - shown),
              action: 'more',
              onClick: () => (this.shown = { ...this.shown, [key]: shown + PAGE }),
            }),
          )
        : key === '' && s.more
          ? // Server mode: the next page of matches from the server.
            actions(button({ label: t.showMoreServer, action: 'more', disabled: s.searching, onClick: () => void this.store?.loadMore() }))
          : nothing
    }`;
  }

  /** No query, no filter: the most used services, then every service in agency groups with counts. */
  #renderFirstView(s: CatalogState) {
    const t = this.t;
    const group = (g: AgencyGroup) => {
      const id = g.agency.id;
      const open = this.openGroups.has(id);
      const toggle = (e: Event) => {
        const now = (e.currentTarget as HTMLDetailsElement).open;
        if (now === open) return;
        const next = new Set(this.openGroups);
        if (now) next.add(id);
        else next.delete(id);
        this.openGroups = next;
      };
      return html`<li>
        <details part="group" data-agency=${id} ?open=${open} @toggle=${toggle}>
          <summary>
            <span class="group-name">${g.agency.shortName}</span> <span class="count">${t.agencyCount(g.services.length)}</span>
          </summary>
          ${open ? this.#renderResults(s, g.services, id, `${g.agency.shortName}: ${t.agencyCount(g.services.length)}`) : nothing}
        </details>
      </li>`;
    };
    return html`<h3 id="top-title">${t.mostUsed}</h3>
      ${this.#renderResults(s, s.results.slice(0, TOP), 'top', t.mostUsed, 'top-title')}
      <h3 id="groups-title">${t.byAgency}</h3>
      <ul class="groups" aria-labelledby="groups-title">
        ${groupByAgency(s.agencies, s.results).map(group)}
      </ul>`;
  }

  #renderEmpty(s: CatalogState) {
    const popular = [...s.services]
      .filter((x) => !s.agencyId || x.agencyId === s.agencyId)
      .sort((a, b) => b.dailyQuota - a.dailyQuota || a.name.localeCompare(b.name, 'id'))
      .slice(0, 4);
    return emptyResults({
      t: this.t,
      query: s.query.trim(),
      suggestions: s.suggestions,
      popular,
      onQuery: (q) => this.#setQuery(q, true),
      onOpen: (x) => this.#open(x),
    });
  }

  /** The opened service: its full record when fetched; meanwhile its name and a placeholder, or the error. */
  #renderDetail(id: string, s: CatalogState) {
    const svc: Service | null = s.detail?.id === id ? s.detail : null;
    if (!svc) {
      const summary = this.store?.summaryOf(id);
      return serviceDetailPending({
        t: this.t,
        name: summary?.name ?? null,
        onBack: this.#back,
        status:
          s.detailStatus === 'error'
            ? this.alert(s.detailError?.code, s.detailError?.code === 'service_not_found' ? undefined : () => this.store?.retryDetail())
            : skeletons('detail', 3, this.t.loadingDetail),
      });
    }
    return serviceDetail({
      t: this.t,
      locale: this.locale,
      service: svc,
      agency: s.agencies.find((a) => a.id === svc.agencyId),
      done: new Set(this.checked[svc.id] ?? []),
      onToggle: (i, on) => this.#toggle(svc.id, i, on),
      onBack: this.#back,
      onBook: () => this.#book(svc),
    });
  }
}
