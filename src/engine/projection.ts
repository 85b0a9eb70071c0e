/**
 * "Cost if we don't act" and the Housing First scenario: a projection of the coming years from
 * the municipality's own stays (ophold), under the § 110 rules of rules.ts.
 *
 * Modelling choices (written for the council paper; every number comes from here):
 *
 * 1. Base year. The projection replays one calendar year of history, the base year: by default
 *    the last full calendar year in the data (the year of the latest admission if that admission
 *    is in December, else the year before). Open stays (no discharge) run to the end of the base
 *    year.
 * 2. Replay without action. Projection year t (t = 1..horizon) repeats the base year's calendar:
 *    every stay that has nights in the base year recurs on the same dates t years later, for the
 *    same citizen, so a citizen in a shelter all year is there all year again, and one who came
 *    twice comes twice. Only the nights inside the year are replayed (a stay that crossed New
 *    Year is replayed in two pieces, by the years it touched); 29 February of a base year that is
 *    a leap year is replayed on 28 February, and a leap year replayed from a common year gains
 *    29 February inside stays that span it. Trends:
 *    - stay length: each stay's whole length is scaled by (1 + change)^t in whole days (half up,
 *      at least one night), keeping its admission date, before its nights in the year are taken;
 *    - prices: takst and egenbetaling by (1 + indexation)^t, rounded to øre; the Housing First
 *      prices (support, rent subsidy, one-off cost) by the same factor;
 *    - admissions: year t counts with the weight (1 + growth)^t, so growth of 100 % doubles every
 *      figure of year 1. Weights are exact fractions, never random draws: the same data and
 *      parameters always give the same numbers.
 *    State refunds (refusion) come from the § 110 engine on each citizen's whole timeline: the
 *    real history up to the end of the base year, then the replayed years, so refund windows run
 *    on across years as the law says. Per year: stay nights, gross cost (takst × nights),
 *    self-payment, refund under NY (current law) and GAMMEL (before L 64), the reform's cost
 *    (GAMMEL − NY) and the municipality's net cost (gross − self-payment − refund NY).
 * 3. Housing First on the same replay. A spell is a citizen's run of consecutive shelter nights.
 *    When a replayed spell would pass the threshold (default 90 nights), a share of it ends at the
 *    threshold (on the projection's first day for a spell already past it) and the citizen moves
 *    to their own home with § 85 a support. Citizens are split into exact fractions, not drawn:
 *    - moves: share × the part of the citizen not yet moved. The dwellings available per year cap
 *      each year's moves: all of that year's moves are scaled by one factor so that they fit
 *      (moves count with the year's growth weight, like every other figure of the year);
 *    - while housed: no shelter nights; the support expense (annual cost / 365 a day) with the
 *      § 85 a refund for 2 years from the move (the move is the discharge that opens the window),
 *      computed by aftercare.ts; the rent subsidy per dwelling; the one-off cost in the year of
 *      the move;
 *    - on each anniversary of the move, the share relapse + move-away of those still housed
 *      leaves, so the share housed in year n after the move is k^(n−1), k = 1 − relapse −
 *      move-away, as in DK.HOUSINGFIRSTNPV. Those who relapse return to their replayed shelter
 *      pattern from that day, with fresh § 110 refund windows (a year has passed since their last
 *      shelter night), and are not moved a second time. Those who move away are counted the same
 *      way: the municipality loses both the support cost and the saving (as in the investment
 *      model, the effect is no longer this municipality's).
 *    Per year: the net cost with Housing First = the shelter net cost on the Housing First path +
 *    the programme's net cost (support − § 85 a refund + rent subsidy + one-off); the difference
 *    = net cost without action − net cost with Housing First. NPV, ratio and break-even come from
 *    investment.ts on the yearly flows as shown (costs = the programme's net cost, savings = the
 *    shelter net cost saved; relapse and move-away are already in the flows, so the investment
 *    engine gets 0 for both), so they equal DK.HOUSINGFIRSTNPV on the table's own columns.
 *
 * Money is exact: the engine's amounts are whole øre per stay (rounded as DK.REFUSION110 rounds
 * them), weighted by exact decimal fractions; each year's figure is rounded to øre once, and the
 * derived columns (net cost, difference) are sums of the rounded figures, so the table adds up.
 */
