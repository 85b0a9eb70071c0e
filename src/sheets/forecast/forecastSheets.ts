/**
 * The forecast's own sheets as data: the forecast sheet ("Refusionsprognose", by quarter and
 * by year) and the audit sheet ("Refusion pr. ophold", one row per sheet row, with the rule and
 * source that decided its days and what it takes to recompute its amounts). Pure: stays in,
 * sheet specs and a summary out, so the pane computes them in its engine worker
 * (taskpane/worker) and only writes them on the UI thread.
 */
import { danishFromSerial, serialFromYmd, yearOf, type Serial } from "../../engine/calendar";
import {
  AMOUNT_HEADERS,
  amountValues,
  computeForecast,
  defaultYears,
  type Amounts,
  type Forecast,
  type ForecastOptions,
  type ForecastStay,
  type StayLine,
} from "../../engine/forecast";
import { Decimal, kronerFromOre } from "../../engine/money";
import { RULE_SETS, type RuleSet } from "../../engine/rules";
import {
  isRowError,
  overlapDays,
  type RowError,
  type Span,
  type StayOutcome,
  type StayResult,
} from "../../engine/shelter";
import { a1, type CellValue, type ChartSpec, type SheetSpec } from "../../workbook/workbook";
import {
  userGroupChart,
  userGroupSections,
  userGroupSummary,
  userGroupWindow,
  type TypologyChoice,
  type UserGroupSummary,
} from "./userGroups";

/** Wanted names of the own sheets and tables (a user's sheet with the name is never touched). */
export const FORECAST_SHEET = "Refusionsprognose";
export const AUDIT_SHEET = "Refusion pr. ophold";
const TABLES = {
  quarters: "Refusionsprognose",
  years: "RefusionPrAar",
  groups: "Brugergrupper",
  audit: "RefusionPrOphold",
};

/**
 * Number formats in the invariant syntax Excel's numberFormat API takes; Excel shows them with
 * the user's separators (15.500,00 kr. on a Danish machine).
 */
export const FORMATS = {
  kr: '#,##0.00 "kr."',
  days: "#,##0",
  year: "0",
  date: "dd-mm-yyyy",
} as const;

/** What the sheets are made of: the validated stays and the rows that did not validate. */
export interface ForecastInput {
  stays: ForecastStay[];
  /** 1-based sheet row of each stay. */
  stayRows: number[];
  /** Rows that did not validate, with the citizen as the sheet holds it ("" when blank). */
  bad: { sheetRow: number; citizen: string; error: RowError }[];
  options?: ForecastOptions;
  /** Replace citizen ids on the audit sheet by "Borger 1", "Borger 2", … */
  pseudonymise: boolean;
  /** The user typology's thresholds (the active scenario's, else the defaults). */
  typology?: TypologyChoice;
}

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

export function forecastSheets(input: ForecastInput): ForecastSheets {
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
    },
    forecast: forecastSheet(forecast, { ok: input.stays.length, bad: input.bad.length }, groups),
    audit: auditSheet(forecast, input),
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

/** Where things go on the forecast sheet (0-based rows). */
const LAYOUT = { tableRow: 6, quarterCol: 0, yearCol: 12, chartCol: 23 };
/** The user groups' title row: below the per-year table (its years, total row and a blank row). */
const groupsRow = (years: number) => LAYOUT.tableRow + years + 3;

