/**
 * What the choice between the two readings of the phase-in (rules "NY" and "NY-VINDUE", SPEC
 * 1.1) means for the user's own stays: refund NY per year under both, for the years the
 * forecast reports, where they differ. Pure (the pane runs it in its engine worker); money as
 * exact decimal text.
 */
import { computeForecast, defaultYears } from "../../engine/forecast";
import { RULE_SETS } from "../../engine/rules";
import type { StayInput } from "../../engine/shelter";

export interface ReadingDifference {
  year: number;
  /** Refund NY under "NY" (the limit of each day) and "NY-VINDUE" (the window's), kroner. */
  day: string;
  window: string;
}

export function compareReadings(stays: readonly StayInput[]): ReadingDifference[] {
  const years = defaultYears(stays);
  if (!years) return [];
  const day = computeForecast(stays, { years, rules: RULE_SETS.NY }).years;
  const window = computeForecast(stays, { years, rules: RULE_SETS["NY-VINDUE"] }).years;
  return day
    .map((y, i) => ({ year: y.year, day: y.refundNy, window: window[i].refundNy }))
    .filter((y) => !y.day.eq(y.window))
    .map((y) => ({ year: y.year, day: y.day.toFixed(2), window: y.window.toFixed(2) }));
}
