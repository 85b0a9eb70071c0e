/** The low–high range a parameter is moved over, kept inside the values it may take. */
import type { ParameterDef } from "../parameters";

/**
 * The range used around a scenario's value: its low–high (the scenario's own, else the
 * registry's, else the register's estimate), or, when the value lies outside it, the same width
 * centred on the value, kept inside the parameter's allowed values (issue 20: the spread never
 * leans to one side because the value moved). Whole-number parameters get whole ends.
 */
export function rangeAround(
  def: ParameterDef,
  range: { low: number; high: number },
  value: number
): { low: number; high: number } {
  if (value >= range.low && value <= range.high) return { low: range.low, high: range.high };
  const width = range.high - range.low;
  const [min, max] = searchBounds(def);
  // A whole-number parameter (the horizon) moves by whole units, evenly on both sides: an odd
  // width's half-units would be values it cannot take (a horizon of 21,5 years).
  const half = def.integer ? Math.ceil(width / 2) : width / 2;
  let low = value - half;
  let high = value + half;
  if (low < min) [low, high] = [min, Math.min(max, min + width)];
  if (high > max) [low, high] = [Math.max(min, max - width), max];
  return { low: Math.min(low, value), high: Math.max(high, value) };
}

/** The allowed range's ends as values a search can try (an exclusive bound moved inwards). */
export function searchBounds(def: ParameterDef): [number, number] {
  const step = def.integer ? 1 : def.unit === "%" ? 1e-6 : 1e-3;
  return [
    def.min.exclusive ? def.min.value + step : def.min.value,
    def.max.exclusive ? def.max.value - step : def.max.value,
  ];
}