function forecastSheet(
  forecast: Forecast,
  counts: { ok: number; bad: number },
  groups: UserGroupSummary | undefined
): SheetSpec {
  const { period, statusDate } = forecast;
  const quarterRows: CellValue[][] = forecast.quarters.map((q) => [
    q.year,
    `K${q.quarter}`,
    ...amountValues(q),
  ]);
  const yearRows: CellValue[][] = forecast.years.map((y) => [y.year, ...amountValues(y)]);
  const total = amountValues(forecast.total);
  return {
    name: FORECAST_SHEET,
    freezeRows: LAYOUT.tableRow + 1,
    // Sized to their content; the column between the two tables stays a narrow gap.
    columnWidths: Object.assign(new Array(LAYOUT.yearCol).fill(null), {
      [LAYOUT.yearCol - 1]: 20,
    }),
    sections: [
      {
        at: "A1",
        values: [
          ["Refusionsprognose: ophold i boform efter serviceloven § 110 (herberg/forsorgshjem)"],
          [
            `Periode ${danishFromSerial(period.start)} – ${danishFromSerial(period.end)}. Åbne ophold er talt med til og med ${danishFromSerial(statusDate)}. ` +
              `${counts.ok} ophold beregnet, ${counts.bad} rækker med fejl (se arket "${AUDIT_SHEET}").`,
          ],
          [
            `NY: ${forecast.rules.title} (regelsæt ${forecast.rules.name}). GAMMEL: ${RULE_SETS.GAMMEL.title}. Refusion: ${forecast.rules.shelter.refundShare.source}.`,
          ],
          [
            "Forskel = refusion GAMMEL − refusion NY: den refusion, reformen (L 64) tager fra kommunen. Kommunal nettoudgift = bruttoudgift − egenbetaling − refusion NY.",
          ],
          [],
        ],
        boldRows: [0],
        fit: false,
      },
      { at: a1(LAYOUT.tableRow - 1, 0), values: [["Pr. kvartal"]], boldRows: [0] },
      {
        at: a1(LAYOUT.tableRow, LAYOUT.quarterCol),
        values: [["År", "Kvartal", ...AMOUNT_HEADERS], ...quarterRows, ["I alt", "", ...total]],
        numberFormats: [FORMATS.year, null, ...AMOUNT_FORMATS],
        boldRows: [quarterRows.length + 1],
        table: { name: TABLES.quarters, rows: quarterRows.length + 1 },
      },
      { at: a1(LAYOUT.tableRow - 1, LAYOUT.yearCol), values: [["Pr. år"]], boldRows: [0] },
      {
        at: a1(LAYOUT.tableRow, LAYOUT.yearCol),
        values: [["År", ...AMOUNT_HEADERS], ...yearRows, ["I alt", ...total]],
        numberFormats: [FORMATS.year, ...AMOUNT_FORMATS],
        boldRows: [yearRows.length + 1],
        table: { name: TABLES.years, rows: yearRows.length + 1 },
      },
      ...(groups
        ? userGroupSections(groups, groupsRow(yearRows.length), LAYOUT.yearCol, TABLES.groups)
        : []),
    ],
  };
}

/**
 * The two charts from the per-year table (its year rows, not the total), and the user groups'
 * chart below them when the sheet has the groups.
 */
export function forecastCharts(sheet: string, years: number, groups = false): ChartSpec[] {
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
      title: "Refusion pr. år: NY (L 64) og GAMMEL (før reformen)",
      categories,
      series: [
        { name: "Refusion NY", values: range(col("Refusion NY")) },
        { name: "Refusion GAMMEL", values: range(col("Refusion GAMMEL")) },
      ],
      ...at(LAYOUT.tableRow - 1),
    },
    {
      sheet,
      name: "KommunalNettoudgift",
      type: "columnClustered",
      title: "Kommunal nettoudgift pr. år",
      categories,
      series: [{ name: "Kommunal nettoudgift", values: range(col("Kommunal nettoudgift")) }],
      ...at(LAYOUT.tableRow + 17),
    },
    ...(groups
      ? [userGroupChart(sheet, groupsRow(years), LAYOUT.yearCol, at(LAYOUT.tableRow + 35))]
      : []),
  ];
}

// ---- the audit sheet ----

const AUDIT_COLUMNS: [header: string, format: string | null][] = [
  ["Række", FORMATS.year],
  ["Borger", null],
  ["Boform", null],
  ["Indskrivning", FORMATS.date],
  ["Udskrivning", FORMATS.date],
  ["Takst pr. døgn", FORMATS.kr],
  ["Egenbetaling pr. døgn", FORMATS.kr],
  ["Opholdsdøgn i perioden", FORMATS.days],
  ["Vinduesstart", FORMATS.date],
  ["Refusionsdøgn NY", FORMATS.days],
  ["Refusion NY", FORMATS.kr],
  ["Refusionsdøgn GAMMEL", FORMATS.days],
  ["Refusion GAMMEL", FORMATS.kr],
  ["Bruttoudgift", FORMATS.kr],
  ["Døgn pr. år", null],
  ["Regel (NY)", null],
  ["Kilde", null],
  ["Advarsler", null],
];
const AUDIT_HEADERS = AUDIT_COLUMNS.map(([h]) => h);
const column = (header: string) => AUDIT_HEADERS.indexOf(header);

