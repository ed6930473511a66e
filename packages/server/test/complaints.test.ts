// Si Badra through HTTP, the server and the database, with mail received by a real SMTP server
// (smtp-server, in process) and time moved by the injected clock: capture tokens and photos,
// the complaint, the contact code by e-mail, verification and dispatch by a verifier, agency scope,
// escalation mails at 24 h and 48 h exactly once (also after a restart), the answer with an
// after-photo, the citizen's dispute.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startSmtpCatcher, type SmtpCatcher } from '../../../scripts/smtp-catcher.mjs';
import { sha256 } from '../src/crypto/hash.js';
import { smtpTransport } from '../src/mail/outbox.js';
import { BOGOR_COMPLAINTS } from '../src/seed/complaints.js';
import { freshDb, problemOf } from './helpers.js';
import { startServer, type RunningServer } from '../src/server.js';
import { silentLogger } from '../src/log.js';
import type { Db } from '../src/db/types.js';

/** A JPEG's segment structure with EXIF (holding a GPS marker) and a comment that must not survive. */
function jpeg(): Uint8Array {
  const seg = (marker: number, payload: number[]) => [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 255, ...payload];
  const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
  return new Uint8Array([
    0xff,
    0xd8,
    ...seg(0xe0, [...ascii('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...seg(0xe1, [...ascii('Exif'), 0, 0, ...ascii('GPS-SECRET-6.59,106.80')]),
    ...seg(0xfe, ascii('phone model XYZ')),
    ...seg(0xdb, [0, ...new Array(64).fill(1)]),
    ...seg(0xda, [1, 1, 0, 0, 0x3f, 0]),
    0x12,
    0x34,
    0x56,
    0xff,
    0xd9,
  ]);
}

const contains = (hay: Uint8Array, needle: string) => Buffer.from(hay).includes(Buffer.from(needle));

describe('Si Badra complaints end to end (server)', { timeout: 120_000 }, () => {
  let smtp: SmtpCatcher;
  let db: Db;
  let drop: () => Promise<void>;
  let server: RunningServer;
  let now = Date.parse('2026-12-07T02:00:00Z');
  const clock = { now: () => new Date(now) };
  const ADMIN = 'admin-token-for-complaints-test-0123456789';
  const VERIFIER = 'verifier-token-for-complaints-test-0123';
  const PUPR = 'pupr-officer-token-for-complaints-test-01';
  const PDAM = 'pdam-officer-token-for-complaints-test-01';

  const start = () =>
    startServer({
      port: 0,
      db,
      seedDemo: true,
      logger: silentLogger,
      clock,
      adminToken: ADMIN,
      config: { secret: 'complaints-test-secret-0123456789abcdef' },
      complaints: { mail: smtpTransport(smtp.url, 'Si Badra <sibadra@demo.mpp-kit.id>') },
      jobs: false,
    });
  const api = (path: string, init: RequestInit & { json?: unknown; token?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.json !== undefined) headers.set('content-type', 'application/json');
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    return fetch(`${server.url}/api/v1${path}`, {
      ...init,
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
  };
  /** Runs the server's jobs (mail delivery, escalation sweep) and waits for the SMTP server to have what was sent. */
  const runJobs = async () => {
    const before = smtp.mails.length;
    await server.built.jobs.runAll();
    await server.built.jobs.runAll(); // the sweep's mails are delivered by the next pass
    const sent = await db.query<{ n: number }>(
      `select count(*)::int as n from mail_outbox where sent_at is not null and channel = 'email'`,
    );
    for (let i = 0; i < 100 && smtp.mails.length < Number(sent[0]!.n); i++) await new Promise((r) => setTimeout(r, 20));
    return smtp.mails.slice(before);
  };
  const photo = async (bytes = jpeg(), type = 'image/jpeg', token?: string | null) => {
    const t =
      token === undefined
        ? ((await (await api('/complaints/capture-tokens', { method: 'POST', json: {} })).json()) as { token: string }).token
        : token;
    const headers: Record<string, string> = { 'content-type': type };
    if (t) headers['mpp-capture-token'] = t;
    return api('/complaints/photos', { method: 'POST', headers, body: bytes });
  };

  before(async () => {
    smtp = await startSmtpCatcher();
    ({ db, drop } = await freshDb());
    server = await start();
    await db.query(
      `insert into staff (id, name, role, agency_id, token_hash) values
        ('t-verifier', 'Verifikator', 'verifier', null, $1),
        ('t-pupr', 'Petugas PUPR', 'agency_officer', 'dinas-pupr', $2),
        ('t-pdam', 'Petugas PDAM', 'agency_officer', 'pdam', $3)`,
      [sha256(VERIFIER), sha256(PUPR), sha256(PDAM)],
    );
  });

  after(async () => {
    await server?.close();
    await drop?.();
    await smtp?.close();
  });

  it('lists the Bogor categories, each routed to its agency', async () => {
    const res = await api('/complaints/categories');
    assert.equal(res.status, 200);
    const { items } = (await res.json()) as { items: Array<{ id: string; agencyId: string }> };
    assert.equal(items.length, BOGOR_COMPLAINTS.categories.length);
    assert.equal(items.find((c) => c.id === 'air-pdam')?.agencyId, 'pdam');
    assert.equal(items.find((c) => c.id === 'jalan-rusak')?.agencyId, 'dinas-pupr');
  });

  it('takes a photo only with a fresh capture token, once, of the type its bytes hold', async () => {
    assert.equal((await problemOf(await photo(jpeg(), 'image/jpeg', null))).code, 'capture_token_invalid');
    assert.equal((await problemOf(await photo(jpeg(), 'image/jpeg', 'A'.repeat(22) + '.' + 'B'.repeat(43)))).code, 'capture_token_invalid');
    const { token } = (await (await api('/complaints/capture-tokens', { method: 'POST', json: {} })).json()) as { token: string };
    const ok = await photo(jpeg(), 'image/jpeg', token);
    assert.equal(ok.status, 201);
    const first = (await ok.json()) as { id: string };
    // The same bytes again (a retry whose first answer was lost): the first receipt, not a second photo.
    const retry = await photo(jpeg(), 'image/jpeg', token);
    assert.equal(retry.status, 200);
    assert.deepEqual(await retry.json(), first);
    // Other bytes with a used token: refused.
    const other = jpeg();
    other[other.length - 3] = 0x99;
    const again = await photo(other, 'image/jpeg', token);
    assert.equal(again.status, 409);
    assert.equal((await problemOf(again)).code, 'capture_token_used');
    // Bytes that are not an image, or a JPEG sent as PNG.
    assert.equal((await problemOf(await photo(new TextEncoder().encode('<svg onload=alert(1)>'), 'image/png'))).code, 'photo_type');
    assert.equal((await problemOf(await photo(jpeg(), 'image/png'))).code, 'photo_type');
    assert.equal((await problemOf(await photo(jpeg(), 'text/html'))).code, 'photo_type');
    // Too large: refused before it is all read.
    const big = await photo(new Uint8Array(3 * 1024 * 1024), 'image/jpeg');
    assert.equal(big.status, 413);
    // A token whose window closed.
    const late = ((await (await api('/complaints/capture-tokens', { method: 'POST', json: {} })).json()) as { token: string }).token;
    now += 11 * 60_000;
    const expired = await photo(jpeg(), 'image/jpeg', late);
    assert.equal(expired.status, 410);
    assert.equal((await problemOf(expired)).code, 'capture_token_expired');
  });

  let code = '';
  it('files a complaint: outside the city refused, the draft fields named; inside, a code mailed to the reporter', async () => {
    const p = (await (await photo()).json()) as { id: string };
    const body = {
      categoryId: 'jalan-rusak',
      text: 'Jalan berlubang besar di depan SDN Polisi 1, berbahaya bagi pengendara motor. <img src=x onerror=alert(1)>',
      location: { lat: -6.595, lng: 106.797, accuracy: 12 },
      photoIds: [p.id],
      privacy: 'anonim',
      name: 'Siti Aminah',
      email: 'siti.aminah@example.id',
    };
    const outside = await api('/complaints', { method: 'POST', json: { ...body, location: { lat: -6.2, lng: 106.8, accuracy: 10 } } });
    assert.equal(outside.status, 422);
    assert.deepEqual((await problemOf(outside)).errors?.[0], { path: 'location', code: 'location_outside_area' });
    const vague = await api('/complaints', {
      method: 'POST',
      json: { ...body, location: { lat: -6.595, lng: 106.797, accuracy: 50_000 } },
    });
    assert.equal((await problemOf(vague)).code, 'location_inaccurate');
    assert.equal((await problemOf(await api('/complaints', { method: 'POST', json: { ...body, photoIds: [] } }))).code, 'photo_required');
    assert.equal((await problemOf(await api('/complaints', { method: 'POST', json: { ...body, email: null } }))).code, 'contact_required');
    assert.equal(
      (await problemOf(await api('/complaints', { method: 'POST', json: { ...body, text: 'x'.repeat(50_000) } }))).code,
      'validation_failed',
    );
    assert.equal(
      (await problemOf(await api('/complaints', { method: 'POST', json: { ...body, text: 'rusak\u202Eparah sekali di sini' } }))).code,
      'validation_failed',
    );

    const key = 'complaint-test-key-1';
    const res = await api('/complaints', { method: 'POST', json: body, headers: { 'idempotency-key': key } });
    assert.equal(res.status, 201);
    const receipt = (await res.json()) as { trackingCode: string; contactVerified: boolean; contactHint: string };
    assert.match(receipt.trackingCode, /^SB-[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    assert.equal(receipt.contactVerified, false);
    assert.equal(receipt.contactHint, 's***@example.id');
    // The same request again (a retry after a dropped answer): the same complaint, not a second one.
    const replay = await api('/complaints', { method: 'POST', json: body, headers: { 'idempotency-key': key } });
    assert.equal(((await replay.json()) as { trackingCode: string }).trackingCode, receipt.trackingCode);
    // Retries do not use up the address's quota (30 complaints an hour): 35 replays, all answered.
    for (let i = 0; i < 35; i++) {
      const again = await api('/complaints', { method: 'POST', json: body, headers: { 'idempotency-key': key } });
      assert.equal(again.status, 201, `replay ${i + 1}`);
      await again.body?.cancel();
    }
    const [count] = await db.query<{ n: number }>(`select count(*)::int as n from complaints`);
    assert.equal(Number(count?.n), 1);
    code = receipt.trackingCode;

    const mails = await runJobs();
    const codeMail = mails.find((m) => m.to.includes('siti.aminah@example.id'));
    assert.ok(codeMail, `no code mail among ${JSON.stringify(mails.map((m) => m.to))}`);
    const otp = /\b(\d{6})\b/.exec(codeMail.subject)![1]!;

    // The photo as served: no EXIF, no comment, still a JPEG.
    const track = (await (await api(`/complaints/${code}`)).json()) as {
      photos: string[];
      name: string | null;
      text: string;
      status: string;
    };
    assert.equal(track.name, null, 'anonim: no name in public');
    assert.equal(track.status, 'received');
    const img = new Uint8Array(await (await fetch(`${server.url}${track.photos[0]}`)).arrayBuffer());
    assert.equal(img[0], 0xff);
    assert.ok(!contains(img, 'GPS-SECRET') && !contains(img, 'phone model'), 'metadata stripped');

    // Wrong codes, then the right one.
    const wrong = await api(`/complaints/${code}/verify-contact`, {
      method: 'POST',
      json: { code: otp === '000000' ? '111111' : '000000' },
    });
    assert.equal((await problemOf(wrong)).code, 'verification_code_wrong');
    const ok = await api(`/complaints/${code}/verify-contact`, { method: 'POST', json: { code: otp } });
    assert.equal(ok.status, 200);
    assert.equal(((await ok.json()) as { contactVerified: boolean }).contactVerified, true);
  });

  it('locks the code after five wrong tries', async () => {
    const p = (await (await photo()).json()) as { id: string };
    const res = await api('/complaints', {
      method: 'POST',
      json: {
        categoryId: 'air-pdam',
        text: 'Air PDAM mati sejak pagi di Tegallega.',
        address: 'Jl. Pajajaran 10',
        photoIds: [p.id],
        privacy: 'rahasia',
        phone: '0812-3456-7890',
      },
    });
    assert.equal(res.status, 201);
    const { trackingCode } = (await res.json()) as { trackingCode: string };
    for (let i = 0; i < 5; i++) await api(`/complaints/${trackingCode}/verify-contact`, { method: 'POST', json: { code: '999999' } });
    const locked = await api(`/complaints/${trackingCode}/verify-contact`, { method: 'POST', json: { code: '999999' } });
    assert.equal((await problemOf(locked)).code, 'verification_locked');
  });

  it('verifies and dispatches (verifier only), escalates at 24 h and 48 h once each, even after a restart', async () => {
    assert.equal((await api(`/staff/complaints/${code}/verify`, { method: 'POST', json: {} })).status, 401);
    assert.equal((await api(`/staff/complaints/${code}/verify`, { method: 'POST', json: {}, token: PUPR })).status, 403);
    assert.equal((await api(`/staff/complaints/${code}/verify`, { method: 'POST', json: {}, token: VERIFIER })).status, 200);
    const d = await api(`/staff/complaints/${code}/dispatch`, { method: 'POST', json: {}, token: VERIFIER });
    assert.equal(d.status, 200);
    const dispatched = (await d.json()) as { status: string; clock: { running: boolean; level: number; dueAt: string } };
    assert.equal(dispatched.status, 'dispatched');
    assert.equal(dispatched.clock.level, 0);
    assert.equal(Date.parse(dispatched.clock.dueAt) - now, 24 * 3600_000);
    const officers = await runJobs();
    assert.ok(officers.some((m) => m.to.includes('pengaduan.pupr@demo.mpp-kit.id')));

    now += 23 * 3600_000;
    assert.equal((await runJobs()).length, 0, 'nothing before 24 h');
    now += 1 * 3600_000 + 60_000;
    const level1 = await runJobs();
    assert.deepEqual(
      level1.map((m) => m.to),
      ['kepala.pupr@demo.mpp-kit.id'],
    );
    assert.match(level1[0]!.subject, /Eskalasi level 1/);
    assert.equal((await runJobs()).length, 0, 'a second sweep sends nothing');

    // Restart: a new server over the same database sends nothing again.
    await server.close();
    server = await start();
    assert.equal((await runJobs()).length, 0, 'nothing again after a restart');

    now += 24 * 3600_000;
    const level2 = await runJobs();
    assert.deepEqual(
      level2.map((m) => m.to),
      ['walikota@demo.mpp-kit.id'],
    );
    assert.equal((await runJobs()).length, 0);
    const all = smtp.mails.filter((m) => /Eskalasi/.test(m.subject));
    assert.equal(all.length, 2, 'each escalation mail exactly once');
    const view = (await (await api(`/complaints/${code}`)).json()) as { clock: { level: number; running: boolean } };
    assert.equal(view.clock.level, 2);
  });

  it('lets only the responsible agency answer, with an after-photo; the citizen sees it and disputes it', async () => {
    const after = (await (await photo()).json()) as { id: string };
    const pdam = await api(`/staff/complaints/${code}/answer`, { method: 'POST', json: { text: 'Sudah ditambal.' }, token: PDAM });
    assert.equal(pdam.status, 403, 'an officer of another agency');
    await db.query(`update complaint_photos set role = 'answer' where id = $1`, [after.id]);
    const res = await api(`/staff/complaints/${code}/answer`, {
      method: 'POST',
      json: { text: 'Lubang sudah ditambal oleh tim UPT Jalan.', photoIds: [after.id], resolve: true },
      token: PUPR,
    });
    assert.equal(res.status, 200);
    const v = (await res.json()) as {
      status: string;
      clock: { running: boolean };
      timeline: Array<{ status: string; note: string | null; photos: string[]; by: string }>;
    };
    assert.equal(v.status, 'resolved');
    assert.equal(v.clock.running, false);
    const answer = v.timeline.find((e) => e.by === 'agency');
    assert.equal(answer?.note, 'Lubang sudah ditambal oleh tim UPT Jalan.');
    assert.equal(answer?.photos.length, 1);
    assert.ok(!v.timeline.some((e) => e.note?.startsWith('escalated:')), 'escalation notes are for staff');

    const dispute = await api(`/complaints/${code}/reply`, {
      method: 'POST',
      json: { text: 'Belum, lubangnya masih ada.', dispute: true },
    });
    assert.equal(dispute.status, 200);
    const reopened = (await dispute.json()) as { status: string; clock: { running: boolean; level: number } };
    assert.equal(reopened.status, 'reopened');
    assert.deepEqual([reopened.clock.running, reopened.clock.level], [true, 0]);
    // Answering a reopened complaint is allowed; verifying it again is not.
    assert.equal(
      (await problemOf(await api(`/staff/complaints/${code}/verify`, { method: 'POST', json: {}, token: VERIFIER }))).code,
      'complaint_transition',
    );
  });
});
