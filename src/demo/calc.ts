/**
 * The demo workbook's custom functions in a web worker (see calcJobs.ts). Only the demo page
 * imports this module: jest can neither run web workers nor read import.meta.
 */
import { postArgs } from "../worker/cellArgs";
import { WorkerClient } from "../worker/client";
import type { Calculate } from "./formulas";
import type { CalcJobs } from "./calcJobs";

export function workerCalculator(): Calculate | undefined {
  if (typeof Worker === "undefined") return undefined;
  const client = new WorkerClient<CalcJobs>(
    () => new Worker(new URL("./calc.worker.ts", import.meta.url), { name: "calc" })
  );
  return (name, args, signal) => client.run("call", { name, args: postArgs(args) }, { signal });
}
