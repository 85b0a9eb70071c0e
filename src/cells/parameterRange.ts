/**
 * The parameter range of DK.HOUSINGFIRSTPROJECTION and the Scenarier sheet's formula: two columns
 * of name and value as Excel passes them, read into the registry's validated parameters.
 */
import { problemError } from "../messages";
import {
  findParameter,
  validateParameters,
  type CheckedParameterError,
  type ParameterId,
  type ScenarioParameters,
} from "../engine/parameters";

/**
 * Reads a two-column range of name and value (the Scenarier sheet's parameter table, or any
 * range a user points DK.HOUSINGFIRSTPROJECTION at). Blank rows and a header row whose value cell is text
 * ("Parameter" | "Værdi") are skipped. Every parameter must be named exactly once.
 */
export function parseParameterRange(
  rows: readonly (readonly unknown[])[]
): { ok: true; parameters: ScenarioParameters } | { ok: false; errors: CheckedParameterError[] } {
  const width = rows[0]?.length ?? 0;
  if (rows.length === 0 || !rows.every((r) => r.length === 2)) {
    return { ok: false, errors: [problemError({ id: "parameterRangeNotTwoColumns", width })] };
  }
  const errors: CheckedParameterError[] = [];
  const values: Partial<Record<ParameterId, unknown>> = {};
  const blank = (v: unknown) =>
    v === null || v === undefined || (typeof v === "string" && v.trim() === "");
  rows.forEach(([name, value], i) => {
    if (blank(name)) {
      if (!blank(value))
        errors.push(problemError({ id: "parameterRangeRowWithoutName", row: i + 1 }));
      return;
    }
    const def = typeof name === "string" ? findParameter(name) : undefined;
    if (!def) {
      // A header row ("Parameter" over "Værdi") is not a parameter.
      if (i === 0 && typeof value === "string") return;
      errors.push(problemError({ id: "unknownParameter", name: String(name), row: i + 1 }));
      return;
    }
    if (def.id in values) {
      errors.push({
        ...problemError({ id: "parameterTwice", parameter: def.id }),
        parameter: def.id,
      });
      return;
    }
    values[def.id] = value;
  });
  const checked = validateParameters(values);
  if (!checked.ok)
    errors.push(
      ...checked.errors.filter(
        (e) => !errors.some((x) => x.parameter === e.parameter && e.parameter !== undefined)
      )
    );
  return errors.length > 0 ? { ok: false, errors } : checked;
}
