import type { Context, MiddlewareHandler } from 'hono';
import type { Env } from '../context.js';
import { ProblemException } from './problem.js';

/** The client went away before its body arrived: nobody to answer, nothing went wrong here. */
export class RequestAborted extends Error {
  constructor() {
    super('The request was aborted before its body arrived');
  }
}

/**
 * The request body as text, at most `limit` bytes (else `tooLarge()` is thrown, as soon as the
 * declared length or the bytes read pass it). Under Node it reads the socket's IncomingMessage
 * directly: building a WHATWG Request with a stream body for every POST cost about as much CPU as
 * the whole booking. Plain stream events: an async iterator costs several times more per request.
 */
async function readBody(c: Context<Env>, limit: number, tooLarge: () => Error): Promise<string> {
  return Buffer.from(await readBytes(c, limit, tooLarge)).toString('utf8');
}

/** The request body as bytes, at most `limit` (else `tooLarge()` is thrown as soon as it is passed). */
export async function readBytes(c: Context<Env>, limit: number, tooLarge: () => Error): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length') ?? NaN);
  if (declared > limit) throw tooLarge();
  const incoming = c.env?.incoming;
  if (!incoming || incoming.readableEnded || incoming.destroyed) {
    const buf = new Uint8Array(await c.req.arrayBuffer());
    if (buf.byteLength > limit) throw tooLarge();
    return buf;
  }
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        cleanup();
        incoming.pause();
        reject(tooLarge());
      } else chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks, size));
    };
    const onError = () => {
      cleanup();
      reject(new RequestAborted());
    };
    const onClose = () => {
      cleanup();
      reject(new RequestAborted());
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('close', onClose);
  });
}

/** A route template (`/api/v1/staff/complaints/{code}/photos/{id}/redaction`) as a pattern of one path segment per parameter. */
const templatePattern = (template: string) => new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\w+\}/g, '[^/]+')}$`);

/**
 * Every request with a body but those to `rawPaths` (route templates, `{param}` one segment):
 * size limit, JSON only, valid UTF-8, parsed once. Handlers read `c.get('body')`; the contract's
 * schemas then decide what each field may hold.
 */
export function jsonBody(limit: number, rawPaths: readonly string[] = []): MiddlewareHandler<Env> {
  const raw = rawPaths.map(templatePattern);
  return async (c, next) => {
    if (!['POST', 'PUT', 'PATCH'].includes(c.req.method)) return next();
    // Endpoints that take bytes (a photo) read their own body with their own limit.
    if (raw.some((r) => r.test(c.req.path))) return next();
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/(.+\+)?json\s*(;|$)/i.test(type))
      throw new ProblemException(415, 'unsupported_media_type', 'Send the body as application/json');
    const tooLarge = () => new ProblemException(413, 'payload_too_large', `The body must be at most ${limit} bytes`);
    const text = await readBody(c, limit, tooLarge);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new ProblemException(400, 'malformed_json', 'The body is not valid JSON');
    }
    c.set('body', body);
    await next();
  };
}
