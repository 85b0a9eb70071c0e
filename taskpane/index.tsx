/**
 * The pane's entry. Inside Excel (office.js loaded and Office.onReady reports Excel) the pane
 * runs on the user's workbook through Office.js, in Office's display language. In a plain
 * browser, or when office.js could not load (no network), it starts the standalone demo on the
 * in-memory workbook; the demo (and exceljs for loading files) is a chunk Excel never loads.
 */
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { ExcelWorkbook } from "../src/office/excelWorkbook";
import { App } from "./app/App";
import { Providers } from "./app/Providers";
import { languageOf } from "./i18n";

const root = createRoot(document.getElementById("root") as HTMLElement);

const startDemo = () =>
  import("../src/demo/demoPage/mountDemo").then((m) => m.mountDemo(root, window.location.search));

function startInExcel(): void {
  const language = languageOf(Office.context.displayLanguage);
  document.documentElement.lang = language;
  // Not available in every client (guard, as Microsoft's theming guidance does).
  const dark = Office.context.officeTheme?.isDarkTheme === true;
  document.documentElement.style.colorScheme = dark ? "dark" : "light";
  document.body.style.backgroundColor = (
    dark ? webDarkTheme : webLightTheme
  ).colorNeutralBackground1;
  root.render(
    <Providers language={language} dark={dark}>
      <main>
        <App workbook={new ExcelWorkbook()} />
      </main>
    </Providers>
  );
}

if (typeof Office === "undefined") {
  void startDemo();
} else {
  // Outside Office, office.js still loads in a browser but onReady reports no host.
  Office.onReady((info) =>
    info.host === Office.HostType.Excel ? startInExcel() : void startDemo()
  );
}
