/**
 * The uncertainty runs' arguments checked at the engine's door (issue 25, item 5): draw counts,
 * seeds and low–high ranges the pane refuses are refused by runMonteCarlo, tornado and
 * switchingValues too, with the pane's words, before any draw is made; never a RangeError, a NaN,
 * an out-of-memory or a seed taken as 0 or modulo 2³².
 */
import { describe, expect, it } from "@jest/globals";
import {
  DEFAULT_PARAMETERS,
  type ParameterRanges,
  type ScenarioParameters,
} from "../src/engine/parameters";
import type { StayInput } from "../src/engine/shelter";
import { runMonteCarlo, switchingValues, tornado } from "../src/engine/uncertainty";
import {
  MAX_DRAWS,
  MAX_SEED,
  MIN_DRAWS,
  drawsProblem,
  rangesProblem,
  seedProblem,
} from "../src/engine/uncertainty";
import { typedNumber } from "../taskpane/uncertainty/UncertaintyPanel";
import { fixedPricesSupportOnly, stay, theSamePeopleReturn } from "./fixtures";

const stays: StayInput[] = [
  stay("R1", "2027-03-01", null, 1500, 100),
  stay("E", "2028-02-01", "2028-02-20", 1300),
  stay("S1", "2029-05-01", "2029-05-09", 1200),
];
const base: ScenarioParameters = {
  ...DEFAULT_PARAMETERS,
  ...fixedPricesSupportOnly,
  baseYear: 2029,
  horizon: 3,
  ...theSamePeopleReturn,
};

const BAD_DRAWS = {
  code: "#VALUE!",
  message: "Antal træk skal være et helt tal fra 100 til 20.000",
  en: "Draws must be a whole number from 100 to 20,000",
  problem: { id: "drawsInvalid", min: 100, max: 20_000 },
};
const BAD_SEED = {
  code: "#VALUE!",
  message: "Frøet skal være et helt tal fra 0 til 4.294.967.295",
  en: "The seed must be a whole number from 0 to 4,294,967,295",
  problem: { id: "seedInvalid", max: 4_294_967_295 },
};

/** A run that must be refused at the door: every draw asked about is a failure. */
function refusedRun(draws: unknown, seed: unknown, ranges?: ParameterRanges) {
  let projected = 0;
  const result = runMonteCarlo(stays, base, {
    draws: draws as number,
    seed: seed as number,
    ...(ranges && { ranges }),
    cancelled: () => (projected++, false),
  });
  expect(projected).toBe(0);
  return result;
}

describe("draw counts at the engine's door", () => {
  it.each([
    ["−1", -1],
    ["NaN", NaN],
    ["1.5", 1.5],
    ["0", 0],
    ["10⁹", 1e9],
    ["99", 99],
    ["20 001", 20_001],
    ["Infinity", Infinity],
    ['"1000" (text)', "1000"],
    ["null", null],
  ])("%s draws: the pane's message, no draw made", (_, draws) => {
    expect(refusedRun(draws, 7)).toEqual(BAD_DRAWS);
  });

  it("100 and 20 000 draws are the ends the pane allows", () => {
    expect(drawsProblem(MIN_DRAWS)).toBeUndefined();
    expect(drawsProblem(MAX_DRAWS)).toBeUndefined();
    expect([MIN_DRAWS, MAX_DRAWS]).toEqual([100, 20_000]);
    const run = runMonteCarlo(stays, base, { draws: 100, seed: 7 });
    expect(run !== null && "draws" in run && run.draws).toBe(100);
  });
});

describe("seeds at the engine's door", () => {
  it.each([
    ['"abc"', "abc"],
    ["NaN", NaN],
    ["Infinity", Infinity],
    ["2³² + 7", 2 ** 32 + 7],
    ["2³²", 2 ** 32],
    ["−1", -1],
    ["0.5", 0.5],
    ["undefined", undefined],
  ])("seed %s: the pane's message, no draw made", (_, seed) => {
    expect(refusedRun(1000, seed)).toEqual(BAD_SEED);
  });

  it("0 and 2³² − 1 are seeds, and 2³² − 1 is not the same run as 7 (no seed is taken modulo 2³²)", () => {
    expect(seedProblem(0)).toBeUndefined();
    expect(seedProblem(MAX_SEED)).toBeUndefined();
    const run = (seed: number) => {
      const r = runMonteCarlo(stays, base, { draws: 100, seed });
      if (r === null || "code" in r) throw new Error("refused");
      return r;
    };
    const top = run(MAX_SEED);
    expect(top.seed).toBe(4_294_967_295);
    expect(top.npv).not.toEqual(run(7).npv);
  });

  it("a bad draw count is named before a bad seed: the first problem, as the pane lists them", () => {
    expect(refusedRun(0, "abc")).toEqual(BAD_DRAWS);
  });
});

