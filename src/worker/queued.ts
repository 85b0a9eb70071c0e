/**
 * At most `concurrency` jobs of a runner at a time, the others waiting in the order they came:
 * Excel may call a worker-backed function in many cells at once, and WorkerClient would start a
 * worker for each. A job cancelled while it waits leaves the queue (AbortError) and never runs.
 */
import { AbortError } from "../workbook/workbook";
import type { JobRunner, Jobs } from "./protocol";

export function queued<J extends Jobs<J>>(runner: JobRunner<J>, concurrency: number): JobRunner<J> {
  let running = 0;
  const waiting: (() => void)[] = [];
  const next = () => {
    running--;
    waiting.shift()?.();
  };
  return {
    run(kind, request, options = {}) {
      const { signal } = options;
      if (signal?.aborted) return Promise.reject(new AbortError());
      const start = () => {
        running++;
        const job = runner.run(kind, request, options);
        job.then(next, next);
        return job;
      };
      if (running < concurrency) return start();
      return new Promise((resolve, reject) => {
        const onAbort = () => {
          waiting.splice(waiting.indexOf(turn), 1);
          reject(new AbortError());
        };
        const turn = () => {
          signal?.removeEventListener("abort", onAbort);
          start().then(resolve, reject);
        };
        signal?.addEventListener("abort", onAbort);
        waiting.push(turn);
      });
    },
    dispose() {
      waiting.length = 0;
      runner.dispose();
    },
  };
}
