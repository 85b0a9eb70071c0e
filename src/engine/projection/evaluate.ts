/**
 * The projection's figures year by year, and its investment figures, from a prepared timeline.
 */
import { evaluateInvestment, isInvestmentError, type InvestmentResult } from "../investment";
import { Decimal, MAX_EXACT_KRONER, ZERO, dec, roundOre, shareOf, sum } from "../money";
import type { ScenarioParameters } from "../parameters";
import { socioEconomicDiscount, type RuleSet } from "../rules";
import type { RowError, StayInput } from "../shelter";
import { housingFirstPath, type HousingFirstSums } from "./housingFirst";
import {
  inexact,
  prepareProjection,
  type PreparedProjection,
  type ProjectionOptions,
} from "./prepare";
import {
  FIELDS,
  GAMMEL,
  GROSS,
  InexactTally,
  MassTallies,
  NIGHTS,
  NY,
  Pricing,
  SELF,
  type Calendar,
} from "./tallies";
import { jan1 } from "./timeline";

const round2 = (x: Decimal): Decimal => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);

export interface NoActionYear {
  stayDays: Decimal;
  gross: Decimal;
  selfPayment: Decimal;
  refundNy: Decimal;
  refundGammel: Decimal;
  /** refundGammel − refundNy: the refund the reform takes away. */
  reformCost: Decimal;
  /** gross − selfPayment − refundNy. */
  netCost: Decimal;
}

export interface HousingFirstYear {
  stayDays: Decimal;
  /** Citizens moved to their own home this year (weighted, in fractions of citizens). */
  moves: Decimal;
  /** Person-years housed with support this year. */
  housedYears: Decimal;
  supportExpense: Decimal;
  supportRefund: Decimal;
  rentSubsidy: Decimal;
  oneOffCost: Decimal;
  /** supportExpense − supportRefund + rentSubsidy + oneOffCost. */
  programmeCost: Decimal;
  /** Shelter gross − self-payment − refund NY on the Housing First path. */
  shelterNetCost: Decimal;
  /** The no-action shelter net cost of those who moved away, from the day they left. */
  movedAwayShelterCost: Decimal;
  /** Net cost without action − shelterNetCost − movedAwayShelterCost: saved on those still here. */
  shelterSavings: Decimal;
  /** shelterNetCost + programmeCost. */
  netCost: Decimal;
  /** The state's refunds on this path: § 110 refund NY and the § 85 a refund (the budget view's split). */
  stateRefund: Decimal;
  /** Cashable share × shelter net cost saved − programme cost: what the budget really gets back. */
  cashableEffect: Decimal;
  /**
   * The public sector's net gain this year (kommune and stat together, refunds netting out):
   * shelter expense saved on those still here − the programme's gross cost, × the net tax factor.
   */
  socioEconomicNet: Decimal;
}

export interface ProjectionYear {
  year: number;
  /** 0 = the base year (history), 1.. = projection years. */
  index: number;
  /** (1 + growth)^index: the weight of this year's admissions. */
  weight: Decimal;
  noAction: NoActionYear;
  housingFirst: HousingFirstYear;
  /** noAction.netCost − housingFirst.netCost. */
  difference: Decimal;
  /** Discounted net (savings − programme cost) of years 1..index, rounded to øre; null for the base year. */
  cumulativeNpv: Decimal | null;
}

export interface Projection {
  baseYear: number;
  horizon: number;
  /** The rule set of the "NY" columns (NY or NY-VINDUE). */
  rules: RuleSet;
  years: ProjectionYear[];
  investment: InvestmentResult;
  /** NPV over the horizon, rounded to øre. */
  npv: Decimal;
  ratio: Decimal | null;
  /** Calendar year of break-even, or null. */
  breakEvenYear: number | null;
  /** The municipality's budget: Σ difference over the projection years, nominal kroner. */
  budgetEffect: Decimal;
  /** Σ cashable effect over the projection years, nominal kroner. */
  cashableEffect: Decimal;
  /** Σ socio-economic net gain discounted at Finansministeriet's rates, rounded to øre. */
  socioEconomicNpv: Decimal;
}

/**
 * The projection without action and with Housing First, year by year from the base year, with
 * NPV, ratio and break-even of Housing First. An error for input the model cannot use.
 */
export function computeProjection(
  stays: readonly StayInput[],
  p: ScenarioParameters,
  options: ProjectionOptions = {}
): Projection | RowError {
  const prepared = prepareProjection(stays, p, options);
  return isProjectionError(prepared) ? prepared : evaluateProjection(prepared, p);
}

/**
 * The projection of a prepared timeline under the parameters (which it must have been prepared
 * for). `exact` false sums the weighted øre in binary floating point: for a Monte Carlo draw,
 * whose percentiles need no øre; every table, sheet and function result is exact.
 */
