/**
 * The demo's stand-in for Excel's calc engine runs the add-in's custom functions in a web
 * worker (calc.worker.ts), as Excel runs them apart from the page: DK.PROJECTION on 50 000
 * stays takes seconds, and the demo page must not freeze meanwhile.
 *
 * A range of one column travels as a flat list of its cells: the page copies (structured-clones)
 * the arguments it posts, and 50 000 one-cell rows cost it far more than one list of 50 000.
 */
import type { Handlers, JobSpec } from "../worker/protocol";
import type { CellValue } from "../workbook/workbook";
import { callFunction } from "./formulas";

/** An argument as posted: a one-column range as its column, anything else as it is. */
export type PostedArg = { column: unknown[] } | { value: unknown };

export function postArgs(args: readonly unknown[]): PostedArg[] {
  return args.map((a) =>
    Array.isArray(a) && a.length > 1 && a.every((r) => Array.isArray(r) && r.length === 1)
      ? { column: a.map((r: unknown[]) => r[0]) }
      : { value: a }
  );
}

export function receiveArgs(posted: readonly PostedArg[]): unknown[] {
  return posted.map((p) => ("column" in p ? p.column.map((v) => [v]) : p.value));
}

export interface CalcJobs {
  call: JobSpec<{ name: string; args: PostedArg[] }, never, CellValue[][]>;
}

export const CALC_HANDLERS: Handlers<CalcJobs> = {
  call: ({ name, args }) => callFunction(name, receiveArgs(args)),
};
