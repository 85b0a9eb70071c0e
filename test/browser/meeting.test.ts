/**
 * A budget meeting in the standalone demo (headless Chromium, the 800-stay sample): scenarios
 * are never lost (deleting, overwriting and discarding unsaved edits ask first; a deleted
 * active scenario shows nowhere as active; a percentage typed as 5 is 5 %), figures fit their
 * cells, the active sheet's tab is in view, the pane fits a 390 px window, English is English
 * throughout, and an empty chart says why.
 *
 * Needs dist/ (npm test builds it first). Screenshots go to test-results/.
 */
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import type { Locator, Page } from "playwright-core";
import { LAYOUT, OUTPUT_CELL, parameterCell } from "../../src/sheets/scenarios/scenarioSheet";
import { AUDIT_SHEET, FORECAST_SHEET } from "../../src/sheets/forecast/forecastRun";
import { parseA1 } from "../../src/workbook/workbook";
import { SHOTS, launchBrowser, openDemo, runForecastInPage } from "./harness";
import { demoPerFile } from "./demoPerFile";
import { demoCell, projectionComputed, typeInCell } from "./meeting";
import { waitFor } from "../waitFor";

const demo = demoPerFile();

const SHARE = parseA1(parameterCell("shareMoved"));
/** The saved scenarios' columns on the Scenarier sheet, by name. */
const savedColumn = async (page: Page, name: string): Promise<number> => {
  for (let c = LAYOUT.savedColumn + 1; c < LAYOUT.savedColumn + 20; c++)
    if ((await demoCell(page, "Scenarier", LAYOUT.headerRow, c)) === name) return c;
  return -1;
};
const status = (page: Page) => page.getByTestId("scenario-status");
const dialog = (page: Page) => page.getByTestId("scenario-confirm");

async function writeScenarios(page: Page): Promise<void> {
  await page.getByTestId("scenario-sheet").click();
  await projectionComputed(page);
}

async function saveAs(page: Page, name: string): Promise<void> {
  await page.getByTestId("scenario-name").fill(name);
  await page.getByTestId("scenario-save").click();
}

async function pick(page: Page, name: string): Promise<void> {
  await page.getByTestId("scenario-pick").click();
  await page.getByRole("option", { name }).click();
}

/** Whether a rendered cell shows its whole text (no ellipsis). */
const fits = (cell: Locator) => cell.evaluate((td) => td.scrollWidth <= td.clientWidth);

async function showSheet(page: Page, name: string): Promise<void> {
  await page.locator(`[role="tab"][data-sheet="${name}"]`).click();
  await page.locator(`[data-testid="sheet-grid"][data-sheet="${name}"]`).waitFor();
}

