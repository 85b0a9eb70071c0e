/**
 * The dependency rules (.dependency-cruiser.cjs, docs/architecture.md) catch what they forbid:
 * dependency-cruiser's CLI, as `npm run depcruise` runs it, on a tiny tree with one forbidden
 * import per rule (and the imports the rules allow), then on the real tree, which has none.
 * dependency-cruiser is an ES module, which jest's module loader cannot import: hence the CLI.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "@jest/globals";

const ROOT = path.resolve(__dirname, "..");
const CLI = path.join(ROOT, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");
const CONFIG = path.join(ROOT, ".dependency-cruiser.cjs");

interface Cruise {
  modules: { source: string; dependencies: { resolved: string; couldNotResolve: boolean }[] }[];
  violations: { rule: string; from: string; to: string }[];
}

/** Runs dependency-cruiser on src/, taskpane/ and demo/ under `cwd` with the project's rules. */
const depcruise = (cwd: string, ...args: string[]) =>
  spawnSync(process.execPath, [CLI, "src", "taskpane", "demo", "--config", CONFIG, ...args], {
    cwd,
    encoding: "utf8",
  });

/** The modules and the violations, from dependency-cruiser's JSON report. */
function cruise(cwd: string): Cruise {
  const run = depcruise(cwd, "--output-type", "json");
  const output = JSON.parse(run.stdout) as {
    modules: Cruise["modules"];
    summary: { violations: { rule: { name: string }; from: string; to: string }[] };
  };
  return {
    modules: output.modules,
    violations: output.summary.violations
      .map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }))
      .sort((a, b) => `${a.rule} ${a.from}`.localeCompare(`${b.rule} ${b.from}`)),
  };
}

describe("a tree with one forbidden import per rule", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "depcruise-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const files: Record<string, string> = {
    "src/engine/law.ts": 'import { port } from "../workbook/port";\nexport const law = port;',
    "src/engine/io.ts": 'import { readFileSync } from "node:fs";\nexport const io = readFileSync;',
    "src/cells/read.ts": 'import { fn } from "../functions/fn";\nexport const read = fn;',
    "src/engine/calendar.ts": "export const serial = 1;",
    "src/engine/shelter.ts": 'import { da } from "../messages/da";\nexport const shelter = da;',
    "src/messages/da.ts":
      'import { serial } from "../engine/calendar";\nimport { law } from "../engine/law";\n' +
      "export const da = [serial, law];",
    "src/workbook/port.ts": "export const port = 1;",
    "src/functions/fn.ts": 'import { excel } from "../office/excel";\nexport const fn = excel;',
    "src/sheets/sheet.ts":
      'import { memory } from "../demo/memory";\nimport { port } from "../workbook/port";\n' +
      "export const sheet = [memory, port];",
    "src/office/excel.ts":
      'import { i18n } from "../../taskpane/i18n";\nimport { port } from "../workbook/port";\n' +
      "export const excel = [i18n, port];",
    "src/demo/memory.ts":
      'import { excel } from "../office/excel";\nimport { port } from "../workbook/port";\n' +
      "export const memory = [excel, port];",
    "src/demo/a.ts": 'import { b } from "./b";\nexport const a = () => b;',
    "src/demo/b.ts": 'import { a } from "./a";\nexport const b = () => a;',
    "demo/shell.ts":
      'import { app } from "../taskpane/app";\nimport { memory } from "../src/demo/memory";\n' +
      "export const shell = [app, memory];",
    "src/demo/sampleData.ts": "export const sample = 1;",
    "src/examples/sheets.ts":
      'import { memory } from "../demo/memory";\nimport { sample } from "../demo/sampleData";\n' +
      "export const sheets = [memory, sample];",
    "src/worker/client.ts": 'import { law } from "../engine/law";\nexport const client = law;',
    "src/templates/template.ts":
      'import { i18n } from "../../taskpane/i18n";\nimport { guard } from "../privacy/guard";\n' +
      "export const t = [i18n, guard];",
    "src/privacy/guard.ts": 'import { t } from "../templates/names";\nexport const guard = t;',
    "src/templates/names.ts": "export const t = 1;",
    "taskpane/i18n.ts": "export const i18n = 1;",
    "taskpane/app.ts":
      'import { memory } from "../src/demo/memory";\nimport { port } from "../src/workbook/port";\n' +
      "export const app = [memory, port];",
    "taskpane/index.tsx":
      'import { excel } from "../src/office/excel";\nimport { app } from "./app";\n' +
      'export const start = () => [excel, app, import("../demo/shell")];',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), `${text}\n`);
  }

  it("reports exactly the forbidden imports", () => {
    const result = cruise(dir);
    expect(result.violations).toEqual([
      { rule: "cells-read-cells", from: "src/cells/read.ts", to: "src/functions/fn.ts" },
      { rule: "demo-not-office", from: "src/demo/memory.ts", to: "src/office/excel.ts" },
      { rule: "engine-is-pure", from: "src/engine/io.ts", to: "fs" },
      { rule: "engine-is-pure", from: "src/engine/law.ts", to: "src/workbook/port.ts" },
      { rule: "examples-through-port", from: "src/examples/sheets.ts", to: "src/demo/memory.ts" },
      {
        rule: "functions-compute-from-their-arguments",
        from: "src/functions/fn.ts",
        to: "src/office/excel.ts",
      },
      { rule: "messages-are-words", from: "src/messages/da.ts", to: "src/engine/law.ts" },
      { rule: "no-circular", from: "src/demo/a.ts", to: "src/demo/b.ts" },
      { rule: "only-entry-chooses-workbook", from: "taskpane/app.ts", to: "src/demo/memory.ts" },
      { rule: "privacy-stands-alone", from: "src/privacy/guard.ts", to: "src/templates/names.ts" },
      { rule: "sheets-through-the-port", from: "src/sheets/sheet.ts", to: "src/demo/memory.ts" },
      { rule: "src-never-imports-the-apps", from: "src/office/excel.ts", to: "taskpane/i18n.ts" },
      {
        rule: "src-never-imports-the-apps",
        from: "src/templates/template.ts",
        to: "taskpane/i18n.ts",
      },
      {
        rule: "worker-protocol-stands-alone",
        from: "src/worker/client.ts",
        to: "src/engine/law.ts",
      },
    ]);
  });

  it("fails `npm run depcruise` (its exit status), naming the rules", () => {
    const run = depcruise(dir);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toMatch(
      /error engine-is-pure: src\/engine\/law\.ts → src\/workbook\/port\.ts/
    );
  });
});

describe("the real tree", () => {
  it("keeps every rule, with every import resolved", () => {
    const result = cruise(ROOT);
    expect(result.violations).toEqual([]);
    const sources = result.modules.map((m) => m.source);
    expect(sources).toEqual(
      expect.arrayContaining([
        "src/engine/rules.ts",
        "src/functions/functions.ts",
        "src/office/excelWorkbook.ts",
        "src/sheets/scenarios/scenarioSheet.ts",
        "src/cells/coerce.ts",
        "demo/DemoShell.tsx",
        "taskpane/index.tsx",
      ])
    );
    const unresolved = result.modules.flatMap((m) =>
      m.dependencies.filter((d) => d.couldNotResolve).map((d) => `${m.source} -> ${d.resolved}`)
    );
    expect(unresolved).toEqual([]);
  });
});
