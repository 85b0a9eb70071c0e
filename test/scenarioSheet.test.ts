/**
 * The Scenarier sheet and the scenario manager on the demo's memory workbook: the live formula
 * over the sample municipality's stays, recalculation on a parameter edit (table and chart), the
 * layout read back, named scenarios (save, switch, delete, the template port), and the
 * comparison sheet with the tornado.
 */
import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { sampleBudgetSheet, sampleWorkbook } from "../src/demo/sampleData";
import {
  DEFAULT_PARAMETERS,
  PARAMETERS,
  defaultCell,
  parameterById,
  type ParameterId,
  type ScenarioParameters,
} from "../src/engine/parameters";
import { computeProjection, isProjectionError } from "../src/engine/projection";
import { buildTemplate } from "../src/templates/template";
import { projection } from "../src/functions/functions";
import {
  PROJECTION_SUMMARY,
  SKIPPED_LABEL,
  projectionColumn,
} from "../src/functions/scenarioFunctions";
import { findStays } from "../src/sheets/forecast/forecastRun";
import { validateRows } from "../src/sheets/stays/columns";
import {
  COMPARE_SHEET,
  compareScenarios,
  comparisonSheet,
  comparisonSteps,
  shownSwitchingValue,
  noSwitchingValue,
} from "../src/sheets/scenarios/compare";
import {
  LAYOUT,
  SCENARIO_SHEET,
  defaultModel,
  parameterCell,
  parameterExcelName,
  scenarioSheet,
  staysArguments,
  staysRef,
  tableColumnRef,
  STAYS_PROPERTY,
} from "../src/sheets/scenarios/scenarioSheet";
import { readScenarioSheet } from "../src/sheets/scenarios/sheetReading";
import {
  checkRanges,
  comparedScenarios,
  createOrUpdate,
  onModelWritten,
  readModel,
  removeScenario,
  saveActiveAs,
  scenarioPort,
  switchTo,
} from "../src/sheets/scenarios/scenarioStore";
import {
  OWN_NAME_MARK,
  isValidDefinedName,
  parseA1,
  type CellValue,
} from "../src/workbook/workbook";
import { MemoryWorkbook } from "../src/demo/memoryWorkbook";
import { d } from "../src/engine/calendar";

/** The parameter range's last cell: the header in row 4, then one row per parameter. */
const LAST_PARAMETER = `B${LAYOUT.headerRow + 1 + PARAMETERS.length}`;

async function setup() {
  const workbook = sampleWorkbook();
  const found = (await findStays(workbook))!;
  const stays = staysRef(found, found.mapping)!;
  const args = staysArguments(stays);
  const sheet = await createOrUpdate(workbook, stays);
  const report = validateRows(found, found.mapping);
  return { workbook, found, stays, args, sheet, report };
}

const OUT = LAYOUT.outputRow;

