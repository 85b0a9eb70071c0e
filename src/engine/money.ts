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

/**
 * Whole øre as the number a cell holds in kroner: kronerFromOre(ore).toNumber() without a
 * Decimal per cell. Both are the double nearest the exact quotient (IEEE division rounds once,
 * as parsing the Decimal's exact text does), so they are equal for every safe integer.
 */
export const kronerNumber = (ore: number): number => ore / 100;

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

/**
 * The largest amount per day (or per year) a row may hold: 10 mio. kr. Integer øre must stay
 * exact (a safe integer, below 2^53) through refundOre's product 2 × amount × days × share's
 * numerator, with days up to a stay from 1900-03-01 to 9999-12-31 (2 958 405): 10^9 øre × 2 ×
 * 2 958 405 is 5.9 · 10^15 < 9.007 · 10^15. Real daily rates are a few thousand kroner.
 */
export const MAX_KRONER = 10_000_000;

/** The largest total that whole øre hold exactly in a double: (2^53 − 1) øre. */
export const MAX_EXACT_KRONER = Number.MAX_SAFE_INTEGER / 100;

/** A number text's problem, in Danish and English, saying why it is not read and what to write. */
export interface NumberTextProblem {
  da: string;
  en: string;
}

const GROUP_SPACE = /[\s\u00a0\u202f]/g;
/** Kroner or a percent sign around the number: "1.200,00 kr.", "kr. 1.200", "DKK 1200", "1.200,-", "3,5 %". */
const AFFIXES =
  /^(?:(?:kr\.?|dkk)\s*)?([-+−]?)\s*(?:(?:kr\.?|dkk)\s*)?([\d.,\s\u00a0\u202f]*\d)(,-)?\s*(kr\.?|dkk|%)?$/i;

/** A decimal written so no convention misreads it: "1,200" as 1,2 and "12,345" as 12,3450. */
function unambiguousDecimal(whole: string, decimals: string): string {
  const trimmed = decimals.replace(/0+$/, "");
  if (trimmed === "") return whole;
  return `${whole},${trimmed.length === 3 ? `${trimmed}0` : trimmed}`;
}

/**
 * Reads a number written the Danish way: comma for decimals, point or space between thousands
 * ("1.200,50", "1 200,50", "1200,50", "1.200.000", "1.200,00 kr.", "kr. 1.200", "1.200,-"; with
 * `percent`, "3,5 %" is 0.035). Forms that another convention reads differently are a problem
 * that says why: "1.200" (1200 with a thousands point, 1,2 with a decimal point), "1,200" (1,2
 * or, in English, 1200); a decimal point ("1200.50", "1,234.56") is refused with what to write.
 * undefined for text that is no number at all.
 */
export function readNumberText(
  text: string,
  options: { percent?: boolean } = {}
): number | NumberTextProblem | undefined {
  const m = AFFIXES.exec(text.trim());
  if (!m) return undefined;
  const [, sign, body, wholeKroner, unit] = m;
  if (unit === "%" && !options.percent)
    return { da: "et beløb kan ikke være en procentsats", en: "an amount cannot be a percentage" };
  const negative = sign === "-" || sign === "−";
  const shown = text.trim();
  const digits = body.replace(GROUP_SPACE, " ");
  let plain: string;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(digits) || /^\d{1,3}( \d{3})+(,\d+)?$/.test(digits)) {
    // One thousands point and nothing else: 1200, or 1,2 written with a decimal point. ",-" says kroner.
    if (/^\d{1,3}\.\d{3}$/.test(digits) && !wholeKroner) {
      const [whole, part] = digits.split(".");
      const thousands = whole + part;
      const decimal = unambiguousDecimal(whole, part);
      return {
        da: `«${shown}» kan læses på to måder: ${thousands} (punktum mellem tusinder) eller ${decimal} (punktum som decimaltegn); skriv ${thousands} eller ${decimal}`,
        en: `«${shown}» reads two ways: ${thousands} (point between thousands) or ${decimal} (decimal point); write ${thousands} or ${decimal} (Danish decimal comma)`,
      };
    }
    plain = digits.replace(/[. ]/g, "").replace(",", ".");
  } else if (/^\d+(,\d+)?$/.test(digits)) {
    // A comma before three digits is a decimal comma in Danish and a thousands comma in English.
    if (/^[1-9]\d{0,2},\d{3}$/.test(digits)) {
      const [whole, part] = digits.split(",");
      const thousands = whole + part;
      const decimal = unambiguousDecimal(whole, part);
      return {
        da: `«${shown}» kan læses på to måder: ${decimal} (komma som decimaltegn) eller ${thousands} (komma mellem tusinder, som på engelsk); skriv ${decimal} eller ${thousands}`,
        en: `«${shown}» reads two ways: ${decimal} (decimal comma) or ${thousands} (thousands comma, as in English); write ${decimal} or ${thousands}`,
      };
    }
    plain = digits.replace(",", ".");
  } else if (/^\d+\.\d+$/.test(digits) || /^\d{1,3}(,\d{3})+\.\d+$/.test(digits)) {
    const danish = digits.replace(/,/g, "").replace(".", ",");
    return {
      da: `«${shown}» har punktum som decimaltegn: skriv ${danish}`,
      en: `«${shown}» has a decimal point: write ${danish} (Danish decimal comma)`,
    };
  } else return undefined;
  const value = Number(plain);
  if (!Number.isFinite(value)) return undefined;
  const signed = negative ? -value : value;
  return unit === "%" ? signed / 100 : signed;
}

/** Danish money text: 15.500,00 kr. */
export function formatKr(amount: Decimal): string {
  const fixed = roundOre(amount).toFixed(2);
  const negative = fixed.startsWith("-");
  const [whole, ore] = (negative ? fixed.slice(1) : fixed).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  return `${negative ? "-" : ""}${grouped},${ore} kr.`;
}
