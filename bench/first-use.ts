/**
 * First use on a cheap phone: the demo pages opened in Chromium under a low-end-phone profile
 * (150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU slowed 4×), each in a fresh browser
 * context (cold: empty cache and storage), then once more in the same context (a repeat visit).
 *
 * For each page it reports the bytes on the wire (every response's encoded length as Chromium
 * counts it, headers included: compressed bytes when the server compresses) and the time from
 * navigation to a useful view:
 * - catalog (`/examples/agency-site/`): its first view, the six most used services, listed;
 * - booking (`antrean.html`): ten services to choose from;
 * - ticket by code (`tiket.html?code=…`, a ticket booked for the run): its queue number shown;
 * - kelurahan (`/examples/kelurahan-portal/`, a WordPress-like portal with the CDN snippet, a
 *   `data-mpp-open` link and the floating button): its catalog's six most used services listed;
 * - the floor: a static HTML page served by the same server, listing the same services with no
 *   JavaScript. Times are compared with it in the same run (absolute times on this shared
 *   machine are noise); bytes are exact.
 *
 * The smoke run opens each page once (cold only) and is broken if a page shows nothing useful.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import type { BenchOptions, Row, SectionResult } from './rows.js';
import { BENCH_CONFIG, BOGOR_SEED, openDatabase, silentLogger, startServer } from './server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Monday 23 November 2026, 09:00 in Jakarta: the office is open and dates are bookable. */
const NOW = Date.parse('2026-11-23T02:00:00Z');
const PROFILE = { latency: 150, downloadThroughput: (1.6e6 / 8) | 0, uploadThroughput: (750e3 / 8) | 0, cpu: 4 };
const USEFUL_TIMEOUT_MS = 30_000;
/** Bytes still arriving after the view is useful (lazy chunks, the live stream) are counted for this long. */
const SETTLE_MS = 1500;

