import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from './app.js';

/**
 * Serves the demo around the API: the CDN bundle (`/cdn/`), the examples (`/examples/`), the docs
 * (`/docs/`) and a landing page. Mounted by `npm start`, not by `createApp`, so a production API
 * can run without it.
 */
export function mountDemo(app: Hono<Env>, repoRoot: string): void {
  const cdn = join(repoRoot, 'packages/elements/dist/cdn');
  const strip = (prefix: string) => (p: string) => p.slice(prefix.length) || '/';
  app.use('/cdn/*', async (c, next) => {
    await next();
    if (c.res.ok) c.header('cache-control', 'public, max-age=300');
    c.header('access-control-allow-origin', '*');
  });
  app.use('/cdn/*', serveStatic({ root: cdn, rewriteRequestPath: strip('/cdn') }));
  app.use('/examples/*', serveStatic({ root: join(repoRoot, 'examples'), rewriteRequestPath: strip('/examples') }));
  app.use('/docs/*', serveStatic({ root: join(repoRoot, 'docs'), rewriteRequestPath: strip('/docs'), index: 'index.html' }));
  app.get('/', (c) =>
    c.html(`<!doctype html>
<html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>mpp-kit demo</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}a{color:#0b57d0}</style></head>
<body><h1>mpp-kit — demo Kota Bogor</h1>
<p>Server API ini berjalan dengan data contoh MPP Grha Tiyasa. <span lang="en">This API server runs with the MPP Grha Tiyasa demo data.</span></p>
<ul>
<li><a href="/examples/agency-site/">Contoh situs dinas (katalog layanan) — agency site example</a></li>
<li><a href="/api/v1/agencies">/api/v1/agencies</a> · <a href="/api/v1/services">/api/v1/services</a> · <a href="/healthz">/healthz</a></li>
<li><a href="/docs/openapi.json">OpenAPI 3.1</a> · <a href="/docs/">Dokumentasi / docs</a>${existsSync(join(repoRoot, 'docs/api/index.html')) ? ' · <a href="/docs/api/">API SDK (typedoc)</a>' : ''}</li>
</ul></body></html>`),
  );
}
