/**
 * The web worker that reads a user's file for the demo page (readFile.ts), so parsing a large
 * .xlsx or CSV never freezes the page; the page shows progress and can stop it by ending the
 * worker. Each sheet goes back in slices of rows, so the page takes them in short steps.
 */
import { LoadError, type ReadProgress } from "./loadedFile";
import { readFile } from "./readFile";

/** Messages from the worker to the page. */
export type WorkerMessage =
  | { type: "progress"; progress: ReadProgress }
  | { type: "sheet"; name: string; tables: unknown[]; formats: unknown[]; rows: number }
  | { type: "rows"; rows: unknown[][] }
  | { type: "done"; notes: { da: string; en: string; warning?: boolean }[] }
  | { type: "error"; da: string; en: string };

/** Rows per message back to the page. */
export const ROWS_PER_MESSAGE = 5_000;

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<{ file: File }>) => void) | null;
  postMessage(message: WorkerMessage): void;
};

scope.onmessage = async (event) => {
  const post = (message: WorkerMessage) => scope.postMessage(message);
  try {
    const { file } = event.data;
    const result = await readFile(file.name, await file.arrayBuffer(), {
      onProgress: (progress) => post({ type: "progress", progress }),
    });
    for (const sheet of result.sheets) {
      const { values, ...rest } = sheet;
      post({ type: "sheet", ...rest, rows: values.length });
      for (let r = 0; r < values.length; r += ROWS_PER_MESSAGE)
        post({ type: "rows", rows: values.slice(r, r + ROWS_PER_MESSAGE) });
    }
    post({ type: "done", notes: result.notes });
  } catch (error) {
    post(
      error instanceof LoadError
        ? { type: "error", da: error.da, en: error.en }
        : {
            type: "error",
            da: "Filen kunne ikke læses. Er det en .xlsx- eller CSV-fil, og er den hentet helt?",
            en: "The file could not be read. Is it an .xlsx or CSV file, and fully downloaded?",
          }
    );
  }
};
