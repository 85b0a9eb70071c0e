/**
 * DK.REFUSION110 and DK.REFUSIONDAYS110 called as Excel calls them: scalars or 2-D ranges,
 * null for omitted optionals, and error values (never 0, NaN or a throw) for bad input.
 */
import { describe, expect, it } from "@jest/globals";
import { refusion110, refusionDays110 } from "../src/functions/functions";
import { d } from "../src/engine/calendar";

const col = (...xs: unknown[]) => xs.map((x) => [x]);
type Err = { code: string; message: string };
const isErr = (v: unknown): v is Err => typeof v === "object" && v !== null && "code" in v;
const codeOf = (v: unknown) => (isErr(v) ? v.code : v);
const cells = (v: unknown) => (v as unknown[][]).map((r) => codeOf(r[0]));

describe("REFUSION110 and REFUSIONDAYS110 with single cells", () => {
  it("SPEC 3: one year under the 90-day rule, with serials and with date text", () => {
    expect(refusionDays110("A", d("2026-05-01"), d("2027-05-01"))).toBe(90);
    expect(refusionDays110("A", "01-05-2026", "1.5.2027")).toBe(90);
    expect(refusion110("A", "2026-05-01", "2027-05-01", 1000)).toBe(45000);
  });
  it("SPEC 3: self-payment 200 of a 1 200 rate for 31 days gives 15 500,00", () => {
    expect(refusion110("A", "2026-05-01", "2026-06-01", 1200, 200)).toBe(15500);
  });
  it("a citizen id may be a number, and a time of day on a date serial is ignored", () => {
    expect(refusionDays110(17, d("2026-05-01") + 0.75, d("2026-05-11") + 0.2)).toBe(10);
  });
  it("a 1x1 range behaves as a single cell but spills as a 1x1 column", () => {
    expect(refusionDays110([["A"]], [["2026-05-01"]], [["2026-05-11"]])).toEqual([[10]]);
  });
});

describe("ranges spill a column aligned with the rows", () => {
  it("SPEC 3 re-admission: 90 and 0, with a single-cell rate applied to every row", () => {
    const citizens = col("A", "A");
    const adm = col("2026-06-01", "2026-09-19");
    const dis = col("2026-08-30", "2026-09-29");
    expect(refusionDays110(citizens, adm, dis)).toEqual([[90], [0]]);
    expect(refusion110(citizens, adm, dis, 1000)).toEqual([[45000], [0]]);
    expect(refusion110(citizens, adm, dis, col(1000, 1000), 0)).toEqual([[45000], [0]]);
  });
  it("a budget-year period: the window that restarts during a stay pays 90 in 2026 and 90 in 2027", () => {
    expect(refusionDays110("A", "2026-05-01", "2027-08-01", "2026-01-01", "2026-12-31")).toBe(90);
    expect(refusionDays110("A", "2026-05-01", "2027-08-01", "2027-01-01", "2027-12-31")).toBe(90);
  });
  it("rule set GAMMEL, NEW/OLD aliases and any case", () => {
    expect(refusionDays110("A", "2026-05-01", "2027-05-01", null, null, "gammel")).toBe(365);
    expect(refusionDays110("A", "2026-05-01", "2027-05-01", null, null, "OLD")).toBe(365);
    expect(refusionDays110("A", "2026-05-01", "2027-05-01", null, null, "new")).toBe(90);
    expect(refusion110("A", "2026-05-01", "2027-05-01", 1000, null, null, null, "Ny")).toBe(45000);
  });
  it("an open stay counts through the period end", () => {
    expect(
      refusionDays110(col("A"), col("2026-12-01"), col(""), "2026-01-01", "2026-12-31")
    ).toEqual([[31]]);
    expect(refusionDays110("A", "2026-12-01", null, null, "2026-12-31")).toBe(31);
  });
});

