import { Hono } from 'hono';
import { CallNextRequest, QueueIdParam, ROUTES, todayIn } from '@mpp-kit/core';
import { requireAgencyStaff } from '../auth/staff.js';
import type { Env } from '../context.js';
import { honoPath, validate } from '../http/validate.js';
import { busKey } from '../live/bus.js';
import { label, queueEvent, queueState, queueZone } from '../queue/index.js';
import { callNext } from './repository.js';

/** The counter's actions (staff of the queue's agency). */
export function counterRoutes(): Hono<Env> {
  const r = new Hono<Env>();

  r.post(honoPath(ROUTES.callNext.path), async (c) => {
    const { queueId } = validate(QueueIdParam, c.req.param());
    const { db, clock, bus } = c.get('deps');
    await requireAgencyStaff(c, queueId.split('.')[0]!);
    const body = validate(CallNextRequest, c.get('body'));
    const now = clock.now();
    const date = todayIn(await queueZone(db, queueId), now);
    let eventId = 0;
    const called = await db.transaction(async (tx) => {
      const next = await callNext(tx, { queueId, date, counter: body.counter.trim(), now });
      eventId = await queueEvent(tx, queueId, date, next ? 'called' : 'idle', now);
      return next ? { queueNumber: label(queueId.split('.')[1]!, next.number), code: next.code } : null;
    });
    bus.publish(busKey(queueId, date), eventId);
    return c.json({ queue: await queueState(db, queueId, date, now), called });
  });

  return r;
}
