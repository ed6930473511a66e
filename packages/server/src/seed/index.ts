import type { Agency, Service } from '@mpp-kit/core';
import type { Db } from '../db/types.js';
import { BOGOR_AGENCIES, BOGOR_SERVICES } from './bogor.js';
import { feeColumns } from './import.js';

export interface CatalogSeed {
  agencies: Omit<Agency, 'serviceCount'>[];
  services: Omit<Service, 'updatedAt'>[];
}

/** Inserts a catalog (agencies then services) in one transaction; existing ids are left as they are. */
export async function seedCatalog(db: Db, seed: CatalogSeed): Promise<{ agencies: number; services: number }> {
  return db.transaction(async (tx) => {
    let agencies = 0;
    let services = 0;
    for (const [i, a] of seed.agencies.entries()) {
      const rows = await tx.query(
        `insert into agencies (id, name, short_name, aliases, kind, description, website, coordinator, demo, position)
         values ($1, $2, $3, $4::text::jsonb, $5, $6, $7, $8, $9, $10) on conflict (id) do nothing returning id`,
        [a.id, a.name, a.shortName, JSON.stringify(a.aliases), a.kind, a.description, a.website, a.coordinator, a.demo, i],
      );
      agencies += rows.length;
    }
    // Multi-row inserts in chunks: 14,000 services load in seconds on PGlite. JSON goes in as text
    // cast to jsonb: a string parameter typed jsonb is encoded once more by postgres.js (a jsonb string).
    const CHUNK = 200;
    for (let i = 0; i < seed.services.length; i += CHUNK) {
      const chunk = seed.services.slice(i, i + CHUNK);
      const params: unknown[] = [];
      const values = chunk.map((s) => {
        const base = params.length;
        const fee = feeColumns(s.fee);
        params.push(
          s.id,
          s.agencyId,
          s.name,
          JSON.stringify(s.aliases),
          s.summary,
          JSON.stringify(s.requirements),
          JSON.stringify(s.conditions),
          JSON.stringify(s.steps),
          s.duration,
          s.counterMinutes,
          fee.fee_kind,
          fee.fee_amount,
          fee.fee_text,
          fee.fee_legal_basis,
          fee.fee_note,
          s.product,
          JSON.stringify(s.legalBasis),
          s.complaintChannel,
          s.location,
          s.onlineQueue,
          s.queuePrefix,
          s.dailyQuota,
          s.demo,
        );
        const p = (k: number, cast = '') => `$${base + k}${cast}`;
        return `(${p(1)}, ${p(2)}, ${p(3)}, ${p(4, '::text::jsonb')}, ${p(5)}, ${p(6, '::text::jsonb')}, ${p(7, '::text::jsonb')}, ${p(8, '::text::jsonb')}, ${p(9)}, ${p(10, '::int')}, ${p(11)}, ${p(12, '::int8')}, ${p(13)}, ${p(14)}, ${p(15)}, ${p(16)}, ${p(17, '::text::jsonb')}, ${p(18)}, ${p(19)}, ${p(20, '::boolean')}, ${p(21)}, ${p(22, '::int')}, ${p(23, '::boolean')})`;
      });
      const rows = await tx.query(
        `insert into services (id, agency_id, name, aliases, summary, requirements, conditions, steps, duration, counter_minutes,
           fee_kind, fee_amount, fee_text, fee_legal_basis, fee_note, product, legal_basis, complaint_channel, location, online_queue, queue_prefix, daily_quota, demo)
         values ${values.join(', ')} on conflict (id) do nothing returning id`,
        params,
      );
      services += rows.length;
    }
    return { agencies, services };
  });
}

/** The Kota Bogor demo catalog (13 agencies, ~145 services, from seed-data/kota-bogor/), marked as demo content. */
export const BOGOR_SEED: CatalogSeed = { agencies: BOGOR_AGENCIES, services: BOGOR_SERVICES };

/** Seeds a catalog (the Bogor demo by default) into an empty catalog; a catalog that has agencies is never touched. */
export async function seedDemoIfEmpty(db: Db, seed: CatalogSeed = BOGOR_SEED): Promise<boolean> {
  const [row] = await db.query<{ n: number }>(`select count(*)::int as n from agencies`);
  if (Number(row?.n) > 0) return false;
  await seedCatalog(db, seed);
  return true;
}

export { loadSeedData, SeedDataError, type SeedData, type SeedFileIssue } from './load.js';
export { BOGOR_DATA_DIR, loadBogorSeed } from './bogor.js';
