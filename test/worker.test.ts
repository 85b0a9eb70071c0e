/**
 * The worker protocol (src/worker) in Node: jest runs no real web workers, so a fake worker
 * carries the messages between WorkerClient and serve() the way a browser does (structured
 * clones, delivered later). The real worker runs in the browser tests.
 */
import { describe, expect, it } from "@jest/globals";
import { WorkerClient, inThread, type WorkerLike } from "../src/worker/client";
import { withIdleWork } from "../src/worker/idle";
import type {
  Handlers,
  JobMessage,
  JobRunner,
  JobSpec,
  ReplyMessage,
} from "../src/worker/protocol";
import { serve } from "../src/worker/serve";

interface TestJobs {
  sum: JobSpec<{ numbers: number[] }, { done: number; total: number }, number>;
  fail: JobSpec<{ message: string }, never, never>;
  /** Resolves when the test says so: a job that is still running. */
  hang: JobSpec<null, string, string>;
}

type Listener = (event: { data: unknown; message?: string }) => void;

/** A worker in the same process: the page's and the worker's ends of one message channel. */
class FakeWorker implements WorkerLike {
  static started = 0;
  terminated = false;
  private readonly page = new Map<string, Set<Listener>>();
  private readonly inside = new Set<Listener>();

  /** `now`: the worker's clock, milliseconds (the test's, to see progress throttled). */
  constructor(handlers: Handlers<TestJobs>, now?: () => number) {
    FakeWorker.started++;
    serve(
      {
        postMessage: (message: ReplyMessage) => this.deliver(this.page.get("message"), message),
        addEventListener: (_type, listener) => this.inside.add(listener as Listener),
      },
      handlers,
      now
    );
  }

  private deliver(listeners: Set<Listener> | undefined, data: unknown) {
    const copy = structuredClone(data);
    setTimeout(() => {
      if (!this.terminated) for (const l of listeners ?? []) l({ data: copy });
    }, 0);
  }

  postMessage(message: JobMessage): void {
    this.deliver(this.inside, message);
  }
  addEventListener(type: "message", listener: (event: { data: ReplyMessage }) => void): void;
  addEventListener(type: "error", listener: (event: { message?: string }) => void): void;
  addEventListener(type: "message" | "error", listener: (event: never) => void): void {
    if (!this.page.has(type)) this.page.set(type, new Set());
    this.page.get(type)!.add(listener as Listener);
  }
  removeEventListener(type: "message", listener: (event: { data: ReplyMessage }) => void): void;
  removeEventListener(type: "error", listener: (event: { message?: string }) => void): void;
  removeEventListener(type: "message" | "error", listener: (event: never) => void): void {
    this.page.get(type)?.delete(listener as Listener);
  }
  terminate(): void {
    this.terminated = true;
  }
  crash(message: string): void {
    for (const l of this.page.get("error") ?? []) l({ data: undefined, message });
  }
}

function setup(now?: () => number) {
  let release: (value: string) => void = () => undefined;
  const handlers: Handlers<TestJobs> = {
    sum: ({ numbers }, progress) => {
      numbers.forEach((_, i) => progress({ done: i + 1, total: numbers.length }));
      return numbers.reduce((a, b) => a + b, 0);
    },
    fail: ({ message }) => {
      throw Object.assign(new Error(message), { name: "RunError" });
    },
    hang: (_, progress) => {
      progress("started");
      return new Promise<string>((ok) => (release = ok));
    },
  };
  const workers: FakeWorker[] = [];
  const client = new WorkerClient<TestJobs>(() => {
    const w = new FakeWorker(handlers, now);
    workers.push(w);
    return w;
  });
  return { client, workers, handlers, release: (v: string) => release(v) };
}

