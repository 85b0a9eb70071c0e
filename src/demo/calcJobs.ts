/**
 * The demo's stand-in for Excel's calc engine runs the add-in's custom functions in a web
 * worker (calc.worker.ts), as Excel runs them apart from the page: DK.PROJECTION on 50 000
 * stays takes seconds, and the demo page must not freeze meanwhile. A one-column range travels
 * as its column (worker/cellArgs.ts).
 */
import { receiveArgs, type PostedArg } from "../worker/cellArgs";
import type { Handlers, JobSpec } from "../worker/protocol";
import type { CellValue } from "../workbook/workbook";
import { callFunction } from "./formulas";

export interface CalcJobs {
  call: JobSpec<{ name: string; args: PostedArg[] }, never, CellValue[][]>;
}

export const CALC_HANDLERS: Handlers<CalcJobs> = {
  call: ({ name, args }) => callFunction(name, receiveArgs(args)),
};
