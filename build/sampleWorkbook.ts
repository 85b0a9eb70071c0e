/**
 * dist/eksempel-refusion.xlsx: a workbook for real Excel with the add-in installed. The demo
 * municipality's budget sheet of stays with a refund column, the refund forecast as a formula,
 * and the worked examples of docs/rules.md, each a formula beside the number it must give.
 *
 * Formulas are written as a user types them (`DK.REFUSION110(...)`, with the file format's
 * commas); results that spill are written as array formulas over exactly the cells the result
 * covers (exceljs writes no dynamic-array metadata), and every formula carries the value our
 * functions compute for it, so the sheet shows numbers before the add-in has loaded and Excel
 * recomputes them once it has.
 */
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { d } from "../src/engine/calendar";
import { sampleBudgetSheet } from "../src/demo/sampleData";
import { EXCEL_FUNCTIONS, type FunctionId } from "../src/functions/registry";
import { PRODUCTION_NAMESPACE } from "../src/functions/namespace";
import { isErrorValue } from "../src/functions/runtime";
import { a1, parseA1 } from "../src/workbook/workbook";

export const SAMPLE_WORKBOOK_FILE = "eksempel-refusion.xlsx";

type Cached = number | string | boolean | null | { error: ExcelJS.ValueType.Error | string };

function cached(value: unknown): Cached {
  if (isErrorValue(value)) return { error: value.code };
  if (value === "" || value === undefined) return null;
  return value as Cached;
}

/** The block a function returns, as cached cell values (a scalar result is one cell). */
function resultBlock(id: FunctionId, args: unknown[]): Cached[][] {
  const fn = EXCEL_FUNCTIONS[id] as (...a: unknown[]) => unknown;
  const result = fn(...args);
  return Array.isArray(result)
    ? (result as unknown[][]).map((row) => row.map(cached))
    : [[cached(result)]];
}

/** The values of a range of `sheet` as Excel passes them to a function (2-D, blank = null). */
function rangeValues(sheet: ExcelJS.Worksheet, range: string): unknown[][] {
  const { top, left, bottom, right } = parseA1(range);
  const rows: unknown[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row: unknown[] = [];
    for (let c = left; c <= right; c++) row.push(sheet.getCell(r + 1, c + 1).value ?? null);
    rows.push(row);
  }
  return rows;
}

type Arg = { range: string; sheet?: ExcelJS.Worksheet } | { text: string; value: unknown };

