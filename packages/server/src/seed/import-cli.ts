/**
 * `npm run import -- <file.csv|file.json|folder> [--agency <id>] [--dry-run]`: imports a city's
 * catalog into the deployment's database (docs/import.md). Same environment as `npm start`:
 * DATABASE_URL (PostgreSQL) or DATA_DIR (PGlite, default .data/; stop the server first).
 * Exit code 0 when imported (or the dry run passed), 1 when rows were refused, 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate, openDatabase } from '../db/index.js';
import { CsvFileError } from './csv.js';
import { ImportFileError, importCatalog, readImport, type Counts, type RowError } from './import.js';

const USAGE = `Pemakaian / usage: npm run import -- <berkas.csv|berkas.json|folder> [--agency <id>] [--dry-run]
  --agency <id>  instansi untuk baris tanpa agencyId; baris lain ditolak / the agency of rows without agencyId; other rows are refused
  --dry-run      periksa dan hitung saja, tanpa menyimpan / check and count only, save nothing
Lingkungan / environment: DATABASE_URL (PostgreSQL) atau/or DATA_DIR (PGlite, default .data/)`;

const root = fileURLToPath(new URL('../../../../', import.meta.url));

function fail(code: number, ...lines: string[]): never {
  for (const l of lines) console.error(l);
  process.exit(code);
}

const args = (() => {
  try {
    return parseArgs({
      allowPositionals: true,
      options: { agency: { type: 'string' }, 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    return fail(2, (e as Error).message, USAGE);
  }
})();
if (args.values.help) {
  console.log(USAGE);
  process.exit(0);
}
if (args.positionals.length !== 1) fail(2, USAGE);
const agency = args.values.agency;
const dryRun = args.values['dry-run'] === true;
// npm runs scripts from the repository root; a relative path is meant from where the command was typed.
const file = resolve(process.env.INIT_CWD ?? process.cwd(), args.positionals[0]!);

const input = (() => {
  try {
    return readImport(file, { agency });
  } catch (e) {
    if (e instanceof ImportFileError || e instanceof CsvFileError) return fail(1, e.id, e.en);
    throw e;
  }
})();

const env = process.env;
const db = await openDatabase({
  databaseUrl: env.DATABASE_URL || undefined,
  dataDir: env.DATABASE_URL ? undefined : resolve(env.DATA_DIR ?? resolve(root, '.data')),
});
try {
  await migrate(db);
  const result = await importCatalog(db, input, { agency, dryRun });
  if (!result.ok) {
    const n = result.errors.length;
    console.error(`Impor dibatalkan: ${n} baris bermasalah, tidak ada yang disimpan.`);
    console.error(`Import refused: ${n} bad ${n === 1 ? 'row' : 'rows'}, nothing was saved.\n`);
    for (const e of result.errors) console.error(describeRow(e));
    process.exitCode = 1;
  } else {
    const line = (what: string, c: Counts) =>
      `${what}: ${c.inserted} baru / new, ${c.updated} diperbarui / updated, ${c.unchanged} tetap / unchanged`;
    if (input.agencies.length) console.log(line('Instansi / agencies', result.agencies));
    console.log(line('Layanan / services', result.services));
    console.log(`Aturan antrean / queue rules: ${result.queueRules} ditulis / written`);
    console.log(
      result.dryRun
        ? 'Uji coba (--dry-run): semua baris sah, tidak ada yang disimpan. / Dry run: every row is valid, nothing was saved.'
        : `Tersimpan / saved (${db.kind}).`,
    );
  }
} finally {
  await db.close();
}

function describeRow(e: RowError): string {
  const where = e.unit === 'row' ? `baris ${e.row} / row ${e.row}` : `butir ${e.row} / item ${e.row}`;
  const what = e.kind === 'agency' ? 'instansi / agency' : 'layanan / service';
  const lines = e.problems.map((p) => `  - ${p.field || '(baris / row)'}: ${p.id} / ${p.en}`);
  return `${where}, ${what}${e.id ? ` "${e.id}"` : ''}:\n${lines.join('\n')}`;
}
