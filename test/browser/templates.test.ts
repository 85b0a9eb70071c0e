/**
 * Templates in the standalone demo (headless Chromium, no network): start from the shipped
 * template, change a scenario in the grid, export (a download), import the file in a fresh demo
 * workbook and get the same scenarios; a template with personal data is refused with every
 * problem listed and nothing written; text that looks like a formula stays text; where the
 * host cannot download, the text is shown to copy.
 *
 * Needs dist/ (npm test builds it first). Screenshots go to test-results/.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "@jest/globals";
import { SAMPLE_SHEET_NAME } from "../../src/demo/sampleData";
import { d } from "../../src/engine/calendar";
import { exportTemplate, parseTemplate } from "../../src/templates/template";
import {
  parameterCell,
  SCENARIO_SHEET,
  LAYOUT,
  type ScenarioModel,
} from "../../src/sheets/scenarios/scenarioSheet";
import { readScenarioSheet } from "../../src/sheets/scenarios/sheetReading";
import { parseA1, type CellValue } from "../../src/workbook/workbook";
import { SHOTS, openDemo } from "./harness";
import { demoPerFile } from "./demoPerFile";
import { waitFor } from "../waitFor";

const AXE = resolve(__dirname, "../../node_modules/axe-core/axe.min.js");

const demo = demoPerFile();

/** A sheet of the page's demo workbook: its values, whether it is the add-in's own, its formulas. */
const sheetOf = (page: Page, name: string) =>
  page.evaluate((n) => {
    const s = window.__demo!.workbook.getSheet(n);
    return s
      ? {
          name: s.name,
          own: s.own,
          values: s.values,
          formulas: (s.formulas ?? []).map((f) => f.text),
        }
      : undefined;
  }, name);

async function scenarioModel(page: Page): Promise<ScenarioModel | undefined> {
  const sheet = await sheetOf(page, SCENARIO_SHEET);
  return (
    sheet &&
    readScenarioSheet({ sheet: sheet.name, top: 0, left: 0, values: sheet.values as CellValue[][] })
  );
}

async function applyReviewed(page: Page): Promise<string> {
  await page.getByTestId("template-review").waitFor();
  await page.getByTestId("template-apply").click();
  return (await page.getByTestId("template-applied").textContent()) ?? "";
}

/** axe-core's serious and critical violations in the template panel (Fluent's focus guards excluded, as in demo.test.ts). */
async function axeSeriousViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the page's Content-Security-Policy refuses inline scripts.
  await page.evaluate(readFileSync(AXE, "utf8"));
  return page.evaluate(async () => {
    type Result = {
      violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
    };
    const axe = (window as unknown as { axe: { run(ctx: unknown): Promise<Result> } }).axe;
    const result = await axe.run({
      include: [['[data-testid="templates"]']],
      exclude: [["[data-tabster-dummy]"]],
    });
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map(
        (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")}`
      );
  });
}

/** The import plan's rows, once the plan is on screen (the check runs after the click returns). */
async function actions(page: Page): Promise<(string | null | undefined)[][]> {
  const rows = page.locator('[data-testid="template-plan"] tr[data-action]');
  await rows.first().waitFor();
  return rows.evaluateAll((trs) =>
    trs.map((r) => [r.children[0].firstChild?.textContent, r.getAttribute("data-action")])
  );
}

