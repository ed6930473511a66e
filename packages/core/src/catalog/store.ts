import type { MppError } from '../http/errors.js';
import { AbortError, isMppError, InvalidResponseError } from '../http/errors.js';
import type { Agency, Service } from '../schemas/catalog.js';
import type { ServiceSummary } from '../schemas/catalog-index.js';
import { Store } from '../store.js';
import type { CatalogApi, CatalogIndexSnapshot } from './api.js';
import { createCatalogIndex, normalizeIndonesian, type CatalogIndex } from './search.js';
import { INDEX_STOPWORDS, NOISE_WORDS } from './synonyms.js';
import { elsewhereMatcher, SERVED_ELSEWHERE, type ServedElsewhere } from './elsewhere.js';

export type { ServedElsewhere } from './elsewhere.js';

/**
 * Where the compact catalog survives reloads and offline visits (IndexedDB, localStorage, a file…).
 * The store writes a snapshot after each change and reads it before the first request.
 */
export interface CatalogCache {
  get(key: string): Promise<CatalogIndexSnapshot | undefined> | CatalogIndexSnapshot | undefined;
  set(key: string, value: CatalogIndexSnapshot): Promise<void> | void;
}

export type CatalogStatus = 'idle' | 'loading' | 'ready' | 'error';

/** Where a query is answered: in this device over the shipped index, or by the server (a scope above `CATALOG_SHIP_LIMIT`). */
export type CatalogSearchMode = 'local' | 'server';

export interface CatalogState {
  status: CatalogStatus;
  /** The agencies of the scope (server mode: those of the results seen so far). */
  agencies: readonly Agency[];
  /** Every service of the scope as a summary (`local` mode); empty in `server` mode. */
  services: readonly ServiceSummary[];
  /** Services in the scope (in `server` mode the count on the server). */
  total: number;
  mode: CatalogSearchMode;
  /** The search text as typed; kept through errors and retries. */
  query: string;
  /** Selected agency filter; fixed when the store was created for one agency. */
  agencyId: string | null;
  /**
   * Services matching query and filter, best first; with an empty query, all of the scope, most
   * used first (see `byUse`). Local: every match, up to `MAX_RESULTS` (then `truncated` is true).
   * Server: the pages fetched so far (`more` says whether `loadMore()` has more).
   */
  results: readonly ServiceSummary[];
  /** The query matched more than `MAX_RESULTS` services: the citizen should say more. */
  truncated: boolean;
  /** Server mode: more matches than `results` holds; `loadMore()` fetches the next page. */
  more: boolean;
  /** Server mode: a search for the current query is on its way (results are the previous query's). */
  searching: boolean;
  /**
   * What the query names that this catalog does not serve, with where it is served ("bpjs"). When
   * the query says nothing else, `results` is empty.
   */
  elsewhere: readonly ServedElsewhere[];
  /** "Did you mean" suggestions when the query finds nothing. */
  suggestions: readonly string[];
  /** The service opened in the detail view. */
  selectedId: string | null;
  /** The full record of `selectedId`, fetched when it is opened (`detailStatus`). */
  detail: Service | null;
  detailStatus: CatalogStatus;
  detailError: MppError | null;
  error: MppError | null;
  /** True when the data shown came from the cache and could not be revalidated (offline). */
  stale: boolean;
}

export interface CatalogStoreOptions {
  /** Only this agency's services are loaded and the agency filter is fixed. */
  agency?: string | null;
  cache?: CatalogCache;
  /** Prefix of the cache key (default `mpp-kit:catalog:v2`); include the API base when a page talks to several servers. */
  cacheKey?: string;
  /** Maximum results kept in `results` for a query. Default and maximum `MAX_RESULTS`. */
  limit?: number;
  /** What citizens ask for that other offices serve. Default `SERVED_ELSEWHERE`; `[]` turns the answer off. */
  elsewhere?: readonly ServedElsewhere[];
  /** Server mode: typing pauses this long (ms) before a request is sent. Default 200. */
  debounceMs?: number;
  /** Server mode: results per request. Default 50. */
  pageSize?: number;
}

