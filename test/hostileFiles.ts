/**
 * The files of issue 25 that crashed or froze the demo within its old limits, as the bench and
 * the browser test build them (test/loadFile.limits.test.ts has each, with its exact message).
 */
import { xlsxOf } from "./zipFiles";

export interface HostileFile {
  /** What the file is, as the bench prints it. */
  what: string;
  name: string;
  bytes: () => Uint8Array;
  /** What the demo must do with it: read it, or refuse it with a message that matches. */
  expect: "read" | RegExp;
}

const rows = (count: number, row: (r: number) => string) =>
  `<sheetData>${Array.from({ length: count }, (_, i) => row(i + 1)).join("")}</sheetData>`;
const utf8 = (text: string) => new TextEncoder().encode(text);

export const HOSTILE_FILES = {
  xfd20k: {
    what: "20 000 rows of one cell in column XFD (.xlsx)",
    name: "xfd.xlsx",
    bytes: () =>
      xlsxOf({ sheet: rows(20_000, (r) => `<row r="${r}"><c r="XFD${r}"><v>${r}</v></c></row>`) }),
    expect: "read",
  },
  xfd200k: {
    what: "200 000 rows of one cell in column XFD (.xlsx)",
    name: "xfd.xlsx",
    bytes: () =>
      xlsxOf({ sheet: rows(200_000, (r) => `<row r="${r}"><c r="XFD${r}"><v>${r}</v></c></row>`) }),
    expect: "read",
  },
  tabbedRows: {
    what: "2,3 million rows written <row⇥r=…> (.xlsx)",
    name: "faner.xlsx",
    bytes: () =>
      xlsxOf({ sheet: rows(2_300_000, (r) => `<row\tr="${r}"><c\nr="A${r}"><v>1</v></c></row>`) }),
    expect: /har over 200\.000 rækker/,
  },
  sharedText: {
    what: "one 100 MB shared text in one cell (.xlsx)",
    name: "tekst.xlsx",
    bytes: () =>
      xlsxOf({
        sheet: `<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>`,
        sharedStrings: `<si><t>${"x".repeat(100_000_000)}</t></si>`,
      }),
    expect: /tekst nr\. 1 .* har over 32\.767 tegn/,
  },
  zipEntries: {
    what: "60 000 empty zip entries (.xlsx)",
    name: "dele.xlsx",
    bytes: () => {
      const parts: Record<string, Uint8Array> = {};
      for (let i = 0; i < 60_000; i++) parts[`tom/${i}`] = new Uint8Array(0);
      return xlsxOf({ sheet: rows(1, () => `<row r="1"><c r="A1"><v>1</v></c></row>`), parts });
    },
    expect: /består af 60\.006 dele/,
  },
  longField: {
    what: "one 45 MB field (CSV)",
    name: "felt.csv",
    bytes: () => utf8(`Borger;Note\nA;${"x".repeat(45_000_000)}\n`),
    expect: /i celle B2 en tekst på 45\.000\.000 tegn/,
  },
  lateNul: {
    what: "a NUL byte after the first 64 KB (CSV)",
    name: "nul.csv",
    bytes: () => utf8(`Borger;Note\n${"A;x\n".repeat(20_000)}B;a\u0000b\n`),
    expect: /NUL-tegn \(tegnkode 0\) i celle B20002/,
  },
} satisfies Record<string, HostileFile>;
