/**
 * On-the-fly response compression for GET answers of at least {@link COMPRESS_MIN_BYTES}: API JSON,
 * and in demo mode the examples and docs that have no precompressed copy. Brotli (quality 4) when
 * the client accepts it, else gzip, by `Accept-Encoding` (q=0 refuses a coding); the encoders are
 * Node's own zlib. The CDN bundle is compressed at build time (brotli and gzip copies beside each
 * file) and served as it is.
 *
 * Invariants of this speed-up (it replaced `hono/compress`, whose WHATWG `CompressionStream` cost
 * about 2–3 ms per answer in stream plumbing, more than the search it carried, and offers no
 * brotli on Node 20):
 * - an answer is compressed only when complete in memory (the handlers build JSON and the demo's
 *   small files whole): encoding a 20-result search page takes ~0.1 ms, synchronously, and the
 *   answer keeps a `Content-Length` (Node writes it directly, no chunked stream);
 * - a response that already has a `Content-Encoding` is left alone, and so are server-sent events
 *   (`text/event-stream` is never compressible: a compressor holds events back), 204, 206, 304 and
 *   HEAD, and every answer to a write (POST, PUT, PATCH, DELETE): the booking path takes the
 *   morning's rush and its answer (~2.3 KB with the ticket's QR) goes to one phone once;
 * - every compressible answer says `Vary: Accept-Encoding`, compressed or not; its ETag is kept (the
 *   catalog's are weak, so they hold across encodings).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Env } from '../context.js';

/**
 * The smallest GET answer worth compressing. Under it compression saves a few hundred bytes at most
 * (the whole answer already fits one TCP packet of ~1.4 KB, so no round trip is saved). A queue's state, an agency, the health check and
 * problems stay under it; availability (~24 KB for 14 days), the catalog lists and a ticket's
 * position (~2.3 KB, most of it the QR path) are compressed.
 */
export const COMPRESS_MIN_BYTES = 1024;

type Coding = 'br' | 'gzip';

/** The coding to send for an `Accept-Encoding` header: brotli first, then gzip; null for identity. */
export function pickCoding(header: string | undefined): Coding | null {
  const q = new Map<string, number>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qp = params.map((x) => x.trim()).find((x) => x.startsWith('q='));
    const v = qp ? Number(qp.slice(2)) : 1;
    q.set(name, Number.isFinite(v) ? v : 0);
  }
  const ok = (c: Coding) => (q.get(c) ?? (q.has('*') ? q.get('*')! : 0)) > 0;
  return ok('br') ? 'br' : ok('gzip') ? 'gzip' : null;
}

const encoders: Record<Coding, (b: Buffer) => Buffer> = {
  br: (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 4, [constants.BROTLI_PARAM_SIZE_HINT]: b.length } }),
  gzip: (b) => gzipSync(b, { level: 6 }),
};

const NO_BODY = new Set([204, 206, 304]);

/** Merges `Vary` tokens, keeping each once. */
const mergeVary = (...values: Array<string | number | string[] | undefined | null>): string => {
  const seen = new Map<string, string>();
  for (const v of values.flat()) {
    if (v === undefined || v === null) continue;
    for (const t of String(v).split(',')) {
      const token = t.trim();
      if (token && !seen.has(token.toLowerCase())) seen.set(token.toLowerCase(), token);
    }
  }
  return [...seen.values()].join(', ');
};

/** Whether the answer is text the compressor may take (and not already encoded or streamed). */
const compressible = (res: Response): boolean => {
  const h = res.headers;
  const type = h.get('content-type');
  return Boolean(type && COMPRESSIBLE_CONTENT_TYPE_REGEX.test(type)) && !h.has('content-encoding') && !h.has('transfer-encoding');
};

/** Replaces the answer with `body`, keeping status and headers (`c.res = undefined` first: Hono would wrap it again). */
function replaceBody(c: Context<Env>, body: Buffer, headers: Headers): void {
  const { status, statusText } = c.res;
  headers.set('content-length', String(body.byteLength));
  c.res = undefined as unknown as Response;
  // zlib's buffers own plain ArrayBuffers (never shared memory).
  c.res = new Response(body as Uint8Array<ArrayBuffer>, { status, statusText, headers });
}

/**
 * `Vary` may also have been written straight onto Node's response (`Vary: Origin` for a CORS list,
 * by `requestBasics`); Node lets the answer's own headers replace those, so both get the merged list.
 */
function keepVary(c: Context<Env>): void {
  const outgoing = c.env?.outgoing;
  const own = c.res.headers.get('vary');
  if (!own || !outgoing?.getHeader('vary')) return;
  const merged = mergeVary(outgoing.getHeader('vary'), own);
  outgoing.setHeader('vary', merged);
  c.res.headers.set('vary', merged);
}

/** The compression middleware; mounted once for the whole app (API and demo files). */
export function compression(o: { threshold?: number } = {}): MiddlewareHandler<Env> {
  const threshold = o.threshold ?? COMPRESS_MIN_BYTES;
  return async (c, next) => {
    // Write answers (a booking, a cancellation, a counter's call) are never compressed: each is
    // one answer to one client, a few KB at most, on the path that takes the morning's rush.
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    await next();
    const res = c.res;
    if (res.body && !NO_BODY.has(res.status) && compressible(res)) {
      // `Vary` tells a shared cache to keep the identity copy apart from an encoded one.
      res.headers.set('vary', mergeVary(res.headers.get('vary'), 'Accept-Encoding'));
      const coding = c.req.method === 'GET' ? pickCoding(c.req.header('accept-encoding')) : null;
      if (coding) {
        const raw = Buffer.from(await res.arrayBuffer());
        const headers = new Headers(res.headers);
        if (raw.length < threshold) replaceBody(c, raw, headers);
        else {
          headers.set('content-encoding', coding);
          replaceBody(c, encoders[coding](raw), headers);
        }
      }
    }
    keepVary(c);
  };
}
