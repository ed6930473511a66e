// End to end: the widgets on a host page of another origin under the strict Content Security Policy
// that docs/security.md tells a site to send: scripts only from the page itself and the CDN
// origin, style sheets only from the page itself (no 'unsafe-inline'), fetches only to the API,
// and Trusted Types required for every script sink with the one policy Lit needs (`lit-html`).
// Every widget is driven through its main states (catalog list, search and a service opened in
// full; booking to the confirmation with its NIK mask; a ticket by its code with the QR) and the
// page must report 0 CSP violations. A negative control: the same page without `lit-html` among
// the allowed policies reports a Trusted Types violation (so the listener really hears them).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, startCli, stopCli } from './server.js';
import { nextWeekdayNine } from '../scripts/test-clock.mjs';

/** The policy of docs/security.md, for a widget CDN and API at `mpp` (one origin in the demo). */
export const cspFor = (mpp: string, policies = 'lit-html') =>
  [
    "default-src 'none'",
    `script-src 'self' ${mpp}`,
    "style-src 'self'",
    `connect-src ${mpp}`,
    "img-src 'self' data:",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    `trusted-types ${policies}`,
  ].join('; ');

describe('the widgets under a strict CSP with Trusted Types, on a page of another origin', { timeout: 240_000 }, () => {
  let server: Awaited<ReturnType<typeof startCli>>;
  let host: Server;
  let hostUrl = '';
  let browser: Browser;
  let policies = 'lit-html';
  const serverNow = nextWeekdayNine();

  const page = (body: string) => `<!doctype html><html lang="id"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Kelurahan</title>
<link rel="stylesheet" href="/site.css"><script type="module" src="/listen.js"></script>
<script type="module" src="${server.url}/cdn/mpp-kit.js"></script></head><body><main>${body}</main></body></html>`;

  before(async () => {
    server = await startCli({ MPP_NOW: serverNow, CORS_ORIGINS: '*' });
    host = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://host');
      const send = (type: string, text: string) => {
        res.writeHead(200, { 'content-type': type, 'content-security-policy': cspFor(server.url, policies) });
        res.end(text);
      };
      if (url.pathname === '/site.css') return send('text/css', 'body{font:16px/1.5 Georgia,serif;margin:0 auto;max-width:40rem}');
      if (url.pathname === '/listen.js')
        return send(
          'text/javascript',
          `window.__violations = [];
document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || '')));`,
        );
      const bodies: Record<string, string> = {
        '/catalog.html': '<mpp-service-catalog></mpp-service-catalog>',
        '/booking.html': '<mpp-queue-booking service="disdukcapil-kk-baru"></mpp-queue-booking>',
        '/ticket.html': '<mpp-queue-ticket></mpp-queue-ticket>',
      };
      const body = bodies[url.pathname];
      if (!body) {
        res.writeHead(204);
        return res.end();
      }
      send('text/html; charset=utf-8', page(body));
    });
    await new Promise<void>((r) => host.listen(0, '127.0.0.1', r));
    // `localhost` is another origin than the server's 127.0.0.1.
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
  const violations = (p: Page) => p.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

  it('catalog: list, search, a service opened in full — 0 violations', async () => {
    const { p, errors } = await open('/catalog.html');
    await p.locator('mpp-service-catalog [data-service]').first().waitFor({ timeout: 30_000 });
    await p.getByLabel('Cari layanan', { exact: true }).fill('skck');
    await p.locator('mpp-service-catalog [data-service="polresta-skck"]').click();
    await p.locator('mpp-service-catalog [part="checklist"]').waitFor();
    await p.locator('mpp-service-catalog [part="checklist"] input').first().check();
    assert.deepEqual(await violations(p), []);
    assert.deepEqual(errors, []);
    await p.close();
  });

  it('booking to the confirmation, then a ticket by its code with its QR — 0 violations', async () => {
    const { p, errors } = await open('/booking.html');
    const day = p.locator('mpp-queue-booking [data-date]:not([disabled])').first();
    await day.waitFor({ timeout: 30_000 });
    await day.click();
    await p.locator('mpp-queue-booking [data-slot]:not([disabled])').first().click();
    await p.getByLabel('Nama lengkap').fill('Dewi Lestari');
    await p.getByLabel('NIK').fill(`32710101019${String(Date.now()).slice(-5)}`);
    await p.getByLabel('Nomor HP').fill('0812 7777 1234');
    await p.getByRole('button', { name: /Lanjut/ }).click();
    await p.getByRole('button', { name: 'Ambil nomor antrean' }).click();
    const code = await p.locator('mpp-queue-ticket [data-code]').first().getAttribute('data-code', { timeout: 30_000 });
    assert.ok(code, 'the booked ticket shows its code');
    assert.deepEqual(await violations(p), []);
    assert.deepEqual(errors, []);
    await p.close();

    const t = await open(`/ticket.html?kode=${encodeURIComponent(code)}`);
    await t.p.locator('mpp-queue-ticket [part="number"]').waitFor({ timeout: 30_000 });
    await t.p.locator('mpp-queue-ticket svg').first().waitFor();
    assert.deepEqual(await violations(t.p), []);
    assert.deepEqual(t.errors, []);
    await t.p.close();
  });

  it('negative control: without lit-html among the allowed policies, Trusted Types reports a violation', async () => {
    policies = "'none'";
    try {
      const { p } = await open('/catalog.html');
      await p.waitForFunction(() => (window as unknown as { __violations: string[] }).__violations.length > 0, undefined, {
        timeout: 30_000,
      });
      assert.match((await violations(p)).join('\n'), /trusted-types/);
      await p.close();
    } finally {
      policies = 'lit-html';
    }
  });
});
