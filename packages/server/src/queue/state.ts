import type { QueueState } from '@mpp-kit/core';
import type { Sql } from '../db/types.js';
import { queueFacts, queueVersion } from './repository.js';
import { queueStateOf } from './rules.js';

/** The public state of a queue's day now (numbers only, never names or identities). */
export async function queueState(db: Sql, queueId: string, date: string, now: Date): Promise<QueueState> {
  return queueStateOf(queueId, date, now, await queueFacts(db, queueId, date, now));
}

/**
 * One state computation per queue version, shared by every SSE stream of this app watching it:
 * an event names its version, so 2,000 watchers cost one set of queries, not 2,000.
 */
export class QueueStates {
  readonly #cache = new Map<string, Promise<QueueState>>();

  async get(db: Sql, queueId: string, date: string, now: Date, version: number | null): Promise<QueueState> {
    const v = version ?? (await queueVersion(db, queueId, date));
    const key = `${queueId}|${date}|${v}`;
    let p = this.#cache.get(key);
    if (!p) {
      p = queueState(db, queueId, date, now);
      this.#cache.set(key, p);
      p.catch(() => this.#cache.delete(key));
      if (this.#cache.size > 500) this.#cache.delete(this.#cache.keys().next().value!);
    }
    return p;
  }
}