export function evaluateProjection(
  prepared: PreparedProjection,
  p: ScenarioParameters,
  exact = true
): Projection | RowError {
  const { baseYear, horizon, rules, timeline, results } = prepared;
  const cal: Calendar = {
    baseYear,
    horizon,
    projectionStart: jan1(baseYear + 1),
    horizonEnd: jan1(baseYear + horizon + 1),
    spans: Array.from({ length: horizon + 1 }, (_, t) => ({
      from: jan1(baseYear + t),
      to: jan1(baseYear + t + 1),
    })),
    weights: Array.from({ length: horizon + 1 }, (_, t) => dec(1).plus(p.admissionGrowth).pow(t)),
    prices: Array.from({ length: horizon + 1 }, (_, t) => dec(1).plus(p.rateIndexation).pow(t)),
  };
  const pricing = new Pricing(cal, shareOf(rules.shelter.refundShare.value));

  // Without action: whole øre per cohort, each cohort times its weight.
  const cohorts = new MassTallies(FIELDS * (horizon + 1), exact);
  const byCohort = cal.weights.map((w) => cohorts.of(w));
  timeline.forEach((s, row) => {
    if (s.counted) pricing.add(byCohort[s.cohort], 1, s, results[row]);
  });
  let noAction: Decimal[];
  let hf: HousingFirstSums;
  try {
    noAction = cohorts.total();
    hf = housingFirstPath(prepared, p, cal, pricing, exact);
  } catch (error) {
    if (error instanceof InexactTally) return inexact();
    throw error;
  }

  const kroner = (ore: Decimal) => roundOre(ore.dividedBy(100));
  const cashable = dec(p.cashableShare);
  const naf = dec(p.netTaxFactor);
  const years: ProjectionYear[] = cal.spans.map((_, t) => {
    const at = t * FIELDS;
    const none = (k: number) => noAction[at + k];
    const gross = kroner(none(GROSS));
    const selfPayment = kroner(none(SELF));
    const refundNy = kroner(none(NY));
    const refundGammel = kroner(none(GAMMEL));
    const netCost = gross.minus(selfPayment).minus(refundNy);
    const withHf = (k: number) => kroner(none(k).plus(hf.shelter[at + k]));
    const shelterNetCost = withHf(GROSS).minus(withHf(SELF)).minus(withHf(NY));
    const away = (k: number) => kroner(hf.movedAway[at + k]);
    const movedAwayShelterCost = away(GROSS).minus(away(SELF)).minus(away(NY));
    const supportExpense = roundOre(hf.supportExpense[t]);
    const supportRefund = roundOre(hf.supportRefund[t]);
    const rentSubsidy = roundOre(hf.rentSubsidy[t]);
    const oneOffCost = roundOre(hf.oneOffCost[t]);
    const programmeCost = supportExpense.minus(supportRefund).plus(rentSubsidy).plus(oneOffCost);
    const hfNet = shelterNetCost.plus(programmeCost);
    // The public sector as a whole (kommune and stat: refunds are transfers between them): its
    // net shelter expense saved on those still here, less the programme's gross cost, in market
    // prices (the net tax factor).
    const publicSaved = gross
      .minus(selfPayment)
      .minus(withHf(GROSS).minus(withHf(SELF)))
      .minus(away(GROSS).minus(away(SELF)));
    const programmeGross = supportExpense.plus(rentSubsidy).plus(oneOffCost);
    return {
      year: baseYear + t,
      index: t,
      weight: cal.weights[t],
      noAction: {
        stayDays: round2(none(NIGHTS)),
        gross,
        selfPayment,
        refundNy,
        refundGammel,
        reformCost: refundGammel.minus(refundNy),
        netCost,
      },
      housingFirst: {
        stayDays: round2(none(NIGHTS).plus(hf.shelter[at + NIGHTS])),
        moves: round2(hf.moves[t]),
        housedYears: round2(hf.housedYears[t]),
        supportExpense,
        supportRefund,
        rentSubsidy,
        oneOffCost,
        programmeCost,
        shelterNetCost,
        movedAwayShelterCost,
        shelterSavings: netCost.minus(shelterNetCost).minus(movedAwayShelterCost),
        netCost: hfNet,
        stateRefund: withHf(NY).plus(supportRefund),
        cashableEffect: roundOre(cashable.times(netCost.minus(shelterNetCost))).minus(
          programmeCost
        ),
        socioEconomicNet: roundOre(naf.times(publicSaved.minus(programmeGross))),
      },
      difference: netCost.minus(hfNet),
      cumulativeNpv: null,
    };
  });

  const beyond = (x: Decimal) => x.abs().gt(MAX_EXACT_KRONER);
  if (
    years.some(
      (y) => Object.values(y.noAction).some(beyond) || Object.values(y.housingFirst).some(beyond)
    )
  )
    return inexact();
  const projected = years.slice(1);
  const investment = evaluateInvestment({
    rate: dec(p.discountRate),
    costs: projected.map((y) => y.housingFirst.programmeCost),
    savings: projected.map((y) => y.housingFirst.shelterSavings),
    relapseRate: ZERO,
    moveAwayRate: ZERO,
  });
  if (isInvestmentError(investment)) return investment;
  investment.years.forEach((y, i) => (projected[i].cumulativeNpv = roundOre(y.cumulativeNet)));
  return {
    baseYear,
    horizon,
    rules,
    years,
    investment,
    npv: roundOre(investment.npv),
    ratio: investment.ratio,
    breakEvenYear: investment.breakEvenYear === null ? null : baseYear + investment.breakEvenYear,
    budgetEffect: sum(projected.map((y) => y.difference)),
    cashableEffect: sum(projected.map((y) => y.housingFirst.cashableEffect)),
    socioEconomicNpv: roundOre(
      sum(
        projected.map((y) => y.housingFirst.socioEconomicNet.times(socioEconomicDiscount(y.index)))
      )
    ),
  };
}

export function isProjectionError<T extends object>(outcome: T | RowError): outcome is RowError {
  return "code" in outcome;
}
