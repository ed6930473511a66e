import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import * as z from 'zod/mini';
import {
  AvailabilityQuery,
  BookingRequest,
  CallNextRequest,
  DATE_MAX,
  DATE_MIN,
  HolidayIdParam,
  HolidayQuery,
  HolidayRequest,
  IDENTITY_PROBLEMS,
  INPUT_PROBLEMS,
  IdempotencyKey,
  IsoDate,
  LastEventId,
  NearbyQuery,
  PROBLEM_CODES,
  PageQuery,
  QueueDayQuery,
  QueueEventsQuery,
  QueueIdParam,
  ROUTES,
  RescheduleRequest,
  ServiceQuery,
  SlotId,
  TEXT_PROBLEMS,
  TicketLookup,
  dateProblem,
  fieldErrorsOf,
  issueCode,
  type RouteSpec,
} from '../src/schemas/index.js';
import { addDays } from '../src/time/zoned.js';

const codes = (schema: z.ZodMiniType, value: unknown) => {
  const r = z.safeParse(schema, value);
  return r.success ? [] : fieldErrorsOf(r.error.issues).map((e) => `${e.path}:${e.code}`);
};
const ok = <T>(schema: z.ZodMiniType<T>, value: unknown): T => {
  const r = z.safeParse(schema, value);
  assert.ok(r.success, `expected ${JSON.stringify(value)} to pass: ${JSON.stringify(r.error?.issues)}`);
  return r.data;
};

describe('dates', () => {
  it('accepts real calendar dates from DATE_MIN to DATE_MAX', () => {
    for (const d of ['2000-01-01', '2026-02-28', '2028-02-29', '2000-02-29', '2026-12-31', '2100-12-31']) assert.equal(ok(IsoDate, d), d);
  });

  it('refuses impossible dates with date_invalid and far ones with date_out_of_range', () => {
    for (const d of ['2026-02-30', '2026-02-29', '2100-02-29', '2026-13-01', '2026-00-10', '2026-04-31', '2026-01-00'])
      assert.deepEqual(codes(IsoDate, d), ['(root):date_invalid'], d);
    for (const d of ['0000-01-01', '1999-12-31', '2101-01-01', '9999-12-31'])
      assert.ok(
        codes(IsoDate, d).some((c) => /date_(invalid|out_of_range)/.test(c)),
        d,
      );
    assert.deepEqual(codes(IsoDate, '9999-12-31'), ['(root):date_out_of_range']);
    assert.deepEqual(codes(IsoDate, '1999-12-31'), ['(root):date_out_of_range']);
    for (const d of ['2026-2-3', '26-02-03', '2026-02-03T00:00', ' 2026-02-03', '2026/02/03', '２０２６-02-03', '+2026-02-03', ''])
      assert.ok(codes(IsoDate, d).length > 0, d);
  });

  it('holds for every day of the range and refuses anything just outside it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 36889 }), (n) => {
        const d = addDays(DATE_MIN, n);
        assert.equal(dateProblem(d), null);
      }),
    );
    assert.equal(addDays(DATE_MIN, 36889), DATE_MAX);
    assert.equal(dateProblem(addDays(DATE_MIN, -1)), 'date_out_of_range');
    assert.equal(dateProblem(addDays(DATE_MAX, 1)), 'date_out_of_range');
  });

  it('never accepts a string that is not a real date in range (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/), (s) => {
        const [y, m, d] = s.split('-').map(Number) as [number, number, number];
        const real = new Date(Date.UTC(y, m - 1, d));
        const isReal = m >= 1 && m <= 12 && real.getUTCDate() === d && real.getUTCMonth() === m - 1;
        const expected = isReal && s >= DATE_MIN && s <= DATE_MAX;
        assert.equal(z.safeParse(IsoDate, s).success, expected, s);
      }),
      { numRuns: 3000 },
    );
  });

  it('every date in a request schema is checked', () => {
    assert.deepEqual(codes(AvailabilityQuery, { from: '2026-02-30' }), ['from:date_invalid']);
    assert.deepEqual(codes(HolidayQuery, { from: '9999-12-31' }), ['from:date_out_of_range']);
    assert.deepEqual(codes(HolidayQuery, { to: '2026-13-01' }), ['to:date_invalid']);
    assert.deepEqual(codes(HolidayRequest, { date: '9999-12-31', name: 'Libur', kind: 'closure' }), ['date:date_out_of_range']);
    assert.deepEqual(codes(QueueDayQuery, { date: '2026-02-30' }), ['date:date_invalid']);
    assert.deepEqual(codes(QueueEventsQuery, { date: '0000-01-01' }), ['date:date_invalid']); // there is no year 0
    assert.deepEqual(ok(QueueDayQuery, {}), {});
  });

  it('a holiday query whose from is after its to is refused at to', () => {
    assert.deepEqual(codes(HolidayQuery, { from: '2026-12-02', to: '2026-12-01' }), ['to:date_range_reversed']);
    ok(HolidayQuery, { from: '2026-12-01', to: '2026-12-01' });
    ok(HolidayQuery, { from: '2026-12-01' });
  });
});

