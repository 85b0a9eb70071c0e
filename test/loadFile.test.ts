/**
 * Loading the user's own file into the demo workbook (readFile.ts, as the page's worker runs it):
 * CSV as Danish systems and Danish Excel write it (encodings, separators, Danish numbers and
 * dates), .xlsx through exceljs (dates, merged titles, tables and their totals rows), and big,
 * broken and hostile files refused with a Danish message, the big ones generated here.
 */
import { describe, expect, it } from "@jest/globals";
import ExcelJS from "exceljs";
import { zipSync, strToU8 } from "fflate";
import { deflateRawSync } from "node:zlib";
import { d } from "../src/engine/calendar";
import {
  LOAD_LIMITS,
  LoadError,
  addLoadedSheets,
  sheetRows,
  type LoadNote,
  type LoadedSheet,
  type ReadResult,
} from "../src/files/loadedFile";
import { MemoryWorkbook } from "../src/demo/memoryWorkbook";
import { FILE_HANDLERS, type FileJobs } from "../src/files/fileJobs";
import { readCsv, readFile } from "../src/files/readFile";
import { inThread } from "../src/worker/client";
import { sampleWorkbook, SAMPLE_SHEET_NAME } from "../src/demo/sampleData";
import { refusion110 } from "../src/functions/functions";
import { findStays } from "../src/sheets/forecast/forecastRun";
import { validateRows } from "../src/sheets/stays/columns";
import { gigabyteBomb, zipOf } from "./zipFiles";

const utf8 = (text: string) => new TextEncoder().encode(text);
/** A read sheet's rows as the grid shows them, a blank cell as "". */
const grid = (sheet: LoadedSheet) => sheetRows(sheet).map((row) => Array.from(row, (v) => v ?? ""));
const buffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/** Windows-1252 bytes of Latin-1 text (Danish letters are the same code points there). */
const cp1252 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
/** UTF-16 LE with a byte-order mark, as Excel's "Unicode-tekst". */
function utf16le(text: string): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
    out[3 + 2 * i] = text.charCodeAt(i) >> 8;
  }
  return out;
}

async function load(
  name: string,
  bytes: Uint8Array | ArrayBuffer
): Promise<{
  workbook: MemoryWorkbook;
  result: ReadResult;
  names: string[];
}> {
  const workbook = new MemoryWorkbook();
  const result = await readFile(name, bytes instanceof Uint8Array ? buffer(bytes) : bytes);
  return { workbook, result, names: addLoadedSheets(workbook, result) };
}

