/**
 * The Monte Carlo run: the parameters marked uncertain in the registry drawn together by Latin
 * hypercube sampling from triangular distributions around the scenario's values, seeded, and the
 * spread of both headlines' NPV, return per krone and break-even year over the draws (HM
 * Treasury, The Green Book (2018), A5.22).
 *
 * The stay-length trend shapes the timeline itself (every draw of a trend shares one prepared and
 * compiled timeline, projection/compiled.ts), so it is drawn in TREND_STRATA equally likely
 * strata, each draw at its stratum's middle (the triangular distribution's quantile
 * (k + ½) / TREND_STRATA, rounded to 0,1 percentage point): ten strata of a range of ±2,5
 * percentage points are finer than anyone knows the trend. A draw is evaluated over the compiled
 * timeline in floating point (projection/draw.ts), within 1 kr. of the exact projection with the
 * same parameters.
 */
import {
  PARAMETERS,
  parameterById,
  rangeOf,
  type ParameterDef,
  type ParameterId,
  type ParameterRanges,
  type ScenarioParameters,
} from "../parameters";
import { isProjectionError, preparedKey, type ProjectionOptions } from "../projection";
import type { DrawView } from "../projection/draw";
import { ProjectionRunner } from "./runner";
import { rangeAround } from "./ranges";
import { percentile } from "../percentile";
import { seededRandom } from "../random";
import type { RowError, StayInput } from "../shelter";
import { monteCarloProblem } from "./input";

export interface Spread {
  p10: number;
  p50: number;
  p90: number;
  mean: number;
}

function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return {
    p10: percentile(sorted, 0.1),
    p50: percentile(sorted, 0.5),
    p90: percentile(sorted, 0.9),
    mean,
  };
}

/**
 * The run every band shown for a scenario comes from (the council page, meeting mode, the
 * uncertainty panel, DK.HOUSINGFIRSTUNCERTAINTY): enough draws for stable P10 and P90, and a
 * fixed seed, so one scenario has one band everywhere.
 */
export const MONTE_CARLO_DRAWS = 1000;
export const MONTE_CARLO_SEED = 2023;

export interface MonteCarloOptions {
  /** MIN_DRAWS..MAX_DRAWS (input.ts). */
  draws: number;
  /** 0..MAX_SEED. */
  seed: number;
  /** Called now and then with the draws done. */
  onProgress?: (done: number, total: number) => void;
  /** Asked between draws; true stops the run (it returns null). */
  cancelled?: () => boolean;
  /** The scenario's own low–high values (else the registry's). */
  ranges?: ParameterRanges;
  /** A runner of these stays whose prepared timelines the run uses and keeps (its options rule). */
  runner?: ProjectionRunner;
}

export interface MonteCarloResult {
  draws: number;
  seed: number;
  /** The parameters drawn, with the range each was drawn from. */
  drawn: { id: ParameterId; low: number; mode: number; high: number }[];
  /** NPV in kroner. */
  npv: Spread;
  /** Return per krone; draws without a programme cost are left out (null if all were). */
  ratio: Spread | null;
  /**
   * Break-even year as P10/P50/P90, with draws that do not break even within the horizon
   * counted as later than any year: null when the percentile falls among those.
   */
  breakEven: { p10: number | null; p50: number | null; p90: number | null };
  /** Share of the draws with NPV > 0. */
  probabilityPositive: number;
  /** The NPVs in equal-width bins. */
  histogram: { from: number; to: number; count: number }[];
  /** The same of the public-sector value (its NPV, return per krone and break-even). */
  public: ViewSpread;
}

/** A view's NPV, return per krone and break-even over the draws. */
export interface ViewSpread {
  npv: Spread;
  ratio: Spread | null;
  breakEven: { p10: number | null; p50: number | null; p90: number | null };
  probabilityPositive: number;
}

/** The triangular distribution's inverse CDF on [low, high] with mode `mode`. */
function triangular(u: number, low: number, mode: number, high: number): number {
  if (high === low) return low;
  const cut = (mode - low) / (high - low);
  return u < cut
    ? low + Math.sqrt(u * (high - low) * (mode - low))
    : high - Math.sqrt((1 - u) * (high - low) * (high - mode));
}

/** The ranges drawn: each uncertain parameter's range around the scenario's value. */
export function drawnRanges(
  base: ScenarioParameters,
  ranges: ParameterRanges = {}
): MonteCarloResult["drawn"] {
  return PARAMETERS.flatMap((def) => {
    const range = rangeOf(def, ranges);
    if (!def.uncertain || !range) return [];
    const mode = base[def.id] as number;
    return [{ id: def.id, ...rangeAround(def, range, mode), mode }];
  });
}

/**
 * A draw the projection can take: relapse and move-away together at most 100 % a year, each
 * inside its range. Move-away's draw is mapped into what its range leaves beside the relapse drawn
 * (keeping its place among its draws); only when even its low end will not fit is the relapse
 * moved down to make room.
 */
function feasible(p: ScenarioParameters, drawn: MonteCarloResult["drawn"]): ScenarioParameters {
  if (p.relapseRate + p.moveAwayRate <= 1) return p;
  const away = drawn.find((r) => r.id === "moveAwayRate") ?? {
    low: p.moveAwayRate,
    high: p.moveAwayRate,
  };
  const relapseRate = Math.min(p.relapseRate, 1 - away.low);
  const room = 1 - relapseRate;
  const moveAwayRate =
    away.high === away.low
      ? away.low
      : away.low + ((p.moveAwayRate - away.low) * (room - away.low)) / (away.high - away.low);
  return { ...p, relapseRate, moveAwayRate: Math.min(moveAwayRate, room) };
}

