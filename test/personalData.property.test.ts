/**
 * The personal-data guard on random input: every written form of a random valid CPR number (a
 * valid birth date with a 7th digit of its century, any serial) is caught and masked, in any
 * script's digits and any encoding; dates and amounts of the same shapes pass.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { modulus11 } from "../src/privacy/cpr";
import { hasCprNumber, maskPersonalData } from "../src/privacy/personalData";

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The 7th digits CPR-kontoret's table allows for a birth year. */
function seventhDigits(year: number): number[] {
  const yy = year % 100;
  if (year < 1900) return [5, 6, 7, 8];
  if (year < 2000) return yy >= 37 ? [0, 1, 2, 3, 4, 9] : [0, 1, 2, 3];
  return yy <= 36 ? [4, 5, 6, 7, 8, 9] : [5, 6, 7, 8];
}

interface Cpr {
  day: string;
  month: string;
  year: number;
  serial: string;
}

const cprArb: fc.Arbitrary<Cpr> = fc
  .record({
    year: fc.integer({ min: 1858, max: 2057 }),
    month: fc.integer({ min: 1, max: 12 }),
    dayIndex: fc.nat(),
    seventh: fc.nat(),
    rest: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ year, month, dayIndex, seventh, rest }) => {
    const digits = seventhDigits(year);
    return {
      day: pad((dayIndex % daysIn(year, month)) + 1),
      month: pad(month),
      year,
      serial: `${digits[seventh % digits.length]}${pad(rest, 3)}`,
    };
  });

/** A separator as it may be written, before any encoding. */
const SEPARATORS = ["-", "‐", "‑", "–", "—", "−", "/", ".", "_", " ", " - ", " – ", "\u00A0"];
/** How a separator may be encoded. */
const ENCODINGS: ((sep: string) => string)[] = [
  (s) => s,
  (s) => encodeURIComponent(s).replace(/[-._]/g, (c) => `%${c.charCodeAt(0).toString(16)}`),
  (s) => [...s].map((c) => `&#${c.codePointAt(0)};`).join(""),
  (s) => [...s].map((c) => `&#x${c.codePointAt(0)!.toString(16)};`).join(""),
  (s) => s.replace(/-/g, "&minus;").replace(/ /g, "&nbsp;"),
  (s) => encodeURIComponent(encodeURIComponent(s).replace(/-/g, "%2D")),
];
/** Decimal digits of scripts other than Latin, by their zero (NFKC folds the last two). */
const ZEROS = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xa66, 0xe50, 0xff10, 0x1d7ce];

/** The ways a CPR number's digits are laid out, each with a separator `s` where it has one. */
const LAYOUTS: ((c: Cpr, s: string) => string)[] = [
  (c) => `${c.day}${c.month}${pad(c.year % 100)}${c.serial}`,
  (c, s) => `${c.day}${c.month}${pad(c.year % 100)}${s}${c.serial}`,
  (c, s) => `${c.day}.${c.month}.${pad(c.year % 100)}${s}${c.serial}`,
  (c, s) =>
    `${c.day} ${c.month} ${pad(c.year % 100)}${s}${c.serial.slice(0, 2)} ${c.serial.slice(2)}`,
  (c, s) => `${c.day}${s}${c.month}${s}${c.year}${s}${c.serial}`,
  (c, s) => [...`${c.day}${c.month}${pad(c.year % 100)}${c.serial}`].join(s),
];

