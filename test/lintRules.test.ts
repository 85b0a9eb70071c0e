/**
 * The lint (eslint.config.mjs) catches what it should: ESLint's Node API with the project's
 * configuration on small sources at a path in a tiny copy of the tree (a temporary folder with
 * the project's ESLint, prettier and TypeScript settings and its node_modules linked): the rules
 * with type information need the files on disk, where TypeScript reads them.
 * ESLint loads its configuration with import(), which jest's module loader does not allow, so
 * the API runs in a child Node process.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";

const ROOT = path.resolve(__dirname, "..");

interface Message {
  ruleId: string | null;
  severity: number;
  line: number;
}

/** Lints each source as the file at its path in a copy of the tree; the messages per path. */
function lint(sources: Record<string, string>): Record<string, Message[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "lint-"));
  try {
    for (const file of ["eslint.config.mjs", "prettier.config.js"])
      copyFileSync(path.join(ROOT, file), path.join(dir, file));
    symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"), "dir");
    const tsconfig = {
      extends: path.join(ROOT, "tsconfig.json"),
      include: ["src", "taskpane", "test"],
    };
    writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify(tsconfig));
    for (const [file, text] of Object.entries(sources)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    const script = `
      const { ESLint } = require("eslint");
      const files = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
      new ESLint({ cwd: process.cwd() }).lintFiles(files).then((results) =>
        process.stdout.write(JSON.stringify(Object.fromEntries(results.map((r) => [
          require("node:path").relative(process.cwd(), r.filePath),
          r.messages.map(({ ruleId, severity, line }) => ({ ruleId, severity, line })),
        ])))));`;
    const run = spawnSync(process.execPath, ["-e", script], {
      cwd: dir,
      input: JSON.stringify(Object.keys(sources)),
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(run.stderr);
    return JSON.parse(run.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
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

/** A source of `count` lines of code. */
function lines(count: number): string {
  return Array.from({ length: count }, (_, i) => `export const n${i} = ${i};\n`).join("");
}

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
  "src/office/unawaited.ts": [
    "export async function save(write: () => Promise<void>): Promise<void> {",
    "  write();",
    "  void write();",
    "  await write();",
    "}",
    "",
  ].join("\n"),
  "src/engine/long.ts": lines(501),
  "src/engine/longWithComments.ts": `/**\n${" * Why.\n".repeat(200)} */\n${lines(500)}`,
  "src/engine/parameters/registry.ts": lines(501),
  "test/long.test.ts": lines(501),
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

  it("fails a promise that is neither awaited nor marked void (type-aware typescript-eslint)", () => {
    expect(errors("src/office/unawaited.ts")).toEqual([
      { rule: "@typescript-eslint/no-floating-promises", error: true, line: 2 },
    ]);
  });

  it("fails a source file over 500 lines of code, not counting comments; data and tests exempt", () => {
    expect(errors("src/engine/long.ts")).toEqual([{ rule: "max-lines", error: true, line: 501 }]);
    expect(errors("src/engine/longWithComments.ts")).toEqual([]);
    expect(errors("src/engine/parameters/registry.ts")).toEqual([]);
    expect(errors("test/long.test.ts")).toEqual([]);
  });
});
