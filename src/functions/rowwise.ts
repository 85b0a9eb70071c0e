/**
 * The shape every row-wise custom function shares: align the row arguments, coerce each row,
 * compute, and answer with a single value (single cells) or a spilled column (ranges) in
 * which a bad row holds its own error value and the other rows still compute.
 */
import { alignColumns, at, columnArg, isRowError, type Column, type RowError } from "./coerce";
import { cellError } from "./runtime";

export type CellResult = number | CustomFunctions.Error;
export type FunctionResult = CellResult | CellResult[][];

export function toCell(value: number | RowError): CellResult {
  return isRowError(value) ? cellError(value.code, value.message) : value;
}

/**
 * @param args the row-wise arguments by their Danish label (used in messages)
 * @param parseRow coerces one row's cells (by label) to an engine input, or an error
 * @param compute maps the parsed rows (with their errors in place) to one result per row
 */
export function rowwise<Row>(
  args: Record<string, unknown>,
  parseRow: (cell: (label: string) => unknown) => Row | RowError,
  compute: (rows: (Row | RowError)[]) => (number | RowError)[],
): FunctionResult {
  const columns: Record<string, Column> = {};
  for (const [label, arg] of Object.entries(args)) {
    const column = columnArg(arg, label);
    if (isRowError(column)) return toCell(column);
    columns[label] = column;
  }
  const shape = alignColumns(columns);
  if (isRowError(shape)) return toCell(shape);
  const rows: (Row | RowError)[] = new Array(shape.length);
  let r = 0;
  const cell = (label: string) => at(columns[label], r);
  for (; r < shape.length; r++) rows[r] = parseRow(cell);
  const results = compute(rows);
  return shape.spill ? results.map((v) => [toCell(v)]) : toCell(results[0]);
}
