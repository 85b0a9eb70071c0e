/**
 * The functions Excel registers: the one input of custom-functions-metadata-plugin
 * (webpack.config.js), which generates functions.json from these declarations (id, argument
 * types and which are optional, result shape) and appends `CustomFunctions.associate(id, fn)`
 * for each, and the functions bundle's entry. Only the functions bundle may import this file:
 * a second copy in another bundle would associate every id twice ([DuplicatedName] in Excel).
 *
 * `any[][]` is a range argument or a matrix result, `any` a single cell; an argument's name is
 * its English name in snake_case. Descriptions and the Danish argument names are in catalog.ts,
 * which the build writes into the metadata; the help URL is set by the build too.
 */
import { EXCEL_FUNCTIONS as F } from "./registry";

/* eslint-disable @typescript-eslint/no-explicit-any -- Excel's argument types, as the metadata needs them */

/** @customfunction REFUSION110 */
export function refusion110(
  citizen: any[][],
  admission: any[][],
  discharge: any[][],
  dailyRate: any[][],
  selfPayment?: any[][],
  periodStart?: any,
  periodEnd?: any,
  rules?: any
): any[][] {
  return F.REFUSION110(
    citizen,
    admission,
    discharge,
    dailyRate,
    selfPayment,
    periodStart,
    periodEnd,
    rules
  );
}

/** @customfunction REFUSIONDAYS110 */
export function refusionDays110(
  citizen: any[][],
  admission: any[][],
  discharge: any[][],
  periodStart?: any,
  periodEnd?: any,
  rules?: any
): any[][] {
  return F.REFUSIONDAYS110(citizen, admission, discharge, periodStart, periodEnd, rules);
}

/** @customfunction REFUSION85A */
export function refusion85a(
  firstDischarge: any[][],
  supportStart: any[][],
  supportEnd: any[][],
  annualCost: any[][],
  periodStart?: any,
  periodEnd?: any,
  eligible?: any[][]
): any[][] {
  return F.REFUSION85A(
    firstDischarge,
    supportStart,
    supportEnd,
    annualCost,
    periodStart,
    periodEnd,
    eligible
  );
}

/** @customfunction REFUSION107 */
export function refusion107(
  citizen: any[][],
  firstDischarge: any[][],
  stayStart: any[][],
  stayEnd: any[][],
  dailyCost: any[][],
  periodStart?: any,
  periodEnd?: any,
  eligible?: any[][]
): any[][] {
  return F.REFUSION107(
    citizen,
    firstDischarge,
    stayStart,
    stayEnd,
    dailyCost,
    periodStart,
    periodEnd,
    eligible
  );
}

/** @customfunction HOUSINGFIRSTNPV */
export function housingFirstNpv(
  rate: any,
  costs: any[][],
  savings: any[][],
  relapseRate?: any,
  moveawayRate?: any
): number {
  return F.HOUSINGFIRSTNPV(rate, costs, savings, relapseRate, moveawayRate) as number;
}

/** @customfunction HOUSINGFIRSTRATIO */
export function housingFirstRatio(
  rate: any,
  costs: any[][],
  savings: any[][],
  relapseRate?: any,
  moveawayRate?: any
): number {
  return F.HOUSINGFIRSTRATIO(rate, costs, savings, relapseRate, moveawayRate) as number;
}

/** @customfunction HOUSINGFIRSTBREAKEVEN */
export function housingFirstBreakeven(
  rate: any,
  costs: any[][],
  savings: any[][],
  relapseRate?: any,
  moveawayRate?: any
): number {
  return F.HOUSINGFIRSTBREAKEVEN(rate, costs, savings, relapseRate, moveawayRate) as number;
}

/** @customfunction REFUSIONPROGNOSE */
export function refusionPrognose(
  citizen: any[][],
  admission: any[][],
  discharge: any[][],
  dailyRate: any[][],
  selfPayment?: any[][],
  years?: any,
  rules?: any
): any[][] {
  return F.REFUSIONPROGNOSE(citizen, admission, discharge, dailyRate, selfPayment, years, rules);
}

/** @customfunction HOUSINGFIRSTPROJECTION */
export function housingFirstProjection(
  citizen: any[][],
  admission: any[][],
  discharge: any[][],
  dailyRate: any[][],
  selfPayment: any[][],
  parameters: any[][],
  rules?: any
): any[][] {
  return F.HOUSINGFIRSTPROJECTION(
    citizen,
    admission,
    discharge,
    dailyRate,
    selfPayment,
    parameters,
    rules
  );
}
