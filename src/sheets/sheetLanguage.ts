/**
 * The language of the add-in's own sheets: the pane's (Danish, or English when Office's display
 * language is English). The sheet writers are pure and take it as an argument; the scenario
 * store, which writes the Scenarier and Sammenligning sheets from many places (the manager, a
 * template import, a switch), reads it from here, where the pane sets it for its workbook.
 *
 * What stays Danish in every language, because formulas and users' own references depend on it:
 * the sheets' and tables' names, the parameter names in the Scenarier sheet's column A, the
 * Danish function names and the header texts of the functions' spilled tables.
 */
export type SheetLanguage = "da" | "en";

const chosen = new WeakMap<object, SheetLanguage>();

/** The pane's language for the sheets it writes into `workbook`. */
export function setSheetLanguage(workbook: object, language: SheetLanguage): void {
  chosen.set(workbook, language);
}

/** The language to write `workbook`'s own sheets in: Danish unless the pane said otherwise. */
export const sheetLanguage = (workbook: object): SheetLanguage => chosen.get(workbook) ?? "da";
