/**
 * A prepared timeline compiled for draws (issue 23): everything a Monte Carlo draw, a tornado bar
 * or a step of a switching-value search needs that does not change with the parameters they
 * move, kept as compact money vectors (moneyVector.ts): what the stays are, not what they cost.
 * A draw prices them with its own rate indexation (draw.ts), so the money agrees with the exact
 * projection's øre (tallies.ts: rates indexed and rounded per year, refunds rounded per stay
 * and year).
 *
 * What the no-action path is per cohort, and what each possible move takes (the pieces of the
 * person's stays, the nights of those who relapse, with fresh refund windows, and the days
 * housed and refunded under § 85 a), is compiled here: the path's per-cohort vectors at once,
 * a move the first time a draw makes it.
 */
import { edate, yearOf, type Serial } from "../calendar";
import { daysIn, type Span } from "../shelter";
import type { RuleSet } from "../rules";
import {
  freshWalk,
  nightsInto,
  resetWalk,
  walkStay,
  walkSteps,
  type WalkState,
} from "../shelterWalk";
import { supportWindow, takenSpans, type TakenSpan } from "./pieces";
import type { PreparedProjection } from "./prepare";
import { candidatesOf, type Candidate } from "./queue";
import { firstYearAfter, type StayNights } from "./tallies";
import { jan1, type TimelineStay } from "./timeline";
import { registerPlace } from "../typology";
import { vectorBuilder, type MoneyVector, type VectorBuilder } from "./moneyVector";

/** A cut piece of a move: the nights the move ends of one stay, with its own vector. */
export interface CutPiece extends TakenSpan {
  vector: MoneyVector;
}

/**
 * Days of a move per (n, year) where there are any: [n × years + t, days, …]. A year after the
 * move spans at most two calendar years, so a handful of the (horizon + 1)² places.
 */
export type DaysVector = Float64Array;

/** A move of a candidate's stay on a day, compiled: everything but its mass. */
export interface MoveOption {
  row: number;
  day: Serial;
  /** Pieces taken on the move day (the shelter nights it ends). */
  cut: CutPiece[];
  /**
   * What those who move away leave, by n = 1.. and lag: the nights of the n-th year after the
   * move, which all who moved away on an anniversary up to n leave (weighView sums their shares).
   */
  away: MoneyVector;
  returns: Map<string, MoneyVector>;
  /** Days housed in year t of the n-th year after the move. */
  housed: DaysVector;
  /** The same inside the § 85 a window of the person's own chain, and of the recurrence's. */
  refundedOwn: DaysVector | null;
  refundedRecurrence: DaysVector | null;
}

export interface CompiledTimeline {
  years: number;
  /** The distinct daily rates and self-payments, in kroner as the cells hold them. */
  values: Float64Array;
  rate: Int32Array;
  self: Int32Array;
  /** The no-action path's figures of each cohort (weight 1). */
  cohorts: MoneyVector[];
  spans: Span[];
  horizonEnd: Serial;
  /** Each row's person, as an index into `persons`. */
  personOf: Int32Array;
  persons: string[];
  candidates: Map<number, CandidateTable>;
  options: Map<number, MoveOption>;
  /**
   * A draw's mass cut per row, all 0 between draws: a draw adds the masses it cuts and zeroes them
   * again (a map of the rows cut cost a draw more than its pricing).
   */
  rowMass: Float64Array;
}

/** The candidates at a threshold in the order they qualify, with what the queue reads of each. */
export interface CandidateTable {
  list: Candidate[];
  person: Int32Array;
  cohort: Int32Array;
  /** Place in the order of those waiting: the spell's start, then the person (queue.ts). */
  rank: Int32Array;
}

const compiled = new WeakMap<PreparedProjection["timeline"], CompiledTimeline>();

/** The compiled form of a prepared timeline, made the first time it is asked for. */
export function compiledTimeline(prepared: PreparedProjection): CompiledTimeline {
  let c = compiled.get(prepared.timeline);
  if (!c) compiled.set(prepared.timeline, (c = compile(prepared)));
  return c;
}

/** What a draw reads of each row besides its nights: its amounts and its person, as numbers. */
type RowIndexes = Pick<CompiledTimeline, "values" | "rate" | "self" | "personOf" | "persons">;

/**
 * Row indexes per recorded skeleton: every timeline prepared on one (prepare.ts Recorded) has the
 * same rows in the same order with the same amounts and persons, as a stay-length trend changes
 * only the copies' discharges, so a search over the trend numbers them once.
 */
