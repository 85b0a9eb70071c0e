/**
 * What the scenario manager says, in Danish and English (the pane's language). Parameter
 * problems come from the registry (src/engine/parameters/validation.ts), in both languages.
 */
import type { Language } from "../i18n";
import type { BackupRecord } from "../../src/sheets/scenarios/scenarioBackup";

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
  /** The sheet is there, but a user has changed it out of the layout. */
  broken: string;
  repair: string;
  /** More problems than the list shows. */
  moreProblems(count: number): string;
  repairTitle: string;
  /** What the repair leaves out (the problems that drop something), before it is confirmed. */
  repairBody(drops: string[]): string;
  repairConfirm: string;
  /** `backup` is blank when the sheet was already the layout (nothing written, no copy). */
  repaired(sheet: string, saved: number, backup: string): string;
  /** The sheet changed between reading and repairing. */
  repairChanged: string;
  /** The hidden copy: when it was taken and why. */
  backupNote(taken: string, record: BackupRecord): string;
  restore: string;
  restoreTitle: string;
  restoreBody: string;
  restoreConfirm: string;
  restored(sheet: string): string;
}

const quoted = (names: string[], open: string, close: string) =>
  names.map((n) => `${open}${n}${close}`).join(", ");

/** The first few items of a list, and how many more. */
const firstFew = (items: string[], more: (n: number) => string) =>
  items.length <= 5
    ? items.join("; ")
    : `${items.slice(0, 5).join("; ")} ${more(items.length - 5)}`;

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
      ? "Det er det aktive scenarie. Værdierne bliver stående i arket, men er derefter ikke gemt. En kopi af arket gemmes først, så «Gendan kopien» kan fortryde sletningen."
      : "Scenariet fjernes fra arket Scenarier. En kopi af arket gemmes først, så «Gendan kopien» kan fortryde sletningen.",
  deleteConfirm: "Slet",
  broken:
    "Arket Scenarier er ændret, så panelet ikke kan læse det sikkert. Reparér det: arket skrives igen med alle de værdier, spænd og gemte scenarier, der kunne læses, og en kopi af arket, som det er nu, gemmes først i det skjulte ark «Scenarier (kopi)». Det, der ikke passer:",
  repair: "Reparér arket Scenarier",
  moreProblems: (count) => `… og ${count} andre`,
  repairTitle: "Reparér arket Scenarier?",
  repairBody: (drops) =>
    `Reparationen udelader det, den ikke kan placere: ${firstFew(drops, (n) => `og ${n} andre`)}. En kopi af arket, som det er nu, gemmes først i det skjulte ark «Scenarier (kopi)», og «Gendan kopien» kan lægge den tilbage.`,
  repairConfirm: "Reparér",
  repaired: (sheet, saved, backup) =>
    backup === ""
      ? `Arket ${sheet} var allerede i orden; intet er ændret.`
      : `Arket ${sheet} er repareret, og ${saved === 0 ? "det havde ingen gemte scenarier" : saved === 1 ? "det gemte scenarie er bevaret" : `alle ${saved} gemte scenarier er bevaret`}. Kopien af arket, som det var, ligger i det skjulte ark ${backup}.`,
  repairChanged: "Arket Scenarier blev ændret imens. Se listen igen, og reparér så.",
  backupNote: (taken, record) =>
    `Der er en kopi af arket Scenarier fra ${taken}, taget ${
      {
        repair: "før en reparation",
        delete: `før ${quoted(record.dropped, "«", "»")} blev slettet`,
        restore: "da en kopi blev lagt tilbage",
      }[record.reason]
    }. Den ligger i det skjulte ark «Scenarier (kopi)».`,
  restore: "Gendan kopien",
  restoreTitle: "Læg kopien tilbage?",
  restoreBody:
    "Arket Scenarier bliver, som det er i kopien. Arket, som det er nu, bliver den nye kopi, så du kan skifte tilbage på samme måde.",
  restoreConfirm: "Gendan",
  restored: (sheet) => `Kopien er lagt tilbage i arket ${sheet}. Arket, som det var, er nu kopien.`,
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
      ? "It is the active scenario. Its values stay in the sheet, but are then not saved. A copy of the sheet is kept first, so «Restore the copy» can undo the deletion."
      : "The scenario is removed from the Scenarier sheet. A copy of the sheet is kept first, so «Restore the copy» can undo the deletion.",
  deleteConfirm: "Delete",
  broken:
    "The Scenarier sheet has been changed so that the pane cannot read it safely. Repair it: the sheet is written again with every value, range and saved scenario that could be read, and a copy of the sheet as it is now is kept first in the hidden sheet «Scenarier (kopi)». What does not fit:",
  repair: "Repair the Scenarier sheet",
  moreProblems: (count) => `… and ${count} more`,
  repairTitle: "Repair the Scenarier sheet?",
  repairBody: (drops) =>
    `The repair leaves out what it cannot place: ${firstFew(drops, (n) => `and ${n} more`)}. A copy of the sheet as it is now is kept first in the hidden sheet «Scenarier (kopi)», and «Restore the copy» can put it back.`,
  repairConfirm: "Repair",
  repaired: (sheet, saved, backup) =>
    backup === ""
      ? `The sheet ${sheet} was already in order; nothing has changed.`
      : `The sheet ${sheet} is repaired, and ${saved === 0 ? "it had no saved scenarios" : saved === 1 ? "the saved scenario is kept" : `all ${saved} saved scenarios are kept`}. The copy of the sheet as it was is in the hidden sheet ${backup}.`,
  repairChanged: "The Scenarier sheet changed meanwhile. Look at the list again, then repair.",
  backupNote: (taken, record) =>
    `There is a copy of the Scenarier sheet from ${taken}, taken ${
      {
        repair: "before a repair",
        delete: `before ${quoted(record.dropped, "“", "”")} was deleted`,
        restore: "when a copy was put back",
      }[record.reason]
    }. It is in the hidden sheet «Scenarier (kopi)».`,
  restore: "Restore the copy",
  restoreTitle: "Put the copy back?",
  restoreBody:
    "The Scenarier sheet becomes what is in the copy. The sheet as it is now becomes the new copy, so you can switch back the same way.",
  restoreConfirm: "Restore",
  restored: (sheet) =>
    `The copy is back in the sheet ${sheet}. The sheet as it was is now the copy.`,
};

export const SCENARIO_TEXTS: Record<Language, ScenarioTexts> = { da: DA, en: EN };
