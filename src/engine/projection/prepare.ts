/**
 * What a projection computes once for the data and the choices that shape its timeline.
 */
import { problemError } from "../../messages";
import { RULE_SETS, type RuleSet } from "../rules";
import type { ScenarioParameters } from "../parameters";
import { keptPer } from "../kept";
import { MAX_EXACT_KRONER } from "../money";
import type { RowError, StayInput } from "../shelter";
import {
  USER_GROUPS,
  registerPlace,
  typologyWindow,
  windowGroups,
  type UserGroup,
} from "../typology";
import { copyHistory, copyNights, type CopyHistory } from "./copyNights";
import { countedRows } from "./pieces";
import { joinedSpells, mergedSpells, spellsOf, type Spell, type SpellTable } from "./queue";
import { estimateReturns, type ReturnEstimates } from "./returns";
import { replayedNights, type StayNights } from "./tallies";
import {
  canonicalStays,
  citizenNumbers,
  defaultBaseYear,
  jan1,
  projectionTimeline,
  recordedTimeline,
  type RecordedTimeline,
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
  /** The keys of its two parts, which another preparation of the same stays may share. */
  timelineKey: string;
  groupsKey: string;
  /** The stays in canonical order. */
  canonical: StayInput[];
  baseYear: number;
  horizon: number;
  rules: RuleSet;
  timeline: TimelineStay[];
  results: StayNights[];
  /** Each timeline citizen's spells, in timeline order. */
  spells: SpellTable;
  /** Cohort 0 as prepared, which a preparation for another stay-length trend takes as it is. */
  recorded: Recorded;
  /**
   * Each register citizen's user group (a USER_GROUPS index; −1: no night) in the typology window
   * that ends with the base year, in registerCitizens' order: userGroupOf reads it by person.
   */
  groups: Int8Array;
  /** Who comes back, estimated from the register up to the base year. */
  estimates: ReturnEstimates;
  /** A person's counted stays with nights, in timeline order: what a move of them can take. */
  counted(person: string): number[];
  /**
   * A person's own chain of shelter spells: their recorded stays, then their recurring
   * admissions year by year; the § 85 a window of a move follows it (§ 176 a, stk. 3). Made the
   * first time it is asked for: only the people a projection moves need theirs.
   */
  chain(person: string): Spell[];
  /** A recurrence's own counted spells: the chain of a replacement citizen (a copy of `person`). */
  recurrence(person: string, citizen: string): Spell[];
}

/**
 * The recorded stays (cohort 0) of a timeline with their § 110 results and spells: the parameters
 * that shape them (`key`) are the timeline's but the stay-length trend, which changes the copies.
 */
interface Recorded {
  key: string;
  timeline: RecordedTimeline;
  results: readonly StayNights[];
  spells: SpellTable;
  /** The copies' history walked once (copyNights.ts). */
  history: CopyHistory;
}

/** The recorded stays' § 110 nights (cohort 0: each person's own stays). */
const recordedReplay = (stays: readonly TimelineStay[], rules: RuleSet): StayNights[] =>
  replayedNights(stays, rules, citizenNumbers(stays));

/** The parameters that shape the recorded stays: base year, horizon, rule set. */
const recordedKey = (p: ScenarioParameters, options: ProjectionOptions) =>
  [p.baseYear ?? "", p.horizon, options.rules?.name ?? "NY"].join("|");

/** The parameters that shape the timeline: the recorded stays' and the stay-length trend. */
const timelineKey = (p: ScenarioParameters, options: ProjectionOptions) =>
  `${recordedKey(p, options)}|${p.stayLengthChange}`;

/** The parameters that shape the user groups and who comes back: base year and typology. */
const groupsKey = (p: ScenarioParameters) =>
  [p.baseYear ?? "", p.typologyYears, p.chronicNights, p.episodicEpisodes, p.episodeGapDays].join(
    "|"
  );

/** The parameters that shape a prepared projection, as one text. */
export function preparedKey(p: ScenarioParameters, options: ProjectionOptions = {}): string {
  return `${timelineKey(p, options)}#${groupsKey(p)}`;
}

/**
 * Whether a draw of `p` can be evaluated on `prepared`: prepared for `p`, or for a longer horizon
 * with everything else the same (draw.ts reads the years up to p's horizon only).
 */
export function servesDraw(
  prepared: PreparedProjection,
  p: ScenarioParameters,
  options: ProjectionOptions = {}
): boolean {
  return (
    prepared.horizon >= p.horizon &&
    prepared.groupsKey === groupsKey(p) &&
    prepared.timelineKey === timelineKey({ ...p, horizon: prepared.horizon }, options)
  );
}

/**
 * The timeline and its § 110 results for the stays, or an error for input the model cannot use.
 * `reuse`: earlier preparations of the same stays, whose timeline or user groups are taken as
 * they are where their parameters match (a stay-length trend drawn anew keeps the groups).
 */
