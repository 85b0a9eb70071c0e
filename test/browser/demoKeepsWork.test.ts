/**
 * The demo never loses work (issue 22), in headless Chromium: a reload keeps every sheet (the
 * user's, the loaded file's, the add-in's, the Scenarier sheet with its saved scenarios) from
 * IndexedDB; the page asks before it goes while a change is not yet saved; Ctrl+Z and the
 * button undo a cell edit; «Download som .xlsx» gives a file that exceljs opens here in Node,
 * with every sheet, values and formulas with their last values; a loaded file whose sheets
 * exist asks before it replaces them; «Start forfra» asks, then starts from the sample.
 *
 * Needs dist/ (npm test builds it first). Screenshots go to test-results/.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { SAMPLE_SHEET_NAME } from "../../src/demo/sampleData";
import { LAYOUT, parameterCell } from "../../src/sheets/scenarios/scenarioSheet";
import { parseA1 } from "../../src/workbook/workbook";
import { demoPerFile } from "./demoPerFile";
import { SHOTS, gridCell, openDemo, runForecastInPage } from "./harness";
import { waitFor } from "../waitFor";

const demo = demoPerFile();

const cellValue = (page: Page, sheet: string, row: number, col: number) =>
  page.evaluate(
    ([s, r, c]) => window.__demo!.workbook.cell(s as string, r as number, c as number),
    [sheet, row, col] as const
  );
const sheetNames = (page: Page) =>
  page.evaluate(() =>
    window.__demo!.workbook.sheets.map((s) => `${s.name}${s.own ? " (own)" : ""}`)
  );
const saved = (page: Page) =>
  waitFor(
    async () =>
      expect(await page.getByTestId("save-state").getAttribute("data-state")).toBe("saved"),
    { timeout: 20_000 }
  );

/** The Scenarier sheet's cells, a blank one as "" and none after a row's last value. */
const scenarierCells = (page: Page) =>
  page.evaluate(() =>
    window.__demo!.workbook.getSheet("Scenarier")!.values.map((row) => {
      const cells = Array.from(row, (v) => v ?? "");
      while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
      return cells;
    })
  );

/** Types a value into a cell of the grid, as a user: the sheet's tab, the cell, type, Enter. */
async function typeInto(page: Page, sheet: string, row: number, col: number, text: string) {
  await page.locator(`[role="tab"][data-sheet="${sheet}"]`).click();
  await (await gridCell(page, sheet, row, col)).click();
  await page.keyboard.type(text);
  await page.keyboard.press("Enter");
}

const CSV = ["Borger;Indskrivning;Udskrivning;Takst", "C001;01-02-2026;15-03-2026;1200"].join("\n");
const csvFile = (name: string) => ({ name, mimeType: "text/csv", buffer: Buffer.from(CSV) });

