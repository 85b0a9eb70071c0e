/**
 * The one interface the task pane talks to. Two implementations: src/office/excelWorkbook.ts
 * (Office.js, inside Excel) and src/demo/memoryWorkbook.ts (in memory, for the standalone demo
 * and the tests). The pane never sees Office.js.
 *
 * Conventions:
 * - Rows and columns are 0-based sheet positions; `top`/`left` locate a block's first cell.
 *   Addresses are A1 text without a sheet name ("A1:F200"); user-facing row numbers are
 *   `top + index + 1`.
 * - Reads and writes are chunked (Excel on the web rejects requests over 5 MB); both report
 *   progress and stop with an AbortError when the signal is aborted.
 * - The add-in writes ONLY to its own sheets. A sheet is "own" when the add-in created it (a
 *   worksheet custom property in Excel, a flag in memory). Writing to a name that a user's sheet
 *   already holds never touches that sheet: the write goes to "Name (2)", "Name (3)", … (the
 *   first free or own one) and the result says so.
 */

/** A cell value as Office.js reports it: blank cells are "" (or null), error cells are text ("#N/A"). */
export type CellValue = string | number | boolean | null;

export interface SheetInfo {
  name: string;
  /** Created by the add-in (safe to replace). */
  own: boolean;
  active: boolean;
}

/** An Excel table (ListObject) in the workbook. */
export interface TableInfo {
  name: string;
  sheet: string;
  /** Whole table including its header row, e.g. "B3:G250". */
  address: string;
  /** Data rows, without the header row. */
  rowCount: number;
}

/** A rectangle of values read from a sheet; values[0] is the first row of the rectangle. */
export interface CellBlock {
  sheet: string;
  top: number;
  left: number;
  values: CellValue[][];
}

/** A table read with its header row split off; `top` is the sheet row of the header. */
export interface TableBlock extends CellBlock {
  table: string;
  header: CellValue[];
  /** values[0] is the first data row, at sheet row top + 1. */
}

export interface Progress {
  done: number;
  total: number;
}

export interface IoOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

/** One rectangle of an own sheet: values, per-column number formats, optionally an Excel table. */
export interface SheetSection {
  /** Top-left cell, A1 ("A1", "L2"). */
  at: string;
  /** Row 0 is the header row when `table` is set. */
  values: CellValue[][];
  /**
   * Number format per column, in the invariant (en-US) syntax that Excel's `numberFormat` API
   * takes and that Excel shows in the user's locale: `#,##0.00 "kr."` shows as 15.500,00 kr.
   * on a Danish machine. null = General. Applied to every row below the header.
   */
  numberFormats?: (string | null)[];
  /** Rows (index into `values`) to show in bold, e.g. total rows. */
  boldRows?: number[];
  /**
   * Whether the section's cells count when columns are sized to their content (default true).
   * false for titles and notes: long lines that run on over empty cells, as in Excel.
   */
  fit?: boolean;
  /**
   * Make values[0 .. tableRows-1] an Excel table (header = values[0]); rows after it (totals)
   * stay plain cells right below the table. The name is a wish: on a clash with a user's table
   * the implementation picks another and reports it.
   */
  table?: { name: string; rows: number };
}

/**
 * One cell written after the sections: the add-in's own formula (=DK.… or a formula over its
 * result, built by the add-in, never text from a user's file or a template) and/or a number
 * format for that one cell.
 */
export interface SheetCell {
  /** A1 of one cell, e.g. "A21". */
  at: string;
  formula?: string;
  numberFormat?: string;
  /** Font size in points (a title); unset: the sheet's. */
  fontSize?: number;
}

