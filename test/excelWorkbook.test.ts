/**
 * The Office.js adapter against office-addin-mock: a small fake Excel object model (sheets,
 * ranges, tables, charts, custom properties) behind an OfficeMockObject `Excel` global, which
 * records every request: bytes written and bytes read per context.sync(), and every mutation
 * by sheet. Checks: no request above the byte budget, only own sheets written or cleared, the
 * table and chart calls, and the whole forecast pipeline through the adapter.
 */
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { OfficeMockObject } from "office-addin-mock";
import { BACKUP_SHEET, readBackup, writeBackup } from "../src/sheets/scenarios/scenarioBackup";
import { repairScenarioSheet, restoreBackup } from "../src/sheets/scenarios/scenarioRepair";
import { parameterCell } from "../src/sheets/scenarios/scenarioSheet";
import { createOrUpdate, readModel, saveActiveAs } from "../src/sheets/scenarios/scenarioStore";
import { ExcelWorkbook, OWN_SHEET_KEY, addressSheet } from "../src/office/excelWorkbook";
import { sampleBudgetSheet } from "../src/demo/sampleData";
import {
  AUDIT_SHEET,
  FORECAST_SHEET,
  findStays,
  runForecast,
} from "../src/sheets/forecast/forecastRun";
import {
  AbortError,
  OWN_NAME_MARK,
  a1,
  columnLetters as letters,
  parseA1,
  type CellValue,
} from "../src/workbook/workbook";

interface FakeSheet {
  name: string;
  own: boolean;
  cells: CellValue[][];
  tables: { name: string; address: string }[];
  charts: FakeChart[];
  formats: { address: string; format: string }[];
  frozenRows: number;
  /** Column widths in points by column index, as autofit or the add-in set them. */
  widths: number[];
  /** Cells written with Excel's text prefix ('), A1. */
  textCells: Set<string>;
  /** Worksheet custom properties other than the own-sheet mark. */
  properties: Record<string, string>;
  /** What the add-in set of the page layout (ExcelApi 1.9). */
  page: Record<string, unknown>;
  /** Worksheet.visibility as the add-in set it (ExcelApi 1.1); unset: as Excel made it. */
  visibility?: string;
}

interface FakeChart {
  type: string;
  source: string;
  seriesBy: string;
  name?: string;
  title: { text?: string };
  legend: { position?: string };
  categoryAxis: { reversePlotOrder?: boolean };
  valueAxis: { numberFormat?: string; linkNumberFormat?: boolean };
  series: { name?: string; values?: string; xAxis?: string }[];
  position?: [string, string];
}

interface FakeName {
  name: string;
  address: string | null;
  comment?: string;
}

/** The fake workbook and its request log. */
class FakeBook {
  sheets: FakeSheet[] = [];
  /** Workbook-scoped names; `address` is Excel's ("Budget!B2"), null for a constant. */
  names: FakeName[] = [];
  active = "";
  /** One entry per context.sync(): bytes of values/formats sent, bytes of values returned. */
  requests: { sent: number; received: number }[] = [];
  /** Mutations as "sheet: what". */
  log: string[] = [];
  /** Bytes of values and formats queued since the last sync. */
  sent = 0;
  /** Ranges whose values were loaded since the last sync. */
  loads: { values: () => CellValue[][] }[] = [];

  addSheet(name: string, cells: CellValue[][], own = false): FakeSheet {
    const sheet: FakeSheet = {
      name,
      own,
      cells,
      tables: [],
      charts: [],
      formats: [],
      frozenRows: 0,
      widths: [],
      textCells: new Set(),
      properties: {},
      page: {},
    };
    this.sheets.push(sheet);
    this.active ||= name;
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new Error(`ItemNotFound: ${name}`);
    return s;
  }

  sync(): void {
    const received = this.loads.reduce((n, l) => n + JSON.stringify(l.values()).length, 0);
    this.requests.push({ sent: this.sent, received });
    this.sent = 0;
    this.loads = [];
  }
}