const indexes = new WeakMap<PreparedProjection["recorded"], RowIndexes>();

function rowIndexes({ recorded, timeline }: PreparedProjection): RowIndexes {
  let known = indexes.get(recorded);
  if (known) return known;
  const index = new Map<number, number>();
  const valueOf = (kroner: number) => {
    let i = index.get(kroner);
    if (i === undefined) index.set(kroner, (i = index.size));
    return i;
  };
  const rate = new Int32Array(timeline.length);
  const self = new Int32Array(timeline.length);
  const personOf = new Int32Array(timeline.length);
  const persons = new Map<string, number>();
  // Neighbouring rows mostly share the person and the amounts (a citizen's stays lie together):
  // the maps are asked only where they change, which numbers everything as asking on every row.
  let last: TimelineStay | undefined;
  timeline.forEach((s, row) => {
    rate[row] = last?.dailyRate === s.dailyRate ? rate[row - 1] : valueOf(s.dailyRate);
    self[row] = last?.selfPayment === s.selfPayment ? self[row - 1] : valueOf(s.selfPayment);
    let person = last?.person === s.person ? personOf[row - 1] : persons.get(s.person);
    if (person === undefined) persons.set(s.person, (person = persons.size));
    personOf[row] = person;
    last = s;
  });
  known = {
    values: Float64Array.from(index.keys()),
    rate,
    self,
    personOf,
    persons: [...persons.keys()],
  };
  indexes.set(recorded, known);
  return known;
}

function compile(prepared: PreparedProjection): CompiledTimeline {
  const { timeline, results, baseYear, horizon } = prepared;
  const years = horizon + 1;
  const spans = Array.from({ length: years }, (_, t) => ({
    from: jan1(baseYear + t),
    to: jan1(baseYear + t + 1),
  }));
  const c: CompiledTimeline = {
    years,
    ...rowIndexes(prepared),
    cohorts: [],
    spans,
    horizonEnd: jan1(baseYear + years),
    candidates: new Map(),
    options: new Map(),
    rowMass: new Float64Array(timeline.length),
  };
  const { rate, self } = c;
  const builders = Array.from({ length: years }, () => vectorBuilder(c.values.length));
  timeline.forEach((s, row) => {
    if (s.counted) addStay(c, builders[s.cohort], 1, rate[row], self[row], results[row]);
  });
  c.cohorts = builders.map((b) => b.build());
  return c;
}

/** Adds sign × a stay's nights per year before `until` (tallies.ts Pricing.add, unpriced). */
function addStay(
  c: CompiledTimeline,
  into: VectorBuilder,
  sign: number,
  rate: number,
  self: number,
  result: StayNights,
  until = Infinity
): void {
  const own = result.ownDays;
  if (!own) return;
  const to = Math.min(own.to, until, c.horizonEnd);
  if (to <= own.from) return;
  const spans = result.refundSpans;
  let k = 0;
  for (let t = firstYearAfter(c.spans, own.from); t < c.years && c.spans[t].from < to; t++) {
    const year = c.spans[t];
    const nights = daysIn(own.from, to, year);
    if (nights === 0) continue;
    while (k < spans.length && spans[k].to <= year.from) k++;
    let refund = 0;
    for (let j = k; j < spans.length && spans[j].from < year.to; j++)
      refund += daysIn(spans[j].from, Math.min(spans[j].to, to), year);
    into.add(t, rate, self, sign, nights, refund);
  }
}

/** The candidates at a threshold, in the order they qualify (queue.ts). */
export function candidatesAt(
  c: CompiledTimeline,
  prepared: PreparedProjection,
  threshold: number
): CandidateTable {
  let table = c.candidates.get(threshold);
  if (!table) {
    const { timeline } = prepared;
    const list = candidatesOf(
      timeline,
      prepared.spells,
      prepared.results,
      registerPlace(prepared.canonical),
      threshold,
      { projectionStart: c.spans[1]?.from ?? c.horizonEnd, horizonEnd: c.horizonEnd }
    );
    // The order of those waiting (queue.ts): the spell's start, then the person.
    const order = list
      .map((candidate, i) => ({ i, from: candidate.spell.from, place: candidate.place }))
      .sort((a, b) => a.from - b.from || a.place - b.place);
    const rank = new Int32Array(list.length);
    order.forEach((o, k) => (rank[o.i] = k));
    // Plain loops: Int32Array.from with a mapping function is several times slower.
    const person = new Int32Array(list.length);
    const cohort = new Int32Array(list.length);
    list.forEach(({ row }, k) => {
      person[k] = c.personOf[row];
      cohort[k] = timeline[row].cohort;
    });
    table = { list, person, cohort, rank };
    c.candidates.set(threshold, table);
  }
  return table;
}

