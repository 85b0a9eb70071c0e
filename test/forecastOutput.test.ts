/**
 * What the demo's forecast writes on its sample, cell for cell, held to what it wrote before the
 * run was made faster (issue 23, commit 360e2a5): one digest per part of each sheet (values,
 * formats, tables, charts, widths), so any change to a figure, a text, a format or a chart shows
 * here and names its part. 5 000 and 2 000 rows keep the unit tier fast; the audit sheet spans
 * two of the demo's write steps. A deliberate change to the sheets updates these digests in the
 * same commit (the failure prints the new ones).
 */
import { describe, expect, it } from "@jest/globals";
import { createHash } from "node:crypto";
import { sampleWorkbook } from "../src/demo/sampleData";
import { RULE_SETS } from "../src/engine/rules";
import { findStays, runForecast } from "../src/sheets/forecast/forecastRun";
import type { SheetLanguage } from "../src/sheets/sheetLanguage";

const digest = (x: unknown) =>
  createHash("sha256").update(JSON.stringify(x)).digest("hex").slice(0, 16);

/** Each sheet's parts as digests, after a run on a fresh sample of `rows` rows. */
async function written(
  rows: number,
  language: SheetLanguage,
  pseudonymise: boolean,
  rules: "NY" | "NY-VINDUE"
): Promise<Record<string, Record<string, string>>> {
  const workbook = sampleWorkbook({ rows });
  const found = (await findStays(workbook))!;
  await runForecast(workbook, found, found.mapping, {
    pseudonymise,
    language,
    forecast: { rules: RULE_SETS[rules] },
  });
  return Object.fromEntries(
    workbook.sheets.map((s) => [
      s.name,
      {
        values: digest(s.values),
        formats: digest(s.formats),
        tables: digest(s.tables),
        charts: digest(s.charts),
        widths: digest([s.columnWidths, s.fitRegions ?? null, s.freezeRows]),
      },
    ])
  );
}

describe("the forecast's sheets on the sample are as before", () => {
  it("5 000 rows, Danish, NY", async () => {
    expect(await written(5_000, "da", false, "NY")).toEqual({
      "Budget 2026": {
        values: "98f25a6d65781c32",
        formats: "054f75483e29dbeb",
        tables: "4f53cda18c2baa0c",
        charts: "4f53cda18c2baa0c",
        widths: "7d99eada377f3d6d",
      },
      Refusionsprognose: {
        values: "2f33c37493db4521",
        formats: "da0cdc4d85027d83",
        tables: "fc46e7467ffa971a",
        charts: "3abfadb096ba967e",
        widths: "3db121d3d147182d",
      },
      "Refusion pr. ophold": {
        values: "3d1b89d51f36037d",
        formats: "3d39b5c4ec1454be",
        tables: "c9ad9c77fc3ffd87",
        charts: "4f53cda18c2baa0c",
        widths: "9eff83f044b0648e",
      },
    });
  });

  it("2 000 rows, English, pseudonymised, NY-VINDUE", async () => {
    expect(await written(2_000, "en", true, "NY-VINDUE")).toEqual({
      "Budget 2026": {
        values: "ec0d7420d2773845",
        formats: "ce40e728e523ee25",
        tables: "4f53cda18c2baa0c",
        charts: "4f53cda18c2baa0c",
        widths: "7d99eada377f3d6d",
      },
      Refusionsprognose: {
        values: "d955fe7b2a0cfe00",
        formats: "da0cdc4d85027d83",
        tables: "fc46e7467ffa971a",
        charts: "8a25c94c15940bb0",
        widths: "3db121d3d147182d",
      },
      "Refusion pr. ophold": {
        values: "5c7172409fdbc168",
        formats: "49e18630cf99f73d",
        tables: "de69c67c717e4a55",
        charts: "4f53cda18c2baa0c",
        widths: "ab1161ff5be2d5f4",
      },
    });
  });
});
