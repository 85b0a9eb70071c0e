/**
 * "Cost if we don't act" and the Housing First scenario: a projection of the coming years from
 * the municipality's own stays (ophold), under the § 110 rules of rules.ts. docs/model.md is the
 * council-paper version of this comment; the two say the same.
 *
 * 1. Base year. By default the last full calendar year in the data (the year of the latest
 *    admission if that admission is in December, else the year before).
 * 2. Without action: the base year's admissions recur. Every stay admitted in the base year is
 *    admitted again on the same date t years later (EDATE(admission, 12·t)), for t = 1..horizon,
 *    with its whole length in nights, so it crosses New Year as it did. Stays admitted before the
 *    base year, and the base year's stays themselves, run on as recorded into the projection
 *    (a planned discharge next year is kept); an open stay (no discharge) runs on to the end of
 *    the horizon: the citizen is still in the shelter when the register ends and nothing in the
 *    no-action path ends the stay (an open stay is not admitted again while it runs). Every
 *    stay belongs to its citizen's one timeline: refund windows run on across New Year as the law
 *    says, and a replayed admission that comes while the citizen's earlier stay still runs adds
 *    only the nights after it (each day is counted once, for the stay admitted first).
 *    So a municipality in steady state (the same admissions on the same dates every year) projects
 *    exactly its base year, every year, with every trend at 0; what differs is real: the day limit
 *    was 120 until 1 April 2026 and 90 after (SPEC 1.1).
 *    Trends:
 *    - admissions: the admissions of projection year t count with the weight (1 + growth)^t, and
 *      keep it in the next year when they cross New Year. History counts once. Weights are exact
 *      fractions, never random draws: the same data and parameters always give the same numbers;
 *    - stay length: a replayed stay's length is scaled by (1 + change)^t in whole nights (half up,
 *      at least one);
 *    - prices: takst and egenbetaling of every night in projection year t, by (1 + indexation)^t,
 *      rounded to øre; the Housing First prices (support, rent subsidy, one-off cost) the same.
 *    Per year: nights, gross cost (takst × nights), self-payment, refund under NY (or NY-VINDUE)
 *    and GAMMEL, the reform's cost (GAMMEL − NY) and the municipality's net cost (gross −
 *    self-payment − refund NY). Money is rounded per stay and year as DK.REFUSION110 rounds it with
 *    the year as the period, so the base year equals DK.REFUSIONPROGNOSE's year.
 * 3. Housing First on the same timeline. A spell is a citizen's run of consecutive shelter nights.
 *    A spell that passes the threshold (default 90 nights) inside the projection qualifies on the
 *    night it passes (on the projection's first day for a spell already past it); a share of the
 *    citizen's part never moved before is to move to their own home with § 85 a support. The
 *    dwellings available each year are a queue: those who qualify take the year's free dwellings
 *    in the order they qualify and move that day; those who find none wait in the shelter and are
 *    offered the next year's dwellings on 1 January, longest in the shelter first (a spell that
 *    ends while waiting leaves the queue; a later spell can qualify again). A move counts with the
 *    weight of the stay it ends; the people housed keep that weight in later years.
 *    - The move ends the spell: no shelter nights from the move day on (the refund of the nights
 *      before it is kept as the rules give it).
 *    - While housed: the support expense (annual cost / 365 a day), the rent subsidy per dwelling,
 *      the one-off cost in the move year, and the § 85 a refund of 50 % for the days inside the
 *      citizen's § 176 a window. That window follows § 176 a, stk. 3: it opens at the citizen's
 *      first discharge on or after 1 October 2023 and is not computed anew when they are
 *      re-admitted inside it; only a discharge after a re-admission that came after the window
 *      ended opens a new one. The move is such a discharge when it qualifies; otherwise it
 *      refunds only the days left of the open window, or none.
 *    - On each anniversary of the move the share relapse + move-away of those still housed leaves,
 *      so the share housed in year n after the move is k^(n−1), k = 1 − relapse − move-away, as in
 *      DK.HOUSINGFIRSTNPV. Those who relapse return to their shelter pattern from that day, with
 *      fresh § 110 refund windows (a year has passed since their last shelter night), and are not
 *      moved a second time. Those who move away cost this municipality nothing from that day.
 *    Per year: net cost with Housing First = shelter net cost on the Housing First path + the
 *    programme's net cost (support − § 85 a refund + rent subsidy + one-off); the difference =
 *    net cost without action − net cost with Housing First.
 * 4. The investment figures. The shelter cost saved counts only citizens still in the
 *    municipality: the shelter cost that those who moved away would have had without action
 *    leaves with them and is shown in its own column, not credited to Housing First (as
 *    DK.HOUSINGFIRSTNPV's move-away rate takes both their costs and their savings out). So the
 *    difference = savings − programme cost + what left with those who moved away, and NPV, ratio
 *    and break-even come from investment.ts on the columns "programme cost" and "shelter cost
 *    saved" (relapse and move-away are already in the flows, so it gets 0 for both): they equal
 *    DK.HOUSINGFIRSTNPV on the table's own columns.
 *
 * Row order never changes a result: stays are put in a canonical order first (citizen as Excel
 * matches it, admission, the longer stay first, then the rates), so ties are broken by data.
 */
