/**
 * CPR numbers (personnumre) in a scan text (scanText.ts: digits already ASCII, encodings undone).
 *
 * A CPR number is ddmmåå-xxxx: a birth date and a serial number whose first digit, with the
 * year, gives the century (CPR-kontoret, «Personnummeret i CPR-systemet»; cpr.dk › Opbygning af
 * CPR-nummeret):
 *   7th digit 0–3: 1900–1999;  4 and 9: 2000–2036 for åå 00–36, else 1937–1999;
 *   5–8: 2000–2057 for åå 00–57, else 1858–1899.
 * Every number issued before 1 October 2007 satisfies modulus 11 (weights 4 3 2 7 6 5 4 3 2 1);
 * numbers issued since may not (cpr.dk: mostly birth dates of 1 January), so a valid date is
 * what makes a CPR number, and modulus 11 only tells an old number from a date and an amount.
 *
 * What is read as a CPR number: ten digits (or twelve, with the year written in full and in the
 * century the 7th digit gives) in digit groups joined by separators (spaces, hyphens and dashes
 * of every kind, the minus sign, dots, slashes, underscores; at most two marks and three spaces
 * between two groups), whose first six (eight) make a valid date:
 *   010190-1234, 0101901234, 010190 - 1234, 01.01.90-1234, 01 01 90-12 34, 0 1 0 1 9 0 1 2 3 4,
 *   01-01-1990-1234, 01 01 90 1234.
 * Three shapes are what Danish text is full of, and are read as a number only with more evidence:
 * - a date written as a date (dd.mm.åå, dd-mm-åååå, dd/mm/åå: the same mark twice), then only
 *   white space, then four digits (Pr. 31.12.23 1200 kr.): a CPR number only when the ten digits
 *   satisfy modulus 11 (every number issued before 2007 does) and no amount follows (kr.,
 *   kroner, DKK, mio., %, a decimal comma, ",-"); a date and white space before anything else
 *   (31.12.23 10.30, 31.12.23 1.200) is a date and a figure. So a number issued since 2007,
 *   written as a date, a space and four digits, passes; written with a hyphen or as one number,
 *   it does not;
 * - written dates next to each other (01.01.26-31.12.26, 05-03.04.2026): ten digits that begin
 *   or end inside a written date (d.m.åå, d.m.åååå, åååå-m-d) are not a number;
 * - thousands (3.112.231.200, 1 234 567 890: a group of one to three digits, then groups of
 *   three, with the same point or space between all): an amount.
 * Eight-digit phone numbers (12 34 56 78) and ISO dates (2026-05-01) have too few digits; a
 * phone number with +45 has no day 45. Two phone numbers in a row can read as one CPR number,
 * and so can an amount of ten digits written without thousands marks (3112231200 kr.).
 */

/** The full year of a two-digit year, by the century the serial's first digit gives. */
export function birthYear(yy: number, seventh: number): number {
  if (seventh <= 3) return 1900 + yy;
  if (seventh === 4 || seventh === 9) return yy <= 36 ? 2000 + yy : 1900 + yy;
  return yy <= 57 ? 2000 + yy : 1800 + yy;
}

const daysIn = (year: number, month: number) =>
  month === 2
    ? year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
      ? 29
      : 28
    : [4, 6, 9, 11].includes(month)
      ? 30
      : 31;

const validDate = (day: number, month: number, year: number) =>
  month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);

/** Modulus 11 over ten digits: every CPR number issued before 1 October 2007 satisfies it. */
export function modulus11(digits: string): boolean {
  const weights = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += weights[i] * Number(digits[i]);
  return sum % 11 === 0;
}

/**
 * Whether ten digits (ddmmååxxxx), or twelve (ddmmååååxxxx, the year in the century the serial
 * gives), are a birth date and a serial number. The ten digits of the number, or undefined.
 */
export function cprDigits(digits: string): string | undefined {
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  if (digits.length === 10) {
    const year = birthYear(Number(digits.slice(4, 6)), Number(digits[6]));
    return validDate(day, month, year) ? digits : undefined;
  }
  if (digits.length !== 12) return undefined;
  const year = Number(digits.slice(4, 8));
  if (birthYear(year % 100, Number(digits[8])) !== year) return undefined;
  return validDate(day, month, year) ? digits.slice(0, 4) + digits.slice(6) : undefined;
}

/** A number in a cell that may be a CPR number that lost its leading zero. */
export function isCprNumber(n: number): boolean {
  if (!Number.isInteger(n) || n < 1e8 || n >= 1e10) return false;
  return cprDigits(String(n).padStart(10, "0")) !== undefined;
}

/**
 * What may stand between two digit groups of one number: up to three white space characters, at
 * most two marks (hyphens and dashes, the minus sign, dots, slashes, underscores), up to three
 * more white space characters.
 */
const MARK = /[\p{Pd}\u2212\u2044\u2215./\\_\u00B7\u2022\u2219\u22C5]/u;
/** Marks a date is written with (dd.mm.åå, åååå-mm-dd). */
const DATE_MARK = /^[\p{Pd}\u2212./]$/u;
const SPACE = /\s/;
const MAX_GAP = 8;
/** An amount right after the digits: a unit, a decimal comma, ",-". */
const AMOUNT_AFTER = /^\s*(?:kr\b|kr\.|kroner|dkk|mio\b|mio\.|mia\b|mia\.|%|‰|,\d|,-)/iu;

