/**
 * The Scenarier sheet: the active scenario's parameters as named cells (Danish names, units,
 * labels and sources from the registry; each value cell also a workbook-scoped Excel name), the
 * saved scenarios side by side, and the live output: a =DK.HOUSINGFIRSTPROJECTION(...) formula over the
 * stays and the parameter cells, with native charts bound to its spilled years. Editing a
 * parameter cell in Excel recalculates the table and the charts.
 *
 * The layout is fixed (below), so the sheet can be read back: the parameters and the saved
 * scenarios (sheetReading.ts, which also reads a sheet a user has changed, as far as it can).
 * The formula itself is never read back from the sheet: it is always rebuilt from
 * where the stays are (StaysRef), which the add-in keeps with its own sheet as a worksheet
 * custom property (SheetSpec.properties), out of reach of cell edits; the text line above the
 * output only documents it. A stored reference is checked field by field and turned into
 * quoted ranges or escaped table columns, so even a crafted property can name cells, never a
 * function (a note edited to =DK.HOUSINGFIRSTPROJECTION(WEBSERVICE(…)) is only text).
 * This module is pure (spec in, spec out); scenarioStore.ts talks to the workbook.
 */
import {
  FROM_DATA_TEXT,
  PARAMETERS,
  defaultCell,
  parameterById,
  rangeOf,
  type ParameterDef,
  type ParameterId,
  type ParameterRanges,
} from "../../engine/parameters";
import { FUNCTIONS_NAMESPACE } from "../../functions/namespace";
import {
  PROJECTION_COLUMNS,
  PROJECTION_SUMMARY,
  projectionColumn,
} from "../../functions/scenarioFunctions";
import { STAYS_PROPERTY, staysArguments, type StaysRef } from "./staysRef";
import { BUDGET_FIGURES, budgetFormulaBlock } from "../budget/budgetYears";
import type { SheetLanguage } from "../sheetLanguage";
import { SCENARIO_TEXTS } from "./scenarioTexts";
import {
  FORMAT_BY_UNIT,
  KR,
  OUTPUT_FORMATS,
  SUMMARY_FORMATS,
  outputWidths,
} from "./scenarioFormats";
import {
  a1,
  columnLetters,
  type CellValue,
  type ChartSpec,
  type SheetCell,
  type SheetSection,
  type SheetSpec,
} from "../../workbook/workbook";

export {
  STAYS_PROPERTY,
  parseStaysRef,
  staysArguments,
  staysRef,
  tableColumnRef,
  type StaysColumn,
  type StaysRef,
} from "./staysRef";

export const SCENARIO_SHEET = "Scenarier";
export const DEFAULT_SCENARIO_NAME = "Basis";
/** What the active values are called where they need a name but have none (deleted, never named). */
export const UNSAVED_NAME = "Ikke gemt";

const FIRST_PARAMETER_ROW = 4;

/**
 * 0-based rows and columns of the layout: one row per parameter of the registry, then a row of
 * notes on the output (how its row numbers read, whole persons), the note on the formula, and
 * the formula's spilled output, with the budget years (B + 3) beside it, below the charts. The
 * parameter table's columns: name, value (the two DK.HOUSINGFIRSTPROJECTION reads), low, high,
 * unit, description, the value's source and the range's source; then a blank column and the
 * saved scenarios.
 */
export const LAYOUT = {
  activeRow: 2,
  headerRow: 3,
  firstParameterRow: FIRST_PARAMETER_ROW,
  outputNoteRow: FIRST_PARAMETER_ROW + PARAMETERS.length,
  formulaNoteRow: FIRST_PARAMETER_ROW + PARAMETERS.length + 1,
  outputRow: FIRST_PARAMETER_ROW + PARAMETERS.length + 2,
  lowColumn: 2,
  highColumn: 3,
  rangeSourceColumn: 7,
  savedColumn: 9,
  /** Right of the output's columns and a blank one, so the charts cover no number. */
  chartColumn: PROJECTION_COLUMNS.length + 1,
  /** The budget years' block: beside the output, from its base year's row, below the charts. */
  budgetRow: FIRST_PARAMETER_ROW + PARAMETERS.length + 3,
  budgetColumn: PROJECTION_COLUMNS.length + 1,
} as const;

/** The parameter table's header row; "Lav" in column C tells this layout from the earlier one. */
export const PARAMETER_HEADER = SCENARIO_TEXTS.da.header;

/** Sheets written before the ranges (Parameter, Værdi, Enhed, Beskrivelse, Kilde): saved scenarios from G. */
export const EARLIER_SAVED_COLUMN = 6;

/** Rows a horizon of 30 years spills: header, base year, 30 years, 3 summary rows, skipped rows. */
const MAX_OUTPUT_ROWS = 1 + 31 + PROJECTION_SUMMARY.length + 1;

/** A parameter value as a cell holds it: a number, or anything a user typed. */
export type ParameterCells = Record<ParameterId, CellValue>;

export interface NamedScenario {
  name: string;
  values: ParameterCells;
}

/** A parameter's low, high and range source as the sheet's cells hold them (typed by a user). */
export interface RangeCells {
  low: CellValue;
  high: CellValue;
  source: CellValue;
}

