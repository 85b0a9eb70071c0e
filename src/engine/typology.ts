/**
 * Who uses the shelters: each citizen's shelter use in an observation window classified as
 * transitional, episodic or chronic, after Kuhn & Culhane's typology (1998), which Benjaminsen &
 * Andrade (2015) applied to Danish shelter data.
 *
 * Both studies found the groups by cluster analysis of each user's number of shelter days and
 * number of episodes; neither published cut-offs that a municipality could apply to its own
 * register. The add-in therefore classifies by fixed thresholds (scenario parameters with their
 * sources, in parameters/registry.ts), so a citizen's group does not depend on who else is in the data:
 * - chronic: at least `chronicNights` nights in the window;
 * - episodic: not chronic, and at least `episodicEpisodes` episodes in the window, where stays
 *   less than `episodeGapDays` days apart are one episode;
 * - transitional: everyone else.
 * Nights are counted as the § 110 engine counts them (a day of overlapping stays once; an open
 * stay to the window's end).
 */
import { serialFromYmd, type Serial } from "./calendar";
import {
  computeForecast,
  type Forecast,
  type ForecastOptions,
  type ForecastStay,
} from "./forecast";
import { keptPer } from "./kept";
import { kronerFromOre, type Decimal } from "./money";
import { citizenKey, type Span, type StayInput } from "./shelter";
import { USER_GROUPS, type UserGroup } from "./userGroups";

export { USER_GROUPS, type UserGroup };

export const USER_GROUP_LABELS: Record<UserGroup, { da: string; en: string }> = {
  chronic: { da: "Kroniske brugere", en: "Chronic users" },
  episodic: { da: "Episodiske brugere", en: "Episodic users" },
  transitional: { da: "Forbigående brugere", en: "Transitional users" },
};

export interface TypologyRules {
  /** The observation window: this many calendar years, ending with `lastYear`. */
  years: number;
  chronicNights: number;
  episodicEpisodes: number;
  episodeGapDays: number;
}

export interface CitizenUse {
  group: UserGroup;
  nights: number;
  episodes: number;
}

/** The window of `years` calendar years that ends with `lastYear`, as a half-open span. */
export function typologyWindow(lastYear: number, years: number): Span {
  return { from: serialFromYmd(lastYear - years + 1, 1, 1), to: serialFromYmd(lastYear + 1, 1, 1) };
}

/** Each citizen's stays in order of admission, as flat arrays (a discharge of NaN: still open). */
interface CitizensStays {
  keys: string[];
  /** Citizen c's stays are at starts[c] up to starts[c + 1]. */
  starts: Int32Array;
  admission: Float64Array;
  discharge: Float64Array;
}

/**
 * The stays grouped once per stays array: a search over the typology's thresholds (switching
 * values, the tornado) classifies the same register again for every value it tries.
 */
const citizensStays = keptPer((stays: readonly StayInput[]): CitizensStays => {
  const rows = new Map<string, number[]>();
  stays.forEach((s, i) => {
    const key = citizenKey(s.citizen);
    const list = rows.get(key);
    if (list) list.push(i);
    else rows.set(key, [i]);
  });
  const starts = new Int32Array(rows.size + 1);
  const admission = new Float64Array(stays.length);
  const discharge = new Float64Array(stays.length);
  let at = 0;
  [...rows.values()].forEach((list, c) => {
    list.sort((a, b) => stays[a].admission - stays[b].admission);
    for (const i of list) {
      admission[at] = stays[i].admission;
      discharge[at++] = stays[i].discharge ?? NaN;
    }
    starts[c + 1] = at;
  });
  return { keys: [...rows.keys()], starts, admission, discharge };
});

/** The citizens of a register, in the order `windowGroups` indexes them (citizenKey each). */
export const registerCitizens = (stays: readonly StayInput[]): readonly string[] =>
  citizensStays(stays).keys;

/** Each citizen's place in registerCitizens, by citizenKey: once per stays array. */
export const registerPlace = keptPer(
  (stays: readonly StayInput[]): ReadonlyMap<string, number> =>
    new Map(registerCitizens(stays).map((key, i) => [key, i]))
);

interface WindowUse {
  nights: Float64Array;
  episodes: Int32Array;
}

/**
 * The windows' use of the stays last computed, for one episode gap: a search over the chronic
 * nights or the episodes asks for the same windows' use again with every value it tries (the
 * return estimates classify every year of the register). One gap at a time, and at most
 * WINDOWS_KEPT windows (a register's years for a few window lengths), keep it small.
 */
const WINDOWS_KEPT = 48;
const usesKept = keptPer((): { gap: number; byWindow: Map<string, WindowUse> } => ({
  gap: NaN,
  byWindow: new Map(),
}));

/**
 * Each citizen's nights and episodes in the window, indexed as registerCitizens lists them
 * (0 episodes: no night in it). Nights are counted once where stays overlap.
 */
function windowUse(stays: readonly StayInput[], window: Span, episodeGapDays: number): WindowUse {
  const kept = usesKept(stays);
  if (kept.gap !== episodeGapDays) {
    kept.gap = episodeGapDays;
    kept.byWindow.clear();
  }
  const key = `${window.from}|${window.to}`;
  let use = kept.byWindow.get(key);
  if (!use) {
    if (kept.byWindow.size >= WINDOWS_KEPT) kept.byWindow.clear();
    kept.byWindow.set(key, (use = countWindowUse(stays, window, episodeGapDays)));
  }
  return use;
}

