/**
 * Reading a user's file, and writing the demo workbook as .xlsx, as jobs of the demo's file
 * worker (file.worker.ts, on src/worker's protocol): a large .xlsx or CSV is parsed apart from
 * the page, with progress, and a stop ends the worker. A file the demo refuses is an answer, not
 * a failure: it carries its Danish and English message, which an error crossing the worker could
 * not. exceljs lives in this worker only, so the download adds nothing to the page's bundle.
 */
import type { Handlers, JobSpec } from "../worker/protocol";
import { LoadError, type ReadProgress, type ReadResult } from "./loadedFile";
import { readFile } from "./readFile";
import { xlsxBytes } from "./xlsxWrite";
import type { WorkbookSnapshot } from "../demo/snapshot";

export type ReadAnswer = { ok: true; result: ReadResult } | { ok: false; da: string; en: string };

export interface FileJobs {
  read: JobSpec<{ file: File }, ReadProgress, ReadAnswer>;
  /** The demo workbook as .xlsx bytes («Download som .xlsx»): exceljs lives in this worker. */
  write: JobSpec<{ workbook: WorkbookSnapshot }, never, Uint8Array>;
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
  write: ({ workbook }) => xlsxBytes(workbook),
};
