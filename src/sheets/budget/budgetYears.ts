/**
 * The budget as Danish municipalities write it: one budget year and three overslagsår (B + 3),
 * in current prices (løbende priser: the forecast's and the projection's nominal kroner) and in
 * fixed prices (faste priser: the budget year's price level, each year deflated by the scenario's
 * price indexation, the parameter «Takstregulering», the same rate the projection indexes rates
 * and costs with: fixed(Y) = current(Y) / (1 + indexation)^(Y − B), rounded to øre).
 *
 * Each year's figures come from one model: the recorded stays' forecast (DK.REFUSIONPROGNOSE) for
 * a year up to the projection's base year, the projection (DK.HOUSINGFIRSTPROJECTION) after it,
 * where the recorded stays are only the part already booked. The default budget year is the
 * projection's first year, the year after the last full calendar year in the data.
 *
 * budgetYears is the computation (pure, money as exact decimal text so it crosses to and from a
 * worker); budgetYearsSections lays it out as plain cells (the forecast sheet, the council page);
 * budgetFormulaBlock writes it as Excel formulas over a spilled projection (the Scenarier sheet),
 * so it follows every edit of a parameter cell as the projection does.
 */
import type { YearLine } from "../../engine/forecast";
import { Decimal, dec, roundOre } from "../../engine/money";
import type { Projection } from "../../engine/projection";
import { a1, type CellValue, type SheetCell, type SheetSection } from "../../workbook/workbook";
import type { SheetLanguage } from "../sheetLanguage";

/** The figures of the B + 3 table, in its order: the refund forecast's, then Housing First's. */
export const BUDGET_FIGURES = [
  "refundNy",
  "reformCost",
  "netCost",
  "hfNetCost",
  "difference",
  "programmeCost",
] as const;
export type BudgetFigure = (typeof BUDGET_FIGURES)[number];

/** Where a year's figures come from. */
export type BudgetSource = "stays" | "projection";

/** Years in the table: the budget year and three overslagsår. */
export const BUDGET_YEARS = 4;

export interface BudgetRow {
  figure: BudgetFigure;
  /** Per year, exact decimal text; null where no model has the year. */
  current: (string | null)[];
  fixed: (string | null)[];
  /** Sums over the years that have a figure; null when none has. */
  currentSum: string | null;
  fixedSum: string | null;
}

export interface BudgetYearsTable {
  budgetYear: number;
  /** The budget year and the three overslagsår. */
  years: number[];
  /** The price indexation a year, as decimal text (0.02 = 2 %). */
  indexation: string;
  /** Per year: which model its figures are from; null where none has the year. */
  sources: (BudgetSource | null)[];
  /** The projection's base year (the last year from the recorded stays); null without one. */
  baseYear: number | null;
  rows: BudgetRow[];
}

export interface BudgetYearsInput {
  /** The forecast's year lines (the recorded stays). */
  forecastYears?: readonly YearLine[];
  projection?: Projection;
  /** Default: defaultBudgetYear. */
  budgetYear?: number;
  /** The price indexation a year (the scenario's «Takstregulering»), as a fraction. */
  indexation: number;
}

/**
 * The projection's first year (its base year + 1, the base year being the last full calendar
 * year in the data unless the scenario names one); without a projection, the year after the
 * forecast's last year.
 */
export function defaultBudgetYear(input: Omit<BudgetYearsInput, "indexation">): number | undefined {
  if (input.projection) return input.projection.baseYear + 1;
  const years = input.forecastYears ?? [];
  return years.length > 0 ? years[years.length - 1].year + 1 : undefined;
}

type Figures = Record<BudgetFigure, Decimal | null>;

/** The year's figures and their model, or undefined when neither model has the year. */
function yearFigures(
  year: number,
  input: BudgetYearsInput
): { source: BudgetSource; figures: Figures } | undefined {
  const p = input.projection?.years.find((y) => y.year === year);
  const hf = {
    hfNetCost: p?.housingFirst.netCost ?? null,
    difference: p?.difference ?? null,
    programmeCost: p?.housingFirst.programmeCost ?? null,
  };
  const base = input.projection?.baseYear ?? Infinity;
  const f = year <= base ? input.forecastYears?.find((y) => y.year === year) : undefined;
  if (f)
    return {
      source: "stays",
      figures: { refundNy: f.refundNy, reformCost: f.difference, netCost: f.netCost, ...hf },
    };
  if (!p) return undefined;
  const n = p.noAction;
  return {
    source: "projection",
    figures: { refundNy: n.refundNy, reformCost: n.reformCost, netCost: n.netCost, ...hf },
  };
}