/** Which rule decided the stay's days under NY, and the sources behind it. */
function ruleText(r: StayResult, rules: RuleSet): { rule: string; sources: string[] } {
  const shelter = rules.shelter;
  const parts: string[] = [];
  const sources = new Set<string>();
  if (r.unlimitedDays > 0 && shelter.limitFrom) {
    parts.push(
      `${r.unlimitedDays} døgn før ${danishFromSerial(shelter.limitFrom.value)} uden dagegrænse`
    );
    sources.add(shelter.limitFrom.source);
  }
  for (const w of r.windows) {
    const limits = w.limits.map((l) => l.days).join("/");
    // The stay's days in the window beyond the refunded ones: the quota was used up (by this stay or earlier ones).
    const over = overlapDays(r.ownDays!, { from: w.start, to: w.end }) - w.refundedDays;
    const beyond = over > 0 ? `, ${over} døgn ud over grænsen` : "";
    parts.push(
      `vindue ${danishFromSerial(w.start)}–${danishFromSerial(w.end - 1)}: ${w.refundedDays} døgn refunderet${beyond} (grænse ${limits} dage)`
    );
    for (const l of w.limits) sources.add(l.source);
    sources.add(shelter.windowMonths.source);
  }
  if (parts.length === 0) parts.push("ingen egne opholdsdøgn");
  return { rule: parts.join("; "), sources: [...sources] };
}

/**
 * Short references (K1, K2, …) to the legal sources, listed in full beside the audit table:
 * the same few long texts would otherwise repeat on every row of a large sheet.
 */
function sourceRefs(): { ref: (source: string) => string; legend: () => CellValue[][] } {
  const ids = new Map<string, string>();
  return {
    ref: (source) => {
      let id = ids.get(source);
      if (!id) ids.set(source, (id = `K${ids.size + 1}`));
      return id;
    },
    legend: () => [["Kilde", "Tekst"], ...[...ids].map(([text, id]) => [id, text])],
  };
}

function warningText(line: StayLine, stayRows: readonly number[]): string {
  const ny = line.ny as StayResult;
  return ny.warnings
    .map((w) => {
      switch (w.kind) {
        case "overlap":
          return `Overlapper opholdet i række ${stayRows[w.withRow]} (${w.days} døgn tælles dér)`;
        case "open":
          return `Åbent ophold: talt med til og med ${danishFromSerial(w.countedTo)}`;
        case "selfPaymentAboveRate":
          return "Egenbetalingen er større end taksten: ingen refusion";
      }
    })
    .join(". ");
}

/** "Borger 1", "Borger 2", … in order of first appearance. */
function pseudonyms(): (id: string) => string {
  const seen = new Map<string, string>();
  return (id) => {
    let p = seen.get(id);
    if (!p) seen.set(id, (p = `Borger ${seen.size + 1}`));
    return p;
  };
}

/**
 * A stay's days per calendar year in the period, when they fall in more than one: the years
 * each amount is rounded in. "2025: 40 døgn, heraf 40 NY; 2026: 50 døgn, heraf 29 NY".
 */
function daysByYear(ny: StayResult, period: Span): string {
  const own = ny.ownDays;
  if (!own) return "";
  const first = yearOf(Math.max(own.from, period.from));
  const last = yearOf(Math.min(own.to, period.to) - 1);
  if (last <= first) return "";
  const parts: string[] = [];
  for (let year = first; year <= last; year++) {
    const span = { from: serialFromYmd(year, 1, 1), to: serialFromYmd(year + 1, 1, 1) };
    const inYear = { from: Math.max(span.from, period.from), to: Math.min(span.to, period.to) };
    const days = overlapDays(own, inYear);
    if (days === 0) continue;
    const refunded = ny.refundSpans.reduce((n, s) => n + overlapDays(s, inYear), 0);
    parts.push(`${year}: ${days} døgn, heraf ${refunded} NY`);
  }
  return parts.join("; ");
}

/** How each amount on the sheet is computed from its row, beside the table. */
function amountNotes(rules: RuleSet): CellValue[][] {
  const share = `${new Decimal(rules.shelter.refundShare.value).times(100).toString().replace(".", ",")} %`;
  return [
    ["Beløb", "Sådan regnes de"],
    ["Bruttoudgift", "Takst pr. døgn × opholdsdøgn i perioden."],
    [
      "Refusion NY",
      `Summen over kalenderårene af AFRUND(${share} × (takst − egenbetaling pr. døgn) × årets refusionsdøgn NY; 2), mindst 0.`,
    ],
    ["Refusion GAMMEL", "Som Refusion NY, med årets opholdsdøgn (GAMMEL har ingen dagegrænse)."],
    [
      "Afrunding",
      "Beløbene afrundes til øre pr. ophold og kalenderår, som DK.REFUSION110 med året som periode, så årene summer til prognosen. Et ophold over nytår kan derfor afvige op til 1 øre pr. år fra én samlet afrunding; kolonnen «Døgn pr. år» viser årenes døgn.",
    ],
  ];
}

