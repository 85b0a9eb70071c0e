/**
 * The projection's timeline (docs/model.md, section 2): the stays in a canonical order, and the
 * no-action timeline in which the base year's admissions recur as copies of each person's record.
 */
import { edate, serialFromYmd, yearOf, type Serial } from "../calendar";
import { Decimal, dec } from "../money";
import { citizenKey, type StayInput } from "../shelter";

export const jan1 = (year: number): Serial => serialFromYmd(year, 1, 1);
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The last full calendar year in the stays: the year of the latest admission when that admission
 * is in December (the register runs to the year's end), else the year before. Admissions, not
 * discharges, mark how far a register reaches: a running stay may carry a planned discharge
 * years ahead. undefined without stays.
 */
export function defaultBaseYear(stays: readonly StayInput[]): number | undefined {
  let last = -Infinity;
  for (const s of stays) last = Math.max(last, s.admission);
  if (last === -Infinity) return undefined;
  const year = yearOf(last);
  return last >= serialFromYmd(year, 12, 1) ? year : year - 1;
}

/** round_half_up(days × factor), at least 1; exact at half-day boundaries. */
export function scaledLength(days: number, factor: Decimal, factorFloat: number): number {
  const x = days * factorFloat;
  const nearHalf = Math.abs(x - Math.floor(x) - 0.5) < 1e-6;
  const n = nearHalf
    ? dec(days).times(factor).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber()
    : Math.floor(x + 0.5);
  return Math.max(1, n);
}

/** A stay of the projection's timeline (see the module comment, 2). */
export interface TimelineStay extends StayInput {
  /** Whose refund windows the stay shares: the person (cohort 0) or the person's copy t. */
  citizen: string;
  discharge: Serial;
  /** The citizen as Excel matches them (citizenKey), the same in every cohort. */
  person: string;
  /** 0: as recorded (weight 1); t ≥ 1: in the person's record copied t years later. */
  cohort: number;
  /** Whether its nights are the projection's: recorded stays, and a copy's base-year admissions. */
  counted: boolean;
  /** Recorded without a discharge: it runs on to the horizon's end. */
  open: boolean;
}

/**
 * The stays in a canonical order that depends on data only: citizen (as Excel matches it),
 * admission, the longer stay first (an open stay longest), then the higher rate, then the lower
 * self-payment. The § 110 engine breaks admission ties by position, so this makes them data.
 */
export function canonicalStays(stays: readonly StayInput[]): StayInput[] {
  return stays
    .map((s) => ({
      citizen: citizenKey(s.citizen),
      admission: s.admission,
      discharge: s.discharge,
      dailyRate: s.dailyRate,
      selfPayment: s.selfPayment,
    }))
    .sort(
      (a, b) =>
        compareText(a.citizen, b.citizen) ||
        a.admission - b.admission ||
        (b.discharge ?? Infinity) - (a.discharge ?? Infinity) ||
        b.dailyRate - a.dailyRate ||
        a.selfPayment - b.selfPayment
    );
}

export interface TimelineOptions {
  baseYear: number;
  horizon: number;
  stayLengthChange: number;
  /** Stays that end before this day change no figure and no window of the projection. */
  historyFrom: Serial;
}

/** A timeline stay built field by field (one object shape: the hot path makes tens of thousands). */
export function timelineStay(
  s: StayInput,
  person: string,
  citizen: string,
  admission: Serial,
  discharge: Serial,
  cohort: number,
  counted: boolean,
  open = false
): TimelineStay {
  return {
    citizen,
    admission,
    discharge,
    dailyRate: s.dailyRate,
    selfPayment: s.selfPayment,
    person,
    cohort,
    counted,
    open,
  };
}

/**
 * The no-action timeline (module comment, 2): every recorded stay admitted before the base
 * year's end (cohort 0; an open one runs to the horizon's end); then, for t = 1..horizon, the
 * record of every person admitted in the base year, copied t years later as a citizen of its own
 * (cohort t): its base-year admissions are counted, with their length scaled by the stay-length
 * trend; its earlier stays only carry the refund windows and discharges that the counted stays
 * lean on, as the recorded history does for the base year. Open stays are not copied: the person
 * is still in the shelter. `stays` must be in canonical order. `recorded`: what no stay-length
 * trend changes of a timeline of the same stays, base year, horizon and history, taken as it is.
 */
export function projectionTimeline(
  stays: readonly StayInput[],
  options: TimelineOptions,
  recorded: RecordedTimeline = recordedTimeline(stays, options)
): TimelineStay[] {
  const horizonEnd = jan1(options.baseYear + options.horizon + 1);
  const out = recorded.stays.slice();
  const { copies } = recorded;
  let cohort = 0;
  let factor = dec(1);
  let factorFloat = 1;
  for (let i = 0; i < copies.cohort.length; i++) {
    if (copies.cohort[i] !== cohort) {
      cohort = copies.cohort[i];
      factor = dec(1).plus(options.stayLengthChange).pow(cohort);
      factorFloat = factor.toNumber();
    }
    const history = copies.history[i];
    if (history) {
      out.push(history);
      continue;
    }
    const stay = copies.stay[i];
    const admission = copies.admission[i];
    const length = scaledLength(copies.nights[i], factor, factorFloat);
    out.push(
      timelineStay(
        stay,
        stay.citizen,
        copies.citizen[i],
        admission,
        Math.min(admission + length, horizonEnd),
        cohort,
        true
      )
    );
  }
  return out;
}

/**
 * Each stay's citizen as a number 0.., for the § 110 walk (shelterNights). A timeline holds each
 * citizen's stays together: the recorded stays in canonical order (cohort 0), then each copy's
 * cohort in the same order. So a citizen is a run of rows with one person and one cohort, and
 * the walk need not key each made-up citizen text («person␀t») on its own.
 */
export function citizenNumbers(stays: readonly TimelineStay[]): Int32Array {
  const numbers = new Int32Array(stays.length);
  let id = -1;
  for (let i = 0; i < stays.length; i++) {
    const s = stays[i];
    if (i === 0 || s.cohort !== stays[i - 1].cohort || s.person !== stays[i - 1].person) id++;
    numbers[i] = id;
  }
  return numbers;
}

/**
 * What no stay-length trend changes of a timeline: its recorded stays (cohort 0), and of each
 * copy, in order, the stay copied, its citizen, admission and cohort and its recorded nights (at
 * least 1), which the trend scales where the copy is counted. A copy that is not counted (history
 * that carries windows) is the same in every trend: it is made here once, as `history`.
 */
export interface RecordedTimeline {
  stays: readonly TimelineStay[];
  copies: {
    stay: readonly StayInput[];
    citizen: readonly string[];
    admission: Float64Array;
    cohort: Int32Array;
    nights: Float64Array;
    history: readonly (TimelineStay | undefined)[];
  };
}

/** The part of a projection's timeline (projectionTimeline) that no stay-length trend changes. */
export function recordedTimeline(
  stays: readonly StayInput[],
  options: Omit<TimelineOptions, "stayLengthChange">
): RecordedTimeline {
  const { baseYear, horizon } = options;
  const baseStart = jan1(baseYear);
  const baseEnd = jan1(baseYear + 1);
  const horizonEnd = jan1(baseYear + horizon + 1);
  const recorded: TimelineStay[] = [];
  const closed: StayInput[] = [];
  const admittedInBase = new Set<string>();
  for (const s of stays) {
    if (s.admission >= baseEnd) continue;
    // Nights after the horizon change no figure and no refund window inside it, so every stay
    // ends there at the latest: a stay recorded for a hundred years costs its horizon's windows.
    const discharge =
      s.discharge === null
        ? horizonEnd
        : Math.min(Math.max(s.discharge, s.admission + 1), horizonEnd);
    if (discharge <= options.historyFrom) continue;
    recorded.push(
      timelineStay(s, s.citizen, s.citizen, s.admission, discharge, 0, true, s.discharge === null)
    );
    if (s.discharge === null) continue;
    closed.push(s);
    if (s.admission >= baseStart) admittedInBase.add(s.citizen);
  }
  const copied = closed.filter((s) => admittedInBase.has(s.citizen));
  const n = copied.length * horizon;
  const copies = {
    stay: new Array<StayInput>(n),
    citizen: new Array<string>(n),
    admission: new Float64Array(n),
    cohort: new Int32Array(n),
    nights: new Float64Array(n),
    history: new Array<TimelineStay | undefined>(n),
  };
  let i = 0;
  for (let t = 1; t <= horizon; t++)
    for (const s of copied) {
      const citizen = `${s.citizen}\u0000${t}`;
      const admission = edate(s.admission, 12 * t);
      const nights = Math.max(s.discharge! - s.admission, 1);
      copies.stay[i] = s;
      copies.citizen[i] = citizen;
      copies.admission[i] = admission;
      copies.cohort[i] = t;
      copies.nights[i] = nights;
      if (s.admission < baseStart) {
        const discharge = Math.min(admission + nights, horizonEnd);
        copies.history[i] = timelineStay(s, s.citizen, citizen, admission, discharge, t, false);
      }
      i++;
    }
  return { stays: recorded, copies };
}

/** The calendar of the projection: years 0 (base) .. horizon, with their weights and prices. */
