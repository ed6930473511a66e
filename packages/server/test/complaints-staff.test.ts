// Si Badra's staff inbox and the verified-contact features through the real layers: the core SDK
// (citizen client and a signed-in StaffSession) over HTTP, the server, and the database (PGlite, or
// PostgreSQL with MPP_TEST_DB=postgres), time moved by the injected clock. Contact proofs (forged,
// expired), "my complaints", nearby, "saya juga" once per contact, merge, the inbox's scope, filters
// and cursor, original and redacted photos, the briefing after 48 h, idempotent photo re-upload.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ProblemError,
  StaffSession,
  createComplaintsApi,
  createHttp,
  createStaffComplaintsApi,
  CONTACT_PROOF_HEADER,
  type ComplaintsApi,
  type StaffComplaintsApi,
} from '@mpp-kit/core';
import { sha256 } from '../src/crypto/hash.js';
import { DEMO_ACCOUNTS } from '../src/auth/demo-accounts.js';
import * as repo from '../src/complaints/repository.js';
import { freshDb, problemOf } from './helpers.js';
import { startServer, type RunningServer } from '../src/server.js';
import { silentLogger } from '../src/log.js';
import type { Db } from '../src/db/types.js';

/** A small JPEG's segment structure; `salt` changes a byte of the image data. */
function jpeg(salt = 0): Uint8Array {
  const seg = (marker: number, payload: number[]) => [0xff, marker, (payload.length + 2) >> 8, (payload.length + 2) & 255, ...payload];
  const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
  return new Uint8Array([
    0xff,
    0xd8,
    ...seg(0xe0, [...ascii('JFIF'), 0, 1, 1, 0, 0, 1, 0, 1, 0, 0]),
    ...seg(0xe1, [...ascii('Exif'), 0, 0, ...ascii('GPS-SECRET')]),
    ...seg(0xdb, [0, ...new Array(64).fill(1)]),
    ...seg(0xda, [1, 1, 0, 0, 0x3f, 0]),
    0x12,
    salt & 255,
    0x56,
    0xff,
    0xd9,
  ]);
}
const blob = (b: Uint8Array) => new Blob([b as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' });

/** Kebun Raya Bogor, and points about 100 m and 1.5 km from it. */
const HERE = { lat: -6.5971, lng: 106.7991 };
const NEAR = { lat: -6.5962, lng: 106.7991 };
const FAR = { lat: -6.5836, lng: 106.7991 };

describe('Si Badra staff inbox and verified contacts (SDK → server → database)', { timeout: 180_000 }, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let server: RunningServer;
  let now = Date.parse('2026-12-07T02:00:00Z');
  const clock = { now: () => new Date(now) };
  const PUPR = 'pupr-officer-token-for-staff-test-0123456789';
  const MAYOR = 'mayor-office-token-for-staff-test-0123456789';
  let citizen: ComplaintsApi;
  const staff: Record<'verifier' | 'pdam' | 'mayor', StaffComplaintsApi> = {} as never;

  const api = (path: string, init: RequestInit & { json?: unknown; token?: string; proof?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.json !== undefined) headers.set('content-type', 'application/json');
    if (init.token) headers.set('authorization', `Bearer ${init.token}`);
    if (init.proof) headers.set(CONTACT_PROOF_HEADER, init.proof);
    return fetch(`${server.url}/api/v1${path}`, {
      ...init,
      headers,
      body: init.json !== undefined ? JSON.stringify(init.json) : init.body,
    });
  };
  const codeSentTo = async (to: string) => {
    const [m] = await db.query<{ body: string }>(`select body from mail_outbox where to_addr = $1 order by id desc limit 1`, [to]);
    return /(\d{6})/.exec(m?.body ?? '')?.[1] ?? '';
  };
  const mailsTo = async (to: string) =>
    Number((await db.query<{ n: number }>(`select count(*)::int as n from mail_outbox where to_addr = $1`, [to]))[0]!.n);
  const photo = async (salt = 0) => citizen.uploadPhoto((await citizen.captureToken()).token, blob(jpeg(salt)));
  /** Files a complaint and confirms its contact (unless `verify: false`); returns its tracking code. */
  const file = async (o: {
    email: string;
    at?: { lat: number; lng: number };
    categoryId?: string;
    privacy?: 'public' | 'anonim' | 'rahasia';
    text?: string;
    confirm?: boolean;
    proof?: string;
  }) => {
    const p = await photo();
    const r = await citizen.create(
      {
        categoryId: o.categoryId ?? 'jalan-rusak',
        text: o.text ?? 'Jalan berlubang besar di depan sekolah, berbahaya bagi pengendara motor.',
        location: { ...(o.at ?? HERE), accuracy: 12 },
        photoIds: [p.id],
        privacy: o.privacy ?? 'public',
        email: o.email,
      },
      o.proof ? { headers: { [CONTACT_PROOF_HEADER]: o.proof } } : {},
    );
    if (o.confirm !== false && !r.contactVerified) await citizen.verifyContact(r.trackingCode, await codeSentTo(o.email));
    return r.trackingCode;
  };
  const proofFor = async (email: string) => {
    const t = await citizen.requestContactCode({ email });
    return (await citizen.confirmContactCode(t.ticket, await codeSentTo(email))).proof;
  };
  const signIn = async (id: string) => {
    const a = DEMO_ACCOUNTS.find((x) => x.id === id)!;
    const session = new StaffSession({ baseUrl: `${server.url}/api/v1`, retry: 0 });
    await session.signIn(a.email, a.password);
    return createStaffComplaintsApi(session);
  };

  before(async () => {
    ({ db, drop } = await freshDb());
    server = await startServer({
      port: 0,
      db,
      seedDemo: true,
      logger: silentLogger,
      clock,
      config: { secret: 'complaints-staff-test-secret-0123456789abcdef' },
      jobs: false,
    });
    await db.query(
      `insert into staff (id, name, role, agency_id, token_hash) values
        ('t-pupr', 'Petugas PUPR', 'agency_officer', 'dinas-pupr', $1), ('t-mayor', 'Kantor Wali Kota', 'mayor_office', null, $2)`,
      [sha256(PUPR), sha256(MAYOR)],
    );
    citizen = createComplaintsApi(createHttp({ baseUrl: `${server.url}/api/v1`, retry: 0 }));
    staff.verifier = await signIn('demo-verifikator');
    staff.pdam = await signIn('demo-petugas-pdam');
    staff.mayor = await signIn('demo-kantor-walikota');
  });

  after(async () => {
    await server?.close();
    await drop?.();
  });

  it('re-uploading the same bytes with the same capture token answers the first receipt; other bytes are refused', async () => {
    const { token } = await citizen.captureToken();
    const first = await citizen.uploadPhoto(token, blob(jpeg(1)));
    const again = await citizen.uploadPhoto(token, blob(jpeg(1)));
    assert.deepEqual(again, first);
    const other = await api('/complaints/photos', {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg', 'mpp-capture-token': token },
      body: blob(jpeg(2)),
    });
    assert.equal(other.status, 409);
    assert.equal((await problemOf(other)).code, 'capture_token_used');
    assert.equal(
      Number(
        (
          await db.query<{ n: number }>(`select count(*)::int as n from complaint_photos where token_id is not null and id = $1`, [
            first.id,
          ])
        )[0]!.n,
      ),
      1,
    );
  });

  let mineCode = '';
  let secretCode = '';
  it('proves a contact with a code: a proof lists all its complaints (rahasia too), newest first; forged and expired proofs are refused', async () => {
    mineCode = await file({ email: 'siti@example.org' });
    now += 60_000;
    secretCode = await file({
      email: 'siti@example.org',
      privacy: 'rahasia',
      categoryId: 'air-pdam',
      text: 'Air PDAM keruh dan berbau sejak tiga hari.',
    });
    await file({ email: 'budi@example.org' });

    const ticket = await citizen.requestContactCode({ email: 'Siti@Example.org' });
    assert.match(ticket.ticket, /^ct_[\w-]{22}$/);
    assert.equal(ticket.contactHint, 's***@example.org');
    const code = await codeSentTo('siti@example.org');
    const wrong = await api(`/contact-codes/${ticket.ticket}/confirm`, {
      method: 'POST',
      json: { code: code === '000000' ? '111111' : '000000' },
    });
    assert.equal(wrong.status, 422);
    assert.equal((await problemOf(wrong)).code, 'verification_code_wrong');
    const proof = await citizen.confirmContactCode(ticket.ticket, code);
    assert.equal(Date.parse(proof.expiresAt) - now, 3_600_000);
    assert.doesNotMatch(proof.proof, /siti|example/i, 'the proof carries no contact');
    // Used up.
    assert.equal(
      (await problemOf(await api(`/contact-codes/${ticket.ticket}/confirm`, { method: 'POST', json: { code } }))).code,
      'contact_ticket_not_found',
    );

    const mine = await citizen.mine(proof.proof);
    assert.deepEqual(
      mine.items.map((i) => i.trackingCode),
      [secretCode, mineCode],
    );
    assert.equal(mine.items[0]!.category.id, 'air-pdam');

    // Forged: another MAC, another hash, another expiry, garbage.
    const [h, e, m] = proof.proof.split('.') as [string, string, string];
    const forged = [
      `${h}.${e}.${m.slice(0, -1)}${m.endsWith('A') ? 'B' : 'A'}`,
      `${h.slice(0, -1)}${h.endsWith('A') ? 'B' : 'A'}.${e}.${m}`,
      `${h}.${(parseInt(e, 36) + 3_600_000).toString(36)}.${m}`,
      'x',
      '',
    ];
    for (const f of forged) {
      const res = await api('/complaints/mine', { proof: f });
      assert.equal(res.status, 401, f);
      assert.equal((await problemOf(res)).code, 'contact_proof_invalid');
    }
    assert.equal((await problemOf(await api('/complaints/mine'))).code, 'contact_proof_invalid');
    // Through the SDK: a typed problem with its title (the widgets show their own words for the code).
    await assert.rejects(
      citizen.mine(forged[0]!),
      (e: unknown) => e instanceof ProblemError && e.code === 'contact_proof_invalid' && !!e.problem.title,
    );
    now += 61 * 60_000;
    const expired = await api('/complaints/mine', { proof: proof.proof });
    assert.equal(expired.status, 401);
    assert.equal((await problemOf(expired)).code, 'contact_proof_invalid');
  });

  it('refuses expired, unknown and too often wrong contact codes', async () => {
    const t = await citizen.requestContactCode({ phone: '0812-3456-7890' });
    assert.equal(t.contactHint.includes('7890'), true);
    const code = await codeSentTo('+6281234567890');
    assert.match(code, /^\d{6}$/);
    const [sms] = await db.query<{ channel: string }>(`select channel from mail_outbox where to_addr = '+6281234567890'`);
    assert.equal(sms!.channel, 'sms');
    for (let i = 0; i < 5; i++)
      assert.equal(
        (await api(`/contact-codes/${t.ticket}/confirm`, { method: 'POST', json: { code: code === '000000' ? '111111' : '000000' } }))
          .status,
        422,
      );
    const locked = await api(`/contact-codes/${t.ticket}/confirm`, { method: 'POST', json: { code } });
    assert.equal(locked.status, 429);
    assert.equal((await problemOf(locked)).code, 'verification_locked');

    const late = await citizen.requestContactCode({ email: 'late@example.org' });
    now += 16 * 60_000;
    const expired = await api(`/contact-codes/${late.ticket}/confirm`, {
      method: 'POST',
      json: { code: await codeSentTo('late@example.org') },
    });
    assert.equal(expired.status, 410);
    assert.equal((await problemOf(expired)).code, 'verification_code_expired');
    const unknown = await api(`/contact-codes/ct_${'A'.repeat(22)}/confirm`, { method: 'POST', json: { code: '123456' } });
    assert.equal(unknown.status, 404);
    assert.equal((await problemOf(unknown)).code, 'contact_ticket_not_found');
    // A day after it expired a ticket, and the contact it holds, are forgotten.
    now += 24 * 3_600_000;
    await citizen.requestContactCode({ email: 'next@example.org' });
    const kept = await db.query<{ contact: string }>(`select contact from contact_tickets`);
    assert.deepEqual(
      kept.map((k) => k.contact),
      ['next@example.org'],
    );
    // Staff sessions did not outlive the day.
    staff.verifier = await signIn('demo-verifikator');
    staff.pdam = await signIn('demo-petugas-pdam');
    staff.mayor = await signIn('demo-kantor-walikota');
    assert.equal((await problemOf(await api('/contact-codes', { method: 'POST', json: { email: 'bukan-email' } }))).code, 'email_format');
    assert.equal((await problemOf(await api('/contact-codes', { method: 'POST', json: {} }))).code, 'contact_required');
  });

  it('files a complaint already verified with a proof of the same contact, and sends no code; a proof of another contact is ignored', async () => {
    const proof = await proofFor('ani@example.org');
    const before = await mailsTo('ani@example.org');
    const code = await file({ email: 'ani@example.org', proof, confirm: false });
    assert.equal((await citizen.track(code)).contactVerified, true);
    assert.equal(await mailsTo('ani@example.org'), before, 'no code sent');
    const other = await file({ email: 'joko@example.org', proof, confirm: false });
    assert.equal((await citizen.track(other)).contactVerified, false);
    assert.equal(await mailsTo('joko@example.org'), 1, 'a code sent');
  });

  let openCode = '';
  it('lists open public complaints of the category nearby, nearest first, and counts "saya juga" once per verified contact', async () => {
    openCode = await file({ email: 'rina@example.org' });
    const received = await file({ email: 'rina@example.org', at: NEAR });
    const secret = await file({ email: 'rina@example.org', privacy: 'rahasia', at: NEAR });
    const far = await file({ email: 'rina@example.org', at: FAR });
    for (const c of [openCode, secret, far]) await staff.verifier.verify(c);

    const near = await citizen.nearby({ categoryId: 'jalan-rusak', ...NEAR });
    assert.equal(near.radiusM, 300);
    const codes = near.items.map((i) => i.trackingCode);
    assert.ok(codes.includes(openCode), 'the verified one');
    assert.ok(!codes.includes(received), 'not one still unverified');
    assert.ok(!codes.includes(secret), 'never a rahasia one');
    assert.ok(!codes.includes(far), 'not 1.5 km away');
    const hit = near.items.find((i) => i.trackingCode === openCode)!;
    assert.ok(hit.distanceM > 80 && hit.distanceM < 120, `about 100 m: ${hit.distanceM}`);
    assert.ok(
      near.items.every((i, k) => k === 0 || near.items[k - 1]!.distanceM <= i.distanceM),
      'nearest first',
    );
    assert.match(hit.photo ?? '', /^\/api\/v1\/complaints\/photos\/ph_/);
    assert.equal((await citizen.nearby({ categoryId: 'air-pdam', ...NEAR })).items.length, 0, 'another category');
    const odd = await api(`/complaints/nearby?categoryId=jalan-rusak&lat=1e3&lng=106.8`);
    assert.equal(odd.status, 400);

    const dewi = await proofFor('dewi@example.org');
    assert.deepEqual(await citizen.support(openCode, dewi), { supporters: 1, counted: true });
    assert.deepEqual(await citizen.support(openCode, dewi), { supporters: 1, counted: false });
    const rina = await proofFor('rina@example.org');
    assert.deepEqual(await citizen.support(openCode, rina), { supporters: 1, counted: false }, "the reporter's own contact");
    assert.equal((await citizen.track(openCode)).supporters, 1);
    const notOpen = await api(`/complaints/${received}/support`, { method: 'POST', json: {}, proof: dewi });
    assert.equal(notOpen.status, 409);
    assert.equal((await problemOf(notOpen)).code, 'complaint_transition');
    assert.equal(
      (await problemOf(await api(`/complaints/${openCode}/support`, { method: 'POST', json: {} }))).code,
      'contact_proof_invalid',
    );
  });

  it('merges a duplicate: rejected as duplicate with mergedInto, its reporter a supporter of the other once; bad targets refused', async () => {
    const dupA = await file({ email: 'tono@example.org', at: NEAR });
    const dupB = await file({ email: 'tono@example.org', at: NEAR });
    const desk = await staff.verifier.get(dupA);
    assert.ok(
      desk.nearby.some((n) => n.trackingCode === openCode),
      'the open one is a merge candidate',
    );
    assert.ok(!desk.nearby.some((n) => n.trackingCode === dupA), 'never itself');

    const merged = await staff.verifier.merge(dupA, { into: openCode, note: 'Sama dengan aduan sebelumnya.' });
    assert.equal(merged.status, 'rejected');
    assert.equal(merged.rejectReason, 'duplicate');
    assert.equal(merged.mergedInto, openCode);
    assert.equal((await citizen.track(openCode)).supporters, 2);
    await staff.verifier.merge(dupB, { into: openCode });
    assert.equal((await citizen.track(openCode)).supporters, 2, 'the same reporter once');
    const unverified = await file({ email: 'anon@example.org', at: NEAR, confirm: false });
    await staff.verifier.merge(unverified, { into: openCode });
    assert.equal((await citizen.track(openCode)).supporters, 2, 'an unverified contact is not a supporter');

    // The mayor's office is not the desk.
    assert.equal((await api(`/staff/complaints/${openCode}/merge`, { method: 'POST', json: { into: dupA }, token: MAYOR })).status, 403);
    const third = await file({ email: 'tono@example.org' });
    const pdamOne = await file({ email: 'tono@example.org', categoryId: 'air-pdam' });
    const v = await signInToken('verifier');
    for (const [into, why] of [
      [third, 'itself'],
      [dupA, 'a rejected one'],
      [pdamOne, 'another category'],
      ['SB-00000-00000', 'none'],
    ] as const) {
      const res = await api(`/staff/complaints/${third}/merge`, { method: 'POST', json: { into }, token: v });
      assert.equal(res.status, 422, why);
      assert.equal((await problemOf(res)).code, 'merge_target_invalid', why);
    }
    assert.equal((await citizen.track(third)).status, 'received', 'nothing half-saved');
  });

  /** A plain bearer token for a role (the pre-sign-in kind), for requests outside the SDK. */
  const tokens = new Map<string, string>();
  async function signInToken(role: 'verifier'): Promise<string> {
    const t = tokens.get(role) ?? `${role}-token-for-staff-test-${'0123456789'.repeat(3)}`;
    if (!tokens.has(role)) {
      await db.query(`insert into staff (id, name, role, agency_id, token_hash) values ($1, $1, $2, null, $3)`, [
        `t-${role}`,
        role,
        sha256(t),
      ]);
      tokens.set(role, t);
    }
    return t;
  }

  it("keeps an agency's account to its agency: get, list filter, photo, answer", async () => {
    const road = await file({ email: 'wati@example.org' });
    await staff.verifier.dispatch(road);
    const water = await file({ email: 'wati@example.org', categoryId: 'air-pdam', text: 'Pipa PDAM bocor di gang, air terbuang.' });
    await staff.verifier.dispatch(water);
    const roadView = await staff.verifier.get(road);
    const original = roadView.staffPhotos[0]!;

    // PDAM's officer on a roads complaint (Dinas PUPR).
    const pdamToken = await (async () => {
      const a = DEMO_ACCOUNTS.find((x) => x.id === 'demo-petugas-pdam')!;
      const r = await api('/staff/sign-in', { method: 'POST', json: { email: a.email, password: a.password } });
      return ((await r.json()) as { accessToken: string }).accessToken;
    })();
    const refused = [
      await api(`/staff/complaints/${road}`, { token: pdamToken }),
      await api(`/staff/complaints?agencyId=dinas-pupr`, { token: pdamToken }),
      await api(`/staff/complaints/photos/${original.id}`, { token: pdamToken }),
      await api(`/staff/complaints/${road}/answer`, { method: 'POST', json: { text: 'Sudah kami tangani.' }, token: pdamToken }),
    ];
    for (const r of refused) {
      assert.equal(r.status, 403, r.url);
      assert.equal((await problemOf(r)).code, 'forbidden');
    }
    const own = await staff.pdam.list();
    assert.ok(own.items.length > 0);
    assert.ok(
      own.items.every((i) => i.agencyId === 'pdam'),
      'only its agency',
    );
    assert.ok(own.items.some((i) => i.trackingCode === water));
    assert.equal((await staff.pdam.get(water)).agencyId, 'pdam');
    assert.equal((await staff.pdam.get(water)).contactHint, 'w***@example.org');
    // Dinas PUPR's own officer may.
    assert.equal((await api(`/staff/complaints/${road}`, { token: PUPR })).status, 200);
    assert.equal((await api(`/staff/complaints/photos/${original.id}`, { token: PUPR })).status, 200);
    // No token; a counter account (not an inbox role).
    assert.equal((await api(`/staff/complaints`)).status, 401);
    const counter = DEMO_ACCOUNTS.find((x) => x.role === 'counter')!;
    const signed = await api('/staff/sign-in', { method: 'POST', json: { email: counter.email, password: counter.password } });
    const counterToken = ((await signed.json()) as { accessToken: string }).accessToken;
    assert.equal((await api(`/staff/complaints`, { token: counterToken })).status, 403);
  });

  it('filters the inbox by status, category, agency, words and tracking code, and pages by a cursor', async () => {
    // Thirty water complaints written straight to the database (the submit limit per address is lower).
    const created: string[] = [];
    for (let i = 0; i < 30; i++) {
      now += 1000;
      const code = `SB-PAGE${'0123456789ABCDEFGHJKMNPQRSTVWXYZ'[i]}-${String(10000 + i).slice(-5)}`;
      await repo.insertComplaint(
        db,
        {
          trackingCode: code,
          categoryId: 'air-pdam',
          agencyId: 'pdam',
          text: i === 7 ? 'Meteran air macet, tagihan membengkak.' : `Air mati di blok ${i}.`,
          lat: null,
          lng: null,
          accuracy: null,
          address: `Jl. Pajajaran No. ${i}`,
          privacy: 'public',
          name: null,
          contactKind: 'email',
          contact: `p${i}@example.org`,
          contactHash: `h${i}`,
          contactVerifiedAt: null,
        },
        clock.now(),
      );
      created.push(code);
    }
    const first = await staff.verifier.list({ categoryId: 'air-pdam', status: 'received' });
    assert.equal(first.items.length, 25);
    assert.deepEqual(
      first.items.map((i) => i.trackingCode),
      created.slice(-25).reverse(),
      'newest first',
    );
    assert.ok(first.next);
    const second = await staff.verifier.list({ categoryId: 'air-pdam', status: 'received', cursor: first.next! });
    const seen = [...first.items, ...second.items].map((i) => i.trackingCode);
    assert.equal(new Set(seen).size, seen.length, 'no item twice');
    assert.ok(
      created.every((c) => seen.includes(c)),
      'none lost',
    );
    assert.equal(second.next, null);

    assert.deepEqual(
      (await staff.verifier.list({ q: 'meteran MACET' })).items.map((i) => i.trackingCode),
      [created[7]],
      'all the words, any case',
    );
    assert.deepEqual(
      (await staff.verifier.list({ q: 'pajajaran no. 29' })).items.map((i) => i.trackingCode),
      [created[29]],
      'in the address',
    );
    assert.deepEqual(
      (await staff.verifier.list({ q: created[12]!.toLowerCase() })).items.map((i) => i.trackingCode),
      [created[12]],
    );
    assert.equal((await staff.verifier.list({ q: '100%_' })).items.length, 0, 'wildcards are literal');
    assert.ok((await staff.verifier.list({ agencyId: 'dinas-pupr' })).items.every((i) => i.agencyId === 'dinas-pupr'));

    for (const cursor of ['garbage!', Buffer.from('1.0').toString('base64url'), Buffer.from("1.1' or 1=1").toString('base64url')]) {
      const res = await api(`/staff/complaints?cursor=${encodeURIComponent(cursor)}`, { token: PUPR });
      assert.equal(res.status, 400, cursor);
      assert.equal((await problemOf(res)).code, 'validation_failed');
    }
  });

  it('after 24 h a dispatched complaint is at level 1, after 48 h at level 2 and on the briefing', async () => {
    const late = await file({ email: 'eko@example.org', categoryId: 'air-pdam', text: 'Air PDAM tidak mengalir sama sekali sejak pagi.' });
    await staff.verifier.dispatch(late);
    const level = async (l: '0' | '1' | '2') => (await staff.verifier.list({ level: l })).items.map((i) => i.trackingCode);
    assert.ok((await level('0')).includes(late));
    now += 25 * 3_600_000;
    const verifier = await signInToken('verifier');
    const list = async (l: string) =>
      ((await (await api(`/staff/complaints?level=${l}`, { token: verifier })).json()) as { items: { trackingCode: string }[] }).items.map(
        (i) => i.trackingCode,
      );
    assert.ok((await list('1')).includes(late));
    assert.ok(!(await list('0')).includes(late));
    const early = (await (await api('/staff/briefing', { token: MAYOR })).json()) as { items: { trackingCode: string }[] };
    assert.ok(!early.items.some((i) => i.trackingCode === late), 'not on the briefing at level 1');
    const l1 = (await (await api('/staff/briefing?minLevel=1', { token: MAYOR })).json()) as {
      minLevel: number;
      items: { trackingCode: string }[];
    };
    assert.equal(l1.minLevel, 1);
    assert.ok(l1.items.some((i) => i.trackingCode === late));

    now += 24 * 3_600_000;
    assert.ok((await list('2')).includes(late));
    const res = await api('/staff/briefing', { token: MAYOR });
    assert.equal(res.status, 200);
    const report = (await res.json()) as {
      minLevel: number;
      generatedAt: string;
      items: Array<{ trackingCode: string; level: number; hoursOpen: number; agencyId: string }>;
    };
    assert.equal(report.minLevel, 2);
    assert.equal(report.generatedAt, new Date(now).toISOString());
    const item = report.items.find((i) => i.trackingCode === late)!;
    assert.deepEqual(
      { level: item.level, hoursOpen: item.hoursOpen, agencyId: item.agencyId },
      { level: 2, hoursOpen: 49, agencyId: 'pdam' },
    );
    // Only the mayor's office and the city's admins.
    assert.equal((await api('/staff/briefing', { token: PUPR })).status, 403);
    assert.equal((await api('/staff/briefing', { token: verifier })).status, 403);
  });

  it('a redacted copy replaces the original for the public; staff still get the original', async () => {
    // Fresh sessions: the clock moved two days.
    staff.verifier = await signIn('demo-verifikator');
    staff.mayor = await signIn('demo-kantor-walikota');
    const code = await file({ email: 'lina@example.org' });
    const desk = await staff.verifier.get(code);
    const original = desk.staffPhotos[0]!;
    assert.equal(original.redactedId, null);
    const originalBytes = new Uint8Array(await (await staff.verifier.originalPhoto(original.id)).arrayBuffer());
    const first = await api(`/complaints/photos/${original.id}`);
    assert.equal(first.status, 200);
    // Browsers revalidate every view: a 304 while the photo is public, so a withdrawn one stops showing.
    assert.equal(first.headers.get('cache-control'), 'private, no-cache');
    const etag = first.headers.get('etag')!;
    assert.equal((await api(`/complaints/photos/${original.id}`, { headers: { 'if-none-match': etag } })).status, 304);

    // Not the mayor's office, not an image.
    const mayorTry = await api(`/staff/complaints/${code}/photos/${original.id}/redaction`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg' },
      body: blob(jpeg(9)),
      token: MAYOR,
    });
    assert.equal(mayorTry.status, 403);
    const v = await signInToken('verifier');
    const notImage = await api(`/staff/complaints/${code}/photos/${original.id}/redaction`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg' },
      body: '<svg onload=alert(1)>',
      token: v,
    });
    assert.equal(notImage.status, 415);
    const otherPhoto = await api(`/staff/complaints/${openCode}/photos/${original.id}/redaction`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg' },
      body: blob(jpeg(9)),
      token: v,
    });
    assert.equal(otherPhoto.status, 404, 'a photo of another complaint');
    assert.equal((await problemOf(otherPhoto)).code, 'photo_not_found');

    const copy = await staff.verifier.redactPhoto(code, original.id, blob(jpeg(9)));
    assert.notEqual(copy.id, original.id);
    const pub = await citizen.track(code);
    assert.deepEqual(pub.photos, [`/api/v1/complaints/photos/${copy.id}`]);
    const gone = await api(`/complaints/photos/${original.id}`);
    assert.equal(gone.status, 404);
    assert.equal(
      (await api(`/complaints/photos/${original.id}`, { headers: { 'if-none-match': etag } })).status,
      404,
      'not even revalidated',
    );
    assert.equal((await problemOf(gone)).code, 'photo_not_found');
    const served = await api(`/complaints/photos/${copy.id}`);
    assert.equal(served.status, 200);
    assert.ok(!Buffer.from(await served.arrayBuffer()).includes(Buffer.from('GPS-SECRET')), 'metadata stripped');
    const after = await staff.verifier.get(code);
    assert.deepEqual(after.staffPhotos, [
      { id: original.id, role: 'report', originalUrl: `/api/v1/staff/complaints/photos/${original.id}`, redactedId: copy.id },
    ]);
    assert.deepEqual(new Uint8Array(await (await staff.verifier.originalPhoto(original.id)).arrayBuffer()), originalBytes);
    assert.ok(!pub.timeline.some((e) => e.note?.includes(original.id)), 'the redaction is not a public timeline entry');
    // A second, better redaction: the first copy is withdrawn too.
    const better = await staff.verifier.redactPhoto(code, original.id, blob(jpeg(10)));
    assert.deepEqual((await citizen.track(code)).photos, [`/api/v1/complaints/photos/${better.id}`]);
    assert.equal((await api(`/complaints/photos/${copy.id}`)).status, 404);
    assert.equal((await api(`/complaints/photos/${better.id}`)).status, 200);
    // The nearby and "mine" cards show the current copy too.
    const lina = await proofFor('lina@example.org');
    assert.equal((await citizen.mine(lina)).items[0]!.photo, `/api/v1/complaints/photos/${better.id}`);
  });
});