/** The range cells of every parameter that has a range (all but the base year). */
export type ParameterRangeCells = Partial<Record<ParameterId, RangeCells>>;

export interface ScenarioModel {
  /** Where the formula's stays are; null until the pane knows them. */
  stays: StaysRef | null;
  active: NamedScenario;
  saved: NamedScenario[];
  /**
   * The low–high ranges on the sheet. They belong to the sheet, not to one scenario: the saved
   * scenarios keep their values only, and saving or switching leaves the ranges as they are.
   */
  ranges: ParameterRangeCells;
}

export const defaultValues = (): ParameterCells =>
  Object.fromEntries(PARAMETERS.map((p) => [p.id, defaultCell(p)])) as ParameterCells;

/** Range cells for a scenario's own ranges, the registry's for every other parameter. */
export const rangeCells = (ranges: ParameterRanges = {}): ParameterRangeCells =>
  Object.fromEntries(
    PARAMETERS.flatMap((p) => {
      const r = rangeOf(p, ranges);
      return r ? [[p.id, { low: r.low, high: r.high, source: r.source }]] : [];
    })
  );

export const defaultModel = (stays: StaysRef | null): ScenarioModel => ({
  stays,
  active: { name: DEFAULT_SCENARIO_NAME, values: defaultValues() },
  saved: [],
  ranges: rangeCells(),
});

/**
 * The parameter range the formula reads: the header row and the parameter rows of columns A and
 * B only (name and value), so parseParameterRange's two columns hold whatever stands beside them.
 */
export const PARAMETER_RANGE = a1(
  LAYOUT.headerRow,
  0,
  LAYOUT.firstParameterRow + PARAMETERS.length - 1,
  1
);
export const OUTPUT_CELL = a1(LAYOUT.outputRow, 0);

export function projectionFormula(stays: StaysRef): string {
  const args = [...staysArguments(stays), PARAMETER_RANGE].join(",");
  return `=${FUNCTIONS_NAMESPACE}.HOUSINGFIRSTPROJECTION(${args})`;
}

/** Prefix of the parameters' Excel names, so they keep clear of a user's own names. */
const NAME_PREFIX = "DK_";

/**
 * The workbook-scoped Excel name of a parameter's value cell: the prefix and the Danish name,
 * each run of spaces and punctuation one underscore ("Bostøtte pr. år" -> DK_Bostøtte_pr_år).
 */
export function parameterExcelName(def: Pick<ParameterDef, "name">): string {
  return NAME_PREFIX + def.name.replace(/[^\p{L}\p{N}]+/gu, "_").replace(/^_+|_+$/g, "");
}

const OUTPUT_WIDTHS = outputWidths(LAYOUT.rangeSourceColumn);

/** The horizon the sheet's charts are bound to: the active value when valid, else the default. */
export function chartHorizon(values: ParameterCells): number {
  const h = values.horizon;
  return typeof h === "number" && Number.isInteger(h) && h >= 1 && h <= 30
    ? h
    : (PARAMETERS.find((p) => p.id === "horizon")!.default as number);
}

/** The estimated parameters' «fra data» in the sheet's language; any other value as it is. */
const shownValue = (value: CellValue, language: SheetLanguage): CellValue =>
  typeof value === "string" &&
  (value === FROM_DATA_TEXT.da || value === FROM_DATA_TEXT.en) &&
  value !== FROM_DATA_TEXT[language]
    ? FROM_DATA_TEXT[language]
    : value;

/** The output's spilled table as the budget years' block reads it. */
const PROJECTION_OUTPUT = {
  headerRow: LAYOUT.outputRow,
  yearColumn: 0,
  columns: Object.fromEntries(BUDGET_FIGURES.map((f) => [f, projectionColumn(f)])) as Record<
    (typeof BUDGET_FIGURES)[number],
    number
  >,
};

/**
 * The sheet and its charts (the charts need the name the sheet was written under), in the
 * pane's language: everything but the parameter names in column A and the function's own table.
 */
