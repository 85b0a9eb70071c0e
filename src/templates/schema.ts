/**
 * The template's one contract: the zod schema of format version 2 (version 1 is the same without
 * ranges). It validates imports and generates the published JSON Schema
 * (schema/template.schema.json, kept in sync by test/template.schema.test.ts).
 */
import { z } from "zod";
import { PARAMETERS, RANGE_SOURCE_MAX, type ParameterDef } from "../engine/parameters";
import { RULE_SETS, type RuleSetName } from "../engine/rules";
import { TEMPLATE_LIMITS, TEXT_LIMITS } from "./limits";
import { NAME_PATTERN } from "./names";

// No code generated at run time: zod would otherwise compile its object parsers with
// `new Function`, which the pages' Content-Security-Policy (no 'unsafe-eval') refuses.
z.config({ jitless: true });

export const TEMPLATE_FORMAT = "dk-refusion-skabelon";
/** Version 2 added each parameter's range; version 1 files still import (migrate.ts). */
export const TEMPLATE_VERSION = 2;

/** The fields of the column mapping; the same keys as the pane's mapping (src/sheets/stays/columns.ts). */
export const COLUMN_FIELDS = [
  "citizen",
  "admission",
  "discharge",
  "dailyRate",
  "selfPayment",
  "shelter",
] as const;
export type ColumnField = (typeof COLUMN_FIELDS)[number];

export const COLUMN_LABELS: Readonly<Record<ColumnField, string>> = {
  citizen: "Borger",
  admission: "Indskrivning",
  discharge: "Udskrivning",
  dailyRate: "Takst",
  selfPayment: "Egenbetaling",
  shelter: "Boform",
};

/** Tab and line breaks are fine in notes; other control characters have no place in a template. */
// eslint-disable-next-line no-control-regex -- naming control characters is this pattern's purpose
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
export const NOT_BLANK = /\S/;

const text = (max: number) => z.string().max(max).regex(NO_CONTROL_CHARACTERS);
const requiredText = (max: number) => text(max).regex(NOT_BLANK);
/** A name: required text that shows as what it is (names.ts says why one is refused). */
const nameText = (max: number) => z.string().max(max).regex(NAME_PATTERN);

function numberSchema(def: ParameterDef) {
  let n = def.integer ? z.number().int() : z.number();
  n = def.min.exclusive ? n.gt(def.min.value) : n.gte(def.min.value);
  return def.max.exclusive ? n.lt(def.max.value) : n.lte(def.max.value);
}

function valueSchema(def: ParameterDef) {
  return def.default === null ? numberSchema(def).nullable() : numberSchema(def);
}

/**
 * A parameter's low–high range and its source (format version 2): inside the parameter's allowed
 * range; low at most high is checked after the schema (checkSchema). None for the base year.
 */
const rangeSchema = (def: ParameterDef) =>
  z
    .object({
      low: numberSchema(def),
      high: numberSchema(def),
      source: text(RANGE_SOURCE_MAX),
    })
    .strict()
    .optional()
    .meta({
      description: `Lav og høj værdi til følsomhed og usikkerhed, med kilde. Standard: ${def.range?.low}-${def.range?.high} (${def.range?.source})`,
    });

/** One parameter of a scenario: its value with the registry's unit and range, and its documentation. */
const parameterEntrySchema = (def: ParameterDef, withRange: boolean) =>
  z
    .object({
      id: z.literal(def.id),
      name: text(TEXT_LIMITS.name),
      label: text(TEXT_LIMITS.label),
      unit: z.literal(def.unit),
      value: valueSchema(def),
      source: text(TEXT_LIMITS.source),
      note: text(TEXT_LIMITS.note).optional(),
      ...(withRange && def.range && { range: rangeSchema(def) }),
    })
    .strict()
    .meta({
      title: def.name,
      description: `${def.label.da} (${def.unit}). Standard: ${def.source}`,
    });

type EntrySchema = ReturnType<typeof parameterEntrySchema>;

const scenarioSchema = (withRange: boolean) =>
  z
    .object({
      name: nameText(TEXT_LIMITS.name),
      note: text(TEXT_LIMITS.note).optional(),
      parameters: z.array(
        z.discriminatedUnion(
          "id",
          PARAMETERS.map((def) => parameterEntrySchema(def, withRange)) as unknown as [
            EntrySchema,
            ...EntrySchema[],
          ]
        )
      ),
    })
    .strict();

const ColumnsSchema = z
  .object(
    Object.fromEntries(
      COLUMN_FIELDS.map((f) => [f, requiredText(TEXT_LIMITS.header).nullable()])
    ) as Record<ColumnField, z.ZodNullable<z.ZodString>>
  )
  .strict();

const templateSchema = <V extends number>(version: V) =>
  z
    .object({
      format: z.literal(TEMPLATE_FORMAT),
      version: z.literal(version),
      municipality: nameText(TEXT_LIMITS.name),
      author: nameText(TEXT_LIMITS.name),
      created: z.iso.date(),
      ruleSet: z
        .object({
          name: z.enum(Object.keys(RULE_SETS) as [RuleSetName, ...RuleSetName[]]),
          version: requiredText(TEXT_LIMITS.version),
        })
        .strict(),
      columns: ColumnsSchema,
      scenarios: z
        .array(scenarioSchema(version >= 2))
        .min(1)
        .max(TEMPLATE_LIMITS.maxScenarios),
    })
    .strict();

export const TemplateSchema = templateSchema(TEMPLATE_VERSION);
/** Format version 1: as version 2, but a parameter has no range (a "range" field is refused). */
export const TemplateSchemaV1 = templateSchema(1);

export type Template = z.infer<typeof TemplateSchema>;
export type TemplateScenario = Template["scenarios"][number];
/** A parameter entry; `range` only in format version 2 and never for the base year. */
export type TemplateParameter = TemplateScenario["parameters"][number] & {
  range?: { low: number; high: number; source: string };
};
export type TemplateColumns = Template["columns"];

/** The published JSON Schema (draft 2020-12) of the current format version, generated from the zod schema. */
export function templateJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(TemplateSchema, { target: "draft-2020-12" }),
    $id: `urn:${TEMPLATE_FORMAT}:${TEMPLATE_VERSION}`,
    title: "Skabelon for Refusion og Housing First",
    description:
      "En skabelon, som én kommune deler med en anden: regelsæt og udgave af regeldata, kolonneoverskrifter, " +
      "scenarier med parametre, enheder, kilder, spænd (lav og høj med kilde) og noter, kommune, forfatter og dato. Aldrig personoplysninger: " +
      "en fil med noget, der ligner CPR-numre, fødselsdatoer eller borger-id'er, afvises. Værdiernes tilladte " +
      "områder står ved hver parameter; et spænds lav må ikke være større end dets høj; summen af tilbagefald og fraflytning må højst være 100 %.",
  };
}
