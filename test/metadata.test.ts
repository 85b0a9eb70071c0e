/**
 * The custom functions' metadata (functions.json), generated from the functions' JSDoc by
 * custom-functions-metadata from the same input files webpack.config.js gives the plugin.
 * Each function's contract as Excel sees it is pinned in the table below.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { beforeAll, describe, expect, it } from "@jest/globals";
import * as functions from "../src/functions/functions";
import { HOOK_TIMEOUT } from "./timeouts";

const ROOT = path.resolve(__dirname, "..");
const webpackConfig = require("../webpack.config.js") as {
  urlDev: string;
  functionFiles: () => string[];
};

interface Expected {
  /** Arguments in order: true for an optional one. */
  optional: boolean[];
  result: "matrix" | "scalar";
}

const required = (n: number) => Array<boolean>(n).fill(false);
const optional = (n: number) => Array<boolean>(n).fill(true);

/**
 * One row per custom function (SPEC 2); a function added to a *Functions.ts file needs its row.
 * Row-wise functions spill a column (matrix); the Housing First functions give one value.
 */
const EXPECTED: Record<string, Expected> = {
  REFUSION110: { optional: [...required(4), ...optional(4)], result: "matrix" },
  REFUSIONDAYS110: { optional: [...required(3), ...optional(3)], result: "matrix" },
  REFUSION85A: { optional: [...required(4), ...optional(3)], result: "matrix" },
  REFUSION107: { optional: [...required(5), ...optional(3)], result: "matrix" },
  HOUSINGFIRSTNPV: { optional: [...required(3), ...optional(2)], result: "scalar" },
  HOUSINGFIRSTRATIO: { optional: [...required(3), ...optional(2)], result: "scalar" },
  HOUSINGFIRSTBREAKEVEN: { optional: [...required(3), ...optional(2)], result: "scalar" },
  FORECAST: { optional: [...required(4), ...optional(3)], result: "matrix" },
  PROJECTION: { optional: [...required(6), ...optional(1)], result: "matrix" },
};

interface Parameter {
  name: string;
  description?: string;
  optional?: boolean;
  dimensionality?: string;
}
interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: Parameter[];
  result: { dimensionality?: string };
}

/** Danish text: one of the letters æ/ø/å or a common Danish word, and no common English word. */
const DANISH = /[æøåÆØÅ]|\b(og|eller|af|pr|til|efter|med|skal|tom|fx|kun|i|som|ikke)\b/;
const ENGLISH = /\b(the|and|of|is|per day|must)\b/i;

let generated: { functions: FunctionMetadata[] };
let associations: { functionName: string; id: string; sourceFileName: string }[];

beforeAll(async () => {
  const input = webpackConfig.functionFiles().map((f) => path.join(ROOT, f));
  const result = await generateCustomFunctionsMetadata(input, false);
  if (result.errors.length > 0) {
    throw new Error(
      `custom-functions-metadata errors (the JSDoc and the TypeScript types must agree):\n${result.errors.join("\n")}`
    );
  }
  generated = JSON.parse(result.metadataJson);
  associations = result.associate;
}, HOOK_TIMEOUT);

const byId = (id: string) => generated.functions.find((f) => f.id === id) as FunctionMetadata;

describe("functions.json", () => {
  it("is generated from every src/functions/*Functions.ts file", () => {
    const files = webpackConfig.functionFiles();
    expect(files).toContain("./src/functions/shelterFunctions.ts");
    for (const f of files) expect(f).toMatch(/^\.\/src\/functions\/\w+Functions\.ts$/);
    const sources = new Set(associations.map((a) => path.basename(a.sourceFileName)));
    expect([...sources].sort()).toEqual(files.map((f) => path.basename(f)).sort());
  });

  it("declares exactly the functions in the table", () => {
    expect(generated.functions.map((f) => f.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it("in dist/ is the same as generated from the sources (the build is current)", () => {
    const built = path.join(ROOT, "dist", "functions.json");
    if (!existsSync(built))
      throw new Error("dist/functions.json is missing: run `npm run build` (npm test does it)");
    expect(JSON.parse(readFileSync(built, "utf8"))).toEqual(generated);
  });
});

describe.each(Object.entries(EXPECTED))("%s", (id, expected) => {
  it("has its id as name (no DK. prefix: the manifest's namespace adds it)", () => {
    const f = byId(id);
    expect(f.name).toBe(id);
    expect(id).toMatch(/^[A-Z][A-Z0-9]*$/);
  });

  it("has a Danish description and Danish help for every argument", () => {
    const f = byId(id);
    for (const text of [f.description, ...f.parameters.map((p) => p.description)]) {
      expect(text).toMatch(DANISH);
      expect(text).not.toMatch(ENGLISH);
    }
  });

  it(`takes ${expected.optional.length} arguments, the last ${expected.optional.filter(Boolean).length} optional`, () => {
    expect(byId(id).parameters.map((p) => p.optional === true)).toEqual(expected.optional);
  });

  it(`returns a ${expected.result}`, () => {
    expect(byId(id).result.dimensionality ?? "scalar").toBe(expected.result);
  });

  it("links its section of the help page", () => {
    const anchor = id.toLowerCase();
    expect(byId(id).helpUrl).toBe(`${webpackConfig.urlDev}help.html#${anchor}`);
    expect(readFileSync(path.join(ROOT, "taskpane", "help.html"), "utf8")).toContain(
      `id="${anchor}"`
    );
  });

  it("is exported by functions.ts under its lowerCamelCase name, the function Excel calls", () => {
    const association = associations.find((a) => a.id === id);
    const name = association?.functionName ?? "";
    expect(name).toMatch(/^[a-z][a-zA-Z0-9]*$/);
    expect(name.toUpperCase()).toBe(id);
    expect(typeof (functions as Record<string, unknown>)[name]).toBe("function");
  });
});
