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
 * Intervals are half-open [from, to) in Excel serial days. This is the audit path (windows,
 * spans, warnings); shelterWalk.ts walks the same rules without them, for hot paths.
 */
import { problemError, type Problem } from "../messages";
import { edate, type Serial } from "./calendar";
import { refundOre, shareOf } from "./money";
import { dayLimitOn, type DayLimit, type RuleSet } from "./rules";

/** One row of the stays table, already coerced from cells. */
export interface StayInput {
  citizen: string;
  admission: Serial;
  /** Udskrivning (discharge), exclusive; null for an open stay. */
  discharge: Serial | null;
  /** Takst: daily rate in kroner, as the cell holds it (money.ts keeps it exact). */
  dailyRate: number;
  /** Egenbetaling: the resident's self-payment per day in kroner. */
  selfPayment: number;
}

/**
 * The key that identifies a citizen, as Excel matches text (COUNTIF, pivots): trimmed and
 * case-insensitive, canonically composed (Å typed as A + ring is Å), so "b00017" and " B00017"
 * are one citizen. Numbers arrive as their text (coerce.ts), so 1000 and "1000" are one too.
 */
export function citizenKey(citizen: string): string {
  return citizen.trim().normalize("NFC").toLowerCase();
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

/**
 * A row that cannot be computed: an Excel error code, the problem with its arguments, and its
 * texts from the catalogs (src/messages, problemError). Plain data: it crosses to web workers.
 */
export interface RowError {
  code: "#VALUE!" | "#N/A";
  problem: Problem;
  /** Danish, as cells and sheets show it and the Node exports return it. */
  message: string;
  /** English, for the task pane and the sheets when Office's display language is English. */
  en: string;
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
  /** Refundable days of the stay, all history up to the period's end. */
  refundSpans: Span[];
  /** Refundable days before the day limit took effect (1 Oct 2023 under NY). */
  unlimitedDays: number;
  windows: WindowUse[];
  /** Own days inside the period. */
  stayDaysInPeriod: number;
  /** Refundable days inside the period. */
  refundableDays: number;
  /** Refund for the period's refundable days in whole øre (rounded half up per stay). */
  amountOre: number;
  warnings: Warning[];
}

/** A row the engine could not compute, with its error. */
export interface FailedRow {
  row: number;
  error: RowError;
}

export type StayOutcome = StayResult | FailedRow;

export function isRowError<T extends object>(outcome: T | FailedRow): outcome is FailedRow {
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
  return {
    from: period.start ?? -Infinity,
    to: period.end === undefined ? Infinity : period.end + 1,
  };
}

export function dischargeBeforeAdmission(admission: Serial, discharge: Serial): RowError {
  return problemError({ id: "dischargeBeforeAdmission", admission, discharge });
}

/** The day after the stay's last counted day (its days are [admission, end)), or an error. */
export function stayEnd(stay: StayInput, period: Period): Serial | RowError {
  if (stay.discharge === null) {
    if (period.end === undefined) {
      return problemError({ id: "openStayNeedsPeriodEnd" });
    }
    // An open stay counts through the period end; one admitted after the period has no days.
    return Math.max(stay.admission, period.end + 1);
  }
  if (stay.discharge < stay.admission)
    return dischargeBeforeAdmission(stay.admission, stay.discharge);
  // Nights: discharge day excluded, but a same-day stay counts one day.
  return Math.max(stay.discharge, stay.admission + 1);
}

export function validateAmounts(stay: StayInput): RowError | undefined {
  if (!(stay.dailyRate >= 0 && Number.isFinite(stay.dailyRate))) {
    return problemError({ id: "dailyRateInvalid" });
  }
  if (!(stay.selfPayment >= 0 && Number.isFinite(stay.selfPayment))) {
    return problemError({ id: "selfPaymentInvalid" });
  }
  return undefined;
}

/**
 * Appends [from, to) to a result's refund spans, merging with the last span when they touch.
 * The first span makes an array of one: most stays have one, and an empty array that is pushed
 * to grows room for 16, which a hundred thousand results would keep.
 */
export function pushSpan(result: { refundSpans: Span[] }, from: Serial, to: Serial): void {
  const spans = result.refundSpans;
  const last = spans[spans.length - 1];
  if (!last) result.refundSpans = [{ from, to }];
  else if (last.to === from) last.to = to;
  else spans.push({ from, to });
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
  result: Pick<StayResult, "refundSpans" | "windows" | "unlimitedDays">
): void {
  const shelter = rules.shelter;
  let cursor = own.from;
  const limitFrom = shelter.limitFrom?.value ?? Infinity;
  if (cursor < limitFrom) {
    const to = Math.min(own.to, limitFrom);
    pushSpan(result, cursor, to);
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
    result.windows = appended(result.windows, use);
    const segmentEnd = Math.min(own.to, w.end);
    // Inside the window, split where a new day limit takes effect (phase-in by day).
    for (let p = cursor; p < segmentEnd;) {
      const limit = dayLimitOn(shelter, byDay ? p : w.start);
      const next = byDay ? (shelter.dayLimits.find((l) => l.from > p)?.from ?? Infinity) : Infinity;
      const q = Math.min(segmentEnd, next);
      const refunded = limit ? Math.min(Math.max(0, limit.days - w.used), q - p) : q - p;
      if (refunded > 0) pushSpan(result, p, p + refunded);
      w.used += refunded;
      use.refundedDays += refunded;
      if (limit && !use.limits.includes(limit)) use.limits = appended(use.limits, limit);
      p = q;
    }
    cursor = segmentEnd;
  }
}

/** The list with the item added: an empty one becomes an array of one, as in pushSpan. */
function appended<T>(list: T[], item: T): T[] {
  if (list.length === 0) return [item];
  list.push(item);
  return list;
}

/** A stay's result before its days are walked: its own days and warnings, nothing refunded. */
export function stayResult(row: number, ownDays: Span | null, warnings: Warning[]): StayResult {
  return {
    row,
    ownDays,
    refundSpans: [],
    unlimitedDays: 0,
    windows: [],
    stayDaysInPeriod: 0,
    refundableDays: 0,
    amountOre: 0,
    warnings,
  };
}

export interface ShelterOptions {
  period?: Period;
  rules: RuleSet;
}

/**
 * Refundable days and refunds for every stay, in input order. Each row gets a result or its
 * own error; an error in one row never stops the others.
 */
export function computeShelterRefunds(
  stays: readonly StayInput[],
  options: ShelterOptions
): StayOutcome[] {
  const period = options.period ?? {};
  const rules = options.rules;
  const share = shareOf(rules.shelter.refundShare.value);
  const inPeriod = periodSpan(period);
  const outcomes: StayOutcome[] = new Array(stays.length);

  // Day intervals in flat arrays and rows grouped by citizen: no object per stay until its result.
  const from = new Float64Array(stays.length);
  const to = new Float64Array(stays.length);
  const byCitizen = new Map<string, number[]>();
  // Rows of one citizen mostly spell them alike: the key is computed once per spelling.
  const bySpelling = new Map<string, number[]>();
  for (let row = 0; row < stays.length; row++) {
    const stay = stays[row];
    const end = validateAmounts(stay) ?? stayEnd(stay, period);
    if (typeof end !== "number") {
      outcomes[row] = { row, error: end };
      continue;
    }
    from[row] = stay.admission;
    to[row] = end;
    let rows = bySpelling.get(stay.citizen);
    if (!rows) {
      const key = citizenKey(stay.citizen);
      rows = byCitizen.get(key);
      if (!rows) byCitizen.set(key, (rows = []));
      bySpelling.set(stay.citizen, rows);
    }
    rows.push(row);
  }

  const byAdmission = (a: number, b: number) => from[a] - from[b] || a - b;
  for (const rows of byCitizen.values()) {
    if (rows.length > 1) rows.sort(byAdmission);
    const state: { window: Window | null } = { window: null };
    let coveredTo = -Infinity;
    let coveredBy = -1;
    for (const row of rows) {
      const stay = stays[row];
      const warnings: Warning[] = [];
      const start = Math.max(from[row], coveredTo);
      if (coveredTo > from[row]) {
        warnings.push({
          kind: "overlap",
          withRow: coveredBy,
          days: Math.min(coveredTo, to[row]) - from[row],
        });
      }
      if (to[row] > coveredTo) {
        coveredTo = to[row];
        coveredBy = row;
      }
      if (stay.discharge === null) warnings.push({ kind: "open", countedTo: period.end! });
      if (stay.selfPayment > stay.dailyRate) warnings.push({ kind: "selfPaymentAboveRate" });

      const result = stayResult(
        row,
        start < to[row] ? { from: start, to: to[row] } : null,
        warnings
      );
      if (result.ownDays) {
        // Days after the period change no refund inside it: a hundred-year stay paid for one
        // year walks that year's windows, not a century's.
        const own = result.ownDays;
        if (own.to <= inPeriod.to) refundDays(own, rules, state, result);
        else if (inPeriod.to > own.from)
          refundDays({ from: own.from, to: inPeriod.to }, rules, state, result);
        result.stayDaysInPeriod = overlapDays(result.ownDays, inPeriod);
      }
      for (const s of result.refundSpans) result.refundableDays += overlapDays(s, inPeriod);
      result.amountOre = refundOre(stay.dailyRate, stay.selfPayment, result.refundableDays, share);
      outcomes[row] = result;
    }
  }
  return outcomes;
}

/** Days that two spans share. */
export function overlapDays(a: Span, b: Span): number {
  return daysIn(a.from, a.to, b);
}

/** Days of [from, to) inside the span, without a span object per call (hot loops). */
export const daysIn = (from: Serial, to: Serial, span: Span): number =>
  Math.max(0, Math.min(to, span.to) - Math.max(from, span.from));
