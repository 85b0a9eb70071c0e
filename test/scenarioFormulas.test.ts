/**
 * The demo workbook's formulas (src/demo/formulas.ts): reading =DK.NAME(...) formulas, calling
 * the custom function as Excel would, spilling, recalculating on edits, and Excel's spill and
 * reference errors; and the Office.js adapter writing a sheet's formula cells as formulas.
 */
import { afterEach, describe, expect, it } from "@jest/globals";
import { editText, typedValue } from "../demo/cellInput";
import { evaluateFormula, parseFormula } from "../src/demo/formulas";
import { MemoryWorkbook } from "../src/demo/memoryWorkbook";
import { ExcelWorkbook } from "../src/office/excelWorkbook";
import { refusion110 } from "../src/functions/functions";
import type { CellValue } from "../src/workbook/workbook";

describe("parseFormula", () => {
  it("reads ranges with and without sheet names, quoted names with '' escapes, numbers, strings, booleans and empty arguments", () => {
    expect(
      parseFormula(
        `=DK.REFUSION110('Budget 2026'!A4:A10,Ark1!$C$4:$C$10,D4:D10,1200,,"2026-01-01",TRUE,'Kim''s ark'!B2)`
      )
    ).toEqual({
      name: "REFUSION110",
      args: [
        { kind: "range", sheet: "Budget 2026", address: "A4:A10" },
        { kind: "range", sheet: "Ark1", address: "C4:C10" },
        { kind: "range", sheet: undefined, address: "D4:D10" },
        { kind: "value", value: 1200 },
        { kind: "value", value: null },
        { kind: "value", value: "2026-01-01" },
        { kind: "value", value: true },
        { kind: "range", sheet: "Kim's ark", address: "B2" },
      ],
    });
  });
  it("a comma inside a quoted sheet name or string does not split", () => {
    expect(parseFormula(`=dk.forecast('A, B'!A1:A2,"x,y")`)?.args).toEqual([
      { kind: "range", sheet: "A, B", address: "A1:A2" },
      { kind: "value", value: "x,y" },
    ]);
  });
  it("reads table columns, Table[Column] and Table[[Column]], undoing Excel's quote escapes; commas inside brackets do not split", () => {
    expect(
      parseFormula(
        `=DK.REFUSION110(Ophold2026[Borger],Ophold2026[[Takst '[kr.'], døgn]],T_1[['#Dage og ''uger]],5)`
      )?.args
    ).toEqual([
      { kind: "column", table: "Ophold2026", column: "Borger" },
      { kind: "column", table: "Ophold2026", column: "Takst [kr.], døgn" },
      { kind: "column", table: "T_1", column: "#Dage og 'uger" },
      { kind: "value", value: 5 },
    ]);
    const texts = [
      "=DK.REFUSIONPROGNOSE(T[A)",
      "=DK.REFUSIONPROGNOSE(T[#Data])",
      "=DK.REFUSIONPROGNOSE(T[[A]B])",
      "=DK.REFUSIONPROGNOSE(1T[A])",
    ];
    expect(texts.filter((text) => parseFormula(text) !== undefined)).toEqual([]);
  });
  it("anything else is not ours: undefined", () => {
    const texts = [
      "=SUM(A1:A3)",
      "DK.REFUSIONPROGNOSE(A1)",
      "=DK.REFUSIONPROGNOSE(A1:A3",
      "=DK.REFUSIONPROGNOSE(A1+1)",
      "=DK.REFUSIONPROGNOSE('x!A1)",
    ];
    expect(texts.filter((text) => parseFormula(text) !== undefined)).toEqual([]);
  });
});

