/**
 * An .xlsx file's XML parts read as XML while they unpack (zipDirectory.ts's verifyZip hands
 * them over chunk by chunk and keeps nothing), to count what exceljs would build from them
 * before it builds anything:
 * - a worksheet's rows and cells, by element name whatever follows it (a tab or a line break
 *   after `<row` is XML too) and whatever its prefix, and the text of each cell;
 * - the length of each text in the list the cells share (xl/sharedStrings.xml), so a 100 MB
 *   text is refused after its first 32 768 characters instead of being built;
 * - the cells the workbook's defined names cover: exceljs makes an object for every cell of a
 *   named range, so `Ark1!$A$1:$XFD$1048576` in a 2 KB file would be 17 billion of them.
 * A NUL byte or a DTD (`<!DOCTYPE`) in an XML part is refused: Excel writes neither.
 * Comments, CDATA sections and processing instructions are skipped as XML skips them, and a
 * `>` inside a quoted attribute does not end its tag.
 *
 * Which parts exceljs reads, and how it names them, is from its loader (exceljs/lib/xlsx/xlsx.js):
 * a worksheet is any part whose name contains `xl/worksheets/sheetN.xml`.
 */
import { LOAD_LIMITS, LoadError, count, limitError } from "./loadedFile";

export type PartKind = "worksheet" | "sharedStrings" | "workbook" | "xml";

/** What a zip entry is to the scan, by its name; undefined for a part that is not XML. */
export function partKind(name: string): PartKind | undefined {
  const path = name.replace(/^\//, "");
  if (/xl\/worksheets\/sheet\d+\.xml/i.test(path)) return "worksheet";
  if (/^xl\/sharedStrings\.xml$/i.test(path)) return "sharedStrings";
  if (/^xl\/workbook\.xml$/i.test(path)) return "workbook";
  if (/\.(xml|rels|vml)$/i.test(path)) return "xml";
  return undefined;
}

/** An XML part Excel would never write, with what gave it away. */
export function notExcelXml(part: string, what: { da: string; en: string }): LoadError {
  return new LoadError(
    `Excel-filens del ${part} indeholder ${what.da}, som Excel aldrig skriver: filen er beskadiget eller lavet til at narre programmer. Den læses ikke.`,
    `The Excel file's part ${part} contains ${what.en}, which Excel never writes: the file is damaged or made to trick programs. It is not read.`
  );
}

const NUL = { da: "et NUL-tegn (byte 0)", en: "a NUL character (byte 0)" };
const DTD = {
  da: "en dokumenttypedefinition (<!DOCTYPE>)",
  en: "a document type definition (<!DOCTYPE>)",
};

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const DASH = 0x2d;
const BRACKET = 0x5d;
const AMP = 0x26;
const SEMICOLON = 0x3b;
const COLON = 0x3a;

/** Where the scan is: in text, in a tag, or in markup that ends with its own sequence. */
const enum Mode {
  Text,
  Tag,
  Comment,
  CData,
  Instruction,
}

/** Bytes of a tag kept to read its name and an attribute; a longer tag is still scanned to its end. */
const TAG_KEPT = 512;
/**
 * Bytes of a defined name's formula kept: Excel's formulas hold at most 8 192 characters
 * ("Excel specifications and limits"), at most 4 bytes each in UTF-8.
 */
const NAME_KEPT = 8_192 * 4;

const ROW = "row";
const CELL = "c";
const SHARED = "si";
const DEFINED_NAME = "definedName";
const CDATA = "[CDATA[";
const DOCTYPE = "DOCTYPE";

const decoder = new TextDecoder();

/** The value of attribute `name` in a start tag's text. */
function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined);
}

/** Column number of letters (A = 1, XFD = 16 384). */
function columnNumber(letters: string): number {
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + c.charCodeAt(0) - 64;
  return n;
}

/**
 * The cells exceljs makes for a defined name's formula: each comma-separated range that has
 * cell references (Ark1!$A$1:$B$2) covers the rectangle between them; whole rows and columns
 * ($A:$A) it leaves alone.
 */
export function namedCells(formula: string): number {
  let cells = 0;
  for (const piece of formula.split(",")) {
    const refs = [...(piece.split("!").pop() ?? "").matchAll(/\$?([A-Za-z]+)\$?(\d+)/g)];
    if (refs.length === 0) continue;
    const rows = refs.map((m) => Number(m[2]));
    const cols = refs.map((m) => columnNumber(m[1]));
    cells +=
      (Math.max(...rows) - Math.min(...rows) + 1) * (Math.max(...cols) - Math.min(...cols) + 1);
  }
  return cells;
}

/**
 * Scans one XML part, chunk by chunk, and throws a LoadError the moment it passes a limit.
 * Written as tight loops over the bytes, state kept in locals (a quarter of a gigabyte may come
 * through it): a tag is read to its `>` before its name is looked at, and text outside a cell,
 * a shared text or a name is only stepped over.
 */