describe("ranges at the engine's door (runMonteCarlo, tornado, switchingValues)", () => {
  const cases: [string, ParameterRanges, string][] = [
    [
      "low above high",
      { supportCost: { low: 140_000, high: 130_000, source: "Budget" } },
      "«Bostøtte pr. år»: lav (140.000 kr./år) må ikke være større end høj (130.000 kr./år)",
    ],
    [
      "NaN",
      { supportCost: { low: NaN, high: 130_000 } },
      "«Bostøtte pr. år»: lav NaN er ikke et gyldigt tal",
    ],
    [
      "Infinity",
      { supportCost: { low: 40_000, high: Infinity } },
      "«Bostøtte pr. år»: høj Infinity er ikke et gyldigt tal",
    ],
    [
      "outside the allowed values",
      { relapseRate: { low: -0.1, high: 0.2, source: "Skøn" } },
      "«Tilbagefald pr. år»: lav skal ligge fra 0 % og højst 100 % (fik -10 %)",
    ],
    [
      "text for a number",
      { supportCost: { low: "40000" as unknown as number, high: 130_000 } },
      "«Bostøtte pr. år»: lav «40000» er ikke et tal",
    ],
    [
      "the base year, which has no range",
      { baseYear: { low: 2020, high: 2024 } },
      "«Basisår»: har intet spænd (lav og høj skal være tomme)",
    ],
    [
      "an unknown parameter",
      { nonsense: { low: 0, high: 1 } } as unknown as ParameterRanges,
      "«nonsense» er ikke en parameter",
    ],
  ];

  it.each(cases)("%s: the Scenarier sheet's message from every door", (_, ranges, message) => {
    const refused = {
      code: "#VALUE!",
      message,
      en: expect.any(String),
      problem: expect.anything(),
    };
    expect(rangesProblem(ranges)).toEqual(refused);
    expect(refusedRun(1000, 7, ranges)).toEqual(refused);
    let steps = 0;
    const options = { ranges, onParameter: () => steps++ };
    expect(tornado(stays, base, options)).toEqual(refused);
    expect(switchingValues(stays, base, options)).toEqual(refused);
    expect(steps).toBe(0);
  });

  it("every problem is named, in Danish and English", () => {
    const refused = rangesProblem({
      supportCost: { low: 140_000, high: 130_000, source: "Budget" },
      horizon: { low: 1.5, high: 4, source: "Plan" },
    });
    expect(refused?.message).toBe(
      "«Bostøtte pr. år»: lav (140.000 kr./år) må ikke være større end høj (130.000 kr./år); «Horisont»: lav skal være et helt tal (fik 1,5 år)"
    );
    expect(refused?.en).toBe(
      "«Bostøtte pr. år» (Support cost per year): low (140,000 kr./year) must not exceed high (130,000 kr./year); «Horisont» (Horizon): low must be a whole number (got 1.5 years)"
    );
  });

  it("accepted: a range without its own source (the registry's is kept), closed on one value, or a register-estimated parameter's", () => {
    expect(
      rangesProblem({
        oneOffCost: { low: 0, high: 1000 },
        supportCost: { low: 85_000, high: 85_000, source: "" },
        returnNextChronic: { low: 0.2, high: 0.6 },
      })
    ).toBeUndefined();
    expect(rangesProblem(undefined)).toBeUndefined();
    expect(rangesProblem({})).toBeUndefined();
  });
});

describe("the pane asks the engine's door", () => {
  it("what the panel refuses, typed as text, is the engine's refusal in the pane's words", () => {
    for (const text of ["-1", "abc", "1,5", "1.5", "0", "1000000000", "", " "])
      expect(typedNumber(text, drawsProblem)).toEqual({ problem: BAD_DRAWS });
    for (const text of ["abc", "Infinity", "4294967303", "-1", ""])
      expect(typedNumber(text, seedProblem)).toEqual({ problem: BAD_SEED });
    expect(typedNumber(" 1000 ", drawsProblem)).toEqual({ value: 1000 });
    expect(typedNumber("0", seedProblem)).toEqual({ value: 0 });
    expect(typedNumber("4294967295", seedProblem)).toEqual({ value: MAX_SEED });
  });
});
