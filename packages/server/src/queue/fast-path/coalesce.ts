import DataLoader from 'dataloader';
import { slotId } from '@mpp-kit/core';
import type { Clock } from '../../context.js';
import { isSqlError } from '../../db/errors.js';
import type { Db, Sql } from '../../db/types.js';

type Row = Record<string, unknown>;

/**
 * DataLoader options that coalesce what arrives together: a batch is collected until the end of
 * the current turn of the event loop (every request whose bytes came in the same poll), and at most
 * `inFlight` batches of one loader run at once; meanwhile new calls wait and join the next batch.
 * Under no load a call runs at once, alone; under load the batches grow instead of the queue.
 */
function coalescing(inFlight: number, maxBatchSize: number) {
  let running = 0;
  const waiting: Array<() => void> = [];
  const done = () => {
    running--;
    const next = waiting.shift();
    if (next) {
      running++;
      next();
    }
  };
  return {
    options: {
      cache: false,
      maxBatchSize,
      batchScheduleFn: (dispatch: () => void) => {
        if (running < inFlight) {
          running++;
          setImmediate(dispatch);
        } else waiting.push(dispatch);
      },
    },
    /** Wraps a batch function so that its end lets the next waiting batch go. */
    gate<K, V>(fn: (keys: readonly K[]) => Promise<ArrayLike<V | Error>>) {
      return (keys: readonly K[]) => fn(keys).finally(done);
    },
  };
}

/** One booking attempt as `mpp_book_batch` takes it (migration 005). */
export interface BookingAttempt {
  key: string | null;
  hash: string;
  version: number;
  code: string;
  service: string;
  queue: string;
  slot: string;
  date: string;
  start: number;
  end: number;
  capacity: number;
  name: string;
  nikHash: string;
  nikMasked: string;
  phone: string;
  email: string | null;
  /** Active tickets one NIK / one phone may hold that date (migration 006); null: no limit. */
  maxPerNik: number | null;
  maxPerPhone: number | null;
}

/** One row per attempt: `i` its index, `outcome` and what goes with it (migration 006). */
export interface BatchRow {
  i: number;
  outcome: 'created' | 'replay' | 'stale' | 'duplicate' | 'slot_full' | 'limit_nik' | 'limit_phone';
  number: number | null;
  created_at: Date | string | null;
  event_id: number | string | null;
  replay_code: string | null;
  replay_hash: string | null;
  replay_status: number | null;
}

const BATCH = `select * from mpp_book_batch($1::text::jsonb, $2::timestamptz)`;

/** Attempts per batch: enough to drain a quota release, small enough to keep the lock short. */
const MAX_BATCH = 64;
/** Connections for booking batches per server instance. */
const SESSIONS = 2;

/**
 * Booking attempts, coalesced per queue's day. At a quota release hundreds of attempts land on the
 * same queue's day, and each must lock that day's row to take the next ticket number; one at a
 * time, they queue behind each other's lock and commit. Here the attempts that arrive together go
 * to the database as one `mpp_book_batch` statement: the same checks and writes for each attempt,
 * in arrival order, one lock and one commit for all. Capacity and the one-ticket-per-NIK rule are
 * still decided by the database, attempt by attempt.
 *
 * One attempt's failure never fails another's: if a batch fails for any reason (a unique
 * violation from a twin committed by another instance meanwhile, a deadlock, a value the database
 * refuses), it is rolled back whole and tried again; if it fails again its attempts run one by
 * one, so the error reaches only the attempt it belongs to (as an Error the route turns into a
 * replay, `duplicate_booking`, or a problem of its own).
 */
