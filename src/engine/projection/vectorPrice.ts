/**
 * The price of a compiled money vector (compiled.ts) under a draw's rate indexation: each daily
 * rate and self-payment indexed and rounded to øre per year, and refunds rounded per stay and year
 * (tallies.ts Pricing), summed over the vector's counts. With the refund share ½ the rounding is
 * exact: Σ round_half_up(d × n / 2) over stays = (d × Σ n + [d odd] × Σ [n odd]) / 2.
 */
import { keptPer } from "../kept";
import { dec, exactOre, roundOre, shareOf } from "../money";
import type { RuleSet } from "../rules";
import {
  E_LAG,
  E_N,
  E_NIGHTS,
  E_ODD_NIGHTS,
  E_ODD_REFUND,
  E_RATE,
  E_REFUND,
  E_SELF,
  E_YEAR,
  STRIDE,
  type MoneyVector,
} from "./moneyVector";
import type { CompiledTimeline } from "./compiled";
import { FIELDS, GAMMEL, GROSS, NIGHTS, NY, SELF } from "./tallies";

/** A draw's prices: each distinct rate in øre per year, and how the refund share rounds. */
export interface Pricing {
  ore: Float64Array;
  years: number;
  share: number;
  /** ½: exact by the parity of the nights; whole: exact; other: to within an øre a stay-year. */
  half: boolean;
  whole: boolean;
}

export function drawPricing(c: CompiledTimeline, rules: RuleSet, indexation: number): Pricing {
  const years = c.years;
  const ore = new Float64Array(c.values.length * years);
  const factors = Array.from({ length: years }, (_, t) => Math.pow(1 + indexation, t));
  c.values.forEach((kroner, v) => {
    const whole = exactOre(kroner) ?? kroner * 100;
    for (let t = 0; t < years; t++) {
      if (t === 0 || indexation === 0) {
        ore[v * years + t] = whole;
        continue;
      }
      const x = kroner * 100 * factors[t];
      // Half an øre away from a rounding boundary is far beyond the error of the power above.
      ore[v * years + t] =
        Math.abs(x - Math.floor(x) - 0.5) < 1e-6
          ? roundOre(dec(kroner).times(dec(1).plus(indexation).pow(t)))
              .times(100)
              .toNumber()
          : Math.round(x);
    }
  });
  return { ore, years, ...shareOfRules(rules) };
}

const shareOfRules = keptPer((rules: RuleSet): Pick<Pricing, "share" | "half" | "whole"> => {
  const share = shareOf(rules.shelter.refundShare.value);
  return {
    share: share.num / share.den,
    half: share.num === 1 && share.den === 2,
    whole: share.den === 1,
  };
});

// The layouts bound once: an imported binding read in the hot loop costs a property look-up.
const [N, LAG, YEAR, RATE, SELF_PAY, COUNT, REFUND, ODD_COUNT, ODD_REFUND, STEP] = [
  E_N,
  E_LAG,
  E_YEAR,
  E_RATE,
  E_SELF,
  E_NIGHTS,
  E_REFUND,
  E_ODD_NIGHTS,
  E_ODD_REFUND,
  STRIDE,
];
const [WIDTH, F_NIGHTS, F_GROSS, F_SELF, F_NY, F_GAMMEL] = [
  FIELDS,
  NIGHTS,
  GROSS,
  SELF,
  NY,
  GAMMEL,
];
const WHOLE = [1];

/**
 * Adds scale × use[lag] × a money vector, priced, to `out` (FIELDS a year, for each n: the
 * entry's n picks the block); `use` the expected use by lag, or the whole of it.
 */
export function price(
  vector: MoneyVector,
  scale: number,
  out: Float64Array,
  pricing: Pricing,
  use: readonly number[] = WHOLE
): void {
  const { ore, years, half } = pricing;
  for (let i = 0; i < vector.length; i += STEP) {
    const share = scale * use[vector[i + LAG]];
    if (!(share > 0 || share < 0)) continue;
    const t = vector[i + YEAR];
    const rate = ore[vector[i + RATE] * years + t];
    const self = ore[vector[i + SELF_PAY] * years + t];
    const nights = vector[i + COUNT];
    const refund = vector[i + REFUND];
    const diff = rate > self ? rate - self : 0;
    let ny: number;
    let gammel: number;
    if (half && Number.isInteger(diff)) {
      const odd = diff % 2;
      ny = (diff * refund + odd * vector[i + ODD_REFUND]) / 2;
      gammel = (diff * nights + odd * vector[i + ODD_COUNT]) / 2;
    } else {
      ny = pricing.share * diff * refund;
      gammel = pricing.share * diff * nights;
      if (pricing.whole && Number.isInteger(diff)) {
        ny = Math.round(ny);
        gammel = Math.round(gammel);
      }
    }
    const at = (vector[i + N] * years + t) * WIDTH;
    out[at + F_NIGHTS] += share * nights;
    out[at + F_GROSS] += share * rate * nights;
    out[at + F_SELF] += share * self * nights;
    out[at + F_NY] += share * ny;
    out[at + F_GAMMEL] += share * gammel;
  }
}
