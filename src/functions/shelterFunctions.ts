/**
 * § 110 refund functions: DK.REFUSION110 and DK.REFUSIONDAYS110.
 * These are the Node contract (SPEC 2: a number or error for single cells, a column for
 * ranges); registered.ts wraps them as Excel calls them, and catalog.ts holds their help text.
 */
import {
  computeShelterRefunds,
  isRowError as isStayError,
  type StayInput,
  type StayOutcome,
} from "../engine/shelter";
import {
  STAY_LABELS,
  isRowError,
  periodArgs,
  ruleSetArg,
  stayFromCells,
  type RowError,
} from "./coerce";
import { rowwise, toCell, type FunctionResult } from "./rowwise";

const L = STAY_LABELS;

/**
 * Runs the § 110 engine on the rows that parsed; rows with errors keep them. A stay that
 * fails to parse is left out of its citizen's history, so it cannot consume refund days.
 */
function shelterCall(
  args: Record<string, unknown>,
  withMoney: boolean,
  periodStart: unknown,
  periodEnd: unknown,
  rules: unknown,
  pick: (outcome: Exclude<StayOutcome, { error: RowError }>) => number
): FunctionResult {
  const ruleSet = ruleSetArg(rules);
  if (isRowError(ruleSet)) return toCell(ruleSet);
  const period = periodArgs(periodStart, periodEnd);
  if (isRowError(period)) return toCell(period);
  return rowwise(
    args,
    (cell) => stayFromCells((field) => cell(L[field]), withMoney),
    (rows) => {
      const valid: StayInput[] = [];
      const index: number[] = [];
      rows.forEach((row, i) => {
        if (!isRowError(row)) {
          valid.push(row);
          index.push(i);
        }
      });
      const outcomes = computeShelterRefunds(valid, { period, rules: ruleSet });
      const results: (number | RowError)[] = rows.map((row) => (isRowError(row) ? row : 0));
      outcomes.forEach((o, k) => {
        results[index[k]] = isStayError(o) ? o.error : pick(o);
      });
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
    (o) => o.amountOre / 100
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
    (o) => o.refundableDays
  );
}
