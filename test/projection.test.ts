/**
 * The projection engine: the replay of the base year without action, and the Housing First path
 * on the same replay. Oracles: the base year's own figures (computeForecast), DK.REFUSION110 on
 * the same rows, DK.REFUSION85A for the support refunds, DK.HOUSINGFIRSTNPV/RATIO/BREAKEVEN on
 * the table's own yearly flows, and hand-worked citizens.
 */
import { describe, expect, it } from "@jest/globals";
import { d, serialFromYmd } from "../src/engine/calendar";
import { computeForecast } from "../src/engine/forecast";
import { Decimal, dec } from "../src/engine/money";
import { DEFAULT_PARAMETERS, type ScenarioParameters } from "../src/engine/parameters";
import {
  computeProjection,
  defaultBaseYear,
  isProjectionError,
  replayStays,
  type Projection,
  type ProjectionYear,
} from "../src/engine/projection";
import { RULE_SETS } from "../src/engine/rules";
import type { StayInput } from "../src/engine/shelter";
import { housingFirstBreakeven, housingFirstNpv, housingFirstRatio, refusion110, refusion85a } from "../src/functions/functions";
import { sampleBudgetSheet } from "../src/demo/sampleData";
import { mapColumns, validateRows } from "../taskpane/columns";
import { stay } from "./fixtures";


/** No trends and no Housing First: the plain replay. */
const still: ScenarioParameters = {
  ...DEFAULT_PARAMETERS,
  admissionGrowth: 0,
  stayLengthChange: 0,
  rateIndexation: 0,
  shareMoved: 0,
};

function project(stays: StayInput[], p: Partial<ScenarioParameters>): Projection {
  const result = computeProjection(stays, { ...still, ...p });
  if (isProjectionError(result)) throw new Error(result.message);
  return result;
}

const n = (x: Decimal) => x.toNumber();
/** The no-action figures of a year as plain numbers. */
const noAction = (y: ProjectionYear) => ({
  stayDays: n(y.noAction.stayDays),
  gross: n(y.noAction.gross),
  selfPayment: n(y.noAction.selfPayment),
  refundNy: n(y.noAction.refundNy),
  refundGammel: n(y.noAction.refundGammel),
  reformCost: n(y.noAction.reformCost),
  netCost: n(y.noAction.netCost),
});

/**
 * Base year 2029 (the 90-day rule all year, like 2030), every stay inside the year and no earlier
 * history, so nothing of the base year's windows leans on the year before.
 */
const INSIDE_2029 = [
  stay("A", "2029-02-10", "2029-03-15", 1200, 200),
  stay("A", "2029-11-01", "2029-12-01", 1200, 200),
  stay("B", "2029-03-01", "2029-09-01", 1500),
  stay("C", "2029-06-01", "2029-06-01", 1100),
  stay("D", "2029-01-05", "2029-05-01", 1000, 50),
  stay("D", "2029-07-01", "2029-08-01", 1000, 50),
  stay("E", "2029-12-20", "2029-12-31", 1900),
];

/** The sample municipality's good rows, parsed as the pane parses them. */
function sampleStays(rows = 800): StayInput[] {
  const sheet = sampleBudgetSheet({ rows });
  const header = sheet.values[sheet.headerRow];
  return validateRows({ sheet: sheet.name, header, rows: sheet.values.slice(sheet.headerRow + 1), firstRow: sheet.headerRow + 1, left: 0 }, mapColumns(header)).stays;
}

const col = <T>(xs: readonly T[]): T[][] => xs.map((x) => [x]);

/** Σ DK.REFUSION110 over the rows for one calendar year. */
function refundSum(stays: readonly StayInput[], year: number, rules: "NY" | "GAMMEL"): Decimal {
  const out = refusion110(
    col(stays.map((s) => s.citizen)),
    col(stays.map((s) => s.admission)),
    col(stays.map((s) => s.discharge ?? "")),
    col(stays.map((s) => s.dailyRate)),
    col(stays.map((s) => s.selfPayment)),
    serialFromYmd(year, 1, 1),
    serialFromYmd(year, 12, 31),
    rules,
  ) as unknown[][];
  return out.reduce<Decimal>((sum, [v]) => {
    if (typeof v !== "number") throw new Error(`cell error ${JSON.stringify(v)}`);
    return sum.plus(dec(v));
  }, dec(0));
}

