/**
 * The demo's file loader in headless Chromium: files read in a web worker with progress and a
 * stop, the page never frozen (Chromium's long-task entries: no main-thread task over 200 ms
 * while a file is read), the grid rendering only the rows and columns in view, Danish text in a
 * Windows-1252 file, a refused file leaving the workbook and the pane as they were, and the
 * statistician's warnings in the pane. The big files are generated here, the hostile ones of
 * issue 25 by test/hostileFiles.ts.
 *
 * Needs dist/ (npm test builds it first). Screenshots go to test-results/.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import type { Page } from "playwright-core";
import { SHOTS, openDemo, startDemo, stopDemo, type Browser, type StaticServer } from "./harness";
import { HOOK_TIMEOUT } from "../timeouts";
import { waitFor } from "../waitFor";
import { HOSTILE_FILES } from "../hostileFiles";
import { gigabyteBomb } from "../zipFiles";

let server: StaticServer;
let browser: Browser;

/** Generated files go to disk: a buffer handed to Playwright is decoded by a script in the page, a long task of its own. */
let dir: string;

beforeAll(async () => {
  ({ server, browser } = await startDemo());
  dir = mkdtempSync(join(tmpdir(), "demo-files-"));
}, HOOK_TIMEOUT);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await stopDemo({ server, browser });
});

/** Picks a generated file in the demo's file input. */
async function choose(page: Page, name: string, content: Buffer): Promise<void> {
  const path = join(dir, name);
  writeFileSync(path, content);
  await page.getByTestId("file-input").setInputFiles(path);
}

/** Records the page's long tasks (main-thread work over 50 ms) from now on. */
async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: number[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push(e.duration);
    }).observe({ type: "longtask" });
  });
}
const longestTask = (page: Page) =>
  page.evaluate(() => Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks));

/** Picks a file in the demo's file input and times until `done` shows (ms, by the page's clock). */
async function pick(
  page: Page,
  name: string,
  buffer: Buffer,
  done: string
): Promise<{ ms: number; text: string }> {
  const t0 = await page.evaluate(() => performance.now());
  await choose(page, name, buffer);
  await page.locator(`[data-testid="${done}"]`).waitFor({ timeout: 60_000 });
  const t1 = await page.evaluate(() => performance.now());
  return { ms: t1 - t0, text: (await page.getByTestId(done).textContent()) ?? "" };
}

const userSheets = (page: Page) =>
  page.evaluate(() => window.__demo!.workbook.sheets.filter((s) => !s.own).map((s) => s.name));

