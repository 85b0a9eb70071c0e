/**
 * The demo's "open your own file": bytes in, sheets out, or a Danish LoadError that says why not.
 * In the page this runs in a web worker (fileWorker.ts), so a large file never freezes the page.
 *
 * What a file is comes from its first bytes, not its name: a zip archive is read as .xlsx (also
 * when it is called .csv), an old .xls or a password-protected Excel file (both OLE2), a PDF and
 * other binary files are refused with what to do, and text is read as CSV.
 *
 * .xlsx through exceljs, after the zip checks of zipDirectory.ts: values, not formulas (a formula
 * cell gives its cached result); dates as Excel serials shown with a date format; a merged range
 * as one cell (its first); Excel tables kept, a table's totals row left out of the table with a
 * note.
 *
 * .csv through papaparse: the encoding as textEncoding.ts finds it; the separator ; , or tab
 * (papaparse's guess, as Danish Excel writes ; and "Unicode-tekst" tab); quotes as RFC 4180.
 * A field is a number when it reads as one whether quoted or not, as Excel reads it: the Danish
 * form (money.ts readNumberText: 1.200,50, 1 200,00, 1.200,00 kr.) and, in a comma-separated file,
 * the decimal point (1200.50). Ambiguous text (1.200) and ids with leading zeros (007) stay text,
 * so the validation report can say why a cell is not an amount. Dates stay text: the add-in's
 * date reader (calendar.ts) reads them in the pane exactly as in the cell functions.
 */
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { readNumberText } from "../engine/money";
import { a1, parseA1, type CellValue } from "../workbook/workbook";
import { SheetKeeper, type FileText } from "./keptSheet";
import {
  LOAD_LIMITS,
  LoadError,
  count,
  limitError,
  type LoadNote,
  type LoadedSheet,
  type ReadProgress,
  type ReadResult,
} from "./loadedFile";
import type { FormatRegion, MemoryTable } from "../demo/memoryWorkbook";
import { decodeText } from "./textEncoding";
import { checkZipDirectory, readZipDirectory, verifyZip } from "./zipDirectory";

export interface ReadOptions {
  onProgress?: (progress: ReadProgress) => void;
}

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in Excel's 1900 system. */
const UNIX_EPOCH_SERIAL = 25_569;
/** How dates show in the demo's grid (the invariant format, as Excel's numberFormat takes it). */
export const DATE_FORMAT = "dd-mm-yyyy";

type Kind = "zip" | "ole2" | "pdf" | "binary" | "text";