import { edate, serialFromYmd, yearOf, type Serial } from "./calendar";
import { evaluateInvestment, isInvestmentError, type InvestmentResult } from "./investment";
import {
  Decimal,
  MAX_EXACT_KRONER,
  ZERO,
  dec,
  refundOre,
  roundOre,
  shareOf,
  sum,
  type Share,
} from "./money";
import type { ScenarioParameters } from "./parameters";
import { RULE_SETS, socioEconomicDiscount, type RuleSet } from "./rules";
import {
  citizenKey,
  computeShelterRefunds,
  isRowError,
  type RowError,
  type Span,
  type StayInput,
  type StayResult,
} from "./shelter";
import { USER_GROUPS, classifyCitizens, typologyWindow, type UserGroup } from "./typology";

/** The parameter that switches Housing First on for each user group. */
const TARGET_PARAMETER = {
  chronic: "targetChronic",
  episodic: "targetEpisodic",
  transitional: "targetTransitional",
} as const satisfies Record<UserGroup, keyof ScenarioParameters>;

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
  /** Citizens moved to their own home this year (weighted, in fractions of citizens). */
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
  /** The no-action shelter net cost of those who moved away, from the day they left. */
  movedAwayShelterCost: Decimal;
  /** Net cost without action − shelterNetCost − movedAwayShelterCost: saved on those still here. */
  shelterSavings: Decimal;
  /** shelterNetCost + programmeCost. */
  netCost: Decimal;
  /** The state's refunds on this path: § 110 refund NY and the § 85 a refund (the budget view's split). */
  stateRefund: Decimal;
  /** Cashable share × shelter net cost saved − programme cost: what the budget really gets back. */
  cashableEffect: Decimal;
  /**
   * The public sector's net gain this year (kommune and stat together, refunds netting out):
   * shelter expense saved on those still here − the programme's gross cost, × the net tax factor.
   */
  socioEconomicNet: Decimal;
}

export interface ProjectionYear {
  year: number;
  /** 0 = the base year (history), 1.. = projection years. */
  index: number;
  /** (1 + growth)^index: the weight of this year's admissions. */
  weight: Decimal;
  noAction: NoActionYear;
  housingFirst: HousingFirstYear;
  /** noAction.netCost − housingFirst.netCost. */
  difference: Decimal;
  /** Discounted net (savings − programme cost) of years 1..index, rounded to øre; null for the base year. */
  cumulativeNpv: Decimal | null;
}

export interface Projection {
  baseYear: number;
  horizon: number;
  /** The rule set of the "NY" columns (NY or NY-VINDUE). */
  rules: RuleSet;
  years: ProjectionYear[];
  investment: InvestmentResult;
  /** NPV over the horizon, rounded to øre. */
  npv: Decimal;
  ratio: Decimal | null;
  /** Calendar year of break-even, or null. */
  breakEvenYear: number | null;
  /** The municipality's budget: Σ difference over the projection years, nominal kroner. */
  budgetEffect: Decimal;
  /** Σ cashable effect over the projection years, nominal kroner. */
  cashableEffect: Decimal;
  /** Σ socio-economic net gain discounted at Finansministeriet's rates, rounded to øre. */
  socioEconomicNpv: Decimal;
}

