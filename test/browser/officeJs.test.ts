/**
 * The pane outside Office, in the two ways a browser meets it: office.js cannot load (no
 * network: the Office CDN is aborted) and office.js loads but finds no Office host (the CDN is
 * answered from the npm package @microsoft/office-js). Outside Office, office.js defines its own
 * `CustomFunctions` with only `associate` (no `Error`, no `ErrorCode`), which once left the
 * page blank; in both cases the demo must run as it does standalone, its formulas give values
 * and error values, each function is associated once, and the page and help run under the
 * pages' Content-Security-Policy without a single violation.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { ConsoleMessage, Page } from "playwright-core";
import { FUNCTION_IDS } from "../../src/functions/registry";
import {
  DIST,
  SHOTS,
  cspViolations,
  openDemo,
  runForecastInPage,
  startDemo,
  stopDemo,
  type Browser,
  type OfficeJs,
  type StaticServer,
} from "./harness";
import { HOOK_TIMEOUT } from "../timeouts";

describe.each<[OfficeJs, string]>([
  ["offline", "office.js cannot load"],
  ["local", "office.js loaded, no Office host"],
])("the demo when %s (%s)", (officeJs) => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;
  const messages: ConsoleMessage[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startDemo(officeJs));
    page = await openDemo(browser, server.origin, "", async (p) => {
      p.on("console", (m) => messages.push(m));
    });
  }, HOOK_TIMEOUT);

  afterAll(() => stopDemo({ server, browser }), HOOK_TIMEOUT);

  it(
    officeJs === "local"
      ? "office.js is there with its own CustomFunctions (associate only), and no host"
      : "office.js is not there",
    async () => {
      const seen = await page.evaluate(() => {
        const w = window as unknown as {
          Office?: unknown;
          CustomFunctions?: { associate?: unknown };
        };
        return {
          office: typeof w.Office,
          associate: typeof w.CustomFunctions?.associate,
        };
      });
      expect(seen).toEqual({
        office: officeJs === "local" ? "object" : "undefined",
        // Ours (a stand-in) without office.js, office.js's own with it.
        associate: "function",
      });
      if (officeJs === "local") {
        const loaded = messages.map((m) => m.text());
        expect(loaded).toContain("Warning: Office.js is loaded outside of Office client");
      }
    }
  );

  it("runs the forecast on the sample sheet", async () => {
    await runForecastInPage(page);
    await page.screenshot({ path: join(SHOTS, `office-js-${officeJs}.png`) });
    expect(await page.getByTestId("run-result").isVisible()).toBe(true);
  });

  it("computes DK. formulas in the demo workbook, an error value with its message where a row is bad", async () => {
    const cells = await page.evaluate(async () => {
      const workbook = window.__demo!.workbook;
      await workbook.writeOwnSheet({
        name: "Formeltest",
        sections: [],
        cells: [
          { at: "A1", formula: '=DK.REFUSION110("A","2026-05-01","2026-06-01",1200,200)' },
          { at: "A2", formula: '=DK.REFUSIONDAYS110("A","2026-05-01","2026-04-01")' },
          { at: "A3", formula: "=DK.HOUSINGFIRSTNPV(0.1,1,2)" },
        ],
      });
      const sheet = workbook.sheets.find((s) => s.name.startsWith("Formeltest"))!;
      const results = () => [sheet.values[0]?.[0], sheet.values[1]?.[0], sheet.values[2]?.[0]];
      // The functions run in the demo's calc worker, as apart from the page as in Excel: #BUSY! until then.
      while (results().includes("#BUSY!")) await new Promise((ok) => setTimeout(ok, 20));
      return results();
    });
    expect(cells).toEqual([15500, "#VALUE!", 0.91]);
  });

  it("associates each custom function once (no [DuplicatedName])", () => {
    expect(messages.map((m) => m.text()).filter((t) => /DuplicatedName/.test(t))).toEqual([]);
    // Every function the metadata declares is registered, and none twice.
    const metadata = JSON.parse(readFileSync(join(DIST, "functions.json"), "utf8")) as {
      functions: { id: string }[];
    };
    expect([...FUNCTION_IDS].sort()).toEqual(metadata.functions.map((f) => f.id).sort());
    expect(new Set(FUNCTION_IDS).size).toBe(FUNCTION_IDS.length);
  });

  it("runs under the Content-Security-Policy with no violation, the help page too", async () => {
    expect(await cspViolations(page)).toEqual([]);
    const help = await browser.context.newPage();
    await help.goto(`${server.origin}/help.html`);
    await help.locator("#refusion110").waitFor();
    expect(await cspViolations(help)).toEqual([]);
    await help.close();
  });
});

/**
 * Inside Excel with office.js blocked (a proxy, an offline laptop): Office's host info is in the
 * page's URL (`_host_Info`, as Office adds it) and Microsoft's CDN does not answer. The page
 * says what is blocked and what IT must allow, in Excel's language, and never starts the demo.
 */
describe.each([
  ["da-DK", "Bed IT om at tillade https://appsforoffice.microsoft.com", "Demoen vises ikke"],
  ["en-GB", "Ask IT to allow https://appsforoffice.microsoft.com", "The demo is not shown"],
])("inside Excel (%s) with office.js blocked", (locale, askIt, noDemo) => {
  let server: StaticServer;
  let browser: Browser;

  beforeAll(async () => {
    ({ server, browser } = await startDemo("offline"));
  }, HOOK_TIMEOUT);

  afterAll(() => stopDemo({ server, browser }), HOOK_TIMEOUT);

  it("shows the error, not the demo, under the page's policy", async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const requested: string[] = [];
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${server.origin}/taskpane.html?_host_Info=Excel$Win32$16.01$${locale}$$$$0`);
    const problem = page.getByTestId("startup-problem");
    await problem.waitFor();
    await page.screenshot({ path: join(SHOTS, `office-js-blocked-${locale}.png`) });
    const text = (await problem.textContent()) ?? "";
    expect(text).toContain("office.js");
    expect(text).toContain(askIt);
    expect(text).toContain(noDemo);
    expect(await problem.getAttribute("data-problem")).toBe("office-js-blocked");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale.slice(0, 2));
    // A moment later still no demo: no sample municipality, no grid, no pane.
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => typeof window.__demo)).toBe("undefined");
    expect(await page.getByTestId("validation-report").count()).toBe(0);
    expect(await page.getByTestId("sheet-grid").count()).toBe(0);
    // Only the two entry scripts of the add-in were loaded: no chunk of the demo or the pane.
    expect(requested.filter((p) => p.endsWith(".js")).sort()).toEqual([
      "/functions.js",
      "/lib/1/hosted/office.js",
      "/taskpane.js",
    ]);
    expect(errors).toEqual([]);
    expect(await cspViolations(page)).toEqual([]);
    await page.close();
  });
});