describe("the base year: the last full calendar year in the data", () => {
  it("latest admission 2026-12-05 (in December): base year 2026", () => {
    expect(defaultBaseYear([stay("A", "2025-03-01", "2025-04-01"), stay("B", "2026-12-05", "2027-06-01")])).toBe(2026);
  });
  it("latest admission 2026-11-30: 2026 is not complete, base year 2025 (a planned discharge in 2028 does not count)", () => {
    expect(defaultBaseYear([stay("A", "2025-03-01", "2028-04-01"), stay("B", "2026-11-30", null)])).toBe(2025);
  });
  it("the sample municipality (status date 2026-12-31) projects from 2026", () => {
    expect(project(sampleStays(), {}).baseYear).toBe(2026);
  });
  it("a base year without stay nights is an error naming the year", () => {
    const r = computeProjection(INSIDE_2029, { ...still, baseYear: 2024 });
    expect(r).toEqual({ code: "#VALUE!", message: "Basisåret 2024 har ingen opholdsdøgn i data: angiv et andet basisår" });
  });
});

describe("replay without action", () => {
  it("zero trends: year 1 (2030) equals the base year 2029 in every figure, NY included", () => {
    const p = project(INSIDE_2029, { baseYear: 2029, horizon: 3 });
    expect(p.years.map((y) => y.year)).toEqual([2029, 2030, 2031, 2032]);
    expect(noAction(p.years[1])).toEqual(noAction(p.years[0]));
    // Hand count of the base year: 33 + 30 + 184 + 1 + 116 + 31 + 11 nights.
    expect(n(p.years[0].noAction.stayDays)).toBe(406);
    // NY: A 63 days, B 90, C 1, D 90 + 0 (same window), E 11 — at 50 % of (takst − egenbetaling).
    expect(n(p.years[0].noAction.refundNy)).toBe(63 * 500 + 90 * 750 + 550 + 90 * 475 + 11 * 950);
  });

  it("zero trends: the base year row equals the forecast's figures for that year (computeForecast)", () => {
    const stays = sampleStays();
    const p = project(stays, {});
    const f = computeForecast(stays, { years: { first: 2026, last: 2026 } }).years[0];
    expect(noAction(p.years[0])).toEqual({
      stayDays: f.stayDays,
      gross: n(f.gross),
      selfPayment: n(f.selfPayment),
      refundNy: n(f.refundNy),
      refundGammel: n(f.refundGammel),
      reformCost: n(f.difference),
      netCost: n(f.netCost),
    });
  });

  it("zero trends on the sample (2026 -> 2027, both common years): nights, gross, self-payment and GAMMEL repeat exactly", () => {
    const p = project(sampleStays(), {});
    const [base, y1] = p.years.map(noAction);
    expect([y1.stayDays, y1.gross, y1.selfPayment, y1.refundGammel]).toEqual([base.stayDays, base.gross, base.selfPayment, base.refundGammel]);
    // NY differs: 2026 still had the 120-day limit until 1 April.
    expect(y1.refundNy).toBeGreaterThan(base.refundNy);
  });

  it("growth 100 % doubles every figure of year 1 and quadruples year 2; growth 50 % gives 1.5 and 2.25", () => {
    const stays = sampleStays();
    const flat = project(stays, {});
    const double = project(stays, { admissionGrowth: 1 });
    const half = project(stays, { admissionGrowth: 0.5 });
    const scaled = (y: ProjectionYear, f: number) => Object.fromEntries(Object.entries(noAction(y)).map(([k, v]) => [k, Math.round(v * f * 100) / 100]));
    expect(noAction(double.years[0])).toEqual(noAction(flat.years[0]));
    expect(noAction(double.years[1])).toEqual(scaled(flat.years[1], 2));
    expect(noAction(double.years[2])).toEqual(scaled(flat.years[2], 4));
    expect(n(half.years[1].noAction.stayDays)).toBe(n(flat.years[1].noAction.stayDays) * 1.5);
    expect(n(half.years[2].noAction.gross)).toBeCloseTo(n(flat.years[2].noAction.gross) * 2.25, 2);
  });

  it("GAMMEL − NY equals the reform's cost computed directly with DK.REFUSION110 on the base year's rows", () => {
    const p = project(INSIDE_2029, { baseYear: 2029, horizon: 2 });
    const direct = refundSum(INSIDE_2029, 2029, "GAMMEL").minus(refundSum(INSIDE_2029, 2029, "NY"));
    expect(direct.toNumber()).toBeGreaterThan(0);
    for (const y of p.years) expect(n(y.noAction.reformCost)).toBe(direct.toNumber());
  });

  it("with trends, each year's refunds under NY and GAMMEL are DK.REFUSION110 on the replayed rows × the year's weight", () => {
    const stays = sampleStays();
    const params = { admissionGrowth: 0.04, stayLengthChange: -0.05, rateIndexation: 0.02, horizon: 3 };
    const p = project(stays, params);
    const replay = replayStays(stays, { baseYear: 2026, horizon: 3, stayLengthChange: -0.05, rateIndexation: 0.02, historyFrom: d("2023-10-01") });
    for (const y of p.years) {
      const ny = refundSum(replay, y.year, "NY");
      const gammel = refundSum(replay, y.year, "GAMMEL");
      const w = dec(1.04).pow(y.index);
      expect(n(y.noAction.refundNy)).toBe(w.times(ny).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber());
      expect(n(y.noAction.refundGammel)).toBe(w.times(gammel).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toNumber());
      expect(y.noAction.reformCost.eq(y.noAction.refundGammel.minus(y.noAction.refundNy))).toBe(true);
    }
  });

  it("stay length +10 % a year: 100 nights become 110, then 121; 5 nights become 5.5 -> 6 (half up), then 6.05 -> 6", () => {
    const p = project([stay("A", "2029-03-01", "2029-06-09"), stay("B", "2029-08-01", "2029-08-06")], { baseYear: 2029, horizon: 2, stayLengthChange: 0.1 });
    expect(p.years.map((y) => n(y.noAction.stayDays))).toEqual([105, 116, 127]);
  });

  it("stay length −50 % a year: a 3-night stay keeps at least one night", () => {
    const p = project([stay("A", "2029-03-01", "2029-03-04")], { baseYear: 2029, horizon: 3, stayLengthChange: -0.5 });
    expect(p.years.map((y) => n(y.noAction.stayDays))).toEqual([3, 2, 1, 1]); // 1.5 -> 2, 0.75 -> 1, 0.375 -> 1
  });

  it("longer stays are cut at the year's end: a stay from 2029-12-01 keeps 31 nights in each year", () => {
    const p = project([stay("A", "2029-12-01", "2030-02-01")], { baseYear: 2029, horizon: 2, stayLengthChange: 0.5 });
    expect(p.years.map((y) => n(y.noAction.stayDays))).toEqual([31, 31, 31]);
  });

  it("a stay from the year before reaches further into the base year when stays grow longer", () => {
    // 2028-11-01 -> 2029-01-31: 91 nights, 30 of them in 2029; +20 %: 109 nights -> to 2029-02-18.
    const p = project([stay("A", "2028-11-01", "2029-01-31"), stay("B", "2029-06-01", "2029-06-02")], { baseYear: 2029, horizon: 1, stayLengthChange: 0.2 });
    expect(p.years.map((y) => n(y.noAction.stayDays))).toEqual([31, 49]);
  });

  it("rates indexed 2 % a year: 1 000 kr. -> 1 020 -> 1 040,40; egenbetaling 100 -> 102 -> 104,04", () => {
    const p = project([stay("A", "2029-03-01", "2029-03-11", 1000, 100)], { baseYear: 2029, horizon: 2, rateIndexation: 0.02 });
    expect(p.years.map((y) => [n(y.noAction.gross), n(y.noAction.selfPayment)])).toEqual([
      [10000, 1000],
      [10200, 1020],
      [10404, 1040.4],
    ]);
  });

  it("a leap year replayed from a common year gains 29 February inside a stay that spans it", () => {
    const p = project([stay("A", "2027-02-20", "2027-03-10")], { baseYear: 2027, horizon: 1 });
    expect(p.years.map((y) => n(y.noAction.stayDays))).toEqual([18, 19]);
  });

  it("an open stay runs to the end of the base year", () => {
    const p = project([stay("A", "2029-10-01", null), stay("B", "2029-12-10", "2029-12-11")], { baseYear: 2029, horizon: 1 });
    expect(p.years.map((y) => n(y.noAction.stayDays))).toEqual([93, 93]);
  });

  it("refund windows run on across years: an all-year citizen gets 90 refunded days a year, not 90 once", () => {
    const p = project([stay("Z", "2029-01-01", "2030-01-01")], { baseYear: 2029, horizon: 2 });
    expect(p.years.map((y) => n(y.noAction.refundNy))).toEqual([45000, 45000, 45000]);
  });

  it("is deterministic: the same data and parameters give the same numbers", () => {
    const stays = sampleStays();
    const params = { admissionGrowth: 0.03, stayLengthChange: 0.02, shareMoved: 0.4, housingPerYear: 7 };
    expect(project(stays, params)).toEqual(project(stays, params));
  });
});

