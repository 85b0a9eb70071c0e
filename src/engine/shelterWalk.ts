/**
 * The lean walk of the § 110 rules (shelter.ts, whose computeShelterRefunds is the audit path the
 * pane shows): the same refundable days, without windows, warnings or an object per stay until
 * its result. The cell functions (shelterCellValues), the forecast's GAMMEL columns
 * (shelterRefunds) and the projection's replays (shelterNights) take it; property tests hold
 * each to the audit path.
 */
import { edate, type Serial } from "./calendar";
import { rowsByGroup } from "./grouped";
import { refundOre, shareOf } from "./money";
import type { RuleSet, ShelterRules } from "./rules";
import {
  citizenKey,
  daysIn,
  periodSpan,
  pushSpan,
  stayEnd,
  validateAmounts,
  type FailedRow,
  type RowError,
  type ShelterOptions,
  type StayInput,
  type StayResult,
} from "./shelter";

/** What a walk of the stays through their windows reports of each row, in each citizen's order. */
export interface WalkVisitor {
  /** The row's own days [from, to) (none when from ≥ to), before its refundable days. */
  own(row: number, from: Serial, to: Serial): void;
  /** Refundable days [from, to) of the row, in order, up to the period's end. */
  refund(row: number, from: Serial, to: Serial): void;
}

/** The rules a walk reads at every step, looked up once. */
export interface WalkSteps {
  limitFrom: Serial;
  byDay: boolean;
  limits: ShelterRules["dayLimits"];
  months: number;
}

export const walkSteps = (shelter: ShelterRules): WalkSteps => ({
  limitFrom: shelter.limitFrom?.value ?? Infinity,
  byDay: shelter.phaseInBasis.value === "day",
  limits: shelter.dayLimits,
  months: shelter.windowMonths.value,
});

/**
 * A citizen's place in the walk between two stays: how far their stays cover, the window in
 * force and the days it has refunded. Everything a stay's refund depends on besides the stay.
 */
export interface WalkState {
  coveredTo: Serial;
  windowStart: Serial;
  windowEnd: Serial;
  used: number;
}

export const freshWalk = (): WalkState => resetWalk({} as WalkState);

export function resetWalk(state: WalkState): WalkState {
  state.coveredTo = -Infinity;
  state.windowStart = 0;
  state.windowEnd = -Infinity;
  state.used = 0;
  return state;
}

/**
 * One stay of a citizen, [from, ownTo), walked on from `state` (which it moves on), its own and
 * refundable days told to `visit`, the windows walked up to `periodTo` only (days after the period
 * change no refund inside it). A citizen's stays are walked in order of admission.
 */
export function walkStay(
  steps: WalkSteps,
  state: WalkState,
  row: number,
  from: Serial,
  ownTo: Serial,
  periodTo: Serial,
  visit: WalkVisitor
): void {
  const { limitFrom, byDay, limits, months } = steps;
  let cursor = Math.max(from, state.coveredTo);
  if (ownTo > state.coveredTo) state.coveredTo = ownTo;
  visit.own(row, cursor, ownTo);
  const walkTo = Math.min(ownTo, periodTo);
  if (cursor < limitFrom && cursor < walkTo) {
    const end = Math.min(walkTo, limitFrom);
    visit.refund(row, cursor, end);
    cursor = end;
  }
  while (cursor < walkTo) {
    if (cursor >= state.windowEnd) {
      // The first stay day not inside an earlier window opens a new one.
      state.windowStart = cursor;
      state.windowEnd = edate(cursor, months);
      state.used = 0;
    }
    const segmentEnd = Math.min(walkTo, state.windowEnd);
    // Inside the window, split where a new day limit takes effect (phase-in by day).
    for (let p = cursor; p < segmentEnd;) {
      const on = byDay ? p : state.windowStart;
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
      const refunded = limit < 0 ? q - p : Math.min(Math.max(0, limit - state.used), q - p);
      if (refunded > 0) visit.refund(row, p, p + refunded);
      state.used += refunded;
      p = q;
    }
    cursor = segmentEnd;
  }
}

/**
 * The lean walk of computeShelterRefunds's rules: no object per stay. Citizens are numbered,
 * rows are grouped by a counting sort and walked stay by stay (walkStay) with one WalkState. Rows
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
  const { starts: start, rows: order } = rowsByGroup(citizenOf, citizenCount);
  const byAdmission = (a: number, b: number) => from[a] - from[b] || a - b;

  const steps = walkSteps(shelter);
  const state = freshWalk();
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
    resetWalk(state);
    for (let k = first; k < last; k++) {
      const row = order[k];
      walkStay(steps, state, row, from[row], to[row], inPeriod.to, visit);
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
      pushSpan(r, from, to);
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

/** A visitor that keeps each row's own and refundable days in `out[row]`. */
export const nightsInto = (out: StayNights[]): WalkVisitor => ({
  own: (row, from, to) =>
    (out[row] = { ownDays: from < to ? { from, to } : null, refundSpans: [] }),
  refund: (row, from, to) => pushSpan(out[row], from, to),
});

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
  const errors = walkRefunds(stays, { rules }, nightsInto(out as StayNights[]), citizens);
  for (const [row, error] of errors) out[row] = error;
  return out;
}
