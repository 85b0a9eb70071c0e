/**
 * What a move takes from the no-action timeline, in spans only: the pieces of the moved person's
 * stays from a day on, each with the lag that says how much of it was theirs, and the § 85 a
 * window a move refunds. The exact path (housingFirst.ts) weighs the pieces with exact masses;
 * the compiled path (compiled.ts) keeps them once per timeline and weighs them per draw.
 */
import { edate, yearOf, type Serial } from "../calendar";
import { rowsByGroup } from "../grouped";
import type { RuleSet } from "../rules";
import type { Span } from "../shelter";
import type { Spell } from "./queue";
import type { StayNights } from "./tallies";
import type { TimelineStay } from "./timeline";

/**
 * A part [from, to) of a timeline stay's nights that a move takes. Of the move's mass m it takes
 * m at lag 0 and m × (expected use `lag` years on, returns.ts) later: the use the person moved
 * would have had then (someone else may take the bed).
 */
export interface TakenSpan {
  row: number;
  lag: number;
  from: Serial;
  to: Serial;
}

/**
 * Each person's counted stays with nights, in timeline order: what a move of the person can take.
 * Laid out person after person by their place in the register (`places`, typology.ts
 * registerPlace) in one counting pass, not a map of texts to arrays built row by row for every
 * timeline a search prepares. A person without any gives none.
 */
export function countedRows(
  timeline: readonly TimelineStay[],
  results: readonly StayNights[],
  places: ReadonlyMap<string, number>
): (person: string) => number[] {
  const placeOf = new Int32Array(timeline.length).fill(-1);
  let person: string | undefined;
  let place = -1;
  for (let row = 0; row < timeline.length; row++) {
    const s = timeline[row];
    if (!s.counted || !results[row].ownDays) continue;
    // A person's rows come in runs (a citizen's stays lie together): one look-up a run.
    if (s.person !== person) place = places.get((person = s.person))!;
    placeOf[row] = place;
  }
  const { starts, rows } = rowsByGroup(placeOf, places.size);
  return (who) => {
    const p = places.get(who);
    return p === undefined ? [] : Array.from(rows.subarray(starts[p], starts[p + 1]));
  };
}

/**
 * What a move out of `moveRow` in projection year `moveYear` takes from `day` on: the person's
 * stays of its own cohort and later ones. An open stay is the person's own presence year by year:
 * all of it in the year of the move, in later years the use they would have had then.
 */
export function takenSpans(
  timeline: readonly TimelineStay[],
  results: readonly StayNights[],
  rows: readonly number[],
  moveRow: number,
  moveYear: number,
  day: Serial,
  cal: { baseYear: number; horizon: number; spans: readonly Span[] }
): TakenSpan[] {
  const cohort = timeline[moveRow].cohort;
  const out: TakenSpan[] = [];
  for (const row of rows) {
    const lag = timeline[row].cohort - cohort;
    const own = results[row].ownDays!;
    if (lag < 0 || own.to <= day) continue;
    if (!timeline[row].open) {
      out.push({ row, lag, from: Math.max(day, own.from), to: own.to });
      continue;
    }
    for (let t = yearOf(Math.max(day, own.from)) - cal.baseYear; t <= cal.horizon; t++) {
      const from = Math.max(day, own.from, cal.spans[t].from);
      const to = Math.min(own.to, cal.spans[t].to);
      if (from < to) out.push({ row, lag: t - moveYear, from, to });
    }
  }
  return out;
}

/**
 * The § 85 a window that a move on `day` refunds (§ 176 a, stk. 1 and 3), from the discharges of
 * the chain of spells it ends (the move's spell holds `day`): null when none of the support days
 * can be refunded. A discharge opens a window unless the re-admission before it came inside the
 * open one; the move is such a discharge when its spell began after the window had ended.
 */
export function supportWindow(chain: readonly Spell[], day: Serial, rules: RuleSet): Span | null {
  const { inForceFrom, supportWindowMonths } = rules.aftercare;
  const open = (discharge: Serial): Span => ({
    from: discharge,
    to: edate(discharge, supportWindowMonths.value),
  });
  let window: Span | null = null;
  let admitted = day;
  for (const s of chain) {
    if (s.from > day) break;
    if (day < s.to) {
      admitted = s.from;
      break;
    }
    if (s.to < inForceFrom.value) continue;
    if (window === null || s.from >= window.to) window = open(s.to);
  }
  if (window === null || admitted >= window.to) window = open(day);
  return day < window.to ? window : null;
}