export class XmlPartScan {
  /** A worksheet's rows and cells so far. */
  rows = 0;
  cells = 0;
  private mode = Mode.Text;
  /** The current tag's first bytes (without its `<`), and how many bytes it has. */
  private readonly tag = new Uint8Array(TAG_KEPT);
  private tagLength = 0;
  private quote = 0;
  private lastTagByte = 0;
  /** Where the tag's name starts, without its `/` and prefix, and how long it is. */
  private nameStart = 0;
  private nameLength = 0;
  /** The two bytes before the current one, to find the end of a comment, CDATA or instruction. */
  private back1 = 0;
  private back2 = 0;
  /** Counting the characters of a cell's or a shared text's content. */
  private counting = false;
  private chars = 0;
  /** Bytes of the entity being read after its "&", or -1 outside one. */
  private entityBytes = -1;
  /** The current cell's start tag, for its address in a message. */
  private readonly cellTag = new Uint8Array(TAG_KEPT);
  private cellTagLength = 0;
  private sharedTexts = 0;
  /** A defined name being read: its start tag and its formula's bytes. */
  private name: { tag: string; bytes: number[] } | undefined;
  private namedCells = 0;

  constructor(
    private readonly part: string,
    private readonly kind: PartKind
  ) {}

  push(data: Uint8Array): void {
    if (data.indexOf(0) >= 0) throw notExcelXml(this.part, NUL);
    const n = data.length;
    let at = 0;
    while (at < n) {
      if (this.mode === Mode.Text) {
        // A loop, not indexOf: between a sheet's tags are a few bytes, and a call costs more.
        let end = at;
        while (end < n && data[end] !== LT) end++;
        if (end > at && (this.counting || this.name)) this.text(data, at, end, true);
        if (end === n) return;
        this.mode = Mode.Tag;
        this.tagLength = 0;
        this.quote = 0;
        // An entity ends within its text; one left open is XML the parser refuses anyway.
        this.entityBytes = -1;
        at = end + 1;
      } else if (this.mode === Mode.Tag) at = this.tagBytes(data, at);
      else at = this.markupBytes(data, at);
    }
  }

  /** Reads a tag on to its `>` (outside quotes); returns where the scan goes on. */
  private tagBytes(data: Uint8Array, from: number): number {
    const tag = this.tag;
    if (this.tagLength < 8) {
      // `<!--`, `<![CDATA[`, `<!DOCTYPE` and `<?` are told apart byte by byte (they are rare).
      const first = this.tagLength > 0 ? tag[0] : data[from];
      if (first === BANG || first === QUESTION) return this.openingBytes(data, from);
    }
    const n = data.length;
    let quote = this.quote;
    let length = this.tagLength;
    let last = this.lastTagByte;
    let end = from;
    for (; end < n; end++) {
      const b = data[end];
      if (quote !== 0) {
        if (b === quote) quote = 0;
      } else if (b === 0x22 || b === 0x27) quote = b;
      else if (b === GT) break;
      if (length < TAG_KEPT) tag[length] = b;
      length++;
      last = b;
    }
    this.quote = quote;
    this.tagLength = length;
    this.lastTagByte = last;
    if (end === n) return end;
    this.mode = Mode.Text;
    this.element();
    return end + 1;
  }

  /** The first bytes of `<!…` or `<?…`, until it is clear which markup it opens. */
  private openingBytes(data: Uint8Array, from: number): number {
    let at = from;
    while (at < data.length && this.mode === Mode.Tag && this.tagLength < 8) {
      const b = data[at++];
      this.tag[this.tagLength++] = b;
      this.lastTagByte = b;
      const first = this.tag[0];
      if (first === QUESTION) this.enter(Mode.Instruction);
      else if (this.tagLength === 3 && this.tag[1] === DASH && this.tag[2] === DASH)
        this.enter(Mode.Comment);
      else if (this.tagLength === 8 && this.startsWith(CDATA)) this.enter(Mode.CData);
      else if (this.tagLength === 8 && this.startsWith(DOCTYPE)) throw notExcelXml(this.part, DTD);
      else if (b === GT) {
        this.mode = Mode.Text;
        this.element();
      }
    }
    return at;
  }

  /** Whether the tag after its `!` starts with `text`. */
  private startsWith(text: string): boolean {
    for (let i = 0; i < text.length; i++) if (this.tag[i + 1] !== text.charCodeAt(i)) return false;
    return true;
  }

  private enter(mode: Mode): void {
    this.mode = mode;
    this.back1 = this.back2 = 0;
  }

  /** Inside a comment, CDATA or instruction: on to the sequence that ends it. */
  private markupBytes(data: Uint8Array, from: number): number {
    const mode = this.mode;
    let back1 = this.back1;
    let back2 = this.back2;
    let at = from;
    for (; at < data.length; at++) {
      const b = data[at];
      if (
        b === GT &&
        (mode === Mode.Comment
          ? back1 === DASH && back2 === DASH
          : mode === Mode.CData
            ? back1 === BRACKET && back2 === BRACKET
            : back1 === QUESTION)
      )
        break;
      back2 = back1;
      back1 = b;
    }
    this.back1 = back1;
    this.back2 = back2;
    // CDATA is text: counted as bytes, without entities.
    if (mode === Mode.CData && (this.counting || this.name)) this.text(data, from, at, false);
    if (at === data.length) return at;
    if (mode === Mode.CData && this.counting) this.chars -= 2; // the "]]" of "]]>"
    this.mode = Mode.Text;
    return at + 1;
  }