describe("the Scenarier sheet", () => {
  it("writes the parameters with Danish names, values, low and high, units, labels and sources, and DK.HOUSINGFIRSTPROJECTION over the stays and the parameter cells", async () => {
    const { workbook, sheet, args } = await setup();
    expect(sheet).toBe(SCENARIO_SHEET);
    expect(args).toEqual([
      "'Budget 2026'!A4:A803",
      "'Budget 2026'!C4:C803",
      "'Budget 2026'!D4:D803",
      "'Budget 2026'!E4:E803",
      "'Budget 2026'!F4:F803",
    ]);
    PARAMETERS.forEach((p, i) => {
      const row = LAYOUT.firstParameterRow + i;
      expect([0, 1, 2, 3, 4, 5, 6, 7].map((c) => workbook.cell(sheet, row, c))).toEqual([
        p.name,
        defaultCell(p),
        p.range?.low ?? "",
        p.range?.high ?? "",
        p.unit,
        p.label.da,
        p.source,
        p.range?.source ?? "",
      ]);
    });
    expect(workbook.getSheet(sheet)!.values[LAYOUT.headerRow].slice(0, 8)).toEqual([
      "Parameter",
      "Værdi",
      "Lav",
      "Høj",
      "Enhed",
      "Beskrivelse",
      "Kilde",
      "Kilde til spænd",
    ]);
    // Support cost: 85.000 kr. between SBST's 40.000 and 130.000 kr., each in kroner.
    const support = LAYOUT.firstParameterRow + PARAMETERS.findIndex((p) => p.id === "supportCost");
    expect([1, 2, 3].map((c) => workbook.cell(sheet, support, c))).toEqual([85000, 40000, 130000]);
    expect([1, 2, 3].map((c) => workbook.numberFormat(sheet, support, c))).toEqual([
      '#,##0 "kr."',
      '#,##0 "kr."',
      '#,##0 "kr."',
    ]);
    const s = workbook.getSheet(sheet)!;
    expect(s.formulas?.filter((f) => f.text.startsWith("=DK.")).map((f) => f.text)).toEqual([
      `=DK.HOUSINGFIRSTPROJECTION('Budget 2026'!A4:A803,'Budget 2026'!C4:C803,'Budget 2026'!D4:D803,'Budget 2026'!E4:E803,'Budget 2026'!F4:F803,A4:${LAST_PARAMETER})`,
    ]);
    expect(workbook.numberFormat(sheet, LAYOUT.firstParameterRow + 2, 1)).toBe("0.0%"); // Diskonteringsrente
    expect(workbook.numberFormat(sheet, LAYOUT.firstParameterRow + 2, 2)).toBe("0.0%"); // its low, 2,5 %
    expect(workbook.numberFormat(sheet, OUT + 2, projectionColumn("netCost"))).toBe('#,##0 "kr."');
  });

  it("readable figures: every amount row in kroner in one format, people as whole persons (the cells exact), and the skipped rows' «række N i området» read as the sheet's rows beside the formula", async () => {
    const { workbook, sheet } = await setup();
    const KR = '#,##0 "kr."';
    const years = 1 + 5; // the base year and the default horizon
    const summary = OUT + 1 + years;
    expect(
      [...PROJECTION_SUMMARY, SKIPPED_LABEL].map((_, i) => [
        workbook.cell(sheet, summary + i, 0),
        workbook.numberFormat(sheet, summary + i, 1),
      ])
    ).toEqual([
      [PROJECTION_SUMMARY[0], KR],
      [PROJECTION_SUMMARY[1], "0.00"],
      [PROJECTION_SUMMARY[2], "0"],
      [PROJECTION_SUMMARY[3], KR],
      [PROJECTION_SUMMARY[4], KR],
      [PROJECTION_SUMMARY[5], KR],
      [PROJECTION_SUMMARY[6], "0.00%"],
      [PROJECTION_SUMMARY[7], "0.00"],
      [PROJECTION_SUMMARY[8], "0"],
      [SKIPPED_LABEL, "0"],
    ]);
    // Moves and person-years show whole; the function's cells keep the model's fractions.
    const moves = projectionColumn("moves");
    expect(workbook.numberFormat(sheet, OUT + 2, moves)).toBe("#,##0");
    expect(workbook.numberFormat(sheet, OUT + 2, projectionColumn("housedYears"))).toBe("#,##0");
    const moved = [1, 2, 3, 4, 5].map((k) => workbook.cell(sheet, OUT + 1 + k, moves) as number);
    expect(moved.some((m) => !Number.isInteger(m))).toBe(true);
    const note = String(workbook.cell(sheet, LAYOUT.outputNoteRow, 0));
    expect(note).toMatch(/hele personer; modellen regner med brøkdele/);
    // «række N i området» + the note's offset = the rows the pane names (the sample's bad rows).
    const offset = Number(/række N i området er arkets række N \+ (\d+)\./.exec(note)![1]);
    const skipped = String(workbook.cell(sheet, summary + PROJECTION_SUMMARY.length, 2));
    const inRange = [...skipped.matchAll(/række (\d+) i området/g)].map((m) => Number(m[1]));
    expect(inRange.map((n) => n + offset)).toEqual(sampleBudgetSheet().badRows);
  });

  it("the spilled output is DK.HOUSINGFIRSTPROJECTION's own result for the same cells, the two bad sample rows reported", async () => {
    const { workbook, sheet } = await setup();
    const budget = workbook.getSheet("Budget 2026")!.values.slice(3, 803);
    const col = (c: number) => budget.map((r) => [r[c] ?? ""]);
    const params = [["Parameter", "Værdi"], ...PARAMETERS.map((p) => [p.name, p.default ?? ""])];
    const expected = projection(col(0), col(2), col(3), col(4), col(5), params) as unknown[][];
    const spilled = expected.map((row, r) => row.map((_, c) => workbook.cell(sheet, OUT + r, c)));
    expect(spilled).toEqual(expected);
    expect(workbook.cell(sheet, OUT + expected.length - 1, 1)).toBe(2);
  });

  it("editing a parameter cell recalculates the table and the charts: support 85 000 -> 130 000 kr. raises the Housing First cost", async () => {
    const { workbook, sheet } = await setup();
    const s = workbook.getSheet(sheet)!;
    const chart = () =>
      workbook.chartData(
        workbook.getSheet(sheet)!.charts.find((c) => c.name === "ScenarieNettoudgift")!
      );
    const before = chart().series[1].values;
    const costBefore = workbook.cell(sheet, OUT + 2, projectionColumn("programmeCost")) as number;
    const at = parseA1(parameterCell("supportCost"));
    workbook.setCell(sheet, at.top, at.left, 130000);
    const costAfter = workbook.cell(sheet, OUT + 2, projectionColumn("programmeCost")) as number;
    expect(costAfter).toBeGreaterThan(costBefore);
    const after = chart().series[1].values;
    expect(after[0]).toBe(before[0]); // the base year has no Housing First
    expect(after[1]).toBeGreaterThan(before[1]);
    expect(after[1]).toBe(workbook.cell(sheet, OUT + 2, projectionColumn("hfNetCost")));
    // The output's header row, then the base year and the five years (1-based rows).
    const baseRow = LAYOUT.outputRow + 2;
    expect(s.charts.map((c) => c.categories)).toEqual([
      `A${baseRow}:A${baseRow + 5}`,
      `A${baseRow + 1}:A${baseRow + 5}`,
    ]);
  });

  it("a bad parameter value shows the function's error in the output cell; fixing it brings the table back", async () => {
    const { workbook, sheet } = await setup();
    const at = parseA1(parameterCell("admissionGrowth"));
    workbook.setCell(sheet, at.top, at.left, -1);
    expect(workbook.cell(sheet, OUT, 0)).toBe("#VALUE!");
    expect(workbook.cell(sheet, OUT + 1, 0)).toBe("");
    workbook.setCell(sheet, at.top, at.left, 0.1);
    expect(workbook.cell(sheet, OUT + 1, 0)).toBe(2026);
  });

  it("reads back: the stays the add-in stored with its sheet, the active scenario and its values", async () => {
    const { workbook, sheet, stays } = await setup();
    const stored = await workbook.readSheetProperty(sheet, STAYS_PROPERTY);
    const model = readScenarioSheet(await workbook.readUsedRange(sheet), stored)!;
    expect(model.stays).toEqual(stays);
    expect((await readModel(workbook))!.model.stays).toEqual(stays);
    expect(model.active.name).toBe("Basis");
    // A parameter derived from the data reads as its cell: blank, or «fra data».
    expect(model.active.values).toEqual(
      Object.fromEntries(PARAMETERS.map((p) => [p.id, defaultCell(p)]))
    );
    expect(model.ranges.discountRate).toEqual({
      low: 0.025,
      high: 0.045,
      source: parameterById("discountRate").range!.source,
    });
    expect(model.ranges.baseYear).toBeUndefined();
    expect(checkRanges(model.ranges)).toEqual({ ok: true, ranges: {} });
  });

  it("never writes over a user's sheet named Scenarier: the add-in's sheet is Scenarier (2), and the store finds it", async () => {
    const workbook = sampleWorkbook();
    workbook.addUserSheet("Scenarier", [["Mine egne tal"]]);
    const found = (await findStays(workbook))!;
    const sheet = await createOrUpdate(workbook, staysRef(found, found.mapping)!);
    expect(sheet).toBe("Scenarier (2)");
    expect(workbook.getSheet("Scenarier")!.values).toEqual([["Mine egne tal"]]);
    expect((await readModel(workbook))?.sheet).toBe("Scenarier (2)");
  });
});

