/**
 * «Indsæt eksempler» in the standalone demo (headless Chromium, no network): the pane writes the
 * example sheets into the demo workbook, the demo's evaluator computes their formulas (the DK.
 * functions in its calc worker, #BUSY! meanwhile), and every check cell turns TRUE, the worked
 * formulas give the published numbers, and the forecast and the projection equal the functions
 * called on the demo municipality here in Node. The user's sheet is untouched; a second insert
 * asks before it replaces the add-in's own example sheets, and Cancel leaves them.
 *
 * Needs dist/ (npm test builds it first). Screenshots go to test-results/.
 */
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { sampleBudgetSheet, SAMPLE_SHEET_NAME } from "../../src/demo/sampleData";
import { PARAMETERS } from "../../src/engine/parameters";
import { EXAMPLE_SHEETS } from "../../src/examples/names";
import { workedExamples } from "../../src/examples/workedExamples";
import { forecast, projection } from "../../src/functions/functions";
import { parseA1, type CellValue } from "../../src/workbook/workbook";
import { SHOTS, openDemo } from "./harness";
import { demoPerFile } from "./demoPerFile";
import { waitFor } from "../waitFor";

const demo = demoPerFile();

/** Cells of a demo sheet by A1, through the page's test hook. */
const cells = (page: Page, sheet: string, addresses: string[]) =>
  page.evaluate(
    ([s, list]) =>
      (list as { top: number; left: number }[]).map((p) =>
        window.__demo!.workbook.cell(s as string, p.top, p.left)
      ),
    [sheet, addresses.map((a) => parseA1(a))] as const
  );

const sheetValues = (page: Page, sheet: string) =>
  page.evaluate((s) => window.__demo!.workbook.getSheet(s)!.values, sheet);

/** The sample's stays columns as Excel passes a range, and a function's table as cells. */
function sampleColumns() {
  const sheet = sampleBudgetSheet();
  const rows = sheet.values.slice(sheet.headerRow + 1);
  return (c: number) => rows.map((r) => [r[c] ?? ""]);
}
const asCells = (table: unknown[][]): CellValue[][] =>
  table.map((row) =>
    row.map((v) =>
      typeof v === "object" && v !== null && "code" in v
        ? (v as { code: string }).code
        : (v as CellValue)
    )
  );

describe("«Indsæt eksempler» in the demo", () => {
  it("writes the example sheets, whose formulas give the expected numbers and whose checks say TRUE", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    const userBefore = await sheetValues(page, SAMPLE_SHEET_NAME);
    await page.getByTestId("examples-insert").click();
    await page.getByTestId("examples-done").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("examples-done").textContent()).toContain(
      "«Eksempel ophold», «Eksempler», «Eksempel prognose» og «Eksempel projektion»"
    );
    expect(await page.evaluate(() => window.__demo!.workbook.sheets.map((s) => s.name))).toEqual([
      SAMPLE_SHEET_NAME,
      ...Object.values(EXAMPLE_SHEETS),
    ]);

    // The checks: TRUE once the calc worker has answered (#BUSY! until then).
    const { checks } = workedExamples();
    await waitFor(
      async () =>
        expect(await cells(page, EXAMPLE_SHEETS.worked, checks)).toEqual(checks.map(() => true)),
      { timeout: 30_000 }
    );
    expect(
      await cells(page, EXAMPLE_SHEETS.worked, ["F4", "F6", "F7", "F8", "H4", "H13", "H17", "H21"])
    ).toEqual([120, 90, 0, 180, 60000, 15500, 73000, 91500]);
    expect(await cells(page, EXAMPLE_SHEETS.worked, ["B31", "B33"])).toEqual([1188.44, 4]);
    // The grid shows the sheet the pane selected, with its checks in Danish.
    const grid = page.locator(`[data-testid="sheet-grid"][data-sheet="${EXAMPLE_SHEETS.worked}"]`);
    await grid.waitFor();
    await waitFor(async () =>
      expect(await grid.locator('tr[data-row="3"] td[data-col="8"]').textContent()).toBe("SAND")
    );
    await page.screenshot({ path: join(SHOTS, "examples-sheet.png") });

    // The forecast and the projection are the functions' tables of the sample's stays.
    const col = sampleColumns();
    const table = asCells(forecast(col(0), col(2), col(3), col(4), col(5)) as unknown[][]);
    await waitFor(
      async () => {
        const shown = (await sheetValues(page, EXAMPLE_SHEETS.forecast)).slice(2, 2 + table.length);
        expect(shown.map((r) => r.slice(0, table[0].length))).toEqual(table);
      },
      { timeout: 30_000 }
    );
    const params = [["Parameter", "Værdi"], ...PARAMETERS.map((p) => [p.name, p.default ?? ""])];
    const projected = asCells(
      projection(col(0), col(2), col(3), col(4), col(5), params) as unknown[][]
    );
    const outputRow = 3 + PARAMETERS.length + 2;
    await waitFor(
      async () => {
        const shown = (await sheetValues(page, EXAMPLE_SHEETS.projection)).slice(
          outputRow,
          outputRow + projected.length
        );
        expect(shown.map((r) => r.slice(0, projected[0].length))).toEqual(projected);
      },
      { timeout: 30_000 }
    );
    expect(await sheetValues(page, SAMPLE_SHEET_NAME)).toEqual(userBefore);

    // Again: the pane asks before it replaces its own sheets; Cancel leaves them as they are.
    await page.evaluate(() => window.__demo!.workbook.setCell("Eksempler", 3, 6, 119));
    await page.getByTestId("examples-insert").click();
    const confirm = page.getByTestId("examples-confirm");
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain("«Eksempler»");
    await page.getByTestId("examples-confirm-no").click();
    await confirm.waitFor({ state: "detached" });
    expect(await cells(page, EXAMPLE_SHEETS.worked, ["G4", "I4"])).toEqual([119, false]);
    // Replace: written anew, the check TRUE again.
    await page.getByTestId("examples-insert").click();
    await page.getByTestId("examples-confirm-yes").click();
    await waitFor(
      async () =>
        expect(await cells(page, EXAMPLE_SHEETS.worked, ["G4", "I4"])).toEqual([120, true]),
      { timeout: 30_000 }
    );
    expect(await page.evaluate(() => window.__demo!.workbook.sheets.length)).toBe(5);
    await page.close();
  });

  it("in English: the command and its message in English, the sheets as in Danish", async () => {
    const page = await openDemo(demo.browser, demo.server.origin, "?lang=en");
    await page.getByTestId("examples-insert").click();
    await page.getByTestId("examples-done").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("examples-insert").textContent()).toBe("Insert examples");
    expect(await page.getByTestId("examples-done").textContent()).toMatch(
      /^The examples are in the sheets “Eksempel ophold”, “Eksempler”/
    );
    await page.close();
  });
});
