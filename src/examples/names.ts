/**
 * The example sheets' names, apart from their content (exampleSheets.ts, which brings the demo
 * municipality's generator): the pane imports these at start and loads the content only when the
 * user inserts the examples.
 */
import { ownSheetName } from "../workbook/workbook";

/** Wanted names of the add-in's own example sheets, in the order they are written. */
export const EXAMPLE_SHEETS = {
  stays: "Eksempel ophold",
  worked: "Eksempler",
  forecast: "Eksempel prognose",
  projection: "Eksempel projektion",
} as const;

const sameName = (a: string, b: string) => a.toLocaleLowerCase("da") === b.toLocaleLowerCase("da");

type Sheet = { name: string; own: boolean };

/**
 * Whether an own sheet is the inserted example stays, under its name or "Eksempel ophold (2)", …
 * (a user's sheet had the name): the pane reads them as it reads a user's stays (the add-in
 * writes nothing else under that name), so a blank workbook with the examples can run the
 * forecast and the scenarios.
 */
export function isExampleStays(sheet: Sheet): boolean {
  const m = /^(.*) \((\d+)\)$/.exec(sheet.name);
  const base = m && Number(m[2]) >= 2 ? m[1] : sheet.name;
  return sheet.own && sameName(base, EXAMPLE_SHEETS.stays);
}

/** The sheet a write of `wanted` lands on: the first of "Name", "Name (2)", … free or own. */
function landsOn(wanted: string, sheets: readonly Sheet[]): Sheet | undefined {
  for (let attempt = 1; ; attempt++) {
    const existing = sheets.find((s) => sameName(s.name, ownSheetName(wanted, attempt)));
    if (!existing || existing.own) return existing;
  }
}

/** The add-in's own sheets that inserting the examples replaces (a user's sheet never is). */
export const replacedByExamples = (sheets: readonly Sheet[]): string[] =>
  Object.values(EXAMPLE_SHEETS).flatMap((wanted) => {
    const sheet = landsOn(wanted, sheets);
    return sheet ? [sheet.name] : [];
  });
