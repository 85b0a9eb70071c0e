/**
 * The Housing First path on the no-action timeline (docs/model.md, section 3): the moves, the
 * shelter nights they end, the support and its § 85 a refund, relapse and move-away.
 */
import { edate, yearOf, type Serial } from "../calendar";
import { Decimal, ZERO, dec, roundOre, sum } from "../money";
import type { ScenarioParameters } from "../parameters";
import type { RuleSet } from "../rules";
import { computeShelterRefunds, isRowError, type Span } from "../shelter";
import { USER_GROUPS, type UserGroup } from "../typology";
import type { PreparedProjection } from "./prepare";
import { candidatesOf, queueMoves, type Move, type Spell } from "./queue";
import { FIELDS, MassTallies, overlap, type Calendar, type Pricing } from "./tallies";
import { timelineStay, type TimelineStay } from "./timeline";

/** The parameter that switches Housing First on for each user group. */
const TARGET_PARAMETER = {
  chronic: "targetChronic",
  episodic: "targetEpisodic",
  transitional: "targetTransitional",
} as const satisfies Record<UserGroup, keyof ScenarioParameters>;

/**
 * The § 85 a window that a move on `day` ending `spell` refunds (§ 176 a, stk. 1 and 3), from the
 * citizen's earlier discharges: null when none of the support days can be refunded.
 */
function supportWindow(
  spells: readonly Spell[],
  spell: Spell,
  day: Serial,
  rules: RuleSet
): Span | null {
  const { inForceFrom, supportWindowMonths } = rules.aftercare;
  const open = (discharge: Serial): Span => ({
    from: discharge,
    to: edate(discharge, supportWindowMonths.value),
  });
  let window: Span | null = null;
  for (const s of spells) {
    if (s === spell) break;
    if (s.to < inForceFrom.value) continue;
    // A discharge opens a window unless the re-admission before it came inside the open one.
    if (window === null || s.from >= window.to) window = open(s.to);
  }
  if (window === null || spell.from >= window.to) window = open(day);
  return day < window.to ? window : null;
}

/** The Housing First path's sums per year (see the module comment, 3), exact. */
export interface HousingFirstSums {
  /** The Housing First path's shelter figures minus the no-action path's (FIELDS a year). */
  shelter: Decimal[];
  /** No-action shelter figures of those who moved away, from the day they left (FIELDS a year). */
  movedAway: Decimal[];
  moves: Decimal[];
  housedYears: Decimal[];
  supportExpense: Decimal[];
  supportRefund: Decimal[];
  rentSubsidy: Decimal[];
  oneOffCost: Decimal[];
}

/** Days housed and days of them inside the § 85 a window, per year. */
const HOUSED = 0;
const REFUNDED = 1;

