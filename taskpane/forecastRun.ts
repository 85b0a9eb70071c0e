/**
 * The forecast pipeline without UI: find the stays -> map columns -> validate -> compute ->
 * write the add-in's own sheets -> charts, with progress and cancel. The pane calls
 * `findStays` (shows the mapping and `validateRows`' report), then `runForecast`.
 */
import type { Forecast, ForecastOptions } from "../src/engine/forecast";
import type { ColumnMapping, StaysTable, ValidationReport } from "./columns";
import type { IoOptions, Workbook, WrittenSheet } from "./workbook";

/** Where the stays are: an Excel table, or a sheet whose used range holds a header row. */
export type StaysSource = { kind: "table"; table: string; sheet: string } | { kind: "sheet"; sheet: string };

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
}

export interface RunResult {
  forecast: Forecast;
  report: ValidationReport;
  /** The forecast sheet ("Refusionsprognose") and the audit sheet ("Refusion pr. ophold"). */
  sheets: { forecast: WrittenSheet; audit: WrittenSheet };
  charts: string[];
}

/** Sources the user can pick: Excel tables first, then the user's (not own) sheets. */
export declare function listSources(workbook: Workbook): Promise<StaysSource[]>;

/**
 * Reads the stays from `source`, or from the first source whose headers map (tables first,
 * then the active sheet, then the other user sheets). undefined when nothing looks like stays.
 */
export declare function findStays(workbook: Workbook, source?: StaysSource, io?: IoOptions): Promise<FoundStays | undefined>;

/** Validates with `mapping`, computes, writes both own sheets and the charts. */
export declare function runForecast(
  workbook: Workbook,
  stays: StaysTable,
  mapping: ColumnMapping,
  options: RunOptions,
): Promise<RunResult>;
