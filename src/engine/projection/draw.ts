/**
 * A projection's two headlines for one parameter set, evaluated over the compiled timeline
 * (compiled.ts) in binary floating point: what a Monte Carlo draw, a tornado bar and a step of a
 * switching-value search ask for (issue 23). The queue runs with the draw's weights and who comes
 * back, each move adds its compiled vectors times its mass (drawMoves.ts), and the draw prices the
 * vectors with its own rate indexation (vectorPrice.ts), rounding as the exact projection does.
 * test/draws.property.test.ts proves every draw within 1 kr. of evaluateProjection with the same
 * parameters, in both views; the figures shown as money stay exact (evaluate.ts).
 */
import { MAX_EXACT_KRONER, type Decimal } from "../money";
import type { ScenarioParameters } from "../parameters";
import { socioEconomicDiscount } from "../rules";
import type { RowError } from "../shelter";
import { USER_GROUPS, type UserGroup } from "../typology";
import { candidatesAt, compiledTimeline } from "./compiled";
import { addMoves, groupChain, groupIndex, queueDraw, weighView } from "./drawMoves";
import { evaluateProjection, isProjectionError } from "./evaluate";
import { inexact, type PreparedProjection } from "./prepare";
import { resolvedRates } from "./returns";
import { FIELDS, GROSS, NY, SELF } from "./tallies";
import { drawPricing, price } from "./vectorPrice";

/** NPV, return per krone and break-even year of one headline, as plain numbers. */
export interface DrawView {
  /** Kroner, rounded to øre. */
  npv: number;
  ratio: number | null;
  breakEvenYear: number | null;
  /**
   * The NPV of the years up to t at [t] (rounded to øre; [0] is 0): the NPV a horizon of t
   * years has, since a year's figures depend on the years before it only.
   */
  cumulative: number[];
}

/** The budget case (the fields) and the public-sector value of one parameter set. */
export interface DrawResult extends DrawView {
  public: DrawView;
}

const round2 = (x: number): number => (x < 0 ? -Math.round(-x * 100) : Math.round(x * 100)) / 100;

const TARGETS = {
  chronic: "targetChronic",
  episodic: "targetEpisodic",
  transitional: "targetTransitional",
} as const satisfies Record<UserGroup, keyof ScenarioParameters>;

const socioFactors: number[] = [];
const socioFactor = (t: number) => (socioFactors[t] ??= socioEconomicDiscount(t).toNumber());

/**
 * The two headlines of the projection of a prepared timeline under `p` (which it must have been
 * prepared for), in floating point; the exact projection's error where it has one. A timeline
 * prepared for a longer horizon serves a shorter one: a year's figures depend on the years
 * before it only (test/draws.property.test.ts), so the queue and the sums stop at p.horizon.
 */
