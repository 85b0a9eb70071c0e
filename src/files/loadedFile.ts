/**
 * What reading a user's file gives the demo (readFile.ts reads it, in a web worker in the page)
 * and how it joins the memory workbook, with the limits a file must keep. This module is light
 * on purpose: the page imports it, while the parsers (exceljs, papaparse) stay in the worker.
 *
 * A read sheet holds its filled cells only (a list, not a grid): one cell in column XFD costs
 * one cell, in the worker, on its way to the page and in the page. A sparse array would not do:
 * the structured clone that carries it out of the worker rebuilds it in full (V8 allocates its
 * whole length), so 20 000 rows of one cell in XFD became 327 million slots.
 */
import type { CellValue } from "../workbook/workbook";
import type { FormatRegion, MemoryTable, MemoryWorkbook } from "../demo/memoryWorkbook";

/**
 * The largest file the demo reads, and what it may hold. Set from what a municipality's stays
 * are (Danmarks Statistik counts 13 500-15 800 shelter stays a year in the whole country) with
 * room to spare, and from what a browser tab holds comfortably; README.md documents them.
 * Excel's own limits are from Microsoft's "Excel specifications and limits"
 * (https://support.microsoft.com/en-us/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3).
 */
export const LOAD_LIMITS = {
  /** Bytes of the file as picked. */
  fileBytes: 50_000_000,
  /** Bytes of an .xlsx file's parts when unpacked (the zip directory says, and is checked). */
  unpackedBytes: 250_000_000,
  /**
   * Parts of an .xlsx file (zip entries). A workbook has about ten and a few per sheet; exceljs's
   * browser build spends about 4 ms on each, even an empty one (60 000 took 258 s).
   */
  zipEntries: 1_000,
  /** Rows of one sheet, header rows included. */
  rows: 200_000,
  /** Columns of one sheet: Excel's own limit (XFD). */
  columns: 16_384,
  /** Filled cells of one sheet. */
  cells: 4_000_000,
  /** Characters of one cell: Excel's own limit ("Total number of characters that a cell can contain"). */
  cellChars: 32_767,
  /** Characters of text in all the cells of a file together (one long text repeated is counted each time). */
  textChars: 100_000_000,
  /**
   * Cells, filled or blank, of a sheet's used range (its first to its last filled row and
   * column) and of a table: the pane reads each as one block, as Excel gives it.
   */
  rangeCells: 10_000_000,
} as const;

/** A file the demo cannot read, with why in Danish and English. */
export class LoadError extends Error {
  constructor(
    readonly da: string,
    readonly en: string
  ) {
    super(da);
    this.name = "LoadError";
  }
}

/** Something the user should know about a file that was read (its encoding, what was left out). */
export interface LoadNote {
  da: string;
  en: string;
  /** True when the data may be wrong because of it (shown as a warning, not as information). */
  warning?: boolean;
}

/**
 * A sheet's filled cells in reading order (by row, then by column), as three parallel lists:
 * row and column (0-based) and value. No blank cell is kept.
 */
export interface LoadedCells {
  rows: number[];
  cols: number[];
  values: CellValue[];
}

export interface LoadedSheet {
  name: string;
  cells: LoadedCells;
  tables: MemoryTable[];
  formats: FormatRegion[];
}

export interface ReadResult {
  sheets: LoadedSheet[];
  notes: LoadNote[];
}

/** How far reading has come: a phase and, where known, the fraction done (0..1). */
export interface ReadProgress {
  phase: "check" | "unpack" | "parse" | "sheets";
  fraction?: number;
}

/** Danish thousands: 1.000.000. */
export const count = (n: number): string => n.toLocaleString("da-DK");
const countEn = (n: number): string => n.toLocaleString("en-GB");
const megabytes = (bytes: number) => Math.round(bytes / 1_000_000);

/** How a message names a sheet: by its name, or by its part when the name is not read yet. */
export type SheetLabel = { name: string } | { part: string };
const labelDa = (s: SheetLabel) =>
  "name" in s ? `Arket «${s.name}»` : `Et ark i Excel-filen (${s.part.split("/").pop()})`;
const labelEn = (s: SheetLabel) =>
  "name" in s ? `The sheet «${s.name}»` : `A sheet in the Excel file (${s.part.split("/").pop()})`;
const lowerFirst = (text: string) => text[0].toLowerCase() + text.slice(1);