/** The B + 3 table; undefined when no budget year can be chosen (no forecast, no projection). */
export function budgetYears(input: BudgetYearsInput): BudgetYearsTable | undefined {
  const budgetYear = input.budgetYear ?? defaultBudgetYear(input);
  if (budgetYear === undefined) return undefined;
  const years = Array.from({ length: BUDGET_YEARS }, (_, k) => budgetYear + k);
  const perYear = years.map((y) => yearFigures(y, input));
  const growth = dec(1).plus(input.indexation);
  const rows = BUDGET_FIGURES.map((figure): BudgetRow => {
    const current = perYear.map((y) => y?.figures[figure] ?? null);
    const fixed = current.map((x, k) => (x === null ? null : roundOre(x.dividedBy(growth.pow(k)))));
    const sum = (xs: (Decimal | null)[]) =>
      xs.every((x) => x === null)
        ? null
        : xs.reduce<Decimal>((s, x) => (x === null ? s : s.plus(x)), dec(0)).toFixed(2);
    const text = (xs: (Decimal | null)[]) => xs.map((x) => (x === null ? null : x.toFixed(2)));
    return {
      figure,
      current: text(current),
      fixed: text(fixed),
      currentSum: sum(current),
      fixedSum: sum(fixed),
    };
  });
  return {
    budgetYear,
    years,
    indexation: String(input.indexation),
    sources: perYear.map((y) => y?.source ?? null),
    baseYear: input.projection?.baseYear ?? null,
    rows,
  };
}

// ---- the words ----

interface BudgetTexts {
  figure: Record<BudgetFigure, string>;
  title(years: readonly number[]): string;
  current: string;
  fixed(budgetYear: number): string;
  corner: string;
  total(years: readonly number[]): string;
  basis: string;
  source: Record<BudgetSource, string>;
  none: string;
  /** What the table is made of: its models, its prices and, for the sheet, the scenario. */
  note(table: BudgetYearsTable, scenario: string | null): string;
  noProjection(reason: string): string;
  /** The Scenarier sheet's block: the same, as formulas over the projection below. */
  formulaTitle: string;
  formulaNote(indexationCell: string): string;
  fixedAtBudgetYear: string;
  sum: string;
}

const percent = (fraction: string, language: SheetLanguage) =>
  `${new Decimal(fraction)
    .times(100)
    .toString()
    .replace(".", language === "da" ? "," : ".")} %`;
const span = (years: readonly number[]) => `${years[0]}–${years[years.length - 1]}`;

const DA: BudgetTexts = {
  figure: {
    refundNy: "Refusion NY (§ 110)",
    reformCost: "Reformens pris (GAMMEL − NY)",
    netCost: "Kommunal nettoudgift uden indsats",
    hfNetCost: "Kommunal nettoudgift med Housing First",
    difference: "Forskel (uden − med)",
    programmeCost: "Housing First-udgift, netto",
  },
  title: (years) =>
    `Budget ${span(years)}: budgetår ${years[0]} og overslagsår ${years[1]}–${years[years.length - 1]}`,
  current: "Løbende priser",
  fixed: (year) => `Faste ${year}-priser`,
  corner: "Kr.",
  total: (years) => `${span(years)} i alt`,
  basis: "Grundlag",
  source: { stays: "opholdene", projection: "fremskrevet" },
  none: "–",
  note: (t, scenario) => {
    const projected = t.years.filter((_, k) => t.sources[k] === "projection");
    const stays = t.years.filter((_, k) => t.sources[k] === "stays");
    const from = scenario === null ? "standardværdierne" : `scenariet «${scenario}»`;
    return [
      `Løbende priser er de nominelle beløb; faste priser er i budgetårets ${t.budgetYear}-niveau, deflateret med takstreguleringen ${percent(t.indexation, "da")} om året (${from}).`,
      stays.length > 0 ? `${span(stays)}: de registrerede ophold (refusionsprognosen).` : "",
      projected.length > 0
        ? `${span(projected)}: fremskrevet fra basisåret ${t.baseYear} med ${from} (som DK.HOUSINGFIRSTPROJECTION på arket Scenarier).`
        : "",
    ]
      .filter((s) => s !== "")
      .join(" ");
  },
  noProjection: (reason) =>
    `Fremskrivningen kunne ikke regnes, så år uden ophold står tomme: ${reason}`,
  formulaTitle: "Budget: budgetår og tre overslagsår (B + 3)",
  fixedAtBudgetYear: "Faste priser (budgetårets niveau)",
  sum: "I alt",
  formulaNote: (cell) =>
    `Formler over tabellen til venstre: budgetåret er fremskrivningens første år, overslagsårene de tre næste; faste priser i budgetårets niveau, deflateret med takstreguleringen i ${cell}.`,
};

