/**
 * The forecast's own sheets as data: the forecast sheet ("Refusionsprognose": the budget year
 * and its overslagsår first, then the forecast by quarter and by year, the user groups) and the
 * audit sheet ("Refusion pr. ophold", auditSheet.ts). Pure: stays in,
 * sheet specs and a summary out, so the pane computes them in its engine worker
 * (taskpane/worker) and only writes them on the UI thread.
 */
import type { Serial } from "../../engine/calendar";
import {
  AMOUNT_HEADERS,
  amountValues,
  computeForecast,
  defaultYears,
  type Amounts,
  type Forecast,
} from "../../engine/forecast";
import { DEFAULT_PARAMETERS } from "../../engine/parameters";
import { computeProjection, isProjectionError } from "../../engine/projection";
import { RULE_SETS, type RuleSet } from "../../engine/rules";
import { a1, type CellValue, type ChartSpec, type SheetSpec } from "../../workbook/workbook";
import {
  BUDGET_BLOCK_ROWS,
  budgetYears,
  budgetYearsSections,
  type BudgetYearsTable,
} from "../budget/budgetYears";
import type { SheetLanguage } from "../sheetLanguage";
import { auditSheet } from "./auditSheet";
import { AUDIT_SHEET, FORECAST_SHEET, FORMATS, TABLES, type ForecastInput } from "./forecastInput";
import { FORECAST_TEXTS } from "./forecastTexts";
import {
  userGroupChart,
  userGroupSections,
  userGroupSummary,
  userGroupWindow,
  type UserGroupSummary,
} from "./userGroups";

export { AUDIT_SHEET, FORECAST_SHEET, FORMATS, type ForecastInput } from "./forecastInput";

/** Money as exact decimal text (a Decimal does not cross to and from a worker). */
export type SummaryAmounts = { stayDays: number } & Record<
  Exclude<keyof Amounts, "stayDays" | "refundDaysNy" | "refundDaysGammel">,
  string
>;

export interface ForecastSummary {
  period: { start: Serial; end: Serial };
  statusDate: Serial;
  years: number[];
  total: SummaryAmounts;
  /** Who uses the shelters: the user groups in the typology's window. */
  groups?: UserGroupSummary;
  /** The budget year and the overslagsår, as on top of the forecast sheet. */
  budget?: BudgetYearsTable;
  language: SheetLanguage;
}

export interface ForecastSheets {
  summary: ForecastSummary;
  forecast: SheetSpec;
  audit: SheetSpec;
}

const summaryAmounts = (a: Amounts): SummaryAmounts => ({
  stayDays: a.stayDays,
  gross: a.gross.toFixed(2),
  selfPayment: a.selfPayment.toFixed(2),
  refundNy: a.refundNy.toFixed(2),
  refundGammel: a.refundGammel.toFixed(2),
  difference: a.difference.toFixed(2),
  netCost: a.netCost.toFixed(2),
});

/** The B + 3 table, the scenario it is projected with, and why the projection failed, if it did. */
export interface BudgetPart {
  table: BudgetYearsTable;
  scenario: string | null;
  problem?: string;
}

/**
 * The B + 3 table on top of the forecast sheet: the input's stays projected under its scenario.
 * Its years come after the stays' years (the projection's base year + 1 on, or the forecast's
 * last year + 1 on when the projection fails), so no forecast figure enters it. It needs no
 * forecast, and the pane computes it beside the forecast, on the machine's other core.
 */
export function forecastBudget(input: ForecastInput): BudgetPart | undefined {
  const language = input.language ?? "da";
  const scenario = input.scenario ?? { name: null, parameters: DEFAULT_PARAMETERS };
  const projection = computeProjection(input.stays, scenario.parameters, {
    rules: input.options?.rules,
  });
  const failed = isProjectionError(projection);
  // Without a projection the table follows the forecast's last year (asked only then).
  const years = failed ? (input.options?.years ?? defaultYears(input.stays)) : undefined;
  const table = budgetYears({
    ...(failed ? years && { budgetYear: years.last + 1 } : { projection }),
    indexation: scenario.parameters.rateIndexation,
  });
  const problem = failed ? (language === "en" && projection.en) || projection.message : undefined;
  return table && { table, scenario: scenario.name, problem };
}

