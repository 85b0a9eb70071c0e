/**
 * The worker-backed custom functions as jobs of src/worker's protocol (offThread.ts sends them,
 * functions.worker.ts serves them): the registry's own functions on the arguments as Excel
 * passed them, so a result is the one the page would compute. Inside a worker there is no
 * CustomFunctions runtime, so an error value is runtime.ts's stand-in, which crosses as plain
 * data ({ code, message }) and becomes the runtime's error again on the page.
 */
import { receiveArgs, type PostedArg } from "../worker/cellArgs";
import type { Handlers, JobSpec } from "../worker/protocol";
import { EXCEL_FUNCTIONS, type OffThreadId } from "./registry";

export interface FunctionJobs {
  call: JobSpec<{ id: OffThreadId; args: PostedArg[] }, never, unknown[][]>;
}

export const FUNCTION_HANDLERS: Handlers<FunctionJobs> = {
  call: ({ id, args }) =>
    (EXCEL_FUNCTIONS[id] as (...a: unknown[]) => unknown[][])(...receiveArgs(args)),
};
