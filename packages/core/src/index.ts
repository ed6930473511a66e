/**
 * @packageDocumentation
 * `@mpp-kit/core` — the headless SDK of mpp-kit: the API contract (zod/mini), one HTTP layer with
 * typed errors, and the client logic of the catalog (later: queue, complaints, survey) as
 * framework-free stores. No DOM in domain logic and no human-language strings: errors carry codes.
 */
export * from './schemas/index.js';
export * from './http/errors.js';
export { createHttp, newIdempotencyKey } from './http/client.js';
export type { Http, HttpOptions, RequestOptions, Conditional } from './http/client.js';
export { createClient } from './client.js';
export type { ClientOptions, MppClient } from './client.js';
export { Store } from './store.js';
export type { ReadableStore } from './store.js';
export { createCatalogApi } from './catalog/api.js';
export type { CatalogApi, CatalogSnapshot } from './catalog/api.js';
export { CatalogStore } from './catalog/store.js';
export type { CatalogCache, CatalogState, CatalogStatus, CatalogStoreOptions } from './catalog/store.js';
export { createCatalogIndex, normalizeIndonesian } from './catalog/search.js';
export type { CatalogIndex, SearchOptions } from './catalog/search.js';
