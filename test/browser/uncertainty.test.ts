/**
 * The uncertainty panel in the standalone demo (headless Chromium, no network): the Monte Carlo
 * run of the demo municipality in the pane's engine worker gives the same numbers as the engine
 * in Node for the same stays and seed; then the tornado with switching values; and a run
 * cancelled midway leaves no result and a pane that answers. How long the run takes is measured
 * in `npm run bench` (bench/browser.ts), not asserted here.
 *
 * Needs dist/ (npm test builds it first). Screenshots go to test-results/.
 */
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { sampleWorkbook } from "../../src/demo/sampleData";
import { DEFAULT_PARAMETERS } from "../../src/engine/parameters";
import { validateRows } from "../../src/sheets/stays/columns";
import { findStays } from "../../src/sheets/forecast/forecastRun";
import { DEFAULT_DRAWS, DEFAULT_SEED } from "../../taskpane/uncertainty/UncertaintyPanel";
import { runUncertainty } from "../../src/sheets/uncertainty/uncertaintyRun";
import { SHOTS, openDemo } from "./harness";
import { demoPerFile } from "./demoPerFile";

const demo = demoPerFile();

describe("the uncertainty panel", () => {
  it("the default draws on the demo municipality give the engine's numbers, then the tornado", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    const panel = page.getByTestId("uncertainty");
    await expect(panel.getByTestId("uncertainty-draws").inputValue()).resolves.toBe(
      String(DEFAULT_DRAWS)
    );
    await expect(panel.getByTestId("uncertainty-seed").inputValue()).resolves.toBe(
      String(DEFAULT_SEED)
    );
    await panel.getByTestId("uncertainty-run").click();
    const result = panel.getByTestId("uncertainty-result");
    await result.waitFor({ timeout: 120_000 });
    await panel.screenshot({ path: join(SHOTS, "uncertainty-result.png") });

    // The same run in Node, on the stays the pane found, with the same seed: the same numbers.
    const workbook = sampleWorkbook();
    const found = (await findStays(workbook))!;
    const stays = validateRows(found, found.mapping).stays;
    const expected = runUncertainty({
      stays,
      scenario: { name: "Standard", parameters: { ...DEFAULT_PARAMETERS } },
      draws: DEFAULT_DRAWS,
      seed: DEFAULT_SEED,
    });
    const npvRow = panel.getByTestId("uncertainty-npv");
    const p50 = Number(await npvRow.getAttribute("data-p50"));
    const own = Number(await npvRow.getAttribute("data-own"));
    expect(p50).toBe(expected.monteCarlo.npv.p50);
    expect(own).toBe(expected.npv);
    // The costs left at 0 can only rise in a draw: when the scenario's own NPV lies above P90,
    // the panel says which one-sided ranges put it there (issue 20).
    const p90 = Number(await npvRow.getAttribute("data-p90"));
    if (own > p90)
      expect(await panel.getByTestId("uncertainty-outside").textContent()).toMatch(
        /uden for P10–P90.*«Sagsbehandling pr. borger»/
      );
    const publicRow = panel.getByTestId("uncertainty-public-npv");
    expect(Number(await publicRow.getAttribute("data-p50"))).toBe(
      expected.monteCarlo.public.npv.p50
    );
    expect(Number(await publicRow.getAttribute("data-own"))).toBe(expected.publicNpv);
    const probability = Number(
      await panel.getByTestId("uncertainty-probability").getAttribute("data-value")
    );
    expect(probability).toBe(expected.monteCarlo.probabilityPositive);
    expect(probability).toBeGreaterThanOrEqual(0);
    expect(probability).toBeLessThanOrEqual(1);
    const kr = (v: number) =>
      `${new Intl.NumberFormat("da-DK", { maximumFractionDigits: 0 }).format(v)} kr.`;
    await expect(npvRow.textContent()).resolves.toContain(kr(expected.monteCarlo.npv.p10));
    await expect(
      panel.getByTestId("uncertainty-histogram").getAttribute("aria-label")
    ).resolves.toContain(`P50 ${kr(p50)}`);

    // Then the tornado with switching values, one row per parameter with a range.
    const switching = panel.getByTestId("uncertainty-switching");
    await switching.waitFor({ timeout: 300_000 });
    await expect(switching.locator("tbody tr").count()).resolves.toBeGreaterThan(15);
    await expect(
      switching.locator('tr[data-parameter="discountRate"] td').last().textContent()
    ).resolves.toBe(
      "ingen i det tilladte interval: nutidsværdien har samme fortegn i hele intervallet"
    );
    await page
      .locator('figure:has([data-testid="uncertainty-tornado"])')
      .screenshot({ path: join(SHOTS, "uncertainty-tornado.png") });
    await page.close();
  }, 600_000);

  it("cancel stops the run in the worker: no result, and the pane answers", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    const panel = page.getByTestId("uncertainty");
    await panel.getByTestId("uncertainty-draws").fill("20000");
    await panel.getByTestId("uncertainty-run").click();
    const progress = panel.getByTestId("uncertainty-progress");
    await progress.getByText(/^Træk [1-9][\d.]* af 20000 …$/).waitFor({ timeout: 120_000 });
    await panel.screenshot({ path: join(SHOTS, "uncertainty-progress.png") });
    await panel.getByTestId("uncertainty-cancel").click();
    await panel.getByTestId("uncertainty-cancelled").waitFor();
    await expect(panel.getByTestId("uncertainty-cancelled").textContent()).resolves.toBe(
      "Kørslen blev annulleret. Intet resultat."
    );
    await expect(progress.count()).resolves.toBe(0);
    await expect(panel.getByTestId("uncertainty-result").count()).resolves.toBe(0);
    // The pane answers: the inputs take text and the run button is back.
    await panel.getByTestId("uncertainty-draws").fill("500");
    await expect(panel.getByTestId("uncertainty-run").isEnabled()).resolves.toBe(true);
    // No result arrives later from a worker left running.
    await page.waitForTimeout(1_500);
    await expect(panel.getByTestId("uncertainty-result").count()).resolves.toBe(0);
    await panel.screenshot({ path: join(SHOTS, "uncertainty-cancelled.png") });
    await page.close();
  }, 300_000);
});
