/**
 * The Si Badra demo of Kota Bogor: the agencies that answer complaints with their (demo) official
 * addresses, the categories routed to them, and an approximate city boundary, read from
 * `seed-data/kota-bogor/complaints.json`. DEMO CONTENT: a city replaces it with its own.
 */
import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import type { Boundary } from '@mpp-kit/core';
import { BOGOR_DATA_DIR } from './bogor.js';
import { seedComplaints, type ComplaintSeed } from '../complaints/repository.js';
import type { Db } from '../db/types.js';

const Seed = z.object({
  agencies: z.array(z.object({ id: z.string(), name: z.string(), shortName: z.string() })),
  recipients: z.array(z.object({ scope: z.string(), kind: z.enum(['head', 'officer', 'mayor_office']), email: z.string() })),
  categories: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string(), agencyId: z.string() })),
  boundary: z.array(z.tuple([z.number(), z.number()])).check(z.minLength(4)),
});

export type ComplaintDemo = ComplaintSeed & { boundary: Boundary };

export const loadComplaintSeed = (file = `${BOGOR_DATA_DIR}complaints.json`): ComplaintDemo =>
  z.parse(Seed, JSON.parse(readFileSync(file, 'utf8')));

/** Read and validated once when this module is first imported (like the rest of the Bogor data). */
export const BOGOR_COMPLAINTS: ComplaintDemo = loadComplaintSeed();

/** Seeds the complaint demo into a database that has no complaint categories yet. */
export async function seedComplaintsIfEmpty(db: Db, seed: ComplaintSeed): Promise<boolean> {
  const [row] = await db.query<{ n: number }>(`select count(*)::int as n from complaint_categories`);
  if (Number(row?.n) > 0) return false;
  await seedComplaints(db, seed);
  return true;
}
