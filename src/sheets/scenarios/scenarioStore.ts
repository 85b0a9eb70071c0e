/**
 * The scenario manager's workbook side: read the Scenarier sheet, write it (with its charts),
 * save the active parameters as a named scenario, switch the active one, and the port the
 * template panel (issue 6) uses to list and save scenarios. Every write replaces the add-in's
 * own sheet only; a user's sheet named Scenarier is never touched (the workbook picks another
 * name and the store finds its own sheet by the own flag). A sheet a user has changed so that it
 * is no longer the layout is read as far as it can be (sheetReading.ts) and never written over:
 * it is repaired first (scenarioRepair.ts), and a rewrite that would leave out a saved scenario
 * is refused unless the user chose it (a deletion), and then keeps a copy (scenarioBackup.ts).
 * What a model read holds (its active and saved scenarios, checked) is modelScenarios.ts's.
 */
import {
  PARAMETERS,
  defaultCell,
  type ParameterError,
  type ParameterId,
  type ScenarioParameters,
} from "../../engine/parameters";
import { personalDataIn, personalNameProblem, type PersonalKind } from "../../privacy/personalData";
import { nameProblem, sameName } from "../../templates/names";
import {
  templateRanges,
  type ExistingScenario,
  type TemplateScenario,
} from "../../templates/template";
import type { Workbook } from "../../workbook/workbook";
import { sheetLanguage } from "../sheetLanguage";
import { comparisonSheet, type Comparison } from "./compare";
import { writeBackup } from "./scenarioBackup";
import { readScenarioSheetLoosely, type SheetReading } from "./sheetReading";
import type { CellBlock } from "../../workbook/workbook";
import {
  SCENARIO_SHEET,
  STAYS_PROPERTY,
  defaultModel,
  parameterCell,
  scenarioSheet,
  type NamedScenario,
  type ParameterCells,
  type ScenarioModel,
  type StaysRef,
  rangeCells,
} from "./scenarioSheet";
import {
  activeLabel,
  checkRanges,
  checkValues,
  savedScenario,
  validScenarios,
} from "./modelScenarios";

/** The model's scenarios, checked (modelScenarios.ts), with the store that reads the sheet. */
export {
  activeLabel,
  activeScenario,
  boundHorizon,
  checkRanges,
  checkValues,
  comparedScenarios,
  isUnsaved,
  savedScenario,
  validScenarios,
} from "./modelScenarios";

/** The add-in's own Scenarier sheet ("Scenarier", or "Scenarier (2)" when a user has the name). */
export async function findScenarioSheet(workbook: Workbook): Promise<string | undefined> {
  const sheets = await workbook.listSheets();
  const pattern = new RegExp(`^${SCENARIO_SHEET}( \\(\\d+\\))?$`, "i");
  return sheets.find((s) => s.own && pattern.test(s.name))?.name;
}

export interface StoredModel {
  sheet: string;
  model: ScenarioModel;
}

/** The add-in's Scenarier sheet read as far as it can be, with its cells and stays record. */
export interface InspectedSheet {
  sheet: string;
  reading: SheetReading;
  block: CellBlock;
  stays: string | undefined;
}

/**
 * The Scenarier sheet as it is: read loosely (sheetReading.ts), so the pane can offer to repair
 * a sheet a user has changed; undefined when the workbook has no Scenarier sheet of the add-in's.
 * `stays` stands in for a missing stays record, as in readModel.
 */
export async function inspectModel(
  workbook: Workbook,
  stays: StaysRef | null = null
): Promise<InspectedSheet | undefined> {
  const sheet = await findScenarioSheet(workbook);
  if (!sheet) return undefined;
  const block = await workbook.readUsedRange(sheet);
  const stored = await workbook.readSheetProperty(sheet, STAYS_PROPERTY);
  const reading = readScenarioSheetLoosely(block, stored);
  const model = { ...reading.model, stays: reading.model.stays ?? stays };
  return { sheet, reading: { ...reading, model }, block, stays: stored };
}

/**
 * The sheet's model, when the sheet is the add-in's layout (or an earlier one); undefined when
 * there is none or a user has changed it (then it is repaired first). `stays` (where the pane
 * found the stays) stands in when the sheet has no stays record of the add-in's (a sheet made
 * before the record existed): the formula is then rebuilt from what the pane knows, never from
 * the sheet's text.
 */
