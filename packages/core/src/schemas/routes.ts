import type * as z from 'zod/mini';
import { COMPLAINT_ROUTES } from './complaint-routes.js';
import { Health, IDENTITY_PROBLEMS, Problem } from './common.js';
import { AgencyList, IdParam, Service, ServiceList, ServiceQuery, Agency } from './catalog.js';
import { CatalogIndexQuery, CatalogIndexResponse, CatalogSearchQuery, CatalogSearchResult } from './catalog-index.js';
import {
  Availability,
  AvailabilityQuery,
  BookingRequest,
  CallNextRequest,
  CallResult,
  CodeParam,
  QueueIdParam,
  QueueState,
  RescheduleRequest,
  ServiceIdParam,
  Ticket,
  TicketLookup,
  TicketPosition,
  Holiday,
  HolidayIdParam,
  HolidayList,
  HolidayQuery,
  HolidayRequest,
} from './queue.js';
import { NoContent, RefreshRequest, SignInRequest, SignOutRequest, StaffMe, StaffTokens } from './staff.js';

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
  /** Creates something: takes an `Idempotency-Key` header and answers 201. */
  idempotent?: boolean;
  /** Needs `Authorization: Bearer <staff token>`. */
  staff?: boolean;
  /** Answers a `text/event-stream` of `response` objects. */
  sse?: boolean;
  /** Answers 204 No Content (`response` is `NoContent`). */
  noContent?: boolean;
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
  getCatalogIndex: {
    method: 'get',
    path: `${API_PREFIX}/catalog/index`,
    operationId: 'getCatalogIndex',
    summary: 'The compact catalog for search and lists: every agency and every service summary (full records: getService)',
    tag: 'catalog',
    query: CatalogIndexQuery,
    response: CatalogIndexResponse,
    problems: { 400: ['validation_failed'], 404: ['agency_not_found'] },
    etag: true,
  },
  searchCatalog: {
    method: 'get',
    path: `${API_PREFIX}/catalog/search`,
    operationId: 'searchCatalog',
    summary: "Search the catalog on the server with the SDK's own ranking (for catalogs too large to ship, such as the national one)",
    tag: 'catalog',
    query: CatalogSearchQuery,
    response: CatalogSearchResult,
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
  getAvailability: {
    method: 'get',
    path: `${API_PREFIX}/services/{id}/availability`,
    operationId: 'getAvailability',
    summary: 'Bookable dates and slots of a service, with closed dates and why',
    tag: 'queue',
    params: ServiceIdParam,
    query: AvailabilityQuery,
    response: Availability,
    problems: { 400: ['validation_failed'], 404: ['service_not_found'] },
  },
  createBooking: {
    method: 'post',
    path: `${API_PREFIX}/bookings`,
    operationId: 'createBooking',
    summary: 'Book a queue ticket (one per NIK per service per day); retry safely with the same Idempotency-Key',
    tag: 'queue',
    body: BookingRequest,
    response: Ticket,
    idempotent: true,
    problems: {
      400: ['validation_failed', 'malformed_json'],
      404: ['service_not_found', 'slot_not_found'],
      409: ['slot_full', 'duplicate_booking'],
      422: [
        ...IDENTITY_PROBLEMS,
        'date_past',
        'date_closed',
        'date_not_open_yet',
        'date_beyond_window',
        'no_online_queue',
        'idempotency_key_reused',
      ],
    },
  },
  lookupBooking: {
    method: 'post',
    path: `${API_PREFIX}/bookings/{code}/lookup`,
    operationId: 'lookupBooking',
    summary: 'A ticket by its booking code and the phone number it was booked with',
    tag: 'queue',
    params: CodeParam,
    body: TicketLookup,
    response: Ticket,
    problems: { 400: ['validation_failed'], 403: ['phone_mismatch'], 404: ['booking_not_found'], 429: ['rate_limited'] },
  },
  cancelBooking: {
    method: 'post',
    path: `${API_PREFIX}/bookings/{code}/cancel`,
    operationId: 'cancelBooking',
    summary: 'Cancel a ticket; its place is free again at once',
    tag: 'queue',
    params: CodeParam,
    body: TicketLookup,
    response: Ticket,
    problems: {
      400: ['validation_failed'],
      403: ['phone_mismatch'],
      404: ['booking_not_found'],
      409: ['booking_not_changeable'],
      429: ['rate_limited'],
    },
  },
  rescheduleBooking: {
    method: 'post',
    path: `${API_PREFIX}/bookings/{code}/reschedule`,
    operationId: 'rescheduleBooking',
    summary: 'Move a ticket to another slot, up to the day before; the old place is freed at once',
    tag: 'queue',
    params: CodeParam,
    body: RescheduleRequest,
    response: Ticket,
    problems: {
      400: ['validation_failed'],
      403: ['phone_mismatch'],
      404: ['booking_not_found', 'slot_not_found'],
      409: ['slot_full', 'booking_cancelled', 'booking_not_changeable', 'duplicate_booking'],
      422: ['date_past', 'date_closed', 'date_not_open_yet', 'date_beyond_window'],
      429: ['rate_limited'],
    },
  },
  getPosition: {
    method: 'get',
    path: `${API_PREFIX}/bookings/{code}/position`,
    operationId: 'getPosition',
    summary: "A ticket's place in its queue: people ahead and estimated wait (no personal data)",
    tag: 'queue',
    params: CodeParam,
    response: TicketPosition,
    problems: { 400: ['validation_failed'], 404: ['booking_not_found'] },
  },
  getQueue: {
    method: 'get',
    path: `${API_PREFIX}/queues/{queueId}`,
    operationId: 'getQueue',
    summary: 'Live state of a queue (now serving, waiting numbers, pace); the polling fallback of the event stream',
    tag: 'queue',
    params: QueueIdParam,
    response: QueueState,
    problems: { 400: ['validation_failed'], 404: ['queue_not_found'] },
  },
  queueEvents: {
    method: 'get',
    path: `${API_PREFIX}/queues/{queueId}/events`,
    operationId: 'queueEvents',
    summary: 'Server-Sent Events: the queue state after every change; resumes with Last-Event-ID',
    tag: 'queue',
    params: QueueIdParam,
    response: QueueState,
    sse: true,
    problems: { 400: ['validation_failed'], 404: ['queue_not_found'] },
  },
  callNext: {
    method: 'post',
    path: `${API_PREFIX}/staff/queues/{queueId}/call-next`,
    operationId: 'callNext',
    summary: 'Staff: finish the ticket at this counter and call the next one',
    tag: 'staff',
    params: QueueIdParam,
    body: CallNextRequest,
    response: CallResult,
    staff: true,
    problems: { 400: ['validation_failed'], 401: ['unauthorized'], 403: ['forbidden'], 404: ['queue_not_found'] },
  },
  listHolidays: {
    method: 'get',
    path: `${API_PREFIX}/holidays`,
    operationId: 'listHolidays',
    summary: 'Holidays, cuti bersama and closures of the office (default: the next 90 days)',
    tag: 'queue',
    query: HolidayQuery,
    response: HolidayList,
    problems: { 400: ['validation_failed'] },
  },
  createHoliday: {
    method: 'post',
    path: `${API_PREFIX}/staff/holidays`,
    operationId: 'createHoliday',
    summary: 'Staff: add a holiday or closure (admin: any; agency admin: their agency or its services)',
    tag: 'staff',
    body: HolidayRequest,
    response: Holiday,
    staff: true,
    idempotent: true,
    problems: {
      400: ['validation_failed'],
      401: ['unauthorized'],
      403: ['forbidden'],
      404: ['agency_not_found', 'service_not_found'],
      409: ['holiday_exists'],
    },
  },
  deleteHoliday: {
    method: 'delete',
    path: `${API_PREFIX}/staff/holidays/{id}`,
    operationId: 'deleteHoliday',
    summary: 'Staff: remove a holiday or closure',
    tag: 'staff',
    params: HolidayIdParam,
    response: Holiday,
    staff: true,
    problems: { 400: ['validation_failed'], 401: ['unauthorized'], 403: ['forbidden'], 404: ['holiday_not_found'] },
  },
  staffSignIn: {
    method: 'post',
    path: `${API_PREFIX}/staff/sign-in`,
    operationId: 'staffSignIn',
    summary:
      'Staff: sign in with e-mail and password for a short-lived access token and a refresh token; a wrong e-mail and a wrong password get the same 401',
    tag: 'staff',
    body: SignInRequest,
    response: StaffTokens,
    problems: { 400: ['validation_failed', 'malformed_json'], 401: ['unauthorized'], 429: ['rate_limited'] },
  },
  staffRefresh: {
    method: 'post',
    path: `${API_PREFIX}/staff/refresh`,
    operationId: 'staffRefresh',
    summary: 'Staff: trade the refresh token for a new pair; the old one stops working, and using it again ends the session',
    tag: 'staff',
    body: RefreshRequest,
    response: StaffTokens,
    problems: { 400: ['validation_failed', 'malformed_json'], 401: ['unauthorized'] },
  },
  staffSignOut: {
    method: 'post',
    path: `${API_PREFIX}/staff/sign-out`,
    operationId: 'staffSignOut',
    summary: 'Staff: end the session of this access token; both of its tokens stop working',
    tag: 'staff',
    body: SignOutRequest,
    response: NoContent,
    staff: true,
    noContent: true,
    problems: { 400: ['bad_request'], 401: ['unauthorized'] },
  },
  staffMe: {
    method: 'get',
    path: `${API_PREFIX}/staff/me`,
    operationId: 'staffMe',
    summary: 'Staff: the signed-in account (role and agency scope)',
    tag: 'staff',
    response: StaffMe,
    staff: true,
    problems: { 401: ['unauthorized'] },
  },
  ...COMPLAINT_ROUTES,
} as const satisfies Record<string, RouteSpec>;

export type RouteName = keyof typeof ROUTES;
export { Problem as ProblemSchema };
