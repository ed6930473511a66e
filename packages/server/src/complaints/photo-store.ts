/**
 * Where complaint photos are kept, behind one small interface: a folder by default (the data
 * folder's `photos/`), and any store with the same two calls in production (an S3-compatible
 * bucket: `put` is a PutObject, `get` a GetObject; see docs/complaints.md). Photos reach the store
 * already stripped of their metadata; ids are random, so a file name reveals nothing.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface PhotoStore {
  put(id: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or null when there is no such photo. */
  get(id: string): Promise<Uint8Array | null>;
}

const SAFE_ID = /^ph_[\w-]{22}$/;

/** Photos as files in `dir` (created when missing). */
export function folderPhotoStore(dir: string): PhotoStore {
  let ready: Promise<unknown> | null = null;
  return {
    async put(id, bytes) {
      if (!SAFE_ID.test(id)) throw new Error('bad photo id');
      ready ??= mkdir(dir, { recursive: true });
      await ready;
      await writeFile(join(dir, id), bytes, { flag: 'wx' });
    },
    async get(id) {
      if (!SAFE_ID.test(id)) return null;
      try {
        return new Uint8Array(await readFile(join(dir, id)));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw e;
      }
    },
  };
}

/** Photos in this process's memory: an in-memory database's companion (tests, throwaway demos). */
export function memoryPhotoStore(): PhotoStore {
  const files = new Map<string, Uint8Array>();
  return {
    put: async (id, bytes) => void files.set(id, bytes),
    get: async (id) => files.get(id) ?? null,
  };
}
