/**
 * Shows a cell as Excel would with its number format, in the page's language: the invariant
 * format `#,##0.00 "kr."` shows 15500 as 15.500,00 kr. in Danish and 15,500.00 kr. in English,
 * `dd-mm-yyyy` shows a date serial as 01-05-2026. Covers what workbooks of stays use: grouped
 * and fixed decimals, percent, quoted and escaped text, colours and padding (ignored), dates.
 */
import { DANISH_MONTHS, ymdFromSerial } from "../src/engine/calendar";
import type { Language } from "../taskpane/i18n";
import type { CellValue } from "../src/workbook/workbook";

const SEPARATORS: Record<Language, { group: string; point: string }> = {
  da: { group: ".", point: "," },
  en: { group: ",", point: "." },
};

const MONTHS: Record<Language, readonly string[]> = {
  da: DANISH_MONTHS,
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
};

/** A format section split into literal text and format codes. */
type Token = { literal: string } | { code: string };

function tokenize(section: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      tokens.push({ literal: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === "\\") {
      tokens.push({ literal: section[i + 1] ?? "" });
      i++;
    } else if (ch === "_") {
      tokens.push({ literal: " " }); // room for the next character's width
      i++;
    } else if (ch === "*") {
      i++; // fill character: a grid cell has no width to fill
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      i = end < 0 ? section.length : end; // [Red], [$-406]: colour and locale
    } else {
      const last = tokens[tokens.length - 1];
      if (last && "code" in last) last.code += ch;
      else tokens.push({ code: ch });
    }
  }
  return tokens;
}

const groupThousands = (digits: string, group: string) =>
  digits.replace(/\B(?=(\d{3})+(?!\d))/g, group);

/** The number part of a format code ("#,##0.00") applied to |value|. */
function formatNumberCode(code: string, value: number, language: Language): string {
  const { group, point } = SEPARATORS[language];
  const match = /[#0?,]*[#0?](?:\.[#0?]*)?/.exec(code);
  if (!match) return code;
  const pattern = match[0];
  const [whole, fraction = ""] = pattern.split(".");
  const percent = code.includes("%");
  const decimals = fraction.length;
  const minDecimals = (fraction.match(/0/g) ?? []).length;
  const scaled = Math.abs(percent ? value * 100 : value);
  let [intPart, fracPart = ""] = scaled.toFixed(decimals).split(".");
  while (fracPart.length > minDecimals && fracPart.endsWith("0")) fracPart = fracPart.slice(0, -1);
  const minInt = (whole.match(/0/g) ?? []).length;
  if (intPart === "0" && minInt === 0) intPart = "";
  intPart = intPart.padStart(minInt, "0");
  if (whole.includes(",")) intPart = groupThousands(intPart, group);
  const number = fracPart ? `${intPart}${point}${fracPart}` : intPart;
  return code.slice(0, match.index) + number + code.slice(match.index + pattern.length);
}

const DATE_CODE = /y+|m+|d+/gi;

function formatDateCode(code: string, serial: number, language: Language): string {
  const { year, month, day } = ymdFromSerial(Math.floor(serial));
  return code.replace(DATE_CODE, (part) => {
    const p = part.toLowerCase();
    if (p.startsWith("y"))
      return p.length <= 2 ? String(year % 100).padStart(2, "0") : String(year);
    if (p.startsWith("m")) {
      if (p.length >= 4) return MONTHS[language][month - 1];
      if (p.length === 3) return MONTHS[language][month - 1].slice(0, 3);
      return p.length === 2 ? String(month).padStart(2, "0") : String(month);
    }
    return p.length === 2 ? String(day).padStart(2, "0") : String(day);
  });
}

/** Excel's General: integers as they are, other numbers to 10 significant digits. */
function general(value: number, language: Language): string {
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(10)));
  return language === "da" ? text.replace(".", ",") : text;
}

const CONDITION = /^\[(=|<>|<=|>=|<|>)(-?\d+(?:\.\d+)?)\]/;

/**
 * The section a conditional format picks ([=1]"ja";[=0]"nej";0): the first whose condition the
 * value meets, else the last; undefined for a format without conditions (the Scenarier sheet's
 * yes/no parameters use one).
 */
function conditionalSection(sections: string[], value: number): string | undefined {
  if (!CONDITION.test(sections[0])) return undefined;
  for (const section of sections) {
    const m = CONDITION.exec(section);
    if (!m) return section;
    const x = Number(m[2]);
    const met = {
      "=": value === x,
      "<>": value !== x,
      "<": value < x,
      ">": value > x,
      "<=": value <= x,
      ">=": value >= x,
    }[m[1]];
    if (met) return section;
  }
  return sections[sections.length - 1];
}

export function formatCell(
  value: CellValue | undefined,
  format: string | null,
  language: Language
): string {
  if (value === null || value === undefined || value === "") return "";
  if (typeof value === "boolean")
    return language === "da" ? (value ? "SAND" : "FALSK") : value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "#NUM!";
  if (format === null || format === "" || format === "@" || /^general$/i.test(format))
    return general(value, language);
  const sections = format.split(";");
  const conditional = conditionalSection(sections, value);
  const negative = conditional === undefined && value < 0 && sections.length > 1;
  const section =
    conditional ??
    (negative ? sections[1] : value === 0 && sections.length > 2 ? sections[2] : sections[0]);
  const tokens = tokenize(section);
  const codes = tokens.flatMap((t) => ("code" in t ? [t.code] : [])).join("");
  const isDate = /[dy]/i.test(codes) || (/m/i.test(codes) && !/[#0]/.test(codes));
  let numberDone = false;
  const out = tokens
    .map((t) => {
      if ("literal" in t) return t.literal;
      if (isDate) return formatDateCode(t.code, value, language);
      if (numberDone || !/[#0?]/.test(t.code)) return t.code;
      numberDone = true;
      return formatNumberCode(t.code, value, language);
    })
    .join("");
  return value < 0 && !negative && !isDate ? `-${out}` : out;
}

/** Numbers and dates sit on the right of a cell, text on the left, as in Excel. */
export const alignsRight = (value: CellValue | undefined): boolean => typeof value === "number";

/**
 * The words a conditional format shows for single values ([=1]"ja";[=0]"nej";0 shows ja for 1
 * and nej for 0), by the word in lower case: the demo's editor starts from what the cell shows
 * and reads a typed word back as its value.
 */
export function formatWords(format: string | null | undefined): Map<string, number> {
  const words = new Map<string, number>();
  for (const section of format?.split(";") ?? []) {
    const m = /^\[=(-?\d+(?:\.\d+)?)\]"([^"]+)"$/.exec(section.trim());
    if (m) words.set(m[2].toLocaleLowerCase("da"), Number(m[1]));
  }
  return words;
}
