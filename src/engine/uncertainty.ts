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
 * other parameters keep the scenario's values. The stay-length trend shapes the timeline itself
 * (every draw of a trend shares one prepared and compiled timeline, projection/compiled.ts), so it
 * is drawn in TREND_STRATA equally likely strata, each draw at its stratum's middle (the
 * triangular distribution's quantile (k + ½) / TREND_STRATA, rounded to 0,1 percentage point):
 * ten strata of a range of ±2,5 percentage points are finer than anyone knows the trend. A draw
 * is evaluated over the compiled timeline in floating point (projection/draw.ts), within 1 kr. of
 * the exact projection with the same parameters.
 */
import {
  PARAMETERS,
  parameterById,
  rangeOf,
  type ParameterDef,
  type ParameterId,
  type ParameterRanges,
  type ScenarioParameters,
} from "./parameters";
import {
  evaluateProjection,
  isProjectionError,
  prepareProjection,
  preparedKey,
  servesDraw,
  type PreparedProjection,
  type Projection,
  type ProjectionOptions,
} from "./projection";
import { evaluateDraw, type DrawResult, type DrawView } from "./projection/draw";
import { estimatedRanges, withEstimates } from "./projection/returns";
import { percentile } from "./percentile";
import { seededRandom } from "./random";
import type { RowError, StayInput } from "./shelter";

/**
 * Prepared timelines kept by a runner: the scenario's own and the one a run or a search is on,
 * with room to go back and forth (a prepared register of 50 000 stays holds tens of megabytes).
 */
const KEPT = 3;

/**
 * Prepares a projection once per timeline-shaping parameter set (sharing the user groups and
 * the timeline between preparations where their parameters match), and evaluates on it: exactly
 * for the figures shown, over the compiled timeline for draws (projection/draw.ts).
 */
export class ProjectionRunner {
  /** Most recently used first. */
  private readonly kept: PreparedProjection[] = [];
  constructor(
    private readonly stays: readonly StayInput[],
    private readonly options: ProjectionOptions = {}
  ) {}

  /** The prepared timeline for the parameters: kept, or prepared now. */
  prepare(p: ScenarioParameters): PreparedProjection | RowError {
    const key = preparedKey(p, this.options);
    const at = this.kept.findIndex((k) => k.key === key);
    const prepared =
      at >= 0
        ? this.kept.splice(at, 1)[0]
        : prepareProjection(this.stays, p, this.options, this.kept);
    if (isProjectionError(prepared)) return prepared;
    this.kept.unshift(prepared);
    this.kept.length = Math.min(this.kept.length, KEPT);
    return prepared;
  }

  /** The exact projection (`exact` false sums in floating point: evaluateProjection). */
  run(p: ScenarioParameters, exact = true): Projection | RowError {
    const prepared = this.prepare(p);
    return isProjectionError(prepared) ? prepared : evaluateProjection(prepared, p, exact);
  }

  /**
   * The two headlines as a draw computes them: within 1 kr. of `run`, in a fraction of its time,
   * on a kept timeline of a longer horizon where there is one.
   */
  draw(p: ScenarioParameters): DrawResult | RowError {
    const key = preparedKey(p, this.options);
    const prepared =
      this.kept.find((k) => k.key === key) ??
      this.kept.find((k) => servesDraw(k, p, this.options)) ??
      this.prepare(p);
    return isProjectionError(prepared) ? prepared : evaluateDraw(prepared, p);
  }

  /**
   * The scenario as the uncertainty runs see it: each blank estimated parameter (who comes back)
   * set to the register's estimate, and its range the estimate's, unless the scenario has its own.
   */
  resolve(
    p: ScenarioParameters,
    ranges: ParameterRanges = {}
  ): { parameters: ScenarioParameters; ranges: ParameterRanges } | RowError {
    const prepared = this.prepare(p);
    if (isProjectionError(prepared)) return prepared;
    return {
      parameters: withEstimates(p, prepared.estimates),
      ranges: { ...estimatedRanges(prepared.estimates), ...ranges },
    };
  }
}

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

