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

/**
 * The history copies' nights (by copy), each copy's run of stays, and the state its walk is in
 * after its history. A copy's stays lie together, its history first (admitted before the base
 * year, the counted ones in it), each part in the walk's order (canonical order is by admission,
 * and a copy moves every admission alike).
 */
export interface CopyHistory {
  nights: readonly (StayNights | undefined)[];
  /** Where each copy's run of stays starts, in the copies' order, and then their count. */
  runs: Int32Array;
  /** Per run. */
  after: readonly WalkState[];
}

/** A stay's last night + 1, as the walk reads it (shelter.ts stayEnd: a same-day stay counts one). */
const ownEnd = (s: TimelineStay): number => Math.max(s.discharge, s.admission + 1);

/** The skeleton's history copies walked, each copy from fresh windows. */
export function copyHistory(skeleton: RecordedTimeline, rules: RuleSet): CopyHistory {
  const { cohort, stay, history } = skeleton.copies;
  const count = history.length;
  const steps = walkSteps(rules.shelter);
  const nights: StayNights[] = new Array(count);
  const visit = nightsInto(nights);
  const runs: number[] = [];
  const after: WalkState[] = [];
  let state = freshWalk();
  for (let i = 0; i < count; i++) {
    if (i === 0 || cohort[i] !== cohort[i - 1] || stay[i].citizen !== stay[i - 1].citizen) {
      if (i > 0) after.push(state);
      state = freshWalk();
      runs.push(i);
    }
    const s = history[i];
    if (s) walkStay(steps, state, i, s.admission, ownEnd(s), Infinity, visit);
  }
  if (count > 0) after.push(state);
  runs.push(count);
  return { nights, runs: Int32Array.from(runs), after };
}

/**
 * The nights of the copies, `timeline` from row `from` on (the skeleton's copies in its order):
 * the history's as walked once, the counted copies walked on from the state it left.
 */
export function copyNights(
  timeline: readonly TimelineStay[],
  from: number,
  { nights, runs, after }: CopyHistory,
  rules: RuleSet
): StayNights[] {
  const steps = walkSteps(rules.shelter);
  const out: StayNights[] = new Array(timeline.length - from);
  const visit = nightsInto(out);
  const state = freshWalk();
  for (let run = 0; run + 1 < runs.length; run++) {
    Object.assign(state, after[run]);
    for (let i = runs[run]; i < runs[run + 1]; i++) {
      const known = nights[i];
      if (known) out[i] = known;
      else {
        const s = timeline[from + i];
        walkStay(steps, state, i, s.admission, ownEnd(s), Infinity, visit);
      }
    }
  }
  return out;
}
