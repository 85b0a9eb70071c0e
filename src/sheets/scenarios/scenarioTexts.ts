/**
 * What the Scenarier sheet and the comparison sheet («Sammenligning») say, in Danish and English
 * (the pane's language, sheetLanguage.ts). The parameter names in the Scenarier sheet's column A
 * stay Danish in both: the formula reads them (English aliases are accepted there too, but a
 * sheet the add-in reads back must keep one set of names). The spilled table's headers are the
 * function's and stay Danish; the sources quote Danish documents as they are.
 */
import type { ParameterUnit } from "../../engine/parameters";
import type { SheetLanguage } from "../sheetLanguage";

export interface ScenarioTexts {
  title: string;
  intro(outputRow: number, excelName: string): string;
  active: string;
  unsaved: string;
  header: readonly [string, string, string, string, string, string, string, string];
  saved: string;
  formulaNote(cell: string, formula: string): string;
  noStays: string;
  /** How the function's «række N i området» reads as a row of the stays' sheet. */
  rowsNote(sheet: string, firstSheetRow: number, table?: string): string;
  wholePersons: string;
  unit: Record<ParameterUnit, string>;
  yesNoFormat: string;
  chartNetCost: string;
  withoutAction: string;
  withHousingFirst: string;
  chartDifference: string;
  difference: string;
  cumulativeNpv: string;
  // ---- the comparison sheet ----
  compareTitle: string;
  stale(names: string): string;
  snapshot: string;
  compareHeader: readonly string[];
  noBreakEven: string;
  deleted(name: string): string;
  perYear: string;
  year: string;
  tornadoHeader: readonly string[];
  tornadoTitle(name: string, npv: number): string;
  chartNpv: string;
  npvSeries: string;
  chartDifferences: string;
  chartTornado(shown: number): string;
  low: string;
  high: string;
}

const DA: ScenarioTexts = {
  title: "Scenarier: hvad koster det, hvis vi ikke handler – og hvad giver Housing First?",
  intro: (outputRow, name) =>
    `Ret værdierne i kolonne B og spændet (lav og høj, til følsomhed og usikkerhed) i kolonne C og D. Tabellen fra række ${outputRow} er formlen DK.HOUSINGFIRSTPROJECTION, der regnes om, når en værdi eller et ophold ændres. ` +
    `Værdierne har Excel-navne, som egne formler kan bruge, fx =${name}.`,
  active: "Aktivt scenarie",
  unsaved: "Værdierne i kolonne B er ikke gemt som et scenarie: gem dem med et navn i panelet.",
  header: ["Parameter", "Værdi", "Lav", "Høj", "Enhed", "Beskrivelse", "Kilde", "Kilde til spænd"],
  saved: "Gemte scenarier",
  formulaNote: (cell, formula) => `Formel i ${cell}: ${formula}`,
  noStays: "Ingen ophold endnu: find opholdene i panelet, og vælg «Opdater arket Scenarier».",
  rowsNote: (sheet, first, table) =>
    `Rækker, som formlen springer over, står i tabellens sidste række som «række N i området»: række 1 i området er række ${first} på arket «${sheet}»${table ? ` (tabellen «${table}»)` : ""}, så række N i området er arkets række N + ${first - 1}.`,
  wholePersons:
    "Flyttet og boligplacerede vises i hele personer; modellen regner med brøkdele af personer, og cellerne har de præcise tal.",
  unit: {
    årstal: "årstal",
    år: "år",
    "%": "%",
    dage: "dage",
    "kr./år": "kr./år",
    "kr.": "kr.",
    "boliger/år": "boliger/år",
    "ja/nej": "ja/nej",
    forløb: "forløb",
    faktor: "faktor",
  },
  // 1 shows as "ja", 0 as "nej" (Excel's conditional number format sections).
  yesNoFormat: '[=1]"ja";[=0]"nej";0',
  chartNetCost: "Kommunens nettoudgift pr. år: uden indsats og med Housing First",
  withoutAction: "Uden indsats",
  withHousingFirst: "Med Housing First",
  chartDifference: "Housing First: forskel pr. år og akkumuleret nutidsværdi",
  difference: "Forskel (uden − med)",
  cumulativeNpv: "Akkumuleret nutidsværdi",
  compareTitle: "Scenarier side om side og følsomhed",
  stale: (names) =>
    `Forældet: ${names} er slettet, efter at sammenligningen blev beregnet. Vælg «Sammenlign og vis følsomhed» igen.`,
  snapshot:
    "Øjebliksbillede beregnet af panelet med DK.HOUSINGFIRSTPROJECTION-modellen på de samme ophold; vælg «Sammenlign» igen efter ændringer. Flyttet vises i hele personer (modellen regner med brøkdele).",
  compareHeader: [
    "Scenarie",
    "Nutidsværdi (NPV)",
    "Afkast pr. krone",
    "Break-even-år",
    "Forskel i alt",
    "Nettoudgift uden indsats i alt",
    "Nettoudgift med Housing First i alt",
    "Flyttet i egen bolig i alt (personer)",
  ],
  noBreakEven: "ingen",
  deleted: (name) => `${name} (slettet)`,
  perYear: "Forskel (uden − med) pr. år",
  year: "År",
  tornadoHeader: [
    "Parameter",
    "Kort navn",
    "Værdi",
    "Lav",
    "Høj",
    "NPV ved lav",
    "NPV ved høj",
    "Ændring ved lav",
    "Ændring ved høj",
    "Udsving",
    "Skifteværdi (NPV = 0)",
    "Kilde til lav og høj",
  ],
  tornadoTitle: (name, npv) =>
    `Tornado: nutidsværdien for «${name}» (${new Intl.NumberFormat("da-DK", { maximumFractionDigits: 0 }).format(npv)} kr.) med hver parameter ved sin lave og sin høje værdi, størst udsving først; skifteværdien er den værdi, hvor nutidsværdien bliver 0`,
  chartNpv: "Nutidsværdi (NPV) pr. scenarie",
  npvSeries: "Nutidsværdi",
  chartDifferences: "Forskel (uden − med) pr. år pr. scenarie",
  chartTornado: (shown) =>
    `Tornado: ændring i nutidsværdien ved lav og høj værdi (de ${shown} største udsving)`,
  low: "Lav værdi",
  high: "Høj værdi",
};