export async function readModel(
  workbook: Workbook,
  stays: StaysRef | null = null
): Promise<StoredModel | undefined> {
  const inspected = await inspectModel(workbook, stays);
  return inspected && inspected.reading.problems.length === 0
    ? { sheet: inspected.sheet, model: inspected.reading.model }
    : undefined;
}

/**
 * The sheet's model, or undefined when the workbook has no Scenarier sheet; a sheet a user has
 * changed out of the layout is refused (ScenarioSheetError), never read as if it were not there.
 */
export async function readModelOrRefuse(workbook: Workbook): Promise<StoredModel | undefined> {
  const stored = await readModel(workbook);
  if (!stored && (await findScenarioSheet(workbook))) throw await noModel(workbook);
  return stored;
}

/** A refusal of the Scenarier sheet's store, in Danish (message) and English. */
export class ScenarioSheetError extends Error {
  constructor(
    message: string,
    readonly en: string
  ) {
    super(message);
    this.name = "ScenarioSheetError";
  }
}

/** Why there is no model to change: no sheet yet, or one that must be repaired first. */
async function noModel(workbook: Workbook): Promise<ScenarioSheetError> {
  return (await findScenarioSheet(workbook))
    ? new ScenarioSheetError(
        "Arket Scenarier er ændret, så det ikke kan læses sikkert: reparér det i panelet først",
        "The Scenarier sheet has been changed so that it cannot be read safely: repair it in the pane first"
      )
    : new ScenarioSheetError(
        "Arket Scenarier findes ikke endnu",
        "The Scenarier sheet does not exist yet"
      );
}

/** A store refusal as a problem list. */
const refusal = (e: ScenarioSheetError): ParameterError[] => [
  { code: "#VALUE!", message: e.message, en: e.en },
];

/** Who wants to know when the sheet was rewritten (the manager, after a template import). */
const writeListeners = new WeakMap<Workbook, Set<() => void>>();

export function onModelWritten(workbook: Workbook, listener: () => void): () => void {
  let set = writeListeners.get(workbook);
  if (!set) writeListeners.set(workbook, (set = new Set()));
  set.add(listener);
  return () => set.delete(listener);
}

/** What a rewrite of the Scenarier sheet may leave out. */
export interface WriteGuard {
  /** Saved scenarios the user chose to delete: left out, with a copy of the sheet kept first. */
  dropping?: readonly string[];
  /** The caller has kept a copy of the sheet as it is and asked the user where it had to. */
  backedUp?: boolean;
}

/**
 * Writes the sheet and its charts; returns the name it has. The sheet as it is now is read first:
 * one a user has changed out of the layout is not written over (it is repaired, which keeps a
 * copy), and a saved scenario on it that `model` lacks is never left out unless it is one the
 * user chose to delete; then a copy of the sheet is kept first.
 */
export async function writeModel(
  workbook: Workbook,
  model: ScenarioModel,
  guard: WriteGuard = {}
): Promise<string> {
  const now = await inspectModel(workbook);
  if (now && !guard.backedUp) {
    if (now.reading.problems.length > 0) throw await noModel(workbook);
    const lost = now.reading.model.saved
      .map((s) => s.name)
      .filter((name) => !model.saved.some((s) => sameName(s.name, name)));
    const unchosen = lost.filter((name) => !(guard.dropping ?? []).some((d) => sameName(d, name)));
    if (unchosen.length > 0) {
      const names = unchosen.map((n) => `«${n}»`).join(", ");
      throw new ScenarioSheetError(
        `Arket Scenarier er ikke skrevet: det ville have mistet de gemte scenarier ${names}`,
        `The Scenarier sheet was not written: it would have lost the saved scenarios ${names}`
      );
    }
    if (lost.length > 0)
      await writeBackup(workbook, { block: now.block, stays: now.stays }, "delete", lost);
  }
  const { spec, charts } = scenarioSheet(model, sheetLanguage(workbook));
  const written = await workbook.writeOwnSheet(spec);
  for (const chart of charts(written.name)) await workbook.addChart(chart);
  for (const listener of writeListeners.get(workbook) ?? []) listener();
  return written.name;
}

