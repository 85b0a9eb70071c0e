/**
 * Sensitivity of the projection's NPV: each input's tornado bar over its low–high range, and each
 * input's switching value, the value at which the NPV turns to the other side of 0 (HM Treasury,
 * The Green Book (2018), §5.60–5.61 on switching values). Both evaluate as draws do, over the
 * compiled timeline (projection/draw.ts: within 1 kr. of the exact projection); a switching
 * value's search asks the exact projection for the sign where a draw is that close to 0.
 */
import {
  PARAMETERS,
  rangeOf,
  type ParameterDef,
  type ParameterId,
  type ParameterRanges,
  type ScenarioParameters,
} from "../parameters";
import { isProjectionError, type ProjectionOptions } from "../projection";
import type { RowError, StayInput } from "../shelter";
import { rangesProblem } from "./input";
import { rangeAround, searchBounds } from "./ranges";
import { ProjectionRunner } from "./runner";

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
  /** A runner of these stays and options whose prepared timelines to use and keep (else its own). */
  runner?: ProjectionRunner;
  /** Told after each parameter is done, for progress. */
  onParameter?: () => void;
  /**
   * Only these of the ranged parameters (default all): a part of the sensitivity on its own, to
   * be put together with the others' (the pane's idle work, src/sheets/scenarios/compare.ts).
   */
  only?: readonly ParameterId[];
  /** The headline the bars are sorted by, and whose sign a switching value turns (default budget). */
  view?: View;
}

/** The parameters with a low–high range: the scenario's own, the registry's, or the register's estimate. */
export const rangedParameters = (ranges: ParameterRanges = {}): ParameterDef[] =>
  PARAMETERS.filter((def) => rangeOf(def, ranges) !== undefined || def.estimated !== undefined);

/** Widest swing first; Array.prototype.sort is stable, so equal swings keep the registry's order. */
export const bySwing = (a: TornadoBar, b: TornadoBar): number => b.swing - a.swing;

type Npvs = { budget: number; public: number } | null;

/**
 * Both headlines' NPVs with one parameter changed, as a draw computes them (within 1 kr. of the
 * exact projection), or null when the projection refuses the value. For the horizon, a draw
 * gives every shorter horizon: a year's figures depend on the years before it only, so the NPV of
 * h years is its cumulative NPV of year h (projection/draw.ts). The scenario's own draw gives the
 * horizons up to its own; one draw at the longest horizon asked, the longer ones.
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
  const own = runner.draw(base);
  let all: ReturnType<ProjectionRunner["draw"]> | undefined;
  return (h) => {
    if (h > longest) return at(h);
    const draw = h <= base.horizon ? own : (all ??= runner.draw({ ...base, horizon: longest }));
    return isProjectionError(draw)
      ? at(h)
      : { budget: draw.cumulative[h], public: draw.public.cumulative[h] };
  };
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
 * The door and the start of both sensitivities: the ranges checked (input.ts), the scenario
 * resolved on the caller's runner or a new one. A scenario the projection refuses has no bars and
 * no switching values (its error is the projection's to give).
 */
function prepare(
  stays: readonly StayInput[],
  given: ScenarioParameters,
  givenRanges: ParameterRanges | undefined,
  shared: ProjectionRunner | undefined,
  projectionOptions: ProjectionOptions
):
  | { ok: true; runner: ProjectionRunner; base: ScenarioParameters; ranges: ParameterRanges }
  | { ok: false; answer: RowError | [] } {
  const refused = rangesProblem(givenRanges);
  if (refused) return { ok: false, answer: refused };
  const runner = shared ?? new ProjectionRunner(stays, projectionOptions);
  const resolved = runner.resolve(given, givenRanges);
  if (isProjectionError(resolved)) return { ok: false, answer: [] };
  return { ok: true, runner, base: resolved.parameters, ranges: resolved.ranges };
}

/**
 * Each parameter with a range moved to its low and its high value on its own (the range around
 * the scenario's value), sorted by the view's swing (ties in the registry's order); an error when
 * the ranges are refused (input.ts).
 */