const EN: ScenarioTexts = {
  title: "Scenarios: what does it cost if we do nothing – and what does Housing First give?",
  intro: (outputRow, name) =>
    `Edit the values in column B and the range (low and high, for sensitivity and uncertainty) in columns C and D. The table from row ${outputRow} is the formula DK.HOUSINGFIRSTPROJECTION, recalculated when a value or a stay changes. ` +
    `The values have Excel names your own formulas can use, e.g. =${name}. The parameter names in column A stay Danish: the formula reads them.`,
  active: "Active scenario",
  unsaved:
    "The values in column B are not saved as a scenario: save them under a name in the pane.",
  header: ["Parameter", "Value", "Low", "High", "Unit", "Description", "Source", "Source of range"],
  saved: "Saved scenarios",
  formulaNote: (cell, formula) => `Formula in ${cell}: ${formula}`,
  noStays: "No stays yet: find the stays in the pane and choose “Update the Scenarier sheet”.",
  rowsNote: (sheet, first, table) =>
    `Rows the formula skips are listed in the table's last row as «række N i området» (row N of the range): row 1 of the range is row ${first} of the sheet “${sheet}”${table ? ` (the table “${table}”)` : ""}, so row N of the range is the sheet's row N + ${first - 1}.`,
  wholePersons:
    "Moves and people housed show in whole persons; the model counts fractions of people, and the cells hold the exact numbers.",
  unit: {
    årstal: "year",
    år: "years",
    "%": "%",
    dage: "days",
    "kr./år": "DKK/year",
    "kr.": "DKK",
    "boliger/år": "dwellings/year",
    "ja/nej": "yes/no",
    forløb: "episodes",
    faktor: "factor",
  },
  yesNoFormat: '[=1]"yes";[=0]"no";0',
  chartNetCost: "The municipality's net cost by year: without action and with Housing First",
  withoutAction: "Without action",
  withHousingFirst: "With Housing First",
  chartDifference: "Housing First: difference by year and cumulative present value",
  difference: "Difference (without − with)",
  cumulativeNpv: "Cumulative present value",
  compareTitle: "Scenarios side by side, and sensitivity",
  stale: (names) =>
    `Out of date: ${names} was deleted after the comparison was computed. Choose “Compare and show sensitivity” again.`,
  snapshot:
    "A snapshot computed by the pane with the DK.HOUSINGFIRSTPROJECTION model on the same stays; choose “Compare” again after changes. Moves show in whole persons (the model counts fractions).",
  compareHeader: [
    "Scenario",
    "Net present value (NPV)",
    "Return per krone",
    "Break-even year",
    "Difference, total",
    "Net cost without action, total",
    "Net cost with Housing First, total",
    "Moved to own home, total (persons)",
  ],
  noBreakEven: "none",
  deleted: (name) => `${name} (deleted)`,
  perYear: "Difference (without − with) by year",
  year: "Year",
  tornadoHeader: [
    "Parameter",
    "Short name",
    "Value",
    "Low",
    "High",
    "NPV at low",
    "NPV at high",
    "Change at low",
    "Change at high",
    "Swing",
    "Switching value (NPV = 0)",
    "Source of low and high",
  ],
  tornadoTitle: (name, npv) =>
    `Tornado: the net present value of “${name}” (${new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 }).format(npv)} DKK) with each parameter at its low and its high value, widest swing first; the switching value is the value at which the NPV becomes 0`,
  chartNpv: "Net present value (NPV) by scenario",
  npvSeries: "Net present value",
  chartDifferences: "Difference (without − with) by year and scenario",
  chartTornado: (shown) =>
    `Tornado: change in the net present value at the low and high value (the ${shown} widest swings)`,
  low: "Low value",
  high: "High value",
};

export const SCENARIO_TEXTS: Readonly<Record<SheetLanguage, ScenarioTexts>> = { da: DA, en: EN };
