import { Hono } from 'hono';
import type { Context } from 'hono';
import { createHash } from 'node:crypto';
import { CatalogIndexQuery, CatalogSearchQuery, IdParam, ROUTES, ServiceQuery } from '@mpp-kit/core';
import type { Clock, Env } from '../context.js';
import type { Sql } from '../db/types.js';
import { ProblemException } from '../http/problem.js';
import { honoPath, validate } from '../http/validate.js';
import { agencyExists, catalogVersion, findAgency, findService, listAgencies, listServices } from './repository.js';
import { CatalogSearch } from './search.js';

/** How long a catalog version read from the database is trusted: a change shows within this on every instance. */
const VERSION_MEMO_MS = 1000;

/** What the catalog routes keep between requests, made once per app. */
export interface CatalogParts {
  search: CatalogSearch;
  /** The catalog version, read at most once per VERSION_MEMO_MS (typing sends a request per keystroke). */
  version(db: Sql): Promise<string>;
}

export function createCatalogParts(clock: Clock): CatalogParts {
  let memo: { at: number; version: Promise<string> } | null = null;
  return {
    search: new CatalogSearch(),
    version(db) {
      const now = clock.now().getTime();
      if (!memo || now - memo.at >= VERSION_MEMO_MS || now < memo.at) {
        const version = catalogVersion(db);
        const m = { at: now, version };
        memo = m;
        version.catch(() => {
          if (memo === m) memo = null;
        });
      }
      return memo.version;
    },
  };
}

/**
 * Answers 304 when the client's `If-None-Match` matches the current catalog version for this URL;
 * otherwise sets the ETag and lets the handler build the body.
 */
async function conditional(c: Context<Env>, parts: CatalogParts, build: (version: string) => Promise<Response>): Promise<Response> {
  const url = new URL(c.req.url);
  url.searchParams.sort();
  const version = await parts.version(c.get('deps').db);
  const etag = `W/"${createHash('sha1').update(`${version}|${url.pathname}?${url.searchParams}`).digest('base64url').slice(0, 22)}"`;
  const inm = c.req.header('if-none-match');
  const headers = { etag, 'cache-control': 'public, no-cache' };
  if (inm && inm.split(',').some((t) => t.trim() === etag || t.trim() === '*')) return new Response(null, { status: 304, headers });
  const res = await build(version);
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}

export function catalogRoutes(parts: CatalogParts): Hono<Env> {
  const r = new Hono<Env>();

  r.get(honoPath(ROUTES.getCatalogIndex.path), (c) => {
    const q = validate(CatalogIndexQuery, c.req.query());
    return conditional(c, parts, async (version) => {
      const db = c.get('deps').db;
      if (q.agency && !(await agencyExists(db, q.agency)))
        throw new ProblemException(404, 'agency_not_found', `No agency with id ${q.agency}`);
      return c.json(await parts.search.index(db, q.agency ?? null, version));
    });
  });

  r.get(honoPath(ROUTES.searchCatalog.path), (c) => {
    const q = validate(CatalogSearchQuery, c.req.query());
    const limit = q.limit ?? 20;
    const offset = q.offset ?? 0;
    return conditional(c, parts, async (version) => {
      const db = c.get('deps').db;
      if (q.agency && !(await agencyExists(db, q.agency)))
        throw new ProblemException(404, 'agency_not_found', `No agency with id ${q.agency}`);
      const found = await parts.search.search(db, q.q ?? '', q.agency ?? null, { offset, limit }, version);
      return c.json({
        items: found.items,
        more: found.more,
        limit,
        offset,
        suggestions: found.suggestions,
        agencies: found.agencies,
      });
    });
  });

  r.get(honoPath(ROUTES.listAgencies.path), (c) =>
    conditional(c, parts, async () => {
      const items = await listAgencies(c.get('deps').db);
      return c.json({ items, total: items.length });
    }),
  );

  r.get(honoPath(ROUTES.getAgency.path), (c) => {
    const { id } = validate(IdParam, c.req.param());
    return conditional(c, parts, async () => {
      const agency = await findAgency(c.get('deps').db, id);
      if (!agency) throw new ProblemException(404, 'agency_not_found', `No agency with id ${id}`);
      return c.json(agency);
    });
  });

  r.get(honoPath(ROUTES.listServices.path), (c) => {
    const q = validate(ServiceQuery, c.req.query());
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    return conditional(c, parts, async () => {
      const db = c.get('deps').db;
      if (q.agency && !(await agencyExists(db, q.agency)))
        throw new ProblemException(404, 'agency_not_found', `No agency with id ${q.agency}`);
      const page = await listServices(db, { agency: q.agency, limit, offset });
      return c.json({ ...page, limit, offset });
    });
  });

  r.get(honoPath(ROUTES.getService.path), (c) => {
    const { id } = validate(IdParam, c.req.param());
    return conditional(c, parts, async () => {
      const service = await findService(c.get('deps').db, id);
      if (!service) throw new ProblemException(404, 'service_not_found', `No service with id ${id}`);
      return c.json(service);
    });
  });

  return r;
}
