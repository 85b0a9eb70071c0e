/**
 * The demo workbook's stand-in for Excel's calc engine, for the add-in's own formulas only:
 * `=DK.NAME(arg, …)` where an argument is an A1 range (optionally with a sheet name, quoted as
 * Excel quotes it: 'Budget 2026'!A4:A803), a table column (Ophold2026[Borger], Ophold2026[[Borger-ID]],
 * quotes escaping [ ] # '), a number, a "string", TRUE/FALSE, or left empty.
 * The custom function runs exactly as Excel would call it (ranges as 2-D arrays of cell values,
 * an omitted argument as null) and its result spills from the formula's cell; a formula is
 * evaluated again when a cell it reads changes, and so are formulas that read its spill.
 * The example sheets' check cells and Excel's NPV beside them are read by builtins.ts.
 * Errors show as Excel shows them: #VALUE! or #N/A from the function, #NAME? for a formula
 * this evaluator cannot read, #REF! for a missing sheet, #SPILL! when the result would cover
 * cells that are not blank.
 */
import { FUNCTIONS_NAMESPACE } from "../functions/namespace";
import { EXCEL_FUNCTIONS } from "../functions/registry";
import { isErrorValue } from "../cells/errorValue";
import { parseBuiltin } from "./builtins";
import { a1, parseA1, type CellValue, type Rect, type SheetCell } from "../workbook/workbook";

/**
 * What the evaluator reads and writes of a sheet: the memory workbook's sheets are these. Declared
 * here, so the evaluator takes what it needs and the workbook depends on the evaluator, not both
 * ways round.
 */
export interface FormulaSheet {
  name: string;
  values: CellValue[][];
  formats: {
    top: number;
    left: number;
    bottom: number;
    right: number;
    numberFormat?: string;
    fontSize?: number;
  }[];
  tables: readonly { name: string; top: number; left: number; bottom: number; right: number }[];
  formulas?: SheetFormula[];
}

/** The workbook as the evaluator sees it. */
export interface FormulaBook {
  readonly sheets: readonly FormulaSheet[];
  getSheet(name: string): FormulaSheet | undefined;
}

type Arg =
  | { kind: "range"; sheet?: string; address: string }
  | { kind: "column"; table: string; column: string }
  | { kind: "value"; value: number | string | boolean | null };

export interface ParsedFormula {
  /** The function's name without the namespace, upper case: "HOUSINGFIRSTPROJECTION". */
  name: string;
  args: Arg[];
}

/** A formula on a sheet of the demo workbook and the area its last result covered. */
export interface SheetFormula {
  row: number;
  col: number;
  text: string;
  spill: { rows: number; cols: number };
  /** The evaluation still computing (calc in a worker); a newer one aborts it. */
  pending?: AbortController;
}

/** Splits on top-level commas, keeping quoted strings, quoted sheet names and table columns whole. */
function splitArgs(text: string): string[] | undefined {
  const parts: string[] = [];
  let current = "";
  let quote: '"' | "'" | undefined;
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (depth > 0) {
      // Inside a structured reference's brackets a quote escapes the next character.
      current += ch === "'" ? ch + (text[++i] ?? "") : ch;
      if (ch === "[") depth++;
      else if (ch === "]") depth--;
    } else if (quote) {
      current += ch;
      if (ch === quote) {
        if (text[i + 1] === quote) current += text[++i];
        else quote = undefined;
      }
    } else if (ch === '"' || ch === "'") {
      quote = ch;
      current += ch;
    } else if (ch === "[") {
      depth++;
      current += ch;
    } else if (ch === ",") {
      parts.push(current.trim());
      current = "";
    } else {
      current += ch;
    }
  }
  if (quote || depth > 0) return undefined;
  parts.push(current.trim());
  return parts;
}

const CELL = "\\$?[A-Za-z]{1,3}\\$?\\d+";
const RANGE = new RegExp(
  `^(?:(?:'((?:[^']|'')+)'|([A-Za-z_][\\wæøåÆØÅ.]*))!)?(${CELL}(?::${CELL})?)$`
);

