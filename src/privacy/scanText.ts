/**
 * The form the personal-data guard reads a text in, and where each of its characters came from
 * in the original, so a hit can be masked in the text as written:
 * 1. each character in Unicode's compatibility form (NFKC: a fullwidth digit is a digit, ① is 1,
 *    a no-break space a space), invisible characters (Unicode Cf: zero-width space, soft hyphen,
 *    direction marks; the blank fillers of some scripts) and combining marks removed;
 * 2. encodings undone: percent-encoding (%2D, and UTF-8 such as %E2%80%90), HTML character
 *    references (&#45; &#x2d; &minus; &amp;…) and JavaScript escapes (\u002D, \x2d); a text
 *    encoded twice (%252D, &amp;#45;) is decoded again, up to three rounds;
 * 3. every decimal digit of any script (Unicode Nd: Arabic-Indic ١, Extended Arabic-Indic ۱,
 *    Devanagari १, Bengali, Thai, …) as its ASCII digit, by its numeric value.
 * Step 1 works per code point, not on the whole string: a digit or a separator is one code point
 * either way, and the map back to the original stays one entry per character.
 */

/** Invisible characters and combining marks: dropped (a mark on a digit does not hide it). */
const DROPPED = /[\p{Cf}\p{M}\u115F\u1160\u3164\uFFA0]/u;
const DECIMAL_DIGIT = /\p{Nd}/u;
/** Anything step 1 or 3 would change, or an encoding: texts without any are read as they are. */
const NEEDS_WORK = /[\u0080-\uFFFF%&\\]/;

/**
 * A scan text and, per UTF-16 unit, the original's [from, to) it came from; without the two
 * lists the scan text is the original (most texts: nothing to fold, nothing encoded).
 */
export interface ScanText {
  text: string;
  from?: number[];
  to?: number[];
}

/** Where in the original the scan text's units [start, end) came from. */
export function originalSpan(scan: ScanText, start: number, end: number): [number, number] {
  return scan.from && scan.to ? [scan.from[start], scan.to[end - 1]] : [start, end];
}

const digitValues = new Map<number, number>();

/**
 * A decimal digit's value. Unicode encodes each script's digits 0–9 as one contiguous run
 * (Unicode Stability Policy, Numeric_Type=Decimal), so a digit's value is its distance from the
 * first digit of its run, modulo 10 where runs of ten follow each other.
 */
