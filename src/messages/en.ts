/**
 * The problems in English, for the task pane and the sheets when Office's display language is
 * English. A parameter is named by the sheet's (Danish) name with its English alias, so the user
 * finds the row the message is about.
 */
import { danishFromSerial as date } from "../engine/calendar";
import { dec, type Decimal } from "../engine/money";
import { formatParameterValue } from "../engine/parameters/format";
import { parameterById } from "../engine/parameters/lookup";
import type { ParameterDef } from "../engine/parameters/registry";
import type { Catalog, InvestmentRate, Problem, RangeBound } from "./problem";

const value = (def: ParameterDef, x: number) => formatParameterValue(def, x, "en");

const RATE: Record<InvestmentRate, string> = {
  discount: "The discount rate",
  relapse: "The relapse rate",
  moveAway: "The move-away rate",
};

/** A parameter as English messages name it: the sheet's (Danish) name and the English one. */
const named = (def: ParameterDef) => `«${def.name}» (${def.alias})`;

/** «Name» (Alias): text, or «Name» (Alias): low text for one end of a scenario's own range. */
function about(p: { parameter: ParameterDef["id"]; bound?: RangeBound }, text: string): string {
  return `${named(parameterById(p.parameter))}: ${p.bound ? `${p.bound} ` : ""}${text}`;
}

/** "from 0% and at most 100%": a parameter's allowed range. */
function allowed(def: ParameterDef): string {
  const lower = `${def.min.exclusive ? "above" : "from"} ${value(def, def.min.value)}`;
  const upper = `${def.max.exclusive ? "below" : "at most"} ${value(def, def.max.value)}`;
  return `${lower} and ${upper}`;
}

const decimal = (x: string | Decimal) =>
  dec(x).toNumber().toLocaleString("en-GB", { maximumFractionDigits: 10 });

const kroner = (max: number) => `DKK ${max.toLocaleString("en-GB", { maximumFractionDigits: 0 })}`;

/** "2 rows (row 5 of the range: Admission is missing; …)", at most three reasons. */
export function skippedEn(skipped: readonly { row: number; problem: Problem }[]): string {
  const reasons = skipped
    .slice(0, 3)
    .map((s) => `row ${s.row} of the range: ${renderEn(s.problem)}`);
  const more = skipped.length > 3 ? `; and ${skipped.length - 3} more` : "";
  return `${skipped.length === 1 ? "1 row" : `${skipped.length} rows`} (${reasons.join("; ")}${more})`;
}

