/**
 * Scenarios side by side, and a tornado of the active scenario's NPV: each parameter moved to
 * its low and its high value on its own (the scenario's own range, else the registry's), sorted
 * by swing, with the switching value at which the NPV turns 0 (src/engine/uncertainty.ts).
 * Computed with the projection engine on the same stays as the live sheet, and written as a
 * snapshot to the add-in's own sheet "Sammenligning" with native charts.
 *
 * compareScenarios is the computation (pure, plain numbers out: the pane runs it in the engine
 * worker, taskpane/worker); comparisonSheet lays its result out as the sheet, with every text
 * from the user (scenario names, range sources) through the personal-data guard (src/privacy).
 */
import { Decimal } from "../../engine/money";
import {
  formatParameterValue,
  parameterById,
  type ParameterId,
  type ParameterRanges,
  type ScenarioParameters,
} from "../../engine/parameters";
import { isProjectionError, type Projection } from "../../engine/projection";
import type { RowError, StayInput } from "../../engine/shelter";
import { PersonalDataGuard, type PersonalKind } from "../../privacy/personalData";
import {
  bySwing,
  rangedParameters,
  runnerFor,
  staysFingerprint,
  switchingValues,
  type SwitchingValue,
  tornado,
  type TornadoBar,
} from "../../engine/uncertainty";
import { a1, type CellValue, type ChartSpec, type SheetSpec } from "../../workbook/workbook";
import type { SheetLanguage } from "../sheetLanguage";
import { SCENARIO_TEXTS } from "./scenarioTexts";

export const COMPARE_SHEET = "Sammenligning";

export interface ScenarioResult {
  name: string;
  projection: Projection;
}

export interface ComparisonRow {
  name: string;
  npv: number;
  ratio: number | null;
  breakEvenYear: number | null;
  /** Sums over the projection years (the base year left out). */
  difference: number;
  netWithout: number;
  netWith: number;
  moves: number;
}

const total = (p: Projection, pick: (y: Projection["years"][number]) => Decimal): number =>
  p.years
    .slice(1)
    .reduce((s, y) => s.plus(pick(y)), new Decimal(0))
    .toNumber();

export function comparisonRow({ name, projection: p }: ScenarioResult): ComparisonRow {
  return {
    name,
    npv: p.npv.toNumber(),
    ratio: p.ratio === null ? null : p.ratio.toNumber(),
    breakEvenYear: p.breakEvenYear,
    difference: total(p, (y) => y.difference),
    netWithout: total(p, (y) => y.noAction.netCost),
    netWith: total(p, (y) => y.housingFirst.netCost),
    moves: total(p, (y) => y.housingFirst.moves),
  };
}

/** Exact projections of the stays last asked about, most recent first, kept for the next asker. */
const projections: { key: string; projection: Projection | RowError }[] = [];
/** Enough for the scenarios of a comparison and those it had before an edit. */
const KEPT_PROJECTIONS = 8;

/**
 * The scenario's exact projection (NY), worked out once per stays and parameters: the pane works
 * out the active and the saved scenarios' while it waits for the user (taskpane/worker), and a
 * comparison takes them as they are. One runner: scenarios that share a timeline are prepared
 * once (runnerFor keeps it for the next job).
 */
export function projectionOf(
  stays: readonly StayInput[],
  parameters: ScenarioParameters
): Projection | RowError {
  const key = JSON.stringify([staysFingerprint(stays), parameters]);
  const at = projections.findIndex((p) => p.key === key);
  const kept = at >= 0 ? projections.splice(at, 1)[0] : undefined;
  const projection = kept?.projection ?? runnerFor(stays).run(parameters);
  projections.unshift({ key, projection });
  projections.length = Math.min(projections.length, KEPT_PROJECTIONS);
  return projection;
}

/** Runs each scenario; a scenario the engine refuses is reported by name. */
export function runScenarios(
  stays: readonly StayInput[],
  scenarios: readonly { name: string; parameters: ScenarioParameters }[]
): ScenarioResult[] {
  return scenarios.map(({ name, parameters }) => {
    const projection = projectionOf(stays, parameters);
    if (isProjectionError(projection))
      throw new Error(`Scenariet «${name}»: ${projection.message}`);
    return { name, projection };
  });
}