describe("low and high values on the sheet", () => {
  const rangeCell = (id: ParameterId, column: number) =>
    [LAYOUT.firstParameterRow + PARAMETERS.findIndex((p) => p.id === id), column] as const;

  it("edited low and high read back into the ranges that differ from the registry, the formula still reads A:B, and a rewrite keeps them", async () => {
    const { workbook, sheet } = await setup();
    const before = workbook.cell(sheet, OUT + 2, projectionColumn("hfNetCost"));
    workbook.setCell(sheet, ...rangeCell("supportCost", LAYOUT.lowColumn), 60000);
    workbook.setCell(sheet, ...rangeCell("supportCost", LAYOUT.highColumn), 150000);
    workbook.setCell(
      sheet,
      ...rangeCell("relapseRate", LAYOUT.rangeSourceColumn),
      "Egen opgørelse 2025"
    );
    // The projection reads names and values only: the ranges change nothing in it.
    expect(workbook.cell(sheet, OUT + 2, projectionColumn("hfNetCost"))).toBe(before);
    expect(workbook.getSheet(sheet)!.formulas![0].text).toMatch(
      new RegExp(`,A4:${LAST_PARAMETER}\\)$`)
    );
    const stored = (await readModel(workbook))!;
    const own = {
      supportCost: { low: 60000, high: 150000 },
      relapseRate: { low: 0.05, high: 0.15, source: "Egen opgørelse 2025" },
    };
    expect(checkRanges(stored.model.ranges)).toEqual({ ok: true, ranges: own });
    // Saving, switching and rewriting keep the sheet's ranges; the template port lists them.
    await saveActiveAs(workbook, "Basis");
    await createOrUpdate(workbook, null);
    const again = (await readModel(workbook))!;
    expect(checkRanges(again.model.ranges)).toEqual({ ok: true, ranges: own });
    expect((await scenarioPort(workbook, () => null).list())[0].ranges).toEqual(own);
  });

  it("a comparison runs the active scenario first, then the other valid saved ones, each with the sheet's ranges", async () => {
    const { workbook, sheet } = await setup();
    workbook.setCell(sheet, ...rangeCell("supportCost", LAYOUT.lowColumn), 60000);
    workbook.setCell(sheet, ...rangeCell("supportCost", LAYOUT.highColumn), 150000);
    const ranges = { supportCost: { low: 60000, high: 150000 } };
    await saveActiveAs(workbook, "Basis");
    const share = [
      LAYOUT.firstParameterRow + PARAMETERS.findIndex((p) => p.id === "shareMoved"),
      1,
    ] as const;
    workbook.setCell(sheet, ...share, 0.3);
    await saveActiveAs(workbook, "Forsigtig");
    const { model } = (await readModel(workbook))!;
    const broken = {
      ...model,
      saved: [
        ...model.saved,
        { name: "Brudt", values: { ...model.saved[0].values, horizon: "lang" } },
      ],
    };
    const compared = comparedScenarios(broken as typeof model);
    expect(
      compared.ok && compared.scenarios.map((s) => [s.name, s.parameters.shareMoved, s.ranges])
    ).toEqual([
      ["Forsigtig", 0.3, ranges],
      ["Basis", DEFAULT_PARAMETERS.shareMoved, ranges],
    ]);
    workbook.setCell(sheet, ...share, "meget");
    const refused = comparedScenarios((await readModel(workbook))!.model);
    expect(!refused.ok && refused.errors.map((e) => e.message)).toHaveLength(1);
  });

  it("a bad low or high is a Danish message naming the parameter, never the registry's value in its place", async () => {
    const { workbook, sheet } = await setup();
    workbook.setCell(sheet, ...rangeCell("supportCost", LAYOUT.lowColumn), 140000);
    workbook.setCell(sheet, ...rangeCell("horizon", LAYOUT.highColumn), 31);
    workbook.setCell(sheet, ...rangeCell("discountRate", LAYOUT.lowColumn), "lav");
    workbook.setCell(sheet, ...rangeCell("shareMoved", LAYOUT.highColumn), "");
    workbook.setCell(sheet, ...rangeCell("housingPerYear", LAYOUT.highColumn), 60);
    workbook.setCell(sheet, ...rangeCell("housingPerYear", LAYOUT.rangeSourceColumn), "");
    workbook.setCell(sheet, ...rangeCell("baseYear", LAYOUT.lowColumn), 2020);
    const checked = checkRanges((await readModel(workbook))!.model.ranges);
    expect(!checked.ok && checked.errors.map((e) => e.message)).toEqual([
      "«Basisår»: har intet spænd (lav og høj skal være tomme)",
      "«Horisont»: høj skal ligge fra 1 år og højst 30 år (fik 31 år)",
      "«Diskonteringsrente»: lav «lav» er ikke et tal",
      "«Andel lange ophold i egen bolig»: høj mangler (registrets værdi er 75 %)",
      "«Bostøtte pr. år»: lav (140.000 kr./år) må ikke være større end høj (130.000 kr./år)",
      "«Boliger pr. år»: kilden til spændet mangler: skriv kilden eller antagelsen bag lav og høj",
    ]);
    expect(await scenarioPort(workbook, () => null).rangeProblems()).toHaveLength(6);
  });

  it("a sheet written before the ranges (Enhed in column C, saved scenarios from G) still reads: values, saved scenarios, the registry's ranges", async () => {
    const { workbook, sheet } = await setup();
    // The earlier layout, as it was written: five columns, the saved scenarios from column G.
    const old = workbook.getSheet(sheet)!.values.map((row) => [...row]);
    const horizonRow = LAYOUT.firstParameterRow + 1;
    // Column G: "Parameter" over the names; column H: the saved scenario «Gammel» (horizon 7).
    const p = (r: number) =>
      r === LAYOUT.headerRow ? "Parameter" : PARAMETERS[r - LAYOUT.firstParameterRow].name;
    const v = (r: number) =>
      r === LAYOUT.headerRow
        ? "Gammel"
        : r === horizonRow
          ? 7
          : (PARAMETERS[r - LAYOUT.firstParameterRow].default ?? "");
    for (let r = LAYOUT.headerRow; r < LAYOUT.firstParameterRow + PARAMETERS.length; r++) {
      const row = old[r];
      const [name, value, , , unit, label, source] = row;
      old[r] = [name, value, unit, label, source, "", p(r), v(r)];
    }
    old[horizonRow][1] = 8;
    const model = readScenarioSheet({ sheet, top: 0, left: 0, values: old })!;
    expect(model.active.values.horizon).toBe(8);
    expect(model.saved.map((s) => [s.name, s.values.horizon])).toEqual([["Gammel", 7]]);
    expect(checkRanges(model.ranges)).toEqual({ ok: true, ranges: {} });
    expect(model.ranges.supportCost).toEqual({
      low: 40000,
      high: 130000,
      source: parameterById("supportCost").range!.source,
    });
  });
});