describe("never lose a scenario", () => {
  it("a number typed in a percentage cell is a percentage, as Excel's automatic percent entry reads it", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    await writeScenarios(page);
    await typeInCell(page, parameterCell("shareMoved"), "5");
    await waitFor(async () =>
      expect(await demoCell(page, "Scenarier", SHARE.top, SHARE.left)).toBe(0.05)
    );
    const cell = page.locator(
      `[data-sheet="Scenarier"] tr[data-row="${SHARE.top}"] td[data-col="${SHARE.left}"]`
    );
    await expect(cell.textContent()).resolves.toBe("5,0%");
    // The edit box starts with the percentage as shown, and Enter keeps it.
    await cell.dblclick();
    await expect(page.getByTestId("cell-input").inputValue()).resolves.toBe("5%");
    await page.getByTestId("cell-input").press("Enter");
    expect(await demoCell(page, "Scenarier", SHARE.top, SHARE.left)).toBe(0.05);
    // A valid share: no parameter problem in the pane.
    await expect(page.getByTestId("scenario-problems").count()).resolves.toBe(0);
    await page.close();
  });

  it("overwriting, discarding unsaved edits and deleting ask first; a deleted active scenario is active nowhere", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    await writeScenarios(page);
    // Nothing saved yet: the values are shown as not saved.
    await page.getByTestId("scenario-unsaved").waitFor();
    await saveAs(page, "Basis");
    await status(page).filter({ hasText: "Gemt som «Basis»." }).waitFor();
    await expect(page.getByTestId("scenario-unsaved").count()).resolves.toBe(0);

    await typeInCell(page, parameterCell("shareMoved"), "80");
    await saveAs(page, "Ambitiøs 80 %");
    await status(page).filter({ hasText: "Gemt som «Ambitiøs 80 %»." }).waitFor();
    const ambitious = await savedColumn(page, "Ambitiøs 80 %");
    expect(await demoCell(page, "Scenarier", SHARE.top, ambitious)).toBe(0.8);

    // 3. An edit shows as unsaved.
    await typeInCell(page, parameterCell("shareMoved"), "60");
    await page.getByTestId("scenario-unsaved").waitFor();
    await page.screenshot({ path: join(SHOTS, "meeting-unsaved.png") });

    // 2. Saving under an existing name asks; Cancel keeps the saved 80 %.
    await saveAs(page, "ambitiøs 80 %");
    await expect(dialog(page).textContent()).resolves.toContain("Erstat «Ambitiøs 80 %»?");
    await page.screenshot({ path: join(SHOTS, "meeting-overwrite.png") });
    await page.getByTestId("scenario-confirm-no").click();
    await dialog(page).waitFor({ state: "detached" });
    expect(await demoCell(page, "Scenarier", SHARE.top, ambitious)).toBe(0.8);

    // 3. Making another scenario active with unsaved edits asks; Cancel keeps the edits.
    await pick(page, "Basis");
    await page.getByTestId("scenario-switch").click();
    await expect(dialog(page).textContent()).resolves.toContain("Kassér ændringerne?");
    await page.getByTestId("scenario-confirm-no").click();
    await dialog(page).waitFor({ state: "detached" });
    expect(await demoCell(page, "Scenarier", SHARE.top, SHARE.left)).toBe(0.6);
    // … and confirming replaces them by the scenario's values.
    await page.getByTestId("scenario-switch").click();
    await page.getByTestId("scenario-confirm-yes").click();
    await status(page).filter({ hasText: "«Basis» er nu det aktive scenarie." }).waitFor();
    expect(await demoCell(page, "Scenarier", SHARE.top, SHARE.left)).toBe(0.5);
    await expect(page.getByTestId("scenario-unsaved").count()).resolves.toBe(0);

    // Make "Ambitiøs 80 %" active (nothing unsaved: no question), compare.
    await pick(page, "Ambitiøs 80 %");
    await page.getByTestId("scenario-switch").click();
    await status(page).filter({ hasText: "«Ambitiøs 80 %» er nu det aktive scenarie." }).waitFor();
    await page.getByTestId("scenario-compare").click();
    await status(page)
      .filter({ hasText: "Arket Sammenligning er skrevet." })
      .waitFor({ timeout: 120_000 });
    expect(await demoCell(page, "Sammenligning", 4, 0)).toBe("Ambitiøs 80 %");

    // 1. Deleting the active scenario asks first, then nothing shows it as active.
    await pick(page, "Ambitiøs 80 %");
    await page.getByTestId("scenario-remove").click();
    await expect(dialog(page).textContent()).resolves.toContain("Slet «Ambitiøs 80 %»?");
    await expect(dialog(page).textContent()).resolves.toContain("Det er det aktive scenarie.");
    await page.screenshot({ path: join(SHOTS, "meeting-delete.png") });
    await page.getByTestId("scenario-confirm-yes").click();
    await status(page).filter({ hasText: "«Ambitiøs 80 %» er slettet." }).waitFor();
    await expect(page.getByTestId("scenario-active").textContent()).resolves.toBe(
      "Aktivt scenarie: intet – værdierne i arket er ikke gemt som et scenarie"
    );
    await page.getByTestId("scenario-unsaved").waitFor();
    // The sheet: no name in B3, the values still in the cells, the scenario gone from the saved ones.
    expect(await demoCell(page, "Scenarier", LAYOUT.activeRow, 1)).toBe("");
    expect(await demoCell(page, "Scenarier", SHARE.top, SHARE.left)).toBe(0.8);
    expect(await savedColumn(page, "Ambitiøs 80 %")).toBe(-1);
    // The comparison says that it is out of date, and no longer shows the name as if it were there.
    expect(await demoCell(page, "Sammenligning", 1, 0)).toMatch(
      /^Forældet: «Ambitiøs 80 %» er slettet/
    );
    expect(await demoCell(page, "Sammenligning", 4, 0)).toBe("Ambitiøs 80 % (slettet)");
    await showSheet(page, "Scenarier");
    await page.screenshot({ path: join(SHOTS, "meeting-deleted.png"), fullPage: true });
    await page.close();
  });
});

