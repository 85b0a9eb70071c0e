/**
 * The demo's "open your own file": .xlsx through exceljs (values, not formulas: a formula cell
 * gives its cached result; dates become Excel serials; Excel tables are kept), and .csv with
 * ";" or "," separators (Danish exports use ";" and decimal commas).
 */
import ExcelJS from "exceljs";
import { parseA1, type CellValue } from "../workbook/workbook";
import type { MemoryTable, MemoryWorkbook } from "./memoryWorkbook";

export interface LoadedSheet {
  name: string;
  values: CellValue[][];
  tables: MemoryTable[];
}

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in Excel's 1900 system. */
const UNIX_EPOCH_SERIAL = 25_569;

/** An exceljs cell value as Office.js would report it. */
export function cellFromExcelJs(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return value.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  if ("error" in value) return String(value.error);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return "";
    if (typeof result === "object" && !(result instanceof Date) && "error" in (result as object))
      return String((result as { error: unknown }).error);
    return cellFromExcelJs(result as ExcelJS.CellValue);
  }
  if ("text" in value) return String(value.text);
  return "";
}

export async function readXlsx(data: ArrayBuffer): Promise<LoadedSheet[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(data);
  const sheets: LoadedSheet[] = [];
  book.eachSheet((ws) => {
    const values: CellValue[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const out: CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        while (out.length < colNumber - 1) out.push("");
        out[colNumber - 1] = cellFromExcelJs(cell.value);
      });
      values[rowNumber - 1] = out;
    });
    for (let r = 0; r < values.length; r++) values[r] ??= [];
    const tables: MemoryTable[] = [];
    for (const t of ws.getTables() as unknown as {
      table?: { name?: string; tableRef?: string; ref?: string };
    }[]) {
      const ref = t.table?.tableRef ?? t.table?.ref;
      if (!t.table?.name || !ref) continue;
      const r = parseA1(ref);
      tables.push({
        name: t.table.name,
        top: r.top,
        left: r.left,
        bottom: r.bottom,
        right: r.right,
      });
    }
    sheets.push({ name: ws.name, values, tables });
  });
  return sheets;
}

/** The separator of a CSV text: the one of ";" and "," that occurs more often outside quotes in its first line. */
function separatorOf(text: string): ";" | "," {
  let semi = 0;
  let comma = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && ch === ";") semi++;
    else if (!quoted && ch === ",") comma++;
  }
  return semi >= comma && semi > 0 ? ";" : ",";
}

/**
 * A CSV field as a cell: numbers become numbers (with ";" the Danish form 1.234,50 too), the
 * rest stays text (dates as text are read by the same date parser as the cell functions).
 */
function csvCell(field: string, quoted: boolean, separator: ";" | ","): CellValue {
  if (quoted) return field;
  const t = field.trim();
  if (t === "") return "";
  if (separator === ";" && /^-?\d{1,3}(\.\d{3})+(,\d+)?$|^-?\d+(,\d+)?$/.test(t))
    return Number(t.replace(/\./g, "").replace(",", "."));
  if (separator === "," && /^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return t;
}

/** RFC 4180 fields ("" escapes a quote, quoted fields may hold separators and line breaks). */
export function readCsv(text: string, name: string): LoadedSheet {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const separator = separatorOf(src);
  const values: CellValue[][] = [];
  let row: CellValue[] = [];
  let field = "";
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    row.push(csvCell(field, wasQuoted, separator));
    field = "";
    wasQuoted = false;
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field.trim() === "") {
      quoted = true;
      wasQuoted = true;
      field = "";
    } else if (ch === separator) endField();
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && src[i + 1] === "\n") i++;
      endField();
      values.push(row);
      row = [];
    } else field += ch;
  }
  if (field !== "" || wasQuoted || row.length > 0) {
    endField();
    values.push(row);
  }
  return { name, values, tables: [] };
}

/** Sheet name for a CSV file: its base name, within Excel's 31 characters and allowed characters. */
function csvSheetName(fileName: string): string {
  const base = fileName
    .replace(/\.[^.]*$/, "")
    .replace(/[\\/?*[\]:]/g, " ")
    .trim();
  return (base || "CSV").slice(0, 31);
}

/**
 * Reads a .xlsx or .csv file and adds its sheets to the workbook as user sheets. Never replaces
 * a sheet: a name already in use gets " (2)", " (3)", … Returns the names used.
 */
export async function loadFile(
  workbook: MemoryWorkbook,
  file: { name: string; arrayBuffer(): Promise<ArrayBuffer> }
): Promise<string[]> {
  const lower = file.name.toLowerCase();
  let sheets: LoadedSheet[];
  if (lower.endsWith(".xlsx")) sheets = await readXlsx(await file.arrayBuffer());
  else if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
    sheets = [
      readCsv(new TextDecoder("utf-8").decode(await file.arrayBuffer()), csvSheetName(file.name)),
    ];
  } else throw new Error(`Filtypen understøttes ikke: ${file.name} (brug .xlsx eller .csv)`);
  const names: string[] = [];
  const tableNames = new Set(
    workbook.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase()))
  );
  for (const sheet of sheets) {
    let name = sheet.name;
    for (let n = 2; workbook.getSheet(name); n++) name = `${sheet.name.slice(0, 26)} (${n})`;
    const tables = sheet.tables.map((t) => {
      let tableName = t.name;
      for (let n = 2; tableNames.has(tableName.toLowerCase()); n++) tableName = `${t.name}${n}`;
      tableNames.add(tableName.toLowerCase());
      return { ...t, name: tableName };
    });
    workbook.addUserSheet(name, sheet.values, tables);
    names.push(name);
  }
  return names;
}
