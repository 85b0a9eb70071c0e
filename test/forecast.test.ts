/**
 * The refund forecast: by year and quarter under NY and GAMMEL. Oracles: DK.REFUSION110 and
 * DK.REFUSIONDAYS110 on the same rows (the cell functions), SPEC section 3's worked examples,
 * and a day-by-day count of each citizen's stay days.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { d, quarterOf, serialFromYmd, yearOf } from "../src/engine/calendar";
import {
  allocateOreInt,
  computeForecast,
  defaultYears,
  type Amounts,
  type ForecastStay,
} from "../src/engine/forecast";
import { allocateOre, kronerFromOre } from "../src/engine/money";
import { refusion110, refusionDays110 } from "../src/functions/functions";
import { sampleRows, stay } from "./fixtures";

const ore = (kroner: number) => Math.round(kroner * 100);
const oreOf = (a: { toNumber(): number }) => ore(a.toNumber());

/** The sample budget's good rows, parsed as the pane parses them. */
function sampleStays(rows = 800): ForecastStay[] {
  return sampleRows({ rows }).stays;
}

const col = <T>(xs: T[]): T[][] => xs.map((x) => [x]);

/** DK.REFUSION110 / REFUSIONDAYS110 over the rows for a period, as numbers per row. */
function cellRefunds(
  stays: ForecastStay[],
  start: number,
  end: number,
  rules: "NY" | "GAMMEL"
): number[] {
  const out = refusion110(
    col(stays.map((s) => s.citizen)),
    col(stays.map((s) => s.admission)),
    col(stays.map((s) => s.discharge ?? "")),
    col(stays.map((s) => s.dailyRate)),
    col(stays.map((s) => s.selfPayment)),
    start,
    end,
    rules
  ) as unknown[][];
  return out.map((r) => {
    if (typeof r[0] !== "number") throw new Error(`cell error ${JSON.stringify(r[0])}`);
    return r[0];
  });
}

function cellDays(
  stays: ForecastStay[],
  start: number,
  end: number,
  rules: "NY" | "GAMMEL"
): number {
  const out = refusionDays110(
    col(stays.map((s) => s.citizen)),
    col(stays.map((s) => s.admission)),
    col(stays.map((s) => s.discharge ?? "")),
    start,
    end,
    rules
  ) as unknown[][];
  return out.reduce((n, r) => n + (r[0] as number), 0);
}

const FIELDS: (keyof Amounts)[] = [
  "stayDays",
  "refundDaysNy",
  "refundDaysGammel",
  "gross",
  "selfPayment",
  "refundNy",
  "refundGammel",
  "difference",
  "netCost",
];
const num = (v: Amounts[keyof Amounts]) => (typeof v === "number" ? v : oreOf(v));

