/**
 * Finding the stays in a sheet and mapping its columns: header names in Danish or English,
 * matched case-, space- and punctuation-insensitively; then a validation report of every row,
 * using the same cell coercers as the custom functions so the pane and the cells agree.
 */
import type { ForecastStay } from "../src/engine/forecast";
import type { RowError } from "../src/engine/shelter";
import type { CellValue } from "./workbook";

export type Field = "citizen" | "admission" | "discharge" | "dailyRate" | "selfPayment" | "shelter";

/** A column index (0-based, within the stays block) per field; null = not mapped. */
export type ColumnMapping = Record<Field, number | null>;

/** The stays as read from a sheet or a table. */
export interface StaysTable {
  sheet: string;
  /** The Excel table's name, if the stays came from one. */
  table?: string;
  header: CellValue[];
  rows: CellValue[][];
  /** 0-based sheet row of rows[0] (the header is the row above). */
  firstRow: number;
  /** 0-based sheet column of the block's first column. */
  left: number;
}

export interface BadRow {
  /** Index into StaysTable.rows. */
  index: number;
  /** 1-based row number as the user sees it in the sheet. */
  sheetRow: number;
  /** The row's cells in the block, A1, for selecting it. */
  address: string;
  error: RowError;
}

export interface ValidationReport {
  /** Non-blank rows. */
  total: number;
  ok: number;
  bad: BadRow[];
  /** Parsed stays of the good rows, in sheet order. */
  stays: ForecastStay[];
  /** 1-based sheet row per parsed stay. */
  stayRows: number[];
  /** Required fields with no column: nothing can be computed until they are mapped. */
  missing: Field[];
  /** The citizen column holds CPR-shaped values: pseudonymise by default. */
  cprLike: boolean;
}

export declare const FIELDS: readonly Field[];
export declare const REQUIRED_FIELDS: readonly Field[];
export declare function mapColumns(header: readonly CellValue[]): ColumnMapping;
export declare function findHeaderRow(values: readonly CellValue[][]): { index: number; mapping: ColumnMapping } | undefined;
export declare function validateRows(table: StaysTable, mapping: ColumnMapping): ValidationReport;
