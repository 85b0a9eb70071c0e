/**
 * Headless Chromium on the built demo, for the browser tests and the bench: a tiny static
 * server for dist/ on a free port, Chromium through playwright-core with a fresh profile
 * (chromium.ts picks it: Debian's, or the npm package's where none is installed), and no
 * network. Microsoft's Office CDN is either aborted, so the page runs as it does offline
 * (office.js cannot load), or answered from the npm package @microsoft/office-js, so office.js
 * loads as from the CDN and finds no Office host (a browser outside Office). Either way the
 * pane runs standalone on the in-memory workbook. Every page records Content-Security-Policy
 * violations in `window.__cspViolations`.
 */
import { createServer, type Server } from "node:http";
import { existsSync, mkdirSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve, sep } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { findChromium } from "./chromium";
import { SAVED_DATABASE } from "../../demo/savedWorkbook";

export const DIST = resolve(__dirname, "../../dist");
/** office.js and the files it loads, as the npm package ships Microsoft's CDN folder. */
const OFFICE_JS_DIST = resolve(__dirname, "../../node_modules/@microsoft/office-js/dist");
const OFFICE_CDN = /^https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/([\w./-]+)$/;

/** How requests to Microsoft's Office CDN are answered. */
export type OfficeJs = "offline" | "local";
/** Screenshots for people to look at (gitignored). */
export const SHOTS = resolve(__dirname, "../../test-results");

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".css": "text/css; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1 at a port the system picks. */
export async function serveStatic(root = DIST): Promise<StaticServer> {
  const base = resolve(root);
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    const file = normalize(join(base, path === "/" ? "taskpane.html" : path));
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res
        .writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" })
        .end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Chromium with a fresh profile and Microsoft's Office CDN offline or served locally. */
export async function launchBrowser(
  viewport = { width: 1400, height: 1000 },
  officeJs: OfficeJs = "offline"
): Promise<Browser> {
  const { executablePath, args, env } = await findChromium();
  const profile = await mkdtemp(join(tmpdir(), "demo-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args,
    env,
    headless: true,
    viewport,
  });
  await context.route(/appsforoffice\.microsoft\.com/, async (route) => {
    const file = OFFICE_CDN.exec(route.request().url())?.[1];
    if (officeJs === "offline" || !file || file.includes("..")) {
      await route.abort("internetdisconnected");
      return;
    }
    const path = join(OFFICE_JS_DIST, file);
    if (!existsSync(path)) await route.fulfill({ status: 404 });
    else await route.fulfill({ path, contentType: "text/javascript; charset=utf-8" });
  });
  await context.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      w.__cspViolations.push(
        `${e.effectiveDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber}:${e.columnNumber})`
      )
    );
  });
  // tsx (the bench) compiles with esbuild's keepNames, which wraps the functions that
  // page.evaluate sends to the page in a __name(...) helper that only Node has.
  await context.addInitScript("window.__name = (fn) => fn;");
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** The built demo served and a browser started, for one test file's beforeAll; stop in afterAll. */
export async function startDemo(
  officeJs: OfficeJs = "offline"
): Promise<{ server: StaticServer; browser: Browser }> {
  if (!existsSync(join(DIST, "taskpane.html")))
    throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
  mkdirSync(SHOTS, { recursive: true });
  return { server: await serveStatic(DIST), browser: await launchBrowser(undefined, officeJs) };
}

/** The Content-Security-Policy violations the page has reported so far. */
export const cspViolations = (page: Page): Promise<string[]> =>
  page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

export async function stopDemo(demo: { server?: StaticServer; browser?: Browser }): Promise<void> {
  await demo.browser?.close();
  await demo.server?.close();
}

/**
 * Opens the demo page and waits until the pane has read the sample and shown its row check.
 * `prepare` runs on the new page before it loads (e.g. to route requests differently).
 */
