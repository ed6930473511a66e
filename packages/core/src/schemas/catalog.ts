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

/** The fee of a service in rupiah; 0 means free of charge. */
export const Fee = z.object({
  amount: z.number().check(z.int(), z.minimum(0)),
  /** Extra information: a tariff table, "sesuai PP 28/2019", a percentage… */
  note: z.nullable(z.string()),
});
export type Fee = z.infer<typeof Fee>;

/**
 * A public service with the components of its service standard (Standar Pelayanan,
 * PermenPANRB 15/2014): requirements, procedure, duration, fee, product, legal basis and
 * complaint channel; plus where it is served and whether the online queue takes bookings.
 */
export const Service = z.object({
  id: Slug,
  agencyId: Slug,
  name: z.string().check(z.minLength(1), z.maxLength(200)),
  /** Everyday names and abbreviations (`KTP`, `e-KTP`, `bikin KTP`). */
  aliases: z.array(z.string()),
  summary: z.string(),
  requirements: z.array(z.string()),
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
