import { newIdempotencyKey } from '../http/client.js';
import { AbortError, InvalidResponseError, MppError, ProblemError, TimeoutError } from '../http/errors.js';
import type { Problem } from '../schemas/common.js';
import type { ComplaintReceipt, ComplaintRequest } from '../schemas/complaints.js';
import { Store, type ReadableStore } from '../store.js';
import type { ComplaintsApi } from './api.js';

/**
 * Where the outbox keeps its reports: four async calls, the shape of idb-keyval (`get`, `set`,
 * `del`, `keys`), so a widget backs it by IndexedDB and a test by a `Map`. Values are structured
 * clones (Blobs included). The outbox only touches keys that start with its `prefix`.
 */
export interface OutboxStorage {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
  keys(): Promise<readonly unknown[]>;
}

/** A photo of a queued report: its capture token, its bytes, and its id once the server has it. */
export interface OutboxPhoto {
  token: string;
  blob: Blob;
  id?: string;
}

export type OutboxStatus = 'pending' | 'failed' | 'sent';

/** A queued report as the widgets see it (the photos without their bytes). */
export interface OutboxEntry {
  idempotencyKey: string;
  request: Omit<ComplaintRequest, 'photoIds'>;
  /** Per photo: its capture token and, once uploaded, its id. */
  photos: ReadonlyArray<{ token: string; id: string | null }>;
  status: OutboxStatus;
  queuedAt: string;
  /** Attempts that ended in a retryable error (network, timeout, 5xx, 429). */
  attempts: number;
  /** When a pending report is due again (epoch ms); `null` when it is due now. */
  nextAttemptAt: number | null;
  /** Why a failed report was refused (a 4xx problem): shown to the citizen, never retried. */
  problem: Problem | null;
  /** The server's answer once the report is filed. */
  receipt: ComplaintReceipt | null;
}

export interface OutboxState {
  /** Oldest first. */
  items: readonly OutboxEntry[];
  pending: number;
  failed: number;
  sent: number;
  /** A flush is running. */
  flushing: boolean;
  /** The storage has been read (before that the counts are 0). */
  loaded: boolean;
  /** The earliest time a pending report is due again (epoch ms), for a widget's retry timer. */
  nextAttemptAt: number | null;
  /** The last retryable error of a flush (`network`, `timeout` or a 5xx code), cleared by a report sent. */
  lastError: { code: string; kind: MppError['kind'] } | null;
}

export interface NewOutboxReport {
  request: Omit<ComplaintRequest, 'photoIds'>;
  photos: ReadonlyArray<{ token: string; blob: Blob }>;
  /** Defaults to a fresh key; pass the draft's key so a report queued twice is still filed once. */
  idempotencyKey?: string;
}

export interface FlushResult {
  /** Reports filed by this run. */
  sent: number;
  /** Reports refused by this run (4xx). */
  failed: number;
  /** Reports still waiting (retryable error or not yet due). */
  pending: number;
}

export interface ComplaintOutboxOptions {
  api: Pick<ComplaintsApi, 'uploadPhoto' | 'create'>;
  storage: OutboxStorage;
  /** Key prefix in the storage. Default `si-badra-outbox:`. */
  prefix?: string;
  now?: () => number;
  /**
   * Delay before a report that met a retryable error is due again: `baseMs × 2^(attempts−1)`,
   * at most `maxMs`, times a random factor in [0.5, 1] so many phones do not retry in step.
   * Default 2 s up to 5 min.
   */
  backoff?: { baseMs?: number; maxMs?: number };
  random?: () => number;
  /** Milliseconds before one upload or create is given up as a timeout (retried later). Default 60 000. */
  timeoutMs?: number;
}

export interface ComplaintOutbox {
  readonly store: ReadableStore<OutboxState>;
  /** Reads the storage (once; every other call waits for it). */
  load(): Promise<void>;
  /** Queues a report durably (its photos' bytes first, then the report). Does not send: call `flush`. */
  add(report: NewOutboxReport): Promise<OutboxEntry>;
  /**
   * Sends every pending report that is due (all of them with `force`, e.g. when the connection
   * returns): uploads the photos not uploaded yet, saving each id as it arrives, then files the
   * report with its Idempotency-Key. One run at a time: a call during a run shares that run.
   */
  flush(options?: { force?: boolean }): Promise<FlushResult>;
  /** Forgets a report (a failed one the citizen gave up on, or a sent one whose code was shown). */
  remove(idempotencyKey: string): Promise<void>;
}

