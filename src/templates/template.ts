/**
 * The shared template (skabelon): what one municipality hands another so it can start from the
 * same setup. Content, and nothing else: the format version, the rule set and the version of its
 * rule data, the column mapping (header names only), the scenario parameter sets with labels,
 * units, sources and notes, the municipality that made it, the author and the date. No stays,
 * no citizens.
 *
 * One zod schema is the contract: it validates imports and generates the published JSON Schema
 * (schema/template.schema.json, kept in sync by test/template.schema.test.ts). Around it:
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
 * - parameter values checked against the scenario registry (parameters.ts) with its messages, so
 *   a template and a cell formula refuse the same values with the same words;
 * - each parameter's low–high range with its source (format version 2), checked like a value and
 *   low at most high; a scenario's ranges land on the Scenarier sheet when it is the active one;
 * - migration from format versions 0 (below) and 1 (version 2 without ranges: the registry's
 *   apply); other versions are refused with a clear message.
 * Every problem is found with where it is, in Danish; the first 100 are described and the rest
 * counted (Problems), so a file with 100 000 problems neither builds 100 000 messages nor makes
 * the pane list them.
 *
 * Text from a template is data: the Workbook implementations write strings as text, never as
 * formulas (src/office/excelWorkbook.ts, asCellInput).
 *
 * Format version 0 (the prototype's files, Danish keys; migrated on import):
 *   { "skabelonversion": 0, "kommune": "…", "forfatter": "…", "dato": "01-05-2026",
 *     "regelsaet": "NY" | "GAMMEL",
 *     "kolonner": { "borger"?, "indskrivning"?, "udskrivning"?, "takst"?, "egenbetaling"?, "boform"? },
 *     "scenarier": [ { "navn": "…", "note"?: "…", "parametre": { "<Danish parameter name>": number | null } } ] }
 * Percentages were whole percents (3,5 % stored as 3.5); there were no labels, units, sources or
 * rule-data version. Migration divides percentages by 100 and takes labels, units and sources
 * from the registry.
 */
import { z } from "zod";
import { isoFromSerial, parseDateText, type Serial } from "../engine/calendar";
import { dec } from "../engine/money";
import {
  DEFAULT_PARAMETERS,
  PARAMETERS,
  RANGE_SOURCE_MAX,
  findParameter,
  formatParameterValue,
  ownRanges,
  parameterById,
  rangeOf,
  validateParameterRange,
  validateParameterValue,
  validateParameters,
  type ParameterDef,
  type ParameterId,
  type ParameterRanges,
  type ParameterValues,
  type ScenarioParameters,
} from "../engine/parameters";
import { RULE_SETS, ruleSetVersion, type RuleSetName } from "../engine/rules";
import { NAME_PATTERN, nameKey, nameProblem, visibleText } from "./names";
import {
  CitizenIdScanner,
  isCprNumber,
  maskPersonalData,
  personalDataIn,
} from "../privacy/personalData";

// No code generated at run time: zod would otherwise compile its object parsers with
// `new Function`, which the pages' Content-Security-Policy (no 'unsafe-eval') refuses.
z.config({ jitless: true });

export const TEMPLATE_FORMAT = "dk-refusion-skabelon";
/** Version 2 added each parameter's range; version 1 files still import (see checkTemplate). */
export const TEMPLATE_VERSION = 2;
/** The versions this add-in reads, for messages. */
const VERSIONS_READ = `0, 1 og ${TEMPLATE_VERSION}`;

export const TEMPLATE_LIMITS = {
  /**
   * UTF-8 bytes of the file: 50 scenarios of every parameter with its label and sources take
   * about 1,2 MB, so 2 MB leaves room and still refuses what no template needs.
   */
  maxBytes: 2_000_000,
  /** Objects and arrays inside each other; the format itself needs 5. */
  maxDepth: 8,
  maxScenarios: 50,
  /**
   * Entries in one scenario's parameter list: each of the registry's parameters once needs
   * PARAMETERS.length; 100 leaves room for the registry to grow and for a duplicate to be named.
   */
  maxParameters: 100,
  /** Problems described in full; any more are counted ("… og 4.900 andre problemer"). */
  listedProblems: 100,
} as const;

