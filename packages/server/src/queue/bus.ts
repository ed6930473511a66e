/**
 * Live queue changes inside one server process: SSE streams subscribe per queue and day. With
 * PostgreSQL, `notify()` also sends a NOTIFY so other instances re-publish (see `listenPostgres`).
 */
export type QueueListener = (eventId: number) => void;

export class QueueBus {
  #listeners = new Map<string, Set<QueueListener>>();
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
    for (const fn of [...(this.#listeners.get(key) ?? [])]) fn(eventId);
  }
  get size(): number {
    let n = 0;
    for (const s of this.#listeners.values()) n += s.size;
    return n;
  }
}

export const busKey = (queueId: string, date: string) => `${queueId}|${date}`;