/** A tornado bar (the engine's, over the low–high range) with the parameter's switching value. */
export interface SensitivityBar extends TornadoBar {
  /** The value at which the NPV turns to the other side of 0; null: none in the allowed range. */
  switchingValue: number | null;
  /** Why there is none (uncertainty.ts SwitchingValue). */
  switchingReason?: SwitchingValue["reason"];
}

/** The scenario's parts worked out so far (null: no bar), kept for the next asker. */
let kept: { key: string; parts: Map<ParameterId, SensitivityBar | null> } | undefined;

/**
 * The tornado bars with their switching values of the parameters `ids` (default every ranged
 * one), each worked out once per scenario and stays: the pane works out parts while it waits for
 * the user (sensitivityPart, taskpane/worker), and a comparison or the uncertainty panel then
 * takes them as they are. A part on its own gives the same figures as the whole (sensitivity.ts
 * `only`). `step` after each parameter's switching value and each bar, kept or not.
 */
export function sensitivityParts(
  stays: readonly StayInput[],
  { parameters, ranges = {} }: Omit<NamedParameters, "name">,
  ids: readonly ParameterId[] = rangedParameters(ranges).map((def) => def.id),
  step?: () => void
): Map<ParameterId, SensitivityBar | null> {
  const key = JSON.stringify([staysFingerprint(stays), parameters, ranges]);
  if (kept?.key !== key) kept = { key, parts: new Map() };
  const { parts } = kept;
  const only = ids.filter((id) => !parts.has(id));
  for (let i = 0; i < 2 * (ids.length - only.length); i++) step?.();
  if (only.length === 0) return parts;
  const runner = runnerFor(stays);
  const options = { ranges, onParameter: step, runner, only };
  const values = switchingValues(stays, parameters, options);
  if (isProjectionError(values)) throw new Error(values.message);
  const bars = tornado(stays, parameters, options);
  if (isProjectionError(bars)) throw new Error(bars.message);
  for (const id of only) {
    const bar = bars.find((b) => b.id === id);
    const v = values.find((x) => x.id === id);
    parts.set(
      id,
      bar
        ? {
            ...bar,
            switchingValue: v?.value ?? null,
            ...(v?.reason && { switchingReason: v.reason }),
          }
        : null
    );
  }
  return parts;
}

/**
 * The scenario's tornado over its low–high ranges with each parameter's switching value, widest
 * swing first; `step` after each parameter's switching value and each bar (2 per ranged parameter).
 */
export function sensitivity(
  stays: readonly StayInput[],
  scenario: Omit<NamedParameters, "name">,
  step?: () => void
): SensitivityBar[] {
  const parts = sensitivityParts(stays, scenario, undefined, step);
  return rangedParameters(scenario.ranges)
    .flatMap((def) => parts.get(def.id) ?? [])
    .sort(bySwing);
}

/** Named parameters to compare; the first is the active scenario (its NPV gets the tornado). */
export interface NamedParameters {
  name: string;
  parameters: ScenarioParameters;
  /** The scenario's own low–high values, where it has any (else the registry's). */
  ranges?: ParameterRanges;
}

/** Everything the comparison sheet shows, as plain numbers. */
export interface Comparison {
  rows: ComparisonRow[];
  /** The projection years of any scenario (base years left out), ascending. */
  years: number[];
  /** Per year (as `years`), each scenario's difference (without − with); "" without that year. */
  differences: (number | "")[][];
  /** The active scenario, its NPV and the tornado bars (widest swing first). */
  active: { name: string; npv: number; bars: SensitivityBar[] };
}

/**
 * The steps a comparison reports: each scenario's projection, and for each parameter with a
 * low–high range its tornado bar (two projections) and its switching value (a search).
 */
export const comparisonSteps = (scenarios: number, ranges?: ParameterRanges): number =>
  scenarios + 2 * rangedParameters(ranges).length;

/**
 * Runs every scenario and the active one's tornado and switching values; `onProgress` after
 * each step (of `comparisonSteps`). Throws with the scenario's name when the engine refuses one.
 */
