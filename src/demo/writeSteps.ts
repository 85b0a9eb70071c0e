/**
 * How the in-memory workbook writes and reads a sheet's rows: in steps, yielding between them,
 * as the Office.js adapter does in chunks (out of memoryWorkbook.ts, which is at its size limit).
 */

/**
 * Rows per step between yields. Excel's chunks are sized by the bytes of a request
 * (rowChunks), which memory has none of: measuring every row's JSON to find them cost a large
 * write more than the write itself. Reads step the same way.
 */
export const MAX_STEP_ROWS = 5000;

/** [start, end) steps of at most MAX_STEP_ROWS rows. */
export function* steps(rows: readonly (readonly unknown[])[]): Generator<[number, number]> {
  for (let start = 0; start < rows.length; start += MAX_STEP_ROWS)
    yield [start, Math.min(rows.length, start + MAX_STEP_ROWS)];
}
