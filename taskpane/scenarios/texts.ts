/**
 * What the scenario manager says, in Danish and English (the pane's language). Parameter
 * problems come from the registry (src/engine/parameters/validation.ts), in both languages.
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
  /** No active name: the scenario was deleted, or the values were never saved. */
  noActive: string;
  unsaved: string;
  unsavedHint: string;
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
  comparing(done: number, total: number): string;
  stop: string;
  compareStopped: string;
  working: string;
  failed(message: string): string;
  cancel: string;
  overwriteTitle(name: string): string;
  overwriteBody(name: string): string;
  overwrite: string;
  switchTitle: string;
  switchBody(active: string, next: string): string;
  switchConfirm: string;
  deleteTitle(name: string): string;
  deleteBody(active: boolean): string;
  deleteConfirm: string;
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
  noActive: "Aktivt scenarie: intet – værdierne i arket er ikke gemt som et scenarie",
  unsaved: "Ikke gemt",
  unsavedHint: "Værdierne i arket er ændret siden scenariet blev gemt eller gjort aktivt.",
  problems:
    "Parametrene i arket har fejl (en værdi med fejl giver en fejl i resultatet, et spænd med fejl stopper sammenligningen):",
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
    "Skriver arket Sammenligning: scenarierne side om side og en tornado for det aktive scenaries nutidsværdi (hver parameter ved sin lave og høje værdi) med skifteværdier.",
  compared: (sheet) => `Arket ${sheet} er skrevet.`,
  comparing: (done, total) => `Regner trin ${done} af ${total} …`,
  stop: "Stop",
  compareStopped: "Sammenligningen blev stoppet. Arket Sammenligning er ikke ændret.",
  working: "Arbejder …",
  failed: (message) => `Det lykkedes ikke: ${message}`,
  cancel: "Annullér",
  overwriteTitle: (name) => `Erstat «${name}»?`,
  overwriteBody: (name) =>
    `Der er allerede et gemt scenarie, der hedder «${name}». Dets værdier erstattes af værdierne i arket nu.`,
  overwrite: "Erstat",
  switchTitle: "Kassér ændringerne?",
  switchBody: (active, next) =>
    `Værdierne i arket er ikke gemt (${active}). Når «${next}» gøres aktivt, erstattes de af «${next}»s værdier.`,
  switchConfirm: "Kassér og gør aktivt",
  deleteTitle: (name) => `Slet «${name}»?`,
  deleteBody: (active) =>
    active
      ? "Det er det aktive scenarie. Værdierne bliver stående i arket, men er derefter ikke gemt."
      : "Scenariet fjernes fra arket Scenarier.",
  deleteConfirm: "Slet",
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
  noActive: "Active scenario: none – the values in the sheet are not saved as a scenario",
  unsaved: "Not saved",
  unsavedHint: "The values in the sheet have changed since the scenario was saved or made active.",
  problems:
    "The parameters in the sheet have errors (a bad value makes the result an error, a bad range stops the comparison):",
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
    "Writes the Sammenligning sheet: the scenarios side by side and a tornado of the active scenario's NPV (each parameter at its low and high value) with switching values.",
  compared: (sheet) => `The sheet ${sheet} is written.`,
  comparing: (done, total) => `Computing step ${done} of ${total} …`,
  stop: "Stop",
  compareStopped: "The comparison was stopped. The Sammenligning sheet is unchanged.",
  working: "Working …",
  failed: (message) => `That did not work: ${message}`,
  cancel: "Cancel",
  overwriteTitle: (name) => `Replace “${name}”?`,
  overwriteBody: (name) =>
    `There is already a saved scenario named “${name}”. Its values will be replaced by the values in the sheet now.`,
  overwrite: "Replace",
  switchTitle: "Discard the changes?",
  switchBody: (active, next) =>
    `The values in the sheet are not saved (${active}). Making “${next}” active replaces them with the values of “${next}”.`,
  switchConfirm: "Discard and make active",
  deleteTitle: (name) => `Delete “${name}”?`,
  deleteBody: (active) =>
    active
      ? "It is the active scenario. Its values stay in the sheet, but are then not saved."
      : "The scenario is removed from the Scenarier sheet.",
  deleteConfirm: "Delete",
};

export const SCENARIO_TEXTS: Record<Language, ScenarioTexts> = { da: DA, en: EN };
