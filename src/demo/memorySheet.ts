/**
 * What the in-memory workbook holds (memoryWorkbook.ts): sheets with their values, formats,
 * tables, charts and formulas, defined names and the selection, as plain data the demo page
 * draws and the snapshot (snapshot.ts) keeps.
 */
import type { CellValue, ChartSpec, ColumnWidth, PrintSetup, Rect } from "../workbook/workbook";
import type { SheetFormula } from "./formulas";

/** A rectangle with one number format (or bold), 0-based inclusive bounds. */
export interface FormatRegion {
  top: number;
  left: number;
  bottom: number;
  right: number;
  numberFormat?: string;
  bold?: boolean;
  /** Font size in points (SheetCell.fontSize). */
  fontSize?: number;
}

export interface MemoryTable {
  name: string;
  top: number;
  left: number;
  /** Last row (inclusive), header included in top. */
  bottom: number;
  right: number;
}

export interface MemorySheet {
  name: string;
  own: boolean;
  /** Rows may be ragged; a missing cell is blank. */
  values: CellValue[][];
  formats: FormatRegion[];
  tables: MemoryTable[];
  charts: ChartSpec[];
  /** The add-in's own =DK.… formulas, evaluated by formulas.ts (the demo has no calc engine). */
  formulas?: SheetFormula[];
  /** The spec's column widths (fixed, or bounds for the fitted width). */
  columnWidths: ColumnWidth[];
  /** Own sheets: the cells that size the columns (SheetSpec.columnWidths); a user's sheet has none. */
  fitRegions?: Rect[];
  freezeRows: number;
  /** The add-in's own data kept with an own sheet (SheetSpec.properties). */
  properties?: Record<string, string>;
  /** How the sheet prints (SheetSpec.print): the demo's print view shows this area. */
  print?: PrintSetup;
  /** Kept out of sight (SheetSpec.hidden): the demo shows no tab for it. */
  hidden?: boolean;
}

/** A workbook-scoped defined name: one range of one sheet. */
export interface MemoryName {
  name: string;
  sheet: string;
  address: string;
  comment?: string;
}

export interface Selection {
  sheet: string;
  address: string;
}
