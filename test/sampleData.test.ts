/**
 * The synthetic budget sheet: seeded and reproducible, calibrated on the seed's figures (47 %
 * of stays over 90 days, 41 % over 120), with the features the demo needs to show.
 */
import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { sampleBudgetSheet, SAMPLE_HEADER } from "../src/demo/sampleData";
import { seededRandom } from "../src/engine/random";
import { computeForecast } from "../src/engine/forecast";
import { mapColumns, validateRows } from "../src/sheets/stays/columns";
import type { CellValue } from "../src/workbook/workbook";

function parse(rows: number) {
  const sheet = sampleBudgetSheet({ rows });
  const header = sheet.values[sheet.headerRow];
  const data = sheet.values.slice(sheet.headerRow + 1);
  const report = validateRows(
    { sheet: sheet.name, header, rows: data, firstRow: sheet.headerRow + 1, left: 0 },
    mapColumns(header)
  );
  return { sheet, data, report };
}

/** Share of closed stays longer than `days` nights. */
function shareOver(stays: { admission: number; discharge: number | null }[], days: number): number {
  const closed = stays.filter((s) => s.discharge !== null);
  return closed.filter((s) => s.discharge! - s.admission > days).length / closed.length;
}

afterEach(() => {
  jest.restoreAllMocks();
});

describe("seeded generator", () => {
  it("mulberry32 is reproducible and uniform enough", () => {
    const a = seededRandom(7);
    const b = seededRandom(7);
    const xs = Array.from({ length: 10_000 }, () => a());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });

  it("same seed, same sheet; another seed, another sheet; Math.random is never called", () => {
    jest.spyOn(Math, "random").mockImplementation(() => {
      throw new Error("Math.random used");
    });
    expect(sampleBudgetSheet({ rows: 300 }).values).toEqual(
      sampleBudgetSheet({ rows: 300 }).values
    );
    expect(sampleBudgetSheet({ rows: 300, seed: 1 }).values).not.toEqual(
      sampleBudgetSheet({ rows: 300 }).values
    );
  });
});

describe("calibration on the seed's figures", () => {
  it("default sheet (800 rows): 47 % ± 3 over 90 days and 41 % ± 3 over 120", () => {
    const { report } = parse(800);
    expect(Math.abs(shareOver(report.stays, 90) - 0.47)).toBeLessThan(0.03);
    expect(Math.abs(shareOver(report.stays, 120) - 0.41)).toBeLessThan(0.03);
  });

  it("bench size (50 000 rows): 47 % ± 1 over 90 days and 41 % ± 1 over 120", () => {
    const { report } = parse(50_000);
    expect(report.total).toBe(50_000);
    expect(Math.abs(shareOver(report.stays, 90) - 0.47)).toBeLessThan(0.01);
    expect(Math.abs(shareOver(report.stays, 120) - 0.41)).toBeLessThan(0.01);
  });
});

describe("what the demo needs to show", () => {
  const { sheet, data, report } = parse(2000);

  it("the asked number of rows, the header in row 3 under two title rows", () => {
    expect(data).toHaveLength(2000);
    expect(sheet.headerRow).toBe(2);
    expect(sheet.values[2]).toEqual(SAMPLE_HEADER);
    expect(parse(20_000).data).toHaveLength(20_000);
  });

  it("exactly the two deliberate bad rows, reported at their sheet rows", () => {
    expect(report.bad.map((b) => b.sheetRow)).toEqual(sheet.badRows);
    expect(report.bad.map((b) => b.error.code)).toEqual(["#VALUE!", "#VALUE!"]);
    expect(report.ok).toBe(1998);
  });

  it("daily rates 1 100–1 900 kr.; self-payment on some rows", () => {
    const rates = report.stays.map((s) => s.dailyRate);
    expect(Math.min(...rates)).toBeGreaterThanOrEqual(1100);
    expect(Math.max(...rates)).toBeLessThanOrEqual(1900);
    const withSelf = report.stays.filter((s) => s.selfPayment > 0).length / report.ok;
    expect(withSelf).toBeGreaterThan(0.25);
    expect(withSelf).toBeLessThan(0.45);
  });

  it("re-admissions, overlaps and a few open stays", () => {
    const perCitizen = new Map<string, number>();
    for (const s of report.stays) perCitizen.set(s.citizen, (perCitizen.get(s.citizen) ?? 0) + 1);
    const readmitted = [...perCitizen.values()].filter((n) => n >= 2).length / perCitizen.size;
    expect(readmitted).toBeGreaterThan(0.2);
    const open = report.stays.filter((s) => s.discharge === null).length;
    expect(open).toBeGreaterThan(0);
    expect(open / report.ok).toBeLessThan(0.03);
    const f = computeForecast(report.stays);
    const overlaps = f.stays.filter(
      (l) => !("error" in l.ny) && l.ny.warnings.some((w) => w.kind === "overlap")
    ).length;
    expect(overlaps).toBeGreaterThan(0);
    expect(overlaps / report.ok).toBeLessThan(0.05);
  });

  it("citizen ids are running numbers, never CPR-shaped", () => {
    expect(report.cprLike).toBe(false);
    expect(data.every((r: CellValue[]) => /^B\d{5}$/.test(String(r[0])))).toBe(true);
  });
});