describe("loading files in the demo", () => {
  it("a 1 MB CSV of 1 000 000 separators is refused at once, and the page never freezes", async () => {
    const page = await openDemo(browser, server.origin);
    await watchLongTasks(page);
    const before = await userSheets(page);
    const { ms, text } = await pick(
      page,
      "semikolon.csv",
      Buffer.from(";".repeat(1_000_000)),
      "load-failed"
    );
    expect(text).toMatch(/1\.000\.001 kolonner; demoen læser højst 16\.384 \(Excels egen grænse\)/);
    const longest = await longestTask(page);
    console.log(
      `1 MB CSV of 1 000 000 separators: refused in ${ms.toFixed(0)} ms, longest main-thread task ${longest.toFixed(0)} ms`
    );
    expect(ms).toBeLessThan(5000);
    expect(longest).toBeLessThan(200);
    // Nothing was added, and the pane still shows the sample's report.
    expect(await userSheets(page)).toEqual(before);
    expect(await page.getByTestId("rows-ok").textContent()).toMatch(/rækker er i orden/);
    await page.screenshot({ path: join(SHOTS, "load-refused-separators.png") });
    await page.close();
  });

  it("a 1 MB .xlsx that unpacks to 1 GB is refused in seconds, the page never frozen", async () => {
    const page = await openDemo(browser, server.origin);
    await watchLongTasks(page);
    const { ms, text } = await pick(page, "bombe.xlsx", Buffer.from(gigabyteBomb()), "load-failed");
    expect(text).toMatch(/fylder 1\.074 MB, når den pakkes ud/);
    const longest = await longestTask(page);
    console.log(
      `1 MB .xlsx unpacking to 1 GB: refused in ${ms.toFixed(0)} ms, longest main-thread task ${longest.toFixed(0)} ms`
    );
    expect(ms).toBeLessThan(5000);
    expect(longest).toBeLessThan(200);
    await page.close();
  });

  it("a CSV of one 45 MB field is refused in the worker: the page's thread is never blocked (it was for 9,3 s)", async () => {
    const page = await openDemo(browser, server.origin);
    await watchLongTasks(page);
    const before = await userSheets(page);
    const file = HOSTILE_FILES.longField;
    const { ms, text } = await pick(page, file.name, Buffer.from(file.bytes()), "load-failed");
    expect(text).toMatch(file.expect);
    const longest = await longestTask(page);
    console.log(
      `CSV of one 45 MB field: refused in ${ms.toFixed(0)} ms, longest main-thread task ${longest.toFixed(0)} ms`
    );
    expect(longest).toBeLessThan(500);
    expect(await userSheets(page)).toEqual(before);
    await page.close();
  });

  it("20 000 rows of one cell in column XFD load without a crash (they crashed the page after 28 s): the grid scrolls to XFD", async () => {
    const page = await openDemo(browser, server.origin);
    let crashed = false;
    page.on("crash", () => (crashed = true));
    const file = HOSTILE_FILES.xfd20k;
    await choose(page, file.name, Buffer.from(file.bytes()));
    const grid = page.locator('[data-testid="sheet-grid"][data-sheet="Ark1"]');
    await grid.waitFor({ timeout: 60_000 });
    const cells = await page.evaluate(() =>
      window.__demo!.workbook.getSheet("Ark1")!.values.map((row) => Object.keys(row).join())
    );
    expect(cells).toHaveLength(20_000);
    expect(new Set(cells)).toEqual(new Set(["16383"]));
    await grid.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    const last = page.locator('[data-sheet="Ark1"] tr[data-row="0"] td[data-col="16383"]');
    await last.waitFor();
    expect(await last.textContent()).toBe("1");
    expect(crashed).toBe(false);
    await page.close();
  });

  it("100 000 rows load in the worker with progress; the grid holds only the rows in view", async () => {
    const page = await openDemo(browser, server.origin);
    const rows = ["Borger;Indskrivning;Udskrivning;Takst"];
    for (let i = 0; i < 100_000; i++)
      rows.push(`B${i % 20_000};${1 + (i % 28)}-0${1 + (i % 9)}-2025;;1.250,50`);
    await watchLongTasks(page);
    const t0 = await page.evaluate(() => performance.now());
    await choose(page, "stor.csv", Buffer.from(rows.join("\r\n")));
    await page.getByTestId("load-progress").waitFor();
    await waitFor(
      async () =>
        expect(await page.getByTestId("rows-ok").textContent()).toBe(
          "100.000 af 100.000 rækker er i orden."
        ),
      { timeout: 60_000 }
    );
    const ms = (await page.evaluate(() => performance.now())) - t0;
    await page.locator('[data-testid="sheet-grid"][data-sheet="stor"]').waitFor();
    expect(await page.getByTestId("rows-shown").textContent()).toMatch(/af 100\.001$/);
    expect(await page.locator('[data-sheet="stor"] tr[data-row]').count()).toBeLessThan(120);
    const longest = await longestTask(page);
    console.log(
      `100 000-row CSV: loaded and validated in ${ms.toFixed(0)} ms, longest main-thread task ${longest.toFixed(0)} ms`
    );
    await page.screenshot({ path: join(SHOTS, "load-100000-rows.png") });
    await page.close();
  });

  it("a file being read can be stopped: the workbook stays as it was", async () => {
    const page = await openDemo(browser, server.origin);
    const before = await userSheets(page);
    const rows = Array.from({ length: 190_000 }, (_, i) => `B${i};01-01-2025;02-01-2025;${i}`);
    await choose(
      page,
      "stop.csv",
      Buffer.from(`Borger;Indskrivning;Udskrivning;Takst\n${rows.join("\n")}`)
    );
    await page.getByTestId("load-progress").waitFor();
    await page.getByTestId("load-cancel").click();
    await page.getByText("Indlæsningen er stoppet; arbejdsbogen er som før.").waitFor();
    expect(await userSheets(page)).toEqual(before);
    await page.close();
  });

  it("a wide sheet: only the columns in view are in the page, and scrolling right brings the others", async () => {
    const page = await openDemo(browser, server.origin);
    const header = Array.from({ length: 5000 }, (_, c) => `K${c}`).join(";");
    const body = Array.from({ length: 30 }, (_, r) =>
      Array.from({ length: 5000 }, (_, c) => r * 10_000 + c).join(";")
    );
    await pick(page, "bred.csv", Buffer.from([header, ...body].join("\n")), "load-notes");
    const grid = page.locator('[data-testid="sheet-grid"][data-sheet="bred"]');
    await grid.waitFor();
    const cellsInFirstRow = () => page.locator('[data-sheet="bred"] tr[data-row="0"] td[data-col]');
    expect(await cellsInFirstRow().count()).toBeLessThan(40);
    await grid.evaluate((el) => (el.scrollLeft = el.scrollWidth));
    await page.locator('[data-sheet="bred"] tr[data-row="0"] td[data-col="4999"]').waitFor();
    expect(
      await page.locator('[data-sheet="bred"] tr[data-row="0"] td[data-col="4999"]').textContent()
    ).toBe("K4999");
    expect(await cellsInFirstRow().count()).toBeLessThan(40);
    await page.screenshot({ path: join(SHOTS, "load-wide-sheet.png") });
    await page.close();
  });

  it("a Windows-1252 CSV from Danish Excel: «Bjørn Ås» and «Bjærn Ås» are two citizens, and the pane warns of a duplicate stay", async () => {
    const page = await openDemo(browser, server.origin);
    const csv =
      "Borger;Indskrivning;Udskrivning;Takst\r\nBjørn Ås;01-01-2025;11-04-2025;1000\r\nBjærn Ås;01-05-2025;09-08-2025;1000\r\nBjærn Ås;01-05-2025;09-08-2025;1000\r\n";
    const { text } = await pick(page, "ansi.csv", Buffer.from(csv, "latin1"), "load-notes");
    expect(text).toMatch(/Windows-1252/);
    await waitFor(async () =>
      expect(await page.getByTestId("rows-ok").textContent()).toBe("3 af 3 rækker er i orden.")
    );
    const names = await page.evaluate(() =>
      window
        .__demo!.workbook.getSheet("ansi")!
        .values.slice(1)
        .map((r) => r[0])
    );
    expect(names).toEqual(["Bjørn Ås", "Bjærn Ås", "Bjærn Ås"]);
    const warning = page.locator('[data-testid="data-warnings"] li[data-kind="duplicate"]');
    expect(await warning.textContent()).toMatch(/Samme ophold står flere gange.*3, 4/);
    await page.screenshot({ path: join(SHOTS, "load-windows-1252.png") });
    await page.close();
  });
});
