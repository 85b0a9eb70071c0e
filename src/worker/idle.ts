/**
 * Work done while the pane waits for the user: steps (short jobs) run one at a time, only while
 * no other job runs, and a newer list replaces what is left of the older one. A job asked for
 * while a step runs waits for that step, then runs on the worker it leaves idle, whose compiled
 * code and kept results it shares (WorkerClient would otherwise start a cold worker beside it).
 * So a step should be short: the longest a job waits is one step.
 */
import { AbortError } from "../workbook/workbook";
import type { JobRunner, Jobs } from "./protocol";

/** One step of idle work: a job whose result nobody waits for (its error is dropped too). */
export type IdleStep<J extends Jobs<J>> = {
  [K in keyof J & string]: { kind: K; request: J[K]["request"] };
}[keyof J & string];

export interface IdleRunner<J extends Jobs<J>> extends JobRunner<J> {
  /** Replaces the idle work not yet started with `steps` ([] stops it after the running step). */
  whenIdle(steps: readonly IdleStep<J>[]): void;
}

/** `runner` with idle work. */
export function withIdleWork<J extends Jobs<J>>(runner: JobRunner<J>): IdleRunner<J> {
  let waiting: readonly IdleStep<J>[] = [];
  /** The idle step running, settled either way. */
  let step: Promise<void> | undefined;
  /** Jobs asked for and not yet settled. */
  let jobs = 0;

  const next = () => {
    if (jobs > 0 || step || waiting.length === 0) return;
    const [first, ...rest] = waiting;
    waiting = rest;
    const settled = () => {
      step = undefined;
      next();
    };
    step = runner.run(first.kind, first.request).then(settled, settled);
  };

  return {
    async run(kind, request, options = {}) {
      const { signal } = options;
      if (signal?.aborted) throw new AbortError();
      jobs++;
      try {
        if (step) await untilSettledOrAborted(step, signal);
        return await runner.run(kind, request, options);
      } finally {
        jobs--;
        next();
      }
    },
    whenIdle(steps) {
      waiting = steps;
      next();
    },
    dispose() {
      waiting = [];
      runner.dispose();
    },
  };
}

/** Waits for `step`; rejects with AbortError as soon as `signal` aborts. */
function untilSettledOrAborted(step: Promise<void>, signal?: AbortSignal): Promise<void> {
  if (!signal) return step;
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(new AbortError());
    signal.addEventListener("abort", onAbort, { once: true });
    void step.then(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    });
  });
}
