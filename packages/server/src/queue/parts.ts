import type { Deps } from '../context.js';
import { createNikHasher, type NikHasher } from '../crypto/nik-hasher.js';
import { RateLimiter } from '../http/rate-limit.js';
import { createBookingFastPath, type BookingFastPath } from './fast-path/index.js';
import { RulesCache } from './rules-cache.js';
import { dayOf } from './rules.js';
import { QueueStates } from './state.js';

/** Everything the queue routes keep between requests, made once per app by the factory. */
export interface QueueParts {
  rules: RulesCache;
  fast: BookingFastPath;
  states: QueueStates;
  nikHash: NikHasher;
  limits: { bookings: RateLimiter; lookups: RateLimiter; wrongPhones: RateLimiter };
}

export function createQueueParts(deps: Deps): QueueParts {
  const { db, clock, config } = deps;
  return {
    rules: new RulesCache(),
    fast: createBookingFastPath(db, clock, (rules, date, now) => dayOf(rules, date, now)),
    states: new QueueStates(),
    nikHash: createNikHasher(config.secret),
    limits: {
      bookings: new RateLimiter(config.limits.bookingAttempts, clock),
      lookups: new RateLimiter(config.limits.lookups, clock),
      wrongPhones: new RateLimiter(config.limits.wrongPhones, clock),
    },
  };
}
