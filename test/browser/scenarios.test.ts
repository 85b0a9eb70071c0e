/**
 * The live Scenarier sheet in the standalone demo (headless Chromium, no network): the pane
 * writes the sheet, the user double-clicks a parameter cell in the grid and types a new value,
 * and the spilled DK.HOUSINGFIRSTPROJECTION output and its chart update to the engine's numbers for the
 * same sample computed here in Node. Then a named scenario is saved, the active one switched,
 * and the comparison sheet with the tornado is written; a comparison shows its progress and stops
 * when asked. (How long a comparison takes is in `npm run bench`, not here.)
 *
 * Needs dist/ (npm test builds it first). Screenshots go to test-results/.
 */
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { sampleBudgetSheet } from "../../src/demo/sampleData";
import { PARAMETERS } from "../../src/engine/parameters";
import { projection } from "../../src/functions/functions";
import { projectionColumn } from "../../src/functions/scenarioFunctions";
import { comparisonSteps } from "../../src/sheets/scenarios/compare";
import { LAYOUT, parameterCell } from "../../src/sheets/scenarios/scenarioSheet";
import { parseA1 } from "../../src/workbook/workbook";
import { SHOTS, gridCell, openDemo } from "./harness";
import { demoPerFile } from "./demoPerFile";
import { projectionComputed } from "./meeting";
import { waitFor } from "../waitFor";

const demo = demoPerFile();

/** DK.HOUSINGFIRSTPROJECTION on the sample sheet's cells, in Node, with some parameters changed. */
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

/** A cell of the demo workbook, through the page's test hook. */
const cellValue = (page: Page, sheet: string, row: number, col: number) =>
  page.evaluate(
    ([s, r, c]) => window.__demo!.workbook.cell(s as string, r as number, c as number),
    [sheet, row, col] as const
  );

const chartDescription = (page: Page, name: string) =>
  page.locator(`figure[data-chart="${name}"] desc`).textContent();

const OUT = LAYOUT.outputRow;

