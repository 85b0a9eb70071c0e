/**
 * One set of coercion helpers for every custom function (and for the task pane, which reads
 * the same kinds of cells): Excel arguments -> engine values, or a Danish error.
 *
 * Excel passes a range as a 2-D array of cell values and a single cell as a scalar (or a 1x1
 * array); an omitted optional argument arrives as null or undefined; an empty cell as null or ""
 * in Excel on the web and as 0 in Excel desktop, in single cells and inside ranges alike
 * (https://github.com/OfficeDev/office-js/issues/4702, /5262, /1951). So a date, citizen, amount,
 * flag or rule-set cell that holds 0 is empty here (isEmpty): serial 0 is never a date, citizen 0
 * no citizen, a daily rate of 0 a missing rate; results are the same whichever encoding arrives.
 * Errors are values here, never exceptions.
 */
import {
  FIRST_SERIAL,
  LAST_SERIAL,
  isInRange,
  readDateText,
  type Serial,
} from "../engine/calendar";
import { Decimal, MAX_KRONER, dec, readNumberText } from "../engine/money";
import { ruleSetByName, RULE_SETS, type RuleSet } from "../engine/rules";
import {
  dischargeBeforeAdmission,
  type Period,
  type RowError,
  type StayInput,
} from "../engine/shelter";
import { problemError, showCell as show, type Label as Words } from "../messages";
import { isErrorValue } from "./errorValue";

export type { RowError };

export const isRowError = (v: unknown): v is RowError =>
  typeof v === "object" && v !== null && "code" in v && "message" in v && !(v instanceof Decimal);

/**
 * A column's name in messages: Danish and English, or one text (a function's Danish argument
 * name) that both languages use.
 */
export type Label = string | Words;
const words = (label: Label): Words =>
  typeof label === "string" ? { da: label, en: label } : label;

/** A blank cell: omitted, null, or text with only spaces. */
export function isBlank(cell: unknown): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/**
 * An empty cell as any Excel passes it: blank, or the 0 that Excel desktop passes for an empty
 * cell (see the top of this file). For the dates, citizens, amounts, flags and rule sets of the
 * functions' rows; a discount rate or a year's amount keeps 0 as a number.
 */
export function isEmpty(cell: unknown): boolean {
  return cell === 0 || isBlank(cell);
}

const EXCEL_ERROR_TEXT =
  /^#(VALUE!|NUM!|N\/A|DIV\/0!|REF!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA)$/i;

/** Rejects what no column accepts: Excel error values and booleans. */
function rejectSpecial(cell: unknown, label: Label): RowError | undefined {
  const error = isErrorValue(cell)
    ? cell.code
    : typeof cell === "string" && cell.includes("#") && EXCEL_ERROR_TEXT.test(cell.trim())
      ? cell.trim().toUpperCase()
      : undefined;
  if (error) return problemError({ id: "cellHoldsError", label: words(label), error });
  if (typeof cell === "boolean") return problemError({ id: "cellIsBoolean", label: words(label) });
  return undefined;
}

/**
 * A date cell: an Excel serial (a time of day is dropped: whole days) or date text in ISO
 * (2026-05-01), Danish (01-05-2026, 1.5.2026, 1. maj 2026) or two-digit-year (01-05-26) form
 * (calendar.ts reads them all, for the demo's file loader too).
 */
export function dateCell(cell: unknown, label: Label): Serial | RowError {
  const special = rejectSpecial(cell, label);
  if (special) return special;
  if (isEmpty(cell)) return problemError({ id: "valueMissing", label: words(label) });
  let serial: number | undefined;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell))
      return problemError({ id: "notADate", label: words(label), shown: show(cell) });
    serial = Math.floor(cell);
  } else if (typeof cell === "string") {
    const read = readDateText(cell);
    if (read === undefined)
      return problemError({ id: "dateTextUnreadable", label: words(label), shown: show(cell) });
    if (typeof read !== "number")
      return problemError({
        id: "dateTextUnsafe",
        label: words(label),
        shown: show(cell),
        reason: { da: read.da, en: read.en },
      });
    serial = read;
  } else {
    return problemError({ id: "notADate", label: words(label), shown: show(cell) });
  }
  if (!isInRange(serial))
    return problemError({
      id: "dateOutOfRange",
      label: words(label),
      first: FIRST_SERIAL,
      last: LAST_SERIAL,
    });
  return serial;
}

