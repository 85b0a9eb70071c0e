/**
 * Who moves when (docs/model.md, section 4): each timeline citizen's spells, the spells that pass
 * the threshold, and the dwellings as a queue.
 */
import type { Serial } from "../calendar";
import { Decimal, ZERO, dec } from "../money";
import type { ScenarioParameters } from "../parameters";
import type { Calendar, StayNights } from "./tallies";
import type { TimelineStay } from "./timeline";

/** A run of consecutive shelter nights of one timeline citizen (a person or a copy). */
export interface Spell {
  from: Serial;
  to: Serial;
}

/** A spell that passes the threshold inside the projection, on a night the projection counts. */
export interface Candidate {
  spell: Spell;
  /** The day it qualifies: the night after the threshold, or the projection's first day. */
  day: Serial;
  /** The counted stay that holds that night: the move ends it, and its cohort's weight is the candidate's. */
  row: number;
  /** The person's place in the register, which orders persons as their texts do (candidatesOf). */
  place: number;
}

/** A share of a person moved to their own home on `day`, out of the stay `row`. */
export interface Move {
  day: Serial;
  mass: Decimal;
  row: number;
  spell: Spell;
  year: number;
}

/**
 * Timeline citizens' spells in timeline order, as columns: spell k runs from `from[k]` to `to[k]`
 * and holds the rows `rows[first[k]]` … `rows[first[k + 1] − 1]` (their own nights, in order).
 * Columns, not an object per spell: a 30-year timeline has hundreds of thousands of spells, and
 * as objects they were the largest part of a prepared projection's memory.
 */
export interface SpellTable {
  count: number;
  from: Float64Array;
  to: Float64Array;
  first: Int32Array;
  rows: Int32Array;
}

/**
 * Each timeline citizen's spells from the rows' own nights, for the rows from `from` to `to`, in
 * timeline order. The timeline holds a citizen's rows together and in order of admission, and own
 * nights follow that order, so one pass suffices.
 */
export function spellsOf(
  timeline: readonly TimelineStay[],
  results: readonly StayNights[],
  from = 0,
  to = timeline.length
): SpellTable {
  const most = to - from;
  const starts = new Float64Array(most);
  const ends = new Float64Array(most);
  const first = new Int32Array(most + 1);
  const rows = new Int32Array(most);
  let count = 0;
  let taken = 0;
  let citizen: string | undefined;
  for (let row = from; row < to; row++) {
    const own = results[row].ownDays;
    if (!own) continue;
    // A spell runs on while the next own nights start before it ends, within one citizen.
    if (timeline[row].citizen === citizen && own.from <= ends[count - 1]) {
      if (own.to > ends[count - 1]) ends[count - 1] = own.to;
    } else {
      citizen = timeline[row].citizen;
      starts[count] = own.from;
      ends[count] = own.to;
      first[count++] = taken;
    }
    rows[taken++] = row;
  }
  first[count] = taken;
  return {
    count,
    from: starts.slice(0, count),
    to: ends.slice(0, count),
    first: first.slice(0, count + 1),
    rows: rows.slice(0, taken),
  };
}

/** The spells of `a`, then those of `b` (rows of one timeline). */
export function joinedSpells(a: SpellTable, b: SpellTable): SpellTable {
  const column = <T extends Float64Array | Int32Array>(x: T, y: T, make: (n: number) => T) => {
    const out = make(x.length + y.length);
    out.set(x);
    out.set(y, x.length);
    return out;
  };
  const first = new Int32Array(a.count + b.count + 1);
  first.set(a.first.subarray(0, a.count));
  for (let k = 0; k <= b.count; k++) first[a.count + k] = b.first[k] + a.rows.length;
  return {
    count: a.count + b.count,
    from: column(a.from, b.from, (n) => new Float64Array(n)),
    to: column(a.to, b.to, (n) => new Float64Array(n)),
    first,
    rows: column(a.rows, b.rows, (n) => new Int32Array(n)),
  };
}

/**
 * The spells of some counted stays (rows with own nights, in timeline order), in order: a
 * person's chain across recurrences, or one timeline citizen's.
 */
export function mergedSpells(rows: readonly number[], results: readonly StayNights[]): Spell[] {
  const list = rows.map((row) => {
    const own = results[row].ownDays!;
    return { from: own.from, to: own.to };
  });
  list.sort((a, b) => a.from - b.from);
  const merged: Spell[] = [];
  for (const s of list) {
    const last = merged[merged.length - 1];
    if (last && s.from <= last.to) last.to = Math.max(last.to, s.to);
    else merged.push(s);
  }
  return merged;
}

/**
 * Spells that pass the threshold inside the projection, in the order they qualify (ties: longest
 * in the shelter first, then the person). A copy's spell that qualifies on a night it only
 * carries as history is its person's earlier cohort's, which decides that move. `places`: each
 * person's place in the register of canonical stays (typology.ts registerPlace), which lists
 * persons in the order of their texts (canonicalStays sorts by compareText): ties are broken on
 * these numbers, not by comparing texts, in sorts of tens of thousands of candidates.
 */
