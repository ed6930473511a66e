/**
 * On-the-fly response compression (Hono's `hono/compress`: gzip or deflate by `Accept-Encoding`)
 * for answers of at least {@link COMPRESS_MIN_BYTES}: API JSON, and in demo mode the examples and
 * docs that have no precompressed copy. The CDN bundle is compressed at build time (brotli and
 * gzip copies beside each file) and served as it is: a response that already has a
 * `Content-Encoding` is left alone, and so are server-sent events (`text/event-stream` is never
 * compressible: a compressor holds events back until its buffer fills), 204, 206, 304 and HEAD,
 * and every answer to a write (POST, PUT, PATCH, DELETE): the booking path takes the morning's rush
 * and its answer (~2.3 KB with the ticket's QR) goes to one phone once.
 *
 * Brotli on the fly is not offered: `hono/compress` runs on the WHATWG `CompressionStream`, which
 * has no brotli on Node 20. Gzip is what every browser accepts and costs less CPU per request.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX, compress } from 'hono/compress';
import type { Env } from '../context.js';

/**
 * The smallest GET answer worth compressing. Under it gzip saves a few hundred bytes at most (its
 * header and warm-up eat much of the gain, and the whole answer already fits one TCP packet of
 * ~1.4 KB, so no round trip is saved), while each compressed answer costs about 0.25 ms of CPU
 * (`CompressionStream`; measured on a 2 KB answer). A queue's state, an agency, the health check and
 * problems stay under it; availability (~24 KB for 14 days), the catalog lists and a ticket's
 * position (~2.3 KB, most of it the QR path) are compressed.
 */
export const COMPRESS_MIN_BYTES = 1024;

const ACCEPTS_OFFERED = /(?:^|,)\s*(?:gzip|deflate|\*)\s*(?:[;,]|$)/i;
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

/**
 * Gives a compressible answer without a length (`c.json`, `c.html`) its `Content-Length`, so that
 * the compressor can leave small ones alone. The body is rebuilt from its bytes with a plain init,
 * which keeps @hono/node-server's direct write (no stream) for the answers left uncompressed.
 */
async function measure(c: Context<Env>): Promise<void> {
  const res = c.res;
  if (!res.body || NO_BODY.has(res.status) || res.headers.has('content-length') || !compressible(res)) return;
  const text = await res.text();
  const headers = res.headers;
  headers.set('content-length', String(Buffer.byteLength(text)));
  // `c.res = undefined` first: otherwise Hono wraps the new answer's body in a stream again.
  c.res = undefined as unknown as Response;
  c.res = new Response(text, { status: res.status, statusText: res.statusText, headers });
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
  const encode = compress({ threshold });
  return async (c, next) => {
    // Write answers (a booking, a cancellation, a counter's call) are never compressed: each is
    // one answer to one client, a few KB at most, on the path that takes the morning's rush.
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    if (!ACCEPTS_OFFERED.test(c.req.header('accept-encoding') ?? '')) {
      await next();
      // Nothing to encode for this client. `Vary` still tells a shared cache to keep this identity
      // copy apart from the gzip one another client gets.
      if (!NO_BODY.has(c.res.status) && compressible(c.res))
        c.res.headers.set('vary', mergeVary(c.res.headers.get('vary'), 'Accept-Encoding'));
      keepVary(c);
      return;
    }
    await encode(c, async () => {
      await next();
      if (c.req.method !== 'HEAD') await measure(c);
    });
    keepVary(c);
  };
}
