import type { Http, RequestOptions } from '../http/client.js';
import { Agency, AgencyList, Service, ServiceList } from '../schemas/catalog.js';
import type { ServiceQuery } from '../schemas/catalog.js';
import { CatalogIndexResponse, CatalogSearchResult, type CatalogSearchQuery, type ServiceSummary } from '../schemas/catalog-index.js';

/**
 * The compact catalog of one scope as the device keeps it: what search and the list need, with the
 * validator to revalidate it (a repeat visit costs one 304).
 */
export interface CatalogIndexSnapshot {
  agencies: Agency[];
  /** Every service of the scope as a summary; empty when `remote` (the scope is searched on the server). */
  services: ServiceSummary[];
  total: number;
  remote: boolean;
  etag: string | null;
  /** When the snapshot was fetched or last revalidated (ISO instant). */
  checkedAt: string;
}

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
   * The compact index of the scope (`GET /catalog/index`), or `previous` as it is when the server
   * answers 304 to its ETag.
   */
  loadIndex(
    scope?: { agency?: string | null },
    previous?: CatalogIndexSnapshot | null,
    options?: RequestOptions,
  ): Promise<CatalogIndexSnapshot>;
  /** A page of server-side search (`GET /catalog/search`): the same ranking as `createCatalogIndex` in a browser. */
  search(query: CatalogSearchQuery, options?: RequestOptions): Promise<CatalogSearchResult>;
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
    async loadIndex(scope = {}, previous = null, o = {}) {
      const res = await http.getConditional('catalog/index', CatalogIndexResponse, previous?.etag ?? null, {
        ...o,
        searchParams: { agency: scope.agency ?? undefined },
      });
      const checkedAt = now().toISOString();
      if (!res.modified) return { ...previous!, checkedAt };
      const { agencies, services, total, remote } = res.data;
      return { agencies, services, total, remote, etag: res.etag, checkedAt };
    },
    search: (q, o = {}) => http.get('catalog/search', CatalogSearchResult, { ...o, searchParams: { ...q } }),
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