export function candidatesOf(
  timeline: readonly TimelineStay[],
  spells: SpellTable,
  results: readonly StayNights[],
  places: ReadonlyMap<string, number>,
  threshold: number,
  cal: Pick<Calendar, "projectionStart" | "horizonEnd">
): Candidate[] {
  const found: Candidate[] = [];
  for (let k = 0; k < spells.count; k++) {
    const from = spells.from[k];
    const to = spells.to[k];
    const day = Math.max(from + threshold, cal.projectionStart);
    if (day >= to || day >= cal.horizonEnd) continue;
    // The spell's nights are contiguous, so one of its rows holds `day`.
    let j = spells.first[k];
    while (!holds(results[spells.rows[j]].ownDays!, day)) j++;
    const row = spells.rows[j];
    const { counted, person } = timeline[row];
    if (counted) found.push({ spell: { from, to }, day, row, place: places.get(person)! });
  }
  const cohort = (c: Candidate) => timeline[c.row].cohort;
  return byDay(
    found,
    cal.projectionStart,
    cal.horizonEnd,
    (a, b) => a.spell.from - b.spell.from || a.place - b.place || cohort(a) - cohort(b)
  );
}

/**
 * The candidates in order of their day, ties in `order`: counted into one bucket a day (a few
 * thousand days), so only candidates of one day are compared, not tens of thousands with each
 * other. Their days lie in [first, end).
 */
function byDay(
  found: readonly Candidate[],
  first: Serial,
  end: Serial,
  order: (a: Candidate, b: Candidate) => number
): Candidate[] {
  const starts = new Int32Array(Math.max(0, end - first) + 1);
  for (const c of found) starts[c.day - first + 1]++;
  for (let d = 1; d < starts.length; d++) starts[d] += starts[d - 1];
  const out: Candidate[] = new Array(found.length);
  const at = starts.slice();
  for (const c of found) out[at[c.day - first]++] = c;
  for (let d = 0; d + 1 < starts.length; d++) {
    const from = starts[d];
    const to = starts[d + 1];
    if (to - from > 1) {
      const bucket = out.slice(from, to).sort(order);
      for (let k = 0; k < bucket.length; k++) out[from + k] = bucket[k];
    }
  }
  return out;
}

const holds = (span: Spell, day: Serial) => span.from <= day && day < span.to;

/**
 * The share of a housed person's stays `lag` cohorts after the stay they left that would have been
 * theirs (projection/returns.ts): 1 at lag 0.
 */
export type ExpectedUse = (person: string, lag: number) => Decimal;

/**
 * The moves, with the dwellings as a queue (module comment, 3): each year's dwellings go to those
 * waiting since an earlier year on 1 January (longest in the shelter first), then to those who
 * qualify during the year, in order; a candidate who finds none waits while the spell lasts.
 */
export function queueMoves(
  candidates: readonly Candidate[],
  timeline: readonly TimelineStay[],
  p: ScenarioParameters,
  cal: Calendar,
  expectedUse: ExpectedUse
): Move[] {
  const share = dec(p.shareMoved);
  const moves: Move[] = [];
  if (share.isZero() || p.housingPerYear === 0) return moves;
  const everMoved = new Map<string, { cohort: number; mass: Decimal }[]>();
  /**
   * What earlier moves took of the person's stays in `cohort`: all of a move's own cohort, and of a
   * later one only the use the people moved would have had then (the rest is other people).
   */
  const taken = (person: string, cohort: number) =>
    (everMoved.get(person) ?? []).reduce(
      (sum, m) =>
        m.cohort > cohort
          ? sum
          : sum.plus(
              m.cohort === cohort ? m.mass : m.mass.times(expectedUse(person, cohort - m.cohort))
            ),
      ZERO
    );
  let waiting: { candidate: Candidate; left: Decimal }[] = [];
  // Equal masses as one object: the tallies downstream group by mass and find it by identity.
  const interned = new Map<string, Decimal>();
  const intern = (mass: Decimal) => {
    const key = mass.toString();
    const known = interned.get(key);
    if (known) return known;
    interned.set(key, mass);
    return mass;
  };
  const move = (c: Candidate, day: Serial, mass: Decimal, year: number) => {
    moves.push({ day, mass: intern(mass), row: c.row, spell: c.spell, year });
    const { person, cohort } = timeline[c.row];
    const list = everMoved.get(person);
    if (list) list.push({ cohort, mass });
    else everMoved.set(person, [{ cohort, mass }]);
  };
  let next = 0;
  for (let t = 1; t <= cal.horizon; t++) {
    let free = dec(p.housingPerYear);
    const { from: jan, to: yearEnd } = cal.spans[t];
    waiting = waiting
      .filter((w) => w.candidate.spell.to > jan)
      .sort(
        (a, b) =>
          a.candidate.spell.from - b.candidate.spell.from || a.candidate.place - b.candidate.place
      );
    for (const w of waiting) {
      if (!free.gt(0)) break;
      const mass = Decimal.min(w.left, free);
      move(w.candidate, jan, mass, t);
      w.left = w.left.minus(mass);
      free = free.minus(mass);
    }
    waiting = waiting.filter((w) => w.left.gt(0));
    for (; next < candidates.length && candidates[next].day < yearEnd; next++) {
      const c = candidates[next];
      const stay = timeline[c.row];
      const notMoved = Decimal.max(
        0,
        cal.weights[stay.cohort].minus(taken(stay.person, stay.cohort))
      );
      const wanted = share.times(notMoved);
      if (wanted.isZero()) continue;
      const mass = Decimal.min(wanted, free);
      if (mass.gt(0)) {
        move(c, c.day, mass, t);
        free = free.minus(mass);
      }
      if (wanted.gt(mass)) waiting.push({ candidate: c, left: wanted.minus(mass) });
    }
  }
  return moves;
}
