/**
 * The demo's cell edits and loaded files, without a browser: undo and redo as Excel keeps them
 * (an edit of a sheet the add-in wrote again is forgotten), the grid's keys, and a loaded file
 * that replaces a user's sheet only when asked to (never one of the add-in's).
 */
import { describe, expect, it } from "@jest/globals";
import { EditHistory } from "../demo/editHistory";
import { editKey, gridKey } from "../demo/gridKeys";
import { MemoryWorkbook } from "../src/demo/memoryWorkbook";
import { addLoadedSheets, sheetsReplaced, type ReadResult } from "../src/files/loadedFile";

const book = () => {
  const wb = new MemoryWorkbook();
  wb.addUserSheet("Ophold", [
    ["Borger", "Takst"],
    ["B1", 1000],
  ]);
  return wb;
};

describe("undo and redo of cell edits", () => {
  it("takes edits back in reverse order and does them again; a new edit clears the redo", () => {
    const wb = book();
    const history = new EditHistory(wb);
    history.edit("Ophold", 1, 1, 1100);
    history.edit("Ophold", 1, 1, 1200);
    history.edit("Ophold", 2, 0, "B2");
    expect(history.last).toEqual({ sheet: "Ophold", row: 2, col: 0, before: "", after: "B2" });
    expect(history.undo()).toMatchObject({ row: 2, col: 0 });
    expect(wb.cell("Ophold", 2, 0)).toBe("");
    history.undo();
    expect(wb.cell("Ophold", 1, 1)).toBe(1100);
    history.undo();
    expect(wb.cell("Ophold", 1, 1)).toBe(1000);
    expect(history.undo()).toBeUndefined();
    history.redo();
    expect(wb.cell("Ophold", 1, 1)).toBe(1100);
    history.edit("Ophold", 1, 0, "B9");
    expect(history.canRedo).toBe(false);
  });

  it("an unchanged value is no edit; an edit of a sheet written again since is forgotten", async () => {
    const wb = new MemoryWorkbook();
    await wb.writeOwnSheet({ name: "Prognose", sections: [{ at: "A1", values: [["År", 2026]] }] });
    const history = new EditHistory(wb);
    history.edit("Prognose", 0, 1, 2026);
    expect(history.last).toBeUndefined();
    history.edit("Prognose", 0, 1, 2027);
    expect(history.last).toMatchObject({ before: 2026, after: 2027 });
    // The add-in writes the sheet again (a new forecast): undo must not write into the new one.
    await wb.writeOwnSheet({ name: "Prognose", sections: [{ at: "A1", values: [["År", 2030]] }] });
    expect(history.last).toBeUndefined();
    expect(history.undo()).toBeUndefined();
    expect(wb.cell("Prognose", 0, 1)).toBe(2030);
  });
});

describe("the grid's keys", () => {
  const key = (k: string, mods: Partial<Record<"ctrlKey" | "metaKey" | "altKey", boolean>> = {}) =>
    gridKey({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

  it("arrows move, F2 and Enter edit, a character types over, Delete clears; shortcuts and Tab are the browser's", () => {
    expect(key("ArrowDown")).toEqual({ kind: "move", rows: 1, cols: 0 });
    expect(key("ArrowLeft")).toEqual({ kind: "move", rows: 0, cols: -1 });
    expect(key("F2")).toEqual({ kind: "edit" });
    expect(key("Enter")).toEqual({ kind: "edit" });
    expect(key("n")).toEqual({ kind: "edit", initial: "n" });
    expect(key("ø")).toEqual({ kind: "edit", initial: "ø" });
    expect(key("Delete")).toEqual({ kind: "clear" });
    expect(key("z", { ctrlKey: true })).toBeUndefined();
    expect(key("Tab")).toBeUndefined();
    expect(key("Shift")).toBeUndefined();
  });

  it("in the edit box Enter keeps and moves down, Tab right (Shift: up, left), Escape cancels", () => {
    expect(editKey({ key: "Enter", shiftKey: false })).toEqual({
      keep: true,
      move: { rows: 1, cols: 0 },
    });
    expect(editKey({ key: "Enter", shiftKey: true })).toEqual({
      keep: true,
      move: { rows: -1, cols: 0 },
    });
    expect(editKey({ key: "Tab", shiftKey: false })).toEqual({
      keep: true,
      move: { rows: 0, cols: 1 },
    });
    expect(editKey({ key: "Tab", shiftKey: true })).toEqual({
      keep: true,
      move: { rows: 0, cols: -1 },
    });
    expect(editKey({ key: "Escape", shiftKey: false })).toEqual({ keep: false });
    expect(editKey({ key: "a", shiftKey: false })).toBeUndefined();
  });
});

describe("a loaded file whose sheets exist", () => {
  const file = (name: string, rate: number): ReadResult => ({
    sheets: [
      {
        name,
        cells: { rows: [0, 0, 1, 1], cols: [0, 1, 0, 1], values: ["Borger", "Takst", "B1", rate] },
        tables: [{ name: "Tabel1", top: 0, left: 0, bottom: 1, right: 1 }],
        formats: [],
      },
    ],
    notes: [],
  });

  it("names the user's sheets it would replace, and replaces them only when asked", () => {
    const wb = book();
    expect(addLoadedSheets(wb, file("Andet", 1))).toEqual(["Andet"]);
    expect(sheetsReplaced(wb, file("andet", 2))).toEqual(["Andet"]);
    expect(addLoadedSheets(wb, file("andet", 2))).toEqual(["andet (2)"]);
    expect(wb.cell("Andet", 1, 1)).toBe(1);
    expect(addLoadedSheets(wb, file("andet", 3), { replace: true })).toEqual(["Andet"]);
    expect(wb.cell("Andet", 1, 1)).toBe(3);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Ophold", "Andet", "andet (2)"]);
    // The replaced sheet's table name is free again; the other sheet keeps its own.
    expect(wb.sheets.map((s) => s.tables.map((t) => t.name))).toEqual([
      [],
      ["Tabel1"],
      ["Tabel12"],
    ]);
  });

  it("never replaces the add-in's own sheet", async () => {
    const wb = new MemoryWorkbook();
    await wb.writeOwnSheet({ name: "Scenarier", sections: [{ at: "A1", values: [["x"]] }] });
    expect(sheetsReplaced(wb, file("Scenarier", 1))).toEqual([]);
    expect(addLoadedSheets(wb, file("Scenarier", 1), { replace: true })).toEqual(["Scenarier (2)"]);
    expect(wb.getSheet("Scenarier")!.own).toBe(true);
  });
});
