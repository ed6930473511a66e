/**
 * The catalog as a phone needs it: a compact index for search and the list (what `createCatalogIndex`
 * and a list row read), full records only when one is opened; and, for catalogs too large to ship
 * (the national catalog, 14,000 services), the same search run by the server.
 */
import * as z from 'zod/mini';
import { Agency, type FeeKind, type Service } from './catalog.js';
import { Slug } from './common.js';
import { decimal } from './input.js';
import { text } from './text.js';

/** A fee as a list row shows it ("Gratis", "Rp 30.000", "Sesuai ketentuan"): `Fee` without its texts. */
export const FeeSummary = z.object({
  kind: z.enum(['free', 'fixed', 'regulated'] satisfies FeeKind[]),
  amount: z.number().check(z.int(), z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER)),
});
export type FeeSummary = z.infer<typeof FeeSummary>;

/** A service as the index and the list need it; `GET /services/{id}` has the full standard. */
export const ServiceSummary = z.object({
  id: Slug,
  agencyId: Slug,
  name: z.string(),
  /** Other names citizens use (`bikin KTP`, `e-KTP`). */
  aliases: z.array(z.string()),
  summary: z.string(),
  /** What the citizen gets (`KTP-el`). */
  product: z.string(),
  onlineQueue: z.boolean(),
  queuePrefix: z.string(),
  /** Online queue places a day: the agency's own measure of demand (the "most used" order). */
  dailyQuota: z.number().check(z.int(), z.minimum(0)),
  /** What the list row shows beside the name: the fee's kind and amount (its texts are in the record) and how long the service takes. */
  fee: FeeSummary,
  duration: z.string(),
});
export type ServiceSummary = z.infer<typeof ServiceSummary>;

/** The summary of a full record: what `GET /catalog/index` ships and what both sides search. */
export const summarizeService = (s: Service): ServiceSummary => ({
  id: s.id,
  agencyId: s.agencyId,
  name: s.name,
  aliases: s.aliases,
  summary: s.summary,
  product: s.product,
  onlineQueue: s.onlineQueue,
  queuePrefix: s.queuePrefix,
  dailyQuota: s.dailyQuota,
  fee: { kind: s.fee.kind, amount: s.fee.amount },
  duration: s.duration,
});

/**
 * The largest catalog the index ships to a phone: about 100 KB compressed (≈ 95 bytes a service),
 * half a second at 1.6 Mbit/s, paid once and then kept on the device. A scope with more services
 * (the national catalog, 14,000) is searched on the server instead (`GET /catalog/search`): a
 * round trip per pause in typing, but no megabytes up front.
 */
export const CATALOG_SHIP_LIMIT = 1000;

/** The compact catalog of a scope: every agency and every service summary, in one response with an ETag. */
export const CatalogIndexResponse = z.object({
  /** Every agency of the scope; empty when `remote` (a search page carries the agencies of its results). */
  agencies: z.array(Agency),
  /** Every service of the scope; empty when `remote` is true. */
  services: z.array(ServiceSummary),
  total: z.number().check(z.int(), z.minimum(0)),
  /** The scope has more than `CATALOG_SHIP_LIMIT` services: search it with `GET /catalog/search` (1,380 agencies are 32 KB compressed: not shipped either). */
  remote: z.boolean(),
});
export type CatalogIndexResponse = z.infer<typeof CatalogIndexResponse>;

export const CatalogIndexQuery = z.object({ agency: z.optional(Slug) });
export type CatalogIndexQuery = z.infer<typeof CatalogIndexQuery>;

/** Server-side search: the query as typed (empty: the whole scope, most used first), a page of results. */
export const CatalogSearchQuery = z.object({
  // Not trimmed: a trailing space tells the search the last word is complete (no prefix expansion).
  // Absent or empty: the whole scope, most used first.
  q: z.optional(text({ max: 100, trim: false })),
  agency: z.optional(Slug),
  limit: z.optional(decimal(1, 100)),
  offset: z.optional(decimal(0, 20_000)),
});
export type CatalogSearchQuery = z.infer<typeof CatalogSearchQuery>;

export const CatalogSearchResult = z.object({
  items: z.array(ServiceSummary),
  /** True when more matches follow this page (ask again with `offset + limit`): every match is reachable. */
  more: z.boolean(),
  limit: z.number().check(z.int(), z.minimum(1)),
  offset: z.number().check(z.int(), z.minimum(0)),
  /** "Did you mean" when nothing matched. */
  suggestions: z.array(z.string()),
  /** The agencies of this page's services (a catalog too large to ship does not ship its agencies either). */
  agencies: z.array(Agency),
});
export type CatalogSearchResult = z.infer<typeof CatalogSearchResult>;