export class BookingCoalescer {
  readonly #loaders = new Map<string, DataLoader<BookingAttempt, BatchRow>>();
  /** Connections of their own (see `Db.session`), one per group of queue days. */
  readonly #sessions: Array<Promise<Sql> | null> = new Array<Promise<Sql> | null>(SESSIONS).fill(null);
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  book(a: BookingAttempt): Promise<BatchRow> {
    const day = `${a.queue}|${a.date}`;
    let loader = this.#loaders.get(day);
    if (!loader) {
      if (this.#loaders.size > 1000) this.#loaders.clear();
      // Two batches of a day may be in flight. They go down the same connection, so the database
      // runs the second right after the first commits (it sees the first's tickets) while this
      // process is still reading the first one's answer.
      const c = coalescing(2, MAX_BATCH);
      const session = hash(day) % SESSIONS;
      loader = new DataLoader<BookingAttempt, BatchRow>(
        c.gate((items) => this.#run(session, items)),
        c.options,
      );
      this.#loaders.set(day, loader);
    }
    return loader.load(a);
  }

  /**
   * Prepares the booking connections before the first citizen: each runs one booking in a
   * transaction it rolls back, so PostgreSQL has parsed and planned every statement of
   * `mpp_book_batch` on it (about 0.1 s on a cold connection, which the first attempts of a quota
   * release would otherwise wait for). Nothing is kept. Call it before the server takes requests.
   */
  async warm(): Promise<void> {
    const [svc] = await this.db.query<{ id: string; queue: string; v: number }>(
      `select s.id, s.agency_id || '.' || s.queue_prefix as queue, (select v from rules_version where id = 1) as v
         from services s join queue_rules r on r.service_id = s.id where r.slot_capacity is not null order by s.id limit 1`,
    );
    if (!svc) return;
    const date = '2000-01-03';
    const attempt: BookingAttempt = {
      key: 'warm-up',
      hash: 'warm-up',
      version: Number(svc.v),
      code: 'WARM-UP0',
      service: svc.id,
      queue: svc.queue,
      slot: slotId(svc.id, date, 480),
      date,
      start: 480,
      end: 495,
      capacity: 1,
      name: 'warm-up',
      nikHash: 'warm-up',
      nikMasked: '0000************',
      phone: '+620000000000',
      email: null,
      maxPerNik: null,
      maxPerPhone: null,
    };
    for (let n = 0; n < SESSIONS; n++) {
      const sql = await this.#session(n);
      await sql.query('begin');
      try {
        await sql.query(BATCH, [JSON.stringify([attempt]), this.clock.now().toISOString()]);
      } finally {
        await sql.query('rollback');
      }
    }
  }

  #session(n: number): Promise<Sql> {
    let s = this.#sessions[n];
    if (!s) {
      s = this.db.session();
      s.catch(() => (this.#sessions[n] = null));
      this.#sessions[n] = s;
    }
    return s;
  }

  async #run(session: number, items: readonly BookingAttempt[]): Promise<Array<BatchRow | Error>> {
    // A twin committed meanwhile is seen by the next run (as a replay or a duplicate), so the
    // batch is tried again whole once; if it fails again, its attempts run one by one, so that the
    // error reaches only the attempt it belongs to, whatever the error was.
    for (let tries = 0; tries < 2; tries++) {
      try {
        return await this.#batch(session, items);
      } catch (e) {
        if (tries === 1 && items.length === 1) return [toError(e)];
      }
    }
    const out: Array<BatchRow | Error> = [];
    for (const a of items) out.push((await this.#run(session, [a]))[0]!);
    return out;
  }

  async #batch(session: number, items: readonly BookingAttempt[]): Promise<Array<BatchRow | Error>> {
    const sql = await this.#session(session);
    let rows: BatchRow[];
    try {
      rows = await sql.query<BatchRow>(BATCH, [JSON.stringify(items), this.clock.now().toISOString()]);
    } catch (e) {
      // A lost connection is replaced for the next batch (a SQL error keeps it).
      if (!isSqlError(e)) this.#sessions[session] = null;
      throw e;
    }
    const out: Array<BatchRow | Error> = items.map(() => new Error('mpp_book_batch: no row for this attempt'));
    for (const r of rows) out[Number(r.i)] = r;
    return out;
  }
}

/** Small string hash (FNV-1a) spreading queue days over the sessions. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** DataLoader tells a failed item by `instanceof Error`; database errors keep their `code`. */
const toError = (e: unknown): Error => (e instanceof Error ? e : Object.assign(new Error(String(e)), e as object));

/**
 * Idempotency-Key lookups, coalesced: a refusal served from memory (a slot known to be full) must
 * still replay an attempt that already got a ticket, so each one asks for its key; at a quota
 * release, those questions go as one query per turn of the event loop.
 */
export class StoredAttempts {
  readonly #loader: DataLoader<string, { code: string | null; hash: string | null } | null>;
  constructor(db: Sql) {
    const c = coalescing(1, 500);
    this.#loader = new DataLoader(
      c.gate(async (keys) => {
        const rows = await db.query<Row>(`select key, booking_code, request_hash from idempotency_keys where key = any($1::text[])`, [
          [...keys],
        ]);
        const byKey = new Map(
          rows.map((r) => [r.key as string, { code: r.booking_code as string | null, hash: r.request_hash as string | null }]),
        );
        return keys.map((k) => byKey.get(k) ?? null);
      }),
      c.options,
    );
  }
  get(key: string) {
    return this.#loader.load(key);
  }
}
