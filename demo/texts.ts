/**
 * What the demo page says about keeping the user's work (saved in the browser, undo, download,
 * start over, a loaded file's sheets that already exist), in Danish and English.
 */
import type { Language } from "../taskpane/i18n";

export interface DemoTexts {
  savedHere: string;
  saveState: Record<"saved" | "unsaved" | "saving" | "unavailable" | "failed", string>;
  restored(when: string): string;
  otherFormat: string;
  undo: string;
  undoWhat(cell: string, sheet: string): string;
  nothingToUndo: string;
  redo: string;
  download: string;
  downloading: string;
  downloadFailed(message: string): string;
  downloadName: string;
  startOver: string;
  startOverTitle: string;
  startOverBody: string;
  startOverConfirm: string;
  cancel: string;
  replaceTitle: string;
  replaceBody(names: readonly string[]): string;
  replace: string;
  keepBoth: string;
  cellBox: string;
  gridKeys: string;
}

const quoted = (names: readonly string[]) => names.map((n) => `«${n}»`).join(", ");

const da: DemoTexts = {
  savedHere:
    "Dine ark og scenarier gemmes i denne browser (IndexedDB) på denne computer, så de er her igen efter en genindlæsning. Intet sendes nogen steder hen; en anden browser eller computer ser dem ikke.",
  saveState: {
    saved: "Gemt i browseren.",
    unsaved: "Ændringer gemmes …",
    saving: "Gemmer …",
    unavailable:
      "Browseren tillader ikke at gemme her (måske et privat vindue): hent projektmappen som .xlsx, før du lukker siden.",
    failed: "Kunne ikke gemme i browseren: hent projektmappen som .xlsx, før du lukker siden.",
  },
  restored: (when) => `Projektmappen er hentet fra browseren (gemt ${when}).`,
  otherFormat:
    "Browseren havde en projektmappe gemt af en anden udgave af demoen; den kan ikke læses, så demoen starter forfra. Den gemte bliver overskrevet, når du ændrer noget.",
  undo: "Fortryd",
  undoWhat: (cell, sheet) => `Fortryd ændringen i ${cell} på arket ${sheet} (Ctrl+Z)`,
  nothingToUndo: "Intet at fortryde",
  redo: "Annuller fortryd",
  download: "Download som .xlsx",
  downloading: "Skriver .xlsx …",
  downloadFailed: (message) => `Projektmappen kunne ikke skrives: ${message}`,
  downloadName: "Refusion og Housing First (demo).xlsx",
  startOver: "Start forfra",
  startOverTitle: "Start forfra?",
  startOverBody:
    "Alle ark, indlæste filer og gemte scenarier i demoen slettes fra browseren, og demoen starter igen med eksempelkommunens budgetark. Det kan ikke fortrydes. Hent projektmappen som .xlsx først, hvis du vil gemme den.",
  startOverConfirm: "Slet og start forfra",
  cancel: "Annuller",
  replaceTitle: "Filens ark findes allerede",
  replaceBody: (names) =>
    `Projektmappen har allerede ${names.length === 1 ? "arket" : "arkene"} ${quoted(names)}. Erstatter du, går dine ændringer i ${names.length === 1 ? "det" : "dem"} tabt; beholder du begge, får filens ark et nummer efter navnet.`,
  replace: "Erstat",
  keepBoth: "Behold begge",
  cellBox: "Markeret celle",
  gridKeys:
    "Piletasterne flytter den markerede celle; F2, Enter eller en tast retter den (Enter gemmer og går ned, Tab til højre, Esc fortryder), Delete tømmer den, Ctrl+Z fortryder.",
};

const en: DemoTexts = {
  savedHere:
    "Your sheets and scenarios are kept in this browser (IndexedDB) on this computer, so they are here again after a reload. Nothing is sent anywhere; another browser or computer does not see them.",
  saveState: {
    saved: "Saved in the browser.",
    unsaved: "Saving changes …",
    saving: "Saving …",
    unavailable:
      "The browser does not allow saving here (a private window, perhaps): download the workbook as .xlsx before you close the page.",
    failed:
      "Could not save in the browser: download the workbook as .xlsx before you close the page.",
  },
  restored: (when) => `The workbook was read from the browser (saved ${when}).`,
  otherFormat:
    "The browser held a workbook saved by another version of the demo; it cannot be read, so the demo starts afresh. The saved one is overwritten when you change something.",
  undo: "Undo",
  undoWhat: (cell, sheet) => `Undo the change in ${cell} on the sheet ${sheet} (Ctrl+Z)`,
  nothingToUndo: "Nothing to undo",
  redo: "Redo",
  download: "Download as .xlsx",
  downloading: "Writing .xlsx …",
  downloadFailed: (message) => `The workbook could not be written: ${message}`,
  downloadName: "Refund and Housing First (demo).xlsx",
  startOver: "Start over",
  startOverTitle: "Start over?",
  startOverBody:
    "Every sheet, loaded file and saved scenario of the demo is deleted from the browser, and the demo starts again with the sample municipality's budget sheet. This cannot be undone. Download the workbook as .xlsx first if you want to keep it.",
  startOverConfirm: "Delete and start over",
  cancel: "Cancel",
  replaceTitle: "The file's sheets exist already",
  replaceBody: (names) =>
    `The workbook already has the ${names.length === 1 ? "sheet" : "sheets"} ${quoted(names)}. If you replace ${names.length === 1 ? "it" : "them"}, your changes to ${names.length === 1 ? "it" : "them"} are lost; if you keep both, the file's sheets get a number after their name.`,
  replace: "Replace",
  keepBoth: "Keep both",
  cellBox: "Selected cell",
  gridKeys:
    "The arrow keys move the selected cell; F2, Enter or typing edits it (Enter keeps and moves down, Tab right, Esc cancels), Delete clears it, Ctrl+Z undoes.",
};

export const DEMO_TEXTS: Record<Language, DemoTexts> = { da, en };
