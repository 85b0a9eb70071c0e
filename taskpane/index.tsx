/**
 * The page's entry, after the functions bundle has registered the custom functions
 * (webpack.config.js loads functions.js first). Small on purpose: startup/start.ts decides
 * between Excel, a problem (office.js blocked inside Office, an Excel too old) and the
 * standalone demo, and the pane (React, Fluent UI, the workbook adapter) and the demo are chunks
 * loaded only when they start: a runtime that Excel started for the functions alone loads
 * neither. This is the one place that picks the Excel workbook or the demo's.
 */
import { pageSignals } from "./startup/officeHost";
import { pageView } from "./startup/paneShown";
import { showProblem } from "./startup/problemPage";
import { start } from "./startup/start";

const container = document.getElementById("root") as HTMLElement;

start({
  office: typeof Office === "undefined" ? undefined : Office,
  signals: pageSignals(window),
  view: pageView(window),
  startDemo: () =>
    void Promise.all([import("react-dom/client"), import("../demo/mountDemo")]).then(
      ([{ createRoot }, { mountDemo }]) => mountDemo(createRoot(container), window.location.search)
    ),
  showProblem: (problem) => showProblem(container, problem),
  startPane: (language) =>
    void Promise.all([import("./app/excelPane"), import("../src/office/excelWorkbook")]).then(
      ([{ mountExcelPane }, { ExcelWorkbook }]) =>
        mountExcelPane(container, new ExcelWorkbook(), language)
    ),
});
