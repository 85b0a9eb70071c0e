/**
 * What an import changes: scenarios with the template's names are replaced (or added), the
 * workbook's other scenarios kept, and the column mapping takes the template's header names.
 */
import {
  PARAMETERS,
  formatParameterValue,
  rangeOf,
  type ParameterDef,
  type ParameterId,
  type ParameterRanges,
  type ScenarioParameters,
} from "../engine/parameters";
import { nameKey } from "./names";
import {
  COLUMN_FIELDS,
  COLUMN_LABELS,
  type ColumnField,
  type Template,
  type TemplateScenario,
} from "./schema";
import { scenarioParameters, templateRanges } from "./scenarioValues";

/** A scenario as it stands in the workbook (the Scenarier sheet's scenario manager). */
export interface ExistingScenario {
  name: string;
  note?: string;
  values: ScenarioParameters;
  /** The scenario's own ranges (the Scenarier sheet's, where they differ from the registry's). */
  ranges?: ParameterRanges;
  /** The scenario whose values are in the sheet's parameter cells (its ranges are the sheet's). */
  active?: boolean;
}

export interface ValueChange {
  id: ParameterId;
  name: string;
  from: string;
  to: string;
}

export type ScenarioPlan =
  | { name: string; action: "add"; values: ScenarioParameters }
  | { name: string; action: "replace"; values: ScenarioParameters; changes: ValueChange[] }
  | { name: string; action: "unchanged"; values: ScenarioParameters }
  | { name: string; action: "keep" };

export interface ColumnPlan {
  field: ColumnField;
  label: string;
  from: string | null;
  to: string | null;
}

export interface ImportPlan {
  /** The template's scenarios in its order, then the workbook's other scenarios (kept as they are). */
  scenarios: ScenarioPlan[];
  /** Header names per field that the template changes. */
  columns: ColumnPlan[];
}

const shown = (def: ParameterDef, v: number | null | undefined) =>
  v === null || v === undefined ? "tom" : formatParameterValue(def, v);

/** A range as the plan shows it: "40.000 kr./år – 130.000 kr./år (source)". */
const shownRange = (def: ParameterDef, r: { low: number; high: number; source: string }) =>
  `${formatParameterValue(def, r.low)} – ${formatParameterValue(def, r.high)} (${r.source})`;

/**
 * The ranges a template scenario brings to the sheet, against the sheet's: listed as changes
 * "«name» (spænd)". None when the template carries no ranges (format version 1: the sheet's stay).
 */
function rangeChanges(s: TemplateScenario, old: ExistingScenario): ValueChange[] {
  const incoming = templateRanges(s);
  if (Object.keys(incoming).length === 0) return [];
  return PARAMETERS.flatMap((def) => {
    const from = rangeOf(def, old.ranges);
    const to = rangeOf(def, incoming);
    if (!from || !to || shownRange(def, from) === shownRange(def, to)) return [];
    return [
      {
        id: def.id,
        name: `${def.name} (spænd)`,
        from: shownRange(def, from),
        to: shownRange(def, to),
      },
    ];
  });
}

/**
 * What applying a template would do: scenarios with the template's names are replaced (or added),
 * the workbook's other scenarios are kept; the column mapping takes the template's header names.
 * The scenario named like the active one also brings its ranges to the sheet: their changes are
 * listed with its values'.
 */
export function planImport(
  template: Template,
  current: {
    scenarios: readonly ExistingScenario[];
    columns: Partial<Record<ColumnField, string | null>>;
  }
): ImportPlan {
  const key = nameKey;
  const byName = new Map(current.scenarios.map((s) => [key(s.name), s]));
  const incoming = new Set(template.scenarios.map((s) => key(s.name)));
  const scenarios: ScenarioPlan[] = template.scenarios.map((s) => {
    const values = scenarioParameters(s);
    const old = byName.get(key(s.name));
    if (!old) return { name: s.name, action: "add", values };
    const changes = [
      ...PARAMETERS.filter((def) => old.values[def.id] !== values[def.id]).map((def) => ({
        id: def.id,
        name: def.name,
        from: shown(def, old.values[def.id]),
        to: shown(def, values[def.id]),
      })),
      ...(old.active ? rangeChanges(s, old) : []),
    ];
    return changes.length > 0
      ? { name: s.name, action: "replace", values, changes }
      : { name: s.name, action: "unchanged", values };
  });
  for (const s of current.scenarios)
    if (!incoming.has(key(s.name))) scenarios.push({ name: s.name, action: "keep" });
  const columns = COLUMN_FIELDS.filter(
    (f) => (current.columns[f] ?? null) !== template.columns[f]
  ).map((f) => ({
    field: f,
    label: COLUMN_LABELS[f],
    from: current.columns[f] ?? null,
    to: template.columns[f],
  }));
  return { scenarios, columns };
}
