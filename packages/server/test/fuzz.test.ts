/**
 * The fuzz test: a few thousand hostile requests generated with fast-check from the contract
 * (`ROUTES` in core), sent over real HTTP to a real server on PGlite with the Bogor demo.
 *
 * Every route, valid and mutated inputs: bad JSON, wrong types, huge and odd strings (NUL, lone
 * surrogates, bidi controls, 100 KB), impossible and far dates, odd ids (`0x10`, `-1`, `1e3`,
 * unicode, path traversal), wrong and missing content types, Idempotency-Keys reused with other
 * bodies, staff routes with and without tokens; plus raw HTTP the fetch API cannot send (bad
 * framing, huge headers, unknown methods).
 *
 * It holds when: no response is >= 500; every 4xx is `application/problem+json` with a `code`
 * from `PROBLEM_CODES` and a matching `status`; no request is logged as a 5xx; and afterwards
 * the server answers /healthz and takes an honest booking.
 *
 * The seed is printed; `MPP_FUZZ_SEED=<n>` replays a run, `MPP_FUZZ_RUNS=<n>` changes its size.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect } from 'node:net';
import fc from 'fast-check';
import * as z from 'zod/mini';
import { Availability, CaptureToken, PROBLEM_CODES, ROUTES, StaffTokens, Ticket, type RouteSpec } from '@mpp-kit/core';
import { DB_KIND, testServer } from './helpers.js';
import { createLogger } from '../src/log.js';
import { DEMO_ACCOUNTS } from '../src/auth/demo-accounts.js';

const SEED = Number(process.env.MPP_FUZZ_SEED ?? 20_261_123);
const RUNS = Number(process.env.MPP_FUZZ_RUNS ?? 4000);
/** Requests in flight at once: bursts reach the booking coalescer together, as a rush does. */
const CONCURRENCY = 8;
const ADMIN = 'fuzz-admin-token';
// Monday 23 November 2026, 09:00 in Jakarta: the office is open, the booking window is wide.
const NOW = Date.parse('2026-11-23T02:00:00Z');
const KNOWN_CODES = new Set<string>(PROBLEM_CODES);
/** The demo account the sign-in requests aim at (the others stay usable for the check afterwards). */
const FUZZ_ACCOUNT = DEMO_ACCOUNTS.find((a) => a.role === 'verifier')!;
const AFTER_ACCOUNT = DEMO_ACCOUNTS.find((a) => a.role === 'city_admin')!;

interface Req {
  label: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

interface Fixtures {
  slotIds: string[];
  code: string;
  phone: string;
  queueId: string;
  /** A staff session's tokens (the sign-in, refresh and sign-out routes). */
  accessToken: string;
  refreshToken: string;
  /** A complaint's tracking code. */
  complaint: string;
  /** Its photo's id. */
  photoId: string;
  /** A valid contact proof (`Mpp-Contact-Proof`) and a pending contact code ticket. */
  proof: string;
  ticket: string;
}

// --- odd values -------------------------------------------------------------------------------

const HUGE = 'a'.repeat(100_000);
const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'Siti\u0000Aminah',
  '\ud800',
  'Siti\udfff',
  '\u202eAminah',
  'Siti\u2066x\u2069',
  '\u001b[31m',
  '\u0085',
  '\ufeff',
  '\uffff',
  '😀',
  'Ａｍｉｎａｈ',
  "'; drop table bookings; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  '3271011708450001',
  '1111111111111111',
  '0x10',
  '-1',
  '1e3',
  'null',
  HUGE,
  `${'x'.repeat(70_000)}\u0000`,
];
const ODD_DATES = [
  '2026-02-30',
  '2026-13-01',
  '0000-01-01',
  '9999-12-31',
  '1999-12-31',
  '2101-01-01',
  '2026-11-23',
  '2026-11-24',
  '2100-12-31',
  '2026-1-1',
  '20261123',
  '2026-11-23T00:00:00Z',
  '+002026-11-23',
  '２０２６-11-23',
  '',
];
const ODD_IDS = [
  '0x10',
  '-1',
  '1e3',
  '01',
  '+1',
  ' 1',
  '1.5',
  '0',
  '1',
  '16',
  '2147483648',
  '99999999999999999999',
  'NaN',
  'disdukcapil',
  'DISDUKCAPIL',
  'disdukcapil.B',
  'disdukcapil.b',
  'dísdukcapil',
  '😀',
  '..',
  '../..',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  'a'.repeat(300),
  'ABCD-EFGH',
  'abcd-efgh',
  'XXXX-XXXX',
];

const oddString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom('\u0000', '\ud800', '\u202e', 'a', ' ', '\n'), maxLength: 20 }) },
);
const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: oddString },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1e308, Number.MAX_SAFE_INTEGER + 2, 0.5) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.array(fc.string(), { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }), { maxKeys: 3 }) },
);
/** A header value fetch will send (visible ASCII, space and tab: undici refuses the rest before sending). */
const headerValue = fc.oneof(
  fc.constantFrom('', ' ', 'x'.repeat(8_000), '\tx\t', '0x10', '-1', '1e3', '../..', 'null', '"W/\\"x\\""'),
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 30 }),
);

