/**
 * Reads a seed data folder (a city's catalog, office, holidays and demo staff as JSON) and checks
 * every file against the contract's schemas (./schema.ts). The folder:
 *
 *     agencies.json              the agencies, in display order
 *     services/<agency-id>.json  one file per agency: its services, each with its queueRules
 *     office.json                optional: the office, time zone, address and opening hours
 *     holidays-<year>.json       optional: national holidays and cuti bersama, any number of years
 *     staff.json                 optional: demo staff accounts (tokens are generated when seeded)
 *
 * Nothing is half-read: every problem of every file is collected and thrown at once as a
 * SeedDataError naming file, item and field.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { AgencyFile, HolidayFile, OfficeFile, ServiceFile, StaffFile } from './schema.js';
import { describeIssue, formatProblems, type FieldProblem } from './issues.js';

export interface SeedData {
  /** The folder it was read from. */
  dir: string;
  agencies: AgencyFile[];
  /** Every agency's services, in agency order then file order. */
  services: ServiceFile[];
  office: OfficeFile | null;
  holidays: HolidayFile[];
  staff: StaffFile[];
}

/** A problem in one file: which item (`#3 disdukcapil-ktp-el`, or none for the whole file) and which fields. */
export interface SeedFileIssue {
  file: string;
  item: string | null;
  problems: FieldProblem[];
}

export class SeedDataError extends Error {
  constructor(
    readonly dir: string,
    readonly issues: SeedFileIssue[],
  ) {
    const lines = issues.map((i) => `${i.file}${i.item ? `, item ${i.item}` : ''}:\n${formatProblems(i.problems, '    ')}`);
    super(
      `Data seed tidak sah / invalid seed data in ${dir} (${issues.length} problem${issues.length === 1 ? '' : 's'}):\n  ${lines.join('\n  ')}`,
    );
    this.name = 'SeedDataError';
  }
}

const itemName = (index: number, value: unknown): string => {
  const id = value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string' ? (value as { id: string }).id : '';
  return `#${index + 1}${id ? ` ${id}` : ''}`;
};

const problem = (id: string, en: string, field = ''): FieldProblem => ({ field, id, en });

/** Checks a parsed JSON value (an array of items, or one object) against `schema`; collects issues, returns the valid items. */
export function checkItems<T>(schema: z.ZodMiniType<T>, value: unknown, file: string, issues: SeedFileIssue[]): T[] {
  if (value === undefined) return []; // unreadable: already reported
  if (!Array.isArray(value)) {
    issues.push({ file, item: null, problems: [problem('isi berkas harus berupa daftar [ … ]', 'the file must hold a list [ … ]')] });
    return [];
  }
  const out: T[] = [];
  value.forEach((item, i) => {
    const r = z.safeParse(schema, item);
    if (r.success) out.push(r.data);
    else issues.push({ file, item: itemName(i, item), problems: r.error.issues.map((x) => describeIssue(x, item)) });
  });
  return out;
}

