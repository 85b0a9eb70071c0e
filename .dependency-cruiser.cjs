// What may use what (docs/architecture.md): `npm run depcruise`, part of `npm test`. Paths are
// relative to where it runs (the repository root; test/dependencyRules.test.ts runs it on fixtures).
/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "engine-is-pure",
      comment:
        "The law and the economics stand alone (no Office.js, DOM, I/O or other parts), so they " +
        "run and are tested anywhere; decimal.js is their exact arithmetic, src/messages the words " +
        "of the problems they report.",
      severity: "error",
      from: { path: "^src/engine/" },
      to: { pathNot: ["^src/engine/", "^src/messages/", "^node_modules/decimal\\.js/"] },
    },
    {
      name: "messages-are-words",
      comment:
        "The problems and their Danish and English texts (src/messages) are what the engine and " +
        "the cell layer report: pure like the engine, they use only its dates, money and " +
        "parameter formatting, so the engine can import them without a cycle.",
      severity: "error",
      from: { path: "^src/messages/" },
      to: {
        pathNot: [
          "^src/messages/",
          "^src/engine/(calendar|money|userGroups)\\.ts$",
          "^src/engine/parameters/(definition|format|lookup|registry)\\.ts$",
          "^node_modules/decimal\\.js/",
        ],
      },
    },
    {
      name: "cells-read-cells",
      comment:
        "Turning cell values into the engine's typed values is one layer that the functions and " +
        "the sheets share; it knows the engine and nothing above it.",
      severity: "error",
      from: { path: "^src/cells/" },
      to: { pathNot: ["^src/cells/", "^src/engine/", "^src/messages/", "^node_modules/"] },
    },
    {
      name: "src-never-imports-the-apps",
      comment:
        "src/ is what the two apps stand on: the pane (taskpane/) and the demo page (demo/) use " +
        "it, never the other way round.",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^(taskpane|demo)/" },
    },
    {
      name: "functions-compute-from-their-arguments",
      comment:
        "Custom functions run in Excel's functions runtime, which has neither the pane, the " +
        "sheets nor the demo, and compute from their arguments alone, never through Office.js.",
      severity: "error",
      from: { path: "^src/functions/" },
      to: { path: "^src/(office|demo|sheets|files)/" },
    },
    {
      name: "sheets-through-the-port",
      comment:
        "The add-in's own sheets and the Scenarier format are written and read through the " +
        "workbook port, so they are the same in Excel and in the demo: never an adapter.",
      severity: "error",
      from: { path: "^src/sheets/" },
      to: { path: "^src/(office|demo|files|functions/(registered|registry|offThread|workers))" },
    },
    {
      name: "demo-not-office",
      comment: "The demo runs in a plain browser, where Office.js does not exist.",
      severity: "error",
      from: { path: "^(src/demo|src/files|demo)/" },
      to: { path: "^src/office/" },
    },
    {
      name: "office-not-demo",
      comment:
        "The Office adapter implements the workbook port only; the demo is a separate adapter.",
      severity: "error",
      from: { path: "^src/office/" },
      to: { path: "^(src/demo|src/files)/" },
    },
    {
      name: "only-entry-chooses-workbook",
      comment:
        "taskpane/index.tsx is the one place that chooses Excel or the demo; the rest of the " +
        "pane talks to the workbook port, so it works the same on both.",
      severity: "error",
      from: { path: "^taskpane/", pathNot: "^taskpane/index\\.tsx$" },
      to: { path: "^(src/(office|demo|files)|demo)/" },
    },
    {
      name: "examples-through-port",
      comment:
        "The example sheets are specs for the workbook port, written by the pane in Excel and " +
        "the demo and by the build into the sample workbook: they use neither an app nor an " +
        "adapter, only the demo municipality's stays.",
      severity: "error",
      from: { path: "^src/examples/" },
      to: { path: "^src/(office|demo|files|sheets)/", pathNot: "^src/demo/sampleData\\.ts$" },
    },
    {
      name: "worker-protocol-stands-alone",
      comment:
        "The web-worker protocol carries any job: the pane's engine jobs, the demo's calc and " +
        "file jobs and the functions' jobs use it, not the other way round (it needs the port's " +
        "AbortError only).",
      severity: "error",
      from: { path: "^src/worker/" },
      to: { path: "^src/(engine|cells|functions|sheets|files|office|demo|templates)/" },
    },
    {
      name: "privacy-stands-alone",
      comment:
        "The personal-data guard is one reading for every writer (templates, the sheets, the " +
        "pane) and needs nothing but text, so each of them can use it and it can use none of them.",
      severity: "error",
      from: { path: "^src/privacy/" },
      to: { pathNot: "^src/privacy/" },
    },
    {
      name: "no-circular",
      comment: "An import circle makes two modules one in disguise: neither can be read alone.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    // Type-only imports count: a type from the pane in src/office is still a use of the pane.
    tsPreCompilationDeps: true,
    doNotFollow: { path: "node_modules" },
  },
};
