/**
 * § 85 a support and § 107 temporary accommodation after the first discharge from § 110
 * (serviceloven § 176 a; SPEC 1.2, 1.3, 3): the seed's three after-care models, SPEC 3's
 * example, periods, eligibility, and every bad input as a Danish error value.
 */
import { describe, expect, it } from "@jest/globals";
import { d } from "../src/engine/calendar";
import {
  computeAccommodationRefunds,
  computeSupportRefunds,
  isAftercareError,
  type AccommodationInput,
} from "../src/engine/aftercare";
import { dec } from "../src/engine/money";
import { RULE_SETS } from "../src/engine/rules";
import { refusion107, refusion85a, refusionDays110 } from "../src/functions/functions";

const col = (...xs: unknown[]) => xs.map((x) => [x]);
type Err = { code: string; message: string };
const isErr = (v: unknown): v is Err => typeof v === "object" && v !== null && "code" in v;
const rules = RULE_SETS.NY.aftercare;

describe("§ 85 a: 50 % of the support for 2 years from the first discharge", () => {
  it("SPEC 3: first discharge 2026-01-15, support 2026-01-15 → 2028-06-30, 73 000 kr/year: 730 days, 73 000,00 kr", () => {
    expect(refusion85a("2026-01-15", "2026-01-15", "2028-06-30", 73000)).toBe(73000);
    const [r] = computeSupportRefunds(
      [
        {
          firstDischarge: d("2026-01-15"),
          start: d("2026-01-15"),
          end: d("2028-06-30"),
          annualCost: dec(73000),
          eligible: true,
        },
      ],
      { rules }
    );
    if (isAftercareError(r)) throw new Error(r.error.message);
    expect(r.window).toEqual({ from: d("2026-01-15"), to: d("2028-01-15") });
    expect(r.refundableDays).toBe(730);
  });

  it("seed model 1, § 85 a for up to 2 years: discharge 2025-03-01, support to 2027-09-01 is refunded for 730 days (100 000,00 kr), the rest is after the window (0)", () => {
    const out = refusion85a(
      col("2025-03-01", "2025-03-01"),
      col("2025-03-01", "2027-03-01"),
      col("2027-03-01", "2027-09-01"),
      100000
    );
    expect(out).toEqual([[100000], [0]]);
  });

  it("daily expense = annual / 365 with the division last: 549 days of 80 000 kr/year is 60 164,38, not 60 164,91 from a daily rate rounded to 219,18", () => {
    expect(refusion85a("2026-02-01", "2026-08-01", "2028-02-01", 80000)).toBe(60164.38);
  });

  it("support that starts before the discharge: 2026-01-01 → 2026-03-01 with discharge 2026-01-15 counts 45 days (4 500,00)", () => {
    expect(refusion85a("2026-01-15", "2026-01-01", "2026-03-01", 73000)).toBe(4500);
  });

  it("support after the window: discharge 2026-01-15, support 2028-02-01 → 2028-06-30 gives 0", () => {
    expect(refusion85a("2026-01-15", "2028-02-01", "2028-06-30", 73000)).toBe(0);
  });

  it("support that ended before the first discharge gives 0, not an error (SPEC 1.2: a citizen's table may hold earlier support)", () => {
    expect(refusion85a("2026-05-01", "2026-01-01", "2026-03-01", 73000)).toBe(0);
    expect(refusion85a("2026-03-02", "2026-03-01", "2026-03-01", 73000)).toBe(0);
    // Beside a row inside the window, which still computes: 2026-05-01 → 2026-06-01 is 31 days (3 100,00).
    expect(
      refusion85a(
        "2026-05-01",
        col("2026-01-01", "2026-05-01"),
        col("2026-03-01", "2026-06-01"),
        73000
      )
    ).toEqual([[0], [3100]]);
  });

  it("not eligible (no decision before discharge): SPEC 3's case gives 0, not an error", () => {
    expect(refusion85a("2026-01-15", "2026-01-15", "2028-06-30", 73000, null, null, false)).toBe(0);
    expect(refusion85a("2026-01-15", "2026-01-15", "2028-06-30", 73000, null, null, true)).toBe(
      73000
    );
    expect(
      refusion85a(
        col("2026-01-15", "2026-01-15"),
        "2026-01-15",
        "2028-06-30",
        73000,
        null,
        null,
        col(true, false)
      )
    ).toEqual([[73000], [0]]);
  });

  it("budget years: SPEC 3's support pays 351 days in 2026 (35 100), 365 in 2027 (36 500), 14 in 2028 (1 400) — 73 000 in all", () => {
    const year = (y: number) =>
      refusion85a("2026-01-15", "2026-01-15", "2028-06-30", 73000, `${y}-01-01`, `${y}-12-31`);
    expect([year(2026), year(2027), year(2028)]).toEqual([35100, 36500, 1400]);
  });

  it("open support (blank end) counts through the period end: 2027 pays 365 days (36 500)", () => {
    expect(refusion85a("2026-01-15", "2026-01-15", "", 73000, "2027-01-01", "2027-12-31")).toBe(
      36500
    );
    expect(refusion85a("2026-01-15", "2027-06-01", null, 73000, null, "2027-05-31")).toBe(0);
  });

  it("a same-day support row counts one day: 2026-03-01 → 2026-03-01 at 73 000 kr/year is 100,00", () => {
    expect(refusion85a("2026-01-15", "2026-03-01", "2026-03-01", 73000)).toBe(100);
  });
});

