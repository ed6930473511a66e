import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono, MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';
import MarkdownIt from 'markdown-it';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Env } from './app.js';
import { recentMail } from './mail/outbox.js';

/** Bundle files whose name carries their content hash (`chunks/<name>-<hash>.js`): never change. */
export const HASHED_CDN_FILE = /^\/cdn\/chunks\/[^/]+-[\w-]{8}\.js$/;

/** Hashed chunks: a year, never revalidated (a new build has new names). */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * The autoloader `mpp-kit.js` keeps its name across builds (agency pages link it): five minutes,
 * then revalidated with its ETag, which costs a 304 when nothing changed.
 */
export const SHORT = 'public, max-age=300, must-revalidate';
/** Examples and docs pages: revalidated on every use (304 when unchanged). */
export const REVALIDATE = 'no-cache';

/** The built docs site inside docs/ (`npm run docs`; scripts/docs-sources.mjs names the same folder). */
export const DOCS_SITE = '_site';

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** The page around a rendered Markdown document: readable on a phone, light and dark. */
const docPage = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · mpp-kit docs</title>
<style>
:root{color-scheme:light dark}
body{font:16px/1.6 system-ui,sans-serif;max-width:46rem;margin:0 auto;padding:1rem 1rem 4rem;overflow-wrap:break-word}
nav{font-size:.9rem;margin-bottom:1.5rem}a{color:#0b57d0}@media (prefers-color-scheme:dark){a{color:#8ab4f8}}
h1,h2,h3{line-height:1.25;margin:2rem 0 .75rem}h1{margin-top:0}
code{font:.875em/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#8882;padding:.1em .3em;border-radius:4px}
pre{background:#8881;padding:.75rem 1rem;border-radius:6px;overflow-x:auto}pre code{background:none;padding:0}
table{border-collapse:collapse;display:block;overflow-x:auto;margin:1rem 0}th,td{border:1px solid #8886;padding:.35rem .6rem;text-align:left;vertical-align:top}
blockquote{margin:1rem 0;padding:0 1rem;border-left:4px solid #8886}
</style></head>
<body><nav><a href="/">mpp-kit demo</a> · <a href="./">Dokumentasi / docs</a></nav>
<main>
${body}</main></body></html>`;

/**
 * Sets the cache policy of what `serve` answers (200 and 304 alike) and lets browsers revalidate
 * unhashed files by ETag. The ETag is the digest of the bytes sent, so a brotli and a gzip copy
 * each have their own, as they must.
 */
const cached = (policy: (path: string) => string, o: { cors?: boolean } = {}): MiddlewareHandler<Env> => {
  const tag = etag();
  return async (c, next) => {
    const cacheControl = policy(c.req.path);
    await (cacheControl === IMMUTABLE ? next() : tag(c, next));
    if (c.res.ok || c.res.status === 304) c.res.headers.set('cache-control', cacheControl);
    if (o.cors) c.res.headers.set('access-control-allow-origin', '*');
  };
};

/** The version in the CDN's versioned path: `@mpp-kit/elements`'s package.json version. */
export function cdnVersion(repoRoot: string): string {
  const { version } = JSON.parse(readFileSync(join(repoRoot, 'packages/elements/package.json'), 'utf8')) as { version: string };
  return version;
}

/**
 * Serves the demo around the API: the CDN bundle (`/cdn/` and `/cdn/<version>/`), the examples (`/examples/`), the docs
 * (`/docs/`: the built site of `npm run docs`, else Markdown rendered as HTML pages per request) and a landing page. Mounted by `npm start`, not by
 * `createApp`, so a production API can run without it.
 *
 * Files are sent as the build's brotli or gzip copies when the client accepts them (`.br`, then
 * `.gz`, beside the file; `serveStatic`'s `precompressed`), with `Vary: Accept-Encoding`; a file
 * without copies is compressed on the fly by the app's compression middleware.
 */
export function mountDemo(app: Hono<Env>, repoRoot: string): void {
  const cdn = join(repoRoot, 'packages/elements/dist/cdn');
  const docs = join(repoRoot, 'docs');
  const strip = (prefix: string) => (p: string) => p.slice(prefix.length) || '/';
  // Raw HTML in a doc is shown as text, never run: the docs are Markdown, not pages.
  const markdown = new MarkdownIt({ html: false });

  // The same bundle also under `/cdn/<version>/` (the elements package's version), for pages that
  // pin a release: `/cdn/0.1.0/mpp-kit.js`. Its chunks are relative imports, so they load from there
  // too. Both paths get the same cache policy (the version prefix is ignored when choosing it).
  const versioned = `/cdn/${cdnVersion(repoRoot)}`;
  const unversioned = (p: string) => (p.startsWith(`${versioned}/`) ? `/cdn${p.slice(versioned.length)}` : p);
  app.use(
    '/cdn/*',
    cached((p) => (HASHED_CDN_FILE.test(unversioned(p)) ? IMMUTABLE : SHORT), { cors: true }),
  );
  app.use(`${versioned}/*`, serveStatic({ root: cdn, rewriteRequestPath: strip(versioned), precompressed: true }));
  app.use('/cdn/*', serveStatic({ root: cdn, rewriteRequestPath: strip('/cdn'), precompressed: true }));

  app.use(
    '/examples/*',
    cached(() => REVALIDATE),
  );
  app.use('/examples/*', serveStatic({ root: join(repoRoot, 'examples'), rewriteRequestPath: strip('/examples'), precompressed: true }));

  app.use(
    '/docs/*',
    cached(() => REVALIDATE),
  );
  // The built site (`npm run docs`, docs/_site/) when there is one: static pages, precompressed.
  // Without it (or for a file it lacks) a doc is rendered from its Markdown on each request (the
  // files are small; an edit shows at once) and docs/ is served as it is.
  const site = join(docs, DOCS_SITE);
  app.get('/docs/:file{[\\w-]+\\.md}', async (c, next) => {
    const name = c.req.param('file');
    // The built page replaces the Markdown one: old links (`/docs/mulai.md`) land on it.
    if (existsSync(join(site, `${name.slice(0, -3)}.html`))) return c.redirect(`/docs/${name.slice(0, -3)}.html`, 301);
    const file = join(docs, name);
    if (!existsSync(file)) return next();
    const source = await readFile(file, 'utf8');
    const title = /^#\s+(.+)$/m.exec(source)?.[1]?.trim() ?? name;
    return c.html(docPage(title, markdown.render(source)));
  });
  // Made once the site exists (it may be built while the server runs; serveStatic wants its root).
  const fromSite: { handler?: MiddlewareHandler<Env> } = {};
  app.use('/docs/*', (c, next) => {
    if (!existsSync(site)) return next();
    fromSite.handler ??= serveStatic({ root: site, rewriteRequestPath: strip('/docs'), index: 'index.html', precompressed: true });
    return fromSite.handler(c, next);
  });
  app.use('/docs/*', serveStatic({ root: docs, rewriteRequestPath: strip('/docs'), index: 'index.html', precompressed: true }));

  // The landing page links the built pages when the site is built, else the Markdown rendered per request.
  const landing = () => {
    const built = existsSync(join(site, 'index.html'));
    const guide = (name: string) => `/docs/${name}.${built && existsSync(join(site, `${name}.html`)) ? 'html' : 'md'}`;
    const doc = (name: string, id: string, en: string) => `<a href="${guide(name)}">${id}</a> <span lang="en">(${en})</span>`;
    const tags =
      built && existsSync(join(site, 'elements'))
        ? readdirSync(join(site, 'elements'))
            .filter((f) => /^mpp-[\w-]+\.html$/.test(f))
            .map((f) => f.slice(0, -5))
            .sort()
        : [];
    const elements = tags.length
      ? `<li>Elemen <span lang="en">(element reference)</span>: ${tags.map((t) => `<a href="/docs/elements/${t}.html"><code>&lt;${t}&gt;</code></a>`).join(' · ')}</li>`
      : `<li>${doc('embedding', 'Atribut dan event elemen', 'element attributes and events')}</li>`;
    const references = built
      ? `<a href="/docs/openapi.html">Rujukan API server</a> <span lang="en">(HTTP API reference)</span> · <a href="/docs/api/">API SDK</a> <span lang="en">(typedoc)</span> · <a href="/docs/openapi.json">OpenAPI 3.1</a>`
      : `<a href="/docs/openapi.json">OpenAPI 3.1</a>${existsSync(join(docs, 'api/index.html')) ? ' · <a href="/docs/api/">API SDK (typedoc)</a>' : ''}`;
    return `<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>mpp-kit demo</title><link rel="icon" href="data:,">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;overflow-wrap:break-word}a{color:#0b57d0}li{margin:.4rem 0}
@media (prefers-color-scheme:dark){:root{color-scheme:dark}body{background:#121316;color:#e6e7ea}a{color:#8ab4f8}}</style></head>
<body><main><h1>mpp-kit — demo Kota Bogor</h1>
<p>Server API ini berjalan dengan data contoh MPP Grha Tiyasa. <span lang="en">This API server runs with the MPP Grha Tiyasa demo data.</span></p>
<h2>Untuk pengelola situs <span lang="en">(webmasters)</span></h2>
<ul>
<li><strong>${doc('mulai', 'Mulai di sini: memasang layanan MPP di situs Anda', 'getting started')}</strong></li>
<li><a href="/docs/configurator.html">Pembuat kode widget</a> <span lang="en">(snippet configurator)</span></li>
${elements}
<li><a href="/examples/agency-site/">Contoh situs dinas (katalog layanan)</a> <span lang="en">(agency site example)</span> · <a href="/examples/kelurahan-portal/">Contoh portal kelurahan</a> <span lang="en">(WordPress-like portal)</span></li>
<li><a href="/examples/city-portal/">Si Badra: lapor dan pantau aduan</a> <span lang="en">(report and track a complaint)</span> · <a href="/examples/staff/">Kotak masuk petugas Si Badra</a> <span lang="en">(staff inbox: sign in with a demo account printed at start)</span></li>
</ul>
<h2 lang="en">For developers</h2>
<ul>
<li>${doc('developers', 'Panduan pengembang', 'developers guide: npm, frameworks, typings')} · ${doc('embedding', 'Memasang widget', 'embedding')} · ${doc('theming', 'Tema', 'theming')}</li>
<li>${doc('complaints', 'Si Badra: aduan warga', 'complaints API, escalation, mail')} · <a href="/dev/mailbox">Kotak surat pengembang</a> <span lang="en">(dev mailbox)</span></li>
<li>${doc('queue', 'Antrean daring', 'online queue')} · ${doc('server', 'Menjalankan server', 'running the server')} · ${doc('import', 'Impor katalog', 'catalog import')} · ${doc('security', 'Keamanan', 'security')}</li>
<li>${references}</li>
<li><a href="/docs/">Semua dokumentasi</a> <span lang="en">(all docs)</span> · <a href="/api/v1/agencies">/api/v1/agencies</a> · <a href="/api/v1/services">/api/v1/services</a> · <a href="/healthz">/healthz</a></li>
</ul></main></body></html>`;
  };
  app.get('/', (c) => c.html(landing()));

  // The dev mailbox: without MAIL_URL, mail (contact codes, dispatch notices, escalations) stays
  // in the outbox; the demo shows the newest here. Demo only: `mountDemo` is not in production.
  app.get('/dev/mailbox', async (c) => {
    const mails = await recentMail(c.get('deps').db, 50);
    const rows = mails
      .map(
        (m) =>
          `<article><h2>${escapeHtml(m.subject)}</h2><p><b>${escapeHtml(m.channel === 'sms' ? 'SMS' : 'E-mail')}</b> → ${escapeHtml(m.to_addr)} · ${escapeHtml(new Date(m.created_at).toISOString())}</p><pre>${escapeHtml(m.body)}</pre></article>`,
      )
      .join('\n');
    c.header('cache-control', 'no-store');
    return c.html(
      docPage(
        'Kotak surat pengembang (dev mailbox)',
        `<h1>Kotak surat pengembang <span lang="en">(dev mailbox)</span></h1><p>Surat dan SMS yang dikirim server demo tanpa MAIL_URL. <span lang="en">Mail and SMS the demo server sent without MAIL_URL.</span></p>${rows || '<p>Belum ada surat. <span lang="en">No mail yet.</span></p>'}`,
      ),
    );
  });
}