export async function openDemo(
  browser: Browser,
  origin: string,
  query = "",
  prepare?: (page: Page) => Promise<void>
): Promise<Page> {
  const page = await browser.context.newPage();
  // A new visitor: the workbook a page before kept in IndexedDB is forgotten on the page's first
  // load (a reload keeps it, as it does for a user). The open that follows waits for the delete.
  await page.addInitScript((database) => {
    if (sessionStorage.getItem("demo-test-page")) return;
    sessionStorage.setItem("demo-test-page", "1");
    indexedDB.deleteDatabase(database);
  }, SAVED_DATABASE);
  await prepare?.(page);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${origin}/taskpane.html${query}`);
  await page.getByTestId("validation-report").waitFor({ timeout: 60_000 });
  if (errors.length > 0) throw new Error(`Page errors: ${errors.join("; ")}`);
  return page;
}

/** Clicks the run button and waits for the result and the charts; returns the page's own timing (ms). */
export async function runForecastInPage(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const button = document.querySelector<HTMLButtonElement>('[data-testid="run"]');
    if (!button || button.disabled) throw new Error("The run button is not available");
    const t0 = performance.now();
    button.click();
    const done = () =>
      document.querySelector('[data-testid="run-result"]') !== null &&
      document.querySelectorAll("figure[data-chart]").length > 0;
    const failed = () => document.querySelector('[data-testid="run-failed"]') !== null;
    await new Promise<void>((ok, fail) => {
      const check = () => {
        if (done()) ok();
        else if (failed())
          fail(
            new Error(document.querySelector('[data-testid="run-failed"]')?.textContent ?? "failed")
          );
        else requestAnimationFrame(check);
      };
      check();
    });
    // The frame with the charts painted.
    await new Promise<void>((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    return performance.now() - t0;
  });
}

/**
 * The rendered cells of the grid, as text, by sheet row and column (0-based). The grid is
 * virtualised in both directions: this scrolls it page by page, down and across, to collect
 * every cell.
 */
export async function readRenderedGrid(page: Page): Promise<string[][]> {
  return page.evaluate(async () => {
    const scroller = document.querySelector<HTMLElement>('[data-testid="sheet-grid"]');
    if (!scroller) throw new Error("No grid");
    const rows: string[][] = [];
    const frame = () => new Promise<void>((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
    const collect = () => {
      for (const tr of scroller.querySelectorAll<HTMLTableRowElement>("tr[data-row]")) {
        const row = (rows[Number(tr.dataset.row)] ??= []);
        for (const td of tr.querySelectorAll<HTMLTableCellElement>("td[data-col]"))
          row[Number(td.dataset.col)] = td.textContent ?? "";
      }
    };
    for (scroller.scrollTop = 0; ; scroller.scrollTop += scroller.clientHeight) {
      for (scroller.scrollLeft = 0; ; scroller.scrollLeft += scroller.clientWidth) {
        await frame();
        collect();
        if (scroller.scrollLeft + scroller.clientWidth >= scroller.scrollWidth - 1) break;
      }
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
    }
    scroller.scrollTop = 0;
    scroller.scrollLeft = 0;
    await frame();
    return Array.from(rows, (r) => Array.from(r ?? [], (cell) => cell ?? ""));
  });
}

declare global {
  interface Window {
    /** Long tasks on the page's UI thread (test hook installed by recordLongTasks). */
    __longTasks?: { start: number; duration: number }[];
  }
}

/**
 * Records every long task of the context's pages with the Long Tasks API (a task that keeps the
 * UI thread busy for 50 ms or more; https://w3c.github.io/longtasks/), from before the page's
 * own scripts run.
 */
export async function recordLongTasks(browser: Browser): Promise<void> {
  await browser.context.addInitScript(() => {
    const tasks: { start: number; duration: number }[] = [];
    window.__longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
}

/**
 * Runs one step of a user's work (`act` starts it and waits for its end) and returns its time
 * and the longest task on the UI thread from its start until a moment after its end (ms; 0 when
 * no task took 50 ms). Needs recordLongTasks.
 */
export async function measureStep(
  page: Page,
  act: () => Promise<void>
): Promise<{ seconds: number; longestTaskMs: number }> {
  const t0 = await page.evaluate(() => performance.now());
  await act();
  const t1 = await page.evaluate(() => performance.now());
  // A task that began just before the end is reported once it is over.
  await page.evaluate(() => new Promise((ok) => setTimeout(ok, 250)));
  const longestTaskMs = await page.evaluate(
    (since) =>
      Math.max(
        0,
        ...(window.__longTasks ?? [])
          .filter((t) => t.start + t.duration >= since)
          .map((t) => t.duration)
      ),
    t0
  );
  return { seconds: (t1 - t0) / 1000, longestTaskMs };
}

/**
 * The grid cell at (row, col) of the shown sheet, scrolled into view first: the grid renders
 * only the rows and columns in view, as a spreadsheet's window shows only part of its sheet.
 */
export async function gridCell(page: Page, sheet: string, row: number, col: number) {
  const cell = page.locator(`[data-sheet="${sheet}"] tr[data-row="${row}"] td[data-col="${col}"]`);
  await page.locator(`[data-testid="sheet-grid"][data-sheet="${sheet}"]`).evaluate(
    async (scroller, [r, c]) => {
      const frame = () => new Promise<void>((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
      const shown = () => scroller.querySelector(`tr[data-row="${r}"] td[data-col="${c}"]`);
      scroller.scrollTop = Math.max(0, r * 24 - scroller.clientHeight / 3);
      scroller.scrollLeft = 0;
      await frame();
      while (!shown() && scroller.scrollLeft + scroller.clientWidth < scroller.scrollWidth - 1) {
        scroller.scrollLeft += scroller.clientWidth / 2;
        await frame();
      }
    },
    [row, col]
  );
  return cell;
}

declare global {
  interface Window {
    /** The functions the page's functions bundle associated, by id (captureFunctions). */
    __associated?: Record<string, (...args: unknown[]) => unknown>;
  }
}

/**
 * Keeps each function the page's functions bundle associates (as Excel would), in
 * `window.__associated`, so a test can call the registered functions, the worker-backed ones
 * with their real web worker. Defined before the page's scripts, as a runtime without office.js's
 * Error: runtime.ts's stand-in makes the error values, as outside Excel.
 */
export async function captureFunctions(browser: Browser): Promise<void> {
  await browser.context.addInitScript(() => {
    const associated: Record<string, (...args: unknown[]) => unknown> = {};
    window.__associated = associated;
    (window as unknown as { CustomFunctions: unknown }).CustomFunctions = {
      associate: (id: string, fn: (...args: unknown[]) => unknown) => (associated[id] = fn),
    };
  });
}
