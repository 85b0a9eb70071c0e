/**
 * Scenarios side by side, and a tornado of the active scenario's NPV: each parameter moved
 * 20 % down and 20 % up on its own (whole numbers rounded, kept inside the parameter's range).
 * Computed with the projection engine on the same stays as the live sheet, and written as a
 * snapshot to the add-in's own sheet "Sammenligning" with native charts.
 *
 * compareScenarios is the computation (pure, plain numbers out: the pane runs it in the engine
 * worker, taskpane/worker); comparisonSheet lays its result out as the sheet.
 */
import { Decimal } from "../../src/engine/money";
import {
  PARAMETERS,
  formatParameterValue,
  parameterById,
  validateParameters,
  type ParameterId,
  type ParameterRanges,
  type ScenarioParameters,
} from "../../src/engine/parameters";
import { computeProjection, isProjectionError, type Projection } from "../../src/engine/projection";
import type { StayInput } from "../../src/engine/shelter";
import { a1, type CellValue, type ChartSpec, type SheetSpec } from "../../src/workbook/workbook";

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

/** Runs each scenario; a scenario the engine refuses is reported by name. */
export function runScenarios(
  stays: readonly StayInput[],
  scenarios: readonly { name: string; parameters: ScenarioParameters }[]
): ScenarioResult[] {
  return scenarios.map(({ name, parameters }) => {
    const projection = computeProjection(stays, parameters);
    if (isProjectionError(projection))
      throw new Error(`Scenariet «${name}»: ${projection.message}`);
    return { name, projection };
  });
}

export interface TornadoBar {
  id: ParameterId;
  value: number;
  low: number;
  high: number;
  npvLow: number;
  npvHigh: number;
}

/** value × factor, whole for whole-number parameters, inside the parameter's range. */
function moved(id: ParameterId, value: number, factor: number): number {
  const def = parameterById(id);
  let v = value * factor;
  if (def.integer) v = Math.round(v);
  if (v < def.min.value || (def.min.exclusive && v === def.min.value))
    v = def.min.exclusive ? value : def.min.value;
  if (v > def.max.value || (def.max.exclusive && v === def.max.value))
    v = def.max.exclusive ? value : def.max.value;
  return v;
}

/**
 * NPV with each parameter at −20 % and +20 % (the base year is a date, not a quantity, and is
 * left out), widest spread first. A move the parameter set does not allow (relapse + move-away
 * above 100 %) keeps the base NPV.
 */
export function tornado(
  stays: readonly StayInput[],
  base: ScenarioParameters,
  baseNpv: number,
  /** Told after each moved value (two per parameter), computed or not. */
  step?: () => void
): TornadoBar[] {
  const npvWith = (id: ParameterId, value: number): number => {
    const checked = validateParameters({ ...base, [id]: value });
    if (!checked.ok) return baseNpv;
    const p = computeProjection(stays, checked.parameters);
    return isProjectionError(p) ? baseNpv : p.npv.toNumber();
  };
  const npvAt = (id: ParameterId, value: number, moved: number): number => {
    const result = moved === value ? baseNpv : npvWith(id, moved);
    step?.();
    return result;
  };
  return PARAMETERS.filter((p) => p.id !== "baseYear")
    .map((p) => {
      const value = base[p.id] as number;
      const low = moved(p.id, value, 0.8);
      const high = moved(p.id, value, 1.2);
      return {
        id: p.id,
        value,
        low,
        high,
        npvLow: npvAt(p.id, value, low),
        npvHigh: npvAt(p.id, value, high),
      };
    })
    .sort(
      (a, b) =>
        Math.abs(b.npvHigh - b.npvLow) - Math.abs(a.npvHigh - a.npvLow) ||
        PARAMETERS.findIndex((p) => p.id === a.id) - PARAMETERS.findIndex((p) => p.id === b.id)
    );
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
  /** The active scenario, its NPV and the tornado bars (widest first). */
  active: { name: string; npv: number; bars: TornadoBar[] };
}

/** The projections a comparison runs: each scenario, and each tornado parameter down and up. */
export const comparisonSteps = (scenarios: number): number =>
  scenarios + 2 * PARAMETERS.filter((p) => p.id !== "baseYear").length;

/**
 * Runs every scenario and the active one's tornado; `onProgress` after each projection (of
 * `comparisonSteps`). Throws with the scenario's name when the engine refuses one.
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
  const bars = tornado(stays, scenarios[0].parameters, npv, step);
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
/** Bars in the tornado chart: the widest, so its labels stay readable. */
const TORNADO_CHART_BARS = 6;

/**
 * The comparison sheet: scenarios side by side, the difference per year, the tornado.
 * `deleted`: scenarios deleted since it was computed; the snapshot says so, and no longer
 * shows them under their names as if they were still there.
 */
