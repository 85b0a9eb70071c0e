/**
 * The council page: every figure on it is the engine's (projection, Monte Carlo, tornado,
 * user groups) for the active scenario, the print setup puts the answer on the first portrait A4
 * page and the background after it, and the stamp
 * names the versions. Checked on a small constructed municipality.
 */
import { describe, expect, it } from "@jest/globals";
import { version } from "../package.json";
import { d } from "../src/engine/calendar";
import { sum } from "../src/engine/money";
import {
  DEFAULT_PARAMETERS,
  parameterById,
  type ScenarioParameters,
} from "../src/engine/parameters";
import { computeProjection, isProjectionError, type Projection } from "../src/engine/projection";
import { RULE_SETS, ruleSetVersion } from "../src/engine/rules";
import type { StayInput } from "../src/engine/shelter";
import { groupFigures } from "../src/engine/typology";
import { runMonteCarlo, tornado, type MonteCarloResult } from "../src/engine/uncertainty";
import { MemoryWorkbook } from "../src/demo/memoryWorkbook";
import { hasCprNumber } from "../src/privacy/personalData";
import { SUMMARY_SHEET, summarySheet, wrapLines } from "../src/sheets/summary/summarySheet";
import { accepted, stay, theSamePeopleReturn } from "./fixtures";

const stays: StayInput[] = [
  stay("R1", "2027-03-01", null, 1500, 100),
  stay("R2", "2028-01-10", null, 1400),
  stay("E", "2028-02-01", "2028-02-20", 1300),
  stay("E", "2028-06-01", "2028-06-25", 1300),
  stay("E", "2029-01-05", "2029-04-20", 1300),
  stay("S1", "2029-05-01", "2029-05-09", 1200),
  stay("S2", "2029-09-01", "2029-12-10", 1200),
];
/** Seven stays cannot say who comes back: the premise is that the same people do. */
const parameters: ScenarioParameters = {
  ...DEFAULT_PARAMETERS,
  baseYear: 2029,
  horizon: 5,
  ...theSamePeopleReturn,
};
const request = {
  stays,
  scenario: { name: "Basis", parameters },
  rules: "NY" as const,
  today: d("2026-12-01"),
  draws: 200,
  seed: 7,
};

const projection = computeProjection(stays, parameters) as Projection;
const mc = runMonteCarlo(stays, parameters, { draws: 200, seed: 7 }) as MonteCarloResult;
const { spec, chart, masked } = summarySheet(request);
const rows = spec.sections[0].values;
/** The row whose first cell is `label` (exactly, or starting with it). */
const row = (label: string) => {
  const found = rows.find((r) => typeof r[0] === "string" && r[0].startsWith(label));
  if (!found) throw new Error(`no row ${label}`);
  return found;
};

