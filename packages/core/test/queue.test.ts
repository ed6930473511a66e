import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  availabilityOf,
  BookingFlow,
  daySlots,
  estimateWaitMinutes,
  NetworkError,
  parseSlotId,
  ProblemError,
  QueueWatcher,
  slotId,
  ticketIcs,
  type Availability,
  type BookingDraft,
  type DraftStorage,
  type EventSourceLike,
  type QueueApi,
  type QueueRules,
  type QueueState,
  type Ticket,
} from '../src/index.js';

const RULES: QueueRules = {
  slotMinutes: 30,
  slotCapacity: 3,
  walkInQuota: 10,
  priorityQuota: 3,
  bookingDaysAhead: 14,
  releaseMinutes: 420,
  cutoffMinutes: 30,
};
const HOURS = { opens: 480, closes: 900, breakStart: 720, breakEnd: 780 };
const ctx = (over: Partial<Parameters<typeof availabilityOf>[0]> = {}) => ({
  serviceId: 'disdukcapil-ktp-el',
  date: '2026-11-24',
  timeZone: 'Asia/Jakarta',
  now: new Date('2026-11-23T02:00:00Z'),
  onlineQueue: true,
  rules: RULES,
  hours: HOURS,
  closure: null,
  booked: new Map<string, number>(),
  ...over,
});

describe('queue rules', () => {
  it('cuts a day into slots around the break', () => {
    const slots = daySlots('s', '2026-11-24', HOURS, 30);
    assert.equal(slots.length, 12);
    assert.ok(!slots.some((s) => s.start >= 720 && s.start < 780));
    assert.equal(slots[0]!.id, 's@2026-11-24T0800');
  });

  it('round-trips slot ids and rejects foreign ones (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1439 }),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
        (start, d) => {
          const date = d.toISOString().slice(0, 10);
          assert.deepEqual(parseSlotId(slotId('svc-a', date, start)), { serviceId: 'svc-a', date, start });
        },
      ),
    );
    for (const bad of ['', 'x', 'svc@2026-11-24T2460', 'svc@2026-11-24T0860', 'SVC@2026-11-24T0800', 'svc@2026-11-24T08:00'])
      assert.equal(parseSlotId(bad), null, bad);
  });

  it('says why a date is closed, and what remains when open', () => {
    assert.equal(availabilityOf(ctx({ onlineQueue: false })).reason, 'no_online_queue');
    assert.equal(availabilityOf(ctx({ date: '2026-11-22' })).reason, 'past');
    assert.equal(availabilityOf(ctx({ hours: null })).reason, 'weekend');
    assert.deepEqual(
      (({ reason, note }) => ({ reason, note }))(availabilityOf(ctx({ closure: { name: 'Hari Raya Natal', kind: 'holiday' } }))),
      { reason: 'holiday', note: 'Hari Raya Natal' },
    );
    assert.equal(availabilityOf(ctx({ closure: { name: 'Blanko habis', kind: 'closure' } })).reason, 'closure');
    assert.equal(availabilityOf(ctx({ date: '2026-12-08' })).reason, 'beyond_window');
    const early = availabilityOf(ctx({ date: '2026-12-07', now: new Date('2026-11-22T23:59:00Z') }));
    assert.equal(early.reason, 'not_open_yet');
    assert.equal(early.opensAt, '2026-11-23T07:00:00+07:00');
    const open = availabilityOf(ctx({ booked: new Map([[slotId('disdukcapil-ktp-el', '2026-11-24', 480), 3]]) }));
    assert.equal(open.status, 'open');
    assert.equal(open.slots[0]!.remaining, 0);
    assert.equal(open.remaining, 11 * 3);
    assert.deepEqual(open.lanes, { online: 36, walkIn: 10, priority: 3 });
    const full = availabilityOf(ctx({ booked: new Map(daySlots('disdukcapil-ktp-el', '2026-11-24', HOURS, 30).map((s) => [s.id, 3])) }));
    assert.equal(full.status, 'full');
  });

  it('hides today’s slots that start within the cut-off, in the office’s zone (not the machine’s)', () => {
    const today = availabilityOf(ctx({ date: '2026-11-23' })); // 09:00 WIB
    assert.equal(today.slots[0]!.start, '10:00');
    const wita = availabilityOf(ctx({ date: '2026-11-23', timeZone: 'Asia/Makassar' })); // 10:00 WITA
    assert.equal(wita.slots[0]!.start, '11:00');
  });

  it('estimates the wait honestly', () => {
    assert.equal(estimateWaitMinutes(0, 10, 1, 0), 0);
    assert.equal(estimateWaitMinutes(6, 10, 2, 0), 30);
    assert.equal(estimateWaitMinutes(1, 10, 1, 45), 45, 'never before the slot starts');
    fc.assert(
      fc.property(
        fc.nat(500),
        fc.double({ min: 0.1, max: 120, noNaN: true }),
        fc.nat(20),
        fc.nat(2000),
        (a, m, c, u) => estimateWaitMinutes(a, m, c, u) >= 0,
      ),
    );
  });
});

