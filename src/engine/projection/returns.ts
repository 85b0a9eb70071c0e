/**
 * Who comes back (docs/model.md, section 3): from the municipality's own register, per user group,
 * the chance that a citizen is admitted to a shelter again in a later year, and the nights they
 * have when they do. The projection removes only this expected use when it houses someone; the
 * rest of the recurring use is other people (deadweight), on both paths.
 *
 * The model is a two-state chain over calendar years of admission, as the seed recommends ("a
 * Markov model built from the municipality's data"): a citizen admitted in year Y is back in Y+1
 * with the chance `next`; a citizen whose last admission was two or more years before is back
 * with the chance `afterGap`. A returner's nights in the year they come back are `nights` times
 * their nights in the year they were last admitted. Each is estimated per user group (the group
 * of the citizen in the typology window that ends with year Y) as a ratio of counts pooled over
 * the register's years, with a bootstrap over citizens for its uncertainty.
 */
import { yearOf } from "../calendar";
import { Decimal, dec } from "../money";
import {
  parameterById,
  returnParameterId,
  type ParameterRanges,
  type ReturnQuantity,
  type ScenarioParameters,
} from "../parameters";
import { seededRandom } from "../random";
import { citizenKey, type StayInput } from "../shelter";
import {
  USER_GROUPS,
  registerPlace,
  typologyWindow,
  windowGroups,
  type TypologyRules,
  type UserGroup,
} from "../typology";
import { keptPer } from "../kept";
import { percentile } from "../percentile";
import { jan1 } from "./timeline";

/** The three quantities of the chain, per group. */
export const RETURN_QUANTITIES = ["next", "afterGap", "nights"] as const satisfies ReturnQuantity[];
export type ReturnRates = Record<ReturnQuantity, number>;

/** Where an estimate comes from: the group's own records, all groups pooled, or the reserve. */
export type EstimateBasis = "group" | "pooled" | "reserve";

export interface Estimate {
  value: number;
  /** The bootstrap's 2,5 % and 97,5 % percentiles (the reserve's stated range). */
  low: number;
  high: number;
  basis: EstimateBasis;
  /** Citizens the estimate rests on (with at least one year observed at risk, or one return). */
  citizens: number;
  /** Citizen-years at risk (for the nights: returns observed). */
  observations: number;
}

export type GroupEstimates = Record<ReturnQuantity, Estimate>;
export type ReturnEstimates = Record<UserGroup, GroupEstimates>;

/**
 * Fewer observations than this and an estimate is not the group's own: all groups pooled, and
 * with fewer than this pooled too, the reserve. Twenty citizen-years give a rate to about ±0,2.
 */
export const MIN_OBSERVATIONS = 20;
/** Bootstrap resamples of the citizens; seeded, so the same register gives the same ranges. */
export const BOOTSTRAP_RESAMPLES = 200;
const BOOTSTRAP_SEED = 2023;

/** Counts of one citizen in one group: at risk and back, for each state, and the returns' nights. */
const AT_RISK_NEXT = 0;
const BACK_NEXT = 1;
const AT_RISK_GAP = 2;
const BACK_GAP = 3;
const NIGHTS_BACK = 4;
const NIGHTS_BEFORE = 5;
const COUNTS = 6;
const GROUP_INDEX = new Map(USER_GROUPS.map((g, i) => [g, i]));
const TRANSITIONAL = GROUP_INDEX.get("transitional")!;
/** A citizen's counts: COUNTS for each group. */
const PER_CITIZEN = COUNTS * USER_GROUPS.length;

/** A citizen's years of admission, ascending, and the nights of the stays admitted in each. */
interface AdmissionYears {
  /** The citizen's place in registerCitizens (typology.ts). */
  citizen: number;
  years: number[];
  nights: number[];
}

/**
 * Kept per stays array and last year: a search over the typology's thresholds estimates again
 * from the same register for every value it tries, and the nights do not depend on them.
 */
const admissionsKept = keptPer(() => new Map<number, AdmissionYears[]>());