/** Characters per text field. */
const TEXT_LIMITS = {
  name: 100,
  header: 255,
  label: 300,
  source: 1000,
  note: 2000,
  version: 64,
} as const;

/** The fields of the column mapping; the same keys as the pane's mapping (taskpane/columns.ts). */
export const COLUMN_FIELDS = [
  "citizen",
  "admission",
  "discharge",
  "dailyRate",
  "selfPayment",
  "shelter",
] as const;
export type ColumnField = (typeof COLUMN_FIELDS)[number];

const COLUMN_LABELS: Readonly<Record<ColumnField, string>> = {
  citizen: "Borger",
  admission: "Indskrivning",
  discharge: "Udskrivning",
  dailyRate: "Takst",
  selfPayment: "Egenbetaling",
  shelter: "Boform",
};

// ---------------------------------------------------------------------------------------------
// The schema (format version 2; version 1 is the same without ranges)

/** Tab and line breaks are fine in notes; other control characters have no place in a template. */
// eslint-disable-next-line no-control-regex -- naming control characters is this pattern's purpose
const NO_CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
const NOT_BLANK = /\S/;

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
const TemplateSchemaV1 = templateSchema(1);

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

// ---------------------------------------------------------------------------------------------
// Problems and where they are

export interface TemplateProblem {
  /** Where in the file, in Danish ("Scenarie 2 «Basis» › parameter «Horisont» › værdi"); "" for the whole file. */
  where: string;
  /** What is wrong, in Danish. Never repeats personal data. */
  message: string;
}

export type TemplatePath = readonly (string | number)[];

const FIELD_NAMES: Readonly<Record<string, string>> = {
  format: "format",
  version: "version",
  municipality: "kommune",
  author: "forfatter",
  created: "dato",
  ruleSet: "regelsæt",
  columns: "kolonner",
  scenarios: "scenarier",
  parameters: "parametre",
  name: "navn",
  note: "note",
  id: "id",
  label: "betegnelse",
  unit: "enhed",
  value: "værdi",
  source: "kilde",
  range: "spænd",
  low: "lav",
  high: "høj",
};

