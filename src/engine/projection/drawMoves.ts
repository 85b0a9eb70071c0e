/**
 * The Housing First path of a draw (draw.ts) in floating point: the dwellings as a queue with the
 * draw's masses (queue.ts), each move's compiled vectors (compiled.ts) times its mass, and the
 * two views' weighing of who is still housed, relapsed or away (housingFirst.ts).
 */
import type { ScenarioParameters } from "../parameters";
import { USER_GROUPS, registerPlace } from "../typology";
import {
  moveOption,
  returnsOf,
  type CandidateTable,
  type CompiledTimeline,
  type CutPiece,
  type DaysVector,
} from "./compiled";
import type { PreparedProjection } from "./prepare";
import { FIELDS } from "./tallies";
import { price, type Pricing } from "./vectorPrice";

/** Masses below this are none: what exact arithmetic leaves at 0, floating point leaves at 1e-16. */
const EPSILON = 1e-9;

/** Who comes back in a user group, lag by lag (returns.ts, in floating point). */
export interface GroupChain {
  /** The chance to be back L years on. */
  chance: number[];
  /** The expected use L years on (1 at L = 0). */
  use: number[];
  /** The lags without any expected use, as a key: their nights are no stays of a relapse. */
  absent: string;
}

export function groupChain(
  rates: { next: number; afterGap: number; nights: number },
  horizon: number
): GroupChain {
  const chance = [1];
  const use = [1];
  for (let l = 1; l <= horizon; l++) {
    const x = chance[l - 1] * rates.next + (1 - chance[l - 1]) * rates.afterGap;
    chance.push(x);
    use.push(Math.min(1, x * rates.nights));
  }
  return { chance, use, absent: use.flatMap((u, lag) => (u > 0 ? [] : [lag])).join(",") };
}

/** Each person's place in the register (registerPlace), once per compiled timeline's persons. */
const personPlaces = new WeakMap<CompiledTimeline["persons"], Int32Array>();

/** Each person's user group (USER_GROUPS index) in a prepared projection's typology. */
const groupIndexes = new WeakMap<PreparedProjection, Uint8Array>();
export function groupIndex(prepared: PreparedProjection, c: CompiledTimeline): Uint8Array {
  let out = groupIndexes.get(prepared);
  if (!out) {
    let places = personPlaces.get(c.persons);
    if (!places) {
      const place = registerPlace(prepared.canonical);
      personPlaces.set(c.persons, (places = Int32Array.from(c.persons, (p) => place.get(p) ?? -1)));
    }
    // A person without a night in the typology window is transitional (userGroupOf).
    const transitional = USER_GROUPS.indexOf("transitional");
    out = new Uint8Array(places.length);
    for (let i = 0; i < places.length; i++) {
      const group = places[i] < 0 ? -1 : prepared.groups[places[i]];
      out[i] = group < 0 ? transitional : group;
    }
    groupIndexes.set(prepared, out);
  }
  return out;
}

/** The moves of a draw: candidate (index into its table), day, mass and projection year. */
export interface DrawMoves {
  candidate: number[];
  day: number[];
  mass: number[];
  year: number[];
}

/**
 * queue.ts's queueMoves with the draw's masses in floating point, over the candidate table:
 * `use(person)` is the expected use by lag of the person's group.
 */
