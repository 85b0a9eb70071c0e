/**
 * Reading a template file: the limits, JSON, personal data, the format version (migrating 0 and
 * 1), the schema, and what the schema cannot say (names once, linked parameters, low at most
 * high). Every problem is found with where it is, in Danish; the first 100 are described and the
 * rest counted, so a file with 100 000 problems neither builds 100 000 messages nor makes the pane
 * list them.
 */
import {
  PARAMETERS,
  formatParameterValue,
  ownRanges,
  parameterById,
  validateParameterRange,
  validateParameters,
  type ParameterId,
} from "../engine/parameters";
import { RULE_SETS, ruleSetVersion } from "../engine/rules";
import { CitizenIdScanner } from "../privacy/personalData";
import { TEMPLATE_LIMITS, byteLength, jsonDepth, kilobytes } from "./limits";
import { issueMessage, valueMessage } from "./messages";
import { migrateFromV0, migrateFromV1 } from "./migrate";
import { nameKey } from "./names";
import { scanPersonalData } from "./personalDataScan";
import {
  Problems,
  finishProblem,
  finishText,
  problem,
  quoted,
  whole,
  type TemplatePath,
  type TemplateProblem,
} from "./problems";
import {
  COLUMN_FIELDS,
  COLUMN_LABELS,
  TEMPLATE_FORMAT,
  TEMPLATE_VERSION,
  TemplateSchema,
  TemplateSchemaV1,
  type ColumnField,
  type Template,
  type TemplateParameter,
} from "./schema";
import { scenarioParameters, templateRanges } from "./scenarioValues";

/** The versions this add-in reads, for messages. */
const VERSIONS_READ = `0, 1 og ${TEMPLATE_VERSION}`;

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

function finishResult(result: ImportResult, ids: CitizenIdScanner | undefined): ImportResult {
  return result.ok
    ? { ...result, notices: result.notices.map((n) => finishText(n, ids)) }
    : { ...result, problems: result.problems.map((p) => finishProblem(p, ids)) };
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
    return { ok: true, ...migrateFromV1(result), migratedFrom: 1 };
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
