/**
 * The functions that make the Scenarier sheet live: DK.REFUSIONPROGNOSE (the stays' refund forecast by
 * year) and DK.HOUSINGFIRSTPROJECTION ("cost if we don't act" against Housing First, from the stays and a
 * two-column parameter range). Each returns a table with a header row that spills from its cell;
 * editing a stay or a parameter cell recalculates it. A bad argument gives one error value.
 * These are the Node contract (SPEC 2: a number or error for single cells, a column for
 * ranges); registered.ts wraps them as Excel calls them, and catalog.ts holds their help text.
 */
import {
  AMOUNT_HEADERS,
  amountValues,
  InexactSumError,
  computeForecast,
  defaultYears,
  type Amounts,
  type Forecast,
} from "../engine/forecast";
import { parseParameterRange } from "../cells/parameterRange";
import type { Decimal } from "../engine/money";
import {
  BACKTEST_FIGURES,
  computeBacktest,
  computeProjection,
  differencePercent,
  isProjectionError,
  type Backtest,
  type Projection,
} from "../engine/projection";
import { BACKTEST_HISTORY } from "../engine/projection/backtest";
import type { StayInput } from "../engine/shelter";
import {
  STAY_LABELS,
  alignColumns,
  at,
  columnArg,
  isEmpty,
  isRowError,
  ruleSetArg,
  scalarArg,
  stayFromCells,
  type Column,
  type RowError,
} from "../cells/coerce";
import { cellError } from "./runtime";
import { toCell } from "./rowwise";

/** A cell of a spilled table: a number, a header text, "" for blank, or an error value. */
export type TableCell = number | string | CustomFunctions.Error;
export type TableResult = TableCell[][] | CustomFunctions.Error;

const L = STAY_LABELS;

/** The stays that could be read, and the rows that could not (1-based within the ranges). */
export interface StaysRead {
  stays: StayInput[];
  skipped: { row: number; error: RowError }[];
}

/**
 * The stays of the row-wise columns. Rows empty in every range (blank or 0, coerce.ts isEmpty)
 * are skipped (a range may run past the data). A bad row is left out of the table and reported in its last row ("Sprunget over"), as
 * the pane reports bad rows and computes the others; with no good row at all, the first bad
 * row's error is the answer.
 */
export function staysArg(args: {
  citizen: unknown;
  admission: unknown;
  discharge: unknown;
  dailyRate: unknown;
  selfPayment: unknown;
}): StaysRead | RowError {
  const raw: Record<string, unknown> = {
    [L.citizen]: args.citizen,
    [L.admission]: args.admission,
    [L.discharge]: args.discharge,
    [L.dailyRate]: args.dailyRate,
    [L.selfPayment]: args.selfPayment ?? null,
  };
  const columns: Record<string, Column> = {};
  for (const [label, arg] of Object.entries(raw)) {
    const column = columnArg(arg, label);
    if (isRowError(column)) return column;
    columns[label] = column;
  }
  const shape = alignColumns(columns);
  if (isRowError(shape)) return shape;
  const stays: StayInput[] = [];
  const skipped: StaysRead["skipped"] = [];
  // Single cells (no range at all) are one stay; with ranges, a row blank in all of them is skipped.
  const anyRange = Object.values(columns).some((c) => c.isRange);
  for (let r = 0; r < shape.length; r++) {
    const cell = (label: string) => at(columns[label], r);
    const rowCells = Object.values(L).map((l) => (columns[l].isRange ? cell(l) : null));
    if (anyRange && rowCells.every(isEmpty)) continue;
    const stay = stayFromCells((field) => cell(L[field]));
    if (isRowError(stay)) skipped.push({ row: r + 1, error: stay });
    else stays.push(stay);
  }
  if (stays.length === 0) {
    if (skipped.length > 0)
      return {
        code: skipped[0].error.code,
        message: `Ingen gyldige ophold: ${skippedText(skipped)}`,
      };
    return { code: "#VALUE!", message: "Opholdsområdet er tomt: der er ingen ophold at regne på" };
  }
  return { stays, skipped };
}

