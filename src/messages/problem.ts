/**
 * Every problem the engine, the cell layer and the custom functions report, as a code with its
 * arguments: plain data (numbers, texts, serials, parameter ids), so it crosses to web workers
 * and each language's catalog (da.ts, en.ts) writes it in its own words.
 */
import type { Serial } from "../engine/calendar";
import type { ParameterId } from "../engine/parameters/registry";

/** A column or argument as messages name it, in Danish and English. */
export interface Label {
  da: string;
  en: string;
}

/** A text in both languages that the engine's readers give (calendar.ts, money.ts). */
export type Reason = Label;

/** Which bound of a scenario's own low–high range a value problem is about. */
export type RangeBound = "low" | "high";

/** The investment case's yearly rates, as its messages name them. */
export type InvestmentRate = "discount" | "relapse" | "moveAway";

/** A parameter value problem, alone or (with `bound`) for one end of a scenario's own range. */
type ValueProblem<Id extends string, Args = object> = {
  id: Id;
  parameter: ParameterId;
  bound?: RangeBound;
} & Args;

export type Problem =
  // § 110 stays (shelter.ts)
  | { id: "dischargeBeforeAdmission"; admission: Serial; discharge: Serial }
  | { id: "openStayNeedsPeriodEnd" }
  | { id: "dailyRateInvalid" }
  | { id: "selfPaymentInvalid" }
  // § 85 a and § 107 after-care (aftercare.ts)
  | { id: "openAftercareNeedsPeriodEnd"; kind: "support" | "accommodation" }
  | { id: "endBeforeStart"; start: Serial; end: Serial }
  | { id: "annualCostNegative" }
  | { id: "dailyCostNegative" }
  // The investment case (investment.ts); rates as the exact decimals' text
  | { id: "flowYearsDiffer"; costs: number; savings: number }
  | { id: "discountRateAtMostMinus100"; rate: string }
  | { id: "rateOverHundred"; rate: InvestmentRate; value: string }
  | { id: "rateNegative"; rate: Exclude<InvestmentRate, "discount"> }
  | { id: "relapsePlusMoveAwayOver100"; relapse: string; moveAway: string }
  // The projection (projection/prepare.ts, projection/evaluate.ts)
  | { id: "projectionInexact"; max: number }
  | { id: "noStaysToProject" }
  | { id: "projectedStayDischargeBeforeAdmission"; stay: number }
  | { id: "projectedStayAmountsInvalid"; stay: number }
  | { id: "projectionBeyond9999"; baseYear: number; horizon: number }
  | { id: "baseYearWithoutNights"; baseYear: number }
  | { id: "housedShareOutOfRange"; sum: number }
  // Parameter values and ranges (parameters/validation.ts)
  | ValueProblem<"parameterValueMissing">
  | ValueProblem<"parameterNotNumber", { shown: string }>
  | ValueProblem<"parameterNotYesNo", { shown: string }>
  | ValueProblem<"parameterNotFinite", { value: number }>
  | ValueProblem<"parameterNotInteger", { value: number }>
  | ValueProblem<"parameterOutOfRange", { value: number }>
  | { id: "parameterMissing"; parameter: ParameterId }
  | { id: "relapsePlusMoveAwayParameters"; sum: number }
  | { id: "parameterHasNoRange"; parameter: ParameterId }
  | { id: "rangeBoundMissing"; parameter: ParameterId; bound: RangeBound; registry: number }
  | { id: "rangeLowAboveHigh"; parameter: ParameterId; low: number; high: number }
  | { id: "rangeSourceNotText"; parameter: ParameterId }
  | { id: "rangeSourceTooLong"; parameter: ParameterId; length: number; max: number }
  | { id: "rangeSourceMissing"; parameter: ParameterId }
  // The parameter range of a formula (cells/parameterRange.ts, functions/tableArgs.ts)
  | { id: "parameterRangeNotTwoColumns"; width: number | "oneCell" }
  | { id: "parameterRangeRowWithoutName"; row: number }
  | { id: "unknownParameter"; name: string; row: number }
  | { id: "parameterTwice"; parameter: ParameterId }
  // Cells (cells/coerce.ts); `shown` is the cell as messages quote it (showCell)
  | { id: "cellHoldsError"; label: Label; error: string }
  | { id: "cellIsBoolean"; label: Label }
  | { id: "valueMissing"; label: Label }
  | { id: "notADate"; label: Label; shown: string }
  | { id: "dateTextUnreadable"; label: Label; shown: string }
  | { id: "dateTextUnsafe"; label: Label; shown: string; reason: Reason }
  | { id: "dateOutOfRange"; label: Label; first: Serial; last: Serial }
  | { id: "notAValidNumber"; label: Label; value: number }
  | { id: "numberTextInvalid"; label: Label; reason: Reason }
  | { id: "notANumber"; label: Label; shown: string }
  | { id: "amountNegative"; label: Label; value: number }
  | { id: "amountTooLarge"; label: Label; value: number; max: number }
  | { id: "citizenInvalid"; label: Label }
  | { id: "notACitizen"; label: Label; shown: string }
  | { id: "ruleSetGammelInTable" }
  | { id: "unknownRuleSet"; shown: string }
  | { id: "notOneCell"; label: Label }
  | { id: "periodEndBeforeStart" }
  | { id: "rangeEmpty"; label: Label }
  | { id: "rangeNotOneColumn"; label: Label; columns: number }
  | { id: "rangesDifferInLength"; first: Label; length: number; other: Label; otherLength: number }
  | { id: "rangeNotRowOrColumn"; label: Label; rows: number; columns: number }
  | { id: "rangeNotRectangular"; label: Label }
  | { id: "notTrueFalse"; label: Label; shown: string }
  // The custom functions' own (src/functions)
  | { id: "blankRow" }
  | { id: "noValidStays"; skipped: { row: number; problem: Problem }[] }
  | { id: "staysRangeEmpty" }
  | { id: "forecastSumInexact"; max: number }
  | { id: "notAYear"; shown: string }
  | { id: "negativeCostInRatio"; year: number; cost: string }
  | { id: "investmentResultTooLarge" }
  | { id: "presentValueInexact"; max: number }
  | { id: "ratioWithoutCosts" }
  | { id: "noBreakEven"; years: number }
  | { id: "backtestNeedsYears"; history: number; typologyYears: number }
  // The uncertainty runs' arguments (uncertainty/input.ts)
  | { id: "drawsInvalid"; min: number; max: number }
  | { id: "seedInvalid"; max: number }
  | { id: "rangesNotPerParameter" }
  | { id: "rangeForUnknownParameter"; name: string }
  | { id: "rangeNeedsLowAndHigh"; parameter: ParameterId }
  | { id: "rangesRefused"; problems: Problem[] };

export type ProblemId = Problem["id"];

/** One language's words for every problem: a problem without them does not compile. */
export type Catalog = { [K in ProblemId]: (p: Extract<Problem, { id: K }>) => string };

/** A cell as messages quote it: text in «», anything else as JavaScript writes it. */
export const showCell = (cell: unknown): string =>
  typeof cell === "string" ? `«${cell}»` : String(cell);
