/**
 * Imports a city's own catalog (its Standar Pelayanan) into a deployment: agencies and services
 * from JSON (the shape of the seed data files) or CSV (./csv.ts), or a whole data folder.
 *
 * Every row is validated first, against the contract's schemas and the database (the agency must
 * exist or come in the same import); one error per bad row; if any row is bad nothing is written.
 * Then everything is written in one transaction, upserting by id so a re-import updates; rows that
 * did not change are not touched (their `updatedAt` and the catalog ETag stay).
 */
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import * as z from 'zod/mini';
import type { Fee } from '@mpp-kit/core';
import type { Db, Sql } from '../db/types.js';
import { AgencyFile, ServiceFile } from './schema.js';
import { describeIssue, type FieldProblem } from './issues.js';
import { parseServicesCsv, type CsvRow } from './csv.js';
import { loadSeedData, SeedDataError } from './load.js';
import { seedQueueRules, writeQueueRules } from './queue.js';

/** What the import reads, each item with the label an error names it by (`baris 3 / row 3`, `#2`). */
export interface ImportInput {
  agencies: CsvRow[];
  services: CsvRow[];
  /** `row` for CSV rows, `item` for JSON entries. */
  unit: 'row' | 'item';
}

/** One bad row or item, with every problem found in it. */
export interface RowError {
  kind: 'agency' | 'service';
  row: number;
  unit: 'row' | 'item';
  id: string | null;
  problems: FieldProblem[];
}

export interface Counts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export type ImportResult =
  { ok: true; dryRun: boolean; agencies: Counts; services: Counts; queueRules: number } | { ok: false; errors: RowError[] };

/** A file or folder that cannot be read as an import at all (not a row problem). */
export class ImportFileError extends Error {
  constructor(
    readonly id: string,
    readonly en: string,
  ) {
    super(`${id} / ${en}`);
    this.name = 'ImportFileError';
  }
}

const numbered = (list: unknown[]): CsvRow[] => list.map((value, i) => ({ row: i + 1, value: value as Record<string, unknown> }));

/**
 * Reads `path`: a `.csv` of services, a `.json` file (a list of services as in
 * `services/<agency>.json`, or `{ "agencies": [...], "services": [...] }`), or a data folder.
 * `agency` fills the agency of rows that name none.
 */
export function readImport(path: string, opts: { agency?: string | undefined } = {}): ImportInput {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    throw new ImportFileError(`berkas tidak ditemukan: ${path}`, `file not found: ${path}`);
  }
  if (isDir) {
    try {
      const data = loadSeedData(path);
      return { agencies: numbered(data.agencies), services: numbered(data.services), unit: 'item' };
    } catch (e) {
      if (e instanceof SeedDataError) throw new ImportFileError(e.message, e.message);
      throw e;
    }
  }
  const text = readFileSync(path, 'utf8');
  const ext = extname(path).toLowerCase();
  if (ext === '.csv') return { agencies: [], services: parseServicesCsv(text, opts), unit: 'row' };
  if (ext !== '.json') throw new ImportFileError(`jenis berkas harus .csv atau .json: ${path}`, `the file must be .csv or .json: ${path}`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ImportFileError(`bukan JSON yang sah: ${(e as Error).message}`, `not valid JSON: ${(e as Error).message}`);
  }
  const withAgency = (list: CsvRow[]) =>
    list.map((r) =>
      opts.agency && r.value && typeof r.value === 'object' && r.value.agencyId === undefined
        ? { ...r, value: { ...r.value, agencyId: opts.agency } }
        : r,
    );
  if (Array.isArray(value)) return { agencies: [], services: withAgency(numbered(value)), unit: 'item' };
  if (value && typeof value === 'object') {
    const { agencies = [], services = [], ...rest } = value as Record<string, unknown>;
    if (Object.keys(rest).length || !Array.isArray(agencies) || !Array.isArray(services))
      throw new ImportFileError(
        'JSON harus berupa daftar layanan [ … ] atau { "agencies": [ … ], "services": [ … ] }',
        'the JSON must be a list of services [ … ] or { "agencies": [ … ], "services": [ … ] }',
      );
    return { agencies: numbered(agencies), services: withAgency(numbered(services)), unit: 'item' };
  }
  throw new ImportFileError('JSON harus berupa daftar atau objek', 'the JSON must be a list or an object');
}