describe("stays in an Excel table: structured references that follow the table", () => {
  // The sample's stays (citizen, admission, discharge, rate, self-payment) as a table whose
  // headers need Excel's escaping: a quote and a comma, brackets, a #.
  const HEADER = [
    "Borger's ID, nr.",
    "Indskrevet",
    "Udskrevet",
    "Døgntakst [kr.]",
    "Egenbetaling #",
  ];
  const sampleColumns = (rows: CellValue[][]) =>
    rows.map((r) => [0, 2, 3, 4, 5].map((c) => r[c] ?? ""));
  async function tableSetup() {
    const budget = sampleColumns(sampleWorkbook().getSheet("Budget 2026")!.values.slice(3, 803));
    const workbook = new MemoryWorkbook();
    workbook.addUserSheet(
      "Ophold 2026",
      [HEADER, ...budget],
      [{ name: "Ophold2026", top: 0, left: 0, bottom: budget.length, right: 4 }]
    );
    const found = (await findStays(workbook))!;
    const stays = staysRef(found, found.mapping)!;
    const args = staysArguments(stays);
    const sheet = await createOrUpdate(workbook, stays);
    return { workbook, budget, stays, args, sheet };
  }
  const output = (workbook: MemoryWorkbook, sheet: string, like: unknown[][]) =>
    like.map((row, r) => row.map((_, c) => workbook.cell(sheet, OUT + r, c)));

  it("Table[Column] per field, the column in double brackets with ' before [ ] # ' when its name needs it", async () => {
    const { args, workbook, sheet } = await tableSetup();
    expect(args).toEqual([
      "Ophold2026[[Borger''s ID, nr.]]",
      "Ophold2026[Indskrevet]",
      "Ophold2026[Udskrevet]",
      "Ophold2026[[Døgntakst '[kr.']]]",
      "Ophold2026[[Egenbetaling '#]]",
    ]);
    expect(tableColumnRef("T", "Takst pr døgn")).toBe("T[Takst pr døgn]");
    expect(tableColumnRef("T", "Borger-ID")).toBe("T[[Borger-ID]]");
    const dk = workbook.getSheet(sheet)!.formulas?.filter((f) => f.text.startsWith("=DK."));
    expect(dk?.map((f) => f.text)).toEqual([
      `=DK.HOUSINGFIRSTPROJECTION(${args.join(",")},A4:${LAST_PARAMETER})`,
    ]);
  });

  it("the stored reference reads back to the same structured references", async () => {
    const { workbook, args } = await tableSetup();
    expect(staysArguments((await readModel(workbook))!.model.stays!)).toEqual(args);
  });

  it("the output equals DK.HOUSINGFIRSTPROJECTION over the same cells as A1 ranges, and a stay typed below the table joins the projection", async () => {
    const { workbook, sheet, budget } = await tableSetup();
    const params = [["Parameter", "Værdi"], ...PARAMETERS.map((p) => [p.name, p.default ?? ""])];
    const direct = (rows: CellValue[][]) => {
      const col = (c: number) => rows.map((r) => [r[c]]);
      return projection(col(0), col(1), col(2), col(3), col(4), params) as unknown[][];
    };
    const before = direct(budget);
    expect(output(workbook, sheet, before)).toEqual(before);
    // The A1 formula of the plain sheet gives the very same table.
    const plain = await setup();
    expect(output(plain.workbook, plain.sheet, before)).toEqual(before);

    const added: CellValue[] = ["B99999", d("2026-03-01"), d("2026-05-01"), 1500, ""];
    added.forEach((v, c) => workbook.setCell("Ophold 2026", budget.length + 1, c, v));
    const after = direct([...budget, added]);
    expect(after).not.toEqual(before);
    expect(output(workbook, sheet, after)).toEqual(after);
  });
});

