/**
 * With the pane in English, the add-in's own sheets are in English: the forecast sheet, the audit
 * sheet, the Scenarier sheet's labels and notes, the comparison sheet, their headers and charts.
 * What stays Danish is the API: the sheets' and tables' names, the parameter names in the
 * Scenarier sheet's column A (the formula reads them), the Danish function names and the header
 * texts of the functions' spilled tables. The Scenarier sheet reads back in either language.
 */
import { describe, expect, it } from "@jest/globals";
import { sampleWorkbook } from "../src/demo/sampleData";
import type { MemoryWorkbook } from "../src/demo/memoryWorkbook";
import { FROM_DATA_TEXT, PARAMETERS, parameterById } from "../src/engine/parameters";
import { PROJECTION_COLUMNS } from "../src/functions/scenarioFunctions";
import { BUDGET_TEXTS } from "../src/sheets/budget/budgetYears";
import {
  AUDIT_SHEET,
  FORECAST_SHEET,
  findStays,
  runForecast,
} from "../src/sheets/forecast/forecastRun";
import { comparisonSheet, type Comparison } from "../src/sheets/scenarios/compare";
import { LAYOUT, SCENARIO_SHEET, staysRef } from "../src/sheets/scenarios/scenarioSheet";
import {
  createOrUpdate,
  readModel,
  saveActiveAs,
  switchTo,
} from "../src/sheets/scenarios/scenarioStore";
import { setSheetLanguage } from "../src/sheets/sheetLanguage";
import type { CellValue } from "../src/workbook/workbook";

/** A sheet's header row of a table, by the table's name. */
function tableHeader(wb: MemoryWorkbook, sheet: string, table: string): CellValue[] {
  const t = wb.getSheet(sheet)!.tables.find((x) => x.name === table)!;
  return wb.getSheet(sheet)!.values[t.top].slice(t.left, t.right + 1);
}

/** Danish words the add-in's own texts use; none may show on an English sheet. */
const DANISH =
  /\b(Periode|Kvartal|I alt|Opholdsdøgn|Bruttoudgift|Egenbetaling|Kommunal|Grundlag|Løbende|Faste|Refusionsdøgn|Forskel|Borger|Indskrivning|Udskrivning|Advarsler|Regel|vindue|døgn|Brugergrupper|Gruppe|Værdi|Enhed|Beskrivelse|Kilde|Aktivt|Gemte|Formel|Scenarie|Nutidsværdi|Afkast|ingen|Lav|Høj)\b/;

