/**
 * «Indsæt eksempler» through the Office.js adapter, against office-addin-mock: a small fake Excel
 * object model (sheets with values, formulas, number formats and custom properties) behind an
 * OfficeMockObject `Excel` global, which logs every write by sheet. The command must enter every
 * formula as a formula (Range.formulas, as a user types it, so Excel recognises DK. as the
 * add-in's functions), never as a value, and write only to the sheets it created: a user's
 * sheets, also those named like the examples, are left exactly as they were.
 */
import { afterEach, beforeEach, describe, expect, it } from "@jest/globals";
import { OfficeMockObject } from "office-addin-mock";
import {
  forecastSheet,
  insertExamples,
  projectionSheet,
  staysSheet,
} from "../src/examples/exampleSheets";
import { EXAMPLE_SHEETS, replacedByExamples } from "../src/examples/names";
import { workedExamples } from "../src/examples/workedExamples";
import { ExcelWorkbook, OWN_SHEET_KEY } from "../src/office/excelWorkbook";
import { a1, parseA1, type CellValue, type SheetSpec } from "../src/workbook/workbook";

interface FakeSheet {
  name: string;
  own: boolean;
  values: Map<string, CellValue>;
  formulas: Map<string, string>;
  formats: Map<string, string>;
  properties: Record<string, string>;
}

class FakeBook {
  sheets: FakeSheet[] = [];
  /** Every write, as "sheet: what address". */
  log: string[] = [];
  active = "";

  addSheet(name: string, values: Record<string, CellValue> = {}, own = false): FakeSheet {
    const sheet: FakeSheet = {
      name,
      own,
      values: new Map(Object.entries(values)),
      formulas: new Map(),
      formats: new Map(),
      properties: {},
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
}

/** Each cell of a rectangle, A1, row by row. */
function eachCell(
  top: number,
  left: number,
  rows: number,
  cols: number,
  f: (at: string, r: number, c: number) => void
) {
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) f(a1(top + r, left + c), r, c);
}

function fakeRange(
  book: FakeBook,
  sheet: FakeSheet,
  top: number,
  left: number,
  rows: number,
  cols: number
) {
  const address = a1(top, left, top + rows - 1, left + cols - 1);
  const format = {
    font: {
      set bold(_: boolean) {
        book.log.push(`${sheet.name}: bold ${address}`);
      },
    },
    columnWidth: 48,
    autofitColumns: () => book.log.push(`${sheet.name}: autofit ${address}`),
    load: () => format,
  };
  return {
    format,
    load() {
      return this;
    },
    set values(v: CellValue[][]) {
      book.log.push(`${sheet.name}: values ${address}`);
      eachCell(top, left, rows, cols, (at, r, c) => sheet.values.set(at, v[r][c]));
    },
    set formulas(v: string[][]) {
      book.log.push(`${sheet.name}: formulas ${address}`);
      eachCell(top, left, rows, cols, (at, r, c) => sheet.formulas.set(at, v[r][c]));
    },
    set numberFormat(v: string[][]) {
      book.log.push(`${sheet.name}: numberFormat ${address}`);
      eachCell(top, left, rows, cols, (at) => sheet.formats.set(at, v[0][0]));
    },
    clear() {
      book.log.push(`${sheet.name}: clear`);
      sheet.values.clear();
      sheet.formulas.clear();
      sheet.formats.clear();
    },
    select() {
      book.active = sheet.name;
    },
  };
}

function fakeWorksheet(book: FakeBook, sheet: FakeSheet) {
  const ws = {
    name: sheet.name,
    load: () => ws,
    activate: () => (book.active = sheet.name),
    customProperties: {
      add(key: string, value: string) {
        book.log.push(`${sheet.name}: property ${key}`);
        if (key === OWN_SHEET_KEY) sheet.own = true;
        else sheet.properties[key] = value;
      },
      getItemOrNullObject(key: string) {
        const item = {
          isNullObject: key === OWN_SHEET_KEY ? !sheet.own : !(key in sheet.properties),
          value: sheet.properties[key],
          load: () => item,
        };
        return item;
      },
    },
    getRange(address?: string) {
      if (!address) return fakeRange(book, sheet, 0, 0, 1_048_576, 16_384);
      const whole = /^([A-Z]+):\1$/.exec(address);
      const r = parseA1(whole ? `${whole[1]}1` : address);
      return fakeRange(
        book,
        sheet,
        r.top,
        r.left,
        whole ? 1_048_576 : r.bottom - r.top + 1,
        r.right - r.left + 1
      );
    },
    getRangeByIndexes: (top: number, left: number, rows: number, cols: number) =>
      fakeRange(book, sheet, top, left, rows, cols),
    freezePanes: {
      unfreeze: () => book.log.push(`${sheet.name}: unfreeze`),
      freezeRows: () => book.log.push(`${sheet.name}: freeze`),
    },
    tables: { items: [] as unknown[], load() {} },
    charts: { items: [] as unknown[], load() {} },
  };
  return ws;
}

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
            return fakeWorksheet(book, book.addSheet(name));
          },
        },
        tables: {
          load() {
            mock.context.workbook.tables.items = [];
          },
        },
        names: {
          load() {
            mock.context.workbook.names.items = [];
          },
        },
      },
      sync: async () => undefined,
    },
    run: async (a: unknown, b?: unknown) =>
      ((b ?? a) as (ctx: unknown) => Promise<unknown>)(mock.context),
  });
  return mock;
}

let book: FakeBook;
beforeEach(() => {
  book = new FakeBook();
  (globalThis as { Excel?: unknown }).Excel = excelGlobal(book);
});
afterEach(() => {
  delete (globalThis as { Excel?: unknown }).Excel;
});

