import { useSyncExternalStore } from 'react';
import type { ReadableStore } from '@mpp-kit/core';

/** The current snapshot of an mpp-kit store; the component renders again on every change. */
export function useStore<S>(store: ReadableStore<S>): S {
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
