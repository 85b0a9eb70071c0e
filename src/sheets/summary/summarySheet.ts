/**
 * The council page: the add-in's own sheet "Sammenfatning". Its first printed page answers "what
 * does it cost if we don't act, what does Housing First save, and how sure are we" for the active
 * scenario, with the two headlines never mixed (issue 20): the budget case (the municipality's
 * cash, nominal) and the public-sector value (real, every public purse), each with its P10–P90;
 * the budget year and its three overslagsår (B + 3) in current and fixed prices; and the chart.
 * The background follows from the second page: the years; the user groups; the backtest and the published evaluations beside
 * the municipality's figures (issue 19); the council's own choices with the NPV under each
 * alternative; the five uncertain assumptions that move the NPV most, with their sources; the
 * costs that are still placeholders; and a stamp. Pure: figures in, sheet spec out.
 * Every text written goes through the personal-data guard (src/privacy): a CPR number, a date of
 * birth or a stay's citizen id in a scenario's name or a range's source shows as XXXXXX-XXXX, and
 * the result says what was masked so the pane can say why.
 */
import addinPackage from "../../../package.json";
import { danishFromSerial } from "../../engine/calendar";
import { sum, type Decimal } from "../../engine/money";
import {
  PARAMETERS,
  formatParameterValue,
  parameterById,
  type ParameterId,
} from "../../engine/parameters";
import { BACKTEST_FIGURES, differencePercent } from "../../engine/projection";
import { RULE_SETS, SOCIOECONOMIC_DISCOUNT, ruleSetVersion } from "../../engine/rules";
import { MONTE_CARLO_DRAWS, MONTE_CARLO_SEED } from "../../engine/uncertainty";
import { PersonalDataGuard, type PersonalKind } from "../../privacy/personalData";
import {
  a1,
  type CellValue,
  type ChartSpec,
  type SheetCell,
  type SheetSpec,
} from "../../workbook/workbook";
import { BUDGET_TEXTS, budgetYears, type BudgetFigure } from "../budget/budgetYears";
import { summaryFingerprint, SUMMARY_OF } from "./fingerprint";
import { summaryFigures, type SummaryRequest } from "./summaryFigures";
import { SUMMARY_PAGE_TEXTS } from "./summaryTexts";

export type { SummaryRequest } from "./summaryFigures";

export const SUMMARY_SHEET = "Sammenfatning";
/** The Monte Carlo run behind the page's ranges: the band every panel shows (band.ts). */
export const SUMMARY_DRAWS = MONTE_CARLO_DRAWS;
export const SUMMARY_SEED = MONTE_CARLO_SEED;

/** Plain data (it crosses from the worker): the sheet, and its chart without the sheet's name. */
export interface SummarySheet {
  spec: SheetSpec;
  chart: Omit<ChartSpec, "sheet">;
  /** The kinds of personal data masked on the sheet (none: nothing was). */
  masked: PersonalKind[];
}

const KR = '#,##0 "kr."';
const WHOLE = "#,##0";
/** Columns A..F in points: 645 pt, printed at PRINT_SCALE on portrait A4 (see PrintSetup). */
const WIDTHS = [225, 95, 95, 95, 95, 40];
/**
 * 645 pt at 80 % is 516 pt, inside A4's 523 pt between half-inch margins; 11 pt text prints at
 * about 9 pt, which reads. A fixed scale, not "fit to one page": Excel keeps manual page breaks
 * only when the page is scaled by a percentage (Page Setup's "Fit to" overrides them).
 */
const PRINT_SCALE = 80;
const LAST_COLUMN = WIDTHS.length - 1;
/** Characters of an 11 pt line from column A (or B) to F; longer notes go on more rows. */
const LINE_FROM_A = 100;
const LINE_FROM_B = 68;
/** A label in column A longer than this is cut into lines, so no label is clipped by column B. */
const LABEL_WIDTH = 38;
/** The same for a bold label, whose letters are wider. */
const BOLD_LABEL_WIDTH = 35;
/**
 * How many assumptions the page lists: the tornado's largest swings among the quantities we are
 * unsure of (the registry's `uncertain`); the council's choices have a table of their own.
 */
const ASSUMPTIONS = 5;
const CHART_ROWS = 12;
const TITLE_SIZE = 16;

const kroner = (x: Decimal | number): number => (typeof x === "number" ? x : x.toNumber());
const round = (x: number, decimals: number) => Number(x.toFixed(decimals));

