import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadableStore } from '@mpp-kit/core';

/**
 * Adapts a core store to Lit: re-renders the host on every change, unsubscribes when disconnected.
 * `store` keeps its own type (`StoreController<TicketFlowState, TicketFlow>`), so a view calls the
 * store's commands through it. Added to a connected host, it subscribes at once (Lit calls
 * `hostConnected`).
 */
export class StoreController<S, T extends ReadableStore<S> = ReadableStore<S>> implements ReactiveController {
  #unsubscribe: (() => void) | null = null;
  value: S;
  constructor(
    private readonly host: ReactiveControllerHost,
    readonly store: T & ReadableStore<S>,
  ) {
    this.value = store.getSnapshot();
    host.addController(this);
  }
  hostConnected(): void {
    this.#unsubscribe?.();
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