describe("citizens are matched as Excel matches text (SPEC 1.1)", () => {
  it("«b00017» and «B00017 » are one citizen: the re-admission inside the window gets 0, as for one id", () => {
    const adm = col("2026-06-01", "2026-09-19");
    const dis = col("2026-08-30", "2026-09-29");
    expect(refusionDays110(col("b00017", "B00017 "), adm, dis)).toEqual([[90], [0]]);
    expect(refusionDays110(col("B00017", "B00017"), adm, dis)).toEqual([[90], [0]]);
  });
  it("the number 1000 and the text «1000» are one citizen", () => {
    expect(
      refusionDays110(
        col(1000, "1000"),
        col("2026-06-01", "2026-09-19"),
        col("2026-08-30", "2026-09-29")
      )
    ).toEqual([[90], [0]]);
  });
  it("«Å» typed as A + ring and as one letter is one citizen", () => {
    expect(
      refusionDays110(
        col("ÅSE", "A\u030aSE"),
        col("2026-06-01", "2026-09-19"),
        col("2026-08-30", "2026-09-29")
      )
    ).toEqual([[90], [0]]);
  });
});

describe("the phase-in basis is a choice (SPEC 1.1)", () => {
  it('A 2026-01-01 → 2026-12-31: 90 days under "NY", 120 under "NY-VINDUE" (also «ny vindue», «NEW-WINDOW»)', () => {
    expect(refusionDays110("A", "2026-01-01", "2026-12-31")).toBe(90);
    expect(refusionDays110("A", "2026-01-01", "2026-12-31", null, null, "NY-VINDUE")).toBe(120);
    expect(refusionDays110("A", "2026-01-01", "2026-12-31", null, null, "ny vindue")).toBe(120);
    expect(refusionDays110("A", "2026-01-01", "2026-12-31", null, null, "NEW-WINDOW")).toBe(120);
    expect(refusion110("A", "2026-01-01", "2026-12-31", 1000, null, null, null, "NY-VINDUE")).toBe(
      60000
    );
  });
  it("an unknown rule set names all three", () => {
    const err = refusionDays110("A", "2026-01-01", "2026-12-31", null, null, "NYESTE") as {
      code: string;
      message: string;
    };
    expect(err.code).toBe("#VALUE!");
    expect(err.message).toMatch(/"NY".*"NY-VINDUE".*"GAMMEL"/);
  });
});