describe("evaluateFormula", () => {
  const cells: Record<string, CellValue[][]> = {
    "Ophold!A2:A3": [["A"], ["A"]],
    "Ophold!B2:B3": [["2026-06-01"], ["2026-09-19"]],
    "Ophold!C2:C3": [["2026-08-30"], ["2026-09-29"]],
  };
  const read = (sheet: string | undefined, address: string) => cells[`${sheet}!${address}`];

  it("calls the custom function as Excel does and returns its spilled column: SPEC 3's re-admission 90; 0 days", () => {
    const out = evaluateFormula(
      "=DK.REFUSIONDAYS110(Ophold!A2:A3,Ophold!B2:B3,Ophold!C2:C3)",
      read
    );
    expect(out).toEqual([[90], [0]]);
    expect(
      evaluateFormula("=DK.REFUSION110(Ophold!A2:A3,Ophold!B2:B3,Ophold!C2:C3,1000)", read)
    ).toEqual(
      refusion110(cells["Ophold!A2:A3"], cells["Ophold!B2:B3"], cells["Ophold!C2:C3"], 1000)
    );
  });
  it("errors show as Excel shows them", () => {
    expect(evaluateFormula("=DK.NOSUCH(A1)", read)).toEqual([["#NAME?"]]);
    expect(
      evaluateFormula("=DK.REFUSIONDAYS110(Gone!A2:A3,Ophold!B2:B3,Ophold!C2:C3)", read)
    ).toEqual([["#REF!"]]);
    expect(
      evaluateFormula(`=DK.REFUSIONDAYS110(Ophold!A2:A3,Ophold!B2:B3,Ophold!C2:C3,,,"X")`, read)
    ).toEqual([["#VALUE!"]]);
    expect(evaluateFormula("=DK.HOUSINGFIRSTNPV(-1,Ophold!A2:A3,Ophold!A2:A3)", read)).toEqual([
      ["#VALUE!"],
    ]);
  });
});

describe("the memory workbook recalculates its formulas", () => {
  function book() {
    const wb = new MemoryWorkbook();
    wb.addUserSheet("Ophold", [
      ["Borger", "Ind", "Ud"],
      ["A", "2026-06-01", "2026-08-30"],
      ["A", "2026-09-19", "2026-09-29"],
      ["B", "2026-05-01", "2026-05-01"],
    ]);
    return wb;
  }
  const formula = "=DK.REFUSIONDAYS110(Ophold!A2:A4,Ophold!B2:B4,Ophold!C2:C4)";

  it("spills on write and again when a cell it reads changes", async () => {
    const wb = book();
    await wb.writeOwnSheet({
      name: "Egne",
      sections: [{ at: "A1", values: [["Døgn"]] }],
      cells: [{ at: "A2", formula }],
    });
    const column = () => [1, 2, 3].map((r) => wb.cell("Egne", r, 0));
    expect(column()).toEqual([90, 0, 1]);
    // A's first stay ends after 30 nights instead: the re-admission now gets 10 days.
    wb.setCell("Ophold", 1, 2, "2026-07-01");
    expect(column()).toEqual([30, 10, 1]);
  });

  it("a shorter result clears the cells its last result covered", async () => {
    const wb = book();
    await wb.writeOwnSheet({ name: "Egne", sections: [], cells: [{ at: "B2", formula }] });
    expect(wb.cell("Egne", 3, 1)).toBe(1);
    wb.setCell("Ophold", 2, 1, "ikke en dato");
    expect([1, 2, 3].map((r) => wb.cell("Egne", r, 1))).toEqual([90, "#VALUE!", 1]);
    wb.setCell("Egne", 0, 0, "note"); // an edit the formula does not read changes nothing
    wb.setCell("Ophold", 1, 0, "");
    expect([1, 2, 3].map((r) => wb.cell("Egne", r, 1))).toEqual(["#VALUE!", "#VALUE!", 1]);
  });

  it("#SPILL! when the result would cover a cell that is not blank, and the result returns when it is cleared", async () => {
    const wb = book();
    await wb.writeOwnSheet({
      name: "Egne",
      sections: [{ at: "A3", values: [["i vejen"]] }],
      cells: [{ at: "A1", formula }],
    });
    expect(wb.cell("Egne", 0, 0)).toBe("#SPILL!");
    wb.setCell("Egne", 2, 0, "");
    wb.setCell("Ophold", 3, 0, "B"); // any edit of what it reads recalculates
    expect([0, 1, 2].map((r) => wb.cell("Egne", r, 0))).toEqual([90, 0, 1]);
  });

  it("a formula that reads another formula's spill follows it", async () => {
    const wb = book();
    await wb.writeOwnSheet({
      name: "Egne",
      sections: [],
      cells: [
        { at: "A1", formula },
        // Years 1..3 of costs (the days) and savings (a constant 100): NPV at rate 0.
        { at: "C1", formula: "=DK.HOUSINGFIRSTNPV(0,A1:A3,E1:E3)" },
      ],
    });
    wb.setCell("Egne", 0, 4, 100);
    wb.setCell("Egne", 1, 4, 100);
    wb.setCell("Egne", 2, 4, 100);
    expect(wb.cell("Egne", 0, 2)).toBe(300 - 91);
    wb.setCell("Ophold", 1, 2, "2026-07-01");
    expect(wb.cell("Egne", 0, 2)).toBe(300 - 41);
  });

  it("a table column reads the table's data body: the same result as the A1 range, recalculated on an edit, and growing with the table", async () => {
    const wb = new MemoryWorkbook();
    wb.addUserSheet("Ophold", book().getSheet("Ophold")!.values, [
      { name: "Ophold2026", top: 0, left: 0, bottom: 3, right: 2 },
    ]);
    await wb.writeOwnSheet({
      name: "Egne",
      sections: [],
      cells: [
        { at: "A1", formula },
        {
          at: "C1",
          formula: "=DK.REFUSIONDAYS110(ophold2026[Borger],Ophold2026[Ind],Ophold2026[[Ud]])",
        },
      ],
    });
    const column = (c: number) => [0, 1, 2, 3].map((r) => wb.cell("Egne", r, c));
    expect(column(2)).toEqual([90, 0, 1, ""]);
    expect(column(2)).toEqual(column(0));
    wb.setCell("Ophold", 1, 2, "2026-07-01");
    expect(column(2)).toEqual([30, 10, 1, ""]);
    expect(column(2)).toEqual(column(0));
    // A stay typed right below the table joins it (Excel's table growth); the A1 range stays put.
    wb.setCell("Ophold", 4, 0, "C");
    wb.setCell("Ophold", 4, 1, "2026-10-01");
    wb.setCell("Ophold", 4, 2, "2026-10-05");
    expect(wb.getSheet("Ophold")!.tables[0].bottom).toBe(4);
    expect(column(2)).toEqual([30, 10, 1, 4]); // 1 to 5 October: 4 nights
    expect(column(0)).toEqual([30, 10, 1, ""]);
    // A cell beside the table, or further down, does not grow it.
    wb.setCell("Ophold", 5, 3, "note");
    wb.setCell("Ophold", 6, 0, "D");
    expect(wb.getSheet("Ophold")!.tables[0].bottom).toBe(4);
  });

  it("a table or column that is not there is #REF!", async () => {
    const wb = book();
    await wb.writeOwnSheet({
      name: "Egne",
      sections: [],
      cells: [{ at: "A1", formula: "=DK.REFUSIONDAYS110(Ingen[Borger],Ingen[Ind],Ingen[Ud])" }],
    });
    expect(wb.cell("Egne", 0, 0)).toBe("#REF!");
  });

  it("number formats of single cells", async () => {
    const wb = book();
    await wb.writeOwnSheet({
      name: "Egne",
      sections: [{ at: "A1", values: [[0.035]] }],
      cells: [{ at: "A1", numberFormat: "0.0%" }],
    });
    expect(wb.numberFormat("Egne", 0, 0)).toBe("0.0%");
  });
});

