import { describe, expect, it } from "@jest/globals";
import { d, isoFromSerial } from "../src/engine/calendar";
import { RULE_SETS, type RuleSet } from "../src/engine/rules";
import {
  computeShelterRefunds,
  isRowError,
  type Period,
  type StayInput,
  type StayResult,
} from "../src/engine/shelter";

type StaySpec = [
  citizen: string,
  admission: string,
  discharge: string | null,
  rate?: number,
  self?: number,
];

function stays(specs: StaySpec[]): StayInput[] {
  return specs.map(([citizen, a, b, rate = 1000, self = 0]) => ({
    citizen,
    admission: d(a),
    discharge: b === null ? null : d(b),
    dailyRate: rate,
    selfPayment: self,
  }));
}

function run(specs: StaySpec[], period: Period = {}, rules: RuleSet = RULE_SETS.NY): StayResult[] {
  return computeShelterRefunds(stays(specs), { period, rules }).map((o) => {
    if (isRowError(o)) throw new Error(o.error.message);
    return o;
  });
}
const days = (specs: StaySpec[], period?: Period, rules?: RuleSet) =>
  run(specs, period, rules).map((r) => r.refundableDays);
const year = (y: number): Period => ({ start: d(`${y}-01-01`), end: d(`${y}-12-31`) });

describe("SPEC 3 worked examples (1 000 kr/day, rule set NY)", () => {
  it("one long stay in the phase-in, A 2024-01-01 → 2024-12-31: 120 days, 60 000 kr", () => {
    const [r] = run([["A", "2024-01-01", "2024-12-31"]]);
    expect(r.refundableDays).toBe(120);
    expect(r.amountOre).toBe(6000000);
  });
  it("one year under the 90-day rule, A 2026-05-01 → 2027-05-01: 90 days", () => {
    expect(days([["A", "2026-05-01", "2027-05-01"]])).toEqual([90]);
  });
  it("re-admission inside the window, A 2026-06-01 → 08-30 and 09-19 → 09-29: 90 and 0", () => {
    expect(
      days([
        ["A", "2026-06-01", "2026-08-30"],
        ["A", "2026-09-19", "2026-09-29"],
      ])
    ).toEqual([90, 0]);
  });
  it("window restarts during a stay, A 2026-05-01 → 2027-08-01: 180 (90 in 2026, 90 in 2027)", () => {
    const spec: StaySpec[] = [["A", "2026-05-01", "2027-08-01"]];
    expect(days(spec)).toEqual([180]);
    expect(days(spec, year(2026))).toEqual([90]);
    expect(days(spec, year(2027))).toEqual([90]);
    expect(run(spec)[0].windows.map((w) => isoFromSerial(w.start))).toEqual([
      "2026-05-01",
      "2027-05-01",
    ]);
  });
  it("same-day stay, A 2026-05-01 → 2026-05-01: 1 day", () => {
    expect(days([["A", "2026-05-01", "2026-05-01"]])).toEqual([1]);
  });
  it("self-payment: rate 1 200, self-payment 200, 31 refundable days → 15 500,00 kr", () => {
    const [r] = run([["A", "2026-05-01", "2026-06-01", 1200, 200]]);
    expect(r.refundableDays).toBe(31);
    expect(r.amountOre).toBe(1550000);
  });
});

describe("the seed's models (webinar June 2023, 'De nye refusionsregler på herbergsophold')", () => {
  it("model 1: a stay over a whole year in the phase-in is refunded for 120 days", () => {
    expect(days([["A", "2024-03-01", "2025-03-01"]])).toEqual([120]);
  });
  it("model 2: 90 days, a 20-day gap, a 10-day re-admission: the re-admission gets nothing under the 90-day rule", () => {
    // 2026-05-01 + 90 days = 2026-07-30; + 20 days gap = 2026-08-19.
    expect(
      days([
        ["A", "2026-05-01", "2026-07-30"],
        ["A", "2026-08-19", "2026-08-29"],
      ])
    ).toEqual([90, 0]);
  });
  it("model 2 in the phase-in: the same re-admission is refunded while the limit is 120", () => {
    expect(
      days([
        ["A", "2024-05-01", "2024-07-30"],
        ["A", "2024-08-19", "2024-08-29"],
      ])
    ).toEqual([90, 10]);
  });
  it("model 3: 90 days, then three 10-day re-admissions inside the year get nothing", () => {
    expect(
      days([
        ["A", "2026-05-01", "2026-07-30"],
        ["A", "2026-08-19", "2026-08-29"],
        ["A", "2026-09-18", "2026-09-28"],
        ["A", "2026-10-18", "2026-10-28"],
      ])
    ).toEqual([90, 0, 0, 0]);
  });
  it("after the year a re-admission opens a new window and is refunded again", () => {
    expect(
      days([
        ["A", "2026-05-01", "2026-07-30"],
        ["A", "2027-05-01", "2027-05-11"],
      ])
    ).toEqual([90, 10]);
  });
});