export function prepareProjection(
  stays: readonly StayInput[],
  p: ScenarioParameters,
  options: ProjectionOptions = {},
  reuse: readonly PreparedProjection[] = []
): PreparedProjection | RowError {
  const register = checkedStays(stays);
  if (isProjectionError(register)) return register;
  const rules = options.rules ?? RULE_SETS.NY;
  const baseYear = p.baseYear ?? register.baseYear;
  const horizon = p.horizon;
  if (baseYear + horizon > 9998)
    return problemError({ id: "projectionBeyond9999", baseYear, horizon });
  const keys = { timelineKey: timelineKey(p, options), groupsKey: groupsKey(p) };
  const canonical = reuse[0]?.canonical ?? canonicalStays(stays);
  const sameTimeline = reuse.find((r) => r.timelineKey === keys.timelineKey);
  const recordedBy = recordedKey(p, options);
  const timelinePart =
    sameTimeline ??
    timelineOf(
      canonical,
      p,
      rules,
      baseYear,
      recordedBy,
      reuse.find((r) => r.recorded.key === recordedBy)?.recorded
    );
  if (isProjectionError(timelinePart)) return timelinePart;
  const sameGroups = reuse.find((r) => r.groupsKey === keys.groupsKey);
  const typology = {
    years: p.typologyYears,
    chronicNights: p.chronicNights,
    episodicEpisodes: p.episodicEpisodes,
    episodeGapDays: p.episodeGapDays,
  };
  const groupsPart = sameGroups ?? {
    groups: windowGroups(canonical, typologyWindow(baseYear, typology.years), typology),
    estimates: estimateReturns(canonical, baseYear, typology),
  };
  return {
    key: preparedKey(p, options),
    ...keys,
    canonical,
    baseYear,
    horizon,
    rules,
    timeline: timelinePart.timeline,
    results: timelinePart.results,
    spells: timelinePart.spells,
    recorded: timelinePart.recorded,
    counted: timelinePart.counted,
    chain: timelinePart.chain,
    recurrence: timelinePart.recurrence,
    groups: groupsPart.groups,
    estimates: groupsPart.estimates,
  };
}

/**
 * The first stay a projection cannot use, or the default base year: once per stays array (a
 * search prepares the same stays for every value it tries).
 */
const checkedStays = keptPer(function checkStays(
  stays: readonly StayInput[]
): RowError | { baseYear: number } {
  if (stays.length === 0) return problemError({ id: "noStaysToProject" });
  for (let i = 0; i < stays.length; i++) {
    const s = stays[i];
    if (s.discharge !== null && s.discharge < s.admission)
      return problemError({ id: "projectedStayDischargeBeforeAdmission", stay: i + 1 });
    if (!(s.dailyRate >= 0 && s.selfPayment >= 0 && Number.isFinite(s.dailyRate + s.selfPayment))) {
      return problemError({ id: "projectedStayAmountsInvalid", stay: i + 1 });
    }
  }
  return { baseYear: defaultBaseYear(stays)! };
});

/** A person's user group in the prepared typology; a person without a night in its window is transitional. */
export function userGroupOf(prepared: PreparedProjection, person: string): UserGroup {
  const group = prepared.groups[registerPlace(prepared.canonical).get(person) ?? -1] ?? -1;
  return group < 0 ? "transitional" : USER_GROUPS[group];
}

type TimelinePart = Pick<
  PreparedProjection,
  "timeline" | "results" | "spells" | "recorded" | "counted" | "chain" | "recurrence"
>;

/**
 * The no-action timeline, its § 110 results and its spells; cohort 0 taken from `earlier` where
 * another trend's preparation has it (each citizen's refunds are their own stays' alone).
 */
function timelineOf(
  canonical: readonly StayInput[],
  p: ScenarioParameters,
  rules: RuleSet,
  baseYear: number,
  key: string,
  earlier: Recorded | undefined
): TimelinePart | RowError {
  const baseStart = jan1(baseYear);
  const options = {
    baseYear,
    horizon: p.horizon,
    stayLengthChange: p.stayLengthChange,
    historyFrom: Math.min(
      baseStart,
      rules.shelter.limitFrom?.value ?? Infinity,
      rules.aftercare.inForceFrom.value
    ),
  };
  const skeleton = earlier?.timeline ?? recordedTimeline(canonical, options);
  // The recorded stays alone say whether the base year has nights: asked before the copies.
  if (!skeleton.stays.some((s) => s.admission < jan1(baseYear + 1) && s.discharge > baseStart)) {
    return problemError({ id: "baseYearWithoutNights", baseYear });
  }
  const timeline = projectionTimeline(canonical, options, skeleton);
  const rows = skeleton.stays.length;
  const recordedNights = earlier?.results ?? recordedReplay(timeline.slice(0, rows), rules);
  const history = earlier?.history ?? copyHistory(skeleton, rules);
  const results = recordedNights.concat(copyNights(timeline, rows, history, rules));
  const recorded = earlier ?? {
    key,
    timeline: skeleton,
    results: recordedNights,
    spells: spellsOf(timeline, results, 0, rows),
    history,
  };
  const counted = countedRows(timeline, results, registerPlace(canonical));
  const chains = new Map<string, Spell[]>();
  const recurrences = new Map<string, Spell[]>();
  return {
    timeline,
    results,
    spells: joinedSpells(recorded.spells, spellsOf(timeline, results, rows)),
    recorded,
    counted,
    chain: (person) => kept(chains, person, () => mergedSpells(counted(person), results)),
    recurrence: (person, citizen) =>
      kept(recurrences, citizen, () =>
        mergedSpells(
          counted(person).filter((row) => timeline[row].citizen === citizen),
          results
        )
      ),
  };
}

/** The value kept under `key`, made the first time. */
function kept<T>(map: Map<string, T>, key: string, make: () => T): T {
  let value = map.get(key);
  if (value === undefined) map.set(key, (value = make()));
  return value;
}

const isProjectionError = <T extends object>(x: T | RowError): x is RowError => "code" in x;