const TICKET: Ticket = {
  code: 'ABCD-2345',
  status: 'booked',
  serviceId: 'disdukcapil-ktp-el',
  serviceName: 'KTP-el',
  agencyId: 'disdukcapil',
  agencyName: 'Disdukcapil',
  queueNumber: 'B-004',
  queueId: 'disdukcapil.B',
  number: 4,
  date: '2026-11-24',
  slot: { id: 'disdukcapil-ktp-el@2026-11-24T0800', start: '08:00', end: '08:30', startsAt: '2026-11-24T08:00:00+07:00' },
  location: 'Lantai 1, Loket 7',
  requirements: ['Fotokopi KK', 'Surat pengantar, RT/RW'],
  name: 'Siti',
  nikMasked: '3271********0001',
  phoneMasked: '0812-****-7890',
  createdAt: '2026-11-23T09:00:00+07:00',
  timeZone: 'Asia/Jakarta',
  qr: { size: 29, path: 'M4 4h7v1h-7z' },
};

const AVAIL: Availability = {
  serviceId: 'disdukcapil-ktp-el',
  timeZone: 'Asia/Jakarta',
  today: '2026-11-23',
  days: [availabilityOf(ctx())],
};

function fakeApi(over: Partial<QueueApi> = {}): QueueApi & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    availability: async () => (calls.push('availability'), AVAIL),
    book: async (_r, o) => (calls.push(`book:${o?.idempotencyKey}`), TICKET),
    lookup: async () => TICKET,
    cancel: async () => ({ ...TICKET, status: 'cancelled' }),
    reschedule: async () => TICKET,
    position: async () => ({
      code: TICKET.code,
      status: 'called',
      queueNumber: TICKET.queueNumber,
      serviceId: TICKET.serviceId,
      serviceName: TICKET.serviceName,
      agencyName: TICKET.agencyName,
      date: TICKET.date,
      slot: TICKET.slot,
      location: TICKET.location,
      timeZone: TICKET.timeZone,
      counter: 'Loket 1',
      number: TICKET.number,
      slotStartsAt: TICKET.slot.startsAt,
      queue: queueState(1, [5]),
      ahead: 0,
      estimatedWaitMinutes: null,
      qr: TICKET.qr,
    }),
    queue: async () => (calls.push('queue'), queueState(1, [4, 5])),
    eventsUrl: () => 'http://x/api/v1/queues/disdukcapil.B/events',
    callNext: async () => ({ queue: queueState(1, []), called: null }),
    ...over,
  };
}

function queueState(version: number, waiting: number[], serving = 0): QueueState {
  return {
    queueId: 'disdukcapil.B',
    date: '2026-11-24',
    nowServing: serving ? `B-${String(serving).padStart(3, '0')}` : null,
    nowServingNumber: serving,
    nowServingCounter: serving ? 'Loket 1' : null,
    waiting: waiting.length,
    waitingNumbers: waiting,
    minutesPerTicket: 10,
    openCounters: 1,
    version,
    updatedAt: '2026-11-24T08:00:00+07:00',
  };
}