/** The most results a query keeps (the search's own bound); a broader query sets `truncated`. */
export const MAX_RESULTS = 1000;

/**
 * "Most used first" for the catalog's first view. The contract has no visit counts; the online
 * queue's daily quota is what each agency sized to the demand it sees (KTP-el and vehicle tax 150 a
 * day, a rare permit 20), so it is the proxy: higher quota first, then by name. Services with no
 * online queue (quota 0) come last, by name. The server's empty search uses the same order.
 */
export const byUse = (a: Pick<ServiceSummary, 'dailyQuota' | 'name'>, b: Pick<ServiceSummary, 'dailyQuota' | 'name'>): number =>
  b.dailyQuota - a.dailyQuota || a.name.localeCompare(b.name, 'id');

/**
 * Whether a query only names what is served elsewhere ("bpjs", "daftar bpjs"): then no service here
 * is the answer ("bpjs" found the Haji registration). With other words ("pajak listrik") the results
 * stay, under the notice. One rule for both modes.
 */
function onlyNamesElsewhere(query: string, elsewhere: readonly ServedElsewhere[]): boolean {
  if (!elsewhere.length) return false;
  const named = new Set(elsewhere.flatMap((e) => e.aliases.flatMap((a) => normalizeIndonesian(a).split(' '))));
  return !normalizeIndonesian(query)
    .split(' ')
    .some((w) => w && !named.has(w) && !NOISE_WORDS.has(w) && !INDEX_STOPWORDS.has(w));
}

type Computed = Pick<CatalogState, 'results' | 'suggestions' | 'truncated' | 'elsewhere' | 'more' | 'searching'>;
const NOTHING: Computed = { results: [], suggestions: [], truncated: false, elsewhere: [], more: false, searching: false };

/**
 * The catalog flow: load the compact index (device cache first, then one conditional request),
 * search as you type (in the device, or on the server for a catalog too large to ship), filter,
 * open one service (its full record fetched then).
 */
export class CatalogStore extends Store<CatalogState> {
  /** Built on the first query, not on load: the first view (most used, by agency) needs no index. */
  #index: CatalogIndex<ServiceSummary> | null = null;
  #elsewhere: ((query: string) => ServedElsewhere[]) | null = null;
  #snapshot: CatalogIndexSnapshot | null = null;
  #abort: AbortController | null = null;
  #searchAbort: AbortController | null = null;
  #detailAbort: AbortController | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  /** Full records fetched in this session, by id. */
  readonly #details = new Map<string, Service>();
  readonly #fixedAgency: string | null;
  readonly #limit: number;

  constructor(
    private readonly api: CatalogApi,
    private readonly options: CatalogStoreOptions = {},
  ) {
    const agencyId = options.agency ?? null;
    super({
      status: 'idle',
      agencies: [],
      services: [],
      total: 0,
      mode: 'local',
      query: '',
      agencyId,
      ...NOTHING,
      selectedId: null,
      detail: null,
      detailStatus: 'idle',
      detailError: null,
      error: null,
      stale: false,
    });
    this.#fixedAgency = agencyId;
    this.#limit = Math.min(options.limit ?? MAX_RESULTS, MAX_RESULTS);
  }

  /** Cache key of this scope; `options.cacheKey` separates several APIs on one origin. */
  get cacheKey(): string {
    return `${this.options.cacheKey ?? 'mpp-kit:catalog:v2'}:${this.#fixedAgency ?? '*'}`;
  }