function at(raw: unknown, path: TemplatePath): unknown {
  let node = raw;
  for (const key of path) {
    if (node === null || typeof node !== "object") return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/**
 * A value a message quotes. It is marked, not shown: finishText decides how it appears (hidden
 * when it holds personal data, cut at 40 characters, invisible characters by their code), so
 * no path can echo a refused value by building its own text. `bare`: without «» (a field name).
 */
const OPEN = "\uE000";
const OPEN_BARE = "\uE001";
const CLOSE = "\uE002";
const quoted = (s: string, bare = false) =>
  `${bare ? OPEN_BARE : OPEN}${s.replace(/[\uE000-\uE002]/g, "")}${CLOSE}`;
const QUOTED = /([\uE000\uE001])([^\uE002]*)\uE002/g;
const QUOTE_LENGTH = 40;

/** A number as a message may print it: 3112991234, or with thousands 3.112.991.234. */
const PRINTED_NUMBER = /\d{1,3}(?:[. \u00A0]\d{3})+(?!\d)|\d+/g;

/**
 * A message's text as the user sees it: quoted values finished (see quoted), then any CPR number
 * left in the text hidden, also one printed as an amount (a value the registry's message repeats).
 */
function finishText(text: string, ids: CitizenIdScanner | undefined): string {
  const finished = text.replace(QUOTED, (_, open: string, value: string) => {
    const shown = personalDataIn(value, ids)
      ? "…"
      : visibleText(value.length > QUOTE_LENGTH ? `${value.slice(0, QUOTE_LENGTH)}…` : value);
    return open === OPEN ? `«${shown}»` : shown;
  });
  return maskPersonalData(finished, undefined, () => "…").text.replace(PRINTED_NUMBER, (n) =>
    isCprNumber(Number(n.replace(/\D/g, ""))) ? "…" : n
  );
}

function finishProblem(p: TemplateProblem, ids: CitizenIdScanner | undefined): TemplateProblem {
  const where = finishText(p.where, ids);
  return {
    where: where.charAt(0).toUpperCase() + where.slice(1),
    message: finishText(p.message, ids),
  };
}

function finishResult(result: ImportResult, ids: CitizenIdScanner | undefined): ImportResult {
  return result.ok
    ? { ...result, notices: result.notices.map((n) => finishText(n, ids)) }
    : { ...result, problems: result.problems.map((p) => finishProblem(p, ids)) };
}

/** A path as the user reads it, with the scenario's name and the parameter's name where known. */
function describePath(path: TemplatePath, raw: unknown): string {
  const parts: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = path[i + 1];
    if ((key === "scenarios" || key === "scenarier") && typeof next === "number") {
      const name = at(raw, [...path.slice(0, i + 2), key === "scenarios" ? "name" : "navn"]);
      parts.push(
        `Scenarie ${next + 1}${typeof name === "string" && name.trim() ? ` ${quoted(name)}` : ""}`
      );
      i++;
    } else if (key === "parameters" && typeof next === "number") {
      const id = at(raw, [...path.slice(0, i + 2), "id"]);
      const def = typeof id === "string" ? findParameter(id) : undefined;
      parts.push(def ? `parameter ${quoted(def.name)}` : `parameter nr. ${next + 1}`);
      i++;
    } else if (key === "parametre" && typeof next === "string") {
      parts.push(`parameter ${quoted(next)}`);
      i++;
    } else if ((key === "columns" || key === "kolonner") && typeof next === "string") {
      const field = (COLUMN_FIELDS as readonly string[]).includes(next)
        ? COLUMN_LABELS[next as ColumnField]
        : next;
      parts.push(`kolonne ${quoted(field)}`);
      i++;
    } else if (typeof key === "number") {
      parts.push(`nr. ${key + 1}`);
    } else {
      parts.push(FIELD_NAMES[key] ?? quoted(key, true));
    }
  }
  return parts.join(" › ");
}

const problem = (raw: unknown, path: TemplatePath, message: string): TemplateProblem => ({
  where: describePath(path, raw),
  message,
});

/** The problems of one reading: the first TEMPLATE_LIMITS.listedProblems described, all counted. */
class Problems {
  readonly listed: TemplateProblem[] = [];
  total = 0;

  /** `describe` runs only for a problem that is listed: describing one costs more than counting it. */
  add(describe: () => TemplateProblem): void {
    if (this.total++ < TEMPLATE_LIMITS.listedProblems) this.listed.push(describe());
  }

  refusal(): ImportResult & { ok: false } {
    return { ok: false, problems: this.listed, total: this.total };
  }
}

// ---------------------------------------------------------------------------------------------
// Limits on the raw text

/** UTF-8 bytes of a text. */
export const byteLength = (s: string): number => new TextEncoder().encode(s).length;

/** The deepest nesting of objects and arrays in JSON text (brackets inside strings do not count). */
export function jsonDepth(json: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") max = Math.max(max, ++depth);
    else if (c === "}" || c === "]") depth--;
  }
  return max;
}

const kilobytes = (bytes: number) => `${Math.ceil(bytes / 1000).toLocaleString("da-DK")} kB`;

// ---------------------------------------------------------------------------------------------
// Personal data

/** Keys that only personal data would have. */
const PERSONAL_KEY = /cpr|personnummer|personnr|fødsel|birth|dob|borgerid|citizenid/i;

const PERSONAL_TEXT: Readonly<Record<"cpr" | "birth" | "id", (isKey: boolean) => string>> = {
  cpr: (isKey) =>
    `${isKey ? "Et feltnavn" : "Teksten"} indeholder noget, der ligner et CPR-nummer (ddmmåå-xxxx eller 10 cifre)`,
  birth: () => "Teksten ligner en fødselsdato",
  id: () => "Teksten indeholder et borger-id fra arbejdsbogens ophold",
};

