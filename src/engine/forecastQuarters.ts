/**
 * The forecast's quarters (forecast.ts): each stay's days split by quarter of the period on
 * spans (never day by day), and its amounts, rounded per stay and year, spread over that year's
 * quarters by days (largest remainder, ties to the earlier quarter), so the quarters add up to
 * the year. Sums and a stay's days live in typed arrays by quarter: 50 000 stays allocate no
 * object per stay, part or quarter, which the page would otherwise wait for the garbage
 * collector to clear.
 */
import { serialFromYmd, type Serial } from "./calendar";
import { allocateOre, kronerFromOre } from "./money";
import type { Span } from "./shelter";

/** The amounts summed per quarter: days, and money in whole øre. */
export const QUARTER_SUMS = [
  "stayDays",
  "refundDaysNy",
  "refundDaysGammel",
  "gross",
  "selfPayment",
  "refundNy",
  "refundGammel",
] as const;
export type QuarterSum = (typeof QUARTER_SUMS)[number];
export type OreSums = Record<QuarterSum, number>;

/** A stay's rounded amounts in one year, in whole øre. */
export interface YearAmounts {
  gross: number;
  selfPayment: number;
  refundNy: number;
  refundGammel: number;
}

/**
 * money.allocateOre on whole øre in integer arithmetic (the hot path: most long stays span
 * several quarters): largest remainder, ties to the earlier part. Falls back to allocateOre
 * when a product would leave the exact integer range.
 */
export function allocateOreInt(totalOre: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weightSum === 0) return weights.map(() => 0);
  if (totalOre < 0 || !Number.isSafeInteger(totalOre * weightSum)) {
    return allocateOre(kronerFromOre(totalOre), weights).map((k) => k.times(100).toNumber());
  }
  const parts = weights.map((w) => Math.floor((totalOre * w) / weightSum));
  const remainders = weights.map((w, i) => ({ i, r: totalOre * w - parts[i] * weightSum }));
  let left = totalOre - parts.reduce((a, b) => a + b, 0);
  remainders.sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k++, left--) parts[remainders[k].i] += 1;
  return parts;
}

/** The period's sums by quarter, and the days of the stay being added, by quarter. */
export class QuarterTally {
  /** Quarter q is [starts[q], starts[q + 1]). */
  private readonly starts: Serial[] = [];
  private readonly sums = {} as Record<QuarterSum, Float64Array>;
  /** The current stay's own days, and its refund days under NY and GAMMEL, by quarter. */
  private readonly own: Float64Array;
  private readonly ny: Float64Array;
  private readonly gammel: Float64Array;
  /** The quarters the current stay's days were written to (cleared by the next stay). */
  private touched = { from: 0, to: 0 };
  /** A year's shares of an amount (at most four quarters). */
  private readonly shares = new Float64Array(4);
  private readonly remainders = new Float64Array(4);

  constructor(firstYear: number, lastYear: number) {
    for (let y = firstYear; y <= lastYear; y++)
      for (let m = 1; m <= 10; m += 3) this.starts.push(serialFromYmd(y, m, 1));
    this.starts.push(serialFromYmd(lastYear + 1, 1, 1));
    const quarters = this.starts.length - 1;
    for (const key of QUARTER_SUMS) this.sums[key] = new Float64Array(quarters);
    this.own = new Float64Array(quarters);
    this.ny = new Float64Array(quarters);
    this.gammel = new Float64Array(quarters);
  }

  get quarters(): number {
    return this.starts.length - 1;
  }

  /** Quarter q's sums. */
  at(q: number): OreSums {
    const s = this.sums;
    return {
      stayDays: s.stayDays[q],
      refundDaysNy: s.refundDaysNy[q],
      refundDaysGammel: s.refundDaysGammel[q],
      gross: s.gross[q],
      selfPayment: s.selfPayment[q],
      refundNy: s.refundNy[q],
      refundGammel: s.refundGammel[q],
    };
  }

