/**
 * What the Scenarier sheet's model holds, read without the workbook: its values and ranges checked
 * with the registry, the active scenario as the engine runs it, the valid saved ones, and the
 * scenarios a comparison runs. The store (scenarioStore.ts) reads and writes the sheet around it.
 */
import {
  PARAMETERS,
  ownRanges,
  validateParameterRange,
  validateParameters,
  type ParameterError,
  type ParameterId,
  type ParameterRanges,
  type ScenarioParameters,
} from "../../engine/parameters";
import { sameName } from "../../templates/names";
import type { ExistingScenario } from "../../templates/template";
import type { CellValue } from "../../workbook/workbook";
import type { NamedParameters } from "./compare";
import {
  UNSAVED_NAME,
  chartHorizon,
  type NamedScenario,
  type ParameterCells,
  type ParameterRangeCells,
  type ScenarioModel,
} from "./scenarioSheet";

/** Validates a scenario's cells with the registry: its parameters or every problem. */
export function checkValues(
  values: ParameterCells
): { ok: true; parameters: ScenarioParameters } | { ok: false; errors: ParameterError[] } {
  return validateParameters(values);
}

/**
 * Validates the sheet's low–high cells with the registry (validateParameterRange): the ranges
 * that differ from the registry's (ownRanges: an unchanged range follows registry updates), or
 * every problem. A blank or bad cell is an error, never the registry's value in its place.
 */
export function checkRanges(
  cells: ParameterRangeCells
): { ok: true; ranges: ParameterRanges } | { ok: false; errors: ParameterError[] } {
  const errors: ParameterError[] = [];
  const read: Partial<Record<ParameterId, { low: number; high: number; source?: string }>> = {};
  for (const p of PARAMETERS) {
    const c = cells[p.id];
    if (!c) continue;
    const checked = validateParameterRange(p, c.low, c.high, c.source);
    if (Array.isArray(checked)) errors.push(...checked);
    else read[p.id] = checked;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, ranges: ownRanges(read) };
}

/**
 * The active scenario of a sheet's model as the engine runs it: its name, its parameters and the
 * sheet's own low–high values (only when it has any), or every problem of the values and ranges.
 */
export function activeScenario(
  model: ScenarioModel
): { ok: true; scenario: NamedParameters } | { ok: false; errors: ParameterError[] } {
  const values = checkValues(model.active.values);
  const ranges = checkRanges(model.ranges);
  if (!values.ok || !ranges.ok)
    return {
      ok: false,
      errors: [...(values.ok ? [] : values.errors), ...(ranges.ok ? [] : ranges.errors)],
    };
  const own = Object.keys(ranges.ranges).length > 0 ? { ranges: ranges.ranges } : {};
  return {
    ok: true,
    scenario: { name: activeLabel(model), parameters: values.parameters, ...own },
  };
}

/**
 * The scenarios a comparison runs: the active one first (its NPV gets the tornado), then every
 * other saved scenario whose values are valid, each with the sheet's own low–high values; or the
 * active scenario's problems.
 */
export function comparedScenarios(
  model: ScenarioModel
): { ok: true; scenarios: NamedParameters[] } | { ok: false; errors: ParameterError[] } {
  const active = activeScenario(model);
  if (!active.ok) return active;
  const { name, ranges } = active.scenario;
  const others = validScenarios(model)
    .filter((x) => !sameName(x.name, name))
    .map((x) => ({ name: x.name, parameters: x.values, ...(ranges && { ranges }) }));
  return { ok: true, scenarios: [active.scenario, ...others] };
}

/** The saved scenario of that name (names compare as Excel compares text), if any. */
export const savedScenario = (model: ScenarioModel, name: string): NamedScenario | undefined =>
  name.trim() === "" ? undefined : model.saved.find((s) => sameName(s.name, name));

const sameCell = (a: CellValue, b: CellValue) =>
  a === b || (typeof a === "string" && typeof b === "string" && a.trim() === b.trim());

/**
 * Whether the parameter cells hold values no saved scenario has under the active name: edited
 * since the last save or switch, never saved, or the scenario was deleted.
 */
export function isUnsaved(model: ScenarioModel): boolean {
  const saved = savedScenario(model, model.active.name);
  return !saved || PARAMETERS.some((p) => !sameCell(saved.values[p.id], model.active.values[p.id]));
}

/** The active scenario's name for lists and the comparison: "Ikke gemt" when it has none. */
export const activeLabel = (model: ScenarioModel): string =>
  model.active.name.trim() === "" ? UNSAVED_NAME : model.active.name;

/**
 * The saved scenarios whose values are valid, with their parameters and the sheet's own ranges
 * (when those are valid: the pane lists their problems, and an export refuses them).
 */
export function validScenarios(model: ScenarioModel): ExistingScenario[] {
  const ranges = checkRanges(model.ranges);
  return model.saved.flatMap((s) => {
    const checked = checkValues(s.values);
    return checked.ok
      ? [
          {
            name: s.name,
            values: checked.parameters,
            ...(ranges.ok && Object.keys(ranges.ranges).length > 0 && { ranges: ranges.ranges }),
          },
        ]
      : [];
  });
}

/** The horizon the sheet's charts were drawn for: a new horizon needs the sheet rewritten. */
export const boundHorizon = (model: ScenarioModel): number => chartHorizon(model.active.values);
