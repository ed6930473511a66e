// End to end: examples/kelurahan-portal, a portal on a WordPress-like theme (62.5 % root font size,
// content-box everything, uppercase serif buttons) with the CDN snippet, the portal's colours and
// Indonesian copy, served by the real server in Debian's Chromium at 360 px. The catalog shows in
// the portal's brand colour at a readable size with every control inside its card; the queue link
// opens the booking in a window; the floating button is there; axe finds nothing in any of it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { axe } from './axe.js';
import { launchChromium, startCli, stopCli } from './server.js';
import { nextWeekdayNine } from '../scripts/test-clock.mjs';

const ARTIFACTS = process.env.E2E_ARTIFACTS ?? fileURLToPath(new URL('./artifacts/', import.meta.url));

describe('examples/kelurahan-portal on a WordPress-like theme', { timeout: 240_000 }, () => {
  let server: Awaited<ReturnType<typeof startCli>>;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startCli({ MPP_NOW: nextWeekdayNine() });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  });

  after(async () => {
    await browser?.close();
    await stopCli(server);
  });

  it('shows the catalog in the portal’s colour, readable, nothing sticking out, axe clean', async () => {
    await page.goto(`${server.url}/examples/kelurahan-portal/`);
    await page.locator('mpp-service-catalog [data-service]').first().waitFor({ timeout: 30_000 });
    const m = await page.evaluate(() => {
      const root = document.querySelector('mpp-service-catalog')!.shadowRoot!;
      const card = document.querySelector('.widget-area')!.getBoundingClientRect();
      const input = root.querySelector('input')!;
      const item = root.querySelector<HTMLElement>('[data-service]')!;
      const out = [...root.querySelectorAll('input, select, button')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.left < card.left - 0.5 || r.right > card.right + 0.5);
      });
      return {
        inputFont: parseFloat(getComputedStyle(input).fontSize),
        itemFont: parseFloat(getComputedStyle(item).fontSize),
        sticking: out.map((el) => el.outerHTML.slice(0, 60)),
        primary:
          getComputedStyle(root.querySelector('[data-service]')!).getPropertyValue('--_primary').trim() ||
          getComputedStyle(document.querySelector('mpp-service-catalog')!).getPropertyValue('--mpp-color-primary').trim(),
      };
    });
    assert.ok(m.inputFont >= 16, `the search box's text is ${m.inputFont} px`);
    assert.ok(m.itemFont >= 14, `a result's text is ${m.itemFont} px`);
    assert.deepEqual(m.sticking, [], 'every control inside the card');
    assert.equal(m.primary, '#7a1f1f', 'the portal’s brand colour');
    await page.screenshot({ path: join(ARTIFACTS, 'kelurahan-portal.png'), fullPage: true });
    assert.deepEqual(await axe(page), []);
  });

  it('opens the booking in a window from the portal’s link, with the floating button beside it, axe clean', async () => {
    assert.ok(await page.locator('mpp-launcher[mode="floating"] [part="launcher"]').isVisible(), 'the floating button');
    await page.getByRole('link', { name: 'Ambil antrean Kartu Keluarga' }).click();
    await page.locator('mpp-launcher mpp-queue-booking [data-date]').first().waitFor({ timeout: 30_000 });
    assert.equal(new URL(page.url()).pathname, '/examples/kelurahan-portal/');
    await page.screenshot({ path: join(ARTIFACTS, 'kelurahan-portal-booking.png') });
    assert.deepEqual(await axe(page), []);
    await page.keyboard.press('Escape');
    assert.deepEqual(errors, []);
  });
});
