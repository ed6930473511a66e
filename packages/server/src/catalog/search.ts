/**
 * The catalog's compact index and its server-side search, made per app (`createCatalogParts`).
 *
 * Invariants of this speed-up:
 * - the results are exactly core's `createCatalogIndex` over the same records, in the same order,
 *   as a browser holding the whole catalog would compute them (one ranking, in core);
 * - everything cached is keyed by the catalog version (`catalogVersion`): a change to any agency or
 *   service is seen by the next request, on every instance;
 * - one index build per version at a time (concurrent requests share it); memory is bounded (one
 *   version's index, a few hundred recent queries);
 * - a page ranks only what it shows plus one (the ranking is prefix-stable: the top 20 are the
 *   first 20 of the top 1,000), so a keystroke costs what the same search costs in a browser.
 */
import {
  byUse,
  CATALOG_SHIP_LIMIT,
  createCatalogIndex,
  summarizeService,
  type Agency,
  type CatalogIndex,
  type ServiceSummary,
} from '@mpp-kit/core';
import type { Sql } from '../db/types.js';
import { catalogVersion, listAgencies, listServices } from './repository.js';

/** Recent result lists kept per version (paging through one query recomputes nothing). */
const RECENT_QUERIES = 256;

interface Built {
  version: string;
  agencies: Agency[];
  /** Every service as the index ships it, by name: the order a device builds its index in. */
  byName: ServiceSummary[];
  /** The same, most used first: the list of an empty query (core's `byUse`, as in a browser). */
  used: ServiceSummary[];
  /** Core's index over `byName`: exactly what a device holding the shipped index computes. */
  index: CatalogIndex<ServiceSummary>;
  recent: Map<string, { found: ServiceSummary[]; suggestions: string[] }>;
}

const byName = (a: ServiceSummary, b: ServiceSummary) => a.name.localeCompare(b.name, 'id');

export class CatalogSearch {
  #built: Promise<Built> | null = null;

  /** The catalog at its current version, loaded and indexed once per version. */
  async current(db: Sql, known?: string): Promise<Built> {
    const version = known ?? (await catalogVersion(db));
    const have = this.#built;
    if (have) {
      const b = await have.catch(() => null);
      if (b && b.version === version) return b;
      if (this.#built !== have) return this.current(db, version);
    }
    const p = (async (): Promise<Built> => {
      const [agencies, { items }] = await Promise.all([listAgencies(db), listServices(db, { limit: 1_000_000, offset: 0 })]);
      const sorted = items.map(summarizeService).sort(byName);
      // The index over the summaries in the order the index ships them (ties rank in that order).
      const index = createCatalogIndex(sorted, agencies);
      return { version, agencies, byName: sorted, used: [...sorted].sort(byUse), index, recent: new Map() };
    })();
    this.#built = p;
    p.catch(() => {
      if (this.#built === p) this.#built = null;
    });
    return p;
  }

  /**
   * A page of the matches of `q` in the scope, best first (the whole scope most used first for an
   * empty query), and whether more follow. Only the first `offset + limit + 1` are ranked: the ranking
   * is prefix-stable, so a page is exactly that part of the full list.
   */
  async search(
    db: Sql,
    q: string,
    agency: string | null,
    page: { offset: number; limit: number },
    version?: string,
  ): Promise<{ version: string; items: ServiceSummary[]; more: boolean; suggestions: string[]; agencies: Agency[] }> {
    const b = await this.current(db, version);
    const want = page.offset + page.limit + 1;
    const key = `${agency ?? '*'}|${want}|${q}`;
    let hit = b.recent.get(key);
    if (!hit) {
      if (!q.trim()) {
        const all = agency ? b.used.filter((s) => s.agencyId === agency) : b.used;
        hit = { found: all.slice(0, want), suggestions: [] };
      } else {
        const found = b.index.search(q, { agencyId: agency, limit: want });
        hit = { found, suggestions: found.length ? [] : b.index.suggest(q, 3) };
      }
      if (b.recent.size >= RECENT_QUERIES) b.recent.delete(b.recent.keys().next().value!);
      b.recent.set(key, hit);
    }
    const items = hit.found.slice(page.offset, page.offset + page.limit);
    const ids = new Set(items.map((s) => s.agencyId));
    return {
      version: b.version,
      items,
      agencies: b.agencies.filter((a) => ids.has(a.id)),
      more: hit.found.length > page.offset + page.limit,
      suggestions: hit.suggestions,
    };
  }

  /**
   * The compact index of the scope: every service as a summary, by name, or none (`remote`) when
   * the scope has more than `CATALOG_SHIP_LIMIT` (it is searched here instead).
   */
  async index(
    db: Sql,
    agency: string | null,
    version?: string,
  ): Promise<{ agencies: Agency[]; services: ServiceSummary[]; total: number; remote: boolean }> {
    const b = await this.current(db, version);
    const services = agency ? b.byName.filter((s) => s.agencyId === agency) : b.byName;
    const agencies = agency ? b.agencies.filter((a) => a.id === agency) : b.agencies;
    const remote = services.length > CATALOG_SHIP_LIMIT;
    return { agencies: remote ? [] : agencies, services: remote ? [] : services, total: services.length, remote };
  }
}