function countWindowUse(
  stays: readonly StayInput[],
  window: Span,
  episodeGapDays: number
): WindowUse {
  const { keys, starts, admission, discharge } = citizensStays(stays);
  const nights = new Float64Array(keys.length);
  const episodes = new Int32Array(keys.length);
  for (let c = 0; c < keys.length; c++) {
    let coveredTo: Serial = -Infinity;
    // In order of admission, so of each span's start in the window: stays that start on the
    // same day count their nights and their episode once, in either order.
    for (let i = starts[c]; i < starts[c + 1]; i++) {
      const end = Number.isNaN(discharge[i]) ? window.to : Math.max(discharge[i], admission[i] + 1);
      const from = Math.max(admission[i], window.from);
      const to = Math.min(end, window.to);
      if (from >= to) continue;
      if (from - coveredTo >= episodeGapDays) episodes[c]++;
      nights[c] += Math.max(0, to - Math.max(from, coveredTo));
      coveredTo = Math.max(coveredTo, to);
    }
  }
  return { nights, episodes };
}

/** The group of a citizen with these nights and episodes, as an index into USER_GROUPS. */
const groupIndexOf = (nights: number, episodes: number, rules: TypologyRules): number =>
  nights >= rules.chronicNights ? 0 : episodes >= rules.episodicEpisodes ? 1 : 2;

/**
 * Each citizen's user group in the window as an index into USER_GROUPS (−1: no night in it),
 * indexed as registerCitizens lists them: what a search over the thresholds asks many times.
 */
export function windowGroups(
  stays: readonly StayInput[],
  window: Span,
  rules: TypologyRules
): Int8Array {
  const { nights, episodes } = windowUse(stays, window, rules.episodeGapDays);
  const groups = new Int8Array(nights.length);
  for (let c = 0; c < nights.length; c++)
    groups[c] = episodes[c] === 0 ? -1 : groupIndexOf(nights[c], episodes[c], rules);
  return groups;
}

/**
 * Each citizen's use of the shelters in the window (keyed by citizenKey), for the citizens with
 * at least one night in it.
 */
export function classifyCitizens(
  stays: readonly StayInput[],
  window: Span,
  rules: TypologyRules
): Map<string, CitizenUse> {
  const keys = registerCitizens(stays);
  const { nights, episodes } = windowUse(stays, window, rules.episodeGapDays);
  const out = new Map<string, CitizenUse>();
  keys.forEach((citizen, c) => {
    if (episodes[c] === 0) return;
    const group = USER_GROUPS[groupIndexOf(nights[c], episodes[c], rules)];
    out.set(citizen, { group, nights: nights[c], episodes: episodes[c] });
  });
  return out;
}

/** One user group's share of the window's shelter use, money exact to the øre. */
export interface GroupFigures {
  group: UserGroup;
  citizens: number;
  /** Stays with nights in the window. */
  stays: number;
  nights: number;
  gross: Decimal;
  refundNy: Decimal;
  refundGammel: Decimal;
  /** refundGammel − refundNy: the refund lost to the day limit. */
  refundLost: Decimal;
}

/** The window's calendar years, for ForecastOptions.window. */
export const typologyYears = (lastYear: number, years: number) => ({
  first: lastYear - years + 1,
  last: lastYear,
});

/**
 * The figures of each user group in the window (in USER_GROUPS order), from the forecast's money
 * in the window's years: rounded per stay and year as DK.FORECAST rounds it, so the groups add up
 * to the forecast's totals for those years. `forecast`: a forecast of the same stays and rules
 * computed with the window (ForecastOptions.window), which saves computing one here.
 */
export function groupFigures(
  stays: readonly ForecastStay[],
  lastYear: number,
  rules: TypologyRules,
  forecastOptions: Pick<ForecastOptions, "rules" | "statusDate"> = {},
  forecast?: Forecast
): GroupFigures[] {
  const years = typologyYears(lastYear, rules.years);
  const classes = classifyCitizens(stays, typologyWindow(lastYear, rules.years), rules);
  const withWindow =
    forecast?.window?.first === years.first && forecast.window.last === years.last
      ? forecast
      : computeForecast(stays, { ...forecastOptions, years, window: years });
  const sums = new Map<
    UserGroup,
    { citizens: number; stays: number; nights: number; gross: number; ny: number; gammel: number }
  >(USER_GROUPS.map((g) => [g, { citizens: 0, stays: 0, nights: 0, gross: 0, ny: 0, gammel: 0 }]));
  for (const use of classes.values()) sums.get(use.group)!.citizens++;
  for (const line of withWindow.stays) {
    const w = line.window!;
    if (w.days === 0) continue;
    const use = classes.get(citizenKey(stays[line.index].citizen));
    if (!use) continue;
    const s = sums.get(use.group)!;
    s.stays++;
    s.nights += w.days;
    s.gross += w.grossOre;
    s.ny += w.refundNyOre;
    s.gammel += w.refundGammelOre;
  }
  return USER_GROUPS.map((group) => {
    const s = sums.get(group)!;
    return {
      group,
      citizens: s.citizens,
      stays: s.stays,
      nights: s.nights,
      gross: kronerFromOre(s.gross),
      refundNy: kronerFromOre(s.ny),
      refundGammel: kronerFromOre(s.gammel),
      refundLost: kronerFromOre(s.gammel - s.ny),
    };
  });
}
