/**
 * The budget year and its three overslagsår (B + 3), as a budget note writes them: the table's
 * years and sums are the forecast's and the projection's own, in current prices and deflated to
 * the budget year's prices; on the forecast sheet as values, on the Scenarier sheet as formulas
 * that follow every edit of a parameter cell. Oracles: computeForecast and computeProjection on
 * the same stays, and the Scenarier sheet's own spilled DK.HOUSINGFIRSTPROJECTION.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { sampleWorkbook } from "../src/demo/sampleData";
import type { MemoryWorkbook } from "../src/demo/memoryWorkbook";
import { computeForecast, type Forecast } from "../src/engine/forecast";
import { Decimal, dec } from "../src/engine/money";
import { DEFAULT_PARAMETERS } from "../src/engine/parameters";
import { computeProjection, isProjectionError, type Projection } from "../src/engine/projection";
import { projectionColumn } from "../src/functions/scenarioFunctions";
import {
  BUDGET_FIGURES,
  BUDGET_TEXTS,
  budgetYears,
  type BudgetFigure,
  type BudgetYearsTable,
} from "../src/sheets/budget/budgetYears";
import { FORECAST_SHEET, findStays, runForecast } from "../src/sheets/forecast/forecastRun";
import { LAYOUT, parameterCell, staysRef } from "../src/sheets/scenarios/scenarioSheet";
import { createOrUpdate } from "../src/sheets/scenarios/scenarioStore";
import { validateRows } from "../src/sheets/stays/columns";
import { parseA1, type CellValue } from "../src/workbook/workbook";

let workbook: MemoryWorkbook;
let forecast: Forecast;
let projection: Projection;
let stays: ReturnType<typeof validateRows>["stays"];

beforeAll(async () => {
  workbook = sampleWorkbook();
  const found = (await findStays(workbook))!;
  stays = validateRows(found, found.mapping).stays;
  forecast = computeForecast(stays);
  const p = computeProjection(stays, DEFAULT_PARAMETERS);
  if (isProjectionError(p)) throw new Error(p.message);
  projection = p;
});

const text = (x: Decimal) => x.toFixed(2);
const sum = (xs: Decimal[]) => text(xs.reduce((s, x) => s.plus(x), dec(0)));
const row = (t: BudgetYearsTable, figure: BudgetFigure) => t.rows.find((r) => r.figure === figure)!;

/** The projection's figure of a year, as the table takes it. */
function projected(year: number, figure: BudgetFigure): Decimal {
  const y = projection.years.find((p) => p.year === year)!;
  return {
    refundNy: y.noAction.refundNy,
    reformCost: y.noAction.reformCost,
    netCost: y.noAction.netCost,
    hfNetCost: y.housingFirst.netCost,
    difference: y.difference,
    programmeCost: y.housingFirst.programmeCost,
  }[figure];
}