function kindOf(bytes: Uint8Array): Kind {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0x50, 0x4b, 0x05, 0x06)) return "zip";
  if (starts(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return "ole2";
  if (starts(0x25, 0x50, 0x44, 0x46)) return "pdf";
  // UTF-16 text is full of zero bytes; it announces itself with a byte-order mark.
  const utf16 = starts(0xff, 0xfe) || starts(0xfe, 0xff);
  if (!utf16 && bytes.subarray(0, 65_536).includes(0)) return "binary";
  return "text";
}

/** Reads a file's bytes into sheets; throws a LoadError (Danish and English) when it cannot. */
export async function readFile(
  name: string,
  data: ArrayBuffer,
  options: ReadOptions = {}
): Promise<ReadResult> {
  if (data.byteLength > LOAD_LIMITS.fileBytes) throw limitError.fileBytes(data.byteLength);
  const bytes = new Uint8Array(data);
  if (bytes.length === 0) throw new LoadError("Filen er tom.", "The file is empty.");
  const lower = name.toLowerCase();
  const kind = kindOf(bytes);
  const notes: LoadNote[] = [];
  let sheets: LoadedSheet[];
  if (kind === "zip") {
    if (!lower.endsWith(".xlsx"))
      notes.push({
        da: `Filen hedder ${name}, men er en Excel-fil (.xlsx); den er læst som en.`,
        en: `The file is called ${name} but is an Excel file (.xlsx); it was read as one.`,
      });
    sheets = await readXlsx(bytes, notes, options);
    // An .xlsx's XML is UTF-8 or UTF-16 (ECMA-376 Part 2, Open Packaging Conventions, "XML
    // Usage" [M1.17]); exceljs decodes it as UTF-8, and UTF-16 (full of NUL bytes) never gets
    // this far: xlsxParts.ts refuses a NUL in an XML part. So what was read is UTF-8.
    notes.push({
      da: "Excel-filens tekst er læst som UTF-8 (Unicode), som .xlsx gemmer den.",
      en: "The Excel file's text was read as UTF-8 (Unicode), as .xlsx stores it.",
    });
  } else if (kind === "ole2") {
    throw new LoadError(
      "Filen er en ældre Excel-fil (.xls) eller en Excel-fil med adgangskode. Åbn den i Excel, og gem den som Excel-projektmappe (.xlsx) uden adgangskode eller som CSV.",
      "The file is an older Excel file (.xls) or an Excel file with a password. Open it in Excel and save it as an Excel workbook (.xlsx) without a password, or as CSV."
    );
  } else if (kind === "pdf") {
    throw new LoadError(
      "Filen er en PDF, ikke et regneark. Brug den .xlsx- eller CSV-fil, som tallene kommer fra.",
      "The file is a PDF, not a spreadsheet. Use the .xlsx or CSV file the figures come from."
    );
  } else if (kind === "binary" || lower.endsWith(".xlsx")) {
    throw new LoadError(
      lower.endsWith(".xlsx")
        ? "Filen hedder .xlsx, men er ikke en Excel-fil (den er beskadiget, ikke hentet helt, eller en anden filtype med nyt navn)."
        : "Filen er hverken tekst (CSV) eller en Excel-fil. Gem dataene som .xlsx eller CSV.",
      lower.endsWith(".xlsx")
        ? "The file is called .xlsx but is not an Excel file (it is damaged, not fully downloaded, or another type renamed)."
        : "The file is neither text (CSV) nor an Excel file. Save the data as .xlsx or CSV."
    );
  } else {
    const decoded = decodeText(bytes);
    notes.push(...decoded.notes);
    sheets = [readCsv(decoded.text, csvSheetName(name), notes, options)];
  }
  const usable = sheets.filter((s) => s.cells.values.length > 0);
  if (usable.length === 0)
    throw new LoadError(
      sheets.length === 0
        ? "Filen har ingen ark."
        : "Filen har ingen ark med data: alle ark er tomme.",
      sheets.length === 0
        ? "The file has no sheets."
        : "The file has no sheet with data: all are empty."
    );
  if (usable.length < sheets.length)
    notes.push({
      da: `Tomme ark er sprunget over: ${sheets
        .filter((s) => !usable.includes(s))
        .map((s) => `«${s.name}»`)
        .join(", ")}.`,
      en: `Empty sheets were skipped: ${sheets
        .filter((s) => !usable.includes(s))
        .map((s) => `«${s.name}»`)
        .join(", ")}.`,
    });
  return { sheets: usable, notes };
}

// ---- .xlsx ----

/** An exceljs cell value as Office.js would report it. */
export function cellFromExcelJs(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean")
    return value;
  if (value instanceof Date) return value.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  if ("error" in value) return String(value.error);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined || result === null) return "";
    if (typeof result === "object" && !(result instanceof Date) && "error" in (result as object))
      return String((result as { error: unknown }).error);
    return cellFromExcelJs(result as ExcelJS.CellValue);
  }
  if ("text" in value) return String(value.text);
  return "";
}

/** Whether a cell holds a date: exceljs gives a Date for a date-formatted number. */
const isDate = (value: ExcelJS.CellValue): boolean =>
  value instanceof Date ||
  (typeof value === "object" &&
    value !== null &&
    ("formula" in value || "sharedFormula" in value) &&
    (value as { result?: unknown }).result instanceof Date);

/** One region per column run of date cells, so the grid shows them as dates. */
function dateRegions(cells: { row: number; col: number }[]): FormatRegion[] {
  const byColumn = new Map<number, number[]>();
  for (const { row, col } of cells) {
    const rows = byColumn.get(col);
    if (rows) rows.push(row);
    else byColumn.set(col, [row]);
  }
  const regions: FormatRegion[] = [];
  for (const [col, rows] of byColumn) {
    rows.sort((a, b) => a - b);
    let top = rows[0];
    let bottom = rows[0];
    for (const row of [...rows.slice(1), Infinity]) {
      if (row === bottom + 1) bottom = row;
      else {
        regions.push({ top, left: col, bottom, right: col, numberFormat: DATE_FORMAT });
        top = bottom = row;
      }
    }
  }
  return regions;
}

