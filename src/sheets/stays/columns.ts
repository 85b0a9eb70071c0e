/**
 * Finding the stays in a sheet and mapping its columns: header names in Danish or English,
 * matched case-, space- and punctuation-insensitively; then a validation report of every row,
 * using the same cell coercers as the custom functions so the pane and the cells agree.
 */
import { serialFromYmd, type Serial } from "../../engine/calendar";
import type { ForecastStay } from "../../engine/forecast";
import { RULE_SETS } from "../../engine/rules";
import { citizenKey, type RowError, type StayInput } from "../../engine/shelter";
import { STAY_FIELD_LABELS, isBlank, isEmpty, isRowError, stayFromCells } from "../../cells/coerce";
import { a1, throwIfAborted, yieldToEventLoop, type CellValue } from "../../workbook/workbook";
import { ALIASES, type Field } from "./fieldNames";

export type { Field } from "./fieldNames";

/** A column index (0-based, within the stays block) per field; null = not mapped. */
export type ColumnMapping = Record<Field, number | null>;

/** The stays as read from a sheet or a table. */
export interface StaysTable {
  sheet: string;
  /** The Excel table's name, if the stays came from one. */
  table?: string;
  header: CellValue[];
  rows: CellValue[][];
  /** 0-based sheet row of rows[0] (the header is the row above). */
  firstRow: number;
  /** 0-based sheet column of the block's first column. */
  left: number;
}

export interface BadRow {
  /** Index into StaysTable.rows. */
  index: number;
  /** 1-based row number as the user sees it in the sheet. */
  sheetRow: number;
  /** The row's cells in the block, A1, for selecting it. */
  address: string;
  error: RowError;
}

/**
 * What a statistician would ask about rows that are valid one by one (Danmarks Statistik checks
 * shelter reports for these): each a warning with the sheet rows, never a silent merge.
 */
export type DataWarningKind =
  "duplicate" | "overlap" | "missingDischarge" | "longStay" | "future" | "beforeReform";

export interface DataWarning {
  kind: DataWarningKind;
  /** 1-based sheet rows, ascending. */
  rows: number[];
}

export interface ValidationReport {
  /** Non-blank rows that are not total rows. */
  total: number;
  ok: number;
  bad: BadRow[];
  /** Parsed stays of the good rows, in sheet order. */
  stays: ForecastStay[];
  /** 1-based sheet row per parsed stay. */
  stayRows: number[];
  /** Required fields with no column: nothing can be computed until they are mapped. */
  missing: Field[];
  /** The citizen column holds CPR-shaped values: pseudonymise by default. */
  cprLike: boolean;
  /** Rows that sum the others ("I alt", "Total"): left out, 1-based sheet rows. */
  totalRows: number[];
  warnings: DataWarning[];
}

export const FIELDS: readonly Field[] = [
  "citizen",
  "admission",
  "discharge",
  "dailyRate",
  "selfPayment",
  "shelter",
];

/** Without these there is nothing to compute; self-payment (blank = 0) and shelter are optional. */
export const REQUIRED_FIELDS: readonly Field[] = ["citizen", "admission", "discharge", "dailyRate"];

/** Field names as the pane and the messages show them. */
export const FIELD_LABELS: Readonly<Record<Field, { da: string; en: string }>> = {
  ...STAY_FIELD_LABELS,
  shelter: { da: "Boform", en: "Shelter" },
};

/** Lower case, letters and digits only: "Borger-ID" -> "borgerid", "Døgn takst" -> "døgntakst". */
export function normalise(header: CellValue): string {
  return String(header ?? "")
    .toLowerCase()
    .replace(/[^a-z0-9æøåäöü]/g, "");
}

/** How well a header names a field: exactly (its length + 1000), by a prefix (its length), or 0. */
function matchQuality(header: string, field: Field): number {
  if (header === "") return 0;
  let best = 0;
  for (const a of ALIASES[field]) {
    if (a === header) return 1000 + a.length;
    if (a.length >= 5 && header.startsWith(a)) best = Math.max(best, a.length);
  }
  return best;
}

/**
 * Maps header cells to fields: exact names first, then prefixes; each column serves one field,
 * and a prefix only the field it names best (the longest alias).
 */
