/**
 * Editing one cell of the demo's grid, as typing in Excel: double-click a cell, type, Enter (or
 * leave the cell) to keep, Escape to cancel. What is typed becomes a number when it reads as
 * one in the page's language (3,5 / 130.000 / 3,5 % in Danish; 3.5 / 130,000 / 3.5% in
 * English), else text; dates stay text, which the add-in's functions read as dates.
 */
import { useRef, useState } from "react";
import type { Language } from "../../../taskpane/i18n";
import type { CellValue } from "../../workbook/workbook";

/** A typed text as the cell value Excel would store. */
export function typedValue(text: string, language: Language): CellValue {
  const t = text.trim();
  if (t === "") return "";
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
  return m[3] ? value / 100 : value;
}

/** A cell value as the edit box starts with it: numbers in the language's notation, ungrouped. */
export function editText(value: CellValue, language: Language): string {
  if (value === null) return "";
  if (typeof value === "number")
    return language === "da" ? String(value).replace(".", ",") : String(value);
  return String(value);
}

export function CellInput(props: {
  value: CellValue;
  language: Language;
  label: string;
  onDone: (value: CellValue | undefined) => void;
}) {
  const { value, language, label, onDone } = props;
  const [text, setText] = useState(() => editText(value, language));
  const finished = useRef(false);
  const finish = (keep: boolean) => {
    if (finished.current) return;
    finished.current = true;
    onDone(keep ? typedValue(text, language) : undefined);
  };
  return (
    <input
      autoFocus
      aria-label={label}
      data-testid="cell-input"
      value={text}
      onChange={(e) => setText(e.currentTarget.value)}
      onKeyDown={(e) => {
        if (e.key === "Enter") finish(true);
        else if (e.key === "Escape") finish(false);
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
