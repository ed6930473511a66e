import type { CatalogCache, CatalogSnapshot } from '@mpp-kit/core';

/**
 * A catalog cache in localStorage: the catalog shows at once and works offline on the next visit.
 * Quota errors and private modes are ignored (the widget then simply loads from the network).
 */
export const localStorageCache: CatalogCache = {
  get(key) {
    try {
      const raw = globalThis.localStorage?.getItem(key);
      return raw ? (JSON.parse(raw) as CatalogSnapshot) : undefined;
    } catch {
      return undefined;
    }
  },
  set(key, value) {
    try {
      globalThis.localStorage?.setItem(key, JSON.stringify(value));
    } catch {
      /* full or unavailable */
    }
  },
};