import { edate, serialFromYmd, yearOf, type Serial } from "./calendar";
import { evaluateInvestment, isInvestmentError, type InvestmentResult } from "./investment";
import { Decimal, ZERO, dec, refundOre, roundOre, shareOf } from "./money";
import type { ScenarioParameters } from "./parameters";
import { RULE_SETS, type RuleSet } from "./rules";
import { computeShelterRefunds, isRowError, type RowError, type StayInput, type StayResult } from "./shelter";

/** A stay of the replayed timeline; `year` 0 is real history (cut at the base year's end). */
export interface ReplayStay extends StayInput {
  year: number;
}

export interface NoActionYear {
  stayDays: Decimal;
  gross: Decimal;
  selfPayment: Decimal;
  refundNy: Decimal;
  refundGammel: Decimal;
  /** refundGammel − refundNy: the refund the reform takes away. */
  reformCost: Decimal;
  /** gross − selfPayment − refundNy. */
  netCost: Decimal;
}

export interface HousingFirstYear {
  stayDays: Decimal;
  /** Citizens moved to their own home this year (fractions of citizens, weighted). */
  moves: Decimal;
  /** Person-years housed with support this year. */
  housedYears: Decimal;
  supportExpense: Decimal;
  supportRefund: Decimal;
  rentSubsidy: Decimal;
  oneOffCost: Decimal;
  /** supportExpense − supportRefund + rentSubsidy + oneOffCost. */
  programmeCost: Decimal;
  /** Shelter gross − self-payment − refund NY on the Housing First path. */
  shelterNetCost: Decimal;
  /** Shelter net cost without action − shelterNetCost. */
  shelterSavings: Decimal;
  /** shelterNetCost + programmeCost. */
  netCost: Decimal;
}

export interface ProjectionYear {
  year: number;
  /** 0 = the base year (history), 1.. = projection years. */
  index: number;
  /** (1 + growth)^index. */
  weight: Decimal;
  noAction: NoActionYear;
  housingFirst: HousingFirstYear;
  /** noAction.netCost − housingFirst.netCost. */
  difference: Decimal;
  /** Discounted difference of years 1..index, rounded to øre; null for the base year. */
  cumulativeNpv: Decimal | null;
}

export interface Projection {
  baseYear: number;
  horizon: number;
  years: ProjectionYear[];
  investment: InvestmentResult;
  /** NPV over the horizon, rounded to øre. */
  npv: Decimal;
  ratio: Decimal | null;
  /** Calendar year of break-even, or null. */
  breakEvenYear: number | null;
}

const jan1 = (year: number): Serial => serialFromYmd(year, 1, 1);
const ONE_TO_ONE = shareOf("1");
/** perDay × days in whole øre, exactly. */
const costOre = (perDay: number, days: number): number => refundOre(perDay, 0, days, ONE_TO_ONE);
const round2 = (x: Decimal): Decimal => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const fail = (code: RowError["code"], message: string): RowError => ({ code, message });

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
function scaledLength(days: number, factor: Decimal, factorFloat: number): number {
  const x = days * factorFloat;
  const nearHalf = Math.abs(x - Math.floor(x) - 0.5) < 1e-6;
  const n = nearHalf ? dec(days).times(factor).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber() : Math.floor(x + 0.5);
  return Math.max(1, n);
}

export interface ReplayOptions {
  baseYear: number;
  horizon: number;
  stayLengthChange: number;
  rateIndexation: number;
  /** The first day whose refund depends on earlier stays (NY's limitFrom); see replayStays. */
  historyFrom: Serial;
}

/**
 * The replayed timeline: every stay admitted before the base year's end as real history (year 0,
 * cut at that end), then for t = 1..horizon the base year's nights t years later (year t).
 */
