/**
 * The user groups where users see them: the figures per group (citizens, stays, nights, gross
 * cost, refund lost to the day limit, shares) on constructed citizens with hand-computed
 * numbers, the section and chart on the forecast sheet, the thresholds taken from the active
 * scenario, and the demo municipality's groups.
 */
import { describe, expect, it } from "@jest/globals";
import { computeForecast } from "../src/engine/forecast";
import { DEFAULT_PARAMETERS } from "../src/engine/parameters";
import { sampleWorkbook } from "../src/demo/sampleData";
import { forecastCharts, forecastSheets } from "../src/sheets/forecast/forecastSheets";
import { findStays, runForecast } from "../src/sheets/forecast/forecastRun";
import {
  GROUP_HEADERS,
  shareOf,
  typologyChoice,
  typologyNote,
  userGroupChart,
  userGroupSections,
  userGroupSummary,
} from "../src/sheets/forecast/userGroups";
import { parseA1 } from "../src/workbook/workbook";
import { sampleRows, stay } from "./fixtures";

/** Window 2024–2026. Kim: 365 nights from 1 July 2025, so chronic; Eva: three stays 60 days apart; Ole: one short stay. */
const STAYS = [
  stay("Kim", "2025-07-01", "2026-07-01"),
  stay("Eva", "2026-02-01", "2026-02-11"),
  stay("Eva", "2026-04-12", "2026-04-22"),
  stay("Eva", "2026-06-22", "2026-07-02"),
  stay("Ole", "2026-03-01", "2026-03-15"),
  stay("Ane", "2023-12-22", "2024-01-01"), // no night in the window: in no group
];
const choice = { ...typologyChoice(), baseYear: 2026 };

describe("the user groups of constructed citizens", () => {
  const summary = userGroupSummary(STAYS, choice)!;

  it("count citizens, stays, nights and gross cost per group (1 000 kr. a night)", () => {
    expect(summary.window).toEqual({ first: 2024, last: 2026 });
    expect(summary.groups).toEqual([
      {
        group: "chronic",
        citizens: 1,
        stays: 1,
        nights: 365,
        gross: "365000.00",
        // GAMMEL refunds all 365 nights, NY 120 (the day limit of Kim's window): (365 − 120) × 1 000 × 50 %.
        refundLost: "122500.00",
      },
      {
        group: "episodic",
        citizens: 1,
        stays: 3,
        nights: 30,
        gross: "30000.00",
        refundLost: "0.00",
      },
      {
        group: "transitional",
        citizens: 1,
        stays: 1,
        nights: 14,
        gross: "14000.00",
        refundLost: "0.00",
      },
    ]);
    expect(summary.total).toEqual({
      citizens: 3,
      stays: 5,
      nights: 409,
      gross: "409000.00",
      refundLost: "122500.00",
    });
  });

  it("shares of the whole, to 0,01 %; a whole of 0 has no share", () => {
    const [chronic, episodic] = summary.groups;
    expect(shareOf(summary, chronic, "citizens")).toBe(0.3333);
    expect(shareOf(summary, chronic, "nights")).toBe(0.8924); // 365 / 409
    expect(shareOf(summary, chronic, "gross")).toBe(0.8924);
    expect(shareOf(summary, chronic, "refundLost")).toBe(1);
    expect(shareOf(summary, episodic, "refundLost")).toBe(0);
    const none = userGroupSummary([stay("Ole", "2026-03-01", "2026-03-15", 0)], choice)!;
    expect(shareOf(none, none.groups[2], "gross")).toBeNull();
  });

  it("the thresholds of the active scenario: chronic from 30 nights makes Eva chronic too; the note says where they come from", () => {
    const scenario = typologyChoice({ ...DEFAULT_PARAMETERS, chronicNights: 30 }, "Plan 2027");
    const s = userGroupSummary(STAYS, { ...scenario, baseYear: 2026 })!;
    expect(s.groups.map((g) => [g.group, g.citizens])).toEqual([
      ["chronic", 2],
      ["episodic", 0],
      ["transitional", 1],
    ]);
    expect(typologyNote(s)).toMatch(/mindst 30 overnatninger i 2024–2026/);
    expect(typologyNote(s)).toMatch(/det aktive scenarie «Plan 2027»/);
    expect(typologyNote(summary)).toMatch(/standardværdierne/);
  });

  it("the sheet section: the table with shares and a total row, numbers only at the edge", () => {
    const [title, table] = userGroupSections(summary, 10, 12, "Brugergrupper");
    expect(title.at).toBe("M11");
    expect(table.at).toBe("M13");
    expect(table.values[0]).toEqual([...GROUP_HEADERS]);
    expect(table.values[1]).toEqual([
      "Kroniske brugere",
      1,
      0.3333,
      1,
      365,
      0.8924,
      365000,
      0.8924,
      122500,
      1,
    ]);
    expect(table.values[4]).toEqual(["I alt", 3, 1, 5, 409, 1, 409000, 1, 122500, 1]);
    expect(table.table).toEqual({ name: "Brugergrupper", rows: 4 });
    const chart = userGroupChart("Refusionsprognose", 10, 12, { from: "X42", to: "AF58" });
    // The group names and the share columns of the three group rows (not the total).
    expect(chart.categories).toBe("M14:M16");
    expect(chart.series.map((s) => s.values)).toEqual(["O14:O16", "R14:R16", "T14:T16"]);
    // Shares: the value axis in percent, not 0,2.
    expect(chart.valueFormat).toBe("0%");
  });
});