export function tornado(
  stays: readonly StayInput[],
  given: ScenarioParameters,
  {
    ranges: givenRanges,
    onParameter,
    view = "budget",
    runner: shared,
    only,
    ...projectionOptions
  }: SensitivityOptions = {}
): TornadoBar[] | RowError {
  const ready = prepare(stays, given, givenRanges, shared, projectionOptions);
  if (!ready.ok) return ready.answer;
  const { runner, base, ranges } = ready;
  const bars: TornadoBar[] = [];
  for (const def of rangedParameters(ranges)) {
    if (only && !only.includes(def.id)) continue;
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
  return bars.sort(bySwing);
}

export interface SwitchingValue {
  id: ParameterId;
  /** The value at which the NPV changes sign, or null: "none in the allowed range". */
  value: number | null;
  /**
   * Why there is none: the NPV keeps its sign over the whole allowed range, or it only reaches
   * 0 (no programme at all, say) without turning to the other side, or the projection refuses
   * part of the range (amounts beyond whole øre, say), so the search could not look there.
   */
  reason?: "sameSign" | "onlyTouchesZero" | "partlyRefused";
}

/** Kroner of NPV within which a switching value's search asks the exact projection for the sign. */
const EXACT_NEAR_ZERO = 2;

/**
 * No one is offered a home (no dwellings, no share moved or no target group): both the exact
 * queue and a draw's move no one, so both headlines are exactly 0 and need no exact projection.
 */
const noProgramme = (p: ScenarioParameters): boolean =>
  p.shareMoved === 0 ||
  p.housingPerYear === 0 ||
  (p.targetChronic === 0 && p.targetEpisodic === 0 && p.targetTransitional === 0);

/** Kroner of NPV, by the line through the bracket, at which a draw is expected to be sure of its sign. */
const SURE_OF_SIGN = 1.25 * EXACT_NEAR_ZERO;

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
 * refused (input.ts).
 */
export function switchingValues(
  stays: readonly StayInput[],
  given: ScenarioParameters,
  {
    ranges: givenRanges,
    onParameter,
    view = "budget",
    runner: shared,
    only,
    ...projectionOptions
  }: SensitivityOptions = {}
): SwitchingValue[] | RowError {
  const ready = prepare(stays, given, givenRanges, shared, projectionOptions);
  if (!ready.ok) return ready.answer;
  const { runner, base, ranges } = ready;
  let npvsAt: (value: number) => Npvs = () => null;
  /** The parameter's values asked so far: each projected once. */
  let seen = new Map<number, { sign: -1 | 0 | 1; npv: number } | null>();
  const at = (def: ParameterDef, v: number): { sign: -1 | 0 | 1; npv: number } | null => {
    if (seen.has(v)) return seen.get(v)!;
    const npvs = npvsAt(v);
    let out: { sign: -1 | 0 | 1; npv: number } | null = null;
    if (npvs !== null) {
      const npv = npvs[view];
      if (Math.abs(npv) >= EXACT_NEAR_ZERO) out = { sign: npv > 0 ? 1 : -1, npv };
      else if (noProgramme({ ...given, [def.id]: v })) out = { sign: 0, npv: 0 };
      else {
        // A draw is within 1 kr. of the exact projection: this near 0, the exact one decides.
        const exact = runner.run({ ...given, [def.id]: v });
        if (!isProjectionError(exact)) {
          const e = view === "budget" ? exact.npv : exact.public.npv;
          out = { sign: e.gt(0) ? 1 : e.lt(0) ? -1 : 0, npv: e.toNumber() };
        }
      }
    }
    seen.set(v, out);
    return out;
  };
  const signAt = (def: ParameterDef, v: number) => at(def, v)?.sign ?? null;
  const out: SwitchingValue[] = [];
  /** The scenario's own NPV: every parameter's search starts from it. */
  let ownAt: ReturnType<typeof at> | undefined;
  for (const def of rangedParameters(ranges)) {
    const asked = !only || only.includes(def.id);
    // The first ranged parameter gives the scenario's own NPV even when not asked: every part
    // then starts its searches from the same figure as the whole would.
    if (!asked && ownAt !== undefined) continue;
    npvsAt = npvsOf(runner, given, def.id, searchBounds(def)[1]);
    seen = new Map();
    const own = base[def.id] as number;
    if (ownAt !== undefined) seen.set(own, ownAt);
    else ownAt = at(def, own);
    if (!asked) continue;
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
    let refused = false;
    /** Whether the NPV at v is strictly on the other side; 0 only touches it. */
    const crosses = (v: number): boolean | null => {
      const s = signAt(def, v);
      if (s === 0) touched = true;
      if (s === null) refused = true;
      return s === null ? null : s === -sign;
    };
    const none = (): Omit<SwitchingValue, "id"> => ({
      value: null,
      reason: refused ? "partlyRefused" : touched ? "onlyTouchesZero" : "sameSign",
    });
    if (def.unit === "ja/nej") {
      // Yes or no: the other answer, where it turns the NPV's sign.
      const other = own === 1 ? 0 : 1;
      return crosses(other) ? { value: other } : none();
    }
    // Scan outwards from the scenario's value on both sides, step by step on each in turn; keep
    // the nearest sign change. Few steps, closest near the scenario's value: a monotone NPV is
    // bracketed all the same.
    // The ends of the allowed range, with relapse and move-away at most 100 % together.
    const sides = searchBounds(def)
      .map((end) => jointBound(def, base, end))
      .filter((end) => end !== own)
      .map((end) => ({
        end,
        inside: own,
        done: false,
        found: undefined as [number, number] | undefined,
      }));
    let nearest = Infinity;
    for (let k = 1; k <= SCAN_STEPS; k++)
      for (const side of sides) {
        if (side.done) continue;
        // The last step is the end itself: own + (end − own) can round past it.
        let v = k === SCAN_STEPS ? side.end : own + (side.end - own) * (k / SCAN_STEPS) ** 2;
        if (def.integer) v = Math.round(v);
        if (v === side.inside) continue;
        // A sign change nearer the scenario's value is known: this side cannot give a nearer one
        // (at the same distance, the low side's wins, as the sort below keeps it first).
        side.done = Math.abs(v - own) > nearest;
        if (side.done) continue;
        const c = crosses(v);
        side.done = c !== false;
        if (c) {
          side.found = [side.inside, v];
          nearest = Math.min(nearest, Math.abs(v - own));
        } else if (c === false && signAt(def, v) === sign) side.inside = v; // asked once: `at` keeps it
      }
    const candidates = sides.flatMap((side) => (side.found ? [side.found] : []));
    if (candidates.length === 0) return none();
    let [inside, outside] = candidates.sort(
      (a, b) => Math.abs(a[1] - own) - Math.abs(b[1] - own)
    )[0];
    const tol = tolerance(def);
    // Root-finding on the bracket (Illinois false position: the NPV is nearly linear in most
    // parameters, so a few steps do what bisection does in twenty), each point moved at least
    // half the tolerance in from the ends, so the bracket closes from both sides.
    let fInside = at(def, inside)!.npv;
    let fOutside = at(def, outside)!.npv;
    let kept: "inside" | "outside" | undefined;
    const within = (v: number) => (v - inside) * (outside - v) > 0;
    /**
     * Where the line puts the NPV near 0, a draw cannot tell the sign and `at` asks the exact
     * projection, at many times a draw's cost. Instead: a point just under the tolerance from an
     * end near the root, which closes the bracket; else a point the line puts far enough from 0
     * on the side that shrinks the bracket most; else `next`. What decides is still `at`.
     */
    const sureStep = (next: number, root: number, width: number, tol: number): number => {
      const slope = (fOutside - fInside) / width;
      const line = (v: number) => fInside + (v - inside) * slope;
      /** Strictly inside the bracket, where the line is far enough from 0 for a draw to be sure. */
      const sure = (v: number) => within(v) && Math.abs(line(v)) >= SURE_OF_SIGN;
      const dir = Math.sign(width);
      const closing = [
        { v: outside - dir * tol * 0.99, side: Math.sign(fInside) },
        { v: inside + dir * tol * 0.99, side: Math.sign(fOutside) },
      ].find(({ v, side }) => sure(v) && Math.sign(line(v)) === side);
      if (closing) return closing.v;
      if (sure(next)) return next;
      const reach = (1.01 * SURE_OF_SIGN) / Math.abs(slope);
      const approach = [root - dir * reach, root + dir * reach].filter(sure);
      /** How far v moves the end on its side of the line's root. */
      const shrink = (v: number) =>
        Math.sign(line(v)) === Math.sign(fInside) ? Math.abs(v - inside) : Math.abs(outside - v);
      if (approach.length === 0) return next;
      return approach.reduce((a, b) => (shrink(b) > shrink(a) ? b : a));
    };
    for (let step = 0; Math.abs(outside - inside) > tol && step < 100; step++) {
      const width = outside - inside;
      const gap = Math.min(tol / 2, Math.abs(width) / 2);
      const root =
        fOutside === fInside
          ? inside + width / 2
          : inside - (fInside * width) / (fOutside - fInside);
      // Every fourth step halves the bracket whatever the line says.
      let next =
        step % 4 === 3
          ? inside + width / 2
          : Math.sign(width) > 0
            ? Math.min(Math.max(root, inside + gap), outside - gap)
            : Math.max(Math.min(root, inside - gap), outside + gap);
      if (def.integer) next = Math.round(next);
      else if (step % 4 !== 3 && fOutside !== fInside) next = sureStep(next, root, width, tol);
      if (next === inside || next === outside) {
        next = def.integer ? Math.round(inside + width / 2) : inside + width / 2;
        if (next === inside || next === outside) break;
      }
      const found = at(def, next);
      if (found === null) break;
      // Exactly 0 between a point on each side: the crossing itself.
      if (found.sign === 0) return { value: next };
      if (found.sign === sign) {
        inside = next;
        fInside = found.npv;
        if (kept === "outside") fOutside /= 2;
        kept = "outside";
      } else {
        outside = next;
        fOutside = found.npv;
        if (kept === "inside") fInside /= 2;
        kept = "inside";
      }
    }
    return { value: def.integer ? outside : (inside + outside) / 2 };
  }
}
