// End to end: examples/react, an agency's own React 19 + TypeScript + Vite site on the npm packages.
// It type-checks against the published typings with no hand-written declarations (and a wrong
// attribute type, an unknown property or a wrong event use fails tsc); Vite builds it; served from
// its own origin against the real server (CORS), in Debian's Chromium at 360 px, the catalog shows
// React's property values, React handles its typed event, and the useSyncExternalStore list over
// core's CatalogStore shows the server's services and follows typing. No page errors, axe 0.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { build } from 'vite';
import { createClient } from '@mpp-kit/core';
import type { Browser, Page } from 'playwright-core';
import { axe } from './axe.js';
import { launchChromium, startCli, stopCli } from './server.js';

const run = promisify(execFile);
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const ARTIFACTS = process.env.E2E_ARTIFACTS ?? fileURLToPath(new URL('./artifacts/', import.meta.url));
const EXAMPLE = fileURLToPath(new URL('../examples/react/', import.meta.url));
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

/** tsc on a project: its exit code and output. */
async function tsc(project: string): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, [TSC, '--noEmit', '--pretty', 'false', '-p', project]);
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: `${err.stdout}${err.stderr}` };
  }
}

/** A static file server for the built site (its own origin, as an agency's site would be). */
function serve(dir: string): Promise<Server> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('examples/react: React 19 + TypeScript + Vite on the npm packages', { timeout: 120_000 }, () => {
  let server: Awaited<ReturnType<typeof startCli>>;
  let site: Server;
  let browser: Browser;
  let page: Page;
  let origin: string;
  const out = mkdtempSync(join(tmpdir(), 'mpp-react-'));
  const errors: string[] = [];

  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    site = await serve(out);
    origin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    server = await startCli({ CORS_ORIGINS: origin });
  });

  after(async () => {
    await browser?.close();
    await new Promise((r) => site?.close(r));
    await stopCli(server);
    rmSync(out, { recursive: true, force: true });
  });

  it('type-checks against the published typings, with no hand-written declarations', async () => {
    const src = readdirSync(join(EXAMPLE, 'src'));
    assert.deepEqual(
      src.filter((f) => f.endsWith('.d.ts')),
      [],
    );
    for (const f of src) assert.doesNotMatch(readFileSync(join(EXAMPLE, 'src', f), 'utf8'), /IntrinsicElements|declare module/, f);
    const r = await tsc(EXAMPLE);
    assert.equal(r.code, 0, r.out);
  });

  it('fails tsc on a wrong attribute type, an unknown property and a wrong event use', async () => {
    const dir = mkdtempSync(join(EXAMPLE, '.tmp-'));
    try {
      const head = "import type {} from '@mpp-kit/elements/jsx';\nimport '@mpp-kit/elements/mpp-service-catalog/define';\n";
      const bad = {
        'theme.tsx': 'export const A = () => <mpp-service-catalog theme="purple" />;',
        'unknown.tsx': 'export const A = () => <mpp-service-catalog deepLinks="" />;',
        'property.tsx': 'export const A = () => <mpp-service-catalog bookingUrl={42} />;',
        'event.tsx': 'export const A = () => <mpp-service-catalog onmpp-service-selected={(e) => console.log(e.detail.nope)} />;',
      };
      for (const [f, body] of Object.entries(bad)) writeFileSync(join(dir, f), `${head}${body}\n`);
      writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ extends: '../tsconfig.json', include: ['*.tsx'] }));
      const r = await tsc(dir);
      assert.notEqual(r.code, 0, r.out);
      for (const f of Object.keys(bad))
        assert.match(r.out, new RegExp(`${f.replace('.', '\\.')}\\(\\d+,\\d+\\): error`), `${f} fails: ${r.out}`);
      assert.match(r.out, /"purple"/);
      assert.match(r.out, /deepLinks/);
      assert.match(r.out, /nope/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('builds with Vite against the real server', async () => {
    await build({
      root: EXAMPLE,
      configFile: join(EXAMPLE, 'vite.config.ts'),
      logLevel: 'warn',
      define: { 'import.meta.env.VITE_MPP_API': JSON.stringify(`${server.url}/api/v1/`) },
      build: { outDir: out, emptyOutDir: true },
    });
    const js = readdirSync(join(out, 'assets')).filter((f) => f.endsWith('.js'));
    const sizes = js.map((f) => `${f} ${gzipSync(readFileSync(join(out, 'assets', f)), { level: 9 }).length} B gzip`);
    console.log(`examples/react JS: ${sizes.join(', ')}`);
    assert.ok(js.length > 0);
  });

  it('renders the catalog with React’s properties, handles its event, lists the server’s services via useSyncExternalStore; axe clean', async () => {
    const api = `${server.url}/api/v1/`;
    const all = await createClient({ baseUrl: api }).catalog.loadIndex({}, null);
    const names = new Set(all.services.map((s) => s.name));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${origin}/`);

    // The headless list: the server's services, then what typing finds.
    await page.locator('[data-own-name]').first().waitFor({ timeout: 30_000 });
    const first = await page.locator('[data-own-name]').allTextContents();
    assert.ok(first.length >= 3, `${first.length} services listed`);
    for (const n of first) assert.ok(names.has(n), `"${n}" is a service of the server`);
    await page.locator('#own-q').fill('ktp');
    await page.waitForFunction((before) => document.querySelector('[data-own-name]')?.textContent !== before, first[0]);
    const ktp = await page.locator('[data-own-name]').allTextContents();
    assert.match(ktp[0]!, /KTP/);
    await page.locator('#own-q').fill('zzqxw');
    await page.locator('[data-own-status]', { hasText: 'Tidak ada layanan' }).waitFor();
    assert.equal(await page.locator('[data-own-name]').count(), 0);
    await page.locator('#own-q').fill('');

    // The element: attributes and properties as React set them.
    await page.locator('mpp-service-catalog [data-service]').first().waitFor({ timeout: 30_000 });
    const el = await page.evaluate(() => {
      const c = document.querySelector('mpp-service-catalog') as HTMLElement & { bookingUrl: string; deepLink: string; heading: string };
      return {
        bookingUrl: c.bookingUrl,
        deepLink: c.deepLink,
        attrs: c.getAttributeNames().sort(),
        title: c.shadowRoot!.querySelector('#title')?.textContent?.trim(),
      };
    });
    assert.equal(el.bookingUrl, '/antrean/');
    assert.equal(el.deepLink, '');
    assert.equal(el.title, 'Katalog layanan dinas');
    assert.ok(!el.attrs.includes('bookingurl') && !el.attrs.includes('deeplink'), `properties, not attributes: ${el.attrs.join(' ')}`);

    // The typed event, handled in React; deepLink="" keeps the address as it is.
    const svc = page.locator('mpp-service-catalog [data-service]').first();
    const name = (await svc.textContent())!.trim();
    await svc.click();
    await page.locator('[data-selected]', { hasText: 'Terakhir dibuka:' }).waitFor();
    const said = (await page.locator('[data-selected]').textContent())!;
    assert.ok(said.includes('Terakhir dibuka:') && [...names].some((n) => said.includes(n) && name.includes(n)), said);
    assert.equal(new URL(page.url()).hash, '');

    // React state into the element's `service` property: the catalog opens that service.
    await page.locator('#own-q').fill('ktp');
    const target = page.locator('[data-open]').first();
    const id = await target.getAttribute('data-open');
    const wanted = all.services.find((s) => s.id === id)!.name;
    await target.click();
    await page.locator('mpp-service-catalog #svc-title', { hasText: wanted }).waitFor({ timeout: 10_000 });

    await page.screenshot({ path: join(ARTIFACTS, 'react.png'), fullPage: true });
    assert.deepEqual(await axe(page), []);
    assert.deepEqual(errors, []);
  });
});
