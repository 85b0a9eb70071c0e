/**
 * Exact tallies of the projection: shelter figures per year in whole nights and øre, priced per
 * calendar year, and kept apart by the mass (a cohort's weight, a share of citizens) that
 * multiplies them once at the end.
 */
import type { Serial } from "../calendar";
import { Decimal, ZERO, dec, refundOre, roundOre, shareOf, type Share } from "../money";
import type { RuleSet } from "../rules";
import { daysIn, type Span, type StayInput } from "../shelter";
import { shelterNights, type StayNights } from "../shelterWalk";

/** What the projection keeps of a stay's § 110 result: its own nights and its refundable nights. */
export type { StayNights };

/** The § 110 nights of stays the projection made itself: an error there is a bug, not input. */
export function replayedNights(
  stays: readonly StayInput[],
  rules: RuleSet,
  citizens?: Int32Array
): StayNights[] {
  const nights = shelterNights(stays, rules, citizens);
  for (const o of nights)
    if ("code" in o) throw new Error(`Projection: replayed stay rejected: ${o.message}`);
  return nights as StayNights[];
}

const ONE_TO_ONE = shareOf("1");
/** perDay × days in whole øre, exactly. */
const costOre = (perDay: number, days: number): number => refundOre(perDay, 0, days, ONE_TO_ONE);

/** The calendar of the projection: years 0 (base) .. horizon, with their weights and prices. */
export interface Calendar {
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
export type Tally = Float64Array;
export const NIGHTS = 0;
export const GROSS = 1;
export const SELF = 2;
export const NY = 3;
export const GAMMEL = 4;
export const FIELDS = 5;

/**
 * The money of stays by year: prices indexed per calendar year and rounded to øre once per rate,
 * amounts rounded per stay and year (as DK.REFUSION110 with the year as the period).
 */
export class Pricing {
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
  add(into: Tally, sign: 1 | -1, stay: StayInput, result: StayNights, until = Infinity): void {
    const own = result.ownDays;
    if (!own) return;
    const to = Math.min(own.to, until, this.cal.horizonEnd);
    if (to <= own.from) return;
    const years = this.cal.spans;
    // One pass over the refund spans (in order) beside the years: spans and years, not their product.
    const spans = result.refundSpans;
    let k = 0;
    for (let t = firstYearAfter(years, own.from); t < years.length && years[t].from < to; t++) {
      const year = years[t];
      const days = daysIn(own.from, to, year);
      if (days === 0) continue;
      while (k < spans.length && spans[k].to <= year.from) k++;
      let refundDays = 0;
      for (let j = k; j < spans.length && spans[j].from < year.to; j++)
        refundDays += daysIn(spans[j].from, Math.min(spans[j].to, to), year);
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

/**
 * The first of the years (consecutive spans, in order) that ends after `from`: where a stay's
 * nights start. A stay late in a long horizon skips the years before it rather than walk them.
 */
export function firstYearAfter(years: readonly Span[], from: Serial): number {
  let lo = 0;
  let hi = years.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (years[mid].to <= from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A tally of whole øre beyond 2^53: no longer exact (rates indexed 100 % a year for decades). */
export class InexactTally extends RangeError {}

/**
 * Whole-number tallies kept apart by the mass they count with (a cohort's weight, a share of
 * citizens moved), so that each distinct mass is multiplied once, exactly, at the end.
 */
export class MassTallies {
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
