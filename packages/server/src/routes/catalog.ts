import { Hono } from 'hono';
import type { Context } from 'hono';
import { createHash } from 'node:crypto';
import { IdParam, ROUTES, ServiceQuery, type Agency, type Service } from '@mpp-kit/core';
import { honoPath, validate, type Env } from '../app.js';
import type { Sql } from '../db/types.js';
import { ProblemException } from '../problem.js';

type Row = Record<string, unknown>;
const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());
const json = <T>(v: unknown): T => (typeof v === 'string' ? (JSON.parse(v) as T) : (v as T));

export const AGENCY_SELECT = `select a.id, a.name, a.short_name, a.aliases, a.kind, a.description, a.website, a.coordinator, a.demo,
  (select count(*)::int from services s where s.agency_id = a.id) as service_count from agencies a`;

export const SERVICE_SELECT = `select id, agency_id, name, aliases, summary, requirements, steps, duration, counter_minutes,
  fee_amount::float8 as fee_amount, fee_note, product, legal_basis, complaint_channel, location, online_queue, queue_prefix,
  daily_quota, demo, updated_at from services`;

export const toAgency = (r: Row): Agency => ({
  id: r.id as string,
  name: r.name as string,
  shortName: r.short_name as string,
  aliases: json<string[]>(r.aliases),
  kind: r.kind as Agency['kind'],
  description: r.description as string,
  website: (r.website as string | null) ?? null,
  coordinator: r.coordinator as boolean,
  serviceCount: Number(r.service_count),
  demo: r.demo as boolean,
});

export const toService = (r: Row): Service => ({
  id: r.id as string,
  agencyId: r.agency_id as string,
  name: r.name as string,
  aliases: json<string[]>(r.aliases),
  summary: r.summary as string,
  requirements: json<string[]>(r.requirements),
  steps: json<string[]>(r.steps),
  duration: r.duration as string,
  counterMinutes: Number(r.counter_minutes),
  fee: { amount: Number(r.fee_amount), note: (r.fee_note as string | null) ?? null },
  product: r.product as string,
  legalBasis: json<string[]>(r.legal_basis),
  complaintChannel: r.complaint_channel as string,
  location: r.location as string,
  onlineQueue: r.online_queue as boolean,
  queuePrefix: r.queue_prefix as string,
  dailyQuota: Number(r.daily_quota),
  demo: r.demo as boolean,
  updatedAt: iso(r.updated_at),
});

/** The catalog version: moves with every insert, update or delete of an agency or a service. */
export async function catalogVersion(db: Sql): Promise<string> {
  const [v] = await db.query<{ a: number; s: number; t: unknown }>(
    `select (select count(*)::int from agencies) as a, (select count(*)::int from services) as s,
       greatest((select max(updated_at) from agencies), (select max(updated_at) from services)) as t`,
  );
  return `${v?.a}:${v?.s}:${v?.t ? iso(v.t) : '-'}`;
}

/**
 * Answers 304 when the client's `If-None-Match` matches the current catalog version for this URL;
 * otherwise sets the ETag and lets the handler build the body.
 */
async function conditional(c: Context<Env>, build: () => Promise<Response>): Promise<Response> {
  const url = new URL(c.req.url);
  url.searchParams.sort();
  const version = await catalogVersion(c.get('deps').db);
  const etag = `W/"${createHash('sha1').update(`${version}|${url.pathname}?${url.searchParams}`).digest('base64url').slice(0, 22)}"`;
  const inm = c.req.header('if-none-match');
  const headers = { etag, 'cache-control': 'public, no-cache' };
  if (inm && inm.split(',').some((t) => t.trim() === etag || t.trim() === '*')) return new Response(null, { status: 304, headers });
  const res = await build();
  for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
  return res;
}

export function catalogRoutes(): Hono<Env> {
  const r = new Hono<Env>();

  r.get(honoPath(ROUTES.listAgencies.path), (c) =>
    conditional(c, async () => {
      const rows = await c.get('deps').db.query(`${AGENCY_SELECT} order by a.coordinator desc, a.position, a.name`);
      return c.json({ items: rows.map(toAgency), total: rows.length });
    }),
  );

  r.get(honoPath(ROUTES.getAgency.path), (c) => {
    const { id } = validate(IdParam, c.req.param());
    return conditional(c, async () => {
      const [row] = await c.get('deps').db.query(`${AGENCY_SELECT} where a.id = $1`, [id]);
      if (!row) throw new ProblemException(404, 'agency_not_found', `No agency with id ${id}`);
      return c.json(toAgency(row));
    });
  });

  r.get(honoPath(ROUTES.listServices.path), (c) => {
    const q = validate(ServiceQuery, c.req.query());
    const limit = q.limit ?? 50;
    const offset = q.offset ?? 0;
    return conditional(c, async () => {
      const db = c.get('deps').db;
      if (q.agency) {
        const [a] = await db.query(`select 1 from agencies where id = $1`, [q.agency]);
        if (!a) throw new ProblemException(404, 'agency_not_found', `No agency with id ${q.agency}`);
      }
      const where = q.agency ? 'where agency_id = $1' : '';
      const params: unknown[] = q.agency ? [q.agency] : [];
      const n = params.length;
      const [rows, [count]] = await Promise.all([
        db.query(`${SERVICE_SELECT} ${where} order by name, id limit $${n + 1} offset $${n + 2}`, [...params, limit, offset]),
        db.query<{ total: number }>(`select count(*)::int as total from services ${where}`, params),
      ]);
      return c.json({ items: rows.map(toService), total: Number(count?.total ?? 0), limit, offset });
    });
  });

  r.get(honoPath(ROUTES.getService.path), (c) => {
    const { id } = validate(IdParam, c.req.param());
    return conditional(c, async () => {
      const [row] = await c.get('deps').db.query(`${SERVICE_SELECT} where id = $1`, [id]);
      if (!row) throw new ProblemException(404, 'service_not_found', `No service with id ${id}`);
      return c.json(toService(row));
    });
  });

  return r;
}
