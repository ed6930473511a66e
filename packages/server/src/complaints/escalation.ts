/**
 * The escalation sweep: complaints dispatched and still unanswered past a level of the policy
 * (24 h → the agency head, 48 h → the mayor's office) get their mail enqueued, once. The level a
 * complaint has reached comes from core's `answerClock`, the same function the widgets show; the
 * claim's SQL only finds the candidates. Each batch is one transaction: the level, the timeline
 * note and the mail are written together, and the mail's dedupe key (complaint, clock start,
 * level) keeps a second sweep (another instance, a restart) from enqueuing it again.
 */
import { answerClock, type EscalationPolicy } from '@mpp-kit/core';
import type { Clock } from '../context.js';
import type { Db } from '../db/types.js';
import { enqueueMail } from '../mail/outbox.js';
import { addEvent, claimEscalations, recipients, setEscalationLevel } from './repository.js';

const BATCH = 500;

export async function sweepEscalations(db: Db, clock: Clock, policy: EscalationPolicy, publicUrl: string): Promise<number> {
  const thresholds = policy.levels.map((l) => l.afterHours);
  let escalated = 0;
  for (;;) {
    const now = clock.now();
    const n = await db.transaction(async (tx) => {
      const rows = await claimEscalations(tx, now, thresholds, BATCH);
      for (const r of rows) {
        const start = new Date(r.clock_start);
        const { level } = answerClock({ clockStart: start.toISOString(), answeredAt: null }, now, policy);
        for (let l = Number(r.escalation_level) + 1; l <= level; l++) {
          const step = policy.levels[l - 1]!;
          const to =
            step.notify === 'agency_head' ? await recipients(tx, r.agency_id, 'head') : await recipients(tx, 'mayor', 'mayor_office');
          for (const addr of to)
            await enqueueMail(tx, now, {
              dedupeKey: `escalation:${r.id}:${start.getTime()}:${l}:${addr}`,
              to: addr,
              subject: `[Si Badra] Eskalasi level ${l}: aduan ${r.tracking_code} belum dijawab ${step.afterHours} jam`,
              body: [
                `Aduan ${r.tracking_code} (kategori ${r.category_id}) belum mendapat jawaban ${step.afterHours} jam sejak diteruskan ke ${r.agency_id}.`,
                step.notify === 'mayor_office' ? 'Aduan ini masuk laporan rapat staf (briefing).' : 'Mohon segera ditindaklanjuti.',
                '',
                `Complaint ${r.tracking_code} has had no answer for ${step.afterHours} hours since it was dispatched.`,
                '',
                `${publicUrl}/api/v1/complaints/${r.tracking_code}`,
                '',
                r.text.slice(0, 500),
              ].join('\n'),
            });
          await addEvent(tx, {
            complaintId: r.id,
            at: now,
            status: 'dispatched',
            actor: 'system',
            note: step.notify === 'agency_head' ? `escalated:${l}:agency_head` : `escalated:${l}:mayor_office`,
          });
        }
        await setEscalationLevel(tx, r.id, level);
        escalated++;
      }
      return rows.length;
    });
    if (n < BATCH) return escalated;
  }
}
