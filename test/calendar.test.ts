import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import {
  d,
  danishFromSerial,
  edate,
  isoFromSerial,
  parseDateText,
  quarterOf,
  serialFromYmd,
  ymdFromSerial,
} from "../src/engine/calendar";

describe("Excel serials, 1900 system", () => {
  it.each([
    ["1900-01-01", 1],
    ["1900-02-28", 59],
    ["1900-03-01", 61],
    ["2024-01-01", 45292],
    ["2026-05-01", 46143],
    ["9999-12-31", 2958465],
  ])("%s is serial %i, as Excel's DATE gives", (iso, serial) => {
    expect(serialFromYmd(...(iso.split("-").map(Number) as [number, number, number]))).toBe(serial);
    expect(isoFromSerial(serial)).toBe(iso);
  });

  it("serial 60 is Excel's fictitious 1900-02-29", () => {
    expect(ymdFromSerial(60)).toEqual({ year: 1900, month: 2, day: 29 });
    expect(serialFromYmd(1900, 2, 29)).toBe(60);
  });

  it("round-trips every serial from 1900-03-01 to 9999-12-31", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2958465 }), (s) => {
        const { year, month, day } = ymdFromSerial(s);
        return serialFromYmd(year, month, day) === s;
      })
    );
  });
});

describe("EDATE", () => {
  it.each([
    ["2026-05-01", 12, "2027-05-01"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2028-02-29", 12, "2029-02-28"],
    ["2023-10-01", 24, "2025-10-01"],
    ["2026-03-31", -1, "2026-02-28"],
  ])("EDATE(%s, %i) = %s", (start, months, expected) => {
    expect(isoFromSerial(edate(d(start), months))).toBe(expected);
  });
});

describe("date text", () => {
  it.each(["2026-05-01", "01-05-2026", "1.5.2026", "1/5/2026", " 2026-5-1 "])(
    "%s is 1 May 2026",
    (text) => {
      expect(parseDateText(text)).toBe(46143);
    }
  );
  it.each(["2026-02-30", "31-04-2026", "abc", "2026/13/01", "", "45000", "10000-01-01"])(
    "%s is not a date",
    (text) => {
      expect(parseDateText(text)).toBeUndefined();
    }
  );
  it("formats Danish dates and quarters", () => {
    expect(danishFromSerial(d("2026-05-01"))).toBe("01-05-2026");
    expect(
      [d("2026-01-01"), d("2026-04-01"), d("2026-09-30"), d("2026-12-31")].map(quarterOf)
    ).toEqual([1, 2, 3, 4]);
  });
});
