/**
 * The two faces of each custom function: the Node export (functions.ts, SPEC 2: a number or an
 * error value for single cells, a column for ranges) and the function Excel registers
 * (registered.ts): a `matrix` result is always a 2-D array, also for one cell
 * (learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#result). And Excel's rule
 * for messages: only #VALUE! and #N/A show one (custom-functions-errors), so every error any
 * function returns, for any input, is one of those two with a message.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import * as node from "../src/functions/functions";
import * as registered from "../src/functions/registered";
import { EXCEL_FUNCTIONS, FUNCTION_IDS } from "../src/functions/registry";
import { cellError, isErrorValue } from "../src/functions/runtime";

const STAY = ["A", "2026-05-01", "2026-06-01", 1200, 200] as const;
const col = (...values: unknown[]) => values.map((v) => [v]);

describe("Node exports and registered functions", () => {
  it("DK.REFUSION110 on single cells: a number in Node, a 1x1 array for Excel", async () => {
    expect(node.refusion110(...STAY)).toBe(15500);
    expect(
      await registered.refusion110(...(STAY as unknown as [never, never, never, never]))
    ).toEqual([[15500]]);
  });

  it("on ranges both give the same column", async () => {
    const args = [
      col("A", "A"),
      col("2026-06-01", "2026-09-19"),
      col("2026-08-30", "2026-09-29"),
      1000,
    ] as const;
    expect(node.refusionDays110(args[0], args[1], args[2])).toEqual([[90], [0]]);
    expect(await registered.refusionDays110(args[0], args[1], args[2])).toEqual([[90], [0]]);
    expect(await registered.refusion110(args[0], args[1], args[2], [[1000]])).toEqual(
      node.refusion110(...args)
    );
  });

  it("a bad single cell: an error value in Node, the same error inside a 1x1 array for Excel", async () => {
    const bad = ["A", "2026-05-01", "2026-04-01", 1000] as const;
    const error = node.refusion110(...bad);
    expect(isErrorValue(error)).toBe(true);
    expect(
      await registered.refusion110(...(bad as unknown as [never, never, never, never]))
    ).toEqual([[error]]);
  });

  it("the § 85 a and § 107 functions and the tables are 2-D for Excel too", async () => {
    expect(node.refusion85a("2026-01-15", "2026-01-15", "2028-06-30", 73000)).toBe(73000);
    expect(
      await registered.refusion85a(
        "2026-01-15" as never,
        "2026-01-15" as never,
        "2028-06-30" as never,
        73000 as never
      )
    ).toEqual([[73000]]);
    expect(node.refusion107("A", "2026-01-15", "2026-02-01", "2026-10-01", 1000)).toBe(91500);
    const noStays = await registered.refusionPrognose([[""]], [[""]], [[""]], [[""]]);
    expect(noStays).toHaveLength(1);
    expect(isErrorValue(noStays[0][0])).toBe(true);
    expect(isErrorValue(node.forecast([[""]], [[""]], [[""]], [[""]]))).toBe(true);
  });

  it("the Housing First functions are scalar in both", () => {
    const args = [0.1, [[10000], [0], [0], [0]], [[0], [3000], [4200], [6800]]] as const;
    expect(node.housingFirstNpv(...args)).toBe(1188.44);
    expect(registered.housingFirstNpv(...(args as unknown as [never, never, never]))).toBe(1188.44);
    expect(registered.housingFirstBreakeven(...(args as unknown as [never, never, never]))).toBe(4);
  });

  it("the registry serves each registered function under its id", async () => {
    expect(FUNCTION_IDS).toEqual([
      "REFUSION110",
      "REFUSIONDAYS110",
      "REFUSION85A",
      "REFUSION107",
      "HOUSINGFIRSTNPV",
      "HOUSINGFIRSTRATIO",
      "HOUSINGFIRSTBREAKEVEN",
      "REFUSIONPROGNOSE",
      "HOUSINGFIRSTPROJECTION",
      "HOUSINGFIRSTBACKTEST",
      "HOUSINGFIRSTUNCERTAINTY",
    ]);
    expect(EXCEL_FUNCTIONS.REFUSIONPROGNOSE(...STAY)).toEqual(
      await registered.refusionPrognose(...(STAY as unknown as [never, never, never, never]))
    );
  });
});

/** A cell as Excel may pass it: numbers of every kind, date and other text, booleans, blanks, errors. */
const cell = fc.oneof(
  fc.constantFrom(null, "", " ", true, false, Number.NaN, Infinity, -1, 0, 1e308),
  fc.double({ noNaN: false }),
  fc.integer({ min: 1, max: 2958465 }),
  fc.constantFrom(
    "2026-05-01",
    "01-05-2026",
    "1.5.2026",
    "30-02-2026",
    "NY",
    "GAMMEL",
    "x",
    "#N/A"
  ),
  fc.constantFrom({ code: "#DIV/0!" }, cellError("#VALUE!", "fra en anden celle"))
);
const arg = fc.oneof(
  cell,
  fc.array(cell, { minLength: 1, maxLength: 4 }).map((c) => c.map((v) => [v]))
);

/** Every error value in a result, wherever it sits. */
const errorsIn = (result: unknown): { code: string; message?: string }[] =>
  Array.isArray(result) ? result.flat().filter(isErrorValue) : isErrorValue(result) ? [result] : [];

describe("every error explains itself on #VALUE! or #N/A", () => {
  it.each(FUNCTION_IDS)("%s, for any arguments", (id) => {
    const fn = EXCEL_FUNCTIONS[id] as (...args: unknown[]) => unknown;
    fc.assert(
      fc.property(fc.array(arg, { minLength: 0, maxLength: 8 }), (args) => {
        for (const error of errorsIn(fn(...args))) {
          expect(["#VALUE!", "#N/A"]).toContain(error.code);
          expect(error.message ?? "").not.toBe("");
        }
      }),
      { numRuns: 300 }
    );
  });
});
