/**
 * The functions bundle's first module (webpack.config.js), before registered.ts: the
 * worker-backed functions (offThread.ts) run in web workers of the add-in's own origin, which
 * the pages' Content-Security-Policy allows (worker-src 'self'). At most two at a time: Excel
 * may call such a function in many cells at once. Only the bundle imports this module: jest can
 * neither run web workers nor read import.meta.
 */
import { WorkerClient } from "../worker/client";
import { queued } from "../worker/queued";
import type { FunctionJobs } from "./functionJobs";
import { runFunctionsOn } from "./offThread";

if (typeof Worker !== "undefined") {
  runFunctionsOn(
    queued(
      new WorkerClient<FunctionJobs>(
        () => new Worker(new URL("./functions.worker.ts", import.meta.url), { name: "compute" })
      ),
      2
    )
  );
}