describe("a reload keeps the demo's work", () => {
  it("every sheet, the Scenarier sheet's saved scenarios, a loaded file and an edit come back from IndexedDB", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    await page.getByTestId("file-input").setInputFiles(csvFile("egne ophold.csv"));
    await waitFor(async () => expect(await sheetNames(page)).toContain("egne ophold"), {
      timeout: 30_000,
    });
    await page.getByTestId("source").selectOption(`sheet:${SAMPLE_SHEET_NAME}`);
    await page.getByTestId("rows-ok").waitFor();
    await runForecastInPage(page);
    await page.getByTestId("scenario-sheet").click();
    await page.getByTestId("scenario-status").waitFor({ timeout: 30_000 });
    await page.getByTestId("scenario-name").fill("Basis");
    await page.getByTestId("scenario-save").click();
    await waitFor(async () =>
      expect(await page.getByTestId("scenario-status").textContent()).toBe("Gemt som «Basis».")
    );
    const share = parseA1(parameterCell("shareMoved"));
    await typeInto(page, "Scenarier", share.top, share.left, "80 %");
    await page.getByTestId("scenario-name").fill("Ambitiøs");
    await page.getByTestId("scenario-save").click();
    await waitFor(async () =>
      expect(await page.getByTestId("scenario-status").textContent()).toBe("Gemt som «Ambitiøs».")
    );
    await typeInto(page, SAMPLE_SHEET_NAME, 3, 1, "Herberget Vest");
    await saved(page);

    const before = {
      sheets: await sheetNames(page),
      scenarier: await scenarierCells(page),
      properties: await page.evaluate(
        () => window.__demo!.workbook.getSheet("Scenarier")!.properties
      ),
    };
    expect(before.sheets).toEqual(
      expect.arrayContaining([
        SAMPLE_SHEET_NAME,
        "egne ophold",
        "Refusionsprognose (own)",
        "Scenarier (own)",
      ])
    );

    await page.reload();
    await page.getByTestId("validation-report").waitFor({ timeout: 60_000 });
    expect(await sheetNames(page)).toEqual(before.sheets);
    expect(await cellValue(page, SAMPLE_SHEET_NAME, 3, 1)).toBe("Herberget Vest");
    expect(await cellValue(page, "egne ophold", 1, 0)).toBe("C001");
    expect(await cellValue(page, "Scenarier", share.top, share.left)).toBe(0.8);
    expect(
      await page.evaluate(() => window.__demo!.workbook.getSheet("Scenarier")!.properties)
    ).toEqual(before.properties);
    // The projection is computed again from the kept parameters: the same numbers as before.
    await waitFor(async () => expect(await scenarierCells(page)).toEqual(before.scenarier), {
      timeout: 30_000,
    });
    expect(await cellValue(page, "Scenarier", LAYOUT.outputRow, 0)).not.toBe("#VALUE!");
    // The saved scenarios are there to switch between.
    await page.getByTestId("scenario-pick").click();
    await expect(page.getByRole("option", { name: "Basis" }).count()).resolves.toBe(1);
    await expect(page.getByRole("option", { name: "Ambitiøs" }).count()).resolves.toBe(1);
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("saved-here").textContent()).resolves.toMatch(
      /^Projektmappen er hentet fra browseren \(gemt .+\)\. Dine ark og scenarier gemmes i denne browser/
    );
    await page.screenshot({ path: join(SHOTS, "demo-restored.png") });
    await page.close();
  });

  it("saves a forecast run's sheets once the run is over, not while it runs", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    await saved(page);
    // Every save state shown from the click until the result is on screen.
    const shownDuringRun = await page.evaluate(async () => {
      const seen = new Set<string>();
      const state = () =>
        document.querySelector('[data-testid="save-state"]')?.getAttribute("data-state") ?? "";
      document.querySelector<HTMLButtonElement>('[data-testid="run"]')!.click();
      await new Promise<void>((ok) => {
        const look = () => {
          seen.add(state());
          if (document.querySelector('[data-testid="run-result"]')) ok();
          else requestAnimationFrame(look);
        };
        look();
      });
      return [...seen];
    });
    expect(shownDuringRun).not.toContain("saving");
    await saved(page);
    // The cells, a blank one as "" and none after a row's last value (the save keeps filled cells).
    const forecast = () =>
      page.evaluate(() =>
        window.__demo!.workbook.getSheet("Refusionsprognose")?.values.map((row) => {
          const cells = Array.from(row, (v) => v ?? "");
          while (cells.length > 0 && cells[cells.length - 1] === "") cells.pop();
          return cells;
        })
      );
    const written = await forecast();
    expect(written?.length).toBeGreaterThan(10);
    await page.reload();
    await page.getByTestId("validation-report").waitFor({ timeout: 60_000 });
    expect(await forecast()).toEqual(written);
    await page.close();
  });

  it("asks before the page goes while an edit is not yet saved, and not once it is", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    // The edit and the question in one task: the save waits for a quiet moment after it.
    const asks = () =>
      page.evaluate(() => {
        const event = new Event("beforeunload", { cancelable: true });
        window.dispatchEvent(event);
        return event.defaultPrevented;
      });
    expect(await asks()).toBe(false);
    const askedRightAfterEdit = await page.evaluate(() => {
      window.__demo!.workbook.setCell("Budget 2026", 3, 1, "Herberget Øst");
      const event = new Event("beforeunload", { cancelable: true });
      window.dispatchEvent(event);
      return event.defaultPrevented;
    });
    expect(askedRightAfterEdit).toBe(true);
    await saved(page);
    expect(await asks()).toBe(false);
    await page.close();
  });
});

