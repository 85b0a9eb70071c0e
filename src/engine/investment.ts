/**
 * The Housing First investment case (SPEC 2): per-year costs and savings for one cohort of
 * citizens moved from shelters to their own homes with support, years 1..T.
 *
 * The share still housed in the municipality at the start of year t is k^(t−1) with
 * k = 1 − relapse − move-away, and every year is discounted at its end, as Excel's NPV does:
 *   NPV = Σ k^(t−1)·(savings_t − costs_t) / (1 + rate)^t.
 * Everything is exact decimal arithmetic; rounding to øre is the caller's, for display.
 */
import { problemError, type InvestmentRate } from "../messages";
import { ZERO, dec, type Decimal } from "./money";
import type { RowError } from "./shelter";

export interface InvestmentInput {
  /** Discount rate per year as a fraction (0.035 = 3.5 %). */
  rate: Decimal;
  /** Costs and savings per year, year 1 first; equal lengths. */
  costs: readonly Decimal[];
  savings: readonly Decimal[];
  /** Share of the housed cohort that returns to homelessness each year. */
  relapseRate: Decimal;
  /** Share that moves to another municipality each year. */
  moveAwayRate: Decimal;
  /**
   * What year t's flows are divided by: (1 + rate)^t unless given (Finansministeriet's banded
   * rates for the public-sector view, rules.ts).
   */
  divisor?: (year: number) => Decimal;
}

export interface InvestmentYear {
  year: number; // 1-based
  /** k^(t−1): share of the cohort still housed at the start of the year. */
  housedShare: Decimal;
  pvSavings: Decimal;
  pvCosts: Decimal;
  /** Discounted net of years 1..t. */
  cumulativeNet: Decimal;
}

export interface InvestmentResult {
  years: InvestmentYear[];
  pvSavings: Decimal;
  pvCosts: Decimal;
  /** PV(savings) − PV(costs), unrounded. */
  npv: Decimal;
  /** PV(savings) / PV(costs); null when PV(costs) is 0. */
  ratio: Decimal | null;
  /** First year whose cumulative discounted net is ≥ 0; null if none. */
  breakEvenYear: number | null;
}

/**
 * A rate above 100 % a year is a unit mistake (10 typed for 10 %): an error with the two ways
 * to write it, as the parameter registry words it (parameters/validation.ts).
 */
function overHundred(rate: InvestmentRate, value: Decimal): RowError | undefined {
  if (value.lte(1)) return undefined;
  return problemError({ id: "rateOverHundred", rate, value: value.toString() });
}

function validate(input: InvestmentInput): RowError | undefined {
  if (input.costs.length !== input.savings.length) {
    return problemError({
      id: "flowYearsDiffer",
      costs: input.costs.length,
      savings: input.savings.length,
    });
  }
  if (input.rate.lte(-1))
    return problemError({ id: "discountRateAtMostMinus100", rate: input.rate.toString() });
  const rate = overHundred("discount", input.rate);
  if (rate) return rate;
  if (input.relapseRate.lt(0)) return problemError({ id: "rateNegative", rate: "relapse" });
  if (input.moveAwayRate.lt(0)) return problemError({ id: "rateNegative", rate: "moveAway" });
  const relapse = overHundred("relapse", input.relapseRate);
  if (relapse) return relapse;
  const moveAway = overHundred("moveAway", input.moveAwayRate);
  if (moveAway) return moveAway;
  if (input.relapseRate.plus(input.moveAwayRate).gt(1)) {
    return problemError({
      id: "relapsePlusMoveAwayOver100",
      relapse: input.relapseRate.toString(),
      moveAway: input.moveAwayRate.toString(),
    });
  }
  return undefined;
}

/** NPV, ratio and break-even of the investment, or an error for inputs outside the model. */
export function evaluateInvestment(input: InvestmentInput): InvestmentResult | RowError {
  const invalid = validate(input);
  if (invalid) return invalid;
  const k = dec(1).minus(input.relapseRate).minus(input.moveAwayRate);
  const growth = dec(1).plus(input.rate);
  const years: InvestmentYear[] = [];
  let pvSavings = ZERO;
  let pvCosts = ZERO;
  let breakEvenYear: number | null = null;
  input.costs.forEach((cost, i) => {
    const year = i + 1;
    const housedShare = k.pow(i);
    // One division per term, so equal flows give identical present values.
    const discount = input.divisor ? input.divisor(year) : growth.pow(year);
    const savings = housedShare.times(input.savings[i]).dividedBy(discount);
    const costs = housedShare.times(cost).dividedBy(discount);
    pvSavings = pvSavings.plus(savings);
    pvCosts = pvCosts.plus(costs);
    const cumulativeNet = pvSavings.minus(pvCosts);
    if (breakEvenYear === null && cumulativeNet.gte(0)) breakEvenYear = year;
    years.push({ year, housedShare, pvSavings: savings, pvCosts: costs, cumulativeNet });
  });
  return {
    years,
    pvSavings,
    pvCosts,
    npv: pvSavings.minus(pvCosts),
    ratio: pvCosts.isZero() ? null : pvSavings.dividedBy(pvCosts),
    breakEvenYear,
  };
}

export function isInvestmentError(outcome: InvestmentResult | RowError): outcome is RowError {
  return "code" in outcome;
}