/** Each citizen's nights of the stays admitted in each year, up to `lastYear`. */
function admissionYears(stays: readonly StayInput[], lastYear: number): AdmissionYears[] {
  const kept = admissionsKept(stays);
  const known = kept.get(lastYear);
  if (known) return known;
  const end = jan1(lastYear + 1);
  const byCitizen = new Map<string, Map<number, number>>();
  for (const s of stays) {
    if (s.admission >= end) continue;
    const key = citizenKey(s.citizen);
    const year = yearOf(s.admission);
    const nights = Math.max(1, (s.discharge ?? end) - s.admission);
    let years = byCitizen.get(key);
    if (!years) byCitizen.set(key, (years = new Map()));
    years.set(year, (years.get(year) ?? 0) + nights);
  }
  const place = registerPlace(stays);
  const out = [...byCitizen].map(([key, byYear]) => {
    const years = [...byYear.keys()].sort((a, b) => a - b);
    return { citizen: place.get(key)!, years, nights: years.map((y) => byYear.get(y)!) };
  });
  kept.set(lastYear, out);
  return out;
}

/** The return quantities: `people` counts citizens for each of them, per group and pooled. */
const Q = RETURN_QUANTITIES.length;

/**
 * Per citizen counted, their counts of each group (USER_GROUPS order, COUNTS each; a place k in
 * 0..PER_CITIZEN) as their few non-zero entries, which is all a sum or a resample adds: citizen
 * i's are `at[j]`, `values[j]` for j from starts[i] to starts[i + 1]. With them, the citizens
 * with an observation per group, then all groups pooled, and quantity (`people[Q × g + q]`).
 */
interface CitizenCounts {
  citizens: number;
  starts: Int32Array;
  at: Int32Array;
  values: Float64Array;
  people: Int32Array;
}

/**
 * Each citizen's counts over the transitions from year Y to Y+1, for Y from their first
 * admission (and the first year whose typology window the register covers) to lastYear − 1:
 * counted one citizen at a time in a block of PER_CITIZEN, whose non-zero entries are kept.
 */
function citizenCounts(
  stays: readonly StayInput[],
  lastYear: number,
  typology: TypologyRules
): CitizenCounts {
  const register = admissionYears(stays, lastYear);
  let first = lastYear;
  for (const { years } of register) first = Math.min(first, years[0]);
  // A citizen's group in year Y is known once the typology window ending with Y lies inside the
  // register: before that, a chronic user's earlier nights are missing and they read as transitional.
  const from = first + typology.years - 1;
  const groupsOf: Int8Array[] = [];
  for (let y = from; y < lastYear; y++)
    groupsOf.push(windowGroups(stays, typologyWindow(y, typology.years), typology));
  const block = new Float64Array(PER_CITIZEN);
  const starts = [0];
  const at: number[] = [];
  const values: number[] = [];
  const people = new Int32Array((USER_GROUPS.length + 1) * Q);
  for (const { citizen, years, nights } of register) {
    if (years[0] >= lastYear) continue;
    block.fill(0);
    // k: the first admission year at or after y; last: the latest admission year up to y.
    let k = 0;
    let last = 0;
    for (let y = years[0]; y < lastYear; y++) {
      while (years[k] < y) k++;
      if (years[k] === y) last = k;
      if (y < from) continue;
      const group = groupsOf[y - from][citizen];
      const own = COUNTS * (group < 0 ? TRANSITIONAL : group);
      const next = years[k] === y ? k + 1 : k;
      const back = years[next] === y + 1;
      const gap = y > years[last];
      block[own + (gap ? AT_RISK_GAP : AT_RISK_NEXT)]++;
      if (!back) continue;
      block[own + (gap ? BACK_GAP : BACK_NEXT)]++;
      block[own + NIGHTS_BACK] += nights[next];
      block[own + NIGHTS_BEFORE] += nights[last];
    }
    for (let j = 0; j < PER_CITIZEN; j++)
      if (block[j] !== 0) {
        at.push(j);
        values.push(block[j]);
      }
    starts.push(at.length);
    for (let q = 0; q < Q; q++) {
      let any = false;
      for (let g = 0; g < USER_GROUPS.length; g++)
        if (observations(block, COUNTS * g, RETURN_QUANTITIES[q]) > 0) {
          people[Q * g + q]++;
          any = true;
        }
      if (any) people[Q * USER_GROUPS.length + q]++;
    }
  }
  return {
    citizens: starts.length - 1,
    starts: Int32Array.from(starts),
    at: Int32Array.from(at),
    values: Float64Array.from(values),
    people,
  };
}

