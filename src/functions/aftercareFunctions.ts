/**
 * After-care refund functions: DK.REFUSION85A (§ 85 a bostøtte, Housing First support) and
 * DK.REFUSION107 (§ 107 botilbud, temporary accommodation), serviceloven § 176 a.
 * These are the Node contract (SPEC 2: a number or error for single cells, a column for
 * ranges); registered.ts wraps them as Excel calls them, and catalog.ts holds their help text.
 */
import {
  computeAccommodationRefunds,
  computeSupportRefunds,
  isAftercareError,
  type AccommodationInput,
  type AftercareOutcome,
  type SupportInput,
} from "../engine/aftercare";
import { RULE_SETS } from "../engine/rules";
import {
  citizenCell,
  dateCell,
  flagCell,
  isRowError,
  moneyCell,
  optionalDateCell,
  periodArgs,
  type RowError,
} from "../cells/coerce";
import { rowwise, toCell, type FunctionResult } from "./rowwise";

const L = {
  citizen: "Borger",
  firstDischarge: "Første udskrivning",
  supportStart: "Støttestart",
  supportEnd: "Støtteslut",
  annualCost: "Årlig udgift",
  stayStart: "Opholdsstart",
  stayEnd: "Opholdsslut",
  dailyCost: "Dagsudgift",
  eligible: "Berettiget",
};

/** The after-care rules are the same in every rule set (§ 176 a came with L 64). */
const RULES = RULE_SETS.NY.aftercare;

/**
 * Runs an engine on the rows that parsed and puts each result back on its row; rows that
 * failed to parse keep their error and take no part (they use none of a citizen's days).
 */
function onValidRows<In, Out extends object>(
  rows: (In | RowError)[],
  compute: (valid: In[]) => AftercareOutcome<Out>[],
  pick: (result: Out) => number
): (number | RowError)[] {
  const valid: In[] = [];
  const index: number[] = [];
  rows.forEach((row, i) => {
    if (!isRowError(row)) {
      valid.push(row);
      index.push(i);
    }
  });
  const results: (number | RowError)[] = rows.map((row) => (isRowError(row) ? row : 0));
  compute(valid).forEach((outcome, k) => {
    results[index[k]] = isAftercareError(outcome) ? outcome.error : pick(outcome);
  });
  return results;
}

function parseSupport(cell: (label: string) => unknown): SupportInput | RowError {
  const firstDischarge = dateCell(cell(L.firstDischarge), L.firstDischarge);
  if (isRowError(firstDischarge)) return firstDischarge;
  const start = dateCell(cell(L.supportStart), L.supportStart);
  if (isRowError(start)) return start;
  const end = optionalDateCell(cell(L.supportEnd), L.supportEnd);
  if (isRowError(end)) return end;
  const annualCost = moneyCell(cell(L.annualCost), L.annualCost, "error");
  if (isRowError(annualCost)) return annualCost;
  const eligible = flagCell(cell(L.eligible), L.eligible, true);
  if (isRowError(eligible)) return eligible;
  return { firstDischarge, start, end, annualCost, eligible };
}

function parseAccommodation(cell: (label: string) => unknown): AccommodationInput | RowError {
  const citizen = citizenCell(cell(L.citizen), L.citizen);
  if (isRowError(citizen)) return citizen;
  const firstDischarge = dateCell(cell(L.firstDischarge), L.firstDischarge);
  if (isRowError(firstDischarge)) return firstDischarge;
  const start = dateCell(cell(L.stayStart), L.stayStart);
  if (isRowError(start)) return start;
  const end = optionalDateCell(cell(L.stayEnd), L.stayEnd);
  if (isRowError(end)) return end;
  const dailyCost = moneyCell(cell(L.dailyCost), L.dailyCost, "error");
  if (isRowError(dailyCost)) return dailyCost;
  const eligible = flagCell(cell(L.eligible), L.eligible, true);
  if (isRowError(eligible)) return eligible;
  return { citizen, firstDischarge, start, end, dailyCost, eligible };
}

/** DK.REFUSION85A: the § 85 a refund of each support row (kroner, rounded to øre). */
export function refusion85a(
  firstDischarge: unknown,
  supportStart: unknown,
  supportEnd: unknown,
  annualCost: unknown,
  periodStart?: unknown,
  periodEnd?: unknown,
  eligible?: unknown
): FunctionResult {
  const period = periodArgs(periodStart, periodEnd);
  if (isRowError(period)) return toCell(period);
  return rowwise(
    {
      [L.firstDischarge]: firstDischarge,
      [L.supportStart]: supportStart,
      [L.supportEnd]: supportEnd,
      [L.annualCost]: annualCost,
      [L.eligible]: eligible ?? null,
    },
    parseSupport,
    (rows) =>
      onValidRows(
        rows,
        (valid) => computeSupportRefunds(valid, { period, rules: RULES }),
        (r) => r.amount.toNumber()
      )
  );
}

/** DK.REFUSION107: the § 107 refund of each stay (kroner, rounded to øre). */
export function refusion107(
  citizen: unknown,
  firstDischarge: unknown,
  stayStart: unknown,
  stayEnd: unknown,
  dailyCost: unknown,
  periodStart?: unknown,
  periodEnd?: unknown,
  eligible?: unknown
): FunctionResult {
  const period = periodArgs(periodStart, periodEnd);
  if (isRowError(period)) return toCell(period);
  return rowwise(
    {
      [L.citizen]: citizen,
      [L.firstDischarge]: firstDischarge,
      [L.stayStart]: stayStart,
      [L.stayEnd]: stayEnd,
      [L.dailyCost]: dailyCost,
      [L.eligible]: eligible ?? null,
    },
    parseAccommodation,
    (rows) =>
      onValidRows(
        rows,
        (valid) => computeAccommodationRefunds(valid, { period, rules: RULES }),
        (r) => r.amount.toNumber()
      )
  );
}
