import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as z from 'zod/mini';
import { Availability, DuplicateBookingProblem, Ticket, TicketPosition, QueueState } from '@mpp-kit/core';
import { DB_KIND, freshDb, problemOf } from './helpers.js';
import { startServer, type RunningServer } from '../src/server.js';
import { createLogger } from '../src/log.js';
import jsQR from 'jsqr';

// Monday 23 November 2026, 09:00 in Jakarta (WIB, UTC+7).
const MONDAY_9 = Date.parse('2026-11-23T02:00:00Z');
const ADMIN = 'test-admin-token';
let serial = 1;
/** A fresh valid NIK (Kota Bogor, born 1 Jan 1990, male) per call. */
const nik = () => `32710101019${String(serial++).padStart(5, '0')}`.slice(0, 16);
const phone = () => `0812${String(10_000_000 + serial++).slice(-8)}`;

/** Reads a ticket's QR code the way a scanner would: the path drawn black on white at 8 px a module, then decoded. */
function scan(qr: { size: number; path: string }): string | null {
  const scale = 8;
  const w = qr.size * scale;
  const px = new Uint8ClampedArray(w * w * 4).fill(255);
  for (const m of qr.path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    const [x, y, run] = [Number(m[1]), Number(m[2]), Number(m[3])];
    for (let py = y * scale; py < (y + 1) * scale; py++)
      for (let px0 = x * scale; px0 < (x + run) * scale; px0++) px.fill(0, (py * w + px0) * 4, (py * w + px0) * 4 + 3);
  }
  return jsQR(px, w, w)?.data ?? null;
}