describe("WorkerClient and serve", () => {
  it("runs a job in the worker and reports its progress", async () => {
    // Each report 100 ms after the one before: every one crosses.
    let clock = 0;
    const { client } = setup(() => (clock += 100));
    const seen: unknown[] = [];
    const result = await client.run(
      "sum",
      { numbers: [1, 2, 3.5] },
      { onProgress: (p) => seen.push(p) }
    );
    expect(result).toBe(6.5);
    expect(seen).toEqual([
      { done: 1, total: 3 },
      { done: 2, total: 3 },
      { done: 3, total: 3 },
    ]);
  });

  it("progress crosses at most every 100 ms: the first at once, reports closer than that dropped", async () => {
    let clock = 0;
    const { client } = setup(() => (clock += 60));
    const seen: unknown[] = [];
    const result = await client.run(
      "sum",
      { numbers: [1, 1, 1, 1, 1] },
      { onProgress: (p) => seen.push(p) }
    );
    expect(result).toBe(5);
    // Reports at 60, 120, 180, 240, 300 ms: sent at 60, 180 and 300.
    expect(seen).toEqual([
      { done: 1, total: 5 },
      { done: 3, total: 5 },
      { done: 5, total: 5 },
    ]);
  });

  it("a prestarted worker serves the first job; prestarting again starts no second one", async () => {
    const { client, workers } = setup();
    client.prestart();
    client.prestart();
    expect(workers).toHaveLength(1);
    await expect(client.run("sum", { numbers: [4, 5] })).resolves.toBe(9);
    expect(workers).toHaveLength(1);
    client.dispose();
    expect(workers[0].terminated).toBe(true);
  });

  it("passes the worker's error on with its name and message, and keeps the worker", async () => {
    const { client, workers } = setup();
    await expect(client.run("fail", { message: "Scenariet «A» har fejl" })).rejects.toMatchObject({
      name: "RunError",
      message: "Scenariet «A» har fejl",
    });
    await expect(client.run("sum", { numbers: [2] })).resolves.toBe(2);
    expect(workers).toHaveLength(1);
  });

  it("a second job while the first runs gets its own worker; the idle one is reused", async () => {
    const { client, workers, release } = setup();
    const first = client.run("hang", null);
    await expect(client.run("sum", { numbers: [1, 1] })).resolves.toBe(2);
    expect(workers).toHaveLength(2);
    release("done");
    await expect(first).resolves.toBe("done");
    await client.run("sum", { numbers: [1] });
    expect(workers).toHaveLength(2);
    // At most one idle worker is kept: the other was ended.
    expect(workers.filter((w) => w.terminated)).toHaveLength(1);
  });

  it("cancel terminates the job's worker at once and rejects with AbortError; the next job gets a new one", async () => {
    const { client, workers } = setup();
    const controller = new AbortController();
    const progress: unknown[] = [];
    const job = client.run("hang", null, {
      signal: controller.signal,
      onProgress: (p) => progress.push(p),
    });
    await new Promise((ok) => setTimeout(ok, 10));
    expect(progress).toEqual(["started"]);
    controller.abort();
    await expect(job).rejects.toMatchObject({ name: "AbortError" });
    expect(workers[0].terminated).toBe(true);
    await expect(client.run("sum", { numbers: [4] })).resolves.toBe(4);
    expect(workers).toHaveLength(2);
  });

  it("a worker that fails to start (blocked by a Content-Security-Policy) rejects the job", async () => {
    const { client, workers } = setup();
    const job = client.run("hang", null);
    workers[0].crash("Refused to create a worker");
    await expect(job).rejects.toThrow("Refused to create a worker");
    expect(workers[0].terminated).toBe(true);
  });

  it("inThread runs the same handlers on the calling thread", async () => {
    const { handlers } = setup();
    const runner = inThread(handlers);
    const seen: unknown[] = [];
    await expect(
      runner.run("sum", { numbers: [1, 2] }, { onProgress: (p) => seen.push(p) })
    ).resolves.toBe(3);
    expect(seen).toHaveLength(2);
    const controller = new AbortController();
    controller.abort();
    await expect(
      runner.run("sum", { numbers: [1] }, { signal: controller.signal })
    ).rejects.toMatchObject({ name: "AbortError" });
  });
});

