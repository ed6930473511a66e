import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableStore } from '@mpp-kit/core';

/** Adapts a core store to Lit: re-renders the host on every change, unsubscribes when disconnected. */
export class StoreController<S> implements ReactiveController {
  #unsubscribe: (() => void) | null = null;
  value: S;
  constructor(
    private readonly host: ReactiveControllerHost,
    readonly store: ReadableStore<S>,
  ) {
    this.value = store.getSnapshot();
    host.addController(this);
  }
  hostConnected(): void {
    this.value = this.store.getSnapshot();
    this.#unsubscribe = this.store.subscribe((s) => {
      this.value = s;
      this.host.requestUpdate();
    });
  }
  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }
}