export interface ProjectionOptions {
  /** The current-law rule set: NY (default) or NY-VINDUE. GAMMEL is always computed beside it. */
  rules?: RuleSet;
}

const jan1 = (year: number): Serial => serialFromYmd(year, 1, 1);
const ONE_TO_ONE = shareOf("1");
/** perDay × days in whole øre, exactly. */
const costOre = (perDay: number, days: number): number => refundOre(perDay, 0, days, ONE_TO_ONE);
const round2 = (x: Decimal): Decimal => x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const fail = (code: RowError["code"], message: string): RowError => ({ code, message });
const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
/** Money beyond whole øre in a double (rates indexed by 100 % a year for decades): no table rather than a wrong one. */
const inexact = (): RowError =>
  fail(
    "#VALUE!",
    `Fremskrivningens beløb bliver større end ${MAX_EXACT_KRONER.toLocaleString("da-DK", { maximumFractionDigits: 0 })} kr., mere end hele øre kan regnes præcist: tjek takster, takstregulering og vækst`
  );

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
  const n = nearHalf
    ? dec(days).times(factor).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber()
    : Math.floor(x + 0.5);
  return Math.max(1, n);
}

/** A stay of the projection's timeline (see the module comment, 2). */
export interface TimelineStay extends StayInput {
  /** Whose refund windows the stay shares: the person (cohort 0) or the person's copy t. */
  citizen: string;
  discharge: Serial;
  /** The citizen as Excel matches them (citizenKey), the same in every cohort. */
  person: string;
  /** 0: as recorded (weight 1); t ≥ 1: in the person's record copied t years later. */
  cohort: number;
  /** Whether its nights are the projection's: recorded stays, and a copy's base-year admissions. */
  counted: boolean;
}

/**
 * The stays in a canonical order that depends on data only: citizen (as Excel matches it),
 * admission, the longer stay first (an open stay longest), then the higher rate, then the lower
 * self-payment. The § 110 engine breaks admission ties by position, so this makes them data.
 */
export function canonicalStays(stays: readonly StayInput[]): StayInput[] {
  return stays
    .map((s) => ({
      citizen: citizenKey(s.citizen),
      admission: s.admission,
      discharge: s.discharge,
      dailyRate: s.dailyRate,
      selfPayment: s.selfPayment,
    }))
    .sort(
      (a, b) =>
        compareText(a.citizen, b.citizen) ||
        a.admission - b.admission ||
        (b.discharge ?? Infinity) - (a.discharge ?? Infinity) ||
        b.dailyRate - a.dailyRate ||
        a.selfPayment - b.selfPayment
    );
}

export interface TimelineOptions {
  baseYear: number;
  horizon: number;
  stayLengthChange: number;
  /** Stays that end before this day change no figure and no window of the projection. */
  historyFrom: Serial;
}

/** A timeline stay built field by field (one object shape: the hot path makes tens of thousands). */
function timelineStay(
  s: StayInput,
  person: string,
  citizen: string,
  admission: Serial,
  discharge: Serial,
  cohort: number,
  counted: boolean
): TimelineStay {
  return {
    citizen,
    admission,
    discharge,
    dailyRate: s.dailyRate,
    selfPayment: s.selfPayment,
    person,
    cohort,
    counted,
  };
}

/**
 * The no-action timeline (module comment, 2): every recorded stay admitted before the base
 * year's end (cohort 0; an open one runs to the horizon's end); then, for t = 1..horizon, the
 * record of every person admitted in the base year, copied t years later as a citizen of its own
 * (cohort t): its base-year admissions are counted, with their length scaled by the stay-length
 * trend; its earlier stays only carry the refund windows and discharges that the counted stays
 * lean on, as the recorded history does for the base year. Open stays are not copied: the person
 * is still in the shelter. `stays` must be in canonical order.
 */
