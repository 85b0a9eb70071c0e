/**
 * The task pane, minimal for now: which rule set is active (with its day limits and their
 * legal sources) and a link to the function help. It starts in Excel (after Office.onReady)
 * and in a plain browser where office.js is missing or could not load (standalone).
 */
import { Body1, Caption1, FluentProvider, Link, Subtitle2, Title3, webLightTheme } from "@fluentui/react-components";
import { createRoot } from "react-dom/client";
import { danishFromSerial } from "../src/engine/calendar";
import { RULE_SETS } from "../src/engine/rules";

type Language = "da" | "en";

const TEXT: Record<Language, { title: string; active: string; limit: (days: number, from: string) => string; help: string }> = {
  da: {
    title: "Refusion og Housing First",
    active: "Aktivt regelsæt",
    limit: (days, from) => `Fra ${from}: refusion for de første ${days} døgn i et løbende år pr. borger`,
    help: "Hjælp til funktionerne (DK.REFUSION110 m.fl.)",
  },
  en: {
    title: "Refunds and Housing First",
    active: "Active rule set",
    limit: (days, from) => `From ${from}: refund for the first ${days} days in a rolling year per citizen`,
    help: "Help on the functions (DK.REFUSION110 and others)",
  },
};

function Pane({ language }: { language: Language }) {
  const text = TEXT[language];
  const rules = RULE_SETS.NY;
  return (
    <FluentProvider theme={webLightTheme} lang={language}>
      <main style={{ padding: "12px 16px", display: "flex", flexDirection: "column", gap: 8 }}>
        <Title3 as="h1">{text.title}</Title3>
        <Subtitle2 as="h2">
          {text.active}: {rules.name}
        </Subtitle2>
        <Body1>{rules.title}</Body1>
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {rules.shelter.dayLimits.map((limit) => (
            <li key={limit.from}>
              <Body1>{text.limit(limit.days, danishFromSerial(limit.from))}</Body1>
              <br />
              <Caption1>{limit.source}</Caption1>
            </li>
          ))}
        </ul>
        <Link href="help.html" target="_blank">
          {text.help}
        </Link>
      </main>
    </FluentProvider>
  );
}

const root = createRoot(document.getElementById("root") as HTMLElement);
const render = (language: Language) => root.render(<Pane language={language} />);

if (typeof Office === "undefined") {
  render("da");
} else {
  // Outside Office, onReady resolves with no host and no display language: Danish.
  Office.onReady(() => {
    const display = Office.context?.displayLanguage ?? "";
    render(display.toLowerCase().startsWith("en") ? "en" : "da");
  });
}
