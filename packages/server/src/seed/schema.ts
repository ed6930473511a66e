/**
 * The shapes of the seed data files (`seed-data/<city>/`) and of a catalog import, built from the
 * contract's schemas in @mpp-kit/core so a file is held to the same rules as the API.
 *
 * - Agency and service entries are the contract's `Agency` and `Service` without the fields the
 *   server assigns (`serviceCount`, `updatedAt`); a service may carry its `queueRules`. Two things
 *   files written before fee kinds and conditions existed may leave out: `conditions` (none) and
 *   the fee's `kind` (see `upgradeLegacyFee`).
 * - A holiday entry is the contract's `HolidayRequest` (what an admin posts).
 * - The contract has no schema for an office with its opening hours, for queue rules or for staff
 *   accounts (the API never receives them), so those are defined here from core pieces (`Slug`,
 *   the `QueueRules` type) and the database's own limits (migrations 002).
 *
 * Objects are strict: an unknown or misspelt field is an error, not silently dropped.
 */
import * as z from 'zod/mini';
import { Agency, FixedFee, FreeFee, HolidayRequest, RegulatedFee, Service, Slug, type QueueRules } from '@mpp-kit/core';

const int = (min: number, max?: number) => z.number().check(z.int(), z.minimum(min), ...(max === undefined ? [] : [z.maximum(max)]));

/** How a service's online queue works; the same fields as core's `QueueRules`, within the database's limits. */
export const QueueRulesFile = z.strictObject({
  slotMinutes: int(5, 240),
  slotCapacity: int(0),
  walkInQuota: int(0),
  priorityQuota: int(0),
  bookingDaysAhead: int(0, 90),
  releaseMinutes: int(0, 1439),
  cutoffMinutes: int(0, 1440),
});
// Compile-time guard: the file shape and core's QueueRules stay the same type.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const _rulesMatchCore: Same<z.infer<typeof QueueRulesFile>, QueueRules> = true;
void _rulesMatchCore;

const { serviceCount: _serviceCount, ...agencyShape } = Agency.shape;
/** One entry of `agencies.json`: the contract's Agency without the server-counted `serviceCount`. */
export const AgencyFile = z.strictObject(agencyShape);
export type AgencyFile = z.infer<typeof AgencyFile>;

/**
 * Words in a fee's text that say money is charged: a tariff, NJKB, PNBP, a tax, duty, levy or
 * contribution, an amount in rupiah, a percentage. The seed test holds every fee shown as free to
 * them, and a fee written without a kind is read as `regulated` when its note has one.
 */
export const CHARGE_HINTS: readonly RegExp[] = [
  /\btarif\b/i,
  /\bNJKB\b/i,
  /\bPNBP\b/i,
  /\bretribusi\b/i,
  /\bpajak\b/i,
  /\bbea masuk\b/i,
  /\bBPHTB\b/i,
  /\bBBNKB\b/i,
  /\biuran\b/i,
  /\bRp\s?\d/i,
  /\d\s?%/,
  /\bpersen\b/i,
];
/** A charge said not to apply (`tidak dipungut PNBP`, `tanpa retribusi daerah`) is removed before the hints are looked for. */
const NEGATED_CHARGE = /\b(?:tidak dipungut|tidak dikenai|tanpa|bebas)\s+(?:biaya|PNBP|retribusi(?:\s+daerah)?|pajak|bea)\b/gi;

/** The charge hints a fee text holds (each as it appears), once negated charges are removed; empty when none. */
export function chargeHints(text: string): string[] {
  const rest = text.replace(NEGATED_CHARGE, ' ');
  return CHARGE_HINTS.flatMap((re) => rest.match(re)?.[0] ?? []);
}

/**
 * How a requirement reads when it is a condition to meet rather than something to bring: it starts
 * with a state or a quality of the applicant (`Sudah berusia…`, `Beragama…`, `Tidak memiliki…`,
 * `Bersedia…`, `Hadir sendiri…`), or names an age or a done duty anywhere (`berusia`, `sudah dilaporkan`).
 */
export const CONDITION_START =
  /^(?:sudah|telah|belum|pernah|berusia|berumur|usia|beragama|bersedia|memiliki|mempunyai|tidak|bukan|hadir|warga negara|WNI|WNA|sehat|mampu|terdaftar|berdomisili|bertempat tinggal|merupakan|lulus)\b/i;
export const CONDITION_ANYWHERE: readonly RegExp[] = [/\bberusia\b/i, /\bberumur\b/i, /\bsudah (?:dilaporkan|kawin|menikah)\b/i];
/** A condition must not start like a document (`Fotokopi…`, `Surat…`, `KTP-el…`): that one belongs in `requirements`. */
export const DOCUMENT_START =
  /^(?:fotokopi|foto|pas ?foto|surat|formulir|kartu|KTP|KTP-el|KK|KIA|akta|kutipan|buku|bukti|sertifikat|sertipikat|salinan|dokumen|paspor|STNK|BPKB|SIM|NPWP|NIB|izin|rekomendasi|daftar|berkas)\b/i;

/** True when a requirement reads like a condition (`CONDITION_START`, `CONDITION_ANYWHERE`). */
export const readsLikeCondition = (requirement: string): boolean =>
  CONDITION_START.test(requirement) || CONDITION_ANYWHERE.some((re) => re.test(requirement));

const feeKinds = ['free', 'fixed', 'regulated'] as const;

