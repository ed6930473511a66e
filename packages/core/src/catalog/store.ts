import type { MppError } from '../http/errors.js';
import { AbortError, isMppError, InvalidResponseError } from '../http/errors.js';
import type { Agency, Service } from '../schemas/catalog.js';
import { Store } from '../store.js';
import type { CatalogApi, CatalogSnapshot } from './api.js';
import { createCatalogIndex, normalizeIndonesian, type CatalogIndex } from './search.js';
import { INDEX_STOPWORDS, NOISE_WORDS } from './synonyms.js';
import { elsewhereMatcher, SERVED_ELSEWHERE, type ServedElsewhere } from './elsewhere.js';

export type { ServedElsewhere } from './elsewhere.js';

/** Where a catalog snapshot survives reloads and offline visits (IndexedDB, localStorage, a file…). */
export interface CatalogCache {
  get(key: string): Promise<CatalogSnapshot | undefined> | CatalogSnapshot | undefined;
  set(key: string, value: CatalogSnapshot): Promise<void> | void;
}

export type CatalogStatus = 'idle' | 'loading' | 'ready' | 'error';

export interface CatalogState {
  status: CatalogStatus;
  agencies: readonly Agency[];
  services: readonly Service[];
  /** The search text as typed; kept through errors and retries. */
  query: string;
  /** Selected agency filter; fixed when the store was created for one agency. */
  agencyId: string | null;
  /**
   * Services matching query and filter, best first; with an empty query, all of the scope, most
   * used first (see `byUse`). Every match is here, up to `MAX_RESULTS` (then `truncated` is true).
   */
  results: readonly Service[];
  /** The query matched more than `MAX_RESULTS` services: the citizen should say more. */
  truncated: boolean;
  /**
   * What the query names that this catalog does not serve, with where it is served ("bpjs"). When
   * the query says nothing else, `results` is empty.
   */
  elsewhere: readonly ServedElsewhere[];
  /** "Did you mean" suggestions when the query finds nothing. */
  suggestions: readonly string[];
  /** The service opened in the detail view. */
  selectedId: string | null;
  error: MppError | null;
  /** True when the data shown came from the cache and could not be revalidated (offline). */
  stale: boolean;
}

export interface CatalogStoreOptions {
  /** Only this agency's services are loaded and the agency filter is fixed. */
  agency?: string | null;
  cache?: CatalogCache;
  /** Prefix of the cache key (default `mpp-kit:catalog:v1`); include the API base when a page talks to several servers. */
  cacheKey?: string;
  /** Maximum results kept in `results` for a query. Default and maximum `MAX_RESULTS`. */
  limit?: number;
  /** What citizens ask for that other offices serve. Default `SERVED_ELSEWHERE`; `[]` turns the answer off. */
  elsewhere?: readonly ServedElsewhere[];
}

/** The most results a query keeps (the search's own bound); a broader query sets `truncated`. */
export const MAX_RESULTS = 1000;

/**
 * "Most used first" for the catalog's first view. The contract has no visit counts; the online
 * queue's daily quota is what each agency sized to the demand it sees (KTP-el and vehicle tax 150 a
 * day, a rare permit 20), so it is the proxy: higher quota first, then by name. Services with no
 * online queue (quota 0) come last, by name.
 */
export const byUse = (a: Service, b: Service): number => b.dailyQuota - a.dailyQuota || a.name.localeCompare(b.name, 'id');