/** The active scenario of the Scenarier sheet, when there is one and its values are valid. */
export async function activeParameters(
  workbook: Workbook
): Promise<{ sheet: string; name: string; parameters: ScenarioParameters } | undefined> {
  const stored = await readModel(workbook);
  if (!stored) return undefined;
  const checked = checkValues(stored.model.active.values);
  return checked.ok
    ? { sheet: stored.sheet, name: activeLabel(stored.model), parameters: checked.parameters }
    : undefined;
}

/**
 * Writes parameter values into the active value cells (column B) of the add-in's own Scenarier
 * sheet and nowhere else, so Excel recalculates the sheet's DK.HOUSINGFIRSTPROJECTION. The whole
 * parameter set is validated first: values the registry refuses are never written. The result
 * has the parameters the formula now reads.
 */
export async function writeActiveValues(
  workbook: Workbook,
  changes: Partial<Record<ParameterId, number>>
): Promise<
  | { ok: true; sheet: string; parameters: ScenarioParameters }
  | { ok: false; errors: ParameterError[] }
> {
  const stored = await readModel(workbook);
  if (!stored) return { ok: false, errors: refusal(await noModel(workbook)) };
  const values = { ...stored.model.active.values, ...changes };
  const checked = checkValues(values);
  if (!checked.ok) return checked;
  const ids = Object.keys(changes) as ParameterId[];
  await workbook.writeOwnCells(
    stored.sheet,
    ids.map((id) => ({ at: parameterCell(id), value: values[id] }))
  );
  return { ok: true, sheet: stored.sheet, parameters: checked.parameters };
}

/** Scenario names compare after Unicode normalisation and case folding (names.ts). */
export { sameName };

/** Creates the sheet, or points an existing one at new stays (keeping its scenarios). */
export async function createOrUpdate(workbook: Workbook, stays: StaysRef | null): Promise<string> {
  const stored = await readModel(workbook);
  const model = stored
    ? { ...stored.model, stays: stays ?? stored.model.stays }
    : defaultModel(stays);
  return writeModel(workbook, model);
}

/** Saves the active parameters under `name` (replacing a saved scenario of that name). */
export async function saveActiveAs(
  workbook: Workbook,
  name: string,
  stays: StaysRef | null = null
): Promise<{ ok: true; sheet: string } | { ok: false; errors: ParameterError[] }> {
  const stored = await readModel(workbook, stays);
  if (!stored) return { ok: false, errors: refusal(await noModel(workbook)) };
  const trimmed = name.trim();
  if (trimmed === "")
    return { ok: false, errors: [{ code: "#VALUE!", message: "Scenariet skal have et navn" }] };
  const personal = personalDataIn(trimmed);
  const problem = nameProblem(trimmed) ?? (personal && personalNameProblem(personal));
  if (problem)
    return { ok: false, errors: [{ code: "#VALUE!", message: problem.da, en: problem.en }] };
  const checked = checkValues(stored.model.active.values);
  if (!checked.ok) return checked;
  const scenario: NamedScenario = { name: trimmed, values: { ...stored.model.active.values } };
  const saved = upsert(stored.model.saved, scenario);
  return {
    ok: true,
    sheet: await writeModel(workbook, { ...stored.model, active: { ...scenario }, saved }),
  };
}

function upsert(saved: readonly NamedScenario[], scenario: NamedScenario): NamedScenario[] {
  const i = saved.findIndex((s) => sameName(s.name, scenario.name));
  return i < 0 ? [...saved, scenario] : saved.map((s, k) => (k === i ? scenario : s));
}

/** Makes a saved scenario the active one: its values go into the parameter cells. */
export async function switchTo(
  workbook: Workbook,
  name: string,
  stays: StaysRef | null = null
): Promise<string> {
  const stored = await readModel(workbook, stays);
  if (!stored) throw await noModel(workbook);
  const scenario = stored.model.saved.find((s) => sameName(s.name, name));
  if (!scenario) throw new Error(`Scenariet «${name}» findes ikke i arket Scenarier`);
  return writeModel(workbook, {
    ...stored.model,
    active: { name: scenario.name, values: { ...scenario.values } },
  });
}

/** The comparison last written to each workbook, while the pane runs: to mark it out of date. */
const comparisons = new WeakMap<
  Workbook,
  { comparison: Comparison; deleted: string[]; citizenIds: readonly string[] }