/** One value drawn for a parameter, kept inside its allowed range and whole where it must be. */
function drawValue(
  def: ParameterDef,
  u: number,
  r: { low: number; mode: number; high: number }
): number {
  let v = triangular(u, r.low, r.mode, r.high);
  if (def.id === "stayLengthChange") v = Math.round(v * 1000) / 1000;
  if (def.integer) v = Math.round(v);
  // Rounding may step past an end (a trend of −99,99 % rounds to −100 %, which it may not be):
  // the range's ends lie inside the allowed values, so the draw stays there.
  return Math.min(Math.max(v, r.low), r.high);
}

const BINS = 20;

function histogram(values: readonly number[]): MonteCarloResult["histogram"] {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const width = (max - min) / BINS || 1;
  const bins = Array.from({ length: BINS }, (_, i) => ({
    from: min + i * width,
    to: min + (i + 1) * width,
    count: 0,
  }));
  for (const v of values) bins[Math.min(BINS - 1, Math.floor((v - min) / width))].count++;
  return bins;
}

/** The stay-length trend's strata in a run (see the module comment). */
export const TREND_STRATA = 10;

/**
 * The draws of a run: Latin hypercube over the ranges drawn (for each parameter a random pairing
 * of the n strata with the n draws), triangular in each stratum, seeded; every draw feasible. The
 * stay-length trend's n strata fall in TREND_STRATA groups, each drawn at its middle.
 */
export function monteCarloDraws(
  base: ScenarioParameters,
  drawn: MonteCarloResult["drawn"],
  n: number,
  seed: number
): ScenarioParameters[] {
  const random = seededRandom(seed);
  const columns = drawn.map((r) => {
    const strata = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [strata[i], strata[j]] = [strata[j], strata[i]];
    }
    const def = parameterById(r.id);
    return strata.map((stratum) => {
      const u = (stratum + random()) / n;
      const trend = def.id === "stayLengthChange";
      return drawValue(
        def,
        trend ? (Math.floor((stratum * TREND_STRATA) / n) + 0.5) / TREND_STRATA : u,
        r
      );
    });
  });
  return Array.from({ length: n }, (_, i) => {
    const p = { ...base };
    drawn.forEach((r, k) => ((p as Record<ParameterId, number | null>)[r.id] = columns[k][i]));
    return feasible(p, drawn);
  });
}

/**
 * The Monte Carlo run of the scenario `base` on the stays; null when cancelled, an error when the
 * draws, the seed or the ranges are refused (input.ts) or the scenario itself cannot be projected.
 */
export function runMonteCarlo(
  stays: readonly StayInput[],
  base: ScenarioParameters,
  options: MonteCarloOptions,
  projectionOptions: ProjectionOptions = {}
): MonteCarloResult | RowError | null {
  const refused = monteCarloProblem(options);
  if (refused) return refused;
  const n = options.draws;
  const runner = options.runner ?? new ProjectionRunner(stays, projectionOptions);
  projectionOptions = runner.options;
  const resolved = runner.resolve(base, options.ranges);
  if (isProjectionError(resolved)) return resolved;
  const drawn = drawnRanges(resolved.parameters, resolved.ranges);
  const draws = monteCarloDraws(resolved.parameters, drawn, n, options.seed);
  // Draws that share a timeline are evaluated together (the order of draws changes no result).
  const order = draws.map((p, i) => ({ i, key: preparedKey(p, projectionOptions) }));
  order.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));

  const budget = viewDraws(n);
  const publicView = viewDraws(n);
  for (let k = 0; k < n; k++) {
    if (options.cancelled?.()) return null;
    const { i } = order[k];
    const result = runner.draw(draws[i]);
    if (isProjectionError(result)) return result;
    budget.add(i, result);
    publicView.add(i, result.public);
    if ((k + 1) % 10 === 0 || k + 1 === n) options.onProgress?.(k + 1, n);
  }
  const b = budget.spread();
  return {
    draws: n,
    seed: options.seed,
    drawn,
    ...b,
    histogram: histogram(budget.npvs),
    public: publicView.spread(),
  };
}

/** One view's figures of each draw, and their spread. */
function viewDraws(n: number) {
  const npvs: number[] = new Array(n);
  const ratio: (number | null)[] = new Array(n);
  const breakEven: (number | null)[] = new Array(n);
  return {
    npvs,
    add(i: number, r: DrawView) {
      npvs[i] = r.npv;
      ratio[i] = r.ratio;
      breakEven[i] = r.breakEvenYear;
    },
    spread(): ViewSpread {
      const ratios = ratio.filter((r): r is number => r !== null);
      // "Never within the horizon" sorts after every year.
      const years = breakEven.map((y) => y ?? Infinity).sort((a, b) => a - b);
      const yearAt = (p: number) => {
        const v = years[Math.ceil(p * n) - 1];
        return v === Infinity ? null : v;
      };
      return {
        npv: spread(npvs),
        ratio: ratios.length > 0 ? spread(ratios) : null,
        breakEven: { p10: yearAt(0.1), p50: yearAt(0.5), p90: yearAt(0.9) },
        probabilityPositive: npvs.filter((v) => v > 0).length / n,
      };
    },
  };
}