describe("the reform's start, 1 October 2023", () => {
  it("days before 2023-10-01 are refundable without limit; an ongoing stay opens its window that day", () => {
    const [r] = run([["A", "2023-06-01", "2024-06-01"]]);
    expect(r.unlimitedDays).toBe(122); // June–September 2023
    expect(isoFromSerial(r.windows[0].start)).toBe("2023-10-01");
    expect(r.refundableDays).toBe(122 + 120);
  });
  it("GAMMEL refunds every day of the same stay", () => {
    expect(days([["A", "2023-06-01", "2024-06-01"]], {}, RULE_SETS.GAMMEL)).toEqual([366]);
  });
});

describe("phase-in boundary 2026-04-01 (120 → 90 days)", () => {
  const byWindow = RULE_SETS["NY-VINDUE"];
  it("basis 'day' (default): 59 days in Feb–Mar under 120, then only up to 90 in total", () => {
    expect(days([["A", "2026-02-01", "2026-12-01"]])).toEqual([90]);
  });
  it("basis 'window': a window opened before 1 April keeps 120 days", () => {
    expect(days([["A", "2026-02-01", "2026-12-01"]], {}, byWindow)).toEqual([120]);
  });
  it("basis 'day': a window that used 120 days before April refunds nothing after it", () => {
    const [r] = run([["A", "2025-12-01", "2026-12-01"]]);
    expect(r.refundableDays).toBe(120);
    expect(r.refundSpans.map((s) => [isoFromSerial(s.from), isoFromSerial(s.to)])).toEqual([
      ["2025-12-01", "2026-03-31"],
    ]);
  });
  it("a window opened on 2026-04-01 has 90 days under both bases", () => {
    expect(days([["A", "2026-04-01", "2027-04-01"]])).toEqual([90]);
    expect(days([["A", "2026-04-01", "2027-04-01"]], {}, byWindow)).toEqual([90]);
  });
  it("a window opened on 2026-03-31 has 120 days only under basis 'window'", () => {
    expect(days([["A", "2026-03-31", "2027-03-31"]])).toEqual([90]);
    expect(days([["A", "2026-03-31", "2027-03-31"]], {}, byWindow)).toEqual([120]);
  });
  it("the audit names the limits that governed the days", () => {
    const [r] = run([["A", "2026-02-01", "2026-12-01"]]);
    expect(r.windows[0].limits.map((l) => l.days)).toEqual([120, 90]);
    expect(r.windows[0].limits[1].source).toMatch(/§ 177/);
  });
});

describe("overlapping stays of one citizen", () => {
  it("each day counts once and belongs to the stay admitted first, with a warning", () => {
    const [a, b] = run([
      ["A", "2026-05-01", "2026-06-01"],
      ["A", "2026-05-15", "2026-07-01"],
    ]);
    expect(a.refundableDays).toBe(31);
    expect(b.refundableDays).toBe(30); // June only
    expect(b.warnings).toEqual([{ kind: "overlap", withRow: 0, days: 17 }]);
    expect(a.warnings).toEqual([]);
  });
  it("ties on admission go to the earlier row", () => {
    const [a, b] = run([
      ["A", "2026-05-01", "2026-05-11"],
      ["A", "2026-05-01", "2026-05-21"],
    ]);
    expect([a.refundableDays, b.refundableDays]).toEqual([10, 10]);
    expect(b.warnings[0]).toMatchObject({ kind: "overlap", withRow: 0 });
  });
  it("a stay inside another one has no days of its own", () => {
    const [, b] = run([
      ["A", "2026-05-01", "2026-07-01"],
      ["A", "2026-05-10", "2026-05-20"],
    ]);
    expect(b.ownDays).toBeNull();
    expect(b.refundableDays).toBe(0);
  });
  it("citizens are independent", () => {
    expect(
      days([
        ["A", "2026-05-01", "2026-08-01"],
        ["B", "2026-05-01", "2026-08-01"],
      ])
    ).toEqual([90, 90]);
  });
});

