/**
 * The custom functions that compute in a web worker in Excel, so that none keeps the shared
 * runtime's thread busy: the pane, the other functions and Excel's own calls wait on that
 * thread, and "the Office application automatically restarts all the active add-ins" that stay
 * unresponsive for five seconds; for CPU-heavy work Microsoft points to web workers
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization).
 *
 * registered.ts declares each of these as a cancelable function that returns a promise: when
 * Excel cancels the call (its arguments changed, a cell it uses was edited, a manual
 * recalculation: https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-web-reqs#cancel-a-function)
 * its worker is ended. The worker runs the same registry functions as Node and the demo
 * (functionJobs.ts), so the results are today's; a call too small to matter computes inline.
 * The workers come from workers.ts, in the functions bundle only; elsewhere (Node, tests) the
 * jobs run on the calling thread.
 */
import { inThread } from "../worker/client";
import { postArgs } from "../worker/cellArgs";
import type { JobRunner } from "../worker/protocol";
import { FUNCTION_HANDLERS, type FunctionJobs } from "./functionJobs";
import { EXCEL_FUNCTIONS, OFF_THREAD, type OffThreadId } from "./registry";
import { cellError, isErrorValue, type ErrorCode } from "./runtime";

let runner: JobRunner<FunctionJobs> = inThread(FUNCTION_HANDLERS);

/** Where the jobs run from now on (workers.ts: the functions bundle's workers). */
export function runFunctionsOn(jobs: JobRunner<FunctionJobs>): void {
  runner.dispose();
  runner = jobs;
}

const rowsOf = (args: readonly unknown[]) =>
  Math.max(1, ...args.map((a) => (Array.isArray(a) ? a.length : 1)));

/** An error cell as plain data: Excel's own Error object need not survive structured cloning. */
const plainCell = (cell: unknown) =>
  isErrorValue(cell) ? { code: cell.code, message: cell.message } : cell;

/** The worker's error cells (plain data) as the runtime's error values again. */
const revive = (table: unknown[][]): unknown[][] =>
  table.map((row) =>
    row.map((cell) =>
      isErrorValue(cell) ? cellError(cell.code as ErrorCode, cell.message ?? "") : cell
    )
  );

const inline = (id: OffThreadId, args: readonly unknown[]) =>
  (EXCEL_FUNCTIONS[id] as (...a: unknown[]) => unknown[][])(...args);

/**
 * Calls a function of OFF_THREAD as Excel does (the same arguments, a 2-D result), in a worker
 * from its row threshold on. A cancelled call's promise rejects (Excel has dropped it); a worker
 * that cannot run (no Worker, a policy that blocks it) leaves the call to the calling thread,
 * with the same result.
 */
export async function offThread(
  id: OffThreadId,
  args: readonly unknown[],
  invocation?: CustomFunctions.CancelableInvocation
): Promise<unknown[][]> {
  if (rowsOf(args) < OFF_THREAD[id]) return inline(id, args);
  const controller = new AbortController();
  if (invocation) invocation.onCanceled = () => controller.abort();
  try {
    const result = await runner.run(
      "call",
      { id, args: postArgs(args, plainCell) },
      { signal: controller.signal }
    );
    return revive(result);
  } catch (error) {
    if (controller.signal.aborted) throw error;
    console.warn(`DK.${id}: the worker failed, computing on the page instead`, error);
    return inline(id, args);
  }
}
