/**
 * The few Excel functions the add-in's own sheets use beside its DK. functions. The example sheets'
 * check cells compare a DK. result with the number it must give (`=F4=G4`, `=ROUND(B31,2)=C31`),
 * and Excel's own `=NPV(10%,-10000,3000,4200,6800)` stands beside DK.HOUSINGFIRSTNPV; the
 * Scenarier sheet's budget years (src/sheets/budget) read the spilled projection with
 * `=IF(ISNUMBER($A$47),H47,"")`, deflate with `ROUND(H48/(1+$B$14)^($A$48-$A$47),2)` and add up
 * with `=SUM(Z50:AC50)`. The demo has no calc engine, so formulas.ts evaluates these here, as
 * Excel does: cell references ($ or not) and ranges on the formula's own sheet, numbers (`10%`,
 * `-10000`), "text", the operators + - * / ^ with Excel's precedence (a leading minus before ^,
 * so =-2^2 is 4), at most one comparison (= <> < > <= >=: TRUE or FALSE, text
 * case-insensitively), ROUND (half away from zero), NPV (each value discounted at the end of its
 * period), IF, ISNUMBER and SUM (numbers only; text and blanks in a range left out). An error in a
 * cell it reads is its result, but in IF's branch not taken and inside ISNUMBER. Anything else is
 * not read, and formulas.ts shows #NAME?.
 */
import { a1, parseA1, type CellValue } from "../workbook/workbook";

type FunctionName = "ROUND" | "NPV" | "IF" | "ISNUMBER" | "SUM";
type Compare = "=" | "<>" | "<" | ">" | "<=" | ">=";

type Expr =
  | { kind: "number"; value: number }
  | { kind: "text"; value: string }
  | { kind: "ref"; address: string }
  | { kind: "range"; address: string }
  | { kind: "negate"; arg: Expr }
  | { kind: "binary"; op: "+" | "-" | "*" | "/" | "^"; left: Expr; right: Expr }
  | { kind: "call"; name: FunctionName; args: Expr[] }
  | { kind: "compare"; op: Compare; left: Expr; right: Expr };

/** A formula read: the cells it reads (A1 on its own sheet) and how to compute it. */
export interface Builtin {
  refs: string[];
  evaluate(cell: (address: string) => CellValue): CellValue;
}

/** How many arguments each function takes: [fewest, most]. */
const ARITY: Record<FunctionName, [number, number]> = {
  ROUND: [2, 2],
  NPV: [2, Infinity],
  IF: [2, 3],
  ISNUMBER: [1, 1],
  SUM: [1, Infinity],
};

const TOKEN =
  /\s*(?:(\d+(?:\.\d+)?%?)|"((?:[^"]|"")*)"|(\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)(?![A-Z0-9(!])|([A-Z]+)\(|(<>|<=|>=|[-+*/^,()=<>]))/iy;

type Token =
  { number: string } | { text: string } | { ref: string } | { call: string } | { sign: string };

function tokenize(text: string): Token[] | undefined {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(text);
    if (!m) return undefined;
    if (m[1]) tokens.push({ number: m[1] });
    else if (m[2] !== undefined) tokens.push({ text: m[2].replace(/""/g, '"') });
    else if (m[3]) tokens.push({ ref: m[3].replace(/\$/g, "").toUpperCase() });
    else if (m[4]) tokens.push({ call: m[4].toUpperCase() });
    else tokens.push({ sign: m[5] });
  }
  return tokens;
}

/** Reads a formula of the grammar above; undefined for anything else. */
export function parseBuiltin(text: string): Builtin | undefined {
  if (!text.startsWith("=")) return undefined;
  const tokens = tokenize(text.slice(1));
  if (!tokens) return undefined;
  let i = 0;
  const sign = (...signs: string[]): string | undefined => {
    const t = tokens[i];
    if (t && "sign" in t && signs.includes(t.sign)) {
      i++;
      return t.sign;
    }
    return undefined;
  };
  const primary = (): Expr | undefined => {
    const t = tokens[i++];
    if (!t) return undefined;
    if ("number" in t) return number(t.number);
    if ("text" in t) return { kind: "text", value: t.text };
    if ("ref" in t) return { kind: t.ref.includes(":") ? "range" : "ref", address: t.ref };
    if ("call" in t) {
      if (!(t.call in ARITY)) return undefined;
      const name = t.call as FunctionName;
      const args: Expr[] = [];
      do {
        const arg = comparison();
        if (!arg) return undefined;
        args.push(arg);
      } while (sign(","));
      if (!sign(")")) return undefined;
      const [fewest, most] = ARITY[name];
      if (args.length < fewest || args.length > most) return undefined;
      // A range is an argument of SUM only.
      if (name !== "SUM" && args.some((a) => a.kind === "range")) return undefined;
      return { kind: "call", name, args };
    }
    if (t.sign === "(") {
      const inner = comparison();
      return inner && sign(")") ? inner : undefined;
    }
    return undefined;
  };
  const unary = (): Expr | undefined => {
    if (sign("-")) {
      const arg = unary();
      return arg && { kind: "negate", arg };
    }
    sign("+");
    return primary();
  };
  const power = (): Expr | undefined => {
    let left = unary();
    while (left && sign("^")) {
      const right = unary();
      left = right && { kind: "binary", op: "^", left, right };
    }
    return left;
  };
  const binary = (next: () => Expr | undefined, ops: ("+" | "-" | "*" | "/")[]) => () => {
    let left = next();
    for (let op; left && (op = sign(...ops));) {
      const right = next();
      left = right && { kind: "binary", op: op as (typeof ops)[number], left, right };
    }
    return left;
  };
  const sum = binary(binary(power, ["*", "/"]), ["+", "-"]);
  const comparison = (): Expr | undefined => {
    const left = sum();
    const op = left && (sign("=", "<>", "<=", ">=", "<", ">") as Compare | undefined);
    if (!op) return left;
    const right = sum();
    return right && { kind: "compare", op, left: left!, right };
  };
  const expr = comparison();
  if (!expr || i !== tokens.length || expr.kind === "range") return undefined;
  return { refs: refsOf(expr), evaluate: (cell) => evaluate(expr, cell) };
}