const quoteSheet = (name: string) => (/^\w+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

/**
 * Writes `=DK.id(args)` at `at` with its computed result: a scalar formula when the result is
 * one cell, an array formula over the result's block otherwise. Returns the block.
 */
function writeFormula(
  sheet: ExcelJS.Worksheet,
  at: string,
  id: FunctionId,
  args: Arg[]
): Cached[][] {
  const text = `DK.${id}(${args
    .map((a) =>
      "text" in a
        ? a.text
        : a.sheet && a.sheet !== sheet
          ? `${quoteSheet(a.sheet.name)}!${a.range}`
          : a.range
    )
    .join(",")})`;
  const block = resultBlock(
    id,
    args.map((a) => ("text" in a ? a.value : rangeValues(a.sheet ?? sheet, a.range)))
  );
  if (block.length === 1 && block[0].length === 1) {
    sheet.getCell(at).value = { formula: text, result: block[0][0] } as ExcelJS.CellFormulaValue;
  } else {
    const { top, left } = parseA1(at);
    const range = a1(top, left, top + block.length - 1, left + block[0].length - 1);
    // exceljs's types omit fillFormula's fourth argument, the share type.
    (sheet.fillFormula as (range: string, f: string, r: unknown, type: string) => void)(
      range,
      text,
      block,
      "array"
    );
  }
  return block;
}

const DATE = "dd-mm-yyyy";
const KR = "#,##0.00";

function budgetSheet(book: ExcelJS.Workbook): { sheet: ExcelJS.Worksheet; rows: string } {
  const sample = sampleBudgetSheet();
  const sheet = book.addWorksheet(sample.name);
  sample.values.forEach((row, r) => {
    row.forEach((value, c) => {
      if (value !== "" && value !== null) sheet.getCell(r + 1, c + 1).value = value as never;
    });
  });
  const header = sample.headerRow + 1;
  const first = header + 1;
  const last = sample.values.length;
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(header).font = { bold: true };
  for (const col of ["C", "D"]) sheet.getColumn(col).numFmt = DATE;
  for (const col of ["E", "F", "H"]) sheet.getColumn(col).numFmt = KR;
  sheet.getCell(header, 8).value = "Refusion 2026 (DK.REFUSION110)";
  sheet.getCell("H2").value =
    "Kolonne H: refusionen for 2026 af hvert ophold; de to rækker med tastefejl giver #VALUE! med en forklaring.";
  const col = (c: string) => ({ range: `${c}${first}:${c}${last}` });
  writeFormula(sheet, `H${first}`, "REFUSION110", [
    col("A"),
    col("C"),
    col("D"),
    col("E"),
    col("F"),
    { text: '"2026-01-01"', value: "2026-01-01" },
    { text: '"2026-12-31"', value: "2026-12-31" },
  ]);
  sheet.getColumn("A").width = 11;
  sheet.getColumn("B").width = 28;
  for (const c of ["C", "D", "E", "F"]) sheet.getColumn(c).width = 14;
  sheet.getColumn("G").width = 30;
  sheet.getColumn("H").width = 30;
  return { sheet, rows: `${first}:${last}` };
}

function forecastSheet(book: ExcelJS.Workbook, budget: ExcelJS.Worksheet, rows: string): void {
  const sheet = book.addWorksheet("Prognose");
  sheet.getCell("A1").value = "Refusionsprognose pr. år for opholdene i arket Budget 2026";
  sheet.getCell("A1").font = { bold: true };
  const [first, last] = rows.split(":");
  const col = (c: string) => ({ range: `${c}${first}:${c}${last}`, sheet: budget });
  const block = writeFormula(sheet, "A3", "REFUSIONPROGNOSE", [
    col("A"),
    col("C"),
    col("D"),
    col("E"),
    col("F"),
  ]);
  sheet.getRow(3).font = { bold: true };
  for (let c = 2; c <= block[0].length; c++) sheet.getColumn(c).numFmt = "#,##0";
  sheet.getColumn(1).width = 30;
  for (let c = 2; c <= block[0].length; c++) sheet.getColumn(c).width = 16;
}

/** SPEC section 3 and the functions' documented examples, each beside the number it must give. */
function examplesSheet(book: ExcelJS.Workbook): void {
  const sheet = book.addWorksheet("Eksempler");
  const title = (at: string, text: string) => {
    sheet.getCell(at).value = text;
    sheet.getCell(at).font = { bold: true };
  };
  const headers = (row: number, texts: string[]) => {
    texts.forEach((t, i) => (sheet.getCell(row, i + 1).value = t));
    sheet.getRow(row).font = { bold: true };
  };
  const date = (at: string, iso: string) => {
    sheet.getCell(at).value = d(iso);
    sheet.getCell(at).numFmt = DATE;
  };

  title("A1", "Regneeksempler: takst 1 000 kr. pr. døgn, ingen egenbetaling, regelsæt NY");
  headers(3, [
    "Tilfælde",
    "Borger",
    "Indskrivning",
    "Udskrivning",
    "Takst",
    "Refusionsdøgn",
    "Forventet",
    "Refusion (kr.)",
  ]);
  const cases: [string, [string, string][], number[]][] = [
    ["Et langt ophold i indfasningen", [["2024-01-01", "2024-12-31"]], [120]],
    ["Et år under 90-dagesreglen", [["2026-05-01", "2027-05-01"]], [90]],
    [
      "Genindskrivning i vinduet",
      [
        ["2026-06-01", "2026-08-30"],
        ["2026-09-19", "2026-09-29"],
      ],
      [90, 0],
    ],
    ["Vinduet starter forfra under et ophold", [["2026-05-01", "2027-08-01"]], [180]],
    ["Ophold samme dag", [["2026-05-01", "2026-05-01"]], [1]],
  ];
  let row = 4;
  for (const [name, stays, expected] of cases) {
    const top = row;
    stays.forEach(([admission, discharge], i) => {
      sheet.getCell(row, 1).value = i === 0 ? name : null;
      sheet.getCell(row, 2).value = "A";
      date(`C${row}`, admission);
      date(`D${row}`, discharge);
      sheet.getCell(row, 5).value = 1000;
      sheet.getCell(row, 7).value = expected[i];
      row++;
    });
    const r = (c: string) => ({
      range: top === row - 1 ? `${c}${top}` : `${c}${top}:${c}${row - 1}`,
    });
    writeFormula(sheet, `F${top}`, "REFUSIONDAYS110", [r("B"), r("C"), r("D")]);
    writeFormula(sheet, `H${top}`, "REFUSION110", [r("B"), r("C"), r("D"), r("E")]);
  }

  row += 1;
  title(
    `A${row}`,
    "Egenbetaling: takst 1 200 kr., egenbetaling 200 kr. pr. døgn, 31 refusionsdøgn"
  );
  headers(row + 1, [
    "",
    "Borger",
    "Indskrivning",
    "Udskrivning",
    "Takst",
    "Egenbetaling",
    "Forventet",
    "Refusion (kr.)",
  ]);
  row += 2;
  sheet.getCell(row, 2).value = "A";
  date(`C${row}`, "2026-05-01");
  date(`D${row}`, "2026-06-01");
  sheet.getCell(row, 5).value = 1200;
  sheet.getCell(row, 6).value = 200;
  sheet.getCell(row, 7).value = 15500;
  const one = (c: string) => ({ range: `${c}${row}` });
  writeFormula(sheet, `H${row}`, "REFUSION110", [one("B"), one("C"), one("D"), one("E"), one("F")]);

  row += 2;
  title(`A${row}`, "§ 85 a bostøtte: 73 000 kr. om året, 730 dage i vinduet på 2 år");
  headers(row + 1, [
    "",
    "Første udskrivning",
    "Støttestart",
    "Støtteslut",
    "Årlig udgift",
    "",
    "Forventet",
    "Refusion (kr.)",
  ]);
  row += 2;
  date(`B${row}`, "2026-01-15");
  date(`C${row}`, "2026-01-15");
  date(`D${row}`, "2028-06-30");
  sheet.getCell(row, 5).value = 73000;
  sheet.getCell(row, 7).value = 73000;
  writeFormula(sheet, `H${row}`, "REFUSION85A", [one("B"), one("C"), one("D"), one("E")]);

  row += 2;
  title(`A${row}`, "Housing First som investering: Excels eget NPV-eksempel, rente 10 %");
  headers(row + 1, ["År", "Udgifter", "Besparelser"]);
  const years = [
    [1, 10000, 0],
    [2, 0, 3000],
    [3, 0, 4200],
    [4, 0, 6800],
  ];
  const firstYear = row + 2;
  years.forEach((y, i) => y.forEach((v, c) => (sheet.getCell(firstYear + i, c + 1).value = v)));
  const lastYear = firstYear + years.length - 1;
  const costs = { range: `B${firstYear}:B${lastYear}` };
  const savings = { range: `C${firstYear}:C${lastYear}` };
  const rate = { text: "10%", value: 0.1 };
  row = lastYear + 2;
  headers(row, ["Funktion", "Resultat", "Forventet"]);
  const investment: [FunctionId, number | string][] = [
    ["HOUSINGFIRSTNPV", 1188.44],
    ["HOUSINGFIRSTRATIO", "1,1307 (10 279,35 / 9 090,91)"],
    ["HOUSINGFIRSTBREAKEVEN", 4],
  ];
  for (const [id, expected] of investment) {
    row++;
    sheet.getCell(row, 1).value = `DK.${id}`;
    writeFormula(sheet, `B${row}`, id, [rate, costs, savings]);
    sheet.getCell(row, 3).value = expected;
  }
  row++;
  sheet.getCell(row, 1).value = "Excels NPV til sammenligning";
  sheet.getCell(row, 2).value = {
    formula: "NPV(10%,-10000,3000,4200,6800)",
    result: 1188.4434123352216,
  } as ExcelJS.CellFormulaValue;
  sheet.getCell(row, 3).value = 1188.44;

  sheet.getColumn(1).width = 40;
  for (const c of [2, 3, 4, 5, 6, 7, 8]) sheet.getColumn(c).width = 16;
  sheet.getColumn(8).numFmt = KR;
}

/**
 * The .xlsx with every formula and label written with DK. moved to `namespace` (the test
 * environment's, build/environment.ts), so a pilot's sample workbook calls the pilot's functions.
 * Done on the file's sheet XML, where the text is exactly what Excel reads.
 */
function renameNamespace(xlsx: Uint8Array, namespace: string): Uint8Array {
  const files = unzipSync(xlsx);
  for (const name of Object.keys(files))
    if (/^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(name))
      files[name] = strToU8(strFromU8(files[name]).replace(/\bDK\./g, `${namespace}.`));
  return zipSync(files);
}

/** The workbook as .xlsx bytes, its formulas under `namespace`. */
export async function sampleWorkbookBytes(namespace = PRODUCTION_NAMESPACE): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = "Refusion og Housing First";
  const budget = budgetSheet(book);
  forecastSheet(book, budget.sheet, budget.rows);
  examplesSheet(book);
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  return Buffer.from(
    namespace === PRODUCTION_NAMESPACE ? bytes : renameNamespace(bytes, namespace)
  );
}