export interface MonteCarloOptions {
  draws: number;
  seed: number;
  /** Called now and then with the draws done. */
  onProgress?: (done: number, total: number) => void;
  /** Asked between draws; true stops the run (it returns null). */
  cancelled?: () => boolean;
  /** The scenario's own low–high values (else the registry's). */
  ranges?: ParameterRanges;
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

/**
 * The range used around a scenario's value: its low–high (the scenario's own, else the
 * registry's, else the register's estimate), or, when the value lies outside it, the same width
 * centred on the value, kept inside the parameter's allowed values (issue 20: the spread never
 * leans to one side because the value moved).
 */
export function rangeAround(
  def: ParameterDef,
  range: { low: number; high: number },
  value: number
): { low: number; high: number } {
  if (value >= range.low && value <= range.high) return { low: range.low, high: range.high };
  const width = range.high - range.low;
  const [min, max] = searchBounds(def);
  let low = value - width / 2;
  let high = value + width / 2;
  if (low < min) [low, high] = [min, Math.min(max, min + width)];
  if (high > max) [low, high] = [Math.max(min, max - width), max];
  return { low: Math.min(low, value), high: Math.max(high, value) };
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
  return v;
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
 * scenario itself cannot be projected.
 */
export function runMonteCarlo(
  stays: readonly StayInput[],
  base: ScenarioParameters,
  options: MonteCarloOptions,
  projectionOptions: ProjectionOptions = {}
): MonteCarloResult | RowError | null {
  const n = options.draws;
  const runner = new ProjectionRunner(stays, projectionOptions);
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

// ---- sensitivity: tornado and switching values ----

/** Which headline a sensitivity is about: the budget case or the public-sector value (issue 20). */
export type View = "budget" | "public";

export interface TornadoBar {
  id: ParameterId;
  /** The scenario's value (for a blank estimated parameter, the register's estimate). */
  value: number;
  low: number;
  high: number;
  /** The budget case's NPV at the low and the high value. */
  npvLow: number;
  npvHigh: number;
  /** |npvHigh − npvLow| of the view the bars are sorted by, largest first. */
  swing: number;
  /** The public-sector value's NPV at the low and the high value. */
  publicLow: number;
  publicHigh: number;
  /** Where the low–high range comes from (the registry's source or the scenario's own). */
  source: string;
}

export interface SensitivityOptions extends ProjectionOptions {
  /** The scenario's own low–high values (else the registry's). */
  ranges?: ParameterRanges;
  /** Told after each parameter is done, for progress. */
  onParameter?: () => void;
  /** The headline the bars are sorted by, and whose sign a switching value turns (default budget). */
  view?: View;
}

/** The parameters with a low–high range: the scenario's own, the registry's, or the register's estimate. */
export const rangedParameters = (ranges: ParameterRanges = {}): ParameterDef[] =>
  PARAMETERS.filter((def) => rangeOf(def, ranges) !== undefined || def.estimated !== undefined);

type Npvs = { budget: number; public: number } | null;

/**
 * Both headlines' NPVs with one parameter changed, as a draw computes them (within 1 kr. of the
 * exact projection), or null when the projection refuses the value. For the horizon, one draw at
 * the longest horizon asked gives every shorter one: a year's figures depend on the years before
 * it only, so the NPV of h years is that draw's cumulative NPV of year h (projection/draw.ts).
 */
function npvsOf(
  runner: ProjectionRunner,
  base: ScenarioParameters,
  id: ParameterId,
  longest: number
): (value: number) => Npvs {
  const at = (value: number): Npvs => {
    const result = runner.draw({ ...base, [id]: value });
    return isProjectionError(result) ? null : { budget: result.npv, public: result.public.npv };
  };
  if (id !== "horizon") return at;
  const all = runner.draw({ ...base, horizon: longest });
  if (isProjectionError(all)) return at;
  return (h) =>
    h <= longest ? { budget: all.cumulative[h], public: all.public.cumulative[h] } : at(h);
}

/**
 * The most a rate may be with the scenario's other leaving rate: relapse and move-away are at
 * most 100 % a year together, so a range end beyond that is moved in to it.
 */
function jointBound(def: ParameterDef, base: ScenarioParameters, value: number): number {
  if (def.id === "relapseRate") return Math.min(value, 1 - base.moveAwayRate);
  if (def.id === "moveAwayRate") return Math.min(value, 1 - base.relapseRate);
  return value;
}

/**
 * Each parameter with a range moved to its low and its high value on its own (the range around
 * the scenario's value), sorted by the view's swing (ties in the registry's order).
 */
export function tornado(
  stays: readonly StayInput[],
  given: ScenarioParameters,
  {
    ranges: givenRanges,
    onParameter,
    view = "budget",
    ...projectionOptions
  }: SensitivityOptions = {}
): TornadoBar[] {
  const runner = new ProjectionRunner(stays, projectionOptions);
  const resolved = runner.resolve(given, givenRanges);
  if (isProjectionError(resolved)) return [];
  const { parameters: base, ranges } = resolved;
  const bars: TornadoBar[] = [];
  for (const def of rangedParameters(ranges)) {
    const value = base[def.id] as number;
    const around = rangeAround(def, rangeOf(def, ranges)!, value);
    const low = jointBound(def, base, around.low);
    const high = jointBound(def, base, around.high);
    // Moved from the scenario as given: a blank estimated parameter is estimated again when a
    // typology parameter moves the user groups.
    const npvsAt = npvsOf(runner, given, def.id, high);
    const atLow = npvsAt(low);
    const atHigh = npvsAt(high);
    onParameter?.();
    if (atLow === null || atHigh === null) continue;
    const swing = Math.abs(atHigh[view] - atLow[view]);
    bars.push({
      id: def.id,
      value,
      low,
      high,
      npvLow: atLow.budget,
      npvHigh: atHigh.budget,
      swing,
      publicLow: atLow.public,
      publicHigh: atHigh.public,
      source: rangeOf(def, ranges)!.source,
    });
  }
  // Array.prototype.sort is stable: equal swings keep the registry's order.
  return bars.sort((a, b) => b.swing - a.swing);
}

export interface SwitchingValue {
  id: ParameterId;
  /** The value at which the NPV changes sign, or null: "none in the allowed range". */
  value: number | null;
  /**
   * Why there is none: the NPV keeps its sign over the whole allowed range, or it only reaches
   * 0 (no programme at all, say) without turning to the other side.
   */
  reason?: "sameSign" | "onlyTouchesZero";
}

/** The allowed range's ends as values a search can try (an exclusive bound moved inwards). */
function searchBounds(def: ParameterDef): [number, number] {
  const step = def.integer ? 1 : def.unit === "%" ? 1e-6 : 1e-3;
  return [
    def.min.exclusive ? def.min.value + step : def.min.value,
    def.max.exclusive ? def.max.value - step : def.max.value,
  ];
}

/** Kroner of NPV within which a switching value's search asks the exact projection for the sign. */
const EXACT_NEAR_ZERO = 2;

/** Points scanned on each side of the scenario's value for a sign change of the NPV. */
const SCAN_STEPS = 4;

/**
 * How close the search goes: a whole unit for whole numbers, 0,001 %-point, 10 øre for kroner
 * (shown in whole kroner; each bisection step is a projection, on 50 000 stays a slow one).
 */
function tolerance(def: ParameterDef): number {
  if (def.integer) return 1;
  if (def.unit === "%") return 1e-5;
  if (def.unit === "kr./år" || def.unit === "kr.") return 0.1;
  return 1e-4;
}

/**
 * For each parameter with a range, the value nearest the scenario's own at which the NPV changes
 * sign, found by scanning the allowed range and bisecting: for a whole-number parameter the first
 * value on the other side, else to the tolerance above; for a yes/no parameter the other answer
 * if it turns the sign. Checked by the caller's projection at it.
 */
export function switchingValues(
  stays: readonly StayInput[],
  given: ScenarioParameters,
  {
    ranges: givenRanges,
    onParameter,
    view = "budget",
    ...projectionOptions
  }: SensitivityOptions = {}
): SwitchingValue[] {
  const runner = new ProjectionRunner(stays, projectionOptions);
  const resolved = runner.resolve(given, givenRanges);
  if (isProjectionError(resolved)) return [];
  const { parameters: base, ranges } = resolved;
  let npvsAt: (value: number) => Npvs = () => null;
  const signAt = (def: ParameterDef, v: number): -1 | 0 | 1 | null => {
    const npvs = npvsAt(v);
    if (npvs === null) return null;
    const npv = npvs[view];
    if (Math.abs(npv) >= EXACT_NEAR_ZERO) return npv > 0 ? 1 : -1;
    // A draw is within 1 kr. of the exact projection: this near 0, the exact one decides.
    const exact = runner.run({ ...given, [def.id]: v });
    if (isProjectionError(exact)) return null;
    const at = view === "budget" ? exact.npv : exact.public.npv;
    return at.gt(0) ? 1 : at.lt(0) ? -1 : 0;
  };
  const out: SwitchingValue[] = [];
  for (const def of rangedParameters(ranges)) {
    npvsAt = npvsOf(runner, given, def.id, searchBounds(def)[1]);
    const found = switchingValue(def);
    onParameter?.();
    if (found !== undefined) out.push({ id: def.id, ...found });
  }
  return out;

  /**
   * The value where the NPV turns strictly to the other side of 0, or none with the reason;
   * undefined when the parameter is not searched.
   */
  function switchingValue(def: ParameterDef): Omit<SwitchingValue, "id"> | undefined {
    const own = base[def.id] as number;
    const sign = signAt(def, own);
    if (sign === null) return undefined;
    if (sign === 0) return { value: null, reason: "onlyTouchesZero" };
    let touched = false;
    /** Whether the NPV at v is strictly on the other side; 0 only touches it. */
    const crosses = (v: number): boolean | null => {
      const s = signAt(def, v);
      if (s === 0) touched = true;
      return s === null ? null : s === -sign;
    };
    const none = (): Omit<SwitchingValue, "id"> => ({
      value: null,
      reason: touched ? "onlyTouchesZero" : "sameSign",
    });
    if (def.unit === "ja/nej") {
      // Yes or no: the other answer, where it turns the NPV's sign.
      const other = own === 1 ? 0 : 1;
      return crosses(other) ? { value: other } : none();
    }
    const [min, max] = searchBounds(def);
    // Scan outwards from the scenario's value on both sides; keep the nearest sign change.
    const candidates: [number, number][] = [];
    for (const end of [min, max]) {
      if (end === own) continue;
      let inside = own;
      // Few steps, closest near the scenario's value: a monotone NPV is bracketed all the same.
      for (let k = 1; k <= SCAN_STEPS; k++) {
        let v = own + (end - own) * (k / SCAN_STEPS) ** 2;
        if (def.integer) v = Math.round(v);
        if (v === inside) continue;
        const c = crosses(v);
        if (c === null) break;
        if (c) {
          candidates.push([inside, v]);
          break;
        }
        if (signAt(def, v) === sign) inside = v;
      }
    }
    if (candidates.length === 0) return none();
    let [inside, outside] = candidates.sort(
      (a, b) => Math.abs(a[1] - own) - Math.abs(b[1] - own)
    )[0];
    const tol = tolerance(def);
    while (Math.abs(outside - inside) > tol) {
      let mid = (inside + outside) / 2;
      if (def.integer) mid = Math.round(mid);
      if (mid === inside || mid === outside) break;
      const s = signAt(def, mid);
      if (s === sign) inside = mid;
      else if (s === -sign) outside = mid;
      // Exactly 0 between a point on each side: the crossing itself.
      else return { value: mid };
    }
    return { value: def.integer ? outside : (inside + outside) / 2 };
  }
}
