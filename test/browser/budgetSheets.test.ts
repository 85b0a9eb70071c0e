/**
 * The budget years (B + 3) as the first thing the forecast sheet shows, and the add-in's own
 * sheets in English, in the standalone demo (headless Chromium, no network), at 1 280 and 390 px.
 * The rendered budget table equals budgetYears computed here in Node on the same sample; with
 * ?lang=en the forecast sheet and the Scenarier sheet's labels are English, while the parameter
 * names the formula reads stay Danish.
 *
 * Needs dist/ (npm test builds it first). Screenshots go to test-results/.
 */
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { computeForecast } from "../../src/engine/forecast";
import { DEFAULT_PARAMETERS, PARAMETERS } from "../../src/engine/parameters";
import { computeProjection, isProjectionError } from "../../src/engine/projection";
import { BUDGET_FIGURES, BUDGET_TEXTS, budgetYears } from "../../src/sheets/budget/budgetYears";
import { FORECAST_SHEET } from "../../src/sheets/forecast/forecastRun";
import { LAYOUT, SCENARIO_SHEET } from "../../src/sheets/scenarios/scenarioSheet";
import { SHOTS, gridCell, openDemo, readRenderedGrid, runForecastInPage } from "./harness";
import { demoPerFile } from "./demoPerFile";
import { waitFor } from "../waitFor";
import { sampleRows } from "../fixtures";

const demo = demoPerFile();

/** The B + 3 table of the sample, computed here as the pane's worker computes it. */
function expectedBudget() {
  const { stays } = sampleRows();
  const projection = computeProjection(stays, DEFAULT_PARAMETERS);
  if (isProjectionError(projection)) throw new Error(projection.message);
  return budgetYears({
    forecastYears: computeForecast(stays).years,
    projection,
    indexation: DEFAULT_PARAMETERS.rateIndexation,
  })!;
}

/** "20.700.883 kr." (Danish) or "20,700,883 kr." (English) as a whole number of kroner. */
const kroner = (text: string) => Number(text.replace(/kr\.|\s|[.,]/g, ""));

async function forecastTop(page: Page) {
  const grid = await readRenderedGrid(page);
  return grid.slice(0, 13);
}

describe("the budget years on the forecast sheet", () => {
  it("Danish, 1 280 px: the forecast sheet opens with budget year and overslagsår, the numbers the engine's, in whole kroner", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    await page.setViewportSize({ width: 1280, height: 900 });
    await runForecastInPage(page);
    await page.locator(`[data-testid="sheet-grid"][data-sheet="${FORECAST_SHEET}"]`).waitFor();
    const t = expectedBudget();
    const top = await forecastTop(page);
    expect(top[1][0]).toBe(BUDGET_TEXTS.da.title(t.years));
    expect(top[4].slice(0, 6)).toEqual(["Kr.", "2027", "2028", "2029", "2030", "2027–2030 i alt"]);
    for (const figure of BUDGET_FIGURES) {
      const line = top.find((r) => r[0] === BUDGET_TEXTS.da.figure[figure])!;
      const row = t.rows.find((r) => r.figure === figure)!;
      const want = [...row.current, row.currentSum, ...row.fixed, row.fixedSum].map((x) =>
        Math.round(Number(x))
      );
      expect({ figure, shown: line.slice(1, 11).map(kroner) }).toEqual({ figure, shown: want });
      expect(line[1]).toMatch(/^\d{1,3}(\.\d{3})* kr\.$/);
    }
    await page.screenshot({ path: join(SHOTS, "b3-forecast-da-1280.png") });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, "b3-forecast-da-390.png") });
    await page.close();
  });

  it("English: the forecast sheet and the Scenarier sheet's labels in English, the parameter names Danish, the budget block computed", async () => {
    const page = await openDemo(demo.browser, demo.server.origin, "?lang=en");
    await page.setViewportSize({ width: 1280, height: 900 });
    await runForecastInPage(page);
    await page.locator(`[data-testid="sheet-grid"][data-sheet="${FORECAST_SHEET}"]`).waitFor();
    const t = expectedBudget();
    const top = await forecastTop(page);
    expect(top[0][0]).toMatch(/^Refund forecast: stays in shelters/);
    expect(top[1][0]).toBe(BUDGET_TEXTS.en.title(t.years));
    expect(top[4].slice(0, 6)).toEqual(["DKK", "2027", "2028", "2029", "2030", "2027–2030 total"]);
    const refund = top.find((r) => r[0] === "Refund NY (§ 110)")!;
    expect(refund[1]).toMatch(/^\d{1,3}(,\d{3})* kr\.$/);
    await page.screenshot({ path: join(SHOTS, "b3-forecast-en-1280.png") });

    // The Scenarier sheet, written by the English pane.
    await page.getByTestId("scenario-sheet").click();
    await page.locator(`[data-testid="sheet-grid"][data-sheet="${SCENARIO_SHEET}"]`).waitFor();
    const cell = (r: number, c: number) =>
      page.evaluate(
        ([s, row, col]) => window.__demo!.workbook.cell(s as string, row as number, col as number),
        [SCENARIO_SHEET, r, c] as const
      );
    expect(await cell(LAYOUT.activeRow, 0)).toBe("Active scenario");
    expect(await cell(LAYOUT.headerRow, 1)).toBe("Value");
    expect(await cell(LAYOUT.firstParameterRow, 0)).toBe(PARAMETERS[0].name);
    await waitFor(async () => expect(await cell(LAYOUT.outputRow + 1, 0)).toBe(2026), {
      timeout: 30_000,
    });
    const block = LAYOUT.budgetColumn;
    expect(await cell(LAYOUT.budgetRow, block)).toBe(BUDGET_TEXTS.en.formulaTitle);
    await waitFor(async () =>
      expect(await cell(LAYOUT.budgetRow + 5, block + 1)).toBe(
        Number(t.rows.find((r) => r.figure === "refundNy")!.current[0])
      )
    );
    // The block's label column at the grid's left edge, for the screenshot.
    const label = await gridCell(page, SCENARIO_SHEET, LAYOUT.budgetRow + 5, block);
    await label.evaluate(async (td) => {
      const scroller = td.closest<HTMLElement>('[data-testid="sheet-grid"]')!;
      scroller.scrollLeft +=
        td.getBoundingClientRect().left - scroller.getBoundingClientRect().left - 60;
      await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    });
    await page.screenshot({ path: join(SHOTS, "b3-scenarier-en-1280.png") });
    await page.close();
  });
});