export function projectionTimeline(
  stays: readonly StayInput[],
  options: TimelineOptions
): TimelineStay[] {
  const { baseYear, horizon } = options;
  const baseStart = jan1(baseYear);
  const baseEnd = jan1(baseYear + 1);
  const horizonEnd = jan1(baseYear + horizon + 1);
  const out: TimelineStay[] = [];
  const closed: StayInput[] = [];
  const admittedInBase = new Set<string>();
  for (const s of stays) {
    if (s.admission >= baseEnd) continue;
    // Nights after the horizon change no figure and no refund window inside it, so every stay
    // ends there at the latest: a stay recorded for a hundred years costs its horizon's windows.
    const discharge =
      s.discharge === null
        ? horizonEnd
        : Math.min(Math.max(s.discharge, s.admission + 1), horizonEnd);
    if (discharge <= options.historyFrom) continue;
    out.push(timelineStay(s, s.citizen, s.citizen, s.admission, discharge, 0, true));
    if (s.discharge === null) continue;
    closed.push(s);
    if (s.admission >= baseStart) admittedInBase.add(s.citizen);
  }
  const copied = closed.filter((s) => admittedInBase.has(s.citizen));
  for (let t = 1; t <= horizon; t++) {
    const factor = dec(1).plus(options.stayLengthChange).pow(t);
    const factorFloat = factor.toNumber();
    for (const s of copied) {
      const counted = s.admission >= baseStart;
      const admission = edate(s.admission, 12 * t);
      const recorded = Math.max(s.discharge! - s.admission, 1);
      const length = counted ? scaledLength(recorded, factor, factorFloat) : recorded;
      out.push(
        timelineStay(
          s,
          s.citizen,
          `${s.citizen}\u0000${t}`,
          admission,
          Math.min(admission + length, horizonEnd),
          t,
          counted
        )
      );
    }
  }
  return out;
}

/** The calendar of the projection: years 0 (base) .. horizon, with their weights and prices. */
interface Calendar {
  baseYear: number;
  horizon: number;
  projectionStart: Serial;
  horizonEnd: Serial;
  /** Year t as [1 January, next 1 January). */
  spans: Span[];
  /** (1 + growth)^t. */
  weights: Decimal[];
  /** (1 + indexation)^t. */
  prices: Decimal[];
}

/**
 * Shelter figures by year as exact whole numbers (nights and øre), five a year: nights, gross
 * cost, self-payment, refund under the current rules, refund under GAMMEL. Sums of whole øre stay
 * exact far beyond any municipal budget.
 */
type Tally = Float64Array;
const NIGHTS = 0;
const GROSS = 1;
const SELF = 2;
const NY = 3;
const GAMMEL = 4;
const FIELDS = 5;

/**
 * The money of stays by year: prices indexed per calendar year and rounded to øre once per rate,
 * amounts rounded per stay and year (as DK.REFUSION110 with the year as the period).
 */
class Pricing {
  private readonly indexed: Map<number, number>[];
  /** Years whose prices are the base year's (no indexation): the rate as the cell holds it. */
  private readonly unindexed: boolean[];
  constructor(
    private readonly cal: Calendar,
    private readonly share: Share
  ) {
    this.indexed = cal.prices.map(() => new Map());
    this.unindexed = cal.prices.map((p) => p.eq(1));
  }

  price(kroner: number, t: number): number {
    if (this.unindexed[t]) return kroner;
    const memo = this.indexed[t];
    let v = memo.get(kroner);
    if (v === undefined)
      memo.set(kroner, (v = roundOre(dec(kroner).times(this.cal.prices[t])).toNumber()));
    return v;
  }

