// End to end: the ticket in the hall. A citizen books on the example agency site, opens the ticket
// by its "Lihat tiket" link (the code in the address, no phone) and sees the number; a counter calls
// it (the staff API); the ticket page says "… dipanggil — silakan ke Loket 3" at the top without a
// reload; a reload keeps the ticket. A cancelled ticket opened by its code says so first, with no QR.
// Screenshots at 360×740 go to e2e/artifacts/ (or E2E_ARTIFACTS).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startCli } from './server.js';
import { nextWeekdayNine } from '../scripts/test-clock.mjs';

const ADMIN = `e2e-admin-${Math.random().toString(36).slice(2)}`;
const ARTIFACTS = process.env.E2E_ARTIFACTS ?? fileURLToPath(new URL('./artifacts/', import.meta.url));
const SERVICE = 'pdam-balik-nama';
const PHONE = '0812 7777 1234';

describe('the ticket in the hall', { timeout: 240_000 }, () => {
  let server: Awaited<ReturnType<typeof startCli>>;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const serverNow = nextWeekdayNine();
  const today = serverNow.slice(0, 10);
  const api = () => `${server.url}/api/v1`;
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
  /** The call line at the top of the ticket, read through the shadow root. */
  const callout = () => page.locator('mpp-queue-ticket [part="callout"]');

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startCli({ MPP_NOW: serverNow, MPP_ADMIN_TOKEN: ADMIN });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => r.status() >= 500 && errors.push(`${r.status()} ${r.url()}`));
  });

  after(async () => {
    await browser?.close();
    if (!server) return;
    // The data folder goes once the server has closed its database.
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGTERM');
    await exited;
    rmSync(server.dataDir, { recursive: true, force: true });
  });

  it('books, opens the ticket by its link, sees the call at the top live, and keeps it through a reload', async () => {
    await page.goto(`${server.url}/examples/agency-site/antrean.html?service=${SERVICE}`);
    const day = page.locator(`mpp-queue-booking [data-date="${today}"]`);
    await day.waitFor({ timeout: 30_000 });
    await day.click();
    const slots = page.locator('mpp-queue-booking [data-slot]:not([disabled])');
    await slots.first().waitFor();
    await slots.first().click();
    const nik = `32710101019${String(Date.now()).slice(-5)}`;
    await page.getByLabel('Nama lengkap').fill('Dewi Lestari');
    await page.getByLabel('NIK', { exact: true }).fill(nik);
    await page.getByLabel('Nomor HP').fill(PHONE);
    await page.getByRole('button', { name: /Lanjut/ }).click();
    await page.getByRole('button', { name: 'Ambil nomor antrean' }).click();

    // "Lihat tiket" opens this ticket: the code in the address, never the phone.
    const open = page.locator('mpp-queue-booking [data-action="open-ticket"]');
    await open.waitFor({ timeout: 30_000 });
    const number = await page.locator('mpp-queue-booking mpp-queue-ticket [part="number"]').textContent();
    assert.match(number ?? '', /^K-\d{3}$/);
    await open.click();
    await page.waitForURL(/tiket\.html\?kode=[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const code = new URL(page.url()).searchParams.get('kode')!;
    assert.ok(!page.url().includes('7777') && !page.url().includes(nik), 'no phone or NIK in the address');

    // By the code alone: the number, service, date and time, place and live position; no name.
    await page.locator('mpp-queue-ticket [data-ahead]').waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('mpp-queue-ticket [part="number"]').textContent(), number);
    const facts = (await page.locator('mpp-queue-ticket [part="details"]').textContent()) ?? '';
    assert.match(facts, /Balik Nama/i);
    assert.ok(!facts.includes('Dewi'), 'no name before the phone');
    assert.equal(await page.locator('mpp-queue-ticket [data-code]').textContent(), code);
    await page.waitForFunction(
      () =>
        /Terhubung langsung/.test(
          document.querySelector('mpp-queue-ticket')?.shadowRoot?.querySelector('[part="connection"]')?.textContent ?? '',
        ),
      null,
      { timeout: 20_000 },
    );
    await shot('ticket-by-code-360');

    // The counter calls: the next number until ours (the queue starts empty; ours is the first).
    const title = await page.title();
    for (let i = 0; i < 20; i++) {
      const res = await fetch(`${api()}/staff/queues/pdam.K/call-next`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
        body: JSON.stringify({ counter: 'Loket 3' }),
      });
      assert.equal(res.status, 200);
      const called = ((await res.json()) as { called: { code: string } | null }).called;
      assert.ok(called, 'our ticket is in this queue');
      if (called.code === code) break;
    }
    const expected = `${number} dipanggil — silakan ke Loket 3`;
    await callout().filter({ hasText: expected }).waitFor({ timeout: 15_000 });
    assert.equal(await callout().getAttribute('aria-live'), 'assertive');
    const box = (await callout().boundingBox())!;
    assert.ok(box.y + box.height <= 740, `the call is above the fold at 360×740 (bottom ${box.y + box.height})`);
    const qr = await page.locator('mpp-queue-ticket svg[role="img"]').boundingBox();
    assert.ok(!qr || qr.y > box.y, 'the call comes before the QR');
    assert.equal(await page.title(), expected);
    assert.notEqual(title, await page.title());
    await shot('ticket-called-360');

    // A reload keeps the ticket (the code is in the address) and still says where to go.
    await page.reload();
    await callout().filter({ hasText: expected }).waitFor({ timeout: 30_000 });
    assert.equal(await page.locator('mpp-queue-ticket [part="number"]').textContent(), number);
    assert.equal(new URL(page.url()).searchParams.get('kode'), code);
    assert.deepEqual(errors, []);
  });

  it('a cancelled ticket opened by its code says so first and shows no QR', async () => {
    const avail = (await (await fetch(`${api()}/services/${SERVICE}/availability?days=1`)).json()) as {
      days: { slots: { id: string; remaining: number }[] }[];
    };
    const slot = avail.days[0]!.slots.filter((s) => s.remaining > 0).at(-1)!;
    const booked = await fetch(`${api()}/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: SERVICE, slotId: slot.id, name: 'Budi', nik: '3271010101900077', phone: '081299991111' }),
    });
    assert.equal(booked.status, 201);
    const { code, queueNumber } = (await booked.json()) as { code: string; queueNumber: string };
    const cancelled = await fetch(`${api()}/bookings/${code}/cancel`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ phone: '081299991111' }),
    });
    assert.equal(cancelled.status, 200);
    await page.goto(`${server.url}/examples/agency-site/tiket.html?kode=${code}`);
    const outcome = page.locator('mpp-queue-ticket [data-phase="cancelled"]');
    await outcome.waitFor({ timeout: 30_000 });
    assert.match((await outcome.textContent()) ?? '', /Antrean ini sudah dibatalkan/);
    const number = page.locator('mpp-queue-ticket [part="number"]');
    assert.equal(await number.textContent(), queueNumber);
    assert.ok((await outcome.boundingBox())!.y < (await number.boundingBox())!.y, 'the outcome comes first');
    assert.equal(await page.locator('mpp-queue-ticket svg[role="img"]').count(), 0, 'no QR');
    assert.equal(await page.locator('mpp-queue-ticket [data-code]').count(), 0, 'no code to show at the counter');
    await shot('ticket-cancelled-360');
    assert.deepEqual(errors, []);
  });
});