/**
 * The worksheet elements exceljs need not build (its `ignoreNodes`): the reader takes values and
 * tables only. Some would cost far more than the file: exceljs makes an object for every cell of
 * a merged range, of a data validation's range and of a column range (`<col min max>`), so a
 * 2 KB file merging A1:XFD1048576 would be 17 billion. A merged range is still one cell, its
 * first: Excel writes the value there only.
 */
const UNREAD_NODES = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "autoFilter",
  "mergeCells",
  "rowBreaks",
  "hyperlinks",
  "pageMargins",
  "dataValidations",
  "pageSetup",
  "headerFooter",
  "printOptions",
  "picture",
  "drawing",
  "sheetProtection",
  "conditionalFormatting",
  "extLst",
];

/**
 * The rows of a worksheet, or the cells of a row, that exceljs holds: its `_rows` and `_cells`,
 * indexed by number, walked by their keys. exceljs's own eachRow and eachCell visit every index
 * up to the last one, and an array that sparse V8 keeps as a dictionary, where each visit is
 * slow: 20 000 rows of one cell in column XFD took 56 s that way.
 */
function present<T>(items: T[]): T[] {
  return Object.keys(items).map((key) => items[Number(key)]);
}

async function readXlsx(
  bytes: Uint8Array,
  notes: LoadNote[],
  options: ReadOptions
): Promise<LoadedSheet[]> {
  options.onProgress?.({ phase: "check" });
  const entries = readZipDirectory(bytes);
  checkZipDirectory(entries);
  verifyZip(bytes, entries, (fraction) => options.onProgress?.({ phase: "unpack", fraction }));
  options.onProgress?.({ phase: "parse" });
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(bytes.buffer as ArrayBuffer, { ignoreNodes: UNREAD_NODES });
  } catch {
    throw new LoadError(
      "Excel-filen kunne ikke læses: den er beskadiget eller ikke en almindelig Excel-projektmappe. Åbn den i Excel, og gem den igen som .xlsx.",
      "The Excel file could not be read: it is damaged or not an ordinary Excel workbook. Open it in Excel and save it again as .xlsx."
    );
  }
  options.onProgress?.({ phase: "sheets" });
  const sheets: LoadedSheet[] = [];
  const text: FileText = { chars: 0 };
  book.eachSheet((ws) => {
    const kept = new SheetKeeper(ws.name, text);
    const dates: { row: number; col: number }[] = [];
    for (const row of present((ws as unknown as { _rows: ExcelJS.Row[] })._rows))
      for (const cell of present((row as unknown as { _cells: ExcelJS.Cell[] })._cells)) {
        // exceljs's types call a cell's column number a string.
        const col = Number(cell.col) - 1;
        kept.keep(row.number - 1, col, cellFromExcelJs(cell.value));
        if (isDate(cell.value)) dates.push({ row: row.number - 1, col });
      }
    const tables: MemoryTable[] = [];
    for (const t of ws.getTables() as unknown as {
      table?: { name?: string; tableRef?: string; ref?: string; totalsRow?: boolean };
    }[]) {
      const ref = t.table?.tableRef ?? t.table?.ref;
      if (!t.table?.name || !ref) continue;
      const r = parseA1(ref);
      // A table's totals row sums its column: it is no stay, so it stays out of the table.
      const bottom = t.table.totalsRow ? r.bottom - 1 : r.bottom;
      if (t.table.totalsRow)
        notes.push({
          da: `Tabellen «${t.table.name}» i arket «${ws.name}» har en totalrække (række ${count(r.bottom + 1)}); den er udeladt af tabellen og tælles ikke som ophold.`,
          en: `The table «${t.table.name}» on the sheet «${ws.name}» has a totals row (row ${r.bottom + 1}); it is left out of the table and not counted as a stay.`,
        });
      tables.push({ name: t.table.name, top: r.top, left: r.left, bottom, right: r.right });
    }
    sheets.push(kept.sheet(tables, dateRegions(dates)));
  });
  return sheets;
}

// ---- .csv ----

/** Sheet name for a CSV file: its base name, within Excel's 31 characters and allowed characters. */
export function csvSheetName(fileName: string): string {
  const base = fileName
    .replace(/\.[^.]*$/, "")
    .replace(/[\\/?*[\]:]/g, " ")
    .trim();
  return (base || "CSV").slice(0, 31);
}

