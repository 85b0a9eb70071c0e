/**
 * § 110 shelter stays (ophold på herberg/forsorgshjem): which stay days the state refunds,
 * per serviceloven § 177 as amended by L 64 (SPEC 1.1).
 *
 * Each citizen (borger) is handled on their own, on sorted day intervals, never day by day:
 * 1. stays are ordered by admission (indskrivning), ties by input row;
 * 2. overlapping stays are cut so each calendar day belongs to the stay admitted first;
 * 3. the citizen's days are walked through rolling one-year windows; in each window the first
 *    N days are refundable (N from the rule data, by day or by window start);
 * 4. only refundable days inside the period are paid, but all history consumes the quota.
 *
 * Intervals are half-open [from, to) in Excel serial days.
 */
import { edate, isoFromSerial, type Serial } from "./calendar";
import { Decimal, ZERO, dec, roundOre } from "./money";
import { dayLimitOn, type DayLimit, type RuleSet } from "./rules";

/** One row of the stays table, already coerced from cells. */
export interface StayInput {
  citizen: string;
  admission: Serial;
  /** Udskrivning (discharge), exclusive; null for an open stay. */
  discharge: Serial | null;
  /** Takst: daily rate in kroner. */
  dailyRate: Decimal;
  /** Egenbetaling: the resident's self-payment per day in kroner. */
  selfPayment: Decimal;
}

/** Both ends inclusive, as a user types them; either may be missing. */
export interface Period {
  start?: Serial;
  end?: Serial;
}

export interface Span {
  from: Serial;
  to: Serial; // exclusive
}

/** A row that cannot be computed: an Excel error code with a Danish message. */
export interface RowError {
  code: "#VALUE!" | "#NUM!" | "#N/A";
  message: string;
}

export type Warning =
  | { kind: "overlap"; withRow: number; days: number }
  | { kind: "open"; countedTo: Serial }
  | { kind: "selfPaymentAboveRate" };

/** A refund window that the stay's refundable days fall in, with the limit that applied. */
export interface WindowUse {
  start: Serial;
  end: Serial; // exclusive: EDATE(start, 12)
  refundedDays: number; // days of this stay refunded in this window
  limits: DayLimit[]; // the day limits that governed those days
}

export interface StayResult {
  row: number;
  /** The stay's own days after overlap attribution (all history); null if none. */
  ownDays: Span | null;
  /** Refundable days of the stay, all history. */
  refundSpans: Span[];
  /** Refundable days before the day limit took effect (1 Oct 2023 under NY). */
  unlimitedDays: number;
  windows: WindowUse[];
  /** Own days inside the period. */
  stayDaysInPeriod: number;
  /** Refundable days inside the period. */
  refundableDays: number;
  /** Refund for the period's refundable days, rounded to øre. */
  amount: Decimal;
  /** max(0, rate − self-payment) × share, per day: the refund of one refundable day. */
  refundPerDay: Decimal;
  warnings: Warning[];
}

export type StayOutcome = StayResult | { row: number; error: RowError };

export function isRowError(outcome: StayOutcome): outcome is { row: number; error: RowError } {
  return "error" in outcome;
}

export const spanDays = (s: Span): number => Math.max(0, s.to - s.from);

export function intersect(a: Span, b: Span): Span | null {
  const from = Math.max(a.from, b.from);
  const to = Math.min(a.to, b.to);
  return from < to ? { from, to } : null;
}

/** The period as a half-open span; missing ends are unbounded. */
export function periodSpan(period: Period): Span {
  return { from: period.start ?? -Infinity, to: period.end === undefined ? Infinity : period.end + 1 };
}

/** The stay's days before overlap attribution, or an error for the row. */
function stayInterval(stay: StayInput, period: Period): Span | RowError {
  if (stay.discharge === null) {
    if (period.end === undefined) {
      return { code: "#VALUE!", message: "Åbent ophold (ingen udskrivningsdato) kræver en periodeslutdato" };
    }
    // An open stay counts through the period end; one admitted after the period has no days.
    return { from: stay.admission, to: Math.max(stay.admission, period.end + 1) };
  }
  if (stay.discharge < stay.admission) {
    return {
      code: "#NUM!",
      message: `Udskrivning ${isoFromSerial(stay.discharge)} ligger før indskrivning ${isoFromSerial(stay.admission)}`,
    };
  }
  // Nights: discharge day excluded, but a same-day stay counts one day.
  return { from: stay.admission, to: Math.max(stay.discharge, stay.admission + 1) };
}

function validateAmounts(stay: StayInput): RowError | undefined {
  if (stay.dailyRate.isNegative()) return { code: "#NUM!", message: "Taksten må ikke være negativ" };
  if (stay.selfPayment.isNegative()) return { code: "#NUM!", message: "Egenbetalingen må ikke være negativ" };
  return undefined;
}

/** Per-citizen window state: the window in force and how many of its days were refunded. */
interface Window {
  start: Serial;
  end: Serial;
  used: number;
}

