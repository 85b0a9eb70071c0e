/**
 * Who uses the shelters, as the forecast sheet and the pane show it: the user groups of
 * src/engine/typology.ts (transitional, episodic, chronic) with their citizens, stays, nights,
 * gross cost and the refund lost to the day limit, each with its share of the whole. Pure, so
 * the pane computes it in its engine worker with the forecast's sheets. Money travels as exact
 * decimal text (a Decimal does not cross to and from a worker) and becomes a number only at the
 * sheet's edge.
 */
import type { Forecast, ForecastOptions, ForecastStay } from "../../engine/forecast";
import { Decimal, dec } from "../../engine/money";
import { DEFAULT_PARAMETERS, type ScenarioParameters } from "../../engine/parameters";
import { defaultBaseYear } from "../../engine/projection";
import {
  USER_GROUP_LABELS,
  USER_GROUPS,
  groupFigures,
  typologyYears,
  type TypologyRules,
  type UserGroup,
} from "../../engine/typology";
import { a1, type CellValue, type ChartSpec, type SheetSection } from "../../workbook/workbook";

/**
 * The typology's thresholds and window, from the active scenario of the Scenarier sheet when
 * it has valid values (`scenario` names it), else the registry's defaults (`scenario` null).
 */
export interface TypologyChoice {
  rules: TypologyRules;
  /** The scenario's base year; null: the last full year of the data, as the projection takes it. */
  baseYear: number | null;
  scenario: string | null;
}

export function typologyChoice(
  parameters: ScenarioParameters = DEFAULT_PARAMETERS,
  scenario: string | null = null
): TypologyChoice {
  return {
    rules: {
      years: parameters.typologyYears,
      chronicNights: parameters.chronicNights,
      episodicEpisodes: parameters.episodicEpisodes,
      episodeGapDays: parameters.episodeGapDays,
    },
    baseYear: parameters.baseYear,
    scenario,
  };
}

/** One group's figures; money as exact decimal text. */
export interface GroupRow {
  group: UserGroup;
  citizens: number;
  stays: number;
  nights: number;
  gross: string;
  refundLost: string;
}

export interface UserGroupSummary {
  /** The calendar years observed: the window that ends with the base year. */
  window: { first: number; last: number };
  choice: TypologyChoice;
  groups: GroupRow[];
  total: Omit<GroupRow, "group">;
}

/** The calendar years the groups observe: the window that ends with the base year. */
export function userGroupWindow(
  stays: readonly ForecastStay[],
  choice: TypologyChoice = typologyChoice()
): { first: number; last: number } | undefined {
  const last = choice.baseYear ?? defaultBaseYear(stays);
  return last === undefined ? undefined : typologyYears(last, choice.rules.years);
}

/**
 * The groups of the stays in the window that ends with the base year; undefined without stays.
 * `forecast`: the forecast of the same stays and rules, computed with that window (saves one).
 */
export function userGroupSummary(
  stays: readonly ForecastStay[],
  choice: TypologyChoice = typologyChoice(),
  options: Pick<ForecastOptions, "rules" | "statusDate"> = {},
  forecast?: Forecast
): UserGroupSummary | undefined {
  const window = userGroupWindow(stays, choice);
  if (window === undefined) return undefined;
  const figures = groupFigures(stays, window.last, choice.rules, options, forecast);
  const groups: GroupRow[] = figures.map((g) => ({
    group: g.group,
    citizens: g.citizens,
    stays: g.stays,
    nights: g.nights,
    gross: g.gross.toFixed(2),
    refundLost: g.refundLost.toFixed(2),
  }));
  const add = (pick: (g: GroupRow) => string) =>
    groups.reduce((s, g) => s.plus(pick(g)), dec(0)).toFixed(2);
  const count = (pick: (g: GroupRow) => number) => groups.reduce((n, g) => n + pick(g), 0);
  return {
    window,
    choice,
    groups,
    total: {
      citizens: count((g) => g.citizens),
      stays: count((g) => g.stays),
      nights: count((g) => g.nights),
      gross: add((g) => g.gross),
      refundLost: add((g) => g.refundLost),
    },
  };
}

/** The measures shown as shares of the whole, in the sheet's and the pane's order. */
export const SHARE_MEASURES = ["citizens", "nights", "gross", "refundLost"] as const;
export type ShareMeasure = (typeof SHARE_MEASURES)[number];

