/**
 * The published files of the template format: schema/template.schema.json is what zod generates
 * from the schema in src/templates/schema.ts, an independent validator (Ajv, JSON Schema 2020-12)
 * agrees with the import on what the schema can say, and templates/standard.json (the template
 * that ships with the add-in) is what templates/standard.ts describes and imports cleanly.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "@jest/globals";
import { DEFAULT_PARAMETERS, PARAMETERS, parameterById } from "../src/engine/parameters";
import {
  COLUMN_FIELDS,
  exportTemplate,
  parseTemplate,
  scenarioParameters,
  templateJsonSchema,
  type Template,
} from "../src/templates/template";
import { SAMPLE_HEADER } from "../src/demo/sampleData";
import { FIELDS, mapColumns } from "../src/sheets/stays/columns";
import { STANDARD_TEMPLATE } from "../templates/standard";

const root = join(__dirname, "..");
const read = (path: string) => readFileSync(join(root, path), "utf8");
const REGENERATE = "out of date: run `npx tsx schema/generate.ts` and commit the result";

const schemaText = read("schema/template.schema.json");
const standardText = read("templates/standard.json");

describe("the published JSON Schema", () => {
  it(`is the one zod generates from the template schema (${REGENERATE})`, () => {
    expect(JSON.parse(schemaText)).toEqual(templateJsonSchema());
  });

  it("states the version, the units and each parameter's range", () => {
    const schema = JSON.parse(schemaText);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.properties.version).toEqual({ type: "number", const: 2 });
    expect(schema.properties.scenarios.maxItems).toBe(50);
    const options = schema.properties.scenarios.items.properties.parameters.items.oneOf as {
      properties: Record<"id" | "unit", { const: string }> & {
        value: Record<string, unknown>;
        range?: Record<string, unknown>;
      };
    }[];
    expect(options.map((o) => o.properties.id.const)).toEqual(PARAMETERS.map((p) => p.id));
    const horizon = options.find((o) => o.properties.id.const === "horizon")!.properties;
    expect(horizon.unit.const).toBe("år");
    expect(horizon.value).toMatchObject({ type: "integer", minimum: 1, maximum: 30 });
    expect(
      options.find((o) => o.properties.id.const === "admissionGrowth")!.properties.value
    ).toMatchObject({ exclusiveMinimum: -1, maximum: 1 });
    // Format version 2: a range per parameter, its bounds those of the value; none for the base year.
    expect(horizon.range).toMatchObject({
      type: "object",
      properties: {
        low: { type: "integer", minimum: 1, maximum: 30 },
        high: { type: "integer", minimum: 1, maximum: 30 },
        source: { type: "string", maxLength: 1000 },
      },
      required: ["low", "high", "source"],
    });
    expect(options[0].properties).not.toHaveProperty("range");
  });

  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(schemaText));
  const standard = JSON.parse(standardText) as Template;
  type Json = Record<string | number, unknown>;
  /** The shipped template with the value at `path` replaced, or removed (undefined). */
  const broken = (path: (string | number)[], value: unknown) => {
    const t = structuredClone(standard) as unknown as Json;
    const parent = path.slice(0, -1).reduce((o, key) => o[key] as Json, t);
    const last = path[path.length - 1];
    if (value === undefined) delete parent[last];
    else parent[last] = value;
    return t;
  };

  it("an independent validator (Ajv) accepts the shipped template", () => {
    expect(validate(standard) ? [] : validate.errors).toEqual([]);
  });

  it.each<[string, (string | number)[], unknown]>([
    ["a value out of range", ["scenarios", 0, "parameters", 1, "value"], 31],
    ["a fractional horizon", ["scenarios", 0, "parameters", 1, "value"], 5.5],
    ["a wrong unit", ["scenarios", 0, "parameters", 2, "unit"], "kr."],
    ["an unknown parameter", ["scenarios", 0, "parameters", 0, "id"], "growth"],
    ["an unknown field", ["cpr"], "x"],
    ["version 3", ["version"], 3],
    [
      "a range with a low outside the allowed values",
      ["scenarios", 0, "parameters", 1, "range", "low"],
      0,
    ],
    ["a range without its source", ["scenarios", 0, "parameters", 1, "range", "source"], undefined],
    ["no scenarios", ["scenarios"], []],
    [
      "51 scenarios",
      ["scenarios"],
      Array.from({ length: 51 }, (_, i) => ({ ...standard.scenarios[0], name: `S${i}` })),
    ],
    ["an impossible date", ["created"], "2026-02-30"],
    ["a blank scenario name", ["scenarios", 0, "name"], "  "],
    ["a missing column field", ["columns", "shelter"], undefined],
  ])("both Ajv and the import refuse %s", (_, path, value) => {
    const t = broken(path, value);
    expect(validate(t)).toBe(false);
    expect(parseTemplate(JSON.stringify(t)).ok).toBe(false);
  });
});

describe("the template that ships with the add-in", () => {
  it(`is templates/standard.ts exported (${REGENERATE})`, () => {
    const out = exportTemplate(STANDARD_TEMPLATE);
    expect(out.ok).toBe(true);
    expect(out.ok && out.text).toBe(standardText);
  });

  it("imports without problems or notices", () => {
    const result = parseTemplate(standardText);
    expect(result.ok).toBe(true);
    expect(result.ok && result.notices).toEqual([]);
  });

  it("starts from the registry's defaults with their sources, and varies the support cost over SBST's 40 000-130 000 kr.", () => {
    const t = JSON.parse(standardText) as Template;
    expect(t.scenarios.map((s) => s.name)).toEqual([
      "Standard",
      "Bostøtte lav (40.000 kr.)",
      "Bostøtte høj (130.000 kr.)",
      "10 år som Hjørring",
    ]);
    expect(scenarioParameters(t.scenarios[0])).toEqual(DEFAULT_PARAMETERS);
    for (const p of t.scenarios[0].parameters) expect(p.source).toBe(parameterById(p.id).source);
    expect(scenarioParameters(t.scenarios[1])).toEqual({
      ...DEFAULT_PARAMETERS,
      supportCost: 40_000,
    });
    expect(scenarioParameters(t.scenarios[2])).toEqual({
      ...DEFAULT_PARAMETERS,
      supportCost: 130_000,
    });
    expect(scenarioParameters(t.scenarios[3])).toEqual({ ...DEFAULT_PARAMETERS, horizon: 10 });
    expect(t.scenarios[1].parameters.find((p) => p.id === "supportCost")!.source).toMatch(
      /^Social- og Boligstyrelsen: .*40\.000-130\.000 kr\./
    );
    expect(parameterById("supportCost").source).toMatch(/Social- og Boligstyrelsen/);
  });

  it("maps the demo municipality's budget sheet the way the pane's header matching does", () => {
    const t = JSON.parse(standardText) as Template;
    const mapping = mapColumns(SAMPLE_HEADER);
    const byField = (header: (field: (typeof COLUMN_FIELDS)[number]) => unknown) =>
      Object.fromEntries(COLUMN_FIELDS.map((f) => [f, header(f)]));
    expect(byField((f) => t.columns[f])).toEqual(byField((f) => SAMPLE_HEADER[mapping[f]!]));
  });

  it("uses the pane's column fields", () => {
    expect([...COLUMN_FIELDS]).toEqual([...FIELDS]);
  });
});
