/**
 * The example sheets (src/examples) on the memory workbook, whose evaluator computes the formulas
 * as the demo does: every check cell of «Eksempler» is TRUE because each formula gives the
 * published number beside it (SPEC section 3, the functions' documented examples, Excel's NPV
 * example), and a check turns FALSE when the number beside it is wrong. The stays, forecast and
 * projection sheets equal the functions called on the demo municipality in Node; the pane finds
 * the inserted stays in a workbook that had none; a user's sheet is never touched. Also the
 * Excel functions the check cells use (builtins.ts), as Excel computes them.
 */
import { describe, expect, it } from "@jest/globals";
import { parseBuiltin } from "../src/demo/builtins";
import { MemoryWorkbook } from "../src/demo/memoryWorkbook";
import { sampleBudgetSheet, sampleWorkbook, SAMPLE_SHEET_NAME } from "../src/demo/sampleData";
import { PARAMETERS } from "../src/engine/parameters";
import { insertExamples } from "../src/examples/exampleSheets";
import { EXAMPLE_SHEETS, isExampleStays, replacedByExamples } from "../src/examples/names";
import { workedExamples } from "../src/examples/workedExamples";
import { forecast, projection, refusion110 } from "../src/functions/functions";
import { validateRows } from "../src/sheets/stays/columns";
import { findStays, listSources } from "../src/sheets/forecast/forecastRun";
import { parseA1, type CellValue } from "../src/workbook/workbook";

const at = (wb: MemoryWorkbook, sheet: string, address: string): CellValue => {
  const { top, left } = parseA1(address);
  return wb.cell(sheet, top, left);
};

/** The sample's stays columns as Excel passes a range (blank = ""). */
function sampleColumns() {
  const sheet = sampleBudgetSheet();
  const rows = sheet.values.slice(sheet.headerRow + 1);
  return (c: number) => rows.map((r) => [r[c] ?? ""]);
}

/** A function's result as the sheet holds it: errors by their code. */
const asCells = (table: unknown[][]) =>
  table.map((row) =>
    row.map((v) =>
      typeof v === "object" && v !== null && "code" in v ? (v as { code: string }).code : v
    )
  );

