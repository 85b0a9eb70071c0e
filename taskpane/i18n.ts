/**
 * What the pane and the demo page say, in Danish (the default) and English. English is chosen
 * when Office's display language is one of the English locales the functions' help has too
 * (language.ts: Office.context.displayLanguage "en-US", "en-GB", …) or, in the standalone demo,
 * with ?lang=en.
 */
import { createContext, useContext } from "react";
import { danishFromSerial, isoFromSerial } from "../src/engine/calendar";
import type { Decimal } from "../src/engine/money";
import { RULE_SETS, type RuleSetName } from "../src/engine/rules";
import { FIELD_LABELS, type DataWarningKind, type Field } from "../src/sheets/stays/columns";
import { languageOf, type Language } from "./language";

/** The day the § 110 day limit took effect (rule data), which the data check names. */
const REFORM_DAY = RULE_SETS.NY.shelter.limitFrom!.value;

export { languageOf, type Language };

/** The demo's ?lang=… query parameter: "en" or an English locale. */
export function languageFromQuery(search: string): Language {
  return languageOf(new URLSearchParams(search).get("lang"));
}

const LOCALE: Record<Language, string> = { da: "da-DK", en: "en-GB" };

const integer = { da: new Intl.NumberFormat(LOCALE.da), en: new Intl.NumberFormat(LOCALE.en) };

/** A problem the engine reports in Danish, with its English text where it has one. */
export interface Said {
  message: string;
  en?: string;
}

/** A problem in the pane's language (Danish when it has no English text). */
export const saidIn = (language: Language, problem: Said): string =>
  language === "en" ? (problem.en ?? problem.message) : problem.message;

/** Problems in the pane's language, one line: "first; second". */
export const allSaidIn = (language: Language, problems: readonly Said[]): string =>
  problems.map((p) => saidIn(language, p)).join("; ");

/** A whole number with the language's thousands separator: 50.000 / 50,000. */
export function formatCount(n: number, language: Language): string {
  return integer[language].format(n);
}

/**
 * An amount in kroner to the øre, from its exact decimal text (never through a float), as the
 * sheets show it with their format #,##0.00 "kr.": 1.234.567,89 kr. in Danish, 1,234,567.89 kr.
 * in English (one format in the pane and the sheets).
 */
export function formatMoney(amount: Decimal | number, language: Language): string {
  const fixed = typeof amount === "number" ? amount.toFixed(2) : amount.toFixed(2);
  const negative = fixed.startsWith("-");
  const [whole, ore] = (negative ? fixed.slice(1) : fixed).split(".");
  const [group, point] = language === "da" ? [".", ","] : [",", "."];
  const text = `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, group)}${point}${ore}`;
  const sign = negative ? "-" : "";
  return `${sign}${text} kr.`;
}

/** Seconds with one decimal: 1,4 s / 1.4 s. */
export function formatSeconds(ms: number, language: Language): string {
  return `${(ms / 1000).toLocaleString(LOCALE[language], { minimumFractionDigits: 1, maximumFractionDigits: 1 })} s`;
}

