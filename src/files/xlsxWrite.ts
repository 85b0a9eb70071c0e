/**
 * A memory workbook's snapshot (src/demo/snapshot.ts) as .xlsx bytes, with exceljs: the demo's
 * «Download som .xlsx» (in the file worker, fileJobs.ts) and the build's sample workbook
 * (build/sampleWorkbook.ts). Values as they are; the add-in's formulas as a user types them
 * (with the file format's commas), each with the value it computed, so the sheets show numbers
 * before the add-in has loaded. A result that spills is an array formula over exactly the
 * cells it covers (exceljs writes no dynamic-array metadata). Number formats and bold, column
 * widths, frozen rows, Excel tables and defined names are kept. Not written: charts (exceljs
 * writes none; the add-in draws them again with its next run) and the add-in's own data kept
 * with a sheet (worksheet custom properties, which exceljs does not know).
 */
import ExcelJS from "exceljs";
import { a1, boundWidth, type CellValue } from "../workbook/workbook";
import { forEachCell } from "../demo/cellWalk";
import { sheetOf, type SheetSnapshot, type WorkbookSnapshot } from "../demo/snapshot";

type Cached = number | string | boolean | null | { error: ExcelJS.ValueType.Error | string };

const ERROR = /^#(VALUE!|N\/A|NAME\?|REF!|NUM!|DIV\/0!|NULL!|SPILL!|CALC!|BUSY!)$/;

function cached(value: CellValue | undefined): Cached {
  if (typeof value === "string" && ERROR.test(value)) return { error: value };
  return value === "" || value === undefined ? null : value;
}

/** Excel's column width unit is a character of the default font (about 7 px, 5.25 pt). */
const POINTS_PER_CHARACTER = 5.25;

/**
 * A format region up to this many cells is written to every cell, blank ones too (a parameter
 * cell keeps its format for what a user types); a larger one to its filled cells only.
 */
const FORMAT_EVERY_CELL = 10_000;

type Sheet = ReturnType<typeof sheetOf>;

/** The cells a formula's result covers, A1: Excel computes them after writing. */
function spilled(sheet: Sheet): Set<string> {
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
function columnWidths(sheet: Sheet, spill: Set<string>): number[] {
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

function writeFormulas(ws: ExcelJS.Worksheet, sheet: Sheet): void {
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
}

function writeFormats(ws: ExcelJS.Worksheet, sheet: Sheet): void {
  for (const region of sheet.formats) {
    const every = (region.bottom - region.top + 1) * (region.right - region.left + 1);
    const apply = (r: number, c: number) => {
      const cell = ws.getCell(r + 1, c + 1);
      if (region.numberFormat !== undefined) cell.numFmt = region.numberFormat;
      if (region.bold) cell.font = { bold: true };
    };
    for (let r = region.top; r <= region.bottom; r++) {
      if (every <= FORMAT_EVERY_CELL) {
        for (let c = region.left; c <= region.right; c++) apply(r, c);
      } else {
        forEachCell(sheet.values[r] ?? [], (value, c) => {
          if (c >= region.left && c <= region.right && value !== "" && value !== null) apply(r, c);
        });
      }
    }
  }
}

/** An Excel table over cells already written: its header and rows are the sheet's own. */
function writeTables(ws: ExcelJS.Worksheet, sheet: Sheet): void {
  for (const t of sheet.tables) {
    const width = t.right - t.left + 1;
    const at = (r: number, c: number) => sheet.values[r]?.[t.left + c];
    const used = new Set<string>();
    const columns = Array.from({ length: width }, (_, c) => {
      // Excel's table columns have unique, non-blank names.
      const base = String(at(t.top, c) ?? "").trim() || `Kolonne${c + 1}`;
      let name = base;
      for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}${n}`;
      used.add(name.toLowerCase());
      return { name, filterButton: true };
    });
    const rows = Array.from({ length: t.bottom - t.top }, (_, i) =>
      Array.from({ length: width }, (_, c) => cached(at(t.top + 1 + i, c)))
    );
    ws.addTable({
      name: t.name,
      ref: a1(t.top, t.left),
      headerRow: true,
      style: { theme: "TableStyleMedium2", showRowStripes: true },
      columns,
      rows: rows.length > 0 ? rows : [Array.from({ length: width }, () => null)],
    });
  }
}

function writeSheet(book: ExcelJS.Workbook, snapshot: SheetSnapshot): void {
  const sheet = sheetOf(snapshot);
  const ws = book.addWorksheet(sheet.name, {
    ...(sheet.freezeRows > 0 && { views: [{ state: "frozen", ySplit: sheet.freezeRows }] }),
  });
  const formulaCells = spilled(sheet);
  const { rows, cols, values } = snapshot.cells;
  for (let i = 0; i < rows.length; i++)
    if (!formulaCells.has(a1(rows[i], cols[i])))
      ws.getCell(rows[i] + 1, cols[i] + 1).value = cached(values[i]) as ExcelJS.CellValue;
  // Tables write their cells' values again, so before the formulas, which they must not cover.
  writeTables(ws, sheet);
  writeFormulas(ws, sheet);
  writeFormats(ws, sheet);
  columnWidths(sheet, formulaCells).forEach((width, c) => {
    if (width) ws.getColumn(c + 1).width = Math.round(width);
  });
}

/** A sheet name as a formula or a defined name writes it: quoted when it is not a plain word. */
const quoted = (sheet: string) =>
  /^[A-Za-z_][\w.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;

/** The workbook as .xlsx bytes. */
export async function xlsxBytes(snapshot: WorkbookSnapshot): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.creator = "Refusion og Housing First";
  for (const sheet of snapshot.sheets) writeSheet(book, sheet);
  for (const n of snapshot.names) {
    const range = n.address
      .split(":")
      .map((cell) => cell.replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2"))
      .join(":");
    book.definedNames.add(`${quoted(n.sheet)}!${range}`, n.name);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}
