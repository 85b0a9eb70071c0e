/**
 * Making a template from the pane's state, checked exactly as an import would check it (plus the
 * workbook's citizen ids), so every export can be imported and none carries personal data.
 */
import { isoFromSerial, type Serial } from "../engine/calendar";
import { PARAMETERS, rangeOf, type ParameterId, type ParameterRanges } from "../engine/parameters";
import { RULE_SETS, ruleSetVersion, type RuleSetName } from "../engine/rules";
import type { TemplateProblem } from "./problems";
import { parseTemplate, type ReadOptions } from "./read";
import {
  COLUMN_FIELDS,
  TEMPLATE_FORMAT,
  TEMPLATE_VERSION,
  type ColumnField,
  type Template,
  type TemplateColumns,
  type TemplateParameter,
} from "./schema";

/** A scenario as the pane holds it, with optional documentation per parameter. */
export interface DraftScenario {
  name: string;
  note?: string;
  values: Partial<Record<ParameterId, number | null>>;
  /** The scenario's own low–high ranges; the registry's for every other parameter. */
  ranges?: ParameterRanges;
  /** The maker's own label, source and note for a parameter; the registry's label and source otherwise. */
  annotations?: Partial<Record<ParameterId, { label?: string; source?: string; note?: string }>>;
}

export interface TemplateDraft {
  municipality: string;
  author: string;
  created: Serial;
  ruleSet: RuleSetName;
  /** Header names of the mapped columns; a field not mapped is null or absent. */
  columns: Partial<Record<ColumnField, string | null>>;
  scenarios: DraftScenario[];
}

/**
 * A template from the pane's state: every parameter of every scenario, documented from the
 * registry, each with its range (the scenario's own, else the registry's), so the file says
 * which ranges it was made with even after the registry changes.
 */
export function buildTemplate(draft: TemplateDraft): Template {
  return {
    format: TEMPLATE_FORMAT,
    version: TEMPLATE_VERSION,
    municipality: draft.municipality.trim(),
    author: draft.author.trim(),
    created: isoFromSerial(draft.created),
    ruleSet: { name: draft.ruleSet, version: ruleSetVersion(RULE_SETS[draft.ruleSet]) },
    columns: Object.fromEntries(
      COLUMN_FIELDS.map((f) => [f, draft.columns[f]?.trim() || null])
    ) as TemplateColumns,
    scenarios: draft.scenarios.map((s) => ({
      name: s.name.trim(),
      ...(s.note?.trim() ? { note: s.note.trim() } : {}),
      parameters: PARAMETERS.map((def) => {
        const own = s.annotations?.[def.id];
        const value = def.id in s.values ? s.values[def.id]! : def.default;
        const range = rangeOf(def, s.ranges);
        return {
          id: def.id,
          name: def.name,
          label: own?.label?.trim() || def.label.da,
          unit: def.unit,
          value,
          source: own?.source?.trim() || def.source,
          ...(own?.note?.trim() ? { note: own.note.trim() } : {}),
          ...(range && { range: { low: range.low, high: range.high, source: range.source } }),
        } as TemplateParameter;
      }),
    })),
  };
}

export type ExportResult =
  | { ok: true; text: string; template: Template }
  | { ok: false; problems: TemplateProblem[]; total: number };

/**
 * The file's text for a draft, checked exactly as an import would check it (plus the workbook's
 * citizen ids), so every export can be imported and none carries personal data.
 */
export function exportTemplate(draft: TemplateDraft, options: ReadOptions = {}): ExportResult {
  const template = buildTemplate(draft);
  const text = `${JSON.stringify(template, null, 2)}\n`;
  const checked = parseTemplate(text, options);
  return checked.ok ? { ok: true, text, template } : checked;
}

/** A suggested file name: "skabelon-syntetisk-kommune-2026-05-01.json". */
export function templateFileName(template: Template): string {
  const slug = template.municipality
    .toLocaleLowerCase("da")
    .replace(/æ/g, "ae")
    .replace(/ø/g, "oe")
    .replace(/å/g, "aa")
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `skabelon-${slug || "kommune"}-${template.created}.json`;
}