/** "2 rækker (række 5 i området: Indskrivning mangler; række 9 i området: …)", at most three reasons. */
function skippedText(skipped: StaysRead["skipped"]): string {
  const reasons = skipped.slice(0, 3).map((s) => `række ${s.row} i området: ${s.error.message}`);
  const more = skipped.length > 3 ? `; og ${skipped.length - 3} til` : "";
  return `${skipped.length === 1 ? "1 række" : `${skipped.length} rækker`} (${reasons.join("; ")}${more})`;
}

/** The table's last row: how many stay rows were left out, and why. */
export const SKIPPED_LABEL = "Sprunget over (fejl i rækken)";
export const skippedRow = (skipped: StaysRead["skipped"], width: number): TableCell[] => [
  SKIPPED_LABEL,
  skipped.length,
  skipped.length > 0 ? skippedText(skipped) : "",
  ...Array<TableCell>(width - 3).fill(""),
];

export const fail = (e: RowError): CustomFunctions.Error => toCell(e) as CustomFunctions.Error;

// ---- DK.REFUSIONPROGNOSE ----

export const FORECAST_HEADER = ["År", ...AMOUNT_HEADERS] as const;

const amountsRow = (label: number | string, a: Amounts): TableCell[] => [label, ...amountValues(a)];

/** The years argument: blank (first to last admission year, as the pane), one year, or a row/column of years. */
function yearsArgument(arg: unknown): number[] | null | RowError {
  const value = scalarArg(arg);
  if (isEmpty(value)) return null;
  const cells = Array.isArray(value) ? (value as unknown[][]).flat() : [value];
  const years: number[] = [];
  for (const cell of cells) {
    if (isEmpty(cell)) continue;
    if (typeof cell !== "number" || !Number.isInteger(cell) || cell < 1901 || cell > 9998) {
      return {
        code: "#VALUE!",
        message: `År: ${typeof cell === "string" ? `«${cell}»` : String(cell)} er ikke et årstal (fx 2026)`,
      };
    }
    if (!years.includes(cell)) years.push(cell);
  }
  return years.length > 0 ? years.sort((a, b) => a - b) : null;
}

/** DK.REFUSIONPROGNOSE: the stays' refund forecast by year as a table with a header row, a total and the skipped rows. */
export function forecast(
  citizen: unknown,
  admission: unknown,
  discharge: unknown,
  dailyRate: unknown,
  selfPayment?: unknown,
  years?: unknown,
  rules?: unknown
): TableResult {
  const wanted = yearsArgument(years);
  if (isRowError(wanted)) return fail(wanted);
  const ruleSet = ruleSetArg(rules, true);
  if (isRowError(ruleSet)) return fail(ruleSet);
  const read = staysArg({ citizen, admission, discharge, dailyRate, selfPayment });
  if (isRowError(read)) return fail(read);
  const span = wanted
    ? { first: wanted[0], last: wanted[wanted.length - 1] }
    : defaultYears(read.stays)!;
  let result: Forecast;
  try {
    result = computeForecast(read.stays, { years: span, rules: ruleSet });
  } catch (error) {
    if (error instanceof InexactSumError) return fail({ code: "#VALUE!", message: error.message });
    throw error;
  }
  const lines = wanted ? result.years.filter((y) => wanted.includes(y.year)) : result.years;
  const total = lines.length === result.years.length ? result.total : sumAmounts(lines);
  return [
    [...FORECAST_HEADER],
    ...lines.map((y) => amountsRow(y.year, y)),
    amountsRow("I alt", total),
    skippedRow(read.skipped, FORECAST_HEADER.length),
  ];
}

function sumAmounts(lines: readonly Amounts[]): Amounts {
  const [first, ...rest] = lines;
  return rest.reduce<Amounts>(
    (s, a) => ({
      stayDays: s.stayDays + a.stayDays,
      refundDaysNy: s.refundDaysNy + a.refundDaysNy,
      refundDaysGammel: s.refundDaysGammel + a.refundDaysGammel,
      gross: s.gross.plus(a.gross),
      selfPayment: s.selfPayment.plus(a.selfPayment),
      refundNy: s.refundNy.plus(a.refundNy),
      refundGammel: s.refundGammel.plus(a.refundGammel),
      difference: s.difference.plus(a.difference),
      netCost: s.netCost.plus(a.netCost),
    }),
    first
  );
}

