/**
 * After-care refunds after a citizen's first discharge (udskrivning) from a § 110 shelter
 * (serviceloven § 176 a, as inserted by L 64; SPEC 1.2 and 1.3):
 * - § 85 a bostøtte (Housing First support in the citizen's own home): 50 % of the support
 *   expense in the window [first discharge, EDATE(first discharge, 24));
 * - § 107 botilbud (temporary accommodation): 50 % of the expense for up to 183 cumulative
 *   stay days in the window [first discharge, EDATE(first discharge, 12)), shared by all
 *   § 107 stays of the citizen with that first discharge, earliest stay first.
 *
 * The windows run from the first discharge the caller gives; a later re-admission to a
 * shelter does not restart them (§ 176 a, stk. 3). Refunds need the support decision before
 * discharge (`eligible`); a row that is not eligible gets 0 and uses none of the § 107 days.
 * Days are counted like § 110 stay days: start inclusive, end exclusive, a same-day row is one
 * day; a blank end is open and counted through the period end. Intervals are half-open serial
 * spans [from, to).
 */
import { problemError } from "../messages";
import { edate, type Serial } from "./calendar";
import { Decimal, ZERO, dec, roundOre } from "./money";
import type { AftercareRules } from "./rules";
import {
  citizenKey,
  intersect,
  periodSpan,
  spanDays,
  type Period,
  type RowError,
  type Span,
} from "./shelter";

export interface AftercareOptions {
  period?: Period;
  rules: AftercareRules;
}

export type AftercareOutcome<R> = R | { row: number; error: RowError };

/** One row of § 85 a support, already coerced from cells. */
export interface SupportInput {
  /** First discharge from § 110: opens the 2-year window. */
  firstDischarge: Serial;
  start: Serial;
  /** Exclusive; null for support that is still running. */
  end: Serial | null;
  /** The support's expense per year in kroner. */
  annualCost: Decimal;
  eligible: boolean;
}

export interface SupportResult {
  row: number;
  /** [first discharge, EDATE(first discharge, 24)). */
  window: Span;
  /** The support's days, all history. */
  supportDays: Span;
  /** Support days inside the window, all history; null if none. */
  refundSpan: Span | null;
  /** Refundable days inside the period (0 when not eligible). */
  refundableDays: number;
  /** share × annual cost × days / 365, rounded to øre. */
  amount: Decimal;
}

/** One row of § 107 temporary accommodation, already coerced from cells. */
export interface AccommodationInput {
  citizen: string;
  /** First discharge from § 110: opens the 1-year window and its 183 days. */
  firstDischarge: Serial;
  start: Serial;
  /** Exclusive; null for a stay that is still running. */
  end: Serial | null;
  /** The stay's expense per day in kroner. */
  dailyCost: Decimal;
  eligible: boolean;
}

export interface AccommodationResult {
  row: number;
  /** [first discharge, EDATE(first discharge, 12)). */
  window: Span;
  /** The stay's own days after overlap attribution (all history); null if none. */
  ownDays: Span | null;
  /** Days refunded within the window's 183 days, all history; null if none. */
  refundSpan: Span | null;
  /** Refundable days inside the period (0 when not eligible). */
  refundableDays: number;
  /** share × daily cost × days, rounded to øre. */
  amount: Decimal;
}

export function isAftercareError<R extends object>(
  outcome: AftercareOutcome<R>
): outcome is { row: number; error: RowError } {
  return "error" in outcome;
}

/**
 * The row's days, or an error for an end before the start. A row that lies wholly before the
 * first discharge is not an error: a citizen's table may hold earlier support or stays, and
 * only days inside the window count (SPEC 1.2), so it simply gets no refund.
 */
function rowDays(
  start: Serial,
  end: Serial | null,
  period: Period,
  kind: "support" | "accommodation"
): Span | RowError {
  if (end === null) {
    if (period.end === undefined) return problemError({ id: "openAftercareNeedsPeriodEnd", kind });
    // Open: counted through the period end; one starting after the period has no days.
    return { from: start, to: Math.max(start, period.end + 1) };
  }
  if (end < start) return problemError({ id: "endBeforeStart", start, end });
  return { from: start, to: Math.max(end, start + 1) };
}

/** The part of a window from § 176 a's entry into force. */
const inForce = (window: Span, rules: AftercareRules): Span => ({
  from: Math.max(window.from, rules.inForceFrom.value),
  to: window.to,
});