export function evaluateDraw(
  prepared: PreparedProjection,
  p: ScenarioParameters
): DrawResult | RowError {
  const nominalRate = (1 + p.discountRate) * (1 + p.rateIndexation) - 1;
  // What the exact projection refuses, it refuses here too, with its own message.
  if (
    p.relapseRate + p.moveAwayRate > 1 ||
    p.relapseRate < 0 ||
    p.moveAwayRate < 0 ||
    !(nominalRate > -1 && nominalRate <= 1)
  )
    return refused(prepared, p);
  if (p.horizon > prepared.horizon)
    throw new Error(`Projection: horizon ${p.horizon} on a timeline of ${prepared.horizon} years`);
  const c = compiledTimeline(prepared);
  const { rules } = prepared;
  const years = c.years;
  const pricing = drawPricing(c, rules, p.rateIndexation);
  const prices = Array.from({ length: years }, (_, t) => Math.pow(1 + p.rateIndexation, t));
  const weights = Array.from({ length: years }, (_, t) => Math.pow(1 + p.admissionGrowth, t));
  const none = new Float64Array(FIELDS * years);
  c.cohorts.forEach((v, cohort) => price(v, weights[cohort], none, pricing));
  // A year's cost without action beyond whole øre (admissions doubling for decades, say): the
  // exact projection says inexact() of it before any other figure (evaluate.ts). Told here before
  // the moves are queued and compiled; near the limit, the exact projection decides.
  for (let t = 1; t <= p.horizon; t++) {
    const gross = Math.abs(none[t * FIELDS + GROSS]) / 100;
    if (gross > MAX_EXACT_KRONER * (1 + 1e-9)) return inexact();
    if (gross > MAX_EXACT_KRONER) return refused(prepared, p);
  }

  const rates = resolvedRates(prepared.estimates, p);
  const chains = USER_GROUPS.map((g) => groupChain(rates[g], prepared.horizon));
  const groups = groupIndex(prepared, c);
  const targeted = USER_GROUPS.map((g) => p[TARGETS[g]] === 1);
  const table = candidatesAt(c, prepared, p.thresholdDays);
  const moves = queueDraw(
    c,
    table,
    (i) => targeted[groups[table.person[i]]],
    p,
    weights,
    (person) => chains[groups[person]].use
  );
  const sums = addMoves(
    prepared,
    c,
    table,
    moves,
    p,
    weights,
    (person) => chains[groups[person]],
    pricing
  );
  const moved = sums.moved;
  const local = weighView(sums, years, p.relapseRate, p.moveAwayRate);
  const national = weighView(sums, years, p.relapseRate, 0);

  const kroner = (x: number) => round2(x / 100);
  const { daysPerYear, supportShare } = rules.aftercare;
  const perYear = daysPerYear.value;
  const supportRefundShare = Number(supportShare.value);
  const moveCost = p.oneOffCost + p.depositCost + p.furnishing;
  const publicPerDay =
    (p.supportCost + p.housingBenefit + p.caseManagement + p.rentSubsidy + p.dwellingCost) /
    perYear;
  const budget = investment((t) => Math.pow(1 + nominalRate, t));
  const publicCase = investment((t) => 1 / socioFactor(t));
  for (let t = 1; t <= p.horizon; t++) {
    const at = t * FIELDS;
    const none_ = (k: number) => none[at + k];
    const netCost = kroner(none_(GROSS)) - kroner(none_(SELF)) - kroner(none_(NY));
    const withHf = (k: number) => kroner(none_(k) + local.shelter[at + k]);
    const shelterNetCost = withHf(GROSS) - withHf(SELF) - withHf(NY);
    const away = (k: number) => kroner(local.movedAway[at + k]);
    const movedAwayCost = away(GROSS) - away(SELF) - away(NY);
    const perDay = (annual: number) => (annual * prices[t]) / perYear;
    const days = local.housed[t];
    const programmeCost =
      round2(days * perDay(p.supportCost)) -
      round2(local.refunded[t] * perDay(p.supportCost) * supportRefundShare) +
      round2(days * perDay(p.housingBenefit) * p.housingBenefitMunicipalShare) +
      round2(days * perDay(p.caseManagement)) +
      round2(days * perDay(p.rentSubsidy)) +
      round2(moved[t] * round2(moveCost * prices[t]));
    const savings = round2(p.cashableShare * (netCost - shelterNetCost - movedAwayCost));
    budget.add(t, savings, programmeCost);
    const publicSaved = round2(
      kroner(-(national.shelter[at + GROSS] - national.shelter[at + SELF])) / prices[t]
    );
    const publicCost = round2(national.housed[t] * publicPerDay + moved[t] * moveCost);
    publicCase.add(t, p.netTaxFactor * publicSaved, p.netTaxFactor * publicCost);
  }
  return {
    ...budget.result(prepared.baseYear),
    public: publicCase.result(prepared.baseYear),
  };
}

/** NPV, ratio and break-even of yearly flows, each year divided by `discount(t)` (investment.ts). */
function investment(discount: (t: number) => number) {
  let pvSavings = 0;
  let pvCosts = 0;
  let breakEven: number | null = null;
  const cumulative = [0];
  return {
    add(t: number, savings: number, costs: number) {
      const d = discount(t);
      pvSavings += savings / d;
      pvCosts += costs / d;
      cumulative[t] = round2(pvSavings - pvCosts);
      if (breakEven === null && pvSavings - pvCosts >= 0) breakEven = t;
    },
    result(baseYear: number): DrawView {
      return {
        npv: round2(pvSavings - pvCosts),
        ratio: pvCosts === 0 ? null : pvSavings / pvCosts,
        breakEvenYear: breakEven === null ? null : baseYear + breakEven,
        cumulative,
      };
    },
  };
}

/**
 * The exact projection where floating point stops at its edge (a refused parameter, amounts
 * beyond whole øre): its error, or its headlines.
 */
function refused(prepared: PreparedProjection, p: ScenarioParameters): DrawResult | RowError {
  const exact = evaluateProjection(prepared, p);
  if (isProjectionError(exact)) return exact;
  const view = (
    v: { npv: Decimal; ratio: Decimal | null; breakEvenYear: number | null },
    cumulative: number[]
  ) => ({
    npv: v.npv.toNumber(),
    ratio: v.ratio === null ? null : v.ratio.toNumber(),
    breakEvenYear: v.breakEvenYear,
    cumulative,
  });
  const budget = investment((t) => Math.pow(1 + exact.nominalRate.toNumber(), t));
  const publicCase = investment((t) => 1 / socioFactor(t));
  exact.years.slice(1).forEach(({ housingFirst: y }, i) => {
    budget.add(i + 1, y.cashableSavings.toNumber(), y.programmeCost.toNumber());
    const factor = p.netTaxFactor;
    publicCase.add(i + 1, factor * y.publicSaved.toNumber(), factor * y.publicCost.toNumber());
  });
  return {
    ...view(exact, budget.result(exact.baseYear).cumulative),
    public: view(exact.public, publicCase.result(exact.baseYear).cumulative),
  };
}
