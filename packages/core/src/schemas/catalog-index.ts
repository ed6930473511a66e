/**
 * The catalog as a phone needs it: a compact index for search and the list (what `createCatalogIndex`
 * and a list row read), full records only when one is opened; and, for catalogs too large to ship
 * (the national catalog, 14,000 services), the same search run by the server.
 */
import * as z from 'zod/mini';
import { Agency } from './catalog.js';
import { Slug } from './common.js';
import { decimal } from './input.js';
import { text } from './text.js';

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
});
export type ServiceSummary = z.infer<typeof ServiceSummary>;

/** The compact catalog of a scope: every agency and every service summary, in one response with an ETag. */
export const CatalogIndexResponse = z.object({
  agencies: z.array(Agency),
  services: z.array(ServiceSummary),
  total: z.number().check(z.int(), z.minimum(0)),
});
export type CatalogIndexResponse = z.infer<typeof CatalogIndexResponse>;

export const CatalogIndexQuery = z.object({ agency: z.optional(Slug) });
export type CatalogIndexQuery = z.infer<typeof CatalogIndexQuery>;

/** Server-side search: the query as typed (empty: the whole scope by name), a page of results. */
export const CatalogSearchQuery = z.object({
  // Not trimmed: a trailing space tells the search the last word is complete (no prefix expansion).
  q: text({ max: 100, trim: false }),
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
});
export type CatalogSearchResult = z.infer<typeof CatalogSearchResult>;
