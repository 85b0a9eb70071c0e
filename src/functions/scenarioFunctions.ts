/**
 * The functions that make the Scenarier sheet live: DK.REFUSIONPROGNOSE (the stays' refund forecast by
 * year) and DK.HOUSINGFIRSTPROJECTION ("cost if we don't act" against Housing First, from the stays and a
 * two-column parameter range), with DK.HOUSINGFIRSTBACKTEST (backtestFunction.ts) and the
 * arguments they share (tableArgs.ts). Each returns a table with a header row that spills from its cell;
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
import { computeProjection, isProjectionError, type Projection } from "../engine/projection";
import { isEmpty, isRowError, ruleSetArg, scalarArg, type RowError } from "../cells/coerce";
import { problemError, showCell } from "../messages";
import { cellError } from "./runtime";
import {
  fail,
  scenarioArgs,
  skippedRow,
  staysArg,
  type TableCell,
  type TableResult,
} from "./tableArgs";

export {
  SKIPPED_LABEL,
  staysArg,
  type StaysRead,
  type TableCell,
  type TableResult,
} from "./tableArgs";
export { BACKTEST_HEADER, BACKTEST_LABELS, backtest, backtestTable } from "./backtestFunction";

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
      return problemError({ id: "notAYear", shown: showCell(cell) });
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
    if (error instanceof InexactSumError) return fail(error.error);
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
