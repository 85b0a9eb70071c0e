/**
 * The backtest (issue 19, 3) and the published comparison (issue 19, 4). Oracles: a register in
 * steady state, where last year's replay is what happened; the forecast of each year; the demo
 * municipality against the tolerance the backtest itself reports; SPEC 5's published figures.
 */
import { describe, expect, it } from "@jest/globals";
import {
  GAP_FACTOR,
  PUBLISHED_EVALUATIONS,
  compareWithPublished,
  netSavingPerPersonYear,
} from "../src/engine/evaluations";
import { computeForecast } from "../src/engine/forecast";
import {
  DEFAULT_PARAMETERS,
  PARAMETERS,
  defaultCell,
  type ScenarioParameters,
} from "../src/engine/parameters";
import {
  BACKTEST_FIGURES,
  computeBacktest,
  computeProjection,
  differencePercent,
  isProjectionError,
  type Backtest,
  type Projection,
} from "../src/engine/projection";
import type { StayInput } from "../src/engine/shelter";
import { backtest } from "../src/functions/functions";
import { BACKTEST_HEADER } from "../src/functions/scenarioFunctions";
import { fixedPricesSupportOnly, sampleRows, stay, theSamePeopleReturn } from "./fixtures";

function run(stays: StayInput[], p: Partial<ScenarioParameters> = {}): Backtest {
  // The registers' rates do not change: the projection's price indexation neither.
  const result = computeBacktest(stays, { ...DEFAULT_PARAMETERS, rateIndexation: 0, ...p });
  if (isProjectionError(result)) throw new Error(result.message);
  return result;
}

/**
 * A municipality in steady state whose groups behave alike: twenty each of four kinds of citizens in
 * the shelter on the same dates every year (stays across New Year too), and each year sixty new
 * citizens with short stays who never come back. No stay holds the end of February, so a leap
 * year's 29th adds no night the year before did not have. Twenty of a kind give each group the
 * observations an estimate of its own needs.
 */
function steady(years: readonly number[]): StayInput[] {
  const stays: StayInput[] = [];
  for (const y of years)
    for (let k = 0; k < 20; k++) {
      stays.push(stay(`A${k}`, `${y}-10-01`, `${y + 1}-02-01`, 1200, 100));
      stays.push(stay(`A${k}`, `${y}-06-01`, `${y}-06-20`, 1200, 100));
      stays.push(stay(`C${k}`, `${y}-12-20`, `${y + 1}-02-20`, 1300, 50));
      stays.push(stay(`D${k}`, `${y}-03-10`, `${y + 1}-01-05`, 1100));
      stays.push(stay(`E${k}`, `${y}-03-01`, `${y}-09-01`, 1500));
      stays.push(stay(`once-${y}-${k}`, `${y}-11-15`, `${y + 1}-01-20`, 1100));
      stays.push(stay(`once-${y}-${k}-b`, `${y}-07-01`, `${y}-07-02`, 1640, 140));
      stays.push(stay(`once-${y}-${k}-c`, `${y}-04-01`, `${y}-04-21`, 1200));
    }
  return stays;
}

/** The scenario's parameter range as the Scenarier sheet holds it, base year 2030. */
const PARAMETER_RANGE = PARAMETERS.map((p) => [
  p.name,
  p.id === "baseYear" ? 2030 : p.id === "rateIndexation" ? 0 : defaultCell(p),
]);

