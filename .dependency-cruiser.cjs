// What may use what (docs/architecture.md): `npm run depcruise`, part of `npm test`. Paths are
// relative to where it runs (the repository root; test/architecture.test.ts runs it on fixtures).
/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "engine-is-pure",
      comment:
        "The law and the economics stand alone (no Office.js, DOM, I/O or other parts), so they " +
        "run and are tested anywhere; decimal.js is their exact arithmetic.",
      severity: "error",
      from: { path: "^src/engine/" },
      to: { pathNot: ["^src/engine/", "^node_modules/decimal\\.js/"] },
    },
    {
      name: "functions-not-pane-office-demo",
      comment:
        "Custom functions run in Excel's functions runtime, which has neither the pane nor the " +
        "demo, and compute from their arguments alone, never through Office.js.",
      severity: "error",
      from: { path: "^src/functions/" },
      to: { path: "^(taskpane/|src/office/|src/demo/)" },
    },
    {
      name: "demo-not-office",
      comment: "The demo runs in a plain browser, where Office.js does not exist.",
      severity: "error",
      from: { path: "^src/demo/" },
      to: { path: "^src/office/" },
    },
    {
      name: "office-not-pane-demo",
      comment:
        "The Office adapter implements the workbook port only: the pane uses it, never the " +
        "other way round, and the demo is a separate adapter.",
      severity: "error",
      from: { path: "^src/office/" },
      to: { path: "^(taskpane/|src/demo/)" },
    },
    {
      name: "only-demo-shell-embeds-pane",
      comment:
        "src/ is what the pane stands on; only the demo shell, which shows the pane next to its " +
        "in-memory workbook, may import it.",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/demo/demoPage/" },
      to: { path: "^taskpane/" },
    },
    {
      name: "only-entry-chooses-workbook",
      comment:
        "taskpane/index.tsx is the one place that chooses Excel or the demo; the rest of the " +
        "pane talks to the workbook port, so it works the same on both.",
      severity: "error",
      from: { path: "^taskpane/", pathNot: "^taskpane/index\\.tsx$" },
      to: { path: "^src/(office|demo)/" },
    },
    {
      name: "examples-through-port",
      comment:
        "The example sheets are specs for the workbook port, written by the pane in Excel and " +
        "the demo and by the build into the sample workbook: they use neither the pane nor an " +
        "adapter, only the demo municipality's stays.",
      severity: "error",
      from: { path: "^src/examples/" },
      to: { path: "^(taskpane/|src/office/|src/demo/)", pathNot: "^src/demo/sampleData\\.ts$" },
    },
    {
      name: "worker-protocol-stands-alone",
      comment:
        "The web-worker protocol carries any job: the pane's engine jobs and the demo's calc " +
        "jobs use it, not the other way round (it needs the port's AbortError only).",
      severity: "error",
      from: { path: "^src/worker/" },
      to: { path: "^(taskpane/|src/(engine|functions|office|demo|templates)/)" },
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