/** A group's share of a measure (0..1, exact to 4 decimals: 0,1 % on the sheet); null when the whole is 0. */
export function shareOf(
  summary: UserGroupSummary,
  group: GroupRow,
  measure: ShareMeasure
): number | null {
  const whole = new Decimal(summary.total[measure]);
  if (whole.isZero()) return null;
  return new Decimal(group[measure]).dividedBy(whole).toDecimalPlaces(4).toNumber();
}

/** How the groups were classified, in one Danish sentence for the sheet. */
export function typologyNote(summary: UserGroupSummary): string {
  const { rules, scenario } = summary.choice;
  const { first, last } = summary.window;
  const from =
    scenario === null
      ? "standardværdierne (intet gyldigt aktivt scenarie i arket Scenarier)"
      : `det aktive scenarie «${scenario}» i arket Scenarier`;
  return (
    `Brugergrupper efter Kuhn & Culhane (1998), som Benjaminsen & Andrade (2015) brugte på danske herbergsdata: ` +
    `kronisk bruger med mindst ${rules.chronicNights} overnatninger i ${first}–${last}; ` +
    `episodisk med mindst ${rules.episodicEpisodes} forløb (ophold under ${rules.episodeGapDays} dage fra hinanden er ét forløb); ellers forbigående. ` +
    `Perioden er de ${rules.years} år, der slutter med basisåret ${last}. Grænserne er fra ${from}.`
  );
}

export const GROUP_HEADERS = [
  "Gruppe",
  "Borgere",
  "Andel af borgerne",
  "Ophold",
  "Overnatninger",
  "Andel af overnatningerne",
  "Bruttoudgift",
  "Andel af bruttoudgiften",
  "Refusion tabt til dagegrænsen",
  "Andel af den tabte refusion",
] as const;

const KR = '#,##0.00 "kr."';
const COUNT = "#,##0";
const SHARE = "0.0%";
const GROUP_FORMATS = [null, COUNT, SHARE, COUNT, COUNT, SHARE, KR, SHARE, KR, SHARE];

/** The title, the note and the table (groups, then a total row), from (row, col) down. */
export function userGroupSections(
  summary: UserGroupSummary,
  row: number,
  col: number,
  table: string
): SheetSection[] {
  const share = (g: GroupRow, m: ShareMeasure): CellValue => shareOf(summary, g, m) ?? "";
  const rows: CellValue[][] = summary.groups.map((g) => [
    USER_GROUP_LABELS[g.group].da,
    g.citizens,
    share(g, "citizens"),
    g.stays,
    g.nights,
    share(g, "nights"),
    Number(g.gross),
    share(g, "gross"),
    Number(g.refundLost),
    share(g, "refundLost"),
  ]);
  const t = summary.total;
  const whole = (x: number | string) => (new Decimal(x).isZero() ? "" : 1);
  return [
    {
      at: a1(row, col),
      values: [
        [`Hvem bruger herbergerne? Brugergrupper ${summary.window.first}–${summary.window.last}`],
        [typologyNote(summary)],
      ],
      boldRows: [0],
      fit: false,
    },
    {
      at: a1(row + 2, col),
      values: [
        [...GROUP_HEADERS],
        ...rows,
        [
          "I alt",
          t.citizens,
          whole(t.citizens),
          t.stays,
          t.nights,
          whole(t.nights),
          Number(t.gross),
          whole(t.gross),
          Number(t.refundLost),
          whole(t.refundLost),
        ],
      ],
      numberFormats: GROUP_FORMATS,
      boldRows: [rows.length + 1],
      table: { name: table, rows: rows.length + 1 },
    },
  ];
}

/** The chart of the shares per group, from the table that userGroupSections put at (row, col). */
export function userGroupChart(
  sheet: string,
  row: number,
  col: number,
  place: { from: string; to: string }
): ChartSpec {
  const first = row + 3;
  const last = row + 2 + USER_GROUPS.length;
  const range = (header: (typeof GROUP_HEADERS)[number]) => {
    const c = col + GROUP_HEADERS.indexOf(header);
    return a1(first, c, last, c);
  };
  return {
    sheet,
    name: "Brugergrupper",
    type: "columnClustered",
    title: "Brugergruppernes andel af borgere, overnatninger og bruttoudgift",
    categories: range("Gruppe"),
    series: [
      { name: "Andel af borgerne", values: range("Andel af borgerne") },
      { name: "Andel af overnatningerne", values: range("Andel af overnatningerne") },
      { name: "Andel af bruttoudgiften", values: range("Andel af bruttoudgiften") },
    ],
    ...place,
  };
}