  /** Finds where the tag's name starts, without its `/` and prefix, and its length. */
  private readName(): void {
    const tag = this.tag;
    const kept = this.kept();
    let start = tag[0] === SLASH ? 1 : 0;
    let end = start;
    while (end < kept) {
      const b = tag[end];
      if (b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === SLASH) break;
      if (b === COLON) start = end + 1;
      end++;
    }
    this.nameStart = start;
    this.nameLength = end - start;
  }

  /** Whether the tag's name (read by readName) is `name`. */
  private named(name: string): boolean {
    if (this.nameLength !== name.length) return false;
    for (let i = 0; i < name.length; i++)
      if (this.tag[this.nameStart + i] !== name.charCodeAt(i)) return false;
    return true;
  }

  /**
   * Bytes of the tag that were kept. (No Math.min here or in the other per-tag code: under
   * jest, a global such as Math is looked up through the test context on every call, which made
   * the scan ten times slower.)
   */
  private kept(): number {
    return this.tagLength < TAG_KEPT ? this.tagLength : TAG_KEPT;
  }

  private tagText(): string {
    return decoder.decode(this.tag.subarray(0, this.kept()));
  }

  /** A whole tag has been read (without its `<` and `>`). */
  private element(): void {
    const closing = this.tag[0] === SLASH;
    const empty = !closing && this.lastTagByte === SLASH;
    this.readName();
    if (this.kind === "worksheet") {
      if (this.named(CELL)) {
        if (closing) this.counting = false;
        else {
          if (++this.cells > LOAD_LIMITS.cells) throw limitError.cells({ part: this.part });
          this.counting = !empty;
          this.chars = 0;
          const length = this.kept();
          for (let i = 0; i < length; i++) this.cellTag[i] = this.tag[i];
          this.cellTagLength = length;
        }
      } else if (!closing && this.named(ROW) && ++this.rows > LOAD_LIMITS.rows)
        throw limitError.rows({ part: this.part });
    } else if (this.kind === "sharedStrings" && this.named(SHARED)) {
      if (closing) this.counting = false;
      else {
        this.sharedTexts++;
        this.counting = !empty;
        this.chars = 0;
      }
    } else if (this.kind === "workbook" && this.named(DEFINED_NAME)) {
      if (!closing && !empty) this.name = { tag: this.tagText(), bytes: [] };
      else if (closing && this.name) this.definedName(this.name);
    }
  }

  /** Text between tags (or CDATA): counted in a cell or a shared text, kept in a defined name. */
  private text(data: Uint8Array, from: number, to: number, entities: boolean): void {
    if (this.name) {
      for (let i = from; i < to; i++) this.nameByte(data[i]);
      return;
    }
    // Characters as Excel counts them (UTF-16 units): a UTF-8 sequence is one (four bytes:
    // two), and in text an entity such as `&amp;` one.
    const limit = LOAD_LIMITS.cellChars;
    let chars = this.chars;
    let entity = this.entityBytes;
    for (let i = from; i < to; i++) {
      const b = data[i];
      if (entity >= 0) {
        // Entity names are short; a long run after "&" is counted as the text it would be.
        if (b === SEMICOLON) {
          entity = -1;
          continue;
        }
        if (++entity <= 32) continue;
        entity = -1;
      }
      if (entities && b === AMP) entity = 0;
      if ((b & 0xc0) !== 0x80) chars += b >= 0xf0 ? 2 : 1;
      if (chars > limit) break;
    }
    this.chars = chars;
    this.entityBytes = entity;
    if (chars > limit) {
      this.counting = false;
      if (this.kind === "sharedStrings") throw limitError.sharedChars(this.sharedTexts - 1);
      const cellTag = decoder.decode(this.cellTag.subarray(0, this.cellTagLength));
      throw limitError.cellChars({ part: this.part }, attribute(cellTag, "r"));
    }
  }

  private nameByte(b: number): void {
    const name = this.name!;
    if (name.bytes.length >= NAME_KEPT)
      throw notExcelXml(this.part, {
        da: `et navn («${attribute(name.tag, "name") ?? "?"}») med en formel på over ${count(8_192)} tegn`,
        en: `a name («${attribute(name.tag, "name") ?? "?"}») with a formula of over 8,192 characters`,
      });
    name.bytes.push(b);
  }

  private definedName(name: { tag: string; bytes: number[] }): void {
    this.name = undefined;
    const cells = namedCells(decoder.decode(Uint8Array.from(name.bytes)));
    if ((this.namedCells += cells) > LOAD_LIMITS.cells)
      throw limitError.namedCells(attribute(name.tag, "name") ?? "?", cells);
  }
}
