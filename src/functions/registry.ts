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
  uncertainty,
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
  HOUSINGFIRSTUNCERTAINTY: matrix(uncertainty),
} as const;

export type FunctionId = keyof typeof EXCEL_FUNCTIONS;

export const FUNCTION_IDS = Object.keys(EXCEL_FUNCTIONS) as FunctionId[];

/**
 * The functions that compute in a worker, each from how many rows (the longest range among its
 * arguments) on: the tables always (their fixed cost alone is tens of milliseconds), the
 * row-wise functions from 1 000 rows (about 5–10 ms inline at that size; at 50 000 rows
 * DK.REFUSION107 takes about 280 ms in Node). A new heavy function joins here and in
 * registered.ts, as a cancelable function that calls offThread.ts (test/offThread.test.ts checks
 * that the two agree).
 */
export const OFF_THREAD = {
  REFUSION110: 1_000,
  REFUSIONDAYS110: 1_000,
  REFUSION85A: 1_000,
  REFUSION107: 1_000,
  REFUSIONPROGNOSE: 0,
  HOUSINGFIRSTPROJECTION: 0,
  HOUSINGFIRSTBACKTEST: 0,
  HOUSINGFIRSTUNCERTAINTY: 0,
} as const satisfies Partial<Record<FunctionId, number>>;

export type OffThreadId = keyof typeof OFF_THREAD;