async function refused(name: string, bytes: Uint8Array | ArrayBuffer): Promise<LoadError> {
  try {
    await readFile(name, bytes instanceof Uint8Array ? buffer(bytes) : bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(LoadError);
    return error as LoadError;
  }
  throw new Error("expected the file to be refused");
}

/** The stays of a loaded workbook, as the pane finds and validates them. */
async function staysOf(workbook: MemoryWorkbook) {
  const found = (await findStays(workbook))!;
  return validateRows(found, found.mapping);
}

describe("encodings: Danish letters survive, and nothing turns into � silently", () => {
  // Two citizens whose names differ in one letter. Merged into one (as «Bj�rn �s») the second
  // stay would get 20 of the 120 days: 10 000 kr. instead of 50 000 kr.
  const CSV =
    "Borger;Indskrivning;Udskrivning;Takst\r\nBjørn Ås;01-01-2025;11-04-2025;1000\r\nBjærn Ås;01-05-2025;09-08-2025;1000\r\n";

  async function refunds(bytes: Uint8Array, name = "ophold.csv") {
    const { workbook, result } = await load(name, bytes);
    const report = await staysOf(workbook);
    expect(report.stays.map((s) => s.citizen)).toEqual(["Bjørn Ås", "Bjærn Ås"]);
    const col = (f: "citizen" | "admission" | "discharge" | "dailyRate") =>
      report.stays.map((s) => [s[f]]);
    return {
      notes: result.notes,
      refunds: refusion110(col("citizen"), col("admission"), col("discharge"), col("dailyRate")),
    };
  }

  it("Windows-1252 (Danish Excel's «CSV (semikolonsepareret)»): two citizens, 50 000 kr. each", async () => {
    const { notes, refunds: out } = await refunds(cp1252(CSV));
    expect(out).toEqual([[50_000], [50_000]]);
    expect(notes.map((n) => n.da)).toContainEqual(expect.stringMatching(/Windows-1252/));
    // The merge the wrong decoding made would have cost the second stay 40 000 kr.
    expect(
      refusion110(
        [["X"], ["X"]],
        [[d("2025-01-01")], [d("2025-05-01")]],
        [[d("2025-04-11")], [d("2025-08-09")]],
        1000
      )
    ).toEqual([[50_000], [10_000]]);
  });

  it("UTF-16 with a byte-order mark and tabs (Danish Excel's «Unicode-tekst»)", async () => {
    const { notes, refunds: out } = await refunds(utf16le(CSV.replace(/;/g, "\t")), "ophold.txt");
    expect(out).toEqual([[50_000], [50_000]]);
    expect(notes.map((n) => n.da)).toContainEqual(expect.stringMatching(/UTF-16/));
    expect(notes.map((n) => n.da)).toContainEqual(expect.stringMatching(/tabulator/));
  });

  it("UTF-8 with and without a byte-order mark, and the note names UTF-8 too", async () => {
    const marked = await refunds(utf8(`\uFEFF${CSV}`));
    const plain = await refunds(utf8(CSV));
    expect(marked.refunds).toEqual([[50_000], [50_000]]);
    expect(plain.refunds).toEqual([[50_000], [50_000]]);
    expect(marked.notes).toContainEqual({
      da: "Filen er læst som UTF-8, som dens byte-order mark siger.",
      en: "The file was read as UTF-8, as its byte-order mark says.",
    });
    expect(plain.notes).toContainEqual({
      da: "Filen er læst som UTF-8.",
      en: "The file was read as UTF-8.",
    });
  });

  it("a file marked UTF-8 that breaks it is refused, not decoded with �", async () => {
    const bad = Uint8Array.from([0xef, 0xbb, 0xbf, ...cp1252("Borger;Takst\nBjørn;1000\n")]);
    expect((await refused("ophold.csv", bad)).da).toMatch(/markeret som UTF-8, men indeholder/);
  });

  it("a � already in the file is reported with its line", async () => {
    const { result } = await load("ophold.csv", utf8("Borger;Takst\nA;1\nBj\uFFFDrn;2\n"));
    expect(result.notes).toContainEqual(
      expect.objectContaining({ warning: true, da: expect.stringMatching(/linje 3/) })
    );
  });
});

describe("separators and quotes (papaparse)", () => {
  it('";" with Danish numbers, quoted fields holding ";", quotes and a line break', () => {
    const text =
      'Borger;Indskrivning;Udskrivning;Takst;Note\r\nA;01-05-2026;01-06-2026;1.234,50;"a; b"\r\nB;2026-05-03;;1200;"sagde ""hej""\nog gik"\r\n';
    expect(grid(readCsv(text, "ophold"))).toEqual([
      ["Borger", "Indskrivning", "Udskrivning", "Takst", "Note"],
      ["A", "01-05-2026", "01-06-2026", 1234.5, "a; b"],
      ["B", "2026-05-03", "", 1200, 'sagde "hej"\nog gik'],
    ]);
  });

  it('"," with decimal points; an id with leading zeros stays text, quoted or not', () => {
    expect(grid(readCsv('Citizen,Rate,Id,Other\nA,1234.5,"007",007\n', "x"))).toEqual([
      ["Citizen", "Rate", "Id", "Other"],
      ["A", 1234.5, "007", "007"],
    ]);
  });

  it("an unclosed quote is a warning with its row", () => {
    const notes: LoadNote[] = [];
    readCsv('Borger;Note\nA;"åben\nB;x\n', "x", notes);
    expect(notes).toContainEqual(expect.objectContaining({ da: expect.stringMatching(/række 2/) }));
  });
});

describe("Danish numbers and dates as municipal files have them", () => {
  it('quoted "1.200,00", 1 200,00 and "1.200,00 kr." are amounts; an all-quoted file loads as numbers', async () => {
    const csv =
      '"Borger";"Indskrivning";"Udskrivning";"Takst";"Egenbetaling"\n' +
      '"A";"01-05-2026";"01-06-2026";"1.200,00";"0"\n' +
      '"B";"01-05-2026";"01-06-2026";"1 200,00";"100,50"\n' +
      '"C";"01-05-2026";"01-06-2026";"1.200,00 kr.";""\n';
    const { workbook } = await load("ophold.csv", utf8(csv));
    const values = workbook.getSheet("ophold")!.values;
    expect(values.slice(1).map((r) => r[3])).toEqual([1200, 1200, 1200]);
    expect(values[2][4]).toBe(100.5);
    const report = await staysOf(workbook);
    expect(report.ok).toBe(3);
  });

  it("«1. maj 2026» and «01-05-26» are dates; «01-05-30» and «1.200» are clear errors in their row", async () => {
    const csv =
      "Borger;Indskrivning;Udskrivning;Takst\n" +
      "A;1. maj 2026;01-06-26;1000\n" +
      "B;01-05-30;;1000\n" +
      "C;01-05-2026;01-06-2026;1.200\n";
    const { workbook } = await load("ophold.csv", utf8(csv));
    const report = await staysOf(workbook);
    expect(report.stays[0]).toMatchObject({
      admission: d("2026-05-01"),
      discharge: d("2026-06-01"),
    });
    expect(report.bad.map((b) => [b.sheetRow, b.error.message])).toEqual([
      [3, expect.stringMatching(/«01-05-30» er ikke en sikker dato: årstallet har kun to cifre/)],
      [4, expect.stringMatching(/Takst: «1.200» kan læses på to måder/)],
    ]);
  });
});

describe(".xlsx through exceljs", () => {
  async function xlsx(build: (book: ExcelJS.Workbook) => void): Promise<Uint8Array> {
    const book = new ExcelJS.Workbook();
    build(book);
    return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
  }

  const budget = () =>
    xlsx((book) => {
      const ws = book.addWorksheet(SAMPLE_SHEET_NAME);
      ws.getCell("A1").value = { richText: [{ text: "Budget " }, { text: "2026" }] };
      ws.mergeCells("A1:F1");
      ws.addTable({
        name: "Ophold",
        ref: "B3",
        headerRow: true,
        totalsRow: true,
        columns: [
          { name: "CPR", totalsRowLabel: "I alt" },
          { name: "Indskrevet" },
          { name: "Udskrevet" },
          { name: "Døgntakst", totalsRowFunction: "sum" },
        ],
        rows: [
          ["010190-1234", new Date(Date.UTC(2026, 4, 1)), new Date(Date.UTC(2026, 5, 1)), 1500],
          ["020285-4321", new Date(Date.UTC(2026, 4, 10)), null, 1500],
        ],
      });
      ws.getColumn(3).numFmt = "dd-mm-yyyy";
      ws.getCell("H3").value = { formula: "E4*2", result: 3000 };
    });

  it("dates are dates (a serial shown as a date), a merged title is one cell, formulas give their results", async () => {
    const { workbook, names } = await load("budget.xlsx", await budget());
    expect(names).toEqual([SAMPLE_SHEET_NAME]);
    const sheet = SAMPLE_SHEET_NAME;
    expect(workbook.getSheet(sheet)!.values[0]).toEqual(["Budget 2026"]);
    expect(workbook.cell(sheet, 3, 2)).toBe(d("2026-05-01"));
    expect(workbook.numberFormat(sheet, 3, 2)).toBe("dd-mm-yyyy");
    expect(workbook.numberFormat(sheet, 4, 3)).toBe(null); // blank discharge: no date
    expect(workbook.cell(sheet, 2, 7)).toBe(3000);
  });

  it("the note names the Excel file's encoding: UTF-8", async () => {
    const { result } = await load("budget.xlsx", await budget());
    expect(result.notes.map((n) => n.en)).toContain(
      "The Excel file's text was read as UTF-8 (Unicode), as .xlsx stores it."
    );
  });

  it("a table's totals row is left out of the table with a note, and the stays validate without it", async () => {
    const { workbook, result } = await load("budget.xlsx", await budget());
    expect(await workbook.listTables()).toEqual([
      { name: "Ophold", sheet: SAMPLE_SHEET_NAME, address: "B3:E5", rowCount: 2 },
    ]);
    expect(result.notes.map((n) => n.da)).toContainEqual(
      expect.stringMatching(/Tabellen «Ophold» .* har en totalrække \(række 6\); den er udeladt/)
    );
    const report = await staysOf(workbook);
    expect(report.ok).toBe(2);
    expect(report.bad).toEqual([]);
    expect(report.cprLike).toBe(true);
  });

  it("a sheet name already in the workbook is never replaced: the file's sheet becomes '(2)'", async () => {
    const workbook = sampleWorkbook({ rows: 50 });
    const before = JSON.stringify(workbook.getSheet(SAMPLE_SHEET_NAME)!.values);
    const result = await readFile("budget.xlsx", buffer(await budget()));
    expect(addLoadedSheets(workbook, result)).toEqual([`${SAMPLE_SHEET_NAME} (2)`]);
    expect(JSON.stringify(workbook.getSheet(SAMPLE_SHEET_NAME)!.values)).toBe(before);
  });

  it("a workbook with empty sheets only is refused: no usable sheet", async () => {
    const empty = await xlsx((book) => {
      book.addWorksheet("Ark1");
      book.addWorksheet("Ark2");
    });
    expect((await refused("tom.xlsx", empty)).da).toBe(
      "Filen har ingen ark med data: alle ark er tomme."
    );
  });
});

describe("big and broken files: refused before they cost memory, with a Danish message", () => {
  it("a 1 MB file that unpacks to 1 GB is refused in well under a second", async () => {
    const bomb = gigabyteBomb();
    expect(bomb.length).toBeLessThan(1_200_000);
    const t0 = performance.now();
    const error = await refused("bombe.xlsx", bomb);
    expect(performance.now() - t0).toBeLessThan(300);
    expect(error.da).toMatch(/fylder 1\.074 MB, når den pakkes ud; demoen læser højst 250 MB/);
  });

  it("a size stated in the Zip64 fields is read too: 1 TB is refused", async () => {
    const big = zipOf("xl/worksheets/sheet1.xml", new Uint8Array(0), {
      declaredSize: 2 ** 40,
      deflated: deflateRawSync(Buffer.alloc(0)),
      zip64: true,
    });
    expect((await refused("tb.xlsx", big)).da).toMatch(/fylder 1\.099\.512 MB, når den pakkes ud/);
  });

  it("a part that unpacks to more than the directory states is refused while unpacking", async () => {
    const xml = utf8(`<worksheet>${"<x/>".repeat(2_000_000)}</worksheet>`);
    const lying = zipOf("xl/worksheets/sheet1.xml", xml, {
      declaredSize: 1000,
      deflated: deflateRawSync(xml),
    });
    expect((await refused("løgn.xlsx", lying)).da).toMatch(
      /fylder mere, når den pakkes ud, end filen selv oplyser/
    );
  });

  it("a sheet of over 200 000 rows is refused from its row count, before the parser builds it", async () => {
    const rows = Array.from(
      { length: LOAD_LIMITS.rows + 1 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`
    ).join("");
    const zip = zipSync({
      "xl/worksheets/sheet1.xml": strToU8(`<worksheet><sheetData>${rows}</sheetData></worksheet>`),
    });
    const t0 = performance.now();
    expect((await refused("stor.xlsx", zip)).da).toMatch(/har over 200\.000 rækker/);
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it("a CSV of 1 000 000 separators is refused at once: more columns than Excel has", async () => {
    const t0 = performance.now();
    const error = await refused("semikolon.csv", utf8(";".repeat(1_000_000)));
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(error.da).toMatch(
      /1\.000\.001 kolonner; demoen læser højst 16\.384 \(Excels egen grænse\)/
    );
  });

  it("a CSV of more rows than the limit is refused with the limit", async () => {
    const csv = `Borger;Takst\n${"A;1\n".repeat(LOAD_LIMITS.rows)}`;
    expect((await refused("mange.csv", utf8(csv))).da).toMatch(/over 200\.000 rækker/);
  });

  it("a file over 50 MB is refused before it is read", async () => {
    const error = await refused("stor.csv", new ArrayBuffer(LOAD_LIMITS.fileBytes + 1));
    expect(error.da).toMatch(/demoen læser filer op til 50 MB/);
  });

  it.each([
    [
      "a truncated .xlsx",
      "budget.xlsx",
      async () => (await budgetBytes()).subarray(0, 3000),
      /beskadiget eller ikke hentet helt/,
    ],
    ["a PDF named .csv", "ophold.csv", async () => utf8("%PDF-1.7\n..."), /er en PDF/],
    [
      "an old .xls",
      "ophold.xls",
      async () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      /ældre Excel-fil \(\.xls\)/,
    ],
    [
      "a text file named .xlsx",
      "ophold.xlsx",
      async () => utf8("Borger;Takst\nA;1\n"),
      /hedder \.xlsx, men er ikke en Excel-fil/,
    ],
    [
      "binary data",
      "data.csv",
      async () => Uint8Array.from({ length: 500 }, (_, i) => (i * 37) % 256),
      /hverken tekst \(CSV\) eller en Excel-fil/,
    ],
    ["an empty file", "tom.csv", async () => new Uint8Array(0), /Filen er tom/],
    ["a CSV of blank lines", "tom.csv", async () => utf8("\n\n\n"), /ingen ark med data/],
  ])("%s gets a Danish message", async (_, name, bytes, message) => {
    expect((await refused(name, await bytes())).da).toMatch(message);
  });

  it("an .xlsx renamed .csv is read as the Excel file it is, with a note", async () => {
    const { names, result } = await load("ophold.csv", await budgetBytes());
    expect(names).toEqual([SAMPLE_SHEET_NAME]);
    expect(result.notes.map((n) => n.da)).toContainEqual(expect.stringMatching(/er en Excel-fil/));
  });

  it("reading reports its phases", async () => {
    const phases: string[] = [];
    await readFile("budget.xlsx", buffer(await budgetBytes()), {
      onProgress: (p) => phases.push(p.phase),
    });
    expect([...new Set(phases)]).toEqual(["check", "unpack", "parse", "sheets"]);
  });
});

async function budgetBytes(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(SAMPLE_SHEET_NAME);
  ws.addRow(["Borger", "Indskrivning", "Udskrivning", "Takst"]);
  for (let i = 0; i < 200; i++)
    ws.addRow([`B${i}`, d("2026-01-01") + i, d("2026-02-01") + i, 1000]);
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("the file worker's job", () => {
  const run = (name: string, content: string) =>
    inThread<FileJobs>(FILE_HANDLERS).run("read", { file: new File([content], name) });

  it("answers with the sheets, or with a refusal's Danish and English message", async () => {
    const read = await run("ophold.csv", "Borger;Takst\nA;1.200,50\n");
    expect(read).toMatchObject({ ok: true, result: { sheets: [{ name: "ophold" }] } });
    if (read.ok) expect(grid(read.result.sheets[0])[1]).toEqual(["A", 1200.5]);
    expect(await run("tom.csv", "")).toEqual({
      ok: false,
      da: "Filen er tom.",
      en: "The file is empty.",
    });
  });
});