describe("§ 107: 50 % for 183 days within 1 year of the first discharge", () => {
  it("one stay of a full year from discharge 2026-07-15 is refunded for 183 days at 1 500 kr/day (137 250,00)", () => {
    expect(refusion107("A", "2026-07-15", "2026-07-15", "2027-07-15", 1500)).toBe(137250);
  });

  it("a stay that starts before the discharge counts from the discharge: 2026-07-01 → 2026-08-01 with discharge 2026-07-15 is 17 days", () => {
    expect(refusion107("A", "2026-07-15", "2026-07-01", "2026-08-01", 1000)).toBe(8500);
  });

  it("a stay after the window gets nothing: discharge 2026-07-15, stay 2027-08-01 → 2027-09-01 gives 0", () => {
    expect(refusion107("A", "2026-07-15", "2027-08-01", "2027-09-01", 1000)).toBe(0);
  });

  it("the window caps a stay at EDATE(discharge, 12): a stay 2027-07-01 → 2027-08-01 gets 14 days up to 2027-07-15", () => {
    expect(refusion107("A", "2026-07-15", "2027-07-01", "2027-08-01", 1000)).toBe(7000);
  });

  it("citizens do not share days: A and B each get 183 days of a year-long stay", () => {
    expect(refusion107(col("A", "B"), "2026-07-15", "2026-07-15", "2027-07-15", 1000)).toEqual([
      [91500],
      [91500],
    ]);
  });

  it("rows of one citizen share the 183 days, earliest stay first, whatever their row order", () => {
    // Row 1: 2026-12-01 → 2027-06-01 (182 days); row 2: 2026-08-01 → 2026-11-01 (92 days).
    const out = refusion107(
      col("A", "A"),
      "2026-08-01",
      col("2026-12-01", "2026-08-01"),
      col("2027-06-01", "2026-11-01"),
      1000
    );
    // Row 2 started first and takes 92 days; row 1 gets the remaining 91 (in row order it would be 182 and 1).
    expect(out).toEqual([[45500], [46000]]);
  });

  it("overlapping stays of one citizen count each day once, for the stay that started first", () => {
    const out = refusion107(
      col("A", "A"),
      "2026-07-15",
      col("2026-07-15", "2026-10-01"),
      col("2026-10-15", "2026-11-01"),
      1000
    );
    // 92 days, then 2026-10-15 → 2026-11-01 = 17 own days.
    expect(out).toEqual([[46000], [8500]]);
  });

  it("not eligible gives 0 and uses none of the 183 days", () => {
    const out = refusion107(
      col("A", "A"),
      "2026-07-15",
      col("2026-07-15", "2026-11-14"),
      col("2026-10-15", "2027-07-15"),
      1000,
      null,
      null,
      col(false, true)
    );
    // The second stay has 243 days in the window; all 183 are left for it.
    expect(out).toEqual([[0], [91500]]);
  });

  it("a stay that ended before the first discharge gives 0 and uses none of the 183 days (SPEC 1.2)", () => {
    const out = refusion107(
      col("A", "A"),
      "2026-07-15",
      col("2026-06-01", "2026-07-15"),
      col("2026-07-15", "2027-07-15"),
      1000
    );
    expect(out).toEqual([[0], [91500]]);
  });

  it("an open stay (blank end) counts through the period end: 2026-11-14 → 2026-12-31 is 48 days", () => {
    expect(refusion107("A", "2026-07-15", "2026-11-14", "", 1000, "2026-01-01", "2026-12-31")).toBe(
      24000
    );
  });
});

