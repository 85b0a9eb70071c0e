/**
 * Checking values against the registry: one value, a whole set (with the rules that tie two
 * parameters together) and a scenario's own low–high range. Messages in Danish, with English
 * beside them, name the parameter, so a template import and a cell formula refuse the same
 * values with the same words.
 */
import type { RowError } from "../shelter";
import type { Bound } from "./definition";
import { formatParameterValue } from "./format";
import { parameterById } from "./lookup";
import {
  PARAMETERS,
  type ParameterDef,
  type ParameterId,
  type ScenarioParameters,
} from "./registry";

/** Words a cell may hold for a parameter estimated from the register (lookup.ts's FROM_DATA_TEXT and more). */
const FROM_DATA = new Set(["fra data", "data", "skøn", "estimeret", "from data", "estimated"]);

/** A parameter problem: an Excel error code, a Danish message, and the parameter it is about. */
export interface ParameterError extends RowError {
  parameter?: ParameterId;
}

function rangeText(def: ParameterDef, language: "da" | "en" = "da"): string {
  const words =
    language === "da"
      ? { above: "over", from: "fra", below: "under", most: "højst", and: "og" }
      : { above: "above", from: "from", below: "below", most: "at most", and: "and" };
  const side = (b: Bound, lower: boolean) =>
    `${lower ? (b.exclusive ? words.above : words.from) : b.exclusive ? words.below : words.most} ${formatParameterValue(def, b.value, language)}`;
  return `${side(def.min, true)} ${words.and} ${side(def.max, false)}`;
}

/** A parameter as English messages name it: the sheet's (Danish) name and the English one. */
const nameEn = (def: ParameterDef) => `«${def.name}» (${def.alias})`;

const inside = (value: number, def: ParameterDef): boolean =>
  (def.min.exclusive ? value > def.min.value : value >= def.min.value) &&
  (def.max.exclusive ? value < def.max.value : value <= def.max.value);

/** One value against its parameter's type and range; null for a blank the parameter allows. */
export function validateParameterValue(
  def: ParameterDef,
  value: unknown
): number | null | ParameterError {
  const fail = (code: RowError["code"], message: string, en: string): ParameterError => ({
    code,
    message: `«${def.name}»: ${message}`,
    en: `${nameEn(def)}: ${en}`,
    parameter: def.id,
  });
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) {
    return def.default === null ? null : fail("#VALUE!", "værdien mangler", "the value is missing");
  }
  // Excel desktop passes an empty cell as 0 (office-js #4702, #5262, #1951): no base year is 0.
  if (def.id === "baseYear" && value === 0) return null;
  if (def.estimated && typeof value === "string" && FROM_DATA.has(value.trim().toLowerCase()))
    return null;
  if (typeof value !== "number") {
    const shown = typeof value === "string" ? `«${value}»` : String(value);
    return fail("#VALUE!", `${shown} er ikke et tal`, `${shown} is not a number`);
  }
  if (!Number.isFinite(value))
    return fail("#VALUE!", `${value} er ikke et gyldigt tal`, `${value} is not a valid number`);
  if (def.integer && !Number.isInteger(value))
    return fail(
      "#VALUE!",
      `skal være et helt tal (fik ${formatParameterValue(def, value)})`,
      `must be a whole number (got ${formatParameterValue(def, value, "en")})`
    );
  if (!inside(value, def)) {
    const percent = def.unit === "%" && Math.abs(value) > 1;
    return fail(
      "#VALUE!",
      `skal ligge ${rangeText(def)} (fik ${formatParameterValue(def, value)})${percent ? " (procent skrives 3,5 % eller 0,035)" : ""}`,
      `must lie ${rangeText(def, "en")} (got ${formatParameterValue(def, value, "en")})${percent ? " (write percentages as 3.5% or 0.035)" : ""}`
    );
  }
  return value;
}

/**
 * Validates a whole parameter set: every parameter present and inside its range, and the
 * rules that tie two parameters together. Returns the set or every problem found.
 */
