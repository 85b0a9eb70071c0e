/**
 * Issue 23's table as `npm run bench` prints it: each row's figure beside a reference measured in
 * the same run (a projection, a plain loop, a day walk) and the ratio to it, so a row compares
 * across machines, with the issue's target and whether this run met it. Every row of the issue
 * is printed, in the issue's order: one not measured says why.
 */

/** The issue's rows, in its table's order. */
export const ISSUE_23_ROWS = {
  monteCarloNode: "Monte Carlo, 1 000 draws, 20 000 stays (Node)",
  monteCarloDemo: "Monte Carlo, 1 000 draws, demo (Chromium, worker)",
  council: "Council page (Sammenfatning), demo",
  compare: "Compare 3 scenarios with tornado, demo",
  switching: "Switching values, 50 000 stays",
  slider: "Meeting slider to figures / to P10–P90, demo",
  forecast: "Demo forecast, 50 000 stays (Chromium)",
  npvColumn: "DK.HOUSINGFIRSTNPV over 100 000 / 1 048 576 filled years",
  refusion110: "DK.REFUSION110, 100 000 stays",
} as const;
export type RowId = keyof typeof ISSUE_23_ROWS;

export interface TableRow {
  row: RowId;
  /** What the measurement adds to the row's name (", median of 3"), if anything. */
  detail?: string;
  /** The figure, milliseconds (several for a row of two figures). */
  ms: number[];
  reference: { what: string; ms: number };
  target: string;
  met: boolean;
}

/** What the run recorded of a row: its measurement, or why there is none. */
export type Recorded = TableRow | { row: RowId; notMeasured: string };

const recorded: Recorded[] = [];

/** A row of the table, kept for the end of the run. */
export function tableRow(row: TableRow): void {
  recorded.push(row);
}

/** Rows that could not be measured, with why. */
export function notMeasured(rows: RowId | readonly RowId[], error: unknown): void {
  const why = error instanceof Error ? error.message : String(error);
  for (const row of typeof rows === "string" ? [rows] : rows)
    recorded.push({ row, notMeasured: why });
}

const time = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);

/**
 * The table as Markdown lines: every row of the issue in its order, as first recorded (a part of
 * the run that stops says why for each of its rows, and keeps those it had measured).
 */
export function tableLines(rows: readonly Recorded[]): string[] {
  const lines = [
    "| What | Measured | Reference (same run) | Ratio | Target | |",
    "|---|---|---|---|---|---|",
  ];
  for (const [id, name] of Object.entries(ISSUE_23_ROWS)) {
    const r = rows.find((r) => r.row === id);
    if (!r || "notMeasured" in r) {
      const why = r ? r.notMeasured : "the run ended before it";
      lines.push(`| ${name} | | not measured: ${why} | | | |`);
      continue;
    }
    const ratio = r.ms.map((ms) => `${(ms / r.reference.ms).toFixed(3)}×`).join(" / ");
    lines.push(
      `| ${name}${r.detail ?? ""} | ${r.ms.map(time).join(" / ")} | ${r.reference.what} ${time(r.reference.ms)} | ${ratio} | ${r.target} | ${r.met ? "met" : "NOT MET"} |`
    );
  }
  return lines;
}

/** Prints the table of the rows this run recorded. */
export function printTable(): void {
  console.log("\nIssue 23: every row of the table, measured in this run");
  console.log(tableLines(recorded).join("\n"));
}
