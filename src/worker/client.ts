/**
 * The page's side of protocol.ts. WorkerClient runs each job in a worker: an idle one if there is
 * one, else a new one, so a long job never queues another; cancelling a job terminates its
 * worker only. inThread runs the same handlers on the calling thread (Node, tests, a host
 * without workers).
 */
import { AbortError } from "../workbook/workbook";
import type { Handlers, JobMessage, JobRunner, Jobs, ReplyMessage, RunOptions } from "./protocol";

/** What the client needs of a Worker (a fake in tests). */
export interface WorkerLike {
  postMessage(message: JobMessage): void;
  addEventListener(type: "message", listener: (event: { data: ReplyMessage }) => void): void;
  addEventListener(type: "error", listener: (event: { message?: string }) => void): void;
  removeEventListener(type: "message", listener: (event: { data: ReplyMessage }) => void): void;
  removeEventListener(type: "error", listener: (event: { message?: string }) => void): void;
  terminate(): void;
}

export class WorkerClient<J extends Jobs<J>> implements JobRunner<J> {
  private idle: WorkerLike | undefined;
  private readonly busy = new Set<WorkerLike>();
  private nextId = 1;

  /** `spawn` starts a worker that serves J, e.g. `() => new Worker(new URL("./x.worker.ts", import.meta.url))`. */
  constructor(private readonly spawn: () => WorkerLike) {}

  run<K extends keyof J & string>(
    kind: K,
    request: J[K]["request"],
    options: RunOptions<J[K]["progress"]> = {}
  ): Promise<J[K]["result"]> {
    const { signal, onProgress } = options;
    if (signal?.aborted) return Promise.reject(new AbortError());
    const worker = this.idle ?? this.spawn();
    this.idle = undefined;
    this.busy.add(worker);
    const id = this.nextId++;
    return new Promise<J[K]["result"]>((resolve, reject) => {
      const finish = (keep: boolean) => {
        worker.removeEventListener("message", onMessage);
        worker.removeEventListener("error", onError);
        signal?.removeEventListener("abort", onAbort);
        this.busy.delete(worker);
        if (keep && !this.idle) this.idle = worker;
        else worker.terminate();
      };
      const onMessage = ({ data }: { data: ReplyMessage }) => {
        if (data.id !== id) return;
        if (data.type === "progress") onProgress?.(data.progress as J[K]["progress"]);
        else if (data.type === "done") {
          finish(true);
          resolve(data.result as J[K]["result"]);
        } else {
          finish(true);
          reject(Object.assign(new Error(data.message), { name: data.name }));
        }
      };
      // The script failed to load (e.g. a Content-Security-Policy without worker-src 'self') or threw.
      const onError = (event: { message?: string }) => {
        finish(false);
        reject(new Error(event.message || "The computation in the background stopped"));
      };
      const onAbort = () => {
        finish(false);
        reject(new AbortError());
      };
      worker.addEventListener("message", onMessage);
      worker.addEventListener("error", onError);
      signal?.addEventListener("abort", onAbort);
      worker.postMessage({ id, kind, request });
    });
  }

  /**
   * Starts a worker now, while nothing waits for it: the first job then does not wait for the
   * worker's script to load and compile.
   */
  prestart(): void {
    if (!this.idle && this.busy.size === 0) this.idle = this.spawn();
  }

  dispose(): void {
    for (const worker of [...this.busy, ...(this.idle ? [this.idle] : [])]) worker.terminate();
    this.busy.clear();
    this.idle = undefined;
  }
}

/**
 * The handlers on the calling thread: the same results and progress, but the page waits for
 * them; a cancel is seen between progress messages only.
 */
export function inThread<J extends Jobs<J>>(handlers: Handlers<J>): JobRunner<J> {
  return {
    async run(kind, request, options = {}) {
      const { signal, onProgress } = options;
      if (signal?.aborted) throw new AbortError();
      const result = await handlers[kind](request, (p) => {
        if (signal?.aborted) throw new AbortError();
        onProgress?.(p);
      });
      if (signal?.aborted) throw new AbortError();
      return result;
    },
    dispose() {},
  };
}
