import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  availabilityOf,
  BOOKING_CODE_ALPHABET,
  canReschedule,
  cancelRefusal,
  CodeParam,
  formatBookingCode,
  isBookingCode,
  isWaiting,
  NetworkError,
  normalizeBookingCode,
  ProblemError,
  rescheduleRefusal,
  TicketFlow,
  WAITING_STATUSES,
  type Availability,
  type BookingStatus,
  type EventSourceLike,
  type QueueApi,
  type QueueRules,
  type QueueState,
  type Ticket,
  type TicketPosition,
} from '../src/index.js';
import * as z from 'zod/mini';

const PHONE = '0812 3456 7890';
const problem = (status: number, code: string) => new ProblemError({ type: 'about:blank', title: code, status, code });

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
  requirements: ['Fotokopi KK'],
  name: 'Siti',
  nikMasked: '3271********0001',
  phoneMasked: '0812-****-7890',
  createdAt: '2026-11-23T09:00:00+07:00',
  timeZone: 'Asia/Jakarta',
  qr: { size: 29, path: 'M4 4h7v1h-7z' },
};

function queueState(date: string, version: number, waiting: number[], serving = 0, counter = 'Loket 1'): QueueState {
  return {
    queueId: 'disdukcapil.B',
    date,
    nowServing: serving ? `B-${String(serving).padStart(3, '0')}` : null,
    nowServingNumber: serving,
    nowServingCounter: serving ? counter : null,
    waiting: waiting.length,
    waitingNumbers: waiting,
    minutesPerTicket: 10,
    openCounters: 1,
    version,
    updatedAt: `${date}T08:00:00+07:00`,
  };
}

const POSITION: TicketPosition = {
  code: TICKET.code,
  status: 'booked',
  queueNumber: TICKET.queueNumber,
  serviceId: TICKET.serviceId,
  serviceName: TICKET.serviceName,
  agencyName: TICKET.agencyName,
  date: TICKET.date,
  slot: TICKET.slot,
  location: TICKET.location,
  timeZone: TICKET.timeZone,
  counter: null,
  number: 4,
  slotStartsAt: TICKET.slot.startsAt,
  queue: queueState('2026-11-24', 1, [2, 3, 4]),
  ahead: 2,
  estimatedWaitMinutes: 20,
  qr: TICKET.qr,
};

const RULES: QueueRules = {
  slotMinutes: 30,
  slotCapacity: 3,
  walkInQuota: 0,
  priorityQuota: 0,
  bookingDaysAhead: 14,
  releaseMinutes: 420,
  cutoffMinutes: 30,
};
const day = (date: string, now: string) =>
  availabilityOf({
    serviceId: TICKET.serviceId,
    date,
    timeZone: 'Asia/Jakarta',
    now: new Date(now),
    onlineQueue: true,
    rules: RULES,
    hours: { opens: 480, closes: 600, breakStart: null, breakEnd: null },
    closure: null,
    booked: new Map(),
  });
/** The server's dates on the 23rd: the booked 24th is still tomorrow, so the ticket can move to the 25th. */
const AVAIL: Availability = {
  serviceId: TICKET.serviceId,
  timeZone: 'Asia/Jakarta',
  today: '2026-11-23',
  days: [day('2026-11-24', '2026-11-23T02:00:00Z'), day('2026-11-25', '2026-11-23T02:00:00Z')],
};

