/**
 * The runs behind the council page, for the active scenario: the projection, the tornado over every
 * range (both headlines' NPVs at each end), the Monte Carlo run, the user groups, and the evidence
 * (who comes back, the backtest, the published comparison). Pure, so the pane runs it in its
 * engine worker.
 */
import type { Serial } from "../../engine/calendar";
import { isProjectionError, type Projection } from "../../engine/projection";
import type { ParameterRanges, ScenarioParameters } from "../../engine/parameters";
import { RULE_SETS, type RuleSetName } from "../../engine/rules";
import type { StayInput } from "../../engine/shelter";
import { groupFigures, type GroupFigures } from "../../engine/typology";
import {
  rangedParameters,
  runnerFor,
  tornado,
  type MonteCarloResult,
  type TornadoBar,
} from "../../engine/uncertainty";
import { evidence, type Evidence } from "../evidence/evidence";
import { monteCarloBand } from "../uncertainty/band";
import type { SummaryLanguage } from "./summaryTexts";

export interface SummaryRequest {
  stays: readonly StayInput[];
  scenario: { name: string; parameters: ScenarioParameters };
  /** The Scenarier sheet's own low–high values (the registry's where it has none). */
  ranges?: ParameterRanges;
  rules: RuleSetName;
  /** The date on the stamp (the pane's today). */
  today: Serial;
  /** The Monte Carlo run behind the ranges. */
  draws: number;
  seed: number;
  /** The page's language: the pane's (default Danish). */
  language?: SummaryLanguage;
  /** Who the page is from, as the pane asks for it. */
  document?: { municipality?: string; author?: string };
}

export interface SummaryFigures {
  projection: Projection;
  /** The tornado over every ranged parameter, widest budget swing first. */
  bars: TornadoBar[];
  /** The scenario with the blank estimated parameters filled, and every range used. */
  resolved: { parameters: ScenarioParameters; ranges: ParameterRanges };
  monteCarlo: MonteCarloResult;
  groups: GroupFigures[];
  evidence: Evidence;
}

/** The figures; throws with the engine's Danish message when the scenario cannot be projected. */
export function summaryFigures(
  request: SummaryRequest,
  onProgress?: (progress: { done: number; total: number }) => void
): SummaryFigures {
  const { stays, scenario } = request;
  const p = scenario.parameters;
  const rules = RULE_SETS[request.rules];
  // The worker's runner of the stays (runnerFor): one prepared timeline for the page's projection,
  // its tornado, its evidence and its Monte Carlo run, and for the pane's next job.
  const runner = runnerFor(stays, request.rules);
  const projection = runner.run(p);
  if (isProjectionError(projection)) throw new Error(projection.message);
  const ranges = request.ranges ?? {};
  const resolved = runner.resolve(p, ranges);
  if (isProjectionError(resolved)) throw new Error(resolved.message);
  const tornadoSteps = 2 * rangedParameters(resolved.ranges).length;
  const total = tornadoSteps + request.draws;
  const bars = tornado(stays, p, { rules, ranges, runner });
  if (isProjectionError(bars)) throw new Error(bars.message);
  onProgress?.({ done: tornadoSteps, total });
  // The band every panel shows for the scenario (band.ts).
  const monteCarlo = monteCarloBand(
    {
      stays,
      parameters: p,
      ranges,
      rules: request.rules,
      draws: request.draws,
      seed: request.seed,
    },
    ({ done }) => onProgress?.({ done: tornadoSteps + done, total })
  );
  const groups = groupFigures(
    stays,
    projection.baseYear,
    {
      years: p.typologyYears,
      chronicNights: p.chronicNights,
      episodicEpisodes: p.episodicEpisodes,
      episodeGapDays: p.episodeGapDays,
    },
    { rules }
  );
  return {
    projection,
    bars,
    resolved,
    monteCarlo,
    groups,
    evidence: evidence({ stays, parameters: p, ranges, options: { rules }, bars }),
  };
}