/** A range of the fake sheet: values, formats, load and select as Office.js's Range has them. */
function fakeRange(
  book: FakeBook,
  sheet: FakeSheet,
  top: number,
  left: number,
  rows: number,
  cols: number
) {
  const read = () =>
    Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => sheet.cells[top + r]?.[left + c] ?? "")
    );
  return {
    rowIndex: top,
    columnIndex: left,
    rowCount: rows,
    columnCount: cols,
    // Quoted like Excel does for sheet names with spaces or punctuation.
    address: `${/^\w+$/.test(sheet.name) ? sheet.name : `'${sheet.name.replace(/'/g, "''")}'`}!${a1(top, left, top + rows - 1, left + cols - 1)}`,
    isNullObject: false,
    format: {
      font: {
        set bold(v: boolean) {
          book.log.push(
            `${sheet.name}: bold ${a1(top, left, top + rows - 1, left + cols - 1)} ${v}`
          );
        },
      },
      set columnWidth(w: number) {
        book.log.push(`${sheet.name}: width ${letters(left)} ${w}`);
        for (let c = left; c < left + cols; c++) sheet.widths[c] = w;
      },
      get columnWidth(): number {
        return sheet.widths[left] ?? 48;
      },
      // Excel's autofit on this range's cells only: 6 pt a character and a margin, in the fake.
      autofitColumns() {
        book.log.push(`${sheet.name}: autofit ${a1(top, left, top + rows - 1, left + cols - 1)}`);
        for (let c = left; c < left + cols; c++) {
          let chars = 0;
          for (let r = top; r < top + rows; r++)
            chars = Math.max(chars, String(sheet.cells[r]?.[c] ?? "").length);
          sheet.widths[c] = chars * 6 + 10;
        }
      },
      load() {
        return this;
      },
    },
    load(props: string) {
      if (props.includes("values")) book.loads.push({ values: read });
      return this;
    },
    get values() {
      return read();
    },
    set values(v: CellValue[][]) {
      book.sent += JSON.stringify(v).length;
      book.log.push(`${sheet.name}: values ${a1(top, left, top + rows - 1, left + cols - 1)}`);
      expect(v.length).toBe(rows);
      v.forEach((row, r) => {
        expect(row.length).toBe(cols);
        const target = (sheet.cells[top + r] ??= []);
        // As Excel: a leading ' keeps the rest as text (the cell shows it without the ').
        row.forEach((x, c) => {
          const prefixed = typeof x === "string" && x.startsWith("'");
          target[left + c] = prefixed ? x.slice(1) : x;
          if (prefixed) sheet.textCells.add(a1(top + r, left + c));
        });
      });
    },
    set numberFormat(v: string[][]) {
      book.sent += JSON.stringify(v).length;
      sheet.formats.push({
        address: a1(top, left, top + rows - 1, left + cols - 1),
        format: v[0][0],
      });
    },
    clear() {
      book.log.push(`${sheet.name}: clear`);
      sheet.cells = [];
      sheet.formats = [];
    },
    select() {
      book.log.push(`${sheet.name}: select ${a1(top, left, top + rows - 1, left + cols - 1)}`);
    },
  };
}

function fakeWorksheet(book: FakeBook, sheet: FakeSheet) {
  const rangeAt = (address?: string) => {
    if (!address) return fakeRange(book, sheet, 0, 0, 1_048_576, 16_384);
    if (/^[A-Z]+:[A-Z]+$/.test(address)) {
      const col = parseA1(`${address.split(":")[0]}1`).left;
      return fakeRange(book, sheet, 0, col, 1_048_576, 1);
    }
    const r = parseA1(address);
    return fakeRange(book, sheet, r.top, r.left, r.bottom - r.top + 1, r.right - r.left + 1);
  };
  const ws = {
    name: sheet.name,
    load() {
      return ws;
    },
    activate() {
      book.active = sheet.name;
    },
    set visibility(v: string) {
      book.log.push(`${sheet.name}: visibility ${v}`);
      sheet.visibility = v;
    },
    customProperties: {
      add(key: string, value: string) {
        if (key === OWN_SHEET_KEY) {
          expect(value).toBe("1");
          sheet.own = true;
        } else {
          book.log.push(`${sheet.name}: property ${key}`);
          sheet.properties[key] = value;
        }
      },
      getItemOrNullObject(key: string) {
        const mark = {
          isNullObject: key === OWN_SHEET_KEY ? !sheet.own : !(key in sheet.properties),
          value: key === OWN_SHEET_KEY ? "1" : sheet.properties[key],
          load: () => mark,
        };
        return mark;
      },
    },
    getRange: rangeAt,
    getRangeByIndexes: (top: number, left: number, rows: number, cols: number) =>
      fakeRange(book, sheet, top, left, rows, cols),
    getUsedRangeOrNullObject() {
      let bottom = -1;
      let right = -1;
      sheet.cells.forEach((row, r) =>
        row?.forEach((v, c) => {
          if (v !== "" && v !== null && v !== undefined) {
            bottom = Math.max(bottom, r);
            right = Math.max(right, c);
          }
        })
      );
      const used =
        bottom < 0 ? { isNullObject: true } : fakeRange(book, sheet, 0, 0, bottom + 1, right + 1);
      return { ...used, load: () => used };
    },
    pageLayout: {
      set orientation(v: string) {
        sheet.page.orientation = v;
      },
      set paperSize(v: string) {
        sheet.page.paperSize = v;
      },
      set zoom(v: unknown) {
        sheet.page.zoom = v;
      },
      set centerHorizontally(v: boolean) {
        sheet.page.centerHorizontally = v;
      },
      setPrintArea: (address: string) => (sheet.page.printArea = address),
      set leftMargin(v: number) {
        sheet.page.leftMargin = v;
      },
      set rightMargin(v: number) {
        sheet.page.rightMargin = v;
      },
    },
    horizontalPageBreaks: {
      removePageBreaks: () => (sheet.page.breaks = []),
      add: (cell: string) => (sheet.page.breaks as string[]).push(cell),
    },
    freezePanes: {
      unfreeze: () => book.log.push(`${sheet.name}: unfreeze`),
      freezeRows: (n: number) => (sheet.frozenRows = n),
    },
    tables: {
      items: [] as unknown[],
      load() {
        ws.tables.items = sheet.tables.map((t) => ({
          name: t.name,
          delete: () => {
            book.log.push(`${sheet.name}: delete table ${t.name}`);
            sheet.tables = sheet.tables.filter((x) => x !== t);
          },
        }));
      },
      add(range: { address: string }, hasHeaders: boolean) {
        expect(hasHeaders).toBe(true);
        const table = { name: "", address: range.address.split("!")[1] };
        sheet.tables.push(table);
        book.log.push(`${sheet.name}: add table ${table.address}`);
        return table;
      },
    },
    charts: {
      items: [] as unknown[],
      load() {
        ws.charts.items = sheet.charts.map((c) => ({
          delete: () => {
            book.log.push(`${sheet.name}: delete chart ${c.name}`);
            sheet.charts = sheet.charts.filter((x) => x !== c);
          },
        }));
      },
      add(type: string, source: { address: string }, seriesBy: string) {
        const chart: FakeChart = {
          type,
          source: source.address.split("!")[1],
          seriesBy,
          title: {},
          legend: {},
          categoryAxis: {},
          valueAxis: {},
          series: [{ values: source.address.split("!")[1] }],
        };
        sheet.charts.push(chart);
        book.log.push(`${sheet.name}: add chart`);
        const seriesApi = (s: FakeChart["series"][number]) => ({
          set name(v: string) {
            s.name = v;
          },
          setValues: (r: { address: string }) => (s.values = r.address.split("!")[1]),
          setXAxisValues: (r: { address: string }) => (s.xAxis = r.address.split("!")[1]),
        });
        return {
          set name(v: string) {
            chart.name = v;
          },
          title: chart.title,
          legend: chart.legend,
          series: {
            getItemAt: (i: number) => seriesApi(chart.series[i]),
            add: (name: string) => {
              const s = { name };
              chart.series.push(s);
              return seriesApi(s);
            },
          },
          setPosition: (from: string, to: string) => (chart.position = [from, to]),
          axes: { categoryAxis: chart.categoryAxis, valueAxis: chart.valueAxis },
        };
      },
    },
    onChanged: {
      add(handler: (e: { address: string }) => Promise<void>) {
        book.log.push(`${sheet.name}: listen`);
        void handler;
        return { context: "ctx", remove: () => book.log.push(`${sheet.name}: unlisten`) };
      },
    },
  };
  return ws;
}

