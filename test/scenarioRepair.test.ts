/**
 * Saved scenarios are never lost (issue 25, item 1). The repro: save «Min plan», rename the
 * label «Horisont» to «Horisont (år)» (or duplicate a parameter row): the sheet was no longer
 * recognised, and «Opret arket Scenarier» rewrote it with the defaults. Now the sheet is read as
 * far as it can be, nothing writes over it until it is repaired, a repair keeps every value,
 * range and saved scenario it could read and a copy of the sheet as it was (a hidden sheet), a
 * rewrite that would leave out a saved scenario is refused unless the user chose it, and the copy
 * can be put back.
 */
import { describe, expect, it } from "@jest/globals";
import { sampleWorkbook } from "../src/demo/sampleData";
import { MemoryWorkbook } from "../src/demo/memoryWorkbook";
import { PARAMETERS, parameterById, type ParameterId } from "../src/engine/parameters";
import { findStays } from "../src/sheets/forecast/forecastRun";
import {
  BACKUP_PROPERTY,
  BACKUP_SHEET,
  findBackup,
  readBackup,
} from "../src/sheets/scenarios/scenarioBackup";
import { repairScenarioSheet, restoreBackup } from "../src/sheets/scenarios/scenarioRepair";
import {
  LAYOUT,
  OUTPUT_CELL,
  SCENARIO_SHEET,
  parameterCell,
  staysRef,
} from "../src/sheets/scenarios/scenarioSheet";
import {
  ScenarioSheetError,
  checkRanges,
  createOrUpdate,
  findScenarioSheet,
  inspectModel,
  readModel,
  removeScenario,
  saveActiveAs,
  scenarioPort,
  switchTo,
  writeActiveValues,
  writeModel,
} from "../src/sheets/scenarios/scenarioStore";
import {
  PROBLEMS_LISTED,
  looseLabel,
  looseParameter,
  readScenarioSheetLoosely,
} from "../src/sheets/scenarios/sheetReading";
import { setSheetLanguage } from "../src/sheets/sheetLanguage";
import { parseA1, type CellValue } from "../src/workbook/workbook";
import { activeScenarioOf } from "../taskpane/uncertainty/UncertaintyPanel";
import { SCENARIO_TEXTS } from "../taskpane/scenarios/texts";
import { UNCERTAINTY_TEXTS } from "../taskpane/uncertainty/texts";

const rowOf = (id: ParameterId) =>
  LAYOUT.firstParameterRow + PARAMETERS.findIndex((p) => p.id === id);
/** The first saved scenario's column: right of the saved block's own «Parameter» column. */
const FIRST_SAVED = LAYOUT.savedColumn + 1;

/**
 * A workbook with the Scenarier sheet and «Min plan» saved: horizon 12, support 130 000 kr., an
 * own range for the support cost; then the active values changed again (not saved).
 */
async function withMinPlan(workbook = new MemoryWorkbook()) {
  const sheet = await createOrUpdate(workbook, null);
  const set = (id: ParameterId, col: number, value: CellValue) =>
    workbook.setCell(sheet, rowOf(id), col, value);
  set("horizon", 1, 12);
  set("supportCost", 1, 130_000);
  set("supportCost", LAYOUT.lowColumn, 90_000);
  set("supportCost", LAYOUT.highColumn, 150_000);
  set("supportCost", LAYOUT.rangeSourceColumn, "Kommunens budget 2026");
  expect(await saveActiveAs(workbook, "Min plan")).toEqual({ ok: true, sheet });
  set("shareMoved", 1, 0.4);
  return { workbook, sheet, set };
}