  /** Adds sign × a stay's figures per year, for its own nights before `until`, to the tally. */
  add(into: Tally, sign: 1 | -1, stay: StayInput, result: StayResult, until = Infinity): void {
    const own = result.ownDays;
    if (!own) return;
    const to = Math.min(own.to, until, this.cal.horizonEnd);
    if (to <= own.from) return;
    const years = this.cal.spans;
    // One pass over the refund spans (in order) beside the years: spans and years, not their product.
    const spans = result.refundSpans;
    let k = 0;
    for (let t = 0; t < years.length && years[t].from < to; t++) {
      const year = years[t];
      const days = overlap(own.from, to, year);
      if (days === 0) continue;
      while (k < spans.length && spans[k].to <= year.from) k++;
      let refundDays = 0;
      for (let j = k; j < spans.length && spans[j].from < year.to; j++)
        refundDays += overlap(spans[j].from, Math.min(spans[j].to, to), year);
      const rate = this.price(stay.dailyRate, t);
      const self = this.price(stay.selfPayment, t);
      const at = t * FIELDS;
      into[at + NIGHTS] += sign * days;
      into[at + GROSS] += sign * costOre(rate, days);
      into[at + SELF] += sign * costOre(self, days);
      into[at + NY] += sign * refundOre(rate, self, refundDays, this.share);
      // GAMMEL refunds every night (no day limit), rounded the same way.
      into[at + GAMMEL] += sign * refundOre(rate, self, days, this.share);
    }
  }
}

const overlap = (from: Serial, to: Serial, span: Span): number =>
  Math.max(0, Math.min(to, span.to) - Math.max(from, span.from));

/** A tally of whole øre beyond 2^53: no longer exact (rates indexed 100 % a year for decades). */
class InexactTally extends RangeError {}

/**
 * Whole-number tallies kept apart by the mass they count with (a cohort's weight, a share of
 * citizens moved), so that each distinct mass is multiplied once, exactly, at the end.
 */
class MassTallies {
  private readonly byMass = new Map<string, { mass: Decimal; tally: Tally }>();
  /** The same Decimal object is often asked for again: skip its text key then. */
  private readonly byObject = new Map<Decimal, Tally>();
  /** `exact` false: the sums in binary floating point (a Monte Carlo draw needs no øre). */
  constructor(
    private readonly size: number,
    private readonly exact = true
  ) {}

  of(mass: Decimal): Tally {
    const known = this.byObject.get(mass);
    if (known) return known;
    const key = mass.toString();
    let entry = this.byMass.get(key);
    if (!entry) this.byMass.set(key, (entry = { mass, tally: new Float64Array(this.size) }));
    this.byObject.set(mass, entry.tally);
    return entry.tally;
  }

  /**
   * For tallies of `width` entries kept once per n = 0, 1, …: Σ mass × factor[n] × tally[n],
   * entry by entry; exact (InexactTally when a tally left the safe integers) unless not `exact`.
   */
  totalBy(factors: readonly Decimal[], width: number): Decimal[] {
    if (!this.exact) {
      const out = new Float64Array(width);
      const f = factors.map((x) => x.toNumber());
      for (const { mass, tally } of this.byMass.values()) {
        const m = mass.toNumber();
        for (let n = 0; n < f.length; n++) {
          if (f[n] === 0) continue;
          const scale = m * f[n];
          for (let i = 0; i < width; i++) out[i] += scale * tally[n * width + i];
        }
      }
      return Array.from(out, (v) => dec(v));
    }
    const out: Decimal[] = Array.from({ length: width }, () => ZERO);
    for (const { mass, tally } of this.byMass.values()) {
      for (let n = 0; n < factors.length; n++) {
        if (factors[n].isZero()) continue;
        const scale = mass.times(factors[n]);
        for (let i = 0; i < width; i++) {
          const v = tally[n * width + i];
          if (v === 0) continue;
          if (!Number.isSafeInteger(v)) throw new InexactTally();
          out[i] = out[i].plus(scale.times(v));
        }
      }
    }
    return out;
  }

  /** Σ mass × tally, entry by entry. */
  total(): Decimal[] {
    return this.totalBy([dec(1)], this.size);
  }
}

/** A run of consecutive shelter nights of one timeline citizen (a person or a copy). */
interface Spell {
  from: Serial;
  to: Serial;
}

/** A spell that passes the threshold inside the projection, on a night the projection counts. */
interface Candidate {
  spell: Spell;
  /** The day it qualifies: the night after the threshold, or the projection's first day. */
  day: Serial;
  /** The counted stay that holds that night: the move ends it, and its cohort's weight is the candidate's. */
  row: number;
}

