/**
 * The in-memory workbook: the same contract as the Office.js adapter (own sheets only, name
 * clashes, tables, charts, selection, change events, progress and cancel), plus what the demo
 * page draws from (formats, chart data).
 */
import { describe, expect, it } from "@jest/globals";
import { MemoryWorkbook } from "../src/demo/memoryWorkbook";
import {
  AbortError,
  OWN_NAME_MARK,
  type CellValue,
  type ChartSpec,
  type SheetSpec,
} from "../src/workbook/workbook";

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x));

const spec = (name: string, rows = 3): SheetSpec => ({
  name,
  sections: [
    {
      at: "B2",
      values: [
        ["År", "Refusion"],
        ...Array.from({ length: rows - 1 }, (_, i) => [2024 + i, 1000.5 * (i + 1)]),
      ],
      numberFormats: ["0", '#,##0.00 "kr."'],
      boldRows: [0],
      table: { name: "Prognose", rows },
    },
  ],
});

describe("reading", () => {
  it("the used range starts where the data starts (top/left), padded to a rectangle", async () => {
    const wb = new MemoryWorkbook();
    wb.addUserSheet("Data", [[], ["", "", "Borger", "Takst"], ["", "", "A"], ["", "", "B", 1200]]);
    expect(await wb.readUsedRange("Data")).toEqual({
      sheet: "Data",
      top: 1,
      left: 2,
      values: [
        ["Borger", "Takst"],
        ["A", ""],
        ["B", 1200],
      ],
    });
    wb.addUserSheet("Tom", []);
    expect(await wb.readUsedRange("Tom")).toEqual({ sheet: "Tom", top: 0, left: 0, values: [] });
  });

  it("an Excel table: header split off, data rows below; listed with its address", async () => {
    const wb = new MemoryWorkbook();
    wb.addUserSheet(
      "Data",
      [["Noter"], ["Borger", "Takst"], ["A", 1000], ["B", 1100]],
      [{ name: "Ophold", top: 1, left: 0, bottom: 3, right: 1 }]
    );
    expect(await wb.listTables()).toEqual([
      { name: "Ophold", sheet: "Data", address: "A2:B4", rowCount: 2 },
    ]);
    expect(await wb.readTable("ophold")).toEqual({
      sheet: "Data",
      table: "Ophold",
      top: 1,
      left: 0,
      header: ["Borger", "Takst"],
      values: [
        ["A", 1000],
        ["B", 1100],
      ],
    });
  });

  it("progress reaches the row count, and an aborted signal stops the read", async () => {
    const wb = new MemoryWorkbook();
    wb.addUserSheet(
      "Data",
      Array.from({ length: 50 }, (_, i) => [i])
    );
    const seen: number[] = [];
    await wb.readUsedRange("Data", { onProgress: (p) => seen.push(p.done) });
    expect(seen.at(-1)).toBe(50);
    const controller = new AbortController();
    controller.abort();
    await expect(wb.readUsedRange("Data", { signal: controller.signal })).rejects.toBeInstanceOf(
      AbortError
    );
  });
});

describe("writing own sheets", () => {
  it("creates an own sheet with values, formats, bold rows and a table", async () => {
    const wb = new MemoryWorkbook();
    const written = await wb.writeOwnSheet(spec("Prognose"));
    expect(written).toEqual({
      name: "Prognose",
      renamed: false,
      wanted: "Prognose",
      tables: ["Prognose"],
    });
    const sheet = wb.getSheet("Prognose")!;
    expect(sheet.own).toBe(true);
    expect(wb.cell("Prognose", 1, 1)).toBe("År");
    expect(wb.cell("Prognose", 3, 2)).toBe(2001);
    expect(wb.numberFormat("Prognose", 3, 2)).toBe('#,##0.00 "kr."');
    expect(wb.numberFormat("Prognose", 1, 2)).toBeNull();
    expect(wb.isBold("Prognose", 1, 1)).toBe(true);
    expect(wb.isBold("Prognose", 2, 1)).toBe(false);
    expect(sheet.tables).toEqual([{ name: "Prognose", top: 1, left: 1, bottom: 3, right: 2 }]);
  });

  it("a user's sheet with the name is never touched: 'Prognose (2)', then '(2)' is replaced on the next run", async () => {
    const wb = new MemoryWorkbook();
    const user: CellValue[][] = [["Mine tal"], [1, 2]];
    wb.addUserSheet("Prognose", copy(user), [
      { name: "Prognose", top: 0, left: 0, bottom: 1, right: 1 },
    ]);
    const first = await wb.writeOwnSheet(spec("Prognose"));
    expect(first).toEqual({
      name: "Prognose (2)",
      renamed: true,
      wanted: "Prognose",
      tables: ["Prognose2"],
    });
    const second = await wb.writeOwnSheet(spec("Prognose", 5));
    expect(second.name).toBe("Prognose (2)");
    expect(second.tables).toEqual(["Prognose2"]);
    expect(wb.sheets.map((s) => [s.name, s.own])).toEqual([
      ["Prognose", false],
      ["Prognose (2)", true],
    ]);
    expect(wb.getSheet("Prognose")!.values).toEqual(user);
    expect(wb.cell("Prognose (2)", 5, 1)).toBe(2027);
  });

  it("names compare case-insensitively, as Excel's do", async () => {
    const wb = new MemoryWorkbook();
    wb.addUserSheet("PROGNOSE", [["x"]]);
    expect((await wb.writeOwnSheet(spec("Prognose"))).name).toBe("Prognose (2)");
  });

  it("a cancelled write leaves the previous own sheet as it was", async () => {
    const wb = new MemoryWorkbook();
    await wb.writeOwnSheet(spec("Prognose"));
    const before = copy(wb.getSheet("Prognose")!.values);
    const controller = new AbortController();
    controller.abort();
    await expect(
      wb.writeOwnSheet(spec("Prognose", 10), { signal: controller.signal })
    ).rejects.toBeInstanceOf(AbortError);
    expect(wb.getSheet("Prognose")!.values).toEqual(before);
  });
});

