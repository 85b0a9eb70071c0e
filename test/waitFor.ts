/**
 * Retries `check` until it returns without throwing (typically an `expect(...)` on something a
 * page updates a moment later), and returns its result. When `timeout` ms pass first, throws the
 * last failure as it was (the assertion's own message and line); an attempt that is still
 * running at the deadline (e.g. a locator waiting for an element) is abandoned.
 */
export interface WaitForOptions {
  /** ms until the last failure is thrown (default 5000). */
  timeout?: number;
  /** ms between attempts (default 50). */
  interval?: number;
}

const LATE = Symbol("late");

export async function waitFor<T>(
  check: () => T | Promise<T>,
  { timeout = 5_000, interval = 50 }: WaitForOptions = {}
): Promise<T> {
  const deadline = Date.now() + timeout;
  let failure: unknown;
  for (;;) {
    const attempt = Promise.resolve().then(check);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<typeof LATE>(
      (ok) => (timer = setTimeout(() => ok(LATE), Math.max(0, deadline - Date.now())))
    );
    try {
      const result = await Promise.race([attempt, late]);
      if (result !== LATE) return result as T;
      attempt.catch(() => undefined); // abandoned: its outcome no longer matters
      throw failure ?? new Error(`waitFor: the check did not finish within ${timeout} ms`);
    } catch (error) {
      if (Date.now() + interval >= deadline) throw error;
      failure = error;
    } finally {
      clearTimeout(timer);
    }
    await new Promise((ok) => setTimeout(ok, interval));
  }
}