export const EN: Catalog = {
  dischargeBeforeAdmission: (p) =>
    `Discharge ${date(p.discharge)} is before admission ${date(p.admission)}`,
  openStayNeedsPeriodEnd: () => "An open stay (no discharge date) needs a period end date",
  dailyRateInvalid: () => "The daily rate must be an amount of 0 kr. or more",
  selfPaymentInvalid: () => "The self-payment must be an amount of 0 kr. or more",

  openAftercareNeedsPeriodEnd: (p) =>
    `${p.kind === "support" ? "Open support" : "An open stay"} (no end date) needs a period end date`,
  endBeforeStart: (p) => `End date ${date(p.end)} is before start date ${date(p.start)}`,
  annualCostNegative: () => "The annual cost must not be negative",
  dailyCostNegative: () => "The daily cost must not be negative",

  flowYearsDiffer: (p) =>
    `Costs and savings must cover the same number of years (costs have ${p.costs}, savings have ${p.savings})`,
  discountRateAtMostMinus100: (p) => `The discount rate must be greater than -100% (got ${p.rate})`,
  rateOverHundred: (p) =>
    `${RATE[p.rate]} is over 100% a year (got ${decimal(p.value)}, i.e. ${decimal(dec(p.value).times(100))}%): write ${decimal(p.value)}% or ${decimal(dec(p.value).dividedBy(100))}`,
  rateNegative: (p) => `${RATE[p.rate]} must not be negative`,
  relapsePlusMoveAwayOver100: (p) =>
    `Relapse + move-away must be at most 100% a year (got ${p.relapse} + ${p.moveAway})`,

  projectionInexact: (p) =>
    `The projection's amounts grow beyond ${kroner(p.max)}, more than can be computed exactly to the øre: check daily rates, indexation and growth`,
  noStaysToProject: () => "There are no stays to project",
  projectedStayDischargeBeforeAdmission: (p) =>
    `Stay no. ${p.stay}: the discharge is before the admission`,
  projectedStayAmountsInvalid: (p) =>
    `Stay no. ${p.stay}: daily rate and self-payment must be 0 kr. or more`,
  projectionBeyond9999: (p) =>
    `The projection from ${p.baseYear} over ${p.horizon} years reaches beyond the year 9999`,
  baseYearWithoutNights: (p) =>
    `The base year ${p.baseYear} has no stay nights in the data: choose another base year`,
  housedShareOutOfRange: (p) =>
    `Relapse + move-away must lie between 0 and 100% a year (got ${(p.sum * 100).toLocaleString("en-GB")}%)`,

  parameterValueMissing: (p) => about(p, "the value is missing"),
  parameterNotNumber: (p) => about(p, `${p.shown} is not a number`),
  parameterNotYesNo: (p) => about(p, `${p.shown} is neither yes nor no (write yes, no, 1 or 0)`),
  parameterNotFinite: (p) => about(p, `${p.value} is not a valid number`),
  parameterNotInteger: (p) =>
    about(p, `must be a whole number (got ${value(parameterById(p.parameter), p.value)})`),
  parameterOutOfRange: (p) => {
    const def = parameterById(p.parameter);
    const percent = def.unit === "%" && Math.abs(p.value) > 1;
    return about(
      p,
      `must lie ${allowed(def)} (got ${value(def, p.value)})${percent ? " (write percentages as 3.5% or 0.035)" : ""}`
    );
  },
  parameterMissing: (p) => `The parameter ${named(parameterById(p.parameter))} is missing`,
  relapsePlusMoveAwayParameters: (p) => {
    const relapse = parameterById("relapseRate");
    return `${named(relapse)} + ${named(parameterById("moveAwayRate"))} must be at most 100% a year (got ${value(relapse, p.sum)})`;
  },
  parameterHasNoRange: (p) => about(p, "has no range (low and high must be blank)"),
  rangeBoundMissing: (p) =>
    about(
      { parameter: p.parameter },
      `${p.bound} is missing (the registry's value is ${value(parameterById(p.parameter), p.registry)})`
    ),
  rangeLowAboveHigh: (p) => {
    const def = parameterById(p.parameter);
    return about(p, `low (${value(def, p.low)}) must not exceed high (${value(def, p.high)})`);
  },
  rangeSourceNotText: (p) => about(p, "the range's source must be text"),
  rangeSourceTooLong: (p) =>
    about(p, `the range's source must be at most ${p.max} characters (is ${p.length})`),
  rangeSourceMissing: (p) =>
    about(p, "the range's source is missing: give the source or assumption behind low and high"),

  parameterRangeNotTwoColumns: (p) =>
    `The parameter range must have two columns: name and value (${p.width === "oneCell" ? "it is one cell" : `it has ${p.width}`})`,
  parameterRangeRowWithoutName: (p) =>
    `Row ${p.row} of the parameter range has a value but no name`,
  unknownParameter: (p) => `Unknown parameter «${p.name}» in row ${p.row} of the parameter range`,
  parameterTwice: (p) =>
    `The parameter ${named(parameterById(p.parameter))} appears twice in the parameter range`,

  cellHoldsError: (p) => `${p.label.en}: the cell holds the error ${p.error}`,
  cellIsBoolean: (p) => `${p.label.en}: TRUE/FALSE is not a valid value`,
  valueMissing: (p) => `${p.label.en} is missing`,
  notADate: (p) => `${p.label.en}: ${p.shown} is not a date`,
  dateTextUnreadable: (p) =>
    `${p.label.en}: ${p.shown} is not a date (write e.g. 2026-05-01 or 01-05-2026)`,
  dateTextUnsafe: (p) => `${p.label.en}: ${p.shown} is not a safe date: ${p.reason.en}`,
  dateOutOfRange: (p) =>
    `${p.label.en}: the date must lie from ${date(p.first)} to ${date(p.last)} (serial ${p.first}-${p.last})`,
  notAValidNumber: (p) => `${p.label.en}: ${p.value} is not a valid number`,
  numberTextInvalid: (p) => `${p.label.en}: ${p.reason.en}`,
  notANumber: (p) => `${p.label.en}: ${p.shown} is not a number`,
  amountNegative: (p) => `${p.label.en} must not be negative (${p.value})`,
  amountTooLarge: (p) =>
    `${p.label.en}: ${p.value} is over ${kroner(p.max)}, the largest amount computed exactly to the øre`,
  citizenInvalid: (p) => `${p.label.en}: invalid value`,
  notACitizen: (p) => `${p.label.en}: ${p.shown} is not a citizen id`,
  ruleSetGammelInTable: () =>
    'The rule set "GAMMEL" (old rules) is always shown in the table beside the current rules: use "NY" or "NY-VINDUE"',
  unknownRuleSet: (p) =>
    `Unknown rule set ${p.shown}: use "NY" (current rules), "NY-VINDUE" (day limit fixed at the window's start) or "GAMMEL" (before L 64)`,
  notOneCell: (p) => `${p.label.en} must be one cell`,
  periodEndBeforeStart: () => "The period end is before the period start",
  rangeEmpty: (p) => `${p.label.en}: the range is empty`,
  rangeNotOneColumn: (p) =>
    `${p.label.en}: the range must be one column (it has ${p.columns} columns)`,
  rangesDifferInLength: (p) =>
    `The ranges differ in length: ${p.first.en} has ${p.length} rows, ${p.other.en} has ${p.otherLength}`,
  rangeNotRowOrColumn: (p) =>
    `${p.label.en}: the range must be one row or one column (it has ${p.rows} × ${p.columns} cells)`,
  rangeNotRectangular: (p) => `${p.label.en}: the range is not rectangular`,
  notTrueFalse: (p) => `${p.label.en}: ${p.shown} is not TRUE or FALSE`,

  blankRow: () => "Blank row",
  noValidStays: (p) => `No valid stays: ${skippedEn(p.skipped)}`,
  staysRangeEmpty: () => "The stays range is empty: there are no stays to compute",
  forecastSumInexact: (p) =>
    `The amounts add up to more than ${kroner(p.max)}, more than can be computed exactly to the øre: check daily rates and self-payments`,
  notAYear: (p) => `Year: ${p.shown} is not a year (e.g. 2026)`,
  negativeCostInRatio: (p) =>
    `Costs, year ${p.year}: a cost must not be negative in the return per krone (got ${p.cost}); write savings as savings, or use HOUSINGFIRSTNPV for net amounts`,
  investmentResultTooLarge: () =>
    "The result is too large for a cell (check the rate and the number of years)",
  presentValueInexact: (p) =>
    `The present value is over ${kroner(p.max)}, more than a number in a cell can hold exactly to the øre`,
  ratioWithoutCosts: () => "The present value of the costs is 0, so the ratio cannot be computed",
  noBreakEven: (p) => `The investment does not pay for itself within the ${p.years} years`,
  backtestNeedsYears: (p) =>
    `The backtest needs admissions from at least ${p.history + 1} calendar years (${p.history} years to project from, of which the user groups' ${p.typologyYears} years, and one to compare with)`,
  drawsInvalid: (p) =>
    `Draws must be a whole number from ${p.min.toLocaleString("en-GB")} to ${p.max.toLocaleString("en-GB")}`,
  seedInvalid: (p) => `The seed must be a whole number from 0 to ${p.max.toLocaleString("en-GB")}`,
  rangesNotPerParameter: () => "The ranges must be low and high per parameter",
  rangeForUnknownParameter: (p) => `«${p.name}» is not a parameter`,
  rangeNeedsLowAndHigh: (p) => about(p, "the range must have a low and a high value"),
  rangesRefused: (p) => p.problems.map(renderEn).join("; "),
};

/** A problem in English. */
export function renderEn(problem: Problem): string {
  return (EN[problem.id] as (p: Problem) => string)(problem);
}
