/**
 * What reading a user's file gives the demo (readFile.ts reads it, in a web worker in the page)
 * and how it joins the memory workbook, with the limits a file must keep. This module is light
 * on purpose: the page imports it, while the parsers (exceljs, papaparse) stay in the worker.
 */
import type { CellValue } from "../workbook/workbook";
import type { FormatRegion, MemoryTable, MemoryWorkbook } from "./memoryWorkbook";

/**
 * The largest file the demo reads, and what it may hold. Set from what a municipality's stays
 * are (Danmarks Statistik counts 13 500-15 800 shelter stays a year in the whole country) with
 * room to spare, and from what a browser tab holds comfortably; README.md documents them.
 */
export const LOAD_LIMITS = {
  /** Bytes of the file as picked. */
  fileBytes: 50_000_000,
  /** Bytes of an .xlsx file's parts when unpacked (the zip directory says, and is checked). */
  unpackedBytes: 250_000_000,
  /** Rows of one sheet, header rows included. */
  rows: 200_000,
  /** Columns of one sheet: Excel's own limit (XFD). */
  columns: 16_384,
  /** Filled cells of one sheet. */
  cells: 4_000_000,
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

export interface LoadedSheet {
  name: string;
  values: CellValue[][];
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
};

/**
 * Adds the read sheets to the workbook as user sheets. Never replaces a sheet: a name already in
 * use gets " (2)", " (3)", … and a table name already in use a number. Returns the names used.
 */
export function addLoadedSheets(workbook: MemoryWorkbook, result: ReadResult): string[] {
  const names: string[] = [];
  const tableNames = new Set(
    workbook.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase()))
  );
  for (const sheet of result.sheets) {
    let name = sheet.name;
    for (let n = 2; workbook.getSheet(name); n++) name = `${sheet.name.slice(0, 26)} (${n})`;
    const tables = sheet.tables.map((t) => {
      let tableName = t.name;
      for (let n = 2; tableNames.has(tableName.toLowerCase()); n++) tableName = `${t.name}${n}`;
      tableNames.add(tableName.toLowerCase());
      return { ...t, name: tableName };
    });
    workbook.addUserSheet(name, sheet.values, tables, sheet.formats);
    names.push(name);
  }
  return names;
}
