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
function stayEnd(stay: StayInput, period: Period): Serial | RowError {
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

function validateAmounts(stay: StayInput): RowError | undefined {
  if (!(stay.dailyRate >= 0 && Number.isFinite(stay.dailyRate))) {
    return problemError({ id: "dailyRateInvalid" });
  }
  if (!(stay.selfPayment >= 0 && Number.isFinite(stay.selfPayment))) {
    return problemError({ id: "selfPaymentInvalid" });
  }
  return undefined;
}

/** Appends [from, to) to the spans, merging with the last span when they touch. */
function pushSpan(spans: Span[], from: Serial, to: Serial): void {
  const last = spans[spans.length - 1];
  if (last && last.to === from) last.to = to;
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
    pushSpan(result.refundSpans, cursor, to);
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
    for (let p = cursor; p < segmentEnd;) {
      const limit = dayLimitOn(shelter, byDay ? p : w.start);
      const next = byDay ? (shelter.dayLimits.find((l) => l.from > p)?.from ?? Infinity) : Infinity;
      const q = Math.min(segmentEnd, next);
      const refunded = limit ? Math.min(Math.max(0, limit.days - w.used), q - p) : q - p;
      if (refunded > 0) pushSpan(result.refundSpans, p, p + refunded);
      w.used += refunded;
      use.refundedDays += refunded;
      if (limit && !use.limits.includes(limit)) use.limits.push(limit);
      p = q;
    }
    cursor = segmentEnd;
  }
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
  return Math.max(0, Math.min(a.to, b.to) - Math.max(a.from, b.from));
}

/** Days of [from, to) inside the span, without an object per call (the lean walk's visitors). */
const daysIn = (from: Serial, to: Serial, span: Span): number =>
  Math.max(0, Math.min(to, span.to) - Math.max(from, span.from));

/** What a walk of the stays through their windows reports of each row, in each citizen's order. */
interface WalkVisitor {
  /** The row's own days [from, to) (none when from ≥ to), before its refundable days. */
  own(row: number, from: Serial, to: Serial): void;
  /** Refundable days [from, to) of the row, in order, up to the period's end. */
  refund(row: number, from: Serial, to: Serial): void;
}

/**
 * The lean walk of computeShelterRefunds's rules: no object per stay. Citizens are numbered,
 * rows are grouped by a counting sort and walked with the window state in a few numbers. Rows
 * with an error are returned (the visitor never sees them) and take no part in any citizen's
 * history, as in the audit path. `citizens`: each row's citizen as a number 0.., where the caller
 * knows them (rows with one number are one citizen), in place of numbering their texts.
 */
function walkRefunds(
  stays: readonly StayInput[],
  options: ShelterOptions,
  visit: WalkVisitor,
  citizens?: Int32Array
): Map<number, RowError> {
  const n = stays.length;
  const period = options.period ?? {};
  const shelter = options.rules.shelter;
  const inPeriod = periodSpan(period);
  const errors = new Map<number, RowError>();

  // Day intervals, and each valid row's citizen as a number.
  const from = new Float64Array(n);
  const to = new Float64Array(n);
  const citizenOf = new Int32Array(n).fill(-1);
  const ids = new Map<string, number>();
  const bySpelling = new Map<string, number>();
  let citizenCount = 0;
  for (let row = 0; row < n; row++) {
    const stay = stays[row];
    const end = validateAmounts(stay) ?? stayEnd(stay, period);
    if (typeof end !== "number") {
      errors.set(row, end);
      continue;
    }
    from[row] = stay.admission;
    to[row] = end;
    if (citizens) {
      citizenOf[row] = citizens[row];
      citizenCount = Math.max(citizenCount, citizens[row] + 1);
      continue;
    }
    // Rows of one citizen mostly spell them alike: the key is computed once per spelling.
    let id = bySpelling.get(stay.citizen);
    if (id === undefined) {
      const key = citizenKey(stay.citizen);
      id = ids.get(key);
      if (id === undefined) ids.set(key, (id = ids.size));
      bySpelling.set(stay.citizen, id);
    }
    citizenOf[row] = id;
  }
  if (!citizens) citizenCount = ids.size;

  // Rows grouped by citizen (stable: each group in row order), then by admission, ties by row.
  const start = new Int32Array(citizenCount + 1);
  for (let row = 0; row < n; row++) if (citizenOf[row] >= 0) start[citizenOf[row] + 1]++;
  for (let c = 0; c < citizenCount; c++) start[c + 1] += start[c];
  const order = new Int32Array(start[citizenCount]);
  const next = start.slice(0, citizenCount);
  for (let row = 0; row < n; row++) if (citizenOf[row] >= 0) order[next[citizenOf[row]]++] = row;
  const byAdmission = (a: number, b: number) => from[a] - from[b] || a - b;

  const limitFrom = shelter.limitFrom?.value ?? Infinity;
  const byDay = shelter.phaseInBasis.value === "day";
  const limits = shelter.dayLimits;
  const months = shelter.windowMonths.value;

  for (let c = 0; c < citizenCount; c++) {
    const first = start[c];
    const last = start[c + 1];
    if (last - first > 16) order.subarray(first, last).sort(byAdmission);
    else
      for (let k = first + 1; k < last; k++) {
        const row = order[k];
        let j = k - 1;
        for (; j >= first && byAdmission(order[j], row) > 0; j--) order[j + 1] = order[j];
        order[j + 1] = row;
      }
    let coveredTo = -Infinity;
    let windowStart = 0;
    let windowEnd = -Infinity;
    let used = 0;
    for (let k = first; k < last; k++) {
      const row = order[k];
      const ownTo = to[row];
      let cursor = Math.max(from[row], coveredTo);
      if (ownTo > coveredTo) coveredTo = ownTo;
      visit.own(row, cursor, ownTo);
      // Days after the period change no refund inside it: walk the windows up to its end only.
      const walkTo = Math.min(ownTo, inPeriod.to);
      if (cursor < limitFrom && cursor < walkTo) {
        const end = Math.min(walkTo, limitFrom);
        visit.refund(row, cursor, end);
        cursor = end;
      }
      while (cursor < walkTo) {
        if (cursor >= windowEnd) {
          // The first stay day not inside an earlier window opens a new one.
          windowStart = cursor;
          windowEnd = edate(cursor, months);
          used = 0;
        }
        const segmentEnd = Math.min(walkTo, windowEnd);
        // Inside the window, split where a new day limit takes effect (phase-in by day).
        for (let p = cursor; p < segmentEnd;) {
          const on = byDay ? p : windowStart;
          let limit = -1;
          let change = Infinity;
          for (const l of limits) {
            if (l.from <= on) limit = l.days;
            else if (byDay && l.from > p) {
              change = l.from;
              break;
            }
          }
          const q = Math.min(segmentEnd, change);
          const refunded = limit < 0 ? q - p : Math.min(Math.max(0, limit - used), q - p);
          if (refunded > 0) visit.refund(row, p, p + refunded);
          used += refunded;
          p = q;
        }
        cursor = segmentEnd;
      }
    }
  }
  return errors;
}

