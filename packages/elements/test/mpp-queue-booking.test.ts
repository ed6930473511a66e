import { html, fixture, expect, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { maskNik, type AvailabilityDay } from '@mpp-kit/core';
import '../src/mpp-queue-booking/define.js';
import '../src/mpp-service-catalog/define.js';
import type { MppQueueBooking } from '../src/mpp-queue-booking/mpp-queue-booking.js';
import type { MppServiceCatalog } from '../src/mpp-service-catalog/mpp-service-catalog.js';
import type { MppQueueTicket } from '../src/mpp-queue-ticket/mpp-queue-ticket.js';
import type { MppBookingCreatedEvent, MppSlotsLoadedEvent } from '../src/mpp-queue-booking/events.js';
import { BOOKING_MESSAGES } from '../src/mpp-queue-booking/messages.js';
import { bookingEn } from '../src/mpp-queue-booking/messages.en.js';
import { dayStatusText } from '../src/shared/schedule.js';
import { $, $$, clearStorage, setProxy, typeInto, until } from './helpers.js';
import {
  ADMIN_TOKEN,
  API,
  DEAD_API,
  PROXY_API,
  api,
  bookDirect,
  chooseDate,
  chooseService,
  chooseSlot,
  datesReady,
  embeddedTicket,
  fillIdentity,
  firstOpenDay,
  headingText,
  next,
  randomNik,
  randomPhone,
  servicesReady,
  settle,
  slotRemaining,
  staffClient,
  stepOf,
  submit,
  value,
} from './queue-helpers.js';

const active = (el: Element) => el.shadowRoot!.activeElement as HTMLElement | null;
const fieldError = (el: Element, f: string) => $(el, `#f-${f}-error`)?.textContent?.trim() ?? '';

/** Holds POST /bookings until `release()` so the "submitting" state can be looked at. */
function holdBookings() {
  const real = window.fetch;
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const req = input instanceof Request ? input : new Request(input, init);
    if (req.method === 'POST' && req.url.endsWith('/bookings')) await gate;
    return real(input, init);
  };
  return {
    release: () => {
      release();
      window.fetch = real;
    },
  };
}

