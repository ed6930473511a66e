/**
 * The escalation sweep: complaints dispatched and still unanswered past a level of the policy
 * (24 h → the agency head, 48 h → the mayor's office) get their mails enqueued, once.
 *
 * Speed-up, and its invariants: the rule is core's `answerClock` (the widgets show the same clock);
 * the sweep evaluates it in SQL, set-based, one statement per level and batch (`escalateBatch`),
 * instead of row by row. It holds that (1) a complaint reaches level L exactly when `answerClock`
 * says it has passed L levels (levels are applied lowest first, and a complaint more than one level
 * late passes each one in the same sweep); (2) each mail is enqueued once per complaint, clock
 * start, level and recipient (the outbox's unique dedupe key), whatever runs the sweep, how often,
 * and on how many instances; (3) a batch is one transaction: level, note and mails together.
 */
import type { EscalationPolicy } from '@mpp-kit/core';
import type { Clock } from '../context.js';
import type { Db } from '../db/types.js';
import { escalateBatch } from './repository.js';

const BATCH = 5000;

/** Runs the sweep at the clock's now; returns the complaints moved up a level and the mails enqueued. */
export async function sweepEscalations(
  db: Db,
  clock: Clock,
  policy: EscalationPolicy,
  publicUrl: string,
): Promise<{ moved: number; mails: number }> {
  const now = clock.now();
  const total = { moved: 0, mails: 0 };
  for (const [i, step] of policy.levels.entries()) {
    for (;;) {
      const r = await db.transaction((tx) =>
        escalateBatch(tx, {
          now,
          level: i + 1,
          afterHours: step.afterHours,
          recipients: step.notify === 'agency_head' ? 'head' : 'mayor_office',
          limit: BATCH,
          publicUrl,
        }),
      );
      total.moved += r.moved;
      total.mails += r.mails;
      if (r.moved < BATCH) break;
    }
  }
  return total;
}
