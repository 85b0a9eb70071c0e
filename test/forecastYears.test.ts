/**
 * A year of the forecast equals the cell functions with that year as the period (SPEC 4, issue 10
 * item 9): amounts are rounded per stay and year, and quarters are split from the year's amount.
 * Oracles: DK.REFUSION110 and DK.REFUSIONDAYS110 on the same rows, and the øre sums of
 * takst × nights per stay and year.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { serialFromYmd } from "../src/engine/calendar";
import { computeForecast, type ForecastStay } from "../src/engine/forecast";
import { Decimal, dec } from "../src/engine/money";
import { RULE_SETS } from "../src/engine/rules";
import { forecast, refusion110, refusionDays110 } from "../src/functions/functions";
import { stay } from "./fixtures";

const col = <T>(xs: readonly T[]): T[][] => xs.map((x) => [x]);
const YEARS = [2025, 2026, 2027];

/** Per-row cell values of a function over the stays with one calendar year as the period. */
function perRow(
  stays: readonly ForecastStay[],
  year: number,
  rules: string,
  fn: "amount" | "days"
): number[] {
  const args = [
    col(stays.map((s) => s.citizen)),
    col(stays.map((s) => s.admission)),
    col(stays.map((s) => s.discharge ?? "")),
  ] as const;
  const period = [serialFromYmd(year, 1, 1), serialFromYmd(year, 12, 31)] as const;
  const out = (
    fn === "amount"
      ? refusion110(
          ...args,
          col(stays.map((s) => s.dailyRate)),
          col(stays.map((s) => s.selfPayment)),
          ...period,
          rules
        )
      : refusionDays110(...args, ...period, rules)
  ) as unknown[][];
  return out.map(([v]) => {
    if (typeof v !== "number") throw new Error(`cell error ${JSON.stringify(v)}`);
    return v;
  });
}

const sum = (xs: readonly number[]): Decimal => xs.reduce((s, x) => s.plus(dec(x)), dec(0));
/** takst × nights, rounded to øre, per row (the gross cost of a stay in a year). */
const times = (rates: readonly number[], nights: readonly number[]): Decimal =>
  rates.reduce(
    (s, r, i) => s.plus(dec(r).times(nights[i]).toDecimalPlaces(2, Decimal.ROUND_HALF_UP)),
    dec(0)
  );

/** Stays of a few citizens over 2024–2028, with rates in øre that make half-øre refunds common. */
const stays = fc.array(
  fc.record({
    citizen: fc.constantFrom("A", "B", "C", "D"),
    admission: fc.integer({ min: serialFromYmd(2024, 6, 1), max: serialFromYmd(2027, 12, 31) }),
    length: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 41, max: 800 })),
    open: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
    rate: fc.integer({ min: 50_000, max: 250_000 }).map((o) => o / 100),
    self: fc.oneof(
      fc.constant(0),
      fc.integer({ min: 0, max: 15_000 }).map((o) => o / 100)
    ),
  }),
  { minLength: 1, maxLength: 12 }
);

describe("a year of the forecast equals Σ of the cell functions with that year as the period, to the øre", () => {
  it("NY, NY-VINDUE and GAMMEL refunds, refund days, nights, gross cost and self-payment (property test)", () => {
    fc.assert(
      fc.property(stays, fc.constantFrom("NY", "NY-VINDUE"), (rows, rules) => {
        const input: ForecastStay[] = rows.map((r) => ({
          citizen: r.citizen,
          admission: r.admission,
          discharge: r.open ? null : r.admission + r.length,
          dailyRate: r.rate,
          selfPayment: r.self,
        }));
        const result = computeForecast(input, {
          years: { first: YEARS[0], last: YEARS[YEARS.length - 1] },
          rules: RULE_SETS[rules],
        });
        result.years.forEach((y) => {
          const nights = perRow(input, y.year, "GAMMEL", "days");
          expect(y.stayDays).toBe(nights.reduce((a, b) => a + b, 0));
          expect(y.refundDaysNy).toBe(
            perRow(input, y.year, rules, "days").reduce((a, b) => a + b, 0)
          );
          expect(y.refundNy.toFixed(2)).toBe(
            sum(perRow(input, y.year, rules, "amount")).toFixed(2)
          );
          expect(y.refundGammel.toFixed(2)).toBe(
            sum(perRow(input, y.year, "GAMMEL", "amount")).toFixed(2)
          );
          expect(y.gross.toFixed(2)).toBe(
            times(
              input.map((s) => s.dailyRate),
              nights
            ).toFixed(2)
          );
          expect(y.selfPayment.toFixed(2)).toBe(
            times(
              input.map((s) => s.selfPayment),
              nights
            ).toFixed(2)
          );
          // The quarters are split from the year's amount and add up to it.
          const quarters = result.quarters.filter((q) => q.year === y.year);
          expect(quarters.reduce((s, q) => s.plus(q.refundNy), dec(0)).toFixed(2)).toBe(
            y.refundNy.toFixed(2)
          );
          expect(quarters.reduce((s, q) => s.plus(q.gross), dec(0)).toFixed(2)).toBe(
            y.gross.toFixed(2)
          );
        });
        // Each stay line's refund is the sum of its years, so the audit sheet adds up to the total.
        expect(result.stays.reduce((s, l) => s + l.refundNyOre, 0)).toBe(
          Number(result.total.refundNy.times(100).toFixed(0))
        );
      }),
      { numRuns: 150 }
    );
  });

  it("a stay over New Year at 1 000,01 kr.: each year rounds on its own, as the cell does with the year as its period", () => {
    // 2026-12-31 → 2027-01-02: one night in each year at 500,005 kr. of refund, rounded to 500,01 in each.
    const input = [stay("A", "2026-12-31", "2027-01-02", 1000.01)];
    const f = computeForecast(input, { years: { first: 2026, last: 2027 } });
    expect(f.years.map((y) => y.refundNy.toNumber())).toEqual([500.01, 500.01]);
    expect(perRow(input, 2026, "NY", "amount")).toEqual([500.01]);
    expect(perRow(input, 2027, "NY", "amount")).toEqual([500.01]);
    // The whole stay in one period rounds once: 1 000,01, not the forecast's 1 000,02.
    expect(refusion110("A", "2026-12-31", "2027-01-02", 1000.01)).toBe(1000.01);
    expect(f.total.refundNy.toNumber()).toBe(1000.02);
  });

  it('DK.REFUSIONPROGNOSE with "NY-VINDUE": A 2026-01-01 → 2026-12-31 gets 120 refund days, not 90', () => {
    const call = (rules?: string) =>
      forecast(
        [["A"]],
        [["2026-01-01"]],
        [["2026-12-31"]],
        [[1000]],
        null,
        null,
        rules
      ) as unknown[][];
    const days = (table: unknown[][]) => table[1][2];
    expect(days(call())).toBe(90);
    expect(days(call("NY-VINDUE"))).toBe(120);
    expect(days(call("ny vindue"))).toBe(120);
    const gammel = forecast(
      [["A"]],
      [["2026-01-01"]],
      [["2026-12-31"]],
      [[1000]],
      null,
      null,
      "GAMMEL"
    ) as { code: string; message: string };
    expect(gammel.code).toBe("#VALUE!");
    expect(gammel.message).toMatch(/GAMMEL.*vises altid/);
  });
});
