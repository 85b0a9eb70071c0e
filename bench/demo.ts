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
  recordLongTasks,
  runForecastInPage,
  serveStatic,
} from "../test/browser/harness";
import { meetingSteps, type MeetingStep } from "../test/browser/meeting";

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

/**
 * A budget meeting on the demo at `stays` rows (test/browser/meeting.ts): per step, its time and
 * the longest task on the UI thread (Long Tasks API), on a freshly loaded page.
 */
export async function benchMeeting(
  stays = 50_000
): Promise<Record<MeetingStep, { seconds: number; longestTaskMs: number }>> {
  if (!existsSync(join(DIST, "taskpane.html")))
    throw new Error("dist/ is missing: run `npm run build` first");
  const server = await serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    await recordLongTasks(browser);
    const page = await openDemo(browser, server.origin, `?stays=${stays}`);
    return await meetingSteps(page);
  } finally {
    await browser.close();
    await server.close();
  }
}