export function replayStays(stays: readonly StayInput[], options: ReplayOptions): ReplayStay[] {
  const { baseYear, horizon } = options;
  const baseStart = jan1(baseYear);
  const baseEnd = jan1(baseYear + 1);
  // History that ends before both the base year and the first day under a day limit changes
  // no figure and no refund window, unless longer stays would reach the base year: left out.
  const noEffectBefore = Math.min(baseStart, options.historyFrom);
  const longest = Decimal.max(1, dec(1).plus(options.stayLengthChange).pow(horizon));
  const longestFloat = longest.toNumber();
  // Each stay's whole length (open stays: through the base year), before the cut at its end.
  const known: { stay: StayInput; end: Serial }[] = [];
  for (const s of stays) {
    if (s.admission >= baseEnd) continue;
    const end = s.discharge === null ? baseEnd : Math.max(s.discharge, s.admission + 1);
    if (end > noEffectBefore || s.admission + scaledLength(end - s.admission, longest, longestFloat) > baseStart) known.push({ stay: s, end });
  }
  const out: ReplayStay[] = known.map(({ stay, end }) => ({ ...stay, discharge: Math.min(end, baseEnd), year: 0 }));
  for (let t = 1; t <= horizon; t++) {
    const length = dec(1).plus(options.stayLengthChange).pow(t);
    const lengthFloat = length.toNumber();
    const price = dec(1).plus(options.rateIndexation).pow(t);
    const indexed = new Map<number, number>();
    const index = (kroner: number): number => {
      let v = indexed.get(kroner);
      if (v === undefined) indexed.set(kroner, (v = roundOre(dec(kroner).times(price)).toNumber()));
      return v;
    };
    const targetEnd = jan1(baseYear + t + 1);
    for (const { stay, end } of known) {
      const scaledEnd = stay.admission + scaledLength(end - stay.admission, length, lengthFloat);
      const from = Math.max(stay.admission, baseStart);
      const to = Math.min(scaledEnd, baseEnd);
      if (from >= to) continue;
      const admission = edate(from, 12 * t);
      const discharge = Math.max(to === baseEnd ? targetEnd : edate(to, 12 * t), admission + 1);
      out.push({ citizen: stay.citizen, admission, discharge, dailyRate: index(stay.dailyRate), selfPayment: index(stay.selfPayment), year: t });
    }
  }
  return out;
}

/**
 * What one group of citizen fractions does in one year, in whole nights, øre and counts: the
 * Housing First path adds these, weighted by the group's fraction, to the no-action path.
 */
interface Tally {
  /** Shelter nights, gross, self-payment and refund NY (negative: nights not spent). */
  days: number;
  gross: number;
  self: number;
  ny: number;
  moves: number;
  /** Nights housed with support, and those of them inside the § 85 a refund window. */
  housedDays: number;
  refundDays: number;
}

const emptyTally = (): Tally => ({ days: 0, gross: 0, self: 0, ny: 0, moves: 0, housedDays: 0, refundDays: 0 });

/**
 * Citizen fractions grouped by how they came about (the years of earlier moves, the move year,
 * the years since the move), so each group's exact fraction is multiplied once per year instead
 * of once per stay. A key names a fraction; `fraction` computes it the first time it is seen.
 */
class Ledger {
  private readonly groups = new Map<string, { mass: Decimal; years: Tally[] }>();
  constructor(private readonly years: number) {}

  tally(key: string, mass: () => Decimal, year: number): Tally {
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = { mass: mass(), years: Array.from({ length: this.years }, emptyTally) }));
    return g.years[year];
  }

  *entries(): Generator<{ mass: Decimal; year: number; tally: Tally }> {
    for (const { mass, years } of this.groups.values()) {
      for (let year = 0; year < years.length; year++) yield { mass, year, tally: years[year] };
    }
  }
}

/** A memo of exact fractions by key. */
class Fractions {
  private readonly values = new Map<string, Decimal>();
  get(key: string, compute: () => Decimal): Decimal {
    let v = this.values.get(key);
    if (v === undefined) this.values.set(key, (v = compute()));
    return v;
  }
}

/** The Housing First path's differences from the no-action path per year, unweighted. */
interface HousingFirstSums {
  /** Changes to the shelter figures, in nights and øre. */
  days: Decimal;
  gross: Decimal;
  self: Decimal;
  ny: Decimal;
  moves: Decimal;
  housedYears: Decimal;
  /** Exact kroner, rounded by the caller. */
  supportExpense: Decimal;
  supportRefund: Decimal;
  rentSubsidy: Decimal;
  oneOffCost: Decimal;
}

