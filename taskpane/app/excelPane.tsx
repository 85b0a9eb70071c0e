/**
 * The pane on the user's workbook in Excel, in Office's display language and theme: a chunk of
 * its own that the page loads only once the pane is shown (taskpane/startup/start.ts), so a
 * runtime started for the functions alone never loads it.
 */
import { webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import type { Language } from "../language";
import type { Workbook } from "../../src/workbook/workbook";
import { App } from "./App";
import { Providers } from "./Providers";

export function mountExcelPane(
  container: HTMLElement,
  workbook: Workbook,
  language: Language
): void {
  document.documentElement.lang = language;
  // Not available in every client (guard, as Microsoft's theming guidance does).
  const dark = Office.context.officeTheme?.isDarkTheme === true;
  document.documentElement.style.colorScheme = dark ? "dark" : "light";
  document.body.style.backgroundColor = (
    dark ? webDarkTheme : webLightTheme
  ).colorNeutralBackground1;
  container.replaceChildren();
  createRoot(container).render(
    <Providers language={language} dark={dark}>
      <main>
        <App workbook={workbook} />
      </main>
    </Providers>
  );
}
