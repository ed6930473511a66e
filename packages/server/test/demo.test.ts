/**
 * The demo's docs (issue 11, item 10): every docs link of the landing page and of the docs index
 * opens a readable HTML page rendered from the Markdown source, with working relative links.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DB_KIND, freshDb } from './helpers.js';
import { startServer, type RunningServer } from '../src/server.js';
import { silentLogger } from '../src/log.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const hrefs = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!.replaceAll('&amp;', '&'));

describe(`demo docs on ${DB_KIND}`, { timeout: 60_000 }, () => {
  let srv: RunningServer;
  let drop: () => Promise<void>;
  before(async () => {
    const f = await freshDb();
    drop = f.drop;
    srv = await startServer({ port: 0, db: f.db, seedDemo: true, demoRoot: root, logger: silentLogger });
  });
  after(async () => {
    await srv?.close();
    await drop?.();
  });

  const page = async (url: string) => {
    const res = await fetch(url);
    return { res, text: await res.text() };
  };

  it('renders every Markdown doc as an HTML page with its title, tables and escaped code', async () => {
    const docs = readdirSync(new URL('../../../docs/', import.meta.url)).filter((f) => f.endsWith('.md'));
    assert.ok(docs.length >= 5);
    for (const doc of docs) {
      const { res, text } = await page(`${srv.url}/docs/${doc}`);
      assert.equal(res.status, 200, doc);
      assert.match(res.headers.get('content-type') ?? '', /^text\/html/, `${doc} is a page, not a download`);
      assert.equal(res.headers.get('content-disposition'), null);
      assert.match(text, /^<!doctype html>/);
      assert.match(text, /<h1>[^<]+<\/h1>/, doc);
      assert.match(text, /<title>[^<]+ · mpp-kit docs<\/title>/, doc);
      assert.doesNotMatch(text, /^#{1,3} /m, `${doc}: no raw Markdown headings`);
    }
    const embedding = (await page(`${srv.url}/docs/embedding.md`)).text;
    assert.match(embedding, /<table>[\s\S]*<th>/, 'tables');
    // The doc's HTML examples are shown as code, never run as markup.
    assert.match(embedding, /<code[^>]*>[^<]*&lt;script type=&quot;module&quot;/);
    assert.doesNotMatch(embedding, /<script type="module"/);
  });

  it('the landing page and the docs index link pages that open, and relative links between them work', async () => {
    const seen = new Set<string>();
    const check = async (from: string) => {
      const { text } = await page(from);
      for (const href of hrefs(text)) {
        const url = new URL(href, from);
        if (url.origin !== srv.url || seen.has(url.href) || url.pathname.startsWith('/api/') || url.pathname.startsWith('/docs/api/'))
          continue;
        seen.add(url.href);
        const res = await fetch(url);
        await res.arrayBuffer();
        assert.equal(res.status, 200, `${href} from ${from}`);
        if (url.pathname.endsWith('.md')) assert.match(res.headers.get('content-type') ?? '', /^text\/html/, href);
      }
    };
    await check(`${srv.url}/`);
    await check(`${srv.url}/docs/`);
    // import.md links the example files beside the docs (`../examples/import/…`).
    await check(`${srv.url}/docs/import.md`);
    for (const doc of ['embedding.md', 'queue.md', 'server.md', 'security.md', 'import.md', 'design.md'])
      assert.ok(
        [...seen].some((u) => u.endsWith(`/docs/${doc}`)),
        `${doc} is linked`,
      );
    assert.ok([...seen].some((u) => u.endsWith('/examples/import/services.csv')));
  });

  it('answers 404 for a doc that does not exist and for paths out of the docs folder', async () => {
    for (const path of ['/docs/nope.md', '/docs/..%2FREADME.md', '/docs/../README.md', '/docs/%2e%2e/README.md']) {
      const res = await fetch(srv.url + path);
      await res.arrayBuffer();
      assert.equal(res.status, 404, path);
    }
  });
});
