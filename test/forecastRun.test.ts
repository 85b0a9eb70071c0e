/**
 * The forecast pipeline on the demo workbook: find the stays, validate, compute, write the own
 * sheets and charts. Oracles: DK.REFUSION110 on the good rows for the totals, the sample's own
 * list of bad rows, and a deep copy of the user's sheet taken before the run.
 */
import { beforeAll, describe, expect, it } from "@jest/globals";
import { d } from "../src/engine/calendar";
import { computeForecast } from "../src/engine/forecast";
import { MemoryWorkbook } from "../src/demo/memoryWorkbook";
import { sampleBudgetSheet, sampleWorkbook, SAMPLE_SHEET_NAME } from "../src/demo/sampleData";
import { refusion110 } from "../src/functions/functions";
import {
  AUDIT_SHEET,
  FORECAST_SHEET,
  FORMATS,
  RunError,
  findStays,
  listSources,
  runForecast,
  type RunProgress,
} from "../src/sheets/forecast/forecastRun";
import { AbortError, parseA1, type CellValue } from "../src/workbook/workbook";

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x));
const ore = (k: number) => Math.round(k * 100);

/** The rows of an own sheet's table, by name, as objects keyed by header. */
function tableRows(wb: MemoryWorkbook, sheet: string, table: string): Record<string, CellValue>[] {
  const t = wb.getSheet(sheet)!.tables.find((x) => x.name === table)!;
  const header = wb.getSheet(sheet)!.values[t.top].slice(t.left, t.right + 1) as string[];
  const rows: Record<string, CellValue>[] = [];
  for (let r = t.top + 1; r <= t.bottom; r++)
    rows.push(Object.fromEntries(header.map((h, c) => [h, wb.cell(sheet, r, t.left + c)])));
  return rows;
}

/** The row right below a table: the totals. */
const totalRow = (wb: MemoryWorkbook, sheet: string, table: string) => {
  const t = wb.getSheet(sheet)!.tables.find((x) => x.name === table)!;
  return wb.getSheet(sheet)!.values[t.bottom + 1].slice(t.left, t.right + 1);
};

