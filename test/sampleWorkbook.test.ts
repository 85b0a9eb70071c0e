/**
 * dist/eksempel-refusion.xlsx, the workbook `npm run build` writes for users with the add-in
 * installed: the example sheets of the pane's «Indsæt eksempler» (src/examples). It opens with
 * exceljs, its formulas are DK. formulas as a user types them (beside the check cells and Excel's
 * NPV), and the values stored with them (what Excel shows before the add-in has recomputed them)
 * are the worked examples' numbers (SPEC section 3, Excel's NPV example).
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import ExcelJS from "exceljs";
import { FUNCTION_IDS } from "../src/functions/registry";
import { EXAMPLE_SHEETS } from "../src/examples/names";
import { workedExamples } from "../src/examples/workedExamples";

const FILE = path.resolve(__dirname, "..", "dist", "eksempel-refusion.xlsx");

let book: ExcelJS.Workbook;

beforeAll(async () => {
  if (!existsSync(FILE))
    throw new Error("dist/eksempel-refusion.xlsx is missing: run `npm run build`");
  book = new ExcelJS.Workbook();
  await book.xlsx.readFile(FILE);
});

/** Every formula of a sheet with its cell and the value stored with it. */
function formulas(sheet: ExcelJS.Worksheet) {
  const out: { at: string; formula: string; result: unknown }[] = [];
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value as ExcelJS.CellFormulaValue | null;
      if (v && typeof v === "object" && "formula" in v && v.formula)
        out.push({ at: cell.address, formula: v.formula, result: v.result });
    })
  );
  return out;
}

const value = (sheet: ExcelJS.Worksheet, at: string): unknown => {
  const v = sheet.getCell(at).value as ExcelJS.CellValue;
  return v && typeof v === "object" && "result" in v ? v.result : v;
};

describe("the sample workbook", () => {
  it("has the stays, the worked examples, the forecast and the projection", () => {
    expect(book.worksheets.map((s) => s.name)).toEqual([
      EXAMPLE_SHEETS.stays,
      EXAMPLE_SHEETS.worked,
      EXAMPLE_SHEETS.forecast,
      EXAMPLE_SHEETS.projection,
    ]);
  });

  it("holds DK. formulas as a user types them, of registered ids only", () => {
    const all = book.worksheets.flatMap(formulas).filter((f) => f.formula.includes("DK."));
    expect(all.length).toBeGreaterThan(10);
    for (const f of all) {
      const m = /^DK\.([A-Z0-9]+)\((.*)\)$/.exec(f.formula);
      expect(m).not.toBeNull();
      expect(FUNCTION_IDS).toContain(m![1]);
    }
  });

  it("computes the refund of every stay of the budget sheet for 2026, the two bad rows as #VALUE!", () => {
    const sheet = book.getWorksheet(EXAMPLE_SHEETS.stays)!;
    const [refunds] = formulas(sheet);
    expect(refunds.formula).toBe(
      'DK.REFUSION110(A4:A803,C4:C803,D4:D803,E4:E803,F4:F803,"2026-01-01","2026-12-31")'
    );
    const column = Array.from({ length: 800 }, (_, i) => value(sheet, `H${4 + i}`));
    const errors = column.filter((v) => typeof v === "object" && v !== null && "error" in v);
    expect(errors).toEqual([{ error: "#VALUE!" }, { error: "#VALUE!" }]);
    expect(column.filter((v) => typeof v === "number" && v > 0).length).toBeGreaterThan(100);
  });

  it("gives SPEC section 3's refundable days and amounts beside the expected numbers", () => {
    const sheet = book.getWorksheet(EXAMPLE_SHEETS.worked)!;
    const byFormula = formulas(sheet).filter((f) => f.formula.startsWith("DK.REFUSIONDAYS110"));
    expect(byFormula.map((f) => f.formula)).toContain("DK.REFUSIONDAYS110(B6:B7,C6:C7,D6:D7)");
    for (let row = 4; row <= 9; row++)
      expect([row, value(sheet, `F${row}`)]).toEqual([row, value(sheet, `G${row}`)]);
    expect(value(sheet, "H4")).toBe(60000);
    const amounts = formulas(sheet).filter((f) => /^DK\.REFUSION(110|85A)\(B1\d,/.test(f.formula));
    expect(amounts.map((f) => f.result)).toEqual([15500, 73000]);
  });

  it("gives Excel's own NPV example with DK.HOUSINGFIRSTNPV, beside Excel's NPV", () => {
    const sheet = book.getWorksheet(EXAMPLE_SHEETS.worked)!;
    const all = formulas(sheet);
    const npv = all.find((f) => f.formula.startsWith("DK.HOUSINGFIRSTNPV("))!;
    expect(npv.formula).toMatch(/^DK\.HOUSINGFIRSTNPV\(10%,B\d+:B\d+,C\d+:C\d+\)$/);
    expect(npv.result).toBe(1188.44);
    expect(all.find((f) => f.formula.startsWith("DK.HOUSINGFIRSTBREAKEVEN("))!.result).toBe(4);
    expect(all.find((f) => f.formula === "NPV(10%,-10000,3000,4200,6800)")).toBeDefined();
  });

  it("spills the forecast from A3 with the header texts users look up", () => {
    const sheet = book.getWorksheet(EXAMPLE_SHEETS.forecast)!;
    expect(formulas(sheet)[0].formula).toMatch(/^DK\.REFUSIONPROGNOSE\('Eksempel ophold'!A4:A803,/);
    expect(value(sheet, "A3")).toBe("År");
    expect(value(sheet, "B3")).toBe("Opholdsdøgn");
  });

  it("stores TRUE in every check cell: each formula gives the number beside it", () => {
    const sheet = book.getWorksheet(EXAMPLE_SHEETS.worked)!;
    const { checks } = workedExamples();
    expect(checks.length).toBe(13);
    for (const at of checks) {
      const f = formulas(sheet).find((x) => x.at === at);
      expect([at, f?.formula, f?.result]).toEqual([at, expect.stringMatching(/=/), true]);
    }
  });
});
