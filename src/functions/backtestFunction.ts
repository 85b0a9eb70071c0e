/**
 * DK.HOUSINGFIRSTBACKTEST: each held-out year projected from the years before it, against what
 * happened, as a spilled table of projected, actual and the difference in %.
 */
import type { Decimal } from "../engine/money";
import {
  BACKTEST_FIGURES,
  computeBacktest,
  differencePercent,
  isProjectionError,
  type Backtest,
} from "../engine/projection";
import { BACKTEST_HISTORY } from "../engine/projection/backtest";
import { isRowError } from "../cells/coerce";
import { problemError } from "../messages";
import { cellError } from "./runtime";
import { fail, scenarioArgs, skippedRow, type TableCell, type TableResult } from "./tableArgs";

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
    return fail(
      problemError(
        { id: "backtestNeedsYears", history, typologyYears: args.parameters.typologyYears },
        "#N/A"
      )
    );
  }
  return [...backtestTable(result), skippedRow(args.skipped, BACKTEST_HEADER.length)];
}