/** The three ratios of summed counts at `at` (NaN where a denominator is 0). */
function ratios(sums: Float64Array, at: number): ReturnRates {
  return {
    next: sums[at + BACK_NEXT] / sums[at + AT_RISK_NEXT],
    afterGap: sums[at + BACK_GAP] / sums[at + AT_RISK_GAP],
    nights: sums[at + NIGHTS_BACK] / sums[at + NIGHTS_BEFORE],
  };
}

/**
 * The register's estimates for every group and quantity, at most `lastYear`'s admissions used:
 * the group's own where it has MIN_OBSERVATIONS, else all groups pooled, else the reserve.
 */
export function estimateReturns(
  stays: readonly StayInput[],
  lastYear: number,
  typology: TypologyRules
): ReturnEstimates {
  const { citizens, starts, at, values, people } = citizenCounts(stays, lastYear, typology);
  const width = COUNTS * (USER_GROUPS.length + 1);
  const POOLED = COUNTS * USER_GROUPS.length;
  /**
   * Group sums and the pooled sum over all citizens, or over a resample: `times[c]` is how often
   * citizen c was picked. Whole counts and nights: summed in any order, the same numbers.
   */
  const total = (times?: Int32Array) => {
    const sums = new Float64Array(width);
    for (let c = 0; c < citizens; c++) {
      const n = times ? times[c] : 1;
      if (n === 0) continue;
      for (let j = starts[c]; j < starts[c + 1]; j++) sums[at[j]] += n * values[j];
    }
    for (let i = 0; i < POOLED; i++) sums[POOLED + (i % COUNTS)] += sums[i];
    return sums;
  };
  const all = total();
  // The resamples are drawn when a range is first read: a search over the typology (switching
  // values, the tornado) estimates again for every value it tries and reads the values only.
  let resamples: Float64Array[] | undefined;
  const bootstrap = () => {
    if (resamples) return resamples;
    const random = seededRandom(BOOTSTRAP_SEED);
    // Picks counted per citizen, then one pass in order: tens of thousands of citizens picked
    // at random read their counts from all over memory.
    const times = new Int32Array(citizens);
    return (resamples = Array.from({ length: BOOTSTRAP_RESAMPLES }, () => {
      times.fill(0);
      for (let k = 0; k < citizens; k++) times[Math.floor(random() * citizens)]++;
      return total(times);
    }));
  };

  /** The observations an estimate at `at` rests on (POOLED: all groups), and its citizens. */
  const observed = (at: number, q: ReturnQuantity) => ({
    observations: observations(all, at, q),
    citizens: people[(Q * at) / COUNTS + RETURN_QUANTITIES.indexOf(q)],
  });
  const estimate = (at: number, q: ReturnQuantity, basis: EstimateBasis): Estimate => {
    const value = ratios(all, at)[q];
    let range: { low: number; high: number } | undefined;
    const interval = () => {
      if (range) return range;
      const draws = bootstrap()
        .map((s) => ratios(s, at)[q])
        .filter((v) => Number.isFinite(v))
        .sort((a, b) => a - b);
      const low = draws.length > 0 ? percentile(draws, 0.025) : value;
      const high = draws.length > 0 ? percentile(draws, 0.975) : value;
      return (range = { low: Math.min(low, value), high: Math.max(high, value) });
    };
    // Getters are enumerable own properties: spread, JSON and a worker's structured clone read them.
    return {
      value,
      get low() {
        return interval().low;
      },
      get high() {
        return interval().high;
      },
      basis,
      ...observed(at, q),
    };
  };
  const reserve = (g: UserGroup, q: ReturnQuantity): Estimate => {
    const { value, low, high } = parameterById(returnParameterId(g, q)).estimated!.reserve;
    return { value, low, high, basis: "reserve", citizens: 0, observations: 0 };
  };
  const pick = (g: UserGroup, q: ReturnQuantity): Estimate => {
    const at = COUNTS * GROUP_INDEX.get(g)!;
    if (observed(at, q).observations >= MIN_OBSERVATIONS) return estimate(at, q, "group");
    if (observed(POOLED, q).observations >= MIN_OBSERVATIONS) return estimate(POOLED, q, "pooled");
    return reserve(g, q);
  };
  return Object.fromEntries(
    USER_GROUPS.map((g) => [g, Object.fromEntries(RETURN_QUANTITIES.map((q) => [q, pick(g, q)]))])
  ) as ReturnEstimates;
}

