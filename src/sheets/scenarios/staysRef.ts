/**
 * Where DK.HOUSINGFIRSTPROJECTION's stays are, as the Scenarier sheet's formula references them:
 * the reference itself, its arguments as formula text (quoted ranges or escaped table columns),
 * and the stored copy kept with the sheet (a worksheet custom property), checked field by field
 * before any of it reaches a formula.
 */
import type { ColumnMapping, StaysTable } from "../stays/columns";
import { a1, isValidDefinedName } from "../../workbook/workbook";

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