/** The `Excel` global: an OfficeMockObject with the fake model behind its context. */
function excelGlobal(book: FakeBook): OfficeMockObject {
  const mock: OfficeMockObject = new OfficeMockObject({
    context: {
      workbook: {
        worksheets: {
          load() {
            mock.context.workbook.worksheets.items = book.sheets.map((s) => fakeWorksheet(book, s));
          },
          getItem: (name: string) => fakeWorksheet(book, book.sheet(name)),
          getActiveWorksheet: () => fakeWorksheet(book, book.sheet(book.active)),
          add(name: string) {
            book.log.push(`${name}: create`);
            return fakeWorksheet(book, book.addSheet(name, []));
          },
        },
        names: {
          load() {
            mock.context.workbook.names.items = book.names.map((n) => ({
              name: n.name,
              comment: n.comment,
              load() {
                return this;
              },
              getRangeOrNullObject() {
                const target = {
                  isNullObject: n.address === null,
                  address: n.address,
                  load: () => target,
                };
                return target;
              },
              delete() {
                book.log.push(`name ${n.name}: delete`);
                book.names = book.names.filter((x) => x !== n);
              },
            }));
          },
          add(name: string, range: { address: string }, comment?: string) {
            if (book.names.some((n) => n.name.toLowerCase() === name.toLowerCase()))
              throw new Error(`InvalidArgument: the name ${name} exists`);
            book.log.push(`name ${name}: add`);
            book.names.push({ name, address: range.address, comment });
          },
        },
        tables: {
          load() {
            mock.context.workbook.tables.items = book.sheets.flatMap((s) =>
              s.tables.map((t) => ({ name: t.name }))
            );
          },
        },
      },
      sync: async () => book.sync(),
    },
    run: async (a: unknown, b?: unknown) => {
      const batch = (b ?? a) as (ctx: unknown) => Promise<unknown>;
      return batch(mock.context);
    },
  });
  // Excel.SheetVisibility (ExcelApi 1.1), the enum's values as office.js defines them: a plain
  // object beside the mock, whose own properties must be loaded before they are read.
  return Object.assign(mock, {
    SheetVisibility: { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" },
  });
}

let book: FakeBook;
beforeEach(() => {
  book = new FakeBook();
  (globalThis as { Excel?: unknown }).Excel = excelGlobal(book);
});
afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
});

const copy = <T>(x: T): T => JSON.parse(JSON.stringify(x));

