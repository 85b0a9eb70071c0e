/**
 * Exact kroner and øre. Amounts are decimal.js values; a cell's binary float enters through
 * its shortest decimal text (1234.56, not 1234.5599999…), so half-øre boundaries round the
 * way an accountant expects. Rounding is half up (away from zero), as Excel's ROUND.
 */
import DecimalBase from "decimal.js";

/** Our own Decimal: 40 significant digits, so products and /365 never lose an øre. */
export const Decimal = DecimalBase.clone({ precision: 40, rounding: DecimalBase.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

export const ZERO = new Decimal(0);

export function dec(value: number | string | Decimal): Decimal {
  return new Decimal(value);
}

/**
 * Whole øre of a kroner amount as a cell holds it, when it was typed with at most 2 decimals
 * (1234.56 -> 123456); undefined when it has more, so the caller takes the decimal path.
 * Exact: k/100 is the double nearest to the decimal k/100, so it equals the cell's value
 * exactly when the cell holds that decimal.
 */
export function exactOre(kroner: number): number | undefined {
  const ore = Math.round(kroner * 100);
  return Number.isSafeInteger(ore) && ore / 100 === kroner ? ore : undefined;
}

/** A refund share such as "0.5", also as a fraction of small integers for exact integer math. */
export interface Share {
  text: string;
  num: number;
  den: number;
}

export function shareOf(text: string): Share {
  const [num, den] = dec(text)
    .toFraction()
    .map((x) => x.toNumber());
  return { text, num, den };
}

/**
 * share × max(0, rate − self-payment) × days, rounded half up to whole øre, exactly: in
 * integers when the amounts have at most 2 decimals (the hot path), else in decimal.js.
 * Amounts are kroner per day as cells hold them.
 */
export function refundOre(rate: number, selfPayment: number, days: number, share: Share): number {
  const rateOre = exactOre(rate);
  const selfOre = exactOre(selfPayment);
  if (rateOre !== undefined && selfOre !== undefined) {
    const twice = 2 * Math.max(0, rateOre - selfOre) * days * share.num; // in 1/(2·den) øre
    if (Number.isSafeInteger(twice + share.den))
      return Math.floor((twice + share.den) / (2 * share.den));
  }
  const net = Decimal.max(0, dec(rate).minus(dec(selfPayment)));
  return roundOre(net.times(share.text).times(days)).times(100).toNumber();
}

/** Whole øre as a Decimal amount in kroner. */
export function kronerFromOre(ore: number): Decimal {
  return new Decimal(ore).dividedBy(100);
}

/** Rounds to whole øre (2 decimals), half up. */
export function roundOre(amount: Decimal): Decimal {
  return amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

export function sum(amounts: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const a of amounts) total = total.plus(a);
  return total;
}

/**
 * Splits a total that is already rounded to øre over parts in proportion to `weights`,
 * so that the parts are whole øre and add up to the total exactly (largest remainder;
 * ties go to the earlier part). Used to spread one stay's rounded refund over quarters.
 */
export function allocateOre(total: Decimal, weights: readonly number[]): Decimal[] {
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weightSum === 0) return weights.map(() => ZERO);
  // Exact shares totalØre × w / W as whole øre plus a remainder over the common W, so that
  // remainders compare exactly (a division rounded at any precision could break a tie).
  const totalOre = total.times(100);
  const numerators = weights.map((w) => totalOre.times(w));
  const floors = numerators.map((n) => n.dividedToIntegerBy(weightSum));
  const remainders = numerators.map((n, i) => n.minus(floors[i].times(weightSum)));
  let left = totalOre.minus(sum(floors)).toNumber();
  const order = remainders
    .map((r, i) => ({ i, r }))
    .sort((a, b) => b.r.comparedTo(a.r) || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = floors[i].plus(1);
    left -= 1;
  }
  return floors.map((f) => f.dividedBy(100));
}

/** Danish money text: 15.500,00 kr. */
export function formatKr(amount: Decimal): string {
  const fixed = roundOre(amount).toFixed(2);
  const negative = fixed.startsWith("-");
  const [whole, ore] = (negative ? fixed.slice(1) : fixed).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${negative ? "-" : ""}${grouped},${ore} kr.`;
}
