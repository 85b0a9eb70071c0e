/**
 * The traps a first user of the demo fell into (issue 22), in headless Chromium: a second loaded
 * file becomes the source (its table and mapping, and «Beregn» computes it) with the source's
 * long name beside «Læs igen» at 1 280 and 390 px; `nej`, `ja`, `NEJ`, `Ja` typed in a ja/nej
 * parameter cell, the projection using them; the grid's keyboard (F2, Enter and typing edit;
 * Escape cancels; Enter and Tab move); and «Beregn» within 10 Tab stops from the pane's top,
 * the report's row links being one stop, with axe-core finding nothing serious.
 *
 * Needs dist/ (npm test builds it first). Screenshots go to test-results/.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { sampleBudgetSheet } from "../../src/demo/sampleData";
import { PARAMETERS } from "../../src/engine/parameters";
import { projection } from "../../src/functions/functions";
import { LAYOUT, parameterCell } from "../../src/sheets/scenarios/scenarioSheet";
import { parseA1 } from "../../src/workbook/workbook";
import { axeSeriousViolations } from "./axe";
import { demoPerFile } from "./demoPerFile";
import { SHOTS, gridCell, openDemo, runForecastInPage } from "./harness";
import { waitFor } from "../waitFor";

const demo = demoPerFile();
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "demo-first-user-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** An .xlsx with a table of stays on the sheet `sheet`, after `before` sheets of notes. */
async function staysFile(options: {
  file: string;
  sheet: string;
  table: string;
  citizens: string[];
  before?: string[];
}): Promise<string> {
  const book = new ExcelJS.Workbook();
  for (const name of options.before ?? []) book.addWorksheet(name).getCell("A1").value = "Noter";
  const ws = book.addWorksheet(options.sheet);
  ws.addTable({
    name: options.table,
    ref: "A1",
    headerRow: true,
    columns: ["Borger", "Indskrivning", "Udskrivning", "Takst"].map((name) => ({ name })),
    rows: options.citizens.map((c, i) => [
      c,
      utc("2026-02-01"),
      utc(`2026-0${3 + (i % 5)}-15`),
      1000 + i,
    ]),
  });
  ws.getColumn(2).numFmt = "dd-mm-yyyy";
  ws.getColumn(3).numFmt = "dd-mm-yyyy";
  const path = join(dir, options.file);
  writeFileSync(path, Buffer.from(await book.xlsx.writeBuffer()));
  return path;
}

const sourceValue = (page: Page) => page.getByTestId("source").inputValue();
const rowsOk = (page: Page) => page.getByTestId("rows-ok").textContent();
/** The citizens of the audit sheet the last run wrote. */
const auditCitizens = (page: Page) =>
  page.evaluate(() => {
    const audit = window.__demo!.workbook.sheets.find((s) => s.own && /pr\. ophold/i.test(s.name));
    return audit
      ? audit.values.flat().filter((v) => typeof v === "string" && /^[A-Z]\d{3}$/.test(v))
      : [];
  });

describe("a second loaded file becomes the source", () => {
  it("its table and mapping replace the first file's in «Hvor står opholdene?», and «Beregn» computes it", async () => {
    const first = await staysFile({
      file: "c_table.xlsx",
      sheet: "Ophold",
      table: "c_table",
      citizens: ["A001", "A002", "A003"],
    });
    const second = await staysFile({
      file: "budgetkontoret.xlsx",
      sheet: "Ophold fra budgetkontoret",
      table: "OpholdFraSocialforvaltningensBudgetkontor2027",
      citizens: ["B001", "B002", "B003", "B004", "B005"],
      before: ["Forside"],
    });
    const page = await openDemo(demo.browser, demo.server.origin);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByTestId("file-input").setInputFiles(first);
    await waitFor(async () => expect(await sourceValue(page)).toBe("table:c_table"), {
      timeout: 30_000,
    });
    await waitFor(async () => expect(await rowsOk(page)).toBe("3 af 3 rækker er i orden."));

    await page.getByTestId("file-input").setInputFiles(second);
    await waitFor(
      async () =>
        expect(await sourceValue(page)).toBe("table:OpholdFraSocialforvaltningensBudgetkontor2027"),
      { timeout: 30_000 }
    );
    await waitFor(async () => expect(await rowsOk(page)).toBe("5 af 5 rækker er i orden."));
    // The mapping is the new table's: its four columns, from its header.
    await expect(page.getByTestId("mapping-folded").textContent()).resolves.toContain(
      "Takst: D: Takst"
    );
    expect(await page.evaluate(() => window.__demo!.workbook.activeSheet)).toBe(
      "Ophold fra budgetkontoret"
    );
    await runForecastInPage(page);
    expect((await auditCitizens(page)).sort()).toEqual(["B001", "B002", "B003", "B004", "B005"]);

    // The long name stays inside its box, beside «Læs igen», at 1 280 and at 390 px.
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      // The shell lays the pane out anew when React hears the media query change, a frame or
      // more after the resize: measured at once, CI once saw the old layout at the new width.
      await waitFor(async () => {
        const select = (await page.getByTestId("source").boundingBox())!;
        const refresh = (await page.getByRole("button", { name: "Læs igen" }).boundingBox())!;
        expect(select.x + select.width).toBeLessThanOrEqual(refresh.x);
        expect(refresh.x + refresh.width).toBeLessThanOrEqual(width);
      });
      await page.getByRole("button", { name: "Læs igen" }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(SHOTS, `demo-second-file-${width}.png`) });
    }
    await page.close();
  });
});

