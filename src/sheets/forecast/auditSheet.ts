/**
 * The audit sheet ("Refusion pr. ophold"): one row per sheet row of the stays, with the rule and
 * the source that decided its days under NY, its days by calendar year, its warnings, and beside
 * the table the sources in full and how each amount is computed. Pure, like forecastSheets.ts,
 * whose forecast it lays out.
 */
import { serialFromYmd, yearOf } from "../../engine/calendar";
import type { Forecast, StayLine } from "../../engine/forecast";
import { Decimal, kronerNumber } from "../../engine/money";
import type { RuleSet } from "../../engine/rules";
import {
  isRowError,
  overlapDays,
  type FailedRow,
  type RowError,
  type Span,
  type StayResult,
} from "../../engine/shelter";
import { a1, type CellValue, type SheetSpec } from "../../workbook/workbook";
import type { SheetLanguage } from "../sheetLanguage";
import { AUDIT_SHEET, FORMATS, TABLES, type ForecastInput } from "./forecastInput";
import { AUDIT_KEYS, FORECAST_TEXTS, type AuditKey, type ForecastTexts } from "./forecastTexts";

const AUDIT_FORMATS: Record<AuditKey, string | null> = {
  row: FORMATS.year,
  citizen: null,
  shelter: null,
  admission: FORMATS.date,
  discharge: FORMATS.date,
  dailyRate: FORMATS.kr,
  selfPayment: FORMATS.kr,
  stayDays: FORMATS.days,
  windowStart: FORMATS.date,
  refundDaysNy: FORMATS.days,
  refundNy: FORMATS.kr,
  refundDaysGammel: FORMATS.days,
  refundGammel: FORMATS.kr,
  gross: FORMATS.kr,
  daysByYear: null,
  rule: null,
  source: null,
  warnings: null,
};
/** Each column's index, by key. */
const COLUMN = Object.fromEntries(AUDIT_KEYS.map((k, i) => [k, i])) as Record<AuditKey, number>;
/**
 * A row of blank cells, copied for each row: a copy is a packed array, which the worker's
 * structured clone writes densely (a `new Array(n)` stays holey, and is written as a sparse
 * array: larger, and several times slower to send to the page).
 */
const BLANK_ROW: readonly CellValue[] = AUDIT_KEYS.map(() => "");

/**
 * Which rule decided the stay's days under NY, and the sources behind it. Each window's days are
 * counted in one scope, the period, as the sheet's other columns are: its refunded days and its
 * days over the limit (the stay's days in the window less those refunded) are the period's, and
 * the window's days after the period are named as not computed (the engine walks a stay only to
 * the period's end; a window's quota used after it changes nothing inside it).
 */
function ruleText(
  r: StayResult,
  rules: RuleSet,
  period: Span,
  t: ForecastTexts
): { rule: string; sources: string[] } {
  const shelter = rules.shelter;
  const parts: string[] = [];
  const sources = new Set<string>();
  const refunded = (scope: Span) => r.refundSpans.reduce((n, s) => n + overlapDays(s, scope), 0);
  if (r.unlimitedDays > 0 && shelter.limitFrom) {
    const before = refunded({
      from: period.from,
      to: Math.min(period.to, shelter.limitFrom.value),
    });
    if (before > 0) parts.push(t.unlimited(before, shelter.limitFrom.value));
    sources.add(shelter.limitFrom.source);
  }
  const own = r.ownDays!;
  for (const w of r.windows) {
    // The window's part in the period; a window wholly before it tells nothing about it.
    const scope = { from: Math.max(w.start, period.from), to: Math.min(w.end, period.to) };
    if (scope.from >= scope.to) continue;
    const days = refunded(scope);
    parts.push(
      t.window({
        start: w.start,
        last: w.end - 1,
        refunded: days,
        over: overlapDays(own, scope) - days,
        after: overlapDays(own, { from: Math.max(w.start, period.to), to: w.end }),
        periodEnd: period.to - 1,
        limits: w.limits.map((l) => l.days).join("/"),
      })
    );
    for (const l of w.limits) sources.add(l.source);
    sources.add(shelter.windowMonths.source);
  }
  if (parts.length === 0) parts.push(t.noOwnDays);
  return { rule: parts.join("; "), sources: [...sources] };
}

/**
 * Short references (K1, K2, …) to the legal sources, listed in full beside the audit table:
 * the same few long texts would otherwise repeat on every row of a large sheet.
 */
function sourceRefs(t: ForecastTexts): {
  ref: (source: string) => string;
  legend: () => CellValue[][];
} {
  const ids = new Map<string, string>();
  return {
    ref: (source) => {
      let id = ids.get(source);
      if (!id) ids.set(source, (id = `K${ids.size + 1}`));
      return id;
    },
    legend: () => [[...t.legend], ...[...ids].map(([text, id]) => [id, text])],
  };
}

function warningText(line: StayLine, stayRows: readonly number[], t: ForecastTexts): string {
  const ny = line.ny as StayResult;
  return ny.warnings
    .map((w) => {
      switch (w.kind) {
        case "overlap":
          return t.overlap(stayRows[w.withRow], w.days);
        case "open":
          return t.open(w.countedTo);
        case "selfPaymentAboveRate":
          return t.selfPaymentAboveRate;
      }
    })
    .join(". ");
}

