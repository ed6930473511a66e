/**
 * Compression and caching (issue 11, item 1), over real HTTP with the demo mounted as `npm start`
 * mounts it: the build's brotli and gzip copies of the CDN bundle by `Accept-Encoding`, API JSON
 * gzipped on the fly above 1 KB and never below, SSE never compressed, and the cache policy of
 * hashed chunks, of the autoloader and of the catalog lists. Needs a build (`npm run build`).
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { DB_KIND, freshDb } from './helpers.js';
import { startServer, type RunningServer } from '../src/server.js';
import { silentLogger } from '../src/log.js';
import { COMPRESS_MIN_BYTES } from '../src/http/compression.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const cdn = join(root, 'packages/elements/dist/cdn');
// Monday 23 November 2026, 09:00 in Jakarta: today has open slots.
const NOW = Date.parse('2026-11-23T02:00:00Z');

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** One request with node:http: the bytes exactly as sent (fetch would decode them). */
const raw = (url: string, o: { method?: string; headers?: Record<string, string>; body?: string; firstChunk?: boolean } = {}) =>
  new Promise<Raw>((resolve, reject) => {
    const req = request(url, { method: o.method ?? 'GET', headers: o.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => {
        chunks.push(d);
        if (o.firstChunk) {
          resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) });
          req.destroy();
        }
      });
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', (e) => (o.firstChunk ? undefined : reject(e)));
    req.end(o.body);
  });

const decode = (r: Raw): Buffer =>
  r.headers['content-encoding'] === 'br'
    ? brotliDecompressSync(r.body)
    : r.headers['content-encoding'] === 'gzip'
      ? gunzipSync(r.body)
      : r.body;

const varies = (r: Raw) => /(^|,)\s*accept-encoding\s*(,|$)/i.test(String(r.headers.vary ?? ''));