/** A share of a person moved to their own home on `day`, out of the stay `row`. */
interface Move {
  day: Serial;
  mass: Decimal;
  row: number;
  spell: Spell;
  year: number;
}

/** A timeline citizen's spells in order, with the rows of each (their own nights, in order). */
interface Spells {
  spells: Spell[];
  rows: number[][];
}

/**
 * Each timeline citizen's spells from the rows' own nights. The timeline holds a citizen's rows
 * together and in order of admission, and own nights follow that order, so one pass suffices.
 */
function spellsOf(
  timeline: readonly TimelineStay[],
  results: readonly StayResult[]
): Map<string, Spells> {
  const out = new Map<string, Spells>();
  let current: Spells | undefined;
  let citizen: string | undefined;
  for (let row = 0; row < timeline.length; row++) {
    const own = results[row].ownDays;
    if (!own) continue;
    if (timeline[row].citizen !== citizen) {
      citizen = timeline[row].citizen;
      out.set(citizen, (current = { spells: [], rows: [] }));
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
 * Spells that pass the threshold inside the projection, in the order they qualify (ties: longest
 * in the shelter first, then the person). A copy's spell that qualifies on a night it only
 * carries as history is its person's earlier cohort's, which decides that move.
 */
function candidatesOf(
  timeline: readonly TimelineStay[],
  spells: Map<string, Spells>,
  results: readonly StayResult[],
  threshold: number,
  cal: Calendar
): Candidate[] {
  const out: Candidate[] = [];
  for (const { spells: list, rows } of spells.values()) {
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
 * The moves, with the dwellings as a queue (module comment, 3): each year's dwellings go to those
 * waiting since an earlier year on 1 January (longest in the shelter first), then to those who
 * qualify during the year, in order; a candidate who finds none waits while the spell lasts.
 */
function queueMoves(
  candidates: readonly Candidate[],
  timeline: readonly TimelineStay[],
  p: ScenarioParameters,
  cal: Calendar
): Move[] {
  const share = dec(p.shareMoved);
  const moves: Move[] = [];
  if (share.isZero() || p.housingPerYear === 0) return moves;
  const everMoved = new Map<string, Decimal>();
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
    const person = timeline[c.row].person;
    everMoved.set(person, (everMoved.get(person) ?? ZERO).plus(mass));
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
        cal.weights[stay.cohort].minus(everMoved.get(stay.person) ?? ZERO)
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
interface HousingFirstSums {
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

function housingFirstPath(
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

/**
 * What a projection computes once for the data and the choices that shape the timeline (base
 * year, horizon, stay-length trend, rule set, user typology): a Monte Carlo run or a search for a
 * switching value evaluates many parameter sets on it while those stay the same.
 */
export interface PreparedProjection {
  /** The parameters and options it was prepared for, as one text (preparedKey). */
  key: string;
  baseYear: number;
  horizon: number;
  rules: RuleSet;
  timeline: TimelineStay[];
  results: StayResult[];
  spells: Map<string, Spells>;
  /** Each person's user group in the typology window that ends with the base year. */
  groups: Map<string, UserGroup>;
}

/** The parameters that shape a prepared projection, as one text. */
export function preparedKey(p: ScenarioParameters, options: ProjectionOptions = {}): string {
  return [
    p.baseYear ?? "",
    p.horizon,
    p.stayLengthChange,
    options.rules?.name ?? "NY",
    p.typologyYears,
    p.chronicNights,
    p.episodicEpisodes,
    p.episodeGapDays,
  ].join("|");
}

/** The timeline and its § 110 results for the stays, or an error for input the model cannot use. */
export function prepareProjection(
  stays: readonly StayInput[],
  p: ScenarioParameters,
  options: ProjectionOptions = {}
): PreparedProjection | RowError {
  if (stays.length === 0) return fail("#VALUE!", "Der er ingen ophold at fremskrive");
  for (let i = 0; i < stays.length; i++) {
    const s = stays[i];
    if (s.discharge !== null && s.discharge < s.admission)
      return fail("#VALUE!", `Ophold nr. ${i + 1}: udskrivningen ligger før indskrivningen`);
    if (!(s.dailyRate >= 0 && s.selfPayment >= 0 && Number.isFinite(s.dailyRate + s.selfPayment))) {
      return fail(
        "#VALUE!",
        `Ophold nr. ${i + 1}: takst og egenbetaling skal være 0 kr. eller mere`
      );
    }
  }
  const rules = options.rules ?? RULE_SETS.NY;
  const baseYear = p.baseYear ?? defaultBaseYear(stays)!;
  const horizon = p.horizon;
  if (baseYear + horizon > 9998)
    return fail(
      "#VALUE!",
      `Fremskrivningen fra ${baseYear} over ${horizon} år rækker ud over år 9999`
    );
  const baseStart = jan1(baseYear);
  const canonical = canonicalStays(stays);
  const timeline = projectionTimeline(canonical, {
    baseYear,
    horizon,
    stayLengthChange: p.stayLengthChange,
    historyFrom: Math.min(
      baseStart,
      rules.shelter.limitFrom?.value ?? Infinity,
      rules.aftercare.inForceFrom.value
    ),
  });
  if (
    !timeline.some(
      (s) => s.cohort === 0 && s.admission < jan1(baseYear + 1) && s.discharge > baseStart
    )
  ) {
    return fail(
      "#VALUE!",
      `Basisåret ${baseYear} har ingen opholdsdøgn i data: angiv et andet basisår`
    );
  }
  const results = computeShelterRefunds(timeline, { rules }).map((o) => {
    if (isRowError(o)) throw new Error(`Projection: replayed stay rejected: ${o.error.message}`);
    return o;
  });
  const typology = {
    years: p.typologyYears,
    chronicNights: p.chronicNights,
    episodicEpisodes: p.episodicEpisodes,
    episodeGapDays: p.episodeGapDays,
  };
  const classes = classifyCitizens(canonical, typologyWindow(baseYear, typology.years), typology);
  return {
    key: preparedKey(p, options),
    baseYear,
    horizon,
    rules,
    timeline,
    results,
    spells: spellsOf(timeline, results),
    groups: new Map([...classes].map(([person, use]) => [person, use.group])),
  };
}

/**
 * The projection without action and with Housing First, year by year from the base year, with
 * NPV, ratio and break-even of Housing First. An error for input the model cannot use.
 */
export function computeProjection(
  stays: readonly StayInput[],
  p: ScenarioParameters,
  options: ProjectionOptions = {}
): Projection | RowError {
  const prepared = prepareProjection(stays, p, options);
  return isProjectionError(prepared) ? prepared : evaluateProjection(prepared, p);
}

/**
 * The projection of a prepared timeline under the parameters (which it must have been prepared
 * for). `exact` false sums the weighted øre in binary floating point: for a Monte Carlo draw,
 * whose percentiles need no øre; every table, sheet and function result is exact.
 */
export function evaluateProjection(
  prepared: PreparedProjection,
  p: ScenarioParameters,
  exact = true
): Projection | RowError {
  const { baseYear, horizon, rules, timeline, results } = prepared;
  const cal: Calendar = {
    baseYear,
    horizon,
    projectionStart: jan1(baseYear + 1),
    horizonEnd: jan1(baseYear + horizon + 1),
    spans: Array.from({ length: horizon + 1 }, (_, t) => ({
      from: jan1(baseYear + t),
      to: jan1(baseYear + t + 1),
    })),
    weights: Array.from({ length: horizon + 1 }, (_, t) => dec(1).plus(p.admissionGrowth).pow(t)),
    prices: Array.from({ length: horizon + 1 }, (_, t) => dec(1).plus(p.rateIndexation).pow(t)),
  };
  const pricing = new Pricing(cal, shareOf(rules.shelter.refundShare.value));

  // Without action: whole øre per cohort, each cohort times its weight.
  const cohorts = new MassTallies(FIELDS * (horizon + 1), exact);
  const byCohort = cal.weights.map((w) => cohorts.of(w));
  timeline.forEach((s, row) => {
    if (s.counted) pricing.add(byCohort[s.cohort], 1, s, results[row]);
  });
  let noAction: Decimal[];
  let hf: HousingFirstSums;
  try {
    noAction = cohorts.total();
    hf = housingFirstPath(prepared, p, cal, pricing, exact);
  } catch (error) {
    if (error instanceof InexactTally) return inexact();
    throw error;
  }

  const kroner = (ore: Decimal) => roundOre(ore.dividedBy(100));
  const cashable = dec(p.cashableShare);
  const naf = dec(p.netTaxFactor);
  const years: ProjectionYear[] = cal.spans.map((_, t) => {
    const at = t * FIELDS;
    const none = (k: number) => noAction[at + k];
    const gross = kroner(none(GROSS));
    const selfPayment = kroner(none(SELF));
    const refundNy = kroner(none(NY));
    const refundGammel = kroner(none(GAMMEL));
    const netCost = gross.minus(selfPayment).minus(refundNy);
    const withHf = (k: number) => kroner(none(k).plus(hf.shelter[at + k]));
    const shelterNetCost = withHf(GROSS).minus(withHf(SELF)).minus(withHf(NY));
    const away = (k: number) => kroner(hf.movedAway[at + k]);
    const movedAwayShelterCost = away(GROSS).minus(away(SELF)).minus(away(NY));
    const supportExpense = roundOre(hf.supportExpense[t]);
    const supportRefund = roundOre(hf.supportRefund[t]);
    const rentSubsidy = roundOre(hf.rentSubsidy[t]);
    const oneOffCost = roundOre(hf.oneOffCost[t]);
    const programmeCost = supportExpense.minus(supportRefund).plus(rentSubsidy).plus(oneOffCost);
    const hfNet = shelterNetCost.plus(programmeCost);
    // The public sector as a whole (kommune and stat: refunds are transfers between them): its
    // net shelter expense saved on those still here, less the programme's gross cost, in market
    // prices (the net tax factor).
    const publicSaved = gross
      .minus(selfPayment)
      .minus(withHf(GROSS).minus(withHf(SELF)))
      .minus(away(GROSS).minus(away(SELF)));
    const programmeGross = supportExpense.plus(rentSubsidy).plus(oneOffCost);
    return {
      year: baseYear + t,
      index: t,
      weight: cal.weights[t],
      noAction: {
        stayDays: round2(none(NIGHTS)),
        gross,
        selfPayment,
        refundNy,
        refundGammel,
        reformCost: refundGammel.minus(refundNy),
        netCost,
      },
      housingFirst: {
        stayDays: round2(none(NIGHTS).plus(hf.shelter[at + NIGHTS])),
        moves: round2(hf.moves[t]),
        housedYears: round2(hf.housedYears[t]),
        supportExpense,
        supportRefund,
        rentSubsidy,
        oneOffCost,
        programmeCost,
        shelterNetCost,
        movedAwayShelterCost,
        shelterSavings: netCost.minus(shelterNetCost).minus(movedAwayShelterCost),
        netCost: hfNet,
        stateRefund: withHf(NY).plus(supportRefund),
        cashableEffect: roundOre(cashable.times(netCost.minus(shelterNetCost))).minus(
          programmeCost
        ),
        socioEconomicNet: roundOre(naf.times(publicSaved.minus(programmeGross))),
      },
      difference: netCost.minus(hfNet),
      cumulativeNpv: null,
    };
  });

  const beyond = (x: Decimal) => x.abs().gt(MAX_EXACT_KRONER);
  if (
    years.some(
      (y) => Object.values(y.noAction).some(beyond) || Object.values(y.housingFirst).some(beyond)
    )
  )
    return inexact();
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
    rules,
    years,
    investment,
    npv: roundOre(investment.npv),
    ratio: investment.ratio,
    breakEvenYear: investment.breakEvenYear === null ? null : baseYear + investment.breakEvenYear,
    budgetEffect: sum(projected.map((y) => y.difference)),
    cashableEffect: sum(projected.map((y) => y.housingFirst.cashableEffect)),
    socioEconomicNpv: roundOre(
      sum(
        projected.map((y) => y.housingFirst.socioEconomicNet.times(socioEconomicDiscount(y.index)))
      )
    ),
  };
}

export function isProjectionError<T extends object>(outcome: T | RowError): outcome is RowError {
  return "code" in outcome;
}
