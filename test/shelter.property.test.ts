/**
 * Properties of the § 110 engine, checked on random stay histories — and against a naive
 * day-by-day reading of SPEC 1.1 as an independent oracle for the interval engine.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { d, edate } from "../src/engine/calendar";
import { RULE_SETS, dayLimitOn, type RuleSet } from "../src/engine/rules";
import {
  computeShelterRefunds,
  isRowError,
  type StayInput,
  type StayResult,
} from "../src/engine/shelter";

const FROM = d("2023-01-01");
const TO = d("2028-12-31");

const stayArb = fc.record({
  citizen: fc.constantFrom("A", "B", "C"),
  admission: fc.integer({ min: FROM, max: TO }),
  length: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 500 })),
});
const historyArb = fc.array(stayArb, { minLength: 1, maxLength: 12 });

const toStays = (h: { citizen: string; admission: number; length: number }[]): StayInput[] =>
  h.map(({ citizen, admission, length }) => ({
    citizen,
    admission,
    discharge: admission + length,
    dailyRate: 1000,
    selfPayment: 0,
  }));

function results(stays: StayInput[], rules: RuleSet = RULE_SETS.NY): StayResult[] {
  return computeShelterRefunds(stays, { rules }).map((o) => {
    if (isRowError(o)) throw new Error(o.error.message);
    return o;
  });
}

/** SPEC 1.1 read literally, one day at a time. */
function oracle(stays: StayInput[], rules: RuleSet): number[] {
  const counts = stays.map(() => 0);
  const citizens = [...new Set(stays.map((s) => s.citizen))];
  for (const citizen of citizens) {
    const owner = new Map<number, number>();
    stays
      .map((s, row) => ({ s, row }))
      .filter(({ s }) => s.citizen === citizen)
      .sort((a, b) => a.s.admission - b.s.admission || a.row - b.row)
      .forEach(({ s, row }) => {
        const end = Math.max(s.discharge!, s.admission + 1);
        for (let day = s.admission; day < end; day++) if (!owner.has(day)) owner.set(day, row);
      });
    let windowEnd = -Infinity;
    let used = 0;
    const limitFrom = rules.shelter.limitFrom?.value ?? Infinity;
    for (const day of [...owner.keys()].sort((a, b) => a - b)) {
      const row = owner.get(day)!;
      if (day < limitFrom) {
        counts[row]++;
        continue;
      }
      if (day >= windowEnd) {
        windowEnd = edate(day, 12);
        used = 0;
      }
      const limit = dayLimitOn(rules.shelter, day);
      if (!limit || used < limit.days) {
        counts[row]++;
        used++;
      }
    }
  }
  return counts;
}

describe("§ 110 engine properties", () => {
  it("agrees with a day-by-day reading of SPEC 1.1 (NY and GAMMEL)", () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const stays = toStays(h);
        for (const rules of [RULE_SETS.NY, RULE_SETS.GAMMEL]) {
          expect(results(stays, rules).map((r) => r.refundableDays)).toEqual(oracle(stays, rules));
        }
      }),
      { numRuns: 300 }
    );
  });

  it("refunded days in a window never exceed the day limit (120, or 90 for windows from 2026-04-01)", () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const stays = toStays(h);
        const perWindow = new Map<string, number>();
        results(stays).forEach((r, i) => {
          for (const w of r.windows) {
            const key = `${stays[i].citizen}:${w.start}`;
            perWindow.set(key, (perWindow.get(key) ?? 0) + w.refundedDays);
          }
        });
        for (const [key, used] of perWindow) {
          const start = Number(key.split(":")[1]);
          expect(used).toBeLessThanOrEqual(start >= d("2026-04-01") ? 90 : 120);
        }
      })
    );
  });

  it("results do not depend on row order (stays with distinct admissions)", () => {
    fc.assert(
      fc.property(
        historyArb.filter(
          (h) => new Set(h.map((s) => `${s.citizen}:${s.admission}`)).size === h.length
        ),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        (h, noise) => {
          const stays = toStays(h);
          const order = stays.map((_, i) => i).sort(() => noise.next().value - 0.5);
          const shuffled = order.map((i) => stays[i]);
          const direct = results(stays).map((r) => r.refundableDays);
          const viaShuffle = results(shuffled).map((r) => r.refundableDays);
          order.forEach((original, k) => expect(viaShuffle[k]).toBe(direct[original]));
        }
      )
    );
  });

  it("splitting a stay into two adjacent stays keeps the citizen's total", () => {
    fc.assert(
      fc.property(historyArb, fc.nat(), (h, at) => {
        const stays = toStays(h);
        const i = stays.findIndex((s) => s.discharge! - s.admission >= 2);
        fc.pre(i >= 0);
        const s = stays[i];
        const mid = s.admission + 1 + (at % (s.discharge! - s.admission - 1));
        const split = [
          ...stays.slice(0, i),
          { ...s, discharge: mid },
          { ...s, admission: mid },
          ...stays.slice(i + 1),
        ];
        const total = (rs: StayResult[], ss: StayInput[]) =>
          rs
            .filter((_, k) => ss[k].citizen === s.citizen)
            .reduce((a, r) => a + r.refundableDays, 0);
        expect(total(results(split), split)).toBe(total(results(stays), stays));
      })
    );
  });

  it("GAMMEL never refunds less than NY, stay by stay", () => {
    fc.assert(
      fc.property(historyArb, (h) => {
        const stays = toStays(h);
        const ny = results(stays, RULE_SETS.NY);
        const old = results(stays, RULE_SETS.GAMMEL);
        ny.forEach((r, k) => {
          expect(old[k].refundableDays).toBeGreaterThanOrEqual(r.refundableDays);
          expect(old[k].amountOre).toBeGreaterThanOrEqual(r.amountOre);
        });
      })
    );
  });
});
