/** One line of the bench report: a figure with its label and unit. */
export type Row = { name: string; value: number; unit: string };

/** Prints rows as an aligned table (label, value right-aligned, unit). */
export function printRows(rows: readonly Row[]): void {
  const w = Math.max(...rows.map((r) => r.name.length));
  for (const row of rows) console.log(`  ${row.name.padEnd(w)}  ${String(row.value).padStart(9)} ${row.unit}`);
}
