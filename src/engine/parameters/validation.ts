/**
 * Checking values against the registry: one value, a whole set (with the rules that tie two
 * parameters together) and a scenario's own low–high range. Each problem names the parameter
 * (src/messages writes it in Danish and English), so a template import and a cell formula refuse
 * the same values with the same words.
 */
import { problemError, showCell, type Problem, type RangeBound } from "../../messages";
import type { RowError } from "../shelter";
import {
  PARAMETERS,
  type ParameterDef,
  type ParameterId,
  type ScenarioParameters,
} from "./registry";

/** Words a cell may hold for a parameter estimated from the register (lookup.ts's FROM_DATA_TEXT and more). */
const FROM_DATA = new Set(["fra data", "data", "skøn", "estimeret", "from data", "estimated"]);

/** The words a yes/no parameter's cell may hold (Danish and English), read in any case. */
const YES_NO_WORDS = new Map([
  ["ja", 1],
  ["nej", 0],
  ["yes", 1],
  ["no", 0],
]);

/** A parameter problem from the registry's checks: the row error and the parameter it is about. */
export interface CheckedParameterError extends RowError {
  parameter?: ParameterId;
}

/**
 * A parameter problem as the layers above pass it on: the checks' errors, or an error the
 * Scenarier sheet (src/sheets) writes itself, with a Danish message and maybe an English one.
 */
export type ParameterError =
  | CheckedParameterError
  | { code: RowError["code"]; message: string; en?: string; parameter?: ParameterId };

const inside = (value: number, def: ParameterDef): boolean =>
  (def.min.exclusive ? value > def.min.value : value >= def.min.value) &&
  (def.max.exclusive ? value < def.max.value : value <= def.max.value);

/** A problem about one parameter, with the parameter beside it for the pane and the sheets. */
const about = (problem: Problem & { parameter: ParameterId }): CheckedParameterError => ({
  ...problemError(problem),
  parameter: problem.parameter,
});

/**
 * One value against its parameter's type and range, as the problem it has (for `bound`, one end
 * of a scenario's own range); the number, or null for a blank the parameter allows.
 */
function checkValue(
  def: ParameterDef,
  value: unknown,
  bound?: RangeBound
): number | null | (Problem & { parameter: ParameterId }) {
  const parameter = def.id;
  const at = bound ? { parameter, bound } : { parameter };
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) {
    return def.default === null ? null : { id: "parameterValueMissing", ...at };
  }
  // Excel desktop passes an empty cell as 0 (office-js #4702, #5262, #1951): no base year is 0.
  if (def.id === "baseYear" && value === 0) return null;
  if (def.estimated && typeof value === "string" && FROM_DATA.has(value.trim().toLowerCase()))
    return null;
  // A yes/no cell shows ja/nej (its number format); a user types what it shows, in any case.
  if (def.unit === "ja/nej" && typeof value === "boolean") return value ? 1 : 0;
  if (def.unit === "ja/nej" && typeof value === "string")
    return (
      YES_NO_WORDS.get(value.trim().toLocaleLowerCase("da")) ?? {
        id: "parameterNotYesNo",
        ...at,
        shown: showCell(value),
      }
    );
  if (typeof value !== "number") return { id: "parameterNotNumber", ...at, shown: showCell(value) };
  if (!Number.isFinite(value)) return { id: "parameterNotFinite", ...at, value };
  if (def.integer && !Number.isInteger(value)) return { id: "parameterNotInteger", ...at, value };
  if (!inside(value, def)) return { id: "parameterOutOfRange", ...at, value };
  return value;
}

/** One value against its parameter's type and range; null for a blank the parameter allows. */
export function validateParameterValue(
  def: ParameterDef,
  value: unknown
): number | null | CheckedParameterError {
  const checked = checkValue(def, value);
  return checked !== null && typeof checked === "object" ? about(checked) : checked;
}

/**
 * Validates a whole parameter set: every parameter present and inside its range, and the
 * rules that tie two parameters together. Returns the set or every problem found.
 */
export function validateParameters(
  values: Partial<Record<ParameterId, unknown>>,
  defs: readonly ParameterDef[] = PARAMETERS
): { ok: true; parameters: ScenarioParameters } | { ok: false; errors: CheckedParameterError[] } {
  const errors: CheckedParameterError[] = [];
  const out: Partial<Record<ParameterId, number | null>> = {};
  for (const def of defs) {
    if (!(def.id in values) && def.optional) {
      out[def.id] = def.default;
      continue;
    }
    if (!(def.id in values)) {
      errors.push(about({ id: "parameterMissing", parameter: def.id }));
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
      ...problemError({ id: "relapsePlusMoveAwayParameters", sum: relapse + moveAway }),
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
): { low: number; high: number; source?: string } | CheckedParameterError[] {
  const errors: CheckedParameterError[] = [];
  const parameter = def.id;
  if (!def.range) return [about({ id: "parameterHasNoRange", parameter })];
  const registry = def.range;
  const bound = (value: unknown, end: RangeBound): number | undefined => {
    const blank =
      value === null || value === undefined || (typeof value === "string" && value.trim() === "");
    if (blank) {
      errors.push(
        about({ id: "rangeBoundMissing", parameter, bound: end, registry: registry[end] })
      );
      return undefined;
    }
    const checked = checkValue(def, value, end);
    if (checked !== null && typeof checked === "object") {
      errors.push(about(checked));
      return undefined;
    }
    return checked ?? undefined;
  };
  const lo = bound(low, "low");
  const hi = bound(high, "high");
  if (lo !== undefined && hi !== undefined && lo > hi)
    errors.push(about({ id: "rangeLowAboveHigh", parameter, low: lo, high: hi }));
  let text: string | undefined;
  if (source !== null && source !== undefined && typeof source !== "string")
    errors.push(about({ id: "rangeSourceNotText", parameter }));
  else if (typeof source === "string" && source.trim().length > RANGE_SOURCE_MAX)
    errors.push(
      about({
        id: "rangeSourceTooLong",
        parameter,
        length: source.trim().length,
        max: RANGE_SOURCE_MAX,
      })
    );
  else if (typeof source === "string" && source.trim() !== "") text = source.trim();
  else if (lo !== undefined && hi !== undefined && (lo !== registry.low || hi !== registry.high))
    errors.push(about({ id: "rangeSourceMissing", parameter }));
  if (errors.length > 0 || lo === undefined || hi === undefined) return errors;
  return { low: lo, high: hi, ...(text !== undefined && { source: text }) };
}
