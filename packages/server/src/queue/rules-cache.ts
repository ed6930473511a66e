import type { DayClosure, DayHours, IsoDate } from '@mpp-kit/core';
import type { Sql } from '../db/types.js';
import { loadClosures, loadHours, loadService, rulesVersion, type ServiceForQueue } from './repository.js';

/** Everything that decides whether a date or slot of a service is bookable, at one rules version. */
export interface ServiceRules {
  version: number;
  svc: ServiceForQueue;
  hours: Map<number, DayHours>;
  closures: Map<IsoDate, DayClosure>;
}

/**
 * The queue rules of services, cached per server instance. The database keeps a rules version
 * that triggers bump on every change of services, hours, queue rules, offices or holidays (also
 * by another instance or by hand in SQL). Readers either check the version first (one tiny
 * query) or, on the booking path, hand the cached version to `mpp_book_batch`, which refuses a stale one.
 */
export class RulesCache {
  #version = -1;
  #entries = new Map<string, Promise<ServiceRules>>();

  /** The current rules version in the database; drops every entry cached at an older one. */
  async refresh(db: Sql): Promise<number> {
    const v = await rulesVersion(db);
    if (v !== this.#version) {
      this.#entries.clear();
      this.#version = v;
    }
    return v;
  }

  /**
   * A service's rules. `verify` (default) checks the version first; without it a cached entry is
   * returned as is, for callers that let the database check the version (`mpp_book_batch`).
   */
  async get(db: Sql, serviceId: string, verify = true): Promise<ServiceRules> {
    if (verify || this.#version < 0) await this.refresh(db);
    let p = this.#entries.get(serviceId);
    if (!p) {
      p = this.#load(db, serviceId, this.#version);
      this.#entries.set(serviceId, p);
      p.catch(() => this.#entries.delete(serviceId));
    }
    return p;
  }

  async #load(db: Sql, serviceId: string, version: number): Promise<ServiceRules> {
    // The version was read before the rows: rows newer than their tag only cost a retry.
    const svc = await loadService(db, serviceId);
    const [hours, closures] = await Promise.all([loadHours(db, svc), loadClosures(db, svc)]);
    return { version, svc, hours, closures };
  }
}
