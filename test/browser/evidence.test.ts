/**
 * The evidence panel in the standalone demo (headless Chromium): who comes back as the demo
 * municipality's register says, the backtest of the years with enough history, and the
 * municipality's figures beside the published evaluations, each figure the engine's for the same
 * stays. Needs dist/. The screenshot goes to test-results/.
 */
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { sampleWorkbook } from "../../src/demo/sampleData";
import { DEFAULT_PARAMETERS } from "../../src/engine/parameters";
import { findStays } from "../../src/sheets/forecast/forecastRun";
import { validateRows } from "../../src/sheets/stays/columns";
import { evidence } from "../../src/sheets/evidence/evidence";
import { SHOTS, openDemo } from "./harness";
import { demoPerFile } from "./demoPerFile";

const demo = demoPerFile();

describe("the evidence panel", () => {
  it("shows who comes back, the backtest and the published evaluations, as the engine computes them", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    const panel = page.getByTestId("evidence");
    await panel.getByTestId("evidence-run").click();
    // The drivers of a gap to the published figures take a tornado: seconds on a busy machine.
    await panel.getByTestId("evidence-result").waitFor({ timeout: 170_000 });

    const workbook = sampleWorkbook();
    const found = (await findStays(workbook))!;
    const stays = validateRows(found, found.mapping).stays;
    const expected = evidence({ stays, parameters: { ...DEFAULT_PARAMETERS } });

    const chronicNext = panel.getByTestId("evidence-returns-chronic").locator("td").first();
    expect(Number(await chronicNext.getAttribute("data-value"))).toBe(
      expected.estimates.chronic.next.value
    );
    const years = expected.backtest.years.map((y) => y.year);
    expect(years.length).toBeGreaterThan(0);
    for (const year of years)
      expect(await panel.getByTestId(`evidence-backtest-${year}-netCost`).count()).toBe(1);
    const perPerson = panel.getByTestId("evidence-perPersonYear");
    expect(Number(await perPerson.getAttribute("data-own"))).toBe(expected.comparison[0].own);
    expect(await perPerson.getAttribute("data-verdict")).toBe(expected.comparison[0].verdict);
    expect(await panel.textContent()).toContain("VIVE (2020)");
    expect(await panel.textContent()).toContain("Hjørring");
    // Tall enough that the whole panel is painted, as the pane's narrow width lays it out.
    await page.setViewportSize({ width: 1400, height: 3000 });
    await panel.screenshot({ path: join(SHOTS, "evidence-panel.png") });
    await page.close();
  }, 240_000);
});