/** What the storage holds per report (the photos' bytes are kept under their own keys). */
interface StoredItem {
  v: 1;
  idempotencyKey: string;
  request: Omit<ComplaintRequest, 'photoIds'>;
  photos: Array<{ token: string; id: string | null }>;
  status: OutboxStatus;
  queuedAt: string;
  attempts: number;
  nextAttemptAt: number | null;
  problem: Problem | null;
  receipt: ComplaintReceipt | null;
}

class OutboxStore extends Store<OutboxState> {
  update(patch: Partial<OutboxState>): void {
    this.set(patch);
  }
}

const isStoredItem = (v: unknown): v is StoredItem =>
  typeof v === 'object' && v !== null && (v as StoredItem).v === 1 && typeof (v as StoredItem).idempotencyKey === 'string';

/** Retryable: no answer, a timeout, 5xx or 429, or an answer that is not the contract's with no 4xx status (a proxy's page). */
function isRetryable(e: unknown): boolean {
  if (e instanceof ProblemError) return e.retryable;
  if (e instanceof InvalidResponseError) return e.status === undefined || e.status >= 500 || e.status === 429;
  if (e instanceof MppError) return e.kind === 'network' || e.kind === 'timeout';
  return false;
}

/** The problem a refused report keeps: the server's, or one made from a 4xx answer without a problem document. */
function problemOf(e: unknown): Problem {
  if (e instanceof ProblemError) return e.problem;
  const status = e instanceof InvalidResponseError && e.status !== undefined ? e.status : 400;
  const code = e instanceof MppError ? e.code : 'invalid_response';
  return { type: 'about:blank', title: e instanceof Error ? e.message : String(e), status, code };
}

/**
 * A durable queue of Si Badra reports to send, headless (no DOM): a report written offline, or
 * whose upload failed, is kept in `storage` and filed exactly once when `flush` gets through.
 * Exactly once rests on the server: a complaint is filed once per Idempotency-Key, and a photo
 * re-uploaded with the same capture token and bytes answers with its first receipt, so a lost
 * answer is safe to send again.
 */
