// A deployment that counts working days (`count: 'working_days'`): a complaint dispatched on a
// Friday afternoon before a holiday Monday escalates on Tuesday and Wednesday afternoon, not over
// the weekend; the sweep, the inbox's SLA filter, the briefing and the public clock all follow the
// dues stored at dispatch, which are core's `escalationDues` by the office's calendar.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SI_BADRA_ESCALATION, escalationDues } from '@mpp-kit/core';
import { sha256 } from '../src/crypto/hash.js';
import { freshDb } from './helpers.js';
import { startServer, type RunningServer } from '../src/server.js';
import { silentLogger } from '../src/log.js';
import type { Db } from '../src/db/types.js';

const HOUR = 3_600_000;
const VERIFIER = 'verifier-token-for-working-days-test-01';
const MAYOR = 'mayor-token-for-working-days-test-01234';
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xdb, 0, 4, 0, 0, 0xff, 0xda, 0, 4, 0, 0, 1, 2, 0xff, 0xd9]);
const POLICY = { ...SI_BADRA_ESCALATION, count: 'working_days' as const };

describe('Si Badra escalation on working days', { timeout: 120_000 }, () => {
  let db: Db;
  let drop: () => Promise<void>;
  let server: RunningServer;
  // Friday 11 December 2026, 15:00 in Bogor.
  let now = Date.parse('2026-12-11T08:00:00Z');
  const clock = { now: () => new Date(now) };
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
  const escalations = async (level: number) =>
    Number(
      (
        await db.query<{ n: number }>(`select count(*)::int as n from mail_outbox where dedupe_key like 'escalation:%:' || $1 || ':%'`, [
          String(level),
        ])
      )[0]!.n,
    );

  before(async () => {
    ({ db, drop } = await freshDb());
    server = await startServer({
      port: 0,
      db,
      seedDemo: true,
      logger: silentLogger,
      clock,
      config: { secret: 'working-days-test-secret-0123456789abcd' },
      complaints: { policy: POLICY },
      jobs: false,
    });
    await db.query(
      `insert into staff (id, name, role, agency_id, token_hash) values
        ('t-verifier', 'Verifikator', 'verifier', null, $1), ('t-mayor', 'Kantor Wali Kota', 'mayor_office', null, $2)`,
      [sha256(VERIFIER), sha256(MAYOR)],
    );
    // Monday 14 December is a holiday of the office (for this test).
    await db.query(
      `insert into holidays (office_id, date, name, kind) select id, '2026-12-14', 'Libur uji', 'holiday' from offices order by id limit 1
       on conflict do nothing`,
    );
  });

  after(async () => {
    await server?.close();
    await drop?.();
  });

  it('escalates on Tuesday and Wednesday afternoon, never over the weekend or the holiday', async () => {
    const { token } = (await (await api('/complaints/capture-tokens', { method: 'POST', json: {} })).json()) as { token: string };
    const photo = (await (
      await api('/complaints/photos', { method: 'POST', headers: { 'content-type': 'image/jpeg', 'mpp-capture-token': token }, body: JPEG })
    ).json()) as { id: string };
    const filed = await api('/complaints', {
      method: 'POST',
      json: {
        categoryId: 'air-pdam',
        text: 'Air PDAM mati sejak Jumat siang di Jl. Pajajaran.',
        address: 'Jl. Pajajaran 10',
        photoIds: [photo.id],
        privacy: 'anonim',
        email: 'warga@contoh.id',
      },
    });
    assert.equal(filed.status, 201);
    const { trackingCode: code } = (await filed.json()) as { trackingCode: string };
    // The reporter's code, from the outbox (no SMTP in this test).
    const [mail] = await db.query<{ subject: string }>(`select subject from mail_outbox where to_addr = 'warga@contoh.id'`);
    const otp = /(\d{6})/.exec(mail!.subject)![1]!;
    assert.equal((await api(`/complaints/${code}/verify-contact`, { method: 'POST', json: { code: otp } })).status, 200);
    assert.equal((await api(`/staff/complaints/${code}/dispatch`, { method: 'POST', json: {}, token: VERIFIER })).status, 200);

    const view = (await (await api(`/complaints/${code}`)).json()) as { clock: { dues: string[]; dueAt: string; level: number } };
    const expected = escalationDues(POLICY, new Date(now), {
      timeZone: 'Asia/Jakarta',
      holidays: new Set(['2026-12-14']),
    }).map((d) => d.toISOString());
    // Tuesday and Wednesday 15:00 in Bogor: the weekend and the holiday Monday do not count.
    assert.deepEqual(expected, ['2026-12-15T08:00:00.000Z', '2026-12-16T08:00:00.000Z']);
    assert.deepEqual(view.clock.dues, expected);
    assert.equal(view.clock.dueAt, expected[0]);

    const level = async (l: string) =>
      ((await (await api(`/staff/complaints?level=${l}`, { token: VERIFIER })).json()) as { items: { trackingCode: string }[] }).items.map(
        (i) => i.trackingCode,
      );
    // Sunday, and Monday (the holiday): 48 and 72 calendar hours later, still nothing.
    for (const at of ['2026-12-13T10:00:00Z', '2026-12-14T12:00:00Z']) {
      now = Date.parse(at);
      await server.built.jobs.runAll();
      assert.equal(await escalations(1), 0, `no escalation at ${at}`);
      assert.deepEqual(await level('0'), [code]);
    }
    now = Date.parse(expected[0]!) + 60_000;
    await server.built.jobs.runAll();
    assert.equal(await escalations(1), 1, "Tuesday afternoon: the agency head's mail");
    assert.equal(await escalations(2), 0);
    assert.deepEqual(await level('1'), [code]);
    now = Date.parse(expected[1]!) - HOUR;
    await server.built.jobs.runAll();
    assert.equal(await escalations(2), 0, 'not before Wednesday afternoon');
    now = Date.parse(expected[1]!) + 60_000;
    await server.built.jobs.runAll();
    await server.built.jobs.runAll();
    assert.equal(await escalations(1), 1);
    assert.equal(await escalations(2), 1, "Wednesday afternoon: the mayor's office's mail, once");
    const briefing = (await (await api('/staff/briefing', { token: MAYOR })).json()) as {
      items: { trackingCode: string; level: number }[];
    };
    assert.deepEqual(
      briefing.items.map((i) => [i.trackingCode, i.level]),
      [[code, 2]],
    );
  });
});
