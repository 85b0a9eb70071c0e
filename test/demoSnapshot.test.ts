/**
 * The demo workbook as plain data (src/demo/snapshot.ts): what IndexedDB keeps across a reload
 * comes back as it was, formulas computed again; and the same snapshot as .xlsx
 * (src/files/xlsxWrite.ts), read back with exceljs: every sheet, values, the add-in's formulas
 * with their last values, number formats, tables and defined names.
 */
import { describe, expect, it } from "@jest/globals";
import ExcelJS from "exceljs";
import { MemoryWorkbook } from "../src/demo/memoryWorkbook";
import { restoreSnapshot, snapshotOf } from "../src/demo/snapshot";
import { insertExamples } from "../src/examples/exampleSheets";
import { EXAMPLE_SHEETS } from "../src/examples/names";
import { xlsxBytes } from "../src/files/xlsxWrite";
import type { CellValue } from "../src/workbook/workbook";

/** A workbook with what the demo holds: a user's table, a sparse row, own sheets with formulas, a name. */
async function demoLike(): Promise<MemoryWorkbook> {
  const wb = new MemoryWorkbook();
  const far: CellValue[] = [];
  far[16_383] = "XFD";
  wb.addUserSheet(
    "Ophold 2026",
    [["Borger", "Takst"], ["B00001", 1250.5], ["B00002", 990], far],
    [{ name: "Ophold2026", top: 0, left: 0, bottom: 2, right: 1 }],
    [{ top: 1, left: 1, bottom: 2, right: 1, numberFormat: '#,##0.00 "kr."' }]
  );
  await insertExamples(wb);
  await wb.writeOwnSheet({
    name: "Scenarier",
    sections: [
      {
        at: "A1",
        values: [
          ["Parameter", "Værdi"],
          ["Diskonteringsrente", 0.035],
        ],
      },
    ],
    names: [{ name: "DK_Diskonteringsrente", address: "B2" }],
    properties: { stays: "Ophold2026" },
  });
  wb.setActiveSheet("Scenarier");
  return wb;
}

describe("a snapshot of the demo workbook", () => {
  it("survives a structured clone (IndexedDB) and restores every sheet, name and the active sheet", async () => {
    const wb = await demoLike();
    const saved = structuredClone(snapshotOf(wb));
    // A row with one cell in XFD stays one cell, not 16 384.
    const user = saved.sheets.find((s) => s.name === "Ophold 2026")!;
    expect(user.cells.values).toEqual(["Borger", "Takst", "B00001", 1250.5, "B00002", 990, "XFD"]);

    const back = new MemoryWorkbook();
    restoreSnapshot(back, saved);
    expect(back.sheets.map((s) => s.name)).toEqual(wb.sheets.map((s) => s.name));
    expect(back.activeSheet).toBe("Scenarier");
    for (const sheet of wb.sheets) {
      const other = back.getSheet(sheet.name)!;
      expect(other.values.length).toBe(sheet.values.length);
      for (let r = 0; r < sheet.values.length; r++)
        for (let c = 0; c < Math.min(sheet.values[r].length, 64); c++)
          expect(other.values[r][c] ?? "").toEqual(sheet.values[r][c] ?? "");
      expect(other.own).toBe(sheet.own);
      expect(other.tables).toEqual(sheet.tables);
      expect(other.formats).toEqual(sheet.formats);
    }
    expect(back.getSheet("Ophold 2026")!.values[3][16_383]).toBe("XFD");
    expect(back.names.get("dk_diskonteringsrente")).toMatchObject({
      sheet: "Scenarier",
      address: "B2",
    });
    expect(await back.readSheetProperty("Scenarier", "stays")).toBe("Ophold2026");
    // The formulas are computed again: an edit of their input reaches them.
    const stays = back.getSheet(EXAMPLE_SHEETS.stays)!;
    expect(stays.formulas?.length).toBeGreaterThan(0);
    expect(stays.formulas!.every((f) => f.pending === undefined)).toBe(true);
  });
});

describe("the demo workbook as .xlsx", () => {
  it("opens with exceljs and holds every sheet, values, formulas with their last values, formats, tables and names", async () => {
    const wb = await demoLike();
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await xlsxBytes(snapshotOf(wb))) as unknown as ArrayBuffer);
    expect(book.worksheets.map((s) => s.name)).toEqual(wb.sheets.map((s) => s.name));

    const user = book.getWorksheet("Ophold 2026")!;
    expect(user.getCell("B2").value).toBe(1250.5);
    expect(user.getCell("B2").numFmt).toBe('#,##0.00 "kr."');
    expect(user.getCell(4, 16_384).value).toBe("XFD");
    expect(
      (user.getTable("Ophold2026") as unknown as { table: { tableRef: string } }).table.tableRef
    ).toBe("A1:B3");

    // Every DK. formula of the example sheets is there, each with the value the demo computed.
    for (const sheet of wb.sheets.filter((s) => s.formulas?.length)) {
      const ws = book.getWorksheet(sheet.name)!;
      for (const f of sheet.formulas!) {
        const { value, model } = ws.getCell(f.row + 1, f.col + 1);
        expect((value as ExcelJS.CellFormulaValue).formula).toBe(f.text.replace(/^=/, ""));
        // The cell's model, not its value: exceljs's value leaves out a result of 0.
        const { result } = model as { result?: unknown };
        const shown = sheet.values[f.row][f.col];
        expect(
          typeof result === "object" && result !== null
            ? (result as { error: string }).error
            : result
        ).toEqual(shown === "" ? undefined : shown);
      }
    }
    expect(book.definedNames.getRanges("DK_Diskonteringsrente").ranges).toEqual(["Scenarier!$B$2"]);
  });
});