describe("defined names", () => {
  const named = (name: string): SheetSpec => ({
    ...spec(name),
    names: [
      { name: "DK_År", address: "B3", comment: "Første år" },
      { name: "DK_Refusion", address: "C3" },
    ],
  });

  it("creates the names on the sheet actually written, leaves a user's name alone, and a rerun replaces its own", async () => {
    const wb = new MemoryWorkbook();
    wb.addUserSheet("Prognose", [["x"]]);
    wb.addUserSheet("Budget", [["y", 7]]);
    wb.addUserName("dk_refusion", "Budget", "B1");
    const first = await wb.writeOwnSheet(named("Prognose"));
    expect(first).toEqual({
      name: "Prognose (2)",
      renamed: true,
      wanted: "Prognose",
      tables: ["Prognose"],
      skippedNames: ["DK_Refusion"],
    });
    expect([...wb.names.values()]).toEqual([
      { name: "dk_refusion", sheet: "Budget", address: "B1" },
      {
        name: "DK_År",
        sheet: "Prognose (2)",
        address: "B3",
        comment: `Første år ${OWN_NAME_MARK}`,
      },
    ]);
    expect(wb.cell("Prognose (2)", 2, 1)).toBe(2024);

    const again = await wb.writeOwnSheet({
      ...named("Prognose"),
      names: [{ name: "DK_år", address: "B4" }],
    });
    expect(again.skippedNames).toEqual([]);
    expect(wb.names.get("dk_år")).toEqual({
      name: "DK_år",
      sheet: "Prognose (2)",
      address: "B4",
      comment: OWN_NAME_MARK,
    });
    expect(wb.names.get("dk_refusion")?.sheet).toBe("Budget");
  });

  it("a name on another own sheet is the add-in's to move; an invalid name is refused before anything is written", async () => {
    const wb = new MemoryWorkbook();
    wb.addUserSheet("Gammel", [["z"]]);
    await wb.writeOwnSheet(named("Prognose"));
    expect((await wb.writeOwnSheet(named("Andet"))).skippedNames).toEqual([]);
    expect(wb.names.get("dk_år")?.sheet).toBe("Andet");
    await expect(
      wb.writeOwnSheet({ ...spec("Ny"), names: [{ name: "R1C1", address: "A1" }] })
    ).rejects.toThrow(/R1C1/);
    await expect(
      wb.writeOwnSheet({ ...spec("Ny"), names: [{ name: "Rente sats", address: "A1" }] })
    ).rejects.toThrow(/Rente sats/);
    expect(wb.getSheet("Ny")).toBeUndefined();
    expect(() => wb.addUserName("A1", "Gammel", "A1")).toThrow(/A1/);
  });

  it("a spec without names reports none", async () => {
    expect(await new MemoryWorkbook().writeOwnSheet(spec("Prognose"))).not.toHaveProperty(
      "skippedNames"
    );
  });
});