export interface Texts {
  language: Language;
  fieldLabel(field: Field): string;
  // Rule set and help (from the first, minimal pane).
  title: string;
  activeRuleSet: string;
  dayLimit(days: number, from: string): string;
  /** The two readings of the phase-in (rules "NY" and "NY-VINDUE"). */
  readingLabel: string;
  readings: Record<"NY" | "NY-VINDUE", string>;
  readingHint: string;
  compareReadings: string;
  readingYear: string;
  readingDifference: string;
  computing: string;
  noReadingDifference: string;
  help: string;
  /** The help page in this language (served beside the pane). */
  helpPage: string;
  /** A rule set's title line: rules.ts's own (Danish) title, or its English. */
  ruleSetTitle(name: RuleSetName, danish: string): string;
  /** A legal source (always Danish: it cites Danish law and guidance). */
  legalSource(text: string): string;
  // Source and column mapping.
  sourceHeading: string;
  source: string;
  sourceTable(table: string, sheet: string): string;
  sourceSheet(sheet: string): string;
  refresh: string;
  reading: string;
  noStays: string;
  readFailed(message: string): string;
  mappingHeading: string;
  mappingHint: string;
  /** The mapping, folded: which column each field reads, and the button that unfolds it. */
  mappingFound: string;
  editMapping: string;
  notMapped: string;
  columnOption(letter: string, header: string): string;
  required: string;
  missingFields(fields: string): string;
  // Validation report.
  reportHeading: string;
  checking: string;
  rowsOk(ok: number, total: number): string;
  rowsBad(bad: number): string;
  badRow(row: number): string;
  showInSheet(row: number): string;
  rowLinksHint: string;
  moreBadRows(n: number): string;
  totalRowsSkipped(rows: string, n: number): string;
  warningsHeading: string;
  dataWarning: Record<DataWarningKind, string>;
  moreRows(n: number): string;
  rowsLabel: string;
  // Run.
  runHeading: string;
  pseudonymise: string;
  pseudonymiseHint: string;
  cprDetected: string;
  run: string;
  cancel: string;
  progressLabel: string;
  phase: Record<"read" | "compute" | "write" | "charts" | "done", string>;
  cancelled: string;
  runFailed(message: string): string;
  // Results.
  resultHeading: string;
  resultIntro(stays: number, first: number, last: number): string;
  elapsed(time: string): string;
  totals: {
    stayDays: string;
    gross: string;
    selfPayment: string;
    refundNy: string;
    refundGammel: string;
    difference: string;
    netCost: string;
  };
  itemColumn: string;
  amountColumn: string;
  wroteSheet(name: string): string;
  renamedSheet(wanted: string, name: string): string;
  tablesWritten(names: string): string;
  chartsWritten(names: string): string;
  userSheetsUntouched: string;
  // Demo page.
  demoTitle: string;
  demoIntro: string;
  loadFile: string;
  loadFileHint: string;
  loadingFile: string;
  loadFailed(message: string): string;
  loaded(name: string): string;
  loadPhase: Record<"check" | "unpack" | "parse" | "sheets", string>;
  loadCancelled: string;
  loadNotes: string;
  sheetTabs: string;
  ownSheet: string;
  userSheet: string;
  gridLabel(sheet: string): string;
  rowsShown(first: number, last: number, total: number): string;
  emptySheet: string;
  chartsHeading: string;
  chartBusy(cell: string): string;
  chartError(code: string, cell: string): string;
  chartBlank(ranges: string): string;
  paneLabel: string;
  workbookLabel: string;
}

