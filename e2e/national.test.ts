// End to end: a catalog too large to ship (more than CATALOG_SHIP_LIMIT services: the synthetic
// national generator, which starts with the Bogor services) on the real server and database. The
// agency-site page in Debian's Chromium gets an index without services, and the catalog widget
// searches on the server: debounced, the newest query only, the same order as the server's own
// ranking, every match reachable through "show more", a service opened in full.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { CATALOG_SHIP_LIMIT } from '../packages/core/src/index.js';
import { openDatabase, seedCatalog, silentLogger, startServer, syntheticCatalog, type Db } from '../bench/server.js';
import { launchChromium } from './server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SIZE = CATALOG_SHIP_LIMIT + 200;

describe(`a catalog of ${SIZE} services, searched on the server`, { timeout: 240_000 }, () => {
  let db: Db;
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;
  const searches: string[] = [];
  const errors: string[] = [];
  const api = (path: string) => fetch(`${server.url}/api/v1/${path}`).then((r) => r.json());
  const shown = () =>
    page.evaluate(() =>
      [...(document.querySelector('mpp-service-catalog')?.shadowRoot?.querySelectorAll('ul.results [data-service]') ?? [])].map((b) =>
        b.getAttribute('data-service'),
      ),
    );

  before(async () => {
    db = await openDatabase({});
    server = await startServer({ port: 0, db, seedDemo: false, demoRoot: ROOT, logger: silentLogger, config: { secret: 'e2e-national' } });
    await seedCatalog(db, syntheticCatalog(SIZE));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
    page.on('request', (r) => r.url().includes('/catalog/search') && searches.push(new URL(r.url()).searchParams.get('q') ?? ''));
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    await db?.close();
  });

  it('ships no services up front and finds by everyday words on the server, in the server’s order', async () => {
    const index = page.waitForResponse((r) => r.url().includes('/catalog/index'));
    await page.goto(`${server.url}/examples/agency-site/`);
    const body = (await (await index).json()) as { services: unknown[]; total: number; remote: boolean };
    assert.deepEqual([body.services.length, body.total, body.remote], [0, SIZE, true]);
    await page.waitForFunction(
      () => (document.querySelector('mpp-service-catalog')?.shadowRoot?.querySelectorAll('[data-service]').length ?? 0) > 0,
    );
    assert.equal(await page.locator('mpp-service-catalog #agency').count(), 0, 'no agency list to choose from');

    searches.length = 0;
    await page.getByLabel('Cari layanan', { exact: true }).pressSequentially('skck', { delay: 30 });
    await page.waitForFunction(
      () =>
        document
          .querySelector('mpp-service-catalog')
          ?.shadowRoot?.querySelector('ul.results [data-service]')
          ?.getAttribute('data-service') === 'polresta-skck',
      undefined,
      { timeout: 30_000 },
    );
    assert.ok(searches.length <= 2 && searches.at(-1) === 'skck', `typing is debounced: ${JSON.stringify(searches)}`);
    const server50 = (await api('catalog/search?q=skck&limit=50')) as { items: Array<{ id: string }> };
    assert.deepEqual(await shown(), server50.items.map((s) => s.id).slice(0, (await shown()).length), 'the server’s order');
  });

  it('reaches every match of a broad query through "show more", then opens one in full', async () => {
    const input = page.getByLabel('Cari layanan', { exact: true });
    await input.fill('izin');
    const all: string[] = [];
    for (let offset = 0; ; offset += 100) {
      const p = (await api(`catalog/search?q=izin&limit=100&offset=${offset}`)) as { items: Array<{ id: string }>; more: boolean };
      all.push(...p.items.map((s) => s.id));
      if (!p.more) break;
    }
    assert.ok(all.length > 50, `a broad query (${all.length} matches)`);
    await page.waitForFunction(() => !document.querySelector('mpp-service-catalog')?.shadowRoot?.querySelector('[aria-busy="true"]'));
    const more = page.locator('mpp-service-catalog [data-action="more"]');
    for (let i = 0; i < 40 && (await more.count()); i++) {
      await more.click();
      await page.waitForTimeout(50);
      await page.waitForFunction(
        () => !document.querySelector('mpp-service-catalog')?.shadowRoot?.querySelector('[data-action="more"][disabled]'),
      );
    }
    assert.deepEqual(await shown(), all, 'every match, in order, none twice');

    await page.locator('mpp-service-catalog ul.results [data-service]').first().click();
    await page.locator('mpp-service-catalog [part="checklist"]').waitFor({ timeout: 30_000 });
    assert.deepEqual(errors, []);
  });
});