const memory = (): DraftStorage & { m: Map<string, BookingDraft> } => {
  const m = new Map<string, BookingDraft>();
  return { m, load: (k) => m.get(k), save: (k, d) => void m.set(k, structuredClone(d)), clear: (k) => void m.delete(k) };
};

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('BookingFlow', () => {
  it('walks service → date → slot → identity → confirm → ticket, keeping the draft across reloads', async () => {
    const storage = memory();
    const flow = new BookingFlow(fakeApi(), { storage, now: () => new Date('2026-11-23T02:00:00Z') });
    assert.equal(flow.getSnapshot().step, 'service');
    flow.setService('disdukcapil-ktp-el');
    await flush();
    assert.equal(flow.getSnapshot().availabilityStatus, 'ready');
    flow.chooseDate('2026-11-24');
    flow.chooseSlot(AVAIL.days[0]!.slots[1]!.id);
    assert.equal(flow.getSnapshot().step, 'identity');
    flow.setField('name', 'Siti');
    flow.setField('nik', '3271017201900001');
    flow.setField('phone', '021 5551234');
    assert.equal(flow.confirmIdentity(), false);
    assert.deepEqual(flow.getSnapshot().fieldErrors, { nik: 'nik_birth_date', phone: 'phone_not_mobile' });

    // A reload: a new flow over the same storage has everything back, at the identity step.
    const again = new BookingFlow(fakeApi(), { storage });
    assert.equal(again.getSnapshot().draft.nik, '3271017201900001');
    assert.equal(again.getSnapshot().step, 'identity');
    again.setField('nik', '3271010101900001');
    again.setField('phone', '0812 3456 7890');
    assert.equal(again.confirmIdentity(), true);
    assert.equal(again.getSnapshot().step, 'confirm');
    const t = await again.submit();
    assert.equal(t?.code, TICKET.code);
    assert.equal(again.getSnapshot().step, 'ticket');
    assert.equal(storage.m.size, 0, 'draft cleared once booked');
  });

  it('keeps the Idempotency-Key through a network failure and takes a new one after a refusal', async () => {
    let fail: Error | null = new NetworkError();
    const api = fakeApi({
      book: async (_r, o) => {
        api.calls.push(`book:${o?.idempotencyKey}`);
        if (fail) throw fail;
        return TICKET;
      },
    });
    const flow = new BookingFlow(api, { storage: memory() });
    flow.setService('disdukcapil-ktp-el');
    await flush();
    flow.chooseDate('2026-11-24');
    flow.chooseSlot(AVAIL.days[0]!.slots[0]!.id);
    flow.setField('name', 'Budi');
    flow.setField('nik', '3271010101900001');
    flow.setField('phone', '081234567890');
    flow.confirmIdentity();
    assert.equal(await flow.submit(), null);
    assert.ok(flow.getSnapshot().error instanceof NetworkError);
    assert.equal(flow.getSnapshot().draft.nik, '3271010101900001', 'nothing typed is lost');
    fail = new ProblemError({ type: 'x', title: 'full', status: 409, code: 'slot_full', errors: [{ path: 'slotId', code: 'slot_full' }] });
    await flow.submit();
    const [k1, k2] = api.calls.filter((c) => c.startsWith('book:'));
    assert.equal(k1, k2, 'a retry after a lost connection reuses the key');
    assert.equal(flow.getSnapshot().step, 'slot', 'a full slot sends the citizen back to choose another');
    assert.equal(flow.getSnapshot().fieldErrors.slotId, 'slot_full');
    fail = null;
    flow.chooseSlot(AVAIL.days[0]!.slots[2]!.id);
    flow.confirmIdentity();
    await flow.submit();
    const k3 = api.calls.filter((c) => c.startsWith('book:'))[2];
    assert.notEqual(k3, k1, 'a corrected attempt is a new request');
  });

  it('a duplicate booking keeps everything typed, shows the existing ticket when named, and clears on another date', async () => {
    const existing = { code: 'WXYZ-2345', queueNumber: 'B-002', date: '2026-11-24', slot: TICKET.slot };
    let answer: Record<string, unknown> = { existing };
    const api = fakeApi({
      book: async () => {
        throw new ProblemError({
          type: 'x',
          title: 'dup',
          status: 409,
          code: 'duplicate_booking',
          errors: [{ path: 'nik', code: 'duplicate_booking' }],
          ...answer,
        });
      },
    });
    const flow = new BookingFlow(api, { storage: memory() });
    flow.setService('disdukcapil-ktp-el');
    await flush();
    flow.chooseDate('2026-11-24');
    flow.chooseSlot(AVAIL.days[0]!.slots[0]!.id);
    flow.setField('name', 'Budi');
    flow.setField('nik', '3271010101900001');
    flow.setField('phone', '081234567890');
    flow.confirmIdentity();
    const key = flow.getSnapshot().draft.idempotencyKey;
    assert.equal(await flow.submit(), null);
    let s = flow.getSnapshot();
    assert.equal(s.step, 'confirm', 'not sent back to the NIK as if it were wrong');
    assert.deepEqual(s.fieldErrors, {});
    assert.deepEqual(s.duplicate, { existing });
    assert.equal(s.error?.code, 'duplicate_booking');
    assert.deepEqual(
      [s.draft.name, s.draft.nik, s.draft.phone, s.draft.slotId],
      ['Budi', '3271010101900001', '081234567890', AVAIL.days[0]!.slots[0]!.id],
      'everything typed and chosen stays',
    );
    assert.notEqual(s.draft.idempotencyKey, key, 'the next attempt is a new request');
    // Another phone: the server only says a ticket exists; a malformed member is treated the same.
    for (const other of [{ existing: null }, {}, { existing: { code: 5 } }]) {
      answer = other;
      await flow.submit();
      assert.deepEqual(flow.getSnapshot().duplicate, { existing: null }, JSON.stringify(other));
    }
    // Choosing a date again: the refusal is gone, the identity stays.
    flow.goTo('date');
    flow.chooseDate(AVAIL.days[0]!.date);
    s = flow.getSnapshot();
    assert.equal(s.duplicate, null);
    assert.equal(s.step, 'slot');
    assert.equal(s.draft.nik, '3271010101900001');
    flow.setService('disdukcapil-kk-baru');
    assert.equal(flow.getSnapshot().draft.phone, '081234567890', 'another service keeps the identity');
  });
});