describe('canonical numbers and ids', () => {
  const ODD = ['0x10', '+1', '01', '1e1', '1e3', ' 1', '1 ', '1.0', '1.5', '-1', '', '١', '１', 'Infinity', 'NaN', '0b1', '1_000'];

  it('numeric ids are canonical positive decimals that fit an integer column', () => {
    assert.deepEqual(ok(HolidayIdParam, { id: '16' }), { id: 16 });
    assert.deepEqual(ok(HolidayIdParam, { id: '2147483647' }), { id: 2147483647 });
    for (const v of ODD) assert.ok(codes(HolidayIdParam, { id: v }).length > 0, v);
    assert.deepEqual(codes(HolidayIdParam, { id: '0x10' }), ['id:number_invalid']);
    assert.deepEqual(codes(HolidayIdParam, { id: '0' }), ['id:too_small']);
    assert.deepEqual(codes(HolidayIdParam, { id: '2147483648' }), ['id:too_big']);
    assert.deepEqual(codes(HolidayIdParam, { id: '99999999999999999999' }), ['id:number_invalid']);
  });

  it('query numbers are canonical decimals in range', () => {
    assert.deepEqual(ok(PageQuery, { limit: '20', offset: '0' }), { limit: 20, offset: 0 });
    assert.deepEqual(ok(ServiceQuery, { agency: 'disdukcapil', limit: '500' }), { agency: 'disdukcapil', limit: 500 });
    assert.deepEqual(ok(AvailabilityQuery, { days: '14' }), { days: 14 });
    for (const v of ODD) {
      assert.ok(codes(PageQuery, { limit: v }).length > 0, v);
      assert.ok(codes(ServiceQuery, { offset: v }).length > 0, v);
      assert.ok(codes(AvailabilityQuery, { days: v }).length > 0, v);
    }
    assert.deepEqual(codes(AvailabilityQuery, { days: '63' }), ['days:too_big']);
    assert.deepEqual(codes(PageQuery, { offset: '1000001' }), ['offset:too_big']);
  });

  it('nearby coordinates are plain decimals within the degrees of their axis', () => {
    assert.deepEqual(ok(NearbyQuery, { categoryId: 'jalan-rusak', lat: '-6.5971', lng: '106.7991' }), {
      categoryId: 'jalan-rusak',
      lat: -6.5971,
      lng: 106.7991,
    });
    assert.deepEqual(ok(NearbyQuery, { categoryId: 'x', lat: '-90', lng: '180' }), { categoryId: 'x', lat: -90, lng: 180 });
    for (const v of ['1e1', ' 1', '1 ', '+1', '', 'NaN', 'Infinity', '-6,59', '0x10', '１', '1.12345678901', '.5', '5.'])
      assert.ok(codes(NearbyQuery, { categoryId: 'x', lat: v, lng: '0' }).length > 0, v);
    assert.deepEqual(codes(NearbyQuery, { categoryId: 'x', lat: '90.0000001', lng: '0' }), ['lat:too_big']);
    assert.deepEqual(codes(NearbyQuery, { categoryId: 'x', lat: '0', lng: '-180.5' }), ['lng:too_small']);
    assert.deepEqual(codes(NearbyQuery, { categoryId: 'x', lat: '1e3', lng: '0' }), ['lat:number_invalid']);
  });

  it('canonical decimals round-trip (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2147483647 }), (n) => assert.deepEqual(ok(HolidayIdParam, { id: String(n) }), { id: n })),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (s) => {
        const accepted = z.safeParse(HolidayIdParam, { id: s }).success;
        assert.equal(accepted, /^[1-9]\d*$/.test(s) && Number(s) <= 2147483647, JSON.stringify(s));
      }),
      { numRuns: 2000 },
    );
  });

  it('queue ids are <agency slug>.<letters>', () => {
    ok(QueueIdParam, { queueId: 'disdukcapil.B' });
    ok(QueueIdParam, { queueId: 'polresta-bogor.AB' });
    for (const v of [
      'disdukcapil.b',
      '-disdukcapil.B',
      'a--b.B',
      'disdukcapil.ABC',
      'disdukcapil',
      '../x.B',
      'disdukcapil.B\u0000',
      'dísdukcapil.B',
      'disdukcapil.B ',
    ])
      assert.ok(codes(QueueIdParam, { queueId: v }).length > 0, v);
  });

  it('slot ids are <service>@<real date>T<HHMM>', () => {
    ok(SlotId, 'disdukcapil-ktp-el@2026-11-23T0800');
    ok(SlotId, 'a@2100-12-31T2359');
    for (const v of [
      'disdukcapil-ktp-el@2026-02-30T0800',
      'disdukcapil-ktp-el@9999-12-31T0800',
      'disdukcapil-ktp-el@2026-11-23T2400',
      'disdukcapil-ktp-el@2026-11-23T0860',
      'disdukcapil-ktp-el@2026-11-23T800',
      'Disdukcapil@2026-11-23T0800',
      '@2026-11-23T0800',
      'x@2026-11-23T0800 ',
      `${'a'.repeat(81)}@2026-11-23T0800`,
      'nope',
      '',
    ])
      assert.deepEqual(codes(SlotId, v), ['(root):id_invalid'], v);
    assert.deepEqual(codes(SlotId, 'x'.repeat(101)), ['(root):too_big']);
  });
});