const TABLE_COLUMN = /^([\p{L}_\\][\p{L}\p{N}_.]*)\[(\[(?:'.|[^'[\]#])+\]|(?:'.|[^'[\]#])+)\]$/u;

/** `Table[Column]` or `Table[[Column]]`, quote escapes undone; undefined for anything else. */
function parseTableColumn(text: string): Arg | undefined {
  const m = TABLE_COLUMN.exec(text);
  if (!m) return undefined;
  const inner = m[2].startsWith("[") ? m[2].slice(1, -1) : m[2];
  return { kind: "column", table: m[1], column: inner.replace(/'(.)/g, "$1") };
}

function parseArg(text: string): Arg | undefined {
  if (text === "") return { kind: "value", value: null };
  if (/^-?\d+(\.\d+)?$/.test(text)) return { kind: "value", value: Number(text) };
  if (/^-?\d+(\.\d+)?%$/.test(text))
    return { kind: "value", value: Number(text.slice(0, -1)) / 100 };
  if (/^"(?:[^"]|"")*"$/.test(text))
    return { kind: "value", value: text.slice(1, -1).replace(/""/g, '"') };
  if (/^(TRUE|FALSE|SAND|FALSK)$/i.test(text))
    return { kind: "value", value: /^(TRUE|SAND)$/i.test(text) };
  const m = RANGE.exec(text);
  if (!m) return parseTableColumn(text);
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  return { kind: "range", sheet, address: m[3].replace(/\$/g, "").toUpperCase() };
}

/** The add-in's own formulas: the build's namespace (src/functions/namespace.ts), a name, arguments. */
const FORMULA = new RegExp(
  `^=\\s*${FUNCTIONS_NAMESPACE}\\.([A-Z][A-Z0-9]*)\\s*\\((.*)\\)\\s*$`,
  "is"
);

/** Reads `=DK.NAME(args)` (DK: the build's namespace); undefined for anything else. */
export function parseFormula(text: string): ParsedFormula | undefined {
  const m = FORMULA.exec(text);
  if (!m) return undefined;
  const parts = m[2].trim() === "" ? [] : splitArgs(m[2]);
  if (!parts) return undefined;
  const args: Arg[] = [];
  for (const p of parts) {
    const arg = parseArg(p);
    if (!arg) return undefined;
    args.push(arg);
  }
  return { name: m[1].toUpperCase(), args };
}

/** The custom function Excel would call for DK.NAME: the one registered with the id NAME. */
function customFunction(name: string): ((...args: unknown[]) => unknown) | undefined {
  return Object.prototype.hasOwnProperty.call(EXCEL_FUNCTIONS, name)
    ? (EXCEL_FUNCTIONS[name as keyof typeof EXCEL_FUNCTIONS] as (...args: unknown[]) => unknown)
    : undefined;
}

const cellOf = (value: unknown): CellValue => {
  if (isErrorValue(value)) return value.code;
  if (typeof value === "number") return Number.isFinite(value) ? value : "#NUM!";
  if (typeof value === "string" || typeof value === "boolean") return value;
  return "";
};

/** Where a table column's data is: its sheet and A1 address; undefined for no such table or column. */
export type ColumnResolver = (
  table: string,
  column: string
) => { sheet: string; address: string } | undefined;

/** A formula read and its arguments resolved: the custom function to call and what it gets. */
export interface FormulaCall {
  name: string;
  args: unknown[];
}

/**
 * Reads a formula with `read(sheet, address)` giving a range's cells (undefined for a sheet that
 * does not exist) and `column` locating table columns: the call to make, or the error block the
 * formula shows without one (#NAME?, #REF!).
 */
export function formulaCall(
  text: string,
  read: (sheet: string | undefined, address: string) => CellValue[][] | undefined,
  column: ColumnResolver = () => undefined
): FormulaCall | CellValue[][] {
  const parsed = parseFormula(text);
  if (!parsed) {
    const builtin = parseBuiltin(text);
    const cell = (address: string) => read(undefined, address)?.[0]?.[0] ?? "";
    return [[builtin ? builtin.evaluate(cell) : "#NAME?"]];
  }
  if (!customFunction(parsed.name)) return [["#NAME?"]];
  const args: unknown[] = [];
  for (const arg of parsed.args) {
    if (arg.kind === "value") {
      args.push(arg.value);
      continue;
    }
    const at = arg.kind === "range" ? arg : column(arg.table, arg.column);
    const cells = at && read(at.sheet, at.address);
    if (!cells) return [["#REF!"]];
    args.push(cells);
  }
  return { name: parsed.name, args };
}

/** Calls DK.NAME as Excel would (ranges as 2-D arrays, an omitted argument as null): its result as cell values. */
export function callFunction(name: string, args: readonly unknown[]): CellValue[][] {
  const fn = customFunction(name);
  if (!fn) return [["#NAME?"]];
  const result = fn(...args);
  if (!Array.isArray(result)) return [[cellOf(result)]];
  return (result as unknown[][]).map((row) =>
    Array.isArray(row) ? row.map(cellOf) : [cellOf(row)]
  );
}

/** A formula's result block; see formulaCall for the arguments. */
export function evaluateFormula(
  text: string,
  read: (sheet: string | undefined, address: string) => CellValue[][] | undefined,
  column: ColumnResolver = () => undefined
): CellValue[][] {
  const call = formulaCall(text, read, column);
  return Array.isArray(call) ? call : callFunction(call.name, call.args);
}

/**
 * Where the custom functions run: here (callFunction), or in a web worker (calc.ts), which
 * answers later; the cell shows #BUSY! meanwhile, as Excel shows it for a function still
 * computing. `signal` fires when a newer evaluation of the same formula makes this one moot.
 */
export type Calculate = (
  name: string,
  args: unknown[],
  signal: AbortSignal
) => CellValue[][] | Promise<CellValue[][]>;

const sameName = (a: string, b: string) => a.toLocaleLowerCase("da") === b.toLocaleLowerCase("da");

/** Takes a sheet spec's cells: number formats as format regions, formulas to evaluate. */
export function applyCells(sheet: FormulaSheet, cells: readonly SheetCell[] | undefined): void {
  for (const cell of cells ?? []) {
    const at = parseA1(cell.at);
    if (cell.numberFormat !== undefined)
      sheet.formats.push({
        ...at,
        bottom: at.top,
        right: at.left,
        numberFormat: cell.numberFormat,
      });
    if (cell.fontSize !== undefined)
      sheet.formats.push({ ...at, bottom: at.top, right: at.left, fontSize: cell.fontSize });
    if (cell.formula !== undefined) {
      (sheet.formulas ??= []).push({
        row: at.top,
        col: at.left,
        text: cell.formula,
        spill: { rows: 0, cols: 0 },
      });
    }
  }
}

/** The areas a formula reads, its own sheet for ranges without a sheet name. */
function reads(formula: SheetFormula, home: string, column: ColumnResolver): Area[] {
  const parsed = parseFormula(formula.text);
  if (!parsed)
    return (parseBuiltin(formula.text)?.refs ?? []).map((address) => ({
      sheet: home,
      ...parseA1(address),
    }));
  return parsed.args.flatMap((a) => {
    const at =
      a.kind === "range"
        ? { sheet: a.sheet ?? home, address: a.address }
        : a.kind === "column"
          ? column(a.table, a.column)
          : undefined;
    return at ? [{ sheet: at.sheet, ...parseA1(at.address) }] : [];
  });
}

/** A table column's data body (the rows below the header) in the workbook's tables, by their current bounds. */
function tableColumns(workbook: FormulaBook): ColumnResolver {
  return (tableName, column) => {
    for (const sheet of workbook.sheets) {
      const t = sheet.tables.find((x) => sameName(x.name, tableName));
      if (!t) continue;
      for (let c = t.left; c <= t.right; c++) {
        if (sameName(String(sheet.values[t.top]?.[c] ?? ""), column))
          return { sheet: sheet.name, address: a1(t.top + 1, c, Math.max(t.top + 1, t.bottom), c) };
      }
      return undefined;
    }
    return undefined;
  };
}

const overlaps = (a: Area, b: Area) =>
  sameName(a.sheet, b.sheet) &&
  a.top <= b.bottom &&
  b.top <= a.bottom &&
  a.left <= b.right &&
  b.left <= a.right;

/** Writes a result block from the formula's cell, clearing what its last result covered. */
function spill(sheet: FormulaSheet, formula: SheetFormula, block: CellValue[][]): Area {
  const put = (r: number, c: number, v: CellValue) => {
    while (sheet.values.length <= r) sheet.values.push([]);
    const row = sheet.values[r];
    while (row.length < c) row.push("");
    row[c] = v;
  };
  const before = formula.spill;
  const inBefore = (r: number, c: number) =>
    r < formula.row + before.rows && c < formula.col + before.cols;
  const rows = block.length;
  const cols = Math.max(1, ...block.map((r) => r.length));
  // Excel's #SPILL!: the result may only cover blank cells (or its own last result).
  let blocked = false;
  for (let r = 0; r < rows && !blocked; r++) {
    for (let c = 0; c < cols; c++) {
      if (r === 0 && c === 0) continue;
      const v = sheet.values[formula.row + r]?.[formula.col + c];
      if (
        v !== undefined &&
        v !== "" &&
        v !== null &&
        !inBefore(formula.row + r, formula.col + c)
      ) {
        blocked = true;
        break;
      }
    }
  }
  for (let r = 0; r < before.rows; r++)
    for (let c = 0; c < before.cols; c++) put(formula.row + r, formula.col + c, "");
  const shown = blocked ? [["#SPILL!"]] : block;
  shown.forEach((row, r) => row.forEach((v, c) => put(formula.row + r, formula.col + c, v)));
  formula.spill = blocked ? { rows: 1, cols: 1 } : { rows, cols };
  const covered = {
    rows: Math.max(before.rows, formula.spill.rows),
    cols: Math.max(before.cols, formula.spill.cols),
  };
  return {
    sheet: sheet.name,
    top: formula.row,
    left: formula.col,
    bottom: formula.row + covered.rows - 1,
    right: formula.col + covered.cols - 1,
  };
}

/** A changed rectangle of a sheet (0-based, inclusive). */
export type Area = { sheet: string } & Rect;

const thenable = (x: unknown): x is Promise<CellValue[][]> =>
  typeof (x as { then?: unknown } | null)?.then === "function";

/**
 * Evaluates the workbook's formulas: all of them, or those that read the changed area or sit in
 * it, then those that read what they spilled (each formula at most once per change). With a
 * `calculate` that answers later, a formula shows #BUSY! until its result comes, then its
 * result spills, the formulas reading it follow, and `onLater` is told.
 */
export function recalculate(
  workbook: FormulaBook,
  changed?: Area,
  options: {
    calculate?: Calculate;
    onLater?: () => void;
    /** The formula whose late result changed the area: the others follow it. */
    after?: SheetFormula;
  } = {}
): void {
  const { calculate = callFunction, onLater } = options;
  const all = workbook.sheets.flatMap((sheet) =>
    (sheet.formulas ?? []).map((formula) => ({ sheet, formula }))
  );
  if (all.length === 0) return;
  const read = (home: FormulaSheet) => (name: string | undefined, address: string) => {
    const sheet = name === undefined ? home : workbook.getSheet(name);
    if (!sheet) return undefined;
    const a = parseA1(address);
    const out: CellValue[][] = [];
    for (let r = a.top; r <= a.bottom; r++) {
      const row: CellValue[] = [];
      for (let c = a.left; c <= a.right; c++) row.push(sheet.values[r]?.[c] ?? "");
      out.push(row);
    }
    return out;
  };
  const column = tableColumns(workbook);
  const done = new Set<SheetFormula>(options.after ? [options.after] : []);
  let pending: Area[] | undefined = changed && [changed];
  while (true) {
    const due = all.filter(
      ({ sheet, formula }) =>
        !done.has(formula) &&
        (!pending ||
          pending.some((p) =>
            overlaps(p, {
              sheet: sheet.name,
              top: formula.row,
              left: formula.col,
              bottom: formula.row,
              right: formula.col,
            })
          ) ||
          reads(formula, sheet.name, column).some((a) => pending!.some((p) => overlaps(a, p))))
    );
    if (due.length === 0) return;
    pending = due.map(({ sheet, formula }) => {
      done.add(formula);
      formula.pending?.abort();
      formula.pending = undefined;
      const call = formulaCall(formula.text, read(sheet), column);
      if (Array.isArray(call)) return spill(sheet, formula, call);
      const controller = new AbortController();
      const result = calculate(call.name, call.args, controller.signal);
      if (!thenable(result)) return spill(sheet, formula, result);
      formula.pending = controller;
      const settle = (block: CellValue[][]) => {
        if (formula.pending !== controller) return; // a newer evaluation took over
        formula.pending = undefined;
        recalculate(workbook, spill(sheet, formula, block), { ...options, after: formula });
        onLater?.();
      };
      result.then(settle, (error: unknown) => {
        if (!(error instanceof Error && error.name === "AbortError")) settle([["#VALUE!"]]);
      });
      return spill(sheet, formula, [["#BUSY!"]]);
    });
  }
}