/** What a saved scenario must keep: its values, the sheet's own range and the active values. */
async function expectMinPlanKept(workbook: MemoryWorkbook) {
  const stored = (await readModel(workbook))!;
  expect(stored).toBeDefined();
  const plan = stored.model.saved.find((s) => s.name === "Min plan")!;
  expect(plan.values.horizon).toBe(12);
  expect(plan.values.supportCost).toBe(130_000);
  expect(plan.values.shareMoved).toBe(0.5);
  expect(stored.model.active).toMatchObject({ name: "Min plan" });
  expect(stored.model.active.values.shareMoved).toBe(0.4);
  expect(checkRanges(stored.model.ranges)).toEqual({
    ok: true,
    ranges: { supportCost: { low: 90_000, high: 150_000, source: "Kommunens budget 2026" } },
  });
}

/** The Scenarier sheet's cells as a user sees them, for «nothing was written» checks. */
const cells = async (workbook: MemoryWorkbook, sheet: string) =>
  JSON.stringify(await workbook.readUsedRange(sheet));

describe("labels matched loosely", () => {
  it("case, spaces, punctuation, a unit in parentheses at the end, the English alias and the id", () => {
    for (const label of [
      "Horisont (år)",
      "HORISONT",
      "  horisont: ",
      "Horisont [år]",
      "Horizon",
      "horizon (years)",
      "horizon",
    ])
      expect(looseParameter(label)?.id).toBe("horizon");
    expect(looseParameter("Bostøtte pr år (kr./år)")?.id).toBe("supportCost");
    expect(looseParameter("Tilbage året efter - kroniske")?.id).toBe("returnNextChronic");
    expect(looseParameter("Horisontal")).toBeUndefined();
    expect(looseParameter("")).toBeUndefined();
    expect(looseParameter(12)).toBeUndefined();
  });

  it("no two parameters look alike to the loose comparison", () => {
    const seen = new Map<string, ParameterId>();
    for (const p of PARAMETERS)
      for (const n of [p.name, p.alias, p.id]) {
        const key = looseLabel(n);
        expect([undefined, p.id]).toContain(seen.get(key));
        seen.set(key, p.id);
      }
  });
});

