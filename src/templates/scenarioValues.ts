/** A template scenario's values and ranges as the engine and the Scenarier sheet take them. */
import {
  DEFAULT_PARAMETERS,
  type ParameterRanges,
  type ParameterValues,
  type ScenarioParameters,
} from "../engine/parameters";
import type { TemplateParameter, TemplateScenario } from "./schema";

/** A scenario's full parameter set: its values, the registry's defaults for any it leaves out. */
export function scenarioParameters(scenario: TemplateScenario): ScenarioParameters {
  const values: ParameterValues = { ...DEFAULT_PARAMETERS };
  for (const p of scenario.parameters) values[p.id] = p.value;
  return values as ScenarioParameters;
}

/** A scenario's ranges as its parameters carry them (format version 2); none for a version 1 file. */
export function templateRanges(scenario: TemplateScenario): ParameterRanges {
  const ranges: ParameterRanges = {};
  for (const p of scenario.parameters as TemplateParameter[])
    if (p.range) ranges[p.id] = { low: p.range.low, high: p.range.high, source: p.range.source };
  return ranges;
}
