/**
 * The worker-backed custom functions (registry.ts OFF_THREAD, offThread.ts, functionJobs.ts) in
 * Node: jest runs no web workers, so the job module runs here as the worker runs it, behind a
 * runner that structured-clones what crosses as a browser does (the real worker runs in
 * test/browser/functionsWorker.test.ts). Results equal the synchronous functions', error values
 * included; small calls stay inline; Excel's cancel ends the job.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { PARAMETERS } from "../src/engine/parameters";
import { FUNCTION_HANDLERS, type FunctionJobs } from "../src/functions/functionJobs";
import * as node from "../src/functions/functions";
import { runFunctionsOn, offThread } from "../src/functions/offThread";
import * as registered from "../src/functions/registered";
import { EXCEL_FUNCTIONS, FUNCTION_IDS, OFF_THREAD } from "../src/functions/registry";
import { cellError, isErrorValue } from "../src/functions/runtime";
import { postArgs, receiveArgs } from "../src/worker/cellArgs";
import { inThread } from "../src/worker/client";
import type { JobRunner } from "../src/worker/protocol";
import { queued } from "../src/worker/queued";
import { AbortError } from "../src/workbook/workbook";
import { benchRows } from "../bench/stays";

/** The job module as a worker runs it: request and result copied as postMessage copies them. */
function clonedWorker(): JobRunner<FunctionJobs> & { runs: number } {
  const handlers = inThread(FUNCTION_HANDLERS);
  const runner = {
    runs: 0,
    async run(kind: "call", request: FunctionJobs["call"]["request"], options = {}) {
      runner.runs++;
      const result = await handlers.run(kind, structuredClone(request), options);
      return structuredClone(result);
    },
    dispose() {},
  };
  return runner;
}

afterEach(() => runFunctionsOn(inThread(FUNCTION_HANDLERS)));

const rows = benchRows(2_000, 500);
type Stays = [unknown[][], unknown[][], unknown[][], unknown[][], unknown[][]];
const stays: Stays = [rows.citizen, rows.admission, rows.discharge, rows.rate, rows.selfPayment];
const parameters = PARAMETERS.map((p) => [p.name, p.default]);
// A bad row and an error cell from another formula: each row keeps its own error value.
const withErrors = stays.map((c) => c.map((r) => [...r])) as Stays;
withErrors[1][5] = ["31-02-2026"];
withErrors[0][9] = [cellError("#N/A", "fra en anden celle")];

describe("the job module answers as the synchronous functions", () => {
  it.each([
    ["REFUSIONPROGNOSE", [...stays, null, null]],
    ["HOUSINGFIRSTPROJECTION", [...stays, parameters, null]],
    ["REFUSION110", [...withErrors, null, 46388, null]],
    ["REFUSIONDAYS110", [withErrors[0], withErrors[1], withErrors[2], null, null, "NY-VINDUE"]],
  ] as const)("%s on 2 000 stays, posted and answered as copies", async (id, args) => {
    const expected = (EXCEL_FUNCTIONS[id] as (...a: unknown[]) => unknown[][])(...args);
    const posted = structuredClone(postArgs(args, (c) => (isErrorValue(c) ? { ...c } : c)));
    const answered = structuredClone(
      await FUNCTION_HANDLERS.call({ id, args: posted }, () => undefined)
    );
    // Error values cross as plain { code, message }: the same cells otherwise.
    expect(JSON.parse(JSON.stringify(answered))).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(answered.length).toBe(expected.length);
  });

  it("a one-column range crosses as its column and is rebuilt as the range", () => {
    const posted = postArgs([rows.citizen, 1000, [["a", 1]]]);
    expect(posted[0]).toEqual({ column: rows.citizen.map((r) => r[0]) });
    expect(receiveArgs(structuredClone(posted))).toEqual([rows.citizen, 1000, [["a", 1]]]);
  });
});

