import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Db } from './db/types.js';
import type { Logger } from './log.js';
import type { QueueBus } from './live/bus.js';
import type { ComplaintOptions } from './complaints/options.js';

/** Where every "now" comes from, in SQL too: tests move it instead of sleeping. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** A count allowed per window, per key (a client address, a NIK, a phone). */
export interface Limit {
  max: number;
  windowSeconds: number;
}

/**
 * Abuse limits. Per-address limits are generous on purpose: Indonesian mobile networks put many
 * citizens behind one address (carrier-grade NAT), so the limits that stop one person booking out
 * a day are the per-NIK and per-phone ones, which the database enforces.
 */
export interface AbuseLimits {
  /** Active (waiting) bookings one NIK may hold on one date, across services. */
  bookingsPerNikPerDay: number;
  /** Active (waiting) bookings one phone number may hold on one date, across services. */
  bookingsPerPhonePerDay: number;
  /** Booking attempts per client address. */
  bookingAttempts: Limit;
  /** Ticket look-ups, cancels and reschedules (anything that checks a phone) per client address. */
  lookups: Limit;
  /** Wrong phone numbers per client address: guessing the phone of a known code takes years. */
  wrongPhones: Limit;
}

export interface AppConfig {
  /** Origins allowed to embed the widgets (`*` for any: public endpoints use no cookies). */
  corsOrigins: '*' | string[];
  /** Largest accepted request body in bytes. */
  bodyLimit: number;
  version: string;
  /** Per-deployment secret for the NIK HMAC: MPP_SECRET or a file outside the database. */
  secret: string;
  limits: AbuseLimits;
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
}

export const DEFAULT_LIMITS: AbuseLimits = {
  bookingsPerNikPerDay: 3,
  bookingsPerPhonePerDay: 5,
  bookingAttempts: { max: 120, windowSeconds: 60 },
  lookups: { max: 120, windowSeconds: 60 },
  wrongPhones: { max: 10, windowSeconds: 3600 },
};

export const DEFAULT_CONFIG: Omit<AppConfig, 'secret'> = {
  corsOrigins: '*',
  bodyLimit: 64 * 1024,
  version: '0.0.0',
  limits: DEFAULT_LIMITS,
  trustProxy: false,
};

export interface AppDeps {
  db: Db;
  clock?: Clock;
  logger?: Logger;
  config?: Partial<Omit<AppConfig, 'limits'>> & { limits?: Partial<AbuseLimits> };
  /** Live queue changes; pass one bus to several apps that share a process. */
  bus?: QueueBus;
  /** Si Badra: photo store, mail transport, escalation policy, the city's boundary, public URL. */
  complaints?: Partial<ComplaintOptions>;
}

/** The parts every handler reaches through `c.get('deps')`, all made by the factory. */
export interface Deps {
  db: Db;
  clock: Clock;
  logger: Logger;
  config: AppConfig;
  bus: QueueBus;
}

export type Env = {
  /** Set by @hono/node-server; absent under `app.request()` and other runtimes. */
  Bindings: { incoming?: IncomingMessage; outgoing?: ServerResponse };
  Variables: { deps: Deps; body: unknown; requestId: string };
};
