import type * as z from 'zod/mini';
import { Health, Problem } from './common.js';
import { AgencyList, IdParam, Service, ServiceList, ServiceQuery, Agency } from './catalog.js';

/** One endpoint of the API, described once: the server validates with it, the OpenAPI document is generated from it. */
export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path template, relative to the server root (`/api/v1/services/{id}`). */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  params?: z.ZodMiniObject;
  query?: z.ZodMiniObject;
  body?: z.ZodMiniType;
  response: z.ZodMiniType;
  /** Problem codes this route can answer with, by HTTP status. */
  problems: Record<number, readonly string[]>;
  /** Conditional GET with ETag / If-None-Match. */
  etag?: boolean;
}

export const API_PREFIX = '/api/v1';

/** Every route of the public contract. Adding a route here without a handler fails the server tests. */
export const ROUTES = {
  health: {
    method: 'get',
    path: '/healthz',
    operationId: 'getHealth',
    summary: 'Liveness and database check',
    tag: 'system',
    response: Health,
    problems: {},
  },
  listAgencies: {
    method: 'get',
    path: `${API_PREFIX}/agencies`,
    operationId: 'listAgencies',
    summary: 'List the agencies of this MPP',
    tag: 'catalog',
    response: AgencyList,
    problems: {},
    etag: true,
  },
  getAgency: {
    method: 'get',
    path: `${API_PREFIX}/agencies/{id}`,
    operationId: 'getAgency',
    summary: 'One agency',
    tag: 'catalog',
    params: IdParam,
    response: Agency,
    problems: { 400: ['validation_failed'], 404: ['agency_not_found'] },
    etag: true,
  },
  listServices: {
    method: 'get',
    path: `${API_PREFIX}/services`,
    operationId: 'listServices',
    summary: 'List services, optionally of one agency, paginated with a total',
    tag: 'catalog',
    query: ServiceQuery,
    response: ServiceList,
    problems: { 400: ['validation_failed'], 404: ['agency_not_found'] },
    etag: true,
  },
  getService: {
    method: 'get',
    path: `${API_PREFIX}/services/{id}`,
    operationId: 'getService',
    summary: 'One service with its full service standard',
    tag: 'catalog',
    params: IdParam,
    response: Service,
    problems: { 400: ['validation_failed'], 404: ['service_not_found'] },
    etag: true,
  },
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof ROUTES;
export { Problem as ProblemSchema };
