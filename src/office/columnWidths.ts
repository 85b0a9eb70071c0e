/** The add-in's own sheets' column widths in Excel: fitted to their content, within bounds. */
import { boundWidth, columnLetters, fitRegions, type SheetSpec } from "../workbook/workbook";

/**
 * Sizes the columns to their content: Excel's own autofit on each section that fits
 * (RangeFormat.autofitColumns, ExcelApi 1.2: "Changes the width of the columns of the current
 * range to achieve the best fit, based on the current data in the columns",
 * https://learn.microsoft.com/javascript/api/excel/excel.rangeformat#excel-excel-rangeformat-autofitcolumns-member(1)),
 * so a title above a table does not widen the table's first column. A column in several
 * sections keeps its widest fit; then each column's bounds (SheetSpec.columnWidths) apply, and
 * a fixed width is set as it is.
 */
export async function fitColumns(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  spec: SheetSpec
): Promise<void> {
  const rules = spec.columnWidths ?? [];
  const widths = new Map<number, number>();
  for (const r of fitRegions(spec)) {
    const columns: number[] = [];
    for (let c = r.left; c <= r.right; c++) if (typeof rules[c] !== "number") columns.push(c);
    if (columns.length === 0) continue;
    ws.getRangeByIndexes(
      r.top,
      r.left,
      r.bottom - r.top + 1,
      r.right - r.left + 1
    ).format.autofitColumns();
    const fitted = columns.map((c) =>
      ws.getRangeByIndexes(r.top, c, 1, 1).format.load("columnWidth")
    );
    // Each section's fitted widths are read before the next section's autofit changes them.
    await ctx.sync();
    columns.forEach((c, i) => {
      const w = fitted[i].columnWidth;
      widths.set(c, Math.max(widths.get(c) ?? 0, typeof w === "number" ? w : 0));
    });
  }
  // Fixed widths, and bounds for columns that no section fits (a formula's spill to come).
  rules.forEach((rule, c) => {
    if (!widths.has(c) && (typeof rule === "number" || rule?.min !== undefined)) widths.set(c, 0);
  });
  for (const [c, fitted] of widths)
    ws.getRange(`${columnLetters(c)}:${columnLetters(c)}`).format.columnWidth = boundWidth(
      rules[c],
      fitted
    );
}
