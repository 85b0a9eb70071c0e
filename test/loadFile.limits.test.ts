/**
 * Files within the old limits that crashed or froze the demo (issue 25), each built here: the
 * reader is bounded by what it keeps, not by what it reads. Sparse rows stay sparse; the .xlsx
 * parts are read as XML before exceljs builds anything (whitespace after `<row`, a 100 MB
 * shared text, a name over 17 billion cells); a cell holds at most Excel's 32 767 characters; a
 * file has at most 1 000 zip parts; a NUL is refused wherever it is. Every refusal names the
 * part or cell and says why in Danish and English. (The times are in `npm run bench`; the
 * page's main thread in test/browser/loadFile.test.ts.)
 */
import { describe, expect, it } from "@jest/globals";
import { strToU8 } from "fflate";
import { LOAD_LIMITS, LoadError, addLoadedSheets, sheetRows } from "../src/files/loadedFile";
import type { LoadedSheet, ReadResult } from "../src/files/loadedFile";
import { MemoryWorkbook } from "../src/demo/memoryWorkbook";
import { readFile } from "../src/files/readFile";
import { XmlPartScan, namedCells } from "../src/files/xlsxParts";
import { xlsxOf } from "./zipFiles";

const buffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
const utf8 = (text: string) => new TextEncoder().encode(text);

const read = (name: string, bytes: Uint8Array): Promise<ReadResult> =>
  readFile(name, buffer(bytes));

