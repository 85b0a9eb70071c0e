/**
 * Blank is blank (SPEC 2): Excel on the web passes an empty cell as null, Excel desktop as 0, and
 * a range's empty cells as "" or null (office-js issues #4702, #5262, #1951). Every function
 * answers the same whichever of the three arrives, cell by cell, in single cells and inside
 * ranges: each property draws rows with empty cells, answers them once with every empty cell
 * null, then with each empty cell encoded at random as null, "" or 0, and compares.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { d } from "../src/engine/calendar";
import { PARAMETERS } from "../src/engine/parameters";
import {
  forecast,
  housingFirstBreakeven,
  housingFirstNpv,
  housingFirstRatio,
  projection,
  refusion107,
  refusion110,
  refusion85a,
  refusionDays110,
} from "../src/functions/functions";
import { isErrorValue } from "../src/functions/runtime";

/** An empty cell, before it is encoded as Excel would pass it. */
const EMPTY = Symbol("empty");
type Cell = unknown;
const ENCODINGS = [null, "", 0] as const;
type Encoding = (typeof ENCODINGS)[number];

/** Replaces each EMPTY in the arguments: by `pick()` for each cell in turn. */
function encode(args: readonly Cell[], pick: () => Encoding): Cell[] {
  const one = (v: Cell): Cell => (v === EMPTY ? pick() : v);
  return args.map((a) => (Array.isArray(a) ? a.map((row: Cell[]) => row.map(one)) : one(a)));
}

/** The argument lists' encodings: all null (the reference), and cell by cell at random. */
const encodingsArb = fc.array(fc.constantFrom(...ENCODINGS), { minLength: 1, maxLength: 64 });
function cycling(encodings: readonly Encoding[]): () => Encoding {
  let i = 0;
  return () => encodings[i++ % encodings.length];
}

function sameForEveryEncoding(
  fn: (...args: Cell[]) => unknown,
  args: readonly Cell[],
  encodings: readonly Encoding[]
): unknown {
  const reference = fn(...encode(args, () => null));
  for (const every of ENCODINGS) expect(fn(...encode(args, () => every))).toEqual(reference);
  expect(fn(...encode(args, cycling(encodings)))).toEqual(reference);
  return reference;
}

const col = (cells: readonly Cell[]) => cells.map((c) => [c]);
const orEmpty = <T>(arb: fc.Arbitrary<T>, weight = 5) =>
  fc.oneof({ arbitrary: arb, weight: 15 }, { arbitrary: fc.constant(EMPTY), weight });

const FROM = d("2023-06-01");
const dayArb = fc.integer({ min: FROM, max: FROM + 4 * 365 });
/** A date as a serial or as text (ISO), as cells hold them. */
const dateArb = fc.oneof(
  dayArb,
  dayArb.map((s) => new Date(Date.UTC(1899, 11, 30 + s)).toISOString().slice(0, 10))
);
const citizenArb = fc.constantFrom<Cell>("A", "b", 1000, "1000");
const periodArb = fc.record({
  start: orEmpty(fc.constant(d("2025-01-01"))),
  end: orEmpty(fc.constant(d("2026-12-31")), 10),
});

/** A stay row: every cell may be empty (an open stay, no self-payment, a bad row), or all are. */
const stayRowArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Cell[]>([EMPTY, EMPTY, EMPTY, EMPTY, EMPTY]) },
  {
    weight: 5,
    arbitrary: fc
      .record({
        citizen: orEmpty(citizenArb, 1),
        admission: dayArb,
        length: orEmpty(fc.integer({ min: 0, max: 300 })),
        text: fc.boolean(),
        rate: orEmpty(fc.constantFrom(1000, 1200), 1),
        self: orEmpty(fc.constantFrom(0, 150)),
      })
      .map(({ citizen, admission, length, text, rate, self }) => {
        const iso = (s: number) => new Date(Date.UTC(1899, 11, 30 + s)).toISOString().slice(0, 10);
        const discharge = length === EMPTY ? EMPTY : admission + length;
        return [
          citizen,
          text ? iso(admission) : admission,
          text && discharge !== EMPTY ? iso(discharge) : discharge,
          rate,
          self,
        ];
      }),
  }
);
const staysArb = fc.array(stayRowArb, { minLength: 1, maxLength: 10 });
const columns = (rows: readonly Cell[][]) => [0, 1, 2, 3, 4].map((k) => col(rows.map((r) => r[k])));

