/**
 * The checks a statistician makes (Danmarks Statistik checks shelter reports for these) as
 * warnings in the validation report, each with the sheet rows, never a silent merge; and a
 * sheet's own "I alt" row recognised and left out with a note, not reported as a bad row.
 */
import { describe, expect, it } from "@jest/globals";
import { d } from "../src/engine/calendar";
import {
  mapColumns,
  todaySerial,
  validateRows,
  type StaysTable,
} from "../src/sheets/stays/columns";
import type { CellValue } from "../src/workbook/workbook";

const HEADER = ["Borger", "Indskrivning", "Udskrivning", "Takst"];
const TODAY = d("2026-06-15");

/** A stays block whose header is sheet row 1, so rows[i] is sheet row i + 2. */
function report(rows: CellValue[][]) {
  const table: StaysTable = { sheet: "Ophold", header: HEADER, rows, firstRow: 1, left: 0 };
  return validateRows(table, mapColumns(HEADER), { today: TODAY });
}

const warningsOf = (rows: CellValue[][]) =>
  Object.fromEntries(report(rows).warnings.map((w) => [w.kind, w.rows]));

describe("warnings a statistician would give, with their rows", () => {
  it("a duplicate stay: the same citizen, admission and discharge twice", () => {
    expect(
      warningsOf([
        ["A", "2026-01-05", "2026-02-01", 1000],
        ["B", "2026-01-05", "2026-02-01", 1000],
        [" a ", "2026-01-05", "2026-02-01", 1200],
      ])
    ).toEqual({ duplicate: [2, 4] });
  });

  it("overlapping stays of one citizen", () => {
    expect(
      warningsOf([
        ["A", "2026-01-01", "2026-02-01", 1000],
        ["A", "2026-01-20", "2026-03-01", 1000],
        ["A", "2026-03-01", "2026-03-10", 1000], // starts the day the last one ends: no overlap
      ])
    ).toEqual({ overlap: [2, 3] });
  });

  it("a missing discharge: an open stay, then the same citizen admitted again", () => {
    expect(
      warningsOf([
        ["A", "2026-01-01", "", 1000],
        ["A", "2026-03-01", "2026-03-10", 1000],
        ["B", "2026-05-01", "", 1000], // still in the shelter: fine
      ])
    ).toEqual({ missingDischarge: [2] });
  });

  it("stays longer than a year, open ones counted to today", () => {
    expect(
      warningsOf([
        ["A", "2024-01-01", "2025-01-02", 1000],
        ["B", "2025-01-01", "2025-12-31", 1000],
        ["C", "2025-06-01", "", 1000],
      ])
    ).toEqual({ longStay: [2, 4] });
  });

  it("admissions in the future", () => {
    expect(warningsOf([["A", "2026-07-01", "2026-07-10", 1000]])).toEqual({ future: [2] });
  });

  it("discharges before 1 October 2023 mixed with later data", () => {
    expect(
      warningsOf([
        ["A", "2023-03-01", "2023-04-01", 1000],
        ["B", "2026-01-01", "2026-02-01", 1000],
        ["C", "2023-09-01", "2023-10-05", 1000],
      ])
    ).toEqual({ beforeReform: [2] });
    // All of it before the reform is one regime: no warning.
    expect(warningsOf([["A", "2023-03-01", "2023-04-01", 1000]])).toEqual({});
  });

  it("the rows stay in the report: warnings never leave out or merge a stay", () => {
    const r = report([
      ["A", "2026-01-05", "2026-02-01", 1000],
      ["A", "2026-01-05", "2026-02-01", 1000],
    ]);
    expect(r.ok).toBe(2);
    expect(r.stays).toHaveLength(2);
  });

  it("today is the user's calendar date", () => {
    expect(todaySerial(new Date(2026, 4, 1, 23, 59))).toBe(d("2026-05-01"));
  });
});

describe("a sheet's own total row", () => {
  it.each(["I alt", "I ALT:", "Total", "Sum"])(
    "«%s» with sums and no dates is left out with a note, not reported as a bad row",
    (label) => {
      const r = report([
        ["A", "2026-01-01", "2026-02-01", 1000],
        ["B", "2026-01-01", "2026-02-01", 1000],
        [],
        [label, "", "", 2000],
      ]);
      expect(r.bad).toEqual([]);
      expect(r.ok).toBe(2);
      expect(r.total).toBe(2);
      expect(r.totalRows).toEqual([5]);
    }
  );

  it("a citizen who happens to be called Total, with dates, is a stay", () => {
    const r = report([["Total", "2026-01-01", "2026-02-01", 1000]]);
    expect(r.ok).toBe(1);
    expect(r.totalRows).toEqual([]);
  });
});
