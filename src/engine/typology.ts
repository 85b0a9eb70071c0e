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

/**
 * Each citizen's use of the shelters in the window (keyed by citizenKey), for the citizens with
 * at least one night in it.
 */
export function classifyCitizens(
  stays: readonly StayInput[],
  window: Span,
  rules: TypologyRules
): Map<string, CitizenUse> {
  const byCitizen = new Map<string, Span[]>();
  for (const s of stays) {
    const end = s.discharge === null ? window.to : Math.max(s.discharge, s.admission + 1);
    const from = Math.max(s.admission, window.from);
    const to = Math.min(end, window.to);
    if (from >= to) continue;
    const key = citizenKey(s.citizen);
    const list = byCitizen.get(key);
    if (list) list.push({ from, to });
    else byCitizen.set(key, [{ from, to }]);
  }
  const out = new Map<string, CitizenUse>();
  for (const [citizen, spans] of byCitizen) {
    spans.sort((a, b) => a.from - b.from || a.to - b.to);
    let nights = 0;
    let episodes = 0;
    let coveredTo: Serial = -Infinity;
    for (const s of spans) {
      if (s.from - coveredTo >= rules.episodeGapDays) episodes++;
      nights += Math.max(0, s.to - Math.max(s.from, coveredTo));
      coveredTo = Math.max(coveredTo, s.to);
    }
    const group: UserGroup =
      nights >= rules.chronicNights
        ? "chronic"
        : episodes >= rules.episodicEpisodes
          ? "episodic"
          : "transitional";
    out.set(citizen, { group, nights, episodes });
  }
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
