/**
 * DK.REFUSIONPROGNOSE and DK.HOUSINGFIRSTPROJECTION as Excel calls them: ranges as 2-D arrays, a spilled table with a
 * header row, and one Danish error value for a bad argument.
 */
import { describe, expect, it } from "@jest/globals";
import { Decimal } from "../src/engine/money";
import { d } from "../src/engine/calendar";
import { computeForecast } from "../src/engine/forecast";
import { DEFAULT_PARAMETERS, PARAMETERS, type ParameterId } from "../src/engine/parameters";
import { computeProjection, isProjectionError } from "../src/engine/projection";
import { forecast, projection, refusion110 } from "../src/functions/functions";
import {
  FORECAST_HEADER,
  PROJECTION_COLUMNS,
  PROJECTION_SUMMARY,
  SKIPPED_LABEL,
  projectionColumn,
} from "../src/functions/scenarioFunctions";
import { sampleBudgetSheet } from "../src/demo/sampleData";

type Err = { code: string; message: string };
const col = (xs: readonly unknown[]) => xs.map((x) => [x]);

/** The sample budget sheet's columns as ranges, bad rows removed. */
function sampleColumns(rows = 800) {
  const sheet = sampleBudgetSheet({ rows });
  const data = sheet.values
    .slice(sheet.headerRow + 1)
    .filter((_, i) => !sheet.badRows.includes(sheet.headerRow + 2 + i));
  const c = (k: number) => col(data.map((r) => r[k]));
  return { citizen: c(0), admission: c(2), discharge: c(3), rate: c(4), self: c(5) };
}

const params = (overrides: Partial<Record<ParameterId, unknown>> = {}) => [
  ["Parameter", "Værdi"],
  ...PARAMETERS.map((p) => [p.name, p.id in overrides ? overrides[p.id] : p.default]),
];

const s = sampleColumns();
const call = (p: unknown, cols = s) =>
  projection(cols.citizen, cols.admission, cols.discharge, cols.rate, cols.self, p);