describe("undo", () => {
  it("Ctrl+Z and the Fortryd button take back cell edits, Ctrl+Y does them again", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    const original = await cellValue(page, SAMPLE_SHEET_NAME, 3, 4);
    await typeInto(page, SAMPLE_SHEET_NAME, 3, 4, "2000");
    await typeInto(page, SAMPLE_SHEET_NAME, 4, 4, "2100");
    expect(await cellValue(page, SAMPLE_SHEET_NAME, 4, 4)).toBe(2100);
    await expect(page.getByTestId("undo").getAttribute("title")).resolves.toBe(
      `Fortryd ændringen i E5 på arket ${SAMPLE_SHEET_NAME} (Ctrl+Z)`
    );
    await page.keyboard.press("Control+z");
    expect(await cellValue(page, SAMPLE_SHEET_NAME, 4, 4)).not.toBe(2100);
    await page.getByTestId("undo").click();
    expect(await cellValue(page, SAMPLE_SHEET_NAME, 3, 4)).toBe(original);
    await expect(page.getByTestId("undo").isDisabled()).resolves.toBe(true);
    // The undone cell is the active one again.
    await expect(page.getByTestId("cell-box").locator("span").first().textContent()).resolves.toBe(
      "E4"
    );
    await page.getByTestId("sheet-grid").focus();
    await page.keyboard.press("Control+y");
    expect(await cellValue(page, SAMPLE_SHEET_NAME, 3, 4)).toBe(2000);
    await page.close();
  });
});

describe("«Download som .xlsx»", () => {
  it("gives the whole workbook, the add-in's sheets and the Scenarier formula with its values, as exceljs reads it", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    await runForecastInPage(page);
    await page.getByTestId("scenario-sheet").click();
    await page.getByTestId("scenario-status").waitFor({ timeout: 30_000 });
    await waitFor(
      async () =>
        expect(typeof (await cellValue(page, "Scenarier", LAYOUT.outputRow + 1, 0))).toBe("number"),
      { timeout: 30_000 }
    );
    const [download] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      page.getByTestId("download").click(),
    ]);
    expect(download.suggestedFilename()).toBe("Refusion og Housing First (demo).xlsx");
    const bytes = readFileSync((await download.path())!);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const names = await page.evaluate(() => window.__demo!.workbook.sheets.map((s) => s.name));
    expect(book.worksheets.map((s) => s.name)).toEqual(names);
    expect(names).toEqual(
      expect.arrayContaining([SAMPLE_SHEET_NAME, "Refusionsprognose", "Scenarier"])
    );
    // Values as the demo holds them.
    const budget = book.getWorksheet(SAMPLE_SHEET_NAME)!;
    expect(budget.getCell("A4").value).toBe(await cellValue(page, SAMPLE_SHEET_NAME, 3, 0));
    expect(budget.getCell("E4").value).toBe(await cellValue(page, SAMPLE_SHEET_NAME, 3, 4));
    // The add-in's formula in the Scenarier sheet, as a formula, with the value it spilled.
    const formulas = await page.evaluate(() =>
      window.__demo!.workbook.getSheet("Scenarier")!.formulas!.map((f) => ({
        row: f.row,
        col: f.col,
        text: f.text,
      }))
    );
    expect(formulas.length).toBeGreaterThan(0);
    const scenarier = book.getWorksheet("Scenarier")!;
    for (const f of formulas) {
      const { value, model } = scenarier.getCell(f.row + 1, f.col + 1);
      expect((value as ExcelJS.CellFormulaValue).formula).toBe(f.text.replace(/^=/, ""));
      expect((model as { result?: unknown }).result).toEqual(
        await cellValue(page, "Scenarier", f.row, f.col)
      );
    }
    const spill = await cellValue(page, "Scenarier", LAYOUT.outputRow + 1, 1);
    expect(scenarier.getCell(LAYOUT.outputRow + 2, 2).value).toBe(spill);
    // The forecast sheet's numbers, and its table.
    const forecast = book.getWorksheet("Refusionsprognose")!;
    const tables = await page.evaluate(
      () => window.__demo!.workbook.getSheet("Refusionsprognose")!.tables
    );
    for (const t of tables) expect(forecast.getTable(t.name)).toBeDefined();
    const held = await page.evaluate(
      () => window.__demo!.workbook.getSheet("Refusionsprognose")!.values
    );
    let compared = 0;
    held.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === "" || v === null || v === undefined) return;
        const cell = forecast.getCell(r + 1, c + 1).value;
        const written =
          cell !== null && typeof cell === "object" && "formula" in cell ? cell.result : cell;
        expect([r, c, written]).toEqual([r, c, v]);
        compared++;
      })
    );
    expect(compared).toBeGreaterThan(100);
    await page.close();
  });
});

