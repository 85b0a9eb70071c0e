/**
 * The test environment (`ADDIN_ENV=test`, build/environment.ts) as a second add-in beside
 * production: its manifest differs from production's in the Id, the names users see and the
 * functions' namespace, and in nothing else; the build switches on ADDIN_ENV (the manifest, the
 * namespace in the bundles, the help pages, the sample workbook), and the formulas the pane and
 * the demo write and read follow the build's namespace.
 */
import { ENGLISH_LOCALES } from "../taskpane/language";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { strFromU8, unzipSync } from "fflate";
import { OfficeAddinManifest } from "office-addin-manifest";
import { PRODUCTION, TEST, environmentFrom } from "../build/environment";
import { buildManifest } from "../build/manifest";
import { sampleWorkbookBytes } from "../build/sampleWorkbook";
import { FUNCTIONS_NAMESPACE } from "../src/functions/namespace";
import { version } from "../package.json";

const ROOT = path.resolve(__dirname, "..");
const SOURCE = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const BASE = "https://addins.kommune.example/refusion-test/";
const webpackConfig = require("../webpack.config.js") as (
  env: Record<string, unknown>,
  options: { mode: string }
) => Promise<{ plugins: object[] }>;

const production = () => buildManifest(SOURCE, BASE, version, PRODUCTION);
const test = () => buildManifest(SOURCE, BASE, version, TEST);
const idOf = (xml: string) => /<Id>([^<]+)<\/Id>/.exec(xml)?.[1];
const namespaceOf = (xml: string) =>
  /<bt:String id="Functions\.Namespace" DefaultValue="([^"]*)"/.exec(xml)?.[1];

describe("ADDIN_ENV", () => {
  it("names production (unset, empty or production) or test; anything else stops the build", () => {
    for (const value of [undefined, "", " production ", "PRODUCTION"])
      expect(environmentFrom(value)).toBe(PRODUCTION);
    for (const value of ["test", "Test"]) expect(environmentFrom(value)).toBe(TEST);
    for (const value of ["staging", "prod", "tests"])
      expect(() => environmentFrom(value)).toThrow(/ADDIN_ENV must be "production" or "test"/);
  });
});