describe(`online queue on ${DB_KIND}`, { timeout: 180_000 }, () => {
  let srv: RunningServer;
  let drop: () => Promise<void>;
  let nowMs = MONDAY_9;
  const logs: string[] = [];

  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(srv.url + path, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: text ? (JSON.parse(text) as Record<string, unknown>) : null, res };
  };
  const availability = async (service: string, from?: string, days = 14) =>
    z.parse(Availability, (await call('GET', `/api/v1/services/${service}/availability?days=${days}${from ? `&from=${from}` : ''}`)).json);
  const book = (slotId: string, over: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    call(
      'POST',
      '/api/v1/bookings',
      { serviceId: 'disdukcapil-ktp-el', slotId, name: 'Siti Aminah', nik: nik(), phone: phone(), ...over },
      headers,
    );

  before(async () => {
    const f = await freshDb();
    drop = f.drop;
    srv = await startServer({
      port: 0,
      db: f.db,
      seedDemo: true,
      adminToken: ADMIN,
      logger: createLogger((l) => logs.push(l)),
      clock: { now: () => new Date(nowMs) },
      config: { trustProxy: true, limits: { wrongPhones: { max: 5, windowSeconds: 3600 } } },
    });
  });
  after(async () => {
    await srv?.close();
    await drop?.();
  });

  it('knows the opening days, the breaks, weekends, holidays and the booking window', async () => {
    const a = await availability('disdukcapil-ktp-el');
    assert.equal(a.today, '2026-11-23');
    assert.equal(a.timeZone, 'Asia/Jakarta');
    const [mon, , , , fri, sat, sun] = a.days;
    assert.equal(mon!.status, 'open');
    // 09:00 now, booking closes 30 minutes before a slot: the first bookable slot today is 10:00.
    assert.equal(mon!.slots[0]!.start, '10:00');
    assert.ok(!mon!.slots.some((s) => s.start === '12:00' || s.start === '12:30'), 'lunch break');
    assert.ok(!fri!.slots.some((s) => s.start >= '11:00' && s.start < '13:00'), 'Friday prayer break');
    assert.equal(fri!.slots[0]!.start, '08:00');
    assert.equal(sat!.reason, 'weekend');
    assert.equal(sun!.status, 'closed');
    assert.equal(mon!.slots[0]!.startsAt, '2026-11-23T10:00:00+07:00');
    assert.ok(mon!.lanes.walkIn > 0 && mon!.lanes.priority > 0, 'walk-in and priority lanes');
    const far = await availability('disdukcapil-ktp-el', '2026-12-08', 1);
    assert.equal(far.days[0]!.reason, 'beyond_window');
    // A holiday is named even beyond the window: the citizen learns why, not just "too far".
    const xmas = await availability('disdukcapil-ktp-el', '2026-12-24', 2);
    assert.deepEqual(
      xmas.days.map((d) => d.reason),
      ['cuti_bersama', 'holiday'],
    );
    nowMs = Date.parse('2026-12-14T02:00:00Z');
    const later = await availability('disdukcapil-ktp-el', '2026-12-24', 2);
    assert.deepEqual(
      later.days.map((d) => d.reason),
      ['cuti_bersama', 'holiday'],
    );
    assert.equal(later.days[1]!.note, 'Hari Raya Natal');
    nowMs = MONDAY_9;
  });

  it('opens a date at the release time, days ahead', async () => {
    nowMs = Date.parse('2026-11-22T23:30:00Z'); // Monday 06:30 WIB: 7 December not released yet
    const early = await availability('disdukcapil-ktp-el', '2026-12-07', 1);
    assert.equal(early.days[0]!.reason, 'not_open_yet');
    assert.equal(early.days[0]!.opensAt, '2026-11-23T07:00:00+07:00');
    nowMs = MONDAY_9;
    const open = await availability('disdukcapil-ktp-el', '2026-12-07', 1);
    assert.equal(open.days[0]!.status, 'open');
  });

  it('books a ticket with a queue number, masked NIK and phone, and never stores the NIK', async () => {
    const a = await availability('disdukcapil-ktp-el', '2026-11-24', 1);
    const slot = a.days[0]!.slots[0]!;
    const id = nik();
    const r = await book(slot.id, { nik: id, phone: '+62 812-3456-7890', email: 'siti@example.com' });
    assert.equal(r.status, 201, JSON.stringify(r.json));
    const t = z.parse(Ticket, r.json);
    assert.match(t.queueNumber, /^B-\d{3}$/);
    assert.match(t.code, /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    assert.equal(t.nikMasked, `************${id.slice(-4)}`, 'only the last four digits');
    assert.equal(t.phoneMasked.includes('3456'), false);
    assert.equal(t.date, '2026-11-24');
    assert.ok(t.requirements.length > 0);
    const rows = await srv.db.query<Record<string, unknown>>('select * from bookings');
    assert.doesNotMatch(JSON.stringify(rows), new RegExp(id), 'NIK stored only as a keyed hash');
    assert.doesNotMatch(logs.join('\n'), new RegExp(`${id}|81234567890`), 'no NIK or phone in the logs');
    const after = await availability('disdukcapil-ktp-el', '2026-11-24', 1);
    assert.equal(after.days[0]!.slots[0]!.remaining, slot.remaining - 1);
  });

  it('refuses bad input with its own code, 4xx, never 5xx', async () => {
    const slot = (await availability('disdukcapil-ktp-el', '2026-11-24', 1)).days[0]!.slots[1]!.id;
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [{ nik: '12345' }, 422, 'nik_format'],
      [{ nik: '3200000101900001' }, 422, 'nik_region'],
      [{ nik: '3271013002001234' }, 422, 'nik_birth_date'],
      [{ nik: '3271017201900001' }, 422, 'nik_birth_date'],
      [{ nik: '3271010101900000' }, 422, 'nik_serial'],
      [{ nik: '9971011708450001' }, 422, 'nik_province'],
      [{ phone: '0251-8321000' }, 422, 'phone_not_mobile'],
      [{ phone: 'telepon saya' }, 422, 'phone_format'],
      [{ email: 'bukan-email' }, 422, 'email_format'],
      [{ name: '' }, 400, 'validation_failed'],
      [{ slotId: 'disdukcapil-ktp-el@2026-11-24T0815' }, 404, 'slot_not_found'],
      [{ slotId: 'disdukcapil-ktp-el@2026-11-20T0800' }, 422, 'date_past'],
      [{ slotId: 'disdukcapil-ktp-el@2026-11-23T0800' }, 422, 'date_past'],
      [{ slotId: 'disdukcapil-ktp-el@2026-11-28T0800' }, 422, 'date_closed'],
      [{ slotId: 'disdukcapil-ktp-el@2026-12-22T0800' }, 422, 'date_beyond_window'],
      [{ slotId: 'disdukcapil-ktp-el@2026-12-25T0800' }, 422, 'date_closed'],
      [{ slotId: 'polresta-skck@2026-11-24T0800' }, 404, 'slot_not_found'],
      [{ serviceId: 'tidak-ada' }, 404, 'service_not_found'],
    ];
    for (const [over, status, code] of cases) {
      const r = await book(slot, over);
      assert.equal(r.status, status, `${JSON.stringify(over)} → ${JSON.stringify(r.json)}`);
      assert.equal((await problemOf(new Response(JSON.stringify(r.json), { headers: r.headers }))).code, code);
    }
    const r = await book(slot, { nik: '3271000101900001', phone: '021 555' });
    assert.deepEqual(
      (r.json!.errors as { path: string }[]).map((e) => e.path),
      ['nik', 'phone'],
      'every invalid field is reported at once',
    );
  });

  it('gives one active ticket per NIK per service per day, enforced by the database', async () => {
    const slots = (await availability('disdukcapil-ktp-el', '2026-11-25', 1)).days[0]!.slots;
    const id = nik();
    assert.equal((await book(slots[0]!.id, { nik: id })).status, 201);
    const second = await book(slots[1]!.id, { nik: id.replace(/^(\d{4})/, '$1') });
    assert.equal(second.status, 409);
    assert.equal((second.json as { code: string }).code, 'duplicate_booking');
    const again = await availability('disdukcapil-ktp-el', '2026-11-25', 1);
    assert.equal(again.days[0]!.slots[1]!.remaining, slots[1]!.remaining, 'the refused attempt took no place');
    const kk = (await availability('disdukcapil-kk-baru', '2026-11-25', 1)).days[0]!.slots[0]!;
    assert.equal((await book(kk.id, { nik: id, serviceId: 'disdukcapil-kk-baru' })).status, 201, 'another service the same day is fine');
  });

  it('says which ticket a duplicate is only to the phone it was booked with', async () => {
    const slots = (await availability('disdukcapil-ktp-el', '2026-11-25', 1)).days[0]!.slots;
    const [id, mine] = [nik(), phone()];
    const first = await book(slots[2]!.id, { nik: id, phone: mine });
    assert.equal(first.status, 201);
    const ticket = z.parse(Ticket, first.json);

    // The same citizen (same NIK and phone, typed another way) tries again: they get their ticket back.
    const again = await book(slots[3]!.id, { nik: id, phone: `+62 ${mine.slice(1, 4)}-${mine.slice(4)}` });
    assert.equal(again.status, 409);
    assert.match(again.headers.get('content-type') ?? '', /^application\/problem\+json/);
    const p = again.json as Record<string, unknown>;
    assert.equal(p.code, 'duplicate_booking');
    assert.deepEqual(z.parse(DuplicateBookingProblem, p).existing, {
      code: ticket.code,
      queueNumber: ticket.queueNumber,
      date: ticket.date,
      slot: ticket.slot,
    });
    assert.deepEqual(p.errors, [{ path: 'nik', code: 'duplicate_booking' }]);

    // Someone who only knows the NIK learns that a ticket exists, never which one.
    const other = await book(slots[3]!.id, { nik: id, phone: phone() });
    assert.equal(other.status, 409);
    const q = other.json as Record<string, unknown>;
    assert.equal(q.code, 'duplicate_booking');
    assert.equal(q.existing, null);
    const raw = JSON.stringify(q);
    for (const secret of [ticket.code, ticket.queueNumber, ticket.slot.start, ticket.phoneMasked])
      assert.ok(!raw.includes(secret), `no ${secret} in the answer to another phone`);

    // A cancelled ticket is no duplicate: the NIK books again.
    assert.equal((await call('POST', `/api/v1/bookings/${ticket.code}/cancel`, { phone: mine })).status, 200);
    assert.equal((await book(slots[3]!.id, { nik: id, phone: mine })).status, 201);
  });

  it('never overbooks a slot, even with concurrent attempts', async () => {
    await srv.db.query(`update queue_rules set slot_capacity = 5 where service_id = 'disdukcapil-akta-kelahiran'`);
    const slot = (await availability('disdukcapil-akta-kelahiran', '2026-11-26', 1)).days[0]!.slots[0]!;
    assert.equal(slot.capacity, 5);
    const results = await Promise.all(Array.from({ length: 30 }, () => book(slot.id, { serviceId: 'disdukcapil-akta-kelahiran' })));
    const codes = results.map((r) => r.status);
    assert.equal(codes.filter((c) => c === 201).length, 5);
    assert.ok(results.filter((r) => r.status !== 201).every((r) => r.status === 409 && (r.json as { code: string }).code === 'slot_full'));
    const [row] = await srv.db.query<{ booked: number }>(`select booked from slots where id = $1`, [slot.id]);
    assert.equal(Number(row!.booked), 5);
  });

  it('books against the rules as they are now, even when they were changed in SQL behind its back', async () => {
    const slot = (await availability('disdukcapil-kia', '2026-11-27', 1)).days[0]!.slots[0]!;
    // The rules of this service are cached now; close the date without going through the API.
    await srv.db.query(
      `insert into holidays (office_id, date, name, kind) select office_id, '2026-11-27', 'Banjir', 'closure' from agencies where id = 'disdukcapil'`,
    );
    const refused = await book(slot.id, { serviceId: 'disdukcapil-kia' });
    assert.equal(refused.status, 422);
    assert.equal((refused.json as { code: string }).code, 'date_closed');
    await srv.db.query(`delete from holidays where date = '2026-11-27' and name = 'Banjir'`);
    assert.equal((await book(slot.id, { serviceId: 'disdukcapil-kia' })).status, 201, 'open again once the closure is gone');
  });

  it('offers a place freed by a cancellation at once, even right after the slot was found full', async () => {
    const svc = 'disdukcapil-pindah-keluar';
    await srv.db.query(`update queue_rules set slot_capacity = 2 where service_id = $1`, [svc]);
    const slot = (await availability(svc, '2026-11-30', 1)).days[0]!.slots[0]!;
    assert.equal(slot.capacity, 2);
    const p = phone();
    const first = await book(slot.id, { serviceId: svc, phone: p });
    assert.equal(first.status, 201);
    const key = { 'idempotency-key': 'retry-after-full' };
    const body = { serviceId: svc, slotId: slot.id, name: 'Sari', nik: nik(), phone: phone() };
    const second = await call('POST', '/api/v1/bookings', body, key);
    assert.equal(second.status, 201);
    const full = await book(slot.id, { serviceId: svc });
    assert.equal(full.status, 409);
    assert.equal((full.json as { code: string }).code, 'slot_full');
    // A retry of an attempt that got its ticket is still answered with that ticket, full or not.
    const again = await call('POST', '/api/v1/bookings', body, key);
    assert.equal(again.status, 201);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal((again.json as { code: string }).code, (second.json as { code: string }).code);
    // Once the slot is known full it is refused before the identity is looked at (the cheapest
    // refusal when a quota opens), but a reused key with another body is still caught.
    const badNik = await book(slot.id, { serviceId: svc, nik: '3271010101900000' });
    assert.equal(badNik.status, 409);
    assert.equal((badNik.json as { code: string }).code, 'slot_full');
    const changed = await call('POST', '/api/v1/bookings', { ...body, name: 'Sari Dewi' }, key);
    assert.equal(changed.status, 422);
    assert.equal((changed.json as { code: string }).code, 'idempotency_key_reused');
    // Cancel one: the place can be booked again immediately.
    assert.equal((await call('POST', `/api/v1/bookings/${(first.json as { code: string }).code}/cancel`, { phone: p })).status, 200);
    assert.equal((await book(slot.id, { serviceId: svc })).status, 201, 'the freed place is offered again');
    assert.equal((await book(slot.id, { serviceId: svc })).status, 409);
  });

  it('returns the same ticket for a retried submit with the same Idempotency-Key', async () => {
    const slot = (await availability('disdukcapil-ktp-el', '2026-11-26', 1)).days[0]!.slots[2]!;
    const body = { serviceId: 'disdukcapil-ktp-el', slotId: slot.id, name: 'Budi', nik: nik(), phone: phone() };
    const [a, b] = await Promise.all([
      call('POST', '/api/v1/bookings', body, { 'idempotency-key': 'k-123' }),
      call('POST', '/api/v1/bookings', body, { 'idempotency-key': 'k-123' }),
    ]);
    assert.equal(a.status, 201);
    assert.equal(b.status, 201);
    assert.equal((a.json as { code: string }).code, (b.json as { code: string }).code);
    const c = await call('POST', '/api/v1/bookings', body, { 'idempotency-key': 'k-123' });
    assert.equal(c.headers.get('idempotent-replayed'), 'true');
    const n = await srv.db.query<{ n: number }>(`select count(*)::int as n from bookings where slot_id = $1`, [slot.id]);
    assert.equal(Number(n[0]!.n), 1);
    const other = await call('POST', '/api/v1/bookings', { ...body, name: 'Someone else' }, { 'idempotency-key': 'k-123' });
    assert.equal(other.status, 422);
    assert.equal((other.json as { code: string }).code, 'idempotency_key_reused');
  });

  it('lets nobody who knows a booking code guess its phone or lock its owner out', async () => {
    const slot = (await availability('disdukcapil-ktp-el', '2026-11-30', 1)).days[0]!.slots[3]!;
    const p = phone();
    const t = z.parse(Ticket, (await book(slot.id, { phone: p })).json);
    // Two clients, told apart by the proxy's X-Forwarded-For (the test server trusts it).
    const from = (address: string, ph: string, action = 'lookup') =>
      call('POST', `/api/v1/bookings/${t.code}/${action}`, { phone: ph }, { 'x-forwarded-for': address });
    const attacker = '203.0.113.66';
    const owner = '198.51.100.7';
    for (let i = 0; i < 5; i++) assert.equal((await from(attacker, `0813000000${i}${i}`)).status, 403);
    const blocked = await from(attacker, p);
    assert.equal(blocked.status, 429, 'the guesser is stopped, even when the next guess is right: it learns nothing');
    assert.equal((blocked.json as { code: string }).code, 'rate_limited');
    assert.ok(Number(blocked.headers.get('retry-after')) > 0);
    assert.equal((await from(attacker, p, 'cancel')).status, 429, 'cancel too');
    const mine = await from(owner, p);
    assert.equal(mine.status, 200, 'the owner is not locked out');
    const [row] = await srv.db.query<{ status: string }>(`select status from bookings where code = $1`, [t.code]);
    assert.equal(row!.status, 'booked');
    // The window passes (the injected clock, no sleeping): the address may try again.
    nowMs += 61 * 60_000;
    assert.equal((await from(attacker, p)).status, 200);
    nowMs = MONDAY_9;
  });

  it('looks a ticket up by code and phone, cancels and reschedules, freeing the slot at once', async () => {
    const day = (await availability('disdukcapil-ktp-el', '2026-11-27', 1)).days[0]!;
    const [s1, s2] = [day.slots[0]!, day.slots[1]!];
    const p = '081298765432';
    const t = z.parse(Ticket, (await book(s1.id, { phone: p })).json);
    assert.equal(scan(t.qr), t.code, 'the ticket carries a QR code that scans as its booking code');
    const found = await call('POST', `/api/v1/bookings/${t.code}/lookup`, { phone: '+6281298765432' });
    assert.equal(found.status, 200);
    assert.deepEqual(z.parse(Ticket, found.json).qr, t.qr);
    assert.equal((await call('POST', `/api/v1/bookings/${t.code}/lookup`, { phone: '081200000000' })).status, 403);
    assert.equal((await call('POST', `/api/v1/bookings/ZZZZ-ZZZZ/lookup`, { phone: p })).status, 404);
    assert.equal((await call('POST', `/api/v1/bookings/not-a-code/lookup`, { phone: p })).status, 400);

    const moved = await call('POST', `/api/v1/bookings/${t.code}/reschedule`, { phone: p, slotId: s2.id });
    assert.equal(moved.status, 200, JSON.stringify(moved.json));
    assert.equal((moved.json as { slot: { id: string } }).slot.id, s2.id);
    let now = await availability('disdukcapil-ktp-el', '2026-11-27', 1);
    assert.equal(now.days[0]!.slots[0]!.remaining, s1.remaining, 'old slot freed');
    assert.equal(now.days[0]!.slots[1]!.remaining, s2.remaining - 1, 'new slot taken');

    const cancelled = await call('POST', `/api/v1/bookings/${t.code}/cancel`, { phone: p });
    assert.equal((cancelled.json as { status: string }).status, 'cancelled');
    now = await availability('disdukcapil-ktp-el', '2026-11-27', 1);
    assert.equal(now.days[0]!.slots[1]!.remaining, s2.remaining, 'cancelled place is free again');
    assert.equal((await call('POST', `/api/v1/bookings/${t.code}/cancel`, { phone: p })).status, 200, 'cancelling twice is harmless');
    const re = await call('POST', `/api/v1/bookings/${t.code}/reschedule`, { phone: p, slotId: s1.id });
    assert.equal((re.json as { code: string }).code, 'booking_cancelled');
  });

  it('does not reschedule on the day itself', async () => {
    const today = (await availability('disdukcapil-ktp-el', '2026-11-23', 1)).days[0]!;
    const p = phone();
    const t = z.parse(Ticket, (await book(today.slots[0]!.id, { phone: p })).json);
    const r = await call('POST', `/api/v1/bookings/${t.code}/reschedule`, { phone: p, slotId: today.slots[1]!.id });
    assert.equal(r.status, 409);
    assert.equal((r.json as { code: string }).code, 'booking_not_changeable');
  });

  it('tracks the live position; staff move the queue with role and agency checks; SSE pushes and resumes', async () => {
    const day = (await availability('disdukcapil-kia', '2026-11-23', 1)).days[0]!;
    const late = z.parse(Ticket, (await book(day.slots[3]!.id, { serviceId: 'disdukcapil-kia' })).json);
    const early = z.parse(Ticket, (await book(day.slots[0]!.id, { serviceId: 'disdukcapil-kia' })).json);
    const queueId = late.queueId;
    assert.equal(queueId, 'disdukcapil.B');
    const pos = z.parse(TicketPosition, (await call('GET', `/api/v1/bookings/${late.code}/position`)).json);
    assert.equal(scan(pos.qr), late.code, 'the position by code carries the QR code too');
    const posEarly = z.parse(TicketPosition, (await call('GET', `/api/v1/bookings/${early.code}/position`)).json);
    assert.ok(pos.ahead > posEarly.ahead, 'an earlier slot is called first, whatever the number');
    assert.ok(pos.estimatedWaitMinutes! >= 0);
    // By code alone: which ticket it is (for the hall), never whose.
    assert.deepEqual(
      [pos.queueNumber, pos.serviceName, pos.date, pos.slot.start, pos.location, pos.counter],
      [late.queueNumber, late.serviceName, '2026-11-23', late.slot.start, late.location, null],
    );
    const raw = JSON.stringify((await call('GET', `/api/v1/bookings/${late.code}/position`)).json);
    for (const personal of [late.name, late.nikMasked, late.phoneMasked]) assert.ok(!raw.includes(personal), `no ${personal}`);

    // SSE: the first event is the current state; a call pushes a newer one.
    const ctl = new AbortController();
    const res = await fetch(`${srv.url}/api/v1/queues/${queueId}/events`, { signal: ctl.signal });
    assert.match(res.headers.get('content-type') ?? '', /text\/event-stream/);
    const reader = res.body!.getReader();
    const dec = new TextDecoder();
    let buf = '';
    const nextEvent = async () => {
      for (;;) {
        const i = buf.indexOf('\n\n');
        if (i >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const data = block.split('\n').find((l) => l.startsWith('data:'));
          if (data) return { id: Number(block.match(/^id: ?(\d+)/m)?.[1]), state: z.parse(QueueState, JSON.parse(data.slice(5))) };
          continue;
        }
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        buf += dec.decode(value, { stream: true });
      }
    };
    const first = await nextEvent();
    assert.equal(first.state.nowServing, null);

    assert.equal((await call('POST', `/api/v1/staff/queues/${queueId}/call-next`, { counter: 'Loket 7' })).status, 401);
    const [polres] = await srv.db.query<{ id: string }>(`select id from staff where agency_id = 'polresta-bogor'`);
    assert.ok(polres);
    const denied = await call(
      'POST',
      `/api/v1/staff/queues/${queueId}/call-next`,
      { counter: 'Loket 7' },
      { authorization: 'Bearer wrong' },
    );
    assert.equal(denied.status, 401);
    const ok = await call(
      'POST',
      `/api/v1/staff/queues/${queueId}/call-next`,
      { counter: 'Loket 7' },
      { authorization: `Bearer ${ADMIN}` },
    );
    assert.equal(ok.status, 200, JSON.stringify(ok.json));
    const pushed = await nextEvent();
    assert.ok(pushed.id > first.id);
    assert.ok(pushed.state.nowServing);
    assert.equal(pushed.state.nowServingCounter, 'Loket 7', 'the board knows where the number was called to');
    const after = z.parse(TicketPosition, (await call('GET', `/api/v1/bookings/${late.code}/position`)).json);
    assert.equal(after.ahead, pos.ahead - 1, 'one fewer ahead after a call');
    const calledCode = (ok.json as { called: { code: string } }).called.code;
    const called = z.parse(TicketPosition, (await call('GET', `/api/v1/bookings/${calledCode}/position`)).json);
    assert.deepEqual([called.status, called.counter], ['called', 'Loket 7'], 'the called ticket says which counter');
    ctl.abort();

    // Resume: a client that already saw the latest version gets no duplicate; a newer change arrives.
    const ctl2 = new AbortController();
    const res2 = await fetch(`${srv.url}/api/v1/queues/${queueId}/events`, {
      signal: ctl2.signal,
      headers: { 'last-event-id': String(pushed.id) },
    });
    const r2 = res2.body!.getReader();
    await call('POST', `/api/v1/staff/queues/${queueId}/call-next`, { counter: 'Loket 7' }, { authorization: `Bearer ${ADMIN}` });
    const { value } = await r2.read();
    const text = dec.decode(value);
    const ids = [...text.matchAll(/^id: ?(\d+)/gm)].map((m) => Number(m[1]));
    assert.ok(ids.length >= 1 && ids.every((i) => i > pushed.id), `resumed after ${pushed.id}: ${text}`);
    ctl2.abort();
  });

  it('checks the agency scope of staff tokens', async () => {
    const { demoStaff } = await import('../src/seed/queue.js');
    const staff = await demoStaff(srv.db);
    const polres = staff.find((s) => s.agencyId === 'polresta-bogor')!;
    const dukcapil = staff.find((s) => s.agencyId === 'disdukcapil')!;
    const r = await call(
      'POST',
      `/api/v1/staff/queues/disdukcapil.B/call-next`,
      { counter: 'Loket 1' },
      { authorization: `Bearer ${polres.token}` },
    );
    assert.equal(r.status, 403);
    assert.equal((r.json as { code: string }).code, 'forbidden');
    const ok = await call(
      'POST',
      `/api/v1/staff/queues/disdukcapil.B/call-next`,
      { counter: 'Loket 1' },
      { authorization: `Bearer ${dukcapil.token}` },
    );
    assert.equal(ok.status, 200);
    assert.equal((await call('GET', `/api/v1/queues/nope.Z`)).status, 404);
  });
});

