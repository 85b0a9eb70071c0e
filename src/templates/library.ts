/**
 * The templates the pane offers ready to use: the standard template and the published cases
 * (templates/cases.ts), each read from its generated JSON file exactly as an imported file is
 * read, so choosing one goes through the same review and apply as any import.
 */
import { parseTemplate, refuse, type ImportResult } from "./template";
import hjoerring from "../../templates/hjoerring.json";
import odense from "../../templates/odense.json";
import standard from "../../templates/standard.json";
import { PUBLISHED_CASES, STANDARD_ENTRY, type LibraryEntry } from "../../templates/cases";

const FILES: Readonly<Record<string, unknown>> = { standard, hjoerring, odense };

/** The standard template first, then the cases in their order. */
export const TEMPLATE_LIBRARY: readonly LibraryEntry[] = [
  STANDARD_ENTRY,
  ...PUBLISHED_CASES.map(({ id, title, source, description }) => ({
    id,
    title,
    source,
    description,
  })),
];

/** A library template, checked as an import is (an unknown id is refused, never guessed). */
export function readLibraryTemplate(id: string): ImportResult {
  const file = Object.prototype.hasOwnProperty.call(FILES, id) ? FILES[id] : undefined;
  if (file === undefined) return refuse({ where: "", message: `Ukendt skabelon «${id}»` });
  return parseTemplate(JSON.stringify(file));
}