describe('<mpp-queue-booking>', () => {
  beforeEach(async () => {
    await clearStorage();
    await setProxy('up');
    await setViewport({ width: 1024, height: 800 });
  });

  it('offers only services with an online queue, limited by agency, accessible while loading and loaded', async () => {
    const el = await fixture<MppQueueBooking>(html`<mpp-queue-booking api=${API}></mpp-queue-booking>`);
    expect(headingText(el)).to.equal('Pilih layanan');
    await expect(el).to.be.accessible();
    await servicesReady(el);
    expect($(el, '#svc-status')!.textContent).to.match(/\d+ layanan dengan antrean daring/);
    const { items } = await api.catalog.listServices({ limit: 500 });
    const noQueue = items.find((s) => !s.onlineQueue);
    if (noQueue) {
      typeInto($<HTMLInputElement>(el, '#svc-q')!, noQueue.name);
      await settle(el);
      expect($(el, `[data-service="${noQueue.id}"]`), 'no online queue: not offered').to.equal(null);
    }
    typeInto($<HTMLInputElement>(el, '#svc-q')!, 'ktp');
    await settle(el);
    expect($(el, '[data-service="disdukcapil-ktp-el"]')).to.exist;
    await expect(el).to.be.accessible();

    const fixed = await fixture<MppQueueBooking>(html`<mpp-queue-booking api=${API} agency="imigrasi"></mpp-queue-booking>`);
    await servicesReady(fixed);
    const ids = $$(fixed, '[part="service"]').map((b) => b.dataset.service!);
    expect(ids.length).to.be.greaterThan(0);
    expect(ids.every((id) => id.startsWith('imigrasi-'))).to.equal(true);
  });

  it('books through every step — indicator, focus, axe in each state, events without personal data, QR and live position', async function () {
    this.timeout(90_000);
    const serviceId = 'disdukcapil-akta-kelahiran';
    const { day, last, first, availability } = await firstOpenDay(serviceId);
    // Two other citizens earlier the same day, so someone is ahead of us in the queue.
    const others = last.id !== first.id ? [await bookDirect(serviceId, first.id), await bookDirect(serviceId, first.id)] : [];
    const nik = randomNik();
    const phone = randomPhone();
    const events: Array<{ type: string; detail: unknown }> = [];
    const el = await fixture<MppQueueBooking>(html`<mpp-queue-booking api=${API} ticket-url="/tiket/"></mpp-queue-booking>`);
    for (const type of ['mpp-slots-loaded', 'mpp-booking-created', 'mpp-error', 'mpp-booking-cancelled'])
      el.addEventListener(type, (e) => events.push({ type, detail: (e as CustomEvent).detail }));

    // 1 service
    expect($(el, '[aria-current="step"]')!.textContent).to.contain('Layanan');
    const loaded = oneEvent(el, 'mpp-slots-loaded') as Promise<MppSlotsLoadedEvent>;
    await chooseService(el, serviceId);
    // 2 date
    const slotsEv = await loaded;
    expect(slotsEv.detail.serviceId).to.equal(serviceId);
    expect(slotsEv.detail.days).to.equal(el.flow!.getSnapshot().availability!.days.filter((d) => d.status === 'open').length);
    expect(active(el)?.id, 'step heading focused').to.equal('step-title');
    expect(headingText(el)).to.equal('Pilih tanggal');
    expect($(el, '[aria-current="step"]')!.textContent).to.contain('Tanggal');
    expect($$(el, '[data-date]')).to.have.length(14);
    await expect(el).to.be.accessible();
    await chooseDate(el, day.date);
    // 3 slot
    expect(active(el)?.id).to.equal('step-title');
    expect($(el, `[data-slot="${CSS.escape(last.id)}"]`)!.textContent!.replace(/\s+/g, ' ')).to.contain(
      `${last.start}–${last.end} · sisa ${last.remaining}`,
    );
    await expect(el).to.be.accessible();
    await chooseSlot(el, last.id);
    // 4 identity: errors first
    expect(active(el)?.id).to.equal('step-title');
    await next(el);
    expect(fieldError(el, 'name')).to.match(/nama lengkap/i);
    expect(fieldError(el, 'nik')).to.equal('⚠ NIK harus 16 angka.');
    expect($(el, '#f-nik')!.getAttribute('aria-invalid')).to.equal('true');
    expect($(el, '#f-nik')!.getAttribute('aria-describedby')).to.contain('f-nik-error');
    expect(active(el)?.id, 'first invalid field focused').to.equal('f-name');
    await expect(el).to.be.accessible();
    await fillIdentity(el, { name: 'Siti Aminah', nik, phone, email: 'siti@contoh.id' });
    await next(el);
    // 5 confirm
    expect(stepOf(el)).to.equal('confirm');
    expect(active(el)?.id).to.equal('step-title');
    const summary = $(el, '[part="summary"]')!.textContent!;
    expect(summary).to.contain(maskNik(nik));
    expect(summary, 'full NIK never shown').not.to.contain(nik);
    expect(summary).to.contain(`${phone.slice(0, 4)}-${phone.slice(4, 8)}-${phone.slice(8)}`);
    expect(summary).to.contain('Siti Aminah');
    expect($$(el, 'ul.bring li').length, 'what to bring').to.be.greaterThan(0);
    await expect(el).to.be.accessible();
    // submitting
    const hold = holdBookings();
    const created = oneEvent(el, 'mpp-booking-created') as Promise<MppBookingCreatedEvent>;
    await submit(el);
    expect(el.flow!.getSnapshot().submitting).to.equal(true);
    expect($(el, '[data-action="submit"]')!.getAttribute('aria-disabled')).to.equal('true');
    expect($(el, '[data-action="submit"]')!.textContent).to.contain('Sedang memproses');
    await expect(el).to.be.accessible();
    hold.release();
    const ev = await created;
    // 6 ticket
    const ticket = el.flow!.getSnapshot().ticket!;
    expect(ev.detail).to.deep.equal({ code: ticket.code, serviceId, date: day.date, slot: last.start, queueNumber: ticket.queueNumber });
    for (const e of events) {
      const json = JSON.stringify(e.detail);
      expect(json, e.type).not.to.contain(nik);
      expect(json, e.type).not.to.contain(phone);
      expect(json, e.type).not.to.contain('Siti');
    }
    const tk = await embeddedTicket(el);
    await settle(el);
    expect(active(el)?.id).to.equal('step-title');
    expect($(tk, '[part="number"]')!.textContent).to.equal(ticket.queueNumber);
    const qr = $(tk, 'svg[role="img"]')!;
    expect(qr.getAttribute('aria-label')).to.contain(ticket.code);
    expect(qr.querySelector('path')!.getAttribute('d')!.length).to.be.greaterThan(100);
    const page = new URL(`/tiket/?kode=${ticket.code}`, location.href).href;
    expect($<HTMLAnchorElement>(tk, '[data-action="later"]')!.href).to.equal(page);
    expect($<HTMLAnchorElement>(el, '[data-action="open-ticket"]')!.href, '"Lihat tiket" opens this ticket').to.equal(page);
    expect($(el, '[data-action="open-ticket"]')!.textContent!.trim()).to.equal('Lihat tiket');
    // live position
    await until(() => $(tk, '[data-ahead]'), 'live position', 20_000);
    expect($(tk, '[aria-live="polite"]')!.textContent).to.match(/orang di depan Anda|Tidak ada orang di depan Anda/);
    await until(() => /Terhubung langsung|Diperbarui berkala/.test($(tk, '[part="connection"]')?.textContent ?? ''), 'connected', 20_000);
    await expect(el).to.be.accessible();

    const position = await api.queue.position(ticket.code);
    expect(Number($(tk, '[data-ahead]')!.dataset.ahead)).to.equal(position.ahead);
    if (ADMIN_TOKEN && ticket.date === availability.today && others.length) {
      const aheadBefore = position.ahead;
      const staff = staffClient(ADMIN_TOKEN);
      const call = await staff.queue.callNext(ticket.queueId, 'Loket 1');
      expect(call.called).to.not.equal(null);
      await until(() => $(tk, '[data-now]')?.getAttribute('data-now') === call.queue.nowServing, 'now serving changes', 20_000);
      expect($(tk, '[aria-live="polite"]')!.textContent).to.contain(`Sedang dilayani: ${call.queue.nowServing}`);
      await until(() => Number($(tk, '[data-ahead]')?.dataset.ahead) === aheadBefore - 1, 'ahead goes down', 20_000);
    } else {
      // TODO(lead): needs `ADMIN_TOKEN` exported by /__mpp-test-env.js (server started with MPP_ADMIN_TOKEN)
      // and `MPP_NOW` on a weekday morning so the booked date is the server's today; then the
      // staff API moves the queue and this test checks "now serving" and "ahead" change live.
      console.warn('[queue test] staff step skipped: no ADMIN_TOKEN or the booked date is not the server’s today');
    }

    // Cancel from the embedded ticket (the phone is known from the booking): the place is free at once.
    const remaining = await slotRemaining(serviceId, last.id);
    $<HTMLButtonElement>(tk, '[data-action="cancel"]')!.click();
    await settle(tk);
    const cancelled = oneEvent(el, 'mpp-booking-cancelled');
    $<HTMLButtonElement>(tk, '[data-action="cancel-yes"]')!.click();
    expect((await cancelled).detail).to.deep.equal({ code: ticket.code, serviceId, date: day.date });
    expect(await slotRemaining(serviceId, last.id)).to.equal(remaining + 1);
    await settle(el);
    expect(headingText(el)).to.equal('Antrean Anda sudah dibatalkan');
    for (const e of events) expect(JSON.stringify(e.detail), e.type).not.to.contain(nik).and.not.to.contain(phone);
    expect(events.map((e) => e.type)).to.include.members(['mpp-slots-loaded', 'mpp-booking-created', 'mpp-booking-cancelled']);

    // "book another" starts over with the same service
    $<HTMLButtonElement>(el, '[data-action="another"]')!.click();
    await settle(el);
    expect(stepOf(el)).to.equal('date');
    expect(headingText(el)).to.equal('Pilih tanggal');
    expect(el.flow!.getSnapshot().draft).to.include({ serviceId, nik: '', phone: '', name: '' });
  });

  it('can be used with the keyboard only', async function () {
    this.timeout(60_000);
    const serviceId = 'polresta-skck';
    const { day, last } = await firstOpenDay(serviceId);
    const el = await fixture<MppQueueBooking>(html`<mpp-queue-booking api=${API}></mpp-queue-booking>`);
    await servicesReady(el);
    $<HTMLInputElement>(el, '#svc-q')!.focus();
    await sendKeys({ type: 'skck' });
    await settle(el);
    await until(() => $(el, '[part="service"]')?.dataset.service === serviceId, 'skck first');
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.dataset.service).to.equal(serviceId);
    await sendKeys({ press: 'Enter' });
    await datesReady(el);
    await settle(el);
    expect(active(el)?.id).to.equal('step-title');
    // Tab from the heading reaches the first date that can be booked (closed ones are skipped).
    const openDates = $$(el, '[data-date]:not([disabled])').map((b) => b.dataset.date);
    for (let i = 0; i <= openDates.indexOf(day.date); i++) await sendKeys({ press: 'Tab' });
    expect(active(el)?.dataset.date).to.equal(day.date);
    await sendKeys({ press: 'Enter' });
    await settle(el);
    expect(active(el)?.id).to.equal('step-title');
    const openSlots = $$(el, '[data-slot]:not([disabled])').map((b) => b.dataset.slot);
    for (let i = 0; i <= openSlots.indexOf(last.id); i++) await sendKeys({ press: 'Tab' });
    expect(active(el)?.dataset.slot).to.equal(last.id);
    await sendKeys({ press: 'Space' });
    await settle(el);
    expect(stepOf(el)).to.equal('identity');
    expect(active(el)?.id).to.equal('step-title');
    const nik = randomNik();
    const phone = randomPhone();
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('f-name');
    await sendKeys({ type: 'Budi Santoso' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: nik });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: phone });
    await sendKeys({ press: 'Tab' });
    expect(active(el)?.id).to.equal('f-email');
    await sendKeys({ press: 'Enter' }); // submits the form
    await settle(el);
    expect(stepOf(el)).to.equal('confirm');
    expect(active(el)?.id).to.equal('step-title');
    await sendKeys({ press: 'Tab' }); // back
    await sendKeys({ press: 'Tab' }); // submit
    expect(active(el)?.dataset.action).to.equal('submit');
    await sendKeys({ press: 'Enter' });
    const tk = await embeddedTicket(el);
    expect($(tk, '[part="number"]')!.textContent).to.match(/^[A-Z]{1,2}-\d{3}$/);
    await settle(el);
    expect(active(el)?.id).to.equal('step-title');
  });

  it('gives every bad input its own message and keeps what was typed', async function () {
    this.timeout(60_000);
    const serviceId = 'imigrasi-paspor-baru';
    const { day, last } = await firstOpenDay(serviceId);
    const el = await fixture<MppQueueBooking>(html`<mpp-queue-booking api=${API} service=${serviceId}></mpp-queue-booking>`);
    await chooseDate(el, day.date);
    await chooseSlot(el, last.id);
    const good = { name: 'Dewi Lestari', nik: randomNik(), phone: randomPhone() };
    const cases: Array<[Partial<typeof good> & { email?: string }, string, string]> = [
      [{ nik: '327101010190123' }, 'nik', 'NIK harus 16 angka.'],
      [{ nik: '32710101019012345' }, 'nik', 'NIK harus 16 angka.'],
      [{ nik: '3271000101900001' }, 'nik', 'angka ke-3 sampai ke-6) tidak mungkin'],
      [{ name: 'Dewi 3271 0145 0190 0001' }, 'name', 'Jangan menulis NIK di kolom nama'],
      [{ name: 'Dewi \u202eirtseL' }, 'name', 'karakter arah tulisan'],
      [{ nik: '3271013002001234' }, 'nik', 'Tanggal lahir di NIK tidak valid (untuk perempuan tanggal ditambah 40).'],
      [{ nik: '3271017201900001' }, 'nik', 'Tanggal lahir di NIK tidak valid'],
      [{ nik: '3271010101900000' }, 'nik', 'tidak boleh 0000'],
      [{ nik: '9971010101900001' }, 'nik', 'kode provinsi'],
      [{ phone: '0251-8321000' }, 'phone', 'Gunakan nomor HP (08…), bukan telepon rumah.'],
      [{ phone: '12345' }, 'phone', 'Nomor HP tidak valid'],
      [{ name: 'A' }, 'name', 'nama lengkap'],
      [{ email: 'siti@' }, 'email', 'e-mail tidak valid'],
    ];
    const seen = new Set<string>();
    const reported: string[] = [];
    el.addEventListener('mpp-error', (e) => reported.push(JSON.stringify(e.detail)));
    for (const [patch, field, message] of cases) {
      const who = { ...good, ...patch };
      await fillIdentity(el, who);
      await next(el);
      expect(stepOf(el), JSON.stringify(patch)).to.equal('identity');
      expect(fieldError(el, field), JSON.stringify(patch)).to.contain(message);
      expect($(el, `#f-${field}`)!.getAttribute('aria-invalid')).to.equal('true');
      expect(value(el, '#f-name')).to.equal(who.name);
      expect(value(el, '#f-nik')).to.equal(who.nik);
      expect(value(el, '#f-phone')).to.equal(who.phone);
      expect(value(el, '#f-email')).to.equal(who.email ?? '');
      seen.add(fieldError(el, field));
    }
    expect(seen.size, 'each code has its own words').to.be.at.least(11);
    for (const code of [
      'nik_format',
      'nik_region',
      'nik_birth_date',
      'nik_serial',
      'nik_province',
      'phone_not_mobile',
      'phone_format',
      'name_required',
      'name_contains_nik',
      'text_bidi_control',
      'email_format',
    ])
      expect(reported, code).to.include(JSON.stringify({ code, source: 'mpp-queue-booking' }));
    expect(reported.join(), 'codes only').not.to.contain(good.nik).and.not.to.contain(good.phone);
    await expect(el).to.be.accessible();

    // A NIK from outside the covered regions is fine: a hint, never a refusal.
    const outsider = '3219010101900001'; // province 32, a regency code not in the region list
    await fillIdentity(el, { ...good, nik: outsider });
    await next(el);
    expect(stepOf(el)).to.equal('confirm');
    expect($(el, '[part="hint"]')!.textContent).to.match(/luar daerah tetap bisa/);
    await expect(el).to.be.accessible();
  });

  it('a second ticket for the same NIK, service and day: shows the existing one to its phone, offers another date, keeps the form', async function () {
    this.timeout(60_000);
    const serviceId = 'imigrasi-paspor-elektronik';
    const { day, last, first } = await firstOpenDay(serviceId);
    const nik = randomNik();
    const phone = randomPhone();
    const existing = await bookDirect(serviceId, first.id, nik, phone);
    await setViewport({ width: 360, height: 740 });
    const el = await fixture<MppQueueBooking>(
      html`<mpp-queue-booking api=${API} service=${serviceId} ticket-url="/tiket.html"></mpp-queue-booking>`,
    );
    await chooseDate(el, day.date);
    await chooseSlot(el, last.id);
    const who = { name: 'Rahmat Hidayat', nik, phone };
    await fillIdentity(el, who);
    await next(el);
    const errored = oneEvent(el, 'mpp-error');
    await submit(el);
    expect((await errored).detail).to.deep.equal({ code: 'duplicate_booking', source: 'mpp-queue-booking' });
    await until(() => $(el, '#dup-title'), 'the duplicate notice');
    await settle(el);
    expect(stepOf(el), 'stays on the confirmation').to.equal('confirm');
    expect($(el, '#f-nik-error'), 'the NIK is not marked wrong').to.equal(null);
    expect(active(el)?.id, 'focus on the notice').to.equal('dup-title');
    expect($(el, '[data-field="existing-number"]')!.textContent).to.equal(existing.queueNumber);
    expect($(el, '[data-field="existing-time"]')!.textContent).to.equal(`${existing.slot.start}–${existing.slot.end}`);
    expect($(el, '[data-field="existing-code"]')!.textContent).to.equal(existing.code);
    const link = $<HTMLAnchorElement>(el, '[data-action="existing-ticket"]')!;
    expect(new URL(link.href).searchParams.get('kode')).to.equal(existing.code);
    expect(link.href, 'no phone in the link').not.to.contain(phone);
    expect($(el, '[data-action="other-service"]'), 'one fixed service: no other service offered').to.equal(null);
    await expect(el).to.be.accessible();

    // Another date: everything typed is still there.
    $<HTMLButtonElement>(el, '[data-action="other-date"]')!.click();
    await settle(el);
    expect(stepOf(el)).to.equal('date');
    const later = el.flow!.getSnapshot().availability!.days.find((d) => d.date > day.date && d.status === 'open')!;
    await chooseDate(el, later.date);
    const slot = later.slots.find((x) => x.remaining > 0)!;
    await chooseSlot(el, slot.id);
    expect(value(el, '#f-nik')).to.equal(nik);
    expect(value(el, '#f-name')).to.equal(who.name);
    expect(value(el, '#f-phone')).to.equal(who.phone);
  });

  it('a duplicate booked with another phone: says a ticket exists, never which one', async function () {
    this.timeout(60_000);
    const serviceId = 'imigrasi-paspor-elektronik';
    const { day, last, first } = await firstOpenDay(serviceId);
    const nik = randomNik();
    const existing = await bookDirect(serviceId, first.id, nik);
    const el = await fixture<MppQueueBooking>(html`<mpp-queue-booking api=${API} ticket-url="/tiket.html"></mpp-queue-booking>`);
    await chooseService(el, serviceId);
    await chooseDate(el, day.date);
    await chooseSlot(el, last.id);
    await fillIdentity(el, { name: 'Orang Lain', nik, phone: randomPhone() });
    await next(el);
    await submit(el);
    await until(() => $(el, '#dup-title'), 'the duplicate notice');
    await settle(el);
    const words = el.shadowRoot!.textContent!;
    expect(words).to.contain('untuk nomor HP yang dipakai waktu itu');
    expect(words).not.to.contain(existing.code).and.not.to.contain(existing.queueNumber);
    expect($(el, '[data-action="existing-ticket"]')).to.equal(null);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[data-action="other-service"]')!.click();
    await settle(el);
    expect(stepOf(el)).to.equal('service');
    expect(el.flow!.getSnapshot().draft.nik, 'the identity stays for another service').to.equal(nik);
  });

  it('shows full slots and closed dates disabled with their reason in words', async function () {
    this.timeout(60_000);
    const serviceId = 'dpmptsp-izin-optik'; // one place per slot
    const { day, last } = await firstOpenDay(serviceId);
    await bookDirect(serviceId, last.id);
    expect(await slotRemaining(serviceId, last.id)).to.equal(0);
    const el = await fixture<MppQueueBooking>(html`<mpp-queue-booking api=${API} service=${serviceId}></mpp-queue-booking>`);
    await datesReady(el);
    const a = el.flow!.getSnapshot().availability!;
    const t = BOOKING_MESSAGES.id;
    const closed = a.days.filter((d) => d.status !== 'open');
    expect(closed.length, 'a weekend at least').to.be.greaterThan(0);
    for (const d of closed) {
      const b = $<HTMLButtonElement>(el, `[data-date="${d.date}"]`)!;
      expect(b.disabled, d.date).to.equal(true);
      expect(b.textContent, d.date).to.contain(dayStatusText(d, t, 'id', a.today));
    }
    const weekend = closed.find((d) => d.reason === 'weekend');
    if (weekend) expect($(el, `[data-date="${weekend.date}"]`)!.textContent).to.contain('Tutup (akhir pekan)');
    const holiday = closed.find((d) => d.reason === 'holiday');
    if (holiday) expect($(el, `[data-date="${holiday.date}"]`)!.textContent).to.contain(`Libur: ${holiday.note}`);
    await chooseDate(el, day.date);
    const full = $<HTMLButtonElement>(el, `[data-slot="${CSS.escape(last.id)}"]`)!;
    expect(full.disabled).to.equal(true);
    expect(full.textContent!.replace(/\s+/g, ' ')).to.contain(`${last.start}–${last.end} · penuh`);
    await expect(el).to.be.accessible();
  });

  it('words every closed-date reason', () => {
    const t = BOOKING_MESSAGES.id;
    const base: AvailabilityDay = {
      date: '2026-12-25',
      status: 'closed',
      reason: 'holiday',
      note: 'Hari Raya Natal',
      opensAt: null,
      remaining: 0,
      lanes: { online: 0, walkIn: 0, priority: 0 },
      slots: [],
    };
    expect(dayStatusText(base, t, 'id', '2026-12-20')).to.equal('Libur: Hari Raya Natal');
    expect(dayStatusText({ ...base, reason: 'cuti_bersama', note: 'Cuti bersama Hari Raya Natal' }, t, 'id', '2026-12-20')).to.equal(
      'Libur: Cuti bersama Hari Raya Natal',
    );
    expect(dayStatusText({ ...base, reason: 'weekend', note: null }, t, 'id', '2026-12-20')).to.equal('Tutup (akhir pekan)');
    expect(dayStatusText({ ...base, status: 'full', reason: null }, t, 'id', '2026-12-20')).to.equal('Kuota penuh');
    expect(
      dayStatusText({ ...base, reason: 'not_open_yet', note: null, opensAt: '2026-12-20T07:00:00+07:00' }, t, 'id', '2026-12-20'),
    ).to.equal('Belum dibuka — dibuka 07:00');
    expect(
      dayStatusText({ ...base, reason: 'not_open_yet', note: null, opensAt: '2026-12-21T07:00:00+07:00' }, t, 'id', '2026-12-20'),
    ).to.match(/^Belum dibuka — dibuka Senin, 21 Des 07:00$/);
    expect(dayStatusText({ ...base, status: 'open', reason: null, remaining: 12 }, t, 'id', '2026-12-20')).to.equal('Tersedia · sisa 12');
    expect(dayStatusText(base, bookingEn, 'en', '2026-12-20')).to.equal('Holiday: Hari Raya Natal');
  });

  it('sends the citizen back to pick another time when the slot just filled up', async function () {
    this.timeout(60_000);
    const serviceId = 'dpmptsp-izin-apotek'; // one place per slot
    const { day, last } = await firstOpenDay(serviceId);
    const el = await fixture<MppQueueBooking>(html`<mpp-queue-booking api=${API} service=${serviceId}></mpp-queue-booking>`);
    await chooseDate(el, day.date);
    await chooseSlot(el, last.id);
    const who = { name: 'Agus Salim', nik: randomNik(), phone: randomPhone() };
    await fillIdentity(el, who);
    await next(el);
    await bookDirect(serviceId, last.id); // someone else was faster
    const errored = oneEvent(el, 'mpp-error');
    await submit(el);
    expect((await errored).detail.code).to.equal('slot_full');
    await until(() => stepOf(el) === 'slot' && el.flow!.getSnapshot().availabilityStatus === 'ready', 'back on slot step');
    await settle(el);
    expect($(el, '[role="alert"]')!.textContent).to.contain('Jam ini baru saja penuh. Silakan pilih jam lain.');
    expect($<HTMLButtonElement>(el, `[data-slot="${CSS.escape(last.id)}"]`)!.disabled).to.equal(true);
    await expect(el).to.be.accessible();
    expect(el.flow!.getSnapshot().draft.nik).to.equal(who.nik);
  });

  it('keeps the draft through a reload (session storage), never in localStorage', async function () {
    this.timeout(30_000);
    const serviceId = 'disdukcapil-legalisir';
    const { day, last } = await firstOpenDay(serviceId);
    const el = await fixture<MppQueueBooking>(html`<mpp-queue-booking api=${API}></mpp-queue-booking>`);
    await chooseService(el, serviceId);
    await chooseDate(el, day.date);
    await chooseSlot(el, last.id);
    const who = { name: 'Rina Marlina', nik: '3271 0101 0190 4321', phone: '0813 1111 2222', email: 'rina@contoh.id' };
    await fillIdentity(el, who);
    el.remove();
    expect(JSON.stringify({ ...localStorage })).not.to.contain('4321');
    const again = await fixture<MppQueueBooking>(html`<mpp-queue-booking api=${API}></mpp-queue-booking>`);
    await until(() => $(again, '#f-name'), 'identity step restored');
    expect(value(again, '#f-name')).to.equal(who.name);
    expect(value(again, '#f-nik')).to.equal(who.nik);
    expect(value(again, '#f-phone')).to.equal(who.phone);
    expect(value(again, '#f-email')).to.equal(who.email);
    expect(again.flow!.getSnapshot().draft).to.include({ serviceId, date: day.date, slotId: last.id });
    // Going back keeps everything too.
    $<HTMLButtonElement>(again, '[data-action="back"]')!.click();
    await settle(again);
    expect(stepOf(again)).to.equal('slot');
    (await until(() => $<HTMLButtonElement>(again, `[data-slot="${CSS.escape(last.id)}"]`), 'slots')).click();
    await settle(again);
    expect(value(again, '#f-nik')).to.equal(who.nik);
  });

  it('offline submit: says so, keeps everything, then books exactly once on retry', async function () {
    this.timeout(90_000);
    const serviceId = 'samsat-pkb-tahunan';
    const { day, last } = await firstOpenDay(serviceId);
    const el = await fixture<MppQueueBooking>(html`<mpp-queue-booking api=${PROXY_API} service=${serviceId}></mpp-queue-booking>`);
    await chooseDate(el, day.date);
    await chooseSlot(el, last.id);
    const who = { name: 'Yusuf Maulana', nik: randomNik(), phone: randomPhone() };
    await fillIdentity(el, who);
    await next(el);
    const before = await slotRemaining(serviceId, last.id);
    const key = el.flow!.getSnapshot().draft.idempotencyKey;
    await setProxy('down');
    const errored = oneEvent(el, 'mpp-error');
    await submit(el);
    expect((await errored).detail).to.deep.equal({ code: 'network', source: 'mpp-queue-booking' });
    await until(() => !el.flow!.getSnapshot().submitting && $(el, '[role="alert"]'), 'error shown', 30_000);
    expect($(el, '[role="alert"]')!.textContent).to.contain('Tidak dapat terhubung ke server');
    expect(stepOf(el)).to.equal('confirm');
    expect(el.flow!.getSnapshot().draft).to.include({ name: who.name, nik: who.nik, phone: who.phone, idempotencyKey: key });
    await expect(el).to.be.accessible();
    expect(await slotRemaining(serviceId, last.id)).to.equal(before);
    await setProxy('up');
    $<HTMLButtonElement>(el, '[role="alert"] [data-action="retry"]')!.click();
    await embeddedTicket(el);
    expect(await slotRemaining(serviceId, last.id), 'exactly one place taken').to.equal(before - 1);
    // The same attempt again (e.g. a double tap after a lost answer) is answered with the first ticket.
    const code = el.flow!.getSnapshot().ticket!.code;
    const replay = await api.queue.book(
      { serviceId, slotId: last.id, name: who.name, nik: who.nik, phone: who.phone, email: null },
      { idempotencyKey: key },
    );
    expect(replay.code).to.equal(code);
    expect(await slotRemaining(serviceId, last.id)).to.equal(before - 1);
  });

  it('skips the service step when the service is given', async () => {
    const el = await fixture<MppQueueBooking>(html`<mpp-queue-booking api=${API} service="disdukcapil-ktp-el"></mpp-queue-booking>`);
    await datesReady(el);
    expect(headingText(el)).to.equal('Pilih tanggal');
    expect($(el, '[aria-current="step"]')!.textContent).to.contain('Tanggal');
    expect($(el, 'button[data-step="service"]'), 'no way back to another service').to.equal(null);
    expect($(el, '[data-action="back"]')).to.equal(null);
    await until(() => $(el, '.context'), 'service name');
    expect($(el, '.context')!.textContent).to.contain('KTP');
  });

  it('shows a clear error with retry when the dates cannot load', async () => {
    const el = await fixture<MppQueueBooking>(
      html`<mpp-queue-booking api=${DEAD_API} service="disdukcapil-ktp-el" lang="en"></mpp-queue-booking>`,
    );
    await until(() => el.flow?.getSnapshot().availabilityStatus === 'error', 'error', 30_000);
    await settle(el);
    expect($(el, '[role="alert"]')!.textContent).to.contain('Could not reach the server');
    expect($(el, '[role="alert"] [data-action="retry"]')).to.exist;
    await expect(el).to.be.accessible();
  });

  it('answers the catalog’s "get a queue number" on the same page', async function () {
    this.timeout(30_000);
    const wrap = await fixture(
      html`<div>
        <mpp-service-catalog api=${API} booking-url="/should-not-navigate"></mpp-service-catalog>
        <mpp-queue-booking api=${API}></mpp-queue-booking>
      </div>`,
    );
    const catalog = wrap.querySelector('mpp-service-catalog') as MppServiceCatalog;
    const booking = wrap.querySelector('mpp-queue-booking') as MppQueueBooking;
    await until(() => $(catalog, '[data-service]'), 'catalog');
    typeInto($<HTMLInputElement>(catalog, '#q')!, 'ktp');
    await catalog.updateComplete;
    $(catalog, '[data-service="disdukcapil-ktp-el"]')!.click();
    await until(() => $(catalog, '[part="book-button"]'), 'the service opened');
    const requested = oneEvent(catalog, 'mpp-booking-requested');
    $(catalog, '[part="book-button"]')!.click();
    const ev = await requested;
    expect(ev.defaultPrevented, 'catalog does not navigate').to.equal(true);
    await datesReady(booking);
    await settle(booking);
    expect(booking.flow!.getSnapshot().draft.serviceId).to.equal('disdukcapil-ktp-el');
    expect(active(booking)?.id).to.equal('step-title');
    expect(headingText(booking)).to.equal('Pilih tanggal');
  });

  it('speaks English from the page language and follows changes', async () => {
    const wrap = await fixture(html`<div lang="en"><mpp-queue-booking api=${API} service="disdukcapil-ktp-el"></mpp-queue-booking></div>`);
    const el = wrap.querySelector('mpp-queue-booking') as MppQueueBooking;
    await datesReady(el);
    expect(headingText(el)).to.equal('Choose a date');
    expect($(el, '#title')!.textContent).to.equal('Get a queue number');
    expect($(el, '[data-date]:disabled')?.textContent ?? 'Closed').to.match(/Closed|Fully booked|Holiday|Not open yet|Past/);
    await expect(el).to.be.accessible();
    wrap.setAttribute('lang', 'id');
    await new Promise((r) => setTimeout(r));
    await settle(el);
    expect(headingText(el)).to.equal('Pilih tanggal');
  });

  it('fits 320 px without horizontal scrolling, 44 px targets, in dark theme too', async function () {
    this.timeout(60_000);
    await setViewport({ width: 320, height: 640 });
    const serviceId = 'disdukcapil-kia';
    const { day, last } = await firstOpenDay(serviceId);
    const el = await fixture<MppQueueBooking>(html`<mpp-queue-booking api=${API} theme="dark"></mpp-queue-booking>`);
    const fits = async (what: string) => {
      await settle(el);
      expect(el.scrollWidth, what).to.be.at.most(320);
      expect(document.documentElement.scrollWidth, what).to.be.at.most(320);
      for (const b of $$(el, 'button, input:not([type="checkbox"])')) {
        if (b.getClientRects().length) expect(b.getBoundingClientRect().height, `${what}: target ≥ 44 px`).to.be.at.least(44);
      }
    };
    await servicesReady(el);
    await fits('service');
    await expect(el).to.be.accessible();
    await chooseService(el, serviceId);
    await fits('date');
    await chooseDate(el, day.date);
    await fits('slot');
    await chooseSlot(el, last.id);
    await next(el);
    await fits('identity with errors');
    await fillIdentity(el, { name: 'Putri Ayu', nik: randomNik(), phone: randomPhone() });
    await next(el);
    await fits('confirm');
    await expect(el).to.be.accessible();
    await submit(el);
    const tk: MppQueueTicket = await embeddedTicket(el);
    await until(() => $(tk, '[data-ahead]'), 'live');
    await fits('ticket');
    expect(tk.scrollWidth).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });
});