describe("the demo run on the sample budget (1 000 rows)", () => {
  const sample = sampleBudgetSheet({ rows: 1000 });
  const wb = sampleWorkbook({ rows: 1000 });
  const before = copy(wb.getSheet(SAMPLE_SHEET_NAME)!);
  let found: NonNullable<Awaited<ReturnType<typeof findStays>>>;
  const progress: RunProgress[] = [];
  let result: Awaited<ReturnType<typeof runForecast>>;
  // Jest's describe cannot be async: the run happens once, before this block's tests.
  beforeAll(async () => {
    found = (await findStays(wb))!;
    result = await runForecast(wb, found, found.mapping, {
      pseudonymise: false,
      onProgress: (p) => progress.push(p),
    });
  });

  it("finds the stays on the budget sheet, header in row 3, all six columns mapped", () => {
    expect(found.source).toEqual({ kind: "sheet", sheet: SAMPLE_SHEET_NAME });
    expect(found.firstRow).toBe(3);
    expect(found.mapping).toEqual({
      citizen: 0,
      shelter: 1,
      admission: 2,
      discharge: 3,
      dailyRate: 4,
      selfPayment: 5,
    });
  });

  it("reports the two bad rows at their sheet rows; the other 998 compute", () => {
    expect(result.report.bad.map((b) => b.sheetRow)).toEqual(sample.badRows);
    expect(result.report.ok).toBe(998);
    expect(result.report.stays).toHaveLength(998);
  });

  it("the user's sheet is unchanged after the run", () => {
    expect(copy(wb.getSheet(SAMPLE_SHEET_NAME)!)).toEqual(before);
    expect(wb.sheets.map((s) => [s.name, s.own])).toEqual([
      [SAMPLE_SHEET_NAME, false],
      [FORECAST_SHEET, true],
      [AUDIT_SHEET, true],
    ]);
  });

  it("the forecast table's totals equal the sum of DK.REFUSION110 over the good rows, NY and GAMMEL", () => {
    const { period } = result.summary;
    const s = result.report.stays;
    const col = <T>(xs: T[]) => xs.map((x) => [x]);
    const sumCells = (rules: string) =>
      (
        refusion110(
          col(s.map((x) => x.citizen)),
          col(s.map((x) => x.admission)),
          col(s.map((x) => x.discharge ?? "")),
          col(s.map((x) => x.dailyRate)),
          col(s.map((x) => x.selfPayment)),
          period.start,
          period.end,
          rules
        ) as number[][]
      ).reduce((a, [v]) => a + ore(v), 0);
    const rows = tableRows(wb, FORECAST_SHEET, "Refusionsprognose");
    expect(rows).toHaveLength(24);
    const sumCol = (h: string) => rows.reduce((a, r) => a + ore(r[h] as number), 0);
    expect(sumCol("Refusion NY")).toBe(sumCells("NY"));
    expect(sumCol("Refusion GAMMEL")).toBe(sumCells("GAMMEL"));
    const total = totalRow(wb, FORECAST_SHEET, "Refusionsprognose");
    expect(total[0]).toBe("I alt");
    expect(ore(total[7] as number)).toBe(sumCells("NY"));
    expect(ore(total[8] as number)).toBe(sumCells("GAMMEL"));
    expect(ore(total[9] as number)).toBe(sumCells("GAMMEL") - sumCells("NY"));
  });

  it("the per-year table agrees with the quarters, and has its own total row", () => {
    const quarters = tableRows(wb, FORECAST_SHEET, "Refusionsprognose");
    const years = tableRows(wb, FORECAST_SHEET, "RefusionPrAar");
    expect(years.map((y) => y["År"])).toEqual([2021, 2022, 2023, 2024, 2025, 2026]);
    for (const y of years) {
      const qs = quarters.filter((q) => q["År"] === y["År"]);
      expect(qs.map((q) => q["Kvartal"])).toEqual(["K1", "K2", "K3", "K4"]);
      for (const h of ["Opholdsdøgn", "Bruttoudgift", "Refusion NY", "Kommunal nettoudgift"]) {
        expect(qs.reduce((a, q) => a + ore(q[h] as number), 0)).toBe(ore(y[h] as number));
      }
    }
    expect(totalRow(wb, FORECAST_SHEET, "RefusionPrAar").slice(1)).toEqual(
      totalRow(wb, FORECAST_SHEET, "Refusionsprognose").slice(2)
    );
  });

  it("Danish number formats (kr., thousands separators) on the money and day columns", () => {
    const t = wb.getSheet(FORECAST_SHEET)!.tables[0];
    const header = wb.getSheet(FORECAST_SHEET)!.values[t.top];
    expect(wb.numberFormat(FORECAST_SHEET, t.top + 1, header.indexOf("Refusion NY"))).toBe(
      FORMATS.kr
    );
    expect(wb.numberFormat(FORECAST_SHEET, t.top + 1, header.indexOf("Opholdsdøgn"))).toBe(
      FORMATS.days
    );
    expect(FORMATS.kr).toBe('#,##0.00 "kr."');
  });

  it("three charts: refund NY vs GAMMEL per year and municipal net cost per year from the year table, the user groups' shares from theirs", () => {
    const charts = wb.getSheet(FORECAST_SHEET)!.charts;
    expect(result.charts).toEqual(["RefusionNyGammel", "KommunalNettoudgift", "Brugergrupper"]);
    const [refund, net, groups] = charts.map((c) => wb.chartData(c));
    const years = tableRows(wb, FORECAST_SHEET, "RefusionPrAar");
    expect(refund.categories).toEqual(years.map((y) => String(y["År"])));
    expect(refund.series.map((s) => s.name)).toEqual(["Refusion NY", "Refusion GAMMEL"]);
    expect(refund.series[0].values).toEqual(years.map((y) => y["Refusion NY"]));
    expect(refund.series[1].values).toEqual(years.map((y) => y["Refusion GAMMEL"]));
    expect(net.series[0].values).toEqual(years.map((y) => y["Kommunal nettoudgift"]));
    const groupRows = tableRows(wb, FORECAST_SHEET, "Brugergrupper");
    expect(groups.categories).toEqual(groupRows.map((g) => g["Gruppe"]));
    expect(groups.series[1].values).toEqual(groupRows.map((g) => g["Andel af overnatningerne"]));
    // The charts do not overlap.
    const [a, b, c] = charts.map((chart) => [parseA1(chart.from).top, parseA1(chart.to).top]);
    expect(a[1]).toBeLessThan(b[0]);
    expect(b[1]).toBeLessThan(c[0]);
  });

  it("the audit sheet: one row per sheet row (good and bad), in sheet order, with rule, source and warnings", () => {
    const rows = tableRows(wb, AUDIT_SHEET, "RefusionPrOphold");
    expect(rows).toHaveLength(1000);
    expect(rows.map((r) => r["Række"])).toEqual(Array.from({ length: 1000 }, (_, i) => i + 4));
    const bad = rows.filter((r) => String(r["Advarsler"]).startsWith("Fejl"));
    expect(bad.map((r) => r["Række"])).toEqual(sample.badRows);
    const byRow = new Map(result.report.stayRows.map((row, i) => [row, i]));
    const forecast = computeForecast(result.report.stays);
    for (const r of rows.filter((x) => byRow.has(x["Række"] as number))) {
      const line = forecast.stays[byRow.get(r["Række"] as number)!];
      if ("error" in line.ny) throw new Error("unexpected error line");
      expect(ore(r["Refusion NY"] as number)).toBe(line.ny.amountOre);
      expect(r["Refusionsdøgn NY"]).toBe(line.ny.refundableDays);
    }
    const late = rows.find(
      (r) =>
        (r["Indskrivning"] as number) >= d("2024-01-01") && (r["Refusionsdøgn NY"] as number) > 0
    )!;
    expect(late["Regel (NY)"]).toMatch(
      /vindue \d\d-\d\d-\d{4}–\d\d-\d\d-\d{4}: i perioden \d+ døgn refunderet( og \d+ døgn ud over grænsen)? \(grænse (120|90|120\/90) dage\)/
    );
    expect(late["Kilde"]).toMatch(/^K\d+(, K\d+)*$/);
    // The references resolve in the legend beside the table.
    const audit = wb.getSheet(AUDIT_SHEET)!;
    const legendCol = audit.values[0].indexOf("Tekst");
    const legend = new Map(
      audit.values
        .slice(1)
        .filter((r) => r[legendCol])
        .map((r) => [r[legendCol - 1], String(r[legendCol])])
    );
    for (const ref of String(late["Kilde"]).split(", ")) expect(legend.get(ref)).toBeTruthy();
    expect([...legend.values()].some((t) => /Serviceloven § 177 \(L 64\)/.test(t))).toBe(true);
    expect(rows.some((r) => /Overlapper opholdet i række \d+/.test(String(r["Advarsler"])))).toBe(
      true
    );
    expect(
      rows.some((r) => /Åbent ophold: talt med til og med 31-12-2026/.test(String(r["Advarsler"])))
    ).toBe(true);
    expect(rows[0]["Borger"]).toMatch(/^B\d{5}$/);
  });

  it("each refund can be re-derived from its row of the audit sheet alone (rate, self-payment, days per year)", () => {
    const rows = tableRows(wb, AUDIT_SHEET, "RefusionPrOphold").filter(
      (r) => typeof r["Refusion NY"] === "number"
    );
    expect(rows.length).toBe(998);
    /** 50 % of (rate − self-payment) × days, in øre, rounded half up: the notes beside the table. */
    const refund = (r: Record<string, CellValue>, days: number) => {
      const net = Math.max(
        0,
        ore(r["Takst pr. døgn"] as number) - ore(r["Egenbetaling pr. døgn"] as number)
      );
      return Math.floor((net * days + 1) / 2);
    };
    /** Per year: stay days and NY days, from "2025: 40 døgn, heraf 40 NY; …" (blank: one year). */
    const years = (r: Record<string, CellValue>) =>
      r["Døgn pr. år"] === ""
        ? [{ stay: r["Opholdsdøgn i perioden"] as number, ny: r["Refusionsdøgn NY"] as number }]
        : String(r["Døgn pr. år"])
            .split("; ")
            .map((part) => {
              const m = /^\d{4}: (\d+) døgn, heraf (\d+) NY$/.exec(part);
              if (!m) throw new Error(`Not a year's days: ${part}`);
              return { stay: Number(m[1]), ny: Number(m[2]) };
            });
    const derived = rows.map((r) => {
      const ys = years(r);
      return {
        row: r["Række"],
        ny: ys.reduce((a, y) => a + refund(r, y.ny), 0),
        gammel: ys.reduce((a, y) => a + refund(r, y.stay), 0),
        gross: ore(r["Takst pr. døgn"] as number) * (r["Opholdsdøgn i perioden"] as number),
        nyDays: ys.reduce((a, y) => a + y.ny, 0),
      };
    });
    expect(derived).toEqual(
      rows.map((r) => ({
        row: r["Række"],
        ny: ore(r["Refusion NY"] as number),
        gammel: ore(r["Refusion GAMMEL"] as number),
        gross: ore(r["Bruttoudgift"] as number),
        nyDays: r["Refusionsdøgn NY"],
      }))
    );
    // Stays over New Year are there.
    const split = rows.filter((r) => r["Døgn pr. år"] !== "");
    expect(split.length).toBeGreaterThan(50);

    // The notes beside the table say how the amounts are computed.
    const audit = wb.getSheet(AUDIT_SHEET)!;
    const notes = audit.values
      .flat()
      .filter((v) => typeof v === "string" && /AFRUND|afrundes/.test(v));
    expect(notes.join(" ")).toMatch(/pr\. ophold og kalenderår/);
  });

  it("progress runs from 0 to 1 without going back", () => {
    const f = progress.map((p) => p.fraction);
    expect(f[0]).toBe(0);
    expect(f.at(-1)).toBe(1);
    expect(f).toEqual([...f].sort((a, b) => a - b));
    expect(progress.at(-1)!.phase).toBe("done");
  });
});