describe("charts, selection and change events", () => {
  const chart = (sheet: string): ChartSpec => ({
    sheet,
    name: "Refusion",
    type: "columnClustered",
    title: "Refusion pr. år",
    categories: "B3:B4",
    series: [{ name: "Refusion", values: "C3:C4" }],
    from: "E2",
    to: "L16",
  });

  it("a chart on an own sheet, with its data resolved for drawing; refused on a user's sheet", async () => {
    const wb = new MemoryWorkbook();
    wb.addUserSheet("Budget", [["x"]]);
    await wb.writeOwnSheet(spec("Prognose"));
    await wb.addChart(chart("Prognose"));
    expect(wb.chartData(wb.getSheet("Prognose")!.charts[0])).toMatchObject({
      categories: ["2024", "2025"],
      series: [{ name: "Refusion", values: [1000.5, 2001] }],
    });
    await expect(wb.addChart(chart("Budget"))).rejects.toThrow(/egne ark/);
    expect(wb.getSheet("Budget")!.charts).toEqual([]);
  });

  it("selectRange activates the sheet and records the selection", async () => {
    const wb = new MemoryWorkbook();
    wb.addUserSheet("A", [["x"]]);
    wb.addUserSheet("B", [["y"]]);
    await wb.selectRange("B", "A7:G7");
    expect(wb.activeSheet).toBe("B");
    expect(wb.selection).toEqual({ sheet: "B", address: "A7:G7" });
    expect((await wb.listSheets()).map((s) => s.active)).toEqual([false, true]);
  });

  it("onSheetChanged fires on an edit of that sheet only, until unsubscribed; subscribe sees every change", async () => {
    const wb = new MemoryWorkbook();
    wb.addUserSheet("Parametre", [["Vækst", 0.02]]);
    wb.addUserSheet("Andet", [[]]);
    const changes: string[] = [];
    let any = 0;
    const stopAny = wb.subscribe(() => any++);
    const stop = await wb.onSheetChanged("parametre", (c) =>
      changes.push(`${c.sheet}!${c.address}`)
    );
    wb.setCell("Parametre", 0, 1, 0.03);
    wb.setCell("Andet", 0, 0, 1);
    await stop();
    wb.setCell("Parametre", 0, 1, 0.04);
    expect(changes).toEqual(["Parametre!B1"]);
    expect(wb.cell("Parametre", 0, 1)).toBe(0.04);
    expect(any).toBe(3);
    stopAny();
  });
});

describe("a sheet's revision (the demo grid sizes its columns again only when it changes)", () => {
  it("changes with a cell typed in that sheet, not with writes, charts or selections elsewhere", async () => {
    const wb = new MemoryWorkbook();
    const budget = wb.addUserSheet("Budget", [
      ["Borger", "Takst"],
      ["A", 1000],
    ]);
    const other = wb.addUserSheet("Andet", [["x"]]);
    const start = wb.revision(budget);
    await wb.writeOwnSheet(spec("Prognose"));
    await wb.addChart({
      sheet: "Prognose",
      name: "Refusion",
      type: "columnClustered",
      title: "Refusion",
      categories: "B3:B4",
      series: [{ name: "Refusion", values: "C3:C4" }],
      from: "E2",
      to: "L16",
    });
    wb.setActiveSheet("Prognose");
    await wb.selectRange("Budget", "A2:B2");
    wb.setCell("Andet", 0, 0, "y");
    expect(wb.revision(budget)).toBe(start);
    wb.setCell("Budget", 1, 1, 1200);
    expect(wb.revision(budget)).not.toBe(start);
    const edited = wb.revision(budget);
    wb.setCell("Budget", 1, 1, 1200);
    expect(wb.revision(budget)).not.toBe(edited);
    // A sheet written again is a new object, with a revision of its own.
    const before = wb.getSheet("Prognose")!;
    await wb.writeOwnSheet(spec("Prognose"));
    expect(wb.getSheet("Prognose")).not.toBe(before);
    expect(wb.revision(other)).not.toBe(0);
  });

  it("on a sheet with formulas, changes with any change of the workbook (results follow other sheets)", async () => {
    const wb = new MemoryWorkbook();
    wb.addUserSheet("Ophold", [
      ["Borger", "Ind", "Ud"],
      ["A", "2026-06-01", "2026-08-30"],
    ]);
    await wb.writeOwnSheet({
      name: "Egne",
      sections: [{ at: "A1", values: [["Døgn"]] }],
      cells: [{ at: "A2", formula: "=DK.REFUSIONDAYS110(Ophold!A2:A2,Ophold!B2:B2,Ophold!C2:C2)" }],
    });
    const own = wb.getSheet("Egne")!;
    const start = wb.revision(own);
    wb.setCell("Ophold", 1, 2, "2026-07-01");
    expect(wb.cell("Egne", 1, 0)).toBe(30);
    expect(wb.revision(own)).not.toBe(start);
  });
});
