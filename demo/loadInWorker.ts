/**
 * Reads a picked file in the demo's file worker (fileJobs.ts): progress while it works, and a
 * stop that ends the worker at once (an AbortError). The worker stays for the next file, so
 * exceljs is read once. Only the demo page imports this module: jest can neither run web workers
 * nor read import.meta.
 */
import { WorkerClient } from "../src/worker/client";
import type { FileJobs } from "../src/files/fileJobs";
import { LoadError, type ReadProgress, type ReadResult } from "../src/files/loadedFile";

let client: WorkerClient<FileJobs> | undefined;

export async function loadInWorker(
  file: File,
  options: { onProgress?: (progress: ReadProgress) => void; signal?: AbortSignal } = {}
): Promise<ReadResult> {
  client ??= new WorkerClient<FileJobs>(
    () => new Worker(new URL("../src/files/file.worker.ts", import.meta.url), { name: "file" })
  );
  const answer = await client.run("read", { file }, options);
  if (!answer.ok) throw new LoadError(answer.da, answer.en);
  return answer.result;
}
