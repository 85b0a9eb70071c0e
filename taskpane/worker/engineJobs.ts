/**
 * The pane's engine jobs, which run in its web workers (engine.worker.ts) so the page never
 * freezes: the forecast's sheets and their B + 3 table, the scenario comparison with its
 * tornado, the two readings of the phase-in side by side, the council page with its Monte Carlo
 * run, meeting mode's key figures and its band, the uncertainty panel's Monte Carlo run and
 * tornado, and the evidence panel's backtest and comparison with published evaluations. The
 * handlers are the pure computations.
 */
import type { ParameterId, ParameterRanges, ScenarioParameters } from "../../src/engine/parameters";
import type { RowError, StayInput } from "../../src/engine/shelter";
import type { Handlers, JobRunner, JobSpec } from "../../src/worker/protocol";
import type { IdleStep } from "../../src/worker/idle";
import { rangedParameters } from "../../src/engine/uncertainty";
import { evidence, type Evidence } from "../../src/sheets/evidence/evidence";
import {
  forecastBudget,
  forecastTables,
  withBudget,
  type BudgetPart,
  type ForecastInput,
  type ForecastSheets,
} from "../../src/sheets/forecast/forecastSheets";
import { meetingFigures, type KeyFigures } from "../../src/sheets/meeting/meeting";
import { compareReadings, type ReadingDifference } from "../../src/sheets/forecast/readings";
import {
  compareScenarios,
  projectionOf,
  sensitivityParts,
  type Comparison,
  type NamedParameters,
  type SensitivityBar,
} from "../../src/sheets/scenarios/compare";
import {
  summarySheet,
  type SummaryRequest,
  type SummarySheet,
} from "../../src/sheets/summary/summarySheet";
import {
  runSensitivity,
  runUncertainty,
  type Progress,
  type UncertaintyRequest,
  type UncertaintyResult,
} from "../../src/sheets/uncertainty/uncertaintyRun";
import { monteCarloBand } from "../../src/sheets/uncertainty/band";
import type { MonteCarloResult } from "../../src/engine/uncertainty";

export interface CompareRequest {
  stays: readonly StayInput[];
  /** The active scenario first. */
  scenarios: readonly NamedParameters[];
}

export interface EngineJobs {
  /** The forecast's sheets without the B + 3 table: one core (forecastOnTwoCores). */
  forecastTables: JobSpec<ForecastInput, never, ForecastSheets>;
  /** The B + 3 table, projected from the same input: the other core. */
  forecastBudget: JobSpec<ForecastInput, never, BudgetPart | undefined>;
  compare: JobSpec<CompareRequest, { done: number; total: number }, Comparison>;
  readings: JobSpec<{ stays: readonly StayInput[] }, never, ReadingDifference[]>;
  summary: JobSpec<SummaryRequest, { done: number; total: number }, SummarySheet>;
  /** Meeting mode's key figures, from the parameters the Scenarier sheet's formula reads. */
  keyFigures: JobSpec<
    { stays: readonly StayInput[]; parameters: ScenarioParameters },
    never,
    KeyFigures | RowError
  >;
  uncertainty: JobSpec<UncertaintyRequest, Progress, UncertaintyResult>;
  /** The scenario's band: the Monte Carlo run every panel shows (band.ts), kept for the next asker. */
  band: JobSpec<
    { stays: readonly StayInput[]; scenario: NamedParameters },
    Progress,
    MonteCarloResult
  >;
  sensitivity: JobSpec<
    { stays: readonly StayInput[]; scenario: NamedParameters },
    Progress,
    SensitivityBar[]
  >;
  /** A scenario's exact projection, kept for the comparison (compare.ts projectionOf). */
  projection: JobSpec<{ stays: readonly StayInput[]; parameters: ScenarioParameters }, never, null>;
  /**
   * Some parameters' bars and switching values of the scenario, worked out while the pane waits
   * for the user and kept for the comparison and the sensitivity job (compare.ts sensitivityParts).
   */
  sensitivityPart: JobSpec<
    { stays: readonly StayInput[]; scenario: NamedParameters; ids: readonly ParameterId[] },
    never,
    null
  >;
  /** Who comes back, the backtest and the published comparison (issue 19). */
  evidence: JobSpec<
    { stays: readonly StayInput[]; parameters: ScenarioParameters; ranges?: ParameterRanges },
    never,
    Evidence
  >;
}

