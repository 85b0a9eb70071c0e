/**
 * rowsByGroup (src/engine/grouped.ts), which lays out the § 110 walk's citizens and the
 * projection's persons, against grouping row by row into arrays.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { rowsByGroup } from "../src/engine/grouped";

describe("rowsByGroup", () => {
  it("lays out each group's rows in row order and leaves out rows of no group", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1, max: 6 }), { maxLength: 60 }), (keys) => {
        const { starts, rows } = rowsByGroup(Int32Array.from(keys), 7);
        const expected = Array.from({ length: 7 }, (_, g) =>
          keys.flatMap((k, row) => (k === g ? [row] : []))
        );
        const actual = expected.map((_, g) => [...rows.subarray(starts[g], starts[g + 1])]);
        expect(actual).toEqual(expected);
        expect(rows.length).toBe(keys.filter((k) => k >= 0).length);
      })
    );
  });

  it("gives three rows of group 1 and one of group 0 for [1, −1, 0, 1, 1]", () => {
    const { starts, rows } = rowsByGroup(Int32Array.from([1, -1, 0, 1, 1]), 2);
    expect([...starts]).toEqual([0, 1, 4]);
    expect([...rows]).toEqual([2, 0, 3, 4]);
  });
});