const writtenArb = fc
  .record({
    cpr: cprArb,
    layout: fc.constantFrom(...LAYOUTS),
    separator: fc.constantFrom(...SEPARATORS),
    encode: fc.constantFrom(...ENCODINGS),
    zero: fc.constantFrom(...ZEROS),
    invisible: fc.boolean(),
    before: fc.constantFrom("", "Sag ", "Borger: ", "(note "),
    after: fc.constantFrom("", " flyttede", ".", ")"),
  })
  .map(({ cpr, layout, separator: chosen, encode, zero, invisible, before, after }) => {
    // A date written as a date needs more than white space before the serial (see cpr.ts).
    const separator = layout === LAYOUTS[2] && chosen.trim() === "" ? "-" : chosen;
    const marker = "\uE000";
    const laid = layout(cpr, marker);
    const digits = laid.replace(/[0-9]/g, (c) => String.fromCodePoint(zero + Number(c)));
    const hidden = invisible ? digits.replace(/^(.{3})/u, "$1\u200B") : digits;
    return `${before}${hidden.split(marker).join(encode(separator))}${after}`;
  });

describe("every written form of a valid CPR number is caught", () => {
  it("in any layout, script, separator and encoding, with text around it", () => {
    fc.assert(
      fc.property(writtenArb, (text) => {
        expect(hasCprNumber(text)).toBe(true);
        const masked = maskPersonalData(text);
        expect(masked.text).toContain("XXXXXX-XXXX");
        expect(hasCprNumber(masked.text)).toBe(false);
      }),
      { numRuns: 2000 }
    );
  });
});

const dateArb = fc
  .record({
    year: fc.integer({ min: 1990, max: 2060 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ year, month, day }) => ({ year, month: pad(month), day: pad(day), yy: pad(year % 100) }));

const da = new Intl.NumberFormat("da-DK", { maximumFractionDigits: 2 });

describe("dates and amounts of the same shapes pass", () => {
  it("dates, amounts with thousands, periods, phone numbers, a date and an amount", () => {
    const textArb = fc.oneof(
      dateArb.map((t) => `${t.day}.${t.month}.${t.yy}`),
      dateArb.map((t) => `${t.year}-${t.month}-${t.day}`),
      fc
        .tuple(dateArb, dateArb)
        .map(([a, b]) => `${a.day}.${a.month}.${a.yy}-${b.day}.${b.month}.${b.yy}`),
      fc
        .tuple(dateArb, dateArb)
        .map(([a, b]) => `${a.day}-${a.month}-${a.year} - ${b.day}-${b.month}-${b.year}`),
      fc
        .tuple(dateArb, dateArb)
        .map(([a, b]) => `${a.year}-${a.month}-${a.day} til ${b.year}-${b.month}-${b.day}`),
      fc.double({ min: 0, max: 1e11, noNaN: true }).map((x) => `${da.format(x)} kr.`),
      fc.integer({ min: 1e9, max: 1e10 }).map((x) => `${da.format(x)} kr.`),
      fc
        .tuple(dateArb, fc.integer({ min: 1000, max: 9999 }))
        .map(([t, n]) => `Pr. ${t.day}.${t.month}.${t.yy} ${n} kr.`),
      fc
        .tuple(dateArb, fc.double({ min: 1000, max: 1e7, noNaN: true }))
        .map(([t, x]) => `Pr. ${t.day}.${t.month}.${t.year} ${da.format(x)} kr.`),
      fc
        .integer({ min: 10_000_000, max: 99_999_999 })
        .map((n) => String(n).replace(/(\d\d)(?=\d)/g, "$1 ")),
      fc.integer({ min: 10_000_000, max: 99_999_999 }).map((n) => `+45 ${n}`)
    );
    fc.assert(
      fc.property(textArb, (text) => {
        expect(hasCprNumber(text)).toBe(false);
      }),
      { numRuns: 2000 }
    );
  });

  it("a date written as a date, a space and four digits: a CPR number exactly when modulus 11 holds", () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: 0, max: 9999 }), (t, n) => {
        const serial = pad(n, 4);
        expect(hasCprNumber(`Sag ${t.day}.${t.month}.${t.yy} ${serial}`)).toBe(
          modulus11(`${t.day}${t.month}${t.yy}${serial}`)
        );
      }),
      { numRuns: 1000 }
    );
  });
});