export function mapColumns(header: readonly CellValue[]): ColumnMapping {
  const names = header.map(normalise);
  const mapping = Object.fromEntries(FIELDS.map((f) => [f, null])) as ColumnMapping;
  const taken = new Set<number>();
  const quality = names.map((n) => FIELDS.map((f) => matchQuality(n, f)));
  const bestField = quality.map((q) => {
    const top = Math.max(...q);
    return top === 0 ? -1 : q.indexOf(top);
  });
  for (const exact of [true, false]) {
    FIELDS.forEach((field, f) => {
      if (mapping[field] !== null) return;
      const col = names.findIndex(
        (_, i) =>
          !taken.has(i) &&
          quality[i][f] > 0 &&
          quality[i][f] >= 1000 === exact &&
          (exact || bestField[i] === f)
      );
      if (col >= 0) {
        mapping[field] = col;
        taken.add(col);
      }
    });
  }
  return mapping;
}

const mappedCount = (m: ColumnMapping): number => FIELDS.filter((f) => m[f] !== null).length;

/**
 * The header row of a used range that holds no Excel table: among the first rows, the one that
 * maps the most fields (at least an admission column and two others); the earliest wins ties.
 * `index` is the row within `values`.
 */
export function findHeaderRow(
  values: readonly CellValue[][],
  scanRows = 30
): { index: number; mapping: ColumnMapping } | undefined {
  let best: { index: number; mapping: ColumnMapping } | undefined;
  for (let i = 0; i < Math.min(values.length, scanRows); i++) {
    const mapping = mapColumns(values[i]);
    const n = mappedCount(mapping);
    if (mapping.admission === null || n < 3) continue;
    if (!best || n > mappedCount(best.mapping)) best = { index: i, mapping };
  }
  return best;
}