describe(`holidays and closures as admin-editable data on ${DB_KIND}`, { timeout: 120_000 }, () => {
  let srv: RunningServer;
  let drop: () => Promise<void>;
  const api = async (method: string, path: string, body?: unknown, token?: string) => {
    const res = await fetch(srv.url + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  before(async () => {
    const f = await freshDb();
    drop = f.drop;
    srv = await startServer({
      port: 0,
      db: f.db,
      seedDemo: true,
      adminToken: ADMIN,
      logger: createLogger(() => {}),
      clock: { now: () => new Date(MONDAY_9) },
    });
    const { sha256 } = await import('../src/crypto/hash.js');
    await srv.db.query(
      `insert into staff (id, name, role, agency_id, token_hash) values ('kadis-imigrasi', 'Admin Imigrasi', 'agency_admin', 'imigrasi', $1)`,
      [sha256('imigrasi-admin')],
    );
  });
  after(async () => {
    await srv?.close();
    await drop?.();
  });

  it('lists the seeded holidays and lets staff close a date for a service, an agency or the office, in scope', async () => {
    const list = await api('GET', '/api/v1/holidays?from=2026-12-01&to=2026-12-31');
    assert.deepEqual(
      (list.json.items as { date: string }[]).map((h) => h.date),
      ['2026-12-24', '2026-12-25'],
    );

    const closure = { date: '2026-11-25', name: 'Blanko paspor habis', kind: 'closure', serviceId: 'imigrasi-paspor-baru' };
    assert.equal((await api('POST', '/api/v1/staff/holidays', closure)).status, 401);
    const [counter] = (await (await import('../src/seed/queue.js')).demoStaff(srv.db)).filter(
      (s) => s.role === 'counter' && s.agencyId === 'imigrasi',
    );
    assert.equal(
      (await api('POST', '/api/v1/staff/holidays', closure, counter!.token)).status,
      403,
      'a counter account cannot close dates',
    );
    assert.equal(
      (await api('POST', '/api/v1/staff/holidays', { ...closure, serviceId: 'polresta-skck' }, 'imigrasi-admin')).status,
      403,
      'another agency is out of scope',
    );
    assert.equal(
      (await api('POST', '/api/v1/staff/holidays', { ...closure, serviceId: undefined }, 'imigrasi-admin')).status,
      403,
      'office-wide needs an admin',
    );
    const made = await api('POST', '/api/v1/staff/holidays', closure, 'imigrasi-admin');
    assert.equal(made.status, 201, JSON.stringify(made.json));
    assert.equal((await api('POST', '/api/v1/staff/holidays', closure, 'imigrasi-admin')).json.code, 'holiday_exists');

    const avail = await api('GET', '/api/v1/services/imigrasi-paspor-baru/availability?from=2026-11-25&days=1');
    const day = (avail.json.days as { reason: string; note: string }[])[0]!;
    assert.deepEqual([day.reason, day.note], ['closure', 'Blanko paspor habis']);
    const other = await api('GET', '/api/v1/services/disdukcapil-ktp-el/availability?from=2026-11-25&days=1');
    assert.equal((other.json.days as { status: string }[])[0]!.status, 'open', 'other services stay open');

    const office = await api('POST', '/api/v1/staff/holidays', { date: '2026-11-26', name: 'Pemadaman listrik', kind: 'closure' }, ADMIN);
    assert.equal(office.status, 201);
    const closed = await api('GET', '/api/v1/services/disdukcapil-ktp-el/availability?from=2026-11-26&days=1');
    assert.equal((closed.json.days as { reason: string }[])[0]!.reason, 'closure');

    assert.equal((await api('DELETE', `/api/v1/staff/holidays/${made.json.id}`, undefined, 'imigrasi-admin')).status, 200);
    assert.equal((await api('DELETE', `/api/v1/staff/holidays/${office.json.id}`, undefined, 'imigrasi-admin')).status, 403);
    assert.equal((await api('DELETE', `/api/v1/staff/holidays/999999`, undefined, ADMIN)).status, 404);
    const reopened = await api('GET', '/api/v1/services/imigrasi-paspor-baru/availability?from=2026-11-25&days=1');
    assert.equal((reopened.json.days as { status: string }[])[0]!.status, 'open');
  });
});
