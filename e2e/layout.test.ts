// End to end: the layout of the example agency site's three pages (catalog, booking, ticket) at
// 320, 360 and 1280 px, served by the real server. Nothing scrolls sideways at 320 px; codes and
// numbers (masked NIK, booking code, queue number, slot times) never wrap; the search placeholder
// fits its box; the booking's days sit under their weekday headers when the grid has columns; the
// ticket has one heading per section. Screenshots of every page at every width go to
// e2e/artifacts/layout/ (or $E2E_ARTIFACTS/layout): test artifacts, not committed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startCli } from './server.js';
import { nextWeekdayNine } from '../scripts/test-clock.mjs';

const ARTIFACTS = join(process.env.E2E_ARTIFACTS ?? fileURLToPath(new URL('./artifacts/', import.meta.url)), 'layout');
const WIDTHS = [320, 360, 1280] as const;
const SERVICE = 'disdukcapil-kk-perubahan';
const PHONE = '081355550123';

describe('layout of the agency site at 320, 360 and 1280 px', { timeout: 300_000 }, () => {
  let server: Awaited<ReturnType<typeof startCli>>;
  let browser: Browser;
  let code = '';
  const errors: string[] = [];
  const base = () => `${server.url}/examples/agency-site`;

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startCli({ MPP_NOW: nextWeekdayNine() });
    browser = await launchChromium();
    // One ticket to show on the ticket page (booked through the API: the booking page is shot before it books).
    const avail = (await (await fetch(`${server.url}/api/v1/services/${SERVICE}/availability?days=3`)).json()) as {
      days: { slots: { id: string; remaining: number }[] }[];
    };
    const slot = avail.days.flatMap((d) => d.slots).find((s) => s.remaining > 0)!;
    const res = await fetch(`${server.url}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        serviceId: SERVICE,
        slotId: slot.id,
        name: 'Siti Nurhaliza Rahmawati',
        nik: '3271014507900012',
        phone: PHONE,
      }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    code = ((await res.json()) as { code: string }).code;
  });

  after(async () => {
    await browser?.close();
    if (!server) return;
    const exited = new Promise((r) => server.child.once('exit', r));
    server.child.kill('SIGTERM');
    await exited;
    rmSync(server.dataDir, { recursive: true, force: true });
  });

  async function open(width: number, path: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width, height: width < 400 ? 740 : 900 } });
    // tsx names the functions it compiles (`__name(fn, 'visit')`); the page functions below need it too.
    await page.addInitScript('globalThis.__name = (f) => f');
    page.on('pageerror', (e) => errors.push(`${width} ${path}: ${e.message}`));
    page.on('response', (r) => r.status() >= 500 && errors.push(`${r.status()} ${r.url()}`));
    await page.goto(`${base()}/${path}`);
    return page;
  }

  /** No horizontal scrolling: the document is no wider than the viewport. */
  async function assertNoOverflow(page: Page, what: string) {
    const [scroll, inner] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
    assert.ok(scroll <= inner, `${what}: ${scroll} px wide in a ${inner} px viewport`);
  }

  /**
   * Every element matching `sel` inside `host`'s shadow root (and nested shadow roots) is on one
   * line: its height is at most 1.5 times its line height. Returns how many were checked.
   */
  async function assertOneLine(page: Page, host: string, sel: string, what: string): Promise<number> {
    const found = await page.evaluate(
      ([host, sel]) => {
        const out: { text: string; height: number; line: number }[] = [];
        const visit = (root: ParentNode) => {
          for (const el of root.querySelectorAll<HTMLElement>(sel!)) {
            const cs = getComputedStyle(el);
            const line = cs.lineHeight === 'normal' ? parseFloat(cs.fontSize) * 1.2 : parseFloat(cs.lineHeight);
            const r = el.getBoundingClientRect();
            if (r.width)
              out.push({ text: el.textContent!.trim(), height: r.height - parseFloat(cs.paddingTop) - parseFloat(cs.paddingBottom), line });
          }
          for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
        };
        for (const h of document.querySelectorAll(host!)) if (h.shadowRoot) visit(h.shadowRoot);
        return out;
      },
      [host, sel],
    );
    for (const f of found) assert.ok(f.height <= f.line * 1.5, `${what} "${f.text}" wraps: ${f.height} px tall, line ${f.line} px`);
    return found.length;
  }

  /** The search box's placeholder fits inside the box (measured with the box's own font). */
  async function assertPlaceholderFits(page: Page, host: string, sel: string) {
    const { text, need, room } = await page.evaluate(
      ([host, sel]) => {
        const input = document.querySelector(host!)!.shadowRoot!.querySelector<HTMLInputElement>(sel!)!;
        const cs = getComputedStyle(input);
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = `${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const room = input.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        return { text: input.placeholder, need: ctx.measureText(input.placeholder).width, room };
      },
      [host, sel],
    );
    assert.ok(text.length > 0);
    assert.ok(need <= room, `placeholder "${text}" needs ${need.toFixed(0)} px, has ${room} px`);
  }

  const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  for (const width of WIDTHS) {
    it(`catalog at ${width} px: most used first, groups, no overflow, placeholder fits`, async () => {
      const page = await open(width, 'index.html');
      await page.locator('mpp-service-catalog [part="group"]').first().waitFor({ timeout: 30_000 });
      await assertNoOverflow(page, 'catalog');
      await assertPlaceholderFits(page, 'mpp-service-catalog', '#q');
      await assertOneLine(page, 'mpp-service-catalog', '.count', 'an agency count');
      await shot(page, `catalog-${width}`);
      // A service by its link, and the "not served here" answer.
      await page.goto(`${base()}/index.html#layanan=polresta-skck`);
      await page.locator('mpp-service-catalog #svc-title').waitFor({ timeout: 30_000 });
      await assertNoOverflow(page, 'catalog detail');
      await shot(page, `catalog-detail-${width}`);
      await page.locator('mpp-service-catalog [part="detail"] button').first().click();
      await page.locator('mpp-service-catalog #q').fill('bpjs');
      await page.locator('mpp-service-catalog [part="elsewhere"]').waitFor();
      await assertNoOverflow(page, 'catalog, not served here');
      await shot(page, `catalog-bpjs-${width}`);
      await page.close();
    });

    it(`booking at ${width} px: days under their weekdays, no overflow, codes on one line`, async () => {
      const page = await open(width, `antrean.html?service=${SERVICE}`);
      await page.locator('mpp-queue-booking [data-date]').first().waitFor({ timeout: 30_000 });
      await assertNoOverflow(page, 'booking days');
      // Each day is in its weekday's column: the same x as the header of its weekday, or one column.
      const layout = await page.evaluate(() => {
        const root = document.querySelector('mpp-queue-booking')!.shadowRoot!;
        const heads = [...root.querySelectorAll<HTMLElement>('.weekdays > *')].map((h) => h.getBoundingClientRect());
        const days = [...root.querySelectorAll<HTMLElement>('[data-date]')].map((b) => ({
          date: b.dataset.date!,
          x: b.getBoundingClientRect().left,
          w: b.getBoundingClientRect().width,
        }));
        return { heads: heads.filter((h) => h.width > 1).map((h) => h.left), days };
      });
      const weekday = (d: string) => (new Date(`${d}T12:00:00Z`).getUTCDay() + 6) % 7; // Monday 0
      if (layout.heads.length === 7) {
        for (const d of layout.days)
          assert.ok(
            Math.abs(d.x - layout.heads[weekday(d.date)]!) < 2,
            `${d.date} under its weekday (x ${d.x}, header ${layout.heads.join()})`,
          );
      } else {
        assert.equal(layout.heads.length, 0, 'weekday headers only with columns');
        assert.ok(
          layout.days.every((d) => Math.abs(d.x - layout.days[0]!.x) < 2),
          'without weekday columns, one column',
        );
      }
      if (width >= 1280) assert.equal(layout.heads.length, 7, 'a wide page shows the week as columns');
      await shot(page, `booking-days-${width}`);
      // Through to the confirmation: the masked NIK and the phone on one line.
      await page.locator('mpp-queue-booking [data-date]:not([disabled])').first().click();
      await page.locator('mpp-queue-booking [data-slot]:not([disabled])').first().click();
      await assertOneLine(page, 'mpp-queue-booking', '.slot-time', 'a slot time');
      await page.getByLabel('Nama lengkap').fill('Siti Nurhaliza Rahmawati');
      await page.getByLabel('NIK', { exact: true }).fill('3271014507900029');
      await page.getByLabel('Nomor HP').fill('0813 5555 0456');
      await page.getByRole('button', { name: /Lanjut/ }).click();
      await page.getByRole('button', { name: 'Ambil nomor antrean' }).waitFor();
      await assertNoOverflow(page, 'booking confirmation');
      assert.ok((await assertOneLine(page, 'mpp-queue-booking', 'dd.mono', 'NIK / phone')) >= 2, 'masked NIK and phone checked');
      await shot(page, `booking-confirm-${width}`);
      await page.close();
    });

    it(`ticket at ${width} px: number and code on one line, one heading per section, no overflow`, async () => {
      const page = await open(width, `tiket.html?kode=${code}`);
      await page.locator('mpp-queue-ticket [part="number"]').waitFor({ timeout: 30_000 });
      await page.locator('mpp-queue-ticket [data-ahead]').waitFor({ timeout: 30_000 });
      await assertNoOverflow(page, 'ticket by code');
      await assertOneLine(page, 'mpp-queue-ticket', '[part="number"], [data-code]', 'the number / code');
      await shot(page, `ticket-${width}`);
      await page.locator('mpp-queue-ticket #phone-input').fill(PHONE);
      await page.locator('mpp-queue-ticket [data-action="reveal"]').click();
      await page.locator('mpp-queue-ticket dd.mono').waitFor({ timeout: 30_000 });
      await assertNoOverflow(page, 'ticket with details');
      assert.ok((await assertOneLine(page, 'mpp-queue-ticket', 'dd.mono, [part="number"], [data-code]', 'NIK / number / code')) >= 3);
      // One heading per section: no two headings in a row without content between them, no repeated heading.
      const headings = await page.evaluate(() =>
        [...document.querySelector('mpp-queue-ticket')!.shadowRoot!.querySelectorAll('h2, h3, h4')].map((h) => h.textContent!.trim()),
      );
      assert.equal(new Set(headings).size, headings.length, `repeated heading in ${headings.join(' | ')}`);
      // No card in a card: the ticket's own frame has no border inside the page's card.
      const nested = await page.evaluate(() => {
        const el = document.querySelector('mpp-queue-ticket')!;
        const root = el.shadowRoot!.querySelector<HTMLElement>('.root')!;
        const boxed = (e: Element) => {
          const cs = getComputedStyle(e);
          const line = parseFloat(cs.borderTopWidth) > 0 && cs.borderTopStyle !== 'none' && cs.borderTopColor !== 'rgba(0, 0, 0, 0)';
          return line || cs.boxShadow !== 'none';
        };
        const inCard = !!el.closest('.card');
        return { inCard, frameBoxed: boxed(root) };
      });
      assert.ok(!(nested.inCard && nested.frameBoxed), 'the ticket draws no card of its own inside the page card');
      await shot(page, `ticket-details-${width}`);
      await page.close();
    });
  }

  it('loaded without errors', () => {
    assert.deepEqual(errors, []);
  });
});
