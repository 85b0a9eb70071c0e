/**
 * The custom functions as Excel calls them, by id: the functions registered.ts registers with
 * Excel and the demo's formula evaluator calls (without registered.ts's `associate` calls, which
 * must run once per page).
 *
 * The Node exports (functions.ts) answer a single cell with a number or an error; a function
 * whose metadata declares a `matrix` result must answer Excel with a 2-D array every time, also
 * for one cell ("`matrix` (a 2-dimensional array)",
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#result), so those
 * are wrapped here. The ids are public (users' formulas name them) and none equals an Excel
 * built-in function in any language ("Avoid an `id` or `name` that matches a built-in Excel
 * function in any language", https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming):
 * the refund forecast is REFUSIONPROGNOSE, not FORECAST (Danish PROGNOSE), and the projection
 * is HOUSINGFIRSTPROJECTION, beside the other Housing First functions.
 */
import {
  backtest,
  forecast,
  housingFirstBreakeven,
  housingFirstNpv,
  housingFirstRatio,
  projection,
  refusion107,
  refusion110,
  refusion85a,
  refusionDays110,
} from "./functions";

/** A single value as the 1x1 array Excel expects of a `matrix` result; arrays pass unchanged. */
export function asMatrix<T>(value: T | T[][]): T[][] {
  return Array.isArray(value) ? value : [[value]];
}

const matrix =
  <A extends unknown[], R>(fn: (...args: A) => R | R[][]) =>
  (...args: A): R[][] =>
    asMatrix(fn(...args));

export const EXCEL_FUNCTIONS = {
  REFUSION110: matrix(refusion110),
  REFUSIONDAYS110: matrix(refusionDays110),
  REFUSION85A: matrix(refusion85a),
  REFUSION107: matrix(refusion107),
  HOUSINGFIRSTNPV: housingFirstNpv,
  HOUSINGFIRSTRATIO: housingFirstRatio,
  HOUSINGFIRSTBREAKEVEN: housingFirstBreakeven,
  REFUSIONPROGNOSE: matrix(forecast),
  HOUSINGFIRSTPROJECTION: matrix(projection),
  HOUSINGFIRSTBACKTEST: matrix(backtest),
} as const;

export type FunctionId = keyof typeof EXCEL_FUNCTIONS;

export const FUNCTION_IDS = Object.keys(EXCEL_FUNCTIONS) as FunctionId[];
