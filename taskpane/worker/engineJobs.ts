/**
 * The pane's engine jobs, which run in its web worker (engine.worker.ts) so the page never
 * freezes: the forecast's sheets, the scenario comparison with its tornado, and the two readings
 * of the phase-in side by side, and the council page with its Monte Carlo run. The handlers are
 * the pure computations.
 */
import type { StayInput } from "../../src/engine/shelter";
import type { Handlers, JobSpec } from "../../src/worker/protocol";
import { forecastSheets, type ForecastInput, type ForecastSheets } from "../forecastSheets";
import { compareReadings, type ReadingDifference } from "../readings";
import { compareScenarios, type Comparison, type NamedParameters } from "../scenarios/compare";
import { summarySheet, type SummaryRequest, type SummarySheet } from "../summary/summarySheet";

export interface CompareRequest {
  stays: readonly StayInput[];
  /** The active scenario first. */
  scenarios: readonly NamedParameters[];
}

export interface EngineJobs {
  forecast: JobSpec<ForecastInput, never, ForecastSheets>;
  compare: JobSpec<CompareRequest, { done: number; total: number }, Comparison>;
  readings: JobSpec<{ stays: readonly StayInput[] }, never, ReadingDifference[]>;
  summary: JobSpec<SummaryRequest, { done: number; total: number }, SummarySheet>;
}

export const ENGINE_HANDLERS: Handlers<EngineJobs> = {
  forecast: (input) => forecastSheets(input),
  compare: ({ stays, scenarios }, progress) => compareScenarios(stays, scenarios, progress),
  readings: ({ stays }) => compareReadings(stays),
  summary: (request, progress) => summarySheet(request, progress),
};
