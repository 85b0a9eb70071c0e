/**
 * The refund forecast (refusionsprognose): stays -> stay days, gross cost, self-payment and
 * refunds under NY and GAMMEL by year and quarter, plus one line per stay for the audit sheet.
 */
import type { Serial } from "./calendar";
import type { Decimal } from "./money";
import type { StayInput, StayOutcome } from "./shelter";

/** A stay as the forecast reads it: the engine's input plus the shelter (boform), if known. */
export interface ForecastStay extends StayInput {
  shelter?: string;
}

export interface ForecastOptions {
  /** Calendar years to report, inclusive. Default: see defaultYears. */
  years?: { first: number; last: number };
  /** Open stays (no discharge) are counted through this day, inclusive. Default: the period end. */
  statusDate?: Serial;
}

export interface Amounts {
  stayDays: number;
  refundDaysNy: number;
  refundDaysGammel: number;
  gross: Decimal;
  selfPayment: Decimal;
  refundNy: Decimal;
  refundGammel: Decimal;
  /** refundGammel − refundNy: the refund the reform takes away (what it costs the municipality). */
  difference: Decimal;
  /** gross − selfPayment − refundNy: what the municipality pays itself. */
  netCost: Decimal;
}

export interface QuarterLine extends Amounts {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

export interface YearLine extends Amounts {
  year: number;
}

/** One input stay under both rule sets, with its money for the period. */
export interface StayLine {
  /** Index into the input stays. */
  index: number;
  ny: StayOutcome;
  gammel: StayOutcome;
  /** Counting end of an open stay (exclusive), else null. */
  openTo: Serial | null;
  gross: Decimal;
  selfPayment: Decimal;
}

export interface Forecast {
  period: { start: Serial; end: Serial };
  statusDate: Serial;
  quarters: QuarterLine[];
  years: YearLine[];
  total: Amounts;
  stays: StayLine[];
}

export declare function defaultYears(stays: readonly ForecastStay[]): { first: number; last: number };
export declare function computeForecast(stays: readonly ForecastStay[], options?: ForecastOptions): Forecast;