describe("leap days and windows", () => {
  it("a window opened on 2024-02-29 ends on EDATE = 2025-02-28, and the next opens then", () => {
    const [r] = run([["A", "2024-02-29", "2025-04-01"]]);
    expect(r.windows.map((w) => [isoFromSerial(w.start), isoFromSerial(w.end)])).toEqual([
      ["2024-02-29", "2025-02-28"],
      ["2025-02-28", "2026-02-28"],
    ]);
    expect(r.refundableDays).toBe(120 + 32); // 2025-02-28 .. 2025-03-31
  });
  it("a window opened on 2028-02-29 lasts to 2029-02-28 (90-day rule)", () => {
    // 2029-02-27 is the old window's last day (exhausted); 2029-02-28 .. 03-09 open a new one: 10 days.
    expect(
      days([
        ["A", "2028-02-29", "2028-06-01"],
        ["A", "2029-02-27", "2029-03-10"],
      ])
    ).toEqual([90, 10]);
  });
});

describe("periods and open stays", () => {
  it("only refundable days inside the period are paid, but earlier history consumes the quota", () => {
    // 61 days in Nov–Dec 2026 use the quota; 2027 gets the remaining 29 of the window.
    expect(days([["A", "2026-11-01", "2027-03-01"]], year(2027))).toEqual([29]);
  });
  it("an open stay counts through the period end, and warns", () => {
    const [r] = run([["A", "2026-12-01", null]], year(2026));
    expect(r.refundableDays).toBe(31);
    expect(r.warnings).toEqual([{ kind: "open", countedTo: d("2026-12-31") }]);
  });
  it("an open stay admitted after the period has 0 days", () => {
    expect(days([["A", "2027-02-01", null]], year(2026))).toEqual([0]);
  });
  it("an open stay without a period end is an error for that row only", () => {
    const out = computeShelterRefunds(
      stays([
        ["A", "2026-05-01", null],
        ["B", "2026-05-01", "2026-05-11"],
      ]),
      { rules: RULE_SETS.NY }
    );
    expect(out[0]).toMatchObject({ error: { code: "#VALUE!" } });
    expect(isRowError(out[1]) ? -1 : out[1].refundableDays).toBe(10);
  });
});

describe("amounts", () => {
  it("0.5 × (rate − self-payment) × days is rounded half up per stay", () => {
    expect(run([["A", "2026-05-01", "2026-05-02", 1000.01]])[0].amountOre).toBe(50001);
    expect(run([["A", "2026-05-01", "2026-05-04", 1234.57, 100.1]])[0].amountOre).toBe(170171); // 0.5 × 1134.47 × 3 = 1701.705
  });
  it("self-payment above the rate gives 0, not a negative refund, with a warning", () => {
    const [r] = run([["A", "2026-05-01", "2026-06-01", 100, 150]]);
    expect(r.amountOre).toBe(0);
    expect(r.refundableDays).toBe(31);
    expect(r.warnings).toContainEqual({ kind: "selfPaymentAboveRate" });
  });
  it("a discharge before admission and negative amounts are row errors", () => {
    const out = computeShelterRefunds(
      [
        {
          citizen: "A",
          admission: d("2026-05-10"),
          discharge: d("2026-05-01"),
          dailyRate: 1000,
          selfPayment: 0,
        },
        {
          citizen: "A",
          admission: d("2026-05-10"),
          discharge: d("2026-05-20"),
          dailyRate: -1,
          selfPayment: 0,
        },
        {
          citizen: "A",
          admission: d("2026-05-10"),
          discharge: d("2026-05-20"),
          dailyRate: 1,
          selfPayment: -1,
        },
      ],
      { rules: RULE_SETS.NY }
    );
    expect(out.map((o) => (isRowError(o) ? o.error.code : "ok"))).toEqual([
      "#VALUE!",
      "#VALUE!",
      "#VALUE!",
    ]);
  });
});

describe("amounts with more than two decimals take the exact decimal path", () => {
  it("0.5 × (1000.005 − 0.001) × 3 = 1500.006 → 1 500,01", () => {
    expect(run([["A", "2026-05-01", "2026-05-04", 1000.005, 0.001]])[0].amountOre).toBe(150001);
  });
});
