/**
 * A city's services as CSV, one service per row, turned into the JSON shape of a services data
 * file (`ServiceFile`) before validation. Columns are the JSON field names (docs/import.md):
 * lists (`aliases`, `requirements`, `conditions`, `steps`, `legalBasis`) hold one entry per line of
 * the cell or entries separated by ` | `; the fee is `feeKind` (`free`, `fixed`, `regulated`) with
 * `feeAmount`, `feeText`, `feeLegalBasis` and `feeNote` (without `feeKind`, a fee is read as before
 * kinds existed: see `upgradeLegacyFee`); queue rules are optional columns.
 * Values that cannot be converted are passed on as typed, so the schema reports them.
 */
import { parse } from 'csv-parse/sync';
import { defaultQueueRules } from './rules.js';

export const LIST_COLUMNS = ['aliases', 'requirements', 'conditions', 'steps', 'legalBasis'] as const;
export const TEXT_COLUMNS = [
  'id',
  'agencyId',
  'name',
  'summary',
  'duration',
  'product',
  'complaintChannel',
  'location',
  'queuePrefix',
] as const;
export const NUMBER_COLUMNS = ['counterMinutes', 'feeAmount', 'dailyQuota'] as const;
export const BOOLEAN_COLUMNS = ['onlineQueue', 'demo'] as const;
export const RULE_COLUMNS = [
  'slotMinutes',
  'slotCapacity',
  'walkInQuota',
  'priorityQuota',
  'bookingDaysAhead',
  'releaseMinutes',
  'cutoffMinutes',
] as const;
export const FEE_TEXT_COLUMNS = ['feeKind', 'feeText', 'feeLegalBasis', 'feeNote'] as const;
export const CSV_COLUMNS = [
  ...TEXT_COLUMNS,
  ...LIST_COLUMNS,
  ...NUMBER_COLUMNS,
  ...FEE_TEXT_COLUMNS,
  ...BOOLEAN_COLUMNS,
  ...RULE_COLUMNS,
] as const;
/** Columns a CSV must have (`agencyId` unless the import names the agency). */
export const REQUIRED_COLUMNS = ['id', 'name', 'counterMinutes', 'queuePrefix'] as const;

export class CsvFileError extends Error {
  constructor(
    readonly id: string,
    readonly en: string,
  ) {
    super(`${id} / ${en}`);
    this.name = 'CsvFileError';
  }
}

/** One CSV record, numbered as a spreadsheet shows it (the header is row 1). */
export interface CsvRow {
  row: number;
  value: Record<string, unknown>;
}

const TRUE = new Set(['ya', 'y', 'true', '1', 'yes']);
const FALSE = new Set(['tidak', 'tdk', 'false', '0', 'no', '']);

const list = (cell: string): string[] =>
  cell
    .split(/\r?\n| \| /)
    .map((s) => s.trim())
    .filter(Boolean);
const int = (cell: string): unknown => (cell === '' ? undefined : /^-?\d+$/.test(cell) ? Number(cell) : cell);
const bool = (cell: string): unknown => {
  const v = cell.toLowerCase();
  return TRUE.has(v) ? true : FALSE.has(v) ? false : cell;
};

/** Parses CSV text (comma or semicolon separated, UTF-8 with or without BOM) into rows shaped like `ServiceFile`. */
export function parseServicesCsv(text: string, opts: { agency?: string | undefined } = {}): CsvRow[] {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  // Spreadsheets set to Indonesian locale save with `;`.
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { bom: true, delimiter, skip_empty_lines: true, relax_column_count: false }) as string[][];
  } catch (e) {
    const err = e as Error & { lines?: number };
    throw new CsvFileError(
      `CSV tidak dapat dibaca${err.lines ? ` (sekitar baris ${err.lines})` : ''}: ${err.message}`,
      `the CSV cannot be read${err.lines ? ` (near line ${err.lines})` : ''}: ${err.message}`,
    );
  }
  const [header, ...body] = records;
  if (!header) throw new CsvFileError('CSV kosong', 'the CSV is empty');
  const columns = header.map((h) => h.trim());
  const known = new Set<string>(CSV_COLUMNS);
  const unknown = columns.filter((c) => !known.has(c));
  if (unknown.length)
    throw new CsvFileError(
      `kolom tidak dikenal: ${unknown.join(', ')} (kolom yang dikenal: ${CSV_COLUMNS.join(', ')})`,
      `unknown columns: ${unknown.join(', ')} (known columns: ${CSV_COLUMNS.join(', ')})`,
    );
  const dup = columns.filter((c, i) => columns.indexOf(c) !== i);
  if (dup.length) throw new CsvFileError(`kolom ganda: ${dup.join(', ')}`, `duplicate columns: ${dup.join(', ')}`);
  const missing = [...REQUIRED_COLUMNS, ...(opts.agency ? [] : ['agencyId'])].filter((c) => !columns.includes(c));
  if (missing.length)
    throw new CsvFileError(`kolom wajib tidak ada: ${missing.join(', ')}`, `required columns missing: ${missing.join(', ')}`);

  return body.map((cells, i) => {
    const cell = (c: string) => (cells[columns.indexOf(c)] ?? '').trim();
    const has = (c: string) => columns.includes(c);
    const v: Record<string, unknown> = {};
    for (const c of TEXT_COLUMNS) if (has(c)) v[c] = cell(c);
    if (!has('agencyId') || v.agencyId === '') v.agencyId = opts.agency ?? v.agencyId;
    for (const c of ['summary', 'duration', 'product', 'complaintChannel', 'location'] as const) v[c] ??= '';
    for (const c of LIST_COLUMNS) v[c] = has(c) ? list(cell(c)) : [];
    v.counterMinutes = int(cell('counterMinutes'));
    const amount = has('feeAmount') ? (int(cell('feeAmount')) ?? 0) : 0;
    const note = cell('feeNote') || null;
    // A filled feeText means `regulated`. No kind at all: the fee as written before kinds (the schema's
    // upgradeLegacyFee decides). Fields a kind does not have are passed on for the schema to refuse.
    const kind = cell('feeKind').toLowerCase() || (cell('feeText') ? 'regulated' : '');
    v.fee = !kind
      ? { amount, note }
      : kind === 'regulated'
        ? { kind, amount, text: cell('feeText'), legalBasis: cell('feeLegalBasis') || null, note }
        : {
            kind,
            amount,
            note,
            ...(cell('feeText') ? { text: cell('feeText') } : {}),
            ...(cell('feeLegalBasis') ? { legalBasis: cell('feeLegalBasis') } : {}),
          };
    v.dailyQuota = has('dailyQuota') ? (int(cell('dailyQuota')) ?? 0) : 0;
    for (const c of BOOLEAN_COLUMNS) v[c] = has(c) ? bool(cell(c)) : false;
    if (RULE_COLUMNS.some((c) => has(c) && cell(c) !== '')) {
      const defaults = defaultQueueRules(typeof v.dailyQuota === 'number' ? v.dailyQuota : 0);
      v.queueRules = Object.fromEntries(
        RULE_COLUMNS.map((c) => [c, (has(c) ? int(cell(c)) : undefined) ?? defaults[c as keyof typeof defaults]]),
      );
    }
    return { row: i + 2, value: v };
  });
}
