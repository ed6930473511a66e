// End to end: examples/city-portal, Si Badra on a city's page through the CDN snippet, in Debian's
// Chromium at 360 px on the real server: the report form shows the server's categories, the
// tracker opens a complaint filed through the API (?kode= in the address), axe finds nothing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { axe } from './axe.js';
import { launchChromium, startCli, stopCli } from './server.js';

describe('examples/city-portal (Si Badra report and tracker)', { timeout: 180_000 }, () => {
  let server: Awaited<ReturnType<typeof startCli>>;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    server = await startCli();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    page.on('pageerror', (e) => errors.push(e.message));
  });

  after(async () => {
    await browser?.close();
    await stopCli(server);
  });

  it('shows the report form with the categories and the tracker on a filed complaint, axe clean, nothing wider than the screen', async () => {
    const api = `${server.url}/api/v1`;
    const post = (path: string, body: unknown) =>
      fetch(`${api}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const { token } = (await (await post('/complaints/capture-tokens', {})).json()) as { token: string };
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xdb, 0, 4, 0, 0, 0xff, 0xda, 0, 4, 0, 0, 1, 2, 0xff, 0xd9]);
    const photo = await fetch(`${api}/complaints/photos`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg', 'mpp-capture-token': token },
      body: jpeg,
    });
    assert.equal(photo.status, 201);
    const filed = await post('/complaints', {
      categoryId: 'air-pdam',
      text: 'Air PDAM mati sejak pagi di Jl. Pajajaran.',
      address: 'Jl. Pajajaran 10',
      photoIds: [((await photo.json()) as { id: string }).id],
      privacy: 'anonim',
      email: 'warga@contoh.id',
    });
    assert.equal(filed.status, 201);
    const { trackingCode } = (await filed.json()) as { trackingCode: string };

    await page.goto(`${server.url}/examples/city-portal/?kode=${trackingCode}`);
    await page.getByText('Air PDAM (mati, keruh, bocor)').first().waitFor({ timeout: 30_000 });
    await page.locator('si-badra-track').getByText(trackingCode).first().waitFor({ timeout: 30_000 });
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 360);
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, []);
  });
});
