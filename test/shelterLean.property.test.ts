/**
 * The cell functions' lean path (shelterCellValues: only the cell's value) and the projection's
 * nights-only path (shelterNights) and the forecast's GAMMEL path (shelterRefunds: no windows or
 * warnings) against the audit path the pane uses (computeShelterRefunds:
 * windows, spans, warnings), on random stay histories: the same days, spans, øre and row errors
 * under every rule set, with and without a period. Then DK.REFUSION110 / DK.REFUSIONDAYS110 end
 * to end from cells.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { d } from "../src/engine/calendar";
import { RULE_SETS, type RuleSetName } from "../src/engine/rules";
import {
  computeShelterRefunds,
  isRowError,
  type Period,
  type ShelterOptions,
  type StayInput,
} from "../src/engine/shelter";
import { shelterCellValues, shelterNights, shelterRefunds } from "../src/engine/shelterWalk";
import { refusion110, refusionDays110 } from "../src/functions/functions";

const FROM = d("2022-06-01");
const TO = d("2029-12-31");

/** Money as cells hold it: mostly whole øre, sometimes more decimals (the Decimal path). */
const kroner = fc.oneof(
  fc.integer({ min: 0, max: 300_000 }).map((ore) => ore / 100),
  fc.double({ min: 0, max: 3000, noNaN: true }),
  fc.constant(0)
);

const stayArb = fc.record({
  // Spellings that Excel matches as one citizen, and a few others.
  citizen: fc.constantFrom("A", "a", " A ", "B", "b", "C", "1000"),
  admission: fc.integer({ min: FROM, max: TO }),
  length: fc.oneof(
    fc.integer({ min: 0, max: 40 }),
    fc.integer({ min: 0, max: 800 }),
    fc.constant(-3) // discharge before admission: an error row
  ),
  open: fc.integer({ min: 0, max: 9 }).map((x) => x < 3),
  dailyRate: fc.oneof(kroner, fc.constant(-1)), // a negative rate is an error row
  selfPayment: kroner,
});

type StayCells = typeof stayArb extends fc.Arbitrary<infer T> ? T : never;

const periodArb: fc.Arbitrary<Period> = fc.oneof(
  fc.constant({}),
  fc.record({ start: fc.integer({ min: FROM, max: TO }) }).map((p) => ({ start: p.start })),
  fc
    .tuple(fc.integer({ min: FROM, max: TO }), fc.integer({ min: 0, max: 900 }))
    .map(([start, days]) => ({ start, end: start + days })),
  fc.integer({ min: FROM, max: TO }).map((end) => ({ end }))
);

const rulesArb = fc.constantFrom<RuleSetName>("NY", "NY-VINDUE", "GAMMEL");

function toStays(h: StayCells[]): StayInput[] {
  return h.map((s) => ({
    citizen: s.citizen,
    admission: s.admission,
    discharge: s.open ? null : s.admission + s.length,
    dailyRate: s.dailyRate,
    selfPayment: s.selfPayment,
  }));
}

/** A check on 500 random registers, each with a random period and rule set. */
function onRandomRegisters(check: (stays: StayInput[], options: ShelterOptions) => void): void {
  fc.assert(
    fc.property(
      fc.array(stayArb, { minLength: 1, maxLength: 25 }),
      periodArb,
      rulesArb,
      (h, period, name) => check(toStays(h), { period, rules: RULE_SETS[name] })
    ),
    { numRuns: 500 }
  );
}