/**
 * The lean path for the cell functions: only what a cell returns (refundable days in the period,
 * or the refund in øre), with the same rules as computeShelterRefunds, which stays the audit path
 * for the pane (windows, spans, warnings), so a sheet of 100 000 stays costs little more than
 * reading its cells. Rows with an error get it in `errors` (their value is NaN).
 */
export function shelterCellValues(
  stays: readonly StayInput[],
  options: ShelterOptions,
  want: "days" | "amountOre"
): { values: Float64Array; errors: Map<number, RowError> } {
  const inPeriod = periodSpan(options.period ?? {});
  const values = new Float64Array(stays.length).fill(NaN);
  const errors = walkRefunds(stays, options, {
    own: (row) => (values[row] = 0),
    refund: (row, from, to) => (values[row] += daysIn(from, to, inPeriod)),
  });
  if (want === "amountOre") {
    const share = shareOf(options.rules.shelter.refundShare.value);
    values.forEach((days, row) => {
      if (!Number.isNaN(days))
        values[row] = refundOre(stays[row].dailyRate, stays[row].selfPayment, days, share);
    });
  }
  return { values, errors };
}

/** A stay's refund without its audit trail (no windows or warnings): a GAMMEL forecast line. */
export type StayRefund = Pick<
  StayResult,
  "row" | "ownDays" | "refundSpans" | "refundableDays" | "amountOre"
>;

/**
 * Each stay's own days, refundable spans (up to the period's end), refundable days in the
 * period and refund, as computeShelterRefunds finds them, on the lean walk: for the forecast's
 * second rule set, whose windows and warnings no sheet shows.
 */
export function shelterRefunds(
  stays: readonly StayInput[],
  options: ShelterOptions
): (StayRefund | FailedRow)[] {
  const inPeriod = periodSpan(options.period ?? {});
  const out: (StayRefund | FailedRow)[] = new Array(stays.length);
  const errors = walkRefunds(stays, options, {
    own: (row, from, to) =>
      (out[row] = {
        row,
        ownDays: from < to ? { from, to } : null,
        refundSpans: [],
        refundableDays: 0,
        amountOre: 0,
      }),
    refund: (row, from, to) => {
      const r = out[row] as StayRefund;
      pushSpan(r.refundSpans, from, to);
      r.refundableDays += daysIn(from, to, inPeriod);
    },
  });
  const share = shareOf(options.rules.shelter.refundShare.value);
  // Rows with an error are still holes here, which forEach skips.
  out.forEach((r, row) => {
    (r as StayRefund).amountOre = refundOre(
      stays[row].dailyRate,
      stays[row].selfPayment,
      (r as StayRefund).refundableDays,
      share
    );
  });
  for (const [row, error] of errors) out[row] = { row, error };
  return out;
}

/** A stay's own days and refundable days: what a projection keeps of its § 110 result. */
export type StayNights = Pick<StayResult, "ownDays" | "refundSpans">;

/**
 * Each stay's own days and refundable spans, as computeShelterRefunds finds them (without a
 * period: every day), for the projection, which replays hundreds of thousands of stays and keeps
 * nothing else: no windows, warnings or amounts. Rows with an error get it. `citizens`: each
 * row's citizen as a number, where the projection numbered its own stays (timeline.ts), so that
 * hundreds of thousands of made-up citizen texts need not be keyed one by one.
 */
export function shelterNights(
  stays: readonly StayInput[],
  rules: RuleSet,
  citizens?: Int32Array
): (StayNights | RowError)[] {
  const out: (StayNights | RowError)[] = new Array(stays.length);
  const errors = walkRefunds(
    stays,
    { rules },
    {
      own: (row, from, to) =>
        (out[row] = { ownDays: from < to ? { from, to } : null, refundSpans: [] }),
      refund: (row, from, to) => pushSpan((out[row] as StayNights).refundSpans, from, to),
    },
    citizens
  );
  for (const [row, error] of errors) out[row] = error;
  return out;
}