/** findPersonalData before its messages are finished. */
function scanPersonalData(raw: unknown, ids: CitizenIdScanner, found: Problems): void {
  const report = (path: TemplatePath, what: string) =>
    found.add(() =>
      problem(
        raw,
        path,
        `${what}. En skabelon må ikke indeholde personoplysninger; fjern det og prøv igen.`
      )
    );
  const checkText = (s: string, path: TemplatePath, isKey: boolean) => {
    const kind = personalDataIn(s, ids);
    if (kind) report(path, PERSONAL_TEXT[kind](isKey));
    else if (isKey && PERSONAL_KEY.test(s))
      report(path, `Feltet ${quoted(s)} hører til personoplysninger`);
  };
  const walk = (node: unknown, path: (string | number)[]) => {
    if (typeof node === "string") checkText(node, path, false);
    else if (typeof node === "number") {
      if (isCprNumber(node)) report(path, "Tallet ligner et CPR-nummer (10 cifre)");
    } else if (Array.isArray(node)) node.forEach((x, i) => walk(x, [...path, i]));
    else if (node !== null && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        checkText(key, [...path, key], true);
        walk(value, [...path, key]);
      }
    }
  };
  walk(raw, []);
}

/**
 * Every place in a parsed file that holds personal data: CPR numbers in any written form, dates
 * of birth, keys that only personal data would have, and (when given) any of the workbook's own
 * citizen ids as a whole word. Messages say where and what kind, never the value.
 */
export function findPersonalData(
  raw: unknown,
  citizenIds: Iterable<string> = []
): TemplateProblem[] {
  const ids = new CitizenIdScanner(citizenIds);
  const found = new Problems();
  scanPersonalData(raw, ids, found);
  return found.listed.map((p) => finishProblem(p, ids));
}

// ---------------------------------------------------------------------------------------------
// Messages for the schema's issues

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: "en tekst",
  number: "et tal",
  int: "et helt tal",
  boolean: "SAND/FALSK",
  object: "et objekt { … }",
  array: "en liste [ … ]",
  null: "tom (null)",
};

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "en liste";
  if (typeof value === "string") return "en tekst";
  if (typeof value === "number") return "et tal";
  if (typeof value === "boolean") return "SAND/FALSK";
  return "et objekt";
}

/** Unknown fields named in one message; the rest are counted. */
const KEYS_LISTED = 10;

/** The issue's own Danish message: what is wrong at its path (the path is said separately). */
function issueMessage(issue: z.core.$ZodIssue, raw: unknown): string {
  const input = at(raw, issue.path as TemplatePath);
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case "invalid_type":
      if (input === undefined) return "Feltet mangler";
      return `Skal være ${TYPE_NAMES[issue.expected] ?? issue.expected}, ikke ${kindOf(input)}`;
    case "too_big":
      if (issue.origin === "string")
        return `Må højst være ${issue.maximum} tegn (er ${String(input).length})`;
      if (issue.origin === "array") return `Højst ${issue.maximum} scenarier`;
      return `Må højst være ${issue.maximum}`;
    case "too_small":
      if (issue.origin === "array") return "Skabelonen skal have mindst ét scenarie";
      return `Skal være mindst ${issue.minimum}`;
    case "invalid_format":
      if (issue.format === "date") return "Skal være en gyldig dato skrevet som 2026-05-01";
      if (
        issue.format === "regex" &&
        "pattern" in issue &&
        String(issue.pattern) === String(NOT_BLANK)
      )
        return "Må ikke være tom";
      if (
        issue.format === "regex" &&
        "pattern" in issue &&
        String(issue.pattern) === String(NAME_PATTERN)
      )
        return nameProblem(String(input))?.da ?? "Er ikke et gyldigt navn";
      return "Indeholder kontroltegn, som ikke hører hjemme i en skabelon";
    case "unrecognized_keys": {
      const listed = issue.keys.slice(0, KEYS_LISTED).map((k) => quoted(k));
      const more = issue.keys.length - listed.length;
      return `Ukendt felt ${listed.join(", ")}${more > 0 ? ` og ${more.toLocaleString("da-DK")} andre` : ""}: en skabelon indeholder kun de felter, formatet beskriver`;
    }
    case "invalid_value": {
      if (last === "format")
        return `Filen er ikke en skabelon fra Refusion og Housing First (forventede format ${quoted(TEMPLATE_FORMAT)})`;
      if (last === "unit")
        return `Enheden skal være ${quoted(String(issue.values[0]))} for denne parameter (er ${quoted(String(input))}); ellers kan værdien blive læst forkert`;
      const options = issue.values.map((v) => quoted(String(v)));
      return `Skal være ${options.slice(0, -1).join(", ")}${options.length > 1 ? " eller " : ""}${options[options.length - 1]} (er ${quoted(String(input))})`;
    }
    case "invalid_union":
      if (last === "id")
        return `Ukendt parameter ${quoted(String(input))}; kendte parametre: ${PARAMETERS.map((p) => p.id).join(", ")}`;
      return "Har ikke en gyldig form";
    default:
      return (
        z.locales
          .da()
          .localeError(issue as never)
          ?.toString() ?? issue.message
      );
  }
}

