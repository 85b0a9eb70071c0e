/**
 * The forecast pipeline without UI: find the stays -> map columns -> validate -> compute ->
 * write the add-in's own sheets -> charts, with progress and cancel. The pane calls
 * `findStays` (shows the mapping and `validateRows`' report), then `runForecast`.
 */
import {
  forecastCharts,
  forecastSheets,
  type ForecastInput,
  type ForecastSheets,
  type ForecastSummary,
} from "./forecastSheets";
import type { ForecastOptions } from "../../engine/forecast";
import { isExampleStays } from "../../examples/names";
import type { TypologyChoice } from "./userGroups";
import { sheetLanguage, type SheetLanguage } from "../sheetLanguage";
import {
  FIELD_LABELS,
  findHeaderRow,
  mapColumns,
  todaySerial,
  type ColumnMapping,
  type Field,
  type StaysTable,
  type ValidationReport,
} from "../stays/columns";
import { checkStays, reusableCheck, type CheckedStays } from "../stays/checkedStays";
import {
  throwIfAborted,
  yieldToEventLoop,
  type IoOptions,
  type SheetSpec,
  type Workbook,
  type WrittenSheet,
} from "../../workbook/workbook";

export { AUDIT_SHEET, FORECAST_SHEET, FORMATS } from "./forecastSheets";

/** Where the stays are: an Excel table, or a sheet whose used range holds a header row. */
export type StaysSource =
  { kind: "table"; table: string; sheet: string } | { kind: "sheet"; sheet: string };

export interface FoundStays extends StaysTable {
  source: StaysSource;
  /** The mapping detected from the headers; the user may correct it before validating. */
  mapping: ColumnMapping;
}

export type RunPhase = "compute" | "write" | "charts" | "done";

export interface RunProgress {
  phase: RunPhase;
  /** 0..1 over the whole run. */
  fraction: number;
}

export interface RunOptions {
  forecast?: ForecastOptions;
  /** Replace citizen ids on the audit sheet by "Borger 1", "Borger 2", … */
  pseudonymise: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: RunProgress) => void;
  /**
   * Computes the sheets (the pane: in its engine worker, so the page never freezes); default:
   * here, on the calling thread.
   */
  compute?: (input: ForecastInput, signal?: AbortSignal) => Promise<ForecastSheets>;
  /** The user typology's thresholds (default: the registry's). */
  typology?: TypologyChoice;
  /** The scenario the budget years are projected with (default: the registry's values). */
  scenario?: ForecastInput["scenario"];
  /** The sheets' language (default: sheetLanguage(workbook), which the pane sets). */
  language?: SheetLanguage;
  /**
   * The report the pane already shows: reused when the rows are cell for cell the ones it
   * checked, with the same mapping, today (checkedStays.ts); else the rows are checked again.
   */
  checked?: CheckedStays;
}

/** Why a run cannot start; `code` lets the pane word it in its own language. */
export class RunError extends Error {
  constructor(
    readonly code: "missingColumns" | "noValidRows",
    message: string,
    readonly fields: Field[] = []
  ) {
    super(message);
    this.name = "RunError";
  }
}

export interface RunResult {
  summary: ForecastSummary;
  report: ValidationReport;
  /** The report with the rows, mapping and day it is of, for the next run to reuse. */
  checked: CheckedStays;
  /** The forecast sheet ("Refusionsprognose") and the audit sheet ("Refusion pr. ophold"). */
  sheets: { forecast: WrittenSheet; audit: WrittenSheet };
  charts: string[];
}

/**
 * Sources the user can pick: Excel tables on user sheets first, then the user's sheets, active
 * first. The inserted example stays count as a user's sheet (the add-in's own, but data to read).
 */
export async function listSources(workbook: Workbook): Promise<StaysSource[]> {
  const sheets = (await workbook.listSheets()).map((s) => ({
    ...s,
    own: s.own && !isExampleStays(s),
  }));
  const own = new Set(sheets.filter((s) => s.own).map((s) => s.name));
  const tables = (await workbook.listTables()).filter((t) => !own.has(t.sheet));
  const user = sheets.filter((s) => !s.own).sort((a, b) => Number(b.active) - Number(a.active));
  return [
    ...tables.map((t): StaysSource => ({ kind: "table", table: t.name, sheet: t.sheet })),
    ...user.map((s): StaysSource => ({ kind: "sheet", sheet: s.name })),
  ];
}

const looksLikeStays = (m: ColumnMapping) =>
  m.admission !== null && Object.values(m).filter((c) => c !== null).length >= 3;

