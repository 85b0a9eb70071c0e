/**
 * The demo's print stylesheet and print view. Excel prints a sheet's print area scaled to fit its
 * page (SheetSpec.print: the Excel adapter sets the page layout); a browser prints the page. So
 * when the active sheet has a print setup, this renders its print area as Excel lays it out —
 * the sheet's column widths, a text running on over the empty cells to its right, the charts
 * in their place — in a node of its own under <body>, measures it, and a print stylesheet shows
 * only that node on A4 in the sheet's orientation, zoomed to fit one page as Excel's "fit to
 * 1 × 1 page" does, or, when the setup has pages, at its scale with a new page at each break.
 * On screen the node is laid out out of view (to be measured) and hidden; the grid shows.
 */
import { useLayoutEffect, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { useTexts } from "../taskpane/i18n";
import { parseA1, type ChartSpec, type ColumnWidth } from "../src/workbook/workbook";
import type { MemorySheet, MemoryWorkbook } from "../src/demo/memoryWorkbook";
import { alignsRight, formatCell } from "./cellFormat";
import { ChartView } from "./ChartView";

const CLASS = "demo-print-view";
/**
 * A4 less Excel's "Normal" margins (1,9 cm top and bottom, 1,8 cm left and right), in CSS px;
 * a setup with pages has half-inch margins left and right, as the Excel adapter sets them.
 */
const PAGE_PX = {
  portrait: { width: (174 / 25.4) * 96, height: (259 / 25.4) * 96 },
  landscape: { width: (259 / 25.4) * 96, height: (174 / 25.4) * 96 },
};
/** Excel's default column width, in points. */
const DEFAULT_WIDTH = 48;

const widthOf = (w: ColumnWidth | undefined): number =>
  typeof w === "number" ? w : (w?.max ?? w?.min ?? DEFAULT_WIDTH);

const printStyle = (orientation: "portrait" | "landscape", zoom: number, paged: boolean) => `
.${CLASS} { position: absolute; left: -100000px; top: 0; visibility: hidden; width: max-content;
  font: 11pt/1.3 Calibri, Carlito, "Segoe UI", system-ui, sans-serif; color: #000; }
.${CLASS} table { border-collapse: collapse; table-layout: fixed; }
.${CLASS} td { padding: 0 3pt; white-space: nowrap; overflow: hidden; }
.${CLASS} figure { margin-top: 12pt; }
@media print {
  @page { size: A4 ${orientation}; margin: ${paged ? "19mm 12.7mm" : "19mm 18mm"}; }
  .${CLASS} .page + .page { break-before: page; }
  body > *:not(.${CLASS}) { display: none !important; }
  .${CLASS} { position: static; visibility: visible; zoom: ${zoom}; }
}`;

/** How many cells a text spans: itself and the empty cells right of it, as Excel shows it. */
function spanOf(values: unknown[] | undefined, c: number, right: number): number {
  let span = 1;
  while (c + span <= right && (values?.[c + span] ?? "") === "") span++;
  return span;
}

export function PrintView({ workbook, sheet }: { workbook: MemoryWorkbook; sheet: MemorySheet }) {
  const { language } = useTexts();
  const node = useRef<HTMLDivElement>(null);
  const [zoom, setZoom] = useState(1);
  const orientation = sheet.print?.orientation ?? "portrait";
  const pages = sheet.print?.pages;
  useLayoutEffect(() => {
    if (!node.current) return;
    if (pages) {
      if (zoom !== pages.scale / 100) setZoom(pages.scale / 100);
      return;
    }
    const page = PAGE_PX[orientation];
    const { width, height } = node.current.getBoundingClientRect();
    // A little to spare: the printed fonts may set a line a pixel taller than the screen's.
    const fit = Math.min(1, (0.97 * page.width) / width, (0.97 * page.height) / height);
    if (Math.abs(fit - zoom) > 0.001) setZoom(fit);
  }, [sheet.values, sheet.charts, orientation, zoom, pages]);
  if (!sheet.print) return null;
  const area = parseA1(sheet.print.area);
  const bottom = Math.min(area.bottom, sheet.values.length - 1);
  const columns: number[] = [];
  for (let c = area.left; c <= area.right; c++) columns.push(widthOf(sheet.columnWidths[c]));
  const table = (rows: React.ReactNode[], key: number) => (
    <table key={key} style={{ width: `${columns.reduce((a, b) => a + b, 0)}pt` }}>
      <colgroup>
        {columns.map((w, i) => (
          <col key={i} style={{ width: `${w}pt` }} />
        ))}
      </colgroup>
      <tbody>{rows}</tbody>
    </table>
  );
  const chart = (spec: ChartSpec) => <ChartView key={spec.name} data={workbook.chartData(spec)} />;
  // Pages of tables and charts: a chart in the place of the rows it covers, as Excel prints it.
  const breaks = new Set(pages?.breaks ?? []);
  const anchored = new Map(sheet.charts.map((spec) => [parseA1(spec.from).top, spec]));
  const placed = new Set<ChartSpec>();
  const book: React.ReactNode[][] = [[]];
  let rows: React.ReactNode[] = [];
  const flush = () => {
    if (rows.length > 0) book[book.length - 1].push(table(rows, book.flat().length));
    rows = [];
  };
  for (let r = area.top; r <= bottom; r++) {
    if (breaks.has(r) && r > area.top) {
      flush();
      book.push([]);
    }
    const spec = anchored.get(r);
    if (spec) {
      flush();
      book[book.length - 1].push(chart(spec));
      placed.add(spec);
      r = parseA1(spec.to).bottom;
      continue;
    }
    const values = sheet.values[r];
    const cells: React.ReactNode[] = [];
    for (let c = area.left; c <= area.right;) {
      const value = values?.[c];
      const span = typeof value === "string" && value !== "" ? spanOf(values, c, area.right) : 1;
      cells.push(
        <td
          key={c}
          colSpan={span}
          style={{
            textAlign: alignsRight(value) ? "right" : "left",
            fontWeight: workbook.isBold(sheet.name, r, c) ? 700 : 400,
            ...(workbook.fontSize(sheet.name, r, c) !== null && {
              fontSize: `${workbook.fontSize(sheet.name, r, c)}pt`,
            }),
          }}
        >
          {/* A blank row keeps its height in print, as in Excel (a plain space would collapse). */}
          {formatCell(value, workbook.numberFormat(sheet.name, r, c), language) || "\u00a0"}
        </td>
      );
      c += span;
    }
    rows.push(<tr key={r}>{cells}</tr>);
  }
  flush();
  // Charts below the last row with a value print after it.
  for (const spec of sheet.charts) if (!placed.has(spec)) book[book.length - 1].push(chart(spec));
  return createPortal(
    <div className={CLASS} ref={node} data-testid="print-view" data-zoom={zoom.toFixed(3)}>
      <style>{printStyle(orientation, zoom, pages !== undefined)}</style>
      {book.map((blocks, i) => (
        <div key={i} className="page" data-testid="print-page">
          {blocks}
        </div>
      ))}
    </div>,
    document.body
  );
}