const valid16 = fc.integer({ min: 1, max: 99_999 }).map((n) => `32710101019${String(n).padStart(5, '0')}`);
const validPhone = fc.integer({ min: 0, max: 99_999_999 }).map((n) => `0812${String(n).padStart(8, '0')}`);

// --- requests from the contract ------------------------------------------------------------------

/** A valid example of each route's inputs, built around the live fixtures. */
function examples(f: Fixtures) {
  const slot = fc.constantFrom(...f.slotIds);
  const phone = fc.oneof(fc.constant(f.phone), validPhone);
  const ex: Record<
    string,
    {
      params?: fc.Arbitrary<Record<string, string>>;
      query?: fc.Arbitrary<Record<string, string>>;
      body?: fc.Arbitrary<Record<string, unknown>>;
    }
  > = {
    getAgency: { params: fc.record({ id: fc.constantFrom('disdukcapil', 'imigrasi', 'nope') }) },
    listServices: {
      query: fc.record(
        { agency: fc.constantFrom('disdukcapil', 'pdam'), limit: fc.constantFrom('10', '500'), offset: fc.constantFrom('0', '20') },
        { requiredKeys: [] },
      ),
    },
    getService: { params: fc.record({ id: fc.constantFrom('disdukcapil-ktp-el', 'imigrasi-paspor-elektronik') }) },
    getAvailability: {
      params: fc.record({ id: fc.constantFrom('disdukcapil-ktp-el', 'polresta-skck') }),
      query: fc.record({ from: fc.constantFrom('2026-11-23', '2026-12-01'), days: fc.constantFrom('1', '14', '62') }, { requiredKeys: [] }),
    },
    createBooking: {
      body: fc.record({
        serviceId: fc.constant('disdukcapil-ktp-el'),
        slotId: slot,
        name: fc.constantFrom('Siti Aminah', 'Budi Santoso'),
        nik: valid16,
        phone: validPhone,
        email: fc.constantFrom('siti@contoh.id', null),
      }),
    },
    lookupBooking: { params: fc.record({ code: fc.constant(f.code) }), body: fc.record({ phone }) },
    cancelBooking: { params: fc.record({ code: fc.constant(f.code) }), body: fc.record({ phone: validPhone }) },
    rescheduleBooking: { params: fc.record({ code: fc.constant(f.code) }), body: fc.record({ phone, slotId: slot }) },
    getPosition: { params: fc.record({ code: fc.constant(f.code) }) },
    getQueue: {
      params: fc.record({ queueId: fc.constant(f.queueId) }),
      query: fc.record({ date: fc.constantFrom('2026-11-23', '2026-11-24') }, { requiredKeys: [] }),
    },
    queueEvents: {
      params: fc.record({ queueId: fc.constant(f.queueId) }),
      query: fc.record({ date: fc.constant('2026-11-23'), lastEventId: fc.constantFrom('0', '5') }, { requiredKeys: [] }),
    },
    callNext: {
      params: fc.record({ queueId: fc.constant(f.queueId) }),
      body: fc.record({ counter: fc.constantFrom('Loket 1', 'Loket 2') }),
    },
    listHolidays: { query: fc.record({ from: fc.constant('2026-11-01'), to: fc.constant('2026-12-31') }, { requiredKeys: [] }) },
    createHoliday: {
      body: fc.record(
        {
          date: fc.constantFrom('2026-12-28', '2026-12-29', '2026-12-30'),
          name: fc.constantFrom('Penutupan', 'Libur khusus'),
          kind: fc.constantFrom('holiday', 'cuti_bersama', 'closure'),
          agencyId: fc.constantFrom(null, 'disdukcapil', 'imigrasi'),
          serviceId: fc.constantFrom(null, 'disdukcapil-ktp-el', 'imigrasi-paspor-elektronik'),
        },
        { requiredKeys: ['date', 'name', 'kind'] },
      ),
    },
    deleteHoliday: { params: fc.record({ id: fc.constantFrom('1', '2', '16', '999') }) },
    staffSignIn: {
      body: fc.record({
        email: fc.constantFrom(FUZZ_ACCOUNT.email, FUZZ_ACCOUNT.email.toUpperCase(), 'tidak.ada@demo.mpp-kit.id', 'admin'),
        password: fc.constantFrom(FUZZ_ACCOUNT.password, 'salah', ''),
      }),
    },
    staffRefresh: { body: fc.record({ refreshToken: fc.constantFrom(f.refreshToken, 'A'.repeat(43), 'abc') }) },
    staffSignOut: { body: fc.constant({}) },
    // Si Badra: tracking codes of the right shape (mostly unknown), photo ids, the complaint body.
    getComplaintPhoto: { params: fc.record({ id: fc.constantFrom('ph_AAAAAAAAAAAAAAAAAAAAAA', 'ph_../../etc/passwd') }) },
    createComplaint: {
      body: fc.record(
        {
          categoryId: fc.constantFrom('jalan-rusak', 'air-pdam', 'nope'),
          text: fc.constantFrom(
            'Jalan berlubang di depan sekolah.',
            '<img src=x onerror=alert(1)> jalan rusak',
            '{{constructor.constructor("alert(1)")()}}',
          ),
          location: fc.constantFrom(
            { lat: -6.59, lng: 106.8, accuracy: 10 },
            { lat: 91, lng: 0, accuracy: 1 },
            { lat: -6.2, lng: 106.8, accuracy: 5 },
            null,
          ),
          address: fc.constantFrom('Jl. Pajajaran', null),
          photoIds: fc.constantFrom(['ph_AAAAAAAAAAAAAAAAAAAAAA'], [], ['x']),
          privacy: fc.constantFrom('public', 'anonim', 'rahasia', 'semua'),
          name: fc.constantFrom('Siti', null),
          email: fc.constantFrom('siti@contoh.id', 'bukan-email', null),
          phone: fc.constantFrom('0812-3456-7890', '021555', null),
        },
        { requiredKeys: ['categoryId', 'text', 'photoIds', 'privacy'] },
      ),
    },
    ...Object.fromEntries(
      ['getComplaint', 'resendComplaintCode', 'verifyComplaint'].map((n) => [
        n,
        { params: fc.record({ code: fc.constantFrom(f.complaint, 'SB-7K3MQ-9XD2F') }) },
      ]),
    ),
    verifyComplaintContact: {
      params: fc.record({ code: fc.constantFrom(f.complaint, 'SB-7K3MQ-9XD2F') }),
      body: fc.record({ code: fc.constantFrom('123456', '12345', 'abcdef') }),
    },
    replyToComplaint: {
      params: fc.record({ code: fc.constantFrom(f.complaint, 'SB-7K3MQ-9XD2F') }),
      body: fc.record({ text: fc.constantFrom('Belum selesai.', ''), dispute: fc.boolean() }),
    },
    rejectComplaint: {
      params: fc.record({ code: fc.constantFrom(f.complaint, 'SB-7K3MQ-9XD2F') }),
      body: fc.record({ reason: fc.constantFrom('hoax', 'duplicate', 'bohong'), note: fc.constantFrom('Foto lama.', null) }),
    },
    dispatchComplaint: {
      params: fc.record({ code: fc.constantFrom(f.complaint, 'SB-7K3MQ-9XD2F') }),
      body: fc.record({ agencyId: fc.constantFrom('dinas-pupr', 'nope') }, { requiredKeys: [] }),
    },
    mergeComplaint: {
      params: fc.record({ code: fc.constantFrom(f.complaint, 'SB-7K3MQ-9XD2F') }),
      body: fc.record(
        {
          into: fc.constantFrom(f.complaint, 'SB-7K3MQ-9XD2F', 'sb 7k3mq 9xd2f'),
          note: fc.constantFrom('Sama.', null, '<svg/onload=alert(1)>'),
        },
        { requiredKeys: ['into'] },
      ),
    },
    listStaffComplaints: {
      query: fc.record(
        {
          status: fc.constantFrom('received', 'dispatched', 'semua'),
          categoryId: fc.constantFrom('jalan-rusak', 'air-pdam', 'nope'),
          agencyId: fc.constantFrom('pdam', 'dinas-pupr', 'nope'),
          level: fc.constantFrom('0', '1', '2', '3'),
          q: fc.constantFrom('lubang', f.complaint, '100%_', '"><script>alert(1)</script>', "' or 1=1 --"),
          // Forged cursors: garbage, base64url of SQL, of huge numbers, of a valid-looking position.
          cursor: fc.constantFrom(
            'x',
            Buffer.from("1.1' or 1=1").toString('base64url'),
            Buffer.from('99999999999999999.1').toString('base64url'),
            Buffer.from('1700000000000.99999999999999999999').toString('base64url'),
            Buffer.from('1700000000000.5').toString('base64url'),
          ),
        },
        { requiredKeys: [] },
      ),
    },
    getStaffComplaint: { params: fc.record({ code: fc.constantFrom(f.complaint, 'SB-7K3MQ-9XD2F') }) },
    getStaffComplaintPhoto: { params: fc.record({ id: fc.constantFrom(f.photoId, 'ph_AAAAAAAAAAAAAAAAAAAAAA') }) },
    redactComplaintPhoto: {
      params: fc.record({
        code: fc.constantFrom(f.complaint, 'SB-7K3MQ-9XD2F'),
        id: fc.constantFrom(f.photoId, 'ph_AAAAAAAAAAAAAAAAAAAAAA'),
      }),
    },
    getBriefing: { query: fc.record({ minLevel: fc.constantFrom('1', '2', '3', '-1') }, { requiredKeys: [] }) },
    requestContactCode: {
      body: fc.record(
        { email: fc.constantFrom('siti@contoh.id', 'bukan-email', null), phone: fc.constantFrom('0812-3456-7890', '021555', null) },
        { requiredKeys: [] },
      ),
    },
    confirmContactCode: {
      params: fc.record({ ticket: fc.constantFrom(f.ticket, `ct_${'A'.repeat(22)}`, 'ct_x') }),
      body: fc.record({ code: fc.constantFrom('123456', '000000', '12345', 'abcdef') }),
    },
    listNearbyComplaints: {
      query: fc.record({
        categoryId: fc.constantFrom('jalan-rusak', 'air-pdam', 'nope'),
        lat: fc.constantFrom('-6.5971', '-90', '90.0000001', '1e3', '-6,59', 'NaN', ' -6.5'),
        lng: fc.constantFrom('106.7991', '180', '-180.5', '0x10', 'Infinity'),
      }),
    },
    supportComplaint: { params: fc.record({ code: fc.constantFrom(f.complaint, 'SB-7K3MQ-9XD2F') }) },
    answerComplaint: {
      params: fc.record({ code: fc.constantFrom(f.complaint, 'SB-7K3MQ-9XD2F') }),
      body: fc.record(
        { text: fc.constantFrom('Sudah ditambal.'), photoIds: fc.constantFrom([], ['ph_AAAAAAAAAAAAAAAAAAAAAA']), resolve: fc.boolean() },
        { requiredKeys: ['text'] },
      ),
    },
  };
  return ex;
}