/**
 * Walks one stay's own days through the citizen's windows and records the refundable spans.
 * `state.window` carries over from the citizen's earlier stays.
 */
function refundDays(
  own: Span,
  rules: RuleSet,
  state: { window: Window | null },
  result: Pick<StayResult, "refundSpans" | "windows" | "unlimitedDays">,
): void {
  const shelter = rules.shelter;
  const push = (from: Serial, to: Serial) => {
    const last = result.refundSpans[result.refundSpans.length - 1];
    if (last && last.to === from) last.to = to;
    else result.refundSpans.push({ from, to });
  };
  let cursor = own.from;
  const limitFrom = shelter.limitFrom?.value ?? Infinity;
  if (cursor < limitFrom) {
    const to = Math.min(own.to, limitFrom);
    push(cursor, to);
    result.unlimitedDays += to - cursor;
    cursor = to;
  }
  const byDay = shelter.phaseInBasis.value === "day";
  while (cursor < own.to) {
    let w = state.window;
    if (!w || cursor >= w.end) {
      // The first stay day not inside an earlier window opens a new one.
      w = { start: cursor, end: edate(cursor, shelter.windowMonths.value), used: 0 };
      state.window = w;
    }
    const use: WindowUse = { start: w.start, end: w.end, refundedDays: 0, limits: [] };
    result.windows.push(use);
    const segmentEnd = Math.min(own.to, w.end);
    // Inside the window, split where a new day limit takes effect (phase-in by day).
    for (let p = cursor; p < segmentEnd; ) {
      const limit = dayLimitOn(shelter, byDay ? p : w.start);
      const next = byDay ? (shelter.dayLimits.find((l) => l.from > p)?.from ?? Infinity) : Infinity;
      const q = Math.min(segmentEnd, next);
      const refunded = limit ? Math.min(Math.max(0, limit.days - w.used), q - p) : q - p;
      if (refunded > 0) push(p, p + refunded);
      w.used += refunded;
      use.refundedDays += refunded;
      if (limit && !use.limits.includes(limit)) use.limits.push(limit);
      p = q;
    }
    cursor = segmentEnd;
  }
}

export interface ShelterOptions {
  period?: Period;
  rules: RuleSet;
}

/**
 * Refundable days and refunds for every stay, in input order. Each row gets a result or its
 * own error; an error in one row never stops the others.
 */
export function computeShelterRefunds(stays: readonly StayInput[], options: ShelterOptions): StayOutcome[] {
  const period = options.period ?? {};
  const rules = options.rules;
  const share = dec(rules.shelter.refundShare.value);
  const inPeriod = periodSpan(period);
  const outcomes: StayOutcome[] = new Array(stays.length);

  const byCitizen = new Map<string, { row: number; span: Span }[]>();
  stays.forEach((stay, row) => {
    const amountError = validateAmounts(stay);
    const span = amountError ?? stayInterval(stay, period);
    if ("code" in span) {
      outcomes[row] = { row, error: span };
      return;
    }
    let list = byCitizen.get(stay.citizen);
    if (!list) byCitizen.set(stay.citizen, (list = []));
    list.push({ row, span });
  });

  for (const list of byCitizen.values()) {
    list.sort((a, b) => a.span.from - b.span.from || a.row - b.row);
    const state: { window: Window | null } = { window: null };
    let coveredTo = -Infinity;
    let coveredBy = -1;
    for (const { row, span } of list) {
      const stay = stays[row];
      const warnings: Warning[] = [];
      const from = Math.max(span.from, coveredTo);
      if (coveredTo > span.from) {
        warnings.push({ kind: "overlap", withRow: coveredBy, days: Math.min(coveredTo, span.to) - span.from });
      }
      if (span.to > coveredTo) {
        coveredTo = span.to;
        coveredBy = row;
      }
      if (stay.discharge === null) warnings.push({ kind: "open", countedTo: period.end! });
      const net = stay.dailyRate.minus(stay.selfPayment);
      if (net.isNegative()) warnings.push({ kind: "selfPaymentAboveRate" });
      const refundPerDay = net.isNegative() ? ZERO : net.times(share);

      const result: StayResult = {
        row,
        ownDays: from < span.to ? { from, to: span.to } : null,
        refundSpans: [],
        unlimitedDays: 0,
        windows: [],
        stayDaysInPeriod: 0,
        refundableDays: 0,
        amount: ZERO,
        refundPerDay,
        warnings,
      };
      if (result.ownDays) {
        refundDays(result.ownDays, rules, state, result);
        result.stayDaysInPeriod = spanDays(intersect(result.ownDays, inPeriod) ?? { from: 0, to: 0 });
      }
      for (const s of result.refundSpans) {
        const hit = intersect(s, inPeriod);
        if (hit) result.refundableDays += spanDays(hit);
      }
      result.amount = roundOre(refundPerDay.times(result.refundableDays));
      outcomes[row] = result;
    }
  }
  return outcomes;
}
