/**
 * The projection's figures year by year, and its investment figures, from a prepared timeline.
 */
import { problemError } from "../../messages";
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
  /** Person-years housed with support this year (in this municipality). */
  housedYears: Decimal;
  supportExpense: Decimal;
  supportRefund: Decimal;
  /** The municipality's share of the housing benefit of those housed. */
  housingBenefit: Decimal;
  caseManagement: Decimal;
  rentSubsidy: Decimal;
  /** One-off cost, deposit loss and furnishing of the year's moves. */
  oneOffCost: Decimal;
  /**
   * What the programme costs the municipality: support − § 85 a refund + its share of the housing
   * benefit + case management + rent subsidy + the one-off costs of the moves.
   */
  programmeCost: Decimal;
  /** Shelter gross − self-payment − refund NY on the Housing First path. */
  shelterNetCost: Decimal;
  /** The no-action shelter net cost of those who moved away, from the day they left. */
  movedAwayShelterCost: Decimal;
  /** Net cost without action − shelterNetCost − movedAwayShelterCost: saved on those still here. */
  shelterSavings: Decimal;
  /** Cashable share × shelterSavings: the saving the budget case counts. */
  cashableSavings: Decimal;
  /** shelterNetCost + programmeCost. */
  netCost: Decimal;
  /** The state's refunds on this path: § 110 refund NY and the § 85 a refund (the budget view's split). */
  stateRefund: Decimal;
  /** Cashable share × shelter net cost saved − programme cost: what the budget really gets back. */
  cashableEffect: Decimal;
  /**
   * The public-sector view in the base year's prices (every public purse, nobody moves away):
   * the shelter expense saved (gross − self-payment), and the programme's whole cost (support,
   * housing benefit, case management, rent subsidy, dwelling, one-off costs).
   */
  publicSaved: Decimal;
  publicCost: Decimal;
  /** (publicSaved − publicCost) × the net tax factor. */
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

/** NPV, return per krone and break-even of one view. */
export interface ViewResult {
  /** NPV over the horizon, rounded to øre. */
  npv: Decimal;
  ratio: Decimal | null;
  /** Calendar year of break-even, or null. */
  breakEvenYear: number | null;
}

