/**
 * What the demo's forecast writes on the 50 000-row sample, cell for cell, held to what it wrote
 * before the run was made faster (issue 23, commit 360e2a5): one digest per part of each sheet
 * (values, formats, tables, charts, widths), so any change to a figure, a text, a format or a
 * chart shows here and names its part. A deliberate change to the sheets updates these digests
 * in the same commit (the failure prints the new ones).
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
  it("50 000 rows, Danish, NY", async () => {
    expect(await written(50_000, "da", false, "NY")).toEqual({
      "Budget 2026": {
        values: "01cb32b04ffa7559",
        formats: "668ddf10a7946678",
        tables: "4f53cda18c2baa0c",
        charts: "4f53cda18c2baa0c",
        widths: "7d99eada377f3d6d",
      },
      Refusionsprognose: {
        values: "ff4f33381a47e54b",
        formats: "da0cdc4d85027d83",
        tables: "fc46e7467ffa971a",
        charts: "3abfadb096ba967e",
        widths: "3db121d3d147182d",
      },
      "Refusion pr. ophold": {
        values: "c4a18d86d63c821c",
        formats: "9e8a97dcdf83cfa6",
        tables: "7a35b68668de8057",
        charts: "4f53cda18c2baa0c",
        widths: "e1b6cf6c2406e6dc",
      },
    });
  });

  it("20 000 rows, English, pseudonymised, NY-VINDUE", async () => {
    expect(await written(20_000, "en", true, "NY-VINDUE")).toEqual({
      "Budget 2026": {
        values: "beb7f9351dcb91a6",
        formats: "65fc76adf56f74d5",
        tables: "4f53cda18c2baa0c",
        charts: "4f53cda18c2baa0c",
        widths: "7d99eada377f3d6d",
      },
      Refusionsprognose: {
        values: "6982a520ed0dc488",
        formats: "da0cdc4d85027d83",
        tables: "fc46e7467ffa971a",
        charts: "8a25c94c15940bb0",
        widths: "3db121d3d147182d",
      },
      "Refusion pr. ophold": {
        values: "f62ec9ee94780dcd",
        formats: "448e19fd15bfc328",
        tables: "84cace891976f15f",
        charts: "4f53cda18c2baa0c",
        widths: "6e39cd0ac7e9f112",
      },
    });
  });
});