/**
 * Range and type problems of a parameter value, or of a range's low or high, in the registry's
 * words (without its name: the path says it).
 */
function valueMessage(path: TemplatePath, raw: unknown): string | undefined {
  const last = path[path.length - 1];
  const entry =
    last === "value"
      ? path.slice(0, -1)
      : path[path.length - 2] === "range"
        ? path.slice(0, -2)
        : undefined;
  if (!entry || (last !== "value" && last !== "low" && last !== "high")) return undefined;
  const id = at(raw, [...entry, "id"]);
  const def = typeof id === "string" ? findParameter(id) : undefined;
  if (!def || def.id !== id) return undefined;
  const input = at(raw, path);
  const checked = validateParameterValue(def, input);
  if (checked === null || typeof checked !== "object") return undefined;
  // The registry quotes a text value for cells; here every quoted value goes through quoted().
  const message = checked.message.replace(/^«[^»]*»: /, "");
  const own = typeof input === "string" ? message.replace(`«${input}»`, quoted(input)) : message;
  return own.replace(/^./, (c) => c.toUpperCase());
}

// ---------------------------------------------------------------------------------------------
// Reading a template

export type ImportResult =
  | {
      ok: true;
      template: Template;
      /** The format version of the file when it was migrated. */
      migratedFrom?: number;
      /** Things the user should know before applying (migration, defaults filled in, other rule data). */
      notices: string[];
    }
  | {
      ok: false;
      /** The first TEMPLATE_LIMITS.listedProblems problems. */
      problems: TemplateProblem[];
      /** How many problems the file has in all (problems.length or more). */
      total: number;
    };

export interface ReadOptions {
  /** On export: the workbook's citizen ids, none of which may appear in the file. */
  citizenIds?: Iterable<string>;
}

/** A refusal with these problems (all of them listed). */
export const refuse = (...problems: TemplateProblem[]): ImportResult & { ok: false } => ({
  ok: false,
  problems,
  total: problems.length,
});
const whole = (message: string): TemplateProblem => ({ where: "", message });

/** The refusal of a file over 2 MB, or undefined (the pane checks a picked file's size before reading it). */
export function sizeProblem(bytes: number): TemplateProblem | undefined {
  return bytes > TEMPLATE_LIMITS.maxBytes
    ? whole(
        `Filen er for stor: ${kilobytes(bytes)}. En skabelon må højst fylde ${kilobytes(TEMPLATE_LIMITS.maxBytes)} (2 MB).`
      )
    : undefined;
}

/** Reads and checks a template file's text: limits, JSON, personal data, version, schema, parameters. */
export function parseTemplate(json: string, options: ReadOptions = {}): ImportResult {
  const tooLarge = sizeProblem(byteLength(json));
  if (tooLarge) return refuse(tooLarge);
  const depth = jsonDepth(json);
  if (depth > TEMPLATE_LIMITS.maxDepth) {
    return refuse(
      whole(
        `Filen er indlejret for dybt (${depth} niveauer). En skabelon har højst ${TEMPLATE_LIMITS.maxDepth} niveauer.`
      )
    );
  }
  let raw: unknown;
  try {
    raw = JSON.parse(json.replace(/^\uFEFF/, ""));
  } catch (e) {
    const where = /position (\d+)/.exec(String(e));
    return refuse(
      whole(
        `Filen er ikke gyldig JSON${where ? ` (fejl ved tegn nr. ${Number(where[1]) + 1})` : ""}. Er det den rigtige fil, og er hele teksten kopieret med?`
      )
    );
  }
  return readTemplate(raw, options);
}

