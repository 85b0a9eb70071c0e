/**
 * The Housing First path on the no-action timeline (docs/model.md, section 4): the moves, the
 * shelter nights they end, the support and its § 85 a refund, relapse and move-away.
 */
import { edate, yearOf, type Serial } from "../calendar";
import { Decimal, ZERO, dec, sum } from "../money";
import type { ScenarioParameters } from "../parameters";
import { daysIn } from "../shelter";
import { USER_GROUPS, registerPlace, type UserGroup } from "../typology";
import { userGroupOf, type PreparedProjection } from "./prepare";
import { supportWindow, takenSpans } from "./pieces";
import { candidatesOf, queueMoves, type ExpectedUse, type Move } from "./queue";
import { expectedUse, resolvedRates, returnChances } from "./returns";
import { FIELDS, MassTallies, replayedNights, type Calendar, type Pricing } from "./tallies";
import { timelineStay, type TimelineStay } from "./timeline";

/** The parameter that switches Housing First on for each user group. */
const TARGET_PARAMETER = {
  chronic: "targetChronic",
  episodic: "targetEpisodic",
  transitional: "targetTransitional",
} as const satisfies Record<UserGroup, keyof ScenarioParameters>;

/**
 * One view's figures of the Housing First path per year (see docs/model.md, section 4): the local
 * view (this municipality: those who move away leave it) or the national view (they stay housed).
 */
export interface PathSums {
  /** The path's shelter figures minus the no-action path's (FIELDS a year). */
  shelter: Decimal[];
  /** No-action shelter figures of those who moved away, from the day they left (FIELDS a year). */
  movedAway: Decimal[];
  /** Days housed, and days of them inside a § 85 a window, per year. */
  housedDays: Decimal[];
  refundedDays: Decimal[];
}

/** The Housing First path's sums, exact: the moves per year and both views. */
export interface HousingFirstSums {
  moves: Decimal[];
  local: PathSums;
  national: PathSums;
}

/**
 * Of a move's mass, the share still housed n years after it, the share that relapsed on its n-th
 * anniversary and the share gone by then: all who moved away on an anniversary up to n.
 */
interface Leaving {
  stayed: Decimal[];
  relapsed: Decimal[];
  gone: Decimal[];
}

function leavingFactors(relapse: Decimal, moveAway: Decimal, years: number): Leaving {
  const k = dec(1).minus(relapse).minus(moveAway);
  const stayed = Array.from({ length: years + 1 }, (_, n) => k.pow(n));
  const leaving = (rate: Decimal) =>
    Array.from({ length: years + 1 }, (_, n) => (n === 0 ? ZERO : stayed[n - 1].times(rate)));
  const away = leaving(moveAway);
  const gone = away.map((_, n) => sum(away.slice(0, n + 1)));
  return { stayed, relapsed: leaving(relapse), gone };
}

/** A part of a timeline stay's nights, [from, to), and the mass of it that a move takes. */
interface Piece {
  row: number;
  mass: Decimal;
  from: Serial;
  to: Serial;
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
  const groupOf = (person: string): UserGroup => userGroupOf(prepared, person);
  const targeted = new Set<UserGroup>(USER_GROUPS.filter((g) => p[TARGET_PARAMETER[g]] === 1));
  const rates = resolvedRates(prepared.estimates, p);
  const use = mapGroups((g) => expectedUse(rates[g], cal.horizon));
  const chance = mapGroups((g) => returnChances(rates[g], cal.horizon));
  const expected: ExpectedUse = (person, lag) => use[groupOf(person)][lag];
  const moves = queueMoves(
    candidatesOf(
      timeline,
      spells,
      results,
      registerPlace(prepared.canonical),
      p.thresholdDays,
      cal
    ).filter((c) => targeted.has(groupOf(timeline[c.row].person))),
    timeline,
    p,
    cal,
    expected
  );

