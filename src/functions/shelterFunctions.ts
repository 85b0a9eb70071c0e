/**
 * § 110 refund functions: DK.REFUSION110 and DK.REFUSIONDAYS110.
 * These are the Node contract (SPEC 2: a number or error for single cells, a column for
 * ranges); registered.ts wraps them as Excel calls them, and catalog.ts holds their help text.
 */
import type { StayInput } from "../engine/shelter";
import { shelterCellValues } from "../engine/shelterWalk";
import {
  STAY_LABELS,
  isRowError,
  periodArgs,
  ruleSetArg,
  stayFromCells,
  type RowError,
  type StayField,
} from "../cells/coerce";
import { rowwise, toCell, type FunctionResult } from "./rowwise";

const L = STAY_LABELS;

/**
 * Runs the § 110 engine's lean path (only the cell's value, no audit detail) on the rows that
 * parsed; rows with errors keep them. A stay that fails to parse is left out of its citizen's
 * history, so it cannot consume refund days.
 */
function shelterCall(
  args: Record<string, unknown>,
  withMoney: boolean,
  periodStart: unknown,
  periodEnd: unknown,
  rules: unknown,
  want: "days" | "amountOre"
): FunctionResult {
  const ruleSet = ruleSetArg(rules);
  if (isRowError(ruleSet)) return toCell(ruleSet);
  const period = periodArgs(periodStart, periodEnd);
  if (isRowError(period)) return toCell(period);
  // rowwise passes the same `cell` for every row: one accessor by field, not one per row.
  let byField: ((field: StayField) => unknown) | undefined;
  return rowwise(
    args,
    (cell) => stayFromCells((byField ??= (field) => cell(L[field])), withMoney),
    (rows) => {
      const valid: StayInput[] = [];
      const index: number[] = [];
      rows.forEach((row, i) => {
        if (!isRowError(row)) {
          valid.push(row);
          index.push(i);
        }
      });
      const { values, errors } = shelterCellValues(valid, { period, rules: ruleSet }, want);
      const results: (number | RowError)[] = rows.map((row) => (isRowError(row) ? row : 0));
      for (let k = 0; k < index.length; k++) {
        const v = values[k];
        results[index[k]] = want === "amountOre" ? v / 100 : v;
      }
      for (const [k, error] of errors) results[index[k]] = error;
      return results;
    }
  );
}

/** DK.REFUSION110: the refund of each § 110 stay (kroner, rounded to øre). */
export function refusion110(
  citizen: unknown,
  admission: unknown,
  discharge: unknown,
  dailyRate: unknown,
  selfPayment?: unknown,
  periodStart?: unknown,
  periodEnd?: unknown,
  rules?: unknown
): FunctionResult {
  return shelterCall(
    {
      [L.citizen]: citizen,
      [L.admission]: admission,
      [L.discharge]: discharge,
      [L.dailyRate]: dailyRate,
      [L.selfPayment]: selfPayment ?? null,
    },
    true,
    periodStart,
    periodEnd,
    rules,
    "amountOre"
  );
}

/** DK.REFUSIONDAYS110: the refundable days of each § 110 stay. */
export function refusionDays110(
  citizen: unknown,
  admission: unknown,
  discharge: unknown,
  periodStart?: unknown,
  periodEnd?: unknown,
  rules?: unknown
): FunctionResult {
  return shelterCall(
    { [L.citizen]: citizen, [L.admission]: admission, [L.discharge]: discharge },
    false,
    periodStart,
    periodEnd,
    rules,
    "days"
  );
}