const EN: BudgetTexts = {
  figure: {
    refundNy: "Refund NY (§ 110)",
    reformCost: "Cost of the reform (GAMMEL − NY)",
    netCost: "Municipal net cost without action",
    hfNetCost: "Municipal net cost with Housing First",
    difference: "Difference (without − with)",
    programmeCost: "Housing First cost, net",
  },
  title: (years) =>
    `Budget ${span(years)}: budget year ${years[0]} and outline years (overslagsår) ${years[1]}–${years[years.length - 1]}`,
  current: "Current prices",
  fixed: (year) => `Fixed ${year} prices`,
  corner: "DKK",
  total: (years) => `${span(years)} total`,
  basis: "Basis",
  source: { stays: "stays", projection: "projected" },
  none: "–",
  note: (t, scenario) => {
    const projected = t.years.filter((_, k) => t.sources[k] === "projection");
    const stays = t.years.filter((_, k) => t.sources[k] === "stays");
    const from = scenario === null ? "the default values" : `the scenario “${scenario}”`;
    return [
      `Current prices are the nominal amounts; fixed prices are at the budget year's ${t.budgetYear} level, deflated by the rate indexation of ${percent(t.indexation, "en")} a year (${from}).`,
      stays.length > 0 ? `${span(stays)}: the recorded stays (the refund forecast).` : "",
      projected.length > 0
        ? `${span(projected)}: projected from the base year ${t.baseYear} with ${from} (as DK.HOUSINGFIRSTPROJECTION on the Scenarier sheet).`
        : "",
    ]
      .filter((s) => s !== "")
      .join(" ");
  },
  noProjection: (reason) =>
    `The projection could not be computed, so years without stays are empty: ${reason}`,
  formulaTitle: "Budget: budget year and three outline years (overslagsår, B + 3)",
  fixedAtBudgetYear: "Fixed prices (the budget year's level)",
  sum: "Total",
  formulaNote: (cell) =>
    `Formulas over the table to the left: the budget year is the projection's first year, the outline years the next three; fixed prices at the budget year's level, deflated by the rate indexation in ${cell}.`,
};

export const BUDGET_TEXTS: Readonly<Record<SheetLanguage, BudgetTexts>> = { da: DA, en: EN };

/** Whole kroner, as a budget note shows them (the cells keep the øre). */
export const BUDGET_FORMAT = '#,##0 "kr."';

/** Columns of the block: label, B .. B+3 and their sum in current, then in fixed prices. */
export const BUDGET_BLOCK_WIDTH = 1 + 2 * (BUDGET_YEARS + 1);
/** Rows of the block: title, note, the two header rows, the basis row and the figures. */
export const BUDGET_BLOCK_ROWS = 5 + BUDGET_FIGURES.length;

/**
 * The table as plain cells from (row, col): a title, a note (`scenario` names where the
 * parameters are from; `problem` says why the projection is missing), two header rows, the
 * basis of each year and one row per figure, current prices left, fixed prices right.
 */
export function budgetYearsSections(
  table: BudgetYearsTable,
  at: { row: number; col: number },
  language: SheetLanguage,
  scenario: string | null,
  problem?: string
): SheetSection[] {
  const t = BUDGET_TEXTS[language];
  const n = (x: string | null): CellValue => (x === null ? t.none : Number(x));
  const note = [t.note(table, scenario), problem ? t.noProjection(problem) : ""]
    .filter((s) => s !== "")
    .join(" ");
  const basis = table.sources.map((s) => (s === null ? t.none : t.source[s]));
  const blank = Array<CellValue>(BUDGET_YEARS).fill("");
  return [
    {
      at: a1(at.row, at.col),
      values: [[t.title(table.years)], [note]],
      boldRows: [0],
      fit: false,
    },
    {
      at: a1(at.row + 2, at.col),
      values: [
        ["", t.current, ...blank, t.fixed(table.budgetYear), ...blank],
        [t.corner, ...table.years, t.total(table.years), ...table.years, t.total(table.years)],
      ],
      boldRows: [0, 1],
    },
    {
      // The basis row first: the formats apply to the rows below a section's first.
      at: a1(at.row + 4, at.col),
      values: [
        [t.basis, ...basis, "", ...blank, ""],
        ...table.rows.map((r) => [
          t.figure[r.figure],
          ...r.current.map(n),
          n(r.currentSum),
          ...r.fixed.map(n),
          n(r.fixedSum),
        ]),
      ],
      numberFormats: [null, ...Array<string>(2 * (BUDGET_YEARS + 1)).fill(BUDGET_FORMAT)],
    },
  ];
}

