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

/** Rounds to whole øre (2 decimals), half up. */
export function roundOre(amount: Decimal): Decimal {
  return amount.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
}

export function sum(amounts: Iterable<Decimal>): Decimal {
  let total = ZERO;
  for (const a of amounts) total = total.plus(a);
  return total;
}

/** A rounded amount as the number Excel shows (exact for any amount below 2^53 øre). */
export function toCellNumber(amount: Decimal): number {
  return amount.toNumber();
}

/**
 * Splits a total that is already rounded to øre over parts in proportion to `weights`,
 * so that the parts are whole øre and add up to the total exactly (largest remainder;
 * ties go to the earlier part). Used to spread one stay's rounded refund over quarters.
 */
export function allocateOre(total: Decimal, weights: readonly number[]): Decimal[] {
  const weightSum = weights.reduce((a, b) => a + b, 0);
  if (weightSum === 0) return weights.map(() => ZERO);
  const totalOre = total.times(100);
  const exact = weights.map((w) => totalOre.times(w).dividedBy(weightSum));
  const floors = exact.map((e) => e.floor());
  let left = totalOre.minus(sum(floors)).toNumber();
  const order = exact
    .map((e, i) => ({ i, frac: e.minus(floors[i]) }))
    .sort((a, b) => b.frac.comparedTo(a.frac) || a.i - b.i);
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
