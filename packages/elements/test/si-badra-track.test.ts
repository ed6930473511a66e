import { html, fixture, expect, oneEvent } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { createComplaintsApi, createHttp, type ComplaintView } from '@mpp-kit/core';
import '../src/si-badra-track/define.js';
import type { SiBadraTrack } from '../src/si-badra-track/si-badra-track.js';
import type { SiBadraErrorEvent, SiBadraReportUpdatedEvent } from '../src/si-badra-track/events.js';
import { $, $$, codeFromMail, lastMailTo, typeInto, until } from './helpers.js';
import { ADMIN_TOKEN, API } from './queue-helpers.js';

const HOSTILE = '<img src=x onerror="window.__pwned=1"> "><script>window.__pwned=2</script> <svg/onload=window.__pwned=3>';
const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const complaints = createComplaintsApi(createHttp({ baseUrl: API, timeout: 15_000 }));

/** A JPEG's segment structure (as the server's own test sends): enough for the server to take it as a photo. */
function jpeg(): Uint8Array<ArrayBuffer> {
  const seg = (marker: number, payload: number[]) => [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 255, ...payload];
  const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
  return new Uint8Array([
    0xff,
    0xd8,
    ...seg(0xe0, [...ascii('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...seg(0xdb, [0, ...new Array(64).fill(1)]),
    ...seg(0xda, [1, 1, 0, 0, 0x3f, 0]),
    0x12,
    0x34,
    0x56,
    0xff,
    0xd9,
  ]);
}

/** Files a real complaint through the SDK: capture token, the photo's bytes, the complaint (address typed, e-mail contact). */
async function fileComplaint(extra = '', email = `siti.${Math.random().toString(36).slice(2, 8)}@example.id`) {
  const { token } = await complaints.captureToken();
  const photo = await complaints.uploadPhoto(token, new Blob([jpeg()], { type: 'image/jpeg' }));
  return complaints.create({
    categoryId: 'jalan-rusak',
    text: `Jalan berlubang besar di depan SDN Polisi 1, berbahaya bagi pengendara motor. ${extra}`,
    address: 'Jl. Pajajaran 10, depan SDN Polisi 1',
    photoIds: [photo.id],
    privacy: 'anonim',
    name: 'Siti Aminah',
    email,
  });
}

const staff = (code: string, action: 'verify' | 'reject', body: unknown) =>
  fetch(new URL(`staff/complaints/${code}/${action}`, API), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
    body: JSON.stringify(body),
  });

const click = (el: SiBadraTrack, action: string) => $<HTMLButtonElement>(el, `[data-action="${action}"]`)!.click();

const track = (code: string, lang = 'id') =>
  fixture<SiBadraTrack>(html`<si-badra-track api=${API} code=${code} lang=${lang}></si-badra-track>`);
const loaded = (el: SiBadraTrack) => until(() => $(el, '[part="status"]') ?? $(el, '[role="alert"]'), 'the tracker to load');

describe('<si-badra-track>', () => {
  beforeEach(async () => {
    await setViewport({ width: 320, height: 800 });
    sessionStorage.clear();
    delete (window as { __pwned?: number }).__pwned;
  });

  it('shows a real complaint: status, facts, photo with alt text, the timeline; the hostile text inert — accessible at 320 px', async function () {
    this.timeout(30_000);
    const receipt = await fileComplaint(HOSTILE);
    const el = await track(receipt.trackingCode);
    await loaded(el);
    expect($(el, '[part="status"]')!.dataset.status).to.equal('received');
    expect($(el, '[part="status"]')!.textContent).to.contain('Diterima');
    expect($(el, '[data-field="code"]')!.textContent).to.contain(receipt.trackingCode);
    expect($(el, '[data-field="category"]')!.textContent).to.contain('Jalan');
    expect(text(el)).to.contain('belum dikonfirmasi');
    expect(text(el), 'the name of an anonim complaint is never shown').not.to.contain('Siti Aminah');
    const photos = $$<HTMLImageElement>(el, '.photos img');
    expect(photos).to.have.length(1);
    expect(photos[0]!.alt).to.equal('Foto aduan');
    expect(photos[0]!.src).to.match(/\/api\/v1\/complaints\/photos\/ph_[\w-]{22}$/);
    const entries = $$(el, 'ol.timeline > li');
    expect(entries.map((e) => e.dataset.status)).to.deep.equal(['received']);
    expect(entries[0]!.textContent).to.contain('Pelapor');
    // The hostile markup is text, never elements.
    expect($(el, '.complaint-text')!.textContent).to.contain('<img src=x onerror=');
    expect(el.shadowRoot!.querySelectorAll('script, svg, img:not(.photos img)')).to.have.length(0);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    expect($(el, 'form.reply'), 'no reply before an answer').to.equal(null);
    expect(el.scrollWidth).to.be.at.most(320);
    await expect(el).to.be.accessible();
  });

  it('follows the verifier: verified, then a rejection with its reason and a hostile note kept as text', async function () {
    this.timeout(30_000);
    expect(ADMIN_TOKEN, 'the test server has an admin token').to.be.a('string');
    const receipt = await fileComplaint();
    expect((await staff(receipt.trackingCode, 'verify', {})).status).to.equal(200);
    let el = await track(receipt.trackingCode);
    await loaded(el);
    expect($(el, '[part="status"]')!.textContent).to.contain('Sudah diverifikasi');
    expect($$(el, 'ol.timeline > li').map((e) => e.dataset.status)).to.deep.equal(['received', 'verified']);
    await expect(el).to.be.accessible();

    expect((await staff(receipt.trackingCode, 'reject', { reason: 'duplicate', note: `Sudah dilaporkan. ${HOSTILE}` })).status).to.equal(
      200,
    );
    el = await track(receipt.trackingCode, 'en');
    await loaded(el);
    expect($(el, '[part="status"]')!.dataset.status).to.equal('rejected');
    expect($(el, '[part="status"]')!.textContent).to.contain('Rejected');
    expect(text(el)).to.contain('The same complaint was already reported.');
    const note = $$(el, '.note').map((n) => n.textContent ?? '');
    expect(note.some((n) => n.includes('<script>'))).to.equal(true);
    expect(el.shadowRoot!.querySelectorAll('script, svg')).to.have.length(0);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('says clearly when no complaint has the code, keeps the field to correct it, and tells the page the code only', async function () {
    this.timeout(20_000);
    const el = await fixture<SiBadraTrack>(html`<si-badra-track api=${API}></si-badra-track>`);
    await until(() => $(el, '#code-input'), 'the code field');
    expect($(el, 'h2')!.textContent).to.equal('Lacak aduan');
    await expect(el).to.be.accessible();

    // A code that cannot be one: said at once, without a request.
    typeInto($<HTMLInputElement>(el, '#code-input')!, 'abc');
    $<HTMLButtonElement>(el, '[data-action="show"]')!.click();
    await until(() => $(el, '[role="alert"]'), 'the format message');
    expect($(el, '[role="alert"]')!.textContent).to.contain('SB-XXXXX-XXXXX');

    // A well-formed code nobody filed.
    typeInto($<HTMLInputElement>(el, '#code-input')!, 'sb 00000 00000');
    const failed = oneEvent(el, 'si-badra-error') as Promise<SiBadraErrorEvent>;
    $<HTMLButtonElement>(el, '[data-action="show"]')!.click();
    const e = await failed;
    expect(e.detail).to.deep.equal({ code: 'complaint_not_found', trackingCode: 'SB-00000-00000', category: null });
    await until(() => $(el, '[role="alert"]')?.textContent?.includes('tidak ditemukan'), 'the not-found message');
    expect($<HTMLInputElement>(el, '#code-input')!.value).to.equal('SB-00000-00000');
    expect($<HTMLInputElement>(el, '#code-input')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    // Typed the way people type it, on the keyboard alone, the real code opens the complaint.
    const receipt = await fileComplaint();
    const input = $<HTMLInputElement>(el, '#code-input')!;
    input.focus();
    input.select();
    await sendKeys({ type: receipt.trackingCode.toLowerCase().replace(/-/g, ' ') });
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '[part="status"]'), 'the complaint');
    expect($(el, '[data-field="code"]')!.textContent).to.contain(receipt.trackingCode);
    expect(el.shadowRoot!.activeElement?.id, 'the focus moves to the heading').to.equal('t-title');
  });

  it('"aduan saya": by e-mail without an account — a wrong code refused, the code from the real mail, the list kept through a reload, one opened in the tracker', async function () {
    this.timeout(120_000);
    const mail = `warga.${Math.random().toString(36).slice(2, 8)}@example.id`;
    const first = await fileComplaint('Pertama.', mail);
    const second = await fileComplaint(`Kedua. ${HOSTILE}`, mail);
    const other = await fileComplaint('Kontak lain.');
    // Both complaints' own confirmation mails arrive first: the contact code is the third mail.
    await lastMailTo(mail, 2);
    const errors: SiBadraErrorEvent['detail'][] = [];

    let el = await fixture<SiBadraTrack>(html`<si-badra-track api=${API} mode="mine"></si-badra-track>`);
    el.addEventListener('si-badra-error', (e: SiBadraErrorEvent) => errors.push(e.detail));
    await until(() => $(el, '#mine-email'), 'the contact form');
    expect($(el, '#t-title')!.textContent).to.equal('Aduan saya');
    expect($(el, '[data-action="tab-mine"]')!.getAttribute('aria-pressed')).to.equal('true');
    await expect(el).to.be.accessible();

    typeInto($<HTMLInputElement>(el, '#mine-email')!, 'warga@');
    click(el, 'mine-send');
    await until(() => $(el, '#mine-email-error'), 'the e-mail check');
    expect($<HTMLInputElement>(el, '#mine-email')!.getAttribute('aria-invalid')).to.equal('true');
    typeInto($<HTMLInputElement>(el, '#mine-email')!, mail);
    click(el, 'mine-send');
    await until(() => $(el, '#mine-otp'), 'the code field');
    expect(el.shadowRoot!.activeElement?.id).to.equal('mine-otp');
    expect($(el, '#mine-sent')!.textContent).not.to.contain(mail);

    // A reload in the middle keeps the step: the code on its way and the contact typed.
    el.remove();
    el = await fixture<SiBadraTrack>(html`<si-badra-track api=${API}></si-badra-track>`);
    el.addEventListener('si-badra-error', (e: SiBadraErrorEvent) => errors.push(e.detail));
    await until(() => $(el, '#mine-otp'), 'the code field after a reload');

    typeInto($<HTMLInputElement>(el, '#mine-otp')!, '000000');
    click(el, 'mine-confirm');
    await until(() => $(el, '#mine-otp-error')?.textContent?.includes('Kode konfirmasi salah'), 'the wrong-code answer');
    expect(errors.map((e) => e.code)).to.include('verification_code_wrong');
    await expect(el).to.be.accessible();
    typeInto($<HTMLInputElement>(el, '#mine-otp')!, await codeFromMail(mail, 3));
    click(el, 'mine-confirm');

    // The reporter's complaints, newest first; not the other contact's; the hostile text inert.
    await until(() => $$(el, '[part="mine"] li').length === 2, 'the two complaints');
    expect($$(el, '[part="mine"] li').map((li) => li.dataset.code)).to.deep.equal([second.trackingCode, first.trackingCode]);
    expect(text(el)).not.to.contain(other.trackingCode);
    expect(text(el)).to.contain('Diterima');
    expect(el.shadowRoot!.querySelectorAll('script, img, svg')).to.have.length(0);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    await expect(el).to.be.accessible();
    expect(el.scrollWidth).to.be.at.most(320);

    // A reload keeps the list (the proof stays in the tab for its hour).
    el.remove();
    el = await fixture<SiBadraTrack>(html`<si-badra-track api=${API}></si-badra-track>`);
    await until(() => $$(el, '[part="mine"] li').length === 2, 'the list after a reload');

    // One opens in the tracker; back to the list.
    $<HTMLButtonElement>(el, `[part="mine"] li[data-code="${first.trackingCode}"] button`)!.click();
    await until(() => $(el, '[part="status"]'), 'the complaint');
    expect(text(el)).to.contain(first.trackingCode);
    expect(text(el)).to.contain('Pertama.');
    await expect(el).to.be.accessible();
    click(el, 'back-to-mine');
    await until(() => $$(el, '[part="mine"] li').length === 2, 'the list again');

    // Leaving drops the proof: the contact form again.
    click(el, 'mine-sign-out');
    await until(() => $(el, '#mine-email'), 'the contact form after leaving');
    expect(Object.keys(sessionStorage).some((k) => k.includes('proof') && sessionStorage.getItem(k))).to.equal(false);
    expect($<HTMLInputElement>(el, '#mine-email')!.value, 'the contact typed is kept in the tab').to.equal(mail);
    expect(JSON.stringify(errors)).not.to.contain(mail);
  });
  it('"my complaints" in English with the keyboard only: tab, contact, code; the phone checked before sending', async function () {
    this.timeout(60_000);
    const el = await fixture<SiBadraTrack>(html`<si-badra-track api=${API} lang="en"></si-badra-track>`);
    await until(() => $(el, '#code-input'), 'the code entry');
    $<HTMLButtonElement>(el, '[data-action="tab-code"]')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('data-action')).to.equal('tab-mine');
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '#mine-email'), 'the contact form');
    expect($(el, '#t-title')!.textContent).to.equal('My complaints');
    expect(el.shadowRoot!.activeElement?.id, 'focus on the heading').to.equal('t-title');
    // The phone instead: a landline is refused before anything is sent.
    $<HTMLInputElement>(el, '#mine-kind-phone')!.focus();
    await sendKeys({ press: 'Space' });
    await until(() => $(el, '#mine-phone'), 'the phone field');
    $<HTMLInputElement>(el, '#mine-phone')!.focus();
    await sendKeys({ type: '0251 832 1075' });
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '#mine-phone-error'), 'the phone check');
    expect($(el, '#mine-phone-error')!.textContent).to.contain('This mobile number is not right yet');
    expect(el.shadowRoot!.activeElement?.id).to.equal('mine-phone');
    await expect(el).to.be.accessible();
    // A mobile number: the code goes (to the dev outbox: SMS is not sent over SMTP).
    $<HTMLInputElement>(el, '#mine-phone')!.select();
    await sendKeys({ type: `0812 ${String(Math.random()).slice(2, 6)} ${String(Math.random()).slice(2, 6)}` });
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '#mine-otp'), 'the code field');
    expect(el.shadowRoot!.activeElement?.id).to.equal('mine-otp');
    expect($(el, '#mine-sent')!.textContent).to.match(/A 6-digit code was sent to 0812-\*{4}-\d{4}\./);
    await sendKeys({ type: '12' });
    await sendKeys({ press: 'Enter' });
    await until(() => $(el, '#mine-otp-error'), 'the code format check');
    expect($(el, '#mine-otp-error')!.textContent).to.contain('The confirmation code has 6 digits.');
    await expect(el).to.be.accessible();
    expect(el.scrollWidth).to.be.at.most(320);
  });
});