class FakeEventSource implements EventSourceLike {
  readyState = 0;
  #l: Record<string, Array<(e: { data: string; lastEventId?: string }) => void>> = {};
  constructor(readonly url: string) {}
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

/** An in-memory server: one booking, its phone, its slot; every call is logged (without the phone). */
function fakeApi(over: Partial<QueueApi> = {}) {
  const calls: string[] = [];
  const sources: FakeEventSource[] = [];
  const server = { ticket: { ...TICKET }, counter: null as string | null };
  const check = (code: string, phone: string) => {
    if (code !== server.ticket.code) throw problem(404, 'booking_not_found');
    if (phone.replace(/\D/g, '') !== PHONE.replace(/\D/g, '')) throw problem(403, 'phone_mismatch');
  };
  const api: QueueApi = {
    availability: async () => (calls.push('availability'), AVAIL),
    book: async () => server.ticket,
    lookup: async (code, phone) => (calls.push(`lookup:${code}`), check(code, phone), server.ticket),
    cancel: async (code, phone) => (
      calls.push(`cancel:${code}`),
      check(code, phone),
      (server.ticket = { ...server.ticket, status: 'cancelled' })
    ),
    reschedule: async (code, phone, slotId) => {
      calls.push(`reschedule:${slotId}`);
      check(code, phone);
      const slot = AVAIL.days.flatMap((d) => d.slots).find((s) => s.id === slotId)!;
      server.ticket = {
        ...server.ticket,
        date: slot.date,
        number: 1,
        slot: { id: slot.id, start: slot.start, end: slot.end, startsAt: slot.startsAt },
      };
      return server.ticket;
    },
    position: async (code) => {
      calls.push(`position:${code}`);
      if (code !== server.ticket.code) throw problem(404, 'booking_not_found');
      return { ...POSITION, status: server.ticket.status, counter: server.counter };
    },
    queue: async (_q, date) => (calls.push(`queue:${date}`), queueState(date ?? '', 1, [2, 3, 4])),
    eventsUrl: (q, date) => `http://x/api/v1/queues/${q}/events?date=${date}`,
    callNext: async () => ({ queue: queueState('2026-11-24', 1, []), called: null }),
    ...over,
  };
  const flow = new TicketFlow(api, {
    eventSource: (url) => {
      const es = new FakeEventSource(url);
      sources.push(es);
      return es;
    },
    now: () => new Date('2026-11-23T02:00:00Z'),
  });
  return { api, calls, sources, flow, server };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('ticket rules', () => {
  it('normalises booking codes as typed, and guesses nothing', () => {
    assert.equal(normalizeBookingCode(' 7kq2 m9xa '), '7KQ2-M9XA');
    assert.equal(normalizeBookingCode('7KQ2M9XA'), '7KQ2-M9XA');
    assert.equal(normalizeBookingCode('7kq2-m9xa'), '7KQ2-M9XA');
    assert.equal(normalizeBookingCode('7KQ2 – M9XA'), '7KQ2-M9XA', 'an en dash is a dash');
    assert.equal(normalizeBookingCode('ab1O cd0I'), 'AB1O-CD0I', 'look-alikes are not mapped…');
    assert.equal(isBookingCode('AB1O-CD0I'), false, '…so they are no code');
    assert.equal(normalizeBookingCode('abc'), 'ABC');
    assert.equal(isBookingCode('7KQ2-M9XA'), true);
    assert.equal(isBookingCode('7kq2-m9xa'), false, 'the shown form is upper case');
    assert.equal(isBookingCode('7KQ2M9XA'), false);
  });

  it('every code drawn from the alphabet survives any way of typing it (property)', () => {
    const chars = fc.string({ unit: fc.constantFrom(...BOOKING_CODE_ALPHABET), minLength: 8, maxLength: 8 });
    fc.assert(
      fc.property(chars, fc.boolean(), fc.nat(8), (c, lower, at) => {
        const code = formatBookingCode(c);
        const typed = `${c.slice(0, at)} ${c.slice(at)}`;
        assert.ok(isBookingCode(code));
        assert.ok(CodeParam.safeParse({ code }).success, 'the contract accepts it');
        assert.equal(normalizeBookingCode(lower ? typed.toLowerCase() : typed), code);
      }),
    );
    assert.equal(CodeParam.safeParse({ code: 'AB1O-CD0I' }).success, false, 'the contract refuses look-alikes');
    assert.equal(z.safeParse(CodeParam, { code: 'abcd-2345' }).success, false);
  });

  it('says which statuses wait, and when a ticket can be cancelled or moved', () => {
    const all: BookingStatus[] = ['booked', 'checked_in', 'called', 'served', 'no_show', 'cancelled'];
    assert.deepEqual(
      all.filter((s) => isWaiting(s)),
      [...WAITING_STATUSES],
    );
    assert.equal(isWaiting(null), false);
    assert.equal(canReschedule('2026-11-24', '2026-11-23'), true, 'up to the day before');
    assert.equal(canReschedule('2026-11-24', '2026-11-24'), false, 'not on the day');
    assert.equal(canReschedule('2026-11-24', '2026-11-25'), false);
    assert.equal(rescheduleRefusal('booked', '2026-11-24', '2026-11-23'), null);
    assert.equal(rescheduleRefusal('booked', '2026-11-24', '2026-11-24'), 'booking_not_changeable');
    assert.equal(rescheduleRefusal('checked_in', '2026-11-24', '2026-11-23'), 'booking_not_changeable');
    assert.equal(rescheduleRefusal('cancelled', '2026-11-24', '2026-11-23'), 'booking_cancelled');
    assert.deepEqual(
      all.map((s) => cancelRefusal(s)),
      [null, null, 'booking_not_changeable', 'booking_not_changeable', 'booking_not_changeable', null],
    );
  });
});

describe('TicketFlow', () => {
  it('loads by code as typed: the public position, then the live place', async () => {
    const { flow, calls, sources, server } = fakeApi();
    const seen: string[] = [];
    flow.subscribe((s) => seen.push(s.loadStatus));
    await flow.load('abcd 2345');
    let s = flow.getSnapshot();
    assert.equal(s.code, 'ABCD-2345');
    assert.equal(s.loadStatus, 'ready');
    assert.equal(seen[0], 'loading');
    assert.equal(s.ticket, null, 'no personal data from a code alone');
    assert.equal(s.status, 'booked');
    assert.equal(s.ahead, 2, 'from the position until the queue is live');
    assert.deepEqual(calls.slice(0, 1), ['position:ABCD-2345']);
    const es = sources.at(-1)!;
    assert.match(es.url, /queues\/disdukcapil\.B\/events\?date=2026-11-24/);
    es.emit('queue', queueState('2026-11-24', 5, [3, 4], 2), 5);
    s = flow.getSnapshot();
    assert.equal(s.live?.status, 'live');
    assert.equal(s.ahead, 1);
    assert.equal(s.queue?.nowServing, 'B-002');
    server.ticket.status = 'called';
    es.emit('queue', queueState('2026-11-24', 6, [5], 4), 6);
    await flush();
    assert.equal(flow.getSnapshot().status, 'called', 'the live queue says when the ticket left the waiting list');
    flow.dispose();
    assert.equal(es.readyState, 2, 'disposing closes the stream');
  });

  it('fails a code that is none without asking, maps a refused path to not found, and retries after a network error', async () => {
    const { flow, calls } = fakeApi();
    await flow.load('AB1O-CD0I');
    assert.deepEqual(flow.getSnapshot().error, { action: 'load', code: 'booking_not_found' });
    assert.equal(flow.getSnapshot().loadStatus, 'error');
    assert.equal(calls.length, 0, 'no request for a code that cannot exist');

    let fail: Error | null = problem(400, 'validation_failed');
    const net = fakeApi({
      position: async () => {
        if (fail) throw fail;
        return POSITION;
      },
    });
    await net.flow.load('ABCD-2345');
    assert.equal(net.flow.getSnapshot().error?.code, 'booking_not_found');
    fail = new NetworkError();
    await net.flow.retry();
    assert.deepEqual(net.flow.getSnapshot().error, { action: 'load', code: 'network' });
    fail = null;
    await net.flow.retry();
    assert.equal(net.flow.getSnapshot().loadStatus, 'ready');
    assert.equal(net.flow.getSnapshot().error, null);
    net.flow.dispose();
  });

  it('reveals the details with the phone, which never appears in a snapshot', async () => {
    const { flow, calls } = fakeApi();
    await flow.load('ABCD-2345');
    assert.equal(await flow.reveal('0813 0000 0000'), null);
    assert.deepEqual(flow.getSnapshot().error, { action: 'reveal', code: 'phone_mismatch' });
    assert.equal(flow.getSnapshot().hasPhone, false);
    const t = await flow.reveal(PHONE);
    assert.equal(t?.name, 'Siti');
    const s = flow.getSnapshot();
    assert.equal(s.ticket?.nikMasked, TICKET.nikMasked);
    assert.equal(s.hasPhone, true);
    assert.equal(s.error, null);
    assert.ok(!JSON.stringify(s).includes('3456'), 'the phone number stays inside the flow');
    assert.equal(calls.filter((c) => c.startsWith('lookup')).length, 2);
    flow.dispose();
  });

  it('cancels in two steps and stops following the queue', async () => {
    const { flow, calls, sources } = fakeApi();
    flow.show(TICKET, PHONE);
    assert.equal(sources.length, 1, 'a waiting ticket is followed live');
    flow.askCancel();
    assert.equal(flow.getSnapshot().mode, 'cancel');
    assert.ok(!calls.some((c) => c.startsWith('cancel')), 'asking cancels nothing');
    flow.closeManage();
    assert.equal(flow.getSnapshot().mode, 'view');
    flow.askCancel();
    const t = await flow.cancel();
    assert.equal(t?.status, 'cancelled');
    const s = flow.getSnapshot();
    assert.equal(s.status, 'cancelled');
    assert.equal(s.mode, 'view');
    assert.equal(s.lastAction, 'cancelled');
    assert.equal(s.live, null);
    assert.equal(sources[0]!.readyState, 2, 'the stream is closed');
    flow.askCancel();
    assert.equal(flow.getSnapshot().mode, 'view', 'a cancelled ticket cannot be cancelled again');
  });

  it('without the phone, nothing can be changed', async () => {
    const { flow, calls } = fakeApi();
    flow.show(TICKET);
    assert.equal(flow.getSnapshot().hasPhone, false);
    flow.askCancel();
    assert.equal(flow.getSnapshot().mode, 'view');
    assert.equal(await flow.cancel(), null);
    assert.ok(!calls.some((c) => c.startsWith('cancel')));
    flow.setPhone(PHONE);
    assert.equal(flow.getSnapshot().hasPhone, true);
    flow.dispose();
  });

  it('moves the ticket to another date and follows the new queue day', async () => {
    const { flow, sources } = fakeApi();
    flow.show(TICKET, PHONE);
    await flow.openReschedule();
    let rs = flow.getSnapshot().reschedule!;
    assert.equal(rs.status, 'ready');
    assert.equal(rs.tooLate, false);
    flow.chooseSlot(AVAIL.days[1]!.slots[0]!.id);
    assert.equal(flow.getSnapshot().reschedule?.slotId, null, 'a time needs its date first');
    flow.chooseDate('2026-11-25');
    const slot = AVAIL.days[1]!.slots[1]!;
    flow.chooseSlot(slot.id);
    rs = flow.getSnapshot().reschedule!;
    assert.equal(rs.date, '2026-11-25');
    assert.equal(rs.slotId, slot.id);
    const t = await flow.saveReschedule();
    assert.equal(t?.date, '2026-11-25');
    const s = flow.getSnapshot();
    assert.equal(s.mode, 'view');
    assert.equal(s.lastAction, 'rescheduled');
    assert.equal(s.ticket?.slot.id, slot.id);
    assert.equal(sources.length, 2);
    assert.equal(sources[0]!.readyState, 2, 'the old day is no longer followed');
    assert.match(sources[1]!.url, /date=2026-11-25/);
    flow.dispose();
  });

  it('says it is too late on the booked day (by the server’s today), and reloads the dates when a slot filled up', async () => {
    const late = fakeApi({ availability: async () => ({ ...AVAIL, today: TICKET.date }) });
    late.flow.show(TICKET, PHONE);
    await late.flow.openReschedule();
    assert.equal(late.flow.getSnapshot().reschedule?.tooLate, true);
    late.flow.dispose();

    const full = fakeApi();
    full.api.reschedule = async () => {
      full.calls.push('reschedule');
      throw problem(409, 'slot_full');
    };
    full.flow.show(TICKET, PHONE);
    await full.flow.openReschedule();
    full.flow.chooseDate('2026-11-25');
    full.flow.chooseSlot(AVAIL.days[1]!.slots[0]!.id);
    assert.equal(await full.flow.saveReschedule(), null);
    await flush();
    const s = full.flow.getSnapshot();
    assert.deepEqual(s.error, { action: 'reschedule', code: 'slot_full' });
    assert.equal(s.mode, 'reschedule');
    assert.equal(s.reschedule?.date, '2026-11-25', 'the date is kept');
    assert.equal(s.reschedule?.slotId, null, 'the full time is dropped');
    assert.equal(full.calls.filter((c) => c === 'availability').length, 2, 'fresh numbers');
    full.flow.dispose();
  });

  it('notices the call from the queue state at once, with the counter, and counts it once', async () => {
    const { flow, sources, server, calls } = fakeApi();
    await flow.load(TICKET.code);
    const es = sources.at(-1)!;
    es.emit('queue', queueState('2026-11-24', 2, [3, 4], 2), 2);
    let s = flow.getSnapshot();
    assert.equal(s.phase, 'waiting');
    assert.equal(s.queueNumber, 'B-004');
    assert.equal(s.counter, null);
    assert.equal(s.calls, 0);
    // Number 4 is called to Loket 3: the queue state says so before any request answers.
    server.ticket.status = 'called';
    server.counter = 'Loket 3';
    const before = calls.length;
    es.emit('queue', queueState('2026-11-24', 3, [5], 4, 'Loket 3'), 3);
    s = flow.getSnapshot();
    assert.equal(s.phase, 'called', 'from nowServingNumber, synchronously');
    assert.equal(s.counter, 'Loket 3');
    assert.equal(s.calls, 1);
    assert.equal(s.over, false);
    await flush();
    assert.deepEqual(calls.slice(before), ['position:ABCD-2345'], 'and confirmed by the position once');
    assert.equal(flow.getSnapshot().calls, 1, 'the confirmation is no second call');
    // Another number is called elsewhere: still called to Loket 3, no new alert.
    es.emit('queue', queueState('2026-11-24', 4, [], 5, 'Loket 1'), 4);
    await flush();
    s = flow.getSnapshot();
    assert.equal(s.phase, 'called');
    assert.equal(s.counter, 'Loket 3', 'the counter of this ticket, not of the last call');
    assert.equal(s.calls, 1);
    // Recalled to another counter: a new alert.
    server.counter = 'Loket 5';
    es.emit('queue', queueState('2026-11-24', 5, [], 4, 'Loket 5'), 5);
    s = flow.getSnapshot();
    assert.equal(s.counter, 'Loket 5');
    assert.equal(s.calls, 2);
    // Served: over, and the queue's later changes ask nothing more.
    server.ticket.status = 'served';
    es.emit('queue', queueState('2026-11-24', 6, [], 6, 'Loket 5'), 6);
    await flush();
    s = flow.getSnapshot();
    assert.equal(s.phase, 'served');
    assert.equal(s.over, true);
    assert.equal(s.counter, null);
    const asked = calls.length;
    es.emit('queue', queueState('2026-11-24', 7, [], 7, 'Loket 5'), 7);
    await flush();
    assert.equal(calls.length, asked, 'a served ticket is not asked for again');
    flow.dispose();
  });

  it('notices a call it cannot see in the queue state by asking the position (the ticket was not the last call)', async () => {
    const { flow, sources, server } = fakeApi();
    flow.show(TICKET, PHONE);
    const es = sources.at(-1)!;
    es.emit('queue', queueState('2026-11-24', 2, [4, 5]), 2);
    // Two counters called 4 and 5 between two events: the state names only 5.
    server.ticket.status = 'called';
    server.counter = 'Loket 2';
    es.emit('queue', queueState('2026-11-24', 4, [], 5, 'Loket 4'), 4);
    assert.equal(flow.getSnapshot().phase, 'waiting', 'not the number just called: not assumed called');
    await flush();
    const s = flow.getSnapshot();
    assert.equal(s.phase, 'called');
    assert.equal(s.counter, 'Loket 2');
    assert.equal(s.calls, 1);
    flow.dispose();
  });

  it('opened when already called: the counter from the position, and no alert', async () => {
    const { flow, sources, server } = fakeApi();
    server.ticket.status = 'called';
    server.counter = 'Loket 3';
    await flow.load(TICKET.code);
    const s = flow.getSnapshot();
    assert.equal(s.phase, 'called');
    assert.equal(s.counter, 'Loket 3');
    assert.equal(s.calls, 0, 'nothing happened while the citizen watched');
    assert.equal(sources.length, 0, 'a called ticket has no waiting place to follow');
  });

  it('says a ticket is over: cancelled, no-show, and expired when its day has passed in the office’s zone', async () => {
    for (const status of ['cancelled', 'no_show', 'served'] as const) {
      const { flow } = fakeApi();
      flow.show({ ...TICKET, status });
      assert.equal(flow.getSnapshot().phase, status);
      assert.equal(flow.getSnapshot().over, true);
    }
    // The flow's clock is 23 Nov 09:00 WIB: a ticket of the 22nd that still "waits" has expired.
    const { flow, sources } = fakeApi();
    flow.show({ ...TICKET, date: '2026-11-22' });
    assert.equal(flow.getSnapshot().phase, 'expired');
    assert.equal(flow.getSnapshot().over, true);
    assert.equal(sources.length, 0, 'an expired ticket is not followed');
    // Today in Jakarta is still the 23rd at 23:30 WIB (16:30 UTC): a ticket of the 23rd has not expired.
    const late = new TicketFlow(fakeApi().api, { eventSource: null, now: () => new Date('2026-11-23T16:30:00Z'), pollMs: 1e9 });
    late.show({ ...TICKET, date: '2026-11-23' });
    assert.equal(late.getSnapshot().phase, 'waiting');
    late.dispose();
    const next = new TicketFlow(fakeApi().api, { eventSource: null, now: () => new Date('2026-11-23T17:30:00Z'), pollMs: 1e9 });
    next.show({ ...TICKET, date: '2026-11-23' });
    assert.equal(next.getSnapshot().phase, 'expired', '00:30 WIB on the 24th');
    next.dispose();
  });

  it('keeps a checked-in ticket checked in while it waits, and pauses the live position', async () => {
    const { flow, sources } = fakeApi();
    flow.show({ ...TICKET, status: 'checked_in' }, PHONE);
    sources[0]!.emit('queue', queueState('2026-11-24', 2, [4]), 2);
    assert.equal(flow.getSnapshot().status, 'checked_in');
    assert.equal(flow.getSnapshot().ahead, 0);
    await flow.openReschedule();
    assert.equal(flow.getSnapshot().mode, 'view', 'a checked-in ticket no longer moves');
    flow.stop();
    assert.equal(sources[0]!.readyState, 2);
    flow.start();
    assert.equal(sources.length, 2, 'resumed');
    flow.dispose();
  });
});
