/**
 * What the template panel says, in Danish and English (the pane's language). The problems and
 * notices of a template come from src/templates/template.ts and are Danish in both.
 */
import { d, danishFromSerial } from "../../src/engine/calendar";
import type { ScenarioPlan } from "../../src/templates/template";
import { formatCount, type Language } from "../i18n";

export interface TemplateTexts {
  heading: string;
  intro: string;
  exportHeading: string;
  municipality: string;
  author: string;
  exportButton: string;
  exportRefused(n: number): string;
  noSavedScenarios: string;
  saved(fileName: string): string;
  copyHint: string;
  textLabel: string;
  copy: string;
  copied: string;
  showText: string;
  importHeading: string;
  pickFile: string;
  pasteLabel: string;
  readPasted: string;
  libraryHeading: string;
  source: string;
  use: string;
  useEntry(title: string): string;
  scenarioSheet: string;
  importRefused(n: number): string;
  wholeFile: string;
  /** After the listed problems: how many more the file has. */
  moreProblems(n: number): string;
  notices: string;
  from(municipality: string, author: string, date: string, ruleSet: string): string;
  /** The template's ISO date as the language writes dates. */
  date(iso: string): string;
  planHeading: string;
  ownSource(parameter: string): string;
  docsNotKept: string;
  scenario: string;
  change: string;
  action: Record<ScenarioPlan["action"], string>;
  columnsHeading: string;
  notMapped: string;
  noColumnChanges: string;
  apply: string;
  cancel: string;
  applied(n: number, sheet: string): string;
  unmatched(fields: string): string;
  failed(message: string): string;
}

const DA: TemplateTexts = {
  heading: "Skabeloner",
  intro:
    "En skabelon giver en anden kommune jeres opsætning: regelsæt, kolonneoverskrifter og scenarier med kilder og noter. Den indeholder aldrig borgerdata.",
  exportHeading: "Del jeres opsætning",
  municipality: "Kommune",
  author: "Forfatter",
  exportButton: "Gem skabelon",
  exportRefused: (n) =>
    `Skabelonen blev ikke gemt: ${n === 1 ? "ét problem" : `${formatCount(n, "da")} problemer`}.`,
  noSavedScenarios:
    "Der er ingen gemte scenarier at dele endnu. Gem mindst ét under Scenarier ovenfor (eller hent standardskabelonen).",
  saved: (fileName) => `Skabelonen er gemt som ${fileName}.`,
  copyHint: "Programmet kan ikke gemme filer her. Kopiér teksten, og gem den som en .json-fil.",
  textLabel: "Skabelonens tekst",
  copy: "Kopiér",
  copied: "Kopieret.",
  showText: "Vis teksten",
  importHeading: "Hent en skabelon",
  pickFile: "Vælg fil …",
  pasteLabel: "Eller indsæt skabelonens tekst",
  readPasted: "Læs teksten",
  libraryHeading: "Eller vælg standardskabelonen eller en offentliggjort case",
  source: "Kilde",
  use: "Anvend",
  useEntry: (title) => `Anvend ${title}`,
  scenarioSheet: "Arket Scenarier",
  importRefused: (n) =>
    `Skabelonen kan ikke bruges: ${n === 1 ? "ét problem" : `${formatCount(n, "da")} problemer`}. Intet er ændret.`,
  wholeFile: "Filen",
  moreProblems: (n) =>
    `… og ${formatCount(n, "da")} ${n === 1 ? "andet problem" : "andre problemer"}, som ikke er vist. Ret dem ovenfor, og prøv igen.`,
  notices: "Værd at vide før du anvender den",
  from: (municipality, author, date, ruleSet) =>
    `Fra ${municipality}, ${author}, ${date}. Regelsæt ${ruleSet}.`,
  date: (iso) => danishFromSerial(d(iso)),
  planHeading: "Det ændres i arket Scenarier",
  ownSource: (parameter) => `Skabelonens kilde til «${parameter}»`,
  docsNotKept:
    "Skabelonens noter og egne kilder står her; arket Scenarier viser tilføjelsesprogrammets kilder ved hver parameter.",
  scenario: "Scenarie",
  change: "Ændring",
  action: {
    add: "Tilføjes",
    replace: "Erstattes",
    unchanged: "Uændret",
    keep: "Beholdes (ikke i skabelonen)",
  },
  columnsHeading: "Kolonneoverskrifter",
  notMapped: "(ingen)",
  noColumnChanges: "Ingen ændringer i kolonnernes betydning.",
  apply: "Anvend skabelonen",
  cancel: "Annullér",
  applied: (n, sheet) =>
    `Skabelonen er anvendt: ${n === 1 ? "ét scenarie" : `${n} scenarier`} skrevet til arket ${sheet}.`,
  unmatched: (fields) =>
    `Ingen kolonne her har skabelonens overskrift for: ${fields}. Vælg dem selv under kolonnerne.`,
  failed: (message) => `Det lykkedes ikke: ${message}`,
};

