/**
 * The Scenarier sheet: the active scenario's parameters as named cells (Danish names, units,
 * labels and sources from the registry; each value cell also a workbook-scoped Excel name), the
 * saved scenarios side by side, and the live output: a =DK.HOUSINGFIRSTPROJECTION(...) formula over the
 * stays and the parameter cells, with native charts bound to its spilled years. Editing a
 * parameter cell in Excel recalculates the table and the charts.
 *
 * The layout is fixed (below), so the sheet can be read back: the parameters and the saved
 * scenarios (sheetReading.ts, which also reads a sheet a user has changed, as far as it can). The formula itself is never read back from the sheet: it is always rebuilt from
 * where the stays are (StaysRef), which the add-in keeps with its own sheet as a worksheet
 * custom property (SheetSpec.properties), out of reach of cell edits; the text line above the
 * output only documents it. A stored reference is checked field by field and turned into
 * quoted ranges or escaped table columns, so even a crafted property can name cells, never a
 * function (a note edited to =DK.HOUSINGFIRSTPROJECTION(WEBSERVICE(…)) is only text).
 * This module is pure (spec in, spec out); scenarioStore.ts talks to the workbook.
 */
import {
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
import type { ColumnMapping, StaysTable } from "../stays/columns";
import {
  a1,
  columnLetters,
  isValidDefinedName,
  type CellValue,
  type ChartSpec,
  type ColumnWidth,
  type SheetCell,
  type SheetSection,
  type SheetSpec,
} from "../../workbook/workbook";

export const SCENARIO_SHEET = "Scenarier";
export const DEFAULT_SCENARIO_NAME = "Basis";
/** What the active values are called where they need a name but have none (deleted, never named). */
export const UNSAVED_NAME = "Ikke gemt";

const FIRST_PARAMETER_ROW = 4;

/**
 * 0-based rows and columns of the layout: one row per parameter of the registry, then a blank
 * row, the note on the formula, and the formula's spilled output. The parameter table's columns:
 * name, value (the two DK.HOUSINGFIRSTPROJECTION reads), low, high, unit, description, the
 * value's source and the range's source; then a blank column and the saved scenarios.
 */
export const LAYOUT = {
  activeRow: 2,
  headerRow: 3,
  firstParameterRow: FIRST_PARAMETER_ROW,
  formulaNoteRow: FIRST_PARAMETER_ROW + PARAMETERS.length + 1,
  outputRow: FIRST_PARAMETER_ROW + PARAMETERS.length + 2,
  lowColumn: 2,
  highColumn: 3,
  rangeSourceColumn: 7,
  savedColumn: 9,
  /** Right of the output's 21 columns and a blank one, so the charts cover no number. */
  chartColumn: PROJECTION_COLUMNS.length + 1,
} as const;

/** The parameter table's header row; "Lav" in column C tells this layout from the earlier one. */
export const PARAMETER_HEADER = [
  "Parameter",
  "Værdi",
  "Lav",
  "Høj",
  "Enhed",
  "Beskrivelse",
  "Kilde",
  "Kilde til spænd",
] as const;

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

/** One stays column the formula reads: its sheet column (0-based) and its header text. */
export interface StaysColumn {
  column: number;
  header: string;
}

/**
 * Where DK.HOUSINGFIRSTPROJECTION's stays are, as the pane found and mapped them: the user's sheet, the
 * Excel table when the stays are one (its columns are then referenced by header, so the formula
 * follows the table), the sheet rows of the first and last stay, and per argument (citizen,
 * admission, discharge, daily rate, self-payment) the column; a self-payment not mapped is 0.
 */
export interface StaysRef {
  sheet: string;
  table?: string;
  firstRow: number;
  lastRow: number;
  columns: [StaysColumn, StaysColumn, StaysColumn, StaysColumn, StaysColumn | null];
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

/** A sheet name as a formula writes it: always quoted, quotes doubled. */
const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/**
 * A structured reference to a table column's data, `Table[Column]`, with Excel's escaping: a
 * quote before [ ] # ', and the column in double brackets when its name holds anything but
 * letters, digits, spaces and underscores (Excel requires that for - . , : $ and the like).
 */
export function tableColumnRef(table: string, column: string): string {
  const escaped = column.replace(/['[\]#]/g, "'$&");
  return /[^\p{L}\p{N} _]/u.test(column) ? `${table}[[${escaped}]]` : `${table}[${escaped}]`;
}

/** The stays and their column mapping as the formula's reference; undefined until the required fields are mapped. */
export function staysRef(
  stays: Pick<StaysTable, "sheet" | "table" | "header" | "firstRow" | "left" | "rows">,
  mapping: ColumnMapping
): StaysRef | undefined {
  const column = (index: number | null): StaysColumn | null =>
    index === null
      ? null
      : { column: stays.left + index, header: String(stays.header[index] ?? "") };
  const [citizen, admission, discharge, dailyRate] = [
    mapping.citizen,
    mapping.admission,
    mapping.discharge,
    mapping.dailyRate,
  ].map(column);
  if (!citizen || !admission || !discharge || !dailyRate) return undefined;
  return {
    sheet: stays.sheet,
    ...(stays.table !== undefined && { table: stays.table }),
    firstRow: stays.firstRow,
    lastRow: stays.firstRow + Math.max(1, stays.rows.length) - 1,
    columns: [citizen, admission, discharge, dailyRate, column(mapping.selfPayment)],
  };
}

/**
 * DK.HOUSINGFIRSTPROJECTION's five stays arguments: a structured reference per column when the stays are an
 * Excel table (Excel then resizes it with the table), else a range over the stay rows; "0" for
 * a self-payment that is not mapped.
 */
export function staysArguments(ref: StaysRef): string[] {
  return ref.columns.map((c) =>
    c === null
      ? "0"
      : ref.table !== undefined
        ? tableColumnRef(ref.table, c.header)
        : `${quoteSheet(ref.sheet)}!${a1(ref.firstRow, c.column, ref.lastRow, c.column)}`
  );
}

/** The worksheet custom property that keeps the StaysRef with the add-in's Scenarier sheet. */
export const STAYS_PROPERTY = "DkRefusionScenarioStays";

const MAX_ROW = 1_048_575;
const MAX_COLUMN = 16_383;

const isIndex = (x: unknown, max: number): x is number =>
  typeof x === "number" && Number.isInteger(x) && x >= 0 && x <= max;
const isColumn = (x: unknown): x is StaysColumn =>
  typeof x === "object" &&
  x !== null &&
  Object.keys(x).length === 2 &&
  isIndex((x as StaysColumn).column, MAX_COLUMN) &&
  typeof (x as StaysColumn).header === "string" &&
  (x as StaysColumn).header.length <= 255;
/** Excel's sheet names: 1-31 characters, none of \ / ? * [ ] : */
const isSheetName = (x: unknown): x is string =>
  typeof x === "string" && x.length >= 1 && x.length <= 31 && !/[\\/?*[\]:]/.test(x);

/**
 * A stored StaysRef, checked field by field before any of it reaches a formula; null when there
 * is none or it is not one the add-in could have written.
 */
export function parseStaysRef(stored: string | undefined): StaysRef | null {
  if (stored === undefined) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return null;
  }
  if (typeof raw !== "object" || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const keys = Object.keys(r).filter((k) => k !== "table");
  const columns = r.columns;
  const ok =
    keys.length === 4 &&
    isSheetName(r.sheet) &&
    (r.table === undefined || (typeof r.table === "string" && isValidDefinedName(r.table))) &&
    isIndex(r.firstRow, MAX_ROW) &&
    isIndex(r.lastRow, MAX_ROW) &&
    r.firstRow <= r.lastRow &&
    Array.isArray(columns) &&
    columns.length === 5 &&
    columns.slice(0, 4).every(isColumn) &&
    (columns[4] === null || isColumn(columns[4]));
  return ok ? (raw as StaysRef) : null;
}

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

const FORMULA_NOTE = `Formel i ${OUTPUT_CELL}: `;
const NO_STAYS_NOTE =
  "Ingen ophold endnu: find opholdene i panelet, og vælg «Opdater arket Scenarier».";

/** Number formats in Excel's invariant syntax (shown with Danish separators in Danish Excel). */
const KR = '#,##0 "kr."';
const FORMAT_BY_UNIT: Record<ParameterDef["unit"], string | undefined> = {
  "%": "0.0%",
  "kr./år": KR,
  "kr.": KR,
  dage: "0",
  år: "0",
  årstal: "0",
  "boliger/år": undefined,
  // 1 shows as "ja", 0 as "nej" (Excel's conditional number format sections).
  "ja/nej": '[=1]"ja";[=0]"nej";0',
  forløb: "0",
  faktor: "0.00",
};

const OUTPUT_FORMATS: Record<string, string | null> = {
  year: "0",
  stayDays: "#,##0",
  hfStayDays: "#,##0",
  moves: "#,##0.0",
  housedYears: "#,##0.0",
};

/**
 * Widths (points) for the columns the projection spills into: Excel computes the spill after
 * the sheet is written, so autofit cannot see it, and a column narrower than an amount shows
 * ####. At least the header or an amount like "-99.999.999 kr." (15 characters) at about 6 pt
 * a character in Excel's default font, at most 170 pt (a longer header runs on over the empty
 * cell beside it); the parameter table's long descriptions and sources fit up to 300 and 420
 * (longer ones run on into the empty cells to their right or are cut, but stay in the cell).
 */
const OUTPUT_WIDTHS: ColumnWidth[] = PROJECTION_COLUMNS.map((c, i) => ({
  min: Math.min(170, Math.max(c.da.length, 15) * 6 + 8),
  ...(i === 5 && { max: 300 }),
  ...((i === 6 || i === LAYOUT.rangeSourceColumn) && { max: 420 }),
}));

/** The horizon the sheet's charts are bound to: the active value when valid, else the default. */
export function chartHorizon(values: ParameterCells): number {
  const h = values.horizon;
  return typeof h === "number" && Number.isInteger(h) && h >= 1 && h <= 30
    ? h
    : (PARAMETERS.find((p) => p.id === "horizon")!.default as number);
}

/** The sheet and its charts (the charts need the name the sheet was written under). */
export function scenarioSheet(model: ScenarioModel): {
  spec: SheetSpec;
  charts: (sheet: string) => ChartSpec[];
} {
  const { firstParameterRow, outputRow, savedColumn } = LAYOUT;
  const parameterRows = PARAMETERS.map((p): CellValue[] => {
    const r = model.ranges[p.id];
    return [
      p.name,
      model.active.values[p.id],
      r?.low ?? "",
      r?.high ?? "",
      p.unit,
      p.label.da,
      p.source,
      r?.source ?? "",
    ];
  });
  const sections: SheetSection[] = [
    {
      at: "A1",
      values: [
        ["Scenarier: hvad koster det, hvis vi ikke handler – og hvad giver Housing First?"],
        [
          "Ret værdierne i kolonne B og spændet (lav og høj, til følsomhed og usikkerhed) i kolonne C og D. Tabellen fra række " +
            (outputRow + 1) +
            " er formlen DK.HOUSINGFIRSTPROJECTION, der regnes om, når en værdi eller et ophold ændres. " +
            `Værdierne har Excel-navne, som egne formler kan bruge, fx =${parameterExcelName(parameterById("discountRate"))}.`,
        ],
        [
          "Aktivt scenarie",
          model.active.name,
          model.active.name.trim() === ""
            ? "Værdierne i kolonne B er ikke gemt som et scenarie: gem dem med et navn i panelet."
            : "",
        ],
      ],
      boldRows: [0],
      fit: false,
    },
    {
      at: a1(LAYOUT.headerRow, 0),
      values: [[...PARAMETER_HEADER], ...parameterRows],
      boldRows: [0],
    },
    {
      at: a1(LAYOUT.formulaNoteRow, 0),
      values: [[model.stays ? FORMULA_NOTE + projectionFormula(model.stays) : NO_STAYS_NOTE]],
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
  ];
  if (model.saved.length > 0) {
    sections.push({
      at: a1(LAYOUT.headerRow - 1, savedColumn),
      values: [
        ["Gemte scenarier"],
        ["Parameter", ...model.saved.map((s) => s.name)],
        ...PARAMETERS.map((p) => [p.name, ...model.saved.map((s) => s.values[p.id])]),
      ],
      boldRows: [0, 1],
    });
  }

  const cells: SheetCell[] = [];
  PARAMETERS.forEach((p, i) => {
    const format = FORMAT_BY_UNIT[p.unit];
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
  const summaryFormats = [KR, "0.00", "0", "0"];
  summaryFormats.forEach((f, i) => cells.push({ at: a1(summaryRow + i, 1), numberFormat: f }));
  if (model.stays) cells.push({ at: OUTPUT_CELL, formula: projectionFormula(model.stays) });

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
      comment: `${p.label.da} (${p.unit})`,
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
        title: "Kommunens nettoudgift pr. år: uden indsats og med Housing First",
        categories: years("year", true),
        series: [
          { name: "Uden indsats", values: years("netCost", true) },
          { name: "Med Housing First", values: years("hfNetCost", true) },
        ],
        ...place(1),
      },
      {
        sheet,
        name: "ScenarieForskel",
        type: "line",
        title: "Housing First: forskel pr. år og akkumuleret nutidsværdi",
        categories: years("year", false),
        series: [
          { name: "Forskel (uden − med)", values: years("difference", false) },
          { name: "Akkumuleret nutidsværdi", values: years("cumulativeNpv", false) },
        ],
        ...place(19),
      },
    ];
  };
  return { spec, charts };
}

/** The cell of a parameter's value in the active column. */
export const parameterCell = (id: ParameterId): string =>
  a1(LAYOUT.firstParameterRow + PARAMETERS.findIndex((p) => p.id === id), 1);
