/**
 * The demo grid's column widths, as Excel sizes the add-in's own sheets after writing them
 * (autofit): each column as wide as its widest shown text among the cells that fit (the
 * sections MemoryWorkbook keeps as `fitRegions`), measured in the grid's own font, then within
 * the sheet's bounds for that column (a fixed width stays fixed). A user's sheet has no regions:
 * its columns fit their numbers and short texts, and long titles run on over empty neighbours.
 *
 * Reading a column of 50 000 rows costs a pass over its values; only the few texts that can be
 * the widest (the longest strings, the largest numbers of each sign, bold cells) are formatted
 * and measured.
 */
import { webLightTheme } from "@fluentui/react-components";
import { boundWidth, type ColumnWidth, type Rect } from "../src/workbook/workbook";
import type { CellValue } from "../src/workbook/workbook";
import { forEachCell } from "../src/demo/cellWalk";

/** Excel's widths are points; the screen has 96 px per 72 pt. */
export const PX_PER_POINT = 96 / 72;
/** The cell's padding (6 px each side) and its grid line. */
const CELL_PADDING = 13;
const MIN_WIDTH = 40;
/** A user's sheet: texts longer than this run over their neighbours instead of widening. */
const USER_TEXT = 30;
/** A user's sheet: between 96 and 420 px, in points. */
const USER_WIDTHS = { min: 72, max: 315 };

export interface FitSheet {
  values: readonly (readonly CellValue[])[];
  columnWidths: readonly ColumnWidth[];
  /** The add-in's own sheets: the cells that size the columns; undefined on a user's sheet. */
  fitRegions?: readonly Rect[];
  /**
   * Formulas and the cells their result spills over: Excel computes them after the sheet is
   * written, so its autofit never sees them (the sheet's bounds size those columns), nor here.
   */
  formulas?: readonly { row: number; col: number; spill: { rows: number; cols: number } }[];
}

/** How the grid shows a cell: its formatted text, and whether it is bold. */
export interface Shown {
  text(row: number, col: number): string;
  bold(row: number, col: number): boolean;
}

/** Texts measured in px in the grid's font (12 px, Fluent's base font family). */
export type Measure = (text: string, bold: boolean) => number;

export function canvasMeasure(): Measure {
  const context = document.createElement("canvas").getContext("2d");
  const family = webLightTheme.fontFamilyBase;
  return (text, bold) => {
    if (!context) return text.length * 7;
    context.font = `${bold ? 600 : 400} 12px ${family}`;
    return context.measureText(text).width;
  };
}

/** The cells of one column that may be its widest: a few of each kind, by a cheap proxy. */
class Widest {
  private static readonly KEEP = 6;
  private readonly best: { row: number; score: number }[][] = [[], [], []]; // text, positive, negative

  constructor(private readonly user: boolean) {}

  /** Offers a cell; false when it cannot be the widest (blank, or a user's long text). */
  offer(row: number, v: CellValue | undefined): boolean {
    if (typeof v === "string") {
      if (v === "" || (this.user && v.length > USER_TEXT)) return false;
      this.keep(0, row, v.length);
    } else if (typeof v === "number") this.keep(v < 0 ? 2 : 1, row, Math.abs(v));
    else if (typeof v === "boolean") this.keep(0, row, 5);
    else return false;
    return true;
  }

  private keep(kind: number, row: number, score: number): void {
    const list = this.best[kind];
    if (list.length === Widest.KEEP && score <= list[Widest.KEEP - 1].score) return;
    list.push({ row, score });
    list.sort((a, b) => b.score - a.score);
    if (list.length > Widest.KEEP) list.pop();
  }

  get rows(): number[] {
    return this.best.flatMap((list) => list.map((c) => c.row));
  }
}

/** Whether row `r` of column `col` is under a formula's spill, which Excel's autofit never sees. */
function spilledIn(sheet: FitSheet, col: number): (r: number) => boolean {
  const spills = (sheet.formulas ?? []).filter(
    (f) => col >= f.col && col < f.col + Math.max(1, f.spill.cols)
  );
  return (r) =>
    spills.length > 0 && spills.some((f) => r >= f.row && r < f.row + Math.max(1, f.spill.rows));
}

/** The cells of an own sheet's column that may be its widest, in the given row ranges. */
function candidates(sheet: FitSheet, col: number, rows: readonly [number, number][]): number[] {
  const widest = new Widest(false);
  const spilled = spilledIn(sheet, col);
  for (const [top, bottom] of rows)
    for (let r = top; r <= bottom; r++) if (!spilled(r)) widest.offer(r, sheet.values[r]?.[col]);
  return widest.rows;
}

/**
 * A user's sheet, in one pass over the cells it holds rather than one pass per column: a loaded
 * sheet may be 16 384 columns wide with a cell here and there. Per column: its first row when
 * that can be the widest (the header, always measured), then the candidates.
 */
function userCandidates(sheet: FitSheet): Map<number, number[]> {
  const perColumn = new Map<number, Widest>();
  const first = new Set<number>();
  const spilled = new Map<number, (r: number) => boolean>();
  sheet.values.forEach((row, r) =>
    forEachCell(row, (v, c) => {
      let is = spilled.get(c);
      if (!is) spilled.set(c, (is = spilledIn(sheet, c)));
      if (is(r)) return;
      let widest = perColumn.get(c);
      if (!widest) perColumn.set(c, (widest = new Widest(true)));
      if (widest.offer(r, v) && r === 0) first.add(c);
    })
  );
  const out = new Map<number, number[]>();
  for (const [c, widest] of perColumn) out.set(c, [...(first.has(c) ? [0] : []), ...widest.rows]);
  return out;
}

/** The grid's width of each column in px. */
export function columnWidthsPx(
  sheet: FitSheet,
  columns: number,
  shown: Shown,
  measure: Measure
): number[] {
  const user = sheet.fitRegions === undefined;
  const userRows = user ? userCandidates(sheet) : undefined;
  return Array.from({ length: columns }, (_, c) => {
    const rule = user ? USER_WIDTHS : sheet.columnWidths[c];
    if (typeof rule === "number") return Math.round(rule * PX_PER_POINT);
    let measured: number[];
    if (userRows) measured = userRows.get(c) ?? [];
    else {
      const rows: [number, number][] = sheet
        .fitRegions!.filter((r) => c >= r.left && c <= r.right)
        .map((r) => [r.top, r.bottom]);
      // The first row of each region (a table's bold header) is always measured, unless spilled.
      const tops = rows.map(([top]) => top).filter((r) => candidates(sheet, c, [[r, r]]).length);
      measured = [...tops, ...candidates(sheet, c, rows)];
    }
    let widest = 0;
    for (const r of measured)
      widest = Math.max(widest, measure(shown.text(r, c), shown.bold(r, c)));
    const fitted = Math.max(MIN_WIDTH, Math.ceil(widest) + CELL_PADDING);
    // Bounds are in points, as in Excel.
    return Math.round(boundWidth(rule ?? null, fitted / PX_PER_POINT) * PX_PER_POINT);
  });
}