export interface SheetSpec {
  /** Wanted sheet name; see the module comment for clashes with a user's sheet. */
  name: string;
  sections: SheetSection[];
  cells?: SheetCell[];
  /**
   * Column widths from column A, in points (Excel's `format.columnWidth`). Every column is sized
   * to its content after writing (Excel's autofit), counting the sections that fit; an entry
   * changes that: a number fixes the width, { min, max } bounds the fitted width (min for values
   * a formula spills later, which no autofit at write time can see; max for long texts).
   */
  columnWidths?: ColumnWidth[];
  /** Freeze the first n rows. */
  freezeRows?: number;
  /**
   * A sheet the add-in keeps out of sight (the Scenarier sheet's copy): hidden, not very hidden,
   * so a user can still unhide it in Excel and read it. A sheet without it keeps its visibility.
   */
  hidden?: boolean;
  /** How the sheet prints (see PrintSetup); unset: Excel's defaults. */
  print?: PrintSetup;
  /**
   * The add-in's own data kept with the sheet, by key: never shown in a cell and never read from
   * one, so a user's edit of the sheet cannot change it (worksheet custom properties in Excel,
   * ExcelApi 1.12; a map in memory). Written with the sheet, read with readSheetProperty.
   */
  properties?: Record<string, string>;
  /**
   * Workbook-scoped Excel names for cells of this sheet (A1 on this sheet), so users can write
   * =DK_Diskonteringsrente in their own formulas. A name that already exists is replaced only
   * when it points into an own sheet; a user's name is left alone (see WrittenSheet).
   */
  names?: DefinedName[];
}

/**
 * How a sheet prints on A4, in the orientation given (Excel's page layout; the demo's print
 * stylesheet): without `pages`, the print area scaled to fit one page wide and one page tall;
 * with it, at a fixed scale with a page break before each row listed.
 */
export interface PrintSetup {
  /** A1 of the area that prints, on this sheet. */
  area: string;
  orientation: "portrait" | "landscape";
  pages?: {
    /** 0-based rows that begin a new page. */
    breaks: number[];
    /** Percent of normal size, chosen so the area's columns fit the page's width. */
    scale: number;
  };
}

/** See SheetSpec.columnWidths; null = fit to the content. */
export type ColumnWidth = number | { min?: number; max?: number } | null;

/** A rectangle of a sheet, 0-based inclusive bounds. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * The rectangles whose cells size the columns: every section that fits, as wide as its widest
 * row or its number formats (a section of formats only marks where a formula will spill).
 */
export function fitRegions(spec: SheetSpec): Rect[] {
  return spec.sections.flatMap((section) => {
    if (section.fit === false || section.values.length === 0) return [];
    const at = parseA1(section.at);
    let width = section.numberFormats?.length ?? 0;
    for (const row of section.values) width = Math.max(width, row.length);
    if (width === 0) return [];
    return [
      {
        top: at.top,
        left: at.left,
        bottom: at.top + section.values.length - 1,
        right: at.left + width - 1,
      },
    ];
  });
}

/** A fitted width (points) within a column's bounds; a fixed width stays as it is. */
export function boundWidth(rule: ColumnWidth | undefined, fitted: number): number {
  if (typeof rule === "number") return rule;
  return Math.min(rule?.max ?? Infinity, Math.max(rule?.min ?? 0, fitted));
}

export interface DefinedName {
  /** A valid Excel name (see isValidDefinedName). */
  name: string;
  /** A1 on the sheet being written, e.g. "B7". */
  address: string;
  /** Shown in Excel's Name Manager. */
  comment?: string;
}

export interface WrittenSheet {
  /** The name actually used. */
  name: string;
  /** True when `name` differs from the wanted name because a user's sheet had it. */
  renamed: boolean;
  wanted: string;
  /** Table names actually used, in the order of the sections that asked for one. */
  tables: string[];
  /** Names from `spec.names` left alone because a user's name already has them (only when the spec has names). */
  skippedNames?: string[];
}

/** barClustered: horizontal bars, the first category at the top (a tornado). */
export type ChartType = "columnClustered" | "barClustered" | "line";

/** A native chart on an own sheet, from ranges of that sheet. */
export interface ChartSpec {
  /** The own sheet (the name returned by writeOwnSheet). */
  sheet: string;
  name: string;
  type: ChartType;
  title: string;
  /** Category labels (x axis), e.g. "M3:M8". */
  categories: string;
  series: { name: string; values: string }[];
  /** The value axis' number format (invariant syntax, e.g. "0%"); unset: the cells' own. */
  valueFormat?: string;
  /** Where the chart goes: top-left and bottom-right cells, e.g. "R2", "Z18". */
  from: string;
  to: string;
}

