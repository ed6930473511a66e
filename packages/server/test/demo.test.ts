/**
 * The demo's docs (issue 11, item 10; issue 13, item 7). Without a built site every docs link of the
 * landing page and of the docs index opens a readable HTML page rendered from the Markdown source,
 * with working relative links. With the site built by `scripts/docs.mjs`, /docs/ serves its static,
 * precompressed pages (revalidated by ETag), old `.md` links land on them, and the landing page
 * links the webmaster guide, the developers guide, the configurator and the element pages.
 * Each mode runs on a demo root of its own (links to this repository's files), so the result does
 * not depend on whether this checkout has built its site.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DB_KIND, freshDb } from './helpers.js';
import { startServer, type RunningServer } from '../src/server.js';
import { silentLogger } from '../src/log.js';
import { DOCS_SITE, REVALIDATE } from '../src/demo.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));
const guides = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md'));

/** A demo root whose docs/ holds this repository's docs files but no built site (or a fresh one). */
function demoRoot(withSite: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'mpp-demo-docs-'));
  for (const p of ['packages', 'examples']) symlinkSync(join(root, p), join(dir, p));
  mkdirSync(join(dir, 'docs'));
  for (const f of readdirSync(join(root, 'docs')))
    if (!f.startsWith(DOCS_SITE) && f !== 'api') symlinkSync(join(root, 'docs', f), join(dir, 'docs', f));
  // The site without its typedoc part (the slowest step), which the e2e docs test covers.
  if (withSite) execFileSync(process.execPath, [join(root, 'scripts/docs.mjs'), '--out', join(dir, 'docs', DOCS_SITE), '--no-api']);
  return dir;
}

function serve(withSite: boolean) {
  const s: { srv?: RunningServer; drop?: () => Promise<void>; dir?: string } = {};
  before(async () => {
    s.dir = demoRoot(withSite);
    const f = await freshDb();
    s.drop = f.drop;
    s.srv = await startServer({ port: 0, db: f.db, seedDemo: true, demoRoot: s.dir, logger: silentLogger });
  });
  after(async () => {
    await s.srv?.close();
    await s.drop?.();
    if (s.dir) rmSync(s.dir, { recursive: true, force: true });
  });
  return () => s.srv!.url;
}

const page = async (url: string, init?: RequestInit) => {
  const res = await fetch(url, init);
  return { res, text: await res.text() };
};

/** Follows every same-origin link of the given pages once; each must answer 200. */
async function checkLinks(base: string, from: string[], skip: (path: string) => boolean = () => false) {
  const seen = new Set<string>();
  for (const start of from) {
    const { text } = await page(start);
    for (const href of hrefs(text)) {
      const url = new URL(href, start);
      url.hash = '';
      if (url.origin !== base || seen.has(url.href) || url.pathname.startsWith('/api/') || skip(url.pathname)) continue;
      seen.add(url.href);
      const res = await fetch(url);
      await res.arrayBuffer();
      assert.equal(res.status, 200, `${href} from ${start}`);
      if (/\.(md|html)$/.test(url.pathname)) assert.match(res.headers.get('content-type') ?? '', /^text\/html/, href);
    }
  }
  return seen;
}

const notFound = [
  '/docs/nope.md',
  '/docs/nope.html',
  '/docs/..%2FREADME.md',
  '/docs/../README.md',
  '/docs/%2e%2e/README.md',
  '/docs/%2e%2e/package.json',
];

describe(`demo docs without a built site on ${DB_KIND}`, { timeout: 60_000 }, () => {
  const url = serve(false);

  it('renders every Markdown doc as an HTML page with its title, tables and escaped code', async () => {
    assert.ok(guides.length >= 5);
    for (const doc of guides) {
      const { res, text } = await page(`${url()}/docs/${doc}`);
      assert.equal(res.status, 200, doc);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/, `${doc} is a page, not a download`);
      assert.equal(res.headers.get('content-disposition'), null);
      assert.match(text, /^<!doctype html>/);
      assert.match(text, /<h1>[^<]+<\/h1>/, doc);
      assert.match(text, /<title>[^<]+ · mpp-kit docs<\/title>/, doc);
      assert.doesNotMatch(text, /^#{1,3} /m, `${doc}: no raw Markdown headings`);
    }
    const embedding = (await page(`${url()}/docs/embedding.md`)).text;
    assert.match(embedding, /<table>[\s\S]*<th>/, 'tables');
    // The doc's HTML examples are shown as code, never run as markup.
    assert.match(embedding, /<code[^>]*>[^<]*&lt;script type=&quot;module&quot;/);
    assert.doesNotMatch(embedding, /<script type="module"/);
  });

  it('the landing page and the docs index link pages that open, and relative links between them work', async () => {
    const landing = (await page(`${url()}/`)).text;
    assert.match(landing, /href="\/docs\/mulai\.md"/, 'the webmaster guide, as Markdown rendered per request');
    const seen = await checkLinks(url(), [`${url()}/`, `${url()}/docs/`, `${url()}/docs/import.md`], (p) => p.startsWith('/docs/api/'));
    for (const doc of ['mulai.md', 'developers.md', 'embedding.md', 'queue.md', 'server.md', 'security.md', 'import.md', 'design.md'])
      assert.ok(
        [...seen].some((u) => u.endsWith(`/docs/${doc}`)),
        `${doc} is linked`,
      );
    assert.ok([...seen].some((u) => u.endsWith('/docs/configurator.html')));
    // import.md links the example files beside the docs (`../examples/import/…`).
    assert.ok([...seen].some((u) => u.endsWith('/examples/import/services.csv')));
  });

  it('answers 404 for a doc that does not exist and for paths out of the docs folder', async () => {
    for (const path of notFound) {
      const res = await fetch(url() + path);
      await res.arrayBuffer();
      assert.equal(res.status, 404, path);
    }
  });
});

