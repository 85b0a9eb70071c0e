/**
 * What the reader keeps of a sheet, and the limits on what it keeps: the filled cells only,
 * each checked as it comes (its row and column within the sheet's limits, its text within
 * Excel's 32 767 characters and free of NUL, the file's text and the sheet's filled cells within
 * theirs), then the used range and the tables within the block the pane reads at once. The .xlsx
 * and the CSV reader keep their cells here, so a limit says the same for both.
 */
import { a1, type CellValue } from "../workbook/workbook";
import { LOAD_LIMITS, limitError, type LoadedSheet } from "./loadedFile";
import type { FormatRegion, MemoryTable } from "../demo/memoryWorkbook";

/** The characters of text a file's sheets keep together. */
export interface FileText {
  chars: number;
}

export class SheetKeeper {
  private readonly rows: number[] = [];
  private readonly cols: number[] = [];
  private readonly values: CellValue[] = [];
  private top = Infinity;
  private left = Infinity;
  private bottom = -1;
  private right = -1;

  constructor(
    readonly name: string,
    private readonly text: FileText
  ) {}

  /** Keeps a cell (0-based row and column); cells come by row, then by column. A blank is not kept. */
  keep(row: number, col: number, value: CellValue): void {
    if (value === "" || value === null) return;
    const sheet = { name: this.name };
    if (row >= LOAD_LIMITS.rows) throw limitError.rows(sheet);
    if (col >= LOAD_LIMITS.columns) throw limitError.columns(sheet, col + 1);
    if (typeof value === "string") {
      if (value.length > LOAD_LIMITS.cellChars)
        throw limitError.cellChars(sheet, a1(row, col), value.length);
      if (value.includes("\0")) throw limitError.nul(sheet, a1(row, col));
      if ((this.text.chars += value.length) > LOAD_LIMITS.textChars) throw limitError.textChars();
    }
    if (this.values.length >= LOAD_LIMITS.cells) throw limitError.cells(sheet);
    this.rows.push(row);
    this.cols.push(col);
    this.values.push(value);
    if (row < this.top) this.top = row;
    if (col < this.left) this.left = col;
    if (row > this.bottom) this.bottom = row;
    if (col > this.right) this.right = col;
  }

  /**
   * The sheet as kept. Refuses a used range (first to last filled row and column) or a table
   * over LOAD_LIMITS.rangeCells: the pane reads each as one block, blank cells and all.
   */
  sheet(tables: MemoryTable[] = [], formats: FormatRegion[] = []): LoadedSheet {
    const sheet = { name: this.name };
    const within = (
      r: { top: number; left: number; bottom: number; right: number },
      table?: string
    ) => {
      const cells = (r.bottom - r.top + 1) * (r.right - r.left + 1);
      if (cells > LOAD_LIMITS.rangeCells)
        throw limitError.rangeCells(sheet, a1(r.top, r.left, r.bottom, r.right), cells, table);
    };
    if (this.bottom >= 0)
      within({ top: this.top, left: this.left, bottom: this.bottom, right: this.right });
    for (const t of tables) within(t, t.name);
    return {
      name: this.name,
      cells: { rows: this.rows, cols: this.cols, values: this.values },
      tables,
      formats,
    };
  }
}
