/**
 * The shared template (skabelon): what one municipality hands another so it can start from the
 * same setup. Content, and nothing else: the format version, the rule set and the version of its
 * rule data, the column mapping (header names only), the scenario parameter sets with labels,
 * units, sources and notes, the municipality that made it, the author and the date. No stays,
 * no citizens.
 *
 * One zod schema is the contract (schema.ts): it validates imports and generates the published
 * JSON Schema (schema/template.schema.json, kept in sync by test/template.schema.test.ts).
 * Around it:
 * - limits before anything is interpreted: 2 MB, nesting depth, 50 scenarios, 100 parameter
 *   entries a scenario;
 * - a personal-data scan of every key, text and number (src/privacy/personalData.ts, the guard
 *   the sheets use too): CPR numbers in any written form, dates of birth, and on export the
 *   workbook's own citizen ids. Such a template is refused, never cleaned, and no message repeats
 *   the value: every value a message quotes goes through one place (finishText) that hides what
 *   the scan flags and shows invisible characters by their code, and a CPR number a message
 *   prints unquoted (a value the registry's message repeats) is hidden there too;
 * - names (municipality, author, scenario) without control, direction or invisible characters,
 *   compared after Unicode normalisation (names.ts);
 * - parameter values checked against the scenario registry (src/engine/parameters) with its
 *   messages, so a template and a cell formula refuse the same values with the same words;
 * - each parameter's low–high range with its source (format version 2), checked like a value and
 *   low at most high; a scenario's ranges land on the Scenarier sheet when it is the active one;
 * - migration from format versions 0 (the prototype's, migrate.ts) and 1 (version 2 without
 *   ranges: the registry's apply); other versions are refused with a clear message.
 * Every problem is found with where it is, in Danish; the first 100 are described and the rest
 * counted (Problems), so a file with 100 000 problems neither builds 100 000 messages nor makes
 * the pane list them.
 *
 * Text from a template is data: the Workbook implementations write strings as text, never as
 * formulas (src/office/excelWorkbook.ts, asCellInput).
 *
 * The parts, one concept a module: schema.ts (the format), limits.ts, problems.ts and
 * messages.ts (where a problem is and what it says), personalDataScan.ts, read.ts (reading and
 * checking a file), migrate.ts (format versions 0 and 1), export.ts (making one from the pane's
 * state), scenarioValues.ts and importPlan.ts (what an import changes). Import from here.
 */
export {
  COLUMN_FIELDS,
  TEMPLATE_FORMAT,
  TEMPLATE_VERSION,
  TemplateSchema,
  templateJsonSchema,
  type ColumnField,
  type Template,
  type TemplateColumns,
  type TemplateParameter,
  type TemplateScenario,
} from "./schema";
export { TEMPLATE_LIMITS, byteLength, jsonDepth } from "./limits";
export type { TemplatePath, TemplateProblem } from "./problems";
export { findPersonalData } from "./personalDataScan";
export {
  parseTemplate,
  readTemplate,
  refuse,
  sizeProblem,
  type ImportResult,
  type ReadOptions,
} from "./read";
export {
  buildTemplate,
  exportTemplate,
  templateFileName,
  type DraftScenario,
  type ExportResult,
  type TemplateDraft,
} from "./export";
export { scenarioParameters, templateRanges } from "./scenarioValues";
export {
  planImport,
  type ColumnPlan,
  type ExistingScenario,
  type ImportPlan,
  type ScenarioPlan,
  type ValueChange,
} from "./importPlan";
