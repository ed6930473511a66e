/**
 * The versioned CDN path (issue 13, item 9): `/cdn/<version>/…` (the elements package's version)
 * serves the same bytes as `/cdn/…`, with the same cache policy: the loader revalidated after five
 * minutes, hashed chunks immutable. Another version is not there. Needs `npm run build`.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DB_KIND, freshDb } from './helpers.js';
import { startServer, type RunningServer } from '../src/server.js';
import { silentLogger } from '../src/log.js';
import { IMMUTABLE, SHORT, cdnVersion } from '../src/demo.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const version = (JSON.parse(readFileSync(`${root}packages/elements/package.json`, 'utf8')) as { version: string }).version;
const chunk = readdirSync(`${root}packages/elements/dist/cdn/chunks`).find((f) => /^mpp-service-catalog-.+\.js$/.test(f));

describe(`versioned CDN path on ${DB_KIND}`, { timeout: 60_000 }, () => {
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

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await fetch(`${srv.url}${path}`, { headers });
    return { res, body: Buffer.from(await res.arrayBuffer()) };
  };

  it('takes its version from the elements package', () => {
    assert.equal(cdnVersion(root), version);
    assert.match(version, /^\d+\.\d+\.\d+/);
  });

  it('serves the loader under /cdn/<version>/ as under /cdn/, revalidated after five minutes', async () => {
    const plain = await get('/cdn/mpp-kit.js', { 'accept-encoding': 'identity' });
    const pinned = await get(`/cdn/${version}/mpp-kit.js`, { 'accept-encoding': 'identity' });
    assert.equal(plain.res.status, 200);
    assert.equal(pinned.res.status, 200);
    assert.match(pinned.res.headers.get('content-type') ?? '', /javascript/);
    assert.ok(pinned.body.equals(plain.body), 'same bytes');
    assert.equal(pinned.res.headers.get('cache-control'), SHORT);
    assert.equal(plain.res.headers.get('cache-control'), SHORT);
    assert.equal(pinned.res.headers.get('access-control-allow-origin'), '*');
    const etag = pinned.res.headers.get('etag');
    assert.ok(etag);
    const again = await get(`/cdn/${version}/mpp-kit.js`, { 'accept-encoding': 'identity', 'if-none-match': etag });
    assert.equal(again.res.status, 304);
    assert.equal(again.res.headers.get('cache-control'), SHORT);
  });

  it('serves hashed chunks under /cdn/<version>/chunks/ as immutable, compressed by the build', async () => {
    assert.ok(chunk, 'the build has a catalog chunk');
    const plain = await get(`/cdn/chunks/${chunk}`, { 'accept-encoding': 'br' });
    const pinned = await get(`/cdn/${version}/chunks/${chunk}`, { 'accept-encoding': 'br' });
    assert.equal(pinned.res.status, 200);
    assert.equal(pinned.res.headers.get('cache-control'), IMMUTABLE);
    assert.equal(plain.res.headers.get('cache-control'), IMMUTABLE);
    assert.equal(pinned.res.headers.get('content-encoding'), 'br');
    assert.ok(pinned.body.equals(plain.body));
  });

  it('has no other version', async () => {
    const { res } = await get('/cdn/999.0.0/mpp-kit.js');
    assert.equal(res.status, 404);
  });
});
