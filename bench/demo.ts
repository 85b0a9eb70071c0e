/**
 * The demo forecast end to end in headless Chromium: the page preloads a sample of `stays` rows
 * (?stays=N), and the run (read the sheet, validate, compute under NY and GAMMEL, write both
 * own sheets, add and draw the charts) is timed inside the page, from the click on the run
 * button to the frame that shows the result and the charts. Builds nothing: dist/ must exist
 * (`npm run build`).
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import {
  DIST,
  launchBrowser,
  openDemo,
  runForecastInPage,
  serveStatic,
} from "../test/browser/harness";

export interface DemoBench {
  /** Seconds of each run, each on a freshly loaded page (a cold start, as a user gets). */
  runs: number[];
  /** The median run, seconds. */
  seconds: number;
}

export async function benchDemoForecast(stays = 50_000, runs = 3): Promise<DemoBench> {
  if (!existsSync(join(DIST, "taskpane.html")))
    throw new Error("dist/ is missing: run `npm run build` first");
  const server = await serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await openDemo(browser, server.origin, `?stays=${stays}`);
      times.push((await runForecastInPage(page)) / 1000);
      await page.close();
    }
    const sorted = [...times].sort((a, b) => a - b);
    return { runs: times, seconds: sorted[Math.floor(sorted.length / 2)] };
  } finally {
    await browser.close();
    await server.close();
  }
}