async function refused(name: string, bytes: Uint8Array): Promise<LoadError> {
  try {
    await read(name, bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(LoadError);
    return error as LoadError;
  }
  throw new Error("expected the file to be refused");
}

/** Rows of the sheet XML, one string each. */
const rowsXml = (count: number, row: (r: number) => string) =>
  Array.from({ length: count }, (_, i) => row(i + 1)).join("");

const only = (result: ReadResult): LoadedSheet => {
  expect(result.sheets).toHaveLength(1);
  return result.sheets[0];
};

describe("sparse rows are kept sparse: what a sheet costs is its filled cells", () => {
  it("200 000 rows of one cell in column XFD (1 MB) are 200 000 cells, and the pane reads one column", async () => {
    const file = xlsxOf({
      sheet: `<sheetData>${rowsXml(200_000, (r) => `<row r="${r}"><c r="XFD${r}"><v>${r}</v></c></row>`)}</sheetData>`,
    });
    expect(file.length).toBeLessThan(1_500_000);
    const sheet = only(await read("xfd.xlsx", file));
    // Before: every row padded to its 16 384th column, Node out of memory at 4 GB.
    expect(sheet.cells.values).toHaveLength(200_000);
    expect(new Set(sheet.cells.cols)).toEqual(new Set([16_383]));
    expect(sheet.cells.values.slice(0, 3)).toEqual([1, 2, 3]);

    const workbook = new MemoryWorkbook();
    addLoadedSheets(workbook, { sheets: [sheet], notes: [] });
    const block = await workbook.readUsedRange("Ark1");
    expect([block.top, block.left, block.values.length, block.values[0].length]).toEqual([
      0, 16_383, 200_000, 1,
    ]);
    expect(block.values[199_999]).toEqual([200_000]);
  });

  it("a sparse row in the workbook holds its cells, not its width: 200 000 rows of one cell in column ALM cost tens of MB, not gigabytes", () => {
    // The worst case of V8's arrays: a cell 1 000 columns in is within the gap V8 fills with
    // holes, so an ordinary array would take about 1 500 slots a row (2,4 GB here).
    const rows = Array.from({ length: 200_000 }, (_, r) => r);
    const sheet: LoadedSheet = {
      name: "Ark1",
      cells: { rows, cols: rows.map(() => 1_000), values: rows },
      tables: [],
      formats: [],
    };
    const before = process.memoryUsage().heapUsed;
    const values = sheetRows(sheet);
    const grown = process.memoryUsage().heapUsed - before;
    expect(values).toHaveLength(200_000);
    expect(values[123_456][1_000]).toBe(123_456);
    expect(values[123_456]).toHaveLength(1_001);
    expect(values[123_456][999]).toBeUndefined();
    expect(grown).toBeLessThan(500_000_000);
  });

  it("a header in A1 and one cell in XFD further down: the used range the pane would read is refused, with where it spans", async () => {
    const csv = `Borger\n${";".repeat(16_383)}x\n${"B;1\n".repeat(1_000)}`;
    const error = await refused("spredt.csv", utf8(csv));
    expect(error.da).toBe(
      "Arket «spredt» spænder over A1:XFD1002: 16.416.768 celler, de tomme imellem medregnet; demoen læser højst 10.000.000. Slet de fjerne celler i Excel (Ctrl+End viser den sidste), eller kopiér dataene til et nyt ark."
    );
    expect(error.en).toMatch(/^The sheet «spredt» spans A1:XFD1002: 16,416,768 cells/);
  });

  it("a table over more cells than the pane reads at once is refused", async () => {
    const file = xlsxOf({
      sheet: `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Borger</t></is></c></row></sheetData><tableParts count="1"><tablePart xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></tableParts>`,
      parts: {
        "xl/worksheets/_rels/sheet1.xml.rels": strToU8(
          `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table1.xml"/></Relationships>`
        ),
        "xl/tables/table1.xml": strToU8(
          `<?xml version="1.0"?><table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="Ophold" displayName="Ophold" ref="A1:XFD1048576"><tableColumns count="1"><tableColumn id="1" name="Borger"/></tableColumns></table>`
        ),
      },
    });
    expect((await refused("tabel.xlsx", file)).da).toMatch(
      /^Tabellen «Ophold» på arket «Ark1» spænder over A1:XFD1048576: 17\.179\.869\.184 celler/
    );
  });
});

describe("the .xlsx parts are read as XML before exceljs builds anything", () => {
  /** Counts a worksheet's XML whole and, to cross every chunk boundary, byte by byte. */
  function counted(xml: string): { rows: number; cells: number } {
    const whole = new XmlPartScan("xl/worksheets/sheet1.xml", "worksheet");
    whole.push(utf8(xml));
    const bytewise = new XmlPartScan("xl/worksheets/sheet1.xml", "worksheet");
    for (const b of utf8(xml)) bytewise.push(Uint8Array.of(b));
    expect([bytewise.rows, bytewise.cells]).toEqual([whole.rows, whole.cells]);
    return { rows: whole.rows, cells: whole.cells };
  }

  it.each([
    ["a space", "<row r='1'><c r='A1'/></row>"],
    ["a tab", "<row\tr='1'><c\tr='A1'/></row>"],
    ["a line break", "<row\nr='1'><c\nr='A1'/></row>"],
    ["CR LF", "<row\r\nr='1'><c\r\nr='A1'/></row>"],
    ["nothing", "<row><c/></row>"],
    ["a prefix", "<x:row r='1'><x:c r='A1'></x:c></x:row>"],
  ])("a row and a cell are counted with %s after the name", (_, xml) => {
    expect(counted(`<worksheet><sheetData>${xml}</sheetData></worksheet>`)).toEqual({
      rows: 1,
      cells: 1,
    });
  });

  it("other elements, comments, CDATA and a > in an attribute hide or invent nothing", () => {
    const xml =
      `<?xml version="1.0"?><worksheet><cols><col min="1" max="2"/></cols><sheetData>` +
      `<!-- <row r="9"><c r="A9"/></row> --><row r="1" x=">" y='<c>'><c r="A1" t="inlineStr"><is><t><![CDATA[<row><c>]]></t></is></c>` +
      `<cfRule/><rowBreaks/><c r="B1"/></row></sheetData><rowBreaks count="0"/></worksheet>`;
    expect(counted(xml)).toEqual({ rows: 1, cells: 2 });
  });

  it("rows written <row⇥r=…> past the limit are refused by their count, before exceljs (2,3 million took 54 s)", async () => {
    const file = xlsxOf({
      sheet: `<sheetData>${rowsXml(LOAD_LIMITS.rows + 1, (r) => `<row\tr="${r}"><c\nr="A${r}"><v>1</v></c></row>`)}</sheetData>`,
    });
    const error = await refused("faner.xlsx", file);
    // The part's name, not the sheet's: the count refused it while unpacking.
    expect(error.da).toBe(
      "Et ark i Excel-filen (sheet1.xml) har over 200.000 rækker; demoen læser højst 200.000 rækker pr. ark."
    );
    expect(error.en).toBe(
      "A sheet in the Excel file (sheet1.xml) has over 200,000 rows; the demo reads at most 200,000 rows a sheet."
    );
  });

  it("one 100 MB shared text (a 100 KB file) is refused after its first 32 768 characters", async () => {
    const file = xlsxOf({
      sheet: `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>`,
      sharedStrings: `<si><t>${"x".repeat(100_000_000)}</t></si>`,
    });
    expect(file.length).toBeLessThan(200_000);
    const error = await refused("tekst.xlsx", file);
    expect(error.da).toBe(
      "Excel-filens tekst nr. 1 (i listen over tekster, som cellerne henviser til) har over 32.767 tegn; en celle rummer højst 32.767 tegn (Excels egen grænse), så filen er ikke gemt af Excel. Den læses ikke."
    );
    expect(error.en).toMatch(/^The Excel file's text no\. 1 .* has over 32,767 characters/);
  });

  it("a cell of exactly 32 767 characters is read, also as ø (two bytes) and &amp; (one character); one more is refused", async () => {
    const sheet = (text: string) =>
      xlsxOf({
        sheet: `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData>`,
        sharedStrings: `<si><r><t>${"ø".repeat(16_000)}</t></r><r><t>${"&amp;".repeat(16_767)}</t></r></si>`,
      });
    const max = LOAD_LIMITS.cellChars;
    const cells = only(await read("grænse.xlsx", sheet("ø".repeat(max)))).cells.values;
    expect(cells.map((v) => (v as string).length)).toEqual([max, max]);
    expect((cells[0] as string).slice(15_999, 16_001)).toBe("ø&");

    const error = await refused("grænse.xlsx", sheet("x".repeat(max + 1)));
    expect(error.da).toBe(
      "Et ark i Excel-filen (sheet1.xml) har i celle B1 en tekst på over 32.767 tegn; en celle rummer højst 32.767 tegn (Excels egen grænse)."
    );
  });

  it("one 32 767-character text in 3 100 cells is refused: over 100 million characters kept", async () => {
    const file = xlsxOf({
      sheet: `<sheetData>${rowsXml(3_100, (r) => `<row r="${r}"><c r="A${r}" t="s"><v>0</v></c></row>`)}</sheetData>`,
      sharedStrings: `<si><t>${"x".repeat(LOAD_LIMITS.cellChars)}</t></si>`,
    });
    expect((await refused("gentaget.xlsx", file)).da).toBe(
      "Filens celler har tilsammen over 100.000.000 tegn tekst; demoen læser højst så mange."
    );
  });

  it("a defined name over the whole sheet (17 billion cells, a 1 KB file) is refused with its name", async () => {
    const file = xlsxOf({
      sheet: `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`,
      workbook: `<definedNames><definedName name="Alt">Ark1!$A$1:$XFD$1048576</definedName></definedNames>`,
    });
    expect((await refused("navn.xlsx", file)).da).toBe(
      "Excel-filens navn «Alt» dækker 17.179.869.184 celler; demoen læser højst navne på 4.000.000 celler i alt. Gør navnet mindre, eller slet det, i Excel (Formler > Navnestyring)."
    );
    expect(namedCells("'Min side'!$B$2:$C$11,Ark1!$A$1,Ark1!$A:$A")).toBe(21);
  });

  it("a merged range, a data validation and a column range over the whole sheet are not built: the value is read", async () => {
    const file = xlsxOf({
      sheet:
        `<cols><col min="1" max="1000000000" width="9"/></cols>` +
        `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Budget 2026</t></is></c></row></sheetData>` +
        `<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>` +
        `<dataValidations count="1"><dataValidation type="whole" sqref="A1:XFD1048576"><formula1>1</formula1></dataValidation></dataValidations>`,
    });
    const sheet = only(await read("flettet.xlsx", file));
    expect(sheet.cells).toEqual({ rows: [0], cols: [0], values: ["Budget 2026"] });
  });

  it.each([
    [
      "a NUL byte",
      `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a\u0000b</t></is></c></row></sheetData>`,
      "Excel-filens del xl/worksheets/sheet1.xml indeholder et NUL-tegn (byte 0), som Excel aldrig skriver: filen er beskadiget eller lavet til at narre programmer. Den læses ikke.",
    ],
    [
      "a DTD",
      strToU8(
        `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>`
      ),
      "Excel-filens del xl/worksheets/sheet1.xml indeholder en dokumenttypedefinition (<!DOCTYPE>), som Excel aldrig skriver: filen er beskadiget eller lavet til at narre programmer. Den læses ikke.",
    ],
    [
      "a NUL as &#0;",
      `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a&#0;b</t></is></c></row></sheetData>`,
      "Excel-filen kunne ikke læses: den er beskadiget eller ikke en almindelig Excel-projektmappe. Åbn den i Excel, og gem den igen som .xlsx.",
    ],
  ])("a worksheet with %s is refused", async (_, sheet, message) => {
    expect((await refused("nul.xlsx", xlsxOf({ sheet }))).da).toBe(message);
  });

  it("60 000 empty zip entries are refused from the directory, before anything is unpacked", async () => {
    const parts: Record<string, Uint8Array> = {};
    for (let i = 0; i < 60_000; i++) parts[`tom/${i}`] = new Uint8Array(0);
    const error = await refused(
      "dele.xlsx",
      xlsxOf({ sheet: `<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>`, parts })
    );
    expect(error.da).toBe(
      "Excel-filen består af 60.006 dele; demoen læser højst 1.000. En projektmappe har omkring ti og nogle få pr. ark, så filen er næppe gemt af Excel. Åbn den i Excel, og gem den som .xlsx igen."
    );
  });
});

describe("CSV: a cell's length, NUL and blank lines", () => {
  it("a 45 MB field is refused with its cell, before it is read as a number or kept", async () => {
    const error = await refused("felt.csv", utf8(`Borger;Note\nA;"${"x".repeat(45_000_000)}"\n`));
    expect(error.da).toBe(
      "Arket «felt» har i celle B2 en tekst på 45.000.000 tegn; en celle rummer højst 32.767 tegn (Excels egen grænse)."
    );
    expect(error.en).toBe(
      "The sheet «felt» has in cell B2 a text of 45,000,000 characters; a cell holds at most 32,767 (Excel's own limit)."
    );
  });

  it("a field of exactly 32 767 characters is read", async () => {
    const text = "æ".repeat(LOAD_LIMITS.cellChars);
    const sheet = only(await read("felt.csv", utf8(`Note\n${text}\n`)));
    expect(sheet.cells.values).toEqual(["Note", text]);
  });

  it.each([
    [
      "after the first 64 KB (UTF-8)",
      utf8(`Borger;Note\n${"A;x\n".repeat(20_000)}B;a\u0000b\n`),
      "B20002",
    ],
    [
      "in UTF-16 (Unicode-tekst)",
      Uint8Array.from([
        0xff,
        0xfe,
        ...[..."Note\ta\u0000b\n"].flatMap((c) => [c.charCodeAt(0), 0]),
      ]),
      "B1",
    ],
  ])("a NUL %s is refused with its cell", async (_, bytes, cell) => {
    const error = await refused("nul.csv", bytes);
    expect(error.da).toBe(
      `Arket «nul» har et NUL-tegn (tegnkode 0) i celle ${cell}. Det står aldrig i en tekstfil eller en Excel-celle: filen er beskadiget eller ikke et regneark. Gem den igen fra det program, den kom fra.`
    );
  });

  it("49 million blank lines are refused at the row limit", async () => {
    const error = await refused("tom.csv", utf8(`Borger;Takst\nA;1\n${"\n".repeat(49_000_000)}`));
    expect(error.da).toMatch(/har over 200\.000 rækker/);
  });

  it("exactly 200 000 rows and a last line break are read", async () => {
    const csv = `Borger;Takst\n${"A;1\n".repeat(LOAD_LIMITS.rows - 1)}`;
    const sheet = only(await read("fuld.csv", utf8(csv)));
    expect(sheet.cells.rows[sheet.cells.rows.length - 1]).toBe(LOAD_LIMITS.rows - 1);
  });
});
