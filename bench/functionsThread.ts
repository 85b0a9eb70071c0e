/**
 * The worker-backed custom functions (registry.ts OFF_THREAD) at `stays` rows in the built page,
 * called as Excel calls them (the functions bundle's associations, test/browser/harness.ts
 * captureFunctions): per function, its time and the longest task it leaves on the page's thread
 * (Long Tasks API), which is the shared runtime's thread in Excel. The arguments are put in the
 * page before the clock starts, as Excel hands them over. Builds nothing: dist/ must exist.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { PARAMETERS } from "../src/engine/parameters";
import { OFF_THREAD, type OffThreadId } from "../src/functions/registry";
import {
  DIST,
  captureFunctions,
  launchBrowser,
  measureStep,
  openDemo,
  recordLongTasks,
  serveStatic,
} from "../test/browser/harness";
import { benchRows } from "./stays";

declare global {
  interface Window {
    __benchArgs?: unknown[];
  }
}

export async function benchFunctionsThread(
  stays = 50_000
): Promise<Record<OffThreadId, { seconds: number; longestTaskMs: number }>> {
  if (!existsSync(join(DIST, "taskpane.html")))
    throw new Error("dist/ is missing: run `npm run build` first");
  const rows = benchRows(stays, stays / 4);
  const s = [rows.citizen, rows.admission, rows.discharge, rows.rate, rows.selfPayment];
  const calls: Record<OffThreadId, unknown[]> = {
    REFUSION110: [...s, null, null, null],
    REFUSIONDAYS110: [...s.slice(0, 3), null, null, null],
    REFUSION85A: [rows.discharge, rows.admission, rows.discharge, 73000, null, null, null],
    REFUSION107: [
      rows.citizen,
      rows.admission,
      rows.admission,
      rows.discharge,
      1000,
      null,
      null,
      null,
    ],
    REFUSIONPROGNOSE: [...s, null, null],
    HOUSINGFIRSTPROJECTION: [...s, PARAMETERS.map((p) => [p.name, p.default]), null],
    HOUSINGFIRSTBACKTEST: [...s, PARAMETERS.map((p) => [p.name, p.default]), null],
    HOUSINGFIRSTUNCERTAINTY: [...s, PARAMETERS.map((p) => [p.name, p.default]), null, null, null],
  };
  const server = await serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    await recordLongTasks(browser);
    await captureFunctions(browser);
    const page = await openDemo(browser, server.origin);
    const result = {} as Record<OffThreadId, { seconds: number; longestTaskMs: number }>;
    for (const id of Object.keys(OFF_THREAD) as OffThreadId[]) {
      await page.evaluate((args) => void (window.__benchArgs = args), calls[id]);
      await page.evaluate(() => new Promise((ok) => setTimeout(ok, 300)));
      result[id] = await measureStep(page, () =>
        page.evaluate(async (name) => {
          await window.__associated![name](...window.__benchArgs!);
        }, id)
      );
    }
    return result;
  } finally {
    await browser.close();
    await server.close();
  }
}