export function createComplaintOutbox(options: ComplaintOutboxOptions): ComplaintOutbox {
  const { api, storage } = options;
  const prefix = options.prefix ?? 'si-badra-outbox:';
  const itemPrefix = `${prefix}item:`;
  const photoPrefix = `${prefix}photo:`;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const baseMs = options.backoff?.baseMs ?? 2000;
  const maxMs = options.backoff?.maxMs ?? 300_000;
  const timeoutMs = options.timeoutMs ?? 60_000;
  const photoKey = (key: string, i: number) => `${photoPrefix}${key}:${i}`;
  /** Runs one request with its own deadline; the deadline passing is a timeout, not an abort. */
  const timed = async <T>(call: (signal: AbortSignal) => Promise<T>): Promise<T> => {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      return await call(signal);
    } catch (e) {
      throw e instanceof AbortError && signal.aborted ? new TimeoutError(timeoutMs, e) : e;
    }
  };

  const items = new Map<string, StoredItem>();
  const store = new OutboxStore({
    items: [],
    pending: 0,
    failed: 0,
    sent: 0,
    flushing: false,
    loaded: false,
    nextAttemptAt: null,
    lastError: null,
  });
  let loading: Promise<void> | null = null;
  let running: Promise<FlushResult> | null = null;

  const publish = (patch: Partial<OutboxState> = {}) => {
    const list = [...items.values()].sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
    const entries: OutboxEntry[] = list.map((i) => ({ ...i, photos: i.photos.map((p) => ({ ...p })) }));
    const pending = list.filter((i) => i.status === 'pending');
    const due = pending.map((i) => i.nextAttemptAt).filter((t): t is number => t !== null);
    store.update({
      items: entries,
      pending: pending.length,
      failed: list.filter((i) => i.status === 'failed').length,
      sent: list.filter((i) => i.status === 'sent').length,
      nextAttemptAt: pending.length && due.length === pending.length ? Math.min(...due) : null,
      ...patch,
    });
  };

  const save = async (item: StoredItem) => {
    await storage.set(itemPrefix + item.idempotencyKey, item);
    items.set(item.idempotencyKey, item);
  };

  const load = () =>
    (loading ??= (async () => {
      const keys = (await storage.keys()).filter((k): k is string => typeof k === 'string' && k.startsWith(prefix));
      for (const k of keys.filter((k) => k.startsWith(itemPrefix))) {
        const v = await storage.get(k);
        if (isStoredItem(v)) items.set(v.idempotencyKey, v);
      }
      // Bytes of a report that was never fully queued, or already sent: nothing points at them.
      for (const k of keys.filter((k) => k.startsWith(photoPrefix))) {
        const rest = k.slice(photoPrefix.length);
        const owner = items.get(rest.slice(0, rest.lastIndexOf(':')));
        if (!owner || owner.status === 'sent') await storage.del(k);
      }
      publish({ loaded: true });
    })());

  const add = async (report: NewOutboxReport): Promise<OutboxEntry> => {
    await load();
    const key = report.idempotencyKey ?? newIdempotencyKey();
    const known = items.get(key);
    if (!known) {
      for (const [i, p] of report.photos.entries()) await storage.set(photoKey(key, i), p.blob);
      await save({
        v: 1,
        idempotencyKey: key,
        request: report.request,
        photos: report.photos.map((p) => ({ token: p.token, id: null })),
        status: 'pending',
        queuedAt: new Date(now()).toISOString(),
        attempts: 0,
        nextAttemptAt: null,
        problem: null,
        receipt: null,
      });
      publish();
    }
    return store.getSnapshot().items.find((i) => i.idempotencyKey === key)!;
  };

  /** Sends one report; resolves with its new status. Storage errors propagate (nothing is lost: the item stays pending). */
  const send = async (item: StoredItem): Promise<OutboxStatus> => {
    try {
      const photos = [...item.photos];
      for (const [i, p] of photos.entries()) {
        if (p.id) continue;
        const blob = await storage.get(photoKey(item.idempotencyKey, i));
        if (!(blob instanceof Blob)) {
          // Cleared by the browser (storage pressure): the citizen has to take the photo again.
          const detail = `The bytes of photo ${i + 1} are no longer stored on this device`;
          await save({ ...item, status: 'failed', problem: { type: 'about:blank', title: detail, status: 400, code: 'photo_missing' } });
          publish();
          return 'failed';
        }
        const receipt = await timed((signal) => api.uploadPhoto(p.token, blob, { signal }));
        photos[i] = { ...p, id: receipt.id };
        item = { ...item, photos: [...photos] };
        await save(item);
        publish();
      }
      const request = { ...item.request, photoIds: photos.map((p) => p.id!) };
      const receipt = await timed((signal) => api.create(request, { idempotencyKey: item.idempotencyKey, signal }));
      await save({ ...item, status: 'sent', receipt, nextAttemptAt: null, problem: null });
      for (const i of photos.keys()) await storage.del(photoKey(item.idempotencyKey, i));
      publish({ lastError: null });
      return 'sent';
    } catch (e) {
      if (!(e instanceof MppError)) throw e;
      if (isRetryable(e)) {
        const attempts = item.attempts + 1;
        const delay = Math.min(maxMs, baseMs * 2 ** (attempts - 1)) * (0.5 + random() / 2);
        await save({ ...item, attempts, nextAttemptAt: now() + Math.round(delay) });
        publish({ lastError: { code: e.code, kind: e.kind } });
        return 'pending';
      }
      await save({ ...item, status: 'failed', problem: problemOf(e), nextAttemptAt: null });
      publish();
      return 'failed';
    }
  };

  const run = async (force: boolean): Promise<FlushResult> => {
    await load();
    const tried = new Set<string>();
    const result: FlushResult = { sent: 0, failed: 0, pending: 0 };
    store.update({ flushing: true });
    try {
      // Reports queued during the run are sent by it too; each report is tried once per run.
      for (;;) {
        const t = now();
        const next = [...items.values()]
          .filter((i) => i.status === 'pending' && !tried.has(i.idempotencyKey) && (force || (i.nextAttemptAt ?? 0) <= t))
          .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt))[0];
        if (!next) break;
        tried.add(next.idempotencyKey);
        const status = await send(next);
        if (status === 'sent') result.sent++;
        else if (status === 'failed') result.failed++;
      }
    } finally {
      result.pending = [...items.values()].filter((i) => i.status === 'pending').length;
      publish({ flushing: false });
    }
    return result;
  };

  const flush = ({ force = false }: { force?: boolean } = {}) =>
    (running ??= run(force).finally(() => {
      running = null;
    }));

  const remove = async (key: string) => {
    await load();
    const item = items.get(key);
    if (!item) return;
    if (running && item.status === 'pending') await running.catch(() => undefined);
    await storage.del(itemPrefix + key);
    for (const i of item.photos.keys()) await storage.del(photoKey(key, i));
    items.delete(key);
    publish();
  };

  return { store, load, add, flush, remove };
}
