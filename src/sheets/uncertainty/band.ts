/**
 * One band everywhere (issue 23): the council page, meeting mode and the uncertainty panel show a
 * scenario's P10–P90 from one Monte Carlo run, MONTE_CARLO_DRAWS draws from MONTE_CARLO_SEED
 * (src/engine/uncertainty.ts), asked for through monteCarloBand; DK.HOUSINGFIRSTUNCERTAINTY runs
 * the same engine call with the same defaults, so the cell shows the same band.
 *
 * The pane runs these in its engine worker, which keeps, for the stays last asked about, their
 * ProjectionRunner (runnerFor: the prepared and compiled timelines, so a comparison, the council
 * page and a meeting's sliders project on timelines already prepared) and, here, the last run (a
 * second panel asking for the same scenario gets the same numbers at once).
 */
import type { ParameterRanges, ScenarioParameters } from "../../engine/parameters";
import type { RuleSetName } from "../../engine/rules";
import type { RowError, StayInput } from "../../engine/shelter";
import { runnerFor, staysFingerprint } from "../../engine/uncertainty";
import {
  MONTE_CARLO_DRAWS,
  MONTE_CARLO_SEED,
  runMonteCarlo,
  type MonteCarloResult,
} from "../../engine/uncertainty";

export interface BandRequest {
  stays: readonly StayInput[];
  parameters: ScenarioParameters;
  /** The scenario's own low–high values (else the registry's). */
  ranges?: ParameterRanges;
  rules?: RuleSetName;
  /** The uncertainty panel's own choice; else MONTE_CARLO_DRAWS from MONTE_CARLO_SEED. */
  draws?: number;
  seed?: number;
}

let last: { key: string; result: MonteCarloResult } | undefined;

/**
 * The Monte Carlo run of the scenario: the last one again when it is the same request; the
 * engine's Danish error when the scenario cannot be projected or the draws or the seed will not
 * do. `onProgress` in draws.
 */
export function bandOrError(
  request: BandRequest,
  onProgress?: (progress: { done: number; total: number }) => void
): MonteCarloResult | RowError {
  const { stays, parameters, ranges = {}, rules = "NY" } = request;
  const draws = request.draws ?? MONTE_CARLO_DRAWS;
  const seed = request.seed ?? MONTE_CARLO_SEED;
  const key = JSON.stringify([staysFingerprint(stays), rules, draws, seed, parameters, ranges]);
  if (last?.key === key) {
    onProgress?.({ done: draws, total: draws });
    return last.result;
  }
  const result = runMonteCarlo(stays, parameters, {
    draws,
    seed,
    ranges,
    runner: runnerFor(stays, rules),
    onProgress: (done, total) => onProgress?.({ done, total }),
  });
  // Never null: nothing here cancels (the pane ends the worker instead).
  if (result === null) throw new Error("Monte Carlo-kørslen blev stoppet");
  if (!("code" in result)) last = { key, result };
  return result;
}

/** bandOrError, throwing the engine's Danish message. */
export function monteCarloBand(
  request: BandRequest,
  onProgress?: (progress: { done: number; total: number }) => void
): MonteCarloResult {
  const result = bandOrError(request, onProgress);
  if ("code" in result) throw new Error(result.message);
  return result;
}