describe("the Sammenfatning sheet", () => {
  it("states the projection's figures for the horizon", () => {
    expect(isProjectionError(projection)).toBe(false);
    const years = projection.years.slice(1);
    expect(row("Udgift uden indsats 2030–2034")[1]).toBe(
      sum(years.map((y) => y.noAction.netCost)).toNumber()
    );
    expect(row("Udgift med Housing First")[1]).toBe(
      sum(years.map((y) => y.housingFirst.netCost)).toNumber()
    );
    // The saving is the difference of the two lines above, to the øre.
    expect(row("Housing First sparer kommunen")[1]).toBeCloseTo(
      (row("Udgift uden indsats")[1] as number) - (row("Udgift med Housing First")[1] as number),
      2
    );
    expect(row("Housing First sparer kommunen")[1]).toBe(projection.budgetEffect.toNumber());
    expect(row("heraf kontant")[1]).toBe(projection.cashableEffect.toNumber());
  });

  it("gives the two headlines apart, each under its own heading: the budget case and the public-sector value", () => {
    const budget = rows.findIndex((r) =>
      String(r[0]).startsWith("Budgettet: kommunens egen kasse")
    );
    const publicValue = rows.findIndex((r) => String(r[0]).startsWith("Offentlig værdi"));
    expect(budget).toBeGreaterThan(0);
    expect(publicValue).toBeGreaterThan(budget);
    const npvs = rows.filter((r) => String(r[0]).startsWith("Nutidsværdi ("));
    expect(npvs.map((r) => r[0])).toEqual([
      "Nutidsværdi (nominel rente 5,57 %)",
      "Nutidsværdi (3,5 %,",
    ]);
    // A bold label too long for column A goes on two lines, the figures beside the second.
    expect(rows[rows.indexOf(npvs[1]) + 1]).toEqual([
      "nettoafgiftsfaktor 1,28)",
      projection.public.npv.toNumber(),
      mc.public.npv.p10,
      mc.public.npv.p50,
      mc.public.npv.p90,
    ]);
    expect(projection.public.npv).toEqual(projection.socioEconomicNpv);
  });

  it("shows the council's own choices apart, with the budget's NPV under each alternative", () => {
    const at = rows.findIndex((r) => String(r[0]).startsWith("Kommunens egne valg"));
    const bar = (id: string) => accepted(tornado(stays, parameters)).find((b) => b.id === id)!;
    const chronic = rows.slice(at).find((r) => r[0] === "Målgruppe: kroniske (nu ja)")!;
    // A yes/no choice has one alternative: the other answer, with the NPV it gives.
    expect(chronic.slice(1, 3)).toEqual(["nej", bar("targetChronic").npvLow]);
    expect(chronic.slice(3).filter((c) => c !== "" && c !== null && c !== undefined)).toEqual([]);
    const horizon = rows.slice(at).find((r) => String(r[0]).startsWith("Horisont (nu 5 år)"))!;
    expect(horizon.slice(1, 5)).toEqual([
      "3 år",
      bar("horizon").npvLow,
      "10 år",
      bar("horizon").npvHigh,
    ]);
  });

  it("says when the NPV lies outside its P10–P90, naming the one-sided ranges", () => {
    // Costs at 0 can only rise, and the cashable share at 100 % only fall: the draws lean down.
    expect(projection.npv.toNumber()).toBeGreaterThan(mc.npv.p90);
    const text = rows.map((r) => String(r[0] ?? "")).join(" ");
    const lopsided = text.match(/Spænd, der ikke ligger lige om scenariets værdi, .*?: (.*?) \(/);
    expect(lopsided?.[1]).toMatch(/«Kontant andel af besparelsen»/);
    expect(lopsided?.[1]).toMatch(/«Sagsbehandling pr. borger»/);
    // Page 1 says it in a line and counts them; the names stand with the assumptions.
    const count = lopsided![1].split("», «").length;
    expect(text).toContain(
      `Nutidsværdien ligger uden for P10–P90, fordi ${count} af de usikre antagelsers spænd`
    );
    const [background] = spec.print!.pages!.breaks;
    const at = (re: RegExp) => rows.findIndex((r) => re.test(String(r[0])));
    expect(at(/^Nutidsværdien ligger uden for/)).toBeLessThan(background);
    expect(at(/^Spænd, der ikke ligger lige/)).toBeGreaterThan(background);
  });

  it("names the costs that are still placeholders", () => {
    const placeholders = rows.find((r) => String(r[0]).startsWith("UDFYLD"));
    expect(String(placeholders?.[0])).toMatch(/«Kommunens andel af boligstøtten»/);
  });

  it("gives the NPV, return per krone and break-even with the Monte Carlo run's P10/P50/P90", () => {
    expect(row("Nutidsværdi")).toEqual([
      "Nutidsværdi (nominel rente 5,57 %)",
      projection.npv.toNumber(),
      mc.npv.p10,
      mc.npv.p50,
      mc.npv.p90,
    ]);
    expect(mc.npv.p10).toBeLessThanOrEqual(mc.npv.p90);
    expect(row("Sandsynlighed")[1]).toBe(`${Math.round(mc.probabilityPositive * 100)} %`);
    const be = row("Break-even-år");
    const yearOrLater = (y: number | null) => y ?? "efter 2034";
    expect(be).toEqual([
      "Break-even-år",
      yearOrLater(projection.breakEvenYear),
      yearOrLater(mc.breakEven.p10),
      yearOrLater(mc.breakEven.p50),
      yearOrLater(mc.breakEven.p90),
    ]);
  });

  it("lists the user groups and the five uncertain assumptions with the widest tornado bars, with sources", () => {
    const groups = groupFigures(stays, 2029, {
      years: 3,
      chronicNights: 365,
      episodicEpisodes: 3,
      episodeGapDays: 30,
    });
    expect(row("Kronisk")[1]).toBe(groups.find((g) => g.group === "chronic")!.citizens);
    const citizens = ["Kroniske", "Episodiske", "Forbigående"].map((g) => row(g)[1] as number);
    expect(citizens.reduce((a, b) => a + b)).toBe(5);

    const top = accepted(tornado(stays, parameters))
      .filter((b) => parameterById(b.id).uncertain)
      .slice(0, 5);
    expect(top.length).toBe(5);
    const at = rows.findIndex((r) => r[0] === "De fem vigtigste usikre antagelser");
    const listed = rows.slice(at + 1).filter((r) => typeof r[4] === "number");
    expect(listed.map((r) => r[4])).toEqual(top.map((b) => b.swing));
    // Each assumption is followed by its source.
    const sources = rows.slice(at + 1).filter((r) => String(r[1]).startsWith("Kilde: "));
    expect(sources.length).toBeGreaterThanOrEqual(5);
  });

  it("uses the Scenarier sheet's own low–high values for the assumptions and the Monte Carlo run", () => {
    const ranges = { relapseRate: { low: 0, high: 0.6, source: "Egen vurdering" } };
    const own = summarySheet({ ...request, ranges }).spec.sections[0].values;
    const at = own.findIndex((r) => r[0] === "Tilbagefald pr. år");
    expect(own[at].slice(1, 4)).toEqual(["10 %", "0 %", "60 %"]);
    const source: string[] = [];
    for (let r = at + 1; own[r][0] === ""; r++) source.push(String(own[r][1]));
    expect(source.join(" ")).toMatch(/^Kilde: .* Spænd: Egen vurdering$/);
    const npvRow = (values: typeof rows) =>
      values.find((r) => String(r[0]).startsWith("Nutidsværdi"))!;
    const withOwn = runMonteCarlo(stays, parameters, { draws: 200, seed: 7, ranges });
    expect(npvRow(own)[2]).toBe((withOwn as MonteCarloResult).npv.p10);
    expect(npvRow(own)[2]).not.toBe(npvRow(rows)[2]);
  });

  it("stamps the add-in version, the rule data's version, the date and the base year", () => {
    const stamp = rows.find((r) => String(r[0]).startsWith("Refusion og Housing First"))!;
    expect(stamp[0]).toBe(
      `Refusion og Housing First ${version} · ${ruleSetVersion(RULE_SETS.NY)} · udskrevet 01-12-2026 · basisår 2029`
    );
  });

  it("prints the answer on its first page (headlines, B + 3, chart) and the background after", () => {
    expect(spec.print).toEqual({
      area: `A1:F${rows.length}`,
      orientation: "portrait",
      pages: { breaks: [expect.any(Number)], scale: 80 },
    });
    const [background] = spec.print!.pages!.breaks;
    const index = (label: string) => rows.findIndex((r) => String(r[0]).startsWith(label));
    expect(rows[background][0]).toMatch(/^Baggrund: /);
    // Page 1: both headlines, the budget year and its overslagsår, the chart's empty rows.
    for (const label of ["Nutidsværdi (nominel", "Nutidsværdi (3,5 %", "Budgetår 2030"])
      expect(index(label)).toBeLessThan(background);
    const from = Number(/\d+$/.exec(chart.from)![0]) - 1;
    const to = Number(/\d+$/.exec(chart.to)![0]) - 1;
    expect(from).toBeGreaterThan(index("Budgetår 2030"));
    expect(to).toBeLessThan(background);
    for (let r = from; r <= to; r++) expect(rows[r]).toEqual([]);
    // A4 less Excel's normal top and bottom margins (0,75 inch), at 80 %: 917 pt of sheet, 61
    // rows of 15 pt; the first page keeps clear of it for the larger title.
    expect(background).toBeLessThanOrEqual(58);
    // Page 2 on: the years, the users, the council's choices, the assumptions.
    for (const label of ["År", "Kommunens egne valg", "De fem vigtigste usikre antagelser"])
      expect(index(label)).toBeGreaterThan(background);
    // The chart reads the year table, wherever it stands.
    expect(chart.categories).toBe(`A${index("År") + 2}:A${index("År") + 6}`);
    // No line runs past column F: notes are wrapped, and the widest columns are fixed.
    for (const r of rows)
      if (typeof r[0] === "string") expect(r[0].length).toBeLessThanOrEqual(100);
  });

  it("shows the budget year and three overslagsår in current and in fixed prices", () => {
    const at = rows.findIndex((r) => String(r[0]).startsWith("Budgetår 2030"));
    expect(rows[at]).toEqual(["Budgetår 2030 og overslagsår 2031–2033"]);
    const year = (y: number) => projection.years.find((p) => p.year === y)!;
    const years = [2030, 2031, 2032, 2033];
    expect(rows[at + 1]).toEqual(["Løbende priser", ...years]);
    expect(rows[at + 2]).toEqual([
      "Uden indsats",
      ...years.map((y) => year(y).noAction.netCost.toNumber()),
    ]);
    expect(rows[at + 4]).toEqual(["Forskel", ...years.map((y) => year(y).difference.toNumber())]);
    expect(rows[at + 5]).toEqual(["Faste 2030-priser", ...years]);
    // Deflated by the price indexation to the budget year's level, to the øre.
    const growth = 1 + parameters.rateIndexation;
    rows[at + 8]
      .slice(1)
      .forEach((v, k) =>
        expect(v).toBeCloseTo(year(years[k]).difference.toNumber() / growth ** k, 2)
      );
  });

  it("writes as the add-in's own sheet, the chart reading the years", async () => {
    const workbook = new MemoryWorkbook();
    const written = await workbook.writeOwnSheet(spec);
    await workbook.addChart({ ...chart, sheet: written.name });
    expect(written.name).toBe(SUMMARY_SHEET);
    const sheet = workbook.getSheet(SUMMARY_SHEET)!;
    expect(sheet.print).toEqual(spec.print);
    const data = workbook.chartData(sheet.charts[0]);
    expect(data.categories).toEqual(["2030", "2031", "2032", "2033", "2034"]);
    expect(data.series[0].values).toEqual(
      projection.years.slice(1).map((y) => y.noAction.netCost.toNumber())
    );
  });

  it("reports progress up to the whole run, and refuses a scenario that cannot be projected", () => {
    const seen: number[] = [];
    summarySheet({ ...request, draws: 100 }, (p) => seen.push(p.done / p.total));
    expect(seen.at(-1)).toBe(1);
    expect(() => summarySheet({ ...request, stays: [] })).toThrow(/ophold|basisår/i);
  });
});

describe("personal data on the council page", () => {
  /** Masking does not depend on the Monte Carlo run: a short one. */
  const quick = { ...request, draws: 100 };
  /** Every text on the sheet, one line. */
  const texts = (values: typeof rows) =>
    values
      .flat()
      .filter((v) => typeof v === "string")
      .join(" ");
  const devanagari = (text: string) =>
    text.replace(/[0-9]/g, (c) => String.fromCodePoint(0x966 + Number(c)));

  it("a CPR number in a range's source and in the scenario's name shows as XXXXXX-XXXX, and the result says so", () => {
    const ranges = {
      relapseRate: {
        low: 0,
        high: 0.6,
        source: `Sag ${devanagari("010190 - 1234")} og 01 01 90-12 34, egen vurdering`,
      },
    };
    const sheet = summarySheet({
      ...quick,
      scenario: { name: "Sag 010190&#45;1234", parameters },
      ranges,
    });
    const all = texts(sheet.spec.sections[0].values);
    expect(sheet.masked).toEqual(["cpr"]);
    expect(all).toContain("Scenarie «Sag XXXXXX-XXXX» · basisår 2029");
    expect(all).toMatch(/Spænd: Sag XXXXXX-XXXX og XXXXXX-XXXX, egen vurdering/);
    expect(hasCprNumber(all)).toBe(false);
    // The figures are the same as without the masks: only text cells change.
    const plain = summarySheet({
      ...quick,
      ranges: { relapseRate: { ...ranges.relapseRate, source: "x" } },
    });
    const numbers = (values: typeof rows) => values.flat().filter((v) => typeof v === "number");
    expect(numbers(sheet.spec.sections[0].values)).toEqual(numbers(plain.spec.sections[0].values));
  });

  it("a stay's citizen id used as the scenario's name is masked", () => {
    const sheet = summarySheet({
      ...quick,
      stays: [...stays, stay("B00017", "2029-03-01", "2029-03-05", 1200)],
      scenario: { name: "Borger b00017", parameters },
    });
    expect(sheet.masked).toEqual(["id"]);
    expect(texts(sheet.spec.sections[0].values)).toContain("Scenarie «Borger XXXX»");
  });

  it("a page without personal data masks nothing: not the registry's sources, dates or amounts", () => {
    expect(masked).toEqual([]);
    expect(texts(rows)).not.toContain("XXXX");
  });
});

describe("wrapLines", () => {
  it("cuts at spaces within the width and keeps every word", () => {
    const text =
      "Kilde: Finansministeriet, «Dokumentationsnotat – den samfundsøkonomiske diskonteringsrente» (7. januar 2021)";
    const lines = wrapLines(text, 40);
    expect(lines.every((l) => l.length <= 40)).toBe(true);
    expect(lines.join(" ")).toBe(text);
    expect(wrapLines("ord", 2)).toEqual(["ord"]);
  });
});
