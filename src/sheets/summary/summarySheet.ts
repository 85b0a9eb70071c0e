/**
 * The council page: the add-in's own sheet "Sammenfatning", laid out to print on one page of A4,
 * answering "what does it cost if we don't act, what does Housing First save, and how sure are
 * we" for the active scenario: the cost of doing nothing over the horizon, the Housing First
 * effect, the NPV with its P10–P90 from a Monte Carlo run, the return per krone, the break-even
 * year, the user groups, a chart, the five assumptions the NPV leans on most (the tornado's
 * largest swings) with their sources, and a stamp (add-in version, rule data, date, base year).
 * Pure: request in, sheet spec out, so the pane computes it in its engine worker.
 * Every text written goes through the personal-data guard (src/privacy): a CPR number, a date of
 * birth or a stay's citizen id in a scenario's name or a range's source shows as XXXXXX-XXXX, and
 * the result says what was masked so the pane can say why.
 */
import addinPackage from "../../../package.json";
import { danishFromSerial, type Serial } from "../../engine/calendar";
import { sum, type Decimal } from "../../engine/money";
import {
  PARAMETERS,
  formatParameterValue,
  parameterById,
  type ParameterRanges,
  type ScenarioParameters,
} from "../../engine/parameters";
import { isProjectionError } from "../../engine/projection";
import { BACKTEST_LABELS } from "../../functions/scenarioFunctions";
import { RULE_SETS, ruleSetVersion, type RuleSetName } from "../../engine/rules";
import type { StayInput } from "../../engine/shelter";
import { USER_GROUP_LABELS, groupFigures } from "../../engine/typology";
import { MONTE_CARLO_DRAWS, MONTE_CARLO_SEED, tornado } from "../../engine/uncertainty";
import { BACKTEST_FIGURES, differencePercent } from "../../engine/projection";
import { PersonalDataGuard, type PersonalKind } from "../../privacy/personalData";
import { evidence } from "../evidence/evidence";
import { runnerFor } from "../../engine/projectionRunner";
import { monteCarloBand } from "../uncertainty/band";

import {
  a1,
  type CellValue,
  type ChartSpec,
  type SheetCell,
  type SheetSpec,
} from "../../workbook/workbook";

export const SUMMARY_SHEET = "Sammenfatning";
/** The Monte Carlo run behind the page's ranges: the band every panel shows (band.ts). */
export const SUMMARY_DRAWS = MONTE_CARLO_DRAWS;
export const SUMMARY_SEED = MONTE_CARLO_SEED;

export interface SummaryRequest {
  stays: readonly StayInput[];
  scenario: { name: string; parameters: ScenarioParameters };
  /** The Scenarier sheet's own low–high values (the registry's where it has none). */
  ranges?: ParameterRanges;
  rules: RuleSetName;
  /** The date on the stamp (the pane's today). */
  today: Serial;
  /** The Monte Carlo run behind the ranges. */
  draws: number;
  seed: number;
}

/** Plain data (it crosses from the worker): the sheet, and its chart without the sheet's name. */
export interface SummarySheet {
  spec: SheetSpec;
  chart: Omit<ChartSpec, "sheet">;
  /** The kinds of personal data masked on the sheet (none: nothing was). */
  masked: PersonalKind[];
}

const KR = '#,##0 "kr."';
/** Columns A..F in points: about 600 pt, so the page prints at about 80 % on portrait A4. */
const WIDTHS = [185, 95, 95, 95, 95, 40];
const LAST_COLUMN = WIDTHS.length - 1;
/** Characters of an 11 pt line from column A (or B) to F; longer notes go on more rows. */
const LINE_FROM_A = 95;
const LINE_FROM_B = 68;
/**
 * How many assumptions the page lists: the tornado's largest swings among the quantities we are
 * unsure of (the registry's `uncertain`), not the council's choices such as the horizon or whom
 * Housing First targets.
 */
const ASSUMPTIONS = 5;
const CHART_ROWS = 14;

