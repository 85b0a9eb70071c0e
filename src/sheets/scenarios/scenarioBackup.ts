/**
 * The copy of the Scenarier sheet that the add-in keeps before a rewrite that leaves something
 * out (a repair of a sheet a user has changed, a deleted scenario, a restore): the sheet's cells
 * as they were, in a hidden sheet of the add-in's own, «Scenarier (kopi)», with the stays record
 * the add-in kept with the sheet. One copy, the latest: the pane's «Gendan kopien» puts it back,
 * and the sheet as it is then becomes the copy, so a restore can itself be undone. The copy is
 * hidden, not very hidden: a user can unhide it in Excel and read every cell.
 *
 * Why a sheet and not the workbook's custom XML: the workbook port has sheets and their
 * properties, in Excel and in the demo alike; a sheet is also what a user can open.
 */
import {
  a1,
  type CellBlock,
  type CellValue,
  type SheetInfo,
  type Workbook,
} from "../../workbook/workbook";
import { SCENARIO_SHEET, STAYS_PROPERTY } from "./scenarioSheet";

export const BACKUP_SHEET = `${SCENARIO_SHEET} (kopi)`;
/** The worksheet custom property that marks the copy and says what it is a copy of. */
export const BACKUP_PROPERTY = "DkRefusionScenarioBackup";
/** The copy's cells start below its note, so a user who unhides it reads first what it is. */
const COPY_OFFSET = 3;

/** Why the copy was taken: the pane says it beside its restore button. */
export type BackupReason = "repair" | "delete" | "restore";

export interface BackupRecord {
  /** The sheet copied. */
  of: string;
  /** Where its used range began, and how large it was. */
  top: number;
  left: number;
  rows: number;
  columns: number;
  /** When, as an ISO date and time (UTC). */
  taken: string;
  reason: BackupReason;
  /** The saved scenarios the rewrite after it left out (a deleted one), by name. */
  dropped: string[];
}

export interface Backup {
  /** The hidden sheet that holds the copy. */
  sheet: string;
  record: BackupRecord;
  /** The copied sheet's cells, where they stood on it. */
  block: CellBlock;
  /** The stays record the add-in kept with the copied sheet. */
  stays: string | undefined;
}

const NOTE = {
  da: "Kopi af arket Scenarier, taget af tilføjelsesprogrammet før en ændring, der udelod noget af det. Panelets «Gendan kopien» lægger den tilbage; cellerne nedenfor er arket, som det var.",
  en: "A copy of the Scenarier sheet, taken by the add-in before a change that left part of it out. The pane's «Restore the copy» puts it back; the cells below are the sheet as it was.",
};

/** Keeps a copy of `source` (a sheet's used range) in the hidden copy sheet; returns its name. */
export async function writeBackup(
  workbook: Workbook,
  source: { block: CellBlock; stays: string | undefined },
  reason: BackupReason,
  dropped: readonly string[] = [],
  taken: Date = new Date()
): Promise<string> {
  const { block } = source;
  const record: BackupRecord = {
    of: block.sheet,
    top: block.top,
    left: block.left,
    rows: block.values.length,
    columns: Math.max(0, ...block.values.map((r) => r.length)),
    taken: taken.toISOString(),
    reason,
    dropped: [...dropped],
  };
  const written = await workbook.writeOwnSheet({
    name: BACKUP_SHEET,
    hidden: true,
    sections: [
      { at: "A1", values: [[NOTE.da], [NOTE.en]], boldRows: [0], fit: false },
      ...(block.values.length > 0
        ? [{ at: a1(block.top + COPY_OFFSET, block.left), values: block.values }]
        : []),
    ],
    properties: {
      [BACKUP_PROPERTY]: JSON.stringify(record),
      // Always written: a copy without a stays record must not keep an earlier copy's.
      [STAYS_PROPERTY]: source.stays ?? "null",
    },
  });
  return written.name;
}

const isRecord = (x: unknown): x is BackupRecord => {
  const r = x as BackupRecord;
  const index = (n: unknown) => typeof n === "number" && Number.isInteger(n) && n >= 0;
  return (
    typeof x === "object" &&
    x !== null &&
    typeof r.of === "string" &&
    [r.top, r.left, r.rows, r.columns].every(index) &&
    typeof r.taken === "string" &&
    ["repair", "delete", "restore"].includes(r.reason) &&
    Array.isArray(r.dropped) &&
    r.dropped.every((d) => typeof d === "string")
  );
};

const backupName = new RegExp(`^${SCENARIO_SHEET} \\(kopi\\)( \\(\\d+\\))?$`, "i");

/** The hidden copy and what it records, if the workbook has one. */
export async function findBackup(
  workbook: Workbook,
  sheets?: readonly SheetInfo[]
): Promise<{ sheet: string; record: BackupRecord } | undefined> {
  for (const s of sheets ?? (await workbook.listSheets())) {
    if (!s.own || !backupName.test(s.name)) continue;
    const stored = await workbook.readSheetProperty(s.name, BACKUP_PROPERTY);
    let record: unknown;
    try {
      record = stored === undefined ? undefined : JSON.parse(stored);
    } catch {
      record = undefined;
    }
    if (isRecord(record)) return { sheet: s.name, record };
  }
  return undefined;
}

/** The copy with its cells where they stood on the copied sheet. */
export async function readBackup(workbook: Workbook): Promise<Backup | undefined> {
  const found = await findBackup(workbook);
  if (!found) return undefined;
  const { sheet, record } = found;
  const used = await workbook.readUsedRange(sheet);
  const at = (row: number, col: number): CellValue =>
    used.values[row - used.top]?.[col - used.left] ?? "";
  const values = Array.from({ length: record.rows }, (_, r) =>
    Array.from({ length: record.columns }, (_, c) =>
      at(record.top + COPY_OFFSET + r, record.left + c)
    )
  );
  return {
    sheet,
    record,
    block: { sheet: record.of, top: record.top, left: record.left, values },
    stays: await workbook.readSheetProperty(sheet, STAYS_PROPERTY),
  };
}
