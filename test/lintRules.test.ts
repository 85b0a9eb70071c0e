/**
 * The lint (eslint.config.mjs) catches what it should: ESLint's Node API with the project's
 * configuration on small sources given a path in the tree (they exist only in this test).
 * ESLint loads its configuration with import(), which jest's module loader does not allow, so
 * the API runs in a child Node process.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";

const ROOT = path.resolve(__dirname, "..");

interface Message {
  ruleId: string | null;
  severity: number;
  line: number;
}

/** Lints each source as if it were the file at its path; the messages per path. */
function lint(sources: Record<string, string>): Record<string, Message[]> {
  const script = `
    const { ESLint } = require("eslint");
    const sources = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
    const eslint = new ESLint({ cwd: process.cwd() });
    Promise.all(
      Object.entries(sources).map(async ([filePath, text]) => {
        const [result] = await eslint.lintText(text, { filePath });
        return [filePath, result.messages.map(({ ruleId, severity, line }) => ({ ruleId, severity, line }))];
      })
    ).then((entries) => process.stdout.write(JSON.stringify(Object.fromEntries(entries))));`;
  const run = spawnSync(process.execPath, ["-e", script], {
    cwd: ROOT,
    input: JSON.stringify(sources),
    encoding: "utf8",
  });
  if (run.status !== 0) throw new Error(run.stderr);
  return JSON.parse(run.stdout);
}

const readCell = (body: string) =>
  [
    "export async function firstCell(): Promise<unknown> {",
    "  return Excel.run(async (context) => {",
    '    const range = context.workbook.worksheets.getActiveWorksheet().getRange("A1");',
    ...body.split("\n").map((line) => `    ${line}`),
    "    return range.values[0][0];",
    "  });",
    "}",
    "",
  ].join("\n");

const sources = {
  "src/office/loadedAndSynced.ts": readCell('range.load("values");\nawait context.sync();'),
  "src/office/notLoaded.ts": readCell("await context.sync();"),
  "src/office/notSynced.ts": readCell('range.load("values");'),
  "taskpane/app/ConditionalHook.tsx": [
    'import { useState } from "react";',
    "",
    "export function Count(props: { show: boolean }) {",
    "  if (!props.show) return null;",
    "  const [n] = useState(0);",
    "  return <p>{n}</p>;",
    "}",
    "",
  ].join("\n"),
  "src/engine/untyped.ts": "export const parse = (text: string): any => JSON.parse(text);\n",
  "src/engine/unformatted.ts": "export const one  =  1\n",
};

describe("the lint (npm run lint) on small sources", () => {
  let messages: Record<string, Message[]>;
  beforeAll(() => {
    messages = lint(sources);
  });

  const errors = (file: keyof typeof sources) =>
    messages[file].map((m) => ({ rule: m.ruleId, error: m.severity === 2, line: m.line }));

  it("passes Office.js code that loads and syncs before it reads", () => {
    expect(errors("src/office/loadedAndSynced.ts")).toEqual([]);
  });

  it("fails reading range.values that was never loaded (office-addins)", () => {
    expect(errors("src/office/notLoaded.ts")).toEqual([
      { rule: "office-addins/load-object-before-read", error: true, line: 5 },
    ]);
  });

  it("fails reading range.values loaded but not yet synced (office-addins)", () => {
    expect(errors("src/office/notSynced.ts")).toEqual([
      { rule: "office-addins/call-sync-after-load", error: true, line: 5 },
      { rule: "office-addins/call-sync-before-read", error: true, line: 5 },
    ]);
  });

  it("fails a hook called conditionally in the pane (react-hooks)", () => {
    expect(errors("taskpane/app/ConditionalHook.tsx")).toEqual([
      { rule: "react-hooks/rules-of-hooks", error: true, line: 5 },
    ]);
  });

  it("fails an explicit any (typescript-eslint) and unformatted code (prettier)", () => {
    expect(errors("src/engine/untyped.ts")).toEqual([
      { rule: "@typescript-eslint/no-explicit-any", error: true, line: 1 },
    ]);
    expect(errors("src/engine/unformatted.ts").map((e) => e.rule)).toContain("prettier/prettier");
  });
});