/** Where the spilled projection is and what the block reads of it. */
export interface ProjectionOutput {
  /** 0-based row of the projection's header row (the formula's cell). */
  headerRow: number;
  /** 0-based column of the year column (the formula's cell). */
  yearColumn: number;
  /** 0-based column of each figure in the spilled table. */
  columns: Record<BudgetFigure, number>;
  /** The cell of the price indexation a year, A1 (the parameter's value cell). */
  indexationCell: string;
}

const absolute = (address: string) => address.replace(/([A-Z]+)(\d+)/, "$$$1$$$2");

/**
 * The table as formulas over a spilled DK.HOUSINGFIRSTPROJECTION from (row, col): the budget year
 * is its first projection year (the row below the base year), each cell reads its year's row,
 * and a year the projection does not reach (a horizon under four years; the summary rows come
 * there) stays empty. The same cells as budgetYearsSections, with the projection as the source
 * of every year; the plain texts (title, headers, labels) come as sections, the rest as cells.
 */
export function budgetFormulaBlock(
  output: ProjectionOutput,
  at: { row: number; col: number },
  language: SheetLanguage
): { sections: SheetSection[]; cells: SheetCell[] } {
  const t = BUDGET_TEXTS[language];
  const yearRow = (k: number) => output.headerRow + 2 + k;
  const yearCell = (k: number) => a1(yearRow(k), output.yearColumn);
  const firstYear = absolute(yearCell(0));
  const index = absolute(output.indexationCell);
  const isYear = (k: number) => `ISNUMBER(${absolute(yearCell(k))})`;
  const cells: SheetCell[] = [];
  const put = (row: number, col: number, formula: string, numberFormat?: string) =>
    cells.push({ at: a1(row, col), formula, ...(numberFormat && { numberFormat }) });
  const header = at.row + 3;
  const fixedCol = at.col + BUDGET_YEARS + 2;
  for (let k = 0; k < BUDGET_YEARS; k++) {
    const year = `IF(${isYear(k)},${absolute(yearCell(k))},"")`;
    put(header, at.col + 1 + k, `=${year}`);
    put(header, fixedCol + k, `=${year}`);
  }
  BUDGET_FIGURES.forEach((figure, i) => {
    const row = header + 2 + i;
    for (let k = 0; k < BUDGET_YEARS; k++) {
      const value = a1(yearRow(k), output.columns[figure]);
      const deflator = `(1+${index})^(${absolute(yearCell(k))}-${firstYear})`;
      put(row, at.col + 1 + k, `=IF(${isYear(k)},${value},"")`, BUDGET_FORMAT);
      put(row, fixedCol + k, `=IF(${isYear(k)},ROUND(${value}/${deflator},2),"")`, BUDGET_FORMAT);
    }
    const sum = (col: number) => `=SUM(${a1(row, col)}:${a1(row, col + BUDGET_YEARS - 1)})`;
    put(row, at.col + 1 + BUDGET_YEARS, sum(at.col + 1), BUDGET_FORMAT);
    put(row, fixedCol + BUDGET_YEARS, sum(fixedCol), BUDGET_FORMAT);
  });
  const blank = Array<CellValue>(BUDGET_YEARS).fill("");
  const source = Array<CellValue>(BUDGET_YEARS).fill(t.source.projection);
  return {
    sections: [
      {
        at: a1(at.row, at.col),
        values: [[t.formulaTitle], [t.formulaNote(output.indexationCell)]],
        boldRows: [0],
        fit: false,
      },
      {
        at: a1(at.row + 2, at.col),
        values: [
          ["", t.current, ...blank, t.fixedAtBudgetYear, ...blank],
          [t.corner, ...blank, t.sum, ...blank, t.sum],
          [t.basis, ...source, "", ...blank, ""],
          ...BUDGET_FIGURES.map((f) => [t.figure[f]]),
        ],
        boldRows: [0, 1],
      },
    ],
    cells,
  };
}
