/**
 * Who moves when (docs/model.md, section 4): each timeline citizen's spells, the spells that pass
 * the threshold, and the dwellings as a queue.
 */
import type { Serial } from "../calendar";
import { Decimal, ZERO, dec } from "../money";
import type { ScenarioParameters } from "../parameters";
import type { Calendar, StayNights } from "./tallies";
import { compareText, type TimelineStay } from "./timeline";

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
}

/** A share of a person moved to their own home on `day`, out of the stay `row`. */
export interface Move {
  day: Serial;
  mass: Decimal;
  row: number;
  spell: Spell;
  year: number;
}

/** A timeline citizen's spells in order, with the rows of each (their own nights, in order). */
export interface Spells {
  spells: Spell[];
  rows: number[][];
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
): Spells[] {
  const out: Spells[] = [];
  let current: Spells | undefined;
  let citizen: string | undefined;
  for (let row = from; row < to; row++) {
    const own = results[row].ownDays;
    if (!own) continue;
    if (timeline[row].citizen !== citizen) {
      citizen = timeline[row].citizen;
      out.push((current = { spells: [], rows: [] }));
    }
    const { spells, rows } = current!;
    const last = spells[spells.length - 1];
    if (last && own.from <= last.to) {
      last.to = Math.max(last.to, own.to);
      rows[rows.length - 1].push(row);
    } else {
      spells.push({ from: own.from, to: own.to });
      rows.push([row]);
    }
  }
  return out;
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
 * carries as history is its person's earlier cohort's, which decides that move.
 */
export function candidatesOf(
  timeline: readonly TimelineStay[],
  spells: readonly Spells[],
  results: readonly StayNights[],
  threshold: number,
  cal: Pick<Calendar, "projectionStart" | "horizonEnd">
): Candidate[] {
  const out: Candidate[] = [];
  for (const { spells: list, rows } of spells) {
    list.forEach((spell, i) => {
      const day = Math.max(spell.from + threshold, cal.projectionStart);
      if (day >= spell.to || day >= cal.horizonEnd) return;
      const row = rows[i].find(
        (r) => results[r].ownDays!.from <= day && day < results[r].ownDays!.to
      )!;
      if (timeline[row].counted) out.push({ spell, day, row });
    });
  }
  return out.sort(
    (a, b) =>
      a.day - b.day ||
      a.spell.from - b.spell.from ||
      compareText(timeline[a.row].person, timeline[b.row].person) ||
      timeline[a.row].cohort - timeline[b.row].cohort
  );
}

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
          a.candidate.spell.from - b.candidate.spell.from ||
          compareText(timeline[a.candidate.row].person, timeline[b.candidate.row].person)
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