/** A move: the day a spell ends at the threshold. */
interface Move {
  citizen: string;
  /** The citizen's replay rows in order of own nights. */
  rows: number[];
  day: Serial;
  year: number;
}

interface Timeline {
  baseYear: number;
  horizon: number;
  projectionStart: Serial;
  horizonEnd: Serial;
  weights: Decimal[];
  /** (1 + indexation)^t. */
  prices: Decimal[];
}

/** Spells that pass the threshold inside the projection, by year, citizen and day. */
function findMoves(replay: readonly ReplayStay[], ny: readonly StayResult[], thresholdDays: number, tl: Timeline): Move[] {
  const byCitizen = new Map<string, number[]>();
  replay.forEach((s, r) => {
    // History that ends more than a threshold before the projection cannot change a move day.
    if (!ny[r].ownDays || ny[r].ownDays!.to < tl.projectionStart - thresholdDays) return;
    const rows = byCitizen.get(s.citizen);
    if (rows) rows.push(r);
    else byCitizen.set(s.citizen, [r]);
  });
  const moves: Move[] = [];
  for (const [citizen, rows] of byCitizen) {
    rows.sort((a, b) => ny[a].ownDays!.from - ny[b].ownDays!.from);
    let from = 0;
    let to = -Infinity;
    const close = () => {
      const day = Math.max(from + thresholdDays, tl.projectionStart);
      if (day < to && day < tl.horizonEnd) moves.push({ citizen, rows, day, year: yearOf(day) - tl.baseYear });
    };
    for (const r of rows) {
      const own = ny[r].ownDays!;
      if (own.from > to) {
        if (to > -Infinity) close();
        from = own.from;
      }
      to = Math.max(to, own.to);
    }
    close();
  }
  return moves.sort((a, b) => a.year - b.year || (a.citizen < b.citizen ? -1 : a.citizen > b.citizen ? 1 : 0) || a.day - b.day);
}

/**
 * The factor on the share moved in each year that makes the year's weighted moves fit the
 * dwellings available (1 when they fit), and each move's fraction key. A citizen's part not yet
 * moved is named by the years of its earlier moves ("" = never moved).
 */
function rationMoves(moves: readonly Move[], p: ScenarioParameters, tl: Timeline, fractions: Fractions): { move: Move; key: string; mass: Decimal }[] {
  const share = dec(p.shareMoved);
  const factors: Decimal[] = [];
  const notMovedKey = new Map<string, string>();
  const notMoved = (key: string): Decimal =>
    fractions.get(`p:${key}`, () => {
      if (key === "") return dec(1);
      const cut = key.lastIndexOf(",", key.length - 2);
      const year = Number(key.slice(cut + 1, -1));
      return notMoved(key.slice(0, cut + 1)).times(dec(1).minus(share.times(factors[year])));
    });
  const out: { move: Move; key: string; mass: Decimal }[] = [];
  for (let y = 1, i = 0; y <= tl.horizon; y++) {
    const start = i;
    while (i < moves.length && moves[i].year === y) i++;
    const perCitizen = new Map<string, { left: number; count: number }>();
    for (let j = start; j < i; j++) {
      const c = perCitizen.get(moves[j].citizen);
      if (c) c.count++;
      else perCitizen.set(moves[j].citizen, { left: notMoved(notMovedKey.get(moves[j].citizen) ?? "").toNumber(), count: 1 });
    }
    const weight = tl.weights[y].toNumber();
    const wanted = (a: number) => {
      let sum = 0;
      for (const { left, count } of perCitizen.values()) sum += left * (1 - (1 - a * p.shareMoved) ** count);
      return weight * sum;
    };
    let a = 1;
    if (wanted(1) > p.housingPerYear) {
      let lo = 0;
      let hi = 1;
      for (let k = 0; k < 60; k++) {
        const mid = (lo + hi) / 2;
        if (wanted(mid) > p.housingPerYear) hi = mid;
        else lo = mid;
      }
      a = lo;
    }
    factors[y] = dec(a);
    const moved = share.times(factors[y]);
    if (moved.isZero()) continue;
    for (let j = start; j < i; j++) {
      const move = moves[j];
      const before = notMovedKey.get(move.citizen) ?? "";
      const key = `m:${before}|${y}`;
      out.push({ move, key, mass: fractions.get(key, () => notMoved(before).times(moved)) });
      notMovedKey.set(move.citizen, `${before}${y},`);
    }
  }
  return out;
}