async function readSource(
  workbook: Workbook,
  source: StaysSource,
  io?: IoOptions
): Promise<FoundStays> {
  if (source.kind === "table") {
    const t = await workbook.readTable(source.table, io);
    return {
      source,
      sheet: t.sheet,
      table: t.table,
      header: t.header,
      rows: t.values,
      firstRow: t.top + 1,
      left: t.left,
      mapping: mapColumns(t.header),
    };
  }
  const block = await workbook.readUsedRange(source.sheet, io);
  // Without a recognisable header the first used row is taken as the header for manual mapping.
  const found = findHeaderRow(block.values) ?? {
    index: 0,
    mapping: mapColumns(block.values[0] ?? []),
  };
  return {
    source,
    sheet: block.sheet,
    header: block.values[found.index] ?? [],
    rows: block.values.slice(found.index + 1),
    firstRow: block.top + found.index + 1,
    left: block.left,
    mapping: found.mapping,
  };
}

/**
 * Reads the stays from `source`, or from the first source whose headers map (tables first,
 * then the active sheet, then the other user sheets), searching the `prefer` sheets first (the
 * demo's file just loaded). undefined when nothing looks like stays.
 */
export async function findStays(
  workbook: Workbook,
  source?: StaysSource,
  io?: IoOptions,
  prefer: readonly string[] = []
): Promise<FoundStays | undefined> {
  if (source) return readSource(workbook, source, io);
  const sources = await listSources(workbook);
  const preferred = (s: StaysSource) => prefer.includes(s.sheet);
  for (const candidate of [...sources.filter(preferred), ...sources.filter((s) => !preferred(s))]) {
    const found = await readSource(workbook, candidate, io);
    if (looksLikeStays(found.mapping)) return found;
  }
  return undefined;
}

// ---- the run ----

/**
 * Validates with `mapping` (or reuses `options.checked` for the same rows), computes, writes
 * both own sheets and the charts.
 */
export async function runForecast(
  workbook: Workbook,
  stays: StaysTable,
  mapping: ColumnMapping,
  options: RunOptions
): Promise<RunResult> {
  const { signal } = options;
  const progress = (phase: RunPhase, fraction: number) => options.onProgress?.({ phase, fraction });
  progress("compute", 0);
  const today = todaySerial();
  const checked =
    reusableCheck(options.checked, stays, mapping, today) ??
    (await checkStays(stays, mapping, { signal, today }));
  const { report } = checked;
  if (report.missing.length > 0) {
    const names = report.missing.map((f) => FIELD_LABELS[f].da).join(", ");
    throw new RunError("missingColumns", `Vælg en kolonne for: ${names}`, report.missing);
  }
  if (report.ok === 0)
    throw new RunError(
      "noValidRows",
      "Ingen rækker kan beregnes: ret fejlene i valideringsrapporten"
    );
  await yieldToEventLoop();
  throwIfAborted(signal);
  const citizenCol = mapping.citizen;
  const input: ForecastInput = {
    stays: report.stays,
    stayRows: report.stayRows,
    bad: report.bad.map((bad) => {
      const raw = citizenCol === null ? "" : stays.rows[bad.index][citizenCol];
      return {
        sheetRow: bad.sheetRow,
        citizen: raw === null || raw === "" ? "" : String(raw).trim(),
        error: bad.error,
      };
    }),
    options: options.forecast,
    pseudonymise: options.pseudonymise,
    ...(options.typology && { typology: options.typology }),
    ...(options.scenario && { scenario: options.scenario }),
    language: options.language ?? sheetLanguage(workbook),
  };
  const sheets = await (options.compute?.(input, signal) ?? Promise.resolve(forecastSheets(input)));
  throwIfAborted(signal);
  progress("compute", 0.1);

  const rowsOf = (spec: SheetSpec) =>
    spec.sections.reduce((n, section) => n + section.values.length, 0);
  const forecastRows = rowsOf(sheets.forecast);
  const auditRows = rowsOf(sheets.audit);
  const writeShare = 0.85 / (forecastRows + auditRows);
  const forecastWritten = await workbook.writeOwnSheet(sheets.forecast, {
    signal,
    onProgress: (p) => progress("write", 0.1 + p.done * writeShare),
  });
  const audit = await workbook.writeOwnSheet(sheets.audit, {
    signal,
    onProgress: (p) => progress("write", 0.1 + (forecastRows + p.done) * writeShare),
  });
  throwIfAborted(signal);
  progress("charts", 0.95);
  const specs = forecastCharts(
    forecastWritten.name,
    sheets.summary.years.length,
    sheets.summary.groups !== undefined,
    sheets.summary.language
  );
  for (const spec of specs) await workbook.addChart(spec);
  progress("done", 1);
  return {
    summary: sheets.summary,
    report,
    checked,
    sheets: { forecast: forecastWritten, audit },
    charts: specs.map((c) => c.name),
  };
}
