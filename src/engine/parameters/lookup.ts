/**
 * Finding a parameter and what it holds by default: by id, by the name a user types, the default
 * set, the words a cell holds for "estimated from the data", and the low–high ranges in use.
 */
import {
  PARAMETERS,
  type ParameterDef,
  type ParameterId,
  type ScenarioParameters,
} from "./registry";

/**
 * What a parameter estimated from the register holds when the register decides it: the words the
 * Scenarier sheet writes, in Danish and English. A text, because Excel desktop passes an empty
 * cell as 0, which for who comes back is a value (nobody does).
 */
export const FROM_DATA_TEXT = { da: "fra data", en: "from data" } as const;

/** A parameter's value as a cell shows it when it is the default: «fra data», blank, or the number. */
export const defaultCell = (def: ParameterDef): number | string =>
  def.estimated ? FROM_DATA_TEXT.da : (def.default ?? "");

/**
 * A scenario's own low and high values for some parameters (edited on the Scenarier sheet or
 * carried by a template); a parameter without one uses its registry range.
 */
export type ParameterRanges = Partial<
  Record<ParameterId, { low: number; high: number; source?: string }>
>;

/** The low–high range used for a parameter: the scenario's own, else the registry's, else none. */
export function rangeOf(
  def: ParameterDef,
  ranges: ParameterRanges = {}
): { low: number; high: number; source: string } | undefined {
  const own = ranges[def.id];
  if (own) return { low: own.low, high: own.high, source: own.source ?? def.range?.source ?? "" };
  return def.range;
}

const BY_ID = new Map(PARAMETERS.map((p) => [p.id, p]));

export function parameterById(id: ParameterId): ParameterDef {
  return BY_ID.get(id)!;
}

/** Lower case, single spaces, no trailing colon: how names are compared. */
function normaliseName(name: string): string {
  return name.trim().replace(/:$/, "").replace(/\s+/g, " ").toLocaleLowerCase("da");
}

const BY_NAME = new Map<string, ParameterDef>();
for (const p of PARAMETERS)
  for (const n of [p.name, p.alias, p.id]) BY_NAME.set(normaliseName(n), p);

/** The parameter a user's name means: the Danish name, the English alias or the id, any case. */
export function findParameter(name: string): ParameterDef | undefined {
  return BY_NAME.get(normaliseName(name));
}

export const DEFAULT_PARAMETERS: Readonly<ScenarioParameters> = Object.fromEntries(
  PARAMETERS.map((p) => [p.id, p.default])
) as unknown as ScenarioParameters;

/**
 * The ranges that differ from the registry's (low, high or source): what a scenario's
 * ParameterRanges hold, so a registry update reaches every range the user never changed.
 */
export function ownRanges(
  ranges: Partial<Record<ParameterId, { low: number; high: number; source?: string }>>
): ParameterRanges {
  const own: ParameterRanges = {};
  for (const def of PARAMETERS) {
    const r = ranges[def.id];
    if (!r || !def.range) continue;
    const source = r.source ?? def.range.source;
    if (r.low !== def.range.low || r.high !== def.range.high || source !== def.range.source)
      own[def.id] = { low: r.low, high: r.high, ...(source !== def.range.source && { source }) };
  }
  return own;
}