describe("the Office.js adapter writes a sheet's cells as formulas and number formats", () => {
  const g = globalThis as unknown as { Excel?: unknown };
  afterEach(() => {
    delete g.Excel;
  });

  it("range.formulas for a formula, range.numberFormat for a format, after the values", async () => {
    const writes: [string, unknown][] = [];
    // A catch-all stand-in for the Excel object model: records every assignment by its path.
    const fake = (path: string): unknown =>
      new Proxy(function () {}, {
        get: (_, key) => {
          if (key === "then") return undefined;
          if (key === "items") return [];
          if (key === "isNullObject") return true;
          return fake(`${path}.${String(key)}`);
        },
        set: (_, key, value) => {
          writes.push([`${path}.${String(key)}`, value]);
          return true;
        },
        apply: (_, __, args: unknown[]) =>
          fake(`${path}(${args.map((a) => JSON.stringify(a)).join(",")})`),
      });
    g.Excel = { run: (fn: (ctx: unknown) => unknown) => fn(fake("ctx")) };
    await new ExcelWorkbook().writeOwnSheet({
      name: "Scenarier",
      sections: [{ at: "A1", values: [["Parameter", "Værdi"]] }],
      cells: [
        { at: "A21", formula: "=DK.HOUSINGFIRSTPROJECTION('Budget 2026'!A4:A803,A4:B18)" },
        { at: "B7", numberFormat: "0.0%" },
      ],
    });
    const sheetPath = 'ctx.workbook.worksheets.add("Scenarier")';
    expect(writes).toContainEqual([
      `${sheetPath}.getRange("A21").formulas`,
      [["=DK.HOUSINGFIRSTPROJECTION('Budget 2026'!A4:A803,A4:B18)"]],
    ]);
    expect(writes).toContainEqual([`${sheetPath}.getRange("B7").numberFormat`, [["0.0%"]]]);
    const values = writes.findIndex(([p]) => p.endsWith(".values"));
    const formula = writes.findIndex(([p]) => p.endsWith(".formulas"));
    expect(values).toBeGreaterThanOrEqual(0);
    expect(formula).toBeGreaterThan(values);
  });
});