describe("the audit's amounts are rounded per stay and calendar year, and the sheet says so", () => {
  it("a stay over New Year at 1 000,01 kr. a day: 33 + 31 days give 32 000,33 kr., not 32 000,32 kr.", async () => {
    const wb = new MemoryWorkbook();
    wb.addUserSheet("Ophold", [
      ["Borger", "Indskrivning", "Udskrivning", "Takst"],
      ["A", d("2025-11-29"), d("2026-02-01"), 1000.01],
      ["B", d("2026-03-01"), d("2026-03-02"), 1000], // the period: 2025 and 2026
    ]);
    const found = (await findStays(wb))!;
    await runForecast(wb, found, found.mapping, { pseudonymise: false });
    const [row] = tableRows(wb, AUDIT_SHEET, "RefusionPrOphold");
    // 2025: 33 days × 500,005 = 16 500,165 -> 16 500,17; 2026: 31 × 500,005 = 15 500,155 -> 15 500,16.
    expect(row["Døgn pr. år"]).toBe("2025: 33 døgn, heraf 33 NY; 2026: 31 døgn, heraf 31 NY");
    expect(row["Refusion NY"]).toBe(32000.33);
    // Once over all 64 days it would be 32 000,32: the per-year days are what re-derive it.
    expect(Math.round(0.5 * 1000.01 * 64 * 100) / 100).toBe(32000.32);
  });
});