/** The refusals of the limits, worded once. */
export const limitError = {
  fileBytes: (bytes: number) =>
    new LoadError(
      `Filen fylder ${count(megabytes(bytes))} MB; demoen læser filer op til ${count(megabytes(LOAD_LIMITS.fileBytes))} MB.`,
      `The file is ${countEn(megabytes(bytes))} MB; the demo reads files up to ${countEn(megabytes(LOAD_LIMITS.fileBytes))} MB.`
    ),
  unpackedBytes: (bytes: number) =>
    new LoadError(
      `Excel-filen fylder ${count(megabytes(bytes))} MB, når den pakkes ud; demoen læser højst ${count(megabytes(LOAD_LIMITS.unpackedBytes))} MB. En lille fil, der pakker sig ud til så meget, er sandsynligvis lavet til at lægge browseren ned.`,
      `The Excel file unpacks to ${countEn(megabytes(bytes))} MB; the demo reads at most ${countEn(megabytes(LOAD_LIMITS.unpackedBytes))} MB. A small file that unpacks to that much is probably made to bring the browser down.`
    ),
  rows: (sheet: SheetLabel) =>
    new LoadError(
      `${labelDa(sheet)} har over ${count(LOAD_LIMITS.rows)} rækker; demoen læser højst ${count(LOAD_LIMITS.rows)} rækker pr. ark.`,
      `${labelEn(sheet)} has over ${countEn(LOAD_LIMITS.rows)} rows; the demo reads at most ${countEn(LOAD_LIMITS.rows)} rows a sheet.`
    ),
  columns: (sheet: SheetLabel, columns: number) =>
    new LoadError(
      `${labelDa(sheet)} har ${count(columns)} kolonner; demoen læser højst ${count(LOAD_LIMITS.columns)} (Excels egen grænse).`,
      `${labelEn(sheet)} has ${countEn(columns)} columns; the demo reads at most ${countEn(LOAD_LIMITS.columns)} (Excel's own limit).`
    ),
  cells: (sheet: SheetLabel) =>
    new LoadError(
      `${labelDa(sheet)} har over ${count(LOAD_LIMITS.cells)} udfyldte celler; demoen læser højst så mange pr. ark.`,
      `${labelEn(sheet)} has over ${countEn(LOAD_LIMITS.cells)} filled cells; the demo reads at most that many a sheet.`
    ),
  zipEntries: (entries: number) =>
    new LoadError(
      `Excel-filen består af ${count(entries)} dele; demoen læser højst ${count(LOAD_LIMITS.zipEntries)}. En projektmappe har omkring ti og nogle få pr. ark, så filen er næppe gemt af Excel. Åbn den i Excel, og gem den som .xlsx igen.`,
      `The Excel file consists of ${countEn(entries)} parts; the demo reads at most ${countEn(LOAD_LIMITS.zipEntries)}. A workbook has about ten and a few per sheet, so the file was hardly saved by Excel. Open it in Excel and save it as .xlsx again.`
    ),
  /** A cell's text over Excel's limit; `chars` where it is known exactly. */
  cellChars: (sheet: SheetLabel, cell: string | undefined, chars?: number) =>
    new LoadError(
      `${labelDa(sheet)} har ${cell ? `i celle ${cell} ` : ""}en tekst på ${chars === undefined ? "over " + count(LOAD_LIMITS.cellChars) : count(chars)} tegn; en celle rummer højst ${count(LOAD_LIMITS.cellChars)} tegn (Excels egen grænse).`,
      `${labelEn(sheet)} has ${cell ? `in cell ${cell} ` : ""}a text of ${chars === undefined ? "over " + countEn(LOAD_LIMITS.cellChars) : countEn(chars)} characters; a cell holds at most ${countEn(LOAD_LIMITS.cellChars)} (Excel's own limit).`
    ),
  /** A text in the workbook's list of shared texts (xl/sharedStrings.xml) over a cell's limit. */
  sharedChars: (index: number) =>
    new LoadError(
      `Excel-filens tekst nr. ${count(index + 1)} (i listen over tekster, som cellerne henviser til) har over ${count(LOAD_LIMITS.cellChars)} tegn; en celle rummer højst ${count(LOAD_LIMITS.cellChars)} tegn (Excels egen grænse), så filen er ikke gemt af Excel. Den læses ikke.`,
      `The Excel file's text no. ${countEn(index + 1)} (in the list of texts its cells refer to) has over ${countEn(LOAD_LIMITS.cellChars)} characters; a cell holds at most ${countEn(LOAD_LIMITS.cellChars)} (Excel's own limit), so the file was not saved by Excel. It is not read.`
    ),
  /** A defined name whose range would make exceljs build an object per cell. */
  namedCells: (name: string, cells: number) =>
    new LoadError(
      `Excel-filens navn «${name}» dækker ${count(cells)} celler; demoen læser højst navne på ${count(LOAD_LIMITS.cells)} celler i alt. Gør navnet mindre, eller slet det, i Excel (Formler > Navnestyring).`,
      `The Excel file's name «${name}» covers ${countEn(cells)} cells; the demo reads names of at most ${countEn(LOAD_LIMITS.cells)} cells in all. Make the name smaller, or delete it, in Excel (Formulas > Name Manager).`
    ),
  textChars: () =>
    new LoadError(
      `Filens celler har tilsammen over ${count(LOAD_LIMITS.textChars)} tegn tekst; demoen læser højst så mange.`,
      `The file's cells hold over ${countEn(LOAD_LIMITS.textChars)} characters of text together; the demo reads at most that many.`
    ),
  /** A used range or a table over the block the pane reads at once; `table` names the table. */
  rangeCells: (sheet: SheetLabel, address: string, cells: number, table?: string) =>
    new LoadError(
      `${table ? `Tabellen «${table}» på ${lowerFirst(labelDa(sheet))}` : labelDa(sheet)} spænder over ${address}: ${count(cells)} celler, de tomme imellem medregnet; demoen læser højst ${count(LOAD_LIMITS.rangeCells)}. ${table ? "Gør tabellen mindre i Excel." : "Slet de fjerne celler i Excel (Ctrl+End viser den sidste), eller kopiér dataene til et nyt ark."}`,
      `${table ? `The table «${table}» on ${lowerFirst(labelEn(sheet))}` : labelEn(sheet)} spans ${address}: ${countEn(cells)} cells, counting the blank ones between; the demo reads at most ${countEn(LOAD_LIMITS.rangeCells)}. ${table ? "Make the table smaller in Excel." : "Delete the far cells in Excel (Ctrl+End shows the last one), or copy the data to a new sheet."}`
    ),
  /** A NUL character (code 0) in a cell: no text file or Excel cell holds one. */
  nul: (sheet: SheetLabel, cell: string) =>
    new LoadError(
      `${labelDa(sheet)} har et NUL-tegn (tegnkode 0) i celle ${cell}. Det står aldrig i en tekstfil eller en Excel-celle: filen er beskadiget eller ikke et regneark. Gem den igen fra det program, den kom fra.`,
      `${labelEn(sheet)} has a NUL character (code 0) in cell ${cell}. It never occurs in a text file or an Excel cell: the file is damaged or not a spreadsheet. Save it again from the program it came from.`
    ),
};

