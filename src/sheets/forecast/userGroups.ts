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
  USER_GROUPS,
  groupFigures,
  typologyYears,
  type TypologyRules,
  type UserGroup,
} from "../../engine/typology";
import { a1, type CellValue, type ChartSpec, type SheetSection } from "../../workbook/workbook";
import type { SheetLanguage } from "../sheetLanguage";
import { FORECAST_TEXTS } from "./forecastTexts";

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

/** How the groups were classified, in one sentence for the sheet. */
export function typologyNote(summary: UserGroupSummary, language: SheetLanguage = "da"): string {
  const { rules, scenario } = summary.choice;
  return FORECAST_TEXTS[language].typologyNote({ ...rules, ...summary.window, scenario });
}

/** The table's headers (Danish; the sheet shows them in its language). */
export const GROUP_HEADERS = FORECAST_TEXTS.da.groupHeaders;

const KR = '#,##0.00 "kr."';
const COUNT = "#,##0";
const SHARE = "0.0%";
/** The chart's axis: whole percentages. */
const SHARE_AXIS = "0%";
const GROUP_FORMATS = [null, COUNT, SHARE, COUNT, COUNT, SHARE, KR, SHARE, KR, SHARE];

/** The title, the note and the table (groups, then a total row), from (row, col) down. */
export function userGroupSections(
  summary: UserGroupSummary,
  row: number,
  col: number,
  table: string,
  language: SheetLanguage = "da"
): SheetSection[] {
  const text = FORECAST_TEXTS[language];
  const share = (g: GroupRow, m: ShareMeasure): CellValue => shareOf(summary, g, m) ?? "";
  const rows: CellValue[][] = summary.groups.map((g) => [
    text.groupLabel[g.group],
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
        [text.groupsTitle(summary.window.first, summary.window.last)],
        [typologyNote(summary, language)],
      ],
      boldRows: [0],
      fit: false,
    },
    {
      at: a1(row + 2, col),
      values: [
        [...text.groupHeaders],
        ...rows,
        [
          text.total,
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
  place: { from: string; to: string },
  language: SheetLanguage = "da"
): ChartSpec {
  const t = FORECAST_TEXTS[language];
  const first = row + 3;
  const last = row + 2 + USER_GROUPS.length;
  const range = (header: number) => a1(first, col + header, last, col + header);
  return {
    sheet,
    name: "Brugergrupper",
    type: "columnClustered",
    title: t.groupsChart,
    categories: range(0),
    // The share columns of the table (userGroupSections): citizens, nights, gross cost.
    series: [
      { name: t.groupSeries[0], values: range(2) },
      { name: t.groupSeries[1], values: range(5) },
      { name: t.groupSeries[2], values: range(7) },
    ],
    valueFormat: SHARE_AXIS,
    ...place,
  };
}