export interface SheetChange {
  sheet: string;
  /** Changed range, A1. */
  address: string;
}

export type Unsubscribe = () => Promise<void>;

export interface Workbook {
  listSheets(): Promise<SheetInfo[]>;
  listTables(): Promise<TableInfo[]>;
  /** The used range of a sheet (from A1's side: top/left say where it starts). */
  readUsedRange(sheet: string, options?: IoOptions): Promise<CellBlock>;
  readTable(name: string, options?: IoOptions): Promise<TableBlock>;
  /** Create or replace an own sheet (never a user's sheet, see the module comment). */
  writeOwnSheet(spec: SheetSpec, options?: IoOptions): Promise<WrittenSheet>;
  /**
   * Writes values into single cells of an own sheet, leaving the rest of it (formulas, formats,
   * charts) as it is, so the formulas that read the cells recalculate (the meeting mode's
   * parameter cells). Rejects a user's sheet before writing anything.
   */
  writeOwnCells(sheet: string, cells: readonly { at: string; value: CellValue }[]): Promise<void>;
  /** A property the add-in wrote with an own sheet (SheetSpec.properties); undefined for a user's sheet. */
  readSheetProperty(sheet: string, key: string): Promise<string | undefined>;
  /** Add a native chart; only on an own sheet (rejects otherwise). */
  addChart(spec: ChartSpec): Promise<void>;
  /** Select and show a range (a bad row in the validation report). */
  selectRange(sheet: string, address: string): Promise<void>;
  /** Listen for edits on a sheet (live scenarios); returns a function that stops listening. */
  onSheetChanged(sheet: string, handler: (change: SheetChange) => void): Promise<Unsubscribe>;
}

/** Thrown by reads and writes when their AbortSignal fires between chunks. */
export class AbortError extends Error {
  constructor() {
    super("Afbrudt");
    this.name = "AbortError";
  }
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AbortError();
}

/** Characters before which Excel reads text as a formula: =, +, -, @ and their fullwidth forms. */
const FORMULA_START = /^[=+\-@'#\u2212\uFF1D\uFF0B\uFF0D\uFF20]/;
/** Leading characters Excel may skip before it reads the rest: white space, controls, invisible ones. */
const LEADING_HIDDEN = /^[\s\p{Cc}\p{Cf}]/u;
const BOOLEAN_TEXT = /^(true|false|sand|falsk)$/i;

/**
 * Whether Excel could read a text written to Range.values as anything but that text. Microsoft's
 * Range.values reference: "If the returned value starts with a plus ("+"), minus ("-"), or equal
 * sign ("="), Excel interprets this value as a formula", and ISO dates are stored as dates
 * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member);
 * numbers, dates, times, percentages and TRUE/FALSE are read the same way as typed text. So text
 * that starts with a formula sign (also after white space, a line break, a no-break space or an
 * invisible character, or as the fullwidth ＝), or an error sign, or that holds a digit ("007",
 * "1-2", "2026-05-01") or is a truth value ("TRUE", "SAND"), is written with Excel's text prefix.
 */
export function needsTextPrefix(text: string): boolean {
  if (text === "") return false;
  return (
    FORMULA_START.test(text) ||
    LEADING_HIDDEN.test(text) ||
    /\p{Nd}/u.test(text) ||
    BOOLEAN_TEXT.test(text.trim())
  );
}

/**
 * A cell value as Range.values should get it: text that Excel could read as a formula or as
 * another value gets the text prefix ' (Excel keeps the text and shows it without the '), so
 * text from a user's file or a shared template never runs and ids such as "007" stay text.
 */
export function asCellInput(value: CellValue): CellValue {
  return typeof value === "string" && needsTextPrefix(value) ? `'${value}` : (value ?? "");
}

/** Column letters of a 0-based column index: 0 -> A, 26 -> AA. */
export function columnLetters(index: number): string {
  let s = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A1 address of a rectangle (0-based, inclusive ends); a single cell gives "B3". */
export function a1(top: number, left: number, bottom = top, right = left): string {
  const start = `${columnLetters(left)}${top + 1}`;
  return bottom === top && right === left ? start : `${start}:${columnLetters(right)}${bottom + 1}`;
}

/** Parses "B3" or "B3:F9" (optionally "Sheet!B3:F9", '$' allowed) into 0-based inclusive bounds. */
export function parseA1(address: string): {
  top: number;
  left: number;
  bottom: number;
  right: number;
} {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const parts = local.replace(/\$/g, "").split(":");
  const cell = (text: string) => {
    const m = /^([A-Z]+)(\d+)$/i.exec(text.trim());
    if (!m) throw new Error(`Not an A1 address: ${address}`);
    let col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(m[2]) - 1, col: col - 1 };
  };
  const a = cell(parts[0]);
  const b = parts[1] ? cell(parts[1]) : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/**
 * Whether Excel accepts `name` as a defined name: letters (æøå too), digits, underscore and
 * period, starting with a letter or underscore, at most 255 characters, and not readable as a
 * cell reference (A1 style like "AB12", R1C1 style like "R1C1", "R" or "C"). Conservative: any
 * one to three letters followed by digits count as a reference, even beyond column XFD.
 */
export function isValidDefinedName(name: string): boolean {
  if (name.length === 0 || name.length > 255) return false;
  if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name)) return false;
  return !/^[a-z]{1,3}\d+$/i.test(name) && !/^r\d*c?\d*$/i.test(name) && !/^c\d*$/i.test(name);
}