const DA: Texts = {
  language: "da",
  fieldLabel: (field) => FIELD_LABELS[field].da,
  title: "Refusion og Housing First",
  activeRuleSet: "Aktivt regelsæt",
  dayLimit: (days, from) =>
    `Fra ${from}: refusion for de første ${days} døgn i et løbende år pr. borger`,
  readingLabel: "Indfasningen 120 → 90 dage",
  readings: {
    NY: "NY: grænsen, der gælder på den enkelte dag (standard)",
    "NY-VINDUE":
      "NY-VINDUE: grænsen fastlægges, når borgerens vindue åbner (et vindue åbnet før 1. april 2026 beholder 120 dage)",
  },
  readingHint:
    'Loven afgør ikke, hvilken læsning der er rigtig. Valget gælder prognosen; i formler skrives det som regelsæt "NY" eller "NY-VINDUE".',
  compareReadings: "Vis forskellen for jeres data",
  readingYear: "År",
  readingDifference: "Forskel",
  computing: "Regner …",
  noReadingDifference:
    "Ingen forskel for jeres data: ingen vinduer med dage på begge sider af 1. april 2026.",
  help: "Hjælp til funktionerne (DK.REFUSION110 m.fl.)",
  helpPage: "help.html",
  ruleSetTitle: (_, danish) => danish,
  legalSource: (text) => text,
  sourceHeading: "1. Opholdene",
  source: "Hvor står opholdene?",
  sourceTable: (table, sheet) => `Tabellen ${table} (arket ${sheet})`,
  sourceSheet: (sheet) => `Arket ${sheet}`,
  refresh: "Læs igen",
  reading: "Læser arket …",
  noStays:
    "Fandt ingen ophold. Opholdene skal stå i en tabel eller under en overskriftsrække med fx Borger, Indskrivning, Udskrivning og Takst.",
  readFailed: (message) => `Arket kunne ikke læses: ${message}`,
  mappingHeading: "2. Kolonner",
  mappingHint: "Kolonnerne er fundet ud fra overskrifterne. Ret dem, hvis de er forkerte.",
  mappingFound: "Kolonnerne er fundet ud fra overskrifterne:",
  editMapping: "Ret kolonnerne",
  notMapped: "(ingen kolonne)",
  columnOption: (letter, header) => `${letter}: ${header || "(uden overskrift)"}`,
  required: "skal vælges",
  missingFields: (fields) => `Vælg en kolonne til: ${fields}`,
  reportHeading: "3. Kontrol af rækkerne",
  checking: "Kontrollerer rækkerne …",
  rowsOk: (ok, total) =>
    `${formatCount(ok, "da")} af ${formatCount(total, "da")} rækker er i orden.`,
  rowsBad: (bad) =>
    bad === 1
      ? "1 række har en fejl og regnes ikke med:"
      : `${formatCount(bad, "da")} rækker har fejl og regnes ikke med:`,
  badRow: (row) => `Række ${row}`,
  showInSheet: (row) => `Vis række ${row} i arket`,
  rowLinksHint: "Piletasterne flytter mellem rækkerne; Enter viser rækken i arket.",
  moreBadRows: (n) => `… og ${formatCount(n, "da")} rækker mere med fejl.`,
  totalRowsSkipped: (rows, n) =>
    `${n === 1 ? "Række" : "Rækkerne"} ${rows} ${n === 1 ? "er en sumrække" : "er sumrækker"} («I alt», «Total») og er udeladt: ${n === 1 ? "den" : "de"} tælles ikke som ophold.`,
  warningsHeading: "Værd at tjekke, før tallene bruges",
  dataWarning: {
    duplicate: "Samme ophold står flere gange (samme borger, indskrivning og udskrivning)",
    overlap:
      "Ophold for samme borger overlapper (hver dag tælles kun én gang, for det første ophold)",
    missingDischarge: "Åbent ophold, men borgeren er indskrevet igen senere: udskrivningen mangler",
    longStay: "Ophold på over et år",
    future: "Indskrivning efter dags dato",
    beforeReform: `Ophold afsluttet før ${danishFromSerial(REFORM_DAY)} står sammen med senere ophold (dagegrænsen gælder kun fra den dag)`,
  },
  moreRows: (n) => `og ${formatCount(n, "da")} mere`,
  rowsLabel: "række",
  runHeading: "4. Beregn",
  pseudonymise: "Erstat borger-id med Borger 1, Borger 2, … i arket Refusion pr. ophold",
  pseudonymiseHint: "Dine egne ark ændres ikke. Tilføjelsesprogrammet skriver kun i sine egne ark.",
  cprDetected: "Borgerkolonnen ligner CPR-numre, så de erstattes som standard.",
  run: "Beregn refusionsprognose",
  cancel: "Annullér",
  progressLabel: "Fremdrift",
  phase: {
    read: "Læser opholdene …",
    compute: "Beregner refusion …",
    write: "Skriver arkene …",
    charts: "Tegner diagrammerne …",
    done: "Færdig",
  },
  cancelled: "Beregningen blev annulleret. Tidligere resultater er ikke ændret.",
  runFailed: (message) => `Beregningen mislykkedes: ${message}`,
  resultHeading: "Resultat",
  resultIntro: (stays, first, last) =>
    `${formatCount(stays, "da")} ophold er beregnet for ${first === last ? first : `${first}–${last}`} under både de nye regler (NY) og de gamle (GAMMEL).`,
  elapsed: (time) => `Tid: ${time}`,
  totals: {
    stayDays: "Opholdsdøgn",
    gross: "Bruttoudgift",
    selfPayment: "Egenbetaling",
    refundNy: "Refusion, NY",
    refundGammel: "Refusion, GAMMEL",
    difference: "Forskel (reformens pris)",
    netCost: "Kommunens nettoudgift",
  },
  itemColumn: "Post",
  amountColumn: "I alt",
  wroteSheet: (name) => `Skrev arket «${name}».`,
  renamedSheet: (wanted, name) =>
    `Du har selv et ark, der hedder «${wanted}». Det er ikke rørt; resultatet står i «${name}».`,
  tablesWritten: (names) => `Tabeller: ${names}.`,
  chartsWritten: (names) => `Diagrammer: ${names}.`,
  userSheetsUntouched: "Dine egne ark er ikke ændret.",
  demoTitle: "Demo: refusionsprognose uden Excel",
  demoIntro:
    "Siden kører uden for Excel på en arbejdsbog i hukommelsen med en opdigtet kommunes budgetark. Opgaveruden til højre er den samme som i Excel.",
  loadFile: "Indlæs din egen fil (.xlsx eller .csv)",
  loadFileHint: "Filen bliver i browseren; intet sendes nogen steder hen.",
  loadingFile: "Indlæser filen …",
  loadFailed: (message) => `Filen kunne ikke indlæses: ${message}`,
  loaded: (name) => `Indlæste ${name}.`,
  loadPhase: {
    check: "Tjekker filen …",
    unpack: "Pakker Excel-filen ud og tæller rækker …",
    parse: "Læser cellerne …",
    sheets: "Lægger arkene ind …",
  },
  loadCancelled: "Indlæsningen er stoppet; arbejdsbogen er som før.",
  loadNotes: "Om filen",
  sheetTabs: "Ark i arbejdsbogen",
  ownSheet: "tilføjelsesprogrammets ark",
  userSheet: "dit ark",
  gridLabel: (sheet) => `Arket ${sheet}`,
  rowsShown: (first, last, total) =>
    `Række ${formatCount(first, "da")}–${formatCount(last, "da")} af ${formatCount(total, "da")}`,
  emptySheet: "Arket er tomt.",
  chartsHeading: "Diagrammer",
  chartBusy: (cell) => `Beregner … Diagrammet tegnes, når formlen i ${cell} har regnet.`,
  chartError: (code, cell) =>
    `Intet at tegne: formlen i ${cell} giver fejlen ${code}. Ret årsagen (se fejlen i panelet eller i cellen), så tegnes diagrammet igen.`,
  chartBlank: (ranges) => `Intet at tegne: cellerne ${ranges} har ingen tal.`,
  paneLabel: "Opgaverude",
  workbookLabel: "Arbejdsbog",
};

