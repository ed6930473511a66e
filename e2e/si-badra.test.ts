// Si Badra end to end, the "done when": in Debian's Chromium with its fake camera and a fake
// location, a citizen files a report on the city portal; the one-time code arrives over real SMTP
// (an in-process smtp-server the CLI server sends to); the desk verifies and dispatches it in the
// staff inbox; the server is restarted with its clock 24 h and then 48 h later and the agency head's
// and then the mayor's office's mail arrive, each exactly once, and none again after one more
// restart, and the mayor's office finds it on the briefing; the agency's officer answers with an
// "after" photo in the inbox; the citizen sees it in the tracker and disputes it (reopened); a
// report submitted while offline, and one written offline from the photo on, each arrive exactly
// once (with the photo) when the connection returns.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import { startSmtpCatcher, type SmtpCatcher } from '../scripts/smtp-catcher.mjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { axe } from './axe.js';
import { FAKE_CAMERA_ARGS, launchChromium, startCli, stopCli } from './server.js';

/** Wednesday 9 December 2026, 09:00 in Bogor: the run's first "now". */
const T0 = Date.parse('2026-12-09T02:00:00.000Z');
const HOUR = 3_600_000;
/** Inside Kota Bogor's boundary (Jl. Pajajaran), as the fake location. */
const BOGOR = { latitude: -6.5971, longitude: 106.806, accuracy: 25 };
const CITIZEN = 'warga.e2e@contoh.id';
const HEAD = 'direktur.pdam@demo.mpp-kit.id';
const MAYOR = 'walikota@demo.mpp-kit.id';
const VERIFIER = { email: 'verifikator@demo.mpp-kit.id', password: 'demo-verifikator-bogor' };
const MAYOR_OFFICE = { email: 'walikota@demo.mpp-kit.id', password: 'demo-walikota-bogor' };
const OFFICER = { email: 'pengaduan.pdam@demo.mpp-kit.id', password: 'demo-petugas-pdam' };