/** The Housing First path as differences from the no-action path (see the module comment). */
function housingFirstPath(replay: readonly ReplayStay[], ny: readonly StayResult[], p: ScenarioParameters, tl: Timeline): HousingFirstSums[] {
  const fractions = new Fractions();
  const moves = rationMoves(findMoves(replay, ny, p.thresholdDays, tl), p, tl, fractions);
  const ledger = new Ledger(tl.horizon + 1);
  const refundShare = shareOf(RULE_SETS.NY.shelter.refundShare.value);
  const aftercare = RULE_SETS.NY.aftercare;
  const stay = dec(1).minus(p.relapseRate).minus(p.moveAwayRate);
  const yearEnd = (t: number) => jan1(tl.baseYear + t + 1);

  const returns: ReplayStay[] = [];
  const returnGroups: { key: string; mass: Decimal }[] = [];
  for (const { move, key, mass } of moves) {
    const { day } = move;
    ledger.tally(key, () => mass, move.year).moves += 1;

    // Shelter nights from the move day on are not spent: the stay ends at the threshold.
    for (const r of move.rows) {
      const own = ny[r].ownDays!;
      if (own.to <= day) continue;
      const s = replay[r];
      const all = own.to - own.from;
      const kept = Math.max(0, Math.min(own.to, day) - own.from);
      let refundKept = 0;
      for (const span of ny[r].refundSpans) refundKept += Math.max(0, Math.min(span.to, day) - span.from);
      const t = ledger.tally(key, () => mass, s.year);
      t.days -= all - kept;
      t.gross -= costOre(s.dailyRate, all) - costOre(s.dailyRate, kept);
      t.self -= costOre(s.selfPayment, all) - costOre(s.selfPayment, kept);
      t.ny -= ny[r].amountOre - refundOre(s.dailyRate, s.selfPayment, refundKept, refundShare);
    }

    // Housed from the move; on each anniversary the share relapse + move-away leaves and goes
    // back to the replayed shelter pattern, with fresh refund windows.
    const windowEnd = edate(day, aftercare.supportWindowMonths.value);
    let byAdmission: number[] | undefined;
    for (let n = 0; ; n++) {
      const from = n === 0 ? day : edate(day, 12 * n);
      if (from >= tl.horizonEnd) break;
      const housedKey = `h:${key}|${n}`;
      const housed = fractions.get(housedKey, () => mass.times(stay.pow(n)));
      if (n > 0) {
        const leftKey = `r:${key}|${n}`;
        const left = fractions.get(leftKey, () => mass.times(stay.pow(n - 1)).minus(housed));
        if (!left.isZero()) {
          byAdmission ??= move.rows.slice().sort((a, b) => replay[a].admission - replay[b].admission || a - b);
          const citizen = `${move.citizen}\u0000${from}`;
          const group = { key: leftKey, mass: left };
          for (const r of byAdmission) {
            const s = replay[r];
            if (s.discharge! <= from) continue;
            returns.push({ ...s, citizen, admission: Math.max(s.admission, from) });
            returnGroups.push(group);
          }
        }
      }
      if (housed.isZero()) break;
      const to = Math.min(edate(day, 12 * (n + 1)), tl.horizonEnd);
      for (let pieceFrom = from; pieceFrom < to; ) {
        const t = yearOf(pieceFrom) - tl.baseYear;
        const pieceTo = Math.min(to, yearEnd(t));
        const tally = ledger.tally(housedKey, () => housed, t);
        tally.housedDays += pieceTo - pieceFrom;
        tally.refundDays += Math.max(0, Math.min(pieceTo, windowEnd) - pieceFrom);
        pieceFrom = pieceTo;
      }
    }
  }

  // Those who left the programme: their replayed stays from the day they left, fresh windows.
  const period = { start: tl.projectionStart, end: tl.horizonEnd - 1 };
  computeShelterRefunds(returns, { period, rules: RULE_SETS.NY }).forEach((o, i) => {
    if (isRowError(o)) throw new Error(`Projection: replayed stay rejected: ${o.error.message}`);
    const s = returns[i];
    const { key, mass } = returnGroups[i];
    const t = ledger.tally(key, () => mass, s.year);
    t.days += o.stayDaysInPeriod;
    t.gross += costOre(s.dailyRate, o.stayDaysInPeriod);
    t.self += costOre(s.selfPayment, o.stayDaysInPeriod);
    t.ny += o.amountOre;
  });

  // Money of each group and year: exact, rounded by the caller once per year.
  const sums = Array.from({ length: tl.horizon + 1 }, emptyHousingFirst);
  const perDay = (annual: number, t: number) => dec(annual).times(tl.prices[t]).dividedBy(aftercare.daysPerYear.value);
  const supportShare = dec(aftercare.supportShare.value);
  for (const { mass, year, tally } of ledger.entries()) {
    if (mass.isZero()) continue;
    const y = sums[year];
    const add = (field: keyof HousingFirstSums, amount: Decimal | number) => {
      if (amount !== 0) y[field] = y[field].plus(mass.times(amount));
    };
    add("days", tally.days);
    add("gross", tally.gross);
    add("self", tally.self);
    add("ny", tally.ny);
    add("moves", tally.moves);
    if (tally.moves > 0) add("oneOffCost", roundOre(dec(p.oneOffCost).times(tl.prices[year])).times(tally.moves));
    if (tally.housedDays > 0) {
      add("housedYears", dec(tally.housedDays).dividedBy(aftercare.daysPerYear.value));
      add("supportExpense", perDay(p.supportCost, year).times(tally.housedDays));
      add("supportRefund", supportShare.times(perDay(p.supportCost, year)).times(tally.refundDays));
      add("rentSubsidy", perDay(p.rentSubsidy, year).times(tally.housedDays));
    }
  }
  return sums;
}