function auditSheet(forecast: Forecast, input: ForecastInput): SheetSpec {
  const name = input.pseudonymise ? pseudonyms() : (id: string) => id;
  const refs = sourceRefs();
  const period = { from: forecast.period.start, to: forecast.period.end + 1 };
  const width = AUDIT_HEADERS.length;
  const rows: { sheetRow: number; cells: CellValue[] }[] = [];
  forecast.stays.forEach((line) => {
    const stay = input.stays[line.index];
    const sheetRow = input.stayRows[line.index];
    const ny: StayOutcome = line.ny;
    const g: StayOutcome = line.gammel;
    const cells: CellValue[] = new Array(width).fill("");
    cells[column("Række")] = sheetRow;
    cells[column("Borger")] = name(stay.citizen);
    cells[column("Boform")] = stay.shelter ?? "";
    cells[column("Indskrivning")] = stay.admission;
    cells[column("Udskrivning")] = stay.discharge ?? "";
    cells[column("Takst pr. døgn")] = stay.dailyRate;
    cells[column("Egenbetaling pr. døgn")] = stay.selfPayment;
    if (isRowError(ny) || isRowError(g)) {
      const error = isRowError(ny) ? ny.error : (g as { error: { message: string } }).error;
      cells[column("Advarsler")] = `Fejl: ${error.message}`;
      rows.push({ sheetRow, cells });
      return;
    }
    const { rule, sources } = ruleText(ny, forecast.rules);
    cells[column("Opholdsdøgn i perioden")] = ny.stayDaysInPeriod;
    cells[column("Vinduesstart")] = ny.windows[0]?.start ?? "";
    cells[column("Refusionsdøgn NY")] = ny.refundableDays;
    cells[column("Refusion NY")] = kronerFromOre(line.refundNyOre).toNumber();
    cells[column("Refusionsdøgn GAMMEL")] = g.refundableDays;
    cells[column("Refusion GAMMEL")] = kronerFromOre(line.refundGammelOre).toNumber();
    cells[column("Bruttoudgift")] = kronerFromOre(line.grossOre).toNumber();
    cells[column("Døgn pr. år")] = daysByYear(ny, period);
    cells[column("Regel (NY)")] = rule;
    cells[column("Kilde")] = sources.map(refs.ref).join(", ");
    cells[column("Advarsler")] = warningText(line, input.stayRows);
    rows.push({ sheetRow, cells });
  });
  for (const bad of input.bad) {
    const cells: CellValue[] = new Array(width).fill("");
    cells[column("Række")] = bad.sheetRow;
    cells[column("Borger")] = bad.citizen === "" ? "" : name(bad.citizen);
    cells[column("Advarsler")] = `Fejl (${bad.error.code}): ${bad.error.message}`;
    rows.push({ sheetRow: bad.sheetRow, cells });
  }
  rows.sort((a, b) => a.sheetRow - b.sheetRow);
  const legend = refs.legend();
  // Sized to their content, the long texts within bounds (they run on in the cell, Excel cuts them).
  const widths: (number | { max: number } | null)[] = new Array(width + 3).fill(null);
  widths[column("Døgn pr. år")] = { max: 300 };
  widths[column("Regel (NY)")] = { max: 420 };
  widths[column("Advarsler")] = { max: 300 };
  widths[width] = 20;
  widths[width + 2] = { max: 600 };
  return {
    name: AUDIT_SHEET,
    freezeRows: 1,
    columnWidths: widths,
    sections: [
      {
        at: "A1",
        values: [AUDIT_HEADERS, ...rows.map((r) => r.cells)],
        numberFormats: AUDIT_COLUMNS.map(([, format]) => format),
        table: { name: TABLES.audit, rows: rows.length + 1 },
      },
      { at: a1(0, width + 1), values: legend, boldRows: [0] },
      {
        at: a1(legend.length + 1, width + 1),
        values: amountNotes(forecast.rules),
        boldRows: [0],
      },
    ],
  };
}