describe("the example sheets in the memory workbook", () => {
  it("every check cell of «Eksempler» is TRUE, beside the published numbers", async () => {
    const wb = new MemoryWorkbook();
    await insertExamples(wb);
    const { checks } = workedExamples();
    const sheet = EXAMPLE_SHEETS.worked;
    expect(checks.map((c) => [c, at(wb, sheet, c)])).toEqual(checks.map((c) => [c, true]));
    // The expected numbers are the published ones, and the results are the functions' own.
    const column = (c: string, rows: number[]) => rows.map((r) => at(wb, sheet, `${c}${r}`));
    expect(column("G", [4, 5, 6, 7, 8, 9])).toEqual([120, 90, 90, 0, 180, 1]);
    expect(column("F", [4, 5, 6, 7, 8, 9])).toEqual([120, 90, 90, 0, 180, 1]);
    expect(column("H", [4, 5, 6, 7, 8, 9])).toEqual([60000, 45000, 45000, 0, 90000, 500]);
    expect(column("H", [13, 17, 21])).toEqual([15500, 73000, 91500]);
    expect(column("C", [31, 32, 33, 34])).toEqual([1188.44, 1.1307, 4, 1188.44]);
    expect(at(wb, sheet, "B31")).toBe(1188.44);
    expect(at(wb, sheet, "B34")).toBeCloseTo(1188.4434123, 7);
  });

  it("a wrong number beside a formula turns its check FALSE", async () => {
    const wb = new MemoryWorkbook();
    await insertExamples(wb);
    const sheet = EXAMPLE_SHEETS.worked;
    wb.setCell(sheet, 3, 6, 119); // G4: 119 instead of 120
    wb.setCell(sheet, 31, 2, 1.1308); // C32: the ratio to four decimals is 1,1307
    expect([at(wb, sheet, "I4"), at(wb, sheet, "D32")]).toEqual([false, false]);
    wb.setCell(sheet, 31, 2, 1.1307);
    expect(at(wb, sheet, "D32")).toBe(true);
  });

  it("the stays carry their 2026 refund; the forecast and the projection are the functions' tables of them", async () => {
    const wb = new MemoryWorkbook();
    const written = await insertExamples(wb);
    const col = sampleColumns();
    const refunds = refusion110(col(0), col(2), col(3), col(4), col(5), "2026-01-01", "2026-12-31");
    const stays = wb.getSheet(written.stays.name)!;
    expect(stays.values.slice(3, 803).map((r) => [r[7]])).toEqual(asCells(refunds as unknown[][]));
    expect(stays.values.slice(3, 803).filter((r) => r[7] === "#VALUE!").length).toBe(2);

    const table = forecast(col(0), col(2), col(3), col(4), col(5)) as unknown[][];
    const shown = wb.getSheet(written.forecast.name)!.values.slice(2, 2 + table.length);
    expect(shown.map((r) => r.slice(0, table[0].length))).toEqual(asCells(table));

    const params = [["Parameter", "Værdi"], ...PARAMETERS.map((p) => [p.name, p.default ?? ""])];
    const projected = projection(col(0), col(2), col(3), col(4), col(5), params) as unknown[][];
    const sheet = wb.getSheet(written.projection.name)!;
    const out = sheet.formulas![0];
    expect(out.text).toMatch(
      /^=DK\.HOUSINGFIRSTPROJECTION\('Eksempel ophold'!A4:A803,.*,A4:B\d+\)$/
    );
    const block = sheet.values.slice(out.row, out.row + projected.length);
    expect(block.map((r) => r.slice(0, projected[0].length))).toEqual(asCells(projected));
  });

  it("the pane finds the inserted stays in a workbook that had none, and reads them as a user's", async () => {
    const wb = new MemoryWorkbook();
    wb.addUserSheet("Ark1", []);
    expect(await findStays(wb)).toBeUndefined();
    await insertExamples(wb);
    expect(await listSources(wb)).toEqual([
      { kind: "sheet", sheet: "Ark1" },
      { kind: "sheet", sheet: EXAMPLE_SHEETS.stays },
    ]);
    const found = (await findStays(wb))!;
    expect(found.sheet).toBe(EXAMPLE_SHEETS.stays);
    const report = validateRows(found, found.mapping);
    expect([report.ok, report.bad.length, report.missing]).toEqual([798, 2, []]);
  });

  it("a user's sheets are never touched; a second insert replaces the add-in's own sheets only", async () => {
    const wb = sampleWorkbook();
    wb.addUserSheet(EXAMPLE_SHEETS.worked, [["mine"]]);
    const before = JSON.stringify(wb.sheets);
    const first = await insertExamples(wb);
    expect(first.worked).toMatchObject({ name: "Eksempler (2)", renamed: true });
    expect(JSON.stringify(wb.sheets.slice(0, 2))).toBe(before);
    expect(wb.getSheet(EXAMPLE_SHEETS.worked)!.values).toEqual([["mine"]]);
    const sheets = await wb.listSheets();
    expect(replacedByExamples(sheets)).toEqual([
      EXAMPLE_SHEETS.stays,
      "Eksempler (2)",
      EXAMPLE_SHEETS.forecast,
      EXAMPLE_SHEETS.projection,
    ]);
    await insertExamples(wb);
    expect(wb.sheets.map((s) => s.name)).toEqual([
      SAMPLE_SHEET_NAME,
      EXAMPLE_SHEETS.worked,
      EXAMPLE_SHEETS.stays,
      "Eksempler (2)",
      EXAMPLE_SHEETS.forecast,
      EXAMPLE_SHEETS.projection,
    ]);
    // The user's «Eksempel ophold» would be no source of the add-in's: only its own one is.
    expect(isExampleStays({ name: EXAMPLE_SHEETS.stays, own: false })).toBe(false);
    expect(isExampleStays({ name: "Eksempel ophold (2)", own: true })).toBe(true);
    expect(isExampleStays({ name: "Eksempel ophold (1)", own: true })).toBe(false);
  });
});