describe("the repro: a renamed label", () => {
  it("«Horisont (år)»: read as far as it can be, never rewritten with the defaults, repaired with «Min plan» and its values kept", async () => {
    const workbook = sampleWorkbook();
    const found = (await findStays(workbook))!;
    const stays = staysRef(found, found.mapping)!;
    const { sheet } = await withMinPlan(workbook);
    await createOrUpdate(workbook, stays);
    workbook.setCell(sheet, rowOf("horizon"), 0, "Horisont (år)");

    // Not the layout any more: the strict reader says so, the loose one reads everything.
    expect(await readModel(workbook)).toBeUndefined();
    const inspected = (await inspectModel(workbook))!;
    expect(inspected.reading.problems).toEqual([
      {
        message: `Række ${rowOf("horizon") + 1}: «Horisont (år)» er læst som «Horisont»`,
        en: `Row ${rowOf("horizon") + 1}: «Horisont (år)» is read as «Horisont» (Horizon)`,
        drops: false,
      },
    ]);
    expect(inspected.reading.drops).toBe(false);
    expect(inspected.reading.model.saved.map((s) => [s.name, s.values.horizon])).toEqual([
      ["Min plan", 12],
    ]);

    // What used to overwrite it («Opret arket Scenarier», a template import) is refused.
    const before = await cells(workbook, sheet);
    await expect(createOrUpdate(workbook, stays)).rejects.toThrow(
      "Arket Scenarier er ændret, så det ikke kan læses sikkert: reparér det i panelet først"
    );
    await expect(scenarioPort(workbook, () => stays).save([])).rejects.toThrow(ScenarioSheetError);
    expect(await saveActiveAs(workbook, "Andet")).toEqual({
      ok: false,
      errors: [
        expect.objectContaining({
          message:
            "Arket Scenarier er ændret, så det ikke kan læses sikkert: reparér det i panelet først",
          en: "The Scenarier sheet has been changed so that it cannot be read safely: repair it in the pane first",
        }),
      ],
    });
    // The meeting mode writes to the layout's cells: not into a sheet whose rows may have moved.
    expect((await writeActiveValues(workbook, { horizon: 5 })).ok).toBe(false);
    // The uncertainty panel says so too, and never runs the defaults in its place.
    await expect(activeScenarioOf(workbook, UNCERTAINTY_TEXTS.en, "en")).rejects.toThrow(
      "The Scenarier sheet has been changed so that it cannot be read safely: repair it in the pane first"
    );
    expect(await cells(workbook, sheet)).toBe(before);

    // The repair: nothing to leave out, so no question; a copy first, then the layout.
    const repaired = await repairScenarioSheet(workbook, stays);
    expect(repaired).toEqual({ ok: true, sheet, backup: BACKUP_SHEET, saved: ["Min plan"] });
    expect(workbook.cell(sheet, rowOf("horizon"), 0)).toBe("Horisont");
    await expectMinPlanKept(workbook);
    // The formula is rebuilt from the stays record the add-in kept with the sheet.
    const formula = workbook.getSheet(sheet)!.formulas![0];
    expect([formula.row, formula.col]).toEqual([parseA1(OUTPUT_CELL).top, 0]);
    expect(workbook.getSheet(sheet)!.charts).toHaveLength(2);
    // The copy: hidden, the add-in's own, the sheet's cells as they were (the renamed label too).
    const copy = workbook.getSheet(BACKUP_SHEET)!;
    expect([copy.own, copy.hidden]).toEqual([true, true]);
    const backup = (await readBackup(workbook))!;
    expect(backup.record).toMatchObject({ of: sheet, reason: "repair", dropped: [] });
    expect(backup.block.values[rowOf("horizon")][0]).toBe("Horisont (år)");
    expect(await findScenarioSheet(workbook)).toBe(sheet);
  });

  it("an English sheet with its notes below the parameters is the layout; renamed, it is repaired in English", async () => {
    const workbook = sampleWorkbook();
    setSheetLanguage(workbook, "en");
    const found = (await findStays(workbook))!;
    const stays = staysRef(found, found.mapping)!;
    const { sheet } = await withMinPlan(workbook);
    await createOrUpdate(workbook, stays);
    expect(workbook.cell(sheet, LAYOUT.activeRow, 0)).toBe("Active scenario");
    expect(String(workbook.cell(sheet, LAYOUT.outputNoteRow, 0))).toMatch(
      /^Rows the formula skips/
    );
    expect((await inspectModel(workbook))!.reading.problems).toEqual([]);

    workbook.setCell(sheet, rowOf("horizon"), 0, "Horizon (years)");
    expect((await inspectModel(workbook))!.reading.problems.map((p) => p.en)).toEqual([
      `Row ${rowOf("horizon") + 1}: «Horizon (years)» is read as «Horisont» (Horizon)`,
    ]);
    expect(await repairScenarioSheet(workbook, stays)).toMatchObject({
      ok: true,
      saved: ["Min plan"],
    });
    expect(workbook.cell(sheet, rowOf("horizon"), 0)).toBe("Horisont");
    expect(workbook.cell(sheet, LAYOUT.activeRow, 0)).toBe("Active scenario");
    await expectMinPlanKept(workbook);
  });

  it("a sheet that is the layout is left as it is by a repair (no copy)", async () => {
    const { workbook, sheet } = await withMinPlan();
    const before = await cells(workbook, sheet);
    expect(await repairScenarioSheet(workbook)).toEqual({
      ok: true,
      sheet,
      backup: "",
      saved: ["Min plan"],
    });
    expect(await cells(workbook, sheet)).toBe(before);
    expect(await findBackup(workbook)).toBeUndefined();
  });
});