/** The compiled move of `row` on `day`. */
export function moveOption(
  c: CompiledTimeline,
  prepared: PreparedProjection,
  row: number,
  day: Serial
): MoveOption {
  const key = row * 4_000_000 + day;
  let option = c.options.get(key);
  if (!option) c.options.set(key, (option = compileMove(c, prepared, row, day)));
  return option;
}

function compileMove(
  c: CompiledTimeline,
  prepared: PreparedProjection,
  row: number,
  day: Serial
): MoveOption {
  const { timeline, results, rules } = prepared;
  const { person, citizen } = timeline[row];
  const taken = takenOnMove(c, prepared, row, day);
  const pieceVector = (span: TakenSpan) => {
    const b = vectorBuilder(c.values.length);
    addStay(c, b, 1, c.rate[span.row], c.self[span.row], results[span.row], span.to);
    addStay(c, b, -1, c.rate[span.row], c.self[span.row], results[span.row], span.from);
    return b.build();
  };
  const years = c.years;
  const windows = [
    supportWindow(prepared.chain(person), day, rules),
    supportWindow(prepared.recurrence(person, citizen), day, rules),
  ];
  const housed: number[] = [];
  const refunded = windows.map((w) => (w === null ? null : ([] as number[])));
  const away = vectorBuilder(c.values.length);
  const starts = anniversaries(c, day);
  for (let n = 0; n + 1 < starts.length; n++) {
    const from = starts[n];
    const to = Math.min(starts[n + 1], c.horizonEnd);
    if (n > 0) {
      // Those who move away on anniversary n leave every later year's nights: the draw weighs
      // year n's slice of them by all who left up to n (weighView), so each night is here once.
      away.n = n;
      for (const span of taken) {
        const start = Math.max(span.from, from);
        const end = Math.min(span.to, to);
        if (end <= start) continue;
        away.lag = span.lag;
        const r = results[span.row];
        addStay(c, away, 1, c.rate[span.row], c.self[span.row], r, end);
        addStay(c, away, -1, c.rate[span.row], c.self[span.row], r, start);
      }
    }
    for (let t = yearOf(from) - prepared.baseYear; t < years && c.spans[t].from < to; t++) {
      const span = c.spans[t];
      const at = n * years + t;
      pushDays(housed, at, daysIn(from, to, span));
      for (let i = 0; i < windows.length; i++) {
        const w = windows[i];
        if (w) pushDays(refunded[i]!, at, daysIn(Math.max(from, w.from), Math.min(to, w.to), span));
      }
    }
  }
  return {
    row,
    day,
    cut: taken.map((span) => ({ ...span, vector: pieceVector(span) })),
    away: away.build(),
    returns: new Map(),
    housed: Float64Array.from(housed),
    refundedOwn: refunded[0] && Float64Array.from(refunded[0]),
    refundedRecurrence: refunded[1] && Float64Array.from(refunded[1]),
  };
}

/**
 * The move day and its anniversaries up to the horizon's end: year n after the move is
 * [starts[n], starts[n + 1]).
 */
function anniversaries(c: CompiledTimeline, day: Serial): Serial[] {
  const starts = [day];
  while (starts[starts.length - 1] < c.horizonEnd) starts.push(edate(day, 12 * starts.length));
  return starts;
}

/**
 * What a move of `row` on `day` takes (pieces.ts takenSpans). From a later day on it takes the
 * same spans cut to start there: an open stay's spans are its calendar years either way.
 */
function takenOnMove(
  c: CompiledTimeline,
  prepared: PreparedProjection,
  row: number,
  day: Serial
): TakenSpan[] {
  const { timeline, results } = prepared;
  const cal = { baseYear: prepared.baseYear, horizon: prepared.horizon, spans: c.spans };
  const year = yearOf(day) - prepared.baseYear;
  const rows = prepared.counted(timeline[row].person);
  return takenSpans(timeline, results, rows, row, year, day, cal);
}

/** Adds a place with days to a days vector (a place comes once: n and t are distinct per step). */
function pushDays(into: number[], at: number, days: number): void {
  if (days !== 0) into.push(at, days);
}