/** The count a quantity's ratio rests on: citizen-years at risk, or returns for the nights. */
function observations(counts: Float64Array, at: number, q: ReturnQuantity): number {
  if (q === "next") return counts[at + AT_RISK_NEXT];
  if (q === "afterGap") return counts[at + AT_RISK_GAP];
  return counts[at + BACK_NEXT] + counts[at + BACK_GAP];
}

/**
 * The chance that a citizen admitted in year 0 is admitted in year L, for L = 0..horizon, by the
 * chain: x(0) = 1, x(L) = x(L−1)·next + (1 − x(L−1))·afterGap. Exact decimals: the projection
 * multiplies whole-øre tallies by them.
 */
export function returnChances(rates: ReturnRates, horizon: number): Decimal[] {
  const next = dec(rates.next);
  const afterGap = dec(rates.afterGap);
  const out: Decimal[] = [dec(1)];
  for (let l = 1; l <= horizon; l++) {
    const x = out[l - 1];
    out.push(x.times(next).plus(dec(1).minus(x).times(afterGap)));
  }
  return out;
}

/**
 * The share of a housed citizen's recurring shelter use that would have been theirs L years
 * after the year of the stay they left: the chance to be back × the returners' nights, at most 1.
 */
export function expectedUse(rates: ReturnRates, horizon: number): Decimal[] {
  const nights = dec(rates.nights);
  return returnChances(rates, horizon).map((x, l) =>
    l === 0 ? dec(1) : Decimal.min(1, x.times(nights))
  );
}

/** The rates the projection uses: the scenario's own where it has one, else the register's. */
export function resolvedRates(
  estimates: ReturnEstimates,
  p: ScenarioParameters
): Record<UserGroup, ReturnRates> {
  return Object.fromEntries(
    USER_GROUPS.map((g) => [
      g,
      Object.fromEntries(
        RETURN_QUANTITIES.map((q) => [q, p[returnParameterId(g, q)] ?? estimates[g][q].value])
      ),
    ])
  ) as Record<UserGroup, ReturnRates>;
}

/** Where an estimate's low–high range comes from, in the words of the Scenarier sheet. */
export function estimateSource(e: Estimate, reserveSource: string): string {
  if (e.basis === "reserve") return reserveSource;
  const pooled = e.basis === "pooled" ? ", alle brugergrupper samlet (for få i gruppen)" : "";
  return `Kommunens egne ophold${pooled}: 95 %-interval fra ${BOOTSTRAP_RESAMPLES} bootstrap-træk over ${e.citizens} borgere (${e.observations} observationer)`;
}

/** The estimates' low–high ranges, for the parameters left blank (estimated from the data). */
export function estimatedRanges(estimates: ReturnEstimates): ParameterRanges {
  const out: ParameterRanges = {};
  for (const g of USER_GROUPS)
    for (const q of RETURN_QUANTITIES) {
      const e = estimates[g][q];
      const def = parameterById(returnParameterId(g, q));
      out[def.id] = {
        low: e.low,
        high: e.high,
        source: estimateSource(e, def.estimated!.reserve.source),
      };
    }
  return out;
}

/** The parameters with each blank return parameter set to the register's estimate. */
export function withEstimates(
  p: ScenarioParameters,
  estimates: ReturnEstimates
): ScenarioParameters {
  const out = { ...p };
  for (const g of USER_GROUPS)
    for (const q of RETURN_QUANTITIES) out[returnParameterId(g, q)] ??= estimates[g][q].value;
  return out;
}
