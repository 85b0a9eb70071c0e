/**
 * The pane's side of templates, without UI: the column mapping as header names and back, whether
 * the host lets the pane save a file, saving it, and reading a picked file (its size is checked
 * before a byte is read).
 */
import {
  COLUMN_FIELDS,
  parseTemplate,
  refuse,
  sizeProblem,
  type ColumnField,
  type ImportResult,
  type TemplateColumns,
} from "../../templates/template";
import { normalise, type ColumnMapping } from "../stays/columns";
import type { CellValue } from "../../workbook/workbook";

/** The mapping as a template keeps it: the header name of each mapped column. */
export function columnsOfMapping(
  header: readonly CellValue[],
  mapping: ColumnMapping
): Record<ColumnField, string | null> {
  return Object.fromEntries(
    COLUMN_FIELDS.map((field) => {
      const col = mapping[field];
      const name = col === null ? "" : String(header[col] ?? "").trim();
      return [field, name === "" ? null : name];
    })
  ) as Record<ColumnField, string | null>;
}

/**
 * A template's header names on this sheet's header row (matched as the pane matches headers:
 * case, spaces and punctuation do not matter). Fields the template names but this sheet lacks
 * keep their current column and are listed in `unmatched`; fields it leaves out keep theirs.
 */
export function mappingOfColumns(
  header: readonly CellValue[],
  columns: TemplateColumns,
  current: ColumnMapping
): { mapping: ColumnMapping; unmatched: ColumnField[] } {
  const names = header.map(normalise);
  const mapping: ColumnMapping = { ...current };
  const unmatched: ColumnField[] = [];
  for (const field of COLUMN_FIELDS) {
    const wanted = columns[field];
    if (wanted === null) continue;
    const col = names.indexOf(normalise(wanted));
    if (col < 0) {
      unmatched.push(field);
      continue;
    }
    // One column serves one field: a field that held this column gives it up.
    for (const other of COLUMN_FIELDS)
      if (other !== field && mapping[other] === col) mapping[other] = null;
    mapping[field] = col;
  }
  return { mapping, unmatched };
}

/**
 * Whether the host saves a file from a download link: a plain browser (the demo) and Excel on
 * the web do; the desktop apps' web views block or drop downloads, so the pane shows the text to
 * copy there instead.
 */
export function downloadsAllowed(): boolean {
  if (typeof Office === "undefined" || !Office.context?.platform) return true;
  return Office.context.platform === Office.PlatformType.OfficeOnline;
}

/** Saves text as a file through a download link. */
export function saveTextFile(text: string, fileName: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A picked file, refused unread when it is over the size limit. */
export async function readTemplateFile(file: Blob): Promise<ImportResult> {
  const tooLarge = sizeProblem(file.size);
  if (tooLarge) return refuse(tooLarge);
  return parseTemplate(await file.text());
}