describe('Si Badra end to end (fake camera, fake location, real SMTP, restarts with the clock moved)', { timeout: 420_000 }, () => {
  let smtp: SmtpCatcher;
  const mails = () => smtp.mails;
  let server: Awaited<ReturnType<typeof startCli>> | undefined;
  let dataDir: string | undefined;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  /** The first test's complaint. */
  let first = '';

  /** One port for every restart: the site keeps its address (and the browser its drafts for it). */
  let port = 0;
  /** (Re)starts the CLI on the same data folder and port with its clock at `at`. */
  const boot = async (at: number) => {
    if (server) await stopCli(server, true);
    server = await startCli(
      {
        PORT: String(port),
        MPP_NOW: new Date(at).toISOString(),
        MAIL_URL: smtp.url,
        MAIL_FROM: 'Si Badra Kota Bogor <si-badra@demo.mpp-kit.id>',
      },
      ...(dataDir ? [dataDir] : []),
    );
    dataDir = server.dataDir;
    return server.url;
  };
  const mailsTo = (to: string, about: string) => mails().filter((m) => m.to.includes(to) && `${m.subject}\n${m.text}`.includes(about));
  /** Waits until `n` mails to `to` mention `about` (the mail job runs every 5 s). */
  const waitMails = async (to: string, about: string, n = 1, ms = 30_000) => {
    const end = Date.now() + ms;
    while (mailsTo(to, about).length < n && Date.now() < end) await new Promise((r) => setTimeout(r, 250));
    return mailsTo(to, about);
  };
  const api = (path: string) => `${server!.url}/api/v1${path}`;
  const signIn = async (who: { email: string; password: string }) => {
    const r = await fetch(api('/staff/sign-in'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(who),
    });
    assert.equal(r.status, 200);
    return ((await r.json()) as { accessToken: string }).accessToken;
  };
  const report = (p: Page) => p.locator('si-badra-report');
  const inboxOf = (p: Page) => p.locator('si-badra-inbox');
  /** Opens the staff page and signs in (a restart or a new shift: the tokens live in memory only). */
  const staffSignIn = async (p: Page, who: { email: string; password: string }) => {
    await p.goto(`${server!.url}/examples/staff/`);
    await inboxOf(p).locator('#email').fill(who.email);
    await inboxOf(p).locator('#password').fill(who.password);
    await inboxOf(p).locator('[data-action="sign-in"]').click();
    await inboxOf(p).locator('[data-action="sign-out"]').waitFor({ timeout: 30_000 });
  };
  interface View {
    status: string;
    timeline: { by: string; note: string | null; photos: string[] }[];
  }
  /** The public view once it reaches `status` (the inbox acts asynchronously). */
  const waitStatus = async (code: string, status: string): Promise<View> => {
    const end = Date.now() + 30_000;
    for (;;) {
      const v = (await (await fetch(api(`/complaints/${code}`))).json()) as View;
      if (v.status === status || Date.now() > end) {
        assert.equal(v.status, status);
        return v;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const next = async (p: Page) => report(p).locator('[data-action="next"]').click();

  /**
   * Fills the report form with the fake camera and location; returns at the review step. With
   * `similar`, that open complaint must be offered nearby ("saya juga") and the citizen files anyway.
   */
  const fillReport = async (p: Page, text: string, o: { similar?: string; offlineFromPhoto?: boolean } = {}) => {
    const { similar, offlineFromPhoto } = o;
    const r = report(p);
    await r.locator('#category-air-pdam').check();
    await next(p);
    await r.locator('#text-input').fill(text);
    await next(p);
    // The camera opens online (a spare capture token comes with it)…
    const spare = offlineFromPhoto ? p.waitForResponse((res) => res.url().endsWith('/complaints/capture-tokens')) : null;
    await r.locator('[data-action="open-camera"]').click();
    await r.locator('video').waitFor();
    await p.waitForFunction(
      () => {
        const v = document.querySelector('si-badra-report')?.shadowRoot?.querySelector('video');
        return !!v && v.videoWidth > 0;
      },
      undefined,
      { timeout: 20_000 },
    );
    if (spare) {
      await spare;
      // …then the connection drops: the shot is kept on the phone with that token.
      await context.setOffline(true);
    }
    await r.locator('[data-action="capture"]').click();
    await r
      .locator(offlineFromPhoto ? '[data-photo="pending"]' : '[data-photo]')
      .first()
      .waitFor({ timeout: 30_000 });
    await next(p);
    await r.locator('[data-action="locate"]').click();
    await r.locator('#located').waitFor({ timeout: 20_000 });
    await next(p);
    if (similar) {
      await r.locator(`form[data-step="similar"] [data-code="${similar}"]`).waitFor({ timeout: 20_000 });
      await next(p);
    }
    await r.locator('#email-input').fill(CITIZEN);
    await next(p);
    await r.locator('#privacy-public').check();
    await next(p);
    await r.locator('[data-action="submit"]').waitFor();
  };

  before(async () => {
    smtp = await startSmtpCatcher();
    port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as AddressInfo).port;
        probe.close(() => resolve(p));
      });
    });
    await boot(T0);
    browser = await launchChromium(FAKE_CAMERA_ARGS);
    context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      geolocation: BOGOR,
      permissions: ['geolocation', 'camera'],
    });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
  });

  after(async () => {
    await browser?.close();
    await stopCli(server);
    await smtp?.close();
  });

  it('files, verifies by e-mail code, dispatches, escalates at 24 h and 48 h once each, answers with a photo, and the citizen disputes', async () => {
    // ——— the citizen files a report with the fake camera and location ———
    await page.goto(`${server!.url}/examples/city-portal/`);
    await fillReport(page, 'Air PDAM mati sejak subuh di Jl. Pajajaran, sudah dua hari.');
    await report(page).locator('[data-action="submit"]').click();
    const code = (await report(page).locator('.code').textContent({ timeout: 30_000 }))!.trim();
    assert.match(code, /^SB-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    first = code;

    // ——— the one-time code arrives over SMTP; the citizen types it ———
    const [codeMail] = await waitMails(CITIZEN, code);
    assert.ok(codeMail, 'the code mail arrived');
    const otp = /\b(\d{6})\b/.exec(codeMail.subject)![1]!;
    await report(page).locator('#otp-input').fill(otp);
    await report(page).locator('[data-action="verify"]').click();
    await report(page).locator('#verified').waitFor();
    assert.deepEqual(await axe(page), []);

    // ——— the desk verifies and dispatches in the staff inbox ———
    const staff = await context.newPage();
    staff.on('pageerror', (e) => errors.push(e.message));
    await staffSignIn(staff, VERIFIER);
    const row = inboxOf(staff).locator(`[data-code="${code}"]`);
    await row.waitFor({ timeout: 30_000 });
    assert.equal(await row.getAttribute('data-status'), 'received');
    await row.click();
    await inboxOf(staff).locator('[data-action="verify"]').click();
    await inboxOf(staff).locator('p.complaint-status[data-status="verified"]').waitFor({ timeout: 30_000 });
    await inboxOf(staff).locator('[data-action="dispatch"]').click();
    await inboxOf(staff).locator('[data-action="dispatch-submit"]').click();
    // The inbox shows it dispatched, and so does the public view.
    await inboxOf(staff).locator('p.complaint-status[data-status="dispatched"]').waitFor({ timeout: 30_000 });
    await waitStatus(code, 'dispatched');
    assert.deepEqual(await axe(staff), []);
    assert.equal((await waitMails(OFFICER.email, code)).length, 1, 'the officers are told once');

    // ——— 24 h later (a restart with the clock moved): the agency head's mail, once ———
    await boot(T0 + 24 * HOUR + 5 * 60_000);
    assert.equal((await waitMails(HEAD, code)).length, 1, "the agency head's mail arrived");
    assert.equal(mailsTo(MAYOR, code).length, 0, 'not yet the mayor');
    // ——— 48 h: the mayor's office's mail, once; the head's not again ———
    await boot(T0 + 48 * HOUR + 5 * 60_000);
    assert.equal((await waitMails(MAYOR, code)).length, 1, "the mayor's office's mail arrived");
    // ——— one more restart: nothing is sent again ———
    await boot(T0 + 48 * HOUR + 20 * 60_000);
    await new Promise((r) => setTimeout(r, 8_000)); // longer than a mail interval after the start-up sweep
    assert.equal(mailsTo(HEAD, code).length, 1, "the head's mail exactly once");
    assert.equal(mailsTo(MAYOR, code).length, 1, "the mayor's mail exactly once");

    // ——— the mayor's office finds it on the staff briefing (past 48 h) ———
    await staffSignIn(staff, MAYOR_OFFICE);
    await inboxOf(staff).locator('[data-action="briefing"]').click();
    const brief = inboxOf(staff).locator(`tr[data-code="${code}"]`);
    await brief.waitFor({ timeout: 30_000 });
    assert.equal(await brief.getAttribute('data-level'), '2');
    assert.deepEqual(await axe(staff), []);

    // ——— the PDAM officer answers in the inbox with an "after" photo and resolves ———
    await staffSignIn(staff, OFFICER);
    const late = inboxOf(staff).locator(`[data-code="${code}"]`);
    await late.waitFor({ timeout: 30_000 });
    assert.equal(await late.locator('[data-level]').getAttribute('data-level'), '2', 'the row shows level 2 (past 48 h)');
    await late.click();
    await inboxOf(staff).locator('[data-action="answer"]').click();
    await inboxOf(staff).locator('#answer-text').fill('Pipa yang bocor sudah diganti, air mengalir lagi.');
    const after = await staff.evaluate(() => {
      const c = document.createElement('canvas');
      c.width = 640;
      c.height = 480;
      const g = c.getContext('2d')!;
      g.fillStyle = '#2a7';
      g.fillRect(0, 0, 640, 480);
      g.fillStyle = '#fff';
      g.fillRect(200, 150, 240, 180);
      return c.toDataURL('image/jpeg', 0.9).split(',')[1]!;
    });
    await inboxOf(staff)
      .locator('#answer-photo')
      .setInputFiles({ name: 'sesudah.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(after, 'base64') });
    await inboxOf(staff).locator('[data-action="resolve-submit"]').click();
    const resolved = await waitStatus(code, 'resolved');
    const answer = resolved.timeline.find((e) => e.by === 'agency')!;
    assert.equal(answer.note, 'Pipa yang bocor sudah diganti, air mengalir lagi.');
    assert.equal(answer.photos.length, 1, 'the answer carries its after photo');
    const photoId = answer.photos[0]!.split('/').pop()!;
    assert.deepEqual(await axe(staff), []);

    // ——— the citizen sees it in the tracker and disputes ———
    await page.goto(`${server!.url}/examples/city-portal/?kode=${code}`);
    const track = page.locator('si-badra-track');
    await track.getByText('Pipa yang bocor sudah diganti').waitFor({ timeout: 30_000 });
    assert.ok((await track.locator(`img[src*="${photoId}"]`).count()) >= 1, "the answer's photo shows in the tracker");
    await track.locator('#reply-input').fill('Air masih mati di rumah saya, belum selesai.');
    await track.locator('[data-action="dispute"]').click();
    await track.locator('#replied').waitFor();
    const view = (await (await fetch(api(`/complaints/${code}`))).json()) as { status: string };
    assert.equal(view.status, 'reopened');
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, []);
  });

  it('a report submitted while offline is kept and arrives exactly once when the connection returns', async () => {
    const p = await context.newPage();
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(`${server!.url}/examples/city-portal/`);
    // The first test's report is still at "done" on this device: start a new one.
    await report(p).locator('[data-action="new-report"]').click();
    const text = `Pipa PDAM bocor di depan sekolah, nomor ${Date.now()}.`;
    // The first report (reopened, at the same place) is offered as similar; this citizen files anyway.
    await fillReport(p, text, { similar: first });
    await context.setOffline(true);
    await report(p).locator('[data-action="submit"]').click();
    await report(p).locator('#queued').waitFor({ timeout: 30_000 });
    await context.setOffline(false);
    const code = (await report(p).locator('.code').textContent({ timeout: 60_000 }))!.trim();
    const desk = await signIn(VERIFIER);
    const list = await fetch(api(`/staff/complaints?q=${encodeURIComponent('depan sekolah')}`), {
      headers: { authorization: `Bearer ${desk}` },
    });
    assert.equal(list.status, 200);
    const items = ((await list.json()) as { items: { trackingCode: string; text: string }[] }).items.filter((i) => i.text === text);
    assert.deepEqual(
      items.map((i) => i.trackingCode),
      [code],
      'exactly one complaint with this text',
    );
    await p.close();
    assert.deepEqual(errors, []);
  });
  it('a report written offline from the photo on (kept with its capture token) arrives exactly once, with its photo, when the connection returns', async () => {
    const p = await context.newPage();
    p.on('pageerror', (e) => errors.push(e.message));
    await p.goto(`${server!.url}/examples/city-portal/`);
    // The earlier report is still at "done" on this device: start a new one.
    await report(p).locator('[data-action="new-report"]').click();
    const text = `Air PDAM keruh di Jl. Suryakencana, nomor ${Date.now()}.`;
    // Offline from the shot on; the nearby list cannot load offline, so no "similar" step.
    await fillReport(p, text, { offlineFromPhoto: true });
    await report(p).locator('[data-action="submit"]').click();
    await report(p).locator('#queued').waitFor({ timeout: 30_000 });
    await context.setOffline(false);
    const code = (await report(p).locator('.code').textContent({ timeout: 60_000 }))!.trim();
    const desk = await signIn(VERIFIER);
    const list = await fetch(api(`/staff/complaints?q=${encodeURIComponent('Jl. Suryakencana')}`), {
      headers: { authorization: `Bearer ${desk}` },
    });
    const items = ((await list.json()) as { items: { trackingCode: string; text: string; photoCount: number }[] }).items.filter(
      (i) => i.text === text,
    );
    assert.deepEqual(
      items.map((i) => [i.trackingCode, i.photoCount]),
      [[code, 1]],
      'exactly one complaint with this text, with its photo',
    );
    await p.close();
    assert.deepEqual(errors, []);
  });
});