export function validateParameters(
  values: Partial<Record<ParameterId, unknown>>,
  defs: readonly ParameterDef[] = PARAMETERS
): { ok: true; parameters: ScenarioParameters } | { ok: false; errors: ParameterError[] } {
  const errors: ParameterError[] = [];
  const out: Partial<Record<ParameterId, number | null>> = {};
  for (const def of defs) {
    if (!(def.id in values) && def.optional) {
      out[def.id] = def.default;
      continue;
    }
    if (!(def.id in values)) {
      errors.push({
        code: "#VALUE!",
        message: `Parameteren «${def.name}» mangler`,
        en: `The parameter ${nameEn(def)} is missing`,
        parameter: def.id,
      });
      continue;
    }
    const v = validateParameterValue(def, values[def.id]);
    if (v !== null && typeof v === "object") errors.push(v);
    else out[def.id] = v;
  }
  const relapse = out.relapseRate;
  const moveAway = out.moveAwayRate;
  if (typeof relapse === "number" && typeof moveAway === "number" && relapse + moveAway > 1) {
    errors.push({
      code: "#VALUE!",
      message: `«${parameterById("relapseRate").name}» + «${parameterById("moveAwayRate").name}» må højst være 100 % pr. år (fik ${formatParameterValue(parameterById("relapseRate"), relapse + moveAway)})`,
      en: `${nameEn(parameterById("relapseRate"))} + ${nameEn(parameterById("moveAwayRate"))} must be at most 100% a year (got ${formatParameterValue(parameterById("relapseRate"), relapse + moveAway, "en")})`,
      parameter: "moveAwayRate",
    });
  }
  return errors.length > 0
    ? { ok: false, errors }
    : { ok: true, parameters: out as ScenarioParameters };
}

/** The longest source a range may have (the template's limit for sources). */
export const RANGE_SOURCE_MAX = 1000;

/**
 * A scenario's own low–high range for a parameter, as typed on the Scenarier sheet or carried
 * by a template: both numbers inside the parameter's allowed range (whole numbers where the
 * parameter is), low at most high, the source text at most RANGE_SOURCE_MAX characters. A blank
 * source means the registry's, so a range other than the registry's needs its own source or
 * stated assumption. The value itself may lie outside its range. Every problem, in Danish with
 * the parameter's name; the base year has no range.
 */
export function validateParameterRange(
  def: ParameterDef,
  low: unknown,
  high: unknown,
  source: unknown = ""
): { low: number; high: number; source?: string } | ParameterError[] {
  const errors: ParameterError[] = [];
  const fail = (message: string, en: string) =>
    errors.push({
      code: "#VALUE!",
      message: `«${def.name}»: ${message}`,
      en: `${nameEn(def)}: ${en}`,
      parameter: def.id,
    });
  if (!def.range) {
    fail(
      "har intet spænd (lav og høj skal være tomme)",
      "has no range (low and high must be blank)"
    );
    return errors;
  }
  const bound = (value: unknown, da: string, en: string): number | undefined => {
    const blank =
      value === null || value === undefined || (typeof value === "string" && value.trim() === "");
    if (blank) {
      fail(
        `${da} mangler (registrets værdi er ${formatParameterValue(def, da === "lav" ? def.range!.low : def.range!.high)})`,
        `${en} is missing (the registry's value is ${formatParameterValue(def, en === "low" ? def.range!.low : def.range!.high, "en")})`
      );
      return undefined;
    }
    const checked = validateParameterValue(def, value);
    if (checked !== null && typeof checked === "object") {
      fail(
        `${da} ${checked.message.replace(/^«[^»]*»: /, "")}`,
        `${en} ${(checked.en ?? "").replace(/^«[^»]*» \([^)]*\): /, "")}`
      );
      return undefined;
    }
    return checked ?? undefined;
  };
  const lo = bound(low, "lav", "low");
  const hi = bound(high, "høj", "high");
  if (lo !== undefined && hi !== undefined && lo > hi)
    fail(
      `lav (${formatParameterValue(def, lo)}) må ikke være større end høj (${formatParameterValue(def, hi)})`,
      `low (${formatParameterValue(def, lo, "en")}) must not exceed high (${formatParameterValue(def, hi, "en")})`
    );
  let text: string | undefined;
  if (source !== null && source !== undefined && typeof source !== "string")
    fail("kilden til spændet skal være en tekst", "the range's source must be text");
  else if (typeof source === "string" && source.trim().length > RANGE_SOURCE_MAX)
    fail(
      `kilden til spændet må højst være ${RANGE_SOURCE_MAX} tegn (er ${source.trim().length})`,
      `the range's source must be at most ${RANGE_SOURCE_MAX} characters (is ${source.trim().length})`
    );
  else if (typeof source === "string" && source.trim() !== "") text = source.trim();
  else if (lo !== undefined && hi !== undefined && (lo !== def.range.low || hi !== def.range.high))
    fail(
      "kilden til spændet mangler: skriv kilden eller antagelsen bag lav og høj",
      "the range's source is missing: give the source or assumption behind low and high"
    );
  if (errors.length > 0 || lo === undefined || hi === undefined) return errors;
  return { low: lo, high: hi, ...(text !== undefined && { source: text }) };
}