describe("the B + 3 table's years and sums are the forecast's and the projection's", () => {
  it("default: the budget year is the projection's first year (the year after the last full year in the data), all four years projected", () => {
    const t = budgetYears({ forecastYears: forecast.years, projection, indexation: 0.02 })!;
    expect(projection.baseYear).toBe(2026);
    expect(t.budgetYear).toBe(2027);
    expect(t.years).toEqual([2027, 2028, 2029, 2030]);
    expect(t.sources).toEqual(["projection", "projection", "projection", "projection"]);
    for (const figure of BUDGET_FIGURES) {
      const values = t.years.map((y) => projected(y, figure));
      expect({ figure, current: row(t, figure).current }).toEqual({
        figure,
        current: values.map(text),
      });
      expect({ figure, sum: row(t, figure).currentSum }).toEqual({ figure, sum: sum(values) });
      // Fixed 2027 prices: each year deflated by 2 % a year since the budget year, to the øre.
      const fixed = values.map((v, k) =>
        v.dividedBy(dec(1.02).pow(k)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
      );
      expect({ figure, fixed: row(t, figure).fixed }).toEqual({ figure, fixed: fixed.map(text) });
      expect(row(t, figure).fixedSum).toBe(sum(fixed));
    }
    // The budget year itself is the same in both prices; later years are less in fixed prices.
    const refund = row(t, "refundNy");
    expect(refund.fixed[0]).toBe(refund.current[0]);
    expect(Number(refund.fixed[3])).toBeLessThan(Number(refund.current[3]));
  });

  it("a budget year among the recorded years: the refund rows are the forecast's year lines, to the øre, and Housing First has no figure before the base year", () => {
    const t = budgetYears({
      forecastYears: forecast.years,
      projection,
      budgetYear: 2022,
      indexation: 0.02,
    })!;
    expect(t.years).toEqual([2022, 2023, 2024, 2025]);
    expect(t.sources).toEqual(["stays", "stays", "stays", "stays"]);
    const lines = forecast.years.filter((y) => y.year >= 2022 && y.year <= 2025);
    expect(lines.map((y) => y.year)).toEqual(t.years);
    expect(row(t, "refundNy").current).toEqual(lines.map((y) => text(y.refundNy)));
    expect(row(t, "reformCost").current).toEqual(lines.map((y) => text(y.difference)));
    expect(row(t, "netCost").current).toEqual(lines.map((y) => text(y.netCost)));
    expect(row(t, "refundNy").currentSum).toBe(sum(lines.map((y) => y.refundNy)));
    expect(row(t, "netCost").currentSum).toBe(sum(lines.map((y) => y.netCost)));
    expect(row(t, "hfNetCost").current).toEqual([null, null, null, null]);
    expect(row(t, "hfNetCost").currentSum).toBeNull();
  });

  it("across the base year: recorded years from the forecast, later ones projected; the base year is the same in both", () => {
    const t = budgetYears({
      forecastYears: forecast.years,
      projection,
      budgetYear: 2025,
      indexation: 0.02,
    })!;
    expect(t.sources).toEqual(["stays", "stays", "projection", "projection"]);
    const base = forecast.years.find((y) => y.year === 2026)!;
    expect(text(base.refundNy)).toBe(text(projected(2026, "refundNy")));
    expect(text(base.netCost)).toBe(text(projected(2026, "netCost")));
    expect(row(t, "netCost").current).toEqual([
      text(forecast.years.find((y) => y.year === 2025)!.netCost),
      text(base.netCost),
      text(projected(2027, "netCost")),
      text(projected(2028, "netCost")),
    ]);
  });

  it("the forecast sheet shows the table first, under its title, with the same numbers", async () => {
    const wb = sampleWorkbook();
    const found = (await findStays(wb))!;
    const result = await runForecast(wb, found, found.mapping, { pseudonymise: false });
    const t = result.summary.budget!;
    expect(t.years).toEqual([2027, 2028, 2029, 2030]);
    const values = wb.getSheet(FORECAST_SHEET)!.values;
    expect(values[1][0]).toBe(BUDGET_TEXTS.da.title(t.years));
    const header = values.findIndex((r) => r[0] === "Kr.");
    expect(header).toBe(4);
    expect(values[header]).toEqual([
      "Kr.",
      2027,
      2028,
      2029,
      2030,
      "2027–2030 i alt",
      2027,
      2028,
      2029,
      2030,
      "2027–2030 i alt",
    ]);
    for (const figure of BUDGET_FIGURES) {
      const r = row(t, figure);
      const line = values.find((v) => v[0] === BUDGET_TEXTS.da.figure[figure])!;
      expect(line.slice(1)).toEqual(
        [...r.current, r.currentSum, ...r.fixed, r.fixedSum].map((x) => Number(x))
      );
      expect(text(dec(line[5] as number))).toBe(sum(t.years.map((y) => projected(y, figure))));
    }
    // Every amount in whole kroner with the unit; the years above them plain years.
    expect(wb.numberFormat(FORECAST_SHEET, header, 1)).toBeNull();
    expect(wb.numberFormat(FORECAST_SHEET, header + 2, 1)).toBe('#,##0 "kr."');
    expect(wb.numberFormat(FORECAST_SHEET, header + 2, 10)).toBe('#,##0 "kr."');
  });
});

describe("the Scenarier sheet's budget years: formulas over the spilled projection", () => {
  async function scenarier() {
    const wb = sampleWorkbook();
    const found = (await findStays(wb))!;
    const sheet = await createOrUpdate(wb, staysRef(found, found.mapping)!);
    return { wb, sheet };
  }
  const top = LAYOUT.budgetRow;
  const col = LAYOUT.budgetColumn;
  /** The block's row of a figure: title, note, two header rows, basis, the figures. */
  const figureRow = (figure: BudgetFigure) => top + 5 + BUDGET_FIGURES.indexOf(figure);
  const read = (wb: MemoryWorkbook, sheet: string, r: number, from: number, n: number) =>
    Array.from({ length: n }, (_, k) => wb.cell(sheet, r, from + k));

  it("beside the output, below the charts; its cells equal budgetYears of the same projection", async () => {
    const { wb, sheet } = await scenarier();
    expect(wb.cell(sheet, top, col)).toBe(BUDGET_TEXTS.da.formulaTitle);
    expect(read(wb, sheet, top + 3, col + 1, 4)).toEqual([2027, 2028, 2029, 2030]);
    expect(read(wb, sheet, top + 3, col + 6, 4)).toEqual([2027, 2028, 2029, 2030]);
    const t = budgetYears({ projection, indexation: DEFAULT_PARAMETERS.rateIndexation })!;
    for (const figure of BUDGET_FIGURES) {
      const r = row(t, figure);
      const cells = read(wb, sheet, figureRow(figure), col, 11);
      expect(cells[0]).toBe(BUDGET_TEXTS.da.figure[figure]);
      // The current prices are the spilled table's own cells.
      expect(cells.slice(1, 5)).toEqual(
        [0, 1, 2, 3].map((k) => wb.cell(sheet, LAYOUT.outputRow + 2 + k, projectionColumn(figure)))
      );
      const shown = (xs: CellValue[]) => xs.map((x) => text(dec(x as number)));
      expect({ figure, current: shown(cells.slice(1, 6)) }).toEqual({
        figure,
        current: [...r.current, r.currentSum],
      });
      expect({ figure, fixed: shown(cells.slice(6, 11)) }).toEqual({
        figure,
        fixed: [...r.fixed, r.fixedSum],
      });
      expect(wb.numberFormat(sheet, figureRow(figure), col + 1)).toBe('#,##0 "kr."');
    }
  });

  it("follows a parameter cell: 3 % price indexation deflates by 3 %; a horizon of 2 years leaves the last two years empty", async () => {
    const { wb, sheet } = await scenarier();
    const set = (id: "rateIndexation" | "horizon", value: number) => {
      const at = parseA1(parameterCell(id));
      wb.setCell(sheet, at.top, at.left, value);
    };
    set("rateIndexation", 0.03);
    const p = computeProjection(stays, { ...DEFAULT_PARAMETERS, rateIndexation: 0.03 });
    if (isProjectionError(p)) throw new Error(p.message);
    const t = budgetYears({ projection: p, indexation: 0.03 })!;
    const r = row(t, "netCost");
    const cells = read(wb, sheet, figureRow("netCost"), col + 1, 10);
    expect(cells.map((x) => text(dec(x as number)))).toEqual([
      ...r.current,
      r.currentSum,
      ...r.fixed,
      r.fixedSum,
    ]);
    set("horizon", 2);
    expect(read(wb, sheet, top + 3, col + 1, 4)).toEqual([2027, 2028, "", ""]);
    const two = read(wb, sheet, figureRow("netCost"), col + 1, 5);
    expect(two.slice(2, 4)).toEqual(["", ""]);
    expect(two[4]).toBeCloseTo((two[0] as number) + (two[1] as number), 6);
  });
});