/** The forecast's sheets with the B + 3 table (forecastTables, then withBudget). */
export function forecastSheets(input: ForecastInput): ForecastSheets {
  return withBudget(forecastTables(input), forecastBudget(input));
}

/** The forecast's sheets without the B + 3 table, whose rows on the forecast sheet stay free. */
export function forecastTables(input: ForecastInput): ForecastSheets {
  const language = input.language ?? "da";
  // The user groups' window years summed per stay by the forecast itself, when it reports them.
  const years = input.options?.years ?? defaultYears(input.stays);
  const window = userGroupWindow(input.stays, input.typology);
  const inside = years && window && window.first >= years.first && window.last <= years.last;
  const forecast = computeForecast(input.stays, { ...input.options, ...(inside && { window }) });
  const groups = userGroupSummary(
    input.stays,
    input.typology,
    { rules: input.options?.rules, statusDate: forecast.statusDate },
    forecast
  );
  return {
    summary: {
      period: forecast.period,
      statusDate: forecast.statusDate,
      years: forecast.years.map((y) => y.year),
      total: summaryAmounts(forecast.total),
      ...(groups && { groups }),
      language,
    },
    forecast: forecastSheet(
      forecast,
      { ok: input.stays.length, bad: input.bad.length },
      groups,
      language
    ),
    audit: auditSheet(forecast, input, language),
  };
}

/** The sheets of forecastTables with the B + 3 table in the summary and on the forecast sheet. */
export function withBudget(sheets: ForecastSheets, budget: BudgetPart | undefined): ForecastSheets {
  if (!budget) return sheets;
  const { forecast, summary } = sheets;
  const [title, ...rest] = forecast.sections;
  const sections = budgetYearsSections(
    budget.table,
    { row: BUDGET_ROW, col: 0 },
    summary.language,
    budget.scenario,
    budget.problem
  );
  return {
    ...sheets,
    summary: { ...summary, budget: budget.table },
    forecast: { ...forecast, sections: [title, ...sections, ...rest] },
  };
}

// ---- the forecast sheet ----

const AMOUNT_FORMATS = [
  FORMATS.days,
  FORMATS.days,
  FORMATS.days,
  FORMATS.kr,
  FORMATS.kr,
  FORMATS.kr,
  FORMATS.kr,
  FORMATS.kr,
  FORMATS.kr,
];

/**
 * Where things go on the forecast sheet (0-based rows): the title, the budget year and its
 * overslagsår (B + 3) first, then the notes, then the tables by quarter and by year. Nothing is
 * frozen: the tables' header sits below the budget table, too far down for a frozen pane.
 */
const BUDGET_ROW = 1;
const NOTES_ROW = BUDGET_ROW + BUDGET_BLOCK_ROWS + 1;
const LAYOUT = { tableRow: NOTES_ROW + 5, quarterCol: 0, yearCol: 12, chartCol: 23 };
/** The user groups' title row: below the per-year table (its years, total row and a blank row). */
const groupsRow = (years: number) => LAYOUT.tableRow + years + 3;

