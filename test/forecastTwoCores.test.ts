/**
 * The forecast on two cores: its tables in one job, the B + 3 table's projection in another
 * (forecastOnTwoCores). Oracles: the sheets computed in one piece, and the B + 3 table built
 * from the forecast's own years as budgetYears reads them, with and without a projection.
 */
import { describe, expect, it } from "@jest/globals";
import { computeForecast } from "../src/engine/forecast";
import { DEFAULT_PARAMETERS } from "../src/engine/parameters";
import { computeProjection, isProjectionError } from "../src/engine/projection";
import { budgetYears } from "../src/sheets/budget/budgetYears";
import {
  forecastBudget,
  forecastSheets,
  type ForecastInput,
} from "../src/sheets/forecast/forecastSheets";
import { inThread } from "../src/worker/client";
import type { JobRunner } from "../src/worker/protocol";
import { AbortError } from "../src/workbook/workbook";
import {
  ENGINE_HANDLERS,
  forecastOnTwoCores,
  type EngineJobs,
} from "../taskpane/worker/engineJobs";
import { sampleRows } from "./fixtures";

function sampleInput(parameters = DEFAULT_PARAMETERS): ForecastInput {
  const { stays, stayRows } = sampleRows({ rows: 400 });
  return { stays, stayRows, bad: [], pseudonymise: false, scenario: { name: "Plan", parameters } };
}

/** A base year without nights: the projection refuses, and the table says why. */
const refused = { ...DEFAULT_PARAMETERS, baseYear: 2001 };

describe("the forecast's B + 3 table needs no forecast", () => {
  for (const [what, parameters] of [
    ["with a projection", DEFAULT_PARAMETERS],
    ["when the projection is refused", refused],
  ] as const) {
    it(`${what}: the table equals the one built beside the forecast's years`, () => {
      const input = sampleInput(parameters);
      const projection = computeProjection(input.stays, parameters);
      expect(isProjectionError(projection)).toBe(parameters === refused);
      const beside = budgetYears({
        forecastYears: computeForecast(input.stays).years,
        ...(!isProjectionError(projection) && { projection }),
        indexation: parameters.rateIndexation,
      });
      const part = forecastBudget(input)!;
      expect(part.table).toEqual(beside);
      expect(part.table.rows[0].current.some((x) => x !== null)).toBe(parameters !== refused);
      expect(part.problem === undefined).toBe(parameters !== refused);
    });
  }
});

describe("forecastOnTwoCores", () => {
  it("gives the sheets computed in one piece, the B + 3 table under the title", async () => {
    const input = sampleInput();
    const sheets = await forecastOnTwoCores(inThread(ENGINE_HANDLERS), input);
    expect(sheets).toEqual(forecastSheets(input));
    expect(sheets.summary.budget?.budgetYear).toBeGreaterThan(2026);
    expect(sheets.forecast.sections.map((s) => s.at).slice(0, 2)).toEqual(["A1", "A2"]);
  });

  it("a failing job cancels the other one and the run fails with its error", async () => {
    let tablesSignal: AbortSignal | undefined;
    const engine = {
      run: (kind: string, _request: unknown, options: { signal?: AbortSignal } = {}) => {
        if (kind === "forecastBudget") return Promise.reject(new Error("projektionen fejlede"));
        tablesSignal = options.signal;
        return new Promise((_, reject) =>
          options.signal?.addEventListener("abort", () => reject(new AbortError()))
        );
      },
      dispose() {},
    } as unknown as JobRunner<EngineJobs>;
    await expect(forecastOnTwoCores(engine, sampleInput())).rejects.toThrow("projektionen fejlede");
    expect(tablesSignal?.aborted).toBe(true);
  });

  it("the user's cancel reaches both jobs", async () => {
    const signals: AbortSignal[] = [];
    const engine = {
      run: (_kind: string, _request: unknown, options: { signal?: AbortSignal } = {}) => {
        signals.push(options.signal!);
        return new Promise((_, reject) =>
          options.signal?.addEventListener("abort", () => reject(new AbortError()))
        );
      },
      dispose() {},
    } as unknown as JobRunner<EngineJobs>;
    const user = new AbortController();
    const run = forecastOnTwoCores(engine, sampleInput(), user.signal);
    user.abort();
    await expect(run).rejects.toBeInstanceOf(AbortError);
    expect(signals.map((s) => s.aborted)).toEqual([true, true]);
  });
});
