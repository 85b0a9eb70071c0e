/**
 * Long computations off the UI thread: a typed request/response protocol between the page and
 * a web worker. A worker serves a set of jobs (serve.ts); the page runs them through a
 * JobRunner (client.ts): a request in, progress messages while it runs, one result or one error
 * out. Cancelling terminates the worker that runs the job (a computation in a tight loop never
 * looks at a flag), and the next job gets a fresh one.
 *
 * Everything that crosses is structured-cloned: plain data only (no class instances such as
 * Decimal, no functions).
 */

/** One kind of job: what it takes, what it reports while it runs, what it gives. */
export interface JobSpec<Request, Progress, Result> {
  request: Request;
  progress: Progress;
  result: Result;
}

/** The jobs a worker serves, by name: `J extends Jobs<J>` for an interface of JobSpecs. */
export type Jobs<J> = { [K in keyof J]: JobSpec<unknown, unknown, unknown> };

/** The computation behind each job; `progress` posts a progress message to the page. */
export type Handlers<J extends Jobs<J>> = {
  [K in keyof J]: (
    request: J[K]["request"],
    progress: (progress: J[K]["progress"]) => void
  ) => J[K]["result"] | Promise<J[K]["result"]>;
};

export interface RunOptions<Progress> {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

/** Runs jobs: in a worker (WorkerClient) or, where there is none, on the calling thread. */
export interface JobRunner<J extends Jobs<J>> {
  run<K extends keyof J & string>(
    kind: K,
    request: J[K]["request"],
    options?: RunOptions<J[K]["progress"]>
  ): Promise<J[K]["result"]>;
  /** Ends the workers (the pane closes). */
  dispose(): void;
}

/** Page -> worker. */
export interface JobMessage {
  id: number;
  kind: string;
  request: unknown;
}

/** Worker -> page. */
export type ReplyMessage =
  | { id: number; type: "progress"; progress: unknown }
  | { id: number; type: "done"; result: unknown }
  | { id: number; type: "failed"; name: string; message: string };