/** The catalog flow: load (cache first, then revalidate), search as you type, filter, open one service. */
export class CatalogStore extends Store<CatalogState> {
  #index: CatalogIndex | null = null;
  #elsewhere: (query: string) => ServedElsewhere[] = () => [];
  #abort: AbortController | null = null;
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
      query: '',
      agencyId,
      results: [],
      truncated: false,
      elsewhere: [],
      suggestions: [],
      selectedId: null,
      error: null,
      stale: false,
    });
    this.#fixedAgency = agencyId;
    this.#limit = Math.min(options.limit ?? MAX_RESULTS, MAX_RESULTS);
  }

  /** Cache key of this scope; `options.cacheKey` separates several APIs on one origin. */
  get cacheKey(): string {
    return `${this.options.cacheKey ?? 'mpp-kit:catalog:v1'}:${this.#fixedAgency ?? '*'}`;
  }

  /** Shows the cached catalog at once (if any), then revalidates against the server. */
  async load(): Promise<void> {
    this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const previous: CatalogSnapshot | null = await Promise.resolve()
      .then(() => this.options.cache?.get(this.cacheKey))
      .then(
        (v) => v ?? null,
        () => null,
      );
    if (previous && previous.services.length) this.#apply(previous, { status: 'ready', stale: true });
    else this.set({ status: 'loading', error: null });
    try {
      const snap = await this.api.loadAll({ agency: this.#fixedAgency }, previous, { signal: abort.signal });
      if (abort.signal.aborted) return;
      this.#apply(snap, { status: 'ready', stale: false, error: null });
      try {
        await this.options.cache?.set(this.cacheKey, snap);
      } catch {
        /* a full or unavailable cache is not an error for the citizen */
      }
    } catch (e) {
      if (abort.signal.aborted || e instanceof AbortError) return;
      const error = isMppError(e) ? e : new InvalidResponseError(String(e), undefined, e);
      // With cached data the citizen keeps searching; the error only marks it stale.
      if (this.getSnapshot().services.length) this.set({ error, stale: true, status: 'ready' });
      else this.set({ status: 'error', error });
    }
  }

  /** Same as `load`; named for the retry button. The query is kept. */
  retry(): Promise<void> {
    return this.load();
  }

  setQuery(query: string): void {
    this.set({ query, ...this.#compute(query, this.getSnapshot().agencyId) });
  }

  setAgency(agencyId: string | null): void {
    if (this.#fixedAgency) return;
    this.set({ agencyId, ...this.#compute(this.getSnapshot().query, agencyId) });
  }

  select(serviceId: string | null): void {
    this.set({ selectedId: serviceId });
  }

  /** The selected service, if it is loaded. */
  get selected(): Service | null {
    const s = this.getSnapshot();
    return s.services.find((x) => x.id === s.selectedId) ?? null;
  }

  agencyOf(service: Service): Agency | null {
    return this.getSnapshot().agencies.find((a) => a.id === service.agencyId) ?? null;
  }

  dispose(): void {
    this.#abort?.abort();
  }

  #apply(snap: CatalogSnapshot, patch: Partial<CatalogState>): void {
    this.#index = createCatalogIndex(snap.services, snap.agencies);
    this.#elsewhere = elsewhereMatcher(this.options.elsewhere ?? SERVED_ELSEWHERE, snap.services, snap.agencies);
    const s = this.getSnapshot();
    const agencies = this.#fixedAgency ? snap.agencies.filter((a) => a.id === this.#fixedAgency) : snap.agencies;
    this.set({ ...patch, agencies, services: snap.services, ...this.#compute(s.query, s.agencyId, snap.services) });
  }

  #compute(
    query: string,
    agencyId: string | null,
    services = this.getSnapshot().services,
  ): Pick<CatalogState, 'results' | 'suggestions' | 'truncated' | 'elsewhere'> {
    if (!this.#index) return { results: [], suggestions: [], truncated: false, elsewhere: [] };
    if (!query.trim()) {
      const all = agencyId ? services.filter((s) => s.agencyId === agencyId) : [...services];
      return { results: all.sort(byUse), suggestions: [], truncated: false, elsewhere: [] };
    }
    let results = this.#index.search(query, { agencyId, limit: this.#limit });
    const truncated = results.length >= MAX_RESULTS;
    const elsewhere = this.#elsewhere(query);
    if (elsewhere.length) {
      // The query only names what is served elsewhere ("bpjs", "daftar bpjs"): no service here is
      // the answer, so none is offered ("bpjs" found the Haji registration). With other words
      // ("pajak listrik") the results stay, under the notice.
      const named = new Set(elsewhere.flatMap((e) => e.aliases.flatMap((a) => normalizeIndonesian(a).split(' '))));
      const rest = normalizeIndonesian(query)
        .split(' ')
        .filter((w) => w && !named.has(w) && !NOISE_WORDS.has(w) && !INDEX_STOPWORDS.has(w));
      if (!rest.length) results = [];
    }
    return { results, truncated, elsewhere, suggestions: results.length || elsewhere.length ? [] : this.#index.suggest(query, 3) };
  }
}
