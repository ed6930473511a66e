import type { Sql } from '../db/types.js';
import { WAITING_STATUSES } from '@mpp-kit/core';

/**
 * Calls the next waiting ticket of a queue's day to `counter`: the ticket this counter was serving
 * is marked served first. Returns the called ticket's code and number, or null when none waits.
 */
export async function callNext(
  tx: Sql,
  o: { queueId: string; date: string; counter: string; now: Date },
): Promise<{ code: string; number: number } | null> {
  const at = o.now.toISOString();
  await tx.query(
    `update bookings set status = 'served', served_at = $4::timestamptz where queue_id = $1 and date = $2::date and status = 'called' and counter = $3`,
    [o.queueId, o.date, o.counter, at],
  );
  const [next] = await tx.query<{ code: string; number: number }>(
    `select code, number from bookings where queue_id = $1 and date = $2::date and status = any($3::text[])
      order by slot_start, number limit 1 for update skip locked`,
    [o.queueId, o.date, [...WAITING_STATUSES]],
  );
  if (!next) return null;
  await tx.query(`update bookings set status = 'called', called_at = $3::timestamptz, counter = $2 where code = $1`, [
    next.code,
    o.counter,
    at,
  ]);
  await tx.query(
    `insert into queue_days (queue_id, date, now_serving_number) values ($1, $2::date, $3)
       on conflict (queue_id, date) do update set now_serving_number = $3`,
    [o.queueId, o.date, next.number],
  );
  return { code: next.code, number: Number(next.number) };
}