describe("Excel names for the parameter cells", () => {
  it("every parameter gets a valid, unique DK_ name pointing at its value cell in the Scenarier sheet", async () => {
    const { workbook, sheet } = await setup();
    const names = PARAMETERS.map((p) => parameterExcelName(p));
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(PARAMETERS.length);
    expect(names.filter((name) => !isValidDefinedName(name))).toEqual([]);
    PARAMETERS.forEach((p, i) => {
      const name = names[i];
      const defined = workbook.names.get(name.toLowerCase())!;
      expect(defined).toMatchObject({
        name,
        sheet,
        address: `B${LAYOUT.firstParameterRow + i + 1}`,
      });
      const at = parseA1(defined.address);
      expect(workbook.cell(sheet, at.top, at.left)).toBe(defaultCell(p));
      expect(workbook.cell(sheet, at.top, 0)).toBe(p.name);
    });
    expect(names.slice(0, 4)).toEqual([
      "DK_Basisår",
      "DK_Horisont",
      "DK_Diskonteringsrente",
      "DK_Vækst_i_indskrivninger",
    ]);
    expect(names).toContain("DK_Bostøtte_pr_år");
    expect(names).toContain("DK_Ændring_i_opholdslængde");
    expect(workbook.names.get("dk_diskonteringsrente")?.comment).toBe(
      `${parameterById("discountRate").label.da} (%) ${OWN_NAME_MARK}`
    );
    expect(String(workbook.cell(sheet, 1, 0))).toContain("=DK_Diskonteringsrente");
  });

  it("a user's own DK_Horisont is left alone and reported; the other names are written, and a rerun keeps it so", async () => {
    const workbook = sampleWorkbook();
    workbook.addUserName("DK_Horisont", "Budget 2026", "A1");
    const found = (await findStays(workbook))!;
    const first = await workbook.writeOwnSheet(
      scenarioSheet(defaultModel(staysRef(found, found.mapping)!)).spec
    );
    expect(first.skippedNames).toEqual(["DK_Horisont"]);
    expect(workbook.names.get("dk_horisont")).toEqual({
      name: "DK_Horisont",
      sheet: "Budget 2026",
      address: "A1",
    });
    expect(workbook.names.get("dk_basisår")?.sheet).toBe(SCENARIO_SHEET);
    await createOrUpdate(workbook, null);
    expect(workbook.names.get("dk_horisont")?.sheet).toBe("Budget 2026");
    expect(workbook.names.size).toBe(PARAMETERS.length);
  });

  it("the derived name is a valid Excel name for any parameter name", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: "grapheme" }), (name) =>
        isValidDefinedName(parameterExcelName({ name }))
      )
    );
    expect(parameterExcelName({ name: " Andel: 3,5 % / år " })).toBe("DK_Andel_3_5_år");
  });

  it("isValidDefinedName follows Excel's rules", () => {
    const valid = ["DK_Basisår", "_x", "Rente.2026", "A1B", "XFD1A", "Rc1x", "Æblerente"];
    const invalid = [
      "",
      "AB12",
      "xfd1048576",
      "R1C1",
      "R",
      "c",
      "RC",
      "R12",
      "C3",
      "1abc",
      ".x",
      "Rente sats",
      "Rente-sats",
      "a".repeat(256),
    ];
    // Each list names the names it got wrong.
    expect(valid.filter((name) => !isValidDefinedName(name))).toEqual([]);
    expect(invalid.filter((name) => isValidDefinedName(name))).toEqual([]);
  });
});