/**
 * A fee written before fee kinds existed (`{ amount, note }`, no `kind`) in the contract's shape: an
 * amount above 0 is `fixed` (what the amount meant); 0 is `free`, unless the note names a charge
 * (`chargeHints`): then `regulated` with the note as its text, so an import never labels a tariff
 * "free". A fee with a `kind` is left as it is.
 */
export function upgradeLegacyFee(v: unknown): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v) || 'kind' in v) return v;
  const { amount, note = null, ...rest } = v as { amount?: unknown; note?: unknown };
  const text = typeof note === 'string' ? note.trim() : '';
  if (typeof amount === 'number' && amount === 0 && text && chargeHints(text).length)
    return { kind: 'regulated', amount: 0, text, legalBasis: null, note: null, ...rest };
  return { kind: typeof amount === 'number' && amount > 0 ? 'fixed' : 'free', amount, note, ...rest };
}

/** A fee in a data file: strict (a misspelt field is an error), `kind` checked with a readable message, legacy fees upgraded. */
export const FeeFile = z.pipe(
  z.transform((v: unknown, ctx) => {
    const fee = upgradeLegacyFee(v);
    const kind = fee && typeof fee === 'object' ? (fee as { kind?: unknown }).kind : undefined;
    if (fee && typeof fee === 'object' && !feeKinds.includes(kind as (typeof feeKinds)[number])) {
      ctx.issues.push({
        code: 'custom',
        input: v,
        path: ['kind'],
        message: `harus salah satu dari: ${feeKinds.join(', ')} / must be one of: ${feeKinds.join(', ')}`,
      });
      return z.NEVER;
    }
    return fee;
  }),
  z.discriminatedUnion('kind', [z.strictObject(FreeFee.shape), z.strictObject(FixedFee.shape), z.strictObject(RegulatedFee.shape)]),
);

const { updatedAt: _updatedAt, ...serviceShape } = Service.shape;
/** One entry of `services/<agency-id>.json`: the contract's Service without `updatedAt`, with its queue rules. */
export const ServiceFile = z.strictObject({
  ...serviceShape,
  conditions: z._default(serviceShape.conditions, () => []),
  fee: FeeFile,
  queueRules: z.optional(QueueRulesFile),
});
export type ServiceFile = z.infer<typeof ServiceFile>;

const realDate = (s: string) => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s && d.getUTCFullYear() >= 2000 && d.getUTCFullYear() <= 2100;
};
/** One entry of `holidays-<year>.json`: what an admin posts to create a holiday (core's HolidayRequest). */
export const HolidayFile = z.strictObject({
  ...HolidayRequest.shape,
  date: HolidayRequest.shape.date.check(
    z.refine(realDate, 'tanggal tidak ada di kalender (tahun 2000–2100) / not a calendar date (years 2000–2100)'),
  ),
});
export type HolidayFile = z.infer<typeof HolidayFile>;

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const Time = z.string().check(z.regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/));
/** Minutes after midnight of an `HH:MM` time. */
export const minutesOf = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

const OfficeHours = z
  .strictObject({
    weekday: z.enum(WEEKDAYS),
    opens: Time,
    closes: Time,
    breakStart: z.optional(z.nullable(Time)),
    breakEnd: z.optional(z.nullable(Time)),
  })
  .check(
    z.refine((h) => minutesOf(h.closes) > minutesOf(h.opens), {
      message: 'jam tutup harus setelah jam buka / closes must be after opens',
      path: ['closes'],
    }),
    z.refine((h) => ((h.breakStart ?? null) === null) === ((h.breakEnd ?? null) === null), {
      message: 'isi breakStart dan breakEnd, atau kosongkan keduanya / give both breakStart and breakEnd, or neither',
      path: ['breakEnd'],
    }),
    z.refine(
      (h) =>
        !h.breakStart ||
        !h.breakEnd ||
        (minutesOf(h.breakStart) >= minutesOf(h.opens) &&
          minutesOf(h.breakEnd) > minutesOf(h.breakStart) &&
          minutesOf(h.breakEnd) <= minutesOf(h.closes)),
      { message: 'istirahat harus di dalam jam buka / the break must lie within opening hours', path: ['breakStart'] },
    ),
  );

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** `office.json`: the MPP office, its IANA time zone, address and weekly opening hours (a day not listed is closed). */
export const OfficeFile = z.strictObject({
  id: Slug,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  timeZone: z.string().check(z.refine(isTimeZone, 'zona waktu IANA tidak dikenal / unknown IANA time zone (e.g. Asia/Jakarta)')),
  address: z.string(),
  hours: z
    .array(OfficeHours)
    .check(
      z.refine(
        (list) => new Set(list.map((h) => h.weekday)).size === list.length,
        'hari yang sama tertulis dua kali / a weekday is listed twice',
      ),
    ),
});
export type OfficeFile = z.infer<typeof OfficeFile>;

/** One entry of `staff.json`: a demo staff account (its bearer token is generated when seeded, never stored in a file). */
export const StaffFile = z
  .strictObject({
    id: Slug,
    name: z.string().check(z.minLength(1), z.maxLength(120)),
    role: z.enum(['counter', 'agency_admin', 'admin']),
    agencyId: z.nullable(Slug),
  })
  .check(
    z.refine((s) => s.role === 'admin' || s.agencyId !== null, {
      message: 'petugas selain admin harus punya agencyId / every role but admin needs an agencyId',
      path: ['agencyId'],
    }),
  );
export type StaffFile = z.infer<typeof StaffFile>;
