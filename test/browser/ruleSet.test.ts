/**
 * The rule-set panel in the demo: the two readings of the phase-in (rules "NY" and "NY-VINDUE",
 * SPEC 1.1) are a choice, the panel shows what the choice means for the loaded stays (refund NY
 * per year under each reading, as computed here in Node), and the forecast runs with the choice.
 */
import { describe, expect, it } from "@jest/globals";
import { computeForecast } from "../../src/engine/forecast";
import { RULE_SETS } from "../../src/engine/rules";
import { FORECAST_SHEET } from "../../src/sheets/forecast/forecastRun";
import { formatMoney } from "../../taskpane/i18n";
import { SHOTS, openDemo, runForecastInPage } from "./harness";
import { demoPerFile } from "./demoPerFile";
import { waitFor } from "../waitFor";
import { sampleRows } from "../fixtures";

const demo = demoPerFile();

describe("the phase-in reading in the rule-set panel", () => {
  it("shows refund NY per year under both readings for the sample, and the forecast uses the chosen one", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    const stays = sampleRows().stays;
    const day = computeForecast(stays, { rules: RULE_SETS.NY }).years;
    const byWindow = computeForecast(stays, { rules: RULE_SETS["NY-VINDUE"] }).years;
    const differing = day.filter((y, i) => !y.refundNy.eq(byWindow[i].refundNy));
    // The sample has windows opened before 1 April 2026 with nights after it.
    expect(differing.map((y) => y.year)).toEqual([2026]);

    await page.getByTestId("compare-readings").click();
    // Computed in the pane's engine worker: the table comes when it is done.
    await page.locator('[data-testid="reading-difference"] tbody tr').first().waitFor();
    const rows = await page
      .locator('[data-testid="reading-difference"] tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent))
      );
    const w2026 = byWindow.find((y) => y.year === 2026)!;
    expect(rows).toEqual([
      [
        "2026",
        formatMoney(differing[0].refundNy, "da"),
        formatMoney(w2026.refundNy, "da"),
        formatMoney(w2026.refundNy.minus(differing[0].refundNy), "da"),
      ],
    ]);
    await page
      .locator('section[aria-labelledby="ruleset-heading"]')
      .screenshot({ path: `${SHOTS}/ruleset-readings.png` });

    await page.getByLabel(/^NY-VINDUE: /).check();
    await waitFor(async () =>
      expect(await page.locator("#ruleset-heading").textContent()).toMatch(/NY-VINDUE$/)
    );
    await runForecastInPage(page);
    // The rules' note, below the budget block: whichever row it is on, it names the rule set.
    const notes = await page.evaluate(
      (name) => window.__demo!.workbook.getSheet(name)!.values.map((r) => String(r?.[0] ?? "")),
      FORECAST_SHEET
    );
    expect(notes.find((n) => n.includes("(regelsæt "))).toMatch(/regelsæt NY-VINDUE/);
    await page.close();
  });
});