export const ENGINE_HANDLERS: Handlers<EngineJobs> = {
  forecastTables: (input) => forecastTables(input),
  forecastBudget: (input) => forecastBudget(input),
  compare: ({ stays, scenarios }, progress) => compareScenarios(stays, scenarios, progress),
  readings: ({ stays }) => compareReadings(stays),
  summary: (request, progress) => summarySheet(request, progress),
  keyFigures: ({ stays, parameters }) => meetingFigures(stays, parameters),
  uncertainty: (request, progress) => runUncertainty(request, progress),
  band: ({ stays, scenario }, progress) =>
    monteCarloBand({ stays, parameters: scenario.parameters, ranges: scenario.ranges }, progress),
  sensitivity: (request, progress) => runSensitivity(request, progress),
  projection: ({ stays, parameters }) => (projectionOf(stays, parameters), null),
  sensitivityPart: ({ stays, scenario, ids }) => (sensitivityParts(stays, scenario, ids), null),
  evidence: (request) => evidence(request),
};

/**
 * Ranged parameters an idle step works out. A job asked for during a step waits for it: measured
 * in Node, a step takes up to 0,3 s on the demo municipality (the first, which also prepares the
 * timeline every job on the stays needs) and up to 1,5 s on 50 000 stays (the horizon's 30-year
 * draw; the stay-length trend's 1,0 s; the others under 0,4 s). Fewer a step would not shorten
 * those two and would copy the stays to the worker more often.
 */
const PARAMETERS_PER_STEP = 3;

/** The scenario's tornado and switching values as idle steps (sensitivityPart), in registry order. */
function sensitivityInParts(
  stays: readonly StayInput[],
  scenario: NamedParameters
): IdleStep<EngineJobs>[] {
  const ids = rangedParameters(scenario.ranges).map((def) => def.id);
  return Array.from({ length: Math.ceil(ids.length / PARAMETERS_PER_STEP) }, (_, i) => ({
    kind: "sensitivityPart" as const,
    request: {
      stays,
      scenario,
      ids: ids.slice(i * PARAMETERS_PER_STEP, (i + 1) * PARAMETERS_PER_STEP),
    },
  }));
}

/**
 * What a comparison of `scenarios` (the active one first, comparedScenarios) asks of the engine,
 * as idle steps: the active scenario's projection, its tornado and switching values, then the
 * others' projections.
 */
export function comparisonInParts(
  stays: readonly StayInput[],
  [active, ...others]: readonly Omit<NamedParameters, "name">[]
): IdleStep<EngineJobs>[] {
  const projection = ({ parameters }: Omit<NamedParameters, "name">): IdleStep<EngineJobs> => ({
    kind: "projection",
    request: { stays, parameters },
  });
  return [
    projection(active),
    ...sensitivityInParts(stays, { name: "", ...active }),
    ...others.map(projection),
  ];
}

/**
 * The forecast's sheets as two jobs at once, each in its own worker (WorkerClient starts a second
 * when the first is busy): the § 110 forecast with its audit on one core, the projection behind
 * the B + 3 table on the other. Neither needs the other (forecastBudget), so the pane waits for
 * the longer of the two, not their sum. A failure of either cancels the other.
 */
export async function forecastOnTwoCores(
  engine: JobRunner<EngineJobs>,
  input: ForecastInput,
  signal?: AbortSignal
): Promise<ForecastSheets> {
  const both = new AbortController();
  const cancel = () => both.abort();
  if (signal?.aborted) cancel();
  signal?.addEventListener("abort", cancel);
  try {
    const [sheets, budget] = await Promise.all([
      engine.run("forecastTables", input, { signal: both.signal }),
      engine.run("forecastBudget", input, { signal: both.signal }),
    ]).catch((error: unknown) => {
      cancel();
      throw error;
    });
    return withBudget(sheets, budget);
  } finally {
    signal?.removeEventListener("abort", cancel);
  }
}
