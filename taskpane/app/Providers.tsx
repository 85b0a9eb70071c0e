/** Fluent UI's theme and the pane's texts, for the pane in Excel and for the demo page alike. */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { TEXTS, TextProvider, type Language } from "../i18n";

export function Providers({ language, children }: { language: Language; children: ReactNode }) {
  return (
    <FluentProvider theme={webLightTheme} lang={language === "da" ? "da-DK" : "en-GB"}>
      <TextProvider value={TEXTS[language]}>{children}</TextProvider>
    </FluentProvider>
  );
}