describe("templates in the demo", () => {
  it("export, then import in a fresh demo workbook, gives identical scenarios", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    const userSheetBefore = await sheetOf(page, SAMPLE_SHEET_NAME);

    // Start from the shipped template: four scenarios added to a new Scenarier sheet.
    await page.getByTestId("template-library-standard").click();
    expect(await actions(page)).toEqual([
      ["Standard", "add"],
      ["Bostøtte lav (40.000 kr.)", "add"],
      ["Bostøtte høj (130.000 kr.)", "add"],
      ["10 år som Hjørring", "add"],
    ]);
    await page
      .locator('[data-testid="templates"]')
      .screenshot({ path: join(SHOTS, "template-review.png") });
    expect(await axeSeriousViolations(page)).toEqual([]);
    expect(await applyReviewed(page)).toMatch(/4 scenarier skrevet til arket Scenarier/);
    const applied = await scenarioModel(page);
    expect(applied?.saved.map((s) => s.name)).toEqual([
      "Standard",
      "Bostøtte lav (40.000 kr.)",
      "Bostøtte høj (130.000 kr.)",
      "10 år som Hjørring",
    ]);
    expect(applied?.saved[1].values.supportCost).toBe(40_000);
    expect((await sheetOf(page, SCENARIO_SHEET))?.own).toBe(true);

    // A user edits a saved scenario's cell (the third saved column, horizon) in the sheet.
    const horizon = parseA1(parameterCell("horizon"));
    await page.evaluate(
      ([s, r, c]) => window.__demo!.workbook.setCell(s as string, r as number, c as number, 7),
      [SCENARIO_SHEET, horizon.top, LAYOUT.savedColumn + 3] as const
    );
    const edited = await scenarioModel(page);
    expect(edited?.saved[2].values.horizon).toBe(7);

    // Export: a download of the template file.
    await page.getByTestId("template-municipality").fill("Demokommune");
    await page.getByTestId("template-author").fill("Økonomi og analyse");
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("template-export").click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^skabelon-demokommune-\d{4}-\d{2}-\d{2}\.json$/);
    const text = readFileSync((await download.path())!, "utf8");
    expect(await page.getByTestId("template-exported").textContent()).toContain(
      download.suggestedFilename()
    );
    // No citizen ids (the sample's are B00001, …) and nothing CPR-shaped.
    expect(text).not.toMatch(/B\d{5}/);
    expect(text).not.toMatch(/\d{6}-?\d{4}/);
    const exported = parseTemplate(text);
    expect(exported.ok).toBe(true);

    // The user's budget sheet is as it was.
    expect(await sheetOf(page, SAMPLE_SHEET_NAME)).toEqual(userSheetBefore);

    // A fresh demo workbook imports the file: the same scenarios, with the same values.
    const fresh = await openDemo(demo.browser, demo.server.origin);
    expect(await scenarioModel(fresh)).toBeUndefined();
    await fresh.getByTestId("template-file").setInputFiles({
      name: download.suggestedFilename(),
      mimeType: "application/json",
      buffer: Buffer.from(text),
    });
    expect((await actions(fresh)).map(([, a]) => a)).toEqual(["add", "add", "add", "add"]);
    expect(await applyReviewed(fresh)).toMatch(/4 scenarier/);
    expect((await scenarioModel(fresh))?.saved).toEqual(edited?.saved);
    await fresh.close();

    // Importing it again where it came from changes nothing.
    await page.getByTestId("template-paste").fill(text);
    await page.getByTestId("template-read").click();
    await page.getByTestId("template-review").waitFor();
    await waitFor(async () =>
      expect((await actions(page)).map(([, a]) => a)).toEqual([
        "unchanged",
        "unchanged",
        "unchanged",
        "unchanged",
      ])
    );
    await page.close();
  });

  it("a template with a CPR number and a value out of range is refused, every problem listed, nothing written", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    // Nothing to export yet: no saved scenarios.
    await page.getByTestId("template-export").click();
    expect(await page.getByTestId("template-export-problems").textContent()).toMatch(
      /Der er ingen gemte scenarier at dele endnu/
    );
    const out = exportTemplate({
      municipality: "Nordby",
      author: "A",
      created: d("2026-05-01"),
      ruleSet: "NY",
      columns: {},
      scenarios: [{ name: "Basis", values: {} }],
    });
    if (!out.ok) throw new Error("export refused");
    const t = JSON.parse(out.text);
    t.scenarios[0].note = "Borger 010190-1234";
    t.scenarios[0].parameters[1].value = 99;
    await page.getByTestId("template-paste").fill(JSON.stringify(t));
    await page.getByTestId("template-read").click();
    const problems = page.getByTestId("template-problems").locator("li");
    await problems.first().waitFor();
    expect(await problems.allTextContents()).toEqual([
      expect.stringMatching(
        /^Scenarie 1 «Basis» › note: Teksten indeholder noget, der ligner et CPR-nummer/
      ),
      "Scenarie 1 «Basis» › parameter «Horisont» › værdi: Skal ligge fra 1 år og højst 30 år (fik 99 år)",
    ]);
    // The message never shows the number itself.
    expect(await page.getByTestId("template-problems").textContent()).not.toContain("010190");
    expect(await axeSeriousViolations(page)).toEqual([]);
    expect(await page.getByTestId("template-apply").count()).toBe(0);
    expect(await sheetOf(page, SCENARIO_SHEET)).toBeUndefined();
    await page.close();
  });

  it("scenario names and notes that look like formulas are written as text", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    const names = ['=HYPERLINK("http://x","klik")', "+45 1234 5678", "-10 %", "@SUM(A1)"];
    const out = exportTemplate({
      municipality: "Nordby",
      author: "A",
      created: d("2026-05-01"),
      ruleSet: "NY",
      columns: {},
      scenarios: names.map((name) => ({ name, values: {} })),
    });
    if (!out.ok) throw new Error(JSON.stringify(out.problems));
    await page.getByTestId("template-paste").fill(out.text);
    await page.getByTestId("template-read").click();
    await applyReviewed(page);
    const sheet = await sheetOf(page, SCENARIO_SHEET);
    const header = sheet!.values[LAYOUT.headerRow].slice(
      LAYOUT.savedColumn + 1,
      LAYOUT.savedColumn + 1 + names.length
    );
    expect(header).toEqual(names);
    // The sheet's only formulas are the add-in's own (none without stays mapped, or
    // DK.HOUSINGFIRSTPROJECTION and the budget years' IF and SUM over its output).
    for (const f of sheet!.formulas) expect(f).toMatch(/^=(DK\.HOUSINGFIRSTPROJECTION|IF|SUM)\(/);
    expect(sheet!.formulas.join()).not.toMatch(/HYPERLINK|WEBSERVICE/);
    await page.close();
  });

  it("the published Hjørring case from the list: reviewed, applied, its values on the Scenarier sheet; a bad low is named in the pane", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    const items = await page
      .locator('[data-testid="template-library"] > li')
      .evaluateAll((lis) => lis.map((li) => li.getAttribute("data-testid")));
    expect(items).toEqual([
      "template-library-item-standard",
      "template-library-item-hjoerring",
      "template-library-item-odense",
    ]);
    expect(await page.getByTestId("template-library-item-hjoerring").textContent()).toContain(
      "Kilde: Komponent, business case for Hjørring Kommune"
    );
    await page
      .locator('[data-testid="template-library"]')
      .screenshot({ path: join(SHOTS, "template-library.png") });
    await page.getByTestId("template-library-hjoerring").click();
    expect(await actions(page)).toEqual([["Hjørring: herbergsbrugere over 10 år", "add"]]);
    expect(await applyReviewed(page)).toBe(
      "Skabelonen er anvendt: ét scenarie skrevet til arket Scenarier."
    );
    const model = await scenarioModel(page);
    expect(model?.active.name).toBe("Hjørring: herbergsbrugere over 10 år");
    expect(model?.active.values.horizon).toBe(10);
    expect(model?.active.values.targetTransitional).toBe(1);
    expect(model?.active.values.supportCost).toBe(85_000);

    // The grid shows the case's horizon in column B, and SBST's range beside the support cost.
    await page.locator('[data-testid="sheet-tabs"] [data-sheet="Scenarier"]').click();
    await page.locator('[data-testid="sheet-grid"][data-sheet="Scenarier"]').waitFor();
    const cellText = (row: number, col: number) =>
      page
        .locator(`[data-sheet="Scenarier"] tr[data-row="${row}"] td[data-col="${col}"]`)
        .textContent();
    const horizon = parseA1(parameterCell("horizon"));
    expect(await cellText(horizon.top, 1)).toBe("10");
    const support = parseA1(parameterCell("supportCost"));
    expect(await cellText(support.top, LAYOUT.lowColumn)).toBe("40.000 kr.");
    expect(await cellText(support.top, LAYOUT.highColumn)).toBe("130.000 kr.");
    await page.screenshot({ path: join(SHOTS, "template-case-hjoerring.png"), fullPage: true });
    // The descriptions and sources to the right of the values, then the saved scenario.
    const grid = page.locator('[data-testid="sheet-grid"][data-sheet="Scenarier"]');
    const scrollTo = (col: number) =>
      grid.evaluate((el, c) => {
        const cell = el.querySelector<HTMLElement>(`tr[data-row="3"] td[data-col="${c}"]`)!;
        el.scrollLeft = cell.offsetLeft - 60;
      }, col);
    await scrollTo(5);
    await grid.screenshot({ path: join(SHOTS, "template-case-hjoerring-sources.png") });
    await scrollTo(LAYOUT.rangeSourceColumn);
    await grid.screenshot({ path: join(SHOTS, "template-case-hjoerring-saved.png") });
    await grid.evaluate((el) => (el.scrollLeft = 0));

    // A low above the high: the pane names the parameter and both values.
    await page
      .locator(
        `[data-sheet="Scenarier"] tr[data-row="${support.top}"] td[data-col="${LAYOUT.lowColumn}"]`
      )
      .dblclick();
    const input = page.getByTestId("cell-input");
    await input.fill("200.000");
    await input.press("Enter");
    await waitFor(async () =>
      expect(await page.getByTestId("scenario-problems").textContent()).toContain(
        "«Bostøtte pr. år»: lav (200.000 kr./år) må ikke være større end høj (130.000 kr./år)"
      )
    );
    await page
      .getByTestId("scenarios")
      .screenshot({ path: join(SHOTS, "scenario-range-problem.png") });
    // The export refuses the sheet's bad range rather than writing the registry's in its place.
    await page.getByTestId("template-municipality").fill("Demokommune");
    await page.getByTestId("template-author").fill("Økonomi og analyse");
    let downloaded = false;
    page.on("download", () => (downloaded = true));
    await page.getByTestId("template-export").click();
    expect(await page.getByTestId("template-export-problems").textContent()).toBe(
      "Arket Scenarier: «Bostøtte pr. år»: lav (200.000 kr./år) må ikke være større end høj (130.000 kr./år)"
    );
    expect(downloaded).toBe(false);
    await page.close();
  });

  it("where the host cannot save files, the text is shown to copy", async () => {
    const page = await openDemo(demo.browser, demo.server.origin, "?lang=en");
    await page.getByTestId("template-library-standard").click();
    await applyReviewed(page);
    // As in Excel desktop: office.js present, platform PC.
    await page.evaluate(() => {
      (window as unknown as { Office: unknown }).Office = {
        context: { platform: "PC" },
        PlatformType: { OfficeOnline: "OfficeOnline", PC: "PC" },
      };
    });
    await page.getByTestId("template-municipality").fill("Demo municipality");
    await page.getByTestId("template-author").fill("Finance");
    let downloaded = false;
    page.on("download", () => (downloaded = true));
    await page.getByTestId("template-export").click();
    expect(await page.getByTestId("template-exported").textContent()).toBe(
      "This host cannot save files. Copy the text and save it as a .json file."
    );
    const text = await page.getByTestId("template-text").inputValue();
    const back = parseTemplate(text);
    expect(back.ok && back.template.scenarios.map((s) => s.name)).toEqual([
      "Standard",
      "Bostøtte lav (40.000 kr.)",
      "Bostøtte høj (130.000 kr.)",
      "10 år som Hjørring",
    ]);
    expect(downloaded).toBe(false);
    await page
      .locator('[data-testid="templates"]')
      .screenshot({ path: join(SHOTS, "template-copy-text.png") });
    await page.close();
  });
});
