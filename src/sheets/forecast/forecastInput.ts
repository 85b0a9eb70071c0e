/**
 * What the forecast's sheets are made of (the validated stays, the bad rows, the options), and
 * the sheets' and tables' names and number formats, shared by the forecast sheet and the audit
 * sheet. Names stay Danish in every language: a user's formulas may refer to them.
 */
import type { ForecastOptions, ForecastStay } from "../../engine/forecast";
import type { ScenarioParameters } from "../../engine/parameters";
import type { RowError } from "../../engine/shelter";
import type { SheetLanguage } from "../sheetLanguage";
import type { TypologyChoice } from "./userGroups";

/** Wanted names of the own sheets and tables (a user's sheet with the name is never touched). */
export const FORECAST_SHEET = "Refusionsprognose";
export const AUDIT_SHEET = "Refusion pr. ophold";
export const TABLES = {
  quarters: "Refusionsprognose",
  years: "RefusionPrAar",
  groups: "Brugergrupper",
  audit: "RefusionPrOphold",
};

/**
 * Number formats in the invariant syntax Excel's numberFormat API takes; Excel shows them with
 * the user's separators (15.500,00 kr. on a Danish machine).
 */
export const FORMATS = {
  kr: '#,##0.00 "kr."',
  days: "#,##0",
  year: "0",
  date: "dd-mm-yyyy",
} as const;

/** What the sheets are made of: the validated stays and the rows that did not validate. */
export interface ForecastInput {
  stays: ForecastStay[];
  /** 1-based sheet row of each stay. */
  stayRows: number[];
  /** Rows that did not validate, with the citizen as the sheet holds it ("" when blank). */
  bad: { sheetRow: number; citizen: string; error: RowError }[];
  options?: ForecastOptions;
  /** Replace citizen ids on the audit sheet by "Borger 1", "Borger 2", … */
  pseudonymise: boolean;
  /** The user typology's thresholds (the active scenario's, else the defaults). */
  typology?: TypologyChoice;
  /**
   * The scenario the budget years (B + 3) are projected with: the active one of the Scenarier
   * sheet (`name`), else the registry's defaults (name null).
   */
  scenario?: { name: string | null; parameters: ScenarioParameters };
  /** The sheets' language (default Danish). */
  language?: SheetLanguage;
}
