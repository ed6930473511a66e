import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Env } from '../context.js';
import type { QueueBus } from './bus.js';

/** Seconds between keep-alive comments on an idle stream (proxies drop silent connections). */
const KEEP_ALIVE_MS = 25_000;

export interface LiveFeed<T extends { version: number }> {
  bus: QueueBus;
  /** The bus key the stream follows. */
  key: string;
  /** SSE `event` name. */
  event: string;
  /** The state at `version` (null: the current one). Shared by every stream of the same version. */
  load(version: number | null): Promise<T>;
}

/** The Last-Event-ID a client resumes from (header, or `lastEventId` for EventSource polyfills), else -1. */
export function lastEventId(c: Context<Env>): number {
  const raw = c.req.header('last-event-id') ?? c.req.query('lastEventId') ?? '';
  return /^\d{1,15}$/.test(raw) ? Number(raw) : -1;
}

/**
 * A Server-Sent Events stream of a versioned state: the current state first (unless the client
 * already has it, by Last-Event-ID), then the newest state after each bus event, never the same
 * version twice, a keep-alive comment when idle; it ends with the client or with the bus.
 */
export function liveStream<T extends { version: number }>(c: Context<Env>, feed: LiveFeed<T>): Response {
  const { bus } = feed;
  const lastSeen = lastEventId(c);
  c.header('cache-control', 'no-store');
  c.header('x-accel-buffering', 'no');
  return streamSSE(
    c,
    async (stream) => {
      let sent = lastSeen;
      let pending = 0;
      let wake: (() => void) | null = null;
      const unsubscribe = bus.subscribe(feed.key, (eventId) => {
        pending = Math.max(pending, eventId);
        wake?.();
      });
      const offClose = bus.onClose(() => {
        void stream.abort();
        wake?.();
      });
      stream.onAbort(() => wake?.());
      const send = async (version: number | null) => {
        const state = await feed.load(version);
        if (state.version <= sent && sent >= 0) return;
        sent = state.version;
        await stream.writeSSE({ id: String(state.version), event: feed.event, data: JSON.stringify(state), retry: 3000 });
      };
      try {
        await send(null);
        while (!stream.aborted && !stream.closed && !bus.closed) {
          if (!pending) {
            let timer: ReturnType<typeof setTimeout> | undefined;
            await new Promise<void>((resolve) => {
              wake = resolve;
              timer = setTimeout(resolve, KEEP_ALIVE_MS);
            });
            clearTimeout(timer);
            wake = null;
          }
          if (stream.aborted || stream.closed || bus.closed) break;
          if (pending) {
            const v = pending;
            pending = 0;
            if (v > sent) await send(v);
          } else {
            await stream.write(': keep-alive\n\n');
          }
        }
      } finally {
        unsubscribe();
        offClose();
      }
    },
    async (err, stream) => {
      // A stream that fails (database gone at shutdown, client gone) just ends; no 5xx to explain.
      c.get('deps').logger.warn('sse_stream_ended', { error: err.name, key: feed.key });
      await stream.abort();
    },
  );
}