>();

/**
 * Writes the comparison sheet and its charts (`deleted`, `citizenIds`: see comparisonSheet);
 * returns its name and the kinds of personal data it masked.
 */
export async function writeComparison(
  workbook: Workbook,
  comparison: Comparison,
  deleted: string[] = [],
  citizenIds: readonly string[] = []
): Promise<{ sheet: string; masked: PersonalKind[] }> {
  const { spec, charts, masked } = comparisonSheet(
    comparison,
    deleted,
    citizenIds,
    sheetLanguage(workbook)
  );
  const written = await workbook.writeOwnSheet(spec);
  for (const chart of charts(written.name)) await workbook.addChart(chart);
  comparisons.set(workbook, { comparison, deleted, citizenIds });
  return { sheet: written.name, masked };
}

/**
 * Deletes a saved scenario, keeping a copy of the sheet as it was (scenarioBackup.ts). Deleting
 * the active one leaves its values in the parameter cells, but no longer under its name: the
 * sheet and the pane show them as not saved. A comparison that showed the scenario says that it
 * is out of date.
 */
export async function removeScenario(
  workbook: Workbook,
  name: string,
  stays: StaysRef | null = null
): Promise<string> {
  const stored = await readModel(workbook, stays);
  if (!stored) throw await noModel(workbook);
  const { active, saved } = stored.model;
  const sheet = await writeModel(
    workbook,
    {
      ...stored.model,
      active: sameName(active.name, name) ? { ...active, name: "" } : active,
      saved: saved.filter((s) => !sameName(s.name, name)),
    },
    { dropping: [name] }
  );
  const last = comparisons.get(workbook);
  if (last && last.comparison.rows.some((r) => sameName(r.name, name)))
    await writeComparison(workbook, last.comparison, [...last.deleted, name], last.citizenIds);
  return sheet;
}

/**
 * The port the template panel uses (TemplatePanel's ScenarioPort). list: the active scenario and
 * the saved ones whose values are valid, each with the sheet's ranges, the active one marked. rangeProblems: why the
 * sheet's ranges cannot be exported. save: a template's scenarios by name, keeping the others; a
 * scenario named like the active one also updates the parameter cells and the ranges, and on a
 * new sheet the first one becomes active (the template's ranges, the registry's where it has none).
 */
export function scenarioPort(workbook: Workbook, stays: () => StaysRef | null) {
  return {
    async list(): Promise<ExistingScenario[]> {
      const stored = await readModel(workbook);
      if (!stored) return [];
      const { active } = stored.model;
      const isActive = savedScenario(stored.model, active.name);
      const current = isActive
        ? []
        : validScenarios({
            ...stored.model,
            saved: [{ ...active, name: activeLabel(stored.model) }],
          }).map((s) => ({ ...s, active: true }));
      const saved = validScenarios(stored.model).map((s) =>
        isActive && sameName(s.name, active.name) ? { ...s, active: true } : s
      );
      return [...current, ...saved];
    },
    async rangeProblems(): Promise<string[]> {
      const stored = await readModel(workbook);
      const checked = stored && checkRanges(stored.model.ranges);
      return checked && !checked.ok ? checked.errors.map((e) => e.message) : [];
    },
    async save(scenarios: readonly TemplateScenario[]): Promise<{ sheet: string }> {
      const stored = await readModel(workbook);
      let model = stored?.model ?? defaultModel(stays());
      for (const s of scenarios) {
        const values = Object.fromEntries(
          PARAMETERS.map((p) => [p.id, defaultCell(p)])
        ) as ParameterCells;
        for (const p of s.parameters) values[p.id] = p.value ?? "";
        const scenario = { name: s.name, values };
        model = { ...model, saved: upsert(model.saved, scenario) };
        if (sameName(model.active.name, s.name) || (!stored && s === scenarios[0])) {
          // A template without ranges (format version 1) leaves the sheet's as they are.
          const ranges = templateRanges(s);
          model = {
            ...model,
            active: { name: s.name, values: { ...values } },
            ...(Object.keys(ranges).length > 0 && { ranges: rangeCells(ranges) }),
          };
        }
      }
      return { sheet: await writeModel(workbook, model) };
    },
  };
}