class FakeEventSource implements EventSourceLike {
  static last: FakeEventSource | null = null;
  readyState = 0;
  #l: Record<string, Array<(e: { data: string; lastEventId?: string }) => void>> = {};
  constructor(readonly url: string) {
    FakeEventSource.last = this;
  }
  addEventListener(type: string, fn: (e: { data: string; lastEventId?: string }) => void): void {
    (this.#l[type] ??= []).push(fn);
  }
  emit(type: string, data?: unknown, id?: number) {
    for (const fn of this.#l[type] ?? []) fn({ data: JSON.stringify(data), lastEventId: id === undefined ? undefined : String(id) });
  }
  close() {
    this.readyState = 2;
  }
}

describe('QueueWatcher', () => {
  it('follows the queue over SSE and computes the ticket’s place locally', async () => {
    const w = new QueueWatcher(fakeApi(), {
      queueId: 'disdukcapil.B',
      ticket: { code: TICKET.code, number: 4, startsAt: '2026-11-24T08:00:00+07:00' },
      eventSource: (url) => new FakeEventSource(url),
      now: () => new Date('2026-11-24T01:00:00Z'),
    });
    w.start();
    const es = FakeEventSource.last!;
    es.emit('queue', queueState(3, [2, 3, 4, 5], 1), 3);
    assert.equal(w.getSnapshot().status, 'live');
    assert.equal(w.getSnapshot().ahead, 2);
    assert.equal(w.getSnapshot().estimatedWaitMinutes, 20);
    es.emit('queue', queueState(2, [1, 2, 3, 4]), 2);
    assert.equal(w.getSnapshot().queue?.version, 3, 'an older state never replaces a newer one');
    es.emit('queue', queueState(5, [5], 4), 5);
    await flush();
    assert.equal(w.getSnapshot().ahead, null);
    assert.equal(w.getSnapshot().ticketStatus, 'called');
    w.stop();
  });

  it('polls when SSE is not available, and reconnects with Last-Event-ID after the stream closes', async () => {
    const api = fakeApi();
    const w = new QueueWatcher(api, { queueId: 'disdukcapil.B', eventSource: null, pollMs: 10 });
    w.start();
    await new Promise((r) => setTimeout(r, 35));
    assert.equal(w.getSnapshot().status, 'polling');
    assert.ok(api.calls.filter((c) => c === 'queue').length >= 2);
    w.stop();

    const w2 = new QueueWatcher(fakeApi(), { queueId: 'disdukcapil.B', eventSource: (u) => new FakeEventSource(u), pollMs: 10_000 });
    w2.start();
    const es = FakeEventSource.last!;
    es.emit('queue', queueState(7, []), 7);
    es.close();
    es.emit('error');
    assert.equal(w2.getSnapshot().status, 'polling');
    await new Promise((r) => setTimeout(r, 2600));
    assert.notEqual(FakeEventSource.last, es, 'reconnected');
    assert.match(FakeEventSource.last!.url, /lastEventId=7/);
    w2.stop();
  });
});

describe('ticketIcs', () => {
  it('writes a calendar event for the slot with what to bring', () => {
    const ics = ticketIcs(TICKET, { title: 'Antrean MPP', bring: 'Bawa' });
    assert.match(ics, /^BEGIN:VCALENDAR\r\n/);
    assert.match(ics, /DTSTART:20261124T010000Z/);
    assert.match(ics, /DTEND:20261124T013000Z/);
    assert.match(ics.replace(/\r\n /g, ''), /Surat pengantar\\, RT\/RW/, 'folded lines unfold to the escaped text');
    assert.ok(ics.split('\r\n').every((l) => l.length <= 75));
  });
});
