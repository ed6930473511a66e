import { Hono } from 'hono';
import { HolidayIdParam, HolidayQuery, HolidayRequest, ROUTES, addDays, todayIn } from '@mpp-kit/core';
import { staffAccount } from '../auth/staff.js';
import { agencyExists, agencyOfService } from '../catalog/index.js';
import type { Env } from '../context.js';
import { isUniqueViolation } from '../db/errors.js';
import { idempotent } from '../http/idempotency.js';
import { ProblemException } from '../http/problem.js';
import { honoPath, validate } from '../http/validate.js';
import { deleteHoliday, findHoliday, insertHoliday, listHolidays, officeZone } from './repository.js';
import { mayEditHoliday } from './rules.js';

/** National holidays, cuti bersama and closures: public list, staff create and delete. */
export function holidayRoutes(): Hono<Env> {
  const r = new Hono<Env>();

  r.get(honoPath(ROUTES.listHolidays.path), async (c) => {
    const q = validate(HolidayQuery, c.req.query());
    const { db, clock } = c.get('deps');
    const from = q.from ?? todayIn(await officeZone(db), clock.now());
    return c.json({ items: await listHolidays(db, from, q.to ?? addDays(from, 90)) });
  });

  r.post(honoPath(ROUTES.createHoliday.path), async (c) => {
    const staff = await staffAccount(c);
    const body = validate(HolidayRequest, c.get('body'));
    const { db } = c.get('deps');
    let agencyId = body.agencyId ?? null;
    if (body.serviceId) {
      const owner = await agencyOfService(db, body.serviceId);
      if (!owner) throw new ProblemException(404, 'service_not_found', `No service with id ${body.serviceId}`);
      if (agencyId && agencyId !== owner)
        throw new ProblemException(400, 'holiday_scope_mismatch', `Service ${body.serviceId} belongs to agency ${owner}, not ${agencyId}`, [
          { path: 'agencyId', code: 'holiday_scope_mismatch' },
        ]);
      agencyId = owner;
    }
    if (agencyId && !(await agencyExists(db, agencyId)))
      throw new ProblemException(404, 'agency_not_found', `No agency with id ${agencyId}`);
    if (!mayEditHoliday(staff, agencyId)) throw new ProblemException(403, 'forbidden', 'This account may not close this scope');
    return idempotent(c, 'holiday', body, async (tx) => {
      try {
        const holiday = await insertHoliday(tx, {
          date: body.date,
          name: body.name.trim(),
          kind: body.kind,
          agencyId: body.serviceId ? null : agencyId,
          serviceId: body.serviceId ?? null,
        });
        return { status: 201, body: holiday };
      } catch (e) {
        if (isUniqueViolation(e)) throw new ProblemException(409, 'holiday_exists', 'That date is already closed for this scope');
        throw e;
      }
    });
  });

  r.delete(honoPath(ROUTES.deleteHoliday.path), async (c) => {
    const staff = await staffAccount(c);
    const { id } = validate(HolidayIdParam, c.req.param());
    const { db } = c.get('deps');
    const found = await findHoliday(db, Number(id));
    if (!found) throw new ProblemException(404, 'holiday_not_found', 'No such holiday or closure');
    if (!mayEditHoliday(staff, found.scopeAgency)) throw new ProblemException(403, 'forbidden', 'This account may not reopen this scope');
    await deleteHoliday(db, Number(id));
    return c.json(found.holiday);
  });

  return r;
}
