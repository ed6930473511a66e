import * as z from 'zod/mini';
import { Slug, page } from './common.js';
import { decimal } from './input.js';

/** The kind of body an agency is: it decides the tone of its copy and who answers complaints. */
export const AgencyKind = z.enum(['pusat', 'provinsi', 'kota', 'bumd', 'bumn', 'polri']);
export type AgencyKind = z.infer<typeof AgencyKind>;

/** A government body with a desk at the MPP (Dinas, Kantor, BUMD…). */
export const Agency = z.object({
  id: Slug,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  shortName: z.string().check(z.minLength(1), z.maxLength(60)),
  /** Everyday names citizens type: `dukcapil`, `imigrasi`, `pdam`. */
  aliases: z.array(z.string()),
  kind: AgencyKind,
  description: z.string(),
  website: z.nullable(z.string()),
  /** The MPP's coordinating agency (DPMPTSP Kota Bogor in the first deployment). */
  coordinator: z.boolean(),
  serviceCount: z.number().check(z.int(), z.minimum(0)),
  /** True for seeded demo content the city must replace with its own. */
  demo: z.boolean(),
});
export type Agency = z.infer<typeof Agency>;

export const AgencyList = z.object({
  items: z.array(Agency),
  total: z.number().check(z.int(), z.minimum(0)),
});
export type AgencyList = z.infer<typeof AgencyList>;

const FeeNote = z.nullable(z.string().check(z.maxLength(500)));

/** No charge at all: the service, and everything the citizen must pay to get its product, is free. */
export const FreeFee = z.object({
  kind: z.literal('free'),
  /** Always 0; kept on every kind so clients written before `kind` still read a number. */
  amount: z.literal(0),
  /** Extra information, e.g. the article that makes it free (`Pasal 79A UU Nomor 24 Tahun 2013`). */
  note: FeeNote,
});
export type FreeFee = z.infer<typeof FreeFee>;

/** One amount known in advance, in whole rupiah (`Rp 30.000` for an SKCK). */
export const FixedFee = z.object({
  kind: z.literal('fixed'),
  amount: z.number().check(z.int(), z.minimum(1), z.maximum(Number.MAX_SAFE_INTEGER)),
  /** Extra information: where it is paid, the regulation that sets it, variants. */
  note: FeeNote,
});
export type FixedFee = z.infer<typeof FixedFee>;

/**
 * An amount set by a regulation or computed from the case (a tariff table, a tax rate, NJKB, the
 * land's value): the contract cannot give one number, only how it is set.
 */
export const RegulatedFee = z.object({
  kind: z.literal('regulated'),
  /** The part known in advance in whole rupiah (a base fee the rule adds to); 0 when all of it is computed. */
  amount: z.number().check(z.int(), z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)),
  /** How it is set, for the citizen: `Sesuai NJKB dan tarif PKB Perda Jawa Barat; ditambah SWDKLLJ`. */
  text: z.string().check(z.minLength(1), z.maxLength(500)),
  /** The regulation that sets it (`PP Nomor 76 Tahun 2020`), when one is named. */
  legalBasis: z.nullable(z.string().check(z.minLength(1), z.maxLength(300))),
  /** Extra information (`Layanan di loket tidak dipungut biaya`). */
  note: FeeNote,
});
export type RegulatedFee = z.infer<typeof RegulatedFee>;

/**
 * What a service costs: `free`, a `fixed` amount in rupiah, or `regulated` (set by a regulation or
 * computed). Every kind has `amount` (a whole number of rupiah, 0 for free) and `note`, the two
 * fields of the fee before `kind` existed, so an older client still parses a fee; it must read
 * `kind` to tell "free" from "computed at the counter" (`amount` is 0 for both).
 */
export const Fee = z.discriminatedUnion('kind', [FreeFee, FixedFee, RegulatedFee]);
export type FeeKind = Fee['kind'];
export type Fee = z.infer<typeof Fee>;

/**
 * A public service with the components of its service standard (Standar Pelayanan,
 * PermenPANRB 15/2014): requirements (documents to bring, and conditions to meet), procedure, duration, fee, product, legal basis and
 * complaint channel; plus where it is served and whether the online queue takes bookings.
 */
export const Service = z.object({
  id: Slug,
  agencyId: Slug,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  /** Everyday names and abbreviations (`KTP`, `e-KTP`, `bikin KTP`). */
  aliases: z.array(z.string()),
  summary: z.string(),
  /** Documents and things to bring to the counter ("what to bring"): `KTP-el asli`, `Pas foto 4x6`. */
  requirements: z.array(z.string()),
  /** Conditions the citizen must meet, nothing to bring: `Sudah berusia 17 tahun, sudah kawin, atau pernah kawin`. */
  conditions: z.array(z.string()),
  steps: z.array(z.string()),
  /** Completion time as the standard states it (`1 hari kerja`, `14 hari kerja`). */
  duration: z.string(),
  /** Expected minutes at the counter, used for wait estimates. */
  counterMinutes: z.number().check(z.int(), z.minimum(1), z.maximum(480)),
  fee: Fee,
  product: z.string(),
  legalBasis: z.array(z.string()),
  complaintChannel: z.string(),
  /** Counter and place inside the MPP (`Lantai 1, Loket 3–5`). */
  location: z.string(),
  onlineQueue: z.boolean(),
  /** Letter(s) before the ticket number (`A` gives `A-012`). */
  queuePrefix: z.string().check(z.regex(/^[A-Z]{1,2}$/)),
  dailyQuota: z.number().check(z.int(), z.minimum(0)),
  demo: z.boolean(),
  updatedAt: z.string(),
});
export type Service = z.infer<typeof Service>;

export const ServiceList = page(Service);
export type ServiceList = z.infer<typeof ServiceList>;

export const ServiceQuery = z.object({
  agency: z.optional(Slug),
  limit: z.optional(decimal(1, 500)),
  offset: z.optional(decimal(0, 1_000_000)),
});
export type ServiceQuery = z.infer<typeof ServiceQuery>;

export const IdParam = z.object({ id: Slug });
