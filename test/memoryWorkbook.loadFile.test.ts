/**
 * Loading the user's own file into the demo workbook: .xlsx through exceljs (dates, formulas'
 * cached results, rich text, Excel tables) and .csv with ";" (Danish numbers) or ",".
 */
import { describe, expect, it } from "@jest/globals";
import ExcelJS from "exceljs";
import { d } from "../src/engine/calendar";
import { loadFile, readCsv } from "../src/demo/loadFile";
import { MemoryWorkbook } from "../src/demo/memoryWorkbook";
import { sampleWorkbook, SAMPLE_SHEET_NAME } from "../src/demo/sampleData";
import { findStays } from "../taskpane/forecastRun";
import { validateRows } from "../taskpane/columns";

const file = (name: string, data: string | ArrayBuffer) => ({
  name,
  arrayBuffer: async () =>
    typeof data === "string" ? (new TextEncoder().encode(data).buffer as ArrayBuffer) : data,
});

describe("CSV", () => {
  it('";" with Danish numbers, quoted fields holding ";", quotes and a line break, and a BOM', () => {
    const text =
      '\uFEFFBorger;Indskrivning;Udskrivning;Takst;Note\r\nA;01-05-2026;01-06-2026;1.234,50;"a; b"\r\nB;2026-05-03;;1200;"sagde ""hej""\nog gik"\r\n';
    expect(readCsv(text, "ophold").values).toEqual([
      ["Borger", "Indskrivning", "Udskrivning", "Takst", "Note"],
      ["A", "01-05-2026", "01-06-2026", 1234.5, "a; b"],
      ["B", "2026-05-03", "", 1200, 'sagde "hej"\nog gik'],
    ]);
  });

  it('"," with decimal points; a quoted number stays text', () => {
    expect(readCsv('Citizen,Rate,Id\nA,1234.5,"007"\n', "x").values).toEqual([
      ["Citizen", "Rate", "Id"],
      ["A", 1234.5, "007"],
    ]);
  });

  it("a CSV file becomes a user sheet named after the file, and its stays validate", async () => {
    const wb = new MemoryWorkbook();
    const names = await loadFile(
      wb,
      file(
        "ophold 2026.csv",
        "Borger;Indskrivning;Udskrivning;Takst\nA;01-05-2026;01-06-2026;1200\nB;30-02-2026;;1200\n"
      )
    );
    expect(names).toEqual(["ophold 2026"]);
    expect(wb.getSheet("ophold 2026")!.own).toBe(false);
    const found = await findStays(wb);
    const report = validateRows(found!, found!.mapping);
    expect(report.ok).toBe(1);
    expect(report.bad.map((b) => b.sheetRow)).toEqual([3]);
    expect(report.stays[0]).toMatchObject({
      admission: d("2026-05-01"),
      discharge: d("2026-06-01"),
      dailyRate: 1200,
    });
  });
});

describe("xlsx through exceljs", () => {
  async function xlsx(): Promise<ArrayBuffer> {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet(SAMPLE_SHEET_NAME);
    ws.getCell("A1").value = { richText: [{ text: "Budget " }, { text: "2026" }] };
    ws.addTable({
      name: "Ophold",
      ref: "B3",
      headerRow: true,
      columns: [
        { name: "CPR" },
        { name: "Indskrevet" },
        { name: "Udskrevet" },
        { name: "Døgntakst" },
      ],
      rows: [
        ["010190-1234", new Date(Date.UTC(2026, 4, 1)), new Date(Date.UTC(2026, 5, 1)), 1500],
        ["020285-4321", new Date(Date.UTC(2026, 4, 10)), null, 1500],
      ],
    });
    ws.getCell("G3").value = { formula: "E4*2", result: 3000 };
    return (await book.xlsx.writeBuffer()) as ArrayBuffer;
  }

  it("dates become serials, formulas their results, rich text its text; the table is kept", async () => {
    const wb = new MemoryWorkbook();
    const names = await loadFile(wb, file("budget.xlsx", await xlsx()));
    expect(names).toEqual([SAMPLE_SHEET_NAME]);
    expect(wb.cell(SAMPLE_SHEET_NAME, 0, 0)).toBe("Budget 2026");
    expect(wb.cell(SAMPLE_SHEET_NAME, 3, 2)).toBe(d("2026-05-01"));
    expect(wb.cell(SAMPLE_SHEET_NAME, 2, 6)).toBe(3000);
    expect(await wb.listTables()).toEqual([
      { name: "Ophold", sheet: SAMPLE_SHEET_NAME, address: "B3:E5", rowCount: 2 },
    ]);
    const found = await findStays(wb);
    expect(found?.source).toEqual({ kind: "table", table: "Ophold", sheet: SAMPLE_SHEET_NAME });
    const report = validateRows(found!, found!.mapping);
    expect(report.ok).toBe(2);
    expect(report.cprLike).toBe(true);
    expect(report.stays[1]).toMatchObject({
      citizen: "020285-4321",
      admission: d("2026-05-10"),
      discharge: null,
    });
  });

  it("a sheet name already in the workbook is never replaced: the file's sheet becomes '(2)'", async () => {
    const wb = sampleWorkbook({ rows: 50 });
    const before = JSON.stringify(wb.getSheet(SAMPLE_SHEET_NAME)!.values);
    expect(await loadFile(wb, file("budget.xlsx", await xlsx()))).toEqual([
      `${SAMPLE_SHEET_NAME} (2)`,
    ]);
    expect(JSON.stringify(wb.getSheet(SAMPLE_SHEET_NAME)!.values)).toBe(before);
  });

  it("other file types are refused with a Danish message", async () => {
    await expect(loadFile(new MemoryWorkbook(), file("noter.pdf", "x"))).rejects.toThrow(
      /Filtypen understøttes ikke/
    );
  });
});