const SEPARATOR_NAMES: Record<string, { da: string; en: string }> = {
  ";": { da: "semikolon (;)", en: "semicolon (;)" },
  ",": { da: "komma (,)", en: "comma (,)" },
  "\t": { da: "tabulator", en: "tab" },
};

/** Characters of a CSV file that papaparse guesses the separator from. */
const GUESS_CHARS = 65_536;

/** A CSV field as a cell value (see the module comment). */
export function csvCell(field: string, separator: string): CellValue {
  const t = field.trim();
  if (t === "") return "";
  // An id with leading zeros keeps them (Excel would make 007 the number 7).
  if (/^0\d+$/.test(t)) return t;
  if (separator === "," && /^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  const read = readNumberText(t);
  return typeof read === "number" ? read : t;
}

/**
 * Parses CSV text with papaparse, one row at a time, within the limits. `name` is the sheet's.
 * Separators ; , and tab are guessed from the first rows; one field per row means ;-less text.
 */
export function readCsv(
  text: string,
  name: string,
  notes: LoadNote[] = [],
  options: ReadOptions = {}
): LoadedSheet {
  const kept = new SheetKeeper(name, { chars: 0 });
  let rows = 0;
  let separator: string = ";";
  let failure: LoadError | undefined;
  let quoteProblem: number | undefined;
  const progressEvery = 5_000;
  // papaparse guesses the separator from the first rows; blank lines (a file's last line break)
  // would spoil the guess, so it looks past them, while the rows themselves keep their places.
  // It guesses from the first 64 KB: given the whole text it splits all of it into lines for
  // each separator it tries (7 s for a file of 49 million blank lines).
  separator =
    Papa.parse<string[]>(text.slice(0, GUESS_CHARS), {
      preview: 10,
      skipEmptyLines: true,
      delimitersToGuess: [";", ",", "\t"],
    }).meta.delimiter || separator;
  Papa.parse<string[]>(text, {
    delimiter: separator,
    skipEmptyLines: false,
    // Row by row from the start: papaparse's fast mode (for text without quotes) first splits
    // the whole text into lines, 400 MB and 2-3 s for 49 million blank lines before the row
    // limit could refuse them.
    fastMode: false,
    step: (result, parser) => {
      const row = result.data;
      const r = rows++;
      try {
        if (row.length > LOAD_LIMITS.columns) throw limitError.columns({ name }, row.length);
        // A row of blank fields keeps nothing but still counts as a row, except the empty one
        // after the file's last line break.
        const last = row.length === 1 && row[0] === "" && result.meta.cursor >= text.length;
        if (r >= LOAD_LIMITS.rows && !last) throw limitError.rows({ name });
        for (let c = 0; c < row.length; c++) {
          // Longer than a cell holds: refused before it is read as a number or trimmed.
          if (row[c].length > LOAD_LIMITS.cellChars)
            throw limitError.cellChars({ name }, a1(r, c), row[c].length);
          kept.keep(r, c, csvCell(row[c], separator));
        }
      } catch (error) {
        failure = error as LoadError;
        return parser.abort();
      }
      if (quoteProblem === undefined && result.errors.some((e) => e.type === "Quotes"))
        quoteProblem = r + 1;
      if (rows % progressEvery === 0)
        options.onProgress?.({ phase: "parse", fraction: result.meta.cursor / text.length });
    },
  });
  if (failure) throw failure;
  const sheet = kept.sheet();
  if (sheet.cells.cols.some((c) => c > 0) && SEPARATOR_NAMES[separator])
    notes.push({
      da: `Kolonnerne er adskilt med ${SEPARATOR_NAMES[separator].da}.`,
      en: `The columns are separated by ${SEPARATOR_NAMES[separator].en}.`,
    });
  if (quoteProblem !== undefined)
    notes.push({
      da: `Et anførselstegn i række ${count(quoteProblem)} lukkes ikke: resten af filen kan være læst som én celle. Tjek rækken i kilden.`,
      en: `A quote on row ${quoteProblem} is not closed: the rest of the file may have been read as one cell. Check the row at the source.`,
      warning: true,
    });
  return sheet;
}
