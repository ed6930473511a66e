// End to end: a citizen finds KTP-el in the catalog on the agency site, follows "Ambil nomor
// antrean" to the booking page, books a ticket, sees the QR and the live position, the counter
// calls (through the staff API), the position moves; then the citizen cancels and the place is free.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startCli } from './server.js';
import { nextWeekdayNine } from '../scripts/test-clock.mjs';

const ADMIN = `e2e-admin-${Math.random().toString(36).slice(2)}`;

describe('booking a queue number on the example agency site', { timeout: 240_000 }, () => {
  let server: Awaited<ReturnType<typeof startCli>>;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const serverNow = nextWeekdayNine();
  const today = serverNow.slice(0, 10);

  before(async () => {
    server = await startCli({ MPP_NOW: serverNow, MPP_ADMIN_TOKEN: ADMIN });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 360, height: 800 } });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => r.status() >= 500 && errors.push(`${r.status()} ${r.url()}`));
  });

  after(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
    if (server) rmSync(server.dataDir, { recursive: true, force: true });
  });

  it('goes from the catalog to a ticket, follows the queue live, and cancels', async () => {
    await page.goto(`${server.url}/examples/agency-site/`);
    await page.getByLabel('Cari layanan', { exact: true }).fill('bikin ktp');
    const first = page.locator('mpp-service-catalog ul.results [data-service]').first();
    await page.waitForFunction(
      () =>
        document
          .querySelector('mpp-service-catalog')
          ?.shadowRoot?.querySelector('ul.results [data-service]')
          ?.getAttribute('data-service') === 'disdukcapil-ktp-el',
    );
    await first.click();
    await page.getByRole('button', { name: 'Ambil nomor antrean' }).click();
    await page.waitForURL(/antrean\.html\?service=disdukcapil-ktp-el/);

    // Date: today (the server's day) is open; take its last slot so the queue is ahead of us.
    const day = page.locator(`mpp-queue-booking [data-date="${today}"]`);
    await day.waitFor({ timeout: 30_000 });
    await day.click();
    const slots = page.locator('mpp-queue-booking [data-slot]:not([disabled])');
    await slots.first().waitFor();
    await slots.last().click();

    const nik = `32710101019${String(Date.now()).slice(-5)}`;
    await page.getByLabel('Nama lengkap').fill('Siti Aminah');
    await page.getByLabel('NIK', { exact: true }).fill(nik);
    await page.getByLabel('Nomor HP').fill('0812 3456 7890');
    await page.getByRole('button', { name: /Lanjut/ }).click();
    await page.getByRole('button', { name: 'Ambil nomor antrean' }).click();

    const qr = page.locator('mpp-queue-ticket svg[role="img"]');
    await qr.waitFor({ timeout: 30_000 });
    const code = await page.locator('mpp-queue-ticket [data-code]').getAttribute('data-code');
    assert.match(code ?? '', /^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    const html = await page.content();
    assert.ok(!html.includes(nik), 'the page never shows the full NIK');
    const log = await page.locator('#events').textContent();
    assert.match(log ?? '', /mpp-booking-created/);
    assert.ok(!(log ?? '').includes(nik) && !(log ?? '').includes('3456'), 'events carry no NIK or phone');

    // Somebody else is earlier today; the counter calls; our "ahead" drops, live.
    const api = `${server.url}/api/v1`;
    const avail = (await (await fetch(`${api}/services/disdukcapil-kk-baru/availability?days=1`)).json()) as {
      days: { slots: { id: string }[] }[];
    };
    assert.ok(avail.days?.[0]?.slots.length, `KK has slots today: ${JSON.stringify(avail).slice(0, 300)}`);
    const other = await fetch(`${api}/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        serviceId: 'disdukcapil-kk-baru',
        slotId: avail.days[0]!.slots[0]!.id,
        name: 'Budi',
        nik: `32710101019${String(Date.now() + 7).slice(-5)}`,
        phone: '081299990000',
      }),
    });
    assert.equal(other.status, 201);
    const ahead = page.locator('mpp-queue-ticket [data-ahead]');
    await page.waitForFunction(
      () =>
        Number(
          document
            .querySelector('mpp-queue-booking')
            ?.shadowRoot?.querySelector('mpp-queue-ticket')
            ?.shadowRoot?.querySelector('[data-ahead]')
            ?.getAttribute('data-ahead'),
        ) >= 1,
      null,
      { timeout: 15_000 },
    );
    const before = Number(await ahead.getAttribute('data-ahead'));
    const call = await fetch(`${api}/staff/queues/disdukcapil.B/call-next`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
      body: JSON.stringify({ counter: 'Loket 7' }),
    });
    assert.equal(call.status, 200);
    await page.waitForFunction(
      (b) =>
        Number(
          document
            .querySelector('mpp-queue-booking')
            ?.shadowRoot?.querySelector('mpp-queue-ticket')
            ?.shadowRoot?.querySelector('[data-ahead]')
            ?.getAttribute('data-ahead'),
        ) ===
        b - 1,
      before,
      { timeout: 15_000 },
    );
    await page.locator('mpp-queue-ticket [data-now]').filter({ hasText: 'B-' }).waitFor();

    // Cancel: the place is free at once.
    const slotsBefore = (await (await fetch(`${api}/services/disdukcapil-ktp-el/availability?days=1`)).json()) as {
      days: { remaining: number }[];
    };
    await page.locator('mpp-queue-ticket [data-action="cancel"]').click();
    await page.locator('mpp-queue-ticket [data-action="cancel-yes"]').click();
    await page.waitForFunction(async (url) => {
      const r = (await (await fetch(url)).json()) as { days: { remaining: number }[] };
      return r.days[0]!.remaining > 0;
    }, `${api}/services/disdukcapil-ktp-el/availability?days=1`);
    const slotsAfter = (await (await fetch(`${api}/services/disdukcapil-ktp-el/availability?days=1`)).json()) as {
      days: { remaining: number }[];
    };
    assert.equal(slotsAfter.days[0]!.remaining, slotsBefore.days[0]!.remaining + 1);
    assert.match((await page.locator('#events').textContent()) ?? '', /mpp-booking-cancelled/);
    assert.deepEqual(errors, []);
  });
});