const emptyHousingFirst = (): HousingFirstSums => ({
  days: ZERO,
  gross: ZERO,
  self: ZERO,
  ny: ZERO,
  moves: ZERO,
  housedYears: ZERO,
  supportExpense: ZERO,
  supportRefund: ZERO,
  rentSubsidy: ZERO,
  oneOffCost: ZERO,
});

/**
 * The projection without action and with Housing First, year by year from the base year, with
 * NPV, ratio and break-even of the difference. An error for input the model cannot use.
 */
export function computeProjection(stays: readonly StayInput[], p: ScenarioParameters): Projection | RowError {
  if (stays.length === 0) return fail("#VALUE!", "Der er ingen ophold at fremskrive");
  for (let i = 0; i < stays.length; i++) {
    const s = stays[i];
    if (s.discharge !== null && s.discharge < s.admission) return fail("#NUM!", `Ophold nr. ${i + 1}: udskrivningen ligger før indskrivningen`);
    if (!(s.dailyRate >= 0 && s.selfPayment >= 0 && Number.isFinite(s.dailyRate + s.selfPayment))) {
      return fail("#NUM!", `Ophold nr. ${i + 1}: takst og egenbetaling skal være 0 kr. eller mere`);
    }
  }
  const baseYear = p.baseYear ?? defaultBaseYear(stays)!;
  const horizon = p.horizon;
  if (baseYear + horizon > 9998) return fail("#NUM!", `Fremskrivningen fra ${baseYear} over ${horizon} år rækker ud over år 9999`);
  const tl: Timeline = {
    baseYear,
    horizon,
    projectionStart: jan1(baseYear + 1),
    horizonEnd: jan1(baseYear + horizon + 1),
    weights: Array.from({ length: horizon + 1 }, (_, t) => dec(1).plus(p.admissionGrowth).pow(t)),
    prices: Array.from({ length: horizon + 1 }, (_, t) => dec(1).plus(p.rateIndexation).pow(t)),
  };
  const replay = replayStays(stays, {
    baseYear,
    horizon,
    stayLengthChange: p.stayLengthChange,
    rateIndexation: p.rateIndexation,
    historyFrom: RULE_SETS.NY.shelter.limitFrom?.value ?? jan1(baseYear),
  });
  const baseStart = jan1(baseYear);
  if (!replay.some((s) => s.year === 0 && s.discharge! > baseStart)) {
    return fail("#VALUE!", `Basisåret ${baseYear} har ingen opholdsdøgn i data: angiv et andet basisår`);
  }

  const period = { start: baseStart, end: tl.horizonEnd - 1 };
  const run = (rules: RuleSet): StayResult[] =>
    computeShelterRefunds(replay, { period, rules }).map((o) => {
      if (isRowError(o)) throw new Error(`Projection: replayed stay rejected: ${o.error.message}`);
      return o;
    });
  const ny = run(RULE_SETS.NY);
  const gammel = run(RULE_SETS.GAMMEL);
  const base = Array.from({ length: horizon + 1 }, () => ({ days: 0, gross: 0, self: 0, ny: 0, gammel: 0 }));
  replay.forEach((s, r) => {
    const days = ny[r].stayDaysInPeriod;
    const y = base[s.year];
    y.days += days;
    y.gross += costOre(s.dailyRate, days);
    y.self += costOre(s.selfPayment, days);
    y.ny += ny[r].amountOre;
    y.gammel += gammel[r].amountOre;
  });
  const hf = housingFirstPath(replay, ny, p, tl);

  const kroner = (ore: Decimal | number, weight: Decimal) => roundOre(weight.times(ore).dividedBy(100));
  const years: ProjectionYear[] = base.map((b, t) => {
    const w = tl.weights[t];
    const h = hf[t];
    const gross = kroner(b.gross, w);
    const selfPayment = kroner(b.self, w);
    const refundNy = kroner(b.ny, w);
    const refundGammel = kroner(b.gammel, w);
    const netCost = gross.minus(selfPayment).minus(refundNy);
    const shelterNetCost = kroner(h.gross.plus(b.gross), w)
      .minus(kroner(h.self.plus(b.self), w))
      .minus(kroner(h.ny.plus(b.ny), w));
    const supportExpense = kroner(h.supportExpense.times(100), w);
    const supportRefund = kroner(h.supportRefund.times(100), w);
    const rentSubsidy = kroner(h.rentSubsidy.times(100), w);
    const oneOffCost = kroner(h.oneOffCost.times(100), w);
    const programmeCost = supportExpense.minus(supportRefund).plus(rentSubsidy).plus(oneOffCost);
    const hfNet = shelterNetCost.plus(programmeCost);
    return {
      year: baseYear + t,
      index: t,
      weight: w,
      noAction: {
        stayDays: round2(w.times(b.days)),
        gross,
        selfPayment,
        refundNy,
        refundGammel,
        reformCost: refundGammel.minus(refundNy),
        netCost,
      },
      housingFirst: {
        stayDays: round2(w.times(h.days.plus(b.days))),
        moves: round2(w.times(h.moves)),
        housedYears: round2(w.times(h.housedYears)),
        supportExpense,
        supportRefund,
        rentSubsidy,
        oneOffCost,
        programmeCost,
        shelterNetCost,
        shelterSavings: netCost.minus(shelterNetCost),
        netCost: hfNet,
      },
      difference: netCost.minus(hfNet),
      cumulativeNpv: null,
    };
  });

  const projected = years.slice(1);
  const investment = evaluateInvestment({
    rate: dec(p.discountRate),
    costs: projected.map((y) => y.housingFirst.programmeCost),
    savings: projected.map((y) => y.housingFirst.shelterSavings),
    relapseRate: ZERO,
    moveAwayRate: ZERO,
  });
  if (isInvestmentError(investment)) return investment;
  investment.years.forEach((y, i) => (projected[i].cumulativeNpv = roundOre(y.cumulativeNet)));
  return {
    baseYear,
    horizon,
    years,
    investment,
    npv: roundOre(investment.npv),
    ratio: investment.ratio,
    breakEvenYear: investment.breakEvenYear === null ? null : baseYear + investment.breakEvenYear,
  };
}

export function isProjectionError(outcome: Projection | RowError): outcome is RowError {
  return "code" in outcome;
}