// ---- DK.HOUSINGFIRSTPROJECTION ----

/** The projection table's columns, in order (the sheet writer binds charts to them by key). */
export const PROJECTION_COLUMNS = [
  { key: "year", da: "År", en: "Year" },
  { key: "stayDays", da: "Opholdsdøgn uden indsats", en: "Stay nights without action" },
  { key: "gross", da: "Bruttoudgift uden indsats", en: "Gross cost without action" },
  { key: "selfPayment", da: "Egenbetaling uden indsats", en: "Self-payment without action" },
  { key: "refundNy", da: "Refusion NY uden indsats", en: "Refund NY without action" },
  { key: "refundGammel", da: "Refusion GAMMEL uden indsats", en: "Refund GAMMEL without action" },
  { key: "reformCost", da: "Reformens pris (GAMMEL − NY)", en: "Cost of the reform (GAMMEL − NY)" },
  { key: "netCost", da: "Nettoudgift uden indsats", en: "Net cost without action" },
  { key: "hfStayDays", da: "Opholdsdøgn med Housing First", en: "Stay nights with Housing First" },
  { key: "moves", da: "Flyttet i egen bolig", en: "Moved to own home" },
  { key: "housedYears", da: "Boligplacerede (personår)", en: "Housed (person-years)" },
  { key: "programmeCost", da: "Housing First-udgift, netto", en: "Housing First cost, net" },
  { key: "shelterSavings", da: "Sparet herbergsudgift, netto", en: "Shelter cost saved, net" },
  { key: "hfNetCost", da: "Nettoudgift med Housing First", en: "Net cost with Housing First" },
  { key: "difference", da: "Forskel (uden − med)", en: "Difference (without − with)" },
  { key: "cumulativeNpv", da: "Akkumuleret nutidsværdi", en: "Cumulative present value" },
  // Added after the first release: new columns go last, so users' lookups of the others hold.
  {
    key: "movedAwayShelterCost",
    da: "Herbergsudgift, der flytter med fraflyttede",
    en: "Shelter cost that leaves with those who moved away",
  },
  {
    key: "hfStateRefund",
    da: "Statens refusion med Housing First",
    en: "State refund with Housing First",
  },
  { key: "cashableEffect", da: "Kontant budgeteffekt", en: "Cashable budget effect" },
  {
    key: "socioEconomicNet",
    da: "Samfundsøkonomisk nettogevinst",
    en: "Socio-economic net gain",
  },
  // Added for issue 20 (the two headlines): each NPV is DK.HOUSINGFIRSTNPV on columns of the table.
  {
    key: "cashableSavings",
    da: "Kontant sparet herbergsudgift",
    en: "Cashable shelter cost saved",
  },
  {
    key: "publicSaved",
    da: "Sparet offentlig udgift, faste priser",
    en: "Public expense saved, fixed prices",
  },
  {
    key: "publicCost",
    da: "Offentlig udgift til Housing First, faste priser",
    en: "Public cost of Housing First, fixed prices",
  },
] as const;

export type ProjectionColumn = (typeof PROJECTION_COLUMNS)[number]["key"];

export const projectionColumn = (key: ProjectionColumn): number =>
  PROJECTION_COLUMNS.findIndex((c) => c.key === key);

/** Labels of the summary rows below the years (first column; the value is in the second); DK.HOUSINGFIRSTPROJECTION adds the skipped-rows row. */
export const PROJECTION_SUMMARY = [
  "Nutidsværdi (NPV)",
  "Afkast pr. krone",
  "Break-even-år",
  // Added after the first release, before the last row (the rows left out) as before.
  "Budgeteffekt i alt (kommunen, nominelt)",
  "Kontant budgeteffekt i alt",
  "Samfundsøkonomisk nutidsværdi (Finansministeriets rente)",
  // Added for issue 20: the budget case's nominal rate and the public-sector value's figures.
  "Nominel diskonteringsrente (budget)",
  "Samfundsøkonomisk afkast pr. krone",
  "Samfundsøkonomisk break-even-år",
] as const;

