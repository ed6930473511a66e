// End to end: every widget looks the same on four host pages (e2e/hosts/): a bare page, a hostile
// page (`* { line-height: 3 !important; font-family: "Comic Sans MS" !important; … }`, form
// controls `all: unset`, rules on the widget's tag), a WordPress-like theme (`html { font-size:
// 62.5% }`, `* { box-sizing: content-box }`, body text at 1.6rem) and Bootstrap 5's reboot. Each
// widget in a fixed state at 360 px is shot on each host (e2e/artifacts/hosts/<host>-<element>.png,
// or $E2E_ARTIFACTS/hosts) and compared pixel by pixel with its shot on the bare page: a different
// size or more than 0.2 % of pixels off fails. A measurement test fails when an input, select,
// button or textarea sticks out of its card, when a single-line input grows past 48 px, or when
// the title, body or metadata text is smaller than its token-derived size. A negative control
// checks that the comparison sees a same-size change (another brand colour), and one test that
// `--mpp-font-size: 20px` scales title, body, inputs and metadata alike on the WordPress-like host.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startCli } from './server.js';
import { nextWeekdayNine } from '../scripts/test-clock.mjs';

const ARTIFACTS = join(process.env.E2E_ARTIFACTS ?? fileURLToPath(new URL('./artifacts/', import.meta.url)), 'hosts');
const HOSTS = ['bare', 'hostile', 'wordpress', 'bootstrap'] as const;
type Host = (typeof HOSTS)[number];
const SERVICE = 'disdukcapil-kk-perubahan';
/** Share of pixels allowed to differ from the bare page's shot (anti-aliasing noise, not a visible change). */
const MAX_DIFF = 0.002;

/**
 * Each widget in one fixed state, with the selectors of its text classes and the least size (px)
 * each must have with the default `--mpp-font-size` (16px): title 1.25em, body 1em, metadata 0.875em (it is 0.9em).
 */
const ELEMENTS = {
  'mpp-service-catalog': {
    markup: `<mpp-service-catalog agency="disdukcapil" deep-link=""></mpp-service-catalog>`,
    ready: async (page: Page) => {
      await page.locator('mpp-service-catalog .item').first().waitFor({ timeout: 30_000 });
    },
    meta: '.item-meta',
  },
  'mpp-queue-booking': {
    markup: `<mpp-queue-booking service="${SERVICE}"></mpp-queue-booking>`,
    ready: async (page: Page) => {
      await page.locator('mpp-queue-booking [data-date]:not([disabled])').first().click({ timeout: 30_000 });
      await page.locator('mpp-queue-booking [data-slot]:not([disabled])').first().click({ timeout: 30_000 });
      await page.locator('mpp-queue-booking input[type="text"], mpp-queue-booking input[type="tel"]').first().waitFor();
    },
    meta: '.hint, .step-of',
  },
  'mpp-queue-ticket': {
    markup: `<mpp-queue-ticket></mpp-queue-ticket>`,
    ready: async (page: Page) => {
      await page.locator('mpp-queue-ticket input').first().waitFor({ timeout: 30_000 });
    },
    meta: '.hint',
  },
} as const;
type Tag = keyof typeof ELEMENTS;
const TAGS = Object.keys(ELEMENTS) as Tag[];
const MIN_PX = { title: 20, body: 16, meta: 14 };

