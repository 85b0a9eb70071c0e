/**
 * A projection prepared once per timeline-shaping parameter set and evaluated on it, as the
 * uncertainty runs need it: exactly for the figures shown, over the compiled timeline for draws
 * (projection/draw.ts). Preparations share the user groups and the timeline where their
 * parameters match (projection/prepare.ts).
 */
import { keptPer } from "../kept";
import type { ParameterRanges, ScenarioParameters } from "../parameters";
import {
  evaluateProjection,
  isProjectionError,
  prepareProjection,
  preparedKey,
  servesDraw,
  type PreparedProjection,
  type Projection,
  type ProjectionOptions,
} from "../projection";
import { evaluateDraw, type DrawResult } from "../projection/draw";
import { estimatedRanges, withEstimates } from "../projection/returns";
import { RULE_SETS, type RuleSetName } from "../rules";
import type { RowError, StayInput } from "../shelter";

/**
 * Prepared timelines a runner keeps: at most KEPT, and no more timeline rows than KEPT_ROWS
 * (a row with its § 110 result and compiled figures holds about half a kilobyte) but always the
 * two most recent and the scenario last resolved (the one a run or a search is on). On the demo municipality's 1 200 rows a
 * Monte Carlo run's ten trends stay kept for the next run (meeting mode's sliders); on 50 000
 * stays a run prepares its trends again.
 */
const KEPT = 12;
const KEPT_ROWS = 100_000;

/**
 * Prepares a projection once per timeline-shaping parameter set (sharing the user groups and
 * the timeline between preparations where their parameters match), and evaluates on it: exactly
 * for the figures shown, over the compiled timeline for draws (projection/draw.ts).
 */
export class ProjectionRunner {
  /** Most recently used first. */
  private readonly kept: PreparedProjection[] = [];
  /**
   * The scenario last resolved: the one a run or a search keeps coming back to, kept whatever
   * else it prepares (a search over the trend on 50 000 stays prepared it again afterwards).
   */
  private own: PreparedProjection | undefined;
  constructor(
    readonly stays: readonly StayInput[],
    readonly options: ProjectionOptions = {}
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
    let rows = 0;
    const seen = new Set<PreparedProjection["timeline"]>();
    const over = this.kept.findIndex((k, i) => {
      if (!seen.has(k.timeline)) rows += k.timeline.length;
      seen.add(k.timeline);
      return i >= 2 && (i >= KEPT || rows > KEPT_ROWS);
    });
    if (over >= 0) {
      const own = this.own && this.kept.indexOf(this.own) >= over ? [this.own] : [];
      this.kept.length = over;
      this.kept.push(...own);
    }
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
    this.own = prepared;
    return {
      parameters: withEstimates(p, prepared.estimates),
      ranges: { ...estimatedRanges(prepared.estimates), ...ranges },
    };
  }
}

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
/** A 64-bit fingerprint of the stays' values (two FNV-1a streams over their bits). */
export const staysFingerprint = keptPer((stays: readonly StayInput[]): string => {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  const mix = (word: number) => {
    a = Math.imul(a ^ word, 0x01000193);
    b = Math.imul(b ^ word, 0x5bd1e995) ^ (b >>> 15);
  };
  const number = (x: number) => {
    bits[0] = x;
    mix(words[0]);
    mix(words[1]);
  };
  for (const s of stays) {
    for (let i = 0; i < s.citizen.length; i++) mix(s.citizen.charCodeAt(i));
    mix(0xffff);
    number(s.admission);
    number(s.discharge ?? -1);
    number(s.dailyRate);
    number(s.selfPayment);
  }
  return `${stays.length}:${(a >>> 0).toString(16)}${(b >>> 0).toString(16)}`;
});

/**
 * The runners kept: one per rule set, for the stays last asked about. A worker (the pane's engine
 * worker, the functions' worker) keeps its own, so a job or a recalculation on the same stays
 * projects on the timelines the last one prepared. Stays cross to a worker as a copy, so they are
 * known again by a fingerprint of their values.
 */
const runners = new Map<RuleSetName, { stays: string; runner: ProjectionRunner }>();

/** The stays' runner under the rule set: the one kept when the stays are the same. */
export function runnerFor(
  stays: readonly StayInput[],
  rules: RuleSetName = "NY"
): ProjectionRunner {
  const key = staysFingerprint(stays);
  const kept = runners.get(rules);
  if (kept?.stays === key) return kept.runner;
  const runner = new ProjectionRunner(stays, { rules: RULE_SETS[rules] });
  runners.set(rules, { stays: key, runner });
  return runner;
}