describe(`compression and caching on ${DB_KIND}`, { timeout: 120_000 }, () => {
  let srv: RunningServer;
  let drop: () => Promise<void>;
  let chunk: string;

  before(async () => {
    assert.ok(existsSync(join(cdn, 'mpp-kit.js')), 'the CDN bundle is missing: run `npm run build` first');
    const chunks = readdirSync(join(cdn, 'chunks')).filter((f) => f.endsWith('.js'));
    // The largest chunk: the one whose bytes matter most.
    chunk = chunks.sort((a, b) => statSync(join(cdn, 'chunks', b)).size - statSync(join(cdn, 'chunks', a)).size)[0]!;
    const f = await freshDb();
    drop = f.drop;
    srv = await startServer({
      port: 0,
      db: f.db,
      seedDemo: true,
      demoRoot: root,
      logger: silentLogger,
      clock: { now: () => new Date(NOW) },
    });
  });
  after(async () => {
    await srv?.close();
    await drop?.();
  });

  it('the build wrote a brotli and a gzip copy of every CDN file, each decoding to the file', () => {
    const files = [
      join(cdn, 'mpp-kit.js'),
      ...readdirSync(join(cdn, 'chunks'))
        .filter((f) => f.endsWith('.js'))
        .map((f) => join(cdn, 'chunks', f)),
    ];
    for (const f of files) {
      const original = readFileSync(f);
      assert.deepEqual(brotliDecompressSync(readFileSync(`${f}.br`)), original, `${f}.br`);
      assert.deepEqual(gunzipSync(readFileSync(`${f}.gz`)), original, `${f}.gz`);
      assert.ok(statSync(`${f}.br`).size < statSync(`${f}.gz`).size || original.length < 600, `${f}: brotli is smaller than gzip`);
    }
  });

  it('sends a hashed chunk as brotli, gzip or identity by Accept-Encoding, immutable', async () => {
    const original = readFileSync(join(cdn, 'chunks', chunk));
    const url = `${srv.url}/cdn/chunks/${chunk}`;
    const cases: Array<[string | undefined, string | undefined]> = [
      ['gzip, deflate, br, zstd', 'br'],
      ['br', 'br'],
      ['gzip, deflate', 'gzip'],
      ['identity', undefined],
      [undefined, undefined],
    ];
    for (const [accept, encoding] of cases) {
      const r = await raw(url, { headers: accept ? { 'accept-encoding': accept } : {} });
      assert.equal(r.status, 200);
      assert.equal(r.headers['content-encoding'], encoding, `accept-encoding: ${accept}`);
      assert.match(String(r.headers['content-type']), /javascript/);
      assert.ok(varies(r), `Vary: Accept-Encoding (accept-encoding: ${accept})`);
      assert.equal(r.headers['cache-control'], 'public, max-age=31536000, immutable');
      assert.equal(Number(r.headers['content-length']), r.body.length);
      assert.deepEqual(decode(r), original);
      if (encoding) assert.ok(r.body.length < original.length / 2, `${encoding} is less than half the size`);
    }
  });

  it('the autoloader has a short max-age and revalidates to a 304 with its ETag', async () => {
    const url = `${srv.url}/cdn/mpp-kit.js`;
    const first = await raw(url, { headers: { 'accept-encoding': 'br' } });
    assert.equal(first.status, 200);
    assert.equal(first.headers['content-encoding'], 'br');
    assert.equal(first.headers['cache-control'], 'public, max-age=300, must-revalidate');
    assert.equal(first.headers['access-control-allow-origin'], '*');
    assert.deepEqual(decode(first), readFileSync(join(cdn, 'mpp-kit.js')));
    const tag = String(first.headers.etag);
    assert.match(tag, /^(W\/)?"[^"]+"$/);

    const again = await raw(url, { headers: { 'accept-encoding': 'br', 'if-none-match': tag } });
    assert.equal(again.status, 304);
    assert.equal(again.body.length, 0);
    assert.equal(again.headers.etag, tag);
    assert.equal(again.headers['cache-control'], 'public, max-age=300, must-revalidate');

    const plain = await raw(url);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.notEqual(plain.headers.etag, tag, 'each encoding has its own ETag');
    assert.equal(
      (await raw(url, { headers: { 'if-none-match': tag } })).status,
      200,
      "the brotli copy's tag does not match the plain file",
    );
  });

  it('compresses a large API list on the fly (brotli, else gzip), keeps its ETag and 304, and sends identity to a client that asks for none', async () => {
    const url = `${srv.url}/api/v1/services?limit=200`;
    const identity = await raw(url);
    assert.equal(identity.status, 200);
    assert.equal(identity.headers['content-encoding'], undefined);
    assert.ok(varies(identity));
    assert.ok(identity.body.length > COMPRESS_MIN_BYTES * 10);

    const br = await raw(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.match(String(br.headers['content-type']), /^application\/json/);
    assert.equal(Number(br.headers['content-length']), br.body.length, 'a length, not a chunked stream');
    assert.ok(varies(br));
    assert.deepEqual(JSON.parse(decode(br).toString()), JSON.parse(identity.body.toString()));

    const gz = await raw(url, { headers: { 'accept-encoding': 'gzip, deflate' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.deepEqual(JSON.parse(decode(gz).toString()), JSON.parse(identity.body.toString()));
    assert.ok(gz.body.length < identity.body.length / 4, `${gz.body.length} B gzipped of ${identity.body.length} B`);
    assert.ok(br.body.length < gz.body.length, `brotli ${br.body.length} B < gzip ${gz.body.length} B`);

    for (const [accept, coding] of [
      ['br;q=0, gzip', 'gzip'],
      ['*', 'br'],
      ['gzip;q=0, br;q=0', undefined],
      ['identity', undefined],
      ['deflate', undefined],
    ] as const) {
      const r = await raw(url, { headers: { 'accept-encoding': accept } });
      assert.equal(r.headers['content-encoding'], coding, accept);
      assert.deepEqual(JSON.parse(decode(r).toString()), JSON.parse(identity.body.toString()), accept);
    }

    const tag = String(gz.headers.etag);
    assert.match(tag, /^W\//);
    assert.equal(gz.headers['cache-control'], 'public, no-cache');
    const notModified = await raw(url, { headers: { 'accept-encoding': 'gzip', 'if-none-match': tag } });
    assert.equal(notModified.status, 304);
    assert.equal(notModified.body.length, 0);
    assert.equal(notModified.headers['content-encoding'], undefined);
  });

  it('leaves small JSON and write answers alone: an agency, the health check, a problem, a booking', async () => {
    const headers = { 'accept-encoding': 'gzip, deflate, br' };
    const small = [
      await raw(`${srv.url}/api/v1/agencies/disdukcapil`, { headers }),
      await raw(`${srv.url}/healthz`, { headers }),
      await raw(`${srv.url}/api/v1/services/nope`, { headers }),
    ];
    const availability = JSON.parse((await raw(`${srv.url}/api/v1/services/disdukcapil-ktp-el/availability?days=1`)).body.toString()) as {
      days: Array<{ slots: Array<{ id: string }> }>;
    };
    const slotId = availability.days[0]!.slots[0]!.id;
    const booking = await raw(`${srv.url}/api/v1/bookings`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({
        serviceId: 'disdukcapil-ktp-el',
        slotId,
        name: 'Siti Aminah',
        nik: '3271010101900001',
        phone: '081234567890',
      }),
    });
    assert.equal(booking.status, 201);
    // A write answer is never compressed, whatever its size (the booking path is CPU-hot).
    assert.equal(booking.headers['content-encoding'], undefined);
    assert.equal(Number(booking.headers['content-length']), booking.body.length);
    assert.equal((JSON.parse(booking.body.toString()) as { status: string }).status, 'booked');
    for (const [i, r] of small.entries()) {
      assert.equal(r.headers['content-encoding'], undefined, `answer ${i}: ${r.headers['content-length']} B`);
      assert.ok(r.body.length < COMPRESS_MIN_BYTES, `${r.body.length} B stays under the threshold`);
      assert.equal(Number(r.headers['content-length']), r.body.length);
      JSON.parse(r.body.toString());
    }
  });

  it('never compresses server-sent events', async () => {
    const r = await raw(`${srv.url}/api/v1/queues/disdukcapil.B/events`, {
      headers: { 'accept-encoding': 'gzip, deflate, br' },
      firstChunk: true,
    });
    assert.equal(r.status, 200);
    assert.match(String(r.headers['content-type']), /^text\/event-stream/);
    assert.equal(r.headers['content-encoding'], undefined);
    assert.match(r.body.toString(), /^(id|event|data|:|retry)/m, 'the first event arrives as plain text');
  });

  it('compresses examples and docs without a precompressed copy on the fly, revalidated by ETag', async () => {
    // A doc is rendered from its Markdown only while the docs site is not built (`npm run docs`
    // writes precompressed pages, which demo.test.ts covers on a copy of its own).
    const rendered = existsSync(join(root, 'docs/_site/server.html')) ? [] : ['/docs/server.md'];
    for (const path of ['/examples/agency-site/', ...rendered, '/examples/agency-site/antrean.html']) {
      const r = await raw(srv.url + path, { headers: { 'accept-encoding': 'gzip, br' } });
      assert.equal(r.status, 200, path);
      assert.equal(r.headers['content-encoding'], 'br', path);
      assert.ok(varies(r), path);
      assert.equal(r.headers['cache-control'], 'no-cache', path);
      assert.ok(decode(r).length > r.body.length, path);
      const again = await raw(srv.url + path, { headers: { 'accept-encoding': 'gzip, br', 'if-none-match': String(r.headers.etag) } });
      assert.equal(again.status, 304, path);
    }
  });

  it('keeps Vary: Origin beside Accept-Encoding when CORS allows a list of origins', async () => {
    const f = await freshDb();
    const cors = await startServer({
      port: 0,
      db: f.db,
      seedDemo: true,
      logger: silentLogger,
      config: { corsOrigins: ['https://kota.example.go.id'] },
    });
    try {
      for (const accept of ['gzip', 'identity']) {
        const r = await raw(`${cors.url}/api/v1/services?limit=200`, {
          headers: { 'accept-encoding': accept, origin: 'https://kota.example.go.id' },
        });
        const vary = String(r.headers.vary)
          .toLowerCase()
          .split(/\s*,\s*/);
        assert.ok(vary.includes('origin') && vary.includes('accept-encoding'), `${accept}: Vary ${r.headers.vary}`);
        assert.equal(r.headers['access-control-allow-origin'], 'https://kota.example.go.id');
      }
    } finally {
      await cors.close();
      await f.drop();
    }
  });
});