/** Checks a parsed file (see parseTemplate); migrates format version 0. */
export function readTemplate(raw: unknown, options: ReadOptions = {}): ImportResult {
  const ids = new CitizenIdScanner(options.citizenIds ?? []);
  return finishResult(checkTemplate(raw, ids), ids);
}

function checkTemplate(raw: unknown, ids: CitizenIdScanner): ImportResult {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return refuse(whole("Filen er ikke en skabelon: den skal være et JSON-objekt { … }."));
  }
  const record = raw as Record<string, unknown>;
  const scenarios = record.scenarios ?? record.scenarier;
  if (Array.isArray(scenarios) && scenarios.length > TEMPLATE_LIMITS.maxScenarios) {
    return refuse(
      whole(
        `Skabelonen har ${scenarios.length} scenarier; højst ${TEMPLATE_LIMITS.maxScenarios} kan importeres.`
      )
    );
  }
  const tooMany = Array.isArray(scenarios) ? tooManyParameters(raw, scenarios) : [];
  if (tooMany.length > 0) return refuse(...tooMany);
  const found = new Problems();
  scanPersonalData(raw, ids, found);
  const version = formatVersion(record);
  if (typeof version === "string") {
    found.add(() => whole(version));
    return found.refusal();
  }
  if (version === 0) {
    const migrated = migrateFromV0(record, found);
    if (!migrated) return found.refusal();
    const result = checkSchema(migrated.template, TemplateSchema, found);
    if (!result || found.total > 0) return found.refusal();
    return {
      ok: true,
      ...result,
      migratedFrom: 0,
      notices: [...migrated.notices, ...result.notices],
    };
  }
  if (version === 1) {
    const result = checkSchema(raw, TemplateSchemaV1, found);
    if (!result || found.total > 0) return found.refusal();
    return {
      ok: true,
      template: { ...result.template, version: TEMPLATE_VERSION },
      migratedFrom: 1,
      notices: [
        "Skabelonen er i formatversion 1, som ikke har spænd: lav og høj værdi er tilføjelsesprogrammets standard med kilde.",
        ...result.notices,
      ],
    };
  }
  const result = checkSchema(raw, TemplateSchema, found);
  if (!result || found.total > 0) return found.refusal();
  return { ok: true, ...result };
}

/**
 * The scenarios whose parameter list (an array, or format version 0's object) has more than
 * TEMPLATE_LIMITS.maxParameters entries: refused before the schema reads them one by one.
 */
function tooManyParameters(raw: unknown, scenarios: readonly unknown[]): TemplateProblem[] {
  return scenarios.flatMap((s, i) => {
    if (s === null || typeof s !== "object") return [];
    const key = "parameters" in s ? "parameters" : "parametre";
    const list = (s as Record<string, unknown>)[key];
    const entries = Array.isArray(list)
      ? list.length
      : list !== null && typeof list === "object"
        ? Object.keys(list).length
        : 0;
    if (entries <= TEMPLATE_LIMITS.maxParameters) return [];
    return [
      problem(
        raw,
        [key === "parameters" ? "scenarios" : "scenarier", i, key],
        `Scenariet har ${entries.toLocaleString("da-DK")} parametre; et scenarie har højst ${TEMPLATE_LIMITS.maxParameters} (hver af de ${PARAMETERS.length} parametre én gang)`
      ),
    ];
  });
}

/** The file's format version (0, 1 or 2), or why it cannot be read. */
function formatVersion(record: Record<string, unknown>): 0 | 1 | typeof TEMPLATE_VERSION | string {
  if ("format" in record && record.format !== TEMPLATE_FORMAT) {
    return `Filen er ikke en skabelon fra Refusion og Housing First (feltet «format» er ${quoted(String(record.format))}, forventede ${quoted(TEMPLATE_FORMAT)}).`;
  }
  const version = "version" in record ? record.version : record.skabelonversion;
  if (version === undefined) {
    return `Filen mangler sin formatversion (feltet «version»). Denne udgave af tilføjelsesprogrammet læser version ${VERSIONS_READ}.`;
  }
  if (version === 0 || version === 1 || version === TEMPLATE_VERSION) return version;
  if (typeof version === "number" && Number.isInteger(version) && version > TEMPLATE_VERSION) {
    return (
      `Skabelonen har formatversion ${quoted(String(version), true)}, som er nyere end denne udgave af tilføjelsesprogrammet (den læser version ${VERSIONS_READ}). ` +
      `Opdater tilføjelsesprogrammet, eller bed afsenderen om en skabelon i version ${TEMPLATE_VERSION}.`
    );
  }
  return `Ukendt formatversion ${quoted(String(version))}. Denne udgave af tilføjelsesprogrammet læser version ${VERSIONS_READ}.`;
}

