/**
 * The council page in the standalone demo (headless Chromium): the pane writes the Scenarier
 * sheet, then the Sammenfatning sheet from the engine worker (a Monte Carlo run with progress);
 * the sheet's figures are the engine's; printed (the demo's print stylesheet), its first A4 page
 * holds the answer (both headlines, the budget year and overslagsår, the chart) and the pages
 * after it the background (groups, choices, assumptions, the stamp). A run can be
 * stopped, leaving no sheet behind. A CPR number in the Scenarier sheet shows masked.
 *
 * Needs dist/ (npm test builds it first). Screenshots and the PDF go to test-results/.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { SHOTS, openDemo } from "./harness";
import { demoPerFile } from "./demoPerFile";
import { waitFor } from "../waitFor";

const demo = demoPerFile();

async function withScenarioSheet(page: Page): Promise<void> {
  await page.getByTestId("scenario-sheet").click();
  await waitFor(
    async () =>
      expect(await page.getByTestId("scenario-status").textContent()).toBe(
        "Arket Scenarier er skrevet."
      ),
    { timeout: 30_000 }
  );
}

const sheetNames = (page: Page) =>
  page.evaluate(() => window.__demo!.workbook.sheets.map((s) => s.name));

describe("the council page in the demo", () => {
  it("writes Sammenfatning and prints the answer on page 1, the background after", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    await withScenarioSheet(page);
    await page.getByTestId("summary-municipality").fill("Demo Kommune");
    await page.getByTestId("summary-author").fill("Økonomiafdelingen");
    const t0 = Date.now();
    await page.getByTestId("summary-write").click();
    await page.getByTestId("summary-done").waitFor({ timeout: 60_000 });
    const seconds = (Date.now() - t0) / 1000;
    console.log(`Sammenfatning with 1 000 draws on the demo: ${seconds.toFixed(1)} s in Chromium`);
    expect(await page.getByTestId("summary-done").textContent()).toContain("Sammenfatning");
    expect(await sheetNames(page)).toContain("Sammenfatning");

    // The key figures are numbers in the sheet, and the saving is their difference.
    const values = await page.evaluate(
      () => window.__demo!.workbook.getSheet("Sammenfatning")!.values
    );
    const row = (label: string) => values.find((r) => String(r[0]).startsWith(label))!;
    const without = row("Udgift uden indsats")[1] as number;
    const withHf = row("Udgift med Housing First")[1] as number;
    expect(without).toBeGreaterThan(1_000_000);
    expect(row("Housing First sparer kommunen")[1]).toBeCloseTo(without - withHf, 2);
    const [, npv, p10, p50, p90] = row("Nutidsværdi (nominel") as number[];
    expect(p10).toBeLessThan(p90);
    expect(p50).toBeGreaterThan(p10);
    // The costs still at 0 can only rise: the page says why its NPV sits above P90.
    if (npv > p90) expect(values.some((r) => String(r[0]).includes("uden for P10–P90"))).toBe(true);
    expect(String(values[1][0])).toMatch(
      /^Demo Kommune · udarbejdet af Økonomiafdelingen · \d\d-\d\d-\d{4}$/
    );

    await page.screenshot({ path: join(SHOTS, "summary-sheet.png"), fullPage: false });
    // As it prints: only the print view, on A4.
    await page.emulateMedia({ media: "print" });
    expect(await page.getByTestId("print-view").isVisible()).toBe(true);
    expect(await page.locator("aside").isVisible()).toBe(false);
    const printed = page.getByTestId("print-page");
    const first = await printed.first().textContent();
    for (const part of [
      "Housing First: hvad koster det, hvis vi ikke handler?",
      "Nutidsværdi",
      "Offentlig værdi",
      "Budgetår ",
      "Faste ",
    ])
      expect(first).toContain(part);
    expect(await printed.first().locator("figure svg").count()).toBe(1);
    const rest = (await printed.allTextContents()).slice(1).join(" ");
    for (const part of [
      "Baggrund: ",
      "Kroniske brugere",
      "Kommunens egne valg",
      "De fem vigtigste usikre antagelser",
      "Kilde: ",
      "Refusion og Housing First",
    ])
      expect(rest).toContain(part);
    await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
    await page.screenshot({ path: join(SHOTS, "summary-print.png"), fullPage: true });
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
    writeFileSync(join(SHOTS, "summary.pdf"), pdf);
    // The answer on one page, the background on the next one or two.
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(3);
    await page.emulateMedia({ media: "screen" });

    // The page knows when it is stale: edit the active scenario's support cost.
    expect(await page.getByTestId("summary-stale").count()).toBe(0);
    await page.evaluate(() => {
      const wb = window.__demo!.workbook;
      const values = wb.getSheet("Scenarier")!.values;
      const row = values.findIndex((r) => r[0] === "Bostøtte pr. år");
      wb.setCell("Scenarier", row, 1, 120000);
    });
    await page.getByTestId("summary-stale").waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("summary-stale").textContent()).toMatch(
      /passer ikke længere.*Skriv sammenfatningen igen/
    );
    await page.close();
  }, 180_000);

  it("a CPR number typed as the scenario's name is masked on the page, and the pane says why", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    await withScenarioSheet(page);
    // The active scenario's name cell (B3), in Devanagari digits.
    await page.evaluate(() =>
      window.__demo!.workbook.setCell("Scenarier", 2, 1, "Sag ०१०१९० - १२३४")
    );
    await page.getByTestId("summary-write").click();
    await page.getByTestId("summary-done").waitFor({ timeout: 60_000 });
    expect(await page.getByTestId("summary-masked").textContent()).toMatch(
      /ligner et CPR-nummer.*XXXXXX-XXXX/
    );
    const texts = await page.evaluate(() =>
      window.__demo!.workbook.getSheet("Sammenfatning")!.values.flat().join(" ")
    );
    expect(texts).toContain("Scenarie «Sag XXXXXX-XXXX»");
    expect(texts).not.toMatch(/[०-९]/);
    await page.close();
  }, 120_000);

  it("a run can be stopped: no sheet is written and the pane can run again", async () => {
    const page = await openDemo(demo.browser, demo.server.origin);
    await withScenarioSheet(page);
    await page.getByTestId("summary-write").click();
    await page.getByTestId("summary-stop").click();
    await page.getByTestId("summary-stopped").waitFor({ timeout: 10_000 });
    expect(await sheetNames(page)).not.toContain("Sammenfatning");
    expect(await page.getByTestId("summary-write").isEnabled()).toBe(true);
    await page.close();
  }, 60_000);
});
