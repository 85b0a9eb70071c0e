/**
 * The Housing First investment case: DK.HOUSINGFIRSTNPV, DK.HOUSINGFIRSTRATIO and
 * DK.HOUSINGFIRSTBREAKEVEN. They share one argument list (SPEC 2) and one evaluation.
 * These are the Node contract (SPEC 2: a number or error for single cells, a column for
 * ranges); registered.ts wraps them as Excel calls them, and catalog.ts holds their help text.
 */
import { evaluateInvestment, isInvestmentError, type InvestmentResult } from "../engine/investment";
import { MAX_EXACT_KRONER, ZERO, dec, roundOre, type Decimal } from "../engine/money";
import { npvInOre } from "../engine/npvColumn";
import {
  isRowError,
  numberCell,
  scalarArg,
  yearsArg,
  yearsNumbers,
  type RowError,
} from "../cells/coerce";
import { problemError } from "../messages";
import { toCell, type CellResult } from "./rowwise";

function oneCell(arg: unknown, label: string, blank: "zero" | "error") {
  const value = scalarArg(arg);
  if (Array.isArray(value))
    return problemError({ id: "notOneCell", label: { da: label, en: label } });
  return numberCell(value, label, blank);
}

/** The costs and savings as years 1..T: T the last year either range fills (at least 1). */
function flows(
  costs: unknown,
  savings: unknown
): { costs: Decimal[]; savings: Decimal[] } | RowError {
  const c = yearsArg(costs, "Udgifter");
  if (isRowError(c)) return c;
  const s = yearsArg(savings, "Besparelser");
  if (isRowError(s)) return s;
  if (c.cells !== s.cells)
    return problemError({ id: "flowYearsDiffer", costs: c.cells, savings: s.cells });
  const years = Math.max(c.years.length, s.years.length, 1);
  const pad = (list: Decimal[]) => [
    ...list,
    ...Array.from({ length: years - list.length }, () => ZERO),
  ];
  return { costs: pad(c.years), savings: pad(s.years) };
}

/**
 * A negative cost in the ratio: savings per krone spent mean nothing when a cost is a gain (a
 * saving typed as a negative cost belongs in the savings; DK.HOUSINGFIRSTNPV takes net flows).
 */
function negativeCost(costs: readonly Decimal[]): RowError | undefined {
  const year = costs.findIndex((x) => x.isNegative() && !x.isZero());
  return year < 0
    ? undefined
    : problemError({ id: "negativeCostInRatio", year: year + 1, cost: costs[year].toString() });
}

function evaluate(
  rate: unknown,
  costs: unknown,
  savings: unknown,
  relapseRate: unknown,
  moveawayRate: unknown,
  nonNegativeCosts = false
): InvestmentResult | RowError {
  const r = oneCell(rate, "Diskonteringsrente", "error");
  if (isRowError(r)) return r;
  const f = flows(costs, savings);
  if (isRowError(f)) return f;
  if (nonNegativeCosts) {
    const negative = negativeCost(f.costs);
    if (negative) return negative;
  }
  const relapse = oneCell(relapseRate, "Tilbagefaldsrate", "zero");
  if (isRowError(relapse)) return relapse;
  const moveAway = oneCell(moveawayRate, "Fraflytningsrate", "zero");
  if (isRowError(moveAway)) return moveAway;
  return evaluateInvestment({
    rate: r,
    costs: f.costs,
    savings: f.savings,
    relapseRate: relapse,
    moveAwayRate: moveAway,
  });
}

const TOO_LARGE: RowError = problemError({ id: "investmentResultTooLarge" });

/** An amount in kroner beyond whole øre in a double: not exact, so not shown. */
const NOT_EXACT: RowError = problemError({ id: "presentValueInexact", max: MAX_EXACT_KRONER });