/** A user's sheets as they were, to compare after the command. */
const snapshot = (s: FakeSheet) => ({
  values: [...s.values],
  formulas: [...s.formulas],
  formats: [...s.formats],
  properties: { ...s.properties },
  own: s.own,
});

/** Every formula the example specs hold, by the sheet they land on. */
function expectedFormulas(staysSheetName: string): [string, SheetSpec][] {
  const at = { ...staysSheet().at, sheet: staysSheetName };
  return [
    [EXAMPLE_SHEETS.stays, staysSheet().spec],
    [EXAMPLE_SHEETS.worked, workedExamples().spec],
    [EXAMPLE_SHEETS.forecast, forecastSheet(at)],
    [EXAMPLE_SHEETS.projection, projectionSheet(at)],
  ];
}

describe("«Indsæt eksempler» in Excel (Office.js adapter)", () => {
  it("enters every formula with Range.formulas on the sheets it created, never as a value", async () => {
    const budget = book.addSheet("Budget", { A1: "Borger", A2: "=SUM(B1:B2)", B1: 1 });
    const before = snapshot(budget);
    const written = await insertExamples(new ExcelWorkbook());

    expect(Object.values(written).map((w) => w.name)).toEqual(Object.values(EXAMPLE_SHEETS));
    expect(book.sheets.map((s) => [s.name, s.own])).toEqual([
      ["Budget", false],
      ...Object.values(EXAMPLE_SHEETS).map((name) => [name, true]),
    ]);
    let count = 0;
    for (const [sheetName, spec] of expectedFormulas(EXAMPLE_SHEETS.stays)) {
      const sheet = book.sheet(sheetName);
      for (const cell of spec.cells ?? []) {
        if (cell.formula === undefined) continue;
        count++;
        expect([sheetName, cell.at, sheet.formulas.get(cell.at)]).toEqual([
          sheetName,
          cell.at,
          cell.formula,
        ]);
        // The cell's value write (if any) left it blank for the formula, not the formula's text.
        expect(["", undefined]).toContain(sheet.values.get(cell.at));
      }
      // No value written anywhere that Excel would read as a formula.
      const formulaLike = [...sheet.values].filter(
        ([, v]) => typeof v === "string" && /^[=+@]/.test(v)
      );
      expect([sheetName, formulaLike]).toEqual([sheetName, []]);
    }
    // The refund column; 17 worked formulas (days and refund of 5 cases, 3 amounts, 3 investment
    // functions, Excel's NPV) and 13 checks; the forecast; the projection.
    expect(count).toBe(1 + 17 + 13 + 1 + 1);
    expect(book.sheet(EXAMPLE_SHEETS.worked).formulas.get("B31")).toBe(
      "=DK.HOUSINGFIRSTNPV(10%,B25:B28,C25:C28)"
    );
    expect(book.sheet(EXAMPLE_SHEETS.worked).formulas.get("D31")).toBe("=ROUND(B31,2)=C31");
    // The user's sheet: not written, not changed.
    expect(book.log.filter((l) => l.startsWith("Budget:"))).toEqual([]);
    expect(snapshot(budget)).toEqual(before);
  });

  it("leaves a user's sheets named like the examples alone: the examples go to «Name (2)», formulas name the stays as written", async () => {
    const userStays = book.addSheet(EXAMPLE_SHEETS.stays, { A1: "mine" });
    const userWorked = book.addSheet(EXAMPLE_SHEETS.worked, { B2: 42 });
    const before = [snapshot(userStays), snapshot(userWorked)];
    const excel = new ExcelWorkbook();
    expect(replacedByExamples(await excel.listSheets())).toEqual([]);
    const written = await insertExamples(excel);

    expect(written.stays).toMatchObject({ name: `${EXAMPLE_SHEETS.stays} (2)`, renamed: true });
    expect(written.worked).toMatchObject({ name: `${EXAMPLE_SHEETS.worked} (2)`, renamed: true });
    expect([snapshot(userStays), snapshot(userWorked)]).toEqual(before);
    const userWrites = book.log.filter(
      (l) => l.startsWith(`${EXAMPLE_SHEETS.stays}:`) || l.startsWith(`${EXAMPLE_SHEETS.worked}:`)
    );
    expect(userWrites).toEqual([]);
    for (const [sheetName, spec] of expectedFormulas(written.stays.name).slice(2)) {
      const formula = spec.cells!.find((c) => c.formula)!.formula!;
      expect(formula).toContain(`'${EXAMPLE_SHEETS.stays} (2)'!A4:A803`);
      expect(book.sheet(sheetName).formulas.get(spec.cells!.find((c) => c.formula)!.at)).toBe(
        formula
      );
    }
  });

  it("a second run replaces its own sheets only, and the pane is told which before it asks", async () => {
    book.addSheet("Budget", { A1: "x" });
    const excel = new ExcelWorkbook();
    await insertExamples(excel);
    expect(replacedByExamples(await excel.listSheets())).toEqual(Object.values(EXAMPLE_SHEETS));
    book.log = [];
    await insertExamples(excel);
    expect(book.sheets.map((s) => s.name)).toEqual(["Budget", ...Object.values(EXAMPLE_SHEETS)]);
    const cleared = book.log.filter((l) => l.endsWith(": clear")).map((l) => l.split(":")[0]);
    expect(cleared).toEqual(Object.values(EXAMPLE_SHEETS));
    expect(book.log.filter((l) => l.startsWith("Budget:"))).toEqual([]);
  });
});
