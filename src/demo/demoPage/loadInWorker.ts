/**
 * Reads a picked file in a web worker (fileWorker.ts): progress while it works, a stop that ends
 * the worker at once (an AbortError), and the sheets assembled from the worker's slices.
 */
import { AbortError } from "../../workbook/workbook";
import type { CellValue } from "../../workbook/workbook";
import type { WorkerMessage } from "../fileWorker";
import { LoadError, type LoadedSheet, type ReadProgress, type ReadResult } from "../loadedFile";

export function loadInWorker(
  file: File,
  options: { onProgress?: (progress: ReadProgress) => void; signal?: AbortSignal } = {}
): Promise<ReadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("../fileWorker.ts", import.meta.url));
    const sheets: LoadedSheet[] = [];
    const finish = () => {
      worker.terminate();
      options.signal?.removeEventListener("abort", stop);
    };
    const stop = () => {
      finish();
      reject(new AbortError());
    };
    if (options.signal?.aborted) return stop();
    options.signal?.addEventListener("abort", stop);
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const m = event.data;
      if (m.type === "progress") options.onProgress?.(m.progress);
      else if (m.type === "sheet")
        sheets.push({
          name: m.name,
          values: [],
          tables: m.tables as LoadedSheet["tables"],
          formats: m.formats as LoadedSheet["formats"],
        });
      else if (m.type === "rows")
        sheets[sheets.length - 1].values.push(...(m.rows as CellValue[][]));
      else if (m.type === "done") {
        finish();
        resolve({ sheets, notes: m.notes });
      } else {
        finish();
        reject(new LoadError(m.da, m.en));
      }
    };
    worker.onerror = () => {
      finish();
      reject(
        new LoadError(
          "Filen kunne ikke læses (læseren stoppede uventet). Prøv igen, eller gem filen som CSV.",
          "The file could not be read (the reader stopped unexpectedly). Try again, or save the file as CSV."
        )
      );
    };
    worker.postMessage({ file });
  });
}