  // A person's counted stays, by cohort: a move takes the person's stays of its own cohort from
  // the move day on, and of each later cohort the use the people moved would have had then.
  const { counted } = prepared;
  /** What a move takes from `day` on: pieces of rows, each with the mass it takes of them. */
  const takenFrom = (move: Move, day: Serial): Piece[] => {
    const { person } = timeline[move.row];
    const out: Piece[] = [];
    for (const span of takenSpans(
      timeline,
      results,
      counted(person),
      move.row,
      move.year,
      day,
      cal
    )) {
      const mass = span.lag === 0 ? move.mass : move.mass.times(expected(person, span.lag));
      if (mass.gt(0)) out.push({ row: span.row, mass, from: span.from, to: span.to });
    }
    return out;
  };

  /** Adds sign × a piece's figures per year to the tally. */
  const addPiece = (tally: Float64Array, sign: 1 | -1, piece: Piece) => {
    pricing.add(tally, sign, timeline[piece.row], results[piece.row], piece.to);
    pricing.add(tally, -sign as 1 | -1, timeline[piece.row], results[piece.row], piece.from);
  };

  const relapse = dec(p.relapseRate);
  // Of a move's mass m, in its n-th year after the move: m·k^n housed; on the n-th anniversary
  // m·k^(n−1)·relapse relapsed and m·k^(n−1)·move-away gone, k = 1 − relapse − move-away. In the
  // national view nobody moves away (k = 1 − relapse). The tallies below are kept per move mass
  // and n, and multiplied by each view's factors once at the end: the relapsed's from the n-th
  // anniversary on, the moved away's for the n-th year only (by the share gone by then).
  const local = leavingFactors(relapse, dec(p.moveAwayRate), years);
  const national = leavingFactors(relapse, ZERO, years);
  const housedByN = new MassTallies(2 * years * (years + 1), exact);
  const awayByN = new MassTallies(FIELDS * years * (years + 1), exact);
  const cuts = new Map<number, Piece[]>();
  const returns: { stays: TimelineStay[]; masses: Decimal[]; n: number }[] = [];
  for (const m of moves) {
    moved[m.year] = moved[m.year].plus(m.mass);
    for (const piece of takenFrom(m, m.day)) {
      const list = cuts.get(piece.row);
      if (list) list.push(piece);
      else cuts.set(piece.row, [piece]);
    }

    // The § 85 a window: the person's own chain where the stay is theirs (a recorded stay, or a
    // recurrence with the chance that they are back), a replacement's own spells otherwise.
    const { person, citizen, cohort } = timeline[m.row];
    const own = cohort === 0 ? dec(1) : chance[groupOf(person)][cohort];
    const windows = [
      {
        mass: m.mass.times(own),
        window: supportWindow(prepared.chain(person), m.day, rules),
      },
      {
        mass: m.mass.minus(m.mass.times(own)),
        window: supportWindow(prepared.recurrence(person, citizen), m.day, rules),
      },
    ].filter((w) => w.window !== null && w.mass.gt(0));
    // Housed from the move; on each anniversary the share relapse + move-away of those still
    // housed leaves: the relapsed back to their expected shelter use with fresh windows, the
    // others away.
    const housedTally = housedByN.of(m.mass);
    const refundTallies = windows.map((w) => ({ ...w, tally: housedByN.of(w.mass) }));
    for (let n = 0; ; n++) {
      const from = n === 0 ? m.day : edate(m.day, 12 * n);
      if (from >= cal.horizonEnd) break;
      const to = Math.min(edate(m.day, 12 * (n + 1)), cal.horizonEnd);
      /** Nobody is housed from here on: no later anniversary has anyone to lose. */
      const last = local.stayed[n].isZero() && national.stayed[n].isZero();
      if (n > 0) {
        const pattern = takenFrom(m, from);
        if (!relapse.isZero() && pattern.length > 0) {
          // A citizen of their own: no refund window of the time before the move carries over.
          const returned = `${citizen}\u0000${m.day}\u0000${n}`;
          returns.push({
            n,
            masses: pattern.map((t) => t.mass),
            stays: pattern.map((piece) =>
              timelineStay(
                timeline[piece.row],
                timeline[piece.row].person,
                returned,
                piece.from,
                piece.to,
                timeline[piece.row].cohort,
                true
              )
            ),
          });
        }
        // Those gone by anniversary n leave the n-th year's nights (each night is kept once,
        // weighed by the share gone by then); on the last anniversary, all the rest.
        if (!local.gone[n].isZero()) {
          for (const piece of pattern) {
            const end = last ? piece.to : Math.min(piece.to, to);
            if (end <= piece.from) continue;
            const tally = awayByN
              .of(piece.mass)
              .subarray(FIELDS * years * n, FIELDS * years * (n + 1));
            addPiece(tally, 1, { ...piece, to: end });
          }
        }
      }
      if (last) break;
      const at = 2 * years * n;
      for (let t = yearOf(from) - cal.baseYear; t <= cal.horizon && cal.spans[t].from < to; t++) {
        const year = cal.spans[t];
        housedTally[at + 2 * t + HOUSED] += daysIn(from, to, year);
        for (const { window, tally } of refundTallies)
          tally[at + 2 * t + REFUNDED] += daysIn(
            Math.max(from, window!.from),
            Math.min(to, window!.to),
            year
          );
      }
    }
  }

