/** One line of the bench report: a figure with its label and unit. */
export type Row = { name: string; value: number; unit: string };

/** How a section runs: `smoke` is the CI run, every section briefly (seconds), invariants checked. */
export interface BenchOptions {
  smoke: boolean;
}

/** What a section hands back. */
export interface SectionResult {
  rows: Row[];
  figures: Record<string, number>;
  /** Invariants the run broke (0 overbooked, every watcher updated, …): any one fails the bench. */
  broken: string[];
  /** Details worth reading that break nothing (transport errors, search misses, slowest keystrokes). */
  notes: string[];
}

/** Prints rows as an aligned table (label, value right-aligned, unit). */
export function printRows(rows: readonly Row[]): void {
  const w = Math.max(...rows.map((r) => r.name.length));
  for (const row of rows) console.log(`  ${row.name.padEnd(w)}  ${String(row.value).padStart(9)} ${row.unit}`);
}

/** `broken` entries for figures that must equal a value (`must(f, { 'booking.pglite.overbooked': 0 })`). */
export function mustEqual(figures: Record<string, number>, expected: Record<string, number>): string[] {
  return Object.entries(expected).flatMap(([k, v]) => (figures[k] === v ? [] : [`${k} = ${figures[k]} (must be ${v})`]));
}

/** An error as one `broken` line, and its stack for the notes. */
export function describeError(e: unknown): { message: string; stack: string } {
  if (!(e instanceof Error)) return { message: String(e), stack: String(e) };
  return { message: `${e.name}: ${e.message}`, stack: e.stack ?? e.message };
}
