/**
 * A budget meeting on the demo at scale, step by step, for the long-task test and the bench:
 * find the stays again, run the forecast, write the Scenarier sheet (DK.PROJECTION computes in
 * the demo's calc worker), edit a parameter in the sheet, and compare the scenarios with the
 * tornado (in the pane's engine worker). Each step is measured with measureStep: its time and
 * the longest task on the UI thread while it ran.
 */
import type { Page } from "playwright-core";
import { parameterCell, LAYOUT } from "../../src/sheets/scenarios/scenarioSheet";
import { projectionColumn } from "../../src/functions/scenarioFunctions";
import { parseA1 } from "../../src/workbook/workbook";
import { measureStep } from "./harness";

export const MEETING_STEPS = [
  "find the stays",
  "run the forecast",
  "write the Scenarier sheet",
  "edit a parameter",
  "compare and show sensitivity",
] as const;
export type MeetingStep = (typeof MEETING_STEPS)[number];

/** A cell of the demo workbook, through the page's test hook. */
export const demoCell = (page: Page, sheet: string, row: number, col: number) =>
  page.evaluate(
    ([s, r, c]) => window.__demo!.workbook.cell(s as string, r as number, c as number),
    [sheet, row, col] as const
  );

/** Waits until the Scenarier sheet's DK.PROJECTION has a result (not #BUSY!) other than `before`. */
export async function projectionComputed(page: Page, before?: unknown): Promise<void> {
  const at = { row: LAYOUT.outputRow + 2, col: projectionColumn("hfNetCost") };
  await page.waitForFunction(
    ([row, col, old]) => {
      const wb = window.__demo!.workbook;
      if (!wb.getSheet("Scenarier")) return false;
      const v = wb.cell("Scenarier", row as number, col as number);
      return (
        wb.cell("Scenarier", (row as number) - 2, 0) !== "#BUSY!" &&
        typeof v === "number" &&
        v !== old
      );
    },
    [at.row, at.col, before ?? null] as const,
    { timeout: 240_000, polling: 100 }
  );
}

/** Types a value into a cell of the Scenarier sheet's grid, as a user does. */
export async function typeInCell(page: Page, address: string, text: string): Promise<void> {
  const at = parseA1(address);
  await page
    .locator(`[data-sheet="Scenarier"] tr[data-row="${at.top}"] td[data-col="${at.left}"]`)
    .dblclick();
  await page.getByTestId("cell-input").fill(text);
  await page.getByTestId("cell-input").press("Enter");
}

/** The meeting's steps on a page opened with openDemo (Danish), measured one by one. */
export async function meetingSteps(
  page: Page
): Promise<Record<MeetingStep, { seconds: number; longestTaskMs: number }>> {
  const out = {} as Record<MeetingStep, { seconds: number; longestTaskMs: number }>;
  out["find the stays"] = await measureStep(page, async () => {
    await page.getByRole("button", { name: "Læs igen" }).click();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="validation-report"]') !== null &&
        !/Læser arket|Kontrollerer rækkerne/.test(document.body.textContent ?? ""),
      null,
      { timeout: 120_000, polling: 50 }
    );
  });
  out["run the forecast"] = await measureStep(page, async () => {
    await page.getByTestId("run").click();
    await page.getByTestId("run-result").waitFor({ timeout: 240_000 });
  });
  out["write the Scenarier sheet"] = await measureStep(page, async () => {
    await page.getByTestId("scenario-sheet").click();
    await projectionComputed(page);
  });
  const before = await demoCell(
    page,
    "Scenarier",
    LAYOUT.outputRow + 2,
    projectionColumn("hfNetCost")
  );
  out["edit a parameter"] = await measureStep(page, async () => {
    await typeInCell(page, parameterCell("supportCost"), "130.000");
    await projectionComputed(page, before);
  });
  out["compare and show sensitivity"] = await measureStep(page, async () => {
    await page.getByTestId("scenario-compare").click();
    await page
      .getByTestId("scenario-status")
      .filter({ hasText: "Arket Sammenligning er skrevet." })
      .waitFor({ timeout: 600_000 });
  });
  return out;
}