describe("what the pane says after a repair", () => {
  it("names the copy and the scenarios kept, and says so when the sheet was already in order", () => {
    const da = SCENARIO_TEXTS.da;
    expect(da.repaired("Scenarier", 1, BACKUP_SHEET)).toBe(
      "Arket Scenarier er repareret, og det gemte scenarie er bevaret. Kopien af arket, som det var, ligger i det skjulte ark Scenarier (kopi)."
    );
    expect(da.repaired("Scenarier", 3, BACKUP_SHEET)).toMatch(
      /og alle 3 gemte scenarier er bevaret\./
    );
    expect(da.repaired("Scenarier", 0, BACKUP_SHEET)).toMatch(
      /og det havde ingen gemte scenarier\./
    );
    // A sheet put right (an edit undone) before the click: nothing written, no copy to name.
    expect(da.repaired("Scenarier", 1, "")).toBe(
      "Arket Scenarier var allerede i orden; intet er ændret."
    );
    expect(SCENARIO_TEXTS.en.repaired("Scenarier", 0, "")).toBe(
      "The sheet Scenarier was already in order; nothing has changed."
    );
  });
});

describe("the repro: a duplicated parameter row", () => {
  it("the first row is kept, the second named; the repair asks first, then keeps «Min plan» and every value below the copy", async () => {
    const { workbook, sheet } = await withMinPlan();
    // The support row copied below itself (Excel: copy, insert copied cells), the copy then edited.
    const values = workbook.getSheet(sheet)!.values;
    const support = rowOf("supportCost");
    values.splice(support + 1, 0, [...values[support]]);
    values[support + 1][1] = 1;
    values[support + 1][FIRST_SAVED] = 2;

    expect(await readModel(workbook)).toBeUndefined();
    const { reading } = (await inspectModel(workbook))!;
    expect(reading.drops).toBe(true);
    expect(reading.problems[0]).toEqual({
      message: `«Bostøtte pr. år» står to gange (række ${support + 1} og ${support + 2}); den første er læst, og den anden udelades ved reparationen`,
      en: `«Bostøtte pr. år» is there twice (rows ${support + 1} and ${support + 2}); the first is read, and the repair leaves the second out`,
      drops: true,
    });
    // Every parameter below the copy has moved one row down, and is read all the same.
    expect(reading.problems[1].message).toMatch(/^Rækkerne er flyttet: «Tilbagefald pr. år»/);
    expect(reading.model.saved[0].values.relapseRate).toBe(parameterById("relapseRate").default);

    // Not confirmed: nothing is written, the pane is told what would be left out.
    const before = await cells(workbook, sheet);
    expect(await repairScenarioSheet(workbook)).toEqual({
      ok: false,
      drops: [reading.problems[0]],
    });
    expect(await cells(workbook, sheet)).toBe(before);
    expect(await findBackup(workbook)).toBeUndefined();

    // Confirmed: a copy, then the layout with everything the reading found.
    const repaired = await repairScenarioSheet(workbook, null, { confirmed: true });
    expect(repaired).toMatchObject({ ok: true, saved: ["Min plan"] });
    await expectMinPlanKept(workbook);
    // The copy still has the second row, with the value the repair left out.
    const backup = (await readBackup(workbook))!;
    expect(backup.block.values[support + 1].slice(0, 2)).toEqual(["Bostøtte pr. år", 1]);
  });
});

