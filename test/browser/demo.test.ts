/**
 * The standalone demo in headless Chromium, with no network (office.js from Microsoft's CDN is
 * aborted): the pane finds the sample budget sheet, the user corrects a column mapping, runs the
 * forecast, and the totals the page renders in the forecast grid equal the engine's own numbers
 * for the same sample computed here in Node. Also: bad rows reported and the rest computed, the
 * user's sheet unchanged, English, accessibility (axe-core), a large sheet with cancel, a name
 * clash with a user's sheet, and a CSV of SPEC section 3's examples loaded through the file input.
 *
 * Needs dist/ (npm test builds it first). Screenshots go to test-results/.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import ExcelJS from "exceljs";
import type { Page } from "playwright-core";
import { computeForecast, type Amounts } from "../../src/engine/forecast";
import { Decimal, dec } from "../../src/engine/money";
import { sampleBudgetSheet, SAMPLE_SHEET_NAME } from "../../src/demo/sampleData";
import { mapColumns, validateRows, type ColumnMapping } from "../../src/sheets/stays/columns";
import { AUDIT_SHEET, FORECAST_SHEET } from "../../src/sheets/forecast/forecastRun";
import type { CellValue } from "../../src/workbook/workbook";
import {
  SHOTS,
  openDemo,
  readRenderedGrid,
  runForecastInPage,
  startDemo,
  stopDemo,
  type Browser,
  type StaticServer,
} from "./harness";
import { axeSeriousViolations } from "./axe";
import { HOOK_TIMEOUT } from "../timeouts";
import { waitFor } from "../waitFor";

let server: StaticServer;
let browser: Browser;
let officeRequests = 0;

beforeAll(async () => {
  ({ server, browser } = await startDemo());
  browser.context.on("requestfailed", (request) => {
    if (request.url().includes("appsforoffice.microsoft.com")) officeRequests++;
  });
}, HOOK_TIMEOUT);

afterAll(() => stopDemo({ server, browser }), HOOK_TIMEOUT);

// ---- the engine's numbers, computed in Node from the same generator ----

/** The sample budget sheet as the pane reads it: header row found, rows below it. */
function sampleTable(rows?: number) {
  const sheet = sampleBudgetSheet({ rows });
  const header = sheet.values[sheet.headerRow];
  const table = {
    sheet: sheet.name,
    header,
    rows: sheet.values.slice(sheet.headerRow + 1),
    firstRow: sheet.headerRow + 1,
    left: 0,
  };
  return { sheet, table, mapping: mapColumns(header) };
}

function engineYears(mapping: ColumnMapping): number {
  const { table } = sampleTable();
  return computeForecast(validateRows(table, mapping).stays).years.length;
}

function engineTotals(mapping: ColumnMapping, rows?: number): Amounts {
  const { table } = sampleTable(rows);
  return computeForecast(validateRows(table, mapping).stays).total;
}

// ---- reading what the page shows ----

/** "1.234.567,89 kr." (Danish) or "1,234,567.89 kr." (English) -> exact Decimal. */
function parseShown(text: string, language: "da" | "en"): Decimal {
  const bare = text.replace(/kr\.|DKK|\s/g, "");
  const plain =
    language === "da" ? bare.replace(/\./g, "").replace(",", ".") : bare.replace(/,/g, "");
  if (!/^-?\d+(\.\d+)?$/.test(plain)) throw new Error(`Not an amount: ${JSON.stringify(text)}`);
  return dec(plain);
}

/** The amount columns by their headers on the forecast sheet, in Danish and in English. */
const AMOUNT_COLUMNS: [keyof Amounts, string, string][] = [
  ["stayDays", "Opholdsdøgn", "Stay nights"],
  ["refundDaysNy", "Refusionsdøgn NY", "Refund days NY"],
  ["refundDaysGammel", "Refusionsdøgn GAMMEL", "Refund days GAMMEL"],
  ["gross", "Bruttoudgift", "Gross cost"],
  ["selfPayment", "Egenbetaling", "Self-payment"],
  ["refundNy", "Refusion NY", "Refund NY"],
  ["refundGammel", "Refusion GAMMEL", "Refund GAMMEL"],
  ["difference", "Forskel (reformens pris)", "Difference (cost of the reform)"],
  ["netCost", "Kommunal nettoudgift", "Municipal net cost"],
];
const TABLE_WORDS = {
  da: { year: "År", quarter: "Kvartal", total: "I alt" },
  en: { year: "Year", quarter: "Quarter", total: "Total" },
};