function forecastSheet(
  forecast: Forecast,
  counts: { ok: number; bad: number },
  groups: UserGroupSummary | undefined,
  language: SheetLanguage
): SheetSpec {
  const t = FORECAST_TEXTS[language];
  const { period, statusDate } = forecast;
  const headers = AMOUNT_HEADERS.map((h) => t.amount[h]);
  const quarterRows: CellValue[][] = forecast.quarters.map((q) => [
    q.year,
    t.quarterLabel(q.quarter),
    ...amountValues(q),
  ]);
  const yearRows: CellValue[][] = forecast.years.map((y) => [y.year, ...amountValues(y)]);
  const total = amountValues(forecast.total);
  const ruleTitle = (r: RuleSet) => t.ruleTitle[r.name] ?? r.title;
  return {
    name: FORECAST_SHEET,
    // Sized to their content; the column between the two tables stays a narrow gap.
    columnWidths: Object.assign(new Array(LAYOUT.yearCol).fill(null), {
      [LAYOUT.yearCol - 1]: 20,
    }),
    sections: [
      { at: "A1", values: [[t.title]], boldRows: [0], fit: false },
      {
        at: a1(NOTES_ROW, 0),
        values: [
          [t.period(period.start, period.end, statusDate, counts.ok, counts.bad, AUDIT_SHEET)],
          [
            t.rules(
              ruleTitle(forecast.rules),
              forecast.rules.name,
              ruleTitle(RULE_SETS.GAMMEL),
              forecast.rules.shelter.refundShare.source
            ),
          ],
          [t.difference],
        ],
        fit: false,
      },
      { at: a1(LAYOUT.tableRow - 1, 0), values: [[t.perQuarter]], boldRows: [0] },
      {
        at: a1(LAYOUT.tableRow, LAYOUT.quarterCol),
        values: [[t.year, t.quarter, ...headers], ...quarterRows, [t.total, "", ...total]],
        numberFormats: [FORMATS.year, null, ...AMOUNT_FORMATS],
        boldRows: [quarterRows.length + 1],
        table: { name: TABLES.quarters, rows: quarterRows.length + 1 },
      },
      { at: a1(LAYOUT.tableRow - 1, LAYOUT.yearCol), values: [[t.perYear]], boldRows: [0] },
      {
        at: a1(LAYOUT.tableRow, LAYOUT.yearCol),
        values: [[t.year, ...headers], ...yearRows, [t.total, ...total]],
        numberFormats: [FORMATS.year, ...AMOUNT_FORMATS],
        boldRows: [yearRows.length + 1],
        table: { name: TABLES.years, rows: yearRows.length + 1 },
      },
      ...(groups
        ? userGroupSections(
            groups,
            groupsRow(yearRows.length),
            LAYOUT.yearCol,
            TABLES.groups,
            language
          )
        : []),
    ],
  };
}

/**
 * The two charts from the per-year table (its year rows, not the total), and the user groups'
 * chart below them when the sheet has the groups.
 */
export function forecastCharts(
  sheet: string,
  years: number,
  groups = false,
  language: SheetLanguage = "da"
): ChartSpec[] {
  const t = FORECAST_TEXTS[language];
  const first = LAYOUT.tableRow + 1;
  const last = LAYOUT.tableRow + years;
  const col = (header: (typeof AMOUNT_HEADERS)[number]) =>
    LAYOUT.yearCol + 1 + AMOUNT_HEADERS.indexOf(header);
  const range = (c: number) => a1(first, c, last, c);
  const categories = range(LAYOUT.yearCol);
  const at = (row: number) => ({
    from: a1(row, LAYOUT.chartCol),
    to: a1(row + 16, LAYOUT.chartCol + 8),
  });
  return [
    {
      sheet,
      name: "RefusionNyGammel",
      type: "columnClustered",
      title: t.chartRefunds,
      categories,
      series: [
        { name: t.amount["Refusion NY"], values: range(col("Refusion NY")) },
        { name: t.amount["Refusion GAMMEL"], values: range(col("Refusion GAMMEL")) },
      ],
      ...at(LAYOUT.tableRow - 1),
    },
    {
      sheet,
      name: "KommunalNettoudgift",
      type: "columnClustered",
      title: t.chartNetCost,
      categories,
      series: [
        {
          name: t.amount["Kommunal nettoudgift"],
          values: range(col("Kommunal nettoudgift")),
        },
      ],
      ...at(LAYOUT.tableRow + 17),
    },
    ...(groups
      ? [
          userGroupChart(
            sheet,
            groupsRow(years),
            LAYOUT.yearCol,
            at(LAYOUT.tableRow + 35),
            language
          ),
        ]
      : []),
  ];
}
