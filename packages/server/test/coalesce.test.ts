import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import postgres from 'postgres';
import { DB_KIND, freshDb } from './helpers.js';
import { startServer, type RunningServer } from '../src/server.js';
import { silentLogger } from '../src/log.js';
import { BookingCoalescer, StoredAttempts, type BatchRow, type BookingAttempt } from '../src/queue/fast-path/coalesce.js';

// Monday 23 November 2026, 09:00 in Jakarta.
const NOW = new Date('2026-11-23T02:00:00Z');
const SERVICE = 'disdukcapil-ktp-el';
type Row = Record<string, unknown>;

describe(`coalesced booking attempts on ${DB_KIND}`, { timeout: 120_000 }, () => {
  let srv: RunningServer;
  let drop: () => Promise<void>;
  let url: string | undefined;
  let queue: string;
  let slots: Array<{ id: string; start: number; end: number }>;
  let n = 0;

  const attempt = async (slot: number, over: Partial<BookingAttempt> = {}): Promise<BookingAttempt> => {
    const [{ v }] = (await srv.db.query<{ v: number }>(`select v from rules_version`)) as [{ v: number }];
    n++;
    const s = slots[slot]!;
    return {
      key: `batch-test-${n}`,
      hash: `hash-${n}`,
      version: Number(v),
      code: `BT${String(n).padStart(6, '0')}`,
      service: SERVICE,
      queue,
      slot: s.id,
      date: '2026-11-25',
      start: s.start,
      end: s.end,
      capacity: 2,
      name: `Warga ${n}`,
      nikHash: `nik-hash-${n}`,
      nikMasked: '3271************',
      phone: '+6281234567890',
      email: null,
      maxPerNik: null,
      maxPerPhone: null,
      ...over,
    };
  };
  /** One statement, exactly as the coalescer sends a batch. */
  const batch = (items: BookingAttempt[]) =>
    srv.db.query<Row>(`select * from mpp_book_batch($1::text::jsonb, $2::timestamptz)`, [JSON.stringify(items), NOW.toISOString()]);

  before(async () => {
    const f = await freshDb();
    drop = f.drop;
    url = f.url;
    srv = await startServer({ port: 0, db: f.db, seedDemo: true, logger: silentLogger, clock: { now: () => NOW } });
    const res = await fetch(`${srv.url}/api/v1/services/${SERVICE}/availability?from=2026-11-25&days=1`);
    const day = ((await res.json()) as { days: Array<{ slots: Array<{ id: string; start: string; end: string }> }> }).days[0]!;
    const min = (hm: string) => Number(hm.slice(0, 2)) * 60 + Number(hm.slice(3, 5));
    slots = day.slots.map((s) => ({ id: s.id, start: min(s.start), end: min(s.end) }));
    const [q] = await srv.db.query<{ q: string }>(`select agency_id || '.' || queue_prefix as q from services where id = $1`, [SERVICE]);
    queue = q!.q;
  });
  after(async () => {
    await srv?.close();
    await drop?.();
  });

  it('decides each attempt as if alone, in arrival order, with one set of writes', async () => {
    const a = await attempt(0);
    const b = await attempt(0);
    const c = await attempt(0); // the slot holds 2: the third comer is refused
    const twinNik = await attempt(1, { nikHash: a.nikHash }); // same NIK as a, same service and day
    const twinKey = await attempt(1, { key: b.key, hash: b.hash }); // a retry of b
    const stale = await attempt(1, { version: a.version - 1 });
    const d = await attempt(1);
    const rows = await batch([a, b, c, twinNik, twinKey, stale, d]);
    const out = rows.sort((x, y) => Number(x.i) - Number(y.i));
    assert.deepEqual(
      out.map((r) => r.outcome),
      ['created', 'created', 'slot_full', 'duplicate', 'replay', 'stale', 'created'],
    );
    assert.equal(out[4]!.replay_code, b.code, 'the retry replays the ticket of the first attempt with its key');
    assert.equal(out[4]!.replay_hash, b.hash);
    const numbers = [out[0]!, out[1]!, out[6]!].map((r) => Number(r.number));
    assert.deepEqual(numbers, [numbers[0]!, numbers[0]! + 1, numbers[0]! + 2], 'numbers follow arrival order, no gaps');
    const events = [out[0]!, out[1]!, out[6]!].map((r) => Number(r.event_id));
    assert.ok(events[0]! < events[1]! && events[1]! < events[2]!, 'one queue event per ticket, in order');

    const booked = await srv.db.query<{ id: string; booked: number }>(
      `select id, booked from slots where id = any($1::text[]) order by id`,
      [[slots[0]!.id, slots[1]!.id]],
    );
    assert.deepEqual(
      booked.map((r) => [r.id, Number(r.booked)]),
      [
        [slots[0]!.id, 2],
        [slots[1]!.id, 1],
      ].sort(),
    );
    const tickets = await srv.db.query<{ code: string; number: number }>(
      `select code, number from bookings where code = any($1::text[]) order by number`,
      [[a.code, b.code, c.code, twinNik.code, twinKey.code, stale.code, d.code]],
    );
    assert.deepEqual(
      tickets.map((t) => t.code),
      [a.code, b.code, d.code],
    );
    const [day] = await srv.db.query<{ last_number: number; version: number }>(
      `select last_number, version from queue_days where queue_id = $1 and date = '2026-11-25'`,
      [queue],
    );
    assert.equal(Number(day!.last_number), numbers[2]);
    assert.equal(Number(day!.version), events[2]);
    const keys = await srv.db.query<{ key: string; booking_code: string }>(
      `select key, booking_code from idempotency_keys where key = any($1::text[]) order by key`,
      [[a.key, b.key, c.key, d.key]],
    );
    assert.deepEqual(
      keys.map((k) => [k.key, k.booking_code]),
      [
        [a.key, a.code],
        [b.key, b.code],
        [d.key, d.code],
      ].sort(),
      'keys are stored for the tickets only: a refused attempt may be retried',
    );

    // Next batch: the stored key replays; the NIK already holding a ticket is a duplicate.
    const again = (await batch([{ ...a, code: 'BTRETRY1' }, await attempt(2, { nikHash: d.nikHash })])).sort(
      (x, y) => Number(x.i) - Number(y.i),
    );
    assert.deepEqual(
      again.map((r) => [r.outcome, r.replay_code ?? null]),
      [
        ['replay', a.code],
        ['duplicate', null],
      ],
    );
  });

  it('never lets one attempt the database refuses fail the others of its batch', async () => {
    const coalescer = new BookingCoalescer(srv.db, { now: () => NOW });
    // Values only a client that skips the contract could send: the database refuses them in JSON.
    const poisons = ['\u0000', '\ud800', 'a\u0000b'];
    const items = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        attempt(7 + (i % 3), i % 4 === 1 ? { name: `Warga ${poisons[i % 3]}`, capacity: 10 } : { capacity: 10 }),
      ),
    );
    const rows = await Promise.all(
      items.map((it) =>
        coalescer.book(it).then(
          (r) => r,
          (e: unknown) => e as Error,
        ),
      ),
    );
    items.forEach((it, i) => {
      const r = rows[i]!;
      if (it.name.includes('\u0000') || it.name.includes('\ud800')) assert.ok(r instanceof Error, `poisoned attempt ${i} fails alone`);
      else assert.equal((r as BatchRow).outcome, 'created', `honest attempt ${i} is booked`);
    });
  });

  it('coalesces concurrent calls into batches and answers each caller with its own outcome', async () => {
    const coalescer = new BookingCoalescer(srv.db, { now: () => NOW });
    const items = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(3 + (i % 2))));
    const rows = await Promise.all(items.map((it) => coalescer.book(it)));
    // Two slots of capacity 2: four tickets, eight refusals; each caller gets its own answer.
    assert.equal(rows.filter((r) => r.outcome === 'created').length, 4);
    assert.equal(rows.filter((r) => r.outcome === 'slot_full').length, 8);
    const created = items.filter((_, i) => rows[i]!.outcome === 'created').map((it) => it.code);
    const stored = await srv.db.query<{ code: string }>(`select code from bookings where code = any($1::text[])`, [
      items.map((it) => it.code),
    ]);
    assert.deepEqual(stored.map((r) => r.code).sort(), created.sort());
    // The first caller of each slot wins (arrival order within a batch).
    assert.equal(rows[0]!.outcome, 'created');
    assert.equal(rows[1]!.outcome, 'created');

    const keys = new StoredAttempts(srv.db);
    const found = await Promise.all([keys.get(items[0]!.key!), keys.get('no-such-key'), keys.get(items[1]!.key!)]);
    assert.deepEqual(found, [{ code: items[0]!.code, hash: items[0]!.hash }, null, { code: items[1]!.code, hash: items[1]!.hash }]);
  });

  it(
    'gives a twin committed by another transaction during the batch to that attempt only',
    { skip: DB_KIND !== 'postgres' && 'needs two connections (PostgreSQL)' },
    async () => {
      // Another connection holds an uncommitted ticket for NIK X: the batch's check cannot see it,
      // its insert waits on the unique index, then fails once the other commits. The batch is
      // rolled back and run again: X is a duplicate, the others get their tickets.
      const other = postgres(url!, { max: 1, onnotice: () => {} });
      try {
        const x = await attempt(5);
        const y = await attempt(5);
        const coalescer = new BookingCoalescer(srv.db, { now: () => NOW });
        let result: Promise<BatchRow[]> | null = null;
        await other.begin(async (tx) => {
          await tx.unsafe(
            `insert into slots (id, service_id, date, start_min, end_min, capacity) values ($1, $2, '2026-11-25', $3, $4, 2)`,
            [slots[6]!.id, SERVICE, slots[6]!.start, slots[6]!.end],
          );
          await tx.unsafe(
            `insert into bookings (code, service_id, queue_id, slot_id, date, slot_start, number, name, nik_hash, nik_masked, phone_e164)
             values ('BTOTHER1', $1, $2, $3, '2026-11-25', $4, 999, 'Other', $5, '3271************', '+6281234567890')`,
            [SERVICE, queue, slots[6]!.id, slots[6]!.start, x.nikHash],
          );
          result = Promise.all([coalescer.book(x), coalescer.book(y)]);
          // Let the batch reach the database and block on the unique index.
          await new Promise((r) => setTimeout(r, 300));
        });
        const [rx, ry] = await result!;
        assert.equal(rx!.outcome, 'duplicate');
        assert.equal(ry!.outcome, 'created');
        const [s] = await srv.db.query<{ booked: number }>(`select booked from slots where id = $1`, [slots[5]!.id]);
        assert.equal(Number(s!.booked), 1, 'the rolled-back run took no place');
      } finally {
        await other.end();
      }
    },
  );
});
