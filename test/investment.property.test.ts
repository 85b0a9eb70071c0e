/**
 * Properties of the Housing First investment engine on random cohorts, and Excel's NPV
 * (as documented: Σ value_i / (1 + rate)^i, in floating point) as an independent oracle.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import {
  evaluateInvestment,
  isInvestmentError,
  type InvestmentInput,
  type InvestmentResult,
} from "../src/engine/investment";
import { MAX_EXACT_KRONER, dec, roundOre } from "../src/engine/money";
import {
  housingFirstBreakeven,
  housingFirstNpv,
  housingFirstRatio,
} from "../src/functions/functions";

/** Excel's NPV, as Excel computes it: doubles, end-of-period discounting. */
function excelNpv(rate: number, values: number[]): number {
  return values.reduce((acc, v, i) => acc + v / (1 + rate) ** (i + 1), 0);
}

function run(input: InvestmentInput): InvestmentResult {
  const r = evaluateInvestment(input);
  if (isInvestmentError(r)) throw new Error(r.message);
  return r;
}

/** Amounts in whole øre up to 1 mio. kr, as a budget sheet holds them. */
const amountArb = fc.integer({ min: -100_000_000, max: 100_000_000 }).map((ore) => ore / 100);
const nonNegativeArb = fc.integer({ min: 0, max: 100_000_000 }).map((ore) => ore / 100);
/** Rates in basis points, -50 % .. 50 %. */
const rateArb = fc.integer({ min: -5000, max: 5000 }).map((bp) => bp / 10000);
const shareArb = fc.integer({ min: 0, max: 10000 }).map((bp) => bp / 10000);

const input = (
  rate: number,
  costs: number[],
  savings: number[],
  relapse = 0,
  moveAway = 0
): InvestmentInput => ({
  rate: dec(rate),
  costs: costs.map((c) => dec(c)),
  savings: savings.map((s) => dec(s)),
  relapseRate: dec(relapse),
  moveAwayRate: dec(moveAway),
});

/** Two flows of one length, 1..30 years. */
const flowsArb = (cost: fc.Arbitrary<number>, saving: fc.Arbitrary<number>) =>
  fc
    .integer({ min: 1, max: 30 })
    .chain((n) =>
      fc.tuple(
        fc.array(cost, { minLength: n, maxLength: n }),
        fc.array(saving, { minLength: n, maxLength: n })
      )
    );

describe("with relapse and move-away 0 the NPV is Excel's NPV of the net flows", () => {
  it("at the scale of Excel's examples (up to 10 000 kr a year, 10 years, rates 0-20 %) the engine's unrounded NPV equals Excel's NPV(rate, savings - costs) to 1e-9", () => {
    const small = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((ore) => ore / 100);
    const flows = fc
      .integer({ min: 1, max: 10 })
      .chain((n) =>
        fc.tuple(
          fc.array(small, { minLength: n, maxLength: n }),
          fc.array(small, { minLength: n, maxLength: n })
        )
      );
    const rate = fc.integer({ min: 0, max: 2000 }).map((bp) => bp / 10000);
    fc.assert(
      fc.property(rate, flows, (r, [costs, savings]) => {
        const npv = run(input(r, costs, savings)).npv.toNumber();
        const net = savings.map((s, i) => s - costs[i]);
        expect(Math.abs(npv - excelNpv(r, net))).toBeLessThanOrEqual(1e-9);
      }),
      { numRuns: 1000 }
    );
  });
  it("for any flows (up to 1 mio. kr, 30 years, rates -50..50 %) it agrees to 1e-9 of the flows' discounted size (Excel's doubles lose more)", () => {
    fc.assert(
      fc.property(rateArb, flowsArb(amountArb, amountArb), (rate, [costs, savings]) => {
        const npv = run(input(rate, costs, savings)).npv.toNumber();
        const net = savings.map((s, i) => s - costs[i]);
        const size = excelNpv(
          rate,
          savings.map((s, i) => Math.abs(s) + Math.abs(costs[i]))
        );
        expect(Math.abs(npv - excelNpv(rate, net))).toBeLessThanOrEqual(1e-9 * Math.max(1, size));
      }),
      { numRuns: 500 }
    );
  });
  it("HOUSINGFIRSTNPV is that NPV rounded to øre, whether the years are a row or a column", () => {
    fc.assert(
      fc.property(rateArb, flowsArb(amountArb, amountArb), (rate, [costs, savings]) => {
        const exact = roundOre(run(input(rate, costs, savings)).npv).toNumber();
        // Beyond whole øre in a double (a steep negative rate over many years) it is an error.
        if (Math.abs(exact) > MAX_EXACT_KRONER) {
          expect(housingFirstNpv(rate, [costs], [savings])).toMatchObject({ code: "#VALUE!" });
          return;
        }
        expect(housingFirstNpv(rate, [costs], [savings])).toBe(exact);
        expect(
          housingFirstNpv(
            rate,
            costs.map((c) => [c]),
            savings.map((s) => [s])
          )
        ).toBe(exact);
      }),
      { numRuns: 200 }
    );
  });
});

