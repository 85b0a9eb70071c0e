/**
 * Reading a user's file, as a job of the demo's file worker (file.worker.ts, on src/worker's
 * protocol): a large .xlsx or CSV is parsed apart from the page, with progress, and a stop ends
 * the worker. A file the demo refuses is an answer, not a failure: it carries its Danish and
 * English message, which an error crossing the worker could not.
 */
import type { Handlers, JobSpec } from "../worker/protocol";
import { LoadError, type ReadProgress, type ReadResult } from "./loadedFile";
import { readFile } from "./readFile";

export type ReadAnswer = { ok: true; result: ReadResult } | { ok: false; da: string; en: string };

export interface FileJobs {
  read: JobSpec<{ file: File }, ReadProgress, ReadAnswer>;
}

export const FILE_HANDLERS: Handlers<FileJobs> = {
  read: async ({ file }, progress) => {
    try {
      return {
        ok: true,
        result: await readFile(file.name, await file.arrayBuffer(), { onProgress: progress }),
      };
    } catch (error) {
      if (error instanceof LoadError) return { ok: false, da: error.da, en: error.en };
      throw error;
    }
  },
};
