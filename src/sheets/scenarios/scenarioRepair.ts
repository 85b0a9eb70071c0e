/**
 * Repairing the Scenarier sheet a user has changed, and putting back the copy kept before it.
 * A repair rewrites the layout from what the loose reading found (sheetReading.ts): every value,
 * range and saved scenario it could read stays; a copy of the sheet as it was is kept first
 * (scenarioBackup.ts); and when the reading had to leave something out (a second row of one
 * parameter, a row it cannot place, a saved scenario there twice), the repair is refused until
 * the user has been asked. A restore swaps the sheet and its copy.
 */
import { sameName } from "../../templates/names";
import { a1, type Workbook } from "../../workbook/workbook";
import { readBackup, writeBackup } from "./scenarioBackup";
import { SCENARIO_SHEET, STAYS_PROPERTY, type StaysRef } from "./scenarioSheet";
import { inspectModel, writeModel } from "./scenarioStore";
import { readScenarioSheetLoosely, type SheetProblem } from "./sheetReading";

export type RepairResult =
  | {
      ok: true;
      /** The repaired sheet, the hidden copy of it as it was, and the saved scenarios kept. */
      sheet: string;
      backup: string;
      saved: string[];
    }
  /** Not written: the reading leaves these out, and the user has not been asked. */
  | { ok: false; drops: SheetProblem[] };

/**
 * Rewrites the Scenarier sheet's layout from its loose reading, after keeping a copy of it;
 * `confirmed` once the user has agreed to what the reading leaves out. A sheet that is already
 * the layout is left as it is.
 */
export async function repairScenarioSheet(
  workbook: Workbook,
  stays: StaysRef | null = null,
  { confirmed = false }: { confirmed?: boolean } = {}
): Promise<RepairResult> {
  const inspected = await inspectModel(workbook, stays);
  if (!inspected) throw new Error("Arket Scenarier findes ikke endnu");
  const { reading } = inspected;
  if (reading.drops && !confirmed)
    return { ok: false, drops: reading.problems.filter((p) => p.drops) };
  const saved = reading.model.saved.map((s) => s.name);
  if (reading.problems.length === 0) return { ok: true, sheet: inspected.sheet, backup: "", saved };
  const backup = await writeBackup(
    workbook,
    { block: inspected.block, stays: inspected.stays },
    "repair"
  );
  const sheet = await writeModel(workbook, reading.model, { backedUp: true });
  return { ok: true, sheet, backup, saved };
}

/**
 * Puts the copy back as the Scenarier sheet, and keeps the sheet as it is now as the copy, so
 * the restore can be undone the same way. A copy of the add-in's layout is written as the
 * layout (its formula and charts rebuilt); a copy of a sheet a user had changed goes back as its
 * cells were (without formulas, charts or formats), to be repaired again. Returns the sheet's name.
 */
export async function restoreBackup(
  workbook: Workbook,
  stays: StaysRef | null = null
): Promise<string> {
  const backup = await readBackup(workbook);
  if (!backup) throw new Error("Der er ingen kopi af arket Scenarier");
  const reading = readScenarioSheetLoosely(backup.block, backup.stays);
  const now = await inspectModel(workbook);
  if (now && now.block.values.length > 0) {
    const back = reading.model.saved;
    const dropped = now.reading.model.saved
      .map((s) => s.name)
      .filter((name) => !back.some((s) => sameName(s.name, name)));
    await writeBackup(workbook, { block: now.block, stays: now.stays }, "restore", dropped);
  }
  if (reading.problems.length === 0)
    return writeModel(
      workbook,
      { ...reading.model, stays: reading.model.stays ?? stays },
      { backedUp: true }
    );
  const { block } = backup;
  const written = await workbook.writeOwnSheet({
    name: SCENARIO_SHEET,
    // As the cells were: no column is sized to the title's long lines.
    sections: [{ at: a1(block.top, block.left), values: block.values, fit: false }],
    properties: { [STAYS_PROPERTY]: backup.stays ?? "null" },
  });
  return written.name;
}
