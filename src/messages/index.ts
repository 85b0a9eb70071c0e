/**
 * Messages as codes: the engine, the cell layer and the functions report a Problem (problem.ts)
 * and this module writes it in Danish (da.ts: cells, sheets, the Node exports) and English
 * (en.ts: the pane in English). An error carries the problem and both texts, as plain data.
 */
import { renderDa, skippedDa } from "./da";
import { renderEn, skippedEn } from "./en";
import type { Problem } from "./problem";

export { DA } from "./da";
export { EN } from "./en";
export {
  showCell,
  type Catalog,
  type InvestmentRate,
  type Label,
  type Problem,
  type ProblemId,
  type RangeBound,
  type Reason,
} from "./problem";

export type Language = "da" | "en";

/** A problem in the user's language. */
export function render(problem: Problem, language: Language): string {
  return language === "da" ? renderDa(problem) : renderEn(problem);
}

/**
 * An Excel error for a problem, with its Danish message and its English one: the shape of the
 * engine's RowError (shelter.ts), built here so every error carries both texts.
 */
export function problemError<C extends "#VALUE!" | "#N/A" = "#VALUE!">(
  problem: Problem,
  code: C = "#VALUE!" as C
): { code: C; problem: Problem; message: string; en: string } {
  return { code, problem, message: renderDa(problem), en: renderEn(problem) };
}

/** The rows a table left out, with their reasons ("2 rækker (række 5 i området: …)"). */
export function skippedText(
  skipped: readonly { row: number; problem: Problem }[],
  language: Language
): string {
  return language === "da" ? skippedDa(skipped) : skippedEn(skipped);
}
