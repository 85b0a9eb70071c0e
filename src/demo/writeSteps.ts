/**
 * How the in-memory workbook writes and reads a sheet's rows: in steps, yielding between them,
 * as the Office.js adapter does in chunks (out of memoryWorkbook.ts, which is at its size limit).
 */
import { rowChunks } from "../workbook/workbook";

/**
 * Rows per step between yields: Excel's chunks are sized by bytes (rowChunks), but in memory a
 * chunk of 4 MB can be 60 000 short rows, and the page must repaint more often than that.
 */
export const MAX_STEP_ROWS = 5000;

/** The Office.js adapter's row chunks, none longer than MAX_STEP_ROWS. */
export function* steps(rows: readonly (readonly unknown[])[]): Generator<[number, number]> {
  for (let start = 0; start < rows.length; start += MAX_STEP_ROWS) {
    const block = rows.slice(start, start + MAX_STEP_ROWS);
    for (const [a, b] of rowChunks(block)) yield [start + a, start + b];
  }
}
