/**
 * The demo grid's keyboard, as Excel's: the arrow keys move the active cell; F2, Enter or a
 * typed character starts an edit (the character replaces the value, as typing over a cell in
 * Excel does; Enter edits, as in a browser spreadsheet, where Excel would move down); Delete
 * or Backspace clears the cell. Tab is left to the browser, so the grid is never a trap.
 */
import { useState } from "react";

/** How an ended edit or an arrow key moves the active cell. */
export interface Move {
  rows: number;
  cols: number;
}

export type GridAction =
  ({ kind: "move" } & Move) | { kind: "edit"; initial?: string } | { kind: "clear" };

const ARROWS: Record<string, Move> = {
  ArrowUp: { rows: -1, cols: 0 },
  ArrowDown: { rows: 1, cols: 0 },
  ArrowLeft: { rows: 0, cols: -1 },
  ArrowRight: { rows: 0, cols: 1 },
};

/** What a key on the grid (not in an edit) does; undefined: the browser's own. */
export function gridKey(e: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}): GridAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  const arrow = ARROWS[e.key];
  if (arrow) return { kind: "move", ...arrow };
  if (e.key === "F2" || e.key === "Enter") return { kind: "edit" };
  if (e.key === "Delete" || e.key === "Backspace") return { kind: "clear" };
  // One character (not a named key such as "Shift" or "Escape") is typed into the cell.
  if ([...e.key].length === 1) return { kind: "edit", initial: e.key };
  return undefined;
}

/** What the edit box's keys do: keep and move (Enter down, Tab right), or cancel (Escape). */
export function editKey(e: {
  key: string;
  shiftKey: boolean;
}): { keep: true; move: Move } | { keep: false } | undefined {
  if (e.key === "Enter") return { keep: true, move: { rows: e.shiftKey ? -1 : 1, cols: 0 } };
  if (e.key === "Tab") return { keep: true, move: { rows: 0, cols: e.shiftKey ? -1 : 1 } };
  if (e.key === "Escape") return { keep: false };
  return undefined;
}

/**
 * The active cell of a sheet: where the pane's selection starts when it selects something
 * (a bad row), else where the user put it; always inside the sheet.
 */
export function useCursor(
  sheet: string,
  selected: { top: number; left: number } | undefined,
  rowCount: number,
  columnCount: number
): { row: number; col: number; set: (row: number, col: number) => { row: number; col: number } } {
  const top = selected?.top;
  const left = selected?.left;
  const [at, setAt] = useState({ sheet, row: top ?? 0, col: left ?? 0 });
  // Another sheet starts at its selection or its top left; a new selection moves the cell there
  // (state adjusted while rendering: https://react.dev/learn/you-might-not-need-an-effect).
  const [seen, setSeen] = useState({ sheet, top, left });
  if (seen.sheet !== sheet || seen.top !== top || seen.left !== left) {
    setSeen({ sheet, top, left });
    if (top !== undefined && left !== undefined) setAt({ sheet, row: top, col: left });
    else if (seen.sheet !== sheet) setAt({ sheet, row: 0, col: 0 });
  }
  const clamp = (row: number, col: number) => ({
    row: Math.max(0, Math.min(Math.max(0, rowCount - 1), row)),
    col: Math.max(0, Math.min(Math.max(0, columnCount - 1), col)),
  });
  const current = at.sheet === sheet ? clamp(at.row, at.col) : clamp(top ?? 0, left ?? 0);
  return {
    ...current,
    set: (row, col) => {
      const next = clamp(row, col);
      setAt({ sheet, ...next });
      return next;
    },
  };
}