describe("the lean path agrees with the audit path", () => {
  it("refundable days, refunds in øre and row errors, stay by stay", () => {
    onRandomRegisters((stays, options) => {
      const audit = computeShelterRefunds(stays, options);
      const days = shelterCellValues(stays, options, "days");
      const amounts = shelterCellValues(stays, options, "amountOre");
      audit.forEach((o, row) => {
        if (isRowError(o)) {
          expect(days.errors.get(row)).toEqual(o.error);
          expect(amounts.errors.get(row)).toEqual(o.error);
        } else {
          expect([days.values[row], amounts.values[row]]).toEqual([o.refundableDays, o.amountOre]);
          expect(days.errors.has(row)).toBe(false);
        }
      });
    });
  });

  it("the projection's nights: own days and refundable spans as the audit path finds them, and its errors", () => {
    fc.assert(
      fc.property(fc.array(stayArb, { minLength: 1, maxLength: 25 }), rulesArb, (h, name) => {
        const stays = toStays(h);
        const audit = computeShelterRefunds(stays, { rules: RULE_SETS[name] });
        const nights = shelterNights(stays, RULE_SETS[name]);
        expect(nights).toEqual(
          audit.map((o) =>
            isRowError(o) ? o.error : { ownDays: o.ownDays, refundSpans: o.refundSpans }
          )
        );
      }),
      { numRuns: 500 }
    );
  });

  it("the forecast's lean refunds: own days, spans to the period's end, days and øre in it, errors", () => {
    onRandomRegisters((stays, options) => {
      expect(shelterRefunds(stays, options)).toEqual(
        computeShelterRefunds(stays, options).map((o) =>
          isRowError(o)
            ? o
            : {
                row: o.row,
                ownDays: o.ownDays,
                refundSpans: o.refundSpans,
                refundableDays: o.refundableDays,
                amountOre: o.amountOre,
              }
        )
      );
    });
  });

  it("the projection's nights: a stay inside another, ending the same day, has no own days", () => {
    const a = d("2026-06-01"); // 90 days a year: the day limit since 1 April 2026
    const stays = toStays([
      { citizen: "A", admission: a, length: 200, open: false, dailyRate: 1000, selfPayment: 0 },
      { citizen: "a", admission: a + 5, length: 195, open: false, dailyRate: 1000, selfPayment: 0 },
      {
        citizen: "A",
        admission: a + 150,
        length: 100,
        open: false,
        dailyRate: 1000,
        selfPayment: 0,
      },
    ]);
    expect(shelterNights(stays, RULE_SETS.NY)).toEqual([
      { ownDays: { from: a, to: a + 200 }, refundSpans: [{ from: a, to: a + 90 }] },
      { ownDays: null, refundSpans: [] },
      { ownDays: { from: a + 200, to: a + 250 }, refundSpans: [] },
    ]);
  });

  it("DK.REFUSION110 and DK.REFUSIONDAYS110 from cells equal the audit path's numbers", () => {
    fc.assert(
      fc.property(
        fc.array(stayArb, { minLength: 2, maxLength: 25 }),
        fc.integer({ min: FROM, max: TO }),
        rulesArb,
        (h, periodEnd, name) => {
          // Valid rows only, so each cell holds a number: errors are the engine tests' subject.
          // A rate of 0 in a cell is an empty cell (Excel desktop passes an empty cell as 0).
          const stays = toStays(h).filter(
            (s) => s.dailyRate > 0 && (s.discharge === null || s.discharge >= s.admission)
          );
          fc.pre(stays.length > 1);
          const period = { end: periodEnd };
          const audit = computeShelterRefunds(stays, { period, rules: RULE_SETS[name] });
          const col = (pick: (s: StayInput) => unknown) => stays.map((s) => [pick(s)]);
          const args = [
            col((s) => s.citizen),
            col((s) => s.admission),
            col((s) => s.discharge ?? ""),
          ] as const;
          const money = refusion110(
            ...args,
            col((s) => s.dailyRate),
            col((s) => s.selfPayment),
            null,
            periodEnd,
            name
          );
          const days = refusionDays110(...args, null, periodEnd, name);
          const expected = audit.map((o) => {
            if (isRowError(o)) throw new Error(o.error.message);
            return o;
          });
          expect(money).toEqual(expected.map((o) => [o.amountOre / 100]));
          expect(days).toEqual(expected.map((o) => [o.refundableDays]));
        }
      ),
      { numRuns: 200 }
    );
  });
});
