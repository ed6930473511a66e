import { Hono } from 'hono';
import type { Env } from '../context.js';
import { bookingRoutes } from './booking-routes.js';
import { liveRoutes } from './live-routes.js';
import type { QueueParts } from './parts.js';
import { ticketRoutes } from './ticket-routes.js';

/** Every public route of the online queue. */
export function queueRoutes(parts: QueueParts): Hono<Env> {
  const r = new Hono<Env>();
  r.route('/', bookingRoutes(parts));
  r.route('/', ticketRoutes(parts));
  r.route('/', liveRoutes(parts));
  return r;
}