/**
 * The total rows of the two tables on the rendered forecast sheet (by quarter from column A, by
 * year from the column headed "År" without "Kvartal" beside it), read by their headers.
 */
function shownTotals(
  grid: string[][],
  language: "da" | "en"
): Record<"quarters" | "years", Record<keyof Amounts, Decimal>> {
  const found = (index: number, what: string) => {
    if (index < 0) throw new Error(`The rendered forecast sheet has no ${what}`);
    return index;
  };
  const words = TABLE_WORDS[language];
  const headerRow = found(
    grid.findIndex((r) => r[0] === words.year && r[1] === words.quarter),
    "header row of the quarter table"
  );
  const header = grid[headerRow];
  const yearCol = found(
    header.findIndex((c, i) => i > 1 && c === words.year),
    "header of the year table"
  );
  const read = (left: number) => {
    const totalRow = found(
      grid.findIndex((r, i) => i > headerRow && r[left] === words.total),
      `total row of the table at column ${left}`
    );
    const out = {} as Record<keyof Amounts, Decimal>;
    for (const [key, da, en] of AMOUNT_COLUMNS) {
      const name = language === "da" ? da : en;
      const col = header.findIndex((c, i) => i > left && c === name);
      out[key] = parseShown(grid[totalRow][col], language);
    }
    return out;
  };
  return { quarters: read(0), years: read(yearCol) };
}

/** Compared by amount (the failure names the amount), to the øre. */
function expectTotalsEqual(shown: Record<keyof Amounts, Decimal>, engine: Amounts): void {
  const byKey = (value: (key: keyof Amounts) => string) =>
    Object.fromEntries(AMOUNT_COLUMNS.map(([key]) => [key, value(key)]));
  expect(byKey((key) => shown[key].toFixed(2))).toEqual(
    byKey((key) => {
      const want = engine[key];
      return (typeof want === "number" ? dec(want) : want).toFixed(2);
    })
  );
}

const userSheetValues = (page: Page, name: string) =>
  page.evaluate(
    (n) => JSON.stringify(window.__demo!.workbook.getSheet(n)!.values),
    name
  ) as Promise<string>;

const activeSheet = (page: Page) => page.getByTestId("sheet-grid").getAttribute("data-sheet");

async function showSheet(page: Page, name: string): Promise<void> {
  await page
    .getByRole("tab", { name: new RegExp(`^${name.replace(/[().]/g, "\\$&")} \\(`) })
    .click();
  await page.locator(`[data-testid="sheet-grid"][data-sheet="${name}"]`).waitFor();
}

// ---- the tests ----

