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
 * The ranges drawn: each uncertain parameter's low–high (the scenario's own, else the
 * registry's), widened to hold the scenario's own value.
 */
export function drawnRanges(
  base: ScenarioParameters,
  ranges: ParameterRanges = {}
): MonteCarloResult["drawn"] {
  return PARAMETERS.flatMap((def) => {
    const range = rangeOf(def, ranges);
    if (!def.uncertain || !range) return [];
    const mode = base[def.id] as number;
    return [{ id: def.id, low: Math.min(range.low, mode), mode, high: Math.max(range.high, mode) }];
  });
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
  const random = seededRandom(options.seed);
  const drawn = drawnRanges(resolved.parameters, resolved.ranges);
  // Latin hypercube: for each parameter a random pairing of the n strata with the n draws.
  const columns = drawn.map((r) => {
    const strata = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [strata[i], strata[j]] = [strata[j], strata[i]];
    }
    const def = PARAMETERS.find((d) => d.id === r.id)!;
    return strata.map((stratum) => drawValue(def, (stratum + random()) / n, r));
  });
  const draws: ScenarioParameters[] = Array.from({ length: n }, (_, i) => {
    const p = { ...resolved.parameters };
    drawn.forEach((r, k) => ((p as Record<ParameterId, number | null>)[r.id] = columns[k][i]));
    return p;
  });
  // Draws that share a timeline are evaluated together (the order of draws changes no result).
  const order = draws.map((p, i) => ({ i, key: preparedKey(p, projectionOptions) }));
  order.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i));

  const npv: number[] = new Array(n);
  const ratio: (number | null)[] = new Array(n);
  const breakEven: (number | null)[] = new Array(n);
  for (let k = 0; k < n; k++) {
    if (options.cancelled?.()) return null;
    const { i } = order[k];
    const result = runner.run(draws[i], false);
    if (isProjectionError(result)) return result;
    npv[i] = result.npv.toNumber();
    ratio[i] = result.ratio === null ? null : result.ratio.toNumber();
    breakEven[i] = result.breakEvenYear;
    if ((k + 1) % 10 === 0 || k + 1 === n) options.onProgress?.(k + 1, n);
  }
  const ratios = ratio.filter((r): r is number => r !== null);
  // "Never within the horizon" sorts after every year.
  const years = breakEven.map((y) => y ?? Infinity).sort((a, b) => a - b);
  const yearAt = (p: number) => {
    const v = years[Math.ceil(p * n) - 1];
    return v === Infinity ? null : v;
  };
  return {
    draws: n,
    seed: options.seed,
    drawn,
    npv: spread(npv),
    ratio: ratios.length > 0 ? spread(ratios) : null,
    breakEven: { p10: yearAt(0.1), p50: yearAt(0.5), p90: yearAt(0.9) },
    probabilityPositive: npv.filter((v) => v > 0).length / n,
    histogram: histogram(npv),
  };
}

// ---- sensitivity: tornado and switching values ----

export interface TornadoBar {
  id: ParameterId;
  /** The scenario's value (for a blank estimated parameter, the register's estimate). */
  value: number;
  low: number;
  high: number;
  npvLow: number;
  npvHigh: number;
  /** |npvHigh − npvLow|: the bars are sorted by it, largest first. */
  swing: number;
  /** Where the low–high range comes from (the registry's source or the scenario's own). */
  source: string;
}

export interface SensitivityOptions extends ProjectionOptions {
  /** The scenario's own low–high values (else the registry's). */
  ranges?: ParameterRanges;
  /** Told after each parameter is done, for progress. */
  onParameter?: () => void;
}

/** The parameters with a low–high range: the scenario's own, the registry's, or the register's estimate. */
export const rangedParameters = (ranges: ParameterRanges = {}): ParameterDef[] =>
  PARAMETERS.filter((def) => rangeOf(def, ranges) !== undefined || def.estimated !== undefined);

/** The NPV with one parameter changed, or null when the projection refuses the value. */
function npvWith(
  runner: ProjectionRunner,
  base: ScenarioParameters,
  id: ParameterId,
  value: number
): Decimal | null {
  const result = runner.run({ ...base, [id]: value });
  return isProjectionError(result) ? null : result.npv;
}

