/**
 * Meeting mode's logic: the sliders' steps, the key figures, and the writes into the Scenarier
 * sheet's active value cells. On the demo workbook (whose formulas the in-memory workbook
 * evaluates as Excel would), the figures the pane computes equal what the sheet's
 * =DK.HOUSINGFIRSTPROJECTION shows after the write.
 */
import { describe, expect, it } from "@jest/globals";
import { dec, sum } from "../src/engine/money";
import { DEFAULT_PARAMETERS, type ParameterId } from "../src/engine/parameters";
import { computeProjection, isProjectionError } from "../src/engine/projection";
import { sampleWorkbook } from "../src/demo/sampleData";
import { PROJECTION_SUMMARY, projectionColumn } from "../src/functions/scenarioFunctions";
import { findStays } from "../src/sheets/forecast/forecastRun";
import { validateRows } from "../src/sheets/stays/columns";
import {
  MEETING_CONTROLS,
  keyFigures,
  meetingFigures,
  sliderBounds,
  snapValue,
  type KeyFigures,
} from "../src/sheets/meeting/meeting";
import { LAYOUT, parameterCell, staysRef } from "../src/sheets/scenarios/scenarioSheet";
import {
  activeParameters,
  createOrUpdate,
  writeActiveValues,
} from "../src/sheets/scenarios/scenarioStore";
import { ENGINE_HANDLERS } from "../taskpane/worker/engineJobs";
import { parseA1, type CellValue } from "../src/workbook/workbook";
import type { MemoryWorkbook } from "../src/demo/memoryWorkbook";
import { stay, fixedPricesSupportOnly } from "./fixtures";

const control = (id: ParameterId) => MEETING_CONTROLS.find((c) => c.id === id)!;

describe("the sliders", () => {
  it("snap to their step without binary noise, inside the registry's range", () => {
    expect(snapValue(control("shareMoved"), 0.1 + 0.05)).toBe(0.15);
    expect(snapValue(control("shareMoved"), 0.149)).toBe(0.15);
    expect(snapValue(control("shareMoved"), 1.2)).toBe(1);
    expect(snapValue(control("admissionGrowth"), 0.0149)).toBe(0.015);
    expect(snapValue(control("supportCost"), 87_499)).toBe(85_000);
    expect(snapValue(control("housingPerYear"), 24.6)).toBe(25);
    expect(snapValue(control("relapseRate"), -0.01)).toBe(0);
  });
  it("cover the registry's default and sensitivity range; a value beyond widens the slider", () => {
    for (const c of MEETING_CONTROLS) {
      const def = DEFAULT_PARAMETERS[c.id] as number;
      expect(def).toBeGreaterThanOrEqual(c.min);
      expect(def).toBeLessThanOrEqual(c.max);
    }
    expect(sliderBounds(control("supportCost"), 250_000)).toEqual({ min: 0, max: 250_000 });
    expect(sliderBounds(control("supportCost"), 85_000)).toEqual({ min: 0, max: 200_000 });
  });
});

describe("the key figures", () => {
  it("cost of doing nothing: Σ net cost without action over the projection years; effect, NPV and break-even as the projection has them", () => {
    // One citizen, 200 nights from 1 March every year, 1 000 kr. a night.
    const stays = [stay("Kim", "2025-03-01", "2025-09-17")];
    const p = { ...DEFAULT_PARAMETERS, ...fixedPricesSupportOnly, horizon: 3, baseYear: 2025 };
    const projection = computeProjection(stays, p);
    if (isProjectionError(projection)) throw new Error(projection.message);
    const f = keyFigures(projection);
    expect(f).toMatchObject({ baseYear: 2025, firstYear: 2026, lastYear: 2028 });
    const netCosts = projection.years.slice(1).map((y) => y.noAction.netCost);
    expect(f.noActionCost).toBe(sum(netCosts).toFixed(2));
    expect(f.effect).toBe(projection.budgetEffect.toFixed(2));
    expect(f.npv).toBe(projection.npv.toFixed(2));
    expect(f.breakEvenYear).toBe(projection.breakEvenYear);
    // 200 nights × 1 000 kr. a year, refund NY for 90 of them (50 %): 155 000 kr. net a year.
    expect(netCosts.map((n) => n.toFixed(2))).toEqual(["155000.00", "155000.00", "155000.00"]);
    expect(f.noActionCost).toBe("465000.00");
  });
  it("an error the model gives is passed on, never a figure", () => {
    expect(meetingFigures([], DEFAULT_PARAMETERS)).toMatchObject({ code: "#VALUE!" });
  });
});