describe('headers', () => {
  it('Idempotency-Key: visible ASCII, at most 200 characters, trimmed', () => {
    assert.equal(ok(IdempotencyKey, ' 0b8f3c1e-6a52-4b1e-9a4f-1c2d3e4f5a6b '), '0b8f3c1e-6a52-4b1e-9a4f-1c2d3e4f5a6b');
    assert.equal(ok(IdempotencyKey, 'k'.repeat(200)).length, 200);
    for (const v of ['', '   ', 'a b', 'kunci\u0000', 'ключ', 'k'.repeat(201), 'a\tb'])
      assert.deepEqual(codes(IdempotencyKey, v), ['(root):header_invalid'], v);
  });

  it('Last-Event-ID: a canonical decimal', () => {
    assert.equal(ok(LastEventId, '0'), 0);
    assert.equal(ok(LastEventId, '12345'), 12345);
    for (const v of ['-1', '0x10', '1e3', 'abc', '']) assert.ok(codes(LastEventId, v).length > 0, v);
    assert.deepEqual(ok(QueueEventsQuery, { lastEventId: '7' }), { lastEventId: 7 });
  });
});

describe('request bodies', () => {
  const booking = {
    serviceId: 'disdukcapil-ktp-el',
    slotId: 'disdukcapil-ktp-el@2026-11-23T0800',
    name: '  Siti Aminah ',
    nik: '3271 0117 0845 0001',
    phone: '0812-3456-7890',
    email: 'siti@contoh.id',
  };

  it('a booking is accepted as typed, the name trimmed; NIK and phone keep their separators', () => {
    assert.deepEqual(ok(BookingRequest, booking), { ...booking, name: 'Siti Aminah' });
    ok(BookingRequest, { ...booking, nik: '3271\t0117\n0845 0001', email: null });
  });

  it('refuses a NIK in the name field', () => {
    assert.deepEqual(codes(BookingRequest, { ...booking, name: '3271011708450001' }), ['name:name_contains_nik']);
  });

  it('refuses bad text in every field of a booking with the field path', () => {
    for (const field of ['name', 'nik', 'phone', 'email'] as const) {
      assert.deepEqual(codes(BookingRequest, { ...booking, [field]: 'Siti\u0000' }), [`${field}:text_control_char`], field);
      assert.deepEqual(codes(BookingRequest, { ...booking, [field]: 'Siti\ud800' }), [`${field}:text_invalid_unicode`], field);
      assert.deepEqual(codes(BookingRequest, { ...booking, [field]: 'Siti\u202e' }), [`${field}:text_bidi_control`], field);
    }
  });

  it('staff bodies: counter and holiday name', () => {
    assert.deepEqual(ok(CallNextRequest, { counter: ' Loket 3 ' }), { counter: 'Loket 3' });
    assert.deepEqual(codes(CallNextRequest, { counter: 'Loket\u0000' }), ['counter:text_control_char']);
    assert.deepEqual(codes(CallNextRequest, { counter: '  ' }), ['counter:too_small']);
    const holiday = { date: '2026-12-25', name: 'Hari Raya Natal', kind: 'holiday' };
    ok(HolidayRequest, holiday);
    assert.deepEqual(codes(HolidayRequest, { ...holiday, name: 'Natal\u0000' }), ['name:text_control_char']);
    assert.deepEqual(codes(HolidayRequest, { ...holiday, name: 'Natal\u2066' }), ['name:text_bidi_control']);
  });

  it('lookup and reschedule: phone under the text rule, slot id strict', () => {
    assert.deepEqual(codes(TicketLookup, { phone: '0812\u0000' }), ['phone:text_control_char']);
    assert.deepEqual(codes(RescheduleRequest, { phone: '0812', slotId: 'disdukcapil-ktp-el@2026-02-30T0800' }), ['slotId:id_invalid']);
  });
});

