/**
 * How sure are we? The projection's NPV, return per krone and break-even year under the
 * uncertainty of its inputs (Monte Carlo), each input's tornado bar over its low–high range, and
 * each input's switching value: the value at which the NPV turns 0 (HM Treasury, The Green Book
 * (2018), §5.60–5.61 on switching values and A5.22 on Monte Carlo analysis).
 *
 * Monte Carlo: the parameters marked uncertain in the registry are drawn together by Latin
 * hypercube sampling (each parameter's range cut into as many equally likely strata as there are
 * draws, one draw in each, strata paired at random), from a triangular distribution with the
 * scenario's value as its mode and the registry's low and high values as its ends, seeded, so a
 * run is reproducible. A scenario's own low–high values (ParameterRanges: from the Scenarier sheet
 * or a template) replace the registry's for its parameters, in the run and in the tornado. The
 * other parameters keep the scenario's values. The stay-length trend is drawn in ten strata, so
 * that draws with the same trend share one prepared timeline (monteCarlo.ts).
 *
 * runner.ts prepares a projection once and evaluates it many times, ranges.ts says what range a
 * parameter moves over, monteCarlo.ts draws, sensitivity.ts gives the tornado and the switching
 * values, input.ts checks the draws, the seed and the ranges at the door (issue 25). Import from
 * here.
 */
export {
  MAX_DRAWS,
  MAX_SEED,
  MIN_DRAWS,
  drawsProblem,
  monteCarloProblem,
  rangesProblem,
  seedProblem,
} from "./input";
export { ProjectionRunner, runnerFor, staysFingerprint } from "./runner";
export { rangeAround } from "./ranges";
export {
  MONTE_CARLO_DRAWS,
  MONTE_CARLO_SEED,
  TREND_STRATA,
  drawnRanges,
  monteCarloDraws,
  runMonteCarlo,
  type MonteCarloOptions,
  type MonteCarloResult,
  type Spread,
  type ViewSpread,
} from "./monteCarlo";
export {
  bySwing,
  rangedParameters,
  switchingValues,
  tornado,
  type SensitivityOptions,
  type SwitchingValue,
  type TornadoBar,
  type View,
} from "./sensitivity";