/** A CPR number (ddmmyy-nnnn), as text or as a number that lost its leading zero. */
export function isCprLike(cell: CellValue): boolean {
  let digits: string;
  if (typeof cell === "number") {
    if (!Number.isInteger(cell) || cell < 1e8 || cell >= 1e10) return false;
    digits = String(cell).padStart(10, "0");
  } else if (typeof cell === "string") {
    const m = /^(\d{6})[- ]?(\d{4})$/.exec(cell.trim());
    if (!m) return false;
    digits = m[1] + m[2];
  } else {
    return false;
  }
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

function parseRow(row: readonly CellValue[], mapping: ColumnMapping): ForecastStay | RowError {
  const cell = (f: Field): CellValue => (mapping[f] === null ? null : (row[mapping[f]!] ?? null));
  const stay = stayFromCells(cell);
  if (isRowError(stay)) return stay;
  const shelter = cell("shelter");
  return isBlank(shelter) ? stay : { ...stay, shelter: String(shelter).trim() };
}

/** Labels of a row that sums the others, as Danish and English sheets write them. */
const TOTAL_LABELS = new Set([
  "i alt",
  "ialt",
  "total",
  "totalt",
  "totaler",
  "sum",
  "samlet",
  "i alt kr",
]);

/** A row whose first filled cell is a total label and that has no admission: a sum, not a stay. */
function isTotalRow(row: readonly CellValue[], mapping: ColumnMapping): boolean {
  const first = row.find((c) => !isBlank(c));
  if (typeof first !== "string") return false;
  const label = first
    .trim()
    .toLowerCase()
    .replace(/[:.]+$/, "")
    .replace(/\s+/g, " ");
  return TOTAL_LABELS.has(label) && isBlank(row[mapping.admission!]);
}

export interface ValidateOptions {
  /** Today as an Excel serial, for admissions in the future and open stays' length. */
  today?: Serial;
}

/** Today's date in the user's time zone as an Excel serial. */
export function todaySerial(now = new Date()): Serial {
  return serialFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Every non-blank row parsed, or reported with its sheet row and a Danish reason. */
export function validateRows(
  table: StaysTable,
  mapping: ColumnMapping,
  options: ValidateOptions = {}
): ValidationReport {
  const check = rowChecker(table, mapping, options);
  table.rows.forEach((row, index) => check.row(row, index));
  return check.report();
}

/** Rows validated between two yields to the page (about 20 ms of work). */
const ROWS_PER_STEP = 5000;

/**
 * validateRows in steps, yielding to the page between them, so 50 000 rows never freeze it;
 * rejects with AbortError when the signal fires.
 */
export async function validateRowsInSteps(
  table: StaysTable,
  mapping: ColumnMapping,
  options: ValidateOptions & { signal?: AbortSignal } = {}
): Promise<ValidationReport> {
  const check = rowChecker(table, mapping, options);
  for (let start = 0; start < table.rows.length; start += ROWS_PER_STEP) {
    if (start > 0) await yieldToEventLoop();
    throwIfAborted(options.signal);
    const end = Math.min(table.rows.length, start + ROWS_PER_STEP);
    for (let index = start; index < end; index++) check.row(table.rows[index], index);
  }
  return check.report();
}

function rowChecker(table: StaysTable, mapping: ColumnMapping, options: ValidateOptions) {
  const missing = REQUIRED_FIELDS.filter((f) => mapping[f] === null);
  const report: ValidationReport = {
    total: 0,
    ok: 0,
    bad: [],
    stays: [],
    stayRows: [],
    missing,
    cprLike: false,
    totalRows: [],
    warnings: [],
  };
  const width = Math.max(1, table.header.length);
  return {
    row(row: readonly CellValue[], index: number): void {
      if (row.every((c) => isEmpty(c))) return;
      if (missing.length === 0 && isTotalRow(row, mapping)) {
        report.totalRows.push(table.firstRow + index + 1);
        return;
      }
      report.total++;
      if (missing.length > 0) return;
      const sheetRow = table.firstRow + index + 1;
      if (!report.cprLike && isCprLike(row[mapping.citizen!])) report.cprLike = true;
      const parsed = parseRow(row, mapping);
      if (isRowError(parsed)) {
        const top = table.firstRow + index;
        report.bad.push({
          index,
          sheetRow,
          address: a1(top, table.left, top, table.left + width - 1),
          error: parsed,
        });
        return;
      }
      report.stays.push(parsed);
      report.stayRows.push(sheetRow);
    },
    report(): ValidationReport {
      report.ok = report.stays.length;
      report.warnings = dataWarnings(report.stays, report.stayRows, options.today ?? todaySerial());
      return report;
    },
  };
}

/** A year of nights: a stay longer than this is worth a second look. */
const YEAR_OF_NIGHTS = 365;

/** The statistician's checks on the valid rows (see DataWarningKind). */
export function dataWarnings(
  stays: readonly StayInput[],
  rows: readonly number[],
  today: Serial
): DataWarning[] {
  const found = new Map<DataWarningKind, Set<number>>();
  const flag = (kind: DataWarningKind, ...stayIndexes: number[]) => {
    let set = found.get(kind);
    if (!set) found.set(kind, (set = new Set()));
    for (const i of stayIndexes) set.add(rows[i]);
  };
  const byCitizen = new Map<string, number[]>();
  stays.forEach((s, i) => {
    const key = citizenKey(s.citizen);
    const list = byCitizen.get(key);
    if (list) list.push(i);
    else byCitizen.set(key, [i]);
    if (s.admission > today) flag("future", i);
    if ((s.discharge ?? today) - s.admission > YEAR_OF_NIGHTS) flag("longStay", i);
  });
  for (const list of byCitizen.values()) {
    list.sort((a, b) => stays[a].admission - stays[b].admission || a - b);
    const seen = new Map<string, number>();
    let coveredTo = -Infinity;
    let coveredBy = -1;
    for (const i of list) {
      const s = stays[i];
      const same = `${s.admission}|${s.discharge}`;
      if (seen.has(same)) flag("duplicate", seen.get(same)!, i);
      else if (s.admission < coveredTo) {
        // A later admission while an open stay runs: that stay's discharge is missing.
        const open = stays[coveredBy].discharge === null;
        if (open && s.admission > stays[coveredBy].admission) flag("missingDischarge", coveredBy);
        else flag("overlap", coveredBy, i);
      }
      seen.set(same, i);
      const to = s.discharge ?? Infinity;
      if (to > coveredTo) {
        coveredTo = to;
        coveredBy = i;
      }
    }
  }
  // Stays that ended before the day limit took effect, beside later ones: two regimes in one data set.
  const limitFrom = RULE_SETS.NY.shelter.limitFrom?.value;
  if (limitFrom !== undefined) {
    const before = stays.flatMap((s, i) =>
      s.discharge !== null && s.discharge < limitFrom ? [i] : []
    );
    if (before.length > 0 && before.length < stays.length) flag("beforeReform", ...before);
  }
  const order: DataWarningKind[] = [
    "duplicate",
    "overlap",
    "missingDischarge",
    "longStay",
    "future",
    "beforeReform",
  ];
  return order.flatMap((kind) => {
    const set = found.get(kind);
    return set ? [{ kind, rows: [...set].sort((a, b) => a - b) }] : [];
  });
}