/** A valid example of each route's inputs: the walk below swaps one string field at a time for a hostile value. */
const EXAMPLES: Partial<Record<keyof typeof ROUTES, { params?: object; query?: object; body?: object }>> = {
  getAgency: { params: { id: 'disdukcapil' } },
  listServices: { query: { agency: 'disdukcapil', limit: '10', offset: '0' } },
  getCatalogIndex: { query: { agency: 'disdukcapil' } },
  searchCatalog: { query: { q: 'bikin ktp', agency: 'disdukcapil', limit: '20', offset: '0' } },
  getService: { params: { id: 'disdukcapil-ktp-el' } },
  getAvailability: { params: { id: 'disdukcapil-ktp-el' }, query: { from: '2026-11-23', days: '14' } },
  createBooking: {
    body: { serviceId: 'a', slotId: 'a@2026-11-23T0800', name: 'Siti', nik: '3271011708450001', phone: '0812', email: 'a@b.id' },
  },
  lookupBooking: { params: { code: 'ABCD-EFGH' }, body: { phone: '0812' } },
  cancelBooking: { params: { code: 'ABCD-EFGH' }, body: { phone: '0812' } },
  rescheduleBooking: { params: { code: 'ABCD-EFGH' }, body: { phone: '0812', slotId: 'a@2026-11-23T0800' } },
  getPosition: { params: { code: 'ABCD-EFGH' } },
  getQueue: { params: { queueId: 'disdukcapil.B' } },
  queueEvents: { params: { queueId: 'disdukcapil.B' } },
  callNext: { params: { queueId: 'disdukcapil.B' }, body: { counter: 'Loket 1' } },
  listHolidays: { query: { from: '2026-11-01', to: '2026-12-31' } },
  createHoliday: { body: { date: '2026-12-25', name: 'Natal', kind: 'holiday', agencyId: 'a', serviceId: 'a-b' } },
  deleteHoliday: { params: { id: '16' } },
  staffSignIn: { body: { email: 'verifikator@demo.mpp-kit.id', password: 'rahasia' } },
  staffRefresh: { body: { refreshToken: 'AbC-_09' } },
  staffSignOut: { body: {} },
  getComplaintPhoto: { params: { id: 'ph_AAAAAAAAAAAAAAAAAAAAAA' } },
  createComplaint: {
    body: {
      categoryId: 'jalan-rusak',
      text: 'Jalan berlubang di depan sekolah.',
      location: { lat: -6.59, lng: 106.8, accuracy: 10 },
      address: 'Jl. Pajajaran',
      photoIds: ['ph_AAAAAAAAAAAAAAAAAAAAAA'],
      privacy: 'anonim',
      name: 'Siti',
      email: 'a@b.id',
      phone: '0812',
    },
  },
  getComplaint: { params: { code: 'SB-7K3MQ-9XD2F' } },
  verifyComplaintContact: { params: { code: 'SB-7K3MQ-9XD2F' }, body: { code: '123456' } },
  resendComplaintCode: { params: { code: 'SB-7K3MQ-9XD2F' } },
  replyToComplaint: { params: { code: 'SB-7K3MQ-9XD2F' }, body: { text: 'Belum selesai.', dispute: true } },
  verifyComplaint: { params: { code: 'SB-7K3MQ-9XD2F' } },
  rejectComplaint: { params: { code: 'SB-7K3MQ-9XD2F' }, body: { reason: 'hoax', note: 'Foto lama.' } },
  dispatchComplaint: { params: { code: 'SB-7K3MQ-9XD2F' }, body: { agencyId: 'dinas-pupr', note: 'Mohon dicek.' } },
  answerComplaint: {
    params: { code: 'SB-7K3MQ-9XD2F' },
    body: { text: 'Sudah ditambal.', photoIds: ['ph_AAAAAAAAAAAAAAAAAAAAAA'], resolve: true },
  },
  uploadComplaintPhoto: { query: { role: 'answer' } },
  mergeComplaint: { params: { code: 'SB-7K3MQ-9XD2F' }, body: { into: 'SB-AB3MQ-9XD2F', note: 'Sama dengan aduan kemarin.' } },
  listStaffComplaints: { query: { status: 'received', categoryId: 'jalan-rusak', agencyId: 'dinas-pupr', level: '1', q: 'lubang' } },
  getStaffComplaint: { params: { code: 'SB-7K3MQ-9XD2F' } },
  getStaffComplaintPhoto: { params: { id: 'ph_AAAAAAAAAAAAAAAAAAAAAA' } },
  redactComplaintPhoto: { params: { code: 'SB-7K3MQ-9XD2F', id: 'ph_AAAAAAAAAAAAAAAAAAAAAA' } },
  getBriefing: { query: { minLevel: '2' } },
  requestContactCode: { body: { email: 'warga@example.org' } },
  confirmContactCode: { params: { ticket: 'ct_AAAAAAAAAAAAAAAAAAAAAA' }, body: { code: '123456' } },
  listNearbyComplaints: { query: { categoryId: 'jalan-rusak', lat: '-6.5971', lng: '106.806' } },
  supportComplaint: { params: { code: 'SB-7K3MQ-9XD2F' } },
};