/**
 * Each parameter with a range moved to its low and its high value on its own, sorted by swing
 * (ties in the registry's order). A value the projection refuses (relapse and move-away above
 * 100 % together) leaves the parameter out.
 */
export function tornado(
  stays: readonly StayInput[],
  given: ScenarioParameters,
  { ranges: givenRanges, onParameter, ...projectionOptions }: SensitivityOptions = {}
): TornadoBar[] {
  const runner = new ProjectionRunner(stays, projectionOptions);
  const resolved = runner.resolve(given, givenRanges);
  if (isProjectionError(resolved)) return [];
  const { parameters: base, ranges } = resolved;
  const bars: TornadoBar[] = [];
  for (const def of rangedParameters(ranges)) {
    const range = rangeOf(def, ranges)!;
    const npvLow = npvWith(runner, base, def.id, range.low);
    const npvHigh = npvWith(runner, base, def.id, range.high);
    onParameter?.();
    if (npvLow === null || npvHigh === null) continue;
    bars.push({
      id: def.id,
      value: base[def.id] as number,
      low: range.low,
      high: range.high,
      npvLow: npvLow.toNumber(),
      npvHigh: npvHigh.toNumber(),
      swing: Math.abs(npvHigh.minus(npvLow).toNumber()),
      source: range.source,
    });
  }
  // Array.prototype.sort is stable: equal swings keep the registry's order.
  return bars.sort((a, b) => b.swing - a.swing);
}

export interface SwitchingValue {
  id: ParameterId;
  /** The value at which the NPV turns 0, or null: "none in the allowed range". */
  value: number | null;
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
 * if it turns the sign. Checked by the caller's projection at it.
 */
export function switchingValues(
  stays: readonly StayInput[],
  given: ScenarioParameters,
  { ranges: givenRanges, onParameter, ...projectionOptions }: SensitivityOptions = {}
): SwitchingValue[] {
  const runner = new ProjectionRunner(stays, projectionOptions);
  const resolved = runner.resolve(given, givenRanges);
  if (isProjectionError(resolved)) return [];
  const { parameters: base, ranges } = resolved;
  const at = (def: ParameterDef, v: number) => npvWith(runner, base, def.id, v);
  const out: SwitchingValue[] = [];
  for (const def of rangedParameters(ranges)) {
    const found = switchingValue(def);
    onParameter?.();
    if (found !== undefined) out.push({ id: def.id, value: found });
  }
  return out;

  /** The switching value, null for none, undefined when the parameter is not searched. */
  function switchingValue(def: ParameterDef): number | null | undefined {
    const own = base[def.id] as number;
    const ownNpv = at(def, own);
    if (ownNpv === null) return undefined;
    const signOf = (npv: Decimal) => (npv.gt(0) ? 1 : npv.lt(0) ? -1 : 0);
    const sign = signOf(ownNpv);
    if (sign === 0) return own;
    if (def.unit === "ja/nej") {
      // Yes or no: the other answer, where it turns the NPV's sign.
      const other = own === 1 ? 0 : 1;
      const npv = at(def, other);
      return npv !== null && signOf(npv) !== sign ? other : null;
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
        const npv = at(def, v);
        if (npv === null) break;
        if ((npv.gt(0) ? 1 : npv.lt(0) ? -1 : 0) !== sign) {
          candidates.push([inside, v]);
          break;
        }
        inside = v;
      }
    }
    if (candidates.length === 0) return null;
    let [inside, outside] = candidates.sort(
      (a, b) => Math.abs(a[1] - own) - Math.abs(b[1] - own)
    )[0];
    const tol = tolerance(def);
    while (Math.abs(outside - inside) > tol) {
      let mid = (inside + outside) / 2;
      if (def.integer) mid = Math.round(mid);
      if (mid === inside || mid === outside) break;
      const npv = at(def, mid)!;
      if ((npv.gt(0) ? 1 : npv.lt(0) ? -1 : 0) === sign) inside = mid;
      else outside = mid;
    }
    return def.integer ? outside : (inside + outside) / 2;
  }
}