describe("a rewrite that would leave out saved scenarios asks, and keeps a copy that can be restored", () => {
  it("a saved scenario there twice: the repair asks; the copy holds the second, and restoring swaps the sheet and its copy", async () => {
    const { workbook, sheet, set } = await withMinPlan();
    await saveActiveAs(workbook, "Anden plan");
    // The user renames «Anden plan» to «min plan» (names compare as Excel compares text).
    workbook.setCell(sheet, LAYOUT.headerRow, FIRST_SAVED + 1, "min plan");
    set("horizon", FIRST_SAVED + 1, 20);
    const { reading } = (await inspectModel(workbook))!;
    expect(reading.problems.filter((p) => p.drops).map((p) => p.message)).toEqual([
      "Det gemte scenarie «min plan» står to gange (kolonne K og L); det første er læst, og det andet udelades ved reparationen",
    ]);
    const refused = await repairScenarioSheet(workbook);
    expect(refused.ok).toBe(false);

    expect(await repairScenarioSheet(workbook, null, { confirmed: true })).toMatchObject({
      ok: true,
      saved: ["Min plan"],
    });
    expect((await readModel(workbook))!.model.saved.map((s) => s.name)).toEqual(["Min plan"]);

    // Restore: the sheet as it was (cells only: it is not the layout, so it is repaired again),
    // and the repaired sheet becomes the copy.
    expect(await restoreBackup(workbook)).toBe(sheet);
    const back = (await inspectModel(workbook))!;
    expect(back.reading.model.saved.map((s) => [s.name, s.values.horizon])).toEqual([
      ["Min plan", 12],
    ]);
    expect(workbook.cell(sheet, LAYOUT.headerRow, FIRST_SAVED + 1)).toBe("min plan");
    expect(workbook.cell(sheet, rowOf("horizon"), FIRST_SAVED + 1)).toBe(20);
    expect((await readBackup(workbook))!.record).toMatchObject({ reason: "restore" });
    // And back again: the repaired sheet, the layout, «Min plan» as it was saved.
    await restoreBackup(workbook);
    const again = (await readModel(workbook))!.model;
    expect(again.saved.map((s) => [s.name, s.values.horizon, s.values.supportCost])).toEqual([
      ["Min plan", 12, 130_000],
    ]);
    expect(again.active.name).toBe("Anden plan");
  });

  it("deleting a saved scenario keeps a copy; restoring brings it back as the layout, and the copy is then the sheet without it", async () => {
    const { workbook, sheet } = await withMinPlan();
    await removeScenario(workbook, "Min plan");
    expect((await readModel(workbook))!.model.saved).toEqual([]);
    const copy = (await findBackup(workbook))!;
    expect(copy.record).toMatchObject({ of: sheet, reason: "delete", dropped: ["Min plan"] });

    expect(await restoreBackup(workbook)).toBe(sheet);
    await expectMinPlanKept(workbook);
    const swapped = (await readBackup(workbook))!;
    expect(swapped.record).toMatchObject({ reason: "restore", dropped: [] });
    expect(readScenarioSheetLoosely(swapped.block, swapped.stays).model.saved).toEqual([]);
    // The scenario works again.
    expect(await switchTo(workbook, "Min plan")).toBe(sheet);
  });

  it("any other rewrite that would leave out a saved scenario is refused, and the sheet stays as it is", async () => {
    const { workbook, sheet } = await withMinPlan();
    const stored = (await readModel(workbook))!;
    const before = await cells(workbook, sheet);
    await expect(writeModel(workbook, { ...stored.model, saved: [] })).rejects.toThrow(
      "Arket Scenarier er ikke skrevet: det ville have mistet de gemte scenarier «Min plan»"
    );
    expect(await cells(workbook, sheet)).toBe(before);
    expect(await findBackup(workbook)).toBeUndefined();
  });

  it("a sheet with nothing readable (other data pasted over it): the repair asks, writes the defaults, and the copy restores every cell", async () => {
    const { workbook, sheet } = await withMinPlan();
    const values = workbook.getSheet(sheet)!.values;
    values.splice(0, values.length, ["Mit eget regneark"], ["Post", "Beløb"], ["Husleje", 5000]);
    const { reading } = (await inspectModel(workbook))!;
    expect(reading.drops).toBe(true);
    expect(reading.problems.map((p) => p.message)).toContain(
      "Arket har ingen parametre, der kan læses; en reparation skriver standardværdierne"
    );
    const before = await cells(workbook, sheet);
    expect((await repairScenarioSheet(workbook)).ok).toBe(false);
    expect(await cells(workbook, sheet)).toBe(before);
    await repairScenarioSheet(workbook, null, { confirmed: true });
    expect((await readModel(workbook))!.model.saved).toEqual([]);
    await restoreBackup(workbook);
    expect(await cells(workbook, sheet)).toBe(before);
  });
});