/** Throws on a name Excel would refuse or an address that is not A1, before anything is written. */
/**
 * The add-in marks the names it defines in their comment (shown in Excel's Name Manager), so it
 * can recognise its own even when the sheet they pointed at was deleted (a #REF! name), and
 * replace them; a user's name never carries the mark and is never touched.
 */
export const OWN_NAME_MARK = "(oprettet af Refusion og Housing First)";

export const ownNameComment = (comment: string | undefined): string =>
  comment ? `${comment} ${OWN_NAME_MARK}` : OWN_NAME_MARK;

export const isOwnNameComment = (comment: string | undefined | null): boolean =>
  !!comment && comment.endsWith(OWN_NAME_MARK);

export function checkDefinedNames(names: readonly DefinedName[] = []): void {
  for (const n of names) {
    if (!isValidDefinedName(n.name)) throw new Error(`Not a valid Excel name: ${n.name}`);
    parseA1(n.address);
  }
}

/** Candidate names for an own sheet: "Name", "Name (2)", "Name (3)", … */
export function ownSheetName(wanted: string, attempt: number): string {
  return attempt === 1 ? wanted : `${wanted} (${attempt})`;
}

/** Lets the pane repaint between chunks. */
export const yieldToEventLoop = (): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Byte budget per request. Excel on the web rejects requests (and responses) over 5 MB; 4 MB of
 * estimated JSON leaves room for the protocol's own overhead.
 */
export const CHUNK_BUDGET_BYTES = 4_000_000;

/** Estimated request bytes of one row of values: its JSON text plus the separating comma. */
export function rowBytes(row: readonly unknown[]): number {
  return JSON.stringify(row).length + 1;
}

/**
 * Splits rows into consecutive [start, end) chunks whose estimated JSON stays within `budget`
 * (`perRow` adds the bytes of whatever else travels with each row, e.g. its number formats).
 * A single row larger than the budget still gets a chunk of its own. Lazy: each chunk is
 * measured when it is asked for, so a caller that yields between chunks never measures 50 000
 * rows in one go.
 */
export function* rowChunks(
  rows: readonly (readonly unknown[])[],
  budget = CHUNK_BUDGET_BYTES,
  perRow = 0
): Generator<[number, number]> {
  let start = 0;
  let bytes = 2; // the outer brackets
  for (let i = 0; i < rows.length; i++) {
    const b = rowBytes(rows[i]) + perRow;
    if (i > start && bytes + b > budget) {
      yield [start, i];
      start = i;
      bytes = 2;
    }
    bytes += b;
  }
  if (start < rows.length) yield [start, rows.length];
}
