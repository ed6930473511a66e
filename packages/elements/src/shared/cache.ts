import { createStore, get, set, type UseStore } from 'idb-keyval';
import type { CatalogCache, CatalogIndexSnapshot } from '@mpp-kit/core';

/**
 * The compact catalog kept on the device in IndexedDB (through idb-keyval, a maintained 600-byte
 * wrapper): the list shows at once on a repeat visit, then one conditional request revalidates it;
 * offline the copy is searched as it is. IndexedDB holds the snapshot as a structured clone (no
 * JSON string to parse on a slow phone) and has room for a large catalog where localStorage's
 * 5 MB and synchronous writes do not.
 *
 * Private modes and blocked storage are ignored: the widget then simply loads from the network.
 * The database is opened on first use, not when the module loads.
 */
export function indexedDbCache(): CatalogCache {
  let store: UseStore | null = null;
  const open = () => (store ??= createStore('mpp-kit', 'catalog'));
  return {
    async get(key) {
      try {
        return await get<CatalogIndexSnapshot>(key, open());
      } catch {
        return undefined;
      }
    },
    async set(key, value) {
      try {
        await set(key, value, open());
      } catch {
        /* full or unavailable */
      }
    },
  };
}