/** "Borger 1", "Borger 2", … in order of first appearance. */
function pseudonyms(t: ForecastTexts): (id: string) => string {
  const seen = new Map<string, string>();
  return (id) => {
    let p = seen.get(id);
    if (!p) seen.set(id, (p = t.pseudonym(seen.size + 1)));
    return p;
  };
}

/**
 * A stay's days per calendar year in the period, when they fall in more than one: the years
 * each amount is rounded in. "2025: 40 døgn, heraf 40 NY; 2026: 50 døgn, heraf 29 NY".
 */
function daysByYear(ny: StayResult, period: Span, t: ForecastTexts): string {
  const own = ny.ownDays;
  if (!own) return "";
  const first = yearOf(Math.max(own.from, period.from));
  const last = yearOf(Math.min(own.to, period.to) - 1);
  if (last <= first) return "";
  const parts: string[] = [];
  for (let year = first; year <= last; year++) {
    const span = { from: serialFromYmd(year, 1, 1), to: serialFromYmd(year + 1, 1, 1) };
    const inYear = { from: Math.max(span.from, period.from), to: Math.min(span.to, period.to) };
    const days = overlapDays(own, inYear);
    if (days === 0) continue;
    const refunded = ny.refundSpans.reduce((n, s) => n + overlapDays(s, inYear), 0);
    parts.push(t.byYear(year, days, refunded));
  }
  return parts.join("; ");
}

export function auditSheet(
  forecast: Forecast,
  input: ForecastInput,
  language: SheetLanguage
): SheetSpec {
  const t = FORECAST_TEXTS[language];
  const message = (error: RowError) => (language === "en" && error.en) || error.message;
  const name = input.pseudonymise ? pseudonyms(t) : (id: string) => id;
  const refs = sourceRefs(t);
  const period = { from: forecast.period.start, to: forecast.period.end + 1 };
  const width = AUDIT_KEYS.length;
  const rows: { sheetRow: number; cells: CellValue[] }[] = [];
  for (const line of forecast.stays) {
    const stay = input.stays[line.index];
    const sheetRow = input.stayRows[line.index];
    const { ny, gammel: g } = line;
    const cells = BLANK_ROW.slice();
    cells[COLUMN.row] = sheetRow;
    cells[COLUMN.citizen] = name(stay.citizen);
    cells[COLUMN.shelter] = stay.shelter ?? "";
    cells[COLUMN.admission] = stay.admission;
    cells[COLUMN.discharge] = stay.discharge ?? "";
    cells[COLUMN.dailyRate] = stay.dailyRate;
    cells[COLUMN.selfPayment] = stay.selfPayment;
    if (isRowError(ny) || isRowError(g)) {
      cells[COLUMN.warnings] = t.error(message((isRowError(ny) ? ny : (g as FailedRow)).error));
      rows.push({ sheetRow, cells });
      continue;
    }
    const { rule, sources } = ruleText(ny, forecast.rules, period, t);
    cells[COLUMN.stayDays] = ny.stayDaysInPeriod;
    cells[COLUMN.windowStart] = ny.windows[0]?.start ?? "";
    cells[COLUMN.refundDaysNy] = ny.refundableDays;
    cells[COLUMN.refundNy] = kronerNumber(line.refundNyOre);
    cells[COLUMN.refundDaysGammel] = g.refundableDays;
    cells[COLUMN.refundGammel] = kronerNumber(line.refundGammelOre);
    cells[COLUMN.gross] = kronerNumber(line.grossOre);
    cells[COLUMN.daysByYear] = daysByYear(ny, period, t);
    cells[COLUMN.rule] = rule;
    cells[COLUMN.source] = sources.map(refs.ref).join(", ");
    cells[COLUMN.warnings] = warningText(line, input.stayRows, t);
    rows.push({ sheetRow, cells });
  }
  for (const bad of input.bad) {
    const cells = BLANK_ROW.slice();
    cells[COLUMN.row] = bad.sheetRow;
    cells[COLUMN.citizen] = bad.citizen === "" ? "" : name(bad.citizen);
    cells[COLUMN.warnings] = t.error(message(bad.error), bad.error.code);
    rows.push({ sheetRow: bad.sheetRow, cells });
  }
  rows.sort((a, b) => a.sheetRow - b.sheetRow);
  const legend = refs.legend();
  const share = `${new Decimal(forecast.rules.shelter.refundShare.value)
    .times(100)
    .toString()
    .replace(".", language === "da" ? "," : ".")} %`;
  // Sized to their content, the long texts within bounds (they run on in the cell, Excel cuts them).
  const widths: (number | { max: number } | null)[] = new Array(width + 3).fill(null);
  widths[COLUMN.daysByYear] = { max: 300 };
  widths[COLUMN.rule] = { max: 420 };
  widths[COLUMN.warnings] = { max: 300 };
  widths[width] = 20;
  widths[width + 2] = { max: 600 };
  return {
    name: AUDIT_SHEET,
    freezeRows: 1,
    columnWidths: widths,
    sections: [
      {
        at: "A1",
        values: [AUDIT_KEYS.map((k) => t.audit[k]), ...rows.map((r) => r.cells)],
        numberFormats: AUDIT_KEYS.map((k) => AUDIT_FORMATS[k]),
        table: { name: TABLES.audit, rows: rows.length + 1 },
      },
      { at: a1(0, width + 1), values: legend, boldRows: [0] },
      {
        at: a1(legend.length + 1, width + 1),
        values: t.notes(share, forecast.period.start, forecast.period.end),
        boldRows: [0],
      },
    ],
  };
}
