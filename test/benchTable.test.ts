/**
 * Issue 23 asks that the bench print every row of its table: bench/table.ts lays the rows out, each
 * beside its reference, in the issue's order, whether it was measured or not.
 */
import { describe, expect, it } from "@jest/globals";
import { ISSUE_23_ROWS, tableLines, type Recorded } from "../bench/table";

const body = (rows: readonly Recorded[]) => tableLines(rows).slice(2);

describe("issue 23's table in npm run bench", () => {
  it("has the issue's nine rows, in the issue's order", () => {
    expect(Object.values(ISSUE_23_ROWS)).toEqual([
      "Monte Carlo, 1 000 draws, 20 000 stays (Node)",
      "Monte Carlo, 1 000 draws, demo (Chromium, worker)",
      "Council page (Sammenfatning), demo",
      "Compare 3 scenarios with tornado, demo",
      "Switching values, 50 000 stays",
      "Meeting slider to figures / to P10–P90, demo",
      "Demo forecast, 50 000 stays (Chromium)",
      "DK.HOUSINGFIRSTNPV over 100 000 / 1 048 576 filled years",
      "DK.REFUSION110, 100 000 stays",
    ]);
  });

  it("prints every row, in the issue's order, whatever order they were measured in", () => {
    const lines = body([
      {
        row: "refusion110",
        ms: [54],
        reference: { what: "a plain day-by-day walk of the same stays", ms: 78.5 },
        target: "faster than the walk",
        met: true,
      },
      {
        row: "slider",
        detail: ", median of 3",
        ms: [37.4, 314.9],
        reference: { what: "one projection of the demo (Node)", ms: 9.4 },
        target: "≤ 0,25 s for both",
        met: false,
      },
      {
        row: "switching",
        detail: " (37 parameters)",
        ms: [2700],
        reference: { what: "one projection of the same stays", ms: 234.6 },
        target: "≤ 5 s",
        met: true,
      },
    ]);
    expect(lines).toHaveLength(9);
    expect(lines[4]).toBe(
      "| Switching values, 50 000 stays (37 parameters) | 2.70 s | one projection of the same stays 234.6 ms | 11.509× | ≤ 5 s | met |"
    );
    expect(lines[5]).toBe(
      "| Meeting slider to figures / to P10–P90, demo, median of 3 | 37.4 ms / 314.9 ms | one projection of the demo (Node) 9.4 ms | 3.979× / 33.500× | ≤ 0,25 s for both | NOT MET |"
    );
    expect(lines[8]).toBe(
      "| DK.REFUSION110, 100 000 stays | 54.0 ms | a plain day-by-day walk of the same stays 78.5 ms | 0.688× | faster than the walk | met |"
    );
    expect(lines[0]).toBe(
      "| Monte Carlo, 1 000 draws, 20 000 stays (Node) | | not measured: the run ended before it | | | |"
    );
  });

  it("says why a row was not measured, and keeps the rows measured before a part stopped", () => {
    const lines = body([
      {
        row: "monteCarloDemo",
        detail: ", median of 3",
        ms: [255],
        reference: { what: "the same run in Node", ms: 283.1 },
        target: "≤ 0,5 s",
        met: true,
      },
      ...(["monteCarloDemo", "council", "compare", "slider", "forecast"] as const).map((row) => ({
        row,
        notMeasured: "Chromium did not start",
      })),
    ]);
    expect(lines[1]).toMatch(
      /^\| Monte Carlo, 1 000 draws, demo \(Chromium, worker\), median of 3 \| 255\.0 ms \|/
    );
    for (const at of [2, 3, 5, 6])
      expect(lines[at]).toContain("| not measured: Chromium did not start |");
  });
});