export function scenarioSheet(
  model: ScenarioModel,
  language: SheetLanguage = "da"
): {
  spec: SheetSpec;
  charts: (sheet: string) => ChartSpec[];
} {
  const t = SCENARIO_TEXTS[language];
  const { firstParameterRow, outputRow, savedColumn } = LAYOUT;
  const parameterRows = PARAMETERS.map((p): CellValue[] => {
    const r = model.ranges[p.id];
    return [
      p.name,
      shownValue(model.active.values[p.id], language),
      r?.low ?? "",
      r?.high ?? "",
      t.unit[p.unit],
      p.label[language],
      p.source,
      r?.source ?? "",
    ];
  });
  const rowsNote = model.stays
    ? t.rowsNote(model.stays.sheet, model.stays.firstRow + 1, model.stays.table)
    : "";
  const budget = budgetFormulaBlock(
    { ...PROJECTION_OUTPUT, indexationCell: parameterCell("rateIndexation") },
    { row: LAYOUT.budgetRow, col: LAYOUT.budgetColumn },
    language
  );
  const sections: SheetSection[] = [
    {
      at: "A1",
      values: [
        [t.title],
        [t.intro(outputRow + 1, parameterExcelName(parameterById("discountRate")))],
        [t.active, model.active.name, model.active.name.trim() === "" ? t.unsaved : ""],
      ],
      boldRows: [0],
      fit: false,
    },
    {
      at: a1(LAYOUT.headerRow, 0),
      values: [[...t.header], ...parameterRows],
      boldRows: [0],
    },
    {
      at: a1(LAYOUT.outputNoteRow, 0),
      values: [[[rowsNote, t.wholePersons].filter((x) => x !== "").join(" ")]],
      fit: false,
    },
    {
      at: a1(LAYOUT.formulaNoteRow, 0),
      values: [
        [model.stays ? t.formulaNote(OUTPUT_CELL, projectionFormula(model.stays)) : t.noStays],
      ],
      fit: false,
    },
    // Formats for the spilled output, column by column, below its header row.
    {
      at: OUTPUT_CELL,
      values: Array.from({ length: MAX_OUTPUT_ROWS }, () => []),
      numberFormats: PROJECTION_COLUMNS.map((c) =>
        c.key in OUTPUT_FORMATS ? OUTPUT_FORMATS[c.key] : KR
      ),
    },
    ...(model.stays ? budget.sections : []),
  ];
  if (model.saved.length > 0) {
    sections.push({
      at: a1(LAYOUT.headerRow - 1, savedColumn),
      values: [
        [t.saved],
        [t.header[0], ...model.saved.map((s) => s.name)],
        ...PARAMETERS.map((p) => [
          p.name,
          ...model.saved.map((s) => shownValue(s.values[p.id], language)),
        ]),
      ],
      boldRows: [0, 1],
    });
  }

  const cells: SheetCell[] = [];
  PARAMETERS.forEach((p, i) => {
    const format = p.unit === "ja/nej" ? t.yesNoFormat : FORMAT_BY_UNIT[p.unit];
    if (!format) return;
    const columns = [
      1,
      ...(p.range ? [LAYOUT.lowColumn, LAYOUT.highColumn] : []),
      ...model.saved.map((_, k) => savedColumn + 1 + k),
    ];
    for (const c of columns) cells.push({ at: a1(firstParameterRow + i, c), numberFormat: format });
  });
  const horizon = chartHorizon(model.active.values);
  const summaryRow = outputRow + 2 + horizon;
  SUMMARY_FORMATS.forEach((f, i) => cells.push({ at: a1(summaryRow + i, 1), numberFormat: f }));
  if (model.stays) {
    cells.push({ at: OUTPUT_CELL, formula: projectionFormula(model.stays) });
    cells.push(...budget.cells);
  }

  const spec: SheetSpec = {
    name: SCENARIO_SHEET,
    sections,
    cells,
    columnWidths: OUTPUT_WIDTHS,
    freezeRows: 0,
    properties: { [STAYS_PROPERTY]: JSON.stringify(model.stays) },
    names: PARAMETERS.map((p) => ({
      name: parameterExcelName(p),
      address: parameterCell(p.id),
      comment: `${p.label[language]} (${t.unit[p.unit]})`,
    })),
  };

  const charts = (sheet: string): ChartSpec[] => {
    if (!model.stays) return [];
    const years = (key: Parameters<typeof projectionColumn>[0], fromBase: boolean) => {
      const c = columnLetters(projectionColumn(key));
      return `${c}${outputRow + (fromBase ? 2 : 3)}:${c}${outputRow + 2 + horizon}`;
    };
    const place = (row: number) => ({
      from: a1(row, LAYOUT.chartColumn),
      to: a1(row + 16, LAYOUT.chartColumn + 8),
    });
    return [
      {
        sheet,
        name: "ScenarieNettoudgift",
        type: "columnClustered",
        title: t.chartNetCost,
        categories: years("year", true),
        series: [
          { name: t.withoutAction, values: years("netCost", true) },
          { name: t.withHousingFirst, values: years("hfNetCost", true) },
        ],
        ...place(1),
      },
      {
        sheet,
        name: "ScenarieForskel",
        type: "line",
        title: t.chartDifference,
        categories: years("year", false),
        series: [
          { name: t.difference, values: years("difference", false) },
          { name: t.cumulativeNpv, values: years("cumulativeNpv", false) },
        ],
        ...place(19),
      },
    ];
  };
  return { spec, charts };
}

/**
 * Every formula the sheet holds, in the order it writes them: DK.HOUSINGFIRSTPROJECTION over the
 * stays, and the budget years' formulas over its output, all built from the add-in's own layout
 * and stays record, never from a cell's text.
 */
export const scenarioFormulas = (stays: StaysRef): string[] =>
  (scenarioSheet({ ...defaultModel(stays) }).spec.cells ?? []).flatMap((c) =>
    c.formula === undefined ? [] : [c.formula]
  );

/** The cell of a parameter's value in the active column. */
export const parameterCell = (id: ParameterId): string =>
  a1(LAYOUT.firstParameterRow + PARAMETERS.findIndex((p) => p.id === id), 1);