export function queueDraw(
  c: CompiledTimeline,
  table: CandidateTable,
  active: (i: number) => boolean,
  p: ScenarioParameters,
  weights: readonly number[],
  use: (person: number) => readonly number[]
): DrawMoves {
  const moves: DrawMoves = { candidate: [], day: [], mass: [], year: [] };
  if (p.shareMoved === 0 || p.housingPerYear === 0) return moves;
  /** Per person moved: cohort, mass, cohort, mass, … */
  const everMoved = new Map<number, number[]>();
  const taken = (person: number, cohort: number) => {
    const list = everMoved.get(person);
    if (!list) return 0;
    const expected = use(person);
    let sum = 0;
    for (let k = 0; k < list.length; k += 2)
      if (list[k] <= cohort)
        sum += list[k] === cohort ? list[k + 1] : list[k + 1] * expected[cohort - list[k]];
    return sum;
  };
  const move = (i: number, day: number, mass: number, year: number) => {
    moves.candidate.push(i);
    moves.day.push(day);
    moves.mass.push(mass);
    moves.year.push(year);
    const list = everMoved.get(table.person[i]);
    if (list) list.push(table.cohort[i], mass);
    else everMoved.set(table.person[i], [table.cohort[i], mass]);
  };
  let waiting: { i: number; left: number }[] = [];
  let next = 0;
  const { list } = table;
  for (let t = 1; t <= p.horizon; t++) {
    let free = p.housingPerYear;
    const { from: jan, to: yearEnd } = c.spans[t];
    waiting = waiting
      .filter((w) => list[w.i].spell.to > jan)
      .sort((a, b) => table.rank[a.i] - table.rank[b.i]);
    for (const w of waiting) {
      if (!(free > EPSILON)) break;
      const mass = Math.min(w.left, free);
      move(w.i, jan, mass, t);
      w.left -= mass;
      free -= mass;
    }
    waiting = waiting.filter((w) => w.left > EPSILON);
    for (; next < list.length && list[next].day < yearEnd; next++) {
      if (!active(next)) continue;
      const cohort = table.cohort[next];
      const wanted =
        p.shareMoved * Math.max(0, weights[cohort] - taken(table.person[next], cohort));
      if (wanted <= EPSILON) continue;
      const mass = Math.min(wanted, free);
      if (mass > EPSILON) {
        move(next, list[next].day, mass, t);
        free -= mass;
      }
      if (wanted - mass > EPSILON) waiting.push({ i: next, left: wanted - mass });
    }
  }
  return moves;
}

/** What a draw's moves add up to, per n (years after a move) where the views weigh it later. */
export interface MoveSums {
  moved: Float64Array;
  /** Days housed and days refunded under § 85 a in year t of the n-th year after: [n × years + t]. */
  housed: Float64Array;
  refunded: Float64Array;
  /** The shelter nights the moves end (FIELDS a year). */
  cut: Float64Array;
  /** Per n, the nights of the n-th year after a move (for those who moved away by then). */
  away: Float64Array;
  /** Per n, the nights of those who relapse on the n-th anniversary, from then on. */
  returned: Float64Array;
}

/**
 * Each move's compiled vectors times its mass (housingFirst.ts's sums): the days housed and
 * refunded, the nights it ends, and, per n, the nights of those who move away and who relapse.
 */