  /** Shows the cached index at once (if any), then revalidates it against the server. */
  async load(): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const previous = await Promise.resolve()
      .then(() => this.options.cache?.get(this.cacheKey))
      .then(
        (v) => (v && Array.isArray(v.services) && Array.isArray(v.agencies) ? v : null),
        () => null,
      );
    if (abort.signal.aborted) return;
    if (previous && (previous.services.length || previous.remote)) this.#apply(previous, { status: 'ready', stale: true });
    else this.set({ status: 'loading', error: null });
    try {
      const snap = await this.api.loadIndex({ agency: this.#fixedAgency }, previous, { signal: abort.signal });
      if (abort.signal.aborted) return;
      if (snap.etag !== previous?.etag || !this.#snapshot) this.#apply(snap, { status: 'ready', stale: false, error: null });
      else this.set({ status: 'ready', stale: false, error: null });
      try {
        await this.options.cache?.set(this.cacheKey, snap);
      } catch {
        /* a full or unavailable cache is not an error for the citizen */
      }
    } catch (e) {
      if (abort.signal.aborted || e instanceof AbortError) return;
      const error = isMppError(e) ? e : new InvalidResponseError(String(e), undefined, e);
      // With cached data the citizen keeps searching; the error only marks it stale.
      if (this.#snapshot) this.set({ error, stale: true, status: 'ready' });
      else this.set({ status: 'error', error });
    }
  }

  /** The retry button: loads again, or (server mode, index loaded) asks the server again. The query is kept. */
  retry(): Promise<void> {
    const s = this.getSnapshot();
    if (s.mode === 'server' && this.#snapshot && s.status === 'ready' && !s.stale) return this.#remote(s.query, s.agencyId, []);
    return this.load();
  }

  setQuery(query: string): void {
    this.set({ query, ...this.#compute(query, this.getSnapshot().agencyId) });
  }

  setAgency(agencyId: string | null): void {
    if (this.#fixedAgency) return;
    this.set({ agencyId, ...this.#compute(this.getSnapshot().query, agencyId) });
  }

  /** Server mode: fetches the next page of the current query's results (no-op when there is none). */
  async loadMore(): Promise<void> {
    const s = this.getSnapshot();
    if (s.mode !== 'server' || !s.more || s.searching) return;
    await this.#remote(s.query, s.agencyId, s.results);
  }

  /** Opens a service (or closes the detail view with `null`); its full record is fetched once. */
  select(serviceId: string | null): void {
    this.#detailAbort?.abort();
    if (!serviceId) {
      this.set({ selectedId: null, detail: null, detailStatus: 'idle', detailError: null });
      return;
    }
    const have = this.#details.get(serviceId);
    if (have) {
      this.set({ selectedId: serviceId, detail: have, detailStatus: 'ready', detailError: null });
      return;
    }
    this.set({ selectedId: serviceId, detail: null, detailStatus: 'loading', detailError: null });
    const abort = (this.#detailAbort = new AbortController());
    this.api.getService(serviceId, { signal: abort.signal }).then(
      (svc) => {
        if (abort.signal.aborted) return;
        this.#details.set(serviceId, svc);
        this.set({ detail: svc, detailStatus: 'ready' });
      },
      (e: unknown) => {
        if (abort.signal.aborted || e instanceof AbortError) return;
        this.set({ detailStatus: 'error', detailError: isMppError(e) ? e : new InvalidResponseError(String(e), undefined, e) });
      },
    );
  }

  /** Fetches the open service's record again after an error. */
  retryDetail(): void {
    this.select(this.getSnapshot().selectedId);
  }

  /** The summary of a service of the scope, when this device knows it (loaded, or among the results). */
  summaryOf(serviceId: string | null | undefined): ServiceSummary | null {
    if (!serviceId) return null;
    const s = this.getSnapshot();
    return s.services.find((x) => x.id === serviceId) ?? s.results.find((x) => x.id === serviceId) ?? this.#details.get(serviceId) ?? null;
  }

  agencyOf(service: Pick<ServiceSummary, 'agencyId'>): Agency | null {
    return this.getSnapshot().agencies.find((a) => a.id === service.agencyId) ?? null;
  }

  dispose(): void {
    this.#abort?.abort();
    this.#searchAbort?.abort();
    this.#detailAbort?.abort();
    if (this.#timer) clearTimeout(this.#timer);
  }

  #apply(snap: CatalogIndexSnapshot, patch: Partial<CatalogState>): void {
    this.#snapshot = snap;
    this.#index = null;
    this.#elsewhere = null;
    const s = this.getSnapshot();
    const agencies = this.#fixedAgency ? snap.agencies.filter((a) => a.id === this.#fixedAgency) : snap.agencies;
    const mode: CatalogSearchMode = snap.remote ? 'server' : 'local';
    this.set({ ...patch, agencies, services: snap.remote ? [] : snap.services, total: snap.total, mode });
    this.set(this.#compute(s.query, s.agencyId));
  }

  #matcher(): (query: string) => ServedElsewhere[] {
    const snap = this.#snapshot!;
    // In server mode the device knows the agencies only; a service named like an entry is the server's to find.
    return (this.#elsewhere ??= elsewhereMatcher(this.options.elsewhere ?? SERVED_ELSEWHERE, snap.services, snap.agencies));
  }

  #compute(query: string, agencyId: string | null): Computed {
    const snap = this.#snapshot;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    this.#searchAbort?.abort();
    if (!snap) return NOTHING;
    const elsewhere = query.trim() ? this.#matcher()(query) : [];
    if (onlyNamesElsewhere(query, elsewhere)) return { ...NOTHING, elsewhere };
    if (snap.remote) {
      // The previous results stay on screen until the server answers.
      this.#timer = setTimeout(() => {
        this.#timer = null;
        void this.#remote(query, agencyId, []);
      }, this.options.debounceMs ?? 200);
      return { ...this.#pick(), elsewhere, searching: true };
    }
    const services = snap.services;
    if (!query.trim()) {
      const all = agencyId ? services.filter((s) => s.agencyId === agencyId) : [...services];
      return { ...NOTHING, results: all.sort(byUse) };
    }
    const index = (this.#index ??= createCatalogIndex(services, snap.agencies));
    const results = index.search(query, { agencyId, limit: this.#limit });
    return {
      ...NOTHING,
      results,
      truncated: results.length >= MAX_RESULTS,
      elsewhere,
      suggestions: results.length || elsewhere.length ? [] : index.suggest(query, 3),
    };
  }

  #pick(): Pick<CatalogState, 'results' | 'suggestions' | 'truncated' | 'more'> {
    const { results, suggestions, truncated, more } = this.getSnapshot();
    return { results, suggestions, truncated, more };
  }

  /** Server mode: one page of `query` after `have`; stale answers (the query changed) are dropped. */
  async #remote(query: string, agencyId: string | null, have: readonly ServiceSummary[]): Promise<void> {
    this.#searchAbort?.abort();
    const abort = (this.#searchAbort = new AbortController());
    const limit = Math.min(this.options.pageSize ?? 50, 100);
    this.set({ searching: true });
    try {
      const page = await this.api.search({ q: query, agency: agencyId ?? undefined, limit, offset: have.length }, { signal: abort.signal });
      if (abort.signal.aborted) return;
      const results = [...have, ...page.items].slice(0, this.#limit);
      const known = new Set(this.getSnapshot().agencies.map((a) => a.id));
      const agencies = [...this.getSnapshot().agencies, ...page.agencies.filter((a) => !known.has(a.id))];
      this.set({
        agencies,
        results,
        more: page.more && results.length < this.#limit,
        truncated: page.more && results.length >= this.#limit,
        suggestions: page.suggestions,
        searching: false,
        error: null,
      });
    } catch (e) {
      if (abort.signal.aborted || e instanceof AbortError) return;
      this.set({ searching: false, error: isMppError(e) ? e : new InvalidResponseError(String(e), undefined, e) });
    }
  }
}
