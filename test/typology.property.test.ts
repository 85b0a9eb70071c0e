/**
 * The user typology's classification against a plain reference, on random registers: each
 * citizen's stays clipped to the window, sorted by start, nights counted once and episodes split
 * at the gap, with every window and threshold asked of the same stays array, twice (the grouping
 * of the stays by citizen, and the windows' use for the last episode gap, are kept per array).
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { d } from "../src/engine/calendar";
import { citizenKey, type StayInput } from "../src/engine/shelter";
import {
  classifyCitizens,
  typologyWindow,
  type CitizenUse,
  type TypologyRules,
} from "../src/engine/typology";

/** The classification as the typology defines it, one window at a time. */
function reference(
  stays: readonly StayInput[],
  window: { from: number; to: number },
  rules: TypologyRules
): Map<string, CitizenUse> {
  const spans = new Map<string, { from: number; to: number }[]>();
  for (const s of stays) {
    const end = s.discharge === null ? window.to : Math.max(s.discharge, s.admission + 1);
    const from = Math.max(s.admission, window.from);
    const to = Math.min(end, window.to);
    if (from < to)
      spans.set(citizenKey(s.citizen), [...(spans.get(citizenKey(s.citizen)) ?? []), { from, to }]);
  }
  const out = new Map<string, CitizenUse>();
  for (const [citizen, list] of spans) {
    list.sort((a, b) => a.from - b.from || a.to - b.to);
    let nights = 0;
    let episodes = 0;
    let covered = -Infinity;
    for (const s of list) {
      if (s.from - covered >= rules.episodeGapDays) episodes++;
      nights += Math.max(0, s.to - Math.max(s.from, covered));
      covered = Math.max(covered, s.to);
    }
    const group =
      nights >= rules.chronicNights
        ? "chronic"
        : episodes >= rules.episodicEpisodes
          ? "episodic"
          : "transitional";
    out.set(citizen, { group, nights, episodes });
  }
  return out;
}

const stayArb = fc.record({
  citizen: fc.constantFrom("A", "a", " A ", "B", "C", "1000"),
  admission: fc.integer({ min: d("2021-01-01"), max: d("2027-12-31") }),
  length: fc.oneof(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 900 })),
  open: fc.integer({ min: 0, max: 9 }).map((x) => x < 2),
});

const rulesArb = fc.record({
  years: fc.integer({ min: 1, max: 4 }),
  chronicNights: fc.integer({ min: 1, max: 400 }),
  episodicEpisodes: fc.integer({ min: 2, max: 5 }),
  episodeGapDays: fc.integer({ min: 1, max: 60 }),
});

describe("classifyCitizens", () => {
  it("equals the reference for every window and threshold asked of the same register", () => {
    fc.assert(
      fc.property(
        fc.array(stayArb, { maxLength: 40 }),
        fc.array(fc.tuple(fc.integer({ min: 2021, max: 2028 }), rulesArb), {
          minLength: 1,
          maxLength: 4,
        }),
        (rows, asks) => {
          const stays: StayInput[] = rows.map((r) => ({
            citizen: r.citizen,
            admission: r.admission,
            discharge: r.open ? null : r.admission + r.length,
            dailyRate: 1000,
            selfPayment: 0,
          }));
          // Each ask twice, in turn: the windows' use is kept per stays array and episode gap.
          for (const [lastYear, rules] of [...asks, ...asks]) {
            const window = typologyWindow(lastYear, rules.years);
            const got = classifyCitizens(stays, window, rules);
            const want = reference(stays, window, rules);
            expect(new Map([...got].sort())).toEqual(new Map([...want].sort()));
          }
        }
      ),
      { numRuns: 300 }
    );
  });
});