/** A date cell that may be blank (a discharge of an open stay, a period end). */
export function optionalDateCell(cell: unknown, label: Label): Serial | null | RowError {
  if (isEmpty(cell)) return null;
  return dateCell(cell, label);
}

/**
 * A number from a cell: a number, or text in unambiguous Danish form ("1.200,50", "1200,50",
 * "1.200,00 kr."; money.ts readNumberText) as Excel users type it into text cells and CSV files.
 * Ambiguous text ("1.200") and anything else is an error that says why, never a silent 0.
 */
function numberFrom(cell: unknown, label: Label, percent: boolean): number | RowError {
  if (typeof cell === "number") {
    if (!Number.isFinite(cell))
      return problemError({ id: "notAValidNumber", label: words(label), value: cell });
    return cell;
  }
  if (typeof cell === "string") {
    const read = readNumberText(cell, { percent });
    if (typeof read === "number") return read;
    if (read)
      return problemError({
        id: "numberTextInvalid",
        label: words(label),
        reason: { da: read.da, en: read.en },
      });
  }
  return problemError({ id: "notANumber", label: words(label), shown: show(cell) });
}

/**
 * A non-negative amount in kroner as the cell holds it (a number, or Danish amount text); text
 * that is not an amount is an error, not a silent 0. At most MAX_KRONER, so integer øre stay
 * exact through the engine's products (money.ts). The engine keeps such numbers exact; see
 * moneyCell for a Decimal.
 */
export function kronerCell(
  cell: unknown,
  label: Label,
  blank: "zero" | "error"
): number | RowError {
  const special = rejectSpecial(cell, label);
  if (special) return special;
  if (isEmpty(cell))
    return blank === "zero" ? 0 : problemError({ id: "valueMissing", label: words(label) });
  const value = numberFrom(cell, label, false);
  if (isRowError(value)) return value;
  if (value < 0) return problemError({ id: "amountNegative", label: words(label), value });
  if (value > MAX_KRONER)
    return problemError({ id: "amountTooLarge", label: words(label), value, max: MAX_KRONER });
  return value;
}

/** kronerCell as an exact Decimal. */
export function moneyCell(
  cell: unknown,
  label: Label,
  blank: "zero" | "error"
): Decimal | RowError {
  const kroner = kronerCell(cell, label, blank);
  return isRowError(kroner) ? kroner : dec(kroner);
}

/** A citizen id (borger): text or a number, never blank (nor 0, an empty cell). */
export function citizenCell(cell: unknown, label: Label): string | RowError {
  const special = rejectSpecial(cell, label);
  if (special) return special;
  if (isEmpty(cell)) return problemError({ id: "valueMissing", label: words(label) });
  if (typeof cell === "number")
    return Number.isFinite(cell)
      ? String(cell)
      : problemError({ id: "citizenInvalid", label: words(label) });
  if (typeof cell === "string") return cell.trim();
  return problemError({ id: "notACitizen", label: words(label), shown: show(cell) });
}

/** A single-cell argument given as a scalar or a 1x1 range. */
export function scalarArg(arg: unknown): unknown {
  if (Array.isArray(arg)) {
    if (arg.length === 1 && Array.isArray(arg[0]) && arg[0].length === 1) return arg[0][0];
    return arg; // left for the caller to reject as "not one cell"
  }
  return arg;
}

/**
 * The rule set argument: NY (default), NY-VINDUE or GAMMEL, also NEW/NEW-WINDOW/OLD, any case.
 * `currentLawOnly` for the tables that compute GAMMEL beside it anyway (DK.REFUSIONPROGNOSE, DK.HOUSINGFIRSTPROJECTION).
 */
export function ruleSetArg(arg: unknown, currentLawOnly = false): RuleSet | RowError {
  const value = scalarArg(arg);
  if (isEmpty(value)) return RULE_SETS.NY;
  const special = rejectSpecial(value, "Regelsæt");
  if (special) return special;
  const found = typeof value === "string" ? ruleSetByName(value) : undefined;
  if (found && currentLawOnly && found.name === "GAMMEL")
    return problemError({ id: "ruleSetGammelInTable" });
  return found ?? problemError({ id: "unknownRuleSet", shown: show(value) });
}