/** The projection as the spilled table: header, base year, projection years, summary rows. */
export function projectionTable(projection: Projection): TableCell[][] {
  const width = PROJECTION_COLUMNS.length;
  const rows: TableCell[][] = [PROJECTION_COLUMNS.map((c) => c.da)];
  for (const y of projection.years) {
    const n = y.noAction;
    const h = y.housingFirst;
    rows.push([
      y.year,
      n.stayDays.toNumber(),
      n.gross.toNumber(),
      n.selfPayment.toNumber(),
      n.refundNy.toNumber(),
      n.refundGammel.toNumber(),
      n.reformCost.toNumber(),
      n.netCost.toNumber(),
      h.stayDays.toNumber(),
      h.moves.toNumber(),
      h.housedYears.toNumber(),
      h.programmeCost.toNumber(),
      h.shelterSavings.toNumber(),
      h.netCost.toNumber(),
      y.difference.toNumber(),
      y.cumulativeNpv === null ? "" : y.cumulativeNpv.toNumber(),
      h.movedAwayShelterCost.toNumber(),
      h.stateRefund.toNumber(),
      h.cashableEffect.toNumber(),
      h.socioEconomicNet.toNumber(),
      h.cashableSavings.toNumber(),
      h.publicSaved.toNumber(),
      h.publicCost.toNumber(),
    ]);
  }
  const summary = (label: string, value: TableCell): TableCell[] => [
    label,
    value,
    ...Array<TableCell>(width - 2).fill(""),
  ];
  rows.push(summary(PROJECTION_SUMMARY[0], projection.npv.toNumber()));
  rows.push(
    summary(
      PROJECTION_SUMMARY[1],
      projection.ratio === null
        ? cellError("#N/A", "Housing First-udgiften er 0, så afkastet kan ikke beregnes")
        : projection.ratio.toNumber()
    )
  );
  rows.push(
    summary(
      PROJECTION_SUMMARY[2],
      projection.breakEvenYear ??
        cellError(
          "#N/A",
          `Housing First tjener sig ikke hjem inden for de ${projection.horizon} år`
        )
    )
  );
  rows.push(summary(PROJECTION_SUMMARY[3], projection.budgetEffect.toNumber()));
  rows.push(summary(PROJECTION_SUMMARY[4], projection.cashableEffect.toNumber()));
  rows.push(summary(PROJECTION_SUMMARY[5], projection.socioEconomicNpv.toNumber()));
  rows.push(summary(PROJECTION_SUMMARY[6], projection.nominalRate.toNumber()));
  rows.push(
    summary(
      PROJECTION_SUMMARY[7],
      projection.public.ratio === null
        ? cellError(
            "#N/A",
            "Den offentlige udgift til Housing First er 0, så afkastet kan ikke beregnes"
          )
        : projection.public.ratio.toNumber()
    )
  );
  rows.push(
    summary(
      PROJECTION_SUMMARY[8],
      projection.public.breakEvenYear ??
        cellError(
          "#N/A",
          `Housing First tjener sig ikke hjem for det offentlige inden for de ${projection.horizon} år`
        )
    )
  );
  return rows;
}

/** The parameter range: exactly two columns of name and value. */
function parametersArg(arg: unknown) {
  if (!Array.isArray(arg) || !arg.every((r) => Array.isArray(r))) {
    return {
      ok: false as const,
      errors: [
        {
          code: "#VALUE!" as const,
          message: "Parameterområdet skal have to kolonner: navn og værdi (det er én celle)",
        },
      ],
    };
  }
  return parseParameterRange(arg as unknown[][]);
}

/** The projection's arguments read: the stays, the rows skipped, the parameters and the rule set. */
export function scenarioArgs(
  citizen: unknown,
  admission: unknown,
  discharge: unknown,
  dailyRate: unknown,
  selfPayment: unknown,
  parameters: unknown,
  rules: unknown
) {
  const params = parametersArg(parameters);
  if (!params.ok) return params.errors[0];
  const ruleSet = ruleSetArg(rules, true);
  if (isRowError(ruleSet)) return ruleSet;
  const read = staysArg({ citizen, admission, discharge, dailyRate, selfPayment });
  if (isRowError(read)) return read;
  return { ...read, parameters: params.parameters, rules: ruleSet };
}

