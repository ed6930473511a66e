import type { Context } from 'hono';
import type { Clock, Env, Limit } from '../context.js';
import { ProblemException } from './problem.js';

/**
 * A count per key over a sliding window (two fixed windows, the older one weighted by how much of
 * it still overlaps), in this instance's memory, on the injected clock. Bounded: past `maxKeys`
 * keys, the stalest go first. Several instances each count their own share, so a limit is per
 * instance; the limits that must hold across instances (bookings per NIK and per phone) live in
 * the database.
 */
export class RateLimiter {
  readonly #entries = new Map<string, { window: number; count: number; previous: number }>();
  constructor(
    private readonly limit: Limit,
    private readonly clock: Clock,
    private readonly maxKeys = 50_000,
  ) {}

  /** Counts one hit for `key`; returns the seconds to wait when it is over the limit, else 0. */
  hit(key: string, count = true): number {
    const ms = this.limit.windowSeconds * 1000;
    const now = this.clock.now().getTime();
    const window = Math.floor(now / ms);
    let e = this.#entries.get(key);
    if (!e) {
      if (this.#entries.size >= this.maxKeys) this.#evict(window);
      e = { window, count: 0, previous: 0 };
    } else this.#entries.delete(key);
    this.#entries.set(key, e); // most recent last
    if (e.window !== window) {
      e.previous = e.window === window - 1 ? e.count : 0;
      e.count = 0;
      e.window = window;
    }
    const overlap = 1 - (now - window * ms) / ms;
    const used = e.count + e.previous * overlap;
    if (used >= this.limit.max) return Math.max(1, Math.ceil(((window + 1) * ms - now) / 1000));
    if (count) e.count++;
    return 0;
  }

  /** Whether `key` is over the limit now, without counting a hit. */
  blocked(key: string): number {
    return this.hit(key, false);
  }

  #evict(window: number) {
    for (const [k, e] of this.#entries) if (e.window < window - 1) this.#entries.delete(k);
    while (this.#entries.size >= this.maxKeys) this.#entries.delete(this.#entries.keys().next().value!);
  }
}

/** Throws the 429 problem with `Retry-After` when `wait` (seconds) is positive. */
export function throwIfLimited(wait: number, what: string): void {
  if (wait > 0)
    throw new ProblemException(429, 'rate_limited', `Too many ${what} from this address; try again later`, undefined, {
      'retry-after': String(wait),
    });
}

/**
 * The client's address: the socket's peer, or with `trustProxy` the nearest address in
 * X-Forwarded-For (set that only behind a proxy that writes the header itself).
 */
export function clientAddress(c: Context<Env>): string {
  if (c.get('deps').config.trustProxy) {
    const xff = c.req.header('x-forwarded-for');
    const last = xff?.split(',').pop()?.trim();
    if (last) return last;
  }
  return c.env?.incoming?.socket?.remoteAddress ?? 'local';
}