  // The moved are not in the shelter from the move day on: each piece's nights leave the path. A
  // stay loses at most its own weight (with falling admissions a later cohort can be smaller than
  // the people moved earlier); the pieces of a stay that is not open run to its end.
  for (const [row, list] of cuts) {
    const weight = cal.weights[timeline[row].cohort];
    // An open stay is recorded (weight 1), and the queue never moves more than all of a person.
    const fits =
      timeline[row].open ||
      (list.length === 1 ? list[0].mass.lte(weight) : sum(list.map((c) => c.mass)).lte(weight));
    list.sort((a, b) => a.from - b.from);
    let before = ZERO;
    for (const piece of list) {
      let cut = piece.mass;
      if (!fits) {
        cut = Decimal.min(weight, before.plus(cut)).minus(Decimal.min(weight, before));
        before = before.plus(piece.mass);
      }
      if (cut.gt(0)) addPiece(shelter.of(cut), -1, piece);
    }
  }

  // Those who relapsed: their expected shelter use from the day they left, with fresh windows.
  const returned = replayedNights(
    returns.flatMap((r) => r.stays),
    rules
  );
  const returnedByN = new MassTallies(FIELDS * years * (years + 1), exact);
  let i = 0;
  for (const r of returns) {
    r.stays.forEach((s, k) => {
      const o = returned[i++];
      const tally = returnedByN
        .of(r.masses[k])
        .subarray(FIELDS * years * r.n, FIELDS * years * (r.n + 1));
      pricing.add(tally, 1, s, o);
    });
  }

  const shelterTotal = shelter.total();
  const view = (f: Leaving, withAway: boolean): PathSums => {
    const days = housedByN.totalBy(f.stayed, 2 * years);
    const returned = returnedByN.totalBy(f.relapsed, FIELDS * years);
    return {
      shelter: shelterTotal.map((v, k) => v.plus(returned[k])),
      movedAway: withAway
        ? awayByN.totalBy(f.gone, FIELDS * years)
        : Array.from({ length: FIELDS * years }, () => ZERO),
      housedDays: Array.from({ length: years }, (_, t) => days[2 * t + HOUSED]),
      refundedDays: Array.from({ length: years }, (_, t) => days[2 * t + REFUNDED]),
    };
  };
  return { moves: moved, local: view(local, true), national: view(national, false) };
}

const mapGroups = <T>(f: (g: UserGroup) => T): Record<UserGroup, T> =>
  Object.fromEntries(USER_GROUPS.map((g) => [g, f(g)])) as Record<UserGroup, T>;
