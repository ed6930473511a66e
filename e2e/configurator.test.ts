// End to end: the snippet configurator of the docs (docs/configurator.html, served by the demo
// server) in Debian's Chromium. A webmaster picks the booking for one service, a brand colour and an
// embed mode; the snippet says exactly that and the live preview runs it; axe finds nothing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startCli, stopCli } from './server.js';
import { nextWeekdayNine } from '../scripts/test-clock.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

describe('the snippet configurator', { timeout: 240_000 }, () => {
  let server: Awaited<ReturnType<typeof startCli>>;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  before(async () => {
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

  it('turns the choices into the snippet and runs it in the preview', async () => {
    await page.goto(`${server.url}/docs/configurator.html`);
    // Scoped to the configurator's form: the preview's widget has controls with the same ids in its
    // shadow root, which Playwright's CSS selectors pierce.
    await page.locator('#form #agency option[value="disdukcapil"]').waitFor({ state: 'attached', timeout: 30_000 });
    await page.selectOption('#form #widget', 'booking');
    await page.selectOption('#form #agency', 'disdukcapil');
    await page.selectOption('#form #service', 'disdukcapil-ktp-el');
    await page.locator('#form #color').fill('#7a1f1f');
    const snippet = (await page.locator('#snippet').textContent()) ?? '';
    assert.match(snippet, new RegExp(`<script type="module" src="${server.url}/cdn/mpp-kit.js"></script>`));
    assert.match(
      snippet,
      /<mpp-queue-booking agency="disdukcapil" service="disdukcapil-ktp-el" style="--mpp-color-primary: #7a1f1f; --mpp-radius: 8px"><\/mpp-queue-booking>/,
    );
    await page.locator('#preview mpp-queue-booking [data-date]').first().waitFor({ timeout: 30_000 });

    await page.selectOption('#form #mode', 'popup');
    assert.match(
      (await page.locator('#snippet').textContent()) ?? '',
      /<a href="#" data-mpp-open="booking" data-mpp-agency="disdukcapil" data-mpp-service="disdukcapil-ktp-el"/,
    );
    await page.locator('#preview a[data-mpp-open]').click();
    await page.locator('mpp-launcher mpp-queue-booking [data-date]').first().waitFor({ timeout: 30_000 });
    await page.keyboard.press('Escape');

    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string }> }> } }).axe.run();
      return r.violations.map((v) => v.id);
    });
    assert.deepEqual(violations, []);
    assert.deepEqual(errors, []);
  });
});