export interface Projection extends ViewResult {
  baseYear: number;
  horizon: number;
  /** The rule set of the "NY" columns (NY or NY-VINDUE). */
  rules: RuleSet;
  years: ProjectionYear[];
  /** The budget case: the municipality's cash, nominal, discounted at `nominalRate`. */
  investment: InvestmentResult;
  /** The budget case's discount rate: (1 + real rate)(1 + price indexation) − 1. */
  nominalRate: Decimal;
  /** The municipality's budget: Σ difference over the projection years, nominal kroner. */
  budgetEffect: Decimal;
  /** Σ cashable effect over the projection years, nominal kroner. */
  cashableEffect: Decimal;
  /** The public-sector value (docs/model.md, section 6). */
  public: ViewResult;
  /** = public.npv (the table's name for it since issue 11). */
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
  // Nobody can leave twice: a share housed below 0 is no projection (issue 20).
  if (p.relapseRate + p.moveAwayRate > 1 || p.relapseRate < 0 || p.moveAwayRate < 0)
    return problemError({ id: "housedShareOutOfRange", sum: p.relapseRate + p.moveAwayRate });
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
  const { daysPerYear, supportShare } = rules.aftercare;
  /** Annual kroner per day housed, in year t's prices (as DK.REFUSION85A: annual / 365). */
  const perDay = (annual: number, t: number) =>
    dec(annual).times(cal.prices[t]).dividedBy(daysPerYear.value);
  const moveCost = p.oneOffCost + p.depositCost + p.furnishing;
  const years: ProjectionYear[] = cal.spans.map((_, t) => {
    const at = t * FIELDS;
    const none = (k: number) => noAction[at + k];
    const gross = kroner(none(GROSS));
    const selfPayment = kroner(none(SELF));
    const refundNy = kroner(none(NY));
    const refundGammel = kroner(none(GAMMEL));
    const netCost = gross.minus(selfPayment).minus(refundNy);
    const { local, national } = hf;
    const withHf = (k: number) => kroner(none(k).plus(local.shelter[at + k]));
    const shelterNetCost = withHf(GROSS).minus(withHf(SELF)).minus(withHf(NY));
    const away = (k: number) => kroner(local.movedAway[at + k]);
    const movedAwayShelterCost = away(GROSS).minus(away(SELF)).minus(away(NY));
    const days = local.housedDays[t];
    const supportExpense = roundOre(days.times(perDay(p.supportCost, t)));
    const supportRefund = roundOre(
      local.refundedDays[t].times(perDay(p.supportCost, t)).times(supportShare.value)
    );
    const housingBenefit = roundOre(
      days.times(perDay(p.housingBenefit, t)).times(p.housingBenefitMunicipalShare)
    );
    const caseManagement = roundOre(days.times(perDay(p.caseManagement, t)));
    const rentSubsidy = roundOre(days.times(perDay(p.rentSubsidy, t)));
    const oneOffCost = hf.moves[t].times(roundOre(dec(moveCost).times(cal.prices[t])));
    const programmeCost = supportExpense
      .minus(supportRefund)
      .plus(housingBenefit)
      .plus(caseManagement)
      .plus(rentSubsidy)
      .plus(roundOre(oneOffCost));
    const hfNet = shelterNetCost.plus(programmeCost);
    const shelterSavings = netCost.minus(shelterNetCost).minus(movedAwayShelterCost);
    // The public sector as a whole, in the base year's prices: kommune and stat (refunds are
    // transfers between them), and nobody moves away (another municipality's shelter or support
    // is public money too). Its shelter expense saved, less the programme's whole cost.
    const real = (x: Decimal) => roundOre(x.dividedBy(cal.prices[t]));
    const nationalHf = (k: number) => none(k).plus(national.shelter[at + k]);
    const publicSaved = real(
      kroner(
        none(GROSS)
          .minus(none(SELF))
          .minus(nationalHf(GROSS).minus(nationalHf(SELF)))
      )
    );
    const perDayReal = (annual: number) => dec(annual).dividedBy(daysPerYear.value);
    const publicCost = roundOre(
      national.housedDays[t]
        .times(
          perDayReal(
            p.supportCost + p.housingBenefit + p.caseManagement + p.rentSubsidy + p.dwellingCost
          )
        )
        .plus(hf.moves[t].times(moveCost))
    );
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
        stayDays: round2(none(NIGHTS).plus(local.shelter[at + NIGHTS])),
        moves: round2(hf.moves[t]),
        housedYears: round2(days.dividedBy(cal.spans[t].to - cal.spans[t].from)),
        supportExpense,
        supportRefund,
        housingBenefit,
        caseManagement,
        rentSubsidy,
        oneOffCost: roundOre(oneOffCost),
        programmeCost,
        shelterNetCost,
        movedAwayShelterCost,
        shelterSavings,
        cashableSavings: roundOre(cashable.times(shelterSavings)),
        netCost: hfNet,
        stateRefund: withHf(NY).plus(supportRefund),
        cashableEffect: roundOre(cashable.times(netCost.minus(shelterNetCost))).minus(
          programmeCost
        ),
        publicSaved,
        publicCost,
        socioEconomicNet: roundOre(naf.times(publicSaved.minus(publicCost))),
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
  // The budget case is nominal, so its rate is too: the real rate with the price indexation.
  const nominalRate = dec(1).plus(p.discountRate).times(dec(1).plus(p.rateIndexation)).minus(1);
  const investment = evaluateInvestment({
    rate: nominalRate,
    costs: projected.map((y) => y.housingFirst.programmeCost),
    savings: projected.map((y) => y.housingFirst.cashableSavings),
    relapseRate: ZERO,
    moveAwayRate: ZERO,
  });
  if (isInvestmentError(investment)) return investment;
  investment.years.forEach((y, i) => (projected[i].cumulativeNpv = roundOre(y.cumulativeNet)));
  // The public-sector value: real flows in market prices, Finansministeriet's banded rates.
  const publicCase = evaluateInvestment({
    rate: ZERO,
    costs: projected.map((y) => naf.times(y.housingFirst.publicCost)),
    savings: projected.map((y) => naf.times(y.housingFirst.publicSaved)),
    relapseRate: ZERO,
    moveAwayRate: ZERO,
    divisor: (year) => dec(1).dividedBy(socioEconomicDiscount(year)),
  });
  if (isInvestmentError(publicCase)) return publicCase;
  const view = (r: InvestmentResult): ViewResult => ({
    npv: roundOre(r.npv),
    ratio: r.ratio,
    breakEvenYear: r.breakEvenYear === null ? null : baseYear + r.breakEvenYear,
  });
  const publicView = view(publicCase);
  return {
    baseYear,
    horizon,
    rules,
    years,
    investment,
    nominalRate,
    ...view(investment),
    budgetEffect: sum(projected.map((y) => y.difference)),
    cashableEffect: sum(projected.map((y) => y.housingFirst.cashableEffect)),
    public: publicView,
    socioEconomicNpv: publicView.npv,
  };
}

export function isProjectionError<T extends object>(outcome: T | RowError): outcome is RowError {
  return "code" in outcome;
}