describe("figures that fit", () => {
  it("own sheets size their columns to their content: no header or total is cut", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    // Large enough for the grid to render the tables' last column and total row (it renders
    // the cells in view): column A is as wide as the budget table's longest label.
    await page.setViewportSize({ width: 2600, height: 2000 });
    await runForecastInPage(page);
    await showSheet(page, FORECAST_SHEET);
    const grid = page.locator(`[data-sheet="${FORECAST_SHEET}"]`);
    // The tables' header row: below the budget years (rows 1-11) and the notes.
    const header = grid.locator(`tr[data-row="18"] td`);
    for (const name of ["Refusionsdøgn NY", "Refusionsdøgn GAMMEL", "Kommunal nettoudgift"]) {
      const cell = header.filter({ hasText: new RegExp(`^${name}$`) }).first();
      expect({ name, fits: await fits(cell) }).toEqual({ name, fits: true });
    }
    // Every amount of the budget years' table (rows 3-11) and of the tables (from row 18), their
    // total rows too, shows in full; the title and note rows run on over empty cells, as in Excel.
    const rows = await grid.locator("tr[data-row]").count();
    const cut = await grid.locator("tr[data-row] td[data-col]").evaluateAll((tds) =>
      tds
        .filter((td) => {
          const row = Number((td.parentElement as HTMLElement).dataset.row);
          return (
            ((row >= 3 && row <= 11) || row >= 18) &&
            /\d/.test(td.textContent ?? "") &&
            td.scrollWidth > td.clientWidth &&
            // A text running on over empty cells is shown whole, as in Excel.
            getComputedStyle(td).overflow !== "visible"
          );
        })
        .map((td) => td.textContent)
    );
    expect({ rows: rows > 10, cut }).toEqual({ rows: true, cut: [] });
    await page.screenshot({ path: join(SHOTS, "fit-forecast.png") });

    await showSheet(page, AUDIT_SHEET);
    const audit = page.locator(`[data-sheet="${AUDIT_SHEET}"] tr[data-row="0"] td`);
    const headers = await audit.evaluateAll((tds) =>
      tds
        .filter((td) => td.textContent && td.scrollWidth > td.clientWidth)
        .map((td) => td.textContent)
    );
    expect(headers).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "fit-audit.png") });

    // The projection's columns on Scenarier are wide enough for its amounts.
    await writeScenarios(page);
    const spilled = await page
      .locator(`[data-sheet="Scenarier"] tr[data-row="${LAYOUT.outputRow + 2}"] td[data-col]`)
      .evaluateAll((tds) =>
        tds
          .filter((td) => /\d/.test(td.textContent ?? "") && td.scrollWidth > td.clientWidth)
          .map((td) => td.textContent)
      );
    expect(spilled).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "fit-scenarios.png") });
    await page.close();
  });
});

describe("the sheet tabs and a narrow window", () => {
  it("the pane's work shows its sheet's tab; at 390 px the pane fits the window", async () => {
    const narrow = await launchBrowser({ width: 390, height: 900 });
    try {
      const page = await openDemo(narrow, demo.server.origin);
      await runForecastInPage(page);
      await writeScenarios(page);
      const tabInView = () =>
        page.evaluate(() => {
          const strip = document.querySelector('[data-testid="sheet-tabs"]')!;
          const tab = strip.querySelector('[aria-selected="true"]')!;
          const s = strip.getBoundingClientRect();
          const t = tab.getBoundingClientRect();
          return {
            tab: tab.getAttribute("data-sheet"),
            inView: t.left >= s.left - 1 && t.right <= s.right + 1,
          };
        });
      await waitFor(async () =>
        expect(await tabInView()).toEqual({ tab: "Scenarier", inView: true })
      );
      // Nothing wider than the window: the page does not scroll sideways, nor does the pane.
      const widths = await page.evaluate(() => {
        const pane = document.querySelector("aside")!;
        const out: string[] = [];
        const right = pane.getBoundingClientRect().right;
        for (const el of pane.querySelectorAll<HTMLElement>("*"))
          if (el.getBoundingClientRect().right > right + 1)
            out.push(
              `${el.tagName} ${el.textContent?.slice(0, 30)} in ${el.closest("[data-testid]")?.getAttribute("data-testid")}`
            );
        return {
          page: document.documentElement.scrollWidth,
          pane: pane.scrollWidth - pane.clientWidth,
          outside: out,
        };
      });
      expect(widths).toEqual({ page: 390, pane: 0, outside: [] });
      await page.locator("aside").screenshot({ path: join(SHOTS, "narrow-pane.png") });
      await page.screenshot({ path: join(SHOTS, "narrow-tabs.png") });
      await page.close();
    } finally {
      await narrow.close();
    }
  });
});

