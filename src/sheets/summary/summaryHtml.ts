/**
 * The council page as HTML, for a copy that pastes cleanly into Word (a council paper is written
 * there): one table with the sheet's rows, the bold rows bold, the title as a heading and the
 * numbers as the sheet shows them. Pure: the pane puts it on the clipboard.
 */
import { a1, parseA1, type SheetSpec } from "../../workbook/workbook";

const escape = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** A number in a cell's format: "#,##0 \"kr.\"", "#,##0", "0.00", or as it is. */
function shown(value: number, format: string | undefined, language: "da" | "en"): string {
  const locale = language === "da" ? "da-DK" : "en-GB";
  if (format?.includes("kr."))
    return `${value.toLocaleString(locale, { maximumFractionDigits: 0 })} kr.`;
  if (format === "#,##0") return value.toLocaleString(locale, { maximumFractionDigits: 0 });
  if (format === "0.00")
    return value.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return value.toLocaleString(locale, { useGrouping: false, maximumFractionDigits: 6 });
}

/** The page's rows as an HTML document fragment, and the same as plain text (tab-separated). */
export function summaryHtml(
  spec: SheetSpec,
  language: "da" | "en"
): { html: string; text: string } {
  const section = spec.sections[0];
  const formats = new Map((spec.cells ?? []).map((c) => [c.at, c.numberFormat]));
  const bold = new Set(section.boldRows ?? []);
  const start = parseA1(section.at);
  const width = Math.max(...section.values.map((r) => r.length));
  const cell = (r: number, c: number) => {
    const v = section.values[r]?.[c] ?? "";
    return typeof v === "number"
      ? shown(v, formats.get(a1(start.top + r, start.left + c)), language)
      : String(v);
  };
  const lines: string[] = [];
  const text: string[] = [];
  section.values.forEach((_, r) => {
    const cells = Array.from({ length: width }, (_, c) => cell(r, c));
    text.push(cells.join("\t").replace(/\t+$/, ""));
    if (r === 0) {
      lines.push(`<h1>${escape(cells[0])}</h1>`);
      return;
    }
    const tag = bold.has(r) ? "th" : "td";
    // A note in column A alone runs across the row, as it does on the sheet.
    if (cells.slice(1).every((c) => c === ""))
      lines.push(
        `<tr><${tag} colspan="${width}" style="text-align:left">${escape(cells[0]) || "&nbsp;"}</${tag}></tr>`
      );
    else
      lines.push(
        `<tr>${cells
          .map(
            (c, i) =>
              `<${tag} style="text-align:${i > 0 && /\d/.test(c) ? "right" : "left"}">${escape(c)}</${tag}>`
          )
          .join("")}</tr>`
      );
  });
  const [title, ...rows] = lines;
  return {
    html: `${title}<table style="border-collapse:collapse;font-family:Calibri,sans-serif;font-size:10pt">${rows.join("")}</table>`,
    text: text.join("\n"),
  };
}
