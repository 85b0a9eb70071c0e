/**
 * The worker-backed custom functions in the built page (dist/), as Excel calls them: each
 * registered function that computes off the page's thread (registry.ts OFF_THREAD) answers from
 * its real web worker, bundled by webpack (compute.js) and allowed by the pages'
 * Content-Security-Policy (worker-src 'self'), with the results of the synchronous functions in
 * Node. The time on the page's thread is the bench's (`npm run bench`).
 */
import { describe, expect, it } from "@jest/globals";
import { benchRows } from "../../bench/stays";
import { PARAMETERS } from "../../src/engine/parameters";
import { EXCEL_FUNCTIONS, OFF_THREAD } from "../../src/functions/registry";
import { captureFunctions, cspViolations, openDemo } from "./harness";
import { demoPerFile } from "./demoPerFile";

const demo = demoPerFile();
const rows = benchRows(3_000, 800);
const stays = [rows.citizen, rows.admission, rows.discharge, rows.rate, rows.selfPayment];
const parameters = PARAMETERS.map((p) => [p.name, p.default]);
const CALLS: Record<keyof typeof OFF_THREAD, unknown[]> = {
  REFUSION110: [...stays, null, 46023, 46387, null],
  REFUSIONDAYS110: [...stays.slice(0, 3), null, null, "NY-VINDUE"],
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
  REFUSIONPROGNOSE: [...stays, null, null],
  HOUSINGFIRSTPROJECTION: [...stays, parameters, null],
  HOUSINGFIRSTBACKTEST: [...stays, parameters, null],
  HOUSINGFIRSTUNCERTAINTY: [...stays, parameters, null, 100, 2023],
};
/** As the page hands values back: error values as plain { code, message }. */
const asJson = (v: unknown) => JSON.parse(JSON.stringify(v)) as unknown;

describe("the worker-backed functions in the built page", () => {
  it("answer from their web worker with the synchronous results, under the page's policy", async () => {
    await captureFunctions(demo.browser);
    const workers: string[] = [];
    const page = await openDemo(demo.browser, demo.server.origin, "", async (p) => {
      p.on("worker", (w) => workers.push(w.url()));
    });
    const ids = await page.evaluate(() => Object.keys(window.__associated ?? {}));
    expect(ids).toEqual(expect.arrayContaining(Object.keys(OFF_THREAD)));
    for (const [id, args] of Object.entries(CALLS)) {
      const answer = await page.evaluate(
        ([name, a]) => Promise.resolve(window.__associated![name](...a)),
        [id, args] as const
      );
      const expected = (EXCEL_FUNCTIONS[id as keyof typeof CALLS] as (...a: unknown[]) => unknown)(
        ...args
      );
      expect([id, asJson(answer)]).toEqual([id, asJson(expected)]);
    }
    // One call after another: one worker serves them all (WorkerClient keeps it while idle).
    // The worker's script is a hashed chunk (webpack.config.js: chunks/[name].[contenthash].js).
    expect(workers.filter((url) => /\/chunks\/compute\.[0-9a-f]+\.js$/.test(url))).toHaveLength(1);
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  }, 240_000);
});