const kroner = (x: Decimal | number): number => (typeof x === "number" ? x : x.toNumber());
const round = (x: number, decimals: number) => Number(x.toFixed(decimals));

/** A text cut at spaces into lines of at most `width` characters (a word longer stays whole). */
export function wrapLines(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The Sammenfatning sheet for the request. `onProgress` counts the tornado's projections and the
 * Monte Carlo draws. Throws with the engine's Danish message when the scenario cannot be projected.
 */
export function summarySheet(
  request: SummaryRequest,
  onProgress?: (progress: { done: number; total: number }) => void
): SummarySheet {
  const { stays, scenario } = request;
  const p = scenario.parameters;
  const rules = RULE_SETS[request.rules];
  // The worker's runner of the stays (runnerFor): one prepared timeline for the page's projection,
  // its tornado, its evidence and its Monte Carlo run, and for the pane's next job.
  const runner = runnerFor(stays, request.rules);
  const projection = runner.run(p);
  if (isProjectionError(projection)) throw new Error(projection.message);
  const tornadoSteps = 2 * PARAMETERS.filter((d) => d.range).length;
  const total = tornadoSteps + request.draws;
  const ranges = request.ranges ?? {};
  const bars = tornado(stays, p, { rules, ranges, runner });
  onProgress?.({ done: tornadoSteps, total });
  // The values the runs used: the blank "who comes back" parameters are the register's estimates.
  const resolved = runner.resolve(p, ranges);
  if (isProjectionError(resolved)) throw new Error(resolved.message);
  const trust = evidence({ stays, parameters: p, ranges, options: { rules }, bars });
  // The band every panel shows for the scenario (band.ts).
  const mc = monteCarloBand(
    {
      stays,
      parameters: p,
      ranges,
      rules: request.rules,
      draws: request.draws,
      seed: request.seed,
    },
    ({ done }) => onProgress?.({ done: tornadoSteps + done, total })
  );
  const groups = groupFigures(
    stays,
    projection.baseYear,
    {
      years: p.typologyYears,
      chronicNights: p.chronicNights,
      episodicEpisodes: p.episodicEpisodes,
      episodeGapDays: p.episodeGapDays,
    },
    { rules }
  );

  const years = projection.years.slice(1);
  const first = years[0].year;
  const last = years[years.length - 1].year;
  const costWithout = sum(years.map((y) => y.noAction.netCost));
  const costWith = sum(years.map((y) => y.housingFirst.netCost));
  const value = (id: Parameters<typeof parameterById>[0], v: number) =>
    formatParameterValue(parameterById(id), v);
  const never = `efter ${last}`;

  const rows: CellValue[][] = [];
  const bold: number[] = [];
  const formats: SheetCell[] = [];
  const guard = new PersonalDataGuard(stays.map((s) => s.citizen));
  const push = (row: CellValue[], isBold = false) => {
    if (isBold) bold.push(rows.length);
    rows.push(row.map((cell) => guard.cell(cell)));
  };
  const money = (row: CellValue[], columns: number[], isBold = false) => {
    for (const c of columns) formats.push({ at: a1(rows.length, c), numberFormat: KR });
    push(row, isBold);
  };
  // Masked before it is cut into lines: a CPR number cut in two would pass line by line.
  const note = (text: string, width = LINE_FROM_A, indent = false) => {
    for (const line of wrapLines(guard.cell(text), width)) push(indent ? ["", line] : [line]);
  };

  push(["Housing First: hvad koster det, hvis vi ikke handler?"], true);
  note(
    `Scenarie «${scenario.name}» · basisår ${projection.baseYear} · fremskrivning ${first}–${last} · regelsæt ${rules.name} · kommunens egne ophold`
  );
  push([]);

  push(["Nøgletal", "Værdi", "P10", "P50", "P90"], true);
  money([`Udgift uden indsats ${first}–${last}`, kroner(costWithout)], [1]);
  money(["Udgift med Housing First", kroner(costWith)], [1]);
  money(["Housing First sparer kommunen", kroner(projection.budgetEffect)], [1], true);
  money(
    [
      `heraf kontant (${value("cashableShare", p.cashableShare)})`,
      kroner(projection.cashableEffect),
    ],
    [1]
  );
  money(
    [
      `Nutidsværdi (rente ${value("discountRate", p.discountRate)})`,
      kroner(projection.npv),
      mc.npv.p10,
      mc.npv.p50,
      mc.npv.p90,
    ],
    [1, 2, 3, 4],
    true
  );
  push(["Sandsynlighed for NPV > 0", `${Math.round(mc.probabilityPositive * 100)} %`]);
  const ratios = mc.ratio ? [mc.ratio.p10, mc.ratio.p50, mc.ratio.p90].map((r) => round(r, 2)) : [];
  for (let c = 1; c <= 4; c++) formats.push({ at: a1(rows.length, c), numberFormat: "0.00" });
  push([
    "Afkast pr. krone",
    projection.ratio === null ? "–" : round(projection.ratio.toNumber(), 2),
    ...ratios,
  ]);
  push([
    "Break-even-år",
    projection.breakEvenYear ?? never,
    ...[mc.breakEven.p10, mc.breakEven.p50, mc.breakEven.p90].map((y) => y ?? never),
  ]);
  money(["Samfundsøkonomisk nutidsværdi", kroner(projection.socioEconomicNpv)], [1]);
  note(
    `Udgift: kommunens nettoudgift (brutto − egenbetaling − statens refusion) til ophold efter § 110, med Housing First plus indsatsens egen nettoudgift. Beløbene er nominelle kroner; nutidsværdien er diskonteret. P10–P90: ${mc.draws} Monte Carlo-trækninger (latinsk hyperkube, frø ${mc.seed}) over de usikre parametres spænd. Samfundsøkonomisk: kommune og stat samlet, Finansministeriets diskonteringsrente.`
  );
  push([]);

  const yearsTop = rows.length;
  push(["År", "Uden indsats", "Housing First", "Forskel"], true);
  for (const y of years)
    money(
      [y.year, kroner(y.noAction.netCost), kroner(y.housingFirst.netCost), kroner(y.difference)],
      [1, 2, 3]
    );
  const yearsBottom = rows.length - 1;
  push([]);

  push(
    [
      `Brugere ${projection.baseYear - p.typologyYears + 1}–${projection.baseYear}`,
      "Borgere",
      "Døgn",
      "Bruttoudgift",
      "Mistet refusion",
    ],
    true
  );
  for (const g of groups) {
    for (const c of [1, 2]) formats.push({ at: a1(rows.length, c), numberFormat: "#,##0" });
    money(
      [USER_GROUP_LABELS[g.group].da, g.citizens, g.nights, kroner(g.gross), kroner(g.refundLost)],
      [3, 4]
    );
  }
  note(
    `Kronisk: mindst ${value("chronicNights", p.chronicNights)} i perioden; episodisk: mindst ${value("episodicEpisodes", p.episodicEpisodes)}, mindst ${value("episodeGapDays", p.episodeGapDays)} fra hinanden; ellers forbigående (Kuhn & Culhane 1998; Benjaminsen & Andrade 2015). Mistet refusion: refusionen efter reglerne før L 64 minus efter dem.`
  );
  push([]);

  const tried = trust.backtest.years[trust.backtest.years.length - 1];
  if (tried) {
    push([`Backtest ${tried.year}`, "Fremskrevet", "Faktisk", "Forskel"], true);
    const shown = ["users", "nights", "netCost", "returners"] as const;
    for (const f of BACKTEST_FIGURES.filter((x) => (shown as readonly string[]).includes(x))) {
      const d = differencePercent(tried.projected[f], tried.actual[f]);
      const label = BACKTEST_LABELS[f].da;
      const row: CellValue[] = [
        label,
        round(Number(tried.projected[f]), 0),
        round(Number(tried.actual[f]), 0),
        d === null
          ? "–"
          : `${d.gt(0) ? "+" : ""}${d.toDecimalPlaces(1).toNumber().toLocaleString("da-DK")} %`,
      ];
      if (f === "netCost") money(row, [1, 2]);
      else {
        for (const c of [1, 2]) formats.push({ at: a1(rows.length, c), numberFormat: "#,##0" });
        push(row);
      }
    }
    note(
      `${tried.year} fremskrevet uden indsats alene ud fra årene før og sammenlignet med det faktiske år (backtest over ${trust.backtest.years.length} år i alt; arket viser det seneste).`
    );
    push([]);
  }

  push(["Sammenlignet med offentliggjorte evalueringer", "Kommunen", "Offentliggjort"], true);
  for (const c of trust.comparison) {
    const own = c.own === null ? "–" : c.figure === "perPersonYear" ? c.own : round(c.own, 2);
    for (const e of c.published) {
      const at = rows.length;
      if (c.figure === "perPersonYear") money([e.label.da.split(":")[0], own, e.value], [1, 2]);
      else {
        for (const col of [1, 2]) formats.push({ at: a1(at, col), numberFormat: "0.00" });
        push([e.label.da.split(":")[0], own, e.value]);
      }
    }
  }
  note(
    `Kommunen: nettobesparelse pr. boligplaceret borger pr. år over horisonten og afkast pr. krone over 10 år, regnet på kommunens egne data og scenariets antagelser, ikke en genberegning af de offentliggjorte cases. ${trust.comparison
      .filter((c) => c.verdict !== "within")
      .map(
        (c) =>
          `${c.figure === "perPersonYear" ? "Besparelsen pr. borger" : "Afkastet"} er ${c.verdict === "above" ? "mere end det dobbelte af" : "under halvdelen af"} alle de offentliggjorte resultater.`
      )
      .join(
        " "
      )}${trust.drivers.length > 0 ? ` Det er især ${trust.drivers.map((id) => `«${parameterById(id).name}»`).join(", ")}, der flytter resultatet.` : ""}`
  );
  push([]);

  push(["De fem vigtigste antagelser", "Værdi", "Lav", "Høj", "Udsving i NPV"], true);
  const assumptions = bars.filter((b) => parameterById(b.id).uncertain).slice(0, ASSUMPTIONS);
  for (const bar of assumptions) {
    const def = parameterById(bar.id);
    money(
      [
        def.name,
        formatParameterValue(def, bar.value),
        formatParameterValue(def, bar.low),
        formatParameterValue(def, bar.high),
        bar.swing,
      ],
      [4]
    );
    const own = resolved.ranges[bar.id]?.source;
    note(`Kilde: ${def.source}${own ? ` Spænd: ${own}` : ""}`, LINE_FROM_B, true);
  }
  push([]);
  note(
    `Refusion og Housing First ${addinPackage.version} · ${ruleSetVersion(rules)} · udskrevet ${danishFromSerial(request.today)} · basisår ${projection.baseYear}`
  );
  const chartTop = rows.length + 1;

  const spec: SheetSpec = {
    name: SUMMARY_SHEET,
    columnWidths: WIDTHS,
    sections: [{ at: "A1", values: rows, fit: false, boldRows: bold }],
    cells: formats,
    print: { area: a1(0, 0, chartTop + CHART_ROWS, LAST_COLUMN), orientation: "portrait" },
  };
  const column = (c: number) => a1(yearsTop + 1, c, yearsBottom, c);
  return {
    spec,
    masked: guard.kinds,
    chart: {
      name: "SammenfatningNettoudgift",
      type: "columnClustered",
      title: "Kommunens nettoudgift pr. år: uden indsats og med Housing First",
      categories: column(0),
      series: [
        { name: "Uden indsats", values: column(1) },
        { name: "Med Housing First", values: column(2) },
      ],
      from: a1(chartTop, 0),
      to: a1(chartTop + CHART_ROWS - 1, LAST_COLUMN),
    },
  };
}