function digitValue(cp: number): number {
  let value = digitValues.get(cp);
  if (value === undefined) {
    let zero = cp;
    while (DECIMAL_DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
    value = (cp - zero) % 10;
    digitValues.set(cp, value);
  }
  return value;
}

const foldedChars = new Map<number, string>();

/** Step 1 and 3 for one code point above ASCII: folded, dropped ("") or as its ASCII digit. */
function foldedChar(cp: number): string {
  let out = foldedChars.get(cp);
  if (out === undefined) {
    out = "";
    for (const c of String.fromCodePoint(cp).normalize("NFKC")) {
      if (DROPPED.test(c)) continue;
      const folded = c.codePointAt(0)!;
      out += folded > 0x7f && DECIMAL_DIGIT.test(c) ? String(digitValue(folded)) : c;
    }
    foldedChars.set(cp, out);
  }
  return out;
}

const ABOVE_ASCII = /[\u0080-\uFFFF]+/g;

function foldRun(run: string): string {
  let out = "";
  for (const c of run) out += foldedChar(c.codePointAt(0)!);
  return out;
}

/** Step 1 and 3: each code point folded, dropped, or as its ASCII digit. */
function fold(source: ScanText, mapped: boolean): ScanText {
  const { text: s } = source;
  if (!mapped) return { text: s.replace(ABOVE_ASCII, foldRun) };
  let text = "";
  const from: number[] = [];
  const to: number[] = [];
  for (let i = 0; i < s.length;) {
    const cp = s.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const [a, b] = originalSpan(source, i, i + width);
    i += width;
    const out = cp < 0x80 ? s[i - 1] : foldedChar(cp);
    for (let k = 0; k < out.length; k++) {
      from.push(a);
      to.push(b);
    }
    text += out;
  }
  return { text, from, to };
}

/** HTML's named references for the characters a number could be written with, and for `&`. */
const NAMED: Readonly<Record<string, string>> = {
  amp: "&",
  percnt: "%",
  bsol: "\\",
  minus: "\u2212",
  hyphen: "\u2010",
  dash: "\u2010",
  ndash: "\u2013",
  mdash: "\u2014",
  horbar: "\u2015",
  period: ".",
  sol: "/",
  lowbar: "_",
  middot: "\u00B7",
  centerdot: "\u00B7",
  nbsp: "\u00A0",
  ensp: "\u2002",
  emsp: "\u2003",
  emsp13: "\u2004",
  emsp14: "\u2005",
  numsp: "\u2007",
  puncsp: "\u2008",
  thinsp: "\u2009",
  hairsp: "\u200A",
  shy: "\u00AD",
  zwsp: "\u200B",
  zwnj: "\u200C",
  zwj: "\u200D",
};

/**
 * One encoded character (or, for percent-encoding above ASCII, one run of UTF-8 bytes): HTML
 * character references (the semicolon optional after a number, as browsers read them), percent
 * bytes, JavaScript escapes.
 */
const ENCODED =
  /&#[xX]([0-9a-fA-F]{1,6});?|&#([0-9]{1,7});?|&([a-zA-Z][a-zA-Z0-9]{1,31});|%([0-7][0-9a-fA-F])|((?:%[89a-fA-F][0-9a-fA-F])+)|\\u\{([0-9a-fA-F]{1,6})\}|\\u([0-9a-fA-F]{4})|\\x([0-9a-fA-F]{2})/g;

const fromCode = (code: number): string | undefined =>
  code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : undefined;

function decodeOne(m: RegExpMatchArray): string | undefined {
  const [, hex, dec, name, percent, utf8, braced, u4, x2] = m;
  if (hex ?? braced) return fromCode(parseInt((hex ?? braced)!, 16));
  if (dec) return fromCode(Number(dec));
  if (name) return NAMED[name] ?? NAMED[name.toLowerCase()];
  if (percent ?? x2) return String.fromCharCode(parseInt((percent ?? x2)!, 16));
  if (u4) return String.fromCharCode(parseInt(u4, 16));
  try {
    return decodeURIComponent(utf8);
  } catch {
    return undefined;
  }
}

/** Step 2, one round; the same object when nothing was encoded. */
function decode(source: ScanText, mapped: boolean): ScanText {
  const { text: s } = source;
  if (!mapped) {
    const text = s.replace(ENCODED, (...m) => decodeOne(m as RegExpMatchArray) ?? m[0]);
    return text === s ? source : { text };
  }
  let text = "";
  const from: number[] = [];
  const to: number[] = [];
  let last = 0;
  let changed = false;
  const copy = (start: number, end: number) => {
    for (let i = start; i < end; i++) {
      const [a, b] = originalSpan(source, i, i + 1);
      from.push(a);
      to.push(b);
    }
  };
  for (const m of s.matchAll(ENCODED)) {
    const decoded = decodeOne(m);
    if (decoded === undefined) continue;
    changed = true;
    const at = m.index;
    const end = at + m[0].length;
    text += s.slice(last, at) + decoded;
    copy(last, at);
    const [a, b] = originalSpan(source, at, end);
    for (let k = 0; k < decoded.length; k++) {
      from.push(a);
      to.push(b);
    }
    last = end;
  }
  if (!changed) return source;
  text += s.slice(last);
  copy(last, s.length);
  return { text, from, to };
}

/** How many times a text is decoded at most: enough for a text encoded twice, and then some. */
const DECODE_ROUNDS = 3;

/**
 * A text as the guard reads it (see the module's comment); `mapped`: with the map back to the
 * original (to mask a find; reading is faster without).
 */
export function scanText(original: string, mapped = false): ScanText {
  if (!NEEDS_WORK.test(original)) return { text: original };
  let scan = fold({ text: original }, mapped);
  for (let round = 0; round < DECODE_ROUNDS; round++) {
    const decoded = decode(scan, mapped);
    if (decoded === scan) break;
    scan = fold(decoded, mapped);
  }
  return scan;
}
