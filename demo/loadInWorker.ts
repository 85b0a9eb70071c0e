/**
 * The demo's file worker (fileJobs.ts): reads a picked file, with progress and a stop that ends
 * the worker at once (an AbortError), and writes the workbook as .xlsx for the download. The
 * worker stays for the next job, so exceljs is read once. Only the demo page imports this
 * module: jest can neither run web workers nor read import.meta.
 */
import { WorkerClient } from "../src/worker/client";
import type { FileJobs } from "../src/files/fileJobs";
import { LoadError, type ReadProgress, type ReadResult } from "../src/files/loadedFile";
import type { WorkbookSnapshot } from "../src/demo/snapshot";

let client: WorkerClient<FileJobs> | undefined;

const files = () =>
  (client ??= new WorkerClient<FileJobs>(
    () => new Worker(new URL("../src/files/file.worker.ts", import.meta.url), { name: "file" })
  ));

export async function loadInWorker(
  file: File,
  options: { onProgress?: (progress: ReadProgress) => void; signal?: AbortSignal } = {}
): Promise<ReadResult> {
  const answer = await files().run("read", { file }, options);
  if (!answer.ok) throw new LoadError(answer.da, answer.en);
  return answer.result;
}

/** The workbook as .xlsx bytes, written in the worker. */
export function xlsxInWorker(workbook: WorkbookSnapshot): Promise<Uint8Array> {
  return files().run("write", { workbook });
}
