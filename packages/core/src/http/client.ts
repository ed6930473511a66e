import ky, { HTTPError, TimeoutError as KyTimeoutError, NetworkError as KyNetworkError, isKyError } from 'ky';
import type { KyInstance } from 'ky';
import * as z from 'zod/mini';
import { Problem } from '../schemas/common.js';
import { AbortError, InvalidResponseError, MppError, NetworkError, ProblemError, TimeoutError } from './errors.js';

export interface HttpOptions {
  /** API base, e.g. `https://mpp.kotabogor.go.id/api/v1/` (a trailing slash is added when missing). */
  baseUrl: string;
  /** A fetch implementation (tests, proxies, React Native). Defaults to the global fetch. */
  fetch?: typeof fetch;
  /** Milliseconds before a request gives up. Default 10 000. */
  timeout?: number;
  /** Aborts every request of this client (e.g. when a widget is removed). */
  signal?: AbortSignal;
  /** Retries for idempotent requests (GET/PUT/DELETE) on network errors and 408/429/5xx. Default 2. */
  retry?: number;
  /** Extra headers for every request (e.g. `Authorization` for staff clients). */
  headers?: Record<string, string>;
}

export interface RequestOptions {
  searchParams?: Record<string, string | number | boolean | undefined>;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** A conditional GET answer: either fresh data with its validator, or "what you have is current". */
export type Conditional<T> = { modified: true; data: T; etag: string | null } | { modified: false };

export interface Http {
  readonly baseUrl: string;
  get<T>(path: string, schema: z.ZodMiniType<T>, options?: RequestOptions): Promise<T>;
  /** GET with `If-None-Match`; a 304 answers `{ modified: false }`. */
  getConditional<T>(path: string, schema: z.ZodMiniType<T>, etag: string | null, options?: RequestOptions): Promise<Conditional<T>>;
  /** POST a create: never retried automatically; pass the same `idempotencyKey` to retry safely. */
  post<T>(path: string, body: unknown, schema: z.ZodMiniType<T>, options?: RequestOptions & { idempotencyKey?: string }): Promise<T>;
}

const clean = (p: RequestOptions['searchParams']) => {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(p ?? {})) if (v !== undefined && v !== '') out[k] = String(v);
  return out;
};

/** Creates the one HTTP layer every SDK call goes through. */
export function createHttp(options: HttpOptions): Http {
  const baseUrl = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const timeout = options.timeout ?? 10_000;
  const api: KyInstance = ky.create({
    baseUrl,
    timeout,
    fetch: options.fetch,
    headers: { accept: 'application/json, application/problem+json', ...options.headers },
    retry: { limit: options.retry ?? 2, methods: ['get', 'put', 'head', 'delete', 'options'], backoffLimit: 3000 },
    throwHttpErrors: (status) => status !== 304,
  });

  const signalFor = (s?: AbortSignal) => {
    const list = [options.signal, s].filter((x): x is AbortSignal => !!x);
    return list.length === 0 ? undefined : list.length === 1 ? list[0] : AbortSignal.any(list);
  };

  const parse = <T>(schema: z.ZodMiniType<T>, data: unknown, status: number): T => {
    const r = z.safeParse(schema, data);
    if (!r.success)
      throw new InvalidResponseError(`Response does not match the contract: ${r.error.issues[0]?.message ?? ''}`, status, r.error);
    return r.data;
  };

  const translate = async (e: unknown, signal?: AbortSignal): Promise<never> => {
    if (e instanceof MppError) throw e;
    if (signal?.aborted) throw new AbortError(e);
    if (e instanceof HTTPError) {
      let data: unknown = e.data;
      if (typeof data === 'string') {
        try {
          data = JSON.parse(data);
        } catch {
          /* not JSON */
        }
      }
      const p = z.safeParse(Problem, data);
      if (p.success) throw new ProblemError(p.data);
      throw new InvalidResponseError(`HTTP ${e.response.status} without a problem document`, e.response.status, e);
    }
    if (e instanceof KyTimeoutError) throw new TimeoutError(timeout, e);
    if (e instanceof KyNetworkError) throw new NetworkError(e);
    if (e instanceof DOMException && e.name === 'AbortError') throw new AbortError(e);
    if (e instanceof TypeError || isKyError(e)) throw new NetworkError(e);
    if (e instanceof SyntaxError) throw new InvalidResponseError('Response is not JSON', undefined, e);
    throw e;
  };

  const readJson = async (res: Response): Promise<unknown> => {
    try {
      return await res.json();
    } catch (e) {
      throw new InvalidResponseError('Response is not JSON', res.status, e);
    }
  };

  return {
    baseUrl,
    async get(path, schema, o = {}) {
      const signal = signalFor(o.signal);
      try {
        const res = await api.get(path, { searchParams: clean(o.searchParams), signal, headers: o.headers });
        return parse(schema, await readJson(res), res.status);
      } catch (e) {
        return translate(e, signal);
      }
    },
    async getConditional(path, schema, etag, o = {}) {
      const signal = signalFor(o.signal);
      try {
        const headers = { ...o.headers, ...(etag ? { 'if-none-match': etag } : {}) };
        const res = await api.get(path, { searchParams: clean(o.searchParams), signal, headers });
        if (res.status === 304) return { modified: false };
        return { modified: true, data: parse(schema, await readJson(res), res.status), etag: res.headers.get('etag') };
      } catch (e) {
        return translate(e, signal);
      }
    },
    async post(path, body, schema, o = {}) {
      const signal = signalFor(o.signal);
      try {
        const headers = { ...o.headers, ...(o.idempotencyKey ? { 'idempotency-key': o.idempotencyKey } : {}) };
        const res = await api.post(path, { json: body, signal, headers, searchParams: clean(o.searchParams) });
        return parse(schema, await readJson(res), res.status);
      } catch (e) {
        return translate(e, signal);
      }
    },
  };
}

/** A random key for `Idempotency-Key` headers. */
export const newIdempotencyKey = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
