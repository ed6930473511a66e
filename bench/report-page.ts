/**
 * The `<si-badra-report>` page cold: bytes on the wire. The city-portal example
 * (`/examples/city-portal/`: the CDN snippet, `<si-badra-report>` and `<si-badra-track>`) and a
 * report-only copy of it (the same page without the tracker) are each opened in a fresh Chromium
 * context (empty cache), served by the real server exactly as `npm start` serves them (same
 * compression, same cache headers). Every response's encoded length as Chromium counts it
 * (CDP `Network.loadingFinished`, headers included: compressed bytes when the server compresses)
 * is summed from navigation until the form shows its categories and 1.5 s more (lazy chunks),
 * and listed per resource. Beside them the floor: the same host page with no script at all.
 *
 * The smoke run opens each page once and is broken if the form shows no category.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import type { BenchOptions, Row, SectionResult } from './rows.js';
import { BENCH_CONFIG, openDatabase, silentLogger, startServer } from './server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SETTLE_MS = 1500;
const TIMEOUT_MS = 30_000;

type PageKind = 'floor' | 'portal' | 'report_only';
/** In the page: true once the view is what the visitor came for. */
const READY: Record<PageKind, string> = {
  floor: `!!document.querySelector('h1')`,
  // The category step lists the seeded categories (PDAM water first).
  portal: `/Air PDAM/.test(document.querySelector('si-badra-report')?.shadowRoot?.textContent ?? '')`,
  report_only: `/Air PDAM/.test(document.querySelector('si-badra-report')?.shadowRoot?.textContent ?? '')`,
};

/**
 * A demo root: the repository's folders, linked, plus `examples/si-badra-report-only/` (the portal
 * page without the tracker) and `examples/si-badra-floor/` (the portal page without any script).
 */