const daysIn = (span: Span | null, period: Span): number =>
  span ? spanDays(intersect(span, period) ?? { from: 0, to: 0 }) : 0;

/** § 85 a refunds per support row, in input order; a bad row gets its own error. */
export function computeSupportRefunds(
  rows: readonly SupportInput[],
  options: AftercareOptions
): AftercareOutcome<SupportResult>[] {
  const period = options.period ?? {};
  const { supportShare, supportWindowMonths, daysPerYear } = options.rules;
  const share = dec(supportShare.value);
  const inPeriod = periodSpan(period);
  return rows.map((input, row) => {
    if (input.annualCost.lt(0)) return { row, error: problemError({ id: "annualCostNegative" }) };
    const supportDays = rowDays(input.start, input.end, period, "support");
    if ("code" in supportDays) return { row, error: supportDays };
    const window = {
      from: input.firstDischarge,
      to: edate(input.firstDischarge, supportWindowMonths.value),
    };
    const refundSpan = intersect(supportDays, inForce(window, options.rules));
    const refundableDays = input.eligible ? daysIn(refundSpan, inPeriod) : 0;
    // Daily expense = annual / 365 exactly: divide last so no øre is lost before rounding.
    const amount = roundOre(
      share.times(input.annualCost).times(refundableDays).dividedBy(daysPerYear.value)
    );
    return { row, window, supportDays, refundSpan, refundableDays, amount };
  });
}

/**
 * § 107 refunds per stay, in input order. Rows of one citizen with the same first discharge
 * share the window's days: stays in order of start (ties by row), each calendar day counted
 * once (it belongs to the stay that started first, as for § 110), and the first 183 days
 * inside the window are refunded. The period only filters what is paid: stays outside it
 * still use the days.
 */
export function computeAccommodationRefunds(
  rows: readonly AccommodationInput[],
  options: AftercareOptions
): AftercareOutcome<AccommodationResult>[] {
  const period = options.period ?? {};
  const { accommodationShare, accommodationWindowMonths, accommodationMaxDays } = options.rules;
  const share = dec(accommodationShare.value);
  const inPeriod = periodSpan(period);
  const outcomes: AftercareOutcome<AccommodationResult>[] = new Array(rows.length);

  const groups = new Map<string, { row: number; days: Span }[]>();
  rows.forEach((input, row) => {
    if (input.dailyCost.lt(0)) {
      outcomes[row] = { row, error: problemError({ id: "dailyCostNegative" }) };
      return;
    }
    const days = rowDays(input.start, input.end, period, "accommodation");
    if ("code" in days) {
      outcomes[row] = { row, error: days };
      return;
    }
    const window = {
      from: input.firstDischarge,
      to: edate(input.firstDischarge, accommodationWindowMonths.value),
    };
    if (!input.eligible) {
      outcomes[row] = {
        row,
        window,
        ownDays: days,
        refundSpan: null,
        refundableDays: 0,
        amount: ZERO,
      };
      return;
    }
    const key = JSON.stringify([citizenKey(input.citizen), input.firstDischarge]);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push({ row, days });
  });

  for (const group of groups.values()) {
    group.sort((a, b) => a.days.from - b.days.from || a.row - b.row);
    const first = rows[group[0].row].firstDischarge;
    const window = { from: first, to: edate(first, accommodationWindowMonths.value) };
    let left = accommodationMaxDays.value;
    let coveredTo = -Infinity;
    for (const { row, days } of group) {
      const from = Math.max(days.from, coveredTo);
      coveredTo = Math.max(coveredTo, days.to);
      const ownDays = from < days.to ? { from, to: days.to } : null;
      const inWindow = ownDays && intersect(ownDays, inForce(window, options.rules));
      let refundSpan: Span | null = null;
      if (inWindow && left > 0) {
        const n = Math.min(left, spanDays(inWindow));
        refundSpan = { from: inWindow.from, to: inWindow.from + n };
        left -= n;
      }
      const refundableDays = daysIn(refundSpan, inPeriod);
      const amount = roundOre(share.times(rows[row].dailyCost).times(refundableDays));
      outcomes[row] = { row, window, ownDays, refundSpan, refundableDays, amount };
    }
  }
  return outcomes;
}