/** A text cut at spaces into lines of at most `width` characters (a word longer stays whole). */
export function wrapLines(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The Sammenfatning sheet for the request. `onProgress` counts the tornado's projections and the
 * Monte Carlo draws. Throws with the engine's Danish message when the scenario cannot be projected.
 */
export function summarySheet(
  request: SummaryRequest,
  onProgress?: (progress: { done: number; total: number }) => void
): SummarySheet {
  const language = request.language ?? "da";
  const text = SUMMARY_PAGE_TEXTS[language];
  const {
    projection,
    bars,
    resolved,
    monteCarlo: mc,
    groups,
    evidence: trust,
  } = summaryFigures(request, onProgress);
  const p = resolved.parameters;
  const rules = RULE_SETS[request.rules];
  const years = projection.years.slice(1);
  const first = years[0].year;
  const last = years[years.length - 1].year;
  const shown = (id: ParameterId, v: number) =>
    formatParameterValue(parameterById(id), v, language);
  const name = (id: ParameterId) =>
    language === "da" ? parameterById(id).name : parameterById(id).alias;
  const never = text.never(last);
  const percent = (x: Decimal | number) =>
    `${round(kroner(x) * 100, 2).toLocaleString(language === "da" ? "da-DK" : "en-GB")} %`;

  const rows: CellValue[][] = [];
  const bold: number[] = [];
  const formats: SheetCell[] = [];
  const guard = new PersonalDataGuard(request.stays.map((s) => s.citizen));
  const push = (row: CellValue[], isBold = false) => {
    if (isBold) bold.push(rows.length);
    rows.push(row.map((cell) => guard.cell(cell)));
  };
  const format = (columns: number[], numberFormat: string) => {
    for (const c of columns) formats.push({ at: a1(rows.length, c), numberFormat });
  };
  /** A row whose label may be long: the label on lines of its own above the figures. */
  const labelled = (
    label: string,
    figures: CellValue[],
    columns: number[],
    numberFormat = KR,
    isBold = false
  ) => {
    const lines = wrapLines(guard.cell(label), isBold ? BOLD_LABEL_WIDTH : LABEL_WIDTH);
    for (const line of lines.slice(0, -1)) push([line], isBold);
    format(columns, numberFormat);
    push([lines[lines.length - 1] ?? "", ...figures], isBold);
  };
  /** A bold header row: a title, and the columns' names beside it or, if it is long, below it. */
  const heading = (title: string, columns: CellValue[] = []) => {
    if (columns.length > 0 && title.length <= BOLD_LABEL_WIDTH)
      return push([title, ...columns], true);
    push([title], true);
    if (columns.length > 0) push(["", ...columns], true);
  };
  // Masked before it is cut into lines: a CPR number cut in two would pass line by line.
  const note = (line: string, width = LINE_FROM_A, indent = false) => {
    for (const part of wrapLines(guard.cell(line), width)) push(indent ? ["", part] : [part]);
  };
  const spreadRows = (
    view: {
      npv: { p10: number; p50: number; p90: number };
      ratio: { p10: number; p50: number; p90: number } | null;
      breakEven: { p10: number | null; p50: number | null; p90: number | null };
      probabilityPositive: number;
    },
    own: { npv: Decimal; ratio: Decimal | null; breakEvenYear: number | null },
    npvLabel: string
  ) => {
    labelled(
      npvLabel,
      [kroner(own.npv), view.npv.p10, view.npv.p50, view.npv.p90],
      [1, 2, 3, 4],
      KR,
      true
    );
    push([text.probability, `${Math.round(view.probabilityPositive * 100)} %`]);
    format([1, 2, 3, 4], "0.00");
    push([
      text.ratio,
      own.ratio === null ? "–" : round(own.ratio.toNumber(), 2),
      ...(view.ratio
        ? [view.ratio.p10, view.ratio.p50, view.ratio.p90].map((r) => round(r, 2))
        : []),
    ]);
    push([
      text.breakEven,
      own.breakEvenYear ?? never,
      ...[view.breakEven.p10, view.breakEven.p50, view.breakEven.p90].map((y) => y ?? never),
    ]);
  };

  formats.push({ at: "A1", fontSize: TITLE_SIZE });
  push([text.title], true);
  const { municipality = "", author = "" } = request.document ?? {};
  note(text.document(municipality.trim(), author.trim(), danishFromSerial(request.today)));
  note(text.scenario(request.scenario.name, projection.baseYear, first, last, rules.name));
  push([]);

  heading(text.budgetHeading, [text.value, "P10", "P50", "P90"]);
  labelled(text.costWithout(first, last), [kroner(sum(years.map((y) => y.noAction.netCost)))], [1]);
  labelled(text.costWith, [kroner(sum(years.map((y) => y.housingFirst.netCost)))], [1]);
  labelled(text.saves, [kroner(projection.budgetEffect)], [1]);
  labelled(
    text.cashable(shown("cashableShare", p.cashableShare)),
    [kroner(projection.cashableEffect)],
    [1]
  );
  spreadRows(mc, projection, text.npvBudget(percent(projection.nominalRate)));
  note(text.budgetNote(mc.draws, mc.seed));
  push([]);

  heading(text.publicHeading, [text.value, "P10", "P50", "P90"]);
  spreadRows(
    mc.public,
    projection.public,
    text.npvPublic(
      percent(Number(SOCIOECONOMIC_DISCOUNT[0].rate)),
      shown("netTaxFactor", p.netTaxFactor)
    )
  );
  note(text.publicNote);
  const outside = [
    [projection.npv.toNumber(), mc.npv] as const,
    [projection.public.npv.toNumber(), mc.public.npv] as const,
  ].some(([own, spread]) => own < spread.p10 || own > spread.p90);
  const oneSided = mc.drawn.filter(
    (d) => Math.abs(d.high - d.mode - (d.mode - d.low)) > 1e-9 * Math.max(1, Math.abs(d.mode))
  );
  if (outside && oneSided.length > 0) note(text.outsideSpread(oneSided.length));
  push([]);

  const budget = budgetYears({ projection, indexation: p.rateIndexation });
  if (budget) {
    const words = BUDGET_TEXTS[language];
    const shownYears = budget.years.filter((_, k) => budget.sources[k] !== null);
    heading(text.budgetYearsHeading(budget.budgetYear, shownYears[shownYears.length - 1]));
    const figures: [BudgetFigure, string][] = [
      ["netCost", text.without],
      ["hfNetCost", text.withHf],
      ["difference", text.difference],
    ];
    for (const prices of ["current", "fixed"] as const) {
      heading(prices === "current" ? words.current : words.fixed(budget.budgetYear), budget.years);
      for (const [figure, label] of figures) {
        const line = budget.rows.find((r) => r.figure === figure)!;
        format([1, 2, 3, 4], KR);
        push([label, ...line[prices].map((x) => (x === null ? "–" : Number(x)))]);
      }
    }
    note(text.budgetYearsNote(shown("rateIndexation", p.rateIndexation)));
    push([]);
  }
  const chartTop = rows.length;
  for (let k = 0; k < CHART_ROWS; k++) push([]);

  const backgroundTop = rows.length;
  heading(text.background);
  push([]);
  const yearsTop = rows.length;
  heading(text.year, [text.without, text.withHf, text.difference]);
  for (const y of years) {
    format([1, 2, 3], KR);
    push([
      y.year,
      kroner(y.noAction.netCost),
      kroner(y.housingFirst.netCost),
      kroner(y.difference),
    ]);
  }
  const yearsBottom = rows.length - 1;
  push([]);

  heading(
    text.groupsHeading(projection.baseYear - p.typologyYears + 1, projection.baseYear),
    text.groupColumns
  );
  for (const g of groups) {
    format([1, 2], WHOLE);
    format([3, 4], KR);
    push([text.group[g.group], g.citizens, g.nights, kroner(g.gross), kroner(g.refundLost)]);
  }
  note(
    text.groupsNote(
      shown("chronicNights", p.chronicNights),
      shown("episodicEpisodes", p.episodicEpisodes),
      shown("episodeGapDays", p.episodeGapDays)
    )
  );
  push([]);

  const tried = trust.backtest.years[trust.backtest.years.length - 1];
  if (tried) {
    heading(text.backtestHeading(tried.year), text.backtestColumns);
    const figures = ["users", "nights", "netCost", "returners"] as const;
    for (const f of BACKTEST_FIGURES.filter((x) => (figures as readonly string[]).includes(x))) {
      const d = differencePercent(tried.projected[f], tried.actual[f]);
      format([1, 2], f === "netCost" ? KR : WHOLE);
      push([
        text.backtestFigure[f],
        round(Number(tried.projected[f]), 0),
        round(Number(tried.actual[f]), 0),
        d === null ? "–" : `${d.gt(0) ? "+" : ""}${percent(d.dividedBy(100))}`,
      ]);
    }
    note(text.backtestNote(tried.year, trust.backtest.years.length));
    push([]);
  }

  heading(text.comparisonHeading, text.comparisonColumns);
  for (const c of trust.comparison)
    for (const e of c.published) {
      const own = c.own === null ? "–" : c.figure === "perPersonYear" ? c.own : round(c.own, 2);
      labelled(
        e.label[language].split(":")[0],
        [own, e.value],
        [1, 2],
        c.figure === "perPersonYear" ? KR : "0.00"
      );
    }
  note(
    [
      text.comparisonNote,
      ...trust.comparison.flatMap((c) =>
        c.verdict === "within" ? [] : [text.verdict(c.verdict, c.figure)]
      ),
      ...(trust.drivers.length > 0
        ? [text.drivers(trust.drivers.map((id) => `«${name(id)}»`).join(", "))]
        : []),
    ].join(" ")
  );
  push([]);

  heading(text.decisionsHeading);
  push(["", ...text.decisionColumns], true);
  const decisions = bars.filter((b) => parameterById(b.id).decision);
  for (const bar of decisions) {
    // Each alternative beside its NPV, in B..E so the table stays inside the printed width; an
    // end of the range that is the scenario's own value is no alternative (a yes/no has one).
    const alternatives = [
      { value: bar.low, npv: bar.npvLow },
      { value: bar.high, npv: bar.npvHigh },
    ].filter((a) => a.value !== bar.value);
    labelled(
      text.decisionNow(name(bar.id), shown(bar.id, bar.value)),
      alternatives.flatMap((a) => [shown(bar.id, a.value), a.npv]),
      alternatives.map((_, i) => 2 + 2 * i)
    );
  }
  push([]);

  heading(text.assumptionsHeading, text.assumptionColumns);
  const assumptions = bars.filter((b) => parameterById(b.id).uncertain).slice(0, ASSUMPTIONS);
  for (const bar of assumptions) {
    const def = parameterById(bar.id);
    labelled(
      name(bar.id),
      [shown(bar.id, bar.value), shown(bar.id, bar.low), shown(bar.id, bar.high), bar.swing],
      [4]
    );
    note(text.source(def.source, resolved.ranges[bar.id]?.source), LINE_FROM_B, true);
  }
  // No driver that moves the NPV more than the fifth assumption goes unmentioned.
  const fifth = assumptions[assumptions.length - 1]?.swing ?? Infinity;
  const others = bars.filter(
    (b) =>
      !parameterById(b.id).decision && !assumptions.includes(b) && b.swing >= fifth && b.swing > 0
  );
  if (others.length > 0) note(text.otherDrivers(others.map((b) => `«${name(b.id)}»`).join(", ")));
  if (outside && oneSided.length > 0)
    note(text.lopsided(oneSided.map((d) => `«${name(d.id)}»`).join(", ")));
  const placeholders = PARAMETERS.filter(
    (def) => def.source.startsWith("UDFYLD") && p[def.id] === def.default
  );
  if (placeholders.length > 0)
    note(text.placeholders(placeholders.map((def) => `«${name(def.id)}»`).join(", ")));
  push([]);
  note(
    text.stamp(
      addinPackage.version,
      ruleSetVersion(rules),
      danishFromSerial(request.today),
      projection.baseYear
    )
  );

  const spec: SheetSpec = {
    name: SUMMARY_SHEET,
    columnWidths: WIDTHS,
    sections: [{ at: "A1", values: rows, fit: false, boldRows: bold }],
    cells: formats,
    print: {
      area: a1(0, 0, rows.length - 1, LAST_COLUMN),
      orientation: "portrait",
      pages: { breaks: [backgroundTop], scale: PRINT_SCALE },
    },
    properties: { [SUMMARY_OF]: summaryFingerprint(request) },
  };
  const column = (c: number) => a1(yearsTop + 1, c, yearsBottom, c);
  return {
    spec,
    masked: guard.kinds,
    chart: {
      name: "SammenfatningNettoudgift",
      type: "columnClustered",
      title: text.chartTitle,
      categories: column(0),
      series: [
        { name: text.chartWithout, values: column(1) },
        { name: text.chartWith, values: column(2) },
      ],
      from: a1(chartTop, 0),
      to: a1(chartTop + CHART_ROWS - 1, LAST_COLUMN),
    },
  };
}