describe("typing in a demo cell", () => {
  it("Danish: decimal comma, point groups thousands, % divides by 100; anything else stays text", () => {
    expect(
      [
        "3,5",
        "130.000",
        "3,5 %",
        "80%",
        "-0,25",
        "0.035",
        "2026",
        "",
        "  ",
        "01-05-2026",
        "abc",
        "1,2,3",
      ].map((t) => typedValue(t, "da"))
    ).toEqual([3.5, 130000, 0.035, 0.8, -0.25, 0.035, 2026, "", "", "01-05-2026", "abc", "1,2,3"]);
  });
  it("English: decimal point, comma groups thousands", () => {
    expect(["3.5", "130,000", "3.5%", "0.035"].map((t) => typedValue(t, "en"))).toEqual([
      3.5, 130000, 0.035, 0.035,
    ]);
  });
  it("the edit box starts with the number in the page's notation, so Enter without a change keeps it", () => {
    expect(editText(0.035, "da")).toBe("0,035");
    expect(typedValue(editText(0.035, "da"), "da")).toBe(0.035);
    expect(typedValue(editText(85000, "en"), "en")).toBe(85000);
  });
  it("a percentage cell reads a number as Excel's automatic percent entry does (KB 215203): 5 is 5 %", () => {
    // Typed -> stored, in a cell formatted 0.0%: KB 215203's table (1 -> 0.01, .1 -> 0.1, 0.1 -> 0.001).
    const typed = ["5", "80", "1", ",5", "0,5", "-1", "-,1", "12,5", "5 %", "0,5 %", "abc"];
    expect(typed.map((t) => typedValue(t, "da", "0.0%"))).toEqual([
      0.05,
      0.8,
      0.01,
      0.5,
      0.005,
      -0.01,
      -0.1,
      0.125,
      0.05,
      0.005,
      "abc",
    ]);
    expect(["5", ".1", "0.1", "3.5%"].map((t) => typedValue(t, "en", "0.0%"))).toEqual([
      0.05, 0.1, 0.001, 0.035,
    ]);
    // Not a percentage: a quoted or escaped % is text in the format, and General is General.
    expect(typedValue("5", "da", '0 "%"')).toBe(5);
    expect(typedValue("5", "da", "0\\%")).toBe(5);
    expect(typedValue("5", "da", null)).toBe(5);
    // The edit box shows a percentage cell as Excel does, and Enter keeps the value.
    expect(editText(0.035, "da", "0.0%")).toBe("3,5%");
    expect(editText(0.5, "en", "0.0%")).toBe("50%");
    for (const v of [0.035, 0.5, 0.001, 1.2])
      expect(typedValue(editText(v, "da", "0.0%"), "da", "0.0%")).toBe(v);
  });
  it("a ja/nej cell (the Scenarier sheet's yes/no format) is edited as what it shows: ja, nej in any case", () => {
    const yesNo = '[=1]"ja";[=0]"nej";0';
    expect(editText(1, "da", yesNo)).toBe("ja");
    expect(editText(0, "da", yesNo)).toBe("nej");
    expect(editText(2, "da", yesNo)).toBe("2");
    expect(
      ["nej", "ja", "NEJ", "Ja", " nej ", "1", "0", "måske"].map((t) => typedValue(t, "da", yesNo))
    ).toEqual([0, 1, 0, 1, 0, 1, 0, "måske"]);
    // The words belong to the format: elsewhere ja is text.
    expect(typedValue("ja", "da", "0")).toBe("ja");
  });
});