/** DK.HOUSINGFIRSTPROJECTION on the sample sheet in Node, with some parameters changed. */
function expectedTable(overrides: Partial<Record<string, number>> = {}): unknown[][] {
  const sheet = sampleBudgetSheet();
  const rows = sheet.values.slice(sheet.headerRow + 1);
  const col = (c: number) => rows.map((r) => [r[c] ?? ""]);
  const params = [
    ["Parameter", "Værdi"],
    ...PARAMETERS.map((p) => [p.name, p.id in overrides ? overrides[p.id]! : (p.default ?? "")]),
  ];
  return projection(col(0), col(2), col(3), col(4), col(5), params) as unknown[][];
}

const cellValue = (page: Page, sheet: string, row: number, col: number) =>
  page.evaluate(
    ([s, r, c]) => window.__demo!.workbook.cell(s as string, r as number, c as number),
    [sheet, row, col] as const
  );

/** The projection's spilled table as the Scenarier sheet holds it now. */
async function spilled(page: Page, rows: number, cols: number): Promise<unknown[][]> {
  return page.evaluate(
    ([top, r, c]) =>
      Array.from({ length: r }, (_, i) =>
        Array.from({ length: c }, (_, j) => window.__demo!.workbook.cell("Scenarier", top + i, j))
      ),
    [LAYOUT.outputRow, rows, cols] as const
  );
}

async function scenarierSheet(page: Page): Promise<void> {
  await page.getByTestId("scenario-sheet").click();
  await waitFor(
    async () =>
      expect(await page.getByTestId("scenario-status").textContent()).toBe(
        "Arket Scenarier er skrevet."
      ),
    { timeout: 30_000 }
  );
  await page.locator('[data-testid="sheet-grid"][data-sheet="Scenarier"]').waitFor();
}

describe("ja/nej parameters typed as they are shown", () => {
  it("nej, ja, NEJ and Ja in the «Målgruppe: kroniske» cell; the projection uses them; the editor starts at what the cell shows", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    await scenarierSheet(page);
    const at = parseA1(parameterCell("targetChronic"));
    const withChronic = expectedTable();
    const without = expectedTable({ targetChronic: 0 });
    expect(without).not.toEqual(withChronic);
    const size = [withChronic.length, withChronic[0].length] as const;
    const shown = async () => (await gridCell(page, "Scenarier", at.top, at.left)).textContent();

    const type = async (word: string) => {
      await (await gridCell(page, "Scenarier", at.top, at.left)).click();
      await page.keyboard.type(word);
      await page.keyboard.press("Enter");
    };
    for (const [word, value] of [
      ["nej", 0],
      ["ja", 1],
      ["NEJ", 0],
      ["Ja", 1],
    ] as const) {
      await type(word);
      await waitFor(async () =>
        expect(await cellValue(page, "Scenarier", at.top, at.left)).toBe(value)
      );
      expect(await shown()).toBe(value === 1 ? "ja" : "nej");
      await waitFor(
        async () => expect(await spilled(page, ...size)).toEqual(value ? withChronic : without),
        {
          timeout: 20_000,
        }
      );
    }
    await page.screenshot({ path: join(SHOTS, "demo-ja-nej.png") });

    // F2 opens the editor at what the cell shows (ja), not 1; Escape leaves the cell as it was.
    await (await gridCell(page, "Scenarier", at.top, at.left)).click();
    await page.keyboard.press("F2");
    await expect(page.getByTestId("cell-input").inputValue()).resolves.toBe("ja");
    await page.keyboard.press("Escape");
    await expect(page.getByTestId("cell-input").count()).resolves.toBe(0);
    expect(await cellValue(page, "Scenarier", at.top, at.left)).toBe(1);

    // Excel keeps a typed word as text (the cell's format shows only numbers as ja/nej): the
    // projection reads the text «NEJ» as 0 all the same.
    await page.evaluate(([r, c]) => window.__demo!.workbook.setCell("Scenarier", r, c, "NEJ"), [
      at.top,
      at.left,
    ] as const);
    await waitFor(async () => expect(await spilled(page, ...size)).toEqual(without), {
      timeout: 20_000,
    });
    await expect(page.getByTestId("scenario-problems").count()).resolves.toBe(0);
    await page.close();
  });
});

