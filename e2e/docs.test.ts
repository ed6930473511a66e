// End to end: the docs site (issue 13, item 7). Builds it with scripts/docs.mjs (what `npm run docs`
// runs), starts the real server the way `npm start` does, and walks every page of the site from the
// landing page in Debian's Chromium: the guides, the element pages, the OpenAPI reference, the
// configurator, typedoc's index and two of its class pages. axe finds nothing on any of them; every
// same-origin link answers 200 and every #fragment it names exists; the site's own pages are
// readable at 320 px without scrolling sideways.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { axe } from './axe.js';
import { launchChromium, startCli, stopCli } from './server.js';

const root = fileURLToPath(new URL('..', import.meta.url));
/** typedoc's pages visited beyond its index (the SDK has dozens; its theme is the same on each). */
const TYPEDOC_CLASS_PAGES = 2;

describe('the docs site', { timeout: 180_000 }, () => {
  let server: Awaited<ReturnType<typeof startCli>>;
  let browser: Browser;
  let wide: Page;
  let phone: Page;
  const errors: string[] = [];

  before(async () => {
    execFileSync(process.execPath, ['scripts/docs.mjs'], { cwd: root, stdio: 'inherit' });
    server = await startCli();
    browser = await launchChromium();
    wide = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    phone = await browser.newPage({ viewport: { width: 320, height: 640 } });
    for (const p of [wide, phone]) {
      p.on('pageerror', (e) => errors.push(`${p.url()}: ${e.message}`));
      p.on('console', (m) => m.type() === 'error' && errors.push(`${p.url()}: ${m.text()}`));
    }
  });

  after(async () => {
    await browser?.close();
    await stopCli(server);
  });

  it('every page is axe clean, every internal link answers, and the site’s own pages fit 320 px', async () => {
    const origin = server.url;
    const visited = new Map<string, Set<string>>(); // page URL → its element ids
    const links = new Map<string, string>(); // link URL (with fragment) → the page it is on
    const queue = [`${origin}/`, `${origin}/docs/`];
    const violations: string[] = [];
    const overflowing: string[] = [];
    let typedocClasses = 0;
    const isTypedoc = (path: string) => path.startsWith('/docs/api/');
    const toVisit = (u: URL) => {
      if (u.origin !== origin || !(u.pathname === '/' || u.pathname.startsWith('/docs/'))) return false;
      if (!/(\/|\.html)$/.test(u.pathname)) return false;
      if (!isTypedoc(u.pathname) || u.pathname === '/docs/api/' || u.pathname === '/docs/api/index.html') return true;
      if (/^\/docs\/api\/classes\/[^/]+\.html$/.test(u.pathname) && typedocClasses < TYPEDOC_CLASS_PAGES) {
        typedocClasses++;
        return true;
      }
      return false;
    };

    while (queue.length) {
      const url = queue.shift()!;
      if (visited.has(url)) continue;
      const path = new URL(url).pathname;
      const res = await wide.goto(url);
      assert.equal(res?.status(), 200, url);
      const found = await wide.evaluate(() => ({
        hrefs: [...document.querySelectorAll<HTMLAnchorElement | HTMLLinkElement>('a[href], link[href]')].map((a) => a.href),
        ids: [...document.querySelectorAll('[id]')].map((e) => e.id),
      }));
      visited.set(url, new Set(found.ids));
      // The wide page's axe run and the phone's visit side by side (two tabs of one browser).
      const [wideViolations, narrow] = await Promise.all([
        axe(wide),
        isTypedoc(path)
          ? null
          : (async () => {
              await phone.goto(url);
              const scroll = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
              return { scroll, violations: await axe(phone) };
            })(),
      ]);
      for (const v of wideViolations) violations.push(`${path} ${v}`);
      if (narrow) {
        if (narrow.scroll > 0) overflowing.push(`${path}: ${narrow.scroll} px wider than 320`);
        for (const v of narrow.violations) violations.push(`${path} at 320 px ${v}`);
      }
      for (const href of found.hrefs) {
        const u = new URL(href);
        if (u.origin !== origin || u.protocol === 'data:') continue;
        if (!links.has(u.href)) links.set(u.href, path);
        u.hash = '';
        if (!visited.has(u.href) && !queue.includes(u.href) && toVisit(u)) queue.push(u.href);
      }
    }

    // Every same-origin link answers 200 (the API's own links included); a #fragment on a page we
    // visited names an element of that page.
    const broken: string[] = [];
    const statuses = new Map<string, number>();
    for (const [href, from] of links) {
      const u = new URL(href);
      const hash = decodeURIComponent(u.hash.slice(1));
      u.hash = '';
      if (!statuses.has(u.href)) {
        const r = await fetch(u.href);
        await r.arrayBuffer();
        statuses.set(u.href, r.status);
      }
      if (statuses.get(u.href) !== 200) broken.push(`${href} (from ${from}): ${statuses.get(u.href)}`);
      else if (hash && visited.has(u.href) && !visited.get(u.href)!.has(hash)) broken.push(`${href} (from ${from}): no #${hash}`);
    }

    const pages = [...visited.keys()].map((u) => new URL(u).pathname);
    console.log(`docs site: ${pages.length} pages visited, ${statuses.size} distinct internal URLs checked`);
    for (const must of [
      '/docs/mulai.html',
      '/docs/developers.html',
      '/docs/server.html',
      '/docs/security.html',
      '/docs/configurator.html',
      '/docs/openapi.html',
      '/docs/elements/mpp-service-catalog.html',
      '/docs/elements/mpp-queue-booking.html',
      '/docs/elements/mpp-queue-ticket.html',
      '/docs/elements/mpp-launcher.html',
    ])
      assert.ok(pages.includes(must), `${must} is linked and visited`);
    assert.ok(
      pages.some((p) => p === '/docs/api/' || p === '/docs/api/index.html') && typedocClasses === TYPEDOC_CLASS_PAGES,
      'typedoc pages',
    );
    assert.deepEqual(broken, [], 'internal links');
    assert.deepEqual(overflowing, [], 'no sideways scrolling at 320 px');
    assert.deepEqual(errors, [], 'no page errors');
    assert.deepEqual(violations, [], 'axe');
  });
});
