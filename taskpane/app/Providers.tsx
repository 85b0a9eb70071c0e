/**
 * Fluent UI's theme and the pane's texts, for the pane in Excel and for the demo page alike.
 * In Office the pane follows Office's theme: dark when `Office.context.officeTheme.isDarkTheme`
 * ("true if the Office theme that's currently selected is Black or Dark Gray",
 * https://learn.microsoft.com/javascript/api/office/office.officetheme). Excel has no event for a
 * theme change, so the theme is read when the pane starts. The demo stays light.
 */
import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { TEXTS, TextProvider, type Language } from "../i18n";

export function Providers({
  language,
  dark = false,
  children,
}: {
  language: Language;
  dark?: boolean;
  children: ReactNode;
}) {
  return (
    <FluentProvider
      theme={dark ? webDarkTheme : webLightTheme}
      lang={language === "da" ? "da-DK" : "en-GB"}
    >
      <TextProvider value={TEXTS[language]}>{children}</TextProvider>
    </FluentProvider>
  );
}
