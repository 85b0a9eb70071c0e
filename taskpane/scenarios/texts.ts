/**
 * What the scenario manager says, in Danish and English (the pane's language). Parameter
 * problems come from the registry (src/engine/parameters.ts) and are Danish in both, as the
 * cells' own error messages are.
 */
import type { Language } from "../i18n";

export interface ScenarioTexts {
  heading: string;
  intro: string;
  needStays: string;
  create: string;
  update: string;
  created(sheet: string): string;
  active(name: string): string;
  problems: string;
  saveHeading: string;
  nameLabel: string;
  save: string;
  savedAs(name: string): string;
  savedHeading: string;
  savedLabel: string;
  noSaved: string;
  switchTo: string;
  switched(name: string): string;
  remove: string;
  removed(name: string): string;
  compare: string;
  compareHint: string;
  compared(sheet: string): string;
  working: string;
  failed(message: string): string;
}

const DA: ScenarioTexts = {
  heading: "Scenarier: hvad koster det, hvis vi ikke handler?",
  intro:
    "Arket Scenarier har parametrene som celler og resultatet som formlen DK.HOUSINGFIRSTPROJECTION: ret en værdi i arket, så regnes tabellen og diagrammerne om. Gem scenarier med navn, skift mellem dem, og sammenlign dem.",
  needStays: "Find opholdene og tilknyt kolonnerne ovenfor først.",
  create: "Opret arket Scenarier",
  update: "Opdater arket Scenarier",
  created: (sheet) => `Arket ${sheet} er skrevet.`,
  active: (name) => `Aktivt scenarie: ${name}`,
  problems: "Parametrene i arket har fejl, så resultatet viser en fejl:",
  saveHeading: "Gem de aktuelle værdier",
  nameLabel: "Scenariets navn",
  save: "Gem som scenarie",
  savedAs: (name) => `Gemt som «${name}».`,
  savedHeading: "Gemte scenarier",
  savedLabel: "Scenarie",
  noSaved: "Ingen gemte scenarier endnu.",
  switchTo: "Gør aktivt",
  switched: (name) => `«${name}» er nu det aktive scenarie.`,
  remove: "Slet",
  removed: (name) => `«${name}» er slettet.`,
  compare: "Sammenlign og vis følsomhed",
  compareHint:
    "Skriver arket Sammenligning: scenarierne side om side og en tornado for det aktive scenaries nutidsværdi (hver parameter −20 % og +20 %).",
  compared: (sheet) => `Arket ${sheet} er skrevet.`,
  working: "Arbejder …",
  failed: (message) => `Det lykkedes ikke: ${message}`,
};

const EN: ScenarioTexts = {
  heading: "Scenarios: what does it cost if we don't act?",
  intro:
    "The Scenarier sheet holds the parameters as cells and the result as the formula DK.HOUSINGFIRSTPROJECTION: edit a value in the sheet and the table and charts recalculate. Save named scenarios, switch between them and compare them.",
  needStays: "Find the stays and map the columns above first.",
  create: "Create the Scenarier sheet",
  update: "Update the Scenarier sheet",
  created: (sheet) => `The sheet ${sheet} is written.`,
  active: (name) => `Active scenario: ${name}`,
  problems: "The parameters in the sheet have errors, so the result shows an error:",
  saveHeading: "Save the current values",
  nameLabel: "Scenario name",
  save: "Save as scenario",
  savedAs: (name) => `Saved as “${name}”.`,
  savedHeading: "Saved scenarios",
  savedLabel: "Scenario",
  noSaved: "No saved scenarios yet.",
  switchTo: "Make active",
  switched: (name) => `“${name}” is now the active scenario.`,
  remove: "Delete",
  removed: (name) => `“${name}” is deleted.`,
  compare: "Compare and show sensitivity",
  compareHint:
    "Writes the Sammenligning sheet: the scenarios side by side and a tornado of the active scenario's NPV (each parameter −20 % and +20 %).",
  compared: (sheet) => `The sheet ${sheet} is written.`,
  working: "Working …",
  failed: (message) => `That did not work: ${message}`,
};

export const SCENARIO_TEXTS: Record<Language, ScenarioTexts> = { da: DA, en: EN };
