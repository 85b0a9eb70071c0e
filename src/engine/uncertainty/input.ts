/**
 * The uncertainty runs' arguments checked at the engine's door (runMonteCarlo, tornado,
 * switchingValues): the engine is reached by the pane, by templates and by custom functions, so
 * a draw count, a seed or a low–high range that the pane would refuse is refused here too, with
 * the pane's own words (taskpane/uncertainty uses these checks), never a RangeError, a NaN, an
 * out-of-memory or a seed silently taken modulo 2³² or as 0.
 */
import {
  PARAMETERS,
  parameterById,
  validateParameterRange,
  type ParameterDef,
  type ParameterId,
  type ParameterRanges,
} from "../parameters";
import { problemError, type Problem } from "../../messages";
import type { RowError } from "../shelter";

/** The draws a run may have: enough for P10 and P90 to mean something, few enough to finish. */
export const MIN_DRAWS = 100;
export const MAX_DRAWS = 20_000;
/** A seed is any 32-bit unsigned whole number (the generator's state, random.ts). */
export const MAX_SEED = 2 ** 32 - 1;

const wholeIn = (value: unknown, min: number, max: number): boolean =>
  typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;

/** Why a draw count is refused, or undefined when it is a whole number from 100 to 20 000. */
export function drawsProblem(draws: unknown): RowError | undefined {
  return wholeIn(draws, MIN_DRAWS, MAX_DRAWS)
    ? undefined
    : problemError({ id: "drawsInvalid", min: MIN_DRAWS, max: MAX_DRAWS });
}

/** Why a seed is refused, or undefined when it is a whole number from 0 to 2³² − 1. */
export function seedProblem(seed: unknown): RowError | undefined {
  return wholeIn(seed, 0, MAX_SEED)
    ? undefined
    : problemError({ id: "seedInvalid", max: MAX_SEED });
}

const isParameterId = (id: string): id is ParameterId => PARAMETERS.some((p) => p.id === id);

/**
 * Why a scenario's own low–high values are refused (every problem, one message), or undefined:
 * each a known parameter's, both ends finite numbers inside the parameter's allowed values (whole
 * where it is), low at most high, with the Scenarier sheet's words (validateParameterRange). A
 * parameter estimated from the register takes a range too (the uncertainty runs use it); one
 * without any range (the base year) does not. A range without its own source keeps the
 * registry's, so no source is required here.
 */
export function rangesProblem(ranges: ParameterRanges | undefined): RowError | undefined {
  if (ranges === undefined) return undefined;
  if (typeof ranges !== "object" || ranges === null || Array.isArray(ranges))
    return problemError({ id: "rangesNotPerParameter" });
  const problems: Problem[] = [];
  for (const [id, range] of Object.entries(ranges)) {
    if (range === undefined) continue;
    if (!isParameterId(id)) {
      problems.push({ id: "rangeForUnknownParameter", name: id });
      continue;
    }
    const def = parameterById(id);
    if (typeof range !== "object" || range === null) {
      problems.push({ id: "rangeNeedsLowAndHigh", parameter: def.id });
      continue;
    }
    const ranged = withRange(def);
    const blank =
      range.source === undefined ||
      range.source === null ||
      (typeof range.source === "string" && range.source.trim() === "");
    const source = blank ? ranged.range?.source : range.source;
    const checked = validateParameterRange(ranged, range.low, range.high, source);
    if (Array.isArray(checked)) problems.push(...checked.map((e) => e.problem));
  }
  return problems.length === 0 ? undefined : problemError({ id: "rangesRefused", problems });
}

/** A parameter estimated from the register has its reserve's range where the registry has none. */
const withRange = (def: ParameterDef): ParameterDef =>
  def.range || !def.estimated ? def : { ...def, range: def.estimated.reserve };

/** The Monte Carlo run's arguments: the draw count, the seed and the scenario's own ranges. */
export function monteCarloProblem(options: {
  draws: unknown;
  seed: unknown;
  ranges?: ParameterRanges;
}): RowError | undefined {
  return drawsProblem(options.draws) ?? seedProblem(options.seed) ?? rangesProblem(options.ranges);
}