function readJson(dir: string, file: string, issues: SeedFileIssue[]): unknown {
  const path = join(dir, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    issues.push({
      file,
      item: null,
      problems: [problem('berkas tidak dapat dibaca', `cannot be read (${(e as NodeJS.ErrnoException).code ?? e})`)],
    });
    return undefined;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (e) {
    issues.push({ file, item: null, problems: [problem('bukan JSON yang sah', `is not valid JSON: ${(e as Error).message}`)] });
    return undefined;
  }
}

/** Reports ids that occur more than once in `items`. */
function duplicateIds(items: Array<{ id: string }>, file: string, what: string, issues: SeedFileIssue[]) {
  const seen = new Set<string>();
  for (const [i, x] of items.entries()) {
    if (seen.has(x.id)) issues.push({ file, item: itemName(i, x), problems: [problem(`id ${what} ganda`, `duplicate ${what} id`, 'id')] });
    seen.add(x.id);
  }
}

/** Reads and validates the data folder `dir`; throws a SeedDataError listing every problem. */
export function loadSeedData(dir: string): SeedData {
  const issues: SeedFileIssue[] = [];
  if (!existsSync(join(dir, 'agencies.json'))) {
    throw new SeedDataError(dir, [{ file: 'agencies.json', item: null, problems: [problem('berkas tidak ada', 'is missing')] }]);
  }
  const agencies = checkItems(AgencyFile, readJson(dir, 'agencies.json', issues), 'agencies.json', issues);
  duplicateIds(agencies, 'agencies.json', 'instansi / agency', issues);
  const coordinators = agencies.filter((a) => a.coordinator);
  if (coordinators.length > 1) {
    issues.push({
      file: 'agencies.json',
      item: null,
      problems: [
        problem(
          `hanya satu instansi koordinator (coordinator: true), ada ${coordinators.length}`,
          `at most one coordinating agency, found ${coordinators.length}`,
          'coordinator',
        ),
      ],
    });
  }

  const agencyIds = new Set(agencies.map((a) => a.id));
  const servicesDir = join(dir, 'services');
  const serviceFiles = existsSync(servicesDir) ? readdirSync(servicesDir).filter((f) => f.endsWith('.json')) : [];
  for (const f of serviceFiles) {
    if (!agencyIds.has(f.slice(0, -'.json'.length)))
      issues.push({
        file: `services/${f}`,
        item: null,
        problems: [problem('nama berkas bukan id instansi di agencies.json', 'the file name is not an agency id from agencies.json')],
      });
  }
  const services: ServiceFile[] = [];
  for (const a of agencies) {
    const file = `services/${a.id}.json`;
    if (!serviceFiles.includes(`${a.id}.json`)) continue;
    const list = checkItems(ServiceFile, readJson(dir, file, issues), file, issues);
    for (const [i, s] of list.entries()) {
      if (s.agencyId !== a.id)
        issues.push({
          file,
          item: itemName(i, s),
          problems: [problem(`harus "${a.id}" (nama berkas)`, `must be "${a.id}" (the file name)`, 'agencyId')],
        });
    }
    services.push(...list);
  }
  duplicateIds(services, 'services/', 'layanan / service', issues);

  const office = existsSync(join(dir, 'office.json')) ? readOffice(dir, issues) : null;

  const holidays: HolidayFile[] = [];
  for (const f of readdirSync(dir)
    .filter((f) => /^holidays.*\.json$/.test(f))
    .sort()) {
    const list = checkItems(HolidayFile, readJson(dir, f, issues), f, issues);
    const serviceIds = new Set(services.map((s) => s.id));
    for (const [i, h] of list.entries()) {
      if (h.agencyId && !agencyIds.has(h.agencyId))
        issues.push({ file: f, item: itemName(i, h), problems: [problem('instansi tidak ada', 'unknown agency', 'agencyId')] });
      if (h.serviceId && !serviceIds.has(h.serviceId))
        issues.push({ file: f, item: itemName(i, h), problems: [problem('layanan tidak ada', 'unknown service', 'serviceId')] });
    }
    holidays.push(...list);
  }
  const days = new Set<string>();
  for (const h of holidays) {
    const key = `${h.date}|${h.agencyId ?? ''}|${h.serviceId ?? ''}`;
    if (days.has(key))
      issues.push({ file: 'holidays', item: h.date, problems: [problem('tanggal ganda', 'the date is listed twice', 'date')] });
    days.add(key);
  }

  let staff: StaffFile[] = [];
  if (existsSync(join(dir, 'staff.json'))) {
    staff = checkItems(StaffFile, readJson(dir, 'staff.json', issues), 'staff.json', issues);
    duplicateIds(staff, 'staff.json', 'petugas / staff', issues);
    for (const [i, s] of staff.entries())
      if (s.agencyId && !agencyIds.has(s.agencyId))
        issues.push({ file: 'staff.json', item: itemName(i, s), problems: [problem('instansi tidak ada', 'unknown agency', 'agencyId')] });
  }

  if (issues.length) throw new SeedDataError(dir, issues);
  return { dir, agencies, services, office, holidays, staff };
}

function readOffice(dir: string, issues: SeedFileIssue[]): OfficeFile | null {
  const value = readJson(dir, 'office.json', issues);
  if (value === undefined) return null;
  const r = z.safeParse(OfficeFile, value);
  if (r.success) return r.data;
  issues.push({ file: 'office.json', item: null, problems: r.error.issues.map((x) => describeIssue(x, value)) });
  return null;
}
