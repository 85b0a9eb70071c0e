/**
 * dist/eksempel-refusion.xlsx: the example sheets the pane's «Indsæt eksempler» writes
 * (src/examples, one definition for both), for real Excel with the add-in installed and for the
 * docs. The sheets are written into a memory workbook, whose evaluator computes every formula
 * as the demo does, then saved with exceljs: the formulas as a user types them (with the file
 * format's commas), each with the value it computed, so the sheets show numbers before the
 * add-in has loaded. A result that spills is an array formula over exactly the cells it covers
 * (exceljs writes no dynamic-array metadata).
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { PRODUCTION_NAMESPACE } from "../src/functions/namespace";
import { MemoryWorkbook, type MemorySheet } from "../src/demo/memoryWorkbook";
import { insertExamples } from "../src/examples/exampleSheets";
import { a1, boundWidth, type CellValue } from "../src/workbook/workbook";

export const SAMPLE_WORKBOOK_FILE = "eksempel-refusion.xlsx";

type Cached = number | string | boolean | null | { error: ExcelJS.ValueType.Error | string };

const ERROR = /^#(VALUE!|N\/A|NAME\?|REF!|NUM!|DIV\/0!|NULL!|SPILL!|CALC!|BUSY!)$/;

function cached(value: CellValue | undefined): Cached {
  if (typeof value === "string" && ERROR.test(value)) return { error: value };
  return value === "" || value === undefined ? null : value;
}

/** Excel's column width unit is a character of the default font (about 7 px, 5.25 pt). */
const POINTS_PER_CHARACTER = 5.25;

/** The cells a formula's result covers, A1: Excel computes them after writing. */
function spilled(sheet: MemorySheet): Set<string> {
  const cells = new Set<string>();
  for (const f of sheet.formulas ?? [])
    for (let r = 0; r < f.spill.rows; r++)
      for (let c = 0; c < f.spill.cols; c++) cells.add(a1(f.row + r, f.col + c));
  return cells;
}

/**
 * Column widths as the pane's write gives them in Excel: autofit on the cells that fit (their
 * longest text; a result that spills later is not there yet), then the sheet's bounds.
 */
function columnWidths(sheet: MemorySheet, spill: Set<string>): number[] {
  const widths: number[] = [];
  for (const r of sheet.fitRegions ?? []) {
    for (let c = r.left; c <= r.right; c++) {
      let chars = 0;
      for (let row = r.top; row <= r.bottom; row++)
        if (!spill.has(a1(row, c)))
          chars = Math.max(chars, String(sheet.values[row]?.[c] ?? "").length);
      widths[c] = Math.max(widths[c] ?? 0, (chars + 2) * POINTS_PER_CHARACTER);
    }
  }
  sheet.columnWidths.forEach((rule, c) => {
    if (rule !== null) widths[c] = boundWidth(rule, widths[c] ?? 0);
  });
  return Array.from(widths, (points) => (points ?? 0) / POINTS_PER_CHARACTER);
}

function writeSheet(book: ExcelJS.Workbook, sheet: MemorySheet): void {
  const ws = book.addWorksheet(sheet.name, {
    ...(sheet.freezeRows > 0 && { views: [{ state: "frozen", ySplit: sheet.freezeRows }] }),
  });
  const formulaCells = spilled(sheet);
  sheet.values.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value !== "" && value !== null && !formulaCells.has(a1(r, c)))
        ws.getCell(r + 1, c + 1).value = value;
    })
  );
  for (const f of sheet.formulas ?? []) {
    const text = f.text.replace(/^=/, "");
    const block = Array.from({ length: f.spill.rows }, (_, r) =>
      Array.from({ length: f.spill.cols }, (_, c) => cached(sheet.values[f.row + r]?.[f.col + c]))
    );
    if (f.spill.rows === 1 && f.spill.cols === 1) {
      ws.getCell(f.row + 1, f.col + 1).value = {
        formula: text,
        result: block[0][0],
      } as ExcelJS.CellFormulaValue;
    } else {
      // exceljs's types omit fillFormula's fourth argument, the share type.
      (ws.fillFormula as (range: string, f: string, r: unknown, type: string) => void)(
        a1(f.row, f.col, f.row + f.spill.rows - 1, f.col + f.spill.cols - 1),
        text,
        block,
        "array"
      );
    }
  }
  for (const region of sheet.formats) {
    for (let r = region.top; r <= region.bottom; r++) {
      for (let c = region.left; c <= region.right; c++) {
        const cell = ws.getCell(r + 1, c + 1);
        if (region.numberFormat !== undefined) cell.numFmt = region.numberFormat;
        if (region.bold) cell.font = { bold: true };
      }
    }
  }
  columnWidths(sheet, formulaCells).forEach((width, c) => {
    if (width) ws.getColumn(c + 1).width = Math.round(width);
  });
}

/** The workbook as .xlsx bytes. */
/**
 * The .xlsx with every formula and label written with DK. moved to `namespace` (the test
 * environment's, build/environment.ts), so a pilot's sample workbook calls the pilot's functions.
 * Done on the file's sheet XML, where the text is exactly what Excel reads.
 */
function renameNamespace(xlsx: Uint8Array, namespace: string): Uint8Array {
  const files = unzipSync(xlsx);
  for (const name of Object.keys(files))
    if (/^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(name))
      files[name] = strToU8(strFromU8(files[name]).replace(/\bDK\./g, `${namespace}.`));
  return zipSync(files);
}

/** The workbook as .xlsx bytes, its formulas under `namespace`. */
export async function sampleWorkbookBytes(namespace = PRODUCTION_NAMESPACE): Promise<Buffer> {
  const memory = new MemoryWorkbook();
  await insertExamples(memory);
  const book = new ExcelJS.Workbook();
  book.creator = "Refusion og Housing First";
  for (const sheet of memory.sheets) writeSheet(book, sheet);
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  return Buffer.from(
    namespace === PRODUCTION_NAMESPACE ? bytes : renameNamespace(bytes, namespace)
  );
}