describe("Housing First on the same replay", () => {
  const sample = sampleStays();
  const withHf = { shareMoved: 0.5, housingPerYear: 25, relapseRate: 0.1, moveAwayRate: 0.05, admissionGrowth: 0.02, rateIndexation: 0.02 };

  it("share 0 gives exactly the no-action path", () => {
    const p = project(sample, { ...withHf, shareMoved: 0 });
    for (const y of p.years) {
      expect(y.housingFirst.stayDays.eq(y.noAction.stayDays)).toBe(true);
      expect(y.housingFirst.netCost.eq(y.noAction.netCost)).toBe(true);
      expect(y.housingFirst.moves.isZero() && y.housingFirst.programmeCost.isZero() && y.difference.isZero()).toBe(true);
    }
    expect(n(p.npv)).toBe(0);
  });

  it("housing available 0 gives exactly the no-action path", () => {
    const p = project(sample, { ...withHf, housingPerYear: 0 });
    for (const y of p.years) {
      expect(y.housingFirst.netCost.eq(y.noAction.netCost)).toBe(true);
      expect(y.housingFirst.stayDays.eq(y.noAction.stayDays)).toBe(true);
      expect(y.difference.isZero()).toBe(true);
    }
  });

  it("the scenario's NPV, ratio and break-even equal DK.HOUSINGFIRSTNPV/RATIO/BREAKEVEN on its yearly net flows", () => {
    for (const rate of [0, 0.035, 0.1]) {
      const p = project(sample, { ...withHf, discountRate: rate });
      const years = p.years.slice(1);
      const costs = col(years.map((y) => n(y.housingFirst.programmeCost)));
      const savings = col(years.map((y) => n(y.housingFirst.shelterSavings)));
      expect(n(p.npv)).not.toBe(0);
      expect(housingFirstNpv(rate, costs, savings)).toBe(n(p.npv));
      expect(housingFirstRatio(rate, costs, savings)).toBe(p.ratio!.toNumber());
      expect(housingFirstBreakeven(rate, costs, savings)).toBe(p.breakEvenYear! - p.baseYear);
      expect(n(years[years.length - 1].cumulativeNpv!)).toBe(n(p.npv));
    }
  });

  it("the table adds up: net with Housing First = shelter net + programme; difference = savings − programme", () => {
    const p = project(sample, withHf);
    for (const y of p.years) {
      const h = y.housingFirst;
      expect(h.netCost.eq(h.shelterNetCost.plus(h.programmeCost))).toBe(true);
      expect(y.difference.eq(h.shelterSavings.minus(h.programmeCost))).toBe(true);
      expect(h.programmeCost.eq(h.supportExpense.minus(h.supportRefund).plus(h.rentSubsidy).plus(h.oneOffCost))).toBe(true);
      expect(h.stayDays.lte(y.noAction.stayDays)).toBe(true);
    }
  });

  it("the dwellings available cap each year's moves (weighted by growth)", () => {
    const p = project(sample, { ...withHf, housingPerYear: 3 });
    for (const y of p.years.slice(1)) expect(n(y.housingFirst.moves)).toBeLessThanOrEqual(3);
    expect(n(p.years[1].housingFirst.moves)).toBe(3);
  });
});