describe("nothing is replaced or deleted without a question", () => {
  it("a file whose sheet exists asks: keep both adds «(2)», replace puts the new rows in its place", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    await page.getByTestId("file-input").setInputFiles(csvFile("egne ophold.csv"));
    await waitFor(async () => expect(await sheetNames(page)).toContain("egne ophold"), {
      timeout: 30_000,
    });
    await typeInto(page, "egne ophold", 1, 3, "1300");

    await page.getByTestId("file-input").setInputFiles(csvFile("egne ophold.csv"));
    await page.getByTestId("keep-both").waitFor({ timeout: 30_000 });
    await expect(page.getByRole("alertdialog").textContent()).resolves.toContain(
      "Projektmappen har allerede arket «egne ophold»"
    );
    // The file's reading is over while the question is open: no «Tjekker filen …» behind it.
    expect(await page.getByTestId("load-progress").count()).toBe(0);
    // The dialog faded in fully before the screenshot.
    await page.waitForFunction(() =>
      document.getAnimations().every((a) => a.playState !== "running")
    );
    await page.screenshot({ path: join(SHOTS, "demo-replace-question.png") });
    await page.getByTestId("keep-both").click();
    await waitFor(async () => expect(await sheetNames(page)).toContain("egne ophold (2)"));
    expect(await cellValue(page, "egne ophold", 1, 3)).toBe(1300);

    await page.getByTestId("file-input").setInputFiles(csvFile("egne ophold.csv"));
    await page.getByTestId("replace-sheets").click();
    await waitFor(async () => expect(await cellValue(page, "egne ophold", 1, 3)).toBe(1200));
    expect((await sheetNames(page)).filter((n) => n.startsWith("egne ophold"))).toEqual([
      "egne ophold",
      "egne ophold (2)",
    ]);
    await page.close();
  });

  it("«Start forfra» asks first; cancel keeps everything, confirm starts from the sample after the reload", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    await typeInto(page, SAMPLE_SHEET_NAME, 3, 1, "Herberget Nord");
    await saved(page);
    await page.getByTestId("start-over").click();
    await page.getByTestId("start-over-cancel").click();
    expect(await cellValue(page, SAMPLE_SHEET_NAME, 3, 1)).toBe("Herberget Nord");

    await page.getByTestId("start-over").click();
    await expect(page.getByRole("alertdialog").textContent()).resolves.toContain(
      "Det kan ikke fortrydes"
    );
    await Promise.all([page.waitForEvent("load"), page.getByTestId("start-over-confirm").click()]);
    await page.getByTestId("validation-report").waitFor({ timeout: 60_000 });
    expect(await sheetNames(page)).toEqual([SAMPLE_SHEET_NAME]);
    expect(await cellValue(page, SAMPLE_SHEET_NAME, 3, 1)).not.toBe("Herberget Nord");
    await page.close();
  });
});

describe("in English", () => {
  it("says what it keeps, undoes and downloads in English", async () => {
    const page = await openDemo(demo.browser, demo.server.origin, "?lang=en");
    await typeInto(page, SAMPLE_SHEET_NAME, 3, 4, "2000");
    await saved(page);
    await expect(page.getByTestId("save-state").textContent()).resolves.toBe(
      "Saved in the browser."
    );
    await expect(page.getByTestId("undo").getAttribute("title")).resolves.toBe(
      `Undo the change in E4 on the sheet ${SAMPLE_SHEET_NAME} (Ctrl+Z)`
    );
    await expect(page.getByTestId("download").textContent()).resolves.toBe("Download as .xlsx");
    await expect(page.getByTestId("saved-here").textContent()).resolves.toMatch(
      /^Your sheets and scenarios are kept in this browser/
    );
    await page.screenshot({ path: join(SHOTS, "demo-keeps-work-en.png") });
    // On a phone the buttons wrap inside the page's width.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const id of ["undo", "redo", "download", "start-over"]) {
      const box = (await page.getByTestId(id).boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(390);
    }
    await page.screenshot({ path: join(SHOTS, "demo-keeps-work-390.png") });
    await page.close();
  });
});