describe("the registered functions through a worker", () => {
  it("equal the synchronous results, error values as the runtime's errors again", async () => {
    const worker = clonedWorker();
    runFunctionsOn(worker);
    const forecast = await registered.refusionPrognose(...stays);
    expect(forecast).toEqual(node.forecast(...stays));
    const refunds = await registered.refusion110(...withErrors);
    expect(refunds).toEqual(node.refusion110(...withErrors));
    const errors = refunds.flat().filter(isErrorValue);
    expect(errors.map((e) => [e.code, e.message])).toEqual([
      ["#VALUE!", expect.stringContaining("31-02-2026")],
      ["#VALUE!", "Borger: cellen indeholder fejlen #N/A"],
    ]);
    expect(errors.every((e) => e instanceof cellError("#N/A", "").constructor)).toBe(true);
    const projection = await registered.housingFirstProjection(...stays, parameters);
    expect(projection).toEqual(node.projection(...stays, parameters));
    expect(worker.runs).toBe(3);
  });

  it("a row-wise call under its threshold computes inline; a table always goes to the worker", async () => {
    const worker = clonedWorker();
    runFunctionsOn(worker);
    const few = stays.map((c) => c.slice(0, OFF_THREAD.REFUSION110 - 1)) as Stays;
    expect(await registered.refusion110(...few)).toEqual(node.refusion110(...few));
    const one = ["A", "2026-05-01", "2026-06-01", 1200] as unknown as Stays;
    expect(await registered.refusion110(...one, [[200]])).toEqual([[15500]]);
    expect(worker.runs).toBe(0);
    await registered.refusionPrognose(...one);
    expect(worker.runs).toBe(1);
  });

  it("Excel's cancel ends the job: its promise rejects with AbortError", async () => {
    let seen: AbortSignal | undefined;
    runFunctionsOn({
      run: (_kind, _request, options) =>
        new Promise((_, reject) => {
          seen = options?.signal;
          seen?.addEventListener("abort", () => reject(new AbortError()));
        }),
      dispose() {},
    });
    const invocation: CustomFunctions.CancelableInvocation = {};
    const call = offThread("REFUSIONPROGNOSE", [...stays, null, null], invocation);
    expect(typeof invocation.onCanceled).toBe("function");
    invocation.onCanceled!();
    await expect(call).rejects.toMatchObject({ name: "AbortError" });
    expect(seen?.aborted).toBe(true);
  });

  it("a worker that cannot run (blocked by a policy) leaves the call to this thread, same result", async () => {
    runFunctionsOn({
      run: () => Promise.reject(new Error("Refused to create a worker")),
      dispose() {},
    });
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      expect(await offThread("REFUSIONPROGNOSE", [...stays, null, null])).toEqual(
        EXCEL_FUNCTIONS.REFUSIONPROGNOSE(...stays)
      );
    } finally {
      console.warn = warn;
    }
  });

  it("exactly the functions of OFF_THREAD answer Excel with a promise", () => {
    const promised = Object.entries(registered)
      .filter(
        ([, fn]) => (fn as (...a: unknown[]) => unknown)("A", 46143, 46174, 1000) instanceof Promise
      )
      .map(([name]) => name.toUpperCase());
    expect(promised.sort()).toEqual(Object.keys(OFF_THREAD).sort());
    expect(
      Object.keys(registered)
        .map((n) => n.toUpperCase())
        .sort()
    ).toEqual([...FUNCTION_IDS].sort());
  });
});

describe("queued: at most n jobs at a time", () => {
  it("runs two at once, the third when one ends, in order; a waiting job cancelled never runs", async () => {
    const started: number[] = [];
    const finish: (() => void)[] = [];
    const runner = queued<FunctionJobs>(
      {
        run: (_kind, request) =>
          new Promise((ok) => {
            started.push(request.args.length);
            finish.push(() => ok([[request.args.length]]));
          }),
        dispose() {},
      },
      2
    );
    const call = (n: number, signal?: AbortSignal) =>
      runner.run("call", { id: "REFUSION110", args: postArgs(Array(n).fill(1)) }, { signal });
    const a = call(1);
    const b = call(2);
    const cancelled = new AbortController();
    const c = call(3, cancelled.signal);
    const d = call(4);
    await Promise.resolve();
    expect(started).toEqual([1, 2]);
    cancelled.abort();
    await expect(c).rejects.toMatchObject({ name: "AbortError" });
    finish[0]();
    await expect(a).resolves.toEqual([[1]]);
    await Promise.resolve();
    expect(started).toEqual([1, 2, 4]);
    finish[1]();
    finish[2]();
    await expect(b).resolves.toEqual([[2]]);
    await expect(d).resolves.toEqual([[4]]);
  });
});
