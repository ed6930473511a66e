import { createCatalogApi, type CatalogApi } from './catalog/api.js';
import { CatalogStore, type CatalogStoreOptions } from './catalog/store.js';
import { createHttp, type Http, type HttpOptions } from './http/client.js';
import { Health } from './schemas/common.js';
import { createQueueApi, type QueueApi } from './queue/api.js';
import { BookingFlow, type BookingFlowOptions } from './queue/booking-store.js';
import { TicketFlow, type TicketFlowOptions } from './queue/ticket-flow.js';
import { QueueWatcher, type QueueWatcherOptions } from './queue/watcher.js';

export type ClientOptions = HttpOptions;

export interface MppClient {
  readonly http: Http;
  readonly catalog: CatalogApi & {
    /** A new catalog flow store (search, filter, detail) over this client. */
    createStore(options?: CatalogStoreOptions): CatalogStore;
  };
  readonly queue: QueueApi & {
    /** A booking flow store (service → date → slot → identity → confirm → ticket). */
    createBookingFlow(options?: BookingFlowOptions): BookingFlow;
    /** A ticket flow store (load by code, reveal by phone, live position, cancel, reschedule). */
    createTicketFlow(options?: TicketFlowOptions): TicketFlow;
    /** A live watcher of one queue (and optionally one ticket's place in it). */
    watch(options: QueueWatcherOptions): QueueWatcher;
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
  const queue = createQueueApi(http);
  return {
    http,
    catalog: { ...api, createStore: (o) => new CatalogStore(api, o) },
    queue: {
      ...queue,
      createBookingFlow: (o) => new BookingFlow(queue, o),
      createTicketFlow: (o) => new TicketFlow(queue, o),
      watch: (o) => new QueueWatcher(queue, o),
    },
    health: (o) => http.get(new URL('/healthz', http.baseUrl).href, Health, o),
  };
}
