/**
 * What a projection computes once for the data and the choices that shape its timeline.
 */
import { problemError } from "../../messages";
import { RULE_SETS, type RuleSet } from "../rules";
import type { ScenarioParameters } from "../parameters";
import { MAX_EXACT_KRONER } from "../money";
import {
  computeShelterRefunds,
  isRowError,
  type RowError,
  type StayInput,
  type StayResult,
} from "../shelter";
import { classifyCitizens, typologyWindow, type UserGroup } from "../typology";
import { countedSpells, spellsOf, type Spell, type Spells } from "./queue";
import { estimateReturns, type ReturnEstimates } from "./returns";
import {
  canonicalStays,
  defaultBaseYear,
  jan1,
  projectionTimeline,
  type TimelineStay,
} from "./timeline";

export interface ProjectionOptions {
  /** The current-law rule set: NY (default) or NY-VINDUE. GAMMEL is always computed beside it. */
  rules?: RuleSet;
}

/** Money beyond whole øre in a double (rates indexed by 100 % a year for decades): no table rather than a wrong one. */
export const inexact = (): RowError =>
  problemError({ id: "projectionInexact", max: MAX_EXACT_KRONER });

/**
 * What a projection computes once for the data and the choices that shape the timeline (base
 * year, horizon, stay-length trend, rule set, user typology): a Monte Carlo run or a search for a
 * switching value evaluates many parameter sets on it while those stay the same.
 */
export interface PreparedProjection {
  /** The parameters and options it was prepared for, as one text (preparedKey). */
  key: string;
  baseYear: number;
  horizon: number;
  rules: RuleSet;
  timeline: TimelineStay[];
  results: StayResult[];
  spells: Map<string, Spells>;
  /** Each person's user group in the typology window that ends with the base year. */
  groups: Map<string, UserGroup>;
  /** Who comes back, estimated from the register up to the base year. */
  estimates: ReturnEstimates;
  /**
   * Each person's own chain of shelter spells: their recorded stays, then their recurring
   * admissions year by year; the § 85 a window of a move follows it (§ 176 a, stk. 3).
   */
  chains: Map<string, Spell[]>;
  /** Each recurrence's own counted spells: the chain of a replacement citizen (by timeline citizen). */
  recurrences: Map<string, Spell[]>;
}

/** The parameters that shape a prepared projection, as one text. */
export function preparedKey(p: ScenarioParameters, options: ProjectionOptions = {}): string {
  return [
    p.baseYear ?? "",
    p.horizon,
    p.stayLengthChange,
    options.rules?.name ?? "NY",
    p.typologyYears,
    p.chronicNights,
    p.episodicEpisodes,
    p.episodeGapDays,
  ].join("|");
}

/** The timeline and its § 110 results for the stays, or an error for input the model cannot use. */
export function prepareProjection(
  stays: readonly StayInput[],
  p: ScenarioParameters,
  options: ProjectionOptions = {}
): PreparedProjection | RowError {
  if (stays.length === 0) return problemError({ id: "noStaysToProject" });
  for (let i = 0; i < stays.length; i++) {
    const s = stays[i];
    if (s.discharge !== null && s.discharge < s.admission)
      return problemError({ id: "projectedStayDischargeBeforeAdmission", stay: i + 1 });
    if (!(s.dailyRate >= 0 && s.selfPayment >= 0 && Number.isFinite(s.dailyRate + s.selfPayment))) {
      return problemError({ id: "projectedStayAmountsInvalid", stay: i + 1 });
    }
  }
  const rules = options.rules ?? RULE_SETS.NY;
  const baseYear = p.baseYear ?? defaultBaseYear(stays)!;
  const horizon = p.horizon;
  if (baseYear + horizon > 9998)
    return problemError({ id: "projectionBeyond9999", baseYear, horizon });
  const baseStart = jan1(baseYear);
  const canonical = canonicalStays(stays);
  const timeline = projectionTimeline(canonical, {
    baseYear,
    horizon,
    stayLengthChange: p.stayLengthChange,
    historyFrom: Math.min(
      baseStart,
      rules.shelter.limitFrom?.value ?? Infinity,
      rules.aftercare.inForceFrom.value
    ),
  });
  if (
    !timeline.some(
      (s) => s.cohort === 0 && s.admission < jan1(baseYear + 1) && s.discharge > baseStart
    )
  ) {
    return problemError({ id: "baseYearWithoutNights", baseYear });
  }
  const results = computeShelterRefunds(timeline, { rules }).map((o) => {
    if (isRowError(o)) throw new Error(`Projection: replayed stay rejected: ${o.error.message}`);
    return o;
  });
  const typology = {
    years: p.typologyYears,
    chronicNights: p.chronicNights,
    episodicEpisodes: p.episodicEpisodes,
    episodeGapDays: p.episodeGapDays,
  };
  const classes = classifyCitizens(canonical, typologyWindow(baseYear, typology.years), typology);
  return {
    key: preparedKey(p, options),
    baseYear,
    horizon,
    rules,
    timeline,
    results,
    spells: spellsOf(timeline, results),
    groups: new Map([...classes].map(([person, use]) => [person, use.group])),
    estimates: estimateReturns(canonical, baseYear, typology),
    chains: countedSpells(timeline, results, (s) => s.person),
    recurrences: countedSpells(timeline, results, (s) => s.citizen),
  };
}