const isDigit = (c: number) => c >= 48 && c <= 57;

/**
 * The marks of the text between two digit groups ("" for white space only), or undefined when
 * it does not join them into one number.
 */
function gapMarks(text: string, from: number, to: number): string | undefined {
  if (to - from > MAX_GAP || to <= from) return undefined;
  let i = from;
  while (i < to && SPACE.test(text[i])) i++;
  const marksAt = i;
  while (i < to && MARK.test(text[i])) i++;
  const marksEnd = i;
  while (i < to && SPACE.test(text[i])) i++;
  const joins = i === to && marksAt - from <= 3 && marksEnd - marksAt <= 2 && to - marksEnd <= 3;
  return joins ? text.slice(marksAt, marksEnd) : undefined;
}

/** The digit groups of a scan text and how they join. */
class Groups {
  readonly start: number[] = [];
  readonly end: number[] = [];
  /** gap[k]: the marks between group k and k + 1 ("" for white space) when they join them. */
  readonly gap: (string | undefined)[] = [];
  /** dateAt[k]: the first group of the written date that group k is part of. */
  readonly dateAt: (number | undefined)[] = [];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) {
      if (!isDigit(text.charCodeAt(i))) continue;
      this.start.push(i);
      while (i + 1 < text.length && isDigit(text.charCodeAt(i + 1))) i++;
      this.end.push(i + 1);
    }
    for (let k = 0; k < this.start.length; k++)
      this.gap.push(gapMarks(text, this.end[k], this.start[k + 1] ?? -1));
    // Written dates, left to right: a window that cuts one (01.01.26-31.12.26) is no number.
    for (let k = 0; k + 2 < this.start.length;)
      if (this.isWrittenDate(k)) {
        this.dateAt[k] = this.dateAt[k + 1] = this.dateAt[k + 2] = k;
        k += 3;
      } else k++;
  }

  get length(): number {
    return this.start.length;
  }

  digits(k: number): number {
    return this.end[k] - this.start[k];
  }

  /** Groups k..k+2 as a date: d.m.åå(åå) or åååå-m-d, with the same mark twice. */
  private isWrittenDate(k: number): boolean {
    const a = this.digits(k);
    const b = this.digits(k + 1);
    const c = this.digits(k + 2);
    const dayFirst = a <= 2 && b <= 2 && (c === 2 || c === 4);
    const yearFirst = a === 4 && b <= 2 && c <= 2;
    if (!dayFirst && !yearFirst) return false;
    const mark = this.gap[k];
    return mark !== undefined && DATE_MARK.test(mark) && this.gap[k + 1] === mark;
  }

  /** Whether groups [i, j] write a number in thousands: 1–3 digits, then threes, one mark. */
  isThousands(i: number, j: number): boolean {
    if (j - i < 2 || this.digits(i) > 3 || !this.isThousandsMark(i)) return false;
    for (let k = i + 1; k <= j; k++)
      if (this.digits(k) !== 3 || (k < j && this.text[this.end[k]] !== this.text[this.end[i]]))
        return false;
    return true;
  }

  /** Whether group k is followed by exactly one point or one space, as thousands are. */
  private isThousandsMark(k: number): boolean {
    const mark = this.text[this.end[k]];
    return this.start[k + 1] === this.end[k] + 1 && (mark === "." || mark === " ");
  }

  /** Whether [i, j] starts or ends inside a written date. */
  cutsDate(i: number, j: number): boolean {
    const last = this.dateAt[j];
    return (
      (this.dateAt[i] !== undefined && this.dateAt[i] !== i) ||
      (last !== undefined && last + 2 !== j)
    );
  }

  /**
   * Whether the ten digits of groups [i, j] are a CPR number: the shape (see the module's
   * comment) and, for a date written as a date, a space and four digits, modulus 11.
   */
  isCpr(i: number, j: number, digits: string): boolean {
    const ten = cprDigits(digits);
    if (!ten || this.isThousands(i, j) || this.cutsDate(i, j)) return false;
    if (this.dateAt[i] !== i) return true;
    // Ten digits from a written date are its date and a serial, not 01.01.19|90… of 01.01.1990.
    if (this.digits(i) + this.digits(i + 1) + this.digits(i + 2) !== digits.length - 4)
      return false;
    if (this.gap[i + 2] !== "") return true;
    // A date written as a date, then white space only.
    const after = this.text.slice(this.end[j], this.end[j] + 12);
    return j === i + 3 && modulus11(ten) && !AMOUNT_AFTER.test(after);
  }
}

/**
 * The CPR numbers in a scan text, as [start, end) of their digits. Linear: each digit group
 * starts at most a few candidates (a candidate has at most twelve digits).
 */
export function cprSpans(text: string): [number, number][] {
  const groups = new Groups(text);
  const spans: [number, number][] = [];
  for (let i = 0; i < groups.length; i++) {
    let count = 0;
    for (let j = i; j < groups.length && count < 12; j++) {
      if (j > i && groups.gap[j - 1] === undefined) break;
      count += groups.digits(j);
      if (count !== 10 && count !== 12) continue;
      let digits = "";
      for (let k = i; k <= j; k++) digits += text.slice(groups.start[k], groups.end[k]);
      if (groups.isCpr(i, j, digits)) spans.push([groups.start[i], groups.end[j]]);
    }
  }
  return spans;
}
