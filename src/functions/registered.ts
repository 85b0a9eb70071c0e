/**
 * The functions Excel registers: the one input of custom-functions-metadata-plugin
 * (webpack.config.js), which generates functions.json from these declarations (id, argument
 * types and which are optional, result shape) and appends `CustomFunctions.associate(id, fn)`
 * for each, and the functions bundle's entry. Only the functions bundle may import this file:
 * a second copy in another bundle would associate every id twice ([DuplicatedName] in Excel).
 *
 * `unknown[][]` is a range argument, `unknown` a single cell (Excel's type "any"), `any[][]` a
 * matrix result; an argument's name is its English name in snake_case. Descriptions and the Danish argument names are in catalog.ts,
 * which the build writes into the metadata; the help URL is set by the build too.
 *
 * The functions of registry.ts's OFF_THREAD return a promise and take Excel's
 * CancelableInvocation last (which makes them `cancelable`: "If the last function parameter is
 * of type CustomFunctions.CancelableInvocation, it will be considered @cancelable",
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json-autogeneration#cancelable):
 * offThread.ts computes them in a web worker.
 */
import { offThread } from "./offThread";
import { EXCEL_FUNCTIONS as F } from "./registry";

/* eslint-disable @typescript-eslint/no-explicit-any -- a matrix result is `any[][]` for the metadata (`unknown[][]` would not take the cells' union type) */

/** @customfunction REFUSION110 */
export function refusion110(
  citizen: unknown[][],
  admission: unknown[][],
  discharge: unknown[][],
  dailyRate: unknown[][],
  selfPayment?: unknown[][],
  periodStart?: unknown,
  periodEnd?: unknown,
  rules?: unknown,
  invocation?: CustomFunctions.CancelableInvocation
): Promise<any[][]> {
  return offThread(
    "REFUSION110",
    [citizen, admission, discharge, dailyRate, selfPayment, periodStart, periodEnd, rules],
    invocation
  );
}

/** @customfunction REFUSIONDAYS110 */
export function refusionDays110(
  citizen: unknown[][],
  admission: unknown[][],
  discharge: unknown[][],
  periodStart?: unknown,
  periodEnd?: unknown,
  rules?: unknown,
  invocation?: CustomFunctions.CancelableInvocation
): Promise<any[][]> {
  return offThread(
    "REFUSIONDAYS110",
    [citizen, admission, discharge, periodStart, periodEnd, rules],
    invocation
  );
}

/** @customfunction REFUSION85A */
export function refusion85a(
  firstDischarge: unknown[][],
  supportStart: unknown[][],
  supportEnd: unknown[][],
  annualCost: unknown[][],
  periodStart?: unknown,
  periodEnd?: unknown,
  eligible?: unknown[][],
  invocation?: CustomFunctions.CancelableInvocation
): Promise<any[][]> {
  return offThread(
    "REFUSION85A",
    [firstDischarge, supportStart, supportEnd, annualCost, periodStart, periodEnd, eligible],
    invocation
  );
}

/** @customfunction REFUSION107 */
export function refusion107(
  citizen: unknown[][],
  firstDischarge: unknown[][],
  stayStart: unknown[][],
  stayEnd: unknown[][],
  dailyCost: unknown[][],
  periodStart?: unknown,
  periodEnd?: unknown,
  eligible?: unknown[][],
  invocation?: CustomFunctions.CancelableInvocation
): Promise<any[][]> {
  return offThread(
    "REFUSION107",
    [citizen, firstDischarge, stayStart, stayEnd, dailyCost, periodStart, periodEnd, eligible],
    invocation
  );
}

/** @customfunction HOUSINGFIRSTNPV */
export function housingFirstNpv(
  rate: unknown,
  costs: unknown[][],
  savings: unknown[][],
  relapseRate?: unknown,
  moveawayRate?: unknown
): number {
  return F.HOUSINGFIRSTNPV(rate, costs, savings, relapseRate, moveawayRate) as number;
}

/** @customfunction HOUSINGFIRSTRATIO */
export function housingFirstRatio(
  rate: unknown,
  costs: unknown[][],
  savings: unknown[][],
  relapseRate?: unknown,
  moveawayRate?: unknown
): number {
  return F.HOUSINGFIRSTRATIO(rate, costs, savings, relapseRate, moveawayRate) as number;
}

/** @customfunction HOUSINGFIRSTBREAKEVEN */
export function housingFirstBreakeven(
  rate: unknown,
  costs: unknown[][],
  savings: unknown[][],
  relapseRate?: unknown,
  moveawayRate?: unknown
): number {
  return F.HOUSINGFIRSTBREAKEVEN(rate, costs, savings, relapseRate, moveawayRate) as number;
}

/** @customfunction REFUSIONPROGNOSE */
export function refusionPrognose(
  citizen: unknown[][],
  admission: unknown[][],
  discharge: unknown[][],
  dailyRate: unknown[][],
  selfPayment?: unknown[][],
  years?: unknown,
  rules?: unknown,
  invocation?: CustomFunctions.CancelableInvocation
): Promise<any[][]> {
  return offThread(
    "REFUSIONPROGNOSE",
    [citizen, admission, discharge, dailyRate, selfPayment, years, rules],
    invocation
  );
}

/** @customfunction HOUSINGFIRSTPROJECTION */
export function housingFirstProjection(
  citizen: unknown[][],
  admission: unknown[][],
  discharge: unknown[][],
  dailyRate: unknown[][],
  selfPayment: unknown[][],
  parameters: unknown[][],
  rules?: unknown,
  invocation?: CustomFunctions.CancelableInvocation
): Promise<any[][]> {
  return offThread(
    "HOUSINGFIRSTPROJECTION",
    [citizen, admission, discharge, dailyRate, selfPayment, parameters, rules],
    invocation
  );
}

/** @customfunction HOUSINGFIRSTBACKTEST */
export function housingFirstBacktest(
  citizen: unknown[][],
  admission: unknown[][],
  discharge: unknown[][],
  dailyRate: unknown[][],
  selfPayment: unknown[][],
  parameters: unknown[][],
  rules?: unknown,
  invocation?: CustomFunctions.CancelableInvocation
): Promise<any[][]> {
  return offThread(
    "HOUSINGFIRSTBACKTEST",
    [citizen, admission, discharge, dailyRate, selfPayment, parameters, rules],
    invocation
  );
}

/** @customfunction HOUSINGFIRSTUNCERTAINTY */
export function housingFirstUncertainty(
  citizen: unknown[][],
  admission: unknown[][],
  discharge: unknown[][],
  dailyRate: unknown[][],
  selfPayment: unknown[][],
  parameters: unknown[][],
  rules?: unknown,
  draws?: unknown,
  seed?: unknown,
  invocation?: CustomFunctions.CancelableInvocation
): Promise<any[][]> {
  return offThread(
    "HOUSINGFIRSTUNCERTAINTY",
    [citizen, admission, discharge, dailyRate, selfPayment, parameters, rules, draws, seed],
    invocation
  );
}