export function compareScenarios(
  stays: readonly StayInput[],
  scenarios: readonly NamedParameters[],
  onProgress?: (progress: { done: number; total: number }) => void
): Comparison {
  const total = comparisonSteps(scenarios.length);
  let done = 0;
  const step = () => onProgress?.({ done: ++done, total });
  const results = scenarios.map((s) => {
    const [result] = runScenarios(stays, [s]);
    step();
    return result;
  });
  const npv = results[0].projection.npv.toNumber();
  const bars = sensitivity(stays, scenarios[0], step);
  const years = [
    ...new Set(results.flatMap((r) => r.projection.years.slice(1).map((y) => y.year))),
  ].sort((a, b) => a - b);
  return {
    rows: results.map(comparisonRow),
    years,
    differences: years.map((year) =>
      results.map(
        (r) => r.projection.years.find((y) => y.year === year)?.difference.toNumber() ?? ""
      )
    ),
    active: { name: scenarios[0].name, npv, bars },
  };
}

const KR = '#,##0 "kr."';
/** People counted: whole persons (the model's fractions stay in the cell). */
const PERSONS = "#,##0";
/** A parameter that cannot turn the NPV to 0 anywhere in its allowed range. */
export const NO_SWITCHING_VALUE = "ingen i det tilladte interval";

/** "none in the allowed range", with the reason (issue 20), in Danish and English. */
export function noSwitchingValue(
  reason: SwitchingValue["reason"],
  language: "da" | "en" = "da"
): string {
  const why = {
    da: {
      onlyTouchesZero: "nutidsværdien når kun 0 (fx intet program) uden at skifte fortegn",
      partlyRefused:
        "fremskrivningen kan ikke regne en del af intervallet (fx beløb ud over hele øre), og i resten skifter nutidsværdien ikke fortegn",
      sameSign: "nutidsværdien har samme fortegn i hele intervallet",
    },
    en: {
      onlyTouchesZero: "the NPV only reaches 0 (no programme, say) without changing sign",
      partlyRefused:
        "the projection cannot compute part of the range (amounts beyond whole øre, say), and in the rest the NPV keeps its sign",
      sameSign: "the NPV keeps its sign over the whole range",
    },
  }[language][reason ?? "sameSign"];
  return `${language === "da" ? NO_SWITCHING_VALUE : "none in the allowed range"}: ${why}`;
}

/**
 * A switching value as the sheet and the pane show it: kroner whole, a percentage to 0,01
 * percentage point, other quantities to 2 decimals (the search itself goes finer).
 */
export function shownSwitchingValue(
  id: ParameterId,
  value: number,
  language: "da" | "en" = "da"
): string {
  const def = parameterById(id);
  const step =
    def.integer || def.unit === "kr./år" || def.unit === "kr." ? 1 : def.unit === "%" ? 1e-4 : 1e-2;
  return formatParameterValue(def, Math.round(value / step) * step, language);
}
/** Bars in the tornado chart: the widest, so its labels stay readable. */
const TORNADO_CHART_BARS = 6;

/**
 * The comparison sheet: scenarios side by side, the difference per year, the tornado, in the
 * pane's language. `deleted`: scenarios deleted since it was computed; the snapshot says so, and
 * no longer shows them under their names as if they were still there. Personal data in a name or
 * a source (and the stays' `citizenIds`) shows masked; `masked` says what kinds were. People
 * moved show as whole persons (the cells keep the model's fractions). The tornado's bars are
 * labelled with the parameters' names, not their short names.
 */