export function comparisonSheet(
  comparison: Comparison,
  deleted: readonly string[] = []
): {
  spec: SheetSpec;
  charts: (sheet: string) => ChartSpec[];
} {
  const gone = (name: string) =>
    deleted.some((d) => d.trim().toLocaleLowerCase("da") === name.trim().toLocaleLowerCase("da"));
  const shownName = (name: string) => (gone(name) ? `${name} (slettet)` : name);
  const { years } = comparison;
  const rows = comparison.rows.map((r) => ({ ...r, name: shownName(r.name) }));
  const active = { ...comparison.active, name: shownName(comparison.active.name) };
  const names = rows.map((r) => r.name);
  const note =
    deleted.length > 0
      ? `Forældet: ${deleted.map((d) => `«${d}»`).join(", ")} er slettet, efter at sammenligningen blev beregnet. Vælg «Sammenlign og vis følsomhed» igen.`
      : "Øjebliksbillede beregnet af panelet med DK.HOUSINGFIRSTPROJECTION-modellen på de samme ophold; vælg «Sammenlign» igen efter ændringer.";
  const table: CellValue[][] = [
    [
      "Scenarie",
      "Nutidsværdi (NPV)",
      "Afkast pr. krone",
      "Break-even-år",
      "Forskel i alt",
      "Nettoudgift uden indsats i alt",
      "Nettoudgift med Housing First i alt",
      "Flyttet i egen bolig i alt",
    ],
    ...rows.map((r) => [
      r.name,
      r.npv,
      r.ratio ?? "",
      r.breakEvenYear ?? "ingen",
      r.difference,
      r.netWithout,
      r.netWith,
      r.moves,
    ]),
  ];
  const perYear: CellValue[][] = [
    ["År", ...names],
    ...years.map((year, i) => [year, ...comparison.differences[i]]),
  ];
  const bars: CellValue[][] = [
    [
      "Parameter",
      "Kort navn",
      "Værdi",
      "−20 %",
      "+20 %",
      "NPV ved −20 %",
      "NPV ved +20 %",
      "Ændring ved −20 %",
      "Ændring ved +20 %",
    ],
    ...active.bars.map((b) => {
      const def = parameterById(b.id);
      const shown = (v: number) => formatParameterValue(def, v);
      return [
        def.name,
        def.short.da,
        shown(b.value),
        shown(b.low),
        shown(b.high),
        b.npvLow,
        b.npvHigh,
        b.npvLow - active.npv,
        b.npvHigh - active.npv,
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
        values: [["Scenarier side om side og følsomhed"], [note]],
        boldRows: [0],
        fit: false,
      },
      {
        at: a1(tableTop, 0),
        values: table,
        boldRows: [0],
        numberFormats: [null, KR, "0.00", "0", KR, KR, KR, "#,##0.0"],
      },
      { at: a1(perYearTop - 1, 0), values: [["Forskel (uden − med) pr. år"]], boldRows: [0] },
      {
        at: a1(perYearTop, 0),
        values: perYear,
        boldRows: [0],
        numberFormats: ["0", ...names.map(() => KR)],
      },
      {
        at: a1(tornadoTop - 1, 0),
        values: [
          [
            `Tornado: nutidsværdien for «${active.name}» (${new Intl.NumberFormat("da-DK", { maximumFractionDigits: 0 }).format(active.npv)} kr.) med hver parameter 20 % lavere og 20 % højere`,
          ],
        ],
        boldRows: [0],
        fit: false,
      },
      {
        at: a1(tornadoTop, 0),
        values: bars,
        boldRows: [0],
        numberFormats: [null, null, null, null, null, KR, KR, KR, KR],
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
        title: "Nutidsværdi (NPV) pr. scenarie",
        categories: col(0, tableTop, rows.length),
        series: [{ name: "Nutidsværdi", values: col(1, tableTop, rows.length) }],
        from: "K2",
        to: "S18",
      },
      {
        sheet,
        name: "SammenligningForskel",
        type: "line",
        title: "Forskel (uden − med) pr. år pr. scenarie",
        categories: col(0, perYearTop, years.length),
        series: names.map((name, i) => ({
          name,
          values: col(i + 1, perYearTop, years.length),
        })),
        from: "K20",
        to: "S36",
      },
    ];
    const shown = Math.min(TORNADO_CHART_BARS, active.bars.length);
    if (shown > 0) {
      chartsOut.push({
        sheet,
        name: "SammenligningTornado",
        type: "columnClustered",
        title: `Tornado: ændring i nutidsværdien ved −20 % og +20 % (de ${shown} største)`,
        categories: col(1, tornadoTop, shown),
        series: [
          { name: "−20 %", values: col(7, tornadoTop, shown) },
          { name: "+20 %", values: col(8, tornadoTop, shown) },
        ],
        from: "K38",
        to: "S54",
      });
    }
    return chartsOut;
  };
  return { spec, charts };
}
