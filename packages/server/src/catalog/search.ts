/**
 * The catalog's compact index and its server-side search, made per app (`createCatalogParts`).
 *
 * Invariants of this speed-up:
 * - the results are exactly core's `createCatalogIndex` over the same records, in the same order,
 *   as a browser holding the whole catalog would compute them (one ranking, in core);
 * - everything cached is keyed by the catalog version (`catalogVersion`): a change to any agency or
 *   service is seen by the next request, on every instance;
 * - one index build per version at a time (concurrent requests share it); memory is bounded (one
 *   version's index, a few hundred recent queries).
 */
import { createCatalogIndex, type Agency, type CatalogIndex, type Service, type ServiceSummary } from '@mpp-kit/core';
import type { Sql } from '../db/types.js';
import { catalogVersion, listAgencies, listServices } from './repository.js';

/** Recent result lists kept per version (paging through one query recomputes nothing). */
const RECENT_QUERIES = 256;

export const toSummary = (s: Service): ServiceSummary => ({
  id: s.id,
  agencyId: s.agencyId,
  name: s.name,
  aliases: s.aliases,
  summary: s.summary,
  product: s.product,
  onlineQueue: s.onlineQueue,
  queuePrefix: s.queuePrefix,
});

interface Built {
  version: string;
  agencies: Agency[];
  services: Service[];
  index: CatalogIndex;
  recent: Map<string, { ids: ServiceSummary[]; suggestions: string[] }>;
}

const byName = (a: Service, b: Service) => a.name.localeCompare(b.name, 'id');

export class CatalogSearch {
  #built: Promise<Built> | null = null;

  /** The catalog at its current version, loaded and indexed once per version. */
  async current(db: Sql): Promise<Built> {
    const version = await catalogVersion(db);
    const have = this.#built;
    if (have) {
      const b = await have.catch(() => null);
      if (b && b.version === version) return b;
      if (this.#built !== have) return this.current(db);
    }
    const p = (async (): Promise<Built> => {
      const [agencies, { items: services }] = await Promise.all([listAgencies(db), listServices(db, { limit: 1_000_000, offset: 0 })]);
      return { version, agencies, services, index: createCatalogIndex(services, agencies), recent: new Map() };
    })();
    this.#built = p;
    p.catch(() => {
      if (this.#built === p) this.#built = null;
    });
    return p;
  }

  /** Every match of `q` in the scope, best first (the whole scope by name for an empty query). */
  async search(db: Sql, q: string, agency: string | null): Promise<{ version: string; items: ServiceSummary[]; suggestions: string[] }> {
    const b = await this.current(db);
    const key = `${agency ?? '*'}|${q}`;
    let hit = b.recent.get(key);
    if (!hit) {
      if (!q.trim()) {
        const all = agency ? b.services.filter((s) => s.agencyId === agency) : [...b.services];
        hit = { ids: all.sort(byName).map(toSummary), suggestions: [] };
      } else {
        const found = b.index.search(q, { agencyId: agency, limit: b.services.length });
        hit = { ids: found.map(toSummary), suggestions: found.length ? [] : b.index.suggest(q, 3) };
      }
      if (b.recent.size >= RECENT_QUERIES) b.recent.delete(b.recent.keys().next().value!);
      b.recent.set(key, hit);
    }
    return { version: b.version, items: hit.ids, suggestions: hit.suggestions };
  }
}
