/**
 * The whole bill and an honest spread (issue 20): every cost in the view that counts it, the
 * budget case (nominal, cashable) apart from the public-sector value (real, Finansministeriet's
 * rates, every public purse), ranges that do not lean, draws that are never impossible, switching
 * values only where the sign changes, and the council's own choices shown as decisions.
 */
import { describe, expect, it } from "@jest/globals";
import {
  DEFAULT_PARAMETERS,
  PARAMETERS,
  parameterById,
  type ParameterId,
  type ScenarioParameters,
} from "../src/engine/parameters";
import { computeProjection, isProjectionError, type Projection } from "../src/engine/projection";
import type { StayInput } from "../src/engine/shelter";
import {
  drawnRanges,
  monteCarloDraws,
  runMonteCarlo,
  tornado,
  type MonteCarloResult,
} from "../src/engine/uncertainty";
import { accepted, sampleRows } from "./fixtures";

function demoStays(): StayInput[] {
  return sampleRows().stays;
}
const stays = demoStays();
const base: ScenarioParameters = { ...DEFAULT_PARAMETERS };
const project = (p: Partial<ScenarioParameters>): Projection => {
  const r = computeProjection(stays, { ...base, ...p });
  if (isProjectionError(r)) throw new Error(r.message);
  return r;
};
const npvs = (p: Partial<ScenarioParameters>) => {
  const r = project(p);
  return { budget: r.npv.toNumber(), public: r.public.npv.toNumber() };
};

describe("the whole bill: each cost in the view that counts it, and not in the other", () => {
  const before = npvs({});
  const cases: [ParameterId, number, { budget: boolean; public: boolean }][] = [
    ["supportCost", 120_000, { budget: true, public: true }],
    ["housingBenefit", 30_000, { budget: true, public: true }],
    ["housingBenefitMunicipalShare", 0.9, { budget: true, public: false }],
    ["caseManagement", 15_000, { budget: true, public: true }],
    ["depositCost", 10_000, { budget: true, public: true }],
    ["furnishing", 12_000, { budget: true, public: true }],
    ["rentSubsidy", 15_000, { budget: true, public: true }],
    ["oneOffCost", 25_000, { budget: true, public: true }],
    ["dwellingCost", 19_200, { budget: false, public: true }],
    ["cashableShare", 0.3, { budget: true, public: false }],
    ["netTaxFactor", 1, { budget: false, public: true }],
  ];
  for (const [id, value, counts] of cases)
    it(`«${parameterById(id).name}» = ${value} moves ${counts.budget ? "the budget case" : ""}${counts.budget && counts.public ? " and " : ""}${counts.public ? "the public-sector value" : ""} only`, () => {
      const after = npvs({ [id]: value });
      expect(after.budget !== before.budget).toBe(counts.budget);
      expect(after.public !== before.public).toBe(counts.public);
      // A cost lowers what it is counted in; the cashable share and the net tax factor are no cost.
      if (!["cashableShare", "netTaxFactor", "housingBenefitMunicipalShare"].includes(id)) {
        if (counts.budget) expect(after.budget).toBeLessThan(before.budget);
        if (counts.public) expect(after.public).toBeLessThan(before.public);
      }
    });

  it("the programme's cost in the table is every municipal cost of the year, to the øre", () => {
    const p = project({ caseManagement: 10_000, depositCost: 5_000, furnishing: 4_000 });
    for (const y of p.years.slice(1)) {
      const h = y.housingFirst;
      expect(h.programmeCost.toNumber()).toBe(
        h.supportExpense
          .minus(h.supportRefund)
          .plus(h.housingBenefit)
          .plus(h.caseManagement)
          .plus(h.rentSubsidy)
          .plus(h.oneOffCost)
          .toNumber()
      );
    }
  });
});

describe("nominal and real, each consistent within its view", () => {
  it("with the price indexation equal to the inflation in the nominal rate, the budget case's NPV is the real one (to the krone), and the public-sector value does not move", () => {
    const real = project({ rateIndexation: 0, discountRate: 0.035 });
    const nominal = project({ rateIndexation: 0.03, discountRate: 0.035 });
    expect(nominal.nominalRate.toNumber()).toBeCloseTo(1.035 * 1.03 - 1, 12);
    // Rounded to øre per stay and year in each year's prices: within a krone per projection year.
    expect(Math.abs(nominal.npv.toNumber() - real.npv.toNumber())).toBeLessThan(5);
    expect(Math.abs(nominal.public.npv.toNumber() - real.public.npv.toNumber())).toBeLessThan(5);
    // The nominal budget itself does grow with the prices.
    expect(nominal.budgetEffect.toNumber()).toBeGreaterThan(real.budgetEffect.toNumber());
  });

  it("the public-sector value keeps those who move away housed (another municipality's shelter is public money too)", () => {
    const stay = project({ moveAwayRate: 0 });
    const leave = project({ moveAwayRate: 0.2 });
    expect(leave.npv.toNumber()).not.toBe(stay.npv.toNumber());
    expect(leave.public.npv.toNumber()).toBe(stay.public.npv.toNumber());
  });
});