describe('the widgets on hostile, WordPress-like and Bootstrap host pages, at 360 px', { timeout: 300_000 }, () => {
  let server: Awaited<ReturnType<typeof startCli>>;
  let browser: Browser;
  const errors: string[] = [];
  const shots = new Map<string, Buffer>();

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startCli({ MPP_NOW: nextWeekdayNine() });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    if (!server) return;
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGTERM');
    await exited;
    rmSync(server.dataDir, { recursive: true, force: true });
  });

  /** The host page with `tag` in it, served on the server's origin (so `/cdn/mpp-kit.js` and the API are same-origin). */
  async function open(host: Host, tag: Tag, markup: string = ELEMENTS[tag].markup): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 }, reducedMotion: 'reduce' });
    await page.addInitScript('globalThis.__name = (f) => f');
    page.on('pageerror', (e) => errors.push(`${host} ${tag}: ${e.message}`));
    page.on('response', (r) => r.status() >= 500 && errors.push(`${r.status()} ${r.url()}`));
    const fixture = readFileSync(new URL(`./hosts/${host}.html`, import.meta.url), 'utf8');
    await page.route(`${server.url}/hosts/**`, (route) =>
      route.fulfill({ contentType: 'text/html; charset=utf-8', body: fixture.replace('<!--WIDGET-->', markup) }),
    );
    await page.goto(`${server.url}/hosts/${host}.html`);
    await ELEMENTS[tag].ready(page);
    // Settle: fonts, the last render, no focus ring or caret in the shot.
    await page.evaluate(async () => {
      await document.fonts.ready;
      (document.activeElement as HTMLElement | null)?.blur();
      const el = document.querySelector('.mpp-slot > *') as HTMLElement & { updateComplete?: Promise<unknown> };
      (el.shadowRoot?.activeElement as HTMLElement | null)?.blur();
      await el.updateComplete;
    });
    await page.mouse.move(0, 0);
    return page;
  }

  async function shot(host: Host, tag: Tag): Promise<Buffer> {
    const key = `${host}-${tag}`;
    const cached = shots.get(key);
    if (cached) return cached;
    const page = await open(host, tag);
    const png = await page.locator(tag).screenshot({ animations: 'disabled', caret: 'hide' });
    writeFileSync(join(ARTIFACTS, `${key}.png`), png);
    await page.close();
    shots.set(key, png);
    return png;
  }

  /**
   * Compares two PNGs in the browser (decoded by `createImageBitmap`, read back from a canvas):
   * their sizes, and the share of pixels whose largest channel difference exceeds 48 of 255.
   */
  async function diff(a: Buffer, b: Buffer): Promise<{ size: [string, string]; share: number }> {
    const page = await browser.newPage();
    await page.evaluate('globalThis.__name = (f) => f');
    try {
      return await page.evaluate(
        async ([a64, b64]) => {
          const decode = async (b64: string) => {
            const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
            const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
            const ctx = canvas.getContext('2d')!;
            ctx.drawImage(bitmap, 0, 0);
            return { w: bitmap.width, h: bitmap.height, data: ctx.getImageData(0, 0, bitmap.width, bitmap.height).data };
          };
          const [x, y] = [await decode(a64), await decode(b64)];
          const size: [string, string] = [`${x.w}×${x.h}`, `${y.w}×${y.h}`];
          if (x.w !== y.w || x.h !== y.h) return { size, share: 1 };
          let off = 0;
          for (let i = 0; i < x.data.length; i += 4) {
            const d = Math.max(
              Math.abs(x.data[i]! - y.data[i]!),
              Math.abs(x.data[i + 1]! - y.data[i + 1]!),
              Math.abs(x.data[i + 2]! - y.data[i + 2]!),
            );
            if (d > 48) off++;
          }
          return { size, share: off / (x.w * x.h) };
        },
        [a.toString('base64'), b.toString('base64')] as const,
      );
    } finally {
      await page.close();
    }
  }

  for (const tag of TAGS) {
    for (const host of HOSTS) {
      it(`${tag} on the ${host} host: controls inside the card, text at its own sizes`, async () => {
        const page = await open(host, tag);
        const m = await page.evaluate(
          ([tag, metaSel]) => {
            const root = document.querySelector(tag)!.shadowRoot!;
            const card = root.querySelector<HTMLElement>('[part="base"]')!;
            const box = card.getBoundingClientRect();
            const px = (el: Element | null) => (el ? parseFloat(getComputedStyle(el).fontSize) : 0);
            const controls = [...root.querySelectorAll<HTMLElement>('input, select, button, textarea')]
              .filter((c) => c.getClientRects().length > 0 && getComputedStyle(c).visibility !== 'hidden')
              .filter((c) => c.getBoundingClientRect().width > 1)
              .map((c) => {
                const r = c.getBoundingClientRect();
                return {
                  what: `${c.localName}${c.id ? `#${c.id}` : ''}${c.className ? `.${String(c.className).split(' ')[0]}` : ''}`,
                  out: Math.max(box.left - r.left, r.right - box.right, box.top - r.top, r.bottom - box.bottom),
                  height: r.height,
                  single:
                    c.localName === 'select' || (c.localName === 'input' && !['checkbox', 'radio'].includes((c as HTMLInputElement).type)),
                };
              });
            const metas = [...root.querySelectorAll(metaSel)];
            return {
              controls,
              title: px(root.querySelector('[part="title"]')),
              body: px(card),
              lineHeight: getComputedStyle(card).lineHeight,
              metas: metas.map(px),
            };
          },
          [tag, ELEMENTS[tag].meta] as const,
        );
        const where = `${tag} on ${host}`;
        assert.ok(m.controls.length > 0, `${where}: some controls to measure`);
        assert.ok(m.metas.length > 0, `${where}: some metadata text to measure`);
        // Every problem at once, so a failure shows all the numbers.
        const problems = [
          ...m.controls.filter((c) => c.out > 0.5).map((c) => `${c.what} sticks out of the card by ${c.out.toFixed(1)} px`),
          ...m.controls.filter((c) => c.single && c.height > 48).map((c) => `${c.what} is ${c.height.toFixed(1)} px tall`),
          ...(m.title < MIN_PX.title ? [`title ${m.title} px < ${MIN_PX.title}`] : []),
          ...(m.body < MIN_PX.body ? [`body ${m.body} px < ${MIN_PX.body}`] : []),
          ...(m.lineHeight !== `${m.body * 1.5}px` ? [`line height ${m.lineHeight} (not 1.5 × ${m.body} px)`] : []),
          ...(Math.min(...m.metas) < MIN_PX.meta ? [`metadata ${Math.min(...m.metas)} px < ${MIN_PX.meta}`] : []),
        ];
        // One line per kind of control: 24 identical list items say no more than one.
        assert.deepEqual([...new Set(problems)], [], where);
        await page.close();
      });
    }
  }

  for (const tag of TAGS) {
    for (const host of HOSTS.filter((h) => h !== 'bare')) {
      it(`${tag} on the ${host} host looks as on the bare page`, async (t) => {
        const d = await diff(await shot('bare', tag), await shot(host, tag));
        t.diagnostic(`${tag} on ${host}: ${d.size[1]} (bare ${d.size[0]}), ${(d.share * 100).toFixed(3)} % of pixels differ`);
        assert.equal(d.size[1], d.size[0], `${tag} on ${host}: size of the shot (bare ${d.size[0]})`);
        assert.ok(d.share <= MAX_DIFF, `${tag} on ${host}: ${(d.share * 100).toFixed(2)} % of pixels differ from the bare page`);
      });
    }
  }

  it('negative control: the comparison sees a change of the same size (another brand colour)', async () => {
    const tag = 'mpp-queue-ticket';
    const page = await open('bare', tag, '<mpp-queue-ticket style="--mpp-color-primary: #b00020"></mpp-queue-ticket>');
    const png = await page.locator(tag).screenshot({ animations: 'disabled', caret: 'hide' });
    await page.close();
    const d = await diff(await shot('bare', tag), png);
    assert.equal(d.size[1], d.size[0]);
    assert.ok(d.share > MAX_DIFF, `only ${(d.share * 100).toFixed(3)} % of pixels differ`);
  });

  it('--mpp-font-size scales titles, body text and metadata alike, on the WordPress-like host', async () => {
    const tag = 'mpp-service-catalog';
    const page = await open(
      'wordpress',
      tag,
      ELEMENTS[tag].markup.replace('<mpp-service-catalog ', '<mpp-service-catalog style="--mpp-font-size: 20px" '),
    );
    const sizes = await page.evaluate((tag) => {
      const root = document.querySelector(tag)!.shadowRoot!;
      const px = (sel: string) => parseFloat(getComputedStyle(root.querySelector(sel)!).fontSize);
      return { title: px('[part="title"]'), body: px('[part="base"]'), input: px('input'), meta: px('.item-meta') };
    }, tag);
    assert.deepEqual(sizes, { title: 25, body: 20, input: 20, meta: 18 });
    await page.close();
  });

  it('no page error and no server error', () => {
    assert.deepEqual(errors, []);
  });
});
