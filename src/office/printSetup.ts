/**
 * A sheet's page layout from the port's PrintSetup, with Office.js (the caller syncs).
 * PageLayout and the page break collections are ExcelApi 1.9
 * (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout,
 * https://learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection).
 */
import { a1, type PrintSetup } from "../workbook/workbook";

/** Half an inch, in points: the page's margins when it prints at a fixed scale. */
const MARGIN = 36;

export function printSetup(ws: Excel.Worksheet, print: PrintSetup): void {
  const layout = ws.pageLayout;
  layout.orientation = print.orientation === "portrait" ? "Portrait" : "Landscape";
  layout.paperSize = "A4";
  layout.centerHorizontally = true;
  layout.setPrintArea(print.area);
  if (!print.pages) {
    // One page: "fit to 1 page wide by 1 tall".
    layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
    return;
  }
  // A percentage, not "fit to": with "fit to" Excel ignores manual page breaks.
  layout.zoom = { scale: print.pages.scale };
  layout.leftMargin = MARGIN;
  layout.rightMargin = MARGIN;
  ws.horizontalPageBreaks.removePageBreaks();
  // "Adds a page break before the top-left cell of the range specified."
  for (const row of print.pages.breaks) ws.horizontalPageBreaks.add(a1(row, 0));
}