describe("DK.HOUSINGFIRSTPROJECTION", () => {
  it("spills a header row, the base year and 5 projection years, then NPV, ratio, break-even and the rows left out", () => {
    const t = call(params()) as unknown[][];
    expect(t[0]).toEqual(PROJECTION_COLUMNS.map((c) => c.da));
    expect(t.map((r) => r[0])).toEqual([
      "År",
      2026,
      2027,
      2028,
      2029,
      2030,
      2031,
      ...PROJECTION_SUMMARY,
      SKIPPED_LABEL,
    ]);
    expect(t.every((r) => r.length === PROJECTION_COLUMNS.length)).toBe(true);
    // Columns added after the first release come last, so lookups of the first 16 keep working.
    expect(PROJECTION_COLUMNS.slice(16).map((c) => c.key)).toEqual([
      "movedAwayShelterCost",
      "hfStateRefund",
      "cashableEffect",
      "socioEconomicNet",
      "cashableSavings",
      "publicSaved",
      "publicCost",
    ]);
    expect(t[1][projectionColumn("cumulativeNpv")]).toBe("");
    expect(t[7][1]).toBe(t[6][projectionColumn("cumulativeNpv")]);
    expect(t[9][1]).toBeGreaterThanOrEqual(2027);
    // The views' totals: the budget effect is the difference column's sum over the projection years.
    const years = t.slice(2, 7);
    const sumOf = (key: Parameters<typeof projectionColumn>[0]) =>
      years.reduce((s, r) => s.plus(r[projectionColumn(key)] as number), new Decimal(0)).toNumber();
    expect(t[10][1]).toBe(sumOf("difference"));
    expect(t[11][1]).toBe(sumOf("cashableEffect"));
    expect(typeof t[12][1]).toBe("number");
    // Issue 20: the budget case's nominal rate, (1 + 3,5 %)(1 + 2 %) − 1, and the public value's figures.
    expect(t[13].slice(0, 2)).toEqual(["Nominel diskonteringsrente (budget)", 0.0557]);
    expect(t[14][0]).toBe("Samfundsøkonomisk afkast pr. krone");
    expect(t[15][0]).toBe("Samfundsøkonomisk break-even-år");
    expect(t[16].slice(0, 3)).toEqual([SKIPPED_LABEL, 0, ""]);
  });

  it("its numbers are the engine's: the same as computeProjection for the same rows and parameters", () => {
    const t = call(params({ horizon: 3, admissionGrowth: 0.02 })) as number[][];
    const stays = s.citizen.map(([c], i) => ({
      citizen: String(c),
      admission: s.admission[i][0] as number,
      discharge: s.discharge[i][0] === "" ? null : (s.discharge[i][0] as number),
      dailyRate: s.rate[i][0] as number,
      selfPayment: s.self[i][0] === "" ? 0 : (s.self[i][0] as number),
    }));
    const p = computeProjection(stays, {
      ...DEFAULT_PARAMETERS,
      horizon: 3,
      admissionGrowth: 0.02,
    });
    if (isProjectionError(p)) throw new Error(p.message);
    expect(t[2][projectionColumn("netCost")]).toBe(p.years[1].noAction.netCost.toNumber());
    expect(t[4][projectionColumn("difference")]).toBe(p.years[3].difference.toNumber());
  });

  it("a parameter cell's edit changes the result (the live sheet's recalculation)", () => {
    const a = call(params()) as number[][];
    const b = call(params({ supportCost: 130000 })) as number[][];
    const c = projectionColumn("programmeCost");
    expect(b[3][c]).toBeGreaterThan(a[3][c]);
    expect(b[3][projectionColumn("netCost")]).toBe(a[3][projectionColumn("netCost")]);
  });

  it("blank rows at the end of the ranges are skipped", () => {
    const padded = Object.fromEntries(
      Object.entries(s).map(([k, v]) => [k, [...v, [""], [null]]])
    ) as typeof s;
    expect(call(params(), padded)).toEqual(call(params()));
  });

  describe("bad input: one Danish error value", () => {
    const expectError = (result: unknown, code: string, message: string | RegExp) => {
      expect(result).toMatchObject({ code });
      expect((result as Err).message).toMatch(message);
    };
    it("growth at or below −100 %", () => {
      expectError(
        call(params({ admissionGrowth: -1 })),
        "#VALUE!",
        /^«Vækst i indskrivninger»: skal ligge over -100 %/
      );
    });
    it("a share outside 0–100 %", () => {
      expectError(
        call(params({ shareMoved: 1.5 })),
        "#VALUE!",
        "«Andel lange ophold i egen bolig»"
      );
      expectError(call(params({ relapseRate: -0.1 })), "#VALUE!", "«Tilbagefald pr. år»");
    });
    it("a negative cost", () => {
      expectError(call(params({ supportCost: -85000 })), "#VALUE!", "«Bostøtte pr. år»");
      expectError(call(params({ oneOffCost: -1 })), "#VALUE!", "«Engangsudgift pr. deltager»");
    });
    it("a horizon of 0 or above 30 years", () => {
      expectError(call(params({ horizon: 0 })), "#VALUE!", "«Horisont»");
      expectError(call(params({ horizon: 31 })), "#VALUE!", "«Horisont»");
    });
    it("an unknown or missing parameter name", () => {
      expectError(
        call([...params(), ["Vækstrate", 0.1]]),
        "#VALUE!",
        "Ukendt parameter «Vækstrate»"
      );
      expectError(
        call(params().filter(([n]) => n !== "Boliger pr. år")),
        "#VALUE!",
        "Parameteren «Boliger pr. år» mangler"
      );
    });
    it("a parameter range that is not two columns", () => {
      expectError(
        call(params().map((r) => [...r, ""])),
        "#VALUE!",
        "Parameterområdet skal have to kolonner: navn og værdi (det har 3)"
      );
      expectError(call(0.5), "#VALUE!", "Parameterområdet skal have to kolonner");
    });
    it("an empty stays range", () => {
      const empty = {
        citizen: [[""]],
        admission: [[""]],
        discharge: [[""]],
        rate: [[""]],
        self: [[""]],
      };
      expectError(
        call(params(), empty),
        "#VALUE!",
        "Opholdsområdet er tomt: der er ingen ophold at regne på"
      );
    });
    it("columns of different lengths", () => {
      expectError(call(params(), { ...s, rate: s.rate.slice(1) }), "#VALUE!", "forskellig længde");
    });
    it("no good stay row at all: the first bad row's error", () => {
      const bad = {
        citizen: [["A"], ["B"]],
        admission: [["30-02-2026"], [46000]],
        discharge: [[""], [45990]],
        rate: [[1000]],
        self: [[0]],
      };
      expectError(
        call(params(), bad),
        "#VALUE!",
        /^Ingen gyldige ophold: 2 rækker \(række 1 i området: Indskrivning: «30-02-2026» er ikke en dato.*; række 2 i området: Udskrivning [0-9-]+ ligger før indskrivning [0-9-]+\)$/
      );
    });
  });

  describe("a bad stay row is left out and reported in the table's last row, never silently", () => {
    it("names each left-out row and its reason; the other rows still compute", () => {
      const bad = { ...s, admission: s.admission.map((r, i) => (i === 4 ? ["30-02-2026"] : r)) };
      const swapped = {
        ...bad,
        discharge: bad.discharge.map((r, i) => (i === 9 ? [(s.admission[9][0] as number) - 3] : r)),
      };
      const t = call(params(), swapped) as unknown[][];
      const last = t[t.length - 1];
      expect(last.slice(0, 2)).toEqual([SKIPPED_LABEL, 2]);
      expect(last[2]).toBe(
        "2 rækker (række 5 i området: Indskrivning: «30-02-2026» er ikke en dato (skriv fx 2026-05-01 eller 01-05-2026); række 10 i området: Udskrivning 28-01-2021 ligger før indskrivning 31-01-2021)"
      );
      // The same as the projection of the good rows alone.
      const keep = (xs: unknown[][]) => xs.filter((_, i) => i !== 4 && i !== 9);
      const good = call(params(), {
        citizen: keep(s.citizen),
        admission: keep(s.admission),
        discharge: keep(s.discharge),
        rate: keep(s.rate),
        self: keep(s.self),
      }) as unknown[][];
      expect(t.slice(0, -1)).toEqual(good.slice(0, -1));
    });
  });
});