/**
 * The schema (format version 2, or 1 for a version 1 file), then what the schema cannot say
 * (names once, linked parameters, low at most high).
 */
function checkSchema(
  raw: unknown,
  schema: typeof TemplateSchema | typeof TemplateSchemaV1,
  found: Problems
): { template: Template; notices: string[] } | undefined {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path as TemplatePath;
      found.add(() => problem(raw, path, valueMessage(path, raw) || issueMessage(issue, raw)));
    }
    return undefined;
  }
  const template = parsed.data as Template;
  const before = found.total;
  const notices: string[] = [];

  const names = new Map<string, number>();
  template.scenarios.forEach((s, i) => {
    const key = nameKey(s.name);
    if (names.has(key))
      found.add(() =>
        problem(
          raw,
          ["scenarios", i, "name"],
          `Navnet ${quoted(s.name)} er også brugt af scenarie ${names.get(key)! + 1} ${quoted(template.scenarios[names.get(key)!].name)}; hvert scenarie skal have sit eget navn (navne sammenlignes efter Unicode-normalisering NFKC, uden forskel på store og små bogstaver og mellemrum)`
        )
      );
    else names.set(key, i);
  });

  template.scenarios.forEach((s, i) => {
    const seen = new Set<ParameterId>();
    s.parameters.forEach((p, j) => {
      if (seen.has(p.id))
        found.add(() =>
          problem(raw, ["scenarios", i, "parameters", j], "Parameteren står to gange i scenariet")
        );
      seen.add(p.id);
    });
    const missing = PARAMETERS.filter((def) => !seen.has(def.id));
    if (missing.length > 0) {
      notices.push(
        `Scenarie ${quoted(s.name)}: ${missing.map((def) => `${quoted(def.name)} mangler og får standardværdien ${def.default === null ? "tom (udledes af data)" : formatParameterValue(def, def.default)}`).join("; ")}.`
      );
    }
    (s.parameters as TemplateParameter[]).forEach((p, j) => {
      if (!p.range) return;
      const range = validateParameterRange(
        parameterById(p.id),
        p.range.low,
        p.range.high,
        p.range.source
      );
      if (Array.isArray(range))
        for (const error of range)
          found.add(() =>
            problem(
              raw,
              ["scenarios", i, "parameters", j, "range"],
              error.message.replace(/^«[^»]*»: /, "").replace(/^./, (c) => c.toUpperCase())
            )
          );
    });
    const own = Object.keys(ownRanges(templateRanges(s))) as ParameterId[];
    if (own.length > 0)
      notices.push(
        `Scenarie ${quoted(s.name)} har egne spænd for ${own.map((id) => quoted(parameterById(id).name)).join(", ")}: de står i kolonne C og D på arket Scenarier, når scenariet er det aktive.`
      );
    const checked = validateParameters(scenarioParameters(s));
    if (!checked.ok) {
      for (const error of checked.errors) {
        const j = s.parameters.findIndex((p) => p.id === error.parameter);
        found.add(() =>
          problem(
            raw,
            j >= 0 ? ["scenarios", i, "parameters", j, "value"] : ["scenarios", i],
            error.message
          )
        );
      }
    }
  });

  const headers = new Map<string, ColumnField>();
  for (const field of COLUMN_FIELDS) {
    const header = template.columns[field];
    if (header === null) continue;
    const key = header.trim().toLocaleLowerCase("da");
    const other = headers.get(key);
    if (other)
      found.add(() =>
        problem(
          raw,
          ["columns", field],
          `Overskriften ${quoted(header)} er også valgt til ${quoted(COLUMN_LABELS[other])}; én kolonne kan kun have én betydning`
        )
      );
    else headers.set(key, field);
  }

  const current = ruleSetVersion(RULE_SETS[template.ruleSet.name]);
  if (template.ruleSet.version !== current) {
    notices.push(
      `Skabelonen er lavet med en anden udgave af regelsættet ${template.ruleSet.name} (${template.ruleSet.version}) end denne (${current}). ` +
        "Parametrene importeres; beregningerne følger de regler, der er indbygget her."
    );
  }
  return found.total > before ? undefined : { template, notices };
}

