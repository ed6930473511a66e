import { createCatalogApi, type CatalogApi } from './catalog/api.js';
import { CatalogStore, type CatalogStoreOptions } from './catalog/store.js';
import { createHttp, type Http, type HttpOptions } from './http/client.js';
import { Health } from './schemas/common.js';

export type ClientOptions = HttpOptions;

export interface MppClient {
  readonly http: Http;
  readonly catalog: CatalogApi & {
    /** A new catalog flow store (search, filter, detail) over this client. */
    createStore(options?: CatalogStoreOptions): CatalogStore;
  };
  /** Server liveness (`/healthz` next to the API base). */
  health(options?: { signal?: AbortSignal }): Promise<Health>;
}

/**
 * Creates an SDK client for one mpp-kit API.
 *
 * ```ts
 * const client = createClient({ baseUrl: 'https://mpp.kotabogor.go.id/api/v1/' });
 * const { items } = await client.catalog.listServices({ agency: 'disdukcapil' });
 * ```
 */
export function createClient(options: ClientOptions): MppClient {
  const http = createHttp(options);
  const api = createCatalogApi(http);
  return {
    http,
    catalog: { ...api, createStore: (o) => new CatalogStore(api, o) },
    health: (o) => http.get(new URL('/healthz', http.baseUrl).href, Health, o),
  };
}