function number(text: string): Expr {
  const percent = text.endsWith("%");
  const value = Number(percent ? text.slice(0, -1) : text);
  return { kind: "number", value: value / (percent ? 100 : 1) };
}

function refsOf(expr: Expr): string[] {
  switch (expr.kind) {
    case "ref":
    case "range":
      return [expr.address];
    case "negate":
      return refsOf(expr.arg);
    case "call":
      return expr.args.flatMap(refsOf);
    case "binary":
    case "compare":
      return [...refsOf(expr.left), ...refsOf(expr.right)];
    default:
      return [];
  }
}

const ERROR = /^#(VALUE!|N\/A|NAME\?|REF!|NUM!|DIV\/0!|NULL!|SPILL!|CALC!|BUSY!)$/;

/** An error value met on the way: it is the formula's result, as in Excel. */
class CellError {
  constructor(readonly code: string) {}
}

function evaluate(expr: Expr, cell: (address: string) => CellValue): CellValue {
  try {
    const v = value(expr, cell);
    return v === null ? 0 : v;
  } catch (error) {
    if (error instanceof CellError) return error.code;
    throw error;
  }
}

/** A cell's value; an error in it is thrown, a blank is null (0 or "" as it is used). */
function read(cell: (address: string) => CellValue, address: string): CellValue {
  parseA1(address);
  const v = cell(address);
  if (typeof v === "string" && ERROR.test(v)) throw new CellError(v);
  return v === undefined || v === "" ? null : v;
}

/** A value as a number for arithmetic and the functions: a blank is 0, text is #VALUE!. */
function numeric(v: CellValue): number {
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  throw new CellError("#VALUE!");
}

const COMPARE: Record<Compare, (order: number) => boolean> = {
  "=": (o) => o === 0,
  "<>": (o) => o !== 0,
  "<": (o) => o < 0,
  ">": (o) => o > 0,
  "<=": (o) => o <= 0,
  ">=": (o) => o >= 0,
};

/** Excel's order of two values: numbers below text below logicals; text case-insensitively. */
function order(a: CellValue, b: CellValue): number {
  const rank = (v: CellValue) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
  // A blank compares as 0 with a number, as "" with text.
  const x = a === null ? (typeof b === "string" ? "" : 0) : a;
  const y = b === null ? (typeof x === "string" ? "" : 0) : b;
  if (rank(x) !== rank(y)) return rank(x) - rank(y);
  if (typeof x === "string" && typeof y === "string")
    return x.toLocaleLowerCase("da").localeCompare(y.toLocaleLowerCase("da"));
  return Number(x) - Number(y);
}

function value(expr: Expr, cell: (address: string) => CellValue): CellValue {
  switch (expr.kind) {
    case "number":
    case "text":
      return expr.value;
    case "ref":
      return read(cell, expr.address);
    case "range":
      throw new CellError("#VALUE!");
    case "negate":
      return -numeric(value(expr.arg, cell));
    case "binary": {
      const a = numeric(value(expr.left, cell));
      const b = numeric(value(expr.right, cell));
      if (expr.op === "/" && b === 0) throw new CellError("#DIV/0!");
      const result =
        expr.op === "+"
          ? a + b
          : expr.op === "-"
            ? a - b
            : expr.op === "*"
              ? a * b
              : expr.op === "/"
                ? a / b
                : a ** b;
      if (!Number.isFinite(result)) throw new CellError("#NUM!");
      return result;
    }
    case "compare":
      return COMPARE[expr.op](order(value(expr.left, cell), value(expr.right, cell)));
    case "call":
      return call(expr.name, expr.args, cell);
  }
}

function call(name: FunctionName, args: Expr[], cell: (address: string) => CellValue): CellValue {
  switch (name) {
    case "IF": {
      const test = value(args[0], cell);
      if (typeof test === "string") throw new CellError("#VALUE!");
      if (numeric(test) !== 0) return value(args[1], cell);
      return args[2] ? value(args[2], cell) : false;
    }
    case "ISNUMBER":
      try {
        return typeof value(args[0], cell) === "number";
      } catch (error) {
        if (error instanceof CellError) return false;
        throw error;
      }
    case "SUM":
      return args.reduce((total, arg) => {
        if (arg.kind !== "range") return total + numeric(value(arg, cell));
        const r = parseA1(arg.address);
        let sum = total;
        for (let row = r.top; row <= r.bottom; row++)
          for (let col = r.left; col <= r.right; col++) {
            const v = read(cell, a1(row, col));
            if (typeof v === "number") sum += v;
          }
        return sum;
      }, 0);
    case "ROUND": {
      const [x, digits] = args.map((a) => numeric(value(a, cell)));
      return round(x, digits);
    }
    case "NPV": {
      const [rate, ...flows] = args.map((a) => numeric(value(a, cell)));
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
