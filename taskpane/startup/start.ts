/**
 * How the page starts, the one place that chooses between Excel, a problem and the demo
 * (taskpane/index.tsx gives it the browser's objects and the ways to start each):
 * - no office.js: inside Office it was blocked (officeHost.ts), and the page says so and what IT
 *   must allow; in a plain browser it is the standalone demo;
 * - office.js in a plain browser (Office.onReady reports no host): the demo;
 * - inside Office: Excel with the requirement sets the add-in uses (requirements.ts), else a
 *   plain explanation; the pane itself (its bundle, its search of the workbook) starts only
 *   once it is shown (paneShown.ts), so a runtime started for the functions does no workbook
 *   work. Office that never answers office.js inside Office is reported after `readyTimeoutMs`.
 */
import { languageOf, type Language } from "../language";
import { officeHostOf, type PageSignals } from "./officeHost";
import { whenPaneShown, type AddinLike, type PageView } from "./paneShown";
import { officeJsBlocked, officeNotAnswering, unsupportedClient, type Problem } from "./problems";
import { missingRequirements, type RequirementsLike } from "./requirements";

/** What start needs of office.js's `Office`. */
export interface OfficeLike {
  onReady(callback: (info: { host: unknown }) => void): unknown;
  HostType: { Excel: unknown };
  context: { displayLanguage?: string; requirements?: RequirementsLike };
  addin?: AddinLike;
}

export interface Startup {
  /** office.js's `Office`, or undefined where office.js did not load. */
  office: OfficeLike | undefined;
  signals: PageSignals;
  view: PageView;
  startDemo(): void;
  showProblem(problem: Problem): void;
  /** Loads and shows the pane on the user's workbook. */
  startPane(language: Language): void;
  /** How long office.js inside Office may take to report the host (ms). */
  readyTimeoutMs?: number;
}

export function start(s: Startup): void {
  const host = officeHostOf(s.signals);
  const query = new URLSearchParams(s.signals.search).get("lang");
  const hostLanguage = languageOf(query ?? host?.locale);
  if (!s.office) {
    if (host) s.showProblem(officeJsBlocked(hostLanguage));
    else s.startDemo();
    return;
  }
  const office = s.office;
  let answered = false;
  const timer = host
    ? setTimeout(() => {
        if (!answered) s.showProblem(officeNotAnswering(hostLanguage));
      }, s.readyTimeoutMs ?? 30_000)
    : undefined;
  office.onReady((info) => {
    answered = true;
    clearTimeout(timer);
    if (info.host !== office.HostType.Excel) {
      // Outside Office, office.js loads but finds no host: the demo. Inside, it failed to connect.
      if (host) s.showProblem(officeNotAnswering(hostLanguage));
      else s.startDemo();
      return;
    }
    const language = languageOf(office.context.displayLanguage);
    const missing = missingRequirements(office.context.requirements);
    if (missing.length > 0) {
      s.showProblem(unsupportedClient(missing, language));
      return;
    }
    void whenPaneShown(office.addin, s.view).then(() => s.startPane(language));
  });
}