export function comparisonSheet(
  comparison: Comparison,
  deleted: readonly string[] = [],
  citizenIds?: Iterable<string>,
  language: SheetLanguage = "da"
): {
  spec: SheetSpec;
  charts: (sheet: string) => ChartSpec[];
  masked: PersonalKind[];
} {
  const t = SCENARIO_TEXTS[language];
  const guard = new PersonalDataGuard(citizenIds);
  const gone = (name: string) =>
    deleted.some((d) => d.trim().toLocaleLowerCase("da") === name.trim().toLocaleLowerCase("da"));
  const shownName = (name: string) => guard.cell(gone(name) ? t.deleted(name) : name);
  const { years } = comparison;
  const rows = comparison.rows.map((r) => ({ ...r, name: shownName(r.name) }));
  const active = { ...comparison.active, name: shownName(comparison.active.name) };
  const names = rows.map((r) => r.name);
  const note =
    deleted.length > 0 ? t.stale(deleted.map((d) => `«${guard.cell(d)}»`).join(", ")) : t.snapshot;
  const table: CellValue[][] = [
    [...t.compareHeader],
    ...rows.map((r) => [
      r.name,
      r.npv,
      r.ratio ?? "",
      r.breakEvenYear ?? t.noBreakEven,
      r.difference,
      r.netWithout,
      r.netWith,
      r.moves,
    ]),
  ];
  const perYear: CellValue[][] = [
    [t.year, ...names],
    ...years.map((year, i) => [year, ...comparison.differences[i]]),
  ];
  const bars: CellValue[][] = [
    [...t.tornadoHeader],
    ...active.bars.map((b) => {
      const def = parameterById(b.id);
      const shown = (v: number) => formatParameterValue(def, v, language);
      return [
        language === "da" ? def.name : def.alias,
        def.short[language],
        shown(b.value),
        shown(b.low),
        shown(b.high),
        b.npvLow,
        b.npvHigh,
        b.npvLow - active.npv,
        b.npvHigh - active.npv,
        b.swing,
        b.switchingValue === null
          ? noSwitchingValue(b.switchingReason, language)
          : shownSwitchingValue(b.id, b.switchingValue, language),
        guard.cell(b.source),
      ];
    }),
  ];

  const tableTop = 3;
  const perYearTop = tableTop + table.length + 2;
  const tornadoTop = perYearTop + perYear.length + 3;
  const spec: SheetSpec = {
    name: COMPARE_SHEET,
    sections: [
      {
        at: "A1",
        values: [[t.compareTitle], [note]],
        boldRows: [0],
        fit: false,
      },
      {
        at: a1(tableTop, 0),
        values: table,
        boldRows: [0],
        numberFormats: [null, KR, "0.00", "0", KR, KR, KR, PERSONS],
      },
      { at: a1(perYearTop - 1, 0), values: [[t.perYear]], boldRows: [0] },
      {
        at: a1(perYearTop, 0),
        values: perYear,
        boldRows: [0],
        numberFormats: ["0", ...names.map(() => KR)],
      },
      {
        at: a1(tornadoTop - 1, 0),
        values: [[t.tornadoTitle(active.name, active.npv)]],
        boldRows: [0],
        fit: false,
      },
      {
        at: a1(tornadoTop, 0),
        values: bars,
        boldRows: [0],
        numberFormats: [null, null, null, null, null, KR, KR, KR, KR, KR, null, null],
      },
    ],
  };

  const charts = (sheet: string): ChartSpec[] => {
    const col = (c: number, top: number, n: number) => `${a1(top + 1, c)}:${a1(top + n, c)}`;
    const chartsOut: ChartSpec[] = [
      {
        sheet,
        name: "SammenligningNPV",
        type: "columnClustered",
        title: t.chartNpv,
        categories: col(0, tableTop, rows.length),
        series: [{ name: t.npvSeries, values: col(1, tableTop, rows.length) }],
        from: "N2",
        to: "V18",
      },
      {
        sheet,
        name: "SammenligningForskel",
        type: "line",
        title: t.chartDifferences,
        categories: col(0, perYearTop, years.length),
        series: names.map((name, i) => ({
          name,
          values: col(i + 1, perYearTop, years.length),
        })),
        from: "N20",
        to: "V36",
      },
    ];
    const shown = Math.min(TORNADO_CHART_BARS, active.bars.length);
    if (shown > 0) {
      chartsOut.push({
        sheet,
        name: "SammenligningTornado",
        type: "barClustered",
        title: t.chartTornado(shown),
        // The parameters' names (column A): what each bar is, not an abbreviation.
        categories: col(0, tornadoTop, shown),
        series: [
          { name: t.low, values: col(7, tornadoTop, shown) },
          { name: t.high, values: col(8, tornadoTop, shown) },
        ],
        from: "N38",
        to: "V54",
      });
    }
    return chartsOut;
  };
  return { spec, charts, masked: guard.kinds };
}
