import { newIdempotencyKey, type Http, type RequestOptions } from '../http/client.js';
import { Availability, CallResult, QueueState, Ticket, TicketPosition, type BookingRequest } from '../schemas/queue.js';

export interface QueueApi {
  availability(serviceId: string, query?: { from?: string; days?: number }, options?: RequestOptions): Promise<Availability>;
  /** Books a ticket. Pass the same `idempotencyKey` when retrying: the server answers with the first ticket. */
  book(request: BookingRequest, options?: RequestOptions & { idempotencyKey?: string }): Promise<Ticket>;
  lookup(code: string, phone: string, options?: RequestOptions): Promise<Ticket>;
  cancel(code: string, phone: string, options?: RequestOptions): Promise<Ticket>;
  reschedule(code: string, phone: string, slotId: string, options?: RequestOptions): Promise<Ticket>;
  position(code: string, options?: RequestOptions): Promise<TicketPosition>;
  queue(queueId: string, date?: string, options?: RequestOptions): Promise<QueueState>;
  /** URL of the queue's Server-Sent Events stream. */
  eventsUrl(queueId: string, date?: string): string;
  /** Staff: call the next ticket at a counter (needs a client created with an Authorization header). */
  callNext(queueId: string, counter: string, options?: RequestOptions): Promise<CallResult>;
}

export function createQueueApi(http: Http): QueueApi {
  const enc = encodeURIComponent;
  return {
    availability: (id, q = {}, o = {}) => http.get(`services/${enc(id)}/availability`, Availability, { ...o, searchParams: { ...q } }),
    book: (req, o = {}) => http.post('bookings', req, Ticket, { ...o, idempotencyKey: o.idempotencyKey ?? newIdempotencyKey() }),
    lookup: (code, phone, o) => http.post(`bookings/${enc(code)}/lookup`, { phone }, Ticket, o),
    cancel: (code, phone, o) => http.post(`bookings/${enc(code)}/cancel`, { phone }, Ticket, o),
    reschedule: (code, phone, slotId, o) => http.post(`bookings/${enc(code)}/reschedule`, { phone, slotId }, Ticket, o),
    position: (code, o) => http.get(`bookings/${enc(code)}/position`, TicketPosition, o),
    queue: (queueId, date, o = {}) => http.get(`queues/${enc(queueId)}`, QueueState, { ...o, searchParams: { date } }),
    eventsUrl: (queueId, date) => new URL(`queues/${enc(queueId)}/events${date ? `?date=${enc(date)}` : ''}`, http.baseUrl).href,
    callNext: (queueId, counter, o) => http.post(`staff/queues/${enc(queueId)}/call-next`, { counter }, CallResult, o),
  };
}
