/**
 * The audit sheet's days over the limit, across New Year: a stay's days in a window less the
 * days refunded in it, both counted in the forecast's period, and the window's days after the
 * period named as not computed. The case from issue 22: B00386, 12-12-2026 → 14-06-2027, under
 * the 90-day limit, refunded 20 days in 2026 and 70 in 2027, so 94 days are over the limit.
 */
import { describe, expect, it } from "@jest/globals";
import { d } from "../src/engine/calendar";
import type { ForecastStay } from "../src/engine/forecast";
import { refusionDays110 } from "../src/functions/functions";
import { forecastSheets } from "../src/sheets/forecast/forecastSheets";
import { sampleWorkbook } from "../src/demo/sampleData";
import { findStays, runForecast, AUDIT_SHEET } from "../src/sheets/forecast/forecastRun";
import type { CellValue } from "../src/workbook/workbook";

const stay = (citizen: string, admission: string, discharge: string): ForecastStay => ({
  citizen,
  admission: d(admission),
  discharge: d(discharge),
  dailyRate: 1000,
  selfPayment: 0,
});

/** The audit sheet's rows as objects keyed by its header. */
function audit(stays: ForecastStay[], years?: { first: number; last: number }, language?: "en") {
  const sheets = forecastSheets({
    stays,
    stayRows: stays.map((_, i) => i + 2),
    bad: [],
    pseudonymise: false,
    ...(years && { options: { years } }),
    ...(language && { language }),
  });
  const [header, ...rows] = sheets.audit.sections[0].values as CellValue[][];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [String(h), r[i]])));
}

describe("days over the limit across New Year (issue 22: B00386)", () => {
  const b00386 = stay("B00386", "2026-12-12", "2027-06-14");

  it("the period is 2026 (the year of the last admission): 20 days refunded, none over the limit in the period, 164 after it not computed", () => {
    const [row] = audit([b00386]);
    expect(row["Opholdsdøgn i perioden"]).toBe(20);
    expect(row["Refusionsdøgn NY"]).toBe(20);
    expect(row["Regel (NY)"]).toBe(
      "vindue 12-12-2026–11-12-2027: i perioden 20 døgn refunderet (grænse 90 dage); 164 døgn efter periodens slutning 31-12-2026 er ikke regnet"
    );
    // Not the 164 "over the limit" the sheet said before: those days lie after the period.
    expect(row["Regel (NY)"]).not.toMatch(/164 døgn ud over grænsen/);
  });

  it("the period is 2026–2027: refunded 90 (20 in 2026, 70 in 2027), so 94 of its 184 days are over the limit", () => {
    const [row] = audit([b00386], { first: 2026, last: 2027 });
    expect(row["Opholdsdøgn i perioden"]).toBe(184);
    expect(row["Refusionsdøgn NY"]).toBe(90);
    expect(row["Døgn pr. år"]).toBe("2026: 20 døgn, heraf 20 NY; 2027: 164 døgn, heraf 70 NY");
    expect(row["Regel (NY)"]).toBe(
      "vindue 12-12-2026–11-12-2027: i perioden 90 døgn refunderet og 94 døgn ud over grænsen (grænse 90 dage)"
    );
    // DK.REFUSIONDAYS110 gives the same 90 days for the two years as its period.
    expect(
      refusionDays110("B00386", d("2026-12-12"), d("2027-06-14"), d("2026-01-01"), d("2027-12-31"))
    ).toBe(90);
  });

  it("the period is 2027: its 164 days, 70 refunded (the 20 of 2026 used the quota), 94 over", () => {
    const [row] = audit([b00386], { first: 2027, last: 2027 });
    expect(row["Opholdsdøgn i perioden"]).toBe(164);
    expect(row["Refusionsdøgn NY"]).toBe(70);
    expect(row["Regel (NY)"]).toBe(
      "vindue 12-12-2026–11-12-2027: i perioden 70 døgn refunderet og 94 døgn ud over grænsen (grænse 90 dage)"
    );
  });

  it("in English: the same numbers, the period's and the window's scope in words", () => {
    const [row] = audit([b00386], undefined, "en");
    expect(row["Rule (NY)"]).toBe(
      "window 12-12-2026–11-12-2027: in the period 20 nights refunded (limit 90 days); 164 nights after the period's end 31-12-2026 are not computed"
    );
  });

  it("a second stay in the window: its own days less its own refunded days, the quota used by the first", () => {
    const rows = audit(
      [stay("A", "2026-12-01", "2027-02-01"), stay("A", "2027-03-01", "2027-04-10")],
      { first: 2026, last: 2027 }
    );
    // 62 days, all refunded; then 40 days, 28 left of the 90.
    expect(rows.map((r) => r["Refusionsdøgn NY"])).toEqual([62, 28]);
    expect(rows[1]["Regel (NY)"]).toBe(
      "vindue 01-12-2026–30-11-2027: i perioden 28 døgn refunderet og 12 døgn ud over grænsen (grænse 90 dage)"
    );
  });
});

describe("on the whole sample (800 rows): each stay's refunded and over-the-limit days add up to its days in the period", () => {
  it("Σ refunded + Σ over + days before the limit = the stay's days; Σ refunded + days before = its refund days", async () => {
    const wb = sampleWorkbook();
    const found = (await findStays(wb))!;
    await runForecast(wb, found, found.mapping, { pseudonymise: false });
    const [header, ...rows] = wb.getSheet(AUDIT_SHEET)!.values as CellValue[][];
    const col = (h: string) => header.indexOf(h);
    let checked = 0;
    for (const r of rows) {
      const rule = String(r[col("Regel (NY)")]);
      if (!rule.includes("vindue")) continue;
      const before = Number(/(\d+) døgn før/.exec(rule)?.[1] ?? 0);
      const refunded = [...rule.matchAll(/i perioden (\d+) døgn refunderet/g)].map((m) => +m[1]);
      const over = [...rule.matchAll(/og (\d+) døgn ud over grænsen/g)].map((m) => +m[1]);
      const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
      expect({ row: r[0], days: before + total(refunded) + total(over) }).toEqual({
        row: r[0],
        days: r[col("Opholdsdøgn i perioden")],
      });
      expect({ row: r[0], refunded: before + total(refunded) }).toEqual({
        row: r[0],
        refunded: r[col("Refusionsdøgn NY")],
      });
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });
});
