/**
 * Issue 23's table as `npm run bench` prints it: each row's figure beside a reference measured in
 * the same run (a projection, a plain loop, a day walk) and the ratio to it, so a row compares
 * across machines, with the issue's target and whether this run met it.
 */
export interface TableRow {
  what: string;
  /** The figure, milliseconds (several for a row of two figures). */
  ms: number[];
  reference: { what: string; ms: number };
  target: string;
  met: boolean;
}

const rows: TableRow[] = [];

/** A row of the table, kept for the end of the run. */
export function tableRow(row: TableRow): void {
  rows.push(row);
}

/** A row that could not be measured, with why. */
export function notMeasured(what: string, error: unknown): void {
  const why = error instanceof Error ? error.message : String(error);
  rows.push({
    what,
    ms: [],
    reference: { what: `not measured: ${why}`, ms: NaN },
    target: "",
    met: false,
  });
}

const time = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

/** The table, Markdown, in the order the rows were measured. */
export function printTable(): void {
  console.log("\nIssue 23: every row of the table, measured in this run");
  console.log("| What | Measured | Reference (same run) | Ratio | Target | |");
  console.log("|---|---|---|---|---|---|");
  for (const r of rows) {
    const ratio = r.ms.map((ms) => `${(ms / r.reference.ms).toFixed(3)}×`).join(" / ");
    console.log(
      `| ${r.what} | ${r.ms.map(time).join(" / ")} | ${r.reference.what}${Number.isNaN(r.reference.ms) ? "" : ` ${time(r.reference.ms)}`} | ${ratio} | ${r.target} | ${r.ms.length === 0 ? "" : r.met ? "met" : "NOT MET"} |`
    );
  }
}
