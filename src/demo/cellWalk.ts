/**
 * Walking a sheet's cells as the in-memory workbook stores them: rows may be ragged, and a loaded
 * sheet's row may be sparse (one cell in column XFD).
 */
import type { CellValue } from "../workbook/workbook";

/** Bounds of the non-blank cells, like Excel's used range (values only). */
export function usedBounds(
  values: readonly CellValue[][]
): { top: number; left: number; bottom: number; right: number } | undefined {
  let top = -1;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  values.forEach((row, r) => {
    forEachCell(row, (v, c) => {
      if (v === "" || v === null || v === undefined) return;
      if (top < 0) top = r;
      bottom = r;
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  });
  return top < 0 ? undefined : { top, left, bottom, right };
}

/**
 * Calls `fn` for each cell a row holds, in column order. A loaded sheet's row may hold one cell
 * in column XFD (loadedFile.ts keeps it sparse): its keys cost what it holds, where forEach
 * walks all 16 384 indices, each slowly in an array V8 keeps as a dictionary (26 s for 20 000
 * such rows). A short row is walked directly.
 */
export function forEachCell(
  row: readonly CellValue[],
  fn: (value: CellValue, col: number) => void
): void {
  if (row.length <= 64) row.forEach(fn);
  else for (const key of Object.keys(row)) fn(row[Number(key)], Number(key));
}
