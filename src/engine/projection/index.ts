/**
 * "Cost if we don't act" and the Housing First scenario: a projection of the coming years from
 * the municipality's own stays, under the § 110 rules of rules.ts. docs/model.md is the
 * council-paper account of the model; each module here says which part it computes:
 * - timeline.ts: the canonical stays and the no-action timeline (the base year's admissions recur);
 * - tallies.ts: exact per-year tallies of nights and øre, priced per calendar year;
 * - queue.ts: spells, the spells that pass the threshold, and the dwellings as a queue;
 * - housingFirst.ts: the Housing First path (moves, support, § 85 a, relapse, move-away);
 * - prepare.ts: what is computed once per timeline; evaluate.ts: the year table and the NPV.
 */
export { canonicalStays, defaultBaseYear, projectionTimeline, type TimelineStay } from "./timeline";
export {
  prepareProjection,
  preparedKey,
  servesDraw,
  type PreparedProjection,
  type ProjectionOptions,
} from "./prepare";
export {
  computeProjection,
  evaluateProjection,
  isProjectionError,
  type HousingFirstYear,
  type NoActionYear,
  type Projection,
  type ProjectionYear,
} from "./evaluate";
export {
  BACKTEST_FIGURES,
  computeBacktest,
  differencePercent,
  type Backtest,
  type BacktestFigures,
  type BacktestYear,
} from "./backtest";
export {
  RETURN_QUANTITIES,
  estimatedRanges,
  withEstimates,
  type Estimate,
  type ReturnEstimates,
} from "./returns";