/** A runner whose jobs end when the test says: `log` says what started and ended, in order. */
function heldRunner() {
  const log: string[] = [];
  const held = new Map<number, { end: () => void; fail: () => void }>();
  const runner: JobRunner<TestJobs> = {
    run(_kind, request) {
      const n = (request as { numbers: number[] }).numbers[0];
      log.push(`start ${n}`);
      return new Promise((resolve, reject) =>
        held.set(n, {
          end: () => (log.push(`end ${n}`), resolve(n as never)),
          fail: () => (log.push(`failed ${n}`), reject(new Error("step failed"))),
        })
      );
    },
    dispose: () => log.push("disposed"),
  };
  const settle = async (n: number, how: "end" | "fail" = "end") => {
    held.get(n)![how]();
    await new Promise((ok) => setTimeout(ok, 0));
  };
  return { runner, log, settle };
}

const steps = (...ns: number[]) =>
  ns.map((n) => ({ kind: "sum" as const, request: { numbers: [n] } }));

describe("idle work", () => {
  it("runs its steps one at a time; a job asked meanwhile waits for the running step, then the rest goes on", async () => {
    const { runner, log, settle } = heldRunner();
    const idle = withIdleWork(runner);
    idle.whenIdle(steps(1, 2));
    const job = idle.run("sum", { numbers: [10] });
    await settle(1);
    await settle(10);
    await expect(job).resolves.toBe(10);
    await settle(2);
    expect(log).toEqual(["start 1", "end 1", "start 10", "end 10", "start 2", "end 2"]);
  });

  it("a newer list replaces the steps not started; an empty one stops after the running step", async () => {
    const { runner, log, settle } = heldRunner();
    const idle = withIdleWork(runner);
    idle.whenIdle(steps(1, 2));
    idle.whenIdle(steps(3));
    await settle(1);
    idle.whenIdle([]);
    await settle(3);
    expect(log).toEqual(["start 1", "end 1", "start 3", "end 3"]);
  });

  it("a failed step is dropped and the next one runs; a job's own failure reaches its caller", async () => {
    const { runner, log, settle } = heldRunner();
    const idle = withIdleWork(runner);
    idle.whenIdle(steps(1, 2));
    await settle(1, "fail");
    await settle(2);
    const failed = expect(idle.run("sum", { numbers: [10] })).rejects.toThrow("step failed");
    await settle(10, "fail");
    await failed;
    expect(log).toEqual(["start 1", "failed 1", "start 2", "end 2", "start 10", "failed 10"]);
  });

  it("no step starts while a job runs", async () => {
    const { runner, log, settle } = heldRunner();
    const idle = withIdleWork(runner);
    const job = idle.run("sum", { numbers: [10] });
    idle.whenIdle(steps(1));
    await new Promise((ok) => setTimeout(ok, 0));
    expect(log).toEqual(["start 10"]);
    await settle(10);
    await job;
    await settle(1);
    expect(log).toEqual(["start 10", "end 10", "start 1", "end 1"]);
  });

  it("a job cancelled while it waits for a step rejects at once with AbortError and never runs", async () => {
    const { runner, log, settle } = heldRunner();
    const idle = withIdleWork(runner);
    idle.whenIdle(steps(1));
    const controller = new AbortController();
    const job = idle.run("sum", { numbers: [10] }, { signal: controller.signal });
    controller.abort();
    await expect(job).rejects.toMatchObject({ name: "AbortError" });
    await settle(1);
    expect(log).toEqual(["start 1", "end 1"]);
    idle.dispose();
    expect(log).toContain("disposed");
  });

  it("over WorkerClient, the job runs on the worker the step leaves idle: no second worker", async () => {
    const { client, workers, release } = setup();
    const idle = withIdleWork<TestJobs>(client);
    idle.whenIdle([{ kind: "hang", request: null }]);
    const job = idle.run("sum", { numbers: [2, 3] });
    await new Promise((ok) => setTimeout(ok, 10));
    release("step done");
    await expect(job).resolves.toBe(5);
    expect(workers).toHaveLength(1);
    // WorkerClient alone starts a second worker for a job while one runs (the test above).
    expect(workers[0].terminated).toBe(false);
  });
});