describe("DK.REFUSIONPROGNOSE", () => {
  const stays = [
    ["A", "2024-01-01", "2024-12-31", 1000, 0],
    ["A", "2026-05-01", "2027-05-01", 1000, 0],
    ["B", "2026-06-01", "2026-08-30", 1200, 200],
  ];
  const c = (k: number) => col(stays.map((r) => r[k]));

  it("spills a header row, one row per year (first to last admission, as the pane) and a total; SPEC 3's cases give 120 and 90 days", () => {
    const t = forecast(c(0), c(1), c(2), c(3), c(4)) as unknown[][];
    expect(t[0]).toEqual([...FORECAST_HEADER]);
    expect(t.map((r) => r[0])).toEqual(["År", 2024, 2025, 2026, "I alt", SKIPPED_LABEL]);
    const ny = FORECAST_HEADER.indexOf("Refusionsdøgn NY");
    expect(t[1][ny]).toBe(120);
    expect(t[2][ny]).toBe(0);
    // 2026: A's window from 2026-05-01 refunds 90 days inside 2026; B 90 days.
    expect(t[3][ny]).toBe(90 + 90);
    const withYears = forecast(c(0), c(1), c(2), c(3), c(4), [[2026], [2027]]) as unknown[][];
    expect(withYears[2][ny]).toBe(0); // 2027: A's window from 2026-05-01 is used up
    expect(withYears[2][FORECAST_HEADER.indexOf("Opholdsdøgn")]).toBe(120);
  });

  it("each year's refund equals Σ DK.REFUSION110 for that year, and the total row adds the years", () => {
    const t = forecast(c(0), c(1), c(2), c(3), c(4)) as number[][];
    const refundNy = FORECAST_HEADER.indexOf("Refusion NY");
    for (const [row, year] of [
      [1, 2024],
      [3, 2026],
    ] as const) {
      const cells = refusion110(
        c(0),
        c(1),
        c(2),
        c(3),
        c(4),
        `${year}-01-01`,
        `${year}-12-31`,
        "NY"
      ) as number[][];
      expect(t[row][refundNy]).toBe(cells.reduce((a, [v]) => a + v, 0));
    }
    for (let k = 1; k < FORECAST_HEADER.length; k++) {
      expect(t[4][k]).toBeCloseTo(t[1][k] + t[2][k] + t[3][k], 6);
    }
  });

  it("years: one year, or a row of years; their total only", () => {
    const one = forecast(c(0), c(1), c(2), c(3), c(4), 2026) as unknown[][];
    expect(one.map((r) => r[0])).toEqual(["År", 2026, "I alt", SKIPPED_LABEL]);
    expect(one[2].slice(1)).toEqual(one[1].slice(1));
    const two = forecast(c(0), c(1), c(2), c(3), c(4), [[2024, 2026]]) as unknown[][];
    expect(two.map((r) => r[0])).toEqual(["År", 2024, 2026, "I alt", SKIPPED_LABEL]);
    const f = computeForecast(
      stays.map((r) => ({
        citizen: String(r[0]),
        admission: d(String(r[1])),
        discharge: d(String(r[2])),
        dailyRate: Number(r[3]),
        selfPayment: Number(r[4]),
      })),
      { years: { first: 2024, last: 2026 } }
    );
    expect(two[3][FORECAST_HEADER.indexOf("Kommunal nettoudgift")]).toBe(
      f.years[0].netCost.plus(f.years[2].netCost).toNumber()
    );
  });

  it("bad input: a year that is not a year, an empty range, a bad row", () => {
    expect(forecast(c(0), c(1), c(2), c(3), c(4), "i år")).toMatchObject({
      code: "#VALUE!",
      message: "År: «i år» er ikke et årstal (fx 2026)",
    });
    expect(forecast([[""]], [[""]], [[""]], [[""]])).toMatchObject({
      code: "#VALUE!",
      message: expect.stringContaining("Opholdsområdet er tomt"),
    });
    const t = forecast(c(0), c(1), c(2), col(["x", 1000, 1200]), c(4)) as unknown[][];
    expect(t[t.length - 1].slice(0, 3)).toEqual([
      SKIPPED_LABEL,
      1,
      "1 række (række 1 i området: Takst: «x» er ikke et tal)",
    ]);
    expect(t.map((r) => r[0])).toEqual(["År", 2026, "I alt", SKIPPED_LABEL]);
  });
});
