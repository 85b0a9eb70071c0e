/**
 * The user groups and meeting mode in the standalone demo (headless Chromium, the sample
 * budget): after the forecast the pane shows who uses the shelters (table and chart) and the
 * forecast sheet has the groups' chart; meeting mode, driven by the keyboard alone at the
 * pane's 390 px, writes the Scenarier sheet's value cells, the demo's formula recalculates, and
 * the pane's key figures equal the formula's.
 *
 * Needs dist/ (npm test builds it first). Screenshots go to test-results/.
 */
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { PROJECTION_SUMMARY, projectionColumn } from "../../src/functions/scenarioFunctions";
import { LAYOUT, parameterCell } from "../../src/sheets/scenarios/scenarioSheet";
import { parseA1 } from "../../src/workbook/workbook";
import { SHOTS, launchBrowser, openDemo, runForecastInPage } from "./harness";
import { demoPerFile } from "./demoPerFile";
import { axeSeriousViolations } from "./axe";
import { demoCell, projectionComputed } from "./meeting";
import { sampleWorkbook } from "../../src/demo/sampleData";
import { DEFAULT_PARAMETERS } from "../../src/engine/parameters";
import { validateRows } from "../../src/sheets/stays/columns";
import { findStays } from "../../src/sheets/forecast/forecastRun";
import { MEETING_DRAWS } from "../../src/sheets/meeting/meeting";
import { SUMMARY_SEED } from "../../src/sheets/summary/summarySheet";
import { runUncertainty } from "../../src/sheets/uncertainty/uncertaintyRun";
import { waitFor } from "../waitFor";

const demo = demoPerFile();

describe("the user groups after the forecast", () => {
  it("the pane shows the groups with their shares and an accessible chart; the forecast sheet charts them", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    await runForecastInPage(page);
    const groups = page.getByTestId("user-groups");
    await groups.waitFor();
    const citizens = (group: string) =>
      groups.locator(`tbody[data-group="${group}"] td[data-measure="citizens"]`).textContent();
    expect(await citizens("chronic")).toBe("46");
    expect(await citizens("episodic")).toBe("9");
    expect(await citizens("transitional")).toBe("222");
    expect(await citizens("total")).toBe("277");
    const chart = page.getByTestId("user-groups-chart");
    expect(await chart.getAttribute("role")).toBe("img");
    expect(await chart.locator("desc").textContent()).toMatch(
      /^Kroniske: 17\s% af borgerne, 47\s% af overnatningerne/
    );
    await expect(groups.textContent()).resolves.toMatch(/standardværdierne/);
    await page.locator('figure[data-chart="Brugergrupper"]').waitFor();
    expect(await axeSeriousViolations(page)).toEqual([]);
    await groups.screenshot({ path: join(SHOTS, "user-groups-pane.png") });
    await page.close();
  });
});

/** The key figures as the Scenarier sheet's spilled formula shows them (horizon 5). */
async function sheetFigures(page: Page) {
  const base = LAYOUT.outputRow + 1;
  const cell = (row: number, col: number) => demoCell(page, "Scenarier", row, col);
  let cost = 0n;
  for (let t = 1; t <= 5; t++)
    cost += BigInt(
      Math.round(((await cell(base + t, projectionColumn("netCost"))) as number) * 100)
    );
  const summary = (label: (typeof PROJECTION_SUMMARY)[number]) =>
    cell(base + 6 + PROJECTION_SUMMARY.indexOf(label), 1);
  const money = (v: unknown) => (v as number).toFixed(2);
  return {
    noAction: (Number(cost) / 100).toFixed(2),
    effect: money(await summary("Budgeteffekt i alt (kommunen, nominelt)")),
    npv: money(await summary("Nutidsværdi (NPV)")),
    breakEven: String(await summary("Break-even-år")),
  };
}

const paneFigures = async (page: Page) => ({
  noAction: await page.getByTestId("meeting-no-action").getAttribute("data-value"),
  effect: await page.getByTestId("meeting-effect").getAttribute("data-value"),
  npv: await page.getByTestId("meeting-npv").getAttribute("data-value"),
  breakEven: await page.getByTestId("meeting-break-even").getAttribute("data-value"),
});

const focused = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute("data-testid") ?? "");

