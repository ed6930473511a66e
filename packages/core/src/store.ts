/** A framework-free observable value: the seam every view layer (Lit, React, Vue) adapts to. */
export interface ReadableStore<S> {
  getSnapshot(): S;
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: (state: S) => void): () => void;
}

/** A tiny store implementation: immutable snapshots, synchronous notification. */
export class Store<S> implements ReadableStore<S> {
  #state: S;
  #listeners = new Set<(s: S) => void>();
  constructor(initial: S) {
    this.#state = initial;
  }
  getSnapshot = (): S => this.#state;
  subscribe = (listener: (s: S) => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };
  protected set(patch: Partial<S>): void {
    this.#state = { ...this.#state, ...patch };
    for (const l of [...this.#listeners]) l(this.#state);
  }
}
