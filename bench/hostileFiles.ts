/**
 * The demo's file reader on the files of issue 25 (test/hostileFiles.ts): how long each takes
 * to be read or refused in Node (readFile, as the worker runs it), and, for the ones that froze
 * or crashed the page, in headless Chromium from the pick to the sheet or the refusal, with the
 * longest task on the page's UI thread meanwhile. Target: every refusal within 2 s, no crash.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { readFile } from "../src/files/readFile";
import {
  DIST,
  launchBrowser,
  measureStep,
  openDemo,
  recordLongTasks,
  serveStatic,
} from "../test/browser/harness";
import { HOSTILE_FILES, type HostileFile } from "../test/hostileFiles";

export interface FileFigure {
  what: string;
  /** "read" or the start of the refusal's Danish message. */
  outcome: string;
  ms: number;
  /** In the page: the longest task on its UI thread (ms). */
  longestTaskMs?: number;
}

const buffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

function checked(file: HostileFile, outcome: string): string {
  const ok = file.expect === "read" ? outcome === "read" : file.expect.test(outcome);
  if (!ok) throw new Error(`${file.what}: expected ${String(file.expect)}, got «${outcome}»`);
  return outcome === "read" ? "read" : `refused: ${outcome.slice(0, 60)}…`;
}

/** Each file read by readFile in Node, the file built first (not timed). */
export async function benchFilesInNode(): Promise<FileFigure[]> {
  const figures: FileFigure[] = [];
  for (const file of Object.values(HOSTILE_FILES) as HostileFile[]) {
    const data = buffer(file.bytes());
    const t0 = performance.now();
    let outcome = "read";
    try {
      await readFile(file.name, data);
    } catch (error) {
      outcome = (error as { da?: string }).da ?? String(error);
    }
    figures.push({ what: file.what, outcome: checked(file, outcome), ms: performance.now() - t0 });
  }
  return figures;
}

/** The files that froze or crashed the page, each picked in a freshly loaded demo. */
export async function benchFilesInPage(): Promise<FileFigure[]> {
  if (!existsSync(join(DIST, "taskpane.html")))
    throw new Error("dist/ is missing: run `npm run build` first");
  const dir = mkdtempSync(join(tmpdir(), "bench-files-"));
  const server = await serveStatic(DIST);
  const browser = await launchBrowser();
  try {
    await recordLongTasks(browser);
    const figures: FileFigure[] = [];
    for (const file of [HOSTILE_FILES.xfd20k, HOSTILE_FILES.xfd200k, HOSTILE_FILES.longField]) {
      const path = join(dir, file.name);
      writeFileSync(path, file.bytes());
      const page = await openDemo(browser, server.origin);
      const sheet = file.name.replace(/\.[^.]*$/, "");
      const done = page.locator(
        `[data-testid="load-failed"], [data-testid="sheet-grid"][data-sheet="${sheet}"], [data-testid="sheet-grid"][data-sheet="Ark1"]`
      );
      const step = await measureStep(page, async () => {
        await page.getByTestId("file-input").setInputFiles(path);
        await done.first().waitFor({ timeout: 120_000 });
      });
      const failed = page.getByTestId("load-failed");
      const outcome = (await failed.count()) > 0 ? ((await failed.textContent()) ?? "") : "read";
      figures.push({
        what: file.what,
        outcome: checked(file, outcome),
        ms: step.seconds * 1000,
        longestTaskMs: step.longestTaskMs,
      });
      await page.close();
    }
    return figures;
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
