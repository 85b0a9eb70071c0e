/**
 * The scenario parameters: the registry's data (registry.ts, its shape in definition.ts), finding
 * a parameter and its defaults (lookup.ts), checking values (validation.ts) and writing them as
 * users read them (format.ts). Import from here.
 */
export type { Bound, ParameterUnit, ReturnQuantity } from "./definition";
export {
  PARAMETERS,
  returnParameterId,
  type CostParameterId,
  type ParameterDef,
  type ParameterId,
  type ParameterValues,
  type ReturnParameterId,
  type ScenarioParameters,
} from "./registry";
export {
  DEFAULT_PARAMETERS,
  FROM_DATA_TEXT,
  defaultCell,
  findParameter,
  ownRanges,
  parameterById,
  rangeOf,
  type ParameterRanges,
} from "./lookup";
export { formatParameterValue } from "./format";
export {
  RANGE_SOURCE_MAX,
  validateParameterRange,
  validateParameterValue,
  validateParameters,
  type CheckedParameterError,
  type ParameterError,
} from "./validation";