describe("uncertainty that does not lean", () => {
  /** The uncertain parameters whose registry range is one-sided (a cost cannot be negative). */
  const oneSided = PARAMETERS.filter(
    (p) =>
      p.uncertain &&
      p.range &&
      Math.abs(p.range.high - p.default! - (p.default! - p.range.low)) > 1e-9
  ).map((p) => p.id);

  function monteCarlo(p: ScenarioParameters, ranges = {}): MonteCarloResult {
    const r = runMonteCarlo(stays, p, { draws: 200, seed: 2023, ranges });
    if (r === null || "code" in r) throw new Error("Monte Carlo failed");
    return r;
  }
  /** Those one-sided ranges closed on their values: every range left is symmetric. */
  const symmetric = (p: ScenarioParameters) =>
    Object.fromEntries(
      oneSided.map((id) => [id, { low: p[id] as number, high: p[id] as number, source: "test" }])
    );

  it("the registry's ranges are symmetric about their defaults, but for costs that cannot go below 0 and the cashable share that cannot pass 100 %", () => {
    expect(oneSided.sort()).toEqual(
      ["caseManagement", "cashableShare", "depositCost", "furnishing", "oneOffCost"].sort()
    );
  });

  it("with symmetric ranges the deterministic NPV lies inside P10–P90, for both views", () => {
    const mc = monteCarlo(base, symmetric(base));
    const own = project({});
    expect(mc.npv.p10).toBeLessThanOrEqual(own.npv.toNumber());
    expect(own.npv.toNumber()).toBeLessThanOrEqual(mc.npv.p90);
    expect(mc.public.npv.p10).toBeLessThanOrEqual(own.public.npv.toNumber());
    expect(own.public.npv.toNumber()).toBeLessThanOrEqual(mc.public.npv.p90);
  });

  it("a value outside its registry range (support 200 000 kr.) keeps the range's width around it: the NPV inside P10–P90", () => {
    const dear = { ...base, supportCost: 200_000 };
    const r = drawnRanges(dear).find((d) => d.id === "supportCost")!;
    expect([r.low, r.high]).toEqual([155_000, 245_000]);
    const mc = monteCarlo(dear, symmetric(dear));
    const own = project(dear).npv.toNumber();
    expect(mc.npv.p10).toBeLessThanOrEqual(own);
    expect(own).toBeLessThanOrEqual(mc.npv.p90);
  });

  it("no impossible draw in 10 000: relapse + move-away at most 100 %, and each inside its range", () => {
    const ranges = {
      relapseRate: { low: 0.5, high: 0.9, source: "test" },
      moveAwayRate: { low: 0.05, high: 0.45, source: "test" },
    };
    const p = { ...base, relapseRate: 0.7, moveAwayRate: 0.25 };
    const drawn = drawnRanges(p, ranges);
    const draws = monteCarloDraws(p, drawn, 10_000, 7);
    const bound = (id: ParameterId) => drawn.find((d) => d.id === id)!;
    let adjusted = 0;
    for (const d of draws) {
      expect(d.relapseRate + d.moveAwayRate).toBeLessThanOrEqual(1 + 1e-12);
      for (const id of ["relapseRate", "moveAwayRate"] as const) {
        expect(d[id]).toBeGreaterThanOrEqual(bound(id).low);
        expect(d[id]).toBeLessThanOrEqual(bound(id).high);
      }
      if (d.moveAwayRate < bound("moveAwayRate").high && d.relapseRate + d.moveAwayRate > 0.999)
        adjusted++;
    }
    // Pairs that drawn alone would pass 100 % were fitted inside it, not dropped.
    expect(adjusted).toBeGreaterThan(0);
    // The projection refuses the impossible itself.
    const impossible = computeProjection(stays, { ...base, relapseRate: 0.7, moveAwayRate: 0.6 });
    expect(isProjectionError(impossible) && impossible.message).toMatch(
      /Tilbagefald \+ fraflytning/
    );
  });
});

describe("decisions shown as decisions", () => {
  it("the council's choices are the registry's decisions, and the tornado gives each both views' NPV at each alternative", () => {
    const decisions = PARAMETERS.filter((p) => p.decision).map((p) => p.id);
    expect(decisions).toEqual([
      "horizon",
      "shareMoved",
      "thresholdDays",
      "housingPerYear",
      "rentSubsidy",
      "targetChronic",
      "targetEpisodic",
      "targetTransitional",
      "typologyYears",
      "chronicNights",
      "episodicEpisodes",
      "episodeGapDays",
    ]);
    for (const id of decisions) expect(parameterById(id).uncertain).toBe(false);
    const bars = accepted(tornado(stays, base));
    const chronic = bars.find((b) => b.id === "targetChronic")!;
    expect([chronic.low, chronic.high]).toEqual([0, 1]);
    expect(chronic.npvLow).toBe(npvs({ targetChronic: 0 }).budget);
    expect(chronic.publicHigh).toBe(npvs({ targetChronic: 1 }).public);
    const threshold = bars.find((b) => b.id === "chronicNights")!;
    expect(threshold.npvHigh).toBe(npvs({ chronicNights: 540 }).budget);
  });
});
