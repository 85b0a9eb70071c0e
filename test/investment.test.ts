/**
 * The Housing First investment case (SPEC 2): DK.HOUSINGFIRSTNPV, DK.HOUSINGFIRSTRATIO and
 * DK.HOUSINGFIRSTBREAKEVEN, checked against Excel's own documented NPV examples, hand-worked
 * cohorts with relapse and move-away, and every bad input as a Danish error value.
 */
import { describe, expect, it } from "@jest/globals";
import { evaluateInvestment, isInvestmentError } from "../src/engine/investment";
import { dec } from "../src/engine/money";
import {
  housingFirstBreakeven,
  housingFirstNpv,
  housingFirstRatio,
} from "../src/functions/functions";

type Err = { code: string; message: string };
const row = (...xs: unknown[]) => [xs];
const col = (...xs: unknown[]) => xs.map((x) => [x]);

describe("NPV against Excel's documented NPV examples (support.microsoft.com, NPV function)", () => {
  it("NPV(10 %, -10000, 3000, 4200, 6800) = 1 188,44: an investment of 10 000 in year 1 and savings in years 2-4", () => {
    expect(housingFirstNpv(0.1, row(10000, 0, 0, 0), row(0, 3000, 4200, 6800))).toBe(1188.44);
    // The same flows as columns, and with the outlay written as a negative saving.
    expect(housingFirstNpv(0.1, col(10000, 0, 0, 0), col(0, 3000, 4200, 6800))).toBe(1188.44);
    expect(housingFirstNpv(0.1, row(0, 0, 0, 0), row(-10000, 3000, 4200, 6800))).toBe(1188.44);
  });
  it("NPV(8 %, 8000, 9200, 10000, 12000, 14500) - 40000 = 1 922,06", () => {
    const npv = housingFirstNpv(
      0.08,
      col(0, 0, 0, 0, 0),
      col(8000, 9200, 10000, 12000, 14500)
    ) as number;
    expect(npv - 40000).toBeCloseTo(1922.06, 10);
  });
  it("NPV(8 %, 8000, 9200, 10000, 12000, 14500, -9000) - 40000 = -3 749,47", () => {
    const npv = housingFirstNpv(
      0.08,
      row(0, 0, 0, 0, 0, 9000),
      row(8000, 9200, 10000, 12000, 14500, 0)
    ) as number;
    expect(npv - 40000).toBeCloseTo(-3749.47, 10);
  });
  it("a blank year counts as 0: NPV(10 %, ...) with blank years is still 1 188,44 (Excel's NPV would skip the blanks and shift later years)", () => {
    expect(housingFirstNpv(0.1, row(10000, "", null, ""), row("", 3000, 4200, 6800))).toBe(1188.44);
  });
});

describe("the cohort still housed: k^(t-1) with k = 1 - relapse - move-away", () => {
  it("rate 0, net 200 a year for 2 years, relapse 10 % and move-away 10 %: 200 + 0,8 × 200 = 360,00", () => {
    expect(housingFirstNpv(0, row(100, 100), row(300, 300), 0.1, 0.1)).toBe(360);
  });
  it("rate 10 %: 200/1,1 + 160/1,21 = 314,05", () => {
    expect(housingFirstNpv(0.1, row(100, 100), row(300, 300), 0.1, 0.1)).toBe(314.05);
  });
  it("relapse + move-away = 100 %: only year 1 counts (181,82)", () => {
    expect(housingFirstNpv(0.1, row(100, 100, 100), row(300, 300, 300), 0.6, 0.4)).toBe(181.82);
  });
  it("the engine's years: housed share, present values and the cumulative net", () => {
    const r = evaluateInvestment({
      rate: dec(0),
      costs: [dec(100), dec(100)],
      savings: [dec(50), dec(300)],
      relapseRate: dec(0.2),
      moveAwayRate: dec(0.05),
    });
    if (isInvestmentError(r)) throw new Error(r.message);
    expect(r.years.map((y) => [y.housedShare.toString(), y.cumulativeNet.toString()])).toEqual([
      ["1", "-50"],
      ["0.75", "100"],
    ]);
    expect(r.npv.toString()).toBe("100");
    expect(r.breakEvenYear).toBe(2);
  });
});

describe("HOUSINGFIRSTRATIO: PV(savings) / PV(costs)", () => {
  it("Excel's 10 % example: (3000/1,1² + 4200/1,1³ + 6800/1,1⁴) / (10000/1,1) = 1,1307287753568…", () => {
    const expected = (3000 / 1.1 ** 2 + 4200 / 1.1 ** 3 + 6800 / 1.1 ** 4) / (10000 / 1.1);
    expect(housingFirstRatio(0.1, row(10000, 0, 0, 0), row(0, 3000, 4200, 6800))).toBeCloseTo(
      expected,
      12
    );
  });
  it("Hjørring-like return of 3,3 per krone at rate 0: costs 100 000 in year 1, savings 33 000 a year for 10 years", () => {
    expect(
      housingFirstRatio(0, row(100000, ...Array(9).fill(0)), row(...Array(10).fill(33000)))
    ).toBe(3.3);
  });
  it("PV(costs) = 0 gives a Danish #N/A (no ratio is available), not #DIV/0! or Infinity", () => {
    expect(housingFirstRatio(0.1, row(0, 0), row(100, 100))).toMatchObject({
      code: "#N/A",
      message: "Nutidsværdien af udgifterne er 0, så forholdet kan ikke beregnes",
    });
  });
});