describe("the grid's keyboard", () => {
  const SHEET = "Budget 2026";
  const active = (page: Page) => page.getByTestId("cell-box").locator("span").first().textContent();

  it("typing, F2 and Enter start an edit; Escape cancels; Enter keeps and moves down, Tab right", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    await (await gridCell(page, SHEET, 3, 1)).click();
    await expect(active(page)).resolves.toBe("B4");

    // A typed character replaces the value; Enter keeps it and moves down.
    await page.keyboard.type("Herberget Syd");
    await page.keyboard.press("Enter");
    expect(await cellValue(page, SHEET, 3, 1)).toBe("Herberget Syd");
    await expect(active(page)).resolves.toBe("B5");

    // F2 edits the value as it is; Tab keeps it and moves right.
    const before = await cellValue(page, SHEET, 4, 1);
    await page.keyboard.press("F2");
    await expect(page.getByTestId("cell-input").inputValue()).resolves.toBe(before);
    await page.keyboard.type(" 2");
    await page.keyboard.press("Tab");
    expect(await cellValue(page, SHEET, 4, 1)).toBe(`${before} 2`);
    await expect(active(page)).resolves.toBe("C5");

    // Enter edits too; Escape cancels what was typed.
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await expect(active(page)).resolves.toBe("E5");
    const rate = await cellValue(page, SHEET, 4, 4);
    await page.keyboard.press("Enter");
    await expect(page.getByTestId("cell-input").inputValue()).resolves.toBe(
      String(rate).replace(".", ",")
    );
    await page.keyboard.press("Control+a");
    await page.keyboard.type("999");
    await page.keyboard.press("Escape");
    expect(await cellValue(page, SHEET, 4, 4)).toBe(rate);
    await expect(active(page)).resolves.toBe("E5");
    // Typing a number reads it in Danish, and the grid keeps focus for the next key.
    await page.keyboard.type("1.250,5");
    await page.keyboard.press("Enter");
    expect(await cellValue(page, SHEET, 4, 4)).toBe(1250.5);
    await expect(active(page)).resolves.toBe("E6");
    await page.close();
  });
});

describe("the pane by keyboard", () => {
  it("reaches «Beregn» within 10 Tab stops from the top: the report's row links are one stop, arrows inside", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    await page.locator("aside button").first().focus();
    const stops: string[] = [];
    for (let i = 1; i <= 20; i++) {
      const id = await page.evaluate(() => {
        const e = document.activeElement as HTMLElement;
        return e.dataset.testid ?? e.getAttribute("aria-label") ?? e.textContent ?? e.tagName;
      });
      stops.push(id);
      if (id === "run") break;
      await page.keyboard.press("Tab");
    }
    expect(stops.at(-1)).toBe("run");
    expect(stops.length).toBeLessThanOrEqual(10);
    // One stop is a row link, the first; the others are reached with the arrow keys.
    const links = stops.filter((s) => s.startsWith("Vis række"));
    expect(links).toEqual(["Vis række 83 i arket"]);

    await page.getByRole("button", { name: "Vis række 83 i arket" }).focus();
    await page.keyboard.press("ArrowDown");
    const focused = () =>
      page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
    await expect(focused()).resolves.toBe("Vis række 243 i arket");
    await page.keyboard.press("Enter");
    await waitFor(async () =>
      expect(await page.evaluate(() => window.__demo!.workbook.selection?.address)).toMatch(
        /^A243:/
      )
    );
    // Tab from inside the list leaves it.
    await page.getByRole("button", { name: "Vis række 243 i arket" }).focus();
    await page.keyboard.press("Tab");
    await expect(focused()).resolves.not.toMatch(/^Vis række/);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.close();
  });
});