describe("the backtest: each year projected from the years before it alone", () => {
  const years = [2024, 2025, 2026, 2027, 2028, 2029, 2030];
  const register = steady(years);

  it("holds out every year with four years before it (the three-year user typology and one more): 2028–2030 from a register 2024–2030", () => {
    expect(run(register, { baseYear: 2030 }).years.map((y) => y.year)).toEqual([2028, 2029, 2030]);
    // A one-year typology needs three years before: two years of who came back.
    expect(run(register, { baseYear: 2030, typologyYears: 1 }).years.map((y) => y.year)).toEqual([
      2027, 2028, 2029, 2030,
    ]);
  });

  it("is exact on a register in steady state: users, nights, gross cost, refund NY, net cost and returners", () => {
    for (const y of run(register, { baseYear: 2030 }).years) {
      for (const f of BACKTEST_FIGURES) {
        const d = differencePercent(y.projected[f], y.actual[f]);
        expect([y.year, f, d?.toNumber()]).toEqual([y.year, f, 0]);
      }
      // The actual year is the forecast's year for the same stays.
      const forecast = computeForecast(register, { years: { first: y.year, last: y.year } });
      expect(y.actual.netCost.toNumber()).toBe(forecast.years[0].netCost.toNumber());
      // Eighty citizens come back every year; the new ones never.
      expect(y.actual.returners).toBe(80);
      expect(y.actual.users).toBe(80 + 60 + 20); // and last year's New Year guests
    }
  });

  it("the money and nights stay exact whoever comes back: the no-action path is the replay", () => {
    const mixed = [
      ...register,
      // A short-stay citizen who comes back every year sits among the ones who never do.
      ...years.map((y) => stay("B", `${y}-03-05`, `${y}-05-01`, 1500)),
    ];
    for (const y of run(mixed, { baseYear: 2030 }).years)
      for (const f of ["nights", "gross", "refundNy", "netCost"] as const)
        expect(differencePercent(y.projected[f], y.actual[f])!.toNumber()).toBe(0);
  });

  it("a register of four years is too short: no line, and DK.HOUSINGFIRSTBACKTEST says why", () => {
    const short = steady([2027, 2028, 2029, 2030]);
    expect(run(short, { baseYear: 2030 }).years).toEqual([]);
    const col = <T>(xs: readonly T[]) => xs.map((x) => [x]);
    const out = backtest(
      col(short.map((s) => s.citizen)),
      col(short.map((s) => s.admission)),
      col(short.map((s) => s.discharge ?? "")),
      col(short.map((s) => s.dailyRate)),
      col(short.map((s) => s.selfPayment)),
      PARAMETER_RANGE
    ) as { code: string; message: string };
    expect(out.code).toBe("#N/A");
    expect(out.message).toMatch(/mindst 5 kalenderår/);
  });

  it("DK.HOUSINGFIRSTBACKTEST: a header, one row per year held out with projected, actual and the difference in %, then the rows left out", () => {
    const col = <T>(xs: readonly T[]) => xs.map((x) => [x]);
    const table = backtest(
      col(register.map((s) => s.citizen)),
      col(register.map((s) => s.admission)),
      col(register.map((s) => s.discharge ?? "")),
      col(register.map((s) => s.dailyRate)),
      col(register.map((s) => s.selfPayment)),
      PARAMETER_RANGE
    ) as unknown[][];
    expect(table[0]).toEqual([...BACKTEST_HEADER]);
    expect(table[0].slice(0, 4)).toEqual([
      "År",
      "Brugere, fremskrevet",
      "Brugere, faktisk",
      "Brugere, forskel i %",
    ]);
    expect(table.slice(1, -1).map((r) => r[0])).toEqual([2028, 2029, 2030]);
    const last = table[table.length - 2];
    const at = (label: string) => last[table[0].indexOf(label)];
    expect(at("Nettoudgift, forskel i %")).toBe(0);
    expect(at("Nettoudgift, faktisk")).toBe(
      computeForecast(register, { years: { first: 2030, last: 2030 } }).years[0].netCost.toNumber()
    );
    expect(table[table.length - 1][0]).toBe("Sprunget over (fejl i rækken)");
  });

  it("on the demo municipality every figure of every year held out is within the backtest's own reported tolerance", () => {
    const stays = sampleRows().stays;
    const result = run(stays);
    expect(result.years.map((y) => y.year)).toEqual([2025, 2026]);
    for (const y of result.years)
      for (const f of BACKTEST_FIGURES) {
        const d = differencePercent(y.projected[f], y.actual[f])!.abs().toNumber();
        expect([y.year, f, d <= y.tolerance[f]]).toEqual([y.year, f, true]);
      }
  });
});

describe("the municipality's figures beside the published evaluations", () => {
  it("holds SPEC 5's published figures with their sources: VIVE 58 000 kr. and 106 000 kr. per person, Hjørring 3,3 kr. per krone over 10 years and break-even in year 2", () => {
    const byId = Object.fromEntries(PUBLISHED_EVALUATIONS.map((e) => [e.id, e]));
    expect(byId.vive2020).toMatchObject({ figure: "perPersonYear", value: 58_000 });
    expect(byId.vive2020seed).toMatchObject({ figure: "perPersonYear", value: 106_000 });
    expect(byId.hjoerring2023).toMatchObject({ figure: "ratio10", value: 3.3, breakEvenYear: 2 });
    for (const e of PUBLISHED_EVALUATIONS) expect(e.source.length).toBeGreaterThan(20);
  });

  // Z has been in the shelter since mid-2028 and stays (an open stay); housed on 1 January 2030.
  const resident = [stay("Z", "2028-06-01", null)];
  const p: ScenarioParameters = {
    ...DEFAULT_PARAMETERS,
    ...fixedPricesSupportOnly,
    ...theSamePeopleReturn,
    baseYear: 2029,
    horizon: 3,
    shareMoved: 1,
    housingPerYear: 10,
    relapseRate: 0,
    moveAwayRate: 0,
    supportCost: 73000,
    discountRate: 0,
  };
  const project = (q: ScenarioParameters): Projection => {
    const r = computeProjection(resident, q);
    if (isProjectionError(r)) throw new Error(r.message);
    return r;
  };

  it("the net saving per housed person-year: Σ (shelter cost saved − programme cost) / Σ person-years housed", () => {
    const projection = project(p);
    // 2030–2032: 320 000 + 320 000 + 321 000 saved; 36 500 + 36 500 + 73 200 for the programme; 3 years.
    expect(netSavingPerPersonYear(projection)!.toNumber()).toBeCloseTo(
      (320000 + 320000 + 321000 - 36500 - 36500 - 73200) / 3,
      6
    );
    expect(netSavingPerPersonYear(project({ ...p, shareMoved: 0 }))).toBeNull();
  });

  it(`says plainly when a figure is more than ${GAP_FACTOR} times, or less than half of, every published one`, () => {
    const projection = project(p);
    const [perPerson, ratio] = compareWithPublished(projection, project({ ...p, horizon: 10 }));
    // About 271 600 kr. a person-year: more than twice both 58 000 and 106 000.
    expect(perPerson).toMatchObject({ figure: "perPersonYear", verdict: "above" });
    expect(perPerson.own).toBe(271_600);
    expect(ratio.figure).toBe("ratio10");
    const cheap = compareWithPublished(
      project({ ...p, supportCost: 1_900_000 }),
      project({ ...p, supportCost: 1_900_000, horizon: 10 })
    );
    expect(cheap[0].verdict).toBe("below");
    expect(cheap[1].verdict).toBe("below");
    const alike = compareWithPublished(
      project({ ...p, supportCost: 320_000 }),
      project({ ...p, supportCost: 320_000, horizon: 10 })
    );
    // 320 000 − 36 500·(320/73)… per person-year: between half and twice at least one figure.
    expect(alike[0].verdict).toBe("within");
  });
});