describe("§ 110: DK.REFUSION110 and DK.REFUSIONDAYS110", () => {
  it("ranges with empty cells, empty rows and empty period and rule cells", () => {
    fc.assert(
      fc.property(
        staysArb,
        periodArb,
        orEmpty(fc.constant("NY")),
        encodingsArb,
        (rows, period, rules, encodings) => {
          const [citizen, admission, discharge, rate, self] = columns(rows);
          const args = [citizen, admission, discharge, rate, self, period.start, period.end, rules];
          const amounts = sameForEveryEncoding(refusion110, args, encodings) as Cell[][];
          sameForEveryEncoding(
            refusionDays110,
            [citizen, admission, discharge, period.start, period.end, rules],
            encodings
          );
          // An empty row of a range stays an empty cell in the spilled column, whatever encoded it.
          rows.forEach((row, i) => {
            if (rows.length > 1 && row.every((c) => c === EMPTY)) expect(amounts[i]).toEqual([""]);
          });
        }
      ),
      { numRuns: 150 }
    );
  });

  it("single cells: an open stay, no self-payment, an omitted period", () => {
    fc.assert(
      fc.property(stayRowArb, periodArb, encodingsArb, (row, period, encodings) => {
        sameForEveryEncoding(refusion110, [...row, period.start, period.end, EMPTY], encodings);
      }),
      { numRuns: 150 }
    );
  });

  it("examples: 0 for an open stay, a blank period start and a blank self-payment", () => {
    const admission = d("2026-05-01");
    const openStay = ["A", admission, 0, 1000, 0, 0, d("2026-12-31"), 0] as const;
    expect(refusion110(...openStay)).toBe(45000);
    expect(refusionDays110("A", admission, 0, 0, d("2026-12-31"))).toBe(90);
    expect(refusion110("A", admission, null, 1000, null, null, d("2026-12-31"))).toBe(45000);
    // Serial 0 is no date: an empty admission, with the message of an empty cell.
    const missing = refusion110("A", 0, d("2026-06-01"), 1000);
    expect(missing).toMatchObject({ message: "Indskrivning mangler" });
    expect(refusion110("A", null, d("2026-06-01"), 1000)).toEqual(missing);
    // A real bad date keeps its own message.
    expect(refusion110("A", -5, d("2026-06-01"), 1000)).toMatchObject({
      message: expect.stringContaining("datoen skal ligge fra 01-03-1900"),
    });
    // Citizen 0 with rate 0 and no dates: a blank row in a range.
    const june = d("2026-06-01");
    expect(refusion110(col(["A", 0]), col([admission, 0]), col([june, 0]), col([1000, 0]))).toEqual(
      [[15500], [""]]
    );
  });
});

/** A § 85 a or § 107 row: dates, an amount and the eligibility flag, each may be empty. */
const aftercareRowArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Cell[]>([EMPTY, EMPTY, EMPTY, EMPTY, EMPTY, EMPTY]) },
  {
    weight: 5,
    arbitrary: fc
      .record({
        citizen: orEmpty(citizenArb, 1),
        firstDischarge: dateArb,
        start: dayArb,
        length: orEmpty(fc.integer({ min: 0, max: 800 })),
        amount: orEmpty(fc.constantFrom(1000, 73000), 1),
        eligible: orEmpty(fc.boolean()),
      })
      .map(({ citizen, firstDischarge, start, length, amount, eligible }) => [
        citizen,
        firstDischarge,
        start,
        length === EMPTY ? EMPTY : start + length,
        amount,
        eligible,
      ]),
  }
);