describe("the audit explains each stay's days (SPEC 3, re-admission inside the window)", () => {
  it("90 refunded, then 0 refunded and 10 beyond the limit of the same window", async () => {
    const wb = new MemoryWorkbook();
    wb.addUserSheet("Ophold", [
      ["Borger", "Indskrivning", "Udskrivning", "Takst"],
      ["A", d("2026-06-01"), d("2026-08-30"), 1000],
      ["A", d("2026-09-19"), d("2026-09-29"), 1000],
    ]);
    const found = (await findStays(wb))!;
    await runForecast(wb, found, found.mapping, { pseudonymise: false });
    const [first, second] = tableRows(wb, AUDIT_SHEET, "RefusionPrOphold").map(
      (r) => r["Regel (NY)"]
    );
    expect(first).toBe(
      "vindue 01-06-2026–31-05-2027: i perioden 90 døgn refunderet (grænse 90 dage)"
    );
    expect(second).toBe(
      "vindue 01-06-2026–31-05-2027: i perioden 0 døgn refunderet og 10 døgn ud over grænsen (grænse 90 dage)"
    );
  });
});

describe("options and edge cases", () => {
  it("pseudonymised audit: ids replaced by 'Borger n', the same citizen keeps one pseudonym", async () => {
    const wb = sampleWorkbook({ rows: 300 });
    const found = (await findStays(wb))!;
    await runForecast(wb, found, found.mapping, { pseudonymise: true });
    const rows = tableRows(wb, AUDIT_SHEET, "RefusionPrOphold");
    expect(rows.every((r) => /^Borger \d+$/.test(String(r["Borger"])))).toBe(true);
    const real = new Map<number, CellValue>();
    for (let i = 0; i < found.rows.length; i++) real.set(found.firstRow + i + 1, found.rows[i][0]);
    const pairs = new Map<CellValue, CellValue>();
    for (const r of rows) {
      const id = real.get(r["Række"] as number);
      if (pairs.has(id!)) expect(pairs.get(id!)).toBe(r["Borger"]);
      pairs.set(id!, r["Borger"]);
    }
    expect(new Set(pairs.values()).size).toBe(pairs.size);
  });

  it("name clash: a user's sheet called 'Refusion pr. ophold' stays as it is; the audit goes to '(2)' and the result says so", async () => {
    const wb = sampleWorkbook({ rows: 100 });
    wb.addUserSheet(AUDIT_SHEET, [["Mine noter"]]);
    const found = (await findStays(wb))!;
    const result = await runForecast(wb, found, found.mapping, { pseudonymise: false });
    expect(result.sheets.audit).toMatchObject({
      name: "Refusion pr. ophold (2)",
      renamed: true,
      wanted: AUDIT_SHEET,
    });
    expect(result.sheets.forecast.renamed).toBe(false);
    expect(wb.getSheet(AUDIT_SHEET)!.values).toEqual([["Mine noter"]]);
    // A second run replaces its own sheets and creates no more.
    await runForecast(wb, found, found.mapping, { pseudonymise: false });
    expect(wb.sheets.map((s) => s.name)).toEqual([
      SAMPLE_SHEET_NAME,
      AUDIT_SHEET,
      FORECAST_SHEET,
      "Refusion pr. ophold (2)",
    ]);
  });

  it("an Excel table is preferred over a sheet's header row, and sources list tables first", async () => {
    const wb = sampleWorkbook({ rows: 50 });
    wb.addUserSheet(
      "Tabel",
      [
        ["Citizen", "Admission", "Discharge", "Daily rate"],
        ["X", d("2026-01-01"), d("2026-02-01"), 1000],
      ],
      [{ name: "Stays", top: 0, left: 0, bottom: 1, right: 3 }]
    );
    expect(await listSources(wb)).toEqual([
      { kind: "table", table: "Stays", sheet: "Tabel" },
      { kind: "sheet", sheet: SAMPLE_SHEET_NAME },
      { kind: "sheet", sheet: "Tabel" },
    ]);
    const found = (await findStays(wb))!;
    expect(found.source).toEqual({ kind: "table", table: "Stays", sheet: "Tabel" });
    const result = await runForecast(wb, found, found.mapping, {
      pseudonymise: false,
      forecast: { years: { first: 2026, last: 2026 } },
    });
    expect(result.summary.total.stayDays).toBe(31);
    expect(result.summary.total.refundNy).toBe("15500.00");
  });

  it("own sheets are not offered as sources, and a workbook without stays gives undefined", async () => {
    const wb = new MemoryWorkbook();
    wb.addUserSheet("Noter", [["Intet at se her"]]);
    await wb.writeOwnSheet({
      name: FORECAST_SHEET,
      sections: [{ at: "A1", values: [["Borger", "Indskrivning", "Udskrivning"]] }],
    });
    expect(await listSources(wb)).toEqual([{ kind: "sheet", sheet: "Noter" }]);
    expect(await findStays(wb)).toBeUndefined();
  });

  it("a required column left unmapped stops the run with RunError before anything is written", async () => {
    const wb = sampleWorkbook({ rows: 50 });
    const found = (await findStays(wb))!;
    const run = runForecast(
      wb,
      found,
      { ...found.mapping, dailyRate: null },
      { pseudonymise: false }
    );
    await expect(run).rejects.toBeInstanceOf(RunError);
    await expect(
      runForecast(wb, found, { ...found.mapping, dailyRate: null }, { pseudonymise: false })
    ).rejects.toMatchObject({ code: "missingColumns", fields: ["dailyRate"] });
    expect(wb.sheets).toHaveLength(1);
  });

  it("cancel during the write: AbortError, and the user's sheet untouched", async () => {
    const wb = sampleWorkbook({ rows: 3000 });
    const before = copy(wb.getSheet(SAMPLE_SHEET_NAME)!.values);
    const found = (await findStays(wb))!;
    const controller = new AbortController();
    const run = runForecast(wb, found, found.mapping, {
      pseudonymise: false,
      signal: controller.signal,
      onProgress: (p) => p.phase === "write" && controller.abort(),
    });
    await expect(run).rejects.toBeInstanceOf(AbortError);
    expect(wb.getSheet(SAMPLE_SHEET_NAME)!.values).toEqual(before);
    expect(wb.getSheet(AUDIT_SHEET)).toBeUndefined();
  });
});