describe("named scenarios", () => {
  it("save the active values, switch between scenarios, delete one", async () => {
    const { workbook, sheet } = await setup();
    const support = parseA1(parameterCell("supportCost"));
    expect(await saveActiveAs(workbook, "Basis")).toEqual({ ok: true, sheet });
    workbook.setCell(sheet, support.top, support.left, 130000);
    expect(await saveActiveAs(workbook, "Dyr støtte")).toEqual({ ok: true, sheet });
    const net = () => workbook.cell(sheet, OUT + 2, projectionColumn("hfNetCost")) as number;
    const dear = net();

    await switchTo(workbook, "basis");
    expect(workbook.cell(sheet, support.top, support.left)).toBe(85000);
    expect(workbook.cell(sheet, LAYOUT.activeRow, 1)).toBe("Basis");
    expect(net()).toBeLessThan(dear);
    // The saved scenarios side by side.
    expect(workbook.cell(sheet, LAYOUT.headerRow, LAYOUT.savedColumn + 1)).toBe("Basis");
    expect(workbook.cell(sheet, LAYOUT.headerRow, LAYOUT.savedColumn + 2)).toBe("Dyr støtte");
    expect(workbook.cell(sheet, support.top, LAYOUT.savedColumn + 2)).toBe(130000);

    await switchTo(workbook, "Dyr støtte");
    expect(net()).toBe(dear);
    await removeScenario(workbook, "Basis");
    expect((await readModel(workbook))!.model.saved.map((s) => s.name)).toEqual(["Dyr støtte"]);
    await expect(switchTo(workbook, "Basis")).rejects.toThrow(
      "Scenariet «Basis» findes ikke i arket Scenarier"
    );
  });

  it("refuses to save values the registry refuses, naming the parameter", async () => {
    const { workbook, sheet } = await setup();
    const at = parseA1(parameterCell("horizon"));
    workbook.setCell(sheet, at.top, at.left, 31);
    const result = await saveActiveAs(workbook, "For langt");
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0].message).toBe(
      "«Horisont»: skal ligge fra 1 år og højst 30 år (fik 31 år)"
    );
  });

  it("the template port: list gives the active and saved scenarios; save writes a template's scenarios by name and keeps the others", async () => {
    const { workbook, sheet } = await setup();
    await saveActiveAs(workbook, "Basis");
    const port = scenarioPort(workbook, () => null);
    expect((await port.list()).map((s) => s.name)).toEqual(["Basis"]);
    const template = buildTemplate({
      municipality: "Eksempelkommune",
      author: "Test",
      created: 46000,
      ruleSet: "NY",
      columns: {},
      scenarios: [
        { name: "Basis", values: { ...DEFAULT_PARAMETERS, shareMoved: 0.3 } },
        { name: "Stram", values: { ...DEFAULT_PARAMETERS, housingPerYear: 5 } },
      ],
    });
    let told = 0;
    const stop = onModelWritten(workbook, () => told++);
    expect(await port.save(template.scenarios)).toEqual({ sheet });
    stop();
    expect(told).toBe(1); // the scenario manager rereads the sheet after an import
    const listed = await port.list();
    expect(listed.map((s) => [s.name, s.values.shareMoved, s.values.housingPerYear])).toEqual([
      ["Basis", 0.3, 25],
      ["Stram", 0.5, 5],
    ]);
    // "Basis" is the active scenario: its cells took the template's values.
    expect(workbook.cell(sheet, parseA1(parameterCell("shareMoved")).top, 1)).toBe(0.3);
  });
});