describe("English throughout with ?lang=en", () => {
  it("one number format in the pane and the sheets, English rule set, parameter errors and help, dates as the sheets show them", async () => {
    const page = await openDemo(demo.browser, demo.server.origin, "?lang=en");
    // A bad row's message gives its dates as the sheets do: dd-mm-yyyy.
    await expect(page.getByTestId("bad-rows").textContent()).resolves.toContain(
      "Discharge 25-07-2021 is before admission 09-08-2021"
    );
    await page.setViewportSize({ width: 2600, height: 2000 });
    await runForecastInPage(page);
    await showSheet(page, FORECAST_SHEET);
    // The pane's total and the sheet's total cell read the same.
    const paneTotal = await page.locator('[data-total="refundNy"]').textContent();
    const grid = page.locator(`[data-sheet="${FORECAST_SHEET}"]`);
    // The tables' header row is below the budget years and the notes (0-based row 18).
    const headerCells = await grid.locator('tr[data-row="18"] td').allTextContents();
    const col = headerCells.indexOf("Refund NY");
    const sheetTotal = await grid
      .locator("tr[data-row]")
      .filter({ has: page.locator('td[data-col="0"]', { hasText: /^Total$/ }) })
      .first()
      .locator(`td[data-col="${col}"]`)
      .textContent();
    expect(paneTotal).toMatch(/^\d{1,3}(,\d{3})*\.\d\d kr\.$/);
    expect(paneTotal).toBe(sheetTotal);

    await expect(page.getByTestId("ruleset-title").textContent()).resolves.toBe(
      "Current rules after L 64 (refund limit per citizen)"
    );
    // A parameter out of its range: the problem in English.
    await writeScenarios(page);
    await typeInCell(page, parameterCell("horizon"), "31");
    await expect(page.getByTestId("scenario-problems").textContent()).resolves.toContain(
      "«Horisont» (Horizon): must lie from 1 year and at most 30 years (got 31 years)"
    );
    // The help opens in English.
    const link = page.getByTestId("help-link");
    await expect(link.getAttribute("href")).resolves.toBe("help-en.html");
    const [help] = await Promise.all([page.context().waitForEvent("page"), link.click()]);
    await help.waitForLoadState();
    expect(await help.evaluate(() => document.documentElement.lang)).toBe("en");
    await expect(help.locator("h1").textContent()).resolves.toBe("Help on the functions");
    await expect(help.locator("#housingfirstprojection").count()).resolves.toBe(1);
    await help.close();
    await page.screenshot({ path: join(SHOTS, "meeting-en.png") });
    await page.close();
  });
});

describe("empty charts", () => {
  it("a projection that fails draws no empty axis but says why", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    await writeScenarios(page);
    await typeInCell(page, parameterCell("horizon"), "31");
    const chart = page.locator('figure[data-chart="ScenarieNettoudgift"]');
    await waitFor(async () => expect(await chart.getAttribute("data-empty")).toBe("error"));
    await expect(chart.textContent()).resolves.toContain(
      `Intet at tegne: formlen i ${OUTPUT_CELL} giver fejlen #VALUE!`
    );
    await expect(chart.locator("svg").count()).resolves.toBe(0);
    await chart.screenshot({ path: join(SHOTS, "chart-empty.png") });
    await page.close();
  });
});
