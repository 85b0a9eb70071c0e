/**
 * The pane's runner for its engine jobs: a web worker where the host has them (Excel's
 * webviews and every browser the demo supports), else the calling thread.
 *
 * webpack 5 bundles the worker from `new Worker(new URL("./engine.worker.ts", import.meta.url))`
 * into a script of its own, loaded from the add-in's origin: a Content-Security-Policy needs
 * worker-src 'self' (or script-src 'self', which it falls back to), nothing else. Jest cannot
 * run web workers (nor read import.meta), so tests import engineJobs.ts, never this module.
 */
import { WorkerClient, inThread } from "../../src/worker/client";
import { withIdleWork, type IdleRunner } from "../../src/worker/idle";
import { ENGINE_HANDLERS, type EngineJobs } from "./engineJobs";

export type EngineRunner = IdleRunner<EngineJobs>;

export function engineRunner(): EngineRunner {
  // Without a worker, idle work would hold up the page itself: there is none.
  if (typeof Worker === "undefined") return { ...inThread(ENGINE_HANDLERS), whenIdle() {} };
  const client = new WorkerClient<EngineJobs>(
    () => new Worker(new URL("./engine.worker.ts", import.meta.url), { name: "engine" })
  );
  // The engine's script loads while the pane waits for the user, not when the first job runs.
  client.prestart();
  return withIdleWork<EngineJobs>(client);
}