function demoRoot(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'mpp-bench-report-page-'));
  for (const name of ['packages', 'docs', 'node_modules']) symlinkSync(join(ROOT, name), join(dir, name));
  mkdirSync(join(dir, 'examples'));
  for (const name of readdirSync(join(ROOT, 'examples'))) symlinkSync(join(ROOT, 'examples', name), join(dir, 'examples', name));
  const portal = readFileSync(join(ROOT, 'examples/city-portal/index.html'), 'utf8');
  const reportOnly = portal.replace(/<section aria-labelledby="pantau">[\s\S]*?<\/section>/, '');
  const floor = portal.replace(/<script\b[\s\S]*?<\/script>/g, '');
  if (reportOnly === portal || !reportOnly.includes('<si-badra-report')) throw new Error('city-portal page: no tracker section to remove');
  if (floor.includes('<script')) throw new Error('city-portal page: a script left in the floor page');
  for (const [name, html] of [
    ['si-badra-report-only', reportOnly],
    ['si-badra-floor', floor],
  ] as const) {
    mkdirSync(join(dir, 'examples', name));
    writeFileSync(join(dir, 'examples', name, 'index.html'), html);
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

interface Visit {
  bytes: number;
  /** Per resource path: encoded bytes and the content-encoding it came with. */
  resources: Array<{ path: string; bytes: number; encoding: string }>;
}

async function visit(browser: Browser, url: string, kind: PageKind): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const meta = new Map<string, { path: string; encoding: string }>();
    const done = new Map<string, number>();
    const streaming = new Map<string, number>();
    cdp.on('Network.responseReceived', (e) => {
      const u = new URL(e.response.url);
      const h = Object.fromEntries(Object.entries(e.response.headers).map(([k, v]) => [k.toLowerCase(), String(v)]));
      meta.set(e.requestId, { path: u.pathname + u.search, encoding: h['content-encoding'] ?? 'identity' });
    });
    cdp.on('Network.dataReceived', (e) => streaming.set(e.requestId, (streaming.get(e.requestId) ?? 0) + e.encodedDataLength));
    cdp.on('Network.loadingFinished', (e) => {
      done.set(e.requestId, e.encodedDataLength);
      streaming.delete(e.requestId);
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(url, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    await page.waitForFunction(READY[kind], undefined, { polling: 50, timeout: TIMEOUT_MS }).catch((e: Error) => {
      throw new Error(`${kind} page ${url} not ready in ${TIMEOUT_MS / 1000} s${errors.length ? ` (${errors[0]})` : ''}: ${e.message}`);
    });
    await page.waitForTimeout(SETTLE_MS);
    const resources = [...new Set([...done.keys(), ...streaming.keys()])].map((id) => ({
      path: meta.get(id)?.path ?? '(unknown)',
      bytes: done.get(id) ?? streaming.get(id) ?? 0,
      encoding: meta.get(id)?.encoding ?? '?',
    }));
    await cdp.detach().catch(() => undefined);
    return { bytes: resources.reduce((s, r) => s + r.bytes, 0), resources };
  } finally {
    await context.close();
  }
}

const kb = (b: number) => Math.round(b / 102.4) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchReportPage(o: BenchOptions): Promise<SectionResult> {
  const root = demoRoot();
  const db = await openDatabase({});
  const server = await startServer({
    port: 0,
    db,
    seedDemo: true,
    demoRoot: root.dir,
    logger: silentLogger,
    config: BENCH_CONFIG,
    jobs: false,
  });
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    const pages: Array<[PageKind, string]> = [
      ['floor', `${server.url}/examples/si-badra-floor/`],
      ['portal', `${server.url}/examples/city-portal/`],
      ['report_only', `${server.url}/examples/si-badra-report-only/`],
    ];
    const runs = o.smoke ? 1 : 3;
    const visits: Record<PageKind, Visit[]> = { floor: [], portal: [], report_only: [] };
    const broken: string[] = [];
    for (let r = 0; r < runs; r++)
      for (const [kind, url] of pages) {
        try {
          visits[kind].push(await visit(browser, url, kind));
        } catch (e) {
          broken.push(`report-page: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
        }
      }
    const figures: Record<string, number> = {};
    const rows: Row[] = [];
    const notes: string[] = [];
    for (const [kind] of pages) {
      const v = visits[kind];
      if (!v.length) continue;
      figures[`report_page.${kind}.cold_kb`] = kb(median(v.map((x) => x.bytes)));
      figures[`report_page.${kind}.requests`] = median(v.map((x) => x.resources.length));
      rows.push({ name: `${kind}: cold, bytes on the wire`, value: figures[`report_page.${kind}.cold_kb`]!, unit: 'KB' });
      rows.push({ name: `${kind}: requests`, value: figures[`report_page.${kind}.requests`]!, unit: '' });
    }
    if (visits.floor.length)
      for (const kind of ['portal', 'report_only'] as const) {
        if (!visits[kind].length) continue;
        figures[`report_page.${kind}.over_floor_kb`] =
          Math.round((figures[`report_page.${kind}.cold_kb`]! - figures['report_page.floor.cold_kb']!) * 10) / 10;
        rows.push({
          name: `${kind}: over the floor (the widgets' cost)`,
          value: figures[`report_page.${kind}.over_floor_kb`]!,
          unit: 'KB',
        });
      }
    // By resource, from the first cold visit of the portal and the report-only page.
    for (const kind of ['portal', 'report_only'] as const) {
      const first = visits[kind][0];
      if (!first) continue;
      const list = [...first.resources].sort((a, b) => b.bytes - a.bytes);
      notes.push(`${kind} by resource: ${list.map((r) => `${r.path} ${kb(r.bytes)} KB (${r.encoding})`).join('; ')}`);
      const uncompressed = list.filter(
        (r) => r.encoding === 'identity' && r.bytes > 1024 && /\.(js|css|html)$|\/$/.test(r.path.split('?')[0]!),
      );
      if (uncompressed.length) notes.push(`${kind}: sent uncompressed: ${uncompressed.map((r) => r.path).join(', ')}`);
    }
    notes.push(
      `median of ${runs} cold visit(s) each, no throttling (bytes do not depend on it); the form is ready when it lists the categories`,
    );
    return { rows, figures, broken: [...new Set(broken)], notes };
  } finally {
    await browser?.close();
    await server.close();
    await db.close();
    root.cleanup();
  }
}