describe("reading what a user may have done", () => {
  it("a cleared label in its place is read by its place (column A cleared: every row); an unnamed saved column keeps its values", async () => {
    const { workbook, sheet } = await withMinPlan();
    workbook.setCell(sheet, rowOf("supportCost"), 0, "");
    workbook.setCell(sheet, LAYOUT.headerRow, FIRST_SAVED, "");
    const { reading } = (await inspectModel(workbook))!;
    expect(reading.drops).toBe(false);
    expect(reading.problems.map((p) => p.message)).toEqual([
      `Række ${rowOf("supportCost") + 1} har intet navn; den er læst som «Bostøtte pr. år» ud fra sin plads`,
      "Et gemt scenarie i kolonne K har intet navn; det er læst som «Uden navn (kolonne K)»",
    ]);
    expect(reading.model.active.values.supportCost).toBe(130_000);
    expect(reading.model.saved).toEqual([
      expect.objectContaining({ name: "Uden navn (kolonne K)" }),
    ]);
    expect(reading.model.saved[0].values.supportCost).toBe(130_000);

    // Column A cleared: every row read by its place, nothing left out, so no question.
    for (const row of workbook.getSheet(sheet)!.values) if (row.length > 0) row[0] = "";
    const cleared = (await inspectModel(workbook))!.reading;
    expect(cleared.drops).toBe(false);
    expect(cleared.model.active.values.horizon).toBe(12);
    expect((await repairScenarioSheet(workbook)).ok).toBe(true);
    expect((await readModel(workbook))!.model.active.values.supportCost).toBe(130_000);
  });

  it("a row that is no parameter is named and left out; thousands of them list the first hundred and a count", () => {
    const header = ["Parameter", "Værdi", "Lav", "Høj"];
    const rows: CellValue[][] = [
      ["Scenarier"],
      [""],
      ["Aktivt scenarie", "Basis"],
      header,
      ...PARAMETERS.map((p) => [p.name, p.default ?? ""]),
      ...Array.from({ length: 5000 }, (_, i) => [`Note ${i + 1}`, i]),
    ];
    const reading = readScenarioSheetLoosely({
      sheet: SCENARIO_SHEET,
      top: 0,
      left: 0,
      values: rows,
    });
    expect(reading.problems).toHaveLength(PROBLEMS_LISTED);
    expect(reading.unlisted).toBe(5000 - PROBLEMS_LISTED);
    expect(reading.drops).toBe(true);
    expect(reading.problems[0].message).toBe(
      `Række ${LAYOUT.firstParameterRow + PARAMETERS.length + 1}: «Note 1» er ikke en parameter; rækken udelades ved reparationen`
    );
  });

  it("the copy is the add-in's own hidden sheet, found by its record; a user's sheet of that name is never it", async () => {
    const workbook = new MemoryWorkbook();
    workbook.addUserSheet(BACKUP_SHEET, [["Mine tal"]]);
    const { sheet } = await withMinPlan(workbook);
    await removeScenario(workbook, "Min plan");
    const copy = (await findBackup(workbook))!;
    expect(copy.sheet).toBe(`${BACKUP_SHEET} (2)`);
    expect(workbook.getSheet(BACKUP_SHEET)!.values).toEqual([["Mine tal"]]);
    expect(await workbook.readSheetProperty(copy.sheet, BACKUP_PROPERTY)).toContain(
      '"of":"Scenarier"'
    );
    expect(sheet).toBe(SCENARIO_SHEET);
    expect(parameterCell("horizon")).toBe(`B${rowOf("horizon") + 1}`);
  });
});