describe("the seed's after-care models inside one 2-year window that is never restarted", () => {
  it("model 2, 6 months § 107 then 18 months § 85 a: discharge 2026-02-01, § 107 181 days at 1 500 (135 750,00), § 85 a 549 days at 80 000/year (60 164,38)", () => {
    expect(refusion107("A", "2026-02-01", "2026-02-01", "2026-08-01", 1500)).toBe(135750);
    expect(refusion85a("2026-02-01", "2026-08-01", "2028-02-01", 80000)).toBe(60164.38);
  });

  describe("model 3: 3 months § 107, 30 days back in § 110, 3 months § 107, then 17 months § 85 a", () => {
    // First § 110 stay 2026-05-01 → 2026-07-15 (75 days): first discharge 2026-07-15.
    const firstDischarge = "2026-07-15";
    const starts = ["2026-07-15", "2026-11-14"];
    const ends = ["2026-10-15", "2027-02-14"];
    const stays107 = { start: col(...starts), end: col(...ends) };

    it("the 30 days back in § 110 (2026-10-15 → 2026-11-14) follow the § 110 rules: 90-day window from 2026-05-01 leaves 15 of them", () => {
      expect(
        refusionDays110(
          col("A", "A"),
          col("2026-05-01", "2026-10-15"),
          col("2026-07-15", "2026-11-14")
        )
      ).toEqual([[75], [15]]);
    });

    it("§ 107: 92 + 92 days in the year from 2026-07-15, capped at 183: 69 000,00 and 68 250,00 at 1 500 kr/day", () => {
      expect(refusion107("A", firstDischarge, stays107.start, stays107.end, 1500)).toEqual([
        [69000],
        [68250],
      ]);
      const input: AccommodationInput[] = [0, 1].map((i) => ({
        citizen: "A",
        firstDischarge: d(firstDischarge),
        start: d(starts[i]),
        end: d(ends[i]),
        dailyCost: dec(1500),
        eligible: true,
      }));
      const second = computeAccommodationRefunds(input, { rules })[1];
      if (isAftercareError(second)) throw new Error(second.error.message);
      expect(second.refundSpan).toEqual({ from: d("2026-11-14"), to: d("2027-02-13") });
    });

    it("§ 107 in budget years: 2026 pays 92 + 48 days, 2027 pays 43 (not 44: the earlier stays used the days)", () => {
      expect(
        refusion107(
          "A",
          firstDischarge,
          stays107.start,
          stays107.end,
          1500,
          "2026-01-01",
          "2026-12-31"
        )
      ).toEqual([[69000], [36000]]);
      expect(
        refusion107(
          "A",
          firstDischarge,
          stays107.start,
          stays107.end,
          1500,
          "2027-01-01",
          "2027-12-31"
        )
      ).toEqual([[0], [32250]]);
    });

    it("§ 85 a from 2027-02-14 ends with the window on 2028-07-15 (517 days, 56 657,53), not 2028-11-14 as a window restarted by the re-admission would", () => {
      expect(refusion85a(firstDischarge, "2027-02-14", "2028-07-15", 80000)).toBe(56657.53);
      expect(refusion85a(firstDischarge, "2027-02-14", "2028-12-31", 80000)).toBe(56657.53);
      // The restarted reading (window from the 2026-11-14 discharge) would pay 639 days.
      expect(refusion85a("2026-11-14", "2027-02-14", "2028-12-31", 80000)).toBe(70027.4);
    });
  });
});

