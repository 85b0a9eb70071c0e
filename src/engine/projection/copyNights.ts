/**
 * The § 110 nights of a timeline's copies (timeline.ts), each copy of a person's record a citizen
 * of its own. A copy's history (its stays admitted before the base year, which only carry
 * windows) is the same in every stay-length trend and comes first in its walk: it is walked once
 * per recorded skeleton, keeping the state it leaves, so each trend walks its counted copies only.
 */
import type { RuleSet } from "../rules";
import {
  freshWalk,
  nightsInto,
  walkStay,
  walkSteps,
  type StayNights,
  type WalkState,
} from "../shelterWalk";
import type { RecordedTimeline, TimelineStay } from "./timeline";

/** The history copies' nights (by copy), and the state each copy's walk is in after them. */
export interface CopyHistory {
  nights: readonly (StayNights | undefined)[];
  /** Per copy's run of stays, in order. */
  after: readonly WalkState[];
}

/**
 * Each run of one copy's stays, [first, end) in the copies' order: a citizen's stays lie together,
 * its history first (admitted before the base year, the counted ones in it) and each part in the
 * walk's order (canonical order is by admission, and a copy moves every admission alike).
 */
function forEachRun(
  count: number,
  same: (i: number) => boolean,
  visit: (first: number, end: number, run: number) => void
): void {
  let run = 0;
  for (let first = 0; first < count; run++) {
    let end = first + 1;
    while (end < count && same(end)) end++;
    visit(first, end, run);
    first = end;
  }
}

const sameCopy =
  (cohort: (i: number) => number, person: (i: number) => string) =>
  (i: number): boolean =>
    cohort(i) === cohort(i - 1) && person(i) === person(i - 1);

/** A stay's last night + 1, as the walk reads it (shelter.ts stayEnd: a same-day stay counts one). */
const ownEnd = (s: TimelineStay): number => Math.max(s.discharge, s.admission + 1);

/** The skeleton's history copies walked, each copy from fresh windows. */
export function copyHistory(skeleton: RecordedTimeline, rules: RuleSet): CopyHistory {
  const { copies } = skeleton;
  const steps = walkSteps(rules.shelter);
  const nights: StayNights[] = new Array(copies.history.length);
  const visit = nightsInto(nights);
  const after: WalkState[] = [];
  const same = sameCopy(
    (i) => copies.cohort[i],
    (i) => copies.stay[i].citizen
  );
  forEachRun(copies.history.length, same, (first, end) => {
    const state = freshWalk();
    for (let i = first; i < end; i++) {
      const s = copies.history[i];
      if (s) walkStay(steps, state, i, s.admission, ownEnd(s), Infinity, visit);
    }
    after.push(state);
  });
  return { nights, after };
}

/**
 * The nights of the copies, `timeline` from row `from` on (the skeleton's copies in its order):
 * the history's as walked once, the counted copies walked on from the state it left.
 */
export function copyNights(
  timeline: readonly TimelineStay[],
  from: number,
  history: CopyHistory,
  rules: RuleSet
): StayNights[] {
  const count = timeline.length - from;
  const steps = walkSteps(rules.shelter);
  const out: StayNights[] = new Array(count);
  const visit = nightsInto(out);
  const state = freshWalk();
  const same = sameCopy(
    (i) => timeline[from + i].cohort,
    (i) => timeline[from + i].person
  );
  forEachRun(count, same, (first, end, run) => {
    Object.assign(state, history.after[run]);
    for (let i = first; i < end; i++) {
      const known = history.nights[i];
      if (known) out[i] = known;
      else {
        const s = timeline[from + i];
        walkStay(steps, state, i, s.admission, ownEnd(s), Infinity, visit);
      }
    }
  });
  return out;
}
