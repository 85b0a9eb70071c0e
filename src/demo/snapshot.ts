/**
 * The memory workbook as plain data that survives a structured clone: what the demo keeps in
 * IndexedDB across a reload (demo/savedWorkbook.ts) and what the file worker writes as .xlsx
 * (src/files/xlsxWrite.ts). A sheet's cells are kept as the file reader keeps them (loadedFile.ts:
 * filled cells only, in reading order), not as rows: a clone rebuilds a sparse row in full, so
 * 20 000 rows of one cell in column XFD would become 327 million slots.
 */
import type { CellValue } from "../workbook/workbook";
import { sheetRows, type LoadedCells } from "../files/loadedFile";
import { forEachCell } from "./cellWalk";
import { MemoryWorkbook, type MemoryName, type MemorySheet } from "./memoryWorkbook";
import { recalculate, type Calculate, type SheetFormula } from "./formulas";

/** A sheet without its cells: everything but the values, and formulas without their evaluation. */
export interface SheetShape extends Omit<MemorySheet, "values" | "formulas"> {
  /** Rows the sheet has, blank ones at its end included (the grid shows them). */
  rowCount: number;
  formulas?: Omit<SheetFormula, "pending">[];
}

export interface SheetSnapshot extends SheetShape {
  cells: LoadedCells;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  names: MemoryName[];
  active?: string;
}

/** A sheet's shape, copied: later edits of the sheet do not reach it. */
export function sheetShape(sheet: MemorySheet): SheetShape {
  const { values, formulas, ...rest } = sheet;
  return structuredClone({
    ...rest,
    rowCount: values.length,
    ...(formulas && {
      formulas: formulas.map(({ row, col, text, spill }) => ({ row, col, text, spill })),
    }),
  });
}

/** The filled cells of rows from..to-1 (blank: "", null or absent). */
export function packCells(
  values: readonly CellValue[][],
  from = 0,
  to = values.length
): LoadedCells {
  const cells: LoadedCells = { rows: [], cols: [], values: [] };
  for (let r = from; r < Math.min(to, values.length); r++) {
    forEachCell(values[r] ?? [], (value, c) => {
      if (value === "" || value === null || value === undefined) return;
      cells.rows.push(r);
      cells.cols.push(c);
      cells.values.push(value);
    });
  }
  return cells;
}

/** The workbook as it is now, in one go (the download; the store saves in steps). */
export function snapshotOf(workbook: MemoryWorkbook): WorkbookSnapshot {
  return {
    sheets: workbook.sheets.map((s) => ({ ...sheetShape(s), cells: packCells(s.values) })),
    names: [...workbook.names.values()].map((n) => ({ ...n })),
    ...(workbook.activeSheet !== undefined && { active: workbook.activeSheet }),
  };
}

/** A snapshot's sheet as the memory workbook holds it: rows again, sparse rows kept sparse. */
export function sheetOf(snapshot: SheetSnapshot): MemorySheet {
  const { cells, rowCount, ...shape } = snapshot;
  const values = sheetRows({ cells });
  while (values.length < rowCount) values.push([]);
  return { ...shape, values };
}

/**
 * Fills an empty workbook with a snapshot's sheets, names and active sheet, and computes every
 * formula again with `calculate` (the demo's worker; here by default). Done through the
 * workbook's public face: memoryWorkbook.ts may not grow (eslint max-lines).
 */
export function restoreSnapshot(
  workbook: MemoryWorkbook,
  snapshot: WorkbookSnapshot,
  calculate?: Calculate
): void {
  if (workbook.sheets.length > 0) throw new Error("A snapshot is restored into an empty workbook");
  for (const kept of snapshot.sheets) {
    const { name, values, tables, formats, ...rest } = sheetOf(kept);
    // The sheet just made is this workbook's own object: its shape (own, charts, widths, …) too.
    Object.assign(workbook.addUserSheet(name, values, tables, formats), rest);
  }
  // The names keep their comments (an add-in's own name is known by it), which addUserName drops.
  const names = workbook.names as Map<string, MemoryName>;
  for (const n of snapshot.names) names.set(n.name.toLowerCase(), { ...n });
  const active = snapshot.active !== undefined && workbook.getSheet(snapshot.active)?.name;
  if (active) workbook.setActiveSheet(active);
  // Setting the active sheet again tells the grids of a change: the formulas' results now, and
  // a result that comes later from the worker.
  const shown = () => {
    if (workbook.activeSheet !== undefined) workbook.setActiveSheet(workbook.activeSheet);
  };
  recalculate(workbook, undefined, { ...(calculate && { calculate }), onLater: shown });
  shown();
}
