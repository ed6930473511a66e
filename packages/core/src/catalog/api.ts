import type { Http, RequestOptions } from '../http/client.js';
import { Agency, AgencyList, Service, ServiceList } from '../schemas/catalog.js';
import type { ServiceQuery } from '../schemas/catalog.js';

/** The whole catalog of one scope (all agencies, or one agency), with the validators to revalidate it. */
export interface CatalogSnapshot {
  agencies: Agency[];
  services: Service[];
  /** ETag of the agency list and of the first service page: the server derives both from the catalog version. */
  etags: { agencies: string | null; services: string | null };
  /** When the snapshot was fetched or last revalidated (ISO instant). */
  checkedAt: string;
}

const PAGE = 500;

export interface CatalogApi {
  listAgencies(options?: RequestOptions): Promise<AgencyList>;
  getAgency(id: string, options?: RequestOptions): Promise<Agency>;
  listServices(query?: ServiceQuery, options?: RequestOptions): Promise<ServiceList>;
  getService(id: string, options?: RequestOptions): Promise<Service>;
  /**
   * Loads every agency and every service of the scope (paging through the list), or revalidates
   * `previous` with conditional requests: when nothing changed the server answers 304 and the
   * previous snapshot is returned as it is, so a repeat visit costs two tiny requests.
   */
  loadAll(scope?: { agency?: string | null }, previous?: CatalogSnapshot | null, options?: RequestOptions): Promise<CatalogSnapshot>;
}

export function createCatalogApi(http: Http, now: () => Date = () => new Date()): CatalogApi {
  const enc = encodeURIComponent;
  return {
    listAgencies: (o) => http.get('agencies', AgencyList, o),
    getAgency: (id, o) => http.get(`agencies/${enc(id)}`, Agency, o),
    listServices: (q = {}, o = {}) => http.get('services', ServiceList, { ...o, searchParams: { ...q } }),
    getService: (id, o) => http.get(`services/${enc(id)}`, Service, o),
    async loadAll(scope = {}, previous = null, o = {}) {
      const agency = scope.agency ?? undefined;
      const [agencies, first] = await Promise.all([
        http.getConditional('agencies', AgencyList, previous?.etags.agencies ?? null, o),
        http.getConditional('services', ServiceList, previous?.etags.services ?? null, {
          ...o,
          searchParams: { agency, limit: PAGE, offset: 0 },
        }),
      ]);
      const checkedAt = now().toISOString();
      if (previous && !agencies.modified && !first.modified) return { ...previous, checkedAt };
      let services: Service[];
      if (first.modified) {
        services = [...first.data.items];
        while (services.length < first.data.total) {
          const next = await http.get('services', ServiceList, { ...o, searchParams: { agency, limit: PAGE, offset: services.length } });
          if (next.items.length === 0) break;
          services.push(...next.items);
        }
      } else {
        services = previous?.services ?? [];
      }
      return {
        agencies: agencies.modified ? agencies.data.items : (previous?.agencies ?? []),
        services,
        etags: {
          agencies: agencies.modified ? agencies.etag : (previous?.etags.agencies ?? null),
          services: first.modified ? first.etag : (previous?.etags.services ?? null),
        },
        checkedAt,
      };
    },
  };
}
