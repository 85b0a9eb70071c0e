/**
 * The arguments the table functions share: the stays' row-wise ranges, read into stays with the
 * rows that could not be read; the two-column parameter range; and the table's last row, which
 * says how many stay rows were skipped and why.
 */
import { parseParameterRange } from "../cells/parameterRange";
import { problemError, skippedText } from "../messages";
import type { StayInput } from "../engine/shelter";
import {
  STAY_LABELS,
  alignColumns,
  at,
  columnArg,
  isEmpty,
  isRowError,
  ruleSetArg,
  stayFromCells,
  type Column,
  type RowError,
} from "../cells/coerce";
import { toCell } from "./rowwise";

/** A cell of a spilled table: a number, a header text, "" for blank, or an error value. */
export type TableCell = number | string | CustomFunctions.Error;
export type TableResult = TableCell[][] | CustomFunctions.Error;

const L = STAY_LABELS;

/** The stays that could be read, and the rows that could not (1-based within the ranges). */
export interface StaysRead {
  stays: StayInput[];
  skipped: { row: number; error: RowError }[];
}

/**
 * The stays of the row-wise columns. Rows empty in every range (blank or 0, coerce.ts isEmpty)
 * are skipped (a range may run past the data). A bad row is left out of the table and reported in its last row ("Sprunget over"), as
 * the pane reports bad rows and computes the others; with no good row at all, the first bad
 * row's error is the answer.
 */
export function staysArg(args: {
  citizen: unknown;
  admission: unknown;
  discharge: unknown;
  dailyRate: unknown;
  selfPayment: unknown;
}): StaysRead | RowError {
  const raw: Record<string, unknown> = {
    [L.citizen]: args.citizen,
    [L.admission]: args.admission,
    [L.discharge]: args.discharge,
    [L.dailyRate]: args.dailyRate,
    [L.selfPayment]: args.selfPayment ?? null,
  };
  const columns: Record<string, Column> = {};
  for (const [label, arg] of Object.entries(raw)) {
    const column = columnArg(arg, label);
    if (isRowError(column)) return column;
    columns[label] = column;
  }
  const shape = alignColumns(columns);
  if (isRowError(shape)) return shape;
  const stays: StayInput[] = [];
  const skipped: StaysRead["skipped"] = [];
  // Single cells (no range at all) are one stay; with ranges, a row blank in all of them is skipped.
  const anyRange = Object.values(columns).some((c) => c.isRange);
  for (let r = 0; r < shape.length; r++) {
    const cell = (label: string) => at(columns[label], r);
    const rowCells = Object.values(L).map((l) => (columns[l].isRange ? cell(l) : null));
    if (anyRange && rowCells.every(isEmpty)) continue;
    const stay = stayFromCells((field) => cell(L[field]));
    if (isRowError(stay)) skipped.push({ row: r + 1, error: stay });
    else stays.push(stay);
  }
  if (stays.length === 0) {
    if (skipped.length > 0)
      return problemError(
        {
          id: "noValidStays",
          skipped: skipped.map((s) => ({ row: s.row, problem: s.error.problem })),
        },
        skipped[0].error.code
      );
    return problemError({ id: "staysRangeEmpty" });
  }
  return { stays, skipped };
}

/** The table's last row: how many stay rows were left out, and why. */
export const SKIPPED_LABEL = "Sprunget over (fejl i rækken)";
export const skippedRow = (skipped: StaysRead["skipped"], width: number): TableCell[] => [
  SKIPPED_LABEL,
  skipped.length,
  skipped.length > 0
    ? skippedText(
        skipped.map((s) => ({ row: s.row, problem: s.error.problem })),
        "da"
      )
    : "",
  ...Array<TableCell>(width - 3).fill(""),
];

export const fail = (e: RowError): CustomFunctions.Error => toCell(e) as CustomFunctions.Error;

/** The parameter range: exactly two columns of name and value. */
function parametersArg(arg: unknown) {
  if (!Array.isArray(arg) || !arg.every((r) => Array.isArray(r))) {
    return {
      ok: false as const,
      errors: [problemError({ id: "parameterRangeNotTwoColumns", width: "oneCell" })],
    };
  }
  return parseParameterRange(arg as unknown[][]);
}

/** The projection's arguments read: the stays, the rows skipped, the parameters and the rule set. */
export function scenarioArgs(
  citizen: unknown,
  admission: unknown,
  discharge: unknown,
  dailyRate: unknown,
  selfPayment: unknown,
  parameters: unknown,
  rules: unknown
) {
  const params = parametersArg(parameters);
  if (!params.ok) return params.errors[0];
  const ruleSet = ruleSetArg(rules, true);
  if (isRowError(ruleSet)) return ruleSet;
  const read = staysArg({ citizen, admission, discharge, dailyRate, selfPayment });
  if (isRowError(read)) return read;
  return { ...read, parameters: params.parameters, rules: ruleSet };
}