/** With some probability, replaces, drops or adds one field of a valid object (`keys`: the schema's, besides the example's own). */
function mutate(valid: fc.Arbitrary<Record<string, unknown>>, value: fc.Arbitrary<unknown>, keys: string[]) {
  const pick = (v: Record<string, unknown>, i: number) => {
    const pool = [...new Set([...Object.keys(v), ...keys])];
    return pool.length ? pool[i % pool.length]! : 'x';
  };
  return fc.oneof(
    { weight: 3, arbitrary: valid },
    { weight: 5, arbitrary: fc.tuple(valid, fc.nat(), value).map(([v, i, x]) => ({ ...v, [pick(v, i)]: x })) },
    {
      weight: 1,
      arbitrary: fc.tuple(valid, fc.nat()).map(([v, i]) => {
        const { [pick(v, i)]: _drop, ...rest } = v;
        return rest;
      }),
    },
    { weight: 1, arbitrary: fc.tuple(valid, fc.string({ maxLength: 8 }), value).map(([v, k, x]) => ({ ...v, [k]: x })) },
  );
}

/** The keys of an object schema of the contract. */
const shapeKeys = (schema: unknown): string[] => {
  const shape = (schema as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def?.shape;
  return shape ? Object.keys(shape) : [];
};

/** Query and path values are strings: odd strings, odd dates and odd ids. */
const oddParam = fc.oneof(fc.constantFrom(...ODD_IDS), fc.constantFrom(...ODD_DATES), oddString);

const rawBodies = fc.constantFrom(
  '',
  '{',
  '{"serviceId":',
  'nul',
  '[]',
  '"text"',
  '1',
  'null',
  '\u0000',
  '\ufeff{}',
  '{"a":1,"a":2}',
  '{"__proto__":{"admin":true}}',
  '{"constructor":{"prototype":{"x":1}}}',
  `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
  `{"name":"${'\\u0000'.repeat(1000)}"}`,
  `{"name":"\\ud800"}`,
  JSON.stringify({ name: HUGE }),
);

const contentTypes = fc.oneof(
  { weight: 12, arbitrary: fc.constant('application/json') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
      'application/json; charset=latin1',
      'application/merge-patch+json',
      'APPLICATION/JSON',
      'application/jsonx',
      '',
    ),
  },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const authHeader = fc.oneof(
  { weight: 3, arbitrary: fc.constant(`Bearer ${ADMIN}`) },
  { weight: 1, arbitrary: fc.constant(undefined) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'Bearer nope',
      'Bearer',
      'Basic YWRtaW46YWRtaW4=',
      `Bearer ${ADMIN} extra`,
      `bearer ${ADMIN}`,
      `Bearer ${'x'.repeat(4000)}`,
    ),
  },
  { weight: 1, arbitrary: headerValue },
);

const idempotencyKey = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('fuzz-key-1', 'fuzz-key-2', 'fuzz-key-3') }, // reused with other bodies
  { weight: 2, arbitrary: fc.uuid() },
  { weight: 1, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: headerValue },
);

/** `encodeURIComponent`, except that a lone surrogate becomes its raw (invalid UTF-8) bytes, `%ED%A0%80`. */
function encodeOdd(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[^]/gu, (ch) => {
    const c = ch.charCodeAt(0);
    if (ch.length === 1 && c >= 0xd800 && c <= 0xdfff)
      return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    return encodeURIComponent(ch);
  });
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'options', 'head'] as const;

/** `Mpp-Contact-Proof`: the valid one, and forged ones (another MAC, another expiry, another hash, garbage). */
function proofHeader(valid: string): fc.Arbitrary<string | undefined> {
  const [h, e, m] = valid.split('.') as [string, string, string];
  const flip = (x: string) => `${x.slice(0, -1)}${x.endsWith('A') ? 'B' : 'A'}`;
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant(valid) },
    { weight: 1, arbitrary: fc.constant(undefined) },
    {
      weight: 3,
      arbitrary: fc.constantFrom(
        `${h}.${e}.${flip(m)}`,
        `${flip(h)}.${e}.${m}`,
        `${h}.${(parseInt(e, 36) * 2).toString(36)}.${m}`,
        `${h}.zzzzzzzzzzz.${m}`,
        `${h}.${e}`,
        `${valid}.${m}`,
        'x'.repeat(8_000),
      ),
    },
    { weight: 1, arbitrary: headerValue },
  );
}

function requestArb(f: Fixtures): fc.Arbitrary<Req> {
  const ex = examples(f);
  const perRoute = Object.entries(ROUTES as Record<string, RouteSpec>).map(([name, route]) => {
    const e = ex[name] ?? {};
    const paramKeys = shapeKeys(route.params);
    const queryKeys = shapeKeys(route.query);
    const params = e.params ? mutate(e.params, oddParam, paramKeys) : fc.constant({} as Record<string, unknown>);
    const query = e.query
      ? fc.oneof(mutate(e.query, oddParam, queryKeys), fc.constant({}))
      : fc.oneof(
          { weight: 5, arbitrary: fc.constant({}) },
          { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('date', 'from', 'limit', 'x'), oddParam, { maxKeys: 2 }) },
        );
    const body = e.body
      ? fc.oneof(
          {
            weight: 8,
            arbitrary: mutate(
              e.body,
              oddValue,
              Object.keys(route.body && 'def' in route.body ? ((route.body as z.ZodMiniObject).def.shape ?? {}) : {}),
            ).map((b) => JSON.stringify(b)),
          },
          { weight: 1, arbitrary: rawBodies },
          { weight: 1, arbitrary: oddValue.map((v) => JSON.stringify(v) ?? 'undefined') },
        )
      : fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: rawBodies });
    return fc
      .record({
        method: fc.oneof(
          { weight: 12, arbitrary: fc.constant(route.method as string) },
          { weight: 1, arbitrary: fc.constantFrom(...METHODS) },
        ),
        params,
        query,
        repeatQuery: fc.boolean(),
        body,
        contentType: ['redactComplaintPhoto', 'uploadComplaintPhoto'].includes(name)
          ? fc.oneof(fc.constantFrom('image/jpeg', 'image/png', 'image/webp', 'image/svg+xml'), contentTypes)
          : contentTypes,
        auth: route.staff
          ? name.startsWith('staff') || /\/staff\/(complaints|briefing)/.test(route.path)
            ? fc.oneof(authHeader, fc.constant(`Bearer ${f.accessToken}`))
            : authHeader
          : fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: authHeader }),
        idem: route.idempotent ? idempotencyKey : fc.constant(undefined),
        proof: ['listMyComplaints', 'supportComplaint', 'createComplaint'].includes(name) ? proofHeader(f.proof) : fc.constant(undefined),
        lastEventId: route.sse ? fc.oneof(fc.constant(undefined), headerValue) : fc.constant(undefined),
        ifNoneMatch: route.etag ? fc.oneof(fc.constant(undefined), headerValue) : fc.constant(undefined),
        encodeParams: fc.oneof({ weight: 9, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      })
      .map((r): Req => {
        let path = route.path.replace(/\{(\w+)\}/g, (_, k: string) => {
          const v = r.params[k];
          const s = typeof v === 'string' ? v : String(v);
          return r.encodeParams ? encodeOdd(s) : s;
        });
        const qs: string[] = [];
        for (const [k, v] of Object.entries(r.query)) {
          qs.push(`${encodeOdd(k)}=${encodeOdd(typeof v === 'string' ? v : String(v))}`);
          if (r.repeatQuery) qs.push(`${encodeOdd(k)}=2026-11-24`);
        }
        if (qs.length) path += `?${qs.join('&')}`;
        const headers: Record<string, string> = {};
        const method = r.method.toUpperCase();
        const hasBody = r.body !== undefined && !['GET', 'HEAD'].includes(method);
        if (hasBody && r.contentType !== undefined) headers['content-type'] = r.contentType;
        if (r.auth !== undefined) headers.authorization = r.auth;
        if (r.idem !== undefined) headers['idempotency-key'] = r.idem;
        if (r.proof !== undefined) headers['mpp-contact-proof'] = r.proof;
        if (r.lastEventId !== undefined) headers['last-event-id'] = r.lastEventId;
        if (r.ifNoneMatch !== undefined) headers['if-none-match'] = r.ifNoneMatch;
        if (method === 'OPTIONS' && r.auth === undefined) {
          headers.origin = 'https://contoh.go.id';
          headers['access-control-request-method'] = 'POST';
        }
        return { label: name, method, path, headers, body: hasBody ? r.body : undefined };
      });
  });
  const unknownRoute = fc
    .record({
      method: fc.constantFrom(...METHODS),
      path: fc.constantFrom(
        '/',
        '/api',
        '/api/v1',
        '/api/v2/agencies',
        '/api/v1/agencies/',
        '/api/v1/%00',
        '/api/v1/agencies/%2e%2e',
        '/api/v1//agencies',
        '/healthz/x',
        '/api/v1/staff/holidays',
        '/api/v1/bookings/ABCD-EFGH',
      ),
    })
    .map(({ method, path }): Req => ({ label: 'unknown', method: method.toUpperCase(), path, headers: {} }));
  return fc.oneof({ weight: 15, arbitrary: fc.oneof(...perRoute) }, { weight: 1, arbitrary: unknownRoute });
}

// --- raw HTTP the fetch API cannot send ----------------------------------------------------------

const RAW: { label: string; data: string }[] = [
  { label: 'raw: unknown method', data: 'BREW /api/v1/agencies HTTP/1.1\r\nHost: x\r\n\r\n' },
  { label: 'raw: header too large', data: `GET /api/v1/agencies HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(70_000)}\r\n\r\n` },
  {
    label: 'raw: bad framing',
    data: 'GET /api/v1/agencies HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
  },
  {
    label: 'raw: bad chunk',
    data: 'POST /api/v1/bookings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n',
  },
  { label: 'raw: garbage', data: '\u0000\u0001\u0002 nonsense\r\n\r\n' },
  { label: 'raw: path traversal', data: 'GET /api/v1/../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n' },
  { label: 'raw: NUL in path', data: 'GET /api/v1/agencies/\u0000 HTTP/1.1\r\nHost: x\r\n\r\n' },
  { label: 'raw: absolute-form target', data: 'GET http://evil.example/api/v1/agencies HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n' },
  {
    label: 'raw: bad content-length',
    data: 'POST /api/v1/bookings HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: -5\r\n\r\n',
  },
];

/** Sends raw bytes and returns the status line's code and headers of the first response (or null if the server just closed). */
function rawRequest(port: number, data: string): Promise<{ status: number; contentType: string; body: string } | null> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error('raw request: no answer within 5 s'));
    }, 5_000);
    socket.on('data', (chunk) => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = received.slice(0, end);
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? NaN);
      if (Number.isFinite(length) && received.length < end + 4 + length) return;
      clearTimeout(timer);
      socket.destroy();
      resolve({
        status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1] ?? 0),
        contentType: /\r\ncontent-type:\s*([^\r]*)/i.exec(head)?.[1] ?? '',
        body: Number.isFinite(length) ? received.slice(end + 4, end + 4 + length) : received.slice(end + 4),
      });
    });
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(received ? null : null);
    });
    socket.write(data, 'latin1');
  });
}

/** A JSON request from another loopback address: another client, with its own abuse limits. */
function fromOtherClient(url: string, method: string, body: unknown, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const data = JSON.stringify(body);
    const headersOut = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(data)), ...headers };
    const req = request(url, { method, localAddress: '127.0.0.2', headers: headersOut }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

// --- the run ------------------------------------------------------------------------------------

describe(`fuzz on ${DB_KIND} (seed ${SEED}, ${RUNS} requests)`, { timeout: 240_000 }, () => {
  let srv: Awaited<ReturnType<typeof testServer>>;
  const logged5xx: string[] = [];
  /** Distinct failures: one example request per kind of failure. */
  const failures = new Map<string, string>();
  let fixtures: Fixtures;

  const fail = (kind: string, req: Req, detail: string) => {
    if (failures.has(kind)) return;
    const body =
      req.body === undefined
        ? ''
        : ` body=${JSON.stringify(req.body.length > 300 ? `${req.body.slice(0, 300)}… (${req.body.length} chars)` : req.body)}`;
    const headers = JSON.stringify(
      Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, v.length > 80 ? `${v.slice(0, 80)}…` : v])),
    );
    failures.set(
      kind,
      `${req.method} ${req.path.length > 300 ? `${req.path.slice(0, 300)}…` : req.path} headers=${headers}${body}\n      → ${detail}`,
    );
  };

  before(async () => {
    console.log(`fuzz: seed ${SEED}, ${RUNS} requests (MPP_FUZZ_SEED / MPP_FUZZ_RUNS to change)`);
    srv = await testServer({
      adminToken: ADMIN,
      clock: { now: () => new Date(NOW) },
      logger: createLogger((line) => {
        const status = Number(/"status":(\d{3})/.exec(line)?.[1] ?? 0);
        if (status >= 500 || /"level":"error"/.test(line)) logged5xx.push(line.slice(0, 400));
      }),
    });
    const a = z.parse(Availability, await (await fetch(`${srv.url}/api/v1/services/disdukcapil-ktp-el/availability?days=14`)).json());
    const slotIds = a.days.flatMap((d) => d.slots.filter((s) => s.remaining > 0).map((s) => s.id));
    assert.ok(slotIds.length > 10, 'the demo has open slots');
    const phone = '081299990000';
    const res = await fetch(`${srv.url}/api/v1/bookings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ serviceId: 'disdukcapil-ktp-el', slotId: slotIds[0], name: 'Siti Aminah', nik: '3271010101999999', phone }),
    });
    assert.equal(res.status, 201, await res.clone().text());
    const t = z.parse(Ticket, await res.json());
    const signIn = await fetch(`${srv.url}/api/v1/staff/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: FUZZ_ACCOUNT.email, password: FUZZ_ACCOUNT.password }),
    });
    assert.equal(signIn.status, 200);
    const tokens = z.parse(StaffTokens, await signIn.json());
    // A complaint with a live photo, for the complaint routes to aim at.
    const capture = z.parse(
      CaptureToken,
      await (
        await fetch(`${srv.url}/api/v1/complaints/capture-tokens`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        })
      ).json(),
    );
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xdb, 0, 4, 0, 0, 0xff, 0xda, 0, 4, 0, 0, 1, 2, 0xff, 0xd9]);
    const photo = await fetch(`${srv.url}/api/v1/complaints/photos`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg', 'mpp-capture-token': capture.token },
      body: jpeg,
    });
    assert.equal(photo.status, 201, await photo.clone().text());
    const photoId = ((await photo.clone().json()) as { id: string }).id;
    const filed = await fetch(`${srv.url}/api/v1/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        categoryId: 'jalan-rusak',
        text: 'Jalan berlubang di depan sekolah.',
        address: 'Jl. Pajajaran',
        photoIds: [((await photo.json()) as { id: string }).id],
        privacy: 'public',
        email: 'siti@contoh.id',
      }),
    });
    assert.equal(filed.status, 201, await filed.clone().text());
    const complaint = ((await filed.json()) as { trackingCode: string }).trackingCode;
    // A contact proven with a code (read from the outbox), and a second code still pending.
    const askCode = async (email: string) => {
      const r = await fetch(`${srv.url}/api/v1/contact-codes`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      });
      assert.equal(r.status, 201, await r.clone().text());
      const [m] = await srv.db.query<{ body: string }>(`select body from mail_outbox where to_addr = $1 order by id desc limit 1`, [email]);
      return { ticket: ((await r.json()) as { ticket: string }).ticket, code: /(\d{6})/.exec(m!.body)![1]! };
    };
    const proven = await askCode('budi@contoh.id');
    const confirmed = await fetch(`${srv.url}/api/v1/contact-codes/${proven.ticket}/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: proven.code }),
    });
    assert.equal(confirmed.status, 200, await confirmed.clone().text());
    const proof = ((await confirmed.json()) as { proof: string }).proof;
    const pending = await askCode('ani@contoh.id');
    fixtures = {
      slotIds,
      code: t.code,
      phone,
      queueId: t.queueId,
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      complaint,
      photoId,
      proof,
      ticket: pending.ticket,
    };
  });

  after(async () => {
    await srv?.drop();
  });

  it('answers every generated request below 500, with a problem document for every error', async () => {
    const requests = fc.sample(requestArb(fixtures), { seed: SEED, numRuns: RUNS });
    const counts = new Map<number, number>();
    const started = performance.now();

    const send = async (req: Req) => {
      const ctl = new AbortController();
      const timer = setTimeout(() => ctl.abort(), 15_000);
      let res: Response;
      try {
        res = await fetch(srv.url + req.path, {
          method: req.method,
          headers: req.headers,
          body: req.body,
          signal: ctl.signal,
          redirect: 'manual',
        });
      } catch (e) {
        clearTimeout(timer);
        fail(`${req.label}: no answer`, req, `fetch failed: ${(e as Error).message} ${String((e as { cause?: unknown }).cause ?? '')}`);
        return;
      }
      counts.set(res.status, (counts.get(res.status) ?? 0) + 1);
      const type = res.headers.get('content-type') ?? '';
      if (type.startsWith('text/event-stream')) {
        ctl.abort(); // a live stream: its headers are the answer
        clearTimeout(timer);
        return;
      }
      let text = '';
      try {
        text = await res.text();
      } catch (e) {
        fail(`${req.label}: body cut`, req, `${res.status}, body read failed: ${(e as Error).message}`);
      } finally {
        clearTimeout(timer);
      }
      if (res.status >= 500) {
        fail(`${req.label}: ${res.status} ${/"code":"(\w+)"/.exec(text)?.[1] ?? ''}`, req, `${res.status} ${text.slice(0, 300)}`);
        return;
      }
      if (res.status < 400) return;
      if (req.method === 'HEAD') return; // no body to check
      if (!type.startsWith('application/problem+json')) {
        fail(`${req.label}: ${res.status} as ${type || 'no content-type'}`, req, `${res.status} ${type} ${text.slice(0, 200)}`);
        return;
      }
      let problem: { status?: unknown; code?: unknown };
      try {
        problem = JSON.parse(text) as typeof problem;
      } catch {
        fail(`${req.label}: ${res.status} problem not JSON`, req, text.slice(0, 200));
        return;
      }
      if (typeof problem.code !== 'string' || !KNOWN_CODES.has(problem.code))
        fail(`${req.label}: unknown code ${String(problem.code)}`, req, `${res.status} ${text.slice(0, 300)}`);
      else if (problem.status !== res.status)
        fail(`${req.label}: status ${String(problem.status)} in a ${res.status}`, req, text.slice(0, 300));
    };

    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) await send(requests[next++]!);
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const byStatus = [...counts]
      .sort(([a], [b]) => a - b)
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    console.log(`fuzz: ${requests.length} requests in ${seconds.toFixed(1)} s; by status: ${byStatus}`);

    for (const raw of RAW) {
      const req: Req = { label: raw.label, method: 'RAW', path: JSON.stringify(raw.data.slice(0, 120)), headers: {} };
      const answer = await rawRequest(srv.port, raw.data).catch((e: Error) => {
        fail(`${raw.label}: no answer`, req, e.message);
        return undefined;
      });
      if (!answer) continue; // the server closed the connection without a word: acceptable when no response is possible
      if (answer.status >= 500) fail(`${raw.label}: ${answer.status}`, req, `${answer.status} ${answer.body.slice(0, 200)}`);
      else if (answer.status >= 400) {
        if (!answer.contentType.startsWith('application/problem+json'))
          fail(
            `${raw.label}: ${answer.status} as ${answer.contentType || 'no content-type'}`,
            req,
            `${answer.status} ${answer.body.slice(0, 200)}`,
          );
        else {
          const code = (JSON.parse(answer.body) as { code?: string }).code;
          if (!code || !KNOWN_CODES.has(code)) fail(`${raw.label}: unknown code ${code}`, req, answer.body.slice(0, 200));
        }
      }
    }

    if (logged5xx.length) failures.set('logged as 5xx or error', logged5xx.slice(0, 5).join('\n      '));
    const report = [...failures].map(([kind, example]) => `  - ${kind}\n      ${example}`).join('\n');
    if (failures.size) console.log(`fuzz: ${failures.size} distinct failures (seed ${SEED}):\n${report}`);
    assert.equal(failures.size, 0, `${failures.size} distinct failures (seed ${SEED}):\n${report}`);
  });

  it('is healthy afterwards and takes an honest booking', async () => {
    const health = await fetch(`${srv.url}/healthz`);
    assert.equal(health.status, 200);
    const a = z.parse(Availability, await (await fetch(`${srv.url}/api/v1/services/disdukcapil-ktp-el/availability?days=14`)).json());
    const slot = a.days.flatMap((d) => d.slots.filter((x) => x.remaining > 0)).at(-1);
    assert.ok(slot, 'an open slot is left');
    // From another address: the fuzzing client has rightly used up its own booking attempts.
    const res = await fromOtherClient(
      `${srv.url}/api/v1/bookings`,
      'POST',
      { serviceId: 'disdukcapil-ktp-el', slotId: slot.id, name: 'Budi Santoso', nik: '3271015501850001', phone: '081377776666' },
      { 'idempotency-key': crypto.randomUUID() },
    );
    assert.equal(res.status, 201, res.text);
    z.parse(Ticket, JSON.parse(res.text));
    // Staff can still sign in (from another address: the fuzzing one has used up its failed sign-ins).
    const signIn = await fromOtherClient(`${srv.url}/api/v1/staff/sign-in`, 'POST', {
      email: AFTER_ACCOUNT.email,
      password: AFTER_ACCOUNT.password,
    });
    assert.equal(signIn.status, 200, signIn.text);
    const me = await fetch(`${srv.url}/api/v1/staff/me`, {
      headers: { authorization: `Bearer ${z.parse(StaffTokens, JSON.parse(signIn.text)).accessToken}` },
    });
    assert.equal(me.status, 200);
    // Si Badra's new endpoints still answer a normal request.
    const near = await fetch(`${srv.url}/api/v1/complaints/nearby?categoryId=jalan-rusak&lat=-6.5971&lng=106.7991`);
    assert.equal(near.status, 200);
    const mine = await fetch(`${srv.url}/api/v1/complaints/mine`, { headers: { 'mpp-contact-proof': fixtures.proof } });
    assert.equal(mine.status, 200, await mine.clone().text());
    const inbox = await fetch(`${srv.url}/api/v1/staff/complaints?categoryId=jalan-rusak`, {
      headers: { authorization: `Bearer ${ADMIN}` },
    });
    assert.equal(inbox.status, 200, await inbox.clone().text());
    assert.ok(((await inbox.json()) as { items: { trackingCode: string }[] }).items.some((i) => i.trackingCode === fixtures.complaint));
    const briefing = await fetch(`${srv.url}/api/v1/staff/briefing`, { headers: { authorization: `Bearer ${ADMIN}` } });
    assert.equal(briefing.status, 200);
    const code = await fromOtherClient(`${srv.url}/api/v1/contact-codes`, 'POST', { email: 'warga.baru@contoh.id' });
    assert.equal(code.status, 201, code.text);
  });
});