describe('the SMS sender is an interface chosen when the server is built', { timeout: 60_000 }, () => {
  it('sends a phone code through the given SmsSender, and e-mail through the mail transport', async () => {
    const { db, drop } = await freshDb();
    const sms: Array<{ to: string; body: string }> = [];
    const mails: string[] = [];
    const server = await startServer({
      port: 0,
      db,
      seedDemo: true,
      logger: silentLogger,
      config: { secret: 'sms-sender-test-secret-0123456789abcdef' },
      jobs: false,
      complaints: {
        sms: { kind: 'test-gateway', send: async (to, body) => void sms.push({ to, body }) },
        mail: { kind: 'smtp', send: async (m) => void mails.push(`${m.channel}:${m.to}`) },
      },
    });
    try {
      const citizen = createComplaintsApi(createHttp({ baseUrl: `${server.url}/api/v1`, retry: 0 }));
      await citizen.requestContactCode({ phone: '0812 3456 7890' });
      await citizen.requestContactCode({ email: 'siti@example.org' });
      await server.built.jobs.runAll();
      assert.equal(sms.length, 1);
      assert.equal(sms[0]!.to, '+6281234567890');
      assert.match(sms[0]!.body, /^Kode untuk membuktikan kontak Anda di Si Badra: \d{6} .*\nYour Si Badra code/);
      assert.deepEqual(mails, ['email:siti@example.org'], 'the SMS never goes over the mail transport');
      const unsent = await db.query(`select 1 from mail_outbox where sent_at is null`);
      assert.equal(unsent.length, 0);
    } finally {
      await server.close();
      await drop();
    }
  });
});
