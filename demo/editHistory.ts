/**
 * Undo and redo for the cell edits a user types in the demo's grid (Ctrl+Z, Ctrl+Y), as Excel
 * keeps them. What the add-in writes is not an edit to undo: an edit on a sheet the add-in has
 * written again since (a new forecast) or a loaded file replaced is forgotten, as Excel forgets
 * the undo list when an add-in changes the workbook.
 */
import type { CellValue } from "../src/workbook/workbook";
import type { MemorySheet, MemoryWorkbook } from "../src/demo/memoryWorkbook";

export interface CellEdit {
  sheet: string;
  row: number;
  col: number;
  before: CellValue;
  after: CellValue;
}

/** Excel keeps the last 100 actions. */
const KEPT = 100;

export class EditHistory {
  private done: { edit: CellEdit; target: MemorySheet }[] = [];
  private undone: { edit: CellEdit; target: MemorySheet }[] = [];

  constructor(private readonly workbook: MemoryWorkbook) {}

  /** Writes a typed value into a cell and remembers it; an unchanged value is no edit. */
  edit(sheet: string, row: number, col: number, value: CellValue): void {
    const target = this.workbook.getSheet(sheet);
    if (!target) return;
    const before = this.workbook.cell(sheet, row, col) ?? "";
    if (before === value) return;
    this.workbook.setCell(target.name, row, col, value);
    this.done.push({ edit: { sheet: target.name, row, col, before, after: value }, target });
    if (this.done.length > KEPT) this.done.shift();
    this.undone = [];
  }

  /** The edit the next undo takes back, if any. */
  get last(): CellEdit | undefined {
    this.forgetReplaced();
    return this.done.at(-1)?.edit;
  }

  get canRedo(): boolean {
    this.forgetReplaced();
    return this.undone.length > 0;
  }

  /** Takes back the last edit; returns it (the page shows its cell). */
  undo(): CellEdit | undefined {
    this.forgetReplaced();
    const entry = this.done.pop();
    if (!entry) return undefined;
    this.workbook.setCell(entry.edit.sheet, entry.edit.row, entry.edit.col, entry.edit.before);
    this.undone.push(entry);
    return entry.edit;
  }

  redo(): CellEdit | undefined {
    this.forgetReplaced();
    const entry = this.undone.pop();
    if (!entry) return undefined;
    this.workbook.setCell(entry.edit.sheet, entry.edit.row, entry.edit.col, entry.edit.after);
    this.done.push(entry);
    return entry.edit;
  }

  /** Edits of a sheet that is no longer the workbook's (written again, replaced, gone). */
  private forgetReplaced(): void {
    const live = (e: { edit: CellEdit; target: MemorySheet }) =>
      this.workbook.getSheet(e.edit.sheet) === e.target;
    this.done = this.done.filter(live);
    this.undone = this.undone.filter(live);
  }
}