/** The optional period [start, end], both inclusive. */
export function periodArgs(startArg: unknown, endArg: unknown): Period | RowError {
  const startLabel = words("Periodestart");
  const start = Array.isArray(scalarArg(startArg))
    ? problemError({ id: "notOneCell", label: startLabel })
    : optionalDateCell(scalarArg(startArg), startLabel);
  if (isRowError(start)) return start;
  const endLabel = words("Periodeslut");
  const end = Array.isArray(scalarArg(endArg))
    ? problemError({ id: "notOneCell", label: endLabel })
    : optionalDateCell(scalarArg(endArg), endLabel);
  if (isRowError(end)) return end;
  if (start !== null && end !== null && end < start)
    return problemError({ id: "periodEndBeforeStart" });
  return { start: start ?? undefined, end: end ?? undefined };
}

/** A row-wise argument: one cell (applies to every row) or a single-column range. */
export interface Column {
  cells: unknown[];
  /** False when the argument was a single value, which then applies to every row. */
  isRange: boolean;
}

export function columnArg(arg: unknown, label: Label): Column | RowError {
  if (!Array.isArray(arg)) return { cells: [arg], isRange: false };
  if (arg.length === 0) return problemError({ id: "rangeEmpty", label: words(label) });
  const rows = arg as unknown[];
  if (!rows.every((r) => Array.isArray(r))) return { cells: rows, isRange: true };
  const width = (rows[0] as unknown[]).length;
  // One pass: a range of 100 000 rows is read on every recalculation.
  const cells: unknown[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as unknown[];
    if (row.length !== 1)
      return problemError({ id: "rangeNotOneColumn", label: words(label), columns: width });
    cells[i] = row[0];
  }
  return { cells, isRange: true };
}

/**
 * Checks that the row-wise arguments agree on a length (a single value fits any length) and
 * returns it, with whether the result should spill as a column.
 */
export function alignColumns(
  columns: Record<string, Column>
): { length: number; spill: boolean } | RowError {
  let length = 1;
  let lengthFrom = "";
  for (const [label, column] of Object.entries(columns)) {
    const n = column.cells.length;
    if (n === 1) continue;
    if (lengthFrom && n !== length) {
      return problemError({
        id: "rangesDifferInLength",
        first: words(lengthFrom),
        length,
        other: words(label),
        otherLength: n,
      });
    }
    length = n;
    lengthFrom = label;
  }
  return { length, spill: Object.values(columns).some((c) => c.isRange) };
}

/** The cell of a column for a row, repeating a single value. */
export const at = (column: Column, row: number): unknown =>
  column.cells.length === 1 ? column.cells[0] : column.cells[row];

/**
 * A signed number (a discount rate, a year's amount): a number, or Danish number text ("1.200,50",
 * "3,5 %"); other text is an error, not a silent 0.
 */
export function numberCell(
  cell: unknown,
  label: Label,
  blank: "zero" | "error"
): Decimal | RowError {
  const special = rejectSpecial(cell, label);
  if (special) return special;
  if (isBlank(cell))
    return blank === "zero" ? dec(0) : problemError({ id: "valueMissing", label: words(label) });
  const value = numberFrom(cell, label, true);
  return isRowError(value) ? value : dec(value);
}

/** A TRUE/FALSE cell (SAND/FALSK in Danish Excel); empty (blank or 0) gives `blankValue`. */
export function flagCell(cell: unknown, label: Label, blankValue: boolean): boolean | RowError {
  if (isErrorValue(cell))
    return problemError({ id: "cellHoldsError", label: words(label), error: cell.code });
  if (isEmpty(cell)) return blankValue;
  if (typeof cell === "boolean") return cell;
  return problemError({ id: "notTrueFalse", label: words(label), shown: show(cell) });
}

/** Per-year amounts of a range: the years up to its last filled cell, and how many cells it has. */
export interface YearsArg {
  /** Years 1..T, T the last cell neither blank nor 0 (blanks before it are 0). */
  years: Decimal[];
  /** Cells in the range, blank or not. */
  cells: number;
}

/**
 * Per-year amounts for years 1..T from one row or one column (or one cell: one year).
 * A blank year is 0 (unlike Excel's NPV, which skips blanks and shifts the later years). Blank
 * cells after the last filled one are no years at all: a whole column (1 048 576 rows) with
 * four amounts is four years, read in time of its cells, not of a million decimal years.
 */
export function yearsArg(arg: unknown, label: string): YearsArg | RowError {
  const range = yearCells(arg, label);
  if (isRowError(range)) return range;
  const years: Decimal[] = [];
  for (let t = 0; t < range.filled; t++) {
    const value = numberCell(range.cell(t), `${label}, år ${t + 1}`, "zero");
    if (isRowError(value)) return value;
    years.push(value);
  }
  return { years, cells: range.count };
}

