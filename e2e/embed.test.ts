// End to end: the three embed modes and the script API on a host page of another origin, through
// the CDN bundle of the real server in Debian's Chromium. A link with `data-mpp-open` opens the
// booking in a modal window (focus kept inside, Escape closes it, focus back on the link, the
// booking as it was left on the next open); a floating button opens the catalog; `mppKit(...)`
// commands queued by the tag-manager stub before the bundle loads run when it arrives; a tag in a
// host element's shadow root loads once the page points the loader at it (`mppKit('observe', …)`).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startCli, stopCli } from './server.js';
import { nextWeekdayNine } from '../scripts/test-clock.mjs';

const STUB = `window.mppKit = window.mppKit || function () { (mppKit.q = mppKit.q || []).push(arguments); };`;

describe('embed modes: inline, popup from any element, floating button, script API', { timeout: 240_000 }, () => {
  let server: Awaited<ReturnType<typeof startCli>>;
  let host: Server;
  let hostUrl = '';
  let browser: Browser;
  const serverNow = nextWeekdayNine();
  const pages: Record<string, (mpp: string) => string> = {
    '/popup.html': (
      mpp,
    ) => `<p><a id="book" href="/antrean" data-mpp-open="booking" data-mpp-service="disdukcapil-kk-baru">Ambil antrean KK</a></p>
      <p><button id="after">Tombol lain di halaman</button></p>
      <mpp-launcher widget="catalog" mode="floating" label="Cari layanan MPP"></mpp-launcher>
      <script type="module" src="${mpp}/cdn/mpp-kit.js"></script>`,
    '/queue.html': (mpp) => `<script>${STUB} mppKit('open', 'catalog', { service: 'polresta-skck' });</script>
      <script type="module" src="${mpp}/cdn/mpp-kit.js"></script>`,
    '/shadow.html': (mpp) => `<portal-card></portal-card>
      <script>customElements.define('portal-card', class extends HTMLElement {
        constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<mpp-service-catalog></mpp-service-catalog>'; }
      });
      ${STUB} mppKit('observe', document.querySelector('portal-card').shadowRoot);</script>
      <script type="module" src="${mpp}/cdn/mpp-kit.js"></script>`,
  };

  before(async () => {
    server = await startCli({ MPP_NOW: serverNow });
    host = createServer((req, res) => {
      const make = pages[new URL(req.url ?? '/', 'http://host').pathname];
      if (!make) {
        res.writeHead(204);
        return res.end();
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Portal</title></head><body>${make(server.url)}</body></html>`,
      );
    });
    await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
    hostUrl = `http://localhost:${(host.address() as AddressInfo).port}`;
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await new Promise((r) => host?.close(r));
    await stopCli(server);
  });

  const open = async (path: string): Promise<{ p: Page; errors: string[] }> => {
    const p = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const errors: string[] = [];
    p.on('pageerror', (e) => errors.push(e.message));
    p.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await p.goto(hostUrl + path);
    return { p, errors };
  };
  /** Where the focus is, through shadow roots: the path of tags from the page down. */
  const focusPath = (p: Page) =>
    p.evaluate(() => {
      const path: string[] = [];
      let a: Element | null = document.activeElement;
      while (a) {
        path.push(a.id ? `${a.localName}#${a.id}` : a.localName);
        a = a.shadowRoot?.activeElement ?? null;
      }
      return path;
    });
  const dialogOpen = (p: Page, widget: string) =>
    p.evaluate(
      (w) =>
        [...document.querySelectorAll('mpp-launcher')].some(
          (l) => l.getAttribute('widget') === w && l.shadowRoot?.querySelector('dialog')?.open,
        ),
      widget,
    );

  it('a link with data-mpp-open opens the booking in a modal window; focus stays in it; Escape closes it and the focus returns', async () => {
    const { p, errors } = await open('/popup.html');
    await p.locator('#book').focus();
    await p.keyboard.press('Enter');
    const day = p.locator('mpp-launcher mpp-queue-booking [data-date]:not([disabled])').first();
    await day.waitFor({ timeout: 30_000 });
    assert.equal(await dialogOpen(p, 'booking'), true);
    assert.deepEqual((await focusPath(p)).slice(-2), ['mpp-launcher', 'button'], 'the window opens with the focus on its close button');
    assert.equal(new URL(p.url()).pathname, '/popup.html', 'the link did not navigate');
    for (let i = 0; i < 25; i++) {
      await p.keyboard.press('Tab');
      const inside = await p.evaluate(() => !!document.activeElement?.closest('mpp-launcher'));
      assert.ok(inside, `focus left the window after ${i + 1} Tab: ${(await focusPath(p)).join(' > ')}`);
    }
    // Backwards from the close button (the window's first control): to the widget's last one.
    await p.locator('mpp-launcher[widget="booking"] [part="close"]').focus();
    await p.keyboard.press('Shift+Tab');
    assert.equal(await p.evaluate(() => document.activeElement?.localName), 'mpp-queue-booking', 'Shift+Tab wraps to the widget');
    await day.click();
    await p.keyboard.press('Escape');
    await p.waitForFunction(() => !document.querySelector('mpp-launcher[widget="booking"]')?.shadowRoot?.querySelector('dialog')?.open);
    assert.equal((await focusPath(p)).at(-1), 'a#book', 'the focus is back on the link');
    // Opened again: the booking as it was left (the day chosen), not a fresh one.
    await p.locator('#book').click();
    await p.locator('mpp-launcher mpp-queue-booking [data-slot]').first().waitFor();
    await p.locator('mpp-launcher[widget="booking"] [part="close"]').click();
    assert.equal(await dialogOpen(p, 'booking'), false);
    assert.deepEqual(errors, []);
    await p.close();
  });

  it('a floating button in the corner opens the catalog; the close button closes it', async () => {
    const { p, errors } = await open('/popup.html');
    const fab = p.locator('mpp-launcher[mode="floating"] [part="launcher"]');
    await fab.waitFor({ timeout: 30_000 });
    const box = (await fab.boundingBox())!;
    assert.ok(box.x + box.width > 360 - 40 && box.y + box.height > 740 - 40, `in the bottom right corner: ${JSON.stringify(box)}`);
    assert.match((await fab.textContent()) ?? '', /Cari layanan MPP/);
    await fab.click();
    await p.locator('mpp-launcher[widget="catalog"] mpp-service-catalog [data-service]').first().waitFor({ timeout: 30_000 });
    await p.getByLabel('Cari layanan', { exact: true }).fill('skck');
    await p.locator('mpp-launcher mpp-service-catalog [data-service="polresta-skck"]').waitFor();
    await p.locator('mpp-launcher[widget="catalog"] [part="close"]').click();
    assert.equal(await dialogOpen(p, 'catalog'), false);
    assert.equal((await focusPath(p)).at(-1), 'button', 'the focus is back on the floating button');
    assert.deepEqual(errors, []);
    await p.close();
  });

  it('runs commands queued before the bundle loaded, and loads tags in a shadow root it is pointed at', async () => {
    const q = await open('/queue.html');
    // The service's name shows once its summary or its full record is there.
    await q.p.waitForFunction(
      () =>
        /SKCK|Catatan Kepolisian/i.test(
          document.querySelector('mpp-launcher mpp-service-catalog')?.shadowRoot?.querySelector('#svc-title')?.textContent ?? '',
        ),
      undefined,
      { timeout: 30_000 },
    );
    assert.equal(await dialogOpen(q.p, 'catalog'), true);
    await q.p.evaluate(() => (window as unknown as { mppKit(c: string): void }).mppKit('close'));
    assert.equal(await dialogOpen(q.p, 'catalog'), false);
    assert.deepEqual(q.errors, []);
    await q.p.close();

    const s = await open('/shadow.html');
    await s.p.locator('portal-card mpp-service-catalog [data-service]').first().waitFor({ timeout: 30_000 });
    assert.deepEqual(s.errors, []);
    await s.p.close();
  });
});