describe("comparison and tornado", () => {
  it("scenarios side by side with the engine's numbers, and a tornado over each low–high range sorted by swing, with switching values", async () => {
    const { workbook, report } = await setup();
    // Every fourth stay of the demo municipality (200): the tornado's searches stay quick.
    const stays = report.stays.filter((_, i) => i % 4 === 0);
    const base = { ...DEFAULT_PARAMETERS };
    // The active scenario's own range for the rent subsidy; the others are the registry's.
    const ranges = { rentSubsidy: { low: 5000, high: 10000, source: "Kommunens egen antagelse" } };
    const npvAt = (p: ScenarioParameters) => {
      const r = computeProjection(stays, p);
      if (isProjectionError(r)) throw new Error(r.message);
      return r.npv.toNumber();
    };
    const progress: { done: number; total: number }[] = [];
    const comparison = compareScenarios(
      stays,
      [
        { name: "Basis", parameters: base, ranges },
        { name: "Dyr støtte", parameters: { ...base, supportCost: 130000 } },
      ],
      (p) => progress.push(p)
    );
    expect(comparison.rows[1].npv).toBe(npvAt({ ...base, supportCost: 130000 }));
    // Issue 19: each housed citizen's own expected use only; the dear support no longer pays.
    expect(comparison.rows[1].npv).toBeCloseTo(-202_486.4, 2);
    // One step per projected scenario, per switching value and per tornado bar, to the end.
    const ranged = PARAMETERS.filter((p) => p.range || p.estimated).length;
    expect(ranged).toBe(PARAMETERS.length - 1); // every parameter but the base year
    expect(comparisonSteps(2)).toBe(2 + 2 * ranged);
    expect(progress.map((p) => p.done)).toEqual(
      Array.from({ length: comparisonSteps(2) }, (_, i) => i + 1)
    );
    expect(progress.every((p) => p.total === comparisonSteps(2))).toBe(true);

    const npv = comparison.rows[0].npv;
    const { bars } = comparison.active;
    expect(comparison.active.npv).toBe(npv);
    expect(npv).toBe(npvAt(base));
    expect(npv).toBeCloseTo(61_075.01, 2);
    expect(bars.map((b) => b.id)).not.toContain("baseYear");
    expect(bars).toHaveLength(ranged);
    const swings = bars.map((b) => b.swing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    // The registry's low–high, each NPV the engine's own projection at that value.
    const support = bars.find((b) => b.id === "supportCost")!;
    expect([support.low, support.high, support.value]).toEqual([40000, 130000, 85000]);
    expect(support.npvLow).toBe(npvAt({ ...base, supportCost: 40000 }));
    expect(support.npvHigh).toBe(npvAt({ ...base, supportCost: 130000 }));
    expect(support.swing).toBeCloseTo(support.npvLow - support.npvHigh, 6);
    expect(support.source).toBe(parameterById("supportCost").range!.source);
    // A parameter at 0 now moves: growth in admissions from −1 % to 5 % (±20 % of 0 showed nothing).
    const growth = bars.find((b) => b.id === "admissionGrowth")!;
    expect([growth.low, growth.high, growth.value]).toEqual([-0.02, 0.02, 0]);
    expect(growth.npvLow).toBe(npvAt({ ...base, admissionGrowth: -0.02 }));
    expect(growth.npvHigh).toBe(npvAt({ ...base, admissionGrowth: 0.02 }));
    // More admissions are more moves, each saving only the mover's own expected use.
    expect(growth.npvHigh - growth.npvLow).toBeCloseTo(-6_636.09, 0);
    // The scenario's own range for the rent subsidy, with its source.
    const rent = bars.find((b) => b.id === "rentSubsidy")!;
    // The value 0 lies outside 5 000–10 000: the range keeps its width around it, from 0 up.
    expect([rent.low, rent.high, rent.source]).toEqual([0, 5000, "Kommunens egen antagelse"]);
    expect(rent.npvLow).toBe(npvAt({ ...base, rentSubsidy: 0 }));
    expect(rent.npvHigh).toBe(npvAt({ ...base, rentSubsidy: 5000 }));
    // The support cost's switching value: the NPV is positive 1 kr. below it and not above it.
    expect(support.switchingValue).toBeGreaterThan(85000);
    expect(support.switchingValue).toBeLessThan(130000);
    expect(npvAt({ ...base, supportCost: support.switchingValue! - 1 })).toBeGreaterThan(0);
    expect(npvAt({ ...base, supportCost: support.switchingValue! + 1 })).toBeLessThanOrEqual(0);
    // The discount rate cannot turn this NPV anywhere in 0–20 %.
    expect(bars.find((b) => b.id === "discountRate")!.switchingValue).toBeNull();

    // A snapshot that survives the worker's structured clone.
    const { spec, charts } = comparisonSheet(structuredClone(comparison));
    const written = await workbook.writeOwnSheet(spec);
    for (const c of charts(written.name)) await workbook.addChart(c);
    expect(written.name).toBe(COMPARE_SHEET);
    expect([1, 2].map((c) => workbook.cell(COMPARE_SHEET, 4, c))).toEqual([
      npv,
      comparison.rows[0].ratio,
    ]);
    expect(comparison.rows[0].ratio).toBeGreaterThan(0);
    expect(workbook.cell(COMPARE_SHEET, 5, 0)).toBe("Dyr støtte");
    // The tornado table: the widest bar first, its switching value, its range's source.
    const used = workbook.getSheet(COMPARE_SHEET)!.values;
    const top = used.findIndex((r) => r[0] === "Parameter");
    expect(used[top]).toEqual([
      "Parameter",
      "Kort navn",
      "Værdi",
      "Lav",
      "Høj",
      "NPV ved lav",
      "NPV ved høj",
      "Ændring ved lav",
      "Ændring ved høj",
      "Udsving",
      "Skifteværdi (NPV = 0)",
      "Kilde til lav og høj",
    ]);
    const supportRow = used.find((r) => r[0] === parameterById("supportCost").name)!;
    expect(supportRow.slice(2, 5)).toEqual(["85.000 kr./år", "40.000 kr./år", "130.000 kr./år"]);
    expect(supportRow[9]).toBeCloseTo(support.swing, 6);
    expect(supportRow[10]).toBe(shownSwitchingValue("supportCost", support.switchingValue!));
    expect(supportRow[10]).toMatch(/^\d{2,3}\.\d{3} kr\.\/år$/);
    expect(supportRow[11]).toBe(support.source);
    const rate = used.find((r) => r[0] === parameterById("discountRate").name)!;
    expect(rate[10]).toBe(noSwitchingValue("sameSign"));
    expect(rate[10]).toMatch(/^ingen i det tilladte interval: nutidsværdien har samme fortegn/);
    // The chart: horizontal bars, the six widest, the change at the low and the high value.
    const tornadoChart = workbook.chartData(
      workbook.getSheet(COMPARE_SHEET)!.charts.find((c) => c.name === "SammenligningTornado")!
    );
    expect(tornadoChart.spec.type).toBe("barClustered");
    // Each bar says what it is: the parameter's name, not an abbreviation.
    expect(tornadoChart.categories).toEqual(bars.slice(0, 6).map((b) => parameterById(b.id).name));
    expect(tornadoChart.series.map((s) => s.name)).toEqual(["Lav værdi", "Høj værdi"]);
    expect(tornadoChart.series[0].values[0]).toBeCloseTo(bars[0].npvLow - npv, 6);
    expect(tornadoChart.series[1].values[0]).toBeCloseTo(bars[0].npvHigh - npv, 6);
  });
});
