/**
 * Si Badra's escalation sweep over many open complaints (100,000; 2,000 in the smoke run), on
 * PGlite and on PostgreSQL (TEST_DATABASE_URL): every complaint dispatched and unanswered, a
 * quarter of them 49 h ago (level 2: the agency head and the mayor's office), the rest 25 h ago
 * (level 1: the agency head). One sweep must enqueue exactly the expected mails; a second sweep at
 * the same time must enqueue none. Beside it, the floor: one `update` touching the same rows.
 */
import { performance } from 'node:perf_hooks';
import { freshDb, type DbKind } from './booking.js';
import type { BenchOptions, Row, SectionResult } from './rows.js';
import { BOGOR_COMPLAINTS, SI_BADRA_ESCALATION, migrate, seedComplaints, sweepEscalations, type Db } from './server.js';

const NOW = new Date('2026-12-07T02:00:00Z');

async function fill(db: Db, n: number): Promise<void> {
  const cats = BOGOR_COMPLAINTS.categories;
  // Categories round-robin, each with its agency; clock 49 h back for every 4th, else 25 h; the dues
  // as dispatch stores them under the default policy (24 h, 48 h).
  await db.query(
    `insert into complaints (tracking_code, category_id, agency_id, text, address, privacy, contact_kind, contact, contact_verified_at,
                             status, clock_start, escalation_due, created_at, updated_at)
     select 'SB-B' || lpad(g::text, 9, '0'), (c.ids)[1 + g % cardinality(c.ids)], (c.agencies)[1 + g % cardinality(c.ids)],
            'Jalan berlubang nomor ' || g, 'Jl. Contoh ' || g, 'public', 'email', 'warga' || g || '@contoh.id', $2::timestamptz,
            'dispatched', cs, array[cs + interval '24 hours', cs + interval '48 hours'], $2::timestamptz, $2::timestamptz
       from (select g, $2::timestamptz - case when g % 4 = 0 then interval '49 hours' else interval '25 hours' end as cs
               from generate_series(1, $1::int) g) s,
            (select $3::text[] as ids, $4::text[] as agencies) c`,
    [n, NOW.toISOString(), cats.map((c) => c.id), cats.map((c) => c.agencyId)],
  );
}

/** Mails one sweep must enqueue: a head's address per complaint, plus the mayor's office for level 2. */
function expectedMails(n: number): number {
  const cats = BOGOR_COMPLAINTS.categories;
  const heads = (agency: string) => BOGOR_COMPLAINTS.recipients.filter((r) => r.scope === agency && r.kind === 'head').length;
  const mayor = BOGOR_COMPLAINTS.recipients.filter((r) => r.kind === 'mayor_office').length;
  let total = 0;
  for (let g = 1; g <= n; g++) total += heads(cats[g % cats.length]!.agencyId) + (g % 4 === 0 ? mayor : 0);
  return total;
}

export async function benchEscalation(o: BenchOptions): Promise<SectionResult> {
  const n = o.smoke ? 2000 : 100_000;
  const url = process.env.TEST_DATABASE_URL;
  const kinds: DbKind[] = url ? ['pglite', 'postgres'] : ['pglite'];
  const rows: Row[] = [];
  const figures: Record<string, number> = {};
  const broken: string[] = [];
  const clock = { now: () => NOW };
  for (const kind of kinds) {
    const { db, drop } = await freshDb(kind, url);
    try {
      await migrate(db);
      await seedComplaints(db, BOGOR_COMPLAINTS);
      await fill(db, n);
      await db.query('analyze complaints');
      const t0 = performance.now();
      const first = await sweepEscalations(db, clock, SI_BADRA_ESCALATION, 'https://sibadra.example');
      const sweepMs = performance.now() - t0;
      const second = await sweepEscalations(db, clock, SI_BADRA_ESCALATION, 'https://sibadra.example');
      const [dups] = await db.query<{ n: number }>(
        `select count(*)::int as n from (select dedupe_key from mail_outbox group by dedupe_key having count(*) > 1) d`,
      );
      // The floor: one statement that touches the same rows (no claim, no notes, no mails).
      const t1 = performance.now();
      await db.query(`update complaints set updated_at = $1::timestamptz where clock_start is not null and answered_at is null`, [
        NOW.toISOString(),
      ]);
      const floorMs = performance.now() - t1;
      const want = expectedMails(n);
      figures[`escalation.${kind}.sweep_ms`] = Math.round(sweepMs);
      figures[`escalation.${kind}.sweep_to_update_floor`] = Math.round((sweepMs / floorMs) * 100) / 100;
      figures[`escalation.${kind}.mails`] = first.mails;
      figures[`escalation.${kind}.mails_second_sweep`] = second.mails;
      figures[`escalation.${kind}.duplicate_mails`] = Number(dups?.n ?? 0);
      rows.push(
        { name: `${kind}: sweep over ${n.toLocaleString('en')} open complaints`, value: Math.round(sweepMs), unit: 'ms' },
        { name: `${kind}: sweep ÷ one update of the same rows`, value: figures[`escalation.${kind}.sweep_to_update_floor`]!, unit: '×' },
        { name: `${kind}: mails enqueued (expected ${want})`, value: first.mails, unit: '' },
        { name: `${kind}: mails enqueued by a second sweep`, value: second.mails, unit: '' },
      );
      if (first.mails !== want) broken.push(`escalation.${kind}: ${first.mails} mails enqueued, expected ${want}`);
      if (second.mails !== 0) broken.push(`escalation.${kind}: a second sweep enqueued ${second.mails} mails`);
      if (figures[`escalation.${kind}.duplicate_mails`]) broken.push(`escalation.${kind}: duplicate mails in the outbox`);
    } finally {
      await drop();
    }
  }
  if (!url) rows.push({ name: 'PostgreSQL: skipped (TEST_DATABASE_URL not set)', value: 0, unit: '' });
  return { rows, figures, broken, notes: [] };
}