/** How far past an array's end V8 writes an element by making the array a dictionary. */
const V8_MAX_GAP = 1024;

/**
 * An empty row for a few cells, the first in column `first` and the last in `width - 1`, that
 * V8 keeps as a dictionary while it is mostly empty: an element written 1 024 or more places
 * past an array's end turns its elements into a dictionary, and shortening the array keeps them
 * so, until enough are filled that a plain array is smaller. Built the ordinary way, one cell in
 * column 1 000 made a row of about 1 500 slots (12 KB), in each of 200 000 rows. A row whose
 * first cell is that far out becomes a dictionary anyway.
 */
function sparseRow(first: number, width: number): CellValue[] {
  const row: CellValue[] = [];
  if (first >= V8_MAX_GAP) return row;
  row[width + V8_MAX_GAP] = "";
  row.length = width;
  return row;
}

/** A read sheet as the memory workbook's rows: blank cells absent, sparse rows kept sparse. */
export function sheetRows(sheet: Pick<LoadedSheet, "cells">): CellValue[][] {
  const { rows, cols, values } = sheet.cells;
  const out: CellValue[][] = [];
  for (let i = 0; i < rows.length;) {
    const r = rows[i];
    let end = i;
    while (end < rows.length && rows[end] === r) end++;
    const width = cols[end - 1] + 1;
    const row: CellValue[] =
      width > 64 && 4 * (end - i) < width ? sparseRow(cols[i], width) : new Array<CellValue>(width);
    for (let k = i; k < end; k++) row[cols[k]] = values[k];
    while (out.length < r) out.push([]);
    out.push(row);
    i = end;
  }
  return out;
}

/** The user's sheets (not the add-in's) whose names the read sheets have: what a replace loses. */
export function sheetsReplaced(workbook: MemoryWorkbook, result: ReadResult): string[] {
  return result.sheets.flatMap((sheet) => {
    const existing = workbook.getSheet(sheet.name);
    return existing && !existing.own ? [existing.name] : [];
  });
}

/**
 * Adds the read sheets to the workbook as user sheets. A name already in use gets " (2)",
 * " (3)", …, unless `replace` is set and the name is a user's sheet (sheetsReplaced: the demo
 * asks first), which the read sheet then replaces; the add-in's own sheets are never replaced.
 * A table name already in use gets a number. Returns the names used.
 */
export function addLoadedSheets(
  workbook: MemoryWorkbook,
  result: ReadResult,
  options: { replace?: boolean } = {}
): string[] {
  const replaced = new Set(
    options.replace ? sheetsReplaced(workbook, result).map((n) => n.toLowerCase()) : []
  );
  const names: string[] = [];
  const tableNames = new Set(
    workbook.sheets
      .filter((s) => !replaced.has(s.name.toLowerCase()))
      .flatMap((s) => s.tables.map((t) => t.name.toLowerCase()))
  );
  for (const sheet of result.sheets) {
    let name = replaced.has(sheet.name.toLowerCase())
      ? workbook.getSheet(sheet.name)!.name
      : sheet.name;
    if (!replaced.has(name.toLowerCase()))
      for (let n = 2; workbook.getSheet(name); n++) name = `${sheet.name.slice(0, 26)} (${n})`;
    const tables = sheet.tables.map((t) => {
      let tableName = t.name;
      for (let n = 2; tableNames.has(tableName.toLowerCase()); n++) tableName = `${t.name}${n}`;
      tableNames.add(tableName.toLowerCase());
      return { ...t, name: tableName };
    });
    workbook.addUserSheet(name, sheetRows(sheet), tables, sheet.formats);
    names.push(name);
  }
  return names;
}
