/**
 * The demo grid shows cells as Excel does with their number formats (invariant format codes,
 * shown with Danish or English separators), and its charts' axes use round steps.
 */
import { describe, expect, it } from "@jest/globals";
import { d } from "../src/engine/calendar";
import { formatCell } from "../demo/cellFormat";
import { niceTicks } from "../demo/ChartView";

describe("formatCell: numbers", () => {
  const cases: [number, string | null, string, string][] = [
    [15500, '#,##0.00 "kr."', "15.500,00 kr.", "15,500.00 kr."],
    [-1234567.89, '#,##0.00 "kr."', "-1.234.567,89 kr.", "-1,234,567.89 kr."],
    [0, '#,##0.00 "kr."', "0,00 kr.", "0.00 kr."],
    [109125, "#,##0", "109.125", "109,125"],
    [999, "#,##0", "999", "999"],
    [2026, "0", "2026", "2026"],
    [0.125, "0.0%", "12,5%", "12.5%"],
    [1234.5, "0.00", "1234,50", "1234.50"],
    [-5, "#,##0;[Red]-#,##0", "-5", "-5"],
    [-5, "#,##0;(#,##0)", "(5)", "(5)"],
    [3.5, "#,##0.00_);\\(#,##0.00\\)", "3,50 ", "3.50 "],
    [0.1 + 0.2, null, "0,3", "0.3"],
    [1 / 3, "General", "0,3333333333", "0.3333333333"],
    [42, "@", "42", "42"],
    // Conditional sections, as the Scenarier sheet's yes/no parameters use them.
    [1, '[=1]"ja";[=0]"nej";0', "ja", "ja"],
    [0, '[=1]"ja";[=0]"nej";0', "nej", "nej"],
    [2, '[=1]"ja";[=0]"nej";0', "2", "2"],
    [150, '[>=100]#,##0" stor";0', "150 stor", "150 stor"],
  ];
  it.each(cases)("%s with %s: %s (da) / %s (en)", (value, format, da, en) => {
    expect(formatCell(value, format, "da")).toBe(da);
    expect(formatCell(value, format, "en")).toBe(en);
  });
});

describe("formatCell: dates, text, blanks, booleans", () => {
  it("shows a date serial in the format's order", () => {
    expect(formatCell(d("2026-05-01"), "dd-mm-yyyy", "da")).toBe("01-05-2026");
    expect(formatCell(d("2024-02-29"), "yyyy-mm-dd", "en")).toBe("2024-02-29");
    expect(formatCell(d("2026-05-01"), "d. mmmm yyyy", "da")).toBe("1. maj 2026");
    expect(formatCell(d("2026-12-24"), "d mmm yy", "en")).toBe("24 Dec 26");
    // A time of day does not move the date.
    expect(formatCell(d("2026-05-01") + 0.75, "dd-mm-yyyy", "da")).toBe("01-05-2026");
  });
  it("leaves text as it is and blanks empty", () => {
    expect(formatCell("30-02-2022", "dd-mm-yyyy", "da")).toBe("30-02-2022");
    expect(formatCell("", '#,##0.00 "kr."', "da")).toBe("");
    expect(formatCell(null, null, "da")).toBe("");
  });
  it("shows booleans as Excel does in the language", () => {
    expect(formatCell(true, null, "da")).toBe("SAND");
    expect(formatCell(false, null, "en")).toBe("FALSE");
  });
});

describe("niceTicks: chart axis steps", () => {
  it("covers the data from 0 in steps of 1, 2 or 5 times a power of ten", () => {
    expect(niceTicks(0, 14_450_000)).toEqual([0, 5_000_000, 10_000_000, 15_000_000]);
    expect(niceTicks(0, 21_000_000)).toEqual([
      0, 5_000_000, 10_000_000, 15_000_000, 20_000_000, 25_000_000,
    ]);
    expect(niceTicks(-300, 900)).toEqual([-500, 0, 500, 1000]);
    expect(niceTicks(0, 15_000_000)).toEqual([0, 5_000_000, 10_000_000, 15_000_000]);
    expect(niceTicks(0, 0.7)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(0, 0)).toEqual([0, 1]);
  });
});
