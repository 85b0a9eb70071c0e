/**
 * The uncertainty panel's computations, run in the pane's engine worker (taskpane/worker) as two
 * jobs, so the Monte Carlo result shows as soon as it is there: the Monte Carlo run of the active
 * scenario with its own NPV, then the tornado over each parameter's low–high range with
 * switching values (src/engine/uncertainty/), both on the worker's runner of the stays
 * (runnerFor). Plain numbers out, so each result survives the worker's structured clone.
 */
import { isProjectionError } from "../../engine/projection";
import type { StayInput } from "../../engine/shelter";
import { rangedParameters, runnerFor, type MonteCarloResult } from "../../engine/uncertainty";
import { bandOrError } from "./band";
import { sensitivity, type NamedParameters, type SensitivityBar } from "../scenarios/compare";

export interface UncertaintyRequest {
  stays: readonly StayInput[];
  scenario: NamedParameters;
  draws: number;
  seed: number;
}

export interface UncertaintyResult {
  name: string;
  /** The scenario's own NPV at its own values: the budget case and the public-sector value. */
  npv: number;
  publicNpv: number;
  monteCarlo: MonteCarloResult;
}

export type Progress = { done: number; total: number };

const refused = (scenario: NamedParameters, message: string) =>
  new Error(`Scenariet «${scenario.name}»: ${message}`);

/**
 * The Monte Carlo run (band.ts: with the default draws and seed, the band every panel shows);
 * progress in draws.
 */
export function runUncertainty(
  { stays, scenario, draws, seed }: UncertaintyRequest,
  onProgress?: (progress: Progress) => void
): UncertaintyResult {
  const own = runnerFor(stays).run(scenario.parameters);
  if (isProjectionError(own)) throw refused(scenario, own.message);
  const monteCarlo = bandOrError(
    { stays, parameters: scenario.parameters, ranges: scenario.ranges, draws, seed },
    onProgress
  );
  if ("code" in monteCarlo) throw refused(scenario, monteCarlo.message);
  return {
    name: scenario.name,
    npv: own.npv.toNumber(),
    publicNpv: own.public.npv.toNumber(),
    monteCarlo,
  };
}

/** The steps of the sensitivity job: each ranged parameter's switching value and its bar. */
export const sensitivitySteps = (scenario: NamedParameters): number =>
  2 * rangedParameters(scenario.ranges).length;

/** The tornado with switching values, widest swing first; progress in steps. */
export function runSensitivity(
  { stays, scenario }: { stays: readonly StayInput[]; scenario: NamedParameters },
  onProgress?: (progress: Progress) => void
): SensitivityBar[] {
  const total = sensitivitySteps(scenario);
  let done = 0;
  return sensitivity(stays, scenario, () => onProgress?.({ done: ++done, total }));
}