describe("requests stay under the byte budget", () => {
  it("writing 3 000 rows with a 40 kB budget: many chunks, none above the budget, values intact", async () => {
    const budget = 40_000;
    const rows: CellValue[][] = Array.from({ length: 3000 }, (_, i) => [
      i,
      `Borger ${i}`,
      46000 + i,
      1234.5,
      "en tekst der fylder lidt",
    ]);
    const wb = new ExcelWorkbook(budget);
    const progress: number[] = [];
    const written = await wb.writeOwnSheet(
      { name: "Ark", sections: [{ at: "B2", values: rows }] },
      { onProgress: (p) => progress.push(p.done) }
    );
    expect(written).toMatchObject({ name: "Ark", renamed: false });
    const chunks = book.log.filter((l) => l.startsWith("Ark: values")).length;
    expect(chunks).toBeGreaterThanOrEqual(Math.ceil(JSON.stringify(rows).length / budget));
    expect(chunks).toBeGreaterThan(1);
    for (const r of book.requests) expect(r.sent).toBeLessThanOrEqual(budget);
    expect(book.sheet("Ark").cells[2][1]).toBe(1);
    expect(book.sheet("Ark").cells[3000][2]).toBe("Borger 2999");
    expect(progress.at(-1)).toBe(3000);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it("reading a 5 000-row used range with a 60 kB budget: every response under the budget, values intact", async () => {
    const sheet = sampleBudgetSheet({ rows: 5000 });
    book.addSheet(sheet.name, copy(sheet.values));
    const budget = 60_000;
    const block = await new ExcelWorkbook(budget).readUsedRange(sheet.name);
    expect(block.values).toEqual(
      sheet.values.map((r) => Array.from({ length: 7 }, (_, c) => r[c] ?? ""))
    );
    const reads = book.requests.filter((r) => r.received > 0);
    expect(reads.length).toBeGreaterThan(10);
    for (const r of book.requests) expect(r.received).toBeLessThanOrEqual(budget);
  });

  it("a cancel between chunks stops the write with an AbortError", async () => {
    const controller = new AbortController();
    const rows: CellValue[][] = Array.from({ length: 2000 }, (_, i) => [i, "x".repeat(50)]);
    const write = new ExcelWorkbook(10_000).writeOwnSheet(
      { name: "Ark", sections: [{ at: "A1", values: rows }] },
      { signal: controller.signal, onProgress: (p) => p.done > 300 && controller.abort() }
    );
    await expect(write).rejects.toBeInstanceOf(AbortError);
    expect(book.log.filter((l) => l.startsWith("Ark: values")).length).toBeLessThan(10);
  });
});

describe("only the add-in's own sheets are written", () => {
  it("a user's sheet named Refusionsprognose is never touched: the write goes to 'Refusionsprognose (2)', and a rerun replaces only that", async () => {
    const userCells: CellValue[][] = [["Mine egne tal"], [1, 2, 3]];
    book.addSheet(FORECAST_SHEET, copy(userCells));
    const wb = new ExcelWorkbook();
    const spec = {
      name: FORECAST_SHEET,
      sections: [
        {
          at: "A1",
          values: [
            ["År", "Beløb"],
            [2026, 5],
          ],
          table: { name: "Refusionsprognose", rows: 2 },
        },
      ],
    };
    const first = await wb.writeOwnSheet(spec);
    expect(first).toEqual({
      name: "Refusionsprognose (2)",
      renamed: true,
      wanted: FORECAST_SHEET,
      tables: ["Refusionsprognose"],
    });
    expect(book.sheet("Refusionsprognose (2)").own).toBe(true);
    const second = await wb.writeOwnSheet(spec);
    expect(second.name).toBe("Refusionsprognose (2)");
    expect(book.sheets.map((s) => s.name)).toEqual([FORECAST_SHEET, "Refusionsprognose (2)"]);
    expect(book.log).toContain("Refusionsprognose (2): clear");
    expect(book.log).toContain("Refusionsprognose (2): delete table Refusionsprognose");
    expect(book.log.filter((l) => l.startsWith(`${FORECAST_SHEET}:`))).toEqual([]);
    expect(book.sheet(FORECAST_SHEET).cells).toEqual(userCells);
    const sheets = await wb.listSheets();
    expect(sheets).toEqual([
      { name: FORECAST_SHEET, own: false, active: true },
      { name: "Refusionsprognose (2)", own: true, active: false },
    ]);
  });

  it("a chart on a user's sheet is refused", async () => {
    book.addSheet("Budget", [["x"]]);
    const spec = {
      sheet: "Budget",
      name: "c",
      type: "line" as const,
      title: "t",
      categories: "A1:A2",
      series: [{ name: "s", values: "B1:B2" }],
      from: "D1",
      to: "H9",
    };
    await expect(new ExcelWorkbook().addChart(spec)).rejects.toThrow(/egne ark/);
    expect(book.sheet("Budget").charts).toEqual([]);
  });

  it("a tornado is Excel's clustered bar chart with the first category on top", async () => {
    const wb = new ExcelWorkbook();
    const { name } = await wb.writeOwnSheet({
      name: "Sammenligning",
      sections: [
        {
          at: "A1",
          values: [
            ["a", 1],
            ["b", -2],
          ],
        },
      ],
    });
    const chart = (type: "barClustered" | "columnClustered") => ({
      sheet: name,
      name: type,
      type,
      title: "t",
      categories: "A1:A2",
      series: [{ name: "s", values: "B1:B2" }],
      from: "D1",
      to: "H9",
    });
    await wb.addChart(chart("barClustered"));
    await wb.addChart(chart("columnClustered"));
    const [bar, column] = book.sheet(name).charts;
    expect(bar).toMatchObject({ type: "BarClustered", categoryAxis: { reversePlotOrder: true } });
    expect(column).toMatchObject({ type: "ColumnClustered", categoryAxis: {} });
    expect(column.categoryAxis.reversePlotOrder).toBeUndefined();
    // Without a format of its own the axis keeps the cells' format.
    expect(column.valueAxis).toEqual({});
  });

  it("a chart of shares gets percentages on its value axis, not linked to the cells' format", async () => {
    const wb = new ExcelWorkbook();
    const { name } = await wb.writeOwnSheet({
      name: "Refusionsprognose",
      sections: [{ at: "A1", values: [["a", 0.25]] }],
    });
    await wb.addChart({
      sheet: name,
      name: "Brugergrupper",
      type: "columnClustered",
      title: "t",
      categories: "A1:A1",
      series: [{ name: "s", values: "B1:B1" }],
      valueFormat: "0%",
      from: "D1",
      to: "H9",
    });
    expect(book.sheet(name).charts[0].valueAxis).toEqual({
      numberFormat: "0%",
      linkNumberFormat: false,
    });
  });

  it("text that Excel would read as a formula or as another value is written as text", async () => {
    const texts = [
      "=SUM(A1)",
      "-3 dage",
      "\t=WEBSERVICE(A1)",
      " =1+1",
      "\r\n=1+1",
      "\u00a0=1+1",
      "\uff1d1+1",
      "\u200b=1",
      "007",
      "1-2",
      "TRUE",
      "sand",
      "2026-05-01",
      "#N/A",
    ];
    await new ExcelWorkbook().writeOwnSheet({
      name: "Ark",
      sections: [{ at: "A1", values: [[...texts, "ok", 5]] }],
    });
    const ark = book.sheet("Ark");
    // Excel keeps each text as it was (the prefix ' only marks it as text) and the number a number.
    expect(ark.cells[0]).toEqual([...texts, "ok", 5]);
    expect([...ark.textCells]).toEqual(texts.map((_, c) => a1(0, c)));
  });
});

describe("defined names", () => {
  const spec = (sheet: string) => ({
    name: sheet,
    sections: [
      {
        at: "A1",
        values: [
          ["Rente", 0.035],
          ["Horisont", 5],
        ],
      },
    ],
    names: [
      { name: "DK_Rente", address: "B1", comment: "Diskonteringsrente" },
      { name: "DK_Horisont", address: "B2" },
      { name: "DK_Basisår", address: "B3" },
    ],
  });

  it("creates each name on the written sheet (quoted when the sheet was renamed), leaves a user's names alone, and a rerun replaces its own", async () => {
    book.addSheet("Scenarier", [["Mine egne tal"]]);
    book.addSheet("Budget", [["x", 42]]);
    book.names.push(
      { name: "dk_horisont", address: "Budget!B1" },
      { name: "DK_Basisår", address: null }
    );
    const userNames = copy(book.names);
    const wb = new ExcelWorkbook();
    const first = await wb.writeOwnSheet(spec("Scenarier"));
    expect(first).toEqual({
      name: "Scenarier (2)",
      renamed: true,
      wanted: "Scenarier",
      tables: [],
      skippedNames: ["DK_Horisont", "DK_Basisår"],
    });
    expect(book.names).toEqual([
      ...userNames,
      {
        name: "DK_Rente",
        address: "'Scenarier (2)'!B1",
        comment: `Diskonteringsrente ${OWN_NAME_MARK}`,
      },
    ]);
    expect(book.sheet("Scenarier (2)").cells[0][1]).toBe(0.035);

    // The user deletes their DK_Horisont; the rerun replaces DK_Rente and now creates DK_Horisont.
    book.names = book.names.filter((n) => n.name !== "dk_horisont");
    book.log = [];
    const second = await wb.writeOwnSheet(spec("Scenarier"));
    expect(second.skippedNames).toEqual(["DK_Basisår"]);
    expect(book.log.filter((l) => l.startsWith("name "))).toEqual([
      "name DK_Rente: delete",
      "name DK_Rente: add",
      "name DK_Horisont: add",
    ]);
    expect(book.names).toEqual([
      { name: "DK_Basisår", address: null },
      {
        name: "DK_Rente",
        address: "'Scenarier (2)'!B1",
        comment: `Diskonteringsrente ${OWN_NAME_MARK}`,
      },
      { name: "DK_Horisont", address: "'Scenarier (2)'!B2", comment: OWN_NAME_MARK },
    ]);
  });

  it("recreates its own name whose sheet was deleted (#REF!, known by its comment), never a user's broken one", async () => {
    book.names.push(
      { name: "DK_Rente", address: null, comment: `Diskonteringsrente ${OWN_NAME_MARK}` },
      { name: "DK_Horisont", address: null }
    );
    const written = await new ExcelWorkbook().writeOwnSheet(spec("Scenarier"));
    expect(written.skippedNames).toEqual(["DK_Horisont"]);
    expect(book.names.find((n) => n.name === "DK_Rente")).toEqual({
      name: "DK_Rente",
      address: "Scenarier!B1",
      comment: `Diskonteringsrente ${OWN_NAME_MARK}`,
    });
    expect(book.names.find((n) => n.name === "DK_Horisont")).toEqual({
      name: "DK_Horisont",
      address: null,
    });
  });

  it("a spec without names reports no skipped names and touches none; an invalid name is refused before anything is written", async () => {
    book.names.push({ name: "Rente", address: "Budget!B1" });
    const written = await new ExcelWorkbook().writeOwnSheet({
      name: "Ark",
      sections: [{ at: "A1", values: [[1]] }],
    });
    expect(written).toEqual({ name: "Ark", renamed: false, wanted: "Ark", tables: [] });
    expect(book.names).toEqual([{ name: "Rente", address: "Budget!B1" }]);
    const bad = {
      name: "Ark",
      sections: [{ at: "A1", values: [[2]] }],
      names: [{ name: "AB12", address: "A1" }],
    };
    await expect(new ExcelWorkbook().writeOwnSheet(bad)).rejects.toThrow(/AB12/);
    expect(book.sheet("Ark").cells[0][0]).toBe(1);
  });

  it("addressSheet reads the sheet of Excel's addresses, quoted or not", () => {
    expect(addressSheet("Budget!B1")).toBe("Budget");
    expect(addressSheet("'Bobs ''ark'' (2)'!$B$7")).toBe("Bobs 'ark' (2)");
    expect(addressSheet("B7")).toBe("");
  });
});

describe("the forecast through the Office.js adapter", () => {
  it("reads the budget sheet, writes both own sheets with tables, formats and two charts, under a 50 kB budget", async () => {
    const sample = sampleBudgetSheet({ rows: 3000 });
    const userCells = copy(sample.values);
    book.addSheet(sample.name, copy(sample.values));
    const wb = new ExcelWorkbook(50_000);
    const found = await findStays(wb);
    expect(found?.source).toEqual({ kind: "sheet", sheet: sample.name });
    const result = await runForecast(wb, found!, found!.mapping, { pseudonymise: true });

    for (const r of book.requests) {
      expect(r.sent).toBeLessThanOrEqual(50_000);
      expect(r.received).toBeLessThanOrEqual(50_000);
    }
    expect(book.sheet(sample.name).cells).toEqual(userCells);
    expect(book.log.filter((l) => l.startsWith(`${sample.name}:`))).toEqual([]);

    const forecast = book.sheet(FORECAST_SHEET);
    const audit = book.sheet(AUDIT_SHEET);
    expect(forecast.own && audit.own).toBe(true);
    expect(forecast.tables.map((t) => t.name)).toEqual([
      "Refusionsprognose",
      "RefusionPrAar",
      "Brugergrupper",
    ]);
    // The budget years first (rows 2-12), then the notes; the tables' header in row 19. The user
    // groups below the per-year table (6 years, total, blank, title, note).
    expect(forecast.tables[2].address).toBe("M30:V33");
    expect(forecast.tables[0].address).toBe("A19:K43"); // header + 6 years × 4 quarters
    expect(audit.tables).toEqual([{ name: "RefusionPrOphold", address: `A1:R${3000 + 1}` }]);
    // Columns sized to their content by Excel's autofit on the tables, not on the title rows.
    expect(book.log).toContain(`${FORECAST_SHEET}: autofit A19:K44`);
    expect(book.log.filter((l) => /^Refusionsprognose: autofit A[1-3](:|$)/.test(l))).toEqual([]);
    // The budget years' table (its header rows from row 4) counts, its title and note do not.
    expect(book.log).toContain(`${FORECAST_SHEET}: autofit A4:K5`);
    expect(book.log).toContain(`${FORECAST_SHEET}: autofit A6:K12`);
    expect(book.log).toContain(`${AUDIT_SHEET}: autofit A1:R3001`);
    const header = audit.cells[0];
    const widthOf = (h: string) => audit.widths[header.indexOf(h)];
    // In the fake, autofit gives 6 pt a character: the long headers are not cut.
    expect(widthOf("Refusionsdøgn GAMMEL")).toBe("Refusionsdøgn GAMMEL".length * 6 + 10);
    expect(widthOf("Regel (NY)")).toBe(420); // a long rule text, within its bound
    expect(forecast.widths[11]).toBe(20); // the gap between the two tables stays narrow
    expect(forecast.formats.some((f) => f.format === '#,##0.00 "kr."')).toBe(true);
    expect(audit.formats.some((f) => f.format === "dd-mm-yyyy")).toBe(true);
    expect(audit.frozenRows).toBe(1);

    expect(forecast.charts).toHaveLength(3);
    const [refund, net, groups] = forecast.charts;
    expect(groups.series.every((s) => s.xAxis === "M31:M33")).toBe(true);
    expect(refund).toMatchObject({
      type: "ColumnClustered",
      seriesBy: "Columns",
      name: "RefusionNyGammel",
      legend: { position: "Bottom" },
    });
    expect(refund.series.map((s) => s.name)).toEqual(["Refusion NY", "Refusion GAMMEL"]);
    expect(refund.series.every((s) => s.xAxis === "M20:M25")).toBe(true);
    expect(net.series.map((s) => s.name)).toEqual(["Kommunal nettoudgift"]);
    expect(net.position).toBeDefined();

    // The sheet's total row holds the engine's own total.
    const totalRow = forecast.cells[43];
    expect(totalRow[0]).toBe("I alt");
    expect(totalRow[7]).toBe(Number(result.summary.total.refundNy));
    // Pseudonymised ids only.
    expect(audit.cells.slice(1).every((r) => /^Borger \d+$/.test(String(r[1])))).toBe(true);
  });

  it("citizen ids such as 007, 1-2 and TRUE reach the audit sheet as text", async () => {
    book.addSheet("Ophold", [
      ["Borger", "Indskrivning", "Udskrivning", "Takst"],
      ["007", "2026-05-01", "2026-06-01", 1000],
      ["1-2", "2026-05-01", "2026-06-01", 1000],
      ["TRUE", "2026-05-01", "2026-06-01", 1000],
      ['=WEBSERVICE("http://x")', "2026-05-01", "2026-06-01", 1000],
    ]);
    const wb = new ExcelWorkbook();
    const found = await findStays(wb);
    await runForecast(wb, found!, found!.mapping, { pseudonymise: false });
    const audit = book.sheet(AUDIT_SHEET);
    const ids = ["007", "1-2", "TRUE", '=WEBSERVICE("http://x")'];
    expect(audit.cells.slice(1).map((r) => r[1])).toEqual(ids);
    for (const row of [1, 2, 3, 4]) expect(audit.textCells.has(a1(row, 1))).toBe(true);
  });

  it("the add-in's own data goes in a worksheet custom property; a user's sheet gives none", async () => {
    const wb = new ExcelWorkbook();
    await wb.writeOwnSheet({
      name: "Scenarier",
      sections: [{ at: "A1", values: [["x"]] }],
      properties: { DkTest: '{"a":1}' },
    });
    expect(book.sheet("Scenarier").properties).toEqual({ DkTest: '{"a":1}' });
    expect(await wb.readSheetProperty("Scenarier", "DkTest")).toBe('{"a":1}');
    expect(await wb.readSheetProperty("Scenarier", "Other")).toBeUndefined();
    book.addSheet("Brugerens", [["y"]]).properties.DkTest = "planted";
    expect(await wb.readSheetProperty("Brugerens", "DkTest")).toBeUndefined();
  });

  it("the Scenarier sheet's copy is an own sheet made hidden (not very hidden), read back by its record; other sheets keep their visibility", async () => {
    const wb = new ExcelWorkbook();
    const block = {
      sheet: "Scenarier",
      top: 0,
      left: 0,
      values: [["Scenarier"], ["Aktivt scenarie", "Min plan"], ["=HYPERLINK(1)", 12]],
    };
    const name = await writeBackup(wb, { block, stays: undefined }, "delete", ["Min plan"]);
    expect(name).toBe("Scenarier (kopi)");
    const copy = book.sheet(name);
    expect([copy.own, copy.visibility]).toEqual([true, "Hidden"]);
    // Text that Excel would read as a formula is kept as text in the copy too.
    expect(copy.textCells.has("A6")).toBe(true);
    const back = (await readBackup(wb))!;
    expect(back.block.values).toEqual([
      ["Scenarier", ""],
      ["Aktivt scenarie", "Min plan"],
      ["=HYPERLINK(1)", 12],
    ]);
    expect(back.record).toMatchObject({ of: "Scenarier", reason: "delete", dropped: ["Min plan"] });
    await wb.writeOwnSheet({ name: "Refusionsprognose", sections: [{ at: "A1", values: [[1]] }] });
    expect(book.sheet("Refusionsprognose").visibility).toBeUndefined();
  });

  it("the repro of issue 25 through Office.js: «Min plan» saved, «Horisont» renamed; the repair keeps it, the hidden copy restores the sheet", async () => {
    book.addSheet("Budget", [["x"]]);
    const wb = new ExcelWorkbook();
    const sheet = await createOrUpdate(wb, null);
    const horizon = parseA1(parameterCell("horizon"));
    const cells = () => book.sheet(sheet).cells;
    cells()[horizon.top][horizon.left] = 12;
    expect(await saveActiveAs(wb, "Min plan")).toEqual({ ok: true, sheet });
    cells()[horizon.top][0] = "Horisont (år)";

    // «Opret arket Scenarier» no longer writes the defaults over it.
    const before = copy(cells());
    await expect(createOrUpdate(wb, null)).rejects.toThrow("reparér det i panelet først");
    expect(copy(cells())).toEqual(before);

    expect(await repairScenarioSheet(wb)).toEqual({
      ok: true,
      sheet,
      backup: BACKUP_SHEET,
      saved: ["Min plan"],
    });
    expect(cells()[horizon.top][0]).toBe("Horisont");
    const { model } = (await readModel(wb))!;
    expect(model.saved.map((s) => [s.name, s.values.horizon])).toEqual([["Min plan", 12]]);
    expect(model.active.name).toBe("Min plan");
    const backup = book.sheet(BACKUP_SHEET);
    expect([backup.own, backup.visibility]).toEqual([true, "Hidden"]);
    // The copy's cells stand below its note (two lines and a blank row), as they were.
    expect(backup.cells[0][0]).toMatch(/^Kopi af arket Scenarier/);
    expect(backup.cells[horizon.top + 3][0]).toBe("Horisont (år)");
    expect((await readBackup(wb))!.block.values[horizon.top][0]).toBe("Horisont (år)");

    // Gendan kopien: the sheet as it was, and the repaired one becomes the copy.
    expect(await restoreBackup(wb)).toBe(sheet);
    expect(cells()[horizon.top][0]).toBe("Horisont (år)");
    expect((await readBackup(wb))!.block.values[horizon.top][0]).toBe("Horisont");
  });

  it("a sheet with a print setup gets Excel's page layout: A4, fit to one page, its print area", async () => {
    const wb = new ExcelWorkbook();
    await wb.writeOwnSheet({
      name: "Sammenfatning",
      sections: [{ at: "A1", values: [["Housing First"]] }],
      print: { area: "A1:F60", orientation: "portrait" },
    });
    expect(book.sheet("Sammenfatning").page).toEqual({
      orientation: "Portrait",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 1 },
      centerHorizontally: true,
      printArea: "A1:F60",
    });
    await wb.writeOwnSheet({ name: "Uden", sections: [{ at: "A1", values: [["x"]] }] });
    expect(book.sheet("Uden").page).toEqual({});
  });

  it("a print setup with pages prints at its scale with a manual break before each row given", async () => {
    const wb = new ExcelWorkbook();
    await wb.writeOwnSheet({
      name: "Sammenfatning",
      sections: [{ at: "A1", values: [["Housing First"]] }],
      print: { area: "A1:F120", orientation: "portrait", pages: { breaks: [61], scale: 80 } },
    });
    expect(book.sheet("Sammenfatning").page).toEqual({
      orientation: "Portrait",
      paperSize: "A4",
      zoom: { scale: 80 },
      centerHorizontally: true,
      printArea: "A1:F120",
      leftMargin: 36,
      rightMargin: 36,
      breaks: ["A62"],
    });
  });

  it("writeOwnCells writes single cells of an own sheet and leaves the rest; a user's sheet is refused before anything is written", async () => {
    const wb = new ExcelWorkbook();
    await wb.writeOwnSheet({
      name: "Scenarier",
      sections: [
        {
          at: "A1",
          values: [
            ["Andel", 0.5, "%"],
            ["Boliger", 25, "boliger/år"],
          ],
        },
      ],
    });
    await wb.writeOwnCells("Scenarier", [
      { at: "B1", value: 0.75 },
      { at: "B2", value: 40 },
    ]);
    expect(book.sheet("Scenarier").cells.slice(0, 2)).toEqual([
      ["Andel", 0.75, "%"],
      ["Boliger", 40, "boliger/år"],
    ]);
    expect(book.log.filter((l) => l.startsWith("Scenarier: clear"))).toEqual([]);
    const userCells: CellValue[][] = [["Mine tal", 1]];
    book.addSheet("Brugerens", copy(userCells));
    await expect(wb.writeOwnCells("Brugerens", [{ at: "B1", value: 2 }])).rejects.toThrow(
      /egne ark/
    );
    expect(book.sheet("Brugerens").cells).toEqual(userCells);
  });

  it("reads an Excel table: header and data body, and lists it", async () => {
    const cells: CellValue[][] = [
      [],
      [],
      ["", "Borger", "Indskrivning", "Udskrivning", "Takst"],
      ["", "A", 46143, 46173, 1000],
      ["", "B", 46150, 46160, 1200],
    ];
    const sheet = book.addSheet("Data", cells);
    sheet.tables.push({ name: "Ophold", address: "B3:E5" });
    const mock = (globalThis as unknown as { Excel: OfficeMockObject }).Excel;
    mock.context.workbook.tables.getItem = () => {
      const ws = fakeWorksheet(book, sheet);
      return {
        name: "Ophold",
        load: () => undefined,
        worksheet: ws,
        getHeaderRowRange: () => ({ ...fakeRange(book, sheet, 2, 1, 1, 4), load() {} }),
        getDataBodyRange: () => ({ ...fakeRange(book, sheet, 3, 1, 2, 4), load() {} }),
      };
    };
    const table = await new ExcelWorkbook().readTable("Ophold");
    expect(table).toEqual({
      sheet: "Data",
      table: "Ophold",
      top: 2,
      left: 1,
      header: ["Borger", "Indskrivning", "Udskrivning", "Takst"],
      values: [
        ["A", 46143, 46173, 1000],
        ["B", 46150, 46160, 1200],
      ],
    });
  });
});

describe("selection and change events", () => {
  it("selectRange activates the sheet and selects the row; onSheetChanged registers and removes its handler", async () => {
    book.addSheet("Budget", [["x"]]);
    book.addSheet("Andet", [["y"]]);
    const wb = new ExcelWorkbook();
    await wb.selectRange("Andet", "A7:G7");
    expect(book.active).toBe("Andet");
    expect(book.log).toContain("Andet: select A7:G7");
    const stop = await wb.onSheetChanged("Budget", () => undefined);
    await stop();
    expect(book.log.slice(-2)).toEqual(["Budget: listen", "Budget: unlisten"]);
  });
});

describe("reads load and sync first, as office-addin-mock checks it", () => {
  // office-addin-mock's objects answer a property read before load and context.sync() with
  // "Error, property was not loaded" or "Error, context.sync() was not called".
  it("readTable: the table's name and sheet, the header and the body's rows", async () => {
    const values = [
      ["A", 46143],
      ["B", 46150],
    ];
    const asked: number[][] = [];
    const chunk = { values };
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          tables: {
            table: {
              name: "Ophold",
              worksheet: { name: "Data" },
              header: {
                values: [["Borger", "Indskrivning"]],
                rowIndex: 2,
                columnIndex: 1,
                columnCount: 2,
              },
              body: { rowIndex: 3, rowCount: 2 },
              getHeaderRowRange() {
                return this.header;
              },
              getDataBodyRange() {
                return this.body;
              },
            },
            getItem() {
              return this.table;
            },
          },
          worksheets: {
            sheet: {
              chunk,
              getRangeByIndexes(top: number, left: number, rows: number, cols: number) {
                asked.push([top, left, rows, cols]);
                return this.chunk;
              },
            },
            getItem(name: string) {
              expect(name).toBe("Data");
              return this.sheet;
            },
          },
        },
      },
      run: async (batch: (context: unknown) => Promise<unknown>) => batch(mock.context),
    });
    (globalThis as { Excel?: unknown }).Excel = mock;
    expect(await new ExcelWorkbook().readTable("Ophold")).toEqual({
      sheet: "Data",
      table: "Ophold",
      top: 2,
      left: 1,
      header: ["Borger", "Indskrivning"],
      values,
    });
    expect(asked).toEqual([[3, 1, 2, 2]]);
  });
});
