/**
 * Editing one cell of the demo's grid, as typing in Excel: double-click a cell (or F2, Enter, or
 * type over it), type, Enter (down) or Tab (right) or leave the cell to keep, Escape to cancel. What is typed becomes a number when it reads as
 * one in the page's language (3,5 / 130.000 / 3,5 % in Danish; 3.5 / 130,000 / 3.5% in
 * English), else text; dates stay text, which the add-in's functions read as dates. In a cell
 * formatted as a percentage a number typed without % is a percentage, as Excel reads it. A cell
 * whose format shows words for its values (ja/nej) is edited as the words, in any case.
 */
import { useRef, useState } from "react";
import type { Language } from "../taskpane/i18n";
import type { CellValue } from "../src/workbook/workbook";
import { formatWords } from "./cellFormat";
import { editKey, type Move } from "./gridKeys";

/** Whether a number format shows a percentage: a % outside quoted text and escapes. */
export function isPercentFormat(format: string | null | undefined): boolean {
  return !!format && /%/.test(format.replace(/"[^"]*"|\\./g, ""));
}

/**
 * A typed text as the cell value Excel would store. In a percentage cell (`format`), Excel's
 * automatic percent entry (on by default: Application.AutoPercentEntry,
 * https://learn.microsoft.com/office/vba/api/excel.application.autopercententry) reads a number
 * typed without % as a percentage: 5 is 5 % (0.05) and 0,5 is 0,5 %, while a fraction typed
 * without its leading zero (,5) is taken as it is (50 %). Microsoft Knowledge Base 215203,
 * "Behavior of Numbers When Using Automatic Percent Entry":
 * https://mskb.pkisolutions.com/kb/215203 (1 -> 1 %, .1 -> 10 %, 0.1 -> 0.1 %).
 * A word the cell's format shows (nej in a ja/nej cell) is its value: Excel would keep the text
 * "nej", which the parameters read as 0 too; the number shows as the format says, as 0 does.
 */
export function typedValue(text: string, language: Language, format?: string | null): CellValue {
  const t = text.trim();
  if (t === "") return "";
  const word = formatWords(format).get(t.toLocaleLowerCase("da"));
  if (word !== undefined) return word;
  const m = /^(-?)([\d.,\s]+)(\s*%)?$/.exec(t);
  if (!m) return t;
  let digits = m[2].replace(/\s/g, "");
  if (language === "da") {
    // A comma is the decimal point; a point groups thousands (130.000), unless it cannot (0.035).
    digits =
      digits.includes(",") || /^[1-9]\d{0,2}(\.\d{3})+$/.test(digits)
        ? digits.replace(/\./g, "").replace(",", ".")
        : digits;
  } else {
    digits = digits.replace(/,/g, "");
  }
  if (!/^\d*\.?\d+$|^\d+\.$/.test(digits)) return t;
  const value = Number(`${m[1]}${digits}`);
  if (m[3]) return value / 100;
  if (!isPercentFormat(format)) return value;
  return Math.abs(value) < 1 && digits.startsWith(".") ? value : value / 100;
}

/**
 * A cell value as the edit box starts with it: numbers in the language's notation, ungrouped;
 * a percentage cell's number as a percentage with its sign (0.035 -> 3,5%), as Excel shows it.
 */
export function editText(value: CellValue, language: Language, format?: string | null): string {
  if (value === null) return "";
  if (typeof value === "number") {
    for (const [word, n] of formatWords(format)) if (n === value) return word;
    const percent = isPercentFormat(format);
    const shown = String(percent ? Number((value * 100).toPrecision(15)) : value);
    return (language === "da" ? shown.replace(".", ",") : shown) + (percent ? "%" : "");
  }
  return String(value);
}

export function CellInput(props: {
  value: CellValue;
  /** A typed character that started the edit: it replaces the value, as in Excel. */
  initial?: string;
  /** The cell's number format: a percentage cell reads typed numbers as percentages. */
  format: string | null;
  language: Language;
  label: string;
  /** The value to keep (undefined: cancelled), and where the key that ended the edit moves. */
  onDone: (value: CellValue | undefined, move?: Move) => void;
}) {
  const { value, initial, format, language, label, onDone } = props;
  const [text, setText] = useState(() => initial ?? editText(value, language, format));
  const finished = useRef(false);
  const finish = (keep: boolean, move?: Move) => {
    if (finished.current) return;
    finished.current = true;
    onDone(keep ? typedValue(text, language, format) : undefined, move);
  };
  return (
    <input
      autoFocus
      aria-label={label}
      data-testid="cell-input"
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onKeyDown={(e) => {
        const action = editKey(e);
        if (!action) return;
        e.preventDefault();
        // Escape cancels and stays; Enter and Tab keep and move, as in Excel.
        finish(action.keep, action.keep ? action.move : { rows: 0, cols: 0 });
      }}
      onBlur={() => finish(true)}
      style={{
        width: "100%",
        boxSizing: "border-box",
        font: "inherit",
        border: "2px solid #217346",
        padding: "0 4px",
        height: 22,
      }}
    />
  );
}
