import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import {
  Decimal,
  allocateOre,
  dec,
  exactOre,
  formatKr,
  kronerFromOre,
  kronerNumber,
  refundOre,
  roundOre,
  shareOf,
  sum,
} from "../src/engine/money";

describe("money to the øre", () => {
  it("rounds half up at the half-øre where binary floats drift", () => {
    // 1.005 is 1.00499999… as a binary float: the naive rounding loses the øre.
    expect(Math.round(1.005 * 100) / 100).toBe(1); // the drift this module avoids
    expect(roundOre(dec(1.005)).toFixed(2)).toBe("1.01");
    expect(roundOre(dec(1000.01).times("0.5")).toFixed(2)).toBe("500.01");
    expect(roundOre(dec("1.005")).toFixed(2)).toBe("1.01");
    expect(roundOre(dec("-1.005")).toFixed(2)).toBe("-1.01");
  });

  it("formats Danish kroner", () => {
    expect(formatKr(dec(15500))).toBe("15.500,00 kr.");
    expect(formatKr(dec("1188.4434"))).toBe("1.188,44 kr.");
    expect(formatKr(dec("-3749.47"))).toBe("-3.749,47 kr.");
  });

  it("allocates a rounded total over parts that add up exactly", () => {
    expect(allocateOre(dec("0.01"), [1, 1]).map((x) => x.toFixed(2))).toEqual(["0.01", "0.00"]);
    expect(allocateOre(dec("100.00"), [1, 1, 1]).map((x) => x.toFixed(2))).toEqual([
      "33.34",
      "33.33",
      "33.33",
    ]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 8 }),
        (ore, weights) => {
          const total = dec(ore).dividedBy(100);
          const parts = allocateOre(total, weights);
          const allZero = weights.every((w) => w === 0);
          return (
            allZero ||
            (sum(parts).equals(total) &&
              parts.every((p) => p.times(100).isInteger() && !p.isNegative()))
          );
        }
      )
    );
  });
});

describe("refundOre: the integer hot path agrees with decimal.js", () => {
  it("on random 2-decimal amounts, including half-øre boundaries", () => {
    const half = shareOf("0.5");
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500_000 }),
        fc.integer({ min: 0, max: 50_000 }),
        fc.integer({ min: 0, max: 4000 }),
        (rateOre, selfOre, days) => {
          const rate = rateOre / 100;
          const self = selfOre / 100;
          const expected = roundOre(
            Decimal.max(0, dec(rate).minus(dec(self)))
              .times("0.5")
              .times(days)
          )
            .times(100)
            .toNumber();
          return refundOre(rate, self, days, half) === expected;
        }
      )
    );
  });
  it("exactOre takes 2-decimal cells and leaves others to the decimal path", () => {
    expect(exactOre(1234.56)).toBe(123456);
    expect(exactOre(0.1 + 0.2)).toBeUndefined(); // 0.30000000000000004 is not a 2-decimal amount
    expect(exactOre(1000.005)).toBeUndefined();
  });
});

describe("allocateOre breaks ties exactly", () => {
  it("equal remainders go to the earlier part, however long their decimals run (a case fast-check found)", () => {
    const parts = allocateOre(
      dec(8220787586).dividedBy(100),
      [290, 157, 53, 370, 20, 316, 99, 346, 295, 34, 124, 129]
    );
    // Parts 0 and 1 both have remainder 957/2233; the last øre goes to part 0.
    expect(parts.slice(0, 2).map((p) => p.times(100).toNumber())).toEqual([1067634752, 577995365]);
  });
});

describe("kronerNumber = kronerFromOre(ore).toNumber(), without a Decimal", () => {
  it("every safe integer of øre, and the edges", () => {
    const same = (ore: number) => expect(kronerNumber(ore)).toBe(kronerFromOre(ore).toNumber());
    for (const ore of [0, 1, 5, 99, 100, 101, 100_005, -1, -100_005]) same(ore);
    for (const ore of [Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER]) same(ore);
    fc.assert(fc.property(fc.maxSafeInteger(), same), { numRuns: 5_000 });
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000_000 }), same), { numRuns: 5_000 });
  });
});
