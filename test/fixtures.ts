/** Shared test data builders. */
import { d } from "../src/engine/calendar";
import {
  PARAMETERS,
  returnParameterId,
  type ParameterId,
  type ScenarioParameters,
} from "../src/engine/parameters";
import type { RowError, StayInput } from "../src/engine/shelter";
import { USER_GROUPS } from "../src/engine/typology";
import { sampleBudgetSheet, type SampleOptions } from "../src/demo/sampleData";
import { mapColumns, validateRows, type ValidationReport } from "../src/sheets/stays/columns";
import {
  exportTemplate,
  parseTemplate,
  type ImportResult,
  type Template,
  type TemplateDraft,
  type TemplateProblem,
} from "../src/templates/template";

/** The sample budget sheet's rows checked as the pane checks them (its good stays and their rows). */
export function sampleRows(options: SampleOptions = {}): ValidationReport {
  const sheet = sampleBudgetSheet(options);
  const header = sheet.values[sheet.headerRow];
  return validateRows(
    {
      sheet: sheet.name,
      header,
      rows: sheet.values.slice(sheet.headerRow + 1),
      firstRow: sheet.headerRow + 1,
      left: 0,
    },
    mapColumns(header)
  );
}

/** A § 110 stay from ISO dates; rate 1 000 kr. a day and no self-payment unless given. */
export const stay = (
  citizen: string,
  admission: string,
  discharge: string | null,
  dailyRate = 1000,
  selfPayment = 0
): StayInput => ({
  citizen,
  admission: d(admission),
  discharge: discharge === null ? null : d(discharge),
  dailyRate,
  selfPayment,
});

/**
 * Who comes back, set rather than estimated: everyone of the base year is back every year with
 * the nights they had, so each recurrence is its own person. The premise of the hand-worked cases
 * on registers too short to estimate it (and the model before issue 19).
 */
export const theSamePeopleReturn: Partial<ScenarioParameters> = Object.fromEntries(
  USER_GROUPS.flatMap((g) => [
    [returnParameterId(g, "next"), 1],
    [returnParameterId(g, "afterGap"), 1],
    [returnParameterId(g, "nights"), 1],
  ])
);

/**
 * The hand-worked cases' prices: fixed (no indexation), and the support as the programme's only
 * cost (no housing benefit), so every figure can be checked with a pencil.
 */
export const fixedPricesSupportOnly: Partial<ScenarioParameters> = {
  rateIndexation: 0,
  housingBenefit: 0,
};

/** A draft exported and read back as a mutable object, to break on purpose. */
export function exportedTemplate(draft: TemplateDraft): Template {
  const result = exportTemplate(draft);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return JSON.parse(result.text) as Template;
}

/** The problems of an import that must be refused. */
export function problems(result: ImportResult): TemplateProblem[] {
  if (result.ok) throw new Error("expected the template to be refused");
  return result.problems;
}

/** An object as a template file. */
export const importObject = (value: unknown) => parseTemplate(JSON.stringify(value));

/** A parameter's place in the registry, and so in a template's parameter list. */
export const indexOf = (id: ParameterId) => PARAMETERS.findIndex((p) => p.id === id);

/** An engine result the test expects the engine to accept: its value, or the test fails with the engine's message. */
export function accepted<T extends object>(result: T | RowError): T {
  if ("code" in result) throw new Error(`The engine refused: ${result.message}`);
  return result;
}
