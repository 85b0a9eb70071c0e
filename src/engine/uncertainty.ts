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
 * other parameters keep the scenario's values. The stay-length trend is
 * drawn in steps of 0,1 percentage point, so that draws with the same trend share one prepared
 * timeline (the step is far below what anyone knows about the trend).
 */
import type { Decimal } from "./money";
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
  type PreparedProjection,
  type Projection,
  type ProjectionOptions,
} from "./projection";
import { estimatedRanges, withEstimates } from "./projection/returns";
import { percentile } from "./percentile";
import { seededRandom } from "./random";
import type { RowError, StayInput } from "./shelter";
import { monteCarloProblem, rangesProblem } from "./uncertaintyInput";

/** Prepares a projection once per timeline-shaping parameter set, and evaluates on it. */
export class ProjectionRunner {
  private prepared: PreparedProjection | undefined;
  constructor(
    private readonly stays: readonly StayInput[],
    private readonly options: ProjectionOptions = {}
  ) {}

  private prepare(p: ScenarioParameters): PreparedProjection | RowError {
    const key = preparedKey(p, this.options);
    if (this.prepared?.key !== key) {
      const prepared = prepareProjection(this.stays, p, this.options);
      if (isProjectionError(prepared)) return prepared;
      this.prepared = prepared;
    }
    return this.prepared;
  }

  /** `exact` false for Monte Carlo draws (see evaluateProjection). */
  run(p: ScenarioParameters, exact = true): Projection | RowError {
    const prepared = this.prepare(p);
    return isProjectionError(prepared) ? prepared : evaluateProjection(prepared, p, exact);
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

/**
 * The draws of a run: Latin hypercube over the ranges drawn (for each parameter a random pairing
 * of the n strata with the n draws), triangular in each stratum, seeded; every draw feasible.
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
    return strata.map((stratum) => drawValue(def, (stratum + random()) / n, r));
  });
  return Array.from({ length: n }, (_, i) => {
    const p = { ...base };
    drawn.forEach((r, k) => ((p as Record<ParameterId, number | null>)[r.id] = columns[k][i]));
    return feasible(p, drawn);
  });
}

/**
 * The Monte Carlo run of the scenario `base` on the stays; null when cancelled, an error when the
 * draws, the seed or the ranges are refused (uncertaintyInput.ts) or the scenario itself cannot
 * be projected.
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
    const result = runner.run(draws[i], false);
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
    add(i: number, r: { npv: Decimal; ratio: Decimal | null; breakEvenYear: number | null }) {
      npvs[i] = r.npv.toNumber();
      ratio[i] = r.ratio === null ? null : r.ratio.toNumber();
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

/** Both headlines' NPVs with one parameter changed, or null when the projection refuses the value. */
function npvsWith(
  runner: ProjectionRunner,
  base: ScenarioParameters,
  id: ParameterId,
  value: number
): { budget: Decimal; public: Decimal } | null {
  const result = runner.run({ ...base, [id]: value });
  return isProjectionError(result) ? null : { budget: result.npv, public: result.public.npv };
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
 * the scenario's value), sorted by the view's swing (ties in the registry's order); an error when
 * the ranges are refused (uncertaintyInput.ts).
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
): TornadoBar[] | RowError {
  const refused = rangesProblem(givenRanges);
  if (refused) return refused;
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
    const atLow = npvsWith(runner, given, def.id, low);
    const atHigh = npvsWith(runner, given, def.id, high);
    onParameter?.();
    if (atLow === null || atHigh === null) continue;
    const swing = Math.abs(atHigh[view].minus(atLow[view]).toNumber());
    bars.push({
      id: def.id,
      value,
      low,
      high,
      npvLow: atLow.budget.toNumber(),
      npvHigh: atHigh.budget.toNumber(),
      swing,
      publicLow: atLow.public.toNumber(),
      publicHigh: atHigh.public.toNumber(),
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
 * if it turns the sign. Checked by the caller's projection at it. An error when the ranges are
 * refused (uncertaintyInput.ts).
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
): SwitchingValue[] | RowError {
  const refused = rangesProblem(givenRanges);
  if (refused) return refused;
  const runner = new ProjectionRunner(stays, projectionOptions);
  const resolved = runner.resolve(given, givenRanges);
  if (isProjectionError(resolved)) return [];
  const { parameters: base, ranges } = resolved;
  const signAt = (def: ParameterDef, v: number): -1 | 0 | 1 | null => {
    const npvs = npvsWith(runner, given, def.id, v);
    if (npvs === null) return null;
    const npv = npvs[view];
    return npv.gt(0) ? 1 : npv.lt(0) ? -1 : 0;
  };
  const out: SwitchingValue[] = [];
  for (const def of rangedParameters(ranges)) {
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
