/**
 * Starts the standalone demo (no Office): the workbook this browser kept from the last visit
 * (savedWorkbook.ts), else the sample municipality's budget sheet, in an in-memory workbook
 * shown by DemoShell. Query parameters: ?lang=en for English, ?stays=N for a sample of N rows
 * (the bench uses 50 000) when nothing is kept.
 */
import type { Root } from "react-dom/client";
import { Providers } from "../taskpane/app/Providers";
import { languageOf, TEXTS } from "../taskpane/i18n";
import { MemoryWorkbook } from "../src/demo/memoryWorkbook";
import { workerCalculator } from "../src/demo/calc";
import { sampleWorkbook } from "../src/demo/sampleData";
import { restoreSnapshot } from "../src/demo/snapshot";
import { DemoShell, type Origin } from "./DemoShell";
import { SavedWorkbook } from "./savedWorkbook";

/** Sample sizes the page accepts from ?stays=; beyond a whole country's ten years is a typo. */
const MAX_SAMPLE_ROWS = 200_000;

/** The demo's test hook (never set inside Office): the workbook the page shows. */
export interface DemoHook {
  workbook: MemoryWorkbook;
}

declare global {
  interface Window {
    __demo?: DemoHook;
  }
}

function sampleRows(param: string | null): number | undefined {
  const n = Number(param);
  return param !== null && Number.isInteger(n) && n >= 4 && n <= MAX_SAMPLE_ROWS ? n : undefined;
}

export async function mountDemo(root: Root, search: string): Promise<void> {
  const params = new URLSearchParams(search);
  const language = languageOf(params.get("lang"));
  document.documentElement.lang = language === "da" ? "da" : "en";
  document.title = TEXTS[language].demoTitle;
  // The demo fills the window like an Excel window; the pane alone keeps Office's body margin.
  document.body.style.margin = "0";
  const store = await SavedWorkbook.open();
  const saved = await store?.load().catch(() => undefined);
  const workbook =
    saved?.kind === "saved"
      ? new MemoryWorkbook()
      : sampleWorkbook({ rows: sampleRows(params.get("stays")) });
  // The formulas' custom functions run apart from the page, as in Excel.
  const calculate = workerCalculator();
  if (calculate) workbook.setCalculator(calculate);
  if (saved?.kind === "saved") restoreSnapshot(workbook, saved.snapshot, calculate);
  const origin: Origin =
    saved?.kind === "saved"
      ? { kind: "saved", savedAt: saved.savedAt }
      : { kind: saved?.kind === "otherFormat" ? "otherFormat" : "new" };
  window.__demo = { workbook };
  root.render(
    <Providers language={language}>
      <DemoShell workbook={workbook} store={store} origin={origin} />
    </Providers>
  );
}