export function housingFirstPath(
  prepared: PreparedProjection,
  p: ScenarioParameters,
  cal: Calendar,
  pricing: Pricing,
  exact: boolean
): HousingFirstSums {
  const { timeline, results, spells, rules } = prepared;
  const years = cal.horizon + 1;
  const shelter = new MassTallies(FIELDS * years, exact);
  const moved: Decimal[] = Array.from({ length: years }, () => ZERO);
  const targeted = new Set<UserGroup>(USER_GROUPS.filter((g) => p[TARGET_PARAMETER[g]] === 1));
  const moves = queueMoves(
    candidatesOf(timeline, spells, results, p.thresholdDays, cal).filter((c) =>
      targeted.has(prepared.groups.get(timeline[c.row].person) ?? "transitional")
    ),
    timeline,
    p,
    cal
  );

  // A person's counted stays, by cohort: a move takes the person's stays of its own cohort and
  // of the later ones (the same person recurring), from the move day on.
  const counted = new Map<string, number[]>();
  timeline.forEach((s, row) => {
    if (!s.counted || !results[row].ownDays) return;
    const rows = counted.get(s.person);
    if (rows) rows.push(row);
    else counted.set(s.person, [row]);
  });
  const rowsFrom = (move: Move, day: Serial) =>
    counted
      .get(timeline[move.row].person)!
      .filter(
        (r) => timeline[r].cohort >= timeline[move.row].cohort && results[r].ownDays!.to > day
      );

  const relapse = dec(p.relapseRate);
  const moveAway = dec(p.moveAwayRate);
  const stays = dec(1).minus(relapse).minus(moveAway);
  // Of a move's mass m, in its n-th year after the move: m·k^n housed; on the n-th anniversary
  // m·k^(n−1)·relapse relapsed and m·k^(n−1)·move-away gone. The tallies below are kept per move
  // mass and n, and multiplied by these factors once at the end.
  const stayed = Array.from({ length: years + 1 }, (_, n) => stays.pow(n));
  const leaving = (rate: Decimal) =>
    Array.from({ length: years + 1 }, (_, n) => (n === 0 ? ZERO : stayed[n - 1].times(rate)));
  const relapsedShare = leaving(relapse);
  const awayShare = leaving(moveAway);
  const housedByN = new MassTallies(2 * years * (years + 1), exact);
  const awayByN = new MassTallies(FIELDS * years * (years + 1), exact);
  const cuts = new Map<number, { day: Serial; mass: Decimal }[]>();
  const returns: { stays: TimelineStay[]; mass: Decimal; n: number }[] = [];
  for (const m of moves) {
    moved[m.year] = moved[m.year].plus(m.mass);
    for (const row of rowsFrom(m, m.day)) {
      const list = cuts.get(row);
      if (list) list.push({ day: m.day, mass: m.mass });
      else cuts.set(row, [{ day: m.day, mass: m.mass }]);
    }

    // Housed from the move; on each anniversary the share relapse + move-away of those still
    // housed leaves: the relapsed back to their shelter pattern with fresh windows, the others away.
    const window = supportWindow(
      spells.get(timeline[m.row].citizen)!.spells,
      m.spell,
      m.day,
      rules
    );
    const housedTally = housedByN.of(m.mass);
    const awayTally = awayByN.of(m.mass);
    for (let n = 0; ; n++) {
      const from = n === 0 ? m.day : edate(m.day, 12 * n);
      if (from >= cal.horizonEnd) break;
      if (n > 0) {
        const pattern = rowsFrom(m, from);
        if (!relapsedShare[n].isZero() && pattern.length > 0) {
          // A citizen of their own: no refund window of the time before the move carries over.
          const citizen = `${timeline[m.row].citizen}\u0000${m.day}\u0000${n}`;
          returns.push({
            mass: m.mass,
            n,
            stays: pattern.map((r) =>
              timelineStay(
                timeline[r],
                timeline[r].person,
                citizen,
                Math.max(results[r].ownDays!.from, from),
                results[r].ownDays!.to,
                timeline[r].cohort,
                true
              )
            ),
          });
        }
        if (!awayShare[n].isZero()) {
          const tally = awayTally.subarray(FIELDS * years * n, FIELDS * years * (n + 1));
          for (const r of pattern) {
            pricing.add(tally, 1, timeline[r], results[r]);
            pricing.add(tally, -1, timeline[r], results[r], from);
          }
        }
      }
      if (stayed[n].isZero()) break;
      const to = Math.min(edate(m.day, 12 * (n + 1)), cal.horizonEnd);
      const at = 2 * years * n;
      for (let t = yearOf(from) - cal.baseYear; t <= cal.horizon && cal.spans[t].from < to; t++) {
        const year = cal.spans[t];
        housedTally[at + 2 * t + HOUSED] += overlap(from, to, year);
        if (window)
          housedTally[at + 2 * t + REFUNDED] += overlap(
            Math.max(from, window.from),
            Math.min(to, window.to),
            year
          );
      }
    }
  }

  // The moved are not in the shelter from the move day on: the stay's figures before the move
  // day replace its whole figures. A stay loses at most its own weight (with falling admissions
  // a later cohort can be smaller than the people moved earlier).
  for (const [row, list] of cuts) {
    const weight = cal.weights[timeline[row].cohort];
    const fits =
      list.length === 1 ? list[0].mass.lte(weight) : sum(list.map((c) => c.mass)).lte(weight);
    list.sort((a, b) => a.day - b.day);
    let before = ZERO;
    for (const { day, mass } of list) {
      let cut = mass;
      if (!fits) {
        cut = Decimal.min(weight, before.plus(mass)).minus(Decimal.min(weight, before));
        before = before.plus(mass);
      }
      if (!cut.gt(0)) continue;
      const tally = shelter.of(cut);
      pricing.add(tally, -1, timeline[row], results[row]);
      pricing.add(tally, 1, timeline[row], results[row], day);
    }
  }

  // Those who relapsed: their shelter pattern from the day they left, with fresh windows.
  const returned = computeShelterRefunds(
    returns.flatMap((r) => r.stays),
    { rules }
  );
  const returnedByN = new MassTallies(FIELDS * years * (years + 1), exact);
  let i = 0;
  for (const r of returns) {
    const tally = returnedByN.of(r.mass).subarray(FIELDS * years * r.n, FIELDS * years * (r.n + 1));
    for (const s of r.stays) {
      const o = returned[i++];
      if (isRowError(o)) throw new Error(`Projection: replayed stay rejected: ${o.error.message}`);
      pricing.add(tally, 1, s, o);
    }
  }

  // The programme's money: daily expense = annual cost / 365 (rule data), as DK.REFUSION85A; a
  // person-year is a calendar year housed.
  const aftercare = rules.aftercare;
  const perDay = (annual: number, t: number) =>
    dec(annual).times(cal.prices[t]).dividedBy(aftercare.daysPerYear.value);
  const days = housedByN.totalBy(stayed, 2 * years);
  const shelterTotal = shelter.total();
  const returnedTotal = returnedByN.totalBy(relapsedShare, FIELDS * years);
  const byYear = (f: (t: number) => Decimal) => Array.from({ length: years }, (_, t) => f(t));
  return {
    shelter: shelterTotal.map((v, k) => v.plus(returnedTotal[k])),
    movedAway: awayByN.totalBy(awayShare, FIELDS * years),
    moves: moved,
    housedYears: byYear((t) => days[2 * t + HOUSED].dividedBy(cal.spans[t].to - cal.spans[t].from)),
    supportExpense: byYear((t) => days[2 * t + HOUSED].times(perDay(p.supportCost, t))),
    supportRefund: byYear((t) =>
      days[2 * t + REFUNDED].times(perDay(p.supportCost, t)).times(aftercare.supportShare.value)
    ),
    rentSubsidy: byYear((t) => days[2 * t + HOUSED].times(perDay(p.rentSubsidy, t))),
    oneOffCost: byYear((t) => moved[t].times(roundOre(dec(p.oneOffCost).times(cal.prices[t])))),
  };
}
