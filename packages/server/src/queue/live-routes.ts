import { Hono } from 'hono';
import { QueueDayQuery, QueueEventsQuery, QueueIdParam, ROUTES, todayIn } from '@mpp-kit/core';
import type { Env } from '../context.js';
import { honoPath, validate } from '../http/validate.js';
import { busKey } from '../live/bus.js';
import { liveStream } from '../live/sse.js';
import type { QueueParts } from './parts.js';
import { queueZone } from './repository.js';
import { queueState } from './state.js';

/** The public state of a queue's day, once or as a live stream. */
export function liveRoutes(parts: QueueParts): Hono<Env> {
  const r = new Hono<Env>();

  r.get(honoPath(ROUTES.getQueue.path), async (c) => {
    const { queueId } = validate(QueueIdParam, c.req.param());
    const q = validate(QueueDayQuery, c.req.query());
    const { db, clock } = c.get('deps');
    const now = clock.now();
    const date = q.date ?? todayIn(await queueZone(db, queueId), now);
    if (q.date) await queueZone(db, queueId); // 404 for an unknown queue on any date
    return c.json(await queueState(db, queueId, date, now));
  });

  r.get(honoPath(ROUTES.queueEvents.path), async (c) => {
    const { queueId } = validate(QueueIdParam, c.req.param());
    const q = validate(QueueEventsQuery, c.req.query());
    const { db, clock, bus } = c.get('deps');
    const tz = await queueZone(db, queueId);
    const date = q.date ?? todayIn(tz, clock.now());
    return liveStream(c, {
      bus,
      key: busKey(queueId, date),
      event: 'queue',
      load: (version) => parts.states.get(db, queueId, date, clock.now(), version),
    });
  });

  return r;
}