const idOf = (v: unknown) =>
  v && typeof v === 'object' && typeof (v as { id?: unknown }).id === 'string' ? (v as { id: string }).id : null;
const p = (field: string, id: string, en: string): FieldProblem => ({ field, id, en });

/** Validates every row against the schemas and the database; returns the valid rows, or every bad one. */
export async function validateImport(
  db: Sql,
  input: ImportInput,
  opts: { agency?: string | undefined } = {},
): Promise<{ errors: RowError[]; agencies: AgencyFile[]; services: ServiceFile[] }> {
  const errors: RowError[] = [];
  const check = <T>(schema: z.ZodMiniType<T>, kind: RowError['kind'], rows: CsvRow[], extra: (v: T) => FieldProblem[]): T[] => {
    const out: T[] = [];
    const seen = new Set<string>();
    for (const { row, value } of rows) {
      const r = z.safeParse(schema, value);
      const problems = r.success ? extra(r.data) : r.error.issues.map((x) => describeIssue(x, value));
      const id = idOf(value);
      if (id && seen.has(id)) problems.push(p('id', 'id ganda di berkas ini', 'duplicate id in this file'));
      if (id) seen.add(id);
      if (problems.length) errors.push({ kind, row, unit: input.unit, id, problems });
      else if (r.success) out.push(r.data);
    }
    return out;
  };

  const existing = await db.query<{ id: string; coordinator: boolean }>(`select id, coordinator from agencies`);
  const agencies = check(AgencyFile, 'agency', input.agencies, () => []);
  const known = new Set([...existing.map((a) => a.id), ...agencies.map((a) => a.id)]);
  const coordinator = existing.find((a) => a.coordinator && !agencies.some((b) => b.id === a.id && !b.coordinator));
  for (const a of agencies.filter((x) => x.coordinator && coordinator && coordinator.id !== x.id)) {
    const row = input.agencies.find((r) => idOf(r.value) === a.id)!.row;
    errors.push({
      kind: 'agency',
      row,
      unit: input.unit,
      id: a.id,
      problems: [
        p('coordinator', `sudah ada instansi koordinator: ${coordinator!.id}`, `the coordinating agency is already ${coordinator!.id}`),
      ],
    });
  }
  const services = check(ServiceFile, 'service', input.services, (s) => [
    ...(known.has(s.agencyId)
      ? []
      : [
          p(
            'agencyId',
            `instansi "${s.agencyId}" tidak ada (impor dulu instansinya)`,
            `agency "${s.agencyId}" does not exist (import it first)`,
          ),
        ]),
    ...(opts.agency && s.agencyId !== opts.agency
      ? [p('agencyId', `harus "${opts.agency}" (--agency)`, `must be "${opts.agency}" (--agency)`)]
      : []),
  ]);
  errors.sort((a, b) => (a.kind === b.kind ? a.row - b.row : a.kind === 'agency' ? -1 : 1));
  return { errors, agencies, services };
}

const inserted = (rows: Array<{ inserted: boolean }>, total: number): Counts => {
  const n = rows.filter((r) => r.inserted).length;
  return { inserted: n, updated: rows.length - n, unchanged: total - rows.length };
};

const AGENCY_COLS = ['name', 'short_name', 'aliases', 'kind', 'description', 'website', 'coordinator', 'demo'];
const SERVICE_COLS = [
  'agency_id',
  'name',
  'aliases',
  'summary',
  'requirements',
  'conditions',
  'steps',
  'duration',
  'counter_minutes',
  'fee_kind',
  'fee_amount',
  'fee_text',
  'fee_legal_basis',
  'fee_note',
  'product',
  'legal_basis',
  'complaint_channel',
  'location',
  'online_queue',
  'queue_prefix',
  'daily_quota',
  'demo',
];
/** A fee as the services table's columns (migration 007); `catalog/repository.ts` reads them back. */
export const feeColumns = (fee: Fee) => ({
  fee_kind: fee.kind,
  fee_amount: fee.amount,
  fee_text: fee.kind === 'regulated' ? fee.text : null,
  fee_legal_basis: fee.kind === 'regulated' ? fee.legalBasis : null,
  fee_note: fee.note,
});