describe("after-care: DK.REFUSION85A and DK.REFUSION107", () => {
  it("ranges and single cells with empty ends, flags, periods and rows", () => {
    fc.assert(
      fc.property(
        fc.array(aftercareRowArb, { minLength: 1, maxLength: 10 }),
        periodArb,
        encodingsArb,
        (rows, period, encodings) => {
          const c = [0, 1, 2, 3, 4, 5].map((k) => col(rows.map((r) => r[k])));
          sameForEveryEncoding(
            refusion85a,
            [c[1], c[2], c[3], c[4], period.start, period.end, c[5]],
            encodings
          );
          sameForEveryEncoding(
            refusion107,
            [c[0], c[1], c[2], c[3], c[4], period.start, period.end, c[5]],
            encodings
          );
          const [one] = rows;
          sameForEveryEncoding(
            refusion85a,
            [one[1], one[2], one[3], one[4], period.start, period.end, one[5]],
            encodings
          );
        }
      ),
      { numRuns: 100 }
    );
  });
});

describe("the tables: DK.REFUSIONPROGNOSE and the stays of DK.HOUSINGFIRSTPROJECTION", () => {
  const parameters = PARAMETERS.map((p) => [p.name, p.default]);

  it("DK.REFUSIONPROGNOSE with empty rows, cells, years and rules", () => {
    fc.assert(
      fc.property(
        staysArb,
        orEmpty(fc.constant(2026)),
        orEmpty(fc.constant("NY")),
        encodingsArb,
        (rows, years, rules, encodings) => {
          sameForEveryEncoding(forecast, [...columns(rows), years, rules], encodings);
        }
      ),
      { numRuns: 80 }
    );
  });

  it("DK.HOUSINGFIRSTPROJECTION with empty rows and cells in its stays", () => {
    fc.assert(
      fc.property(staysArb, encodingsArb, (rows, encodings) => {
        const table = sameForEveryEncoding(
          projection,
          [...columns(rows), parameters, EMPTY],
          encodings
        );
        expect(Array.isArray(table) || isErrorValue(table)).toBe(true);
      }),
      { numRuns: 12 }
    );
  });
});

describe("the Housing First investment case: a blank year is 0 (and 0 is 0)", () => {
  const yearArb = orEmpty(fc.integer({ min: -20000, max: 20000 }));
  it("DK.HOUSINGFIRSTNPV, RATIO and BREAKEVEN with empty years, rates and trailing cells", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }).chain((n) =>
          fc.tuple(
            fc.array(
              yearArb.map((v) => (typeof v === "number" ? Math.abs(v) : v)),
              {
                minLength: n,
                maxLength: n,
              }
            ),
            fc.array(yearArb, { minLength: n, maxLength: n }),
            orEmpty(fc.constantFrom(0.1, 0.2)),
            orEmpty(fc.constantFrom(0.05, 0.1))
          )
        ),
        fc.boolean(),
        encodingsArb,
        ([costs, savings, relapse, moveAway], asRow, encodings) => {
          const range = (v: Cell[]) => (asRow ? [v] : col(v));
          const args = [0.04, range(costs), range(savings), relapse, moveAway];
          sameForEveryEncoding(housingFirstNpv, args, encodings);
          sameForEveryEncoding(housingFirstRatio, args, encodings);
          sameForEveryEncoding(housingFirstBreakeven, args, encodings);
        }
      ),
      { numRuns: 150 }
    );
  });

  it("Excel's NPV example with its trailing years empty on the web and 0 on the desktop", () => {
    const costs = [[10000], [0], [0], [0], [null], [null]];
    const savings = [[0], [3000], [4200], [6800], [null], [null]];
    const desktop = (r: Cell[][]) => r.map(([v]) => [v ?? 0]);
    expect(housingFirstNpv(0.1, costs, savings)).toBe(1188.44);
    expect(housingFirstNpv(0.1, desktop(costs), desktop(savings))).toBe(1188.44);
    expect(housingFirstBreakeven(0.1, desktop(costs), [[0], [3000], [0], [0], [0], [0]])).toEqual(
      housingFirstBreakeven(0.1, costs, [[0], [3000], [null], [""], [null], [null]])
    );
  });
});
