/**
 * The § 85 a and § 107 interval engine against SPEC 1.2/1.3 read literally, one day at a time,
 * on random histories: an independent oracle for windows, the shared 183 days and periods.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { d, edate } from "../src/engine/calendar";
import {
  computeAccommodationRefunds,
  computeSupportRefunds,
  isAftercareError,
  type AccommodationInput,
  type SupportInput,
} from "../src/engine/aftercare";
import { dec } from "../src/engine/money";
import { RULE_SETS } from "../src/engine/rules";
import type { Period } from "../src/engine/shelter";

const rules = RULE_SETS.NY.aftercare;
const BASE = d("2025-01-01");

const periodArb: fc.Arbitrary<Period> = fc.oneof(
  fc.constant({}),
  fc
    .integer({ min: 0, max: 5 })
    .map((y) => ({ start: d(`${2025 + y}-01-01`), end: d(`${2025 + y}-12-31`) }))
);

/** Days of a row as SPEC counts them: start inclusive, end exclusive, same day = 1. */
function days(start: number, end: number): number[] {
  const out: number[] = [];
  for (let day = start; day < Math.max(end, start + 1); day++) out.push(day);
  return out;
}

const inPeriod = (day: number, p: Period) =>
  (p.start === undefined || day >= p.start) && (p.end === undefined || day <= p.end);

describe("§ 85 a matches a day-by-day count", () => {
  it("refundable days = support days in [discharge, EDATE(discharge, 24)) and in the period, × eligible; amount = 0.5 × cost × days / 365", () => {
    const rowArb = fc.record({
      discharge: fc.integer({ min: 0, max: 700 }),
      startOffset: fc.integer({ min: -60, max: 900 }),
      length: fc.integer({ min: 0, max: 900 }),
      costOre: fc.integer({ min: 0, max: 20_000_000 }),
      eligible: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 8 }), periodArb, (raw, period) => {
        const rows: SupportInput[] = raw
          .map((r) => ({
            firstDischarge: BASE + r.discharge,
            start: BASE + r.discharge + r.startOffset,
            end: BASE + r.discharge + r.startOffset + r.length,
            annualCost: dec(r.costOre / 100),
            eligible: r.eligible,
          }))
          .filter((r) => Math.max(r.end, r.start + 1) > r.firstDischarge); // the engine rejects the rest
        computeSupportRefunds(rows, { period, rules }).forEach((outcome, i) => {
          if (isAftercareError(outcome)) throw new Error(outcome.error.message);
          const row = rows[i];
          const windowEnd = edate(row.firstDischarge, 24);
          const expected = row.eligible
            ? days(row.start, row.end!).filter(
                (day) => day >= row.firstDischarge && day < windowEnd && inPeriod(day, period)
              ).length
            : 0;
          expect(outcome.refundableDays).toBe(expected);
          // Whole øre, half up, in integers: round(costOre × days / 730).
          const costOre = row.annualCost.times(100).toNumber();
          expect(outcome.amount.times(100).toNumber()).toBe(
            Math.floor((2 * costOre * expected + 730) / 1460)
          );
        });
      }),
      { numRuns: 300 }
    );
  });
});

describe("§ 107 matches a day-by-day count", () => {
  it("each citizen's calendar days, earliest stay first, the first 183 inside [discharge, EDATE(discharge, 12)) are refunded; the period only filters payment", () => {
    const rowArb = fc.record({
      citizen: fc.constantFrom("A", "B"),
      discharge: fc.constantFrom(0, 40),
      startOffset: fc.integer({ min: -30, max: 420 }),
      length: fc.oneof(fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 250 })),
      eligible: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 10 }), periodArb, (raw, period) => {
        const rows: AccommodationInput[] = raw
          .map((r) => ({
            citizen: r.citizen,
            firstDischarge: BASE + r.discharge,
            start: BASE + r.discharge + r.startOffset,
            end: BASE + r.discharge + r.startOffset + r.length,
            dailyCost: dec(1000),
            eligible: r.eligible,
          }))
          .filter((r) => Math.max(r.end, r.start + 1) > r.firstDischarge);
        const outcomes = computeAccommodationRefunds(rows, { period, rules });

        // The oracle: walk each (citizen, discharge) group's eligible stays in start order, day by day.
        const expected = rows.map(() => 0);
        const keys = new Set(rows.map((r) => `${r.citizen}|${r.firstDischarge}`));
        for (const key of keys) {
          const order = rows
            .map((r, i) => ({ r, i }))
            .filter(({ r }) => r.eligible && `${r.citizen}|${r.firstDischarge}` === key)
            .sort((a, b) => a.r.start - b.r.start || a.i - b.i);
          const taken = new Set<number>();
          let used = 0;
          for (const { r, i } of order) {
            const windowEnd = edate(r.firstDischarge, 12);
            for (const day of days(r.start, r.end!)) {
              if (taken.has(day)) continue;
              taken.add(day);
              if (day < r.firstDischarge || day >= windowEnd || used >= 183) continue;
              used++;
              if (inPeriod(day, period)) expected[i]++;
            }
          }
        }
        outcomes.forEach((outcome, i) => {
          if (isAftercareError(outcome)) throw new Error(outcome.error.message);
          expect(outcome.refundableDays).toBe(expected[i]);
          expect(outcome.amount.toNumber()).toBe(500 * expected[i]);
        });
      }),
      { numRuns: 400 }
    );
  });
});
