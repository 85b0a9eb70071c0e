/**
 * DK.HOUSINGFIRSTNPV over a whole column in one linear pass (issue 23): the investment case's NPV
 * (investment.ts: Σ k^(t−1)·(savings_t − costs_t) / (1 + rate)^t) summed in doubles, with k^(t−1)
 * and (1 + rate)^t carried from year to year and the sum compensated (Neumaier), beside a bound on
 * how far that can be from the exact sum. When every value within the bound rounds to the same
 * øre, that øre is the exact NPV's øre, as evaluateInvestment's decimals give it; otherwise (a
 * sum within the bound of half an øre, a result beyond what a double holds to the øre) the
 * answer is undefined and the caller evaluates in decimals.
 */
import { MAX_EXACT_KRONER } from "./money";

/** The unit roundoff of a double. */
const EPS = 2 ** -53;

/** The amount rounded to øre, half away from zero (money.ts roundOre), as øre. */
const ore = (kroner: number) => Math.sign(kroner) * Math.floor(Math.abs(kroner) * 100 + 0.5);

/**
 * The NPV rounded to øre, in kroner, or undefined when the doubles cannot say it for certain.
 * `growth` is 1 + rate and `housed` k = 1 − relapse − move-away, each the double nearest the
 * exact decimal (1 only when the decimal is 1); `costs` and `savings` are years 1..T (equal
 * lengths).
 */
export function npvInOre(
  growth: number,
  housed: number,
  costs: ArrayLike<number>,
  savings: ArrayLike<number>
): number | undefined {
  // A factor of exactly 1 (no discounting, nobody leaves) is exact, and so are its products.
  const growthRounds = growth === 1 ? 0 : 2;
  const housedRounds = housed === 1 ? 0 : 2;
  if (!(growth > 0) || !(housed >= 0) || housed > 1) return undefined;
  let share = 1; // k^(t−1)
  let discount = 1; // (1 + rate)^t
  let sum = 0;
  let compensation = 0;
  let bound = 0;
  let magnitude = 0;
  const n = costs.length;
  for (let t = 0; t < n; t++) {
    discount *= growth;
    const weight = share / discount;
    const term = (savings[t] - costs[t]) * weight;
    // Neumaier: the low part of each addition, added at the end.
    const next = sum + term;
    compensation += Math.abs(sum) >= Math.abs(term) ? sum - next + term : term - next + sum;
    sum = next;
    // The term's rounding, relative: the two inputs read, the difference, the quotient and the
    // product (5, and 1 to spare), and the running products' t and t + 1 multiplications by a
    // factor that is itself a rounding off the exact decimal (2 each, none for a factor of 1);
    // first order, and 1,01 covers the rest while the sum stays far below 1/EPS (t ≤ 2^20).
    const rounds = 6 + housedRounds * t + growthRounds * (t + 1);
    const size = (Math.abs(savings[t]) + Math.abs(costs[t])) * weight;
    bound += size * rounds * EPS * 1.01;
    magnitude += Math.abs(term);
    share *= housed;
  }
  const npv = sum + compensation;
  // Neumaier's bound (Higham, Accuracy and Stability of Numerical Algorithms, 2002, §4.3), the
  // ×100 and the rounding of npv itself.
  bound += 2 * EPS * Math.abs(npv) + 4 * n * EPS * EPS * magnitude + 4 * EPS * Math.abs(npv);
  if (!Number.isFinite(npv) || !Number.isFinite(bound)) return undefined;
  if (Math.abs(npv) + bound >= MAX_EXACT_KRONER / 2) return undefined;
  // Object.is: a sum that rounds to 0 øre keeps its sign, as the decimals' −0 does.
  const low = ore(npv - bound);
  return Object.is(low, ore(npv + bound)) ? low / 100 : undefined;
}