function answer(
  outcome: InvestmentResult | RowError,
  pick: (result: InvestmentResult) => number | RowError,
  kroner = false
): CellResult {
  const value = isInvestmentError(outcome) ? outcome : pick(outcome);
  // Exact decimals can exceed a double (a rate near -100 % over many years): never Infinity.
  if (typeof value === "number" && !Number.isFinite(value)) return toCell(TOO_LARGE);
  if (kroner && typeof value === "number" && Math.abs(value) > MAX_EXACT_KRONER)
    return toCell(NOT_EXACT);
  return toCell(value);
}

/**
 * The NPV rounded to øre in one pass over doubles (engine/npvColumn.ts), when the arguments are
 * valid, the years plain numbers and the doubles certain of the øre; else undefined, and the
 * decimals decide (with their error where there is one).
 */
function npvOfNumbers(
  rate: unknown,
  costs: unknown,
  savings: unknown,
  relapseRate: unknown,
  moveawayRate: unknown
): number | undefined {
  const r = oneCell(rate, "Diskonteringsrente", "error");
  const relapse = oneCell(relapseRate, "Tilbagefaldsrate", "zero");
  const moveAway = oneCell(moveawayRate, "Fraflytningsrate", "zero");
  if (isRowError(r) || isRowError(relapse) || isRowError(moveAway)) return undefined;
  const none = { rate: r, costs: [], savings: [], relapseRate: relapse, moveAwayRate: moveAway };
  if (isInvestmentError(evaluateInvestment(none))) return undefined;
  const c = yearsNumbers(costs, "Udgifter");
  const s = yearsNumbers(savings, "Besparelser");
  if (!c || !s || c.cells !== s.cells) return undefined;
  const years = Math.max(c.years.length, s.years.length, 1);
  const padded = (list: Float64Array) => {
    if (list.length === years) return list;
    const out = new Float64Array(years);
    out.set(list);
    return out;
  };
  // 1 as a double only when it is 1 as a decimal (npvInOre counts no rounding for it).
  const factor = (x: Decimal) => (x.eq(1) ? 1 : x.toNumber() === 1 ? undefined : x.toNumber());
  const growth = factor(dec(1).plus(r));
  const housed = factor(dec(1).minus(relapse).minus(moveAway));
  if (growth === undefined || housed === undefined) return undefined;
  return npvInOre(growth, housed, padded(c.years), padded(s.years));
}

/** DK.HOUSINGFIRSTNPV: the cohort's net present value (kroner, rounded to øre). */
export function housingFirstNpv(
  rate: unknown,
  costs: unknown,
  savings: unknown,
  relapseRate?: unknown,
  moveawayRate?: unknown
): CellResult {
  const fast = npvOfNumbers(rate, costs, savings, relapseRate, moveawayRate);
  if (fast !== undefined) return fast;
  return answer(
    evaluate(rate, costs, savings, relapseRate, moveawayRate),
    (r) => roundOre(r.npv).toNumber(),
    true
  );
}

/** DK.HOUSINGFIRSTRATIO: PV(savings) / PV(costs); #N/A when PV(costs) is 0. */
export function housingFirstRatio(
  rate: unknown,
  costs: unknown,
  savings: unknown,
  relapseRate?: unknown,
  moveawayRate?: unknown
): CellResult {
  return answer(evaluate(rate, costs, savings, relapseRate, moveawayRate, true), (r) =>
    r.ratio === null ? problemError({ id: "ratioWithoutCosts" }, "#N/A") : r.ratio.toNumber()
  );
}

/** DK.HOUSINGFIRSTBREAKEVEN: the first year whose cumulative discounted net is ≥ 0; #N/A if none. */
export function housingFirstBreakeven(
  rate: unknown,
  costs: unknown,
  savings: unknown,
  relapseRate?: unknown,
  moveawayRate?: unknown
): CellResult {
  return answer(evaluate(rate, costs, savings, relapseRate, moveawayRate), (r) =>
    r.breakEvenYear === null
      ? problemError({ id: "noBreakEven", years: r.years.length }, "#N/A")
      : r.breakEvenYear
  );
}
