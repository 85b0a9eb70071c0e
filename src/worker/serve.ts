/** The worker's side of protocol.ts: answers each job message with progress, then the result. */
import type { Handlers, JobMessage, Jobs, ReplyMessage } from "./protocol";

/** What serve needs of the worker's global scope (a fake in tests). */
export interface ServePort {
  postMessage(message: ReplyMessage): void;
  addEventListener(type: "message", listener: (event: { data: JobMessage }) => void): void;
}

/**
 * A job's progress crosses at most this often; the rest is dropped, and the result follows. Each
 * message re-renders and repaints the pane: a Monte Carlo run reporting every 10 of its 1 000
 * draws repainted it 100 times in half a second, CPU the job's own worker then lacked.
 */
export const PROGRESS_INTERVAL_MS = 100;

export function serve<J extends Jobs<J>>(
  port: ServePort,
  handlers: Handlers<J>,
  now: () => number = () => performance.now()
): void {
  port.addEventListener("message", ({ data: { id, kind, request } }) => {
    const handler = (handlers as Record<string, unknown>)[kind] as
      ((request: unknown, progress: (p: unknown) => void) => unknown) | undefined;
    const fail = (error: unknown) =>
      port.postMessage({
        id,
        type: "failed",
        name: error instanceof Error ? error.name : "Error",
        message: error instanceof Error ? error.message : String(error),
      });
    if (!handler) return fail(new Error(`Unknown job: ${kind}`));
    try {
      let sent = -Infinity;
      const progress = (p: unknown) => {
        const t = now();
        if (t - sent < PROGRESS_INTERVAL_MS) return;
        sent = t;
        port.postMessage({ id, type: "progress", progress: p });
      };
      Promise.resolve(handler(request, progress)).then(
        (result) => port.postMessage({ id, type: "done", result }),
        fail
      );
    } catch (error) {
      fail(error);
    }
  });
}