describe("forecast totals = DK.REFUSION110 over the same rows (sample budget, 800 rows)", () => {
  const stays = sampleStays();
  const f = computeForecast(stays);

  it("default period: 2021–2026, the sheet's admission years; open stays through 31-12-2026", () => {
    expect(defaultYears(stays)).toEqual({ first: 2021, last: 2026 });
    expect(f.period).toEqual({ start: d("2021-01-01"), end: d("2026-12-31") });
    expect(f.statusDate).toBe(d("2026-12-31"));
    expect(f.quarters).toHaveLength(24);
    expect(stays.some((s) => s.discharge === null)).toBe(true);
  });

  for (const rules of ["NY", "GAMMEL"] as const) {
    it(`${rules}: total refund and every stay's refund equal REFUSION110 to the øre`, () => {
      const cells = cellRefunds(stays, f.period.start, f.period.end, rules);
      const perStay = f.stays.map((l) => {
        const o = rules === "NY" ? l.ny : l.gammel;
        if ("error" in o) throw new Error(o.error.message);
        return o.amountOre;
      });
      expect(perStay).toEqual(cells.map(ore));
      const total = rules === "NY" ? f.total.refundNy : f.total.refundGammel;
      expect(oreOf(total)).toBe(cells.reduce((a, v) => a + ore(v), 0));
      expect(oreOf(total)).toBeGreaterThan(0);
    });
  }

  it("the reform costs nothing in 2021–2023 (Oct–Dec 2023 is 92 days < 120) and money from Q1 2024 on", () => {
    for (const y of f.years) {
      if (y.year <= 2023) expect(oreOf(y.difference)).toBe(0);
      if (y.year >= 2024) expect(oreOf(y.difference)).toBeGreaterThan(0);
      expect(y.refundDaysGammel).toBe(y.stayDays);
    }
    expect(
      oreOf(f.quarters.find((x) => x.year === 2024 && x.quarter === 1)!.difference)
    ).toBeGreaterThan(0);
  });

  it("quarters add up to years and years to the total, in every column", () => {
    for (const y of f.years) {
      const qs = f.quarters.filter((q) => q.year === y.year);
      expect(qs.map((q) => q.quarter)).toEqual([1, 2, 3, 4]);
      for (const k of FIELDS) expect(qs.reduce((a, q) => a + num(q[k]), 0)).toBe(num(y[k]));
    }
    for (const k of FIELDS)
      expect(f.years.reduce((a, y) => a + num(y[k]), 0)).toBe(num(f.total[k]));
  });

  it("net cost = gross − self-payment − refund NY; difference = GAMMEL − NY", () => {
    for (const l of [...f.quarters, ...f.years, f.total]) {
      expect(oreOf(l.netCost)).toBe(oreOf(l.gross) - oreOf(l.selfPayment) - oreOf(l.refundNy));
      expect(oreOf(l.difference)).toBe(oreOf(l.refundGammel) - oreOf(l.refundNy));
    }
  });

  it("refund days per quarter = REFUSIONDAYS110 with the quarter as period, both rule sets", () => {
    for (const q of f.quarters.filter((x) => x.year >= 2023)) {
      const start = serialFromYmd(q.year, q.quarter * 3 - 2, 1);
      const end =
        (q.quarter === 4
          ? serialFromYmd(q.year + 1, 1, 1)
          : serialFromYmd(q.year, q.quarter * 3 + 1, 1)) - 1;
      expect(q.refundDaysNy).toBe(cellDays(stays, start, end, "NY"));
      expect(q.refundDaysGammel).toBe(cellDays(stays, start, end, "GAMMEL"));
    }
  });

  it("stay days per quarter = each citizen's distinct stay days counted one by one", () => {
    const days = new Map<string, Set<number>>();
    for (const s of stays) {
      const set = days.get(s.citizen) ?? new Set<number>();
      days.set(s.citizen, set);
      const to = s.discharge === null ? f.statusDate + 1 : Math.max(s.discharge, s.admission + 1);
      for (let x = s.admission; x < to; x++)
        if (x >= f.period.start && x <= f.period.end) set.add(x);
    }
    const counts = new Map<string, number>();
    for (const set of days.values())
      for (const x of set)
        counts.set(
          `${yearOf(x)}-${quarterOf(x)}`,
          (counts.get(`${yearOf(x)}-${quarterOf(x)}`) ?? 0) + 1
        );
    for (const q of f.quarters) expect(q.stayDays).toBe(counts.get(`${q.year}-${q.quarter}`) ?? 0);
  });
});

describe("SPEC 3 worked examples by quarter (1 000 kr/day)", () => {
  it("A: 2026-05-01 → 2027-08-01 under NY: 90 days in 2026 (Q2 61, Q3 29) and 90 in 2027 (Q2 61, Q3 29)", () => {
    const f = computeForecast([stay("A", "2026-05-01", "2027-08-01")], {
      years: { first: 2026, last: 2027 },
    });
    expect(f.quarters.map((q) => q.refundDaysNy)).toEqual([0, 61, 29, 0, 0, 61, 29, 0]);
    expect(f.quarters.map((q) => oreOf(q.refundNy))).toEqual([
      0, 30_500_00, 14_500_00, 0, 0, 30_500_00, 14_500_00, 0,
    ]);
    // GAMMEL: every night, 2026-05-01 .. 2027-07-31.
    expect(f.quarters.map((q) => q.refundDaysGammel)).toEqual([0, 61, 92, 92, 90, 91, 31, 0]);
    expect(f.years.map((y) => y.stayDays)).toEqual([245, 212]);
    expect(oreOf(f.total.refundNy)).toBe(90_000_00);
    expect(oreOf(f.total.difference)).toBe((457 - 180) * 500_00);
  });

  it("one long stay in the phase-in, 2024-01-01 → 2024-12-31: 120 days, all in Q1 (91) and Q2 (29)", () => {
    const f = computeForecast([stay("A", "2024-01-01", "2024-12-31")]);
    expect(f.quarters.map((q) => q.refundDaysNy)).toEqual([91, 29, 0, 0]);
    expect(oreOf(f.total.refundNy)).toBe(60_000_00);
  });

  it("re-admission inside the window gets nothing: 90 + 0 days", () => {
    const f = computeForecast([
      stay("A", "2026-06-01", "2026-08-30"),
      stay("A", "2026-09-19", "2026-09-29"),
    ]);
    expect(f.total.refundDaysNy).toBe(90);
    expect(f.total.stayDays).toBe(100);
    expect(f.quarters.map((q) => q.refundDaysNy)).toEqual([0, 30, 60, 0]);
  });

  it("self-payment: rate 1 200, self-payment 200, 31 days → refund 15 500,00, gross 37 200,00, net 15 500,00", () => {
    const f = computeForecast([stay("A", "2026-05-01", "2026-06-01", 1200, 200)]);
    expect(oreOf(f.total.refundNy)).toBe(15_500_00);
    expect(oreOf(f.total.gross)).toBe(37_200_00);
    expect(oreOf(f.total.selfPayment)).toBe(6_200_00);
    expect(oreOf(f.total.netCost)).toBe(15_500_00);
  });
});

