// End to end: the agency-site example, served by the real server (the same CLI `npm start` runs,
// on a fresh PGlite folder with the Bogor demo), loads the catalog through the CDN bundle in
// Debian's Chromium, and a citizen finds KTP-el and SKCK by everyday phrasing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startCli } from './server.js';

describe('examples/agency-site against the real server', { timeout: 180_000 }, () => {
  let server: Awaited<ReturnType<typeof startCli>>;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];
  const offsite: string[] = [];

  before(async () => {
    server = await startCli();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
    page.on('request', (r) => !r.url().startsWith(server.url) && !r.url().startsWith('data:') && offsite.push(r.url()));
  });

  after(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
    if (server) rmSync(server.dataDir, { recursive: true, force: true });
  });

  it('shows the catalog through the CDN bundle and finds KTP-el for "bikin ktp", SKCK for "skck"', async () => {
    await page.goto(`${server.url}/examples/agency-site/`);
    const items = page.locator('mpp-service-catalog ul.results [data-service]');
    await items.first().waitFor({ timeout: 30_000 });
    assert.ok((await items.count()) >= 6, 'the catalog opens with the most used services');

    const input = page.getByLabel('Cari layanan', { exact: true });
    await input.fill('bikin ktp');
    await page.waitForFunction(
      () =>
        document
          .querySelector('mpp-service-catalog')
          ?.shadowRoot?.querySelector('ul.results [data-service]')
          ?.getAttribute('data-service') === 'disdukcapil-ktp-el',
    );
    assert.equal(await items.first().getAttribute('data-service'), 'disdukcapil-ktp-el');
    assert.match((await items.first().textContent()) ?? '', /KTP/);

    await input.fill('skck');
    await page.waitForFunction(
      () =>
        document
          .querySelector('mpp-service-catalog')
          ?.shadowRoot?.querySelector('ul.results [data-service]')
          ?.getAttribute('data-service') === 'polresta-skck',
    );

    await items.first().click();
    await page
      .getByRole('heading', { level: 3 })
      .filter({ hasText: /SKCK|Catatan Kepolisian/i })
      .waitFor();
    const log = await page.locator('#events').textContent();
    assert.match(log ?? '', /mpp-service-selected \{"serviceId":"polresta-skck","agencyId":"polresta-bogor"\}/);
    // "Ambil nomor antrean" follows the catalog's booking-url to the booking page for this service.
    await page.getByRole('button', { name: 'Ambil nomor antrean' }).click();
    await page.waitForURL(/antrean\.html\?service=polresta-skck$/);

    assert.deepEqual(errors, [], 'no page errors');
    assert.deepEqual(offsite, [], 'no request leaves the server');
  });

  it('on an English page fetches the booking widget’s English texts together with its code, not after it', async () => {
    // A page of the server's origin that is not in the examples: served by the browser itself.
    const url = `${server.url}/examples/english-booking.html`;
    await page.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Queue</title>
          <script type="module" src="/cdn/mpp-kit.js"></script></head>
          <body><main><mpp-queue-booking service="disdukcapil-ktp-el"></mpp-queue-booking></main></body></html>`,
      }),
    );
    const requested: string[] = [];
    const finished = new Map<string, number>();
    const started = new Map<string, number>();
    const chunk = (u: string) =>
      /\/cdn\/chunks\/(locale-en|mpp-queue-booking|mpp-queue-ticket|mpp-service-catalog|shared)-/.exec(u)?.[1] ?? null;
    const onRequest = (r: { url(): string }) => {
      const c = chunk(r.url());
      if (c) {
        requested.push(c);
        if (!started.has(c)) started.set(c, performance.now());
      }
    };
    const onFinished = (r: { url(): string }) => {
      const c = chunk(r.url());
      if (c) finished.set(c, Math.max(finished.get(c) ?? 0, performance.now()));
    };
    page.on('request', onRequest);
    page.on('requestfinished', onFinished);
    try {
      await page.goto(url);
      await page.getByRole('heading', { name: 'Get a queue number' }).waitFor({ timeout: 30_000 });
      assert.ok(requested.includes('locale-en'), `English texts fetched: ${requested.join(', ')}`);
      assert.ok(
        started.get('locale-en')! < finished.get('mpp-queue-booking')!,
        'the English texts were requested before the widget’s code had even arrived',
      );
    } finally {
      page.off('request', onRequest);
      page.off('requestfinished', onFinished);
      await page.unroute(url);
    }
  });

  it('serves the demo landing page, the OpenAPI document and problem+json for unknown API routes', async () => {
    const home = await fetch(`${server.url}/`);
    assert.equal(home.status, 200);
    const doc = await fetch(`${server.url}/docs/openapi.json`);
    assert.equal(doc.status, 200);
    const nf = await fetch(`${server.url}/api/v1/nope`);
    assert.equal(nf.status, 404);
    assert.match(nf.headers.get('content-type') ?? '', /application\/problem\+json/);
  });
});