/**
 * yearsArg's years as doubles, when every cell up to the last filled one is a finite number or
 * blank (what a column of amounts holds); undefined otherwise, for yearsArg to read or refuse.
 * A whole column is read in one pass without a Decimal per cell.
 */
export function yearsNumbers(
  arg: unknown,
  label: string
): { years: Float64Array; cells: number } | undefined {
  const range = yearCells(arg, label);
  if (isRowError(range)) return undefined;
  const years = new Float64Array(range.filled);
  for (let t = 0; t < range.filled; t++) {
    const v = range.cell(t);
    if (typeof v === "number" && Number.isFinite(v)) years[t] = v;
    else if (!isBlank(v)) return undefined;
  }
  return { years, cells: range.count };
}

/** A range's cells as years: the cell of year t + 1, how many cells, and how many are years. */
function yearCells(
  arg: unknown,
  label: string
): { cell: (t: number) => unknown; count: number; filled: number } | RowError {
  let cell: (t: number) => unknown;
  let count: number;
  if (!Array.isArray(arg)) {
    cell = () => arg;
    count = 1;
  } else if (!Array.isArray(arg[0])) {
    cell = (t) => arg[t];
    count = arg.length;
  } else {
    const rows = arg as unknown[][];
    const width = rows[0]?.length ?? 0;
    if (rows.length === 0 || width === 0)
      return problemError({ id: "rangeEmpty", label: words(label) });
    if (rows.length > 1 && width > 1)
      return problemError({
        id: "rangeNotRowOrColumn",
        label: words(label),
        rows: rows.length,
        columns: width,
      });
    // One pass of length checks: a whole column is a million rows (Array.isArray on each costs more).
    for (const r of rows)
      if (typeof r !== "object" || r === null || r.length !== width)
        return problemError({ id: "rangeNotRectangular", label: words(label) });
    cell = rows.length === 1 ? (t) => rows[0][t] : (t) => rows[t][0];
    count = rows.length === 1 ? width : rows.length;
  }
  // Trailing zeros are years of nothing: Excel desktop passes an empty cell as 0, the web as null.
  let filled = count;
  while (filled > 0 && isEmpty(cell(filled - 1))) filled--;
  return { cell, count, filled };
}

/** A stay row's fields with the labels that messages name them by, Danish and English. */
export const STAY_FIELD_LABELS = {
  citizen: { da: "Borger", en: "Citizen" },
  admission: { da: "Indskrivning", en: "Admission" },
  discharge: { da: "Udskrivning", en: "Discharge" },
  dailyRate: { da: "Takst", en: "Daily rate" },
  selfPayment: { da: "Egenbetaling", en: "Self-payment" },
} as const;
export type StayField = keyof typeof STAY_FIELD_LABELS;

/** The Danish labels, which also name the cell functions' arguments in their messages. */
export const STAY_LABELS = Object.fromEntries(
  Object.entries(STAY_FIELD_LABELS).map(([f, l]) => [f, l.da])
) as {
  [F in StayField]: (typeof STAY_FIELD_LABELS)[F]["da"];
};

/**
 * One § 110 stay from its cells, for the cell functions and the pane alike. A discharge before
 * its admission is reported here with the engine's own message, so a validation report shows
 * it before anything is computed. Without `withMoney` the rate columns are not read (0).
 */
export function stayFromCells(
  cell: (field: StayField) => unknown,
  withMoney = true
): StayInput | RowError {
  const citizen = citizenCell(cell("citizen"), STAY_FIELD_LABELS.citizen);
  if (isRowError(citizen)) return citizen;
  const admission = dateCell(cell("admission"), STAY_FIELD_LABELS.admission);
  if (isRowError(admission)) return admission;
  const discharge = optionalDateCell(cell("discharge"), STAY_FIELD_LABELS.discharge);
  if (isRowError(discharge)) return discharge;
  if (discharge !== null && discharge < admission)
    return dischargeBeforeAdmission(admission, discharge);
  if (!withMoney) return { citizen, admission, discharge, dailyRate: 0, selfPayment: 0 };
  const dailyRate = kronerCell(cell("dailyRate"), STAY_FIELD_LABELS.dailyRate, "error");
  if (isRowError(dailyRate)) return dailyRate;
  const selfPayment = kronerCell(cell("selfPayment"), STAY_FIELD_LABELS.selfPayment, "zero");
  if (isRowError(selfPayment)) return selfPayment;
  return { citizen, admission, discharge, dailyRate, selfPayment };
}
