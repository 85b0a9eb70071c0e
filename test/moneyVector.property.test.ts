/**
 * The money vector builder (src/engine/projection/moneyVector.ts) against sums kept in a plain
 * map: the same entries, counts and order of first addition, whatever the number of entries (its
 * table and arrays grow), for builders taken again from the pool, and for amounts beyond the
 * distinct values a double key holds.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import {
  E_LAG,
  E_N,
  E_NIGHTS,
  E_ODD_NIGHTS,
  E_ODD_REFUND,
  E_RATE,
  E_REFUND,
  E_SELF,
  E_YEAR,
  STRIDE,
  vectorBuilder,
} from "../src/engine/projection/moneyVector";

interface Add {
  n: number;
  lag: number;
  t: number;
  rate: number;
  self: number;
  sign: 1 | -1;
  nights: number;
  refund: number;
}

/** The vector as rows of numbers, in the builder's layout. */
const rows = (v: Float64Array): number[][] =>
  Array.from({ length: v.length / STRIDE }, (_, i) => [
    ...v.subarray(i * STRIDE, (i + 1) * STRIDE),
  ]);

/** What the builder should give: sums per entry in the order of first addition, empty ones left out. */
function reference(adds: readonly Add[]): number[][] {
  const sums = new Map<string, number[]>();
  for (const a of adds) {
    const key = [a.n, a.lag, a.t, a.rate, a.self].join("|");
    let row = sums.get(key);
    if (!row) sums.set(key, (row = [a.n, a.lag, a.t, a.rate, a.self, 0, 0, 0, 0]));
    row[E_NIGHTS] += a.sign * a.nights;
    row[E_REFUND] += a.sign * a.refund;
    row[E_ODD_NIGHTS] += a.sign * (a.nights % 2);
    row[E_ODD_REFUND] += a.sign * (a.refund % 2);
  }
  return [...sums.values()].filter((r) => r.slice(E_NIGHTS).some((x) => x !== 0));
}

function built(values: number, adds: readonly Add[]): number[][] {
  const b = vectorBuilder(values);
  for (const a of adds) {
    b.n = a.n;
    b.lag = a.lag;
    b.add(a.t, a.rate, a.self, a.sign, a.nights, a.refund);
  }
  return rows(b.build());
}

const adds = (values: number, least: number, most: number) =>
  fc.array(
    fc.record({
      n: fc.integer({ min: 0, max: 30 }),
      lag: fc.integer({ min: 0, max: 3 }),
      t: fc.integer({ min: 0, max: 30 }),
      rate: fc.integer({ min: 0, max: values - 1 }),
      self: fc.integer({ min: 0, max: values - 1 }),
      sign: fc.constantFrom(1 as const, -1 as const),
      nights: fc.integer({ min: 0, max: 366 }),
      refund: fc.integer({ min: 0, max: 90 }),
    }),
    { minLength: least, maxLength: most }
  );

describe("money vector builder", () => {
  it("sums each entry once, in the order of first addition, as the adds grow its table", () => {
    fc.assert(
      fc.property(adds(6, 20, 400), (list) => {
        expect(built(6, list)).toEqual(reference(list));
      }),
      { numRuns: 200 }
    );
  });

  it("starts empty when taken again from the pool", () => {
    fc.assert(
      fc.property(adds(4, 0, 60), adds(4, 20, 60), (first, second) => {
        built(4, first);
        expect(built(4, second)).toEqual(reference(second));
      }),
      { numRuns: 100 }
    );
  });

  it("keys amounts beyond what one double holds exactly", () => {
    const values = 2 ** 20;
    fc.assert(
      fc.property(adds(values, 0, 80), (list) => {
        expect(built(values, list)).toEqual(reference(list));
      }),
      { numRuns: 50 }
    );
  });

  it("keeps the fields of an entry in place", () => {
    const v = built(3, [{ n: 2, lag: 1, t: 7, rate: 2, self: 1, sign: -1, nights: 5, refund: 3 }]);
    const at = (i: number) => v[0][i];
    expect([at(E_N), at(E_LAG), at(E_YEAR), at(E_RATE), at(E_SELF)]).toEqual([2, 1, 7, 2, 1]);
    expect([at(E_NIGHTS), at(E_REFUND), at(E_ODD_NIGHTS), at(E_ODD_REFUND)]).toEqual([
      -5, -3, -1, -1,
    ]);
  });
});