/**
 * The answer clock and the citizen's reply. The views come from a real complaint, moved on to
 * `dispatched` / `resolved` in the answer (dispatch needs the reporter's e-mail code, which the
 * browser tests cannot read), and the reply is answered by a stand-in: first a refusal, then the
 * reopened view.
 */
describe('<si-badra-track> answer clock and reply', () => {
  const realFetch = window.fetch;
  afterEach(() => {
    window.fetch = realFetch;
  });

  async function stage(status: 'dispatched' | 'resolved', dispatchedHoursAgo: number, now: number, refuseFirst = true) {
    const receipt = await fileComplaint();
    const real = await complaints.track(receipt.trackingCode);
    const at = (h: number) => new Date(now - h * 3_600_000).toISOString();
    const answered = status === 'resolved';
    const view: ComplaintView = {
      ...real,
      status,
      contactVerified: true,
      // The server's clock as it was at filing; the tracker recomputes it from its dues as time passes.
      clock: {
        running: !answered,
        level: 0,
        dueAt: null,
        answeredAt: answered ? at(2) : null,
        clockStart: at(dispatchedHoursAgo),
        dues: [at(dispatchedHoursAgo - 24), at(dispatchedHoursAgo - 48)],
      },
      timeline: [
        ...real.timeline,
        { at: at(dispatchedHoursAgo), status: 'dispatched', note: null, by: 'verifier', photos: [] },
        ...(answered
          ? [{ at: at(2), status: 'resolved' as const, note: `Sudah ditambal. ${HOSTILE}`, by: 'agency' as const, photos: real.photos }]
          : []),
      ],
    };
    const replies: unknown[] = [];
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const req = input instanceof Request ? input : new Request(input, init);
      const path = new URL(req.url).pathname;
      if (path.endsWith(`/complaints/${receipt.trackingCode}`))
        return new Response(JSON.stringify(view), { headers: { 'content-type': 'application/json' } });
      if (path.endsWith(`/complaints/${receipt.trackingCode}/reply`)) {
        replies.push(await req.json());
        if (replies.length === 1 && refuseFirst)
          return new Response(JSON.stringify({ type: 'about:blank', title: 'Conflict', status: 409, code: 'complaint_transition' }), {
            status: 409,
            headers: { 'content-type': 'application/problem+json' },
          });
        const body = replies[replies.length - 1] as { text: string; dispute?: boolean };
        const reopened: ComplaintView = {
          ...view,
          status: body.dispute ? 'reopened' : 'closed',
          clock: {
            running: true,
            level: 0,
            dueAt: null,
            answeredAt: null,
            clockStart: new Date(now).toISOString(),
            dues: [new Date(now + 24 * 3_600_000).toISOString(), new Date(now + 48 * 3_600_000).toISOString()],
          },
          timeline: [
            ...view.timeline,
            { at: new Date(now).toISOString(), status: body.dispute ? 'reopened' : 'closed', note: body.text, by: 'citizen', photos: [] },
          ],
        };
        return new Response(JSON.stringify(reopened), { headers: { 'content-type': 'application/json' } });
      }
      return realFetch(input, init);
    };
    return { receipt, replies };
  }

  it('counts down the 24 hours with the element’s clock, then says who it went to', async function () {
    this.timeout(20_000);
    const now = Date.parse('2026-12-08T03:00:00Z');
    const { receipt } = await stage('dispatched', 19, now);
    const el = await fixture<SiBadraTrack>(
      html`<si-badra-track api=${API} code=${receipt.trackingCode} .now=${() => now}></si-badra-track>`,
    );
    await until(() => $(el, '[part="clock"]'), 'the clock');
    expect($(el, '[part="clock"]')!.textContent).to.equal('Dijawab dalam 24 jam — sisa 5 jam');
    await expect(el).to.be.accessible();
    el.now = () => now + 11 * 3_600_000; // 30 h after dispatch
    await until(() => $(el, '[part="clock"]')?.dataset.level === '1', 'level 1');
    expect($(el, '[part="clock"]')!.textContent).to.contain('Kepala OPD').and.to.contain('sisa 18 jam');
    el.now = () => now + 40 * 3_600_000;
    await until(() => $(el, '[part="clock"]')?.dataset.level === '2', 'level 2');
    expect($(el, '[part="clock"]')!.textContent).to.contain('Wali Kota');
  });

  it('shows the answer with its photo, keeps the typed dispute through a refusal, then reopens — events carry code and category only', async function () {
    this.timeout(20_000);
    const now = Date.now();
    const { receipt, replies } = await stage('resolved', 20, now);
    const el = await fixture<SiBadraTrack>(html`<si-badra-track api=${API} code=${receipt.trackingCode}></si-badra-track>`);
    await until(() => $(el, 'form.reply'), 'the reply form');
    const answer = $$(el, 'ol.timeline > li').find((li) => li.dataset.status === 'resolved')!;
    expect(answer.querySelector('.note')!.textContent).to.contain('Sudah ditambal. <img src=x');
    expect(answer.querySelector<HTMLImageElement>('img')!.alt).to.equal('Foto dari instansi 1');
    expect($(el, '[part="clock"]')!.textContent).to.match(/^Dijawab /);
    expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
    await expect(el).to.be.accessible();

    // Too short: said at the field, nothing sent.
    $<HTMLButtonElement>(el, '[data-action="dispute"]')!.click();
    await until(() => $(el, '#reply-error'), 'the length message');
    expect(replies).to.have.length(0);
    expect($(el, '#reply-input')!.getAttribute('aria-invalid')).to.equal('true');
    await expect(el).to.be.accessible();

    const area = $<HTMLTextAreaElement>(el, '#reply-input')!;
    area.value = 'Lubangnya masih ada, baru ditutup pasir.';
    area.dispatchEvent(new Event('input'));
    const failed = oneEvent(el, 'si-badra-error') as Promise<SiBadraErrorEvent>;
    $<HTMLButtonElement>(el, '[data-action="dispute"]')!.click();
    expect((await failed).detail).to.deep.equal({
      code: 'complaint_transition',
      trackingCode: receipt.trackingCode,
      category: 'jalan-rusak',
    });
    await until(() => $(el, '[role="alert"]'), 'the refusal');
    expect($<HTMLTextAreaElement>(el, '#reply-input')!.value, 'the typed text is kept').to.equal(
      'Lubangnya masih ada, baru ditutup pasir.',
    );
    await expect(el).to.be.accessible();

    const updated = oneEvent(el, 'si-badra-report-updated') as Promise<SiBadraReportUpdatedEvent>;
    $<HTMLButtonElement>(el, '[data-action="dispute"]')!.click();
    expect((await updated).detail).to.deep.equal({ trackingCode: receipt.trackingCode, category: 'jalan-rusak', status: 'reopened' });
    expect(replies[1]).to.deep.equal({ text: 'Lubangnya masih ada, baru ditutup pasir.', dispute: true });
    await until(() => $(el, '#replied'), 'the reopened notice');
    expect($(el, '[part="status"]')!.dataset.status).to.equal('reopened');
    expect($(el, 'form.reply'), 'no reply while the agency works on it').to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('accepts a resolution with the keyboard: closed, and the page is told', async function () {
    this.timeout(20_000);
    const { receipt, replies } = await stage('resolved', 20, Date.now(), false);
    const el = await fixture<SiBadraTrack>(html`<si-badra-track api=${API} code=${receipt.trackingCode} lang="en"></si-badra-track>`);
    await until(() => $(el, 'form.reply'), 'the reply form');
    $<HTMLTextAreaElement>(el, '#reply-input')!.focus();
    await sendKeys({ type: 'Sudah rapi, terima kasih.' });
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.getAttribute('data-action')).to.equal('accept');
    const updated = oneEvent(el, 'si-badra-report-updated') as Promise<SiBadraReportUpdatedEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await updated).detail).to.deep.equal({ trackingCode: receipt.trackingCode, category: 'jalan-rusak', status: 'closed' });
    expect(replies).to.deep.equal([{ text: 'Sudah rapi, terima kasih.', dispute: false }]);
    await until(() => $(el, '#replied'), 'the closed notice');
    expect($(el, '#replied')!.textContent).to.contain('The complaint is closed.');
    expect($(el, '[part="status"]')!.textContent).to.contain('Closed');
    await expect(el).to.be.accessible();
  });
});
