import { randomUUID } from 'node:crypto';
import type { Db } from '../db/types.js';

/**
 * Live queue changes inside one server process: SSE streams subscribe per queue and day. With
 * PostgreSQL, `notify()` also sends a NOTIFY so other instances re-publish (see `listenPostgres`).
 */
export type QueueListener = (eventId: number) => void;

const CHANNEL = 'mpp_queue';
const NOTIFY_BATCH_MS = 5;

export class QueueBus {
  #listeners = new Map<string, Set<QueueListener>>();
  #db: Pick<Db, 'notify' | 'listen'> | null = null;
  #unlisten: (() => Promise<void>) | null = null;
  /** Tells this instance's own NOTIFYs apart from other instances'. */
  readonly #origin = randomUUID();
  #closed = false;
  #onClose = new Set<() => void>();
  /** NOTIFYs not sent yet: the newest event id per queue key (a stream only needs the newest). */
  #unsent = new Map<string, number>();
  #flushTimer: ReturnType<typeof setTimeout> | null = null;

  /**
   * Shares the bus with every server instance on the same database: publishes also NOTIFY, and
   * NOTIFYs from other instances are delivered to this instance's streams.
   */
  async attach(db: Pick<Db, 'notify' | 'listen'>): Promise<void> {
    this.#db = db;
    this.#unlisten = await db.listen(CHANNEL, (payload) => {
      const m = /^([^ ]+) (.+)#(\d+)$/.exec(payload);
      if (m && m[1] !== this.#origin) this.#deliver(m[2]!, Number(m[3]));
    });
  }

  async detach(): Promise<void> {
    await this.#flush();
    await this.#unlisten?.();
    this.#unlisten = null;
    this.#db = null;
  }
  subscribe(key: string, fn: QueueListener): () => void {
    let set = this.#listeners.get(key);
    if (!set) this.#listeners.set(key, (set = new Set()));
    set.add(fn);
    return () => {
      set!.delete(fn);
      if (set!.size === 0) this.#listeners.delete(key);
    };
  }
  publish(key: string, eventId: number): void {
    this.#deliver(key, eventId);
    // Other instances hear it through NOTIFY; this one already delivered (streams skip repeats).
    // A burst (300 bookings in a second) becomes one NOTIFY per queue per few milliseconds.
    if (!this.#db) return;
    this.#unsent.set(key, Math.max(eventId, this.#unsent.get(key) ?? 0));
    this.#flushTimer ??= setTimeout(() => void this.#flush(), NOTIFY_BATCH_MS);
  }

  async #flush(): Promise<void> {
    if (this.#flushTimer) clearTimeout(this.#flushTimer);
    this.#flushTimer = null;
    const db = this.#db;
    const batch = [...this.#unsent];
    this.#unsent.clear();
    if (!db) return;
    await Promise.all(batch.map(([key, id]) => db.notify(CHANNEL, `${this.#origin} ${key}#${id}`).catch(() => undefined)));
  }

  #deliver(key: string, eventId: number): void {
    for (const fn of [...(this.#listeners.get(key) ?? [])]) fn(eventId);
  }
  /** Ends every open stream (server shutdown). */
  close(): void {
    this.#closed = true;
    for (const fn of [...this.#onClose]) fn();
    this.#onClose.clear();
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Runs `fn` when the bus closes; returns the unregister function. */
  onClose(fn: () => void): () => void {
    this.#onClose.add(fn);
    return () => this.#onClose.delete(fn);
  }

  get size(): number {
    let n = 0;
    for (const s of this.#listeners.values()) n += s.size;
    return n;
  }
}

export const busKey = (queueId: string, date: string) => `${queueId}|${date}`;
