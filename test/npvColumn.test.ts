/**
 * DK.HOUSINGFIRSTNPV over a whole column in one linear pass (issue 23): the doubles' answer is
 * the exact decimals' øre, over 1 048 576 filled years against a straightforward sum, and on
 * random cases against evaluateInvestment; where the doubles cannot be sure, the decimals answer.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { evaluateInvestment, isInvestmentError } from "../src/engine/investment";
import { Decimal, dec, roundOre } from "../src/engine/money";
import { npvInOre } from "../src/engine/npvColumn";
import { seededRandom } from "../src/engine/random";
import { housingFirstNpv } from "../src/functions/functions";

const WHOLE_COLUMN = 1_048_576;

/** A column of `n` amounts in whole øre, as Excel passes it. */
function column(n: number, seed: number, max: number): { cells: number[][]; ore: bigint[] } {
  const rand = seededRandom(seed);
  const cells: number[][] = [];
  const ore: bigint[] = [];
  for (let t = 0; t < n; t++) {
    const o = Math.round(rand() * max * 100);
    cells.push([o / 100]);
    ore.push(BigInt(o));
  }
  return { cells, ore };
}

/** The exact NPV by the decimals, rounded to øre. */
function exact(rate: number, costs: number[], savings: number[], relapse = 0, moveAway = 0) {
  const r = evaluateInvestment({
    rate: dec(rate),
    costs: costs.map((x) => dec(x)),
    savings: savings.map((x) => dec(x)),
    relapseRate: dec(relapse),
    moveAwayRate: dec(moveAway),
  });
  if (isInvestmentError(r)) throw new Error(r.message);
  return roundOre(r.npv).toNumber();
}

describe("DK.HOUSINGFIRSTNPV over a whole column", () => {
  it("1 048 576 years at a rate of 0: the straightforward sum of savings − costs, to the øre", () => {
    const costs = column(WHOLE_COLUMN, 1, 90_000);
    const savings = column(WHOLE_COLUMN, 2, 100_000);
    let sum = 0n;
    for (let t = 0; t < WHOLE_COLUMN; t++) sum += savings.ore[t] - costs.ore[t];
    const npv = housingFirstNpv(0, costs.cells, savings.cells);
    expect(npv).toBe(Number(sum) / 100);
    expect(Math.abs(npv as number)).toBeGreaterThan(1e9);
  });

  it("1 048 576 years at 3,5 % with 5 % relapse: the straightforward discounted sum in decimals", () => {
    const costs = column(WHOLE_COLUMN, 3, 90_000);
    const savings = column(WHOLE_COLUMN, 4, 100_000);
    // Year by year, each term divided by (1 + rate)^t and weighed by k^(t−1), in 40 digits: once
    // a term is below 10^-30 kr. so are all after it, and the sum stops changing.
    const k = dec(0.95);
    const growth = dec(1.035);
    let share = dec(1);
    let discount = dec(1);
    let sum = new Decimal(0);
    for (let t = 0; t < WHOLE_COLUMN; t++) {
      discount = discount.times(growth);
      const term = share
        .times(dec(savings.cells[t][0]).minus(costs.cells[t][0]))
        .dividedBy(discount);
      if (term.abs().lt(1e-30)) break;
      sum = sum.plus(term);
      share = share.times(k);
    }
    expect(housingFirstNpv(0.035, costs.cells, savings.cells, 0.05)).toBe(roundOre(sum).toNumber());
  });

  it("equals the decimals' øre on random cases, and is sure of it nearly always", () => {
    let sure = 0;
    let cases = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: -5000, max: 10000 }).map((bp) => bp / 10000),
        fc.integer({ min: 0, max: 5000 }).map((bp) => bp / 10000),
        fc.array(
          fc.tuple(
            fc.integer({ min: -1e9, max: 1e9 }).map((o) => o / 100),
            fc.integer({ min: -1e9, max: 1e9 }).map((o) => o / 100)
          ),
          { minLength: 1, maxLength: 300 }
        ),
        (rate, relapse, years) => {
          const costs = years.map(([c]) => c);
          const savings = years.map(([, s]) => s);
          const fast = npvInOre(1 + rate, 1 - relapse, costs, savings);
          cases++;
          if (fast === undefined) return;
          sure++;
          expect(fast).toBe(exact(rate, costs, savings, relapse));
          expect(
            housingFirstNpv(
              rate,
              costs.map((c) => [c]),
              savings.map((s) => [s]),
              relapse
            )
          ).toBe(fast);
        }
      ),
      { numRuns: 500, seed: 23 }
    );
    expect(sure / cases).toBeGreaterThan(0.95);
  });

  it("leaves the decimals to answer a tie at half an øre, and errors as before", () => {
    // 0,005 kr. exactly: half an øre, rounded away from zero by the decimals.
    expect(npvInOre(1, 1, [0], [0.005])).toBeUndefined();
    expect(housingFirstNpv(0, [[0]], [[0.005]])).toBe(0.01);
    expect(housingFirstNpv(0, [[0]], [[-0.005]])).toBe(-0.01);
    // Text amounts, errors and mismatched ranges take the decimals' path with its messages.
    expect(housingFirstNpv(0.035, [["1.000,50"]], [[2000]])).toBe(exact(0.035, [1000.5], [2000]));
    expect(housingFirstNpv(0.035, [[1], [2]], [[3]])).toMatchObject({ code: "#VALUE!" });
    expect(housingFirstNpv(-1, [[1]], [[3]])).toMatchObject({ code: "#VALUE!" });
  });
});