describe("HOUSINGFIRSTBREAKEVEN: the first year with cumulative discounted net >= 0", () => {
  it("Excel's 10 % example breaks even in year 4 (cumulative -9 090,91; -6 611,57; -3 456,05; +1 188,44)", () => {
    expect(housingFirstBreakeven(0.1, row(10000, 0, 0, 0), row(0, 3000, 4200, 6800))).toBe(4);
  });
  it("a cohort that pays back in year 2: cost 100 000 then 40 000 a year, savings 106 000 a year, rate 3,5 %", () => {
    expect(
      housingFirstBreakeven(0.035, row(100000, 40000, 40000), row(60000, 106000, 106000))
    ).toBe(2);
  });
  it("a year with net exactly 0 counts as break-even (>= 0): year 1", () => {
    expect(housingFirstBreakeven(0.05, row(500, 500), row(500, 400))).toBe(1);
  });
  it("never paying back is #N/A with a Danish message", () => {
    expect(housingFirstBreakeven(0.1, row(10000, 0, 0, 0), row(0, 3000, 4200, 100))).toMatchObject({
      code: "#N/A",
      message: "Indsatsen tjener sig ikke hjem inden for de 4 år",
    });
  });
  it("relapse can move break-even later: 0 % breaks even in year 3, 30 % never within 3 years", () => {
    const args = [0, row(1000, 0, 0), row(0, 600, 600)] as const;
    expect(housingFirstBreakeven(...args, 0)).toBe(3);
    expect(housingFirstBreakeven(...args, 0.3)).toMatchObject({ code: "#N/A" });
  });
});

describe("bad input: one Danish error from each of the three functions, never NaN or Infinity", () => {
  const fns = [housingFirstNpv, housingFirstRatio, housingFirstBreakeven];
  it.each([
    [
      "a rate of -100 %",
      [-1, row(1), row(2)],
      "#VALUE!",
      /Diskonteringsrenten skal være større end -100 % \(fik -1\)/,
    ],
    ["a rate below -100 %", [-1.5, row(1), row(2)], "#VALUE!", /større end -100 %/],
    [
      "a negative relapse rate",
      [0.1, row(1), row(2), -0.1],
      "#VALUE!",
      /Tilbagefaldsraten må ikke være negativ/,
    ],
    [
      "a negative move-away rate",
      [0.1, row(1), row(2), 0, -0.01],
      "#VALUE!",
      /Fraflytningsraten må ikke være negativ/,
    ],
    [
      "relapse + move-away above 100 %",
      [0.1, row(1), row(2), 0.7, 0.4],
      "#VALUE!",
      /Tilbagefald \+ fraflytning må højst være 100 % pr\. år \(fik 0\.7 \+ 0\.4\)/,
    ],
    [
      "costs and savings of different lengths",
      [0.1, row(1, 2, 3), row(1, 2, 3, 4)],
      "#VALUE!",
      /lige mange år \(udgifter har 3, besparelser har 4\)/,
    ],
    [
      "a 2-D range of costs",
      [
        0.1,
        [
          [1, 2],
          [3, 4],
        ],
        row(1, 2),
      ],
      "#VALUE!",
      /Udgifter: området skal være én række eller én kolonne \(det har 2 × 2 celler\)/,
    ],
    [
      "a 2-D range of savings",
      [
        0.1,
        row(1, 2),
        [
          [1, 2],
          [3, 4],
        ],
      ],
      "#VALUE!",
      /Besparelser: området skal være én række eller én kolonne/,
    ],
    [
      "text in a year",
      [0.1, row(1, "mange", 3), row(1, 2, 3)],
      "#VALUE!",
      /Udgifter, år 2: «mange» er ikke et tal/,
    ],
    [
      "a boolean in a year",
      [0.1, row(1, 2), row(true, 2)],
      "#VALUE!",
      /Besparelser, år 1: SAND\/FALSK/,
    ],
    [
      "an error value in a year",
      [0.1, row(1, 2), row(1, { code: "#DIV/0!" })],
      "#VALUE!",
      /Besparelser, år 2: cellen indeholder fejlen #DIV\/0!/,
    ],
    [
      "text as the rate with a decimal point",
      ["3.5 %", row(1), row(2)],
      "#VALUE!",
      /Diskonteringsrente: «3.5 %» har punktum som decimaltegn: skriv 3,5/,
    ],
    [
      "text as the rate that is no number",
      ["lav", row(1), row(2)],
      "#VALUE!",
      /Diskonteringsrente: «lav» er ikke et tal/,
    ],
    ["a blank rate", ["", row(1), row(2)], "#VALUE!", /Diskonteringsrente mangler/],
    [
      "a range as the rate",
      [col(0.1, 0.2), row(1), row(2)],
      "#VALUE!",
      /Diskonteringsrente skal være én celle/,
    ],
    [
      "text as the relapse rate",
      [0.1, row(1), row(2), "høj"],
      "#VALUE!",
      /Tilbagefaldsrate: «høj» er ikke et tal/,
    ],
  ])("%s", (_, args, code, message) => {
    for (const fn of fns) {
      const out = (fn as (...a: unknown[]) => unknown)(...(args as unknown[])) as Err;
      expect(out.code).toBe(code);
      expect(out.message).toMatch(message);
    }
  });

  it("a result too large for a cell is #VALUE!, not Infinity: rate -99,9 % over 200 years", () => {
    const years = Array(200).fill(1);
    const out = housingFirstNpv(-0.999, row(...years.map(() => 0)), row(...years));
    expect(out).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/for stort/) });
  });
});