// ---------------------------------------------------------------------------------------------
// Format version 0

const V0_COLUMNS: Readonly<Record<string, ColumnField>> = {
  borger: "citizen",
  indskrivning: "admission",
  udskrivning: "discharge",
  takst: "dailyRate",
  egenbetaling: "selfPayment",
  boform: "shelter",
};

const V0Schema = z
  .object({
    skabelonversion: z.literal(0),
    kommune: z.string(),
    forfatter: z.string(),
    dato: z.string(),
    regelsaet: z.string(),
    kolonner: z.record(z.string(), z.string().nullable()).optional(),
    scenarier: z.array(
      z
        .object({
          navn: z.string(),
          note: z.string().optional(),
          parametre: z.record(z.string(), z.number().nullable()),
        })
        .strict()
    ),
  })
  .strict();

/** A version 0 file in version 1's shape (still to be checked as version 1); its problems go to `found`. */
function migrateFromV0(
  raw: Record<string, unknown>,
  found: Problems
): { template: unknown; notices: string[] } | undefined {
  const parsed = V0Schema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      found.add(() =>
        problem(raw, issue.path as TemplatePath, `${issueMessage(issue, raw)} (formatversion 0)`)
      );
    return undefined;
  }
  const v0 = parsed.data;
  const before = found.total;
  const date = parseDateText(v0.dato);
  if (date === undefined)
    found.add(() => problem(raw, ["dato"], "Skal være en dato som 01-05-2026 (formatversion 0)"));
  const ruleSet = v0.regelsaet.trim().toUpperCase();
  const columns = Object.fromEntries(COLUMN_FIELDS.map((f) => [f, null])) as Record<
    ColumnField,
    string | null
  >;
  for (const [key, header] of Object.entries(v0.kolonner ?? {})) {
    const field = V0_COLUMNS[key.toLowerCase()];
    if (field) columns[field] = header;
    else
      found.add(() =>
        problem(
          raw,
          ["kolonner", key],
          `Ukendt kolonne; formatversion 0 kender ${Object.keys(V0_COLUMNS).join(", ")}`
        )
      );
  }
  const scenarios = v0.scenarier.map((s, i) => ({
    name: s.navn,
    ...(s.note === undefined ? {} : { note: s.note }),
    parameters: Object.entries(s.parametre).flatMap(([name, value]) => {
      const def = findParameter(name);
      if (!def) {
        found.add(() =>
          problem(
            raw,
            ["scenarier", i, "parametre", name],
            "Ukendt parameter (formatversion 0 brugte de danske navne fra arket Scenarier)"
          )
        );
        return [];
      }
      // Version 0 stored percentages as whole percents: 3,5 % was 3.5.
      const migrated =
        value !== null && def.unit === "%" ? dec(value).dividedBy(100).toNumber() : value;
      return [
        {
          id: def.id,
          name: def.name,
          label: def.label.da,
          unit: def.unit,
          value: migrated,
          source: def.source,
        },
      ];
    }),
  }));
  if (found.total > before) return undefined;
  return {
    template: {
      format: TEMPLATE_FORMAT,
      version: TEMPLATE_VERSION,
      municipality: v0.kommune,
      author: v0.forfatter,
      created: isoFromSerial(date!),
      ruleSet: { name: ruleSet, version: "ukendt (formatversion 0)" },
      columns,
      scenarios,
    },
    notices: [
      `Skabelonen var i formatversion 0 og er opdateret til version ${TEMPLATE_VERSION}: procenter er omregnet (3,5 blev til 3,5 %), ` +
        "og betegnelser, enheder, kilder og spænd er tilføjelsesprogrammets standard. Tjek værdierne, før du anvender den.",
    ],
  };
}

// ---------------------------------------------------------------------------------------------
// Making a template

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

// ---------------------------------------------------------------------------------------------
// What an import changes

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