describe("the forecast's sheets in English", () => {
  it("titles, notes, headers, the budget years, the audit and the charts; the sheets' and tables' names stay", async () => {
    const wb = sampleWorkbook();
    const found = (await findStays(wb))!;
    const result = await runForecast(wb, found, found.mapping, {
      pseudonymise: true,
      language: "en",
    });
    expect(result.sheets.forecast.name).toBe(FORECAST_SHEET);
    expect(result.sheets.audit.name).toBe(AUDIT_SHEET);
    const forecast = wb.getSheet(FORECAST_SHEET)!;
    expect(forecast.values[0][0]).toMatch(/^Refund forecast: stays in shelters/);
    expect(forecast.values[1][0]).toBe(BUDGET_TEXTS.en.title([2027, 2028, 2029, 2030]));
    expect(tableHeader(wb, FORECAST_SHEET, "RefusionPrAar")).toEqual([
      "Year",
      "Stay nights",
      "Refund days NY",
      "Refund days GAMMEL",
      "Gross cost",
      "Self-payment",
      "Refund NY",
      "Refund GAMMEL",
      "Difference (cost of the reform)",
      "Municipal net cost",
    ]);
    expect(tableHeader(wb, FORECAST_SHEET, "Refusionsprognose").slice(0, 2)).toEqual([
      "Year",
      "Quarter",
    ]);
    expect(tableHeader(wb, FORECAST_SHEET, "Brugergrupper")[0]).toBe("Group");
    // Every text the add-in wrote is English (the legal sources quote Danish law as it is).
    const texts = forecast.values
      .flat()
      .filter((v): v is string => typeof v === "string" && !/Serviceloven|L 64/.test(v));
    expect(texts.filter((v) => DANISH.test(v))).toEqual([]);
    expect(texts).toContain("Q1");
    expect(texts).toContain("Total");
    // The charts' titles and series.
    const charts = forecast.charts;
    expect(charts.map((c) => c.title)).toEqual([
      "Refund by year: NY (L 64) and GAMMEL (before the reform)",
      "Municipal net cost by year",
      "The user groups' share of citizens, nights and gross cost",
    ]);
    expect(charts[0].series.map((s) => s.name)).toEqual(["Refund NY", "Refund GAMMEL"]);

    const audit = wb.getSheet(AUDIT_SHEET)!.values;
    expect(audit[0].slice(0, 18)).toEqual([
      "Row",
      "Citizen",
      "Shelter",
      "Admission",
      "Discharge",
      "Daily rate",
      "Self-payment per day",
      "Stay nights in the period",
      "Window start",
      "Refund days NY",
      "Refund NY",
      "Refund days GAMMEL",
      "Refund GAMMEL",
      "Gross cost",
      "Nights by year",
      "Rule (NY)",
      "Source",
      "Warnings",
    ]);
    const rules = audit.slice(1).map((r) => String(r[15]));
    expect(rules.filter((r) => r.startsWith("window ")).length).toBeGreaterThan(300);
    expect(rules.filter((r) => DANISH.test(r))).toEqual([]);
    // Pseudonyms and the bad rows' errors in English.
    expect(audit[1][1]).toBe("Citizen 1");
    const errors = audit
      .slice(1)
      .map((r) => String(r[17]))
      .filter((w) => w.startsWith("Error"));
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/^Error \(#VALUE!\): /);
  });
});

describe("the Scenarier sheet in English", () => {
  async function english() {
    const wb = sampleWorkbook();
    setSheetLanguage(wb, "en");
    const found = (await findStays(wb))!;
    const sheet = await createOrUpdate(wb, staysRef(found, found.mapping)!);
    return { wb, sheet };
  }

  it("labels, notes, units and descriptions in English; the parameter names in column A stay Danish, so the formula computes", async () => {
    const { wb, sheet } = await english();
    expect(sheet).toBe(SCENARIO_SHEET);
    const cell = (r: number, c: number) => wb.cell(sheet, r, c);
    expect(cell(0, 0)).toMatch(/^Scenarios: what does it cost/);
    expect(cell(LAYOUT.activeRow, 0)).toBe("Active scenario");
    expect(wb.getSheet(sheet)!.values[LAYOUT.headerRow].slice(0, 8)).toEqual([
      "Parameter",
      "Value",
      "Low",
      "High",
      "Unit",
      "Description",
      "Source",
      "Source of range",
    ]);
    PARAMETERS.forEach((p, i) => {
      expect(cell(LAYOUT.firstParameterRow + i, 0)).toBe(p.name);
      expect(cell(LAYOUT.firstParameterRow + i, 5)).toBe(p.label.en);
    });
    const row = (id: Parameters<typeof parameterById>[0]) =>
      LAYOUT.firstParameterRow + PARAMETERS.findIndex((p) => p.id === id);
    expect(cell(row("supportCost"), 4)).toBe("DKK/year");
    expect(cell(row("targetChronic"), 4)).toBe("yes/no");
    expect(wb.numberFormat(sheet, row("targetChronic"), 1)).toBe('[=1]"yes";[=0]"no";0');
    expect(cell(row("returnNextChronic"), 1)).toBe(FROM_DATA_TEXT.en);
    expect(cell(LAYOUT.formulaNoteRow, 0)).toMatch(
      /^Formula in A45: =DK\.HOUSINGFIRSTPROJECTION\(/
    );
    expect(cell(LAYOUT.outputNoteRow, 0)).toMatch(
      /row 1 of the range is row 4 of the sheet “Budget 2026”, so row N of the range is the sheet's row N \+ 3\./
    );
    // The function's table: computed, its headers the function's own (Danish).
    expect(cell(LAYOUT.outputRow + 1, 0)).toBe(2026);
    expect(wb.getSheet(sheet)!.values[LAYOUT.outputRow].slice(0, 3)).toEqual(
      PROJECTION_COLUMNS.slice(0, 3).map((c) => c.da)
    );
    expect(cell(LAYOUT.budgetRow, LAYOUT.budgetColumn)).toBe(BUDGET_TEXTS.en.formulaTitle);
    expect(cell(LAYOUT.budgetRow + 5, LAYOUT.budgetColumn)).toBe("Refund NY (§ 110)");
    expect(typeof cell(LAYOUT.budgetRow + 5, LAYOUT.budgetColumn + 1)).toBe("number");
    const charts = wb.getSheet(sheet)!.charts;
    expect(charts[0].series.map((s) => s.name)).toEqual(["Without action", "With Housing First"]);
  });

  it("reads back in English, saves and switches in English; the Danish pane writes it in Danish again", async () => {
    const { wb, sheet } = await english();
    const read = (await readModel(wb))!.model;
    expect(read.active.values.returnNextChronic).toBe(FROM_DATA_TEXT.en);
    expect(read.active.values.supportCost).toBe(85000);
    expect((await saveActiveAs(wb, "Basis")).ok).toBe(true);
    await switchTo(wb, "Basis");
    expect(wb.cell(sheet, LAYOUT.headerRow - 1, LAYOUT.savedColumn)).toBe("Saved scenarios");
    expect(wb.cell(sheet, LAYOUT.activeRow, 1)).toBe("Basis");
    expect(wb.cell(sheet, LAYOUT.outputRow + 1, 0)).toBe(2026);
    setSheetLanguage(wb, "da");
    await createOrUpdate(wb, null);
    expect(wb.cell(sheet, LAYOUT.activeRow, 0)).toBe("Aktivt scenarie");
    expect(wb.cell(sheet, LAYOUT.headerRow, 1)).toBe("Værdi");
    const again = (await readModel(wb))!.model;
    expect(again.saved.map((s) => s.name)).toEqual(["Basis"]);
    expect(again.active.values.returnNextChronic).toBe(FROM_DATA_TEXT.da);
    expect(again.active.values.supportCost).toBe(85000);
  });
});

describe("the comparison sheet in English", () => {
  const comparison: Comparison = {
    rows: [
      {
        name: "Basis",
        npv: 1000,
        ratio: 1.5,
        breakEvenYear: null,
        difference: 500,
        netWithout: 9000,
        netWith: 8500,
        moves: 8.5,
      },
    ],
    years: [2027],
    differences: [[500]],
    active: {
      name: "Basis",
      npv: 1000,
      bars: [
        {
          id: "netTaxFactor",
          value: 1.28,
          low: 1.2,
          high: 1.35,
          npvLow: 900,
          npvHigh: 1100,
          swing: 200,
          publicLow: 0,
          publicHigh: 0,
          source: "x",
          switchingValue: null,
          switchingReason: "sameSign",
        },
      ],
    },
  };

  it("headers, notes and the tornado's labels in English; moves as whole persons; the tornado's bars named, not «NAF»", () => {
    const { spec, charts } = comparisonSheet(comparison, [], [], "en");
    const values = spec.sections.flatMap((s) => s.values);
    expect(values[0][0]).toBe("Scenarios side by side, and sensitivity");
    const header = spec.sections[1].values[0];
    expect(header).toContain("Moved to own home, total (persons)");
    expect(spec.sections[1].numberFormats![7]).toBe("#,##0");
    expect(spec.sections[1].values[1][3]).toBe("none");
    const tornado = spec.sections[5].values;
    expect(tornado[1].slice(0, 2)).toEqual(["Net tax factor", "Net tax factor"]);
    expect(tornado[1][10]).toMatch(/^none in the allowed range: the NPV keeps its sign/);
    const texts = values.flat().filter((v): v is string => typeof v === "string" && v !== "x");
    expect(texts.filter((v) => DANISH.test(v))).toEqual([]);
    const chart = charts("Sammenligning").find((c) => c.name === "SammenligningTornado")!;
    expect(chart.series.map((s) => s.name)).toEqual(["Low value", "High value"]);
    // Danish: the parameter's Danish name labels the bar; its short name is no abbreviation.
    const da = comparisonSheet(comparison).spec.sections[5].values[1];
    expect(da.slice(0, 2)).toEqual(["Nettoafgiftsfaktor", "Nettoafgiftsfaktor"]);
    expect(parameterById("netTaxFactor").short.da).not.toBe("NAF");
  });
});