describe("economic properties", () => {
  it("NPV never rises with the discount rate when every year's net is >= 0", () => {
    const flows = fc
      .integer({ min: 1, max: 30 })
      .chain((n) =>
        fc.tuple(
          fc.array(nonNegativeArb, { minLength: n, maxLength: n }),
          fc.array(nonNegativeArb, { minLength: n, maxLength: n })
        )
      );
    fc.assert(
      fc.property(rateArb, rateArb, shareArb, flows, (r1, r2, relapse, [costs, extra]) => {
        const savings = costs.map((c, i) => c + extra[i]); // net = extra >= 0
        const [low, high] = r1 <= r2 ? [r1, r2] : [r2, r1];
        const a = run(input(low, costs, savings, relapse)).npv;
        const b = run(input(high, costs, savings, relapse)).npv;
        expect(b.lte(a)).toBe(true);
      }),
      { numRuns: 500 }
    );
  });

  it("raising relapse never raises NPV when savings exceed costs every year", () => {
    const flows = fc.integer({ min: 1, max: 30 }).chain((n) =>
      fc.tuple(
        fc.array(nonNegativeArb, { minLength: n, maxLength: n }),
        fc.array(
          fc.integer({ min: 1, max: 100_000_000 }).map((ore) => ore / 100),
          { minLength: n, maxLength: n }
        )
      )
    );
    fc.assert(
      fc.property(
        rateArb,
        shareArb,
        shareArb,
        shareArb,
        flows,
        (rate, x, y, moveAway, [costs, extra]) => {
          const savings = costs.map((c, i) => c + extra[i]);
          const [low, high] = x <= y ? [x, y] : [y, x];
          fc.pre(high + moveAway <= 1);
          const a = run(input(rate, costs, savings, low, moveAway)).npv;
          const b = run(input(rate, costs, savings, high, moveAway)).npv;
          expect(b.lte(a)).toBe(true);
        }
      ),
      { numRuns: 500 }
    );
  });

  it("with costs > 0 the ratio is above 1 exactly when NPV > 0", () => {
    const positiveArb = fc.integer({ min: 1, max: 100_000_000 }).map((ore) => ore / 100);
    fc.assert(
      fc.property(
        rateArb,
        shareArb,
        shareArb,
        flowsArb(positiveArb, nonNegativeArb),
        (rate, relapse, moveAway, [costs, savings]) => {
          fc.pre(relapse + moveAway <= 1);
          const r = run(input(rate, costs, savings, relapse, moveAway));
          expect(r.ratio!.gt(1)).toBe(r.npv.gt(0));
          expect(housingFirstRatio(rate, [costs], [savings], relapse, moveAway)).toBe(
            r.ratio!.toNumber()
          );
        }
      ),
      { numRuns: 500 }
    );
  });

  it("break-even is the first year whose cumulative discounted net is >= 0 (checked with Excel's NPV of the first t years), and exists whenever NPV >= 0", () => {
    fc.assert(
      fc.property(rateArb, flowsArb(nonNegativeArb, nonNegativeArb), (rate, [costs, savings]) => {
        const r = run(input(rate, costs, savings));
        const out = housingFirstBreakeven(rate, [costs], [savings]);
        const net = savings.map((s, i) => s - costs[i]);
        // Far from 0 the float oracle decides; the exact engine decides the ties.
        const prefix = net.map((_, t) => excelNpv(rate, net.slice(0, t + 1)));
        const clear = prefix.findIndex((p) => p >= 1e-6);
        const first = r.years.findIndex((y) => y.cumulativeNet.gte(0));
        if (clear >= 0) expect(first).toBeLessThanOrEqual(clear);
        expect(prefix.slice(0, first < 0 ? net.length : first).every((p) => p < 1e-6)).toBe(true);
        if (first < 0) {
          expect(out).toMatchObject({ code: "#N/A" });
          expect(r.npv.lt(0)).toBe(true);
        } else {
          expect(out).toBe(first + 1);
        }
        expect(r.years[r.years.length - 1].cumulativeNet.eq(r.npv)).toBe(true);
      }),
      { numRuns: 500 }
    );
  });
});