describe(`demo docs with the built site on ${DB_KIND}`, { timeout: 90_000 }, () => {
  const url = serve(true);

  it('serves the built pages: one layout, the right language, Markdown links rewritten, raw HTML shown as text', async () => {
    for (const doc of guides) {
      const name = doc.slice(0, -3);
      const { res, text } = await page(`${url()}/docs/${name}.html`);
      assert.equal(res.status, 200, name);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
      assert.match(text, new RegExp(`^<!doctype html>\\n<html lang="${name === 'mulai' ? 'id' : 'en'}">`), `${name}: lang`);
      assert.match(text, /<a class="skip" href="#main"/, `${name}: skip link`);
      assert.match(text, /<nav aria-label="Dokumentasi" lang="id">/, `${name}: the shared nav`);
      assert.match(text, /<title>[^<]+ · mpp-kit docs<\/title>/);
      assert.doesNotMatch(text, /href="[\w-]+\.md(#[^"]*)?"/, `${name}: links between guides point at pages`);
      assert.doesNotMatch(text, /<(?:script|link)[^>]+(?:src|href)="https?:/, `${name}: no external resources`);
    }
    const embedding = (await page(`${url()}/docs/embedding.html`)).text;
    assert.match(embedding, /&lt;script type=&quot;module&quot;/);
    assert.doesNotMatch(embedding, /<script type="module"/);
    assert.match((await page(`${url()}/docs/mulai.html`)).text, /href="developers\.html"/);
  });

  it('sends old Markdown links to the built page, and the index is the built, Indonesian-first one', async () => {
    const res = await fetch(`${url()}/docs/mulai.md`, { redirect: 'manual' });
    assert.equal(res.status, 301);
    assert.equal(res.headers.get('location'), '/docs/mulai.html');
    const index = (await page(`${url()}/docs/`)).text;
    assert.match(index, /<html lang="id">/);
    assert.ok(index.indexOf('Mulai di sini') < index.indexOf('For developers'), 'webmasters first');
  });

  it('generates a page per element and the OpenAPI reference, with every field of their sources', async () => {
    const manifest = (await import(join(root, 'packages/elements/custom-elements.json'), { with: { type: 'json' } })) as {
      default: {
        modules: Array<{
          declarations?: Array<{ tagName?: string; events?: Array<{ name: string }>; cssParts?: Array<{ name: string }> }>;
        }>;
      };
    };
    const elements = manifest.default.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
    assert.ok(elements.length >= 4);
    for (const el of elements) {
      const { res, text } = await page(`${url()}/docs/elements/${el.tagName}.html`);
      assert.equal(res.status, 200, el.tagName);
      for (const e of el.events ?? []) assert.ok(text.includes(`<code>${e.name}</code>`), `${el.tagName}: event ${e.name}`);
      for (const p of el.cssParts ?? []) assert.ok(text.includes(`<code>${p.name}</code>`), `${el.tagName}: part ${p.name}`);
      assert.match(text, /--mpp-color-primary/);
      assert.match(text, new RegExp(`&lt;${el.tagName}`), 'a snippet');
    }
    const openapi = (await page(`${url()}/docs/openapi.html`)).text;
    assert.match(openapi, /POST<\/span> <code>\/api\/v1\/bookings<\/code>/);
    assert.match(openapi, /<code>slot_full<\/code>/, 'problem codes');
    assert.doesNotMatch(openapi, /<script/, 'plain HTML');
  });

  it('serves the brotli copy with an ETag, revalidated on every use', async () => {
    const res = await fetch(`${url()}/docs/openapi.html`, { headers: { 'accept-encoding': 'br' } });
    const body = await res.arrayBuffer();
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-encoding'), 'br');
    assert.equal(res.headers.get('cache-control'), REVALIDATE);
    assert.match(res.headers.get('vary') ?? '', /accept-encoding/i);
    assert.ok(body.byteLength > 0);
    const again = await fetch(`${url()}/docs/openapi.html`, {
      headers: { 'accept-encoding': 'br', 'if-none-match': res.headers.get('etag')! },
    });
    assert.equal(again.status, 304);
  });

  it('the landing page links the guides, the configurator and every element page, and every link answers', async () => {
    const landing = (await page(`${url()}/`)).text;
    for (const href of ['/docs/mulai.html', '/docs/developers.html', '/docs/configurator.html', '/docs/elements/mpp-queue-booking.html'])
      assert.ok(landing.includes(`href="${href}"`), href);
    await checkLinks(url(), [`${url()}/`, `${url()}/docs/`, `${url()}/docs/elements/index.html`, `${url()}/docs/import.html`], (p) =>
      p.startsWith('/docs/api/'),
    );
  });

  it('answers 404 for a page that does not exist and for paths out of the docs folder', async () => {
    for (const path of notFound) {
      const res = await fetch(url() + path);
      await res.arrayBuffer();
      assert.equal(res.status, 404, path);
    }
  });
});