describe("the Excel functions of the check cells (builtins.ts)", () => {
  const evaluate = (text: string, cells: Record<string, CellValue> = {}) =>
    parseBuiltin(text)?.evaluate((address) => cells[address] ?? "");

  it("NPV discounts each value at the end of its period: Excel's example is 1 188,44", () => {
    expect(evaluate("=ROUND(NPV(10%,-10000,3000,4200,6800),2)")).toBe(1188.44);
    expect(evaluate("=NPV(0.1,B1,B2)", { B1: 110, B2: 121 })).toBeCloseTo(200, 10);
  });

  it("ROUND rounds half away from zero on the digits shown, as Excel does", () => {
    const round = (x: number, digits: number) => evaluate(`=ROUND(A1,${digits})`, { A1: x });
    expect([round(1.005, 2), round(0.125, 2), round(1188.4434, 2)]).toEqual([1.01, 0.13, 1188.44]);
    expect([round(2.5, 0), round(-2.5, 0), round(-1.005, 2)]).toEqual([3, -3, -1.01]);
    expect(evaluate("=ROUND(A1,-2)", { A1: 1250 })).toBe(1300);
  });

  it("= compares: TRUE, FALSE, text case-insensitively, a blank as 0; an error in a cell it reads is the result", () => {
    expect(evaluate("=A1=B1", { A1: 90, B1: 90 })).toBe(true);
    expect(evaluate("=A1=B1", { A1: 90, B1: 91 })).toBe(false);
    expect(evaluate("=A1=B1", { A1: "Ja", B1: "ja" })).toBe(true);
    expect(evaluate("=A1=B1", { A1: "90", B1: 90 })).toBe(false);
    expect(evaluate("=A1=B1", { B1: 0 })).toBe(true);
    expect(evaluate("=A1=B1", { A1: "#VALUE!", B1: 1 })).toBe("#VALUE!");
    expect(evaluate("=ROUND(A1,2)=B1", { A1: "#BUSY!" })).toBe("#BUSY!");
    expect(evaluate("=ROUND(A1,2)", { A1: "tekst" })).toBe("#VALUE!");
    expect(parseBuiltin("=F4=G4")?.refs).toEqual(["F4", "G4"]);
  });

  it("the budget years' formulas: IF, ISNUMBER, arithmetic with Excel's precedence, $ references, SUM over a range", () => {
    const cells = {
      A1: 2027,
      A2: 2028,
      B2: 1020,
      C1: 0.02,
      D1: 5,
      D2: "tekst",
      D3: "",
      E1: "#N/A",
    };
    expect(evaluate('=IF(ISNUMBER($A$2),B2,"")', cells)).toBe(1020);
    expect(evaluate('=IF(ISNUMBER($D$2),B2,"")', cells)).toBe("");
    expect(evaluate('=IF(ISNUMBER(E1),1,"")', cells)).toBe(""); // ISNUMBER of an error is FALSE
    expect(evaluate('=IF(ISNUMBER(A2),ROUND(B2/(1+$C$1)^($A$2-$A$1),2),"")', cells)).toBe(1000);
    expect(evaluate("=SUM(B2:D3)", cells)).toBe(1020); // text and blanks left out
    expect(evaluate("=SUM(A1:B2,D1)", cells)).toBe(2027 + 2028 + 1020 + 5);
    expect(evaluate("=SUM(E1:E1)", cells)).toBe("#N/A");
    expect(evaluate("=1+2*3^2", cells)).toBe(19);
    expect(evaluate("=-2^2")).toBe(4); // Excel negates before ^
    expect(evaluate("=(1+2)*3-4/2")).toBe(7);
    expect(evaluate("=A1+D2", cells)).toBe("#VALUE!");
    expect(evaluate("=B2/D3", cells)).toBe("#DIV/0!");
    expect(evaluate("=A2>A1", cells)).toBe(true);
    expect(evaluate('=IF(A1<>2027,"x","y")', cells)).toBe("y");
    expect(parseBuiltin("=SUM($Z$50:AC50)+IF(ISNUMBER(A1),B2,0)")?.refs).toEqual([
      "Z50:AC50",
      "A1",
      "B2",
    ]);
  });

  it("anything else is not read (the demo shows #NAME?)", () => {
    const texts = [
      "=A1:A3",
      "=ROUND(A1:A3,2)",
      "=VLOOKUP(A1,B1:C3,2)",
      "=ROUND(A1)",
      "=NPV(0.1)",
      "A1=B1",
      "=A1=B1=C1",
      "=Ark!A1=B1",
      "=ROUND(A1,2",
    ];
    expect(texts.filter((t) => parseBuiltin(t) !== undefined)).toEqual([]);
  });
});