describe("the live Scenarier sheet in the demo", () => {
  it("editing a parameter cell in the grid recalculates the spilled outputs and the chart", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    await page.getByTestId("scenario-sheet").click();
    await waitFor(
      async () =>
        expect(await page.getByTestId("scenario-status").textContent()).toBe(
          "Arket Scenarier er skrevet."
        ),
      { timeout: 30_000 }
    );
    await page.locator('[data-testid="sheet-grid"][data-sheet="Scenarier"]').waitFor();

    // The output is DK.HOUSINGFIRSTPROJECTION's result for the sample, before the edit. The
    // formula computes in the demo's calc worker after the sheet is written, as in Excel.
    await projectionComputed(page);
    const before = expectedTable();
    const net = projectionColumn("hfNetCost");
    expect(await cellValue(page, "Scenarier", OUT + 2, net)).toBe(before[2][net]);
    const chartBefore = await chartDescription(page, "ScenarieNettoudgift");

    // Double-click "Bostøtte pr. år" in column B, type 130.000 (Danish grouping), Enter.
    const at = parseA1(parameterCell("supportCost"));
    await page
      .locator(`[data-sheet="Scenarier"] tr[data-row="${at.top}"] td[data-col="${at.left}"]`)
      .dblclick();
    const input = page.getByTestId("cell-input");
    await input.fill("130.000");
    await input.press("Enter");

    const after = expectedTable({ supportCost: 130000 });
    expect(after[2][net]).not.toBe(before[2][net]);
    await waitFor(async () =>
      expect(await cellValue(page, "Scenarier", OUT + 2, net)).toBe(after[2][net])
    );
    expect(await cellValue(page, "Scenarier", at.top, at.left)).toBe(130000);
    // Every spilled cell equals the engine's result with the new value.
    // Read as a table, so a failure's diff shows the row and column of a wrong cell.
    const spilled: unknown[][] = [];
    for (let r = 0; r < after.length; r++) {
      spilled.push([]);
      for (let c = 0; c < after[r].length; c++)
        spilled[r].push(await cellValue(page, "Scenarier", OUT + r, c));
    }
    expect(spilled).toEqual(after);
    // The grid shows the new numbers, and the chart is redrawn from them.
    const shown = await (await gridCell(page, "Scenarier", OUT + 2, net)).textContent();
    const kroner = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 0 }).format(
      after[2][net] as number
    );
    expect(shown).toBe(`${kroner} kr.`);
    await waitFor(async () =>
      expect(await chartDescription(page, "ScenarieNettoudgift")).toContain(
        `Med Housing First ${kroner}`
      )
    );
    expect(await chartDescription(page, "ScenarieNettoudgift")).not.toBe(chartBefore);
    await page.screenshot({ path: join(SHOTS, "scenarios-live.png"), fullPage: true });
    await page.close();
  });

  it("a bad value shows the registry's Danish message in the pane; the horizon rewrites the charts for the new years", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    await page.getByTestId("scenario-sheet").click();
    await page.getByTestId("scenario-status").waitFor();
    const horizon = parseA1(parameterCell("horizon"));
    const edit = async (value: string) => {
      await page
        .locator(
          `[data-sheet="Scenarier"] tr[data-row="${horizon.top}"] td[data-col="${horizon.left}"]`
        )
        .dblclick();
      await page.getByTestId("cell-input").fill(value);
      await page.getByTestId("cell-input").press("Enter");
    };
    await edit("31");
    await waitFor(async () => expect(await cellValue(page, "Scenarier", OUT, 0)).toBe("#VALUE!"));
    await expect(page.getByTestId("scenario-problems").textContent()).resolves.toContain(
      "«Horisont»: skal ligge fra 1 år og højst 30 år (fik 31 år)"
    );
    await edit("8");
    await waitFor(async () => expect(await cellValue(page, "Scenarier", OUT + 9, 0)).toBe(2034));
    await waitFor(async () =>
      expect(
        await page.locator('figure[data-chart="ScenarieForskel"] desc').textContent()
      ).toContain("2034:")
    );
    await expect(page.getByTestId("scenario-problems").count()).resolves.toBe(0);
    await page.close();
  });

  it("the repro of issue 25: «Min plan» saved, then «Horisont» renamed «Horisont (år)»: the pane repairs the sheet, never creates it anew; a duplicated row asks first; the copy can be put back", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    await page.getByTestId("scenario-sheet").click();
    await page.getByTestId("scenario-status").waitFor();
    const horizon = parseA1(parameterCell("horizon"));
    const edit = async (row: number, col: number, value: string) => {
      await page
        .locator(`[data-sheet="Scenarier"] tr[data-row="${row}"] td[data-col="${col}"]`)
        .dblclick();
      await page.getByTestId("cell-input").fill(value);
      await page.getByTestId("cell-input").press("Enter");
    };
    await edit(horizon.top, horizon.left, "12");
    await page.getByTestId("scenario-name").fill("Min plan");
    await page.getByTestId("scenario-save").click();
    await waitFor(async () =>
      expect(await page.getByTestId("scenario-status").textContent()).toBe("Gemt som «Min plan».")
    );
    const plan = LAYOUT.savedColumn + 1;
    const savedHorizon = () => cellValue(page, "Scenarier", horizon.top, plan);
    expect(await savedHorizon()).toBe(12);

    // The label renamed: the pane lists what it read, and offers a repair, not «Opret».
    await edit(horizon.top, 0, "Horisont (år)");
    await page.getByTestId("scenario-repair").waitFor();
    await expect(page.getByTestId("scenario-sheet").count()).resolves.toBe(0);
    // "Saved as «Min plan»" was said of the sheet before the edit: no answer under a repair.
    await expect(page.getByTestId("scenario-status").count()).resolves.toBe(0);
    await expect(page.getByTestId("scenario-broken").textContent()).resolves.toContain(
      `Række ${horizon.top + 1}: «Horisont (år)» er læst som «Horisont»`
    );
    await page
      .getByTestId("scenarios")
      .screenshot({ path: join(SHOTS, "scenarios-repair-offer.png") });
    await page.getByTestId("scenario-repair").click();
    await waitFor(async () =>
      expect(await page.getByTestId("scenario-status").textContent()).toBe(
        "Arket Scenarier er repareret, og det gemte scenarie er bevaret. Kopien af arket, som det var, ligger i det skjulte ark Scenarier (kopi)."
      )
    );
    expect(await cellValue(page, "Scenarier", horizon.top, 0)).toBe("Horisont");
    expect(await cellValue(page, "Scenarier", LAYOUT.headerRow, plan)).toBe("Min plan");
    expect(await savedHorizon()).toBe(12);
    // The copy is hidden, as in Excel: no tab; the pane says it is there.
    await expect(page.locator('[data-sheet="Scenarier (kopi)"]').count()).resolves.toBe(0);
    await expect(page.getByTestId("scenario-backup").textContent()).resolves.toContain(
      "før en reparation"
    );

    // A parameter row duplicated (its copy edited): the repair says what it leaves out and asks.
    const support = parseA1(parameterCell("supportCost")).top;
    await page.evaluate((row) => {
      const workbook = window.__demo!.workbook;
      const values = workbook.getSheet("Scenarier")!.values;
      values.splice(row + 1, 0, [...values[row]]);
      workbook.setCell("Scenarier", row + 1, 1, 99_000);
    }, support);
    await page.getByTestId("scenario-repair").click();
    await expect(page.getByTestId("scenario-confirm").textContent()).resolves.toContain(
      `«Bostøtte pr. år» står to gange (række ${support + 1} og ${support + 2})`
    );
    // The dialog fades in: the picture once its animations have finished.
    await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
    await page.screenshot({ path: join(SHOTS, "scenarios-repair-confirm.png") });
    await page.getByTestId("scenario-confirm-no").click();
    expect(await cellValue(page, "Scenarier", support + 1, 1)).toBe(99_000);
    await page.getByTestId("scenario-repair").click();
    await page.getByTestId("scenario-confirm-yes").click();
    await waitFor(async () =>
      expect(await page.getByTestId("scenario-status").textContent()).toMatch(/er repareret/)
    );
    expect(await cellValue(page, "Scenarier", support + 1, 0)).toBe("Tilbagefald pr. år");
    expect(await savedHorizon()).toBe(12);

    // Put the copy back: the sheet with its two rows, to be repaired again.
    await page.getByTestId("scenario-restore").click();
    await page.getByTestId("scenario-confirm-yes").click();
    await waitFor(async () =>
      expect(await page.getByTestId("scenario-status").textContent()).toBe(
        "Kopien er lagt tilbage i arket Scenarier. Arket, som det var, er nu kopien."
      )
    );
    expect(await cellValue(page, "Scenarier", support + 1, 1)).toBe(99_000);
    await page.getByTestId("scenario-repair").waitFor();
    await page.getByTestId("scenario-confirm").waitFor({ state: "detached" });
    await page.getByTestId("scenarios").scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, "scenarios-repair.png"), fullPage: true });
    await page.close();
  });

  it("save a named scenario, switch the active one, and compare them with a tornado", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    await page.getByTestId("scenario-sheet").click();
    await page.getByTestId("scenario-status").waitFor();
    await page.getByTestId("scenario-name").fill("Basis");
    await page.getByTestId("scenario-save").click();
    await waitFor(async () =>
      expect(await page.getByTestId("scenario-status").textContent()).toBe("Gemt som «Basis».")
    );

    const share = parseA1(parameterCell("shareMoved"));
    await page
      .locator(`[data-sheet="Scenarier"] tr[data-row="${share.top}"] td[data-col="${share.left}"]`)
      .dblclick();
    await page.getByTestId("cell-input").fill("80 %");
    await page.getByTestId("cell-input").press("Enter");
    await waitFor(async () =>
      expect(await cellValue(page, "Scenarier", share.top, share.left)).toBe(0.8)
    );
    await page.getByTestId("scenario-name").fill("Ambitiøs");
    await page.getByTestId("scenario-save").click();
    await waitFor(async () =>
      expect(await page.getByTestId("scenario-status").textContent()).toBe("Gemt som «Ambitiøs».")
    );

    // Make "Basis" active again: its 50 % goes back into the cell.
    await page.getByTestId("scenario-pick").click();
    await page.getByRole("option", { name: "Basis" }).click();
    await page.getByTestId("scenario-switch").click();
    await waitFor(async () =>
      expect(await cellValue(page, "Scenarier", share.top, share.left)).toBe(0.5)
    );
    await expect(page.getByTestId("scenario-active").textContent()).resolves.toBe(
      "Aktivt scenarie: Basis"
    );

    await page.getByTestId("scenario-compare").click();
    await waitFor(
      async () =>
        expect(await page.getByTestId("scenario-status").textContent()).toBe(
          "Arket Sammenligning er skrevet."
        ),
      { timeout: 60_000 }
    );
    await page.locator('[data-testid="sheet-grid"][data-sheet="Sammenligning"]').waitFor();
    expect(await cellValue(page, "Sammenligning", 4, 0)).toBe("Basis");
    expect(await cellValue(page, "Sammenligning", 5, 0)).toBe("Ambitiøs");
    const basisNpv = expectedTable()[7][1];
    const ambitiousNpv = expectedTable({ shareMoved: 0.8 })[7][1];
    expect(await cellValue(page, "Sammenligning", 4, 1)).toBe(basisNpv);
    expect(await cellValue(page, "Sammenligning", 5, 1)).toBe(ambitiousNpv);
    for (const chart of ["SammenligningNPV", "SammenligningForskel", "SammenligningTornado"]) {
      await expect(page.locator(`figure[data-chart="${chart}"]`).count()).resolves.toBe(1);
    }
    await page.screenshot({ path: join(SHOTS, "scenarios-compare.png"), fullPage: true });
    await page.close();
  });

  it("the comparison shows its progress and stops when asked, leaving no sheet", async () => {
    // 50 000 stays: a comparison long enough to be stopped midway. On 5 000 the pane's idle work
    // (comparisonIdleWork.ts) had done most of it before the click; at the stop, 8 of 75 steps
    // were done here.
    const page = await openDemo(demo.browser, demo.server.origin, "?stays=50000");
    await page.getByTestId("scenario-sheet").click();
    await projectionComputed(page);
    await page.getByTestId("scenario-compare").click();
    const progress = page.getByTestId("scenario-progress");
    const total = comparisonSteps(1); // the active scenario and its tornado
    await progress
      .getByText(new RegExp(`^Regner trin [1-9]\\d* af ${total} …$`))
      .waitFor({ timeout: 120_000 });
    // The page answers while the worker computes: the sheet tabs still switch.
    await page.getByRole("tab", { name: /Budget 2026/ }).click();
    await page.locator('[data-testid="sheet-grid"][data-sheet="Budget 2026"]').waitFor();
    await page.getByTestId("scenario-stop").click();
    await page
      .getByTestId("scenario-status")
      .filter({ hasText: "Sammenligningen blev stoppet. Arket Sammenligning er ikke ændret." })
      .waitFor();
    await expect(progress.count()).resolves.toBe(0);
    expect(
      await page.evaluate(() => window.__demo!.workbook.getSheet("Sammenligning"))
    ).toBeUndefined();
    await expect(page.getByTestId("scenario-compare").isEnabled()).resolves.toBe(true);
    await page.close();
  }, 300_000);
});