describe("the forecast sheet and run", () => {
  it("the forecast sheet has the groups below the per-year table, and the chart reads them", () => {
    const sheets = forecastSheets({
      stays: STAYS,
      stayRows: STAYS.map((_, i) => i + 2),
      bad: [],
      pseudonymise: false,
      typology: choice,
    });
    expect(sheets.summary.groups?.total.nights).toBe(409);
    const years = sheets.summary.years.length;
    const table = sheets.forecast.sections.find((s) => s.table?.name === "Brugergrupper")!;
    const at = parseA1(table.at);
    // Per-year table: header at row 18 (below the budget years and the notes), the years, the
    // total row, a blank row, title, note.
    expect(at).toMatchObject({ top: 18 + years + 5, left: 12 });
    const chart = forecastCharts("Refusionsprognose", years, true)[2];
    expect(parseA1(chart.categories).top).toBe(at.top + 1);
    expect(forecastCharts("Refusionsprognose", years)).toHaveLength(2);
  });

  it("on the demo municipality: 46 chronic, 9 episodic, 222 transitional citizens; the groups add up to the forecast of 2024–2026", async () => {
    const wb = sampleWorkbook();
    const found = (await findStays(wb))!;
    const result = await runForecast(wb, found, found.mapping, { pseudonymise: false });
    const groups = result.summary.groups!;
    expect(groups.window).toEqual({ first: 2024, last: 2026 });
    expect(groups.choice.scenario).toBeNull();
    expect(groups.groups.map((g) => [g.group, g.citizens])).toEqual([
      ["chronic", 46],
      ["episodic", 9],
      ["transitional", 222],
    ]);
    const stays = sampleRows().stays;
    const f = computeForecast(stays, { years: { first: 2024, last: 2026 } }).total;
    expect(groups.total.nights).toBe(f.stayDays);
    expect(groups.total.gross).toBe(f.gross.toFixed(2));
    expect(groups.total.refundLost).toBe(f.difference.toFixed(2));
    // On the sheet: the table's total row holds the same numbers, and the chart is drawn.
    const written = wb.getSheet(result.sheets.forecast.name)!;
    const row = written.values.findIndex(
      (r) => r[12] === "I alt" && r[13] === groups.total.citizens
    );
    expect(row).toBeGreaterThan(0);
    expect(written.values[row][16]).toBe(groups.total.nights);
    expect(written.values[row][18]).toBe(Number(groups.total.gross));
    expect(result.charts).toContain("Brugergrupper");
  });
});
