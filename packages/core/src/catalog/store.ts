import type { MppError } from '../http/errors.js';
import { AbortError, isMppError, InvalidResponseError } from '../http/errors.js';
import type { Agency, Service } from '../schemas/catalog.js';
import { Store } from '../store.js';
import type { CatalogApi, CatalogSnapshot } from './api.js';
import { createCatalogIndex, type CatalogIndex } from './search.js';

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
  /** Services matching query and filter, best first (all of the scope, by name, when the query is empty). */
  results: readonly Service[];
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
  /** Maximum results kept in `results` for a query. Default 50. */
  limit?: number;
}

const byName = (a: Service, b: Service) => a.name.localeCompare(b.name, 'id');

/** The catalog flow: load (cache first, then revalidate), search as you type, filter, open one service. */
export class CatalogStore extends Store<CatalogState> {
  #index: CatalogIndex | null = null;
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
      suggestions: [],
      selectedId: null,
      error: null,
      stale: false,
    });
    this.#fixedAgency = agencyId;
    this.#limit = options.limit ?? 50;
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
    const s = this.getSnapshot();
    const agencies = this.#fixedAgency ? snap.agencies.filter((a) => a.id === this.#fixedAgency) : snap.agencies;
    this.set({ ...patch, agencies, services: snap.services, ...this.#compute(s.query, s.agencyId, snap.services) });
  }

  #compute(query: string, agencyId: string | null, services = this.getSnapshot().services): Pick<CatalogState, 'results' | 'suggestions'> {
    if (!this.#index) return { results: [], suggestions: [] };
    if (!query.trim()) {
      const all = agencyId ? services.filter((s) => s.agencyId === agencyId) : [...services];
      return { results: all.sort(byName), suggestions: [] };
    }
    const results = this.#index.search(query, { agencyId, limit: this.#limit });
    return { results, suggestions: results.length ? [] : this.#index.suggest(query, 3) };
  }
}