describe("meeting mode", () => {
  it("by keyboard at 390 px: a slider and a switch write the Scenarier cells, and pane and formula agree", async () => {
    const narrow = await launchBrowser({ width: 390, height: 900 });
    try {
      const page = await openDemo(narrow, demo.server.origin);
      await page.getByTestId("scenario-sheet").click();
      await projectionComputed(page);

      await page.getByTestId("meeting-open").focus();
      await page.keyboard.press("Enter");
      await page.getByTestId("meeting").waitFor();
      await waitFor(async () => expect(await paneFigures(page)).toEqual(await sheetFigures(page)), {
        timeout: 60_000,
      });
      const before = await paneFigures(page);

      // Tab from the close button to the first slider; arrow keys move it a step each.
      await page.getByTestId("meeting-close").focus();
      for (let i = 0; i < 10 && (await focused(page)) !== "meeting-shareMoved"; i++)
        await page.keyboard.press("Tab");
      expect(await focused(page)).toBe("meeting-shareMoved");
      const slider = page.getByTestId("meeting-shareMoved");
      // Its name says the unit; the value is its own (aria-valuetext), not part of the name.
      await page
        .getByRole("slider", { name: "Andel lange ophold i egen bolig (%)", exact: true })
        .waitFor();
      await page.getByRole("slider", { name: "Bostøtte pr. år (kr./år)", exact: true }).waitFor();
      expect(await slider.getAttribute("aria-valuetext")).toBe("50 %");
      for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowRight");
      expect(await slider.getAttribute("aria-valuetext")).toBe("65 %");
      await page.screenshot({ path: join(SHOTS, "meeting-slider-focus.png") });

      const share = parseA1(parameterCell("shareMoved"));
      const hf = { row: LAYOUT.outputRow + 2, col: projectionColumn("hfNetCost") };
      const hfBefore = await demoCell(page, "Scenarier", hf.row, hf.col);
      await waitFor(async () => expect(await demoCell(page, "Scenarier", share.top, 1)).toBe(0.65));
      await projectionComputed(page, hfBefore);
      await waitFor(async () => expect(await paneFigures(page)).toEqual(await sheetFigures(page)), {
        timeout: 60_000,
      });
      expect((await paneFigures(page)).npv).not.toBe(before.npv);

      // On to the switch for transitional users, Space turns it on: the cell becomes 1.
      for (let i = 0; i < 10 && (await focused(page)) !== "meeting-targetTransitional"; i++)
        await page.keyboard.press("Tab");
      expect(await focused(page)).toBe("meeting-targetTransitional");
      await page.keyboard.press("Space");
      const target = parseA1(parameterCell("targetTransitional"));
      await waitFor(async () => expect(await demoCell(page, "Scenarier", target.top, 1)).toBe(1));
      await waitFor(async () => expect(await paneFigures(page)).toEqual(await sheetFigures(page)), {
        timeout: 120_000,
      });

      // Nothing wider than the window.
      const outside = await page.evaluate(() => {
        const pane = document.querySelector("aside")!;
        const right = pane.getBoundingClientRect().right;
        return [...pane.querySelectorAll<HTMLElement>("*")]
          .filter((el) => el.getBoundingClientRect().right > right + 1)
          .map((el) => `${el.tagName} ${el.textContent?.slice(0, 30)}`);
      });
      expect(outside).toEqual([]);
      await page.locator("aside").screenshot({ path: join(SHOTS, "meeting-narrow.png") });

      // Closing returns to the pane.
      await page.getByTestId("meeting-close").focus();
      await page.keyboard.press("Enter");
      await page.getByTestId("meeting-open").waitFor();
      await page.close();
    } finally {
      await narrow.close();
    }
  });

  it("wide: the figures side by side, large", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    await page.getByTestId("scenario-sheet").click();
    await projectionComputed(page);
    await page.getByTestId("meeting-open").click();
    await page.getByTestId("meeting-npv").waitFor({ timeout: 60_000 });
    const size = await page
      .getByTestId("meeting-npv")
      .locator("[data-figure-value]")
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(28);
    // The NPV's range: the same seed's Monte Carlo run in Node, on the stays the pane found.
    const workbook = sampleWorkbook();
    const found = (await findStays(workbook))!;
    const { monteCarlo } = runUncertainty({
      stays: validateRows(found, found.mapping).stays,
      scenario: { name: "", parameters: { ...DEFAULT_PARAMETERS } },
      draws: MEETING_DRAWS,
      seed: SUMMARY_SEED,
    });
    const kr = (x: number) => `${Math.round(x).toLocaleString("da-DK")} kr.`;
    await page
      .getByTestId("meeting-npv")
      .getByText(
        `P10–P90: ${kr(monteCarlo.npv.p10)} – ${kr(monteCarlo.npv.p90)} (${MEETING_DRAWS.toLocaleString("da-DK")} `
      )
      .waitFor({ timeout: 60_000 });
    expect(await axeSeriousViolations(page)).toEqual([]);
    await page.locator("aside").screenshot({ path: join(SHOTS, "meeting-wide.png") });
    await page.close();
  });
});