/** The demo workbook with its Scenarier sheet written from the pane's stays. */
async function demo() {
  const workbook = sampleWorkbook();
  const found = (await findStays(workbook))!;
  const sheet = await createOrUpdate(workbook, staysRef(found, found.mapping)!);
  const rows = validateRows(found, found.mapping).stays;
  return { workbook, sheet, rows };
}

/** The figures as the sheet's spilled DK.HOUSINGFIRSTPROJECTION shows them. */
function sheetFigures(workbook: MemoryWorkbook, sheet: string, horizon: number) {
  const cell = (row: number, col: number) => workbook.cell(sheet, row, col);
  const first = LAYOUT.outputRow + 1; // the header, then the base year, then the projection years
  const net = projectionColumn("netCost");
  const years = Array.from({ length: horizon }, (_, t) => cell(first + 1 + t, net));
  const summary = (label: (typeof PROJECTION_SUMMARY)[number]) => {
    const row = first + 1 + horizon + PROJECTION_SUMMARY.indexOf(label);
    expect(cell(row, 0)).toBe(label);
    return cell(row, 1);
  };
  const money = (v: CellValue) => dec(String(v)).toFixed(2);
  return {
    firstYear: cell(first + 1, 0),
    lastYear: cell(first + horizon, 0),
    noActionCost: sum(years.map((v) => dec(String(v)))).toFixed(2),
    effect: money(summary("Budgeteffekt i alt (kommunen, nominelt)")),
    npv: money(summary("Nutidsværdi (NPV)")),
    breakEven: summary("Break-even-år"),
  };
}

const asShown = (f: KeyFigures) => ({
  firstYear: f.firstYear,
  lastYear: f.lastYear,
  noActionCost: f.noActionCost,
  effect: f.effect,
  npv: f.npv,
  breakEven: f.breakEvenYear,
});

describe("meeting mode on the demo workbook", () => {
  it("writes only the active value cells; the pane's figures equal the formula's, before and after", async () => {
    const { workbook, sheet, rows } = await demo();
    const before = await activeParameters(workbook);
    const f0 = ENGINE_HANDLERS.keyFigures(
      { stays: rows, parameters: before!.parameters },
      () => {}
    );
    expect(asShown(f0 as KeyFigures)).toEqual(sheetFigures(workbook, sheet, 5));

    const snapshot = workbook.getSheet(sheet)!.values.map((r) => [...r]);
    const changes = {
      shareMoved: 0.75,
      supportCost: 120_000,
      housingPerYear: 40,
      targetTransitional: 1,
    };
    const written = await writeActiveValues(workbook, changes);
    if (!written.ok) throw new Error(written.errors[0].message);
    // Every changed cell is a written parameter cell or part of the formula's spilled output.
    const after = workbook.getSheet(sheet)!.values;
    const changed: string[] = [];
    for (let r = 0; r < Math.max(after.length, snapshot.length); r++)
      for (let c = 0; c < Math.max(after[r]?.length ?? 0, snapshot[r]?.length ?? 0); c++)
        if ((after[r]?.[c] ?? "") !== (snapshot[r]?.[c] ?? "") && r < LAYOUT.outputRow)
          changed.push(`${r}:${c}`);
    const cells = Object.keys(changes).map((id) => parseA1(parameterCell(id as ParameterId)));
    expect(changed.sort()).toEqual(cells.map((a) => `${a.top}:${a.left}`).sort());
    expect(workbook.cell(sheet, cells[0].top, 1)).toBe(0.75);

    const f1 = ENGINE_HANDLERS.keyFigures(
      { stays: rows, parameters: written.parameters },
      () => {}
    );
    const shown = sheetFigures(workbook, sheet, 5);
    expect(asShown(f1 as KeyFigures)).toEqual(shown);
    // The write changed the outcome (more dwellings, dearer support): not the same figures.
    expect(shown.npv).not.toBe((f0 as KeyFigures).npv);
  });

  it("refuses a value set the registry rejects and writes nothing", async () => {
    const { workbook, sheet } = await demo();
    const at = parseA1(parameterCell("relapseRate"));
    const result = await writeActiveValues(workbook, { relapseRate: 0.98 }); // + move-away > 100 %
    expect(result.ok).toBe(false);
    expect(workbook.cell(sheet, at.top, at.left)).toBe(DEFAULT_PARAMETERS.relapseRate);
  });

  it("without a Scenarier sheet it says so; a user's sheet is never written", async () => {
    const workbook = sampleWorkbook();
    expect(await writeActiveValues(workbook, { shareMoved: 0.6 })).toMatchObject({
      ok: false,
      errors: [{ message: "Arket Scenarier findes ikke endnu" }],
    });
    const user = workbook.sheets[0].name;
    await expect(workbook.writeOwnCells(user, [{ at: "A1", value: 1 }])).rejects.toThrow(
      /kun i sine egne ark/
    );
  });
});
