/**
 * The Scenarier sheet's number formats and column widths: the parameters' by unit, the spilled
 * projection's by column and summary row (every amount in kroner in one format, people as whole
 * persons), and widths for the columns Excel fills after the sheet is written.
 */
import type { ParameterDef } from "../../engine/parameters";
import { PROJECTION_COLUMNS } from "../../functions/scenarioFunctions";
import type { ColumnWidth } from "../../workbook/workbook";
import { BUDGET_BLOCK_WIDTH } from "../budget/budgetYears";

/** Number formats in Excel's invariant syntax (shown with Danish separators in Danish Excel). */
export const KR = '#,##0 "kr."';
export const FORMAT_BY_UNIT: Record<ParameterDef["unit"], string | undefined> = {
  "%": "0.0%",
  "kr./år": KR,
  "kr.": KR,
  dage: "0",
  år: "0",
  årstal: "0",
  "boliger/år": undefined,
  // In the sheet's language (scenarioTexts.ts: yesNoFormat).
  "ja/nej": undefined,
  forløb: "0",
  faktor: "0.00",
};

/**
 * The output's columns: amounts in kroner (KR), nights as counts, and people moved and housed
 * as whole persons (the function keeps the model's fractions; the note above the output says so).
 */
export const OUTPUT_FORMATS: Record<string, string | null> = {
  year: "0",
  stayDays: "#,##0",
  hfStayDays: "#,##0",
  moves: "#,##0",
  housedYears: "#,##0",
};

/**
 * The summary rows' values (column B) by PROJECTION_SUMMARY's order, then the skipped rows'
 * count: every amount in kroner, the returns per krone to two decimals, years as years, the
 * nominal rate as a percentage.
 */
export const SUMMARY_FORMATS = [KR, "0.00", "0", KR, KR, KR, "0.00%", "0.00", "0", "0"] as const;

/**
 * Widths (points) for the columns the projection spills into: Excel computes the spill after
 * the sheet is written, so autofit cannot see it, and a column narrower than an amount shows
 * ####. At least the header or an amount like "-99.999.999 kr." (15 characters) at about 6 pt
 * a character in Excel's default font, at most 170 pt (a longer header runs on over the empty
 * cell beside it); the parameter table's long descriptions and sources fit up to 300 and 420
 * (longer ones run on into the empty cells to their right or are cut, but stay in the cell).
 */
export const outputWidths = (rangeSourceColumn: number): ColumnWidth[] => [
  ...PROJECTION_COLUMNS.map((c, i) => ({
    min: Math.min(170, Math.max(c.da.length, 15) * 6 + 8),
    ...(i === 5 && { max: 300 }),
    ...((i === 6 || i === rangeSourceColumn) && { max: 420 }),
  })),
  null,
  // The budget years' labels (fitted), then their amounts, formulas Excel computes later.
  null,
  ...Array<ColumnWidth>(BUDGET_BLOCK_WIDTH - 1).fill({ min: 15 * 6 + 8 }),
];
