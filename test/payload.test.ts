/**
 * The size of one DK.REFUSION110 call against Excel on the web's 5 MB request limit
 * (bench/payload.ts says how it is estimated): the rows per call that README and help.html
 * promise keep a margin of at least 2 below the estimate, and both documents say it.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "@jest/globals";
import { DOCUMENTED_MAX_ROWS, refusion110Payload } from "../bench/payload";

const ROOT = path.resolve(__dirname, "..");

describe("one DK.REFUSION110 call under Excel on the web's 5 MB limit", () => {
  it("the demo municipality's rows take about 40 bytes each as JSON, so over 100 000 rows fit", () => {
    const e = refusion110Payload(20_000);
    expect(e.bytesPerRow).toBeGreaterThan(30);
    expect(e.bytesPerRow).toBeLessThan(50);
    expect(e.rowsUnderLimit).toBeGreaterThanOrEqual(2 * DOCUMENTED_MAX_ROWS);
  });

  it("README and the help page name the documented limit and send larger sheets to the pane", () => {
    const figure = DOCUMENTED_MAX_ROWS.toLocaleString("da-DK").replace(/\./g, " ");
    for (const file of ["README.md", "taskpane/help.html", "taskpane/help-en.html"]) {
      const text = readFileSync(path.join(ROOT, file), "utf8");
      expect([file, text.includes(`${figure} rows`) || text.includes(`${figure} rækker`)]).toEqual([
        file,
        true,
      ]);
    }
  });
});