export function addMoves(
  prepared: PreparedProjection,
  c: CompiledTimeline,
  table: CandidateTable,
  moves: DrawMoves,
  p: ScenarioParameters,
  weights: readonly number[],
  chainOf: (person: number) => GroupChain,
  pricing: Pricing
): MoveSums {
  const { timeline } = prepared;
  const years = c.years;
  const width = FIELDS * years;
  const sums: MoveSums = {
    moved: new Float64Array(years),
    housed: new Float64Array(years * years),
    refunded: new Float64Array(years * years),
    cut: new Float64Array(width),
    away: new Float64Array(years * width),
    returned: new Float64Array(years * width),
  };
  // The pieces cut, their masses, and each row's mass cut (in the compiled timeline's rowMass).
  const cutPieces: CutPiece[] = [];
  const cutMasses: number[] = [];
  const rowMass = c.rowMass;
  const addDays = (into: Float64Array, days: DaysVector, mass: number) => {
    for (let j = 0; j < days.length; j += 2) into[days[j]] += mass * days[j + 1];
  };
  const clipped = new Map<number, { piece: CutPiece; mass: number }[]>();
  try {
    for (let k = 0; k < moves.mass.length; k++) {
      const i = moves.candidate[k];
      const mass = moves.mass[k];
      const option = moveOption(c, prepared, table.list[i].row, moves.day[k]);
      const chain = chainOf(table.person[i]);
      const use = chain.use;
      sums.moved[moves.year[k]] += mass;
      for (const piece of option.cut) {
        const taken = mass * use[piece.lag];
        if (!(taken > 0)) continue;
        cutPieces.push(piece);
        cutMasses.push(taken);
        rowMass[piece.row] += taken;
      }
      const cohort = table.cohort[i];
      const own = mass * (cohort === 0 ? 1 : chain.chance[cohort]);
      addDays(sums.housed, option.housed, mass);
      if (option.refundedOwn && own > 0) addDays(sums.refunded, option.refundedOwn, own);
      if (option.refundedRecurrence && mass - own > 0)
        addDays(sums.refunded, option.refundedRecurrence, mass - own);
      if (p.moveAwayRate !== 0) price(option.away, mass, sums.away, pricing, use);
      if (p.relapseRate !== 0)
        price(
          returnsOf(c, prepared, option, (lag) => use[lag] > 0, chain.absent),
          mass,
          sums.returned,
          pricing,
          use
        );
    }

    // The moved leave the shelter from the move day; a stay loses at most its own weight
    // (housingFirst.ts: with falling admissions a later cohort can be smaller than those moved).
    cutPieces.forEach((piece, j) => {
      const row = piece.row;
      const entry = { piece, mass: cutMasses[j] };
      if (timeline[row].open || rowMass[row] <= weights[timeline[row].cohort] * (1 + 1e-12))
        price(piece.vector, -entry.mass, sums.cut, pricing);
      else {
        const list = clipped.get(row);
        if (list) list.push(entry);
        else clipped.set(row, [entry]);
      }
    });
  } finally {
    // Zero again whatever happened: the next draw on this timeline starts from it.
    for (const piece of cutPieces) rowMass[piece.row] = 0;
  }
  for (const [row, list] of clipped) {
    const weight = weights[timeline[row].cohort];
    list.sort((a, b) => a.piece.from - b.piece.from);
    let before = 0;
    for (const { piece, mass } of list) {
      const taken = Math.min(weight, before + mass) - Math.min(weight, before);
      before += mass;
      if (taken > 0) price(piece.vector, -taken, sums.cut, pricing);
    }
  }
  return sums;
}

/** One view's sums: the moves' sums weighed by who is still housed, relapsed or away. */
export interface ViewSums {
  /** The path's shelter figures minus the no-action path's (FIELDS a year). */
  shelter: Float64Array;
  movedAway: Float64Array;
  housed: Float64Array;
  refunded: Float64Array;
}

/**
 * Of a move's mass, in its n-th year after the move k^n is housed, and on the n-th anniversary
 * k^(n−1) × relapse relapses and k^(n−1) × move-away leaves, k = 1 − relapse − move-away: the
 * relapsed from n on (sums.returned by anniversary), the moved away in every year from theirs on
 * (sums.away by year after the move).
 */
export function weighView(
  sums: MoveSums,
  years: number,
  relapse: number,
  moveAway: number
): ViewSums {
  const width = FIELDS * years;
  const k = 1 - relapse - moveAway;
  const shelter = Float64Array.from(sums.cut);
  const movedAway = new Float64Array(width);
  const housed = new Float64Array(years);
  const refunded = new Float64Array(years);
  let before = 0;
  /** Of the mass, all who moved away on an anniversary up to n: sums.away holds year n's nights. */
  let away = 0;
  for (let n = 0; n < years; n++) {
    const stayed = Math.pow(k, n);
    const relapsed = n === 0 ? 0 : before * relapse;
    if (n > 0) away += before * moveAway;
    before = stayed;
    for (let j = 0; j < width; j++) {
      shelter[j] += relapsed * sums.returned[n * width + j];
      movedAway[j] += away * sums.away[n * width + j];
    }
    for (let t = 0; t < years; t++) {
      housed[t] += stayed * sums.housed[n * years + t];
      refunded[t] += stayed * sums.refunded[n * years + t];
    }
  }
  return { shelter, movedAway, housed, refunded };
}