describe("bad input: a Danish error in the row, the other rows still compute", () => {
  function support85a(
    fd: unknown,
    start: unknown,
    end: unknown,
    cost: unknown = 73000,
    eligible: unknown = true
  ): Err {
    // Second row: SPEC 3's example, which must still give 73 000.
    const out = refusion85a(
      col(fd, "2026-01-15"),
      col(start, "2026-01-15"),
      col(end, "2028-06-30"),
      col(cost, 73000),
      null,
      null,
      col(eligible, true)
    ) as unknown[][];
    expect(out[1][0]).toBe(73000);
    expect(isErr(out[0][0])).toBe(true);
    return out[0][0] as Err;
  }
  it.each([
    [
      "support end before start",
      ["2026-01-15", "2026-03-01", "2026-02-01"],
      "#VALUE!",
      /Slutdato 01-02-2026 ligger før startdato 01-03-2026/,
    ],
    [
      "non-boolean eligible (text)",
      ["2026-01-15", "2026-01-15", "2028-06-30", 73000, "ja"],
      "#VALUE!",
      /Berettiget: «ja» er ikke SAND eller FALSK/,
    ],
    [
      "non-boolean eligible (1)",
      ["2026-01-15", "2026-01-15", "2028-06-30", 73000, 1],
      "#VALUE!",
      /Berettiget: 1 er ikke SAND eller FALSK/,
    ],
    [
      "an error value in eligible",
      ["2026-01-15", "2026-01-15", "2028-06-30", 73000, { code: "#N/A" }],
      "#VALUE!",
      /Berettiget: cellen indeholder fejlen #N\/A/,
    ],
    [
      "a negative annual cost",
      ["2026-01-15", "2026-01-15", "2028-06-30", -1],
      "#VALUE!",
      /Årlig udgift må ikke være negativ/,
    ],
    [
      "text in the annual cost",
      ["2026-01-15", "2026-01-15", "2028-06-30", "mange"],
      "#VALUE!",
      /Årlig udgift: «mange» er ikke et tal/,
    ],
    [
      "a blank annual cost",
      ["2026-01-15", "2026-01-15", "2028-06-30", ""],
      "#VALUE!",
      /Årlig udgift mangler/,
    ],
    [
      "a blank first discharge",
      ["", "2026-01-15", "2028-06-30"],
      "#VALUE!",
      /Første udskrivning mangler/,
    ],
    [
      "text that is not a date",
      ["2026-01-15", "snart", "2028-06-30"],
      "#VALUE!",
      /Støttestart: «snart» er ikke en dato/,
    ],
    [
      "open support without a period end",
      ["2026-01-15", "2026-01-15", ""],
      "#VALUE!",
      /Åben støtte \(ingen slutdato\) kræver en periodeslutdato/,
    ],
  ])("REFUSION85A: %s", (_, args, code, message) => {
    const err = support85a(...(args as [unknown, unknown, unknown, unknown?, unknown?]));
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
  });

  function stay107(
    fd: unknown,
    start: unknown,
    end: unknown,
    cost: unknown = 1000,
    eligible: unknown = true
  ): Err {
    // Second row: citizen B, a 10-day stay (5 000 kr).
    const out = refusion107(
      col("A", "B"),
      col(fd, "2026-07-15"),
      col(start, "2026-07-15"),
      col(end, "2026-07-25"),
      col(cost, 1000),
      null,
      null,
      col(eligible, true)
    ) as unknown[][];
    expect(out[1][0]).toBe(5000);
    expect(isErr(out[0][0])).toBe(true);
    return out[0][0] as Err;
  }
  it.each([
    [
      "stay end before start",
      ["2026-07-15", "2026-08-01", "2026-07-20"],
      "#VALUE!",
      /Slutdato 20-07-2026 ligger før startdato 01-08-2026/,
    ],
    [
      "non-boolean eligible",
      ["2026-07-15", "2026-07-15", "2026-08-15", 1000, "SAND"],
      "#VALUE!",
      /Berettiget: «SAND» er ikke SAND eller FALSK/,
    ],
    [
      "a negative daily cost",
      ["2026-07-15", "2026-07-15", "2026-08-15", -10],
      "#VALUE!",
      /Dagsudgift må ikke være negativ/,
    ],
    [
      "a boolean daily cost",
      ["2026-07-15", "2026-07-15", "2026-08-15", true],
      "#VALUE!",
      /Dagsudgift: SAND\/FALSK/,
    ],
    [
      "open stay without a period end",
      ["2026-07-15", "2026-07-15", null],
      "#VALUE!",
      /Åbent ophold \(ingen slutdato\) kræver en periodeslutdato/,
    ],
  ])("REFUSION107: %s", (_, args, code, message) => {
    const err = stay107(...(args as [unknown, unknown, unknown, unknown?, unknown?]));
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
  });

  it("a § 107 row with an error uses none of the citizen's days", () => {
    // The first row is text in the cost; the second (a year-long stay) keeps all 183 days.
    const out = refusion107(
      col("A", "A"),
      "2026-07-15",
      col("2026-07-15", "2026-07-15"),
      col("2026-10-15", "2027-07-15"),
      col("x", 1000)
    ) as unknown[][];
    expect(isErr(out[0][0])).toBe(true);
    expect(out[1][0]).toBe(91500);
  });

  it("bad arguments as a whole give one error: ranges of different lengths, two columns, a period ending before it starts", () => {
    const lengths = refusion85a(
      col("2026-01-15", "2026-01-15"),
      col("2026-01-15", "2026-01-15", "2026-01-15"),
      "2028-06-30",
      73000
    );
    expect(lengths).toMatchObject({
      code: "#VALUE!",
      message: expect.stringMatching(/forskellig længde/),
    });
    const wide = refusion107([["A", "B"]], "2026-07-15", "2026-07-15", "2026-08-15", 1000);
    expect(wide).toMatchObject({ code: "#VALUE!", message: expect.stringMatching(/én kolonne/) });
    const period = refusion85a(
      "2026-01-15",
      "2026-01-15",
      "2028-06-30",
      73000,
      "2027-01-01",
      "2026-12-31"
    );
    expect(period).toMatchObject({
      code: "#VALUE!",
      message: "Periodeslut ligger før periodestart",
    });
  });
});

describe("§ 176 a applies from L 64's entry into force, 1 October 2023", () => {
  it("§ 85 a support from a discharge on 2023-06-01 is refunded only from 2023-10-01 (61 of 183 days)", () => {
    expect(refusion85a("2023-06-01", "2023-06-01", "2023-12-01", 36500)).toBe(3050); // 0.5 × 100 × 61
  });
  it("§ 107 days before 2023-10-01 are not refunded and use none of the 183 days", () => {
    expect(refusion107("A", "2023-09-01", "2023-09-01", "2023-10-11", 1000)).toBe(5000); // 10 days
  });
});
