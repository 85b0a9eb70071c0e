/** What the council-page panel says, in Danish and English (the pane's language). */
import type { Language } from "../i18n";

export interface SummaryTexts {
  heading: string;
  intro: string;
  needStays: string;
  needScenarios: string;
  write: string;
  writing(done: number, total: number): string;
  stop: string;
  stopped: string;
  written(sheet: string): string;
  failed(message: string): string;
}

const DA: SummaryTexts = {
  heading: "Sammenfatning til byrådet",
  intro:
    "Én A4-side med det aktive scenarie: udgiften uden indsats, hvad Housing First sparer, nutidsværdien med P10–P90 fra 1.000 Monte Carlo-trækninger, afkast pr. krone, break-even-år, brugergrupperne, en graf, de fem vigtigste antagelser med kilder og et stempel med versioner og dato.",
  needStays: "Find først opholdene ovenfor.",
  needScenarios: "Opret først scenariearket: sammenfatningen bygger på det aktive scenarie.",
  write: "Skriv sammenfatning",
  writing: (done, total) => `Regner … ${done} af ${total} beregninger`,
  stop: "Stop",
  stopped: "Sammenfatningen blev stoppet; intet er skrevet.",
  written: (sheet) =>
    `Skrevet på arket «${sheet}». Udskriftsområdet er sat til én A4-side (Filer › Udskriv).`,
  failed: (message) => `Sammenfatningen kunne ikke laves: ${message}`,
};

const EN: SummaryTexts = {
  heading: "Summary for the council",
  intro:
    "One A4 page for the active scenario: the cost of doing nothing, what Housing First saves, the NPV with its P10–P90 from 1,000 Monte Carlo draws, return per krone, break-even year, the user groups, a chart, the five most important assumptions with sources, and a stamp with versions and date. The sheet itself is in Danish, as council papers are.",
  needStays: "Find the stays above first.",
  needScenarios: "Create the scenario sheet first: the summary is of the active scenario.",
  write: "Write summary",
  writing: (done, total) => `Computing … ${done} of ${total} calculations`,
  stop: "Stop",
  stopped: "The summary was stopped; nothing was written.",
  written: (sheet) =>
    `Written to the sheet “${sheet}”. Its print area is one A4 page (File › Print).`,
  failed: (message) => `The summary could not be made: ${message}`,
};

export const SUMMARY_TEXTS: Readonly<Record<Language, SummaryTexts>> = { da: DA, en: EN };