describe('every text field of every route', () => {
  const HOSTILE = ['\u0000', '\ud800', '\u202e', '\u001b', '\u0085'];

  it('has an example for every route with inputs, and the example passes', () => {
    for (const [name, route] of Object.entries(ROUTES as Record<string, RouteSpec>)) {
      const ex = EXAMPLES[name as keyof typeof ROUTES];
      for (const part of ['params', 'query', 'body'] as const) {
        const schema = part === 'params' ? route.params : part === 'query' ? route.query : route.body;
        if (!schema) continue;
        assert.ok(ex?.[part], `${name}.${part} has no example`);
        ok(schema, ex[part]);
      }
    }
  });

  it('refuses control characters, lone surrogates and bidi controls in each string field', () => {
    let checked = 0;
    for (const [name, route] of Object.entries(ROUTES as Record<string, RouteSpec>)) {
      const ex = EXAMPLES[name as keyof typeof ROUTES];
      for (const part of ['params', 'query', 'body'] as const) {
        const schema = part === 'params' ? route.params : part === 'query' ? route.query : route.body;
        const example = ex?.[part] as Record<string, unknown> | undefined;
        if (!schema || !example) continue;
        for (const [key, value] of Object.entries(example)) {
          if (typeof value !== 'string') continue;
          for (const bad of HOSTILE) {
            for (const v of [value + bad, bad + value, value.slice(0, 1) + bad + value.slice(1)]) {
              const r = z.safeParse(schema, { ...example, [key]: v });
              assert.ok(!r.success, `${name}.${part}.${key} accepted ${JSON.stringify(v)}`);
              checked++;
            }
          }
        }
      }
    }
    assert.ok(checked > 300, `only ${checked} cases`);
  });
});

describe('problem codes', () => {
  it('are unique snake_case and include every shared field rule', () => {
    assert.equal(new Set(PROBLEM_CODES).size, PROBLEM_CODES.length);
    for (const c of PROBLEM_CODES) assert.match(c, /^[a-z]+(?:_[a-z0-9]+)*$/);
    for (const c of [...IDENTITY_PROBLEMS, ...TEXT_PROBLEMS, ...INPUT_PROBLEMS])
      assert.ok((PROBLEM_CODES as readonly string[]).includes(c), c);
    for (const c of [
      'nik_repeated',
      'rate_limited',
      'booking_limit_nik',
      'booking_limit_phone',
      'request_aborted',
      'request_timeout',
      'header_too_large',
      'holiday_scope_mismatch',
    ])
      assert.ok((PROBLEM_CODES as readonly string[]).includes(c), c);
  });

  it('every problem code a route declares exists', () => {
    for (const route of Object.values(ROUTES as Record<string, RouteSpec>))
      for (const list of Object.values(route.problems))
        for (const c of list) assert.ok((PROBLEM_CODES as readonly string[]).includes(c), c);
  });

  it('issueCode reads our code from a custom issue and zod’s code otherwise', () => {
    assert.equal(issueCode({ path: [], code: 'custom', message: 'x', params: { code: 'text_control_char' } }), 'text_control_char');
    assert.equal(issueCode({ path: [], code: 'custom', message: 'x' }), 'custom');
    assert.equal(issueCode({ path: [], code: 'too_big', message: 'x' }), 'too_big');
    assert.deepEqual(fieldErrorsOf([{ path: ['a', 0], code: 'too_big', message: 'm' }]), [{ path: 'a.0', code: 'too_big', message: 'm' }]);
  });
});
