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
  municipality: string;
  author: string;
  stale(scenario: string): string;
  pdf: string;
  pdfInExcel: string;
  copy: string;
  copied: string;
  copyFailed: string;
}

const DA: SummaryTexts = {
  heading: "Sammenfatning til byrådet",
  intro:
    "Svaret på første A4-side og baggrunden bagefter, for det aktive scenarie: udgiften uden indsats, hvad Housing First sparer, nutidsværdien med P10–P90 fra 1.000 Monte Carlo-trækninger, afkast pr. krone, break-even-år, brugergrupperne, en graf, de fem vigtigste antagelser med kilder og et stempel med versioner og dato.",
  needStays: "Find først opholdene ovenfor.",
  needScenarios: "Opret først scenariearket: sammenfatningen bygger på det aktive scenarie.",
  write: "Skriv sammenfatning",
  writing: (done, total) => `Regner … ${done} af ${total} beregninger`,
  stop: "Stop",
  stopped: "Sammenfatningen blev stoppet; intet er skrevet.",
  written: (sheet) =>
    `Skrevet på arket «${sheet}». Udskriften er sat op til A4: svaret på side 1, baggrunden bagefter (Filer › Udskriv).`,
  failed: (message) => `Sammenfatningen kunne ikke laves: ${message}`,
  municipality: "Kommune",
  author: "Udarbejdet af",
  stale: (scenario) =>
    `Arket Sammenfatning passer ikke længere til arbejdsbogen: ${scenario ? `det aktive scenarie «${scenario}», dets værdier eller opholdene er ændret` : "scenarierne eller opholdene er ændret"}, siden siden blev skrevet. Skriv sammenfatningen igen, før den bruges.`,
  pdf: "Udskriv som PDF",
  pdfInExcel:
    "Arket Sammenfatning er valgt og sat op til A4 (svaret på side 1): vælg Filer › Eksportér › Opret PDF/XPS (Mac: Filer › Gem som › PDF; Excel på nettet: Filer › Udskriv).",
  copy: "Kopiér til Word",
  copied: "Kopieret: indsæt i Word med Ctrl+V (Cmd+V). Tallene står, som arket viser dem.",
  copyFailed:
    "Udklipsholderen kan ikke bruges her: markér arkets udskriftsområde og kopiér det med Ctrl+C.",
};

const EN: SummaryTexts = {
  heading: "Summary for the council",
  intro:
    "The answer on the first A4 page and the background after it, for the active scenario: the cost of doing nothing, what Housing First saves, the NPV with its P10–P90 from 1,000 Monte Carlo draws, return per krone, break-even year, the user groups, a chart, the five most important assumptions with sources, and a stamp with versions and date.",
  needStays: "Find the stays above first.",
  needScenarios: "Create the scenario sheet first: the summary is of the active scenario.",
  write: "Write summary",
  writing: (done, total) => `Computing … ${done} of ${total} calculations`,
  stop: "Stop",
  stopped: "The summary was stopped; nothing was written.",
  written: (sheet) =>
    `Written to the sheet “${sheet}”. It prints on A4: the answer on page 1, the background after it (File › Print).`,
  failed: (message) => `The summary could not be made: ${message}`,
  municipality: "Municipality",
  author: "Prepared by",
  stale: (scenario) =>
    `The sheet Sammenfatning no longer matches the workbook: ${scenario ? `the active scenario “${scenario}”, its values or the stays` : "the scenarios or the stays"} have changed since it was written. Write the summary again before it is used.`,
  pdf: "Print as PDF",
  pdfInExcel:
    "The sheet Sammenfatning is selected and set up for A4 (the answer on page 1): choose File › Export › Create PDF/XPS (Mac: File › Save As › PDF; Excel on the web: File › Print).",
  copy: "Copy for Word",
  copied: "Copied: paste into Word with Ctrl+V (Cmd+V). The figures read as the sheet shows them.",
  copyFailed:
    "The clipboard cannot be used here: select the sheet's print area and copy it with Ctrl+C.",
};

export const SUMMARY_TEXTS: Readonly<Record<Language, SummaryTexts>> = { da: DA, en: EN };