/** DK.HOUSINGFIRSTPROJECTION: "cost if we don't act" against Housing First, by year, then NPV, return per krone, break-even year and the skipped rows. */
export function projection(
  citizen: unknown,
  admission: unknown,
  discharge: unknown,
  dailyRate: unknown,
  selfPayment: unknown,
  parameters: unknown,
  rules?: unknown
): TableResult {
  const args = scenarioArgs(
    citizen,
    admission,
    discharge,
    dailyRate,
    selfPayment,
    parameters,
    rules
  );
  if (isRowError(args)) return fail(args);
  const result = computeProjection(args.stays, args.parameters, { rules: args.rules });
  return isProjectionError(result)
    ? fail(result)
    : [...projectionTable(result), skippedRow(args.skipped, PROJECTION_COLUMNS.length)];
}

// ---- DK.HOUSINGFIRSTBACKTEST ----

/** The figures of the backtest, each as three columns: projected, actual, difference in %. */
export const BACKTEST_LABELS: Record<
  (typeof BACKTEST_FIGURES)[number],
  { da: string; en: string }
> = {
  users: { da: "Brugere", en: "Users" },
  nights: { da: "Opholdsdøgn", en: "Stay nights" },
  gross: { da: "Bruttoudgift", en: "Gross cost" },
  refundNy: { da: "Refusion NY", en: "Refund NY" },
  netCost: { da: "Nettoudgift", en: "Net cost" },
  returners: { da: "Indskrevet igen fra året før", en: "Admitted again from the year before" },
};

export const BACKTEST_HEADER: readonly string[] = [
  "År",
  ...BACKTEST_FIGURES.flatMap((f) => [
    `${BACKTEST_LABELS[f].da}, fremskrevet`,
    `${BACKTEST_LABELS[f].da}, faktisk`,
    `${BACKTEST_LABELS[f].da}, forskel i %`,
  ]),
];

/** The backtest as its spilled table: a header, one row per year held out. */
export function backtestTable(result: Backtest): TableCell[][] {
  const cell = (x: number | Decimal) =>
    typeof x === "number" ? Math.round(x * 100) / 100 : x.toNumber();
  const percent = (projected: number | Decimal, actual: number | Decimal): TableCell => {
    const d = differencePercent(projected, actual);
    return d === null
      ? cellError("#N/A", "Det faktiske tal er 0, så forskellen i procent findes ikke")
      : d.toDecimalPlaces(2).toNumber();
  };
  return [
    [...BACKTEST_HEADER],
    ...result.years.map((y) => [
      y.year,
      ...BACKTEST_FIGURES.flatMap((f) => [
        cell(y.projected[f]),
        cell(y.actual[f]),
        percent(y.projected[f], y.actual[f]),
      ]),
    ]),
  ];
}

/** DK.HOUSINGFIRSTBACKTEST: each held-out year projected from the years before it, against what happened. */
export function backtest(
  citizen: unknown,
  admission: unknown,
  discharge: unknown,
  dailyRate: unknown,
  selfPayment: unknown,
  parameters: unknown,
  rules?: unknown
): TableResult {
  const args = scenarioArgs(
    citizen,
    admission,
    discharge,
    dailyRate,
    selfPayment,
    parameters,
    rules
  );
  if (isRowError(args)) return fail(args);
  const result = computeBacktest(args.stays, args.parameters, { rules: args.rules });
  if (isProjectionError(result)) return fail(result);
  if (result.years.length === 0) {
    const history = Math.max(BACKTEST_HISTORY, args.parameters.typologyYears + 1);
    return fail({
      code: "#N/A",
      message: `Backtesten kræver indskrivninger fra mindst ${history + 1} kalenderår (${history} år at fremskrive fra, heraf brugergruppernes ${args.parameters.typologyYears} år, og ét at sammenligne med)`,
    });
  }
  return [...backtestTable(result), skippedRow(args.skipped, BACKTEST_HEADER.length)];
}
