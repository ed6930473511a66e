import * as z from 'zod/mini';
import type { MppError } from '../http/errors.js';
import { isMppError } from '../http/errors.js';
import { QueueState, type BookingStatus } from '../schemas/queue.js';
import { Store } from '../store.js';
import type { QueueApi } from './api.js';
import { estimateWaitMinutes } from './rules.js';

/** The part of the browser's EventSource the watcher uses (inject one in Node or tests). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: 'queue', listener: (e: { data: string; lastEventId?: string }) => void): void;
  addEventListener(type: 'open' | 'error', listener: () => void): void;
  close(): void;
}
export type EventSourceFactory = (url: string) => EventSourceLike;

export type WatchStatus = 'connecting' | 'live' | 'polling' | 'reconnecting' | 'stopped';

export interface WatchedTicket {
  code: string;
  number: number;
  /** Slot start instant (ISO) — the wait never ends before it. */
  startsAt: string;
}

export interface QueueWatchState {
  status: WatchStatus;
  queue: QueueState | null;
  /** For a watched ticket: tickets ahead and minutes to wait (null when not waiting). */
  ahead: number | null;
  estimatedWaitMinutes: number | null;
  /** The watched ticket's status as last known (`booked` until it leaves the waiting list). */
  ticketStatus: BookingStatus | null;
  /** The counter the watched ticket was called to (`Loket 3`), once it is known to be called. */
  ticketCounter: string | null;
  error: MppError | null;
}

export interface QueueWatcherOptions {
  queueId: string;
  date?: string;
  ticket?: WatchedTicket;
  /** EventSource constructor; default the global one. Without one the watcher polls. */
  eventSource?: EventSourceFactory | null;
  /** Polling interval when SSE is blocked (ms). Default 15 000. */
  pollMs?: number;
  now?: () => Date;
}

const CLOSED = 2;

/**
 * Live state of one queue (and optionally one ticket's place in it): Server-Sent Events with
 * resume, reconnecting with backoff; polling when SSE is unavailable or blocked by a proxy.
 */
export class QueueWatcher extends Store<QueueWatchState> {
  #es: EventSourceLike | null = null;
  #poll: ReturnType<typeof setInterval> | null = null;
  #retry: ReturnType<typeof setTimeout> | null = null;
  #failures = 0;
  #gotMessage = false;
  #lastEventId: string | null = null;
  #stopped = true;
  /** Bumped by every position asked for: an older answer arriving late is dropped. */
  #asked = 0;
  readonly #factory: EventSourceFactory | null;

  constructor(
    private readonly api: QueueApi,
    private readonly options: QueueWatcherOptions,
  ) {
    super({
      status: 'stopped',
      queue: null,
      ahead: null,
      estimatedWaitMinutes: null,
      ticketStatus: options.ticket ? 'booked' : null,
      ticketCounter: null,
      error: null,
    });
    const Native = (globalThis as { EventSource?: new (url: string) => EventSourceLike }).EventSource;
    this.#factory = options.eventSource !== undefined ? options.eventSource : Native ? (url) => new Native(url) : null;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.set({ status: 'connecting' });
    void this.refresh();
    this.#connect();
  }

  stop(): void {
    this.#stopped = true;
    this.#es?.close();
    this.#es = null;
    if (this.#poll) clearInterval(this.#poll);
    if (this.#retry) clearTimeout(this.#retry);
    this.#poll = this.#retry = null;
    this.set({ status: 'stopped' });
  }

  /** Fetches the state once over plain HTTP (also the polling step). */
  async refresh(): Promise<void> {
    try {
      const q = await this.api.queue(this.options.queueId, this.options.date);
      this.#apply(q);
      if (this.getSnapshot().error) this.set({ error: null });
    } catch (e) {
      if (isMppError(e)) this.set({ error: e });
    }
  }

  #connect(): void {
    if (this.#stopped) return;
    if (!this.#factory) return this.#startPolling();
    let url = this.api.eventsUrl(this.options.queueId, this.options.date);
    if (this.#lastEventId) url += `${url.includes('?') ? '&' : '?'}lastEventId=${encodeURIComponent(this.#lastEventId)}`;
    const es = (this.#es = this.#factory(url));
    es.addEventListener('open', () => {
      this.#failures = 0;
    });
    es.addEventListener('queue', (e) => {
      this.#gotMessage = true;
      this.#failures = 0;
      if (e.lastEventId) this.#lastEventId = e.lastEventId;
      const r = z.safeParse(QueueState, JSON.parse(e.data));
      if (!r.success) return;
      this.#stopPolling();
      this.set({ status: 'live', error: null });
      this.#apply(r.data);
    });
    es.addEventListener('error', () => {
      if (this.#stopped || es !== this.#es) return;
      if (es.readyState !== CLOSED) {
        // The browser reconnects by itself (sending Last-Event-ID); meanwhile keep the data fresh.
        this.set({ status: 'reconnecting' });
        if (!this.#gotMessage) this.#startPolling();
        return;
      }
      es.close();
      this.#failures++;
      this.#startPolling();
      const delay = Math.min(30_000, 1000 * 2 ** Math.min(this.#failures, 5)) * (0.75 + Math.random() / 2);
      this.#retry = setTimeout(() => this.#connect(), delay);
    });
  }

  #startPolling(): void {
    if (this.#poll || this.#stopped) return;
    this.set({ status: 'polling' });
    this.#poll = setInterval(() => void this.refresh(), this.options.pollMs ?? 15_000);
  }

  #stopPolling(): void {
    if (this.#poll) clearInterval(this.#poll);
    this.#poll = null;
  }

  #apply(queue: QueueState): void {
    const cur = this.getSnapshot().queue;
    if (cur && queue.version < cur.version) return;
    const t = this.options.ticket;
    if (!t) return this.set({ queue });
    const idx = queue.waitingNumbers.indexOf(t.number);
    if (idx >= 0) {
      const now = (this.options.now ?? (() => new Date()))();
      const untilSlot = Math.max(0, (new Date(t.startsAt).getTime() - now.getTime()) / 60_000);
      this.set({
        queue,
        ahead: idx,
        estimatedWaitMinutes: estimateWaitMinutes(idx, queue.minutesPerTicket, queue.openCounters, untilSlot),
        ticketStatus: 'booked',
        ticketCounter: null,
      });
      return;
    }
    const { ticketStatus, ticketCounter } = this.getSnapshot();
    // The ticket left the waiting list. When it is the number just called, the queue state says
    // so and names the counter: shown at once, without waiting for a request.
    const justCalled = queue.nowServingNumber === t.number && !!queue.nowServingCounter;
    const final = ticketStatus === 'served' || ticketStatus === 'cancelled' || ticketStatus === 'no_show';
    if (justCalled && !final)
      this.set({ queue, ahead: null, estimatedWaitMinutes: null, ticketStatus: 'called', ticketCounter: queue.nowServingCounter });
    else this.set({ queue, ahead: null, estimatedWaitMinutes: null });
    // A final status does not change with the queue; otherwise ask the ticket's own status
    // (called, served, cancelled…) and counter once per change of the queue.
    if (final && !(justCalled && ticketCounter !== queue.nowServingCounter)) return;
    const asked = ++this.#asked;
    void this.api.position(t.code).then(
      (p) => {
        if (asked !== this.#asked || this.#stopped) return;
        this.set({
          ticketStatus: p.status,
          ticketCounter: p.status === 'called' ? (p.counter ?? this.getSnapshot().ticketCounter) : p.counter,
        });
      },
      () => undefined,
    );
  }
}