/**
 * The nights of those who relapse on each anniversary of a move: the stays it takes from then on
 * as a citizen of their own (no refund window of the time before the move carries over), by lag.
 * Only the lags `present` (a share of the person's use above 0) are stays, as in the exact path.
 */
export function returnsOf(
  c: CompiledTimeline,
  prepared: PreparedProjection,
  option: MoveOption,
  present: (lag: number) => boolean,
  key: string
): MoneyVector {
  const known = option.returns.get(key);
  if (known) return known;
  const { cut } = option;
  const b = vectorBuilder(c.values.length);
  const starts = anniversaries(c, option.day);
  relapseReplays(cut, starts, present, prepared.rules, (n, j, nights) => {
    const span = cut[j];
    b.n = n;
    b.lag = span.lag;
    addStay(c, b, 1, c.rate[span.row], c.self[span.row], nights);
  });
  const out = b.build();
  option.returns.set(key, out);
  return out;
}

/**
 * The § 110 nights of a move's stays (its cut spans) replayed from each anniversary n = 1.. on,
 * cut to start there, as a citizen of their own with fresh windows: `replayed(n, j, nights)` for
 * each span j that has not ended by then and whose lag is `present`, in the spans' order. The walks of
 * two anniversaries meet where the later one reaches a span it takes whole (starting after the
 * anniversary) in the state the earlier one had there (shelterWalk.ts WalkState): from there on it
 * is the earlier walk, whose results it keeps. So a move costs about one walk of its stays, not
 * one per anniversary.
 */
export function relapseReplays(
  cut: readonly TakenSpan[],
  starts: readonly Serial[],
  present: (lag: number) => boolean,
  rules: RuleSet,
  replayed: (n: number, span: number, nights: StayNights) => void
): void {
  const steps = walkSteps(rules.shelter);
  const m = cut.length;
  // The spans in the walk's order (admission, then place: shelterWalk.ts walkRefunds).
  const order = Array.from({ length: m }, (_, j) => j)
    .filter((j) => present(cut[j].lag))
    .sort((a, b) => cut[a].from - cut[b].from || a - b);
  /** The latest walk's result and state before each span it took (STATE numbers a span). */
  const results: StayNights[] = new Array(m);
  const before = new Float64Array(STATE * m);
  const state = freshWalk();
  const visit = nightsInto(results);
  /** Where the spans that start after the anniversary begin in `order`. */
  let later = 0;
  for (let n = 1; n + 1 < starts.length; n++) {
    const day = starts[n];
    while (later < order.length && cut[order[later]].from <= day) later++;
    // Cut to start on the day, the spans running then come first, in their places' order.
    const running = order.slice(0, later).filter((j) => cut[j].to > day);
    running.sort((a, b) => a - b);
    resetWalk(state);
    const walk = (j: number, from: Serial) => {
      before[STATE * j] = state.coveredTo;
      before[STATE * j + 1] = state.windowStart;
      before[STATE * j + 2] = state.windowEnd;
      before[STATE * j + 3] = state.used;
      walkStay(steps, state, j, from, cut[j].to, Infinity, visit);
    };
    for (const j of running) walk(j, day);
    for (let k = later; k < order.length; k++) {
      const j = order[k];
      // The earlier walk went on from here as this one would: its results stand.
      if (n > 1 && sameWalk(state, before, j, cut[j].from)) break;
      walk(j, cut[j].from);
    }
    for (let j = 0; j < m; j++)
      if (cut[j].to > day && present(cut[j].lag)) replayed(n, j, results[j]);
  }
}

/** The numbers of a WalkState kept per span: covered to, window start and end, days used. */
const STATE = 4;

/**
 * Whether a walk in `state` walks the stay from `from` on, and every later one, as the walk whose
 * state before it `before` keeps: the same first day, and the same window, or on both sides a
 * window that ended before that day (the stay opens a new one either way).
 */
function sameWalk(state: WalkState, before: Float64Array, j: number, from: Serial): boolean {
  const at = STATE * j;
  const cursor = Math.max(from, state.coveredTo);
  if (cursor !== Math.max(from, before[at])) return false;
  if (state.windowEnd <= cursor && before[at + 2] <= cursor) return true;
  return (
    state.windowStart === before[at + 1] &&
    state.windowEnd === before[at + 2] &&
    state.used === before[at + 3]
  );
}