  /**
   * Starts a stay: its own days and refund days by quarter of the period. Returns the years
   * (0-based from the first) its own days in the period fall in, as [first, last]; first > last
   * when it has none.
   */
  stay(own: Span, ny: readonly Span[], gammel: readonly Span[]): [number, number] {
    this.own.fill(0, this.touched.from, this.touched.to);
    this.ny.fill(0, this.touched.from, this.touched.to);
    this.gammel.fill(0, this.touched.from, this.touched.to);
    this.touched = { from: this.quarters, to: 0 };
    this.split(own, this.own);
    for (const s of ny) this.split(s, this.ny);
    for (const s of gammel) this.split(s, this.gammel);
    let first = Infinity;
    let last = -1;
    for (let q = this.touched.from; q < this.touched.to; q++)
      if (this.own[q] > 0) {
        first = Math.min(first, q >> 2);
        last = q >> 2;
      }
    return [first, last];
  }

  /** The current stay's own days, refund days NY and refund days GAMMEL in year y (0-based). */
  days(y: number): { own: number; ny: number; gammel: number } {
    let own = 0;
    let ny = 0;
    let gammel = 0;
    for (let q = 4 * y; q < 4 * y + 4; q++) {
      own += this.own[q];
      ny += this.ny[q];
      gammel += this.gammel[q];
    }
    return { own, ny, gammel };
  }

  /** Adds the current stay's year y: its days by quarter, and its amounts spread by them. */
  add(y: number, amounts: YearAmounts): void {
    const s = this.sums;
    for (let q = 4 * y; q < 4 * y + 4; q++) {
      s.stayDays[q] += this.own[q];
      s.refundDaysNy[q] += this.ny[q];
      s.refundDaysGammel[q] += this.gammel[q];
    }
    this.spread(amounts.gross, this.own, y, s.gross);
    this.spread(amounts.selfPayment, this.own, y, s.selfPayment);
    this.spread(amounts.refundNy, this.ny, y, s.refundNy);
    this.spread(amounts.refundGammel, this.gammel, y, s.refundGammel);
  }

  /** Adds a span's days in the period to `days` by quarter. */
  private split(span: Span, days: Float64Array): void {
    const starts = this.starts;
    const from0 = Math.max(span.from, starts[0]);
    const to = Math.min(span.to, starts[starts.length - 1]);
    if (from0 >= to) return;
    let q = this.quarterOf(from0);
    this.touched.from = Math.min(this.touched.from, q);
    for (let from = from0; from < to; q++) {
      const end = Math.min(to, starts[q + 1]);
      days[q] += end - from;
      from = end;
    }
    this.touched.to = Math.max(this.touched.to, q);
  }

  /** The quarter that holds a day of the period. */
  private quarterOf(day: Serial): number {
    let lo = 0;
    let hi = this.starts.length - 2;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= day) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Adds `ore` to year y's quarters in proportion to `weights` (days) there: allocateOreInt
   * over the quarters with days, without its arrays.
   */
  private spread(ore: number, weights: Float64Array, y: number, sums: Float64Array): void {
    if (ore === 0) return;
    const first = 4 * y;
    let parts = 0;
    let only = -1;
    let weightSum = 0;
    for (let q = first; q < first + 4; q++)
      if (weights[q] > 0) {
        parts++;
        only = q;
        weightSum += weights[q];
      }
    if (parts === 0) return;
    if (parts === 1) {
      sums[only] += ore;
      return;
    }
    if (ore < 0 || !Number.isSafeInteger(ore * weightSum)) {
      const quarters = [0, 1, 2, 3].map((k) => first + k).filter((q) => weights[q] > 0);
      const shares = allocateOreInt(
        ore,
        quarters.map((q) => weights[q])
      );
      quarters.forEach((q, i) => (sums[q] += shares[i]));
      return;
    }
    const { shares, remainders } = this;
    let left = ore;
    for (let k = 0; k < 4; k++) {
      const w = weights[first + k];
      shares[k] = w > 0 ? Math.floor((ore * w) / weightSum) : 0;
      remainders[k] = w > 0 ? ore * w - shares[k] * weightSum : -Infinity;
      left -= shares[k];
    }
    // The largest remainders get one øre each, the earlier quarter first on a tie.
    for (; left > 0; left--) {
      let best = 0;
      for (let k = 1; k < 4; k++) if (remainders[k] > remainders[best]) best = k;
      shares[best] += 1;
      remainders[best] = -Infinity;
    }
    for (let k = 0; k < 4; k++) if (weights[first + k] > 0) sums[first + k] += shares[k];
  }
}