type PageKind = 'floor' | 'catalog' | 'booking' | 'ticket' | 'kelurahan';
/** In the page: the time (ms since navigation) the view became useful, or false while it is not. */
const USEFUL: Record<PageKind, string> = {
  floor: `document.querySelectorAll('li').length >= 10 && performance.now()`,
  catalog: `(document.querySelector('mpp-service-catalog')?.shadowRoot?.querySelectorAll('[data-service]').length ?? 0) >= 6 && performance.now()`,
  booking: `(document.querySelector('mpp-queue-booking')?.shadowRoot?.querySelectorAll('[data-service]').length ?? 0) >= 10 && performance.now()`,
  kelurahan: `(document.querySelector('mpp-service-catalog')?.shadowRoot?.querySelectorAll('[data-service]').length ?? 0) >= 6 && performance.now()`,
  ticket: `/\\b[A-Z]{1,2}-\\d{3}\\b/.test(document.querySelector('mpp-queue-ticket')?.shadowRoot?.textContent ?? '') && performance.now()`,
};

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/** The floor page: the same services as a plain server-rendered list, no script, no style sheet. */
function floorHtml(): string {
  const agencies = new Map(BOGOR_SEED.agencies.map((a) => [a.id, a.shortName || a.name]));
  const items = [...BOGOR_SEED.services]
    .sort((a, b) => a.name.localeCompare(b.name, 'id'))
    .map((s) => `<li>${esc(s.name)} <small>${esc(agencies.get(s.agencyId) ?? '')}</small></li>`)
    .join('\n');
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Layanan</title></head><body><h1>Layanan MPP</h1><ul>\n${items}\n</ul></body></html>`;
}

/**
 * A demo root for the server: the repository's folders, linked, plus `examples/floor/`. The server
 * serves it exactly as `npm start` serves the repository (same compression, same cache headers).
 */
function demoRoot(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'mpp-bench-first-use-'));
  for (const name of ['packages', 'docs', 'node_modules']) symlinkSync(join(ROOT, name), join(dir, name));
  mkdirSync(join(dir, 'examples'));
  for (const name of readdirSync(join(ROOT, 'examples'))) symlinkSync(join(ROOT, 'examples', name), join(dir, 'examples', name));
  mkdirSync(join(dir, 'examples', 'floor'));
  writeFileSync(join(dir, 'examples', 'floor', 'index.html'), floorHtml());
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Opens `url` in `context` under the phone profile; the bytes on the wire and the time to useful. */
async function visit(context: BrowserContext, url: string, kind: PageKind): Promise<{ bytes: number; usefulMs: number }> {
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: PROFILE.latency,
    downloadThroughput: PROFILE.downloadThroughput,
    uploadThroughput: PROFILE.uploadThroughput,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: PROFILE.cpu });
  const streaming = new Map<string, number>();
  let finished = 0;
  cdp.on('Network.dataReceived', (e) => streaming.set(e.requestId, (streaming.get(e.requestId) ?? 0) + e.encodedDataLength));
  cdp.on('Network.loadingFinished', (e) => {
    finished += e.encodedDataLength;
    streaming.delete(e.requestId);
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: USEFUL_TIMEOUT_MS });
    const handle = await page.waitForFunction(USEFUL[kind], undefined, { polling: 50, timeout: USEFUL_TIMEOUT_MS }).catch((e: Error) => {
      throw new Error(
        `${kind} page ${url} showed nothing useful in ${USEFUL_TIMEOUT_MS / 1000} s${errors.length ? ` (${errors[0]})` : ''}: ${e.message}`,
      );
    });
    const usefulMs = Number(await handle.jsonValue());
    await page.waitForTimeout(SETTLE_MS);
    let bytes = finished;
    for (const n of streaming.values()) bytes += n;
    return { bytes, usefulMs };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchFirstUse(o: BenchOptions): Promise<SectionResult> {
  const root = demoRoot();
  const db = await openDatabase({});
  const started = Date.now();
  const server = await startServer({
    port: 0,
    db,
    seedDemo: true,
    demoRoot: root.dir,
    logger: silentLogger,
    clock: { now: () => new Date(NOW + (Date.now() - started)) },
    config: BENCH_CONFIG,
  });
  let browser: Browser | null = null;
  try {
    // A ticket to open by its code.
    const avail = (await (await fetch(`${server.url}/api/v1/services/disdukcapil-ktp-el/availability?days=3`)).json()) as {
      days: Array<{ slots: Array<{ id: string }> }>;
    };
    const slot = avail.days.flatMap((d) => d.slots)[0];
    if (!slot) throw new Error('no bookable slot for the ticket page');
    const booked = await fetch(`${server.url}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        serviceId: 'disdukcapil-ktp-el',
        slotId: slot.id,
        name: 'Siti Aminah',
        nik: '3271010101900001',
        phone: '081234567890',
      }),
    });
    if (booked.status !== 201) throw new Error(`booking for the ticket page: HTTP ${booked.status} ${await booked.text()}`);
    const { code } = (await booked.json()) as { code: string };

    const pages: Array<[PageKind, string]> = [
      ['floor', `${server.url}/examples/floor/`],
      ['catalog', `${server.url}/examples/agency-site/`],
      ['booking', `${server.url}/examples/agency-site/antrean.html`],
      ['ticket', `${server.url}/examples/agency-site/tiket.html?code=${code}`],
      ['kelurahan', `${server.url}/examples/kelurahan-portal/`],
    ];
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    const runs = o.smoke ? 1 : 3;
    const broken: string[] = [];
    const cold: Record<PageKind, Array<{ bytes: number; usefulMs: number }>> = {
      floor: [],
      catalog: [],
      booking: [],
      ticket: [],
      kelurahan: [],
    };
    const repeat: Record<PageKind, number[]> = { floor: [], catalog: [], booking: [], ticket: [], kelurahan: [] };
    for (let r = 0; r < runs; r++) {
      for (const [kind, url] of pages) {
        const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true });
        try {
          cold[kind].push(await visit(context, url, kind));
          if (!o.smoke) repeat[kind].push((await visit(context, url, kind)).usefulMs);
        } catch (e) {
          broken.push(`first-use: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
        } finally {
          await context.close();
        }
      }
    }
    const figures: Record<string, number> = {};
    const rows: Row[] = [];
    const floorMs = median(cold.floor.map((v) => v.usefulMs));
    for (const [kind] of pages) {
      if (!cold[kind].length) continue;
      const bytes = median(cold[kind].map((v) => v.bytes));
      const ms = median(cold[kind].map((v) => v.usefulMs));
      figures[`first_use.${kind}.cold_kb`] = Math.round(bytes / 102.4) / 10;
      figures[`first_use.${kind}.useful_ms`] = Math.round(ms);
      rows.push({ name: `${kind}: cold, bytes on the wire`, value: figures[`first_use.${kind}.cold_kb`]!, unit: 'KB' });
      rows.push({ name: `${kind}: cold, time to useful`, value: figures[`first_use.${kind}.useful_ms`]!, unit: 'ms' });
      if (kind !== 'floor' && cold.floor.length) {
        figures[`first_use.${kind}.useful_to_floor`] = Math.round((ms / floorMs) * 100) / 100;
        rows.push({ name: `${kind}: cold, time to useful ÷ floor`, value: figures[`first_use.${kind}.useful_to_floor`]!, unit: '×' });
        // The least any widget loaded by a script tag can take on this profile, before any CPU work:
        // the floor page, then three dependent round trips (the loader, the element's chunks, its
        // data) and the extra bytes at the profile's speed.
        const floorBytes = median(cold.floor.map((v) => v.bytes));
        const least = floorMs + 3 * PROFILE.latency + ((bytes - floorBytes) / PROFILE.downloadThroughput) * 1000;
        figures[`first_use.${kind}.script_floor_to_floor`] = Math.round((least / floorMs) * 100) / 100;
        rows.push({
          name: `${kind}: least possible for a script-tag widget ÷ floor`,
          value: figures[`first_use.${kind}.script_floor_to_floor`]!,
          unit: '×',
        });
      }
      if (repeat[kind].length) {
        figures[`first_use.${kind}.repeat_ms`] = Math.round(median(repeat[kind]));
        rows.push({ name: `${kind}: repeat visit, time to useful`, value: figures[`first_use.${kind}.repeat_ms`]!, unit: 'ms' });
        if (kind !== 'floor' && repeat.floor.length) {
          figures[`first_use.${kind}.repeat_to_floor`] = Math.round((median(repeat[kind]) / median(repeat.floor)) * 100) / 100;
          rows.push({
            name: `${kind}: repeat visit ÷ the floor's repeat visit`,
            value: figures[`first_use.${kind}.repeat_to_floor`]!,
            unit: '×',
          });
        }
      }
    }
    return {
      rows,
      figures,
      broken: [...new Set(broken)],
      notes: [
        `profile: ${PROFILE.latency} ms RTT, ${(PROFILE.downloadThroughput * 8) / 1e6} Mbit/s down, CPU ÷${PROFILE.cpu}, 360×740; median of ${runs} cold run(s)`,
      ],
    };
  } finally {
    await browser?.close();
    await server.close();
    await db.close();
    root.cleanup();
  }
}