describe("the standalone demo in headless Chromium", () => {
  it("runs standalone on the sample budget sheet when office.js cannot load", async () => {
    const page = await openDemo(browser, server.origin);
    expect({ officeJsRequestedAndFailed: officeRequests > 0 }).toEqual({
      officeJsRequestedAndFailed: true,
    });
    expect(await page.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe(
      "undefined"
    );
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("da");
    expect(await activeSheet(page)).toBe(SAMPLE_SHEET_NAME);

    // The grid shows the sample's cells, formatted as Excel would on a Danish machine.
    const { sheet } = sampleTable();
    const grid = await readRenderedGrid(page);
    expect(grid.length).toBe(sheet.values.length);
    expect(grid[sheet.headerRow].slice(0, 7)).toEqual(sheet.values[sheet.headerRow]);
    const first = sheet.values[sheet.headerRow + 1];
    expect(grid[sheet.headerRow + 1][0]).toBe(first[0]);
    const admission = new Date(Date.UTC(1899, 11, 30) + (first[2] as number) * 86_400_000);
    const dk = `${String(admission.getUTCDate()).padStart(2, "0")}-${String(admission.getUTCMonth() + 1).padStart(2, "0")}-${admission.getUTCFullYear()}`;
    expect(grid[sheet.headerRow + 1][2]).toBe(dk);
    expect(grid[sheet.headerRow + 1][4]).toBe(
      `${String(first[4]).replace(/\B(?=(\d{3})+(?!\d))/g, ".")},00`
    );
    await page.close();
  });

  it("also runs standalone when office.js loads but Office.onReady reports no host (a plain browser online)", async () => {
    // What office.js does in a browser tab outside Office: onReady resolves with host null.
    const stub =
      "window.Office = { HostType: { Excel: 'Excel' }, onReady: (cb) => { const info = { host: null, platform: null }; setTimeout(() => cb(info)); return Promise.resolve(info); } };";
    const page = await openDemo(browser, server.origin, "", async (p) => {
      await p.route(/appsforoffice\.microsoft\.com/, (route) =>
        route.fulfill({ contentType: "text/javascript", body: stub })
      );
    });
    expect(await page.evaluate(() => typeof (window as { Office?: unknown }).Office)).toBe(
      "object"
    );
    expect(await activeSheet(page)).toBe(SAMPLE_SHEET_NAME);
    await page.close();
  });

  it("maps columns, reports the bad rows, runs, and renders the engine's totals; the user's sheet is unchanged", async () => {
    const page = await openDemo(browser, server.origin);
    const { sheet, mapping } = sampleTable();
    const valuesBefore = await userSheetValues(page, SAMPLE_SHEET_NAME);
    const gridBefore = await readRenderedGrid(page);

    // The detected mapping, folded, then one correction by the user: no self-payment column.
    await page.getByTestId("mapping-edit").click();
    expect(await page.locator('select[data-field="selfPayment"]').inputValue()).toBe(
      String(mapping.selfPayment)
    );
    await page.locator('select[data-field="selfPayment"]').selectOption("");
    const corrected: ColumnMapping = { ...mapping, selfPayment: null };

    // Validation report: the two deliberately bad rows, by sheet row, with reasons.
    const total = sheet.values.length - sheet.headerRow - 1;
    await waitFor(async () =>
      expect(await page.getByTestId("rows-ok").textContent()).toBe(
        `${total - 2} af ${total} rækker er i orden.`
      )
    );
    const badRows = await page
      .locator('[data-testid="bad-rows"] li')
      .evaluateAll((lis) => lis.map((li) => Number((li as HTMLElement).dataset.row)));
    expect(badRows).toEqual(sheet.badRows);
    await waitFor(async () =>
      expect(await page.locator('[data-testid="bad-rows"] li').first().textContent()).toMatch(
        /Udskrivning .* ligger før indskrivning/
      )
    );

    // Clicking a bad row selects it in the sheet.
    await page.getByRole("button", { name: `Vis række ${sheet.badRows[1]} i arket` }).click();
    await waitFor(async () =>
      expect(await page.evaluate(() => window.__demo!.workbook.selection)).toEqual({
        sheet: SAMPLE_SHEET_NAME,
        address: `A${sheet.badRows[1]}:G${sheet.badRows[1]}`,
      })
    );
    await waitFor(async () =>
      expect(await page.locator(`tr[data-row="${sheet.badRows[1] - 1}"]`).isVisible()).toBe(true)
    );
    await page.screenshot({ path: join(SHOTS, "demo-bad-row-selected.png") });

    await runForecastInPage(page);
    expect(await activeSheet(page)).toBe(FORECAST_SHEET);
    await page.screenshot({ path: join(SHOTS, "demo-forecast-da.png") });

    // The rendered totals (both tables) equal the engine's, and the correction mattered.
    const engine = engineTotals(corrected);
    const shown = shownTotals(await readRenderedGrid(page), "da");
    expectTotalsEqual(shown.quarters, engine);
    expectTotalsEqual(shown.years, engine);
    expect(shown.quarters.selfPayment.isZero()).toBe(true);
    const withSelfPayment = engineTotals(mapping);
    expect(withSelfPayment.selfPayment.isZero()).toBe(false);
    expect(engine.refundNy.greaterThan(withSelfPayment.refundNy)).toBe(true);
    // The charts: one bar per category (year, or user group) and series, every bar below the
    // axis' top gridline.
    expect(
      await page.evaluate((n) => window.__demo!.workbook.getSheet(n)!.charts.length, FORECAST_SHEET)
    ).toBe(3);
    for (const [chart, series, categories] of [
      ["RefusionNyGammel", 2, engineYears(corrected)],
      ["KommunalNettoudgift", 1, engineYears(corrected)],
      ["Brugergrupper", 3, 3],
    ] as const) {
      const { bars, topLine } = await page
        .locator(`figure[data-chart="${chart}"] svg`)
        .evaluate((svg) => ({
          bars: [...svg.querySelectorAll("rect")].map((r) => r.getBBox().y),
          topLine: Math.min(...[...svg.querySelectorAll("line")].map((l) => l.y1.baseVal.value)),
        }));
      // The chart's name is in each value, so a failure says which chart.
      expect({ chart, bars: bars.length }).toEqual({
        chart,
        bars: series * categories,
      });
      expect({ chart, barsAboveTopLine: bars.filter((y) => y < topLine - 0.5) }).toEqual({
        chart,
        barsAboveTopLine: [],
      });
    }
    // The pane's summary says the same.
    expect(
      parseShown((await page.locator('[data-total="refundNy"]').textContent())!, "da").toFixed(2)
    ).toBe(engine.refundNy.toFixed(2));
    expect(await page.getByTestId("written-sheets").textContent()).toContain(
      `Skrev arket «${FORECAST_SHEET}».`
    );

    // The bad rows are on the audit sheet as errors; every other row has its refund.
    const audit = await page.evaluate(
      (n) => window.__demo!.workbook.getSheet(n)!.values,
      AUDIT_SHEET
    );
    const [head, ...lines] = audit as CellValue[][];
    const rowCol = head.indexOf("Række");
    const refundCol = head.indexOf("Refusion NY");
    const warnCol = head.indexOf("Advarsler");
    expect(lines.length).toBe(total);
    const errorRows = lines
      .filter((l) => String(l[warnCol]).startsWith("Fejl"))
      .map((l) => l[rowCol]);
    expect(errorRows).toEqual(sheet.badRows);
    const computed = lines.filter((l) => !sheet.badRows.includes(l[rowCol] as number));
    expect(computed.every((l) => typeof l[refundCol] === "number")).toBe(true);
    const sumNy = computed.reduce((s, l) => s.plus(dec(l[refundCol] as number)), dec(0));
    expect(sumNy.toFixed(2)).toBe(engine.refundNy.toFixed(2));

    // The user's budget sheet: same values in memory, same cells on screen.
    expect(await userSheetValues(page, SAMPLE_SHEET_NAME)).toBe(valuesBefore);
    await showSheet(page, SAMPLE_SHEET_NAME);
    expect(await readRenderedGrid(page)).toEqual(gridBefore);
    await page.close();
  });

  it("speaks English with ?lang=en and renders the same totals as the engine", async () => {
    const page = await openDemo(browser, server.origin, "?lang=en");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
    await waitFor(async () =>
      expect(await page.getByTestId("run").textContent()).toBe("Compute refund forecast")
    );
    expect(await page.getByText("2. Columns").count()).toBe(1);
    await waitFor(async () =>
      expect(await page.locator('[data-testid="bad-rows"] li').first().textContent()).toMatch(
        /Discharge .* is before admission/
      )
    );
    const { mapping } = sampleTable();
    await runForecastInPage(page);
    await page.screenshot({ path: join(SHOTS, "demo-forecast-en.png") });
    const engine = engineTotals(mapping);
    const shown = shownTotals(await readRenderedGrid(page), "en");
    expectTotalsEqual(shown.quarters, engine);
    // In the sheets' format, as English Excel shows #,##0.00 "kr.".
    expect(await page.locator('[data-total="netCost"]').textContent()).toBe(
      `${engine.netCost.toNumber().toLocaleString("en-GB", { minimumFractionDigits: 2 })} kr.`
    );
    expect(await page.getByTestId("written-sheets").textContent()).toContain(
      `Wrote the sheet “${FORECAST_SHEET}”.`
    );
    await page.close();
  });

  it("has no serious or critical accessibility violations (axe-core), before and after a run", async () => {
    const page = await openDemo(browser, server.origin);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await runForecastInPage(page);
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("is keyboard usable: Tab reaches the run button with a visible focus ring, Enter runs", async () => {
    const page = await openDemo(browser, server.origin);
    await page.getByTestId("run").waitFor();
    let reached = false;
    for (let i = 0; i < 80 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(
        () => document.activeElement?.getAttribute("data-testid") === "run"
      );
    }
    expect(reached).toBe(true);
    // Fluent's keyboard focus indicator: an outline drawn by ::after when focus came from the keyboard.
    expect(
      await page.evaluate(
        () =>
          document.activeElement?.closest("[data-fui-focus-visible]") !== null ||
          document.activeElement?.hasAttribute("data-fui-focus-visible")
      )
    ).toBe(true);
    await page.screenshot({ path: join(SHOTS, "demo-keyboard-focus.png") });
    await page.keyboard.press("Enter");
    await page.getByTestId("run-result").waitFor();
    expect(await activeSheet(page)).toBe(FORECAST_SHEET);
    await page.close();
  });

  it("writes to “Refusionsprognose (2)” when the user has a sheet of that name, and says so; pseudonymises on request", async () => {
    const page = await openDemo(browser, server.origin);
    await page.evaluate(
      (n) => window.__demo!.workbook.addUserSheet(n, [["Mine egne tal"], [1, 2, 3]]),
      FORECAST_SHEET
    );
    const before = await userSheetValues(page, FORECAST_SHEET);
    await page.getByRole("checkbox", { name: /Erstat borger-id/ }).check();
    await runForecastInPage(page);
    expect(await activeSheet(page)).toBe(`${FORECAST_SHEET} (2)`);
    expect(await page.getByTestId("written-sheets").textContent()).toContain(
      `Du har selv et ark, der hedder «${FORECAST_SHEET}». Det er ikke rørt; resultatet står i «${FORECAST_SHEET} (2)».`
    );
    expect(await userSheetValues(page, FORECAST_SHEET)).toBe(before);
    // Pseudonymised: the audit sheet names citizens Borger 1, Borger 2, … in order of appearance.
    const audit = (await page.evaluate(
      (n) => window.__demo!.workbook.getSheet(n)!.values,
      AUDIT_SHEET
    )) as CellValue[][];
    const citizens = audit.slice(1).map((l) => l[audit[0].indexOf("Borger")]);
    expect(citizens.every((c) => /^Borger \d+$/.test(String(c)))).toBe(true);
    expect(citizens[0]).toBe("Borger 1");
    await page.close();
  });

  it("loads a CSV through the file input and computes SPEC section 3's examples", async () => {
    const page = await openDemo(browser, server.origin);
    // Rate 1 000 kr/day, no self-payment: refund 500 kr per refundable day.
    const csv = [
      "Citizen,Admission,Discharge,Daily rate",
      "A,2024-01-01,2024-12-31,1000", // 120 days under NY (phase-in), 365 under GAMMEL
      "B,2026-05-01,2027-05-01,1000", // 90; 365
      "C,2026-06-01,2026-08-30,1000", // 90; 90
      "C,2026-09-19,2026-09-29,1000", // 0 (re-admission inside the window); 10
      "D,2026-05-01,2027-08-01,1000", // 180 (window restarts during the stay); 457
      "E,2026-05-01,2026-05-01,1000", // 1; 1
      // The forecast covers the years of the admissions; this one brings in 2027, where
      // D's second window and B's last months fall.
      "F,2027-01-10,2027-01-10,1000", // 1; 1
    ].join("\n");
    await page.getByTestId("file-input").setInputFiles({
      name: "spec-eksempler.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(csv),
    });
    await waitFor(
      async () =>
        expect(await page.getByTestId("rows-ok").textContent()).toBe("7 af 7 rækker er i orden."),
      { timeout: 20_000 }
    );
    await expect(
      page.locator('[data-testid="mapping-folded"] [data-field="dailyRate"]').textContent()
    ).resolves.toBe("Takst: D: Daily rate");
    await runForecastInPage(page);
    const shown = shownTotals(await readRenderedGrid(page), "da");
    expect(shown.quarters.refundDaysNy.toNumber()).toBe(120 + 90 + 90 + 0 + 180 + 1 + 1);
    expect(shown.quarters.refundNy.toFixed(2)).toBe("241000.00");
    expect(shown.quarters.refundDaysGammel.toNumber()).toBe(365 + 365 + 90 + 10 + 457 + 1 + 1);
    expect(shown.quarters.refundGammel.toFixed(2)).toBe("644500.00");
    expect(shown.years.difference.toFixed(2)).toBe("403500.00");
    await page.close();
  });

  it("loads an .xlsx with an Excel table, picks the table, and computes SPEC's self-payment example", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Ophold");
    sheet.addTable({
      name: "Ophold2026",
      ref: "B2",
      headerRow: true,
      columns: ["CPR", "Indskrivning", "Udskrivning", "Døgntakst", "Egenbetaling"].map((name) => ({
        name,
      })),
      // 31 nights at 1 200 kr. with 200 kr. self-payment a night: 0.5 × 1 000 × 31 = 15 500,00 kr.
      rows: [["B1", new Date(Date.UTC(2026, 4, 1)), new Date(Date.UTC(2026, 5, 1)), 1200, 200]],
    });
    const buffer = Buffer.from(await book.xlsx.writeBuffer());
    const page = await openDemo(browser, server.origin);
    await page.getByTestId("file-input").setInputFiles({
      name: "budget.xlsx",
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      buffer,
    });
    await waitFor(
      async () =>
        expect(await page.getByTestId("rows-ok").textContent()).toBe("1 af 1 rækker er i orden."),
      { timeout: 20_000 }
    );
    expect(
      await page
        .getByRole("combobox", { name: "Hvor står opholdene?" })
        .locator("option:checked")
        .textContent()
    ).toBe("Tabellen Ophold2026 (arket Ophold)");
    await runForecastInPage(page);
    const shown = shownTotals(await readRenderedGrid(page), "da");
    expect(shown.quarters.refundNy.toFixed(2)).toBe("15500.00");
    expect(shown.quarters.gross.toFixed(2)).toBe("37200.00");
    expect(shown.quarters.selfPayment.toFixed(2)).toBe("6200.00");
    expect(shown.quarters.netCost.toFixed(2)).toBe("15500.00");
    expect(shown.quarters.refundDaysNy.toNumber()).toBe(31);
    await page.close();
  });

  it("a run reads the stays again: an edit made after the report was shown is in the run's report", async () => {
    const page = await openDemo(browser, server.origin);
    const { sheet, table, mapping } = sampleTable();
    const before = validateRows(table, mapping);
    expect(await page.getByTestId("rows-ok").textContent()).toBe(
      `${before.ok} af ${before.total} rækker er i orden.`
    );
    // The first stay's admission becomes text; the pane has not checked the sheet since.
    const edited = sheet.headerRow + 1;
    await page.evaluate(
      ([s, r, c]) =>
        window.__demo!.workbook.setCell(s as string, r as number, c as number, "ikke en dato"),
      [SAMPLE_SHEET_NAME, edited, mapping.admission!] as const
    );
    await runForecastInPage(page);
    expect(await page.getByTestId("rows-ok").textContent()).toBe(
      `${before.ok - 1} af ${before.total} rækker er i orden.`
    );
    await page.locator(`[data-testid="bad-rows"] li[data-row="${edited + 1}"]`).waitFor();
    await page.close();
  });

  it("keeps a 50 000-row sheet light (only the rows in view are in the page) and cancels a run", async () => {
    const page = await openDemo(browser, server.origin, "?stays=50000");
    const shown = await page.getByTestId("rows-shown").textContent();
    expect(shown).toMatch(/af 50\.003$/);
    expect(await page.locator("tr[data-row]").count()).toBeLessThan(120);
    // Scroll to the end: the last sample row is rendered.
    await page.getByTestId("sheet-grid").evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.locator('tr[data-row="50002"]').waitFor();
    await page.screenshot({ path: join(SHOTS, "demo-50000-rows.png") });

    const outcome = await page.evaluate(async () => {
      document.querySelector<HTMLButtonElement>('[data-testid="run"]')!.click();
      const cancel = await new Promise<HTMLButtonElement>((ok) => {
        const look = () => {
          const b = document.querySelector<HTMLButtonElement>('[data-testid="cancel"]');
          if (b) ok(b);
          else requestAnimationFrame(look);
        };
        look();
      });
      cancel.click();
      return new Promise<string>((ok) => {
        const look = () => {
          if (document.querySelector('[data-testid="run-result"]')) ok("finished");
          else if (document.body.textContent!.includes("Beregningen blev annulleret"))
            ok("cancelled");
          else requestAnimationFrame(look);
        };
        look();
      });
    });
    expect(outcome).toBe("cancelled");
    // Nothing half-written: no own sheets appeared.
    expect(
      await page.evaluate(() => window.__demo!.workbook.sheets.filter((s) => s.own).length)
    ).toBe(0);
    await page.close();
  });
});
