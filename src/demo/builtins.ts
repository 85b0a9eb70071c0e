/**
 * The few Excel functions the add-in's example sheets use beside its own (src/examples): a check
 * cell compares a DK. result with the number it must give (`=F4=G4`, `=ROUND(B31,2)=C31`), and
 * Excel's own `=NPV(10%,-10000,3000,4200,6800)` stands beside DK.HOUSINGFIRSTNPV. The demo has no
 * calc engine, so formulas.ts evaluates these here, as Excel does: cell references on the
 * formula's own sheet, numbers (`10%`, `-10000`), ROUND (half away from zero), NPV (each value
 * discounted at the end of its period) and one comparison with `=` (TRUE or FALSE; an error in a
 * cell it reads is its result). Anything else is not read, and formulas.ts shows #NAME?.
 */
import { parseA1, type CellValue } from "../workbook/workbook";

type Expr =
  | { kind: "number"; value: number }
  | { kind: "ref"; address: string }
  | { kind: "call"; name: "ROUND" | "NPV"; args: Expr[] }
  | { kind: "compare"; left: Expr; right: Expr };

/** A formula read: the cells it reads (A1 on its own sheet) and how to compute it. */
export interface Builtin {
  refs: string[];
  evaluate(cell: (address: string) => CellValue): CellValue;
}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?%?)|([A-Z]{1,3}\d+)|([A-Z]+)\(|([-,()=]))/iy;

type Token = { number: string } | { ref: string } | { call: string } | { sign: string };

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(text);
    if (!m) return undefined;
    if (m[1]) tokens.push({ number: m[1] });
    else if (m[2]) tokens.push({ ref: m[2].toUpperCase() });
    else if (m[3]) tokens.push({ call: m[3].toUpperCase() });
    else tokens.push({ sign: m[4] });
  }
  return tokens;
}

/** Reads `=side` or `=side=side`; undefined for anything else. */
export function parseBuiltin(text: string): Builtin | undefined {
  if (!text.startsWith("=")) return undefined;
  const tokens = tokenize(text.slice(1));
  if (!tokens) return undefined;
  let i = 0;
  const sign = (s: string) => {
    const t = tokens[i];
    if (t && "sign" in t && t.sign === s) {
      i++;
      return true;
    }
    return false;
  };
  const side = (): Expr | undefined => {
    const t = tokens[i++];
    if (!t) return undefined;
    if ("sign" in t && t.sign === "-") {
      const next = tokens[i++];
      return next && "number" in next ? number(next.number, -1) : undefined;
    }
    if ("number" in t) return number(t.number, 1);
    if ("ref" in t) return { kind: "ref", address: t.ref };
    if ("call" in t && (t.call === "ROUND" || t.call === "NPV")) {
      const args: Expr[] = [];
      do {
        const arg = side();
        if (!arg) return undefined;
        args.push(arg);
      } while (sign(","));
      if (!sign(")")) return undefined;
      const arity = t.call === "ROUND" ? args.length === 2 : args.length >= 2;
      return arity ? { kind: "call", name: t.call, args } : undefined;
    }
    return undefined;
  };
  const left = side();
  if (!left) return undefined;
  let expr: Expr = left;
  if (sign("=")) {
    const right = side();
    if (!right) return undefined;
    expr = { kind: "compare", left, right };
  }
  if (i !== tokens.length) return undefined;
  return { refs: refsOf(expr), evaluate: (cell) => evaluate(expr, cell) };
}

function number(text: string, sign: number): Expr {
  const percent = text.endsWith("%");
  const value = Number(percent ? text.slice(0, -1) : text);
  return { kind: "number", value: (sign * value) / (percent ? 100 : 1) };
}

function refsOf(expr: Expr): string[] {
  if (expr.kind === "ref") return [expr.address];
  if (expr.kind === "call") return expr.args.flatMap(refsOf);
  if (expr.kind === "compare") return [...refsOf(expr.left), ...refsOf(expr.right)];
  return [];
}

const ERROR = /^#(VALUE!|N\/A|NAME\?|REF!|NUM!|DIV\/0!|NULL!|SPILL!|CALC!|BUSY!)$/;

/** An error value met on the way: it is the formula's result, as in Excel. */
class CellError {
  constructor(readonly code: string) {}
}

function evaluate(expr: Expr, cell: (address: string) => CellValue): CellValue {
  try {
    return value(expr, cell);
  } catch (error) {
    if (error instanceof CellError) return error.code;
    throw error;
  }
}

function value(expr: Expr, cell: (address: string) => CellValue): CellValue {
  switch (expr.kind) {
    case "number":
      return expr.value;
    case "ref": {
      parseA1(expr.address);
      const v = cell(expr.address);
      if (typeof v === "string" && ERROR.test(v)) throw new CellError(v);
      return v === null || v === "" ? 0 : v;
    }
    case "compare": {
      const a = value(expr.left, cell);
      const b = value(expr.right, cell);
      return typeof a === "string" && typeof b === "string"
        ? a.toLocaleLowerCase("da") === b.toLocaleLowerCase("da")
        : a === b;
    }
    case "call": {
      const args = expr.args.map((arg) => {
        const v = value(arg, cell);
        if (typeof v !== "number") throw new CellError("#VALUE!");
        return v;
      });
      if (expr.name === "ROUND") return round(args[0], args[1]);
      const [rate, ...flows] = args;
      return flows.reduce((sum, flow, t) => sum + flow / (1 + rate) ** (t + 1), 0);
    }
  }
}

/**
 * Excel's ROUND: half away from zero, as the decimal digits shown (1.005 → 1.01, which the
 * binary 1.00499999… would not give without the nudge of one unit in the last place).
 */
function round(x: number, digits: number): number {
  const f = 10 ** Math.trunc(digits);
  return (Math.sign(x) * Math.round(Math.abs(x) * f * (1 + Number.EPSILON))) / f;
}
