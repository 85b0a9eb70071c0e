/**
 * The relapse replays of a move (src/engine/projection/compiled.ts relapseReplays), which walk an
 * anniversary only until it meets the walk of the one before, against a walk of every
 * anniversary's stays on its own (tallies.ts replayedNights, as a citizen of its own): the same
 * own and refundable nights for every anniversary and stay, with stays long enough to reach the
 * day limits, under both readings of the phase-in.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { edate, serialFromYmd } from "../src/engine/calendar";
import { relapseReplays } from "../src/engine/projection/compiled";
import type { TakenSpan } from "../src/engine/projection/pieces";
import { replayedNights } from "../src/engine/projection/tallies";
import { RULE_SETS } from "../src/engine/rules";
import type { StayNights } from "../src/engine/shelterWalk";

const START = serialFromYmd(2026, 1, 1);

/** Each anniversary's stays walked on their own, as the replays were made before they met. */
function walkedAlone(
  cut: readonly TakenSpan[],
  starts: readonly number[],
  present: (lag: number) => boolean,
  rules: (typeof RULE_SETS)["NY"]
): Map<number, (StayNights | undefined)[]> {
  const out = new Map<number, (StayNights | undefined)[]>();
  for (let n = 1; n + 1 < starts.length; n++) {
    const taken = cut.flatMap((span, j) =>
      span.to > starts[n] && present(span.lag) ? [{ span, j }] : []
    );
    const nights = replayedNights(
      taken.map(({ span }) => ({
        citizen: "",
        admission: Math.max(span.from, starts[n]),
        discharge: span.to,
        dailyRate: 1000,
        selfPayment: 0,
      })),
      rules
    );
    const byIndex: (StayNights | undefined)[] = new Array(cut.length);
    taken.forEach(({ j }, i) => (byIndex[j] = nights[i]));
    out.set(n, byIndex);
  }
  return out;
}

const spans = fc.array(
  fc.record({
    start: fc.integer({ min: 0, max: 8 * 365 }),
    length: fc.oneof(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 60, max: 500 })),
    lag: fc.integer({ min: 0, max: 3 }),
  }),
  { minLength: 1, maxLength: 14 }
);

describe("relapse replays", () => {
  it("are each anniversary's stays walked on their own", () => {
    fc.assert(
      fc.property(
        spans,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 2, max: 10 }),
        fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        fc.constantFrom(RULE_SETS.NY, RULE_SETS["NY-VINDUE"]),
        (list, moveDay, years, lags, rules) => {
          const day = START + moveDay;
          const cut: TakenSpan[] = list
            .map(({ start, length, lag }, row) => ({
              row,
              lag,
              from: Math.max(day, START + start),
              to: START + start + length,
            }))
            .filter((span) => span.from < span.to);
          const starts = Array.from({ length: years + 1 }, (_, n) => edate(day, 12 * n));
          const present = (lag: number) => lags[lag] || lag === 0;
          const alone = walkedAlone(cut, starts, present, rules);
          const met = new Map<number, (StayNights | undefined)[]>();
          for (let n = 1; n + 1 < starts.length; n++) met.set(n, new Array(cut.length));
          relapseReplays(cut, starts, present, rules, (n, j, nights) => (met.get(n)![j] = nights));
          expect(met).toEqual(alone);
        }
      ),
      { numRuns: 300 }
    );
  });
});