const set = (table: string, cols: string[]) =>
  `do update set ${cols.map((c) => `${c} = excluded.${c}`).join(', ')}
   where (${cols.map((c) => `${table}.${c}`).join(', ')}) is distinct from (${cols.map((c) => `excluded.${c}`).join(', ')})`;

/** Writes valid rows in the open transaction `tx`. */
async function write(tx: Sql, agencies: AgencyFile[], services: ServiceFile[]) {
  const [{ p: last } = { p: -1 }] = await tx.query<{ p: number }>(`select coalesce(max(position), -1)::int as p from agencies`);
  const a = await tx.query<{ inserted: boolean }>(
    `insert into agencies (id, ${AGENCY_COLS.join(', ')}, position, office_id)
     select r.id, r.name, r.short_name, r.aliases, r.kind, r.description, r.website, r.coordinator, r.demo, r.position,
            (select min(id) from offices having count(*) = 1)
       from jsonb_to_recordset($1::text::jsonb) as r(id text, name text, short_name text, aliases jsonb, kind text, description text, website text,
            coordinator boolean, demo boolean, position int)
     on conflict (id) ${set('agencies', AGENCY_COLS)}
     returning (xmax = 0) as inserted`,
    [
      JSON.stringify(
        agencies.map((x, i) => ({
          id: x.id,
          name: x.name,
          short_name: x.shortName,
          aliases: x.aliases,
          kind: x.kind,
          description: x.description,
          website: x.website,
          coordinator: x.coordinator,
          demo: x.demo,
          position: last + 1 + i,
        })),
      ),
    ],
  );
  const s = await tx.query<{ inserted: boolean }>(
    `insert into services (id, ${SERVICE_COLS.join(', ')})
     select r.id, ${SERVICE_COLS.map((c) => `r.${c}`).join(', ')}
       from jsonb_to_recordset($1::text::jsonb) as r(id text, agency_id text, name text, aliases jsonb, summary text, requirements jsonb, conditions jsonb,
            steps jsonb, duration text, counter_minutes int, fee_kind text, fee_amount bigint, fee_text text, fee_legal_basis text, fee_note text, product text, legal_basis jsonb, complaint_channel text,
            location text, online_queue boolean, queue_prefix text, daily_quota int, demo boolean)
     on conflict (id) ${set('services', SERVICE_COLS)}
     returning (xmax = 0) as inserted`,
    [
      JSON.stringify(
        services.map((x) => ({
          id: x.id,
          agency_id: x.agencyId,
          name: x.name,
          aliases: x.aliases,
          summary: x.summary,
          requirements: x.requirements,
          conditions: x.conditions,
          steps: x.steps,
          duration: x.duration,
          counter_minutes: x.counterMinutes,
          ...feeColumns(x.fee),
          product: x.product,
          legal_basis: x.legalBasis,
          complaint_channel: x.complaintChannel,
          location: x.location,
          online_queue: x.onlineQueue,
          queue_prefix: x.queuePrefix,
          daily_quota: x.dailyQuota,
          demo: x.demo,
        })),
      ),
    ],
  );
  const explicit = services.flatMap((x) => (x.queueRules ? [{ serviceId: x.id, ...x.queueRules }] : []));
  const rules =
    (await writeQueueRules(tx, explicit, 'update')) +
    (await seedQueueRules(
      tx,
      10,
      services.map((x) => x.id),
    ));
  return { agencies: inserted(a, agencies.length), services: inserted(s, services.length), queueRules: rules };
}

class DryRun extends Error {
  constructor(readonly result: Awaited<ReturnType<typeof write>>) {
    super('dry run');
  }
}

/** Validates `input` and, if every row is good, writes it all in one transaction (rolled back on `dryRun`). */
export async function importCatalog(
  db: Db,
  input: ImportInput,
  opts: { agency?: string | undefined; dryRun?: boolean } = {},
): Promise<ImportResult> {
  const { errors, agencies, services } = await validateImport(db, input, opts);
  if (errors.length) return { ok: false, errors };
  try {
    const result = await db.transaction(async (tx) => {
      const r = await write(tx, agencies, services);
      if (opts.dryRun) throw new DryRun(r);
      return r;
    });
    return { ok: true, dryRun: false, ...result };
  } catch (e) {
    if (e instanceof DryRun) return { ok: true, dryRun: true, ...e.result };
    throw e;
  }
}