describe("the test environment's manifest", () => {
  it("has its own Id, a display name that says test and its own namespace", () => {
    expect(idOf(production())).toBe(idOf(SOURCE));
    expect(idOf(test())).toBe(TEST.id);
    expect(TEST.id).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
    );
    expect(TEST.id).not.toBe(idOf(SOURCE));
    expect(namespaceOf(production())).toBe("DK");
    expect(namespaceOf(test())).toBe("DKTEST");
    expect(test()).toMatch(/<DisplayName DefaultValue="Refusion og Housing First \(test\)">/);
    expect(test()).toMatch(
      /<Override Locale="en-US" Value="Refunds and Housing First \(test\)"\/>/
    );
  });

  it("differs from production's in those and in the texts that name them, nothing else", () => {
    const prod = production().split("\n");
    const pilot = test().split("\n");
    expect(pilot.length).toBe(prod.length);
    const changed = pilot.flatMap((line, i) => (line === prod[i] ? [] : [[prod[i], line]]));
    // Id, namespace, and each localized text in the default and every English override: the
    // display name, ribbon group, button and "get started" title, and the texts that say "DK."
    // (description and "get started" text).
    expect(changed.length).toBe(2 + 6 * (1 + ENGLISH_LOCALES.length));
    const productionId = idOf(SOURCE) ?? "";
    for (const [before, after] of changed)
      expect(
        after
          .replace(TEST.id ?? "", productionId)
          .replace(/ \(test\)/g, "")
          .replace(/\bDKTEST\b/g, "DK")
      ).toBe(before);
  });

  it("is read by office-addin-manifest like production's", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "refusion-env-"));
    try {
      const file = path.join(dir, "manifest.xml");
      writeFileSync(file, test());
      const info = await OfficeAddinManifest.readManifestFile(file);
      expect(info.id).toBe(TEST.id);
      expect(info.displayName).toBe("Refusion og Housing First (test)");
      expect(info.hosts).toEqual(["Workbook"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the build with ADDIN_ENV=test", () => {
  const saved = process.env.ADDIN_ENV;
  afterEach(() => {
    if (saved === undefined) delete process.env.ADDIN_ENV;
    else process.env.ADDIN_ENV = saved;
  });

  /** webpack.config.js's plugins for ADDIN_ENV=value. */
  async function pluginsFor(value: string | undefined) {
    if (value === undefined) delete process.env.ADDIN_ENV;
    else process.env.ADDIN_ENV = value;
    return (await webpackConfig({}, { mode: "production" })).plugins as Record<string, unknown>[];
  }
  const named = (plugins: Record<string, unknown>[], name: string) =>
    plugins.find((p) => p.constructor.name === name) as Record<string, never>;

  it("gives the bundles, the manifest and the sample workbook the test namespace", async () => {
    for (const [value, environment] of [
      [undefined, PRODUCTION],
      ["test", TEST],
    ] as const) {
      const plugins = await pluginsFor(value);
      expect(named(plugins, "DefinePlugin").definitions).toEqual({
        ADDIN_FUNCTIONS_NAMESPACE: JSON.stringify(environment.namespace),
      });
      expect(named(plugins, "AddinAssetsPlugin").environment).toBe(environment);
    }
    await expect(pluginsFor("staging")).rejects.toThrow(/ADDIN_ENV/);
  });

  it("writes the test namespace into the help pages", async () => {
    const copy = named(await pluginsFor("test"), "CopyPlugin") as unknown as {
      patterns: { from: string; transform?: (content: Buffer) => string }[];
    };
    const help = copy.patterns.find((p) => p.from === "taskpane/help.html")!;
    const page = help.transform!(readFileSync(path.join(ROOT, "taskpane", "help.html")));
    expect(page).toContain("<code>=DKTEST.REFUSION110(...)</code>");
    expect(page).toContain("<code>DKTEST</code>");
    expect(page).not.toMatch(/\bDK\.[A-Z]/);
  });

  it("the sample workbook calls DKTEST. where production's calls DK., and is otherwise the same", async () => {
    const sheets = async (namespace: string) =>
      Object.entries(unzipSync(new Uint8Array(await sampleWorkbookBytes(namespace))))
        .filter(([name]) => /^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(name))
        .map(([name, bytes]) => [name, strFromU8(bytes)]);
    const [prod, pilot] = [await sheets("DK"), await sheets("DKTEST")];
    // The four example sheets and the shared strings.
    expect(prod.length).toBe(5);
    const formulas = (xml: string) => xml.match(/<f[^>]*>[^<]*<\/f>/g) ?? [];
    expect(pilot.flatMap(([, xml]) => formulas(xml)).filter((f) => /DK\./.test(f))).toEqual([]);
    expect(pilot.flatMap(([, xml]) => formulas(xml)).length).toBeGreaterThan(10);
    expect(pilot.map(([n, xml]) => [n, xml.replace(/\bDKTEST\./g, "DK.")])).toEqual(prod);
  });
});

describe("formulas follow the build's namespace", () => {
  /** The pane's and the demo's formula modules as a build with ADDIN_FUNCTIONS_NAMESPACE loads them. */
  async function loadWith(namespace: string) {
    const global = globalThis as { ADDIN_FUNCTIONS_NAMESPACE?: string };
    global.ADDIN_FUNCTIONS_NAMESPACE = namespace;
    try {
      let modules:
        | [
            typeof import("../src/sheets/scenarios/scenarioSheet"),
            typeof import("../src/demo/formulas"),
          ]
        | undefined;
      await jest.isolateModulesAsync(async () => {
        modules = [
          await import("../src/sheets/scenarios/scenarioSheet"),
          await import("../src/demo/formulas"),
        ];
      });
      return modules!;
    } finally {
      delete global.ADDIN_FUNCTIONS_NAMESPACE;
    }
  }
  const stays = {
    sheet: "Budget",
    firstRow: 3,
    lastRow: 10,
    columns: [
      { column: 0, header: "Borger" },
      { column: 2, header: "Indskrivning" },
      { column: 3, header: "Udskrivning" },
      { column: 4, header: "Takst" },
      null,
    ],
  };

  it("is DK in Node, as in production", () => {
    expect(FUNCTIONS_NAMESPACE).toBe("DK");
  });

  it("the Scenarier sheet's formula and the demo's formula reader use the test namespace", async () => {
    const [sheet, formulas] = await loadWith("DKTEST");
    expect(sheet.projectionFormula(stays as Parameters<typeof sheet.projectionFormula>[0])).toMatch(
      /^=DKTEST\.HOUSINGFIRSTPROJECTION\(/
    );
    expect(formulas.parseFormula("=DKTEST.REFUSION110(A1,B1,C1,D1)")?.name).toBe("REFUSION110");
    // Production's functions are another add-in's in a test build.
    expect(formulas.parseFormula("=DK.REFUSION110(A1,B1,C1,D1)")).toBeUndefined();
  });
});