describe("bad input: a Danish error in the row, the other rows still compute", () => {
  const good = ["B", "2026-05-01", "2026-05-11"]; // 10 days, 5 000 kr
  function row(
    citizen: unknown,
    adm: unknown,
    dis: unknown,
    rate: unknown = 1000,
    self: unknown = 0
  ) {
    const out = refusion110(
      col(citizen, good[0]),
      col(adm, good[1]),
      col(dis, good[2]),
      col(rate, 1000),
      col(self, 0)
    ) as unknown[][];
    expect(out[1][0]).toBe(5000); // the good row is untouched
    return out[0][0] as Err;
  }
  it.each([
    [
      "text that is not a date",
      ["A", "snart", "2026-05-11"],
      "#VALUE!",
      /Indskrivning.*«snart» er ikke en dato/,
    ],
    ["an impossible date", ["A", "2026-02-30", "2026-05-11"], "#VALUE!", /ikke en dato/],
    [
      "a discharge before its admission",
      ["A", "2026-05-11", "2026-05-01"],
      "#VALUE!",
      /før indskrivning/,
    ],
    [
      "a negative rate",
      ["A", "2026-05-01", "2026-05-11", -1],
      "#VALUE!",
      /Takst må ikke være negativ/,
    ],
    [
      "a negative self-payment",
      ["A", "2026-05-01", "2026-05-11", 1000, -5],
      "#VALUE!",
      /Egenbetaling må ikke være negativ/,
    ],
    ["a blank citizen", ["", "2026-05-01", "2026-05-11"], "#VALUE!", /Borger mangler/],
    ["a blank admission", ["A", "", "2026-05-11"], "#VALUE!", /Indskrivning mangler/],
    ["an open stay without a period end", ["A", "2026-05-01", ""], "#VALUE!", /periodeslutdato/],
    ["a boolean date", ["A", true, "2026-05-11"], "#VALUE!", /SAND\/FALSK/],
    ["a boolean citizen", [false, "2026-05-01", "2026-05-11"], "#VALUE!", /SAND\/FALSK/],
    ["a boolean rate", ["A", "2026-05-01", "2026-05-11", true], "#VALUE!", /SAND\/FALSK/],
    [
      "an Excel error value in a cell",
      ["A", { code: "#N/A" }, "2026-05-11"],
      "#VALUE!",
      /fejlen #N\/A/,
    ],
    ["error text in a cell", ["A", "2026-05-01", "#REF!"], "#VALUE!", /fejlen #REF!/],
    [
      "text in the rate",
      ["A", "2026-05-01", "2026-05-11", "tusind"],
      "#VALUE!",
      /Takst: «tusind» er ikke et tal/,
    ],
    ["an empty rate", ["A", "2026-05-01", "2026-05-11", ""], "#VALUE!", /Takst mangler/],
    ["a date before 1900-03-01 (serial 60)", ["A", 60, "2026-05-11"], "#VALUE!", /01-03-1900/],
    ["a date after 9999-12-31", ["A", "2026-05-01", 2958466], "#VALUE!", /31-12-9999/],
    ["a non-finite number", ["A", Number.NaN, "2026-05-11"], "#VALUE!", /ikke en dato/],
  ])("%s", (_name, args, code, message) => {
    const [c, a, b, rate, self] = args as unknown[];
    const err = row(c, a, b, rate, self);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
  });

  it("self-payment above the rate gives 0 for the row, not a negative refund", () => {
    expect(refusion110("A", "2026-05-01", "2026-05-11", 100, 150)).toBe(0);
  });

  it("a bad row is left out of its citizen's history, so it uses no refund days", () => {
    const out = refusionDays110(
      col("A", "A"),
      col("2026-05-01", "2026-09-01"),
      col("snart", "2026-09-11")
    );
    expect(cells(out)).toEqual(["#VALUE!", 10]);
  });
});

describe("bad arguments as a whole give one error", () => {
  it.each([
    [
      "ranges of different lengths",
      () =>
        refusionDays110(
          col("A", "A"),
          col("2026-05-01", "2026-06-01", "2026-07-01"),
          col("", "", "")
        ),
      /forskellig længde/,
    ],
    [
      "a range with two columns",
      () => refusionDays110([["A", "B"]], [["2026-05-01", "2026-05-01"]], [["", ""]]),
      /én kolonne/,
    ],
    [
      "period end before period start",
      () => refusionDays110("A", "2026-05-01", "2026-05-11", "2026-12-31", "2026-01-01"),
      /Periodeslut ligger før periodestart/,
    ],
    [
      "a period end that is not a date",
      () => refusionDays110("A", "2026-05-01", "2026-05-11", null, "ultimo"),
      /Periodeslut/,
    ],
    [
      "an unknown rule set",
      () => refusionDays110("A", "2026-05-01", "2026-05-11", null, null, "NYESTE"),
      /Ukendt regelsæt/,
    ],
    [
      "a rule set given as a number",
      () => refusionDays110("A", "2026-05-01", "2026-05-11", null, null, 2023),
      /Ukendt regelsæt/,
    ],
    ["an empty range", () => refusionDays110([], [], []), /tomt/],
  ])("%s", (_name, call, message) => {
    const out = call();
    expect(isErr(out)).toBe(true);
    expect((out as Err).message).toMatch(message);
  });
});

describe("100 000 rows", () => {
  it("computes a spilled column of 100 000 values with no error row, in well under the bench budget", () => {
    const n = 100_000;
    const citizens: unknown[][] = [];
    const adm: unknown[][] = [];
    const dis: unknown[][] = [];
    for (let i = 0; i < n; i++) {
      const start = d("2023-01-01") + ((i * 37) % 1800);
      citizens.push([`B${i % 25_000}`]);
      adm.push([start]);
      dis.push([start + ((i * 13) % 200)]);
    }
    const out = refusion110(citizens, adm, dis, 1500, 100) as unknown[][];
    expect(out).toHaveLength(n);
    expect(
      out.every((r) => typeof r[0] === "number" && Number.isFinite(r[0]) && (r[0] as number) >= 0)
    ).toBe(true);
    expect(out.some((r) => (r[0] as number) > 0)).toBe(true);
  });
});

describe("blank rows in a range drawn past the data", () => {
  it("stay blank in the spilled column and take no part; a half-filled row is still an error", () => {
    const out = refusion110(
      col("A", "", "", "A"),
      col("2026-06-01", "", "2026-07-01", "2026-09-19"),
      col("2026-08-30", "", "", "2026-09-29"),
      1000
    );
    expect(cells(out)).toEqual([45000, "", "#VALUE!", 0]);
    expect(
      refusionDays110(
        col("A", null, "A"),
        col("2026-05-01", null, "2026-06-01"),
        col("2026-05-11", null, "2026-06-11")
      )
    ).toEqual([[10], [""], [10]]);
  });
});
