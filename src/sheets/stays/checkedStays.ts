/**
 * A validation report kept with what it was made of: the rows, the column mapping and the day
 * (the data warnings compare with today). A run reads the stays again before it computes, in
 * case the sheet was edited; when what it reads is cell for cell what the shown report checked,
 * on the same day and with the same mapping, it reuses that report instead of checking every
 * row again (50 000 rows cost the page about a tenth of a second). Any edit of the stays, their
 * place in the sheet or the mapping, or a new day, means a new check.
 */
import type { Serial } from "../../engine/calendar";
import type { CellValue } from "../../workbook/workbook";
import {
  FIELDS,
  todaySerial,
  validateRowsInSteps,
  type ColumnMapping,
  type StaysTable,
  type ValidationReport,
} from "./columns";

export interface CheckedStays {
  /** The rows as read when they were checked (a copy: reading never hands out live rows). */
  table: StaysTable;
  mapping: ColumnMapping;
  /** The day the data warnings were computed for, as an Excel serial. */
  today: Serial;
  report: ValidationReport;
}

/** Validates `table` in steps (validateRowsInSteps) and keeps the report with what it checked. */
export async function checkStays(
  table: StaysTable,
  mapping: ColumnMapping,
  options: { signal?: AbortSignal; today?: Serial } = {}
): Promise<CheckedStays> {
  const today = options.today ?? todaySerial();
  const report = await validateRowsInSteps(table, mapping, { signal: options.signal, today });
  return { table, mapping, today, report };
}

const sameCells = (a: readonly CellValue[], b: readonly CellValue[]): boolean => {
  if (a.length !== b.length) return false;
  for (let c = 0; c < a.length; c++) if (!Object.is(a[c], b[c])) return false;
  return true;
};

/** The same block of the same sheet, cell for cell (header included). */
export function sameStays(a: StaysTable, b: StaysTable): boolean {
  if (a === b) return true;
  if (
    a.sheet !== b.sheet ||
    a.table !== b.table ||
    a.firstRow !== b.firstRow ||
    a.left !== b.left ||
    a.rows.length !== b.rows.length ||
    !sameCells(a.header, b.header)
  )
    return false;
  for (let r = 0; r < a.rows.length; r++) if (!sameCells(a.rows[r], b.rows[r])) return false;
  return true;
}

const sameMapping = (a: ColumnMapping, b: ColumnMapping): boolean =>
  FIELDS.every((f) => a[f] === b[f]);

/**
 * The kept check when it is the check of `table` with `mapping` on `today`; undefined when
 * anything differs and the rows must be checked again.
 */
export function reusableCheck(
  checked: CheckedStays | undefined,
  table: StaysTable,
  mapping: ColumnMapping,
  today: Serial = todaySerial()
): CheckedStays | undefined {
  return checked &&
    checked.today === today &&
    sameMapping(checked.mapping, mapping) &&
    sameStays(checked.table, table)
    ? checked
    : undefined;
}