describe("open stays and the status date", () => {
  it("an open stay counts through the status date, inclusive; one admitted after it counts nothing", () => {
    const stays = [stay("A", "2026-11-01", null), stay("B", "2026-12-10", null)];
    const f = computeForecast(stays, { statusDate: d("2026-11-30") });
    expect(f.total.stayDays).toBe(30);
    expect(f.stays[0].openTo).toBe(d("2026-12-01"));
    for (const l of f.stays) {
      expect("error" in l.ny).toBe(false);
      if (!("error" in l.ny))
        expect(l.ny.warnings).toContainEqual({ kind: "open", countedTo: d("2026-11-30") });
    }
  });

  it("by default through the period end, as REFUSION110 does with that period end", () => {
    const stays = [
      stay("A", "2026-11-01", null, 1500),
      stay("A", "2026-03-01", "2026-04-01", 1500),
    ];
    const f = computeForecast(stays);
    expect(f.total.stayDays).toBe(61 + 31);
    expect(oreOf(f.total.refundNy)).toBe(
      cellRefunds(stays, d("2026-01-01"), d("2026-12-31"), "NY").reduce((a, v) => a + ore(v), 0)
    );
  });
});

describe("rows the engine rejects", () => {
  it("a discharge before admission is an error line that adds nothing; the others still compute", () => {
    const good = stay("A", "2026-05-01", "2026-06-01");
    const f = computeForecast([stay("B", "2026-05-10", "2026-05-01"), good]);
    expect("error" in f.stays[0].ny).toBe(true);
    expect(f.total.stayDays).toBe(31);
    expect(oreOf(f.total.refundNy)).toBe(15_500_00);
  });
});

describe("allocateOreInt = money.allocateOre on whole øre", () => {
  it("random totals and day weights", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000 }),
        fc.array(fc.integer({ min: 0, max: 400 }), { minLength: 1, maxLength: 12 }),
        (total, weights) => {
          const expected = allocateOre(kronerFromOre(total), weights).map((k) => ore(k.toNumber()));
          const actual = allocateOreInt(total, weights);
          expect(actual).toEqual(expected);
          if (weights.some((w) => w > 0)) expect(actual.reduce((a, b) => a + b, 0)).toBe(total);
        }
      )
    );
  });
});

describe("a stay's year spread over its quarters = money.allocateOre by the quarters' days", () => {
  it("random stays, rates with øre, both rule sets' refunds", () => {
    /** Each amount and the days it is spread by. */
    const spreads = [
      ["gross", "stayDays"],
      ["selfPayment", "stayDays"],
      ["refundNy", "refundDaysNy"],
      ["refundGammel", "refundDaysGammel"],
    ] as const;
    fc.assert(
      fc.property(
        fc.integer({ min: d("2022-01-01"), max: d("2026-12-31") }),
        fc.integer({ min: 0, max: 900 }),
        fc.integer({ min: 0, max: 500_000 }),
        fc.integer({ min: 0, max: 50_000 }),
        (admission, length, rateOre, selfOre) => {
          const f = computeForecast(
            [
              {
                citizen: "A",
                admission,
                discharge: admission + length,
                dailyRate: rateOre / 100,
                selfPayment: selfOre / 100,
              },
            ],
            { years: { first: 2022, last: 2027 } }
          );
          for (const y of f.years) {
            const quarters = f.quarters.filter((q) => q.year === y.year);
            for (const [key, dayKey] of spreads) {
              const weights = quarters.map((q) => q[dayKey]);
              const expected = allocateOre(y[key], weights).map(oreOf);
              expect(quarters.map((q) => oreOf(q[key]))).toEqual(expected);
            }
          }
        }
      ),
      { numRuns: 300 }
    );
  });
});