const EN: TemplateTexts = {
  heading: "Templates",
  intro:
    "A template gives another municipality your setup: rule set, column headers and scenarios with sources and notes. It never contains citizens' data.",
  exportHeading: "Share your setup",
  municipality: "Municipality",
  author: "Author",
  exportButton: "Save template",
  exportRefused: (n) =>
    `The template was not saved: ${n === 1 ? "one problem" : `${formatCount(n, "en")} problems`}.`,
  noSavedScenarios:
    "There are no saved scenarios to share yet. Save at least one under Scenarios above (or use the standard template).",
  saved: (fileName) => `The template is saved as ${fileName}.`,
  copyHint: "This host cannot save files. Copy the text and save it as a .json file.",
  textLabel: "The template's text",
  copy: "Copy",
  copied: "Copied.",
  showText: "Show the text",
  importHeading: "Use a template",
  pickFile: "Choose file …",
  pasteLabel: "Or paste the template's text",
  readPasted: "Read the text",
  libraryHeading: "Or choose the standard template or a published case",
  source: "Source",
  use: "Apply",
  useEntry: (title) => `Apply ${title}`,
  scenarioSheet: "The Scenarier sheet",
  importRefused: (n) =>
    `The template cannot be used: ${n === 1 ? "one problem" : `${formatCount(n, "en")} problems`}. Nothing was changed.`,
  wholeFile: "The file",
  moreProblems: (n) =>
    `… and ${formatCount(n, "en")} more ${n === 1 ? "problem" : "problems"}, not shown. Correct the ones above and try again.`,
  notices: "Worth knowing before you apply it",
  from: (municipality, author, date, ruleSet) =>
    `From ${municipality}, ${author}, ${date}. Rule set ${ruleSet}.`,
  date: (iso) => iso,
  planHeading: "Changes to the Scenarier sheet",
  ownSource: (parameter) => `The template's source for «${parameter}»`,
  docsNotKept:
    "The template's notes and own sources are shown here; the Scenarier sheet shows the add-in's source for each parameter.",
  scenario: "Scenario",
  change: "Change",
  action: {
    add: "Added",
    replace: "Replaced",
    unchanged: "Unchanged",
    keep: "Kept (not in the template)",
  },
  columnsHeading: "Column headers",
  notMapped: "(none)",
  noColumnChanges: "No change to what the columns mean.",
  apply: "Apply the template",
  cancel: "Cancel",
  applied: (n, sheet) =>
    `The template is applied: ${n === 1 ? "one scenario" : `${n} scenarios`} written to the sheet ${sheet}.`,
  unmatched: (fields) =>
    `No column here has the template's header for: ${fields}. Pick them yourself under the columns.`,
  failed: (message) => `That did not work: ${message}`,
};

export const TEMPLATE_TEXTS: Readonly<Record<Language, TemplateTexts>> = { da: DA, en: EN };
