/** Shared test data builders. */
import { d } from "../src/engine/calendar";
import { PARAMETERS, type ParameterId } from "../src/engine/parameters";
import type { StayInput } from "../src/engine/shelter";
import {
  exportTemplate,
  parseTemplate,
  type ImportResult,
  type Template,
  type TemplateDraft,
  type TemplateProblem,
} from "../src/templates/template";

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