const RULE_SET_TITLES_EN: Record<RuleSetName, string> = {
  NY: "Current rules after L 64 (refund limit per citizen)",
  "NY-VINDUE": "Current rules after L 64, with the day limit fixed when the window opens",
  GAMMEL: "Rules before L 64 (no day limit)",
};

const EN: Texts = {
  language: "en",
  fieldLabel: (field) => FIELD_LABELS[field].en,
  title: "Refunds and Housing First",
  activeRuleSet: "Active rule set",
  dayLimit: (days, from) =>
    `From ${from}: refund for the first ${days} days in a rolling year per citizen`,
  readingLabel: "The 120 → 90 day phase-in",
  readings: {
    NY: "NY: the limit in force on each day (default)",
    "NY-VINDUE":
      "NY-VINDUE: the limit fixed when the citizen's window opens (a window opened before 1 April 2026 keeps 120 days)",
  },
  readingHint:
    'The law does not settle which reading is right. The choice applies to the forecast; in formulas it is the rule set "NY" or "NY-VINDUE".',
  compareReadings: "Show the difference for your data",
  readingYear: "Year",
  readingDifference: "Difference",
  computing: "Computing …",
  noReadingDifference:
    "No difference for your data: no window has days on both sides of 1 April 2026.",
  help: "Help on the functions (DK.REFUSION110 and others)",
  helpPage: "help-en.html",
  ruleSetTitle: (name) => RULE_SET_TITLES_EN[name],
  legalSource: (text) => `Source (in Danish): ${text}`,
  sourceHeading: "1. The stays",
  source: "Where are the stays?",
  sourceTable: (table, sheet) => `Table ${table} (sheet ${sheet})`,
  sourceSheet: (sheet) => `Sheet ${sheet}`,
  refresh: "Read again",
  reading: "Reading the sheet …",
  noStays:
    "No stays found. Stays must be in a table or below a header row with e.g. Citizen, Admission, Discharge and Daily rate.",
  readFailed: (message) => `The sheet could not be read: ${message}`,
  mappingHeading: "2. Columns",
  mappingHint: "The columns were matched from the headers. Correct them if they are wrong.",
  mappingFound: "The columns were matched from the headers:",
  editMapping: "Correct the columns",
  notMapped: "(no column)",
  columnOption: (letter, header) => `${letter}: ${header || "(no header)"}`,
  required: "required",
  missingFields: (fields) => `Choose a column for: ${fields}`,
  reportHeading: "3. Row check",
  checking: "Checking the rows …",
  rowsOk: (ok, total) => `${formatCount(ok, "en")} of ${formatCount(total, "en")} rows are fine.`,
  totalRowsSkipped: (rows, n) =>
    `${n === 1 ? "Row" : "Rows"} ${rows} ${n === 1 ? "is a total row" : "are total rows"} (“I alt”, “Total”) and ${n === 1 ? "is" : "are"} left out: not counted as stays.`,
  warningsHeading: "Worth checking before the figures are used",
  dataWarning: {
    duplicate: "The same stay appears more than once (same citizen, admission and discharge)",
    overlap: "Stays of one citizen overlap (each day counts once, for the first stay)",
    missingDischarge:
      "An open stay, but the citizen is admitted again later: the discharge is missing",
    longStay: "Stays longer than a year",
    future: "Admissions after today",
    beforeReform: `Stays that ended before ${isoFromSerial(REFORM_DAY)} stand with later stays (the day limit applies from that day only)`,
  },
  moreRows: (n) => `and ${formatCount(n, "en")} more`,
  rowsLabel: "rows",
  rowsBad: (bad) =>
    bad === 1
      ? "1 row has an error and is left out:"
      : `${formatCount(bad, "en")} rows have errors and are left out:`,
  badRow: (row) => `Row ${row}`,
  showInSheet: (row) => `Show row ${row} in the sheet`,
  rowLinksHint: "The arrow keys move between the rows; Enter shows the row in the sheet.",
  moreBadRows: (n) => `… and ${formatCount(n, "en")} more rows with errors.`,
  runHeading: "4. Compute",
  pseudonymise: "Replace citizen ids by Borger 1, Borger 2, … on the sheet Refusion pr. ophold",
  pseudonymiseHint: "Your own sheets are not changed. The add-in only writes to its own sheets.",
  cprDetected: "The citizen column looks like CPR numbers, so they are replaced by default.",
  run: "Compute refund forecast",
  cancel: "Cancel",
  progressLabel: "Progress",
  phase: {
    read: "Reading the stays …",
    compute: "Computing refunds …",
    write: "Writing the sheets …",
    charts: "Drawing the charts …",
    done: "Done",
  },
  cancelled: "The computation was cancelled. Earlier results are unchanged.",
  runFailed: (message) => `The computation failed: ${message}`,
  resultHeading: "Result",
  resultIntro: (stays, first, last) =>
    `${formatCount(stays, "en")} stays computed for ${first === last ? first : `${first}–${last}`} under both the new rules (NY) and the old ones (GAMMEL).`,
  elapsed: (time) => `Time: ${time}`,
  totals: {
    stayDays: "Stay days",
    gross: "Gross cost",
    selfPayment: "Self-payment",
    refundNy: "Refund, NY",
    refundGammel: "Refund, GAMMEL",
    difference: "Difference (cost of the reform)",
    netCost: "Municipal net cost",
  },
  itemColumn: "Item",
  amountColumn: "Total",
  wroteSheet: (name) => `Wrote the sheet “${name}”.`,
  renamedSheet: (wanted, name) =>
    `You have a sheet of your own named “${wanted}”. It was left alone; the result is in “${name}”.`,
  tablesWritten: (names) => `Tables: ${names}.`,
  chartsWritten: (names) => `Charts: ${names}.`,
  userSheetsUntouched: "Your own sheets are unchanged.",
  demoTitle: "Demo: refund forecast without Excel",
  demoIntro:
    "This page runs outside Excel on an in-memory workbook holding a made-up municipality's budget sheet. The task pane on the right is the same as in Excel.",
  loadFile: "Load your own file (.xlsx or .csv)",
  loadFileHint: "The file stays in the browser; nothing is sent anywhere.",
  loadingFile: "Loading the file …",
  loadFailed: (message) => `The file could not be loaded: ${message}`,
  loaded: (name) => `Loaded ${name}.`,
  loadPhase: {
    check: "Checking the file …",
    unpack: "Unpacking the Excel file and counting rows …",
    parse: "Reading the cells …",
    sheets: "Adding the sheets …",
  },
  loadCancelled: "Loading stopped; the workbook is as it was.",
  loadNotes: "About the file",
  sheetTabs: "Sheets in the workbook",
  ownSheet: "add-in sheet",
  userSheet: "your sheet",
  gridLabel: (sheet) => `Sheet ${sheet}`,
  rowsShown: (first, last, total) =>
    `Rows ${formatCount(first, "en")}–${formatCount(last, "en")} of ${formatCount(total, "en")}`,
  emptySheet: "The sheet is empty.",
  chartsHeading: "Charts",
  chartBusy: (cell) => `Calculating … The chart is drawn when the formula in ${cell} has finished.`,
  chartError: (code, cell) =>
    `Nothing to draw: the formula in ${cell} gives the error ${code}. Fix its cause (see the error in the pane or the cell) and the chart is drawn again.`,
  chartBlank: (ranges) => `Nothing to draw: the cells ${ranges} hold no numbers.`,
  paneLabel: "Task pane",
  workbookLabel: "Workbook",
};

export const TEXTS: Readonly<Record<Language, Texts>> = { da: DA, en: EN };

const TextContext = createContext<Texts>(DA);

export const TextProvider = TextContext.Provider;

/** The texts of the language the pane runs in. */
export function useTexts(): Texts {
  return useContext(TextContext);
}
