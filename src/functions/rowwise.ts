/**
 * The shape every row-wise custom function shares: align the row arguments, coerce each row,
 * compute, and answer with a single value (single cells) or a spilled column (ranges) in
 * which a bad row holds its own error value and the other rows still compute.
 *
 * A row whose range cells are all empty (a range drawn past the data, an empty table row; blank
 * or 0, as Excel desktop passes an empty cell: coerce.ts isEmpty) is not a stay with missing
 * fields: it stays blank in the result and takes no part in the computation. A row with some
 * fields filled and others empty is an error, as always.
 */
import {
  alignColumns,
  columnArg,
  isEmpty,
  isRowError,
  type Column,
  type RowError,
} from "../cells/coerce";
import { problemError } from "../messages";
import { cellError } from "./runtime";

/** A result cell: a number, "" for a blank input row, or an error value. */
export type CellResult = number | "" | CustomFunctions.Error;
export type FunctionResult = CellResult | CellResult[][];

export function toCell(value: number | RowError): CellResult {
  return isRowError(value) ? cellError(value.code, value.message) : value;
}

/** Stands in for a blank row in `compute`, which leaves error rows out of every history. */
const BLANK_ROW: RowError = problemError({ id: "blankRow" });

/**
 * @param args the row-wise arguments by their Danish label (used in messages)
 * @param parseRow coerces one row's cells (by label) to an engine input, or an error
 * @param compute maps the parsed rows (with their errors in place) to one result per row
 */
export function rowwise<Row>(
  args: Record<string, unknown>,
  parseRow: (cell: (label: string) => unknown) => Row | RowError,
  compute: (rows: (Row | RowError)[]) => (number | RowError)[]
): FunctionResult {
  const columns: Record<string, Column> = {};
  for (const [label, arg] of Object.entries(args)) {
    const column = columnArg(arg, label);
    if (isRowError(column)) return toCell(column);
    columns[label] = column;
  }
  const shape = alignColumns(columns);
  if (isRowError(shape)) return toCell(shape);
  const ranges = Object.values(columns).filter((c) => c.cells.length > 1);
  const blank = (row: number) => ranges.length > 0 && ranges.every((c) => isEmpty(c.cells[row]));
  const rows: (Row | RowError)[] = new Array(shape.length);
  let r = 0;
  const cell = (label: string) => {
    const { cells } = columns[label];
    return cells.length === 1 ? cells[0] : cells[r]; // as coerce.ts's `at`, inline: once per cell
  };
  for (; r < shape.length; r++) rows[r] = blank(r) ? BLANK_ROW : parseRow(cell);
  const results = compute(rows);
  if (!shape.spill) return toCell(results[0]);
  return results.map((v, i) => [rows[i] === BLANK_ROW ? "" : toCell(v)]);
}