describe("Housing First, hand-worked citizens (base year 2029, takst 1 000 kr., no egenbetaling)", () => {
  const resident = [stay("Z", "2029-01-01", "2031-06-01")];
  const hf = { baseYear: 2029, horizon: 3, shareMoved: 1, housingPerYear: 100, relapseRate: 0, moveAwayRate: 0, supportCost: 73000, rentSubsidy: 0, oneOffCost: 0, discountRate: 0 };

  it("a citizen in the shelter all year moves on the projection's first day: no shelter nights, support with the § 85 a refund for 2 years", () => {
    const p = project(resident, hf);
    const [, y2030, y2031, y2032] = p.years;
    for (const y of [y2030, y2031, y2032]) {
      expect(n(y.housingFirst.stayDays)).toBe(0);
      expect(n(y.housingFirst.shelterNetCost)).toBe(0);
    }
    expect(n(y2030.housingFirst.moves)).toBe(1);
    expect([y2030, y2031, y2032].map((y) => n(y.housingFirst.supportExpense))).toEqual([73000, 73000, 73200]);
    // The § 85 a refund as DK.REFUSION85A computes it for the same support, year by year.
    const refund85a = (year: number) =>
      refusion85a(d("2030-01-01"), d("2030-01-01"), d("2033-01-01"), 73000, serialFromYmd(year, 1, 1), serialFromYmd(year, 12, 31), true);
    expect([y2030, y2031, y2032].map((y) => n(y.housingFirst.supportRefund))).toEqual([refund85a(2030), refund85a(2031), refund85a(2032)]);
    expect([refund85a(2030), refund85a(2031), refund85a(2032)]).toEqual([36500, 36500, 0]);
    // Without action: 365 nights at 1 000 kr., 90 refunded at 500 kr. (a new window each year).
    expect([y2030, y2031, y2032].map((y) => n(y.noAction.netCost))).toEqual([320000, 320000, 321000]);
    expect([y2030, y2031, y2032].map((y) => n(y.difference))).toEqual([283500, 283500, 247800]);
    expect(n(p.npv)).toBe(283500 + 283500 + 247800);
    expect(p.breakEvenYear).toBe(2030);
  });

  it("relapse 100 %: back in the shelter from the first anniversary, with fresh refund windows (as without action)", () => {
    const p = project(resident, { ...hf, relapseRate: 1 });
    const [, y2030, y2031] = p.years;
    expect(n(y2030.housingFirst.stayDays)).toBe(0);
    expect(n(y2031.housingFirst.stayDays)).toBe(365);
    expect(n(y2031.housingFirst.shelterNetCost)).toBe(320000);
    expect(n(y2031.housingFirst.programmeCost)).toBe(0);
  });

  it("relapse 10 % + move-away 10 %: housed share 1, 0.8, 0.64 by year after the move, as k^(t−1) in DK.HOUSINGFIRSTNPV", () => {
    const p = project(resident, { ...hf, relapseRate: 0.1, moveAwayRate: 0.1 });
    expect(p.years.slice(1).map((y) => n(y.housingFirst.housedYears))).toEqual([1, 0.8, 0.64]);
    // Those who left are back at the no-action cost; those housed cost the support.
    const y2031 = p.years[2];
    expect(n(y2031.housingFirst.stayDays)).toBe(0.2 * 365);
    expect(n(y2031.housingFirst.supportExpense)).toBe(0.8 * 73000);
  });

  it("the threshold: 90 nights do not pass 90; 91 nights end at night 91 for the share moved", () => {
    const at90 = project([stay("A", "2029-03-01", "2029-05-30")], hf);
    expect(n(at90.years[1].housingFirst.moves)).toBe(0);
    const at91 = project([stay("A", "2029-03-01", "2029-05-31")], hf);
    expect(n(at91.years[1].housingFirst.moves)).toBe(1);
    expect(n(at91.years[1].housingFirst.stayDays)).toBe(90);
  });

  it("one dwelling a year for ten identical citizens: 1 moves a year; each citizen 10 % moved, 110 nights avoided each", () => {
    const ten = Array.from({ length: 10 }, (_, i) => stay(`C${i}`, "2029-03-01", "2029-09-17")); // 200 nights
    const p = project(ten, { ...hf, horizon: 2, housingPerYear: 1, oneOffCost: 10000 });
    expect(p.years.slice(1).map((y) => n(y.housingFirst.moves))).toEqual([1, 1]);
    expect(n(p.years[1].housingFirst.stayDays)).toBe(2000 - 110);
    expect(n(p.years[1].housingFirst.oneOffCost)).toBe(10000);
  });

  it("growth doubles the moves the dwellings must take: with growth 100 % the cap binds at half the share", () => {
    const ten = Array.from({ length: 10 }, (_, i) => stay(`C${i}`, "2029-03-01", "2029-09-17"));
    const p = project(ten, { ...hf, horizon: 1, housingPerYear: 10, admissionGrowth: 1 });
    expect(n(p.years[1].housingFirst.moves)).toBe(10);
    expect(n(p.years[1].housingFirst.stayDays)).toBe(2 * (2000 - 5 * 110));
  });

  it("rent subsidy and support follow the price indexation", () => {
    const p = project(resident, { ...hf, horizon: 1, rentSubsidy: 15000, rateIndexation: 0.1 });
    expect(n(p.years[1].housingFirst.rentSubsidy)).toBe(16500);
    expect(n(p.years[1].housingFirst.supportExpense)).toBe(80300);
  });
});

describe("the reform's parameters come from the rule data", () => {
  it("the Housing First refund uses the § 85 a share and 24-month window of rules.ts", () => {
    expect(RULE_SETS.NY.aftercare.supportShare.value).toBe("0.5");
    expect(RULE_SETS.NY.aftercare.supportWindowMonths.value).toBe(24);
  });
});
