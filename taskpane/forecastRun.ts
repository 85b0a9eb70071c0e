/**
 * The forecast pipeline without UI: find the stays -> map columns -> validate -> compute ->
 * write the add-in's own sheets -> charts, with progress and cancel. The pane calls
 * `findStays` (shows the mapping and `validateRows`' report), then `runForecast`.
 */
import { danishFromSerial } from "../src/engine/calendar";
import {
  AMOUNT_HEADERS,
  amountValues,
  computeForecast,
  type Forecast,
  type ForecastOptions,
  type StayLine,
} from "../src/engine/forecast";
import { kronerFromOre } from "../src/engine/money";
import { RULE_SETS, type RuleSet } from "../src/engine/rules";
import { isRowError, overlapDays, type StayOutcome, type StayResult } from "../src/engine/shelter";
import {
  FIELD_LABELS,
  findHeaderRow,
  mapColumns,
  validateRows,
  type ColumnMapping,
  type Field,
  type StaysTable,
  type ValidationReport,
} from "./columns";
import {
  a1,
  throwIfAborted,
  yieldToEventLoop,
  type CellValue,
  type ChartSpec,
  type IoOptions,
  type SheetSpec,
  type Workbook,
  type WrittenSheet,
} from "../src/workbook/workbook";

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
  forecast: Forecast;
  report: ValidationReport;
  /** The forecast sheet ("Refusionsprognose") and the audit sheet ("Refusion pr. ophold"). */
  sheets: { forecast: WrittenSheet; audit: WrittenSheet };
  charts: string[];
}

/** Wanted names of the own sheets and tables (a user's sheet with the name is never touched). */
export const FORECAST_SHEET = "Refusionsprognose";
export const AUDIT_SHEET = "Refusion pr. ophold";
const TABLES = { quarters: "Refusionsprognose", years: "RefusionPrAar", audit: "RefusionPrOphold" };

/**
 * Number formats in the invariant syntax Excel's numberFormat API takes; Excel shows them with
 * the user's separators (15.500,00 kr. on a Danish machine).
 */
export const FORMATS = {
  kr: '#,##0.00 "kr."',
  days: "#,##0",
  year: "0",
  date: "dd-mm-yyyy",
} as const;

/** Sources the user can pick: Excel tables on user sheets first, then the user's sheets, active first. */
export async function listSources(workbook: Workbook): Promise<StaysSource[]> {
  const sheets = await workbook.listSheets();
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
 * then the active sheet, then the other user sheets). undefined when nothing looks like stays.
 */
export async function findStays(
  workbook: Workbook,
  source?: StaysSource,
  io?: IoOptions
): Promise<FoundStays | undefined> {
  if (source) return readSource(workbook, source, io);
  for (const candidate of await listSources(workbook)) {
    const found = await readSource(workbook, candidate, io);
    if (looksLikeStays(found.mapping)) return found;
  }
  return undefined;
}

// ---- the forecast sheet ----

const AMOUNT_FORMATS = [
  FORMATS.days,
  FORMATS.days,
  FORMATS.days,
  FORMATS.kr,
  FORMATS.kr,
  FORMATS.kr,
  FORMATS.kr,
  FORMATS.kr,
  FORMATS.kr,
];

/** Where things go on the forecast sheet (0-based rows). */
const LAYOUT = { tableRow: 6, quarterCol: 0, yearCol: 12, chartCol: 23 };

function forecastSheet(forecast: Forecast, report: ValidationReport): SheetSpec {
  const { period, statusDate } = forecast;
  const quarterRows: CellValue[][] = forecast.quarters.map((q) => [
    q.year,
    `K${q.quarter}`,
    ...amountValues(q),
  ]);
  const yearRows: CellValue[][] = forecast.years.map((y) => [y.year, ...amountValues(y)]);
  const total = amountValues(forecast.total);
  return {
    name: FORECAST_SHEET,
    freezeRows: LAYOUT.tableRow + 1,
    columnWidths: [
      50,
      50,
      ...AMOUNT_HEADERS.map(() => 95),
      20,
      50,
      ...AMOUNT_HEADERS.map(() => 95),
    ],
    sections: [
      {
        at: "A1",
        values: [
          ["Refusionsprognose: ophold i boform efter serviceloven § 110 (herberg/forsorgshjem)"],
          [
            `Periode ${danishFromSerial(period.start)} – ${danishFromSerial(period.end)}. Åbne ophold er talt med til og med ${danishFromSerial(statusDate)}. ` +
              `${report.ok} ophold beregnet, ${report.bad.length} rækker med fejl (se arket "${AUDIT_SHEET}").`,
          ],
          [
            `NY: ${forecast.rules.title} (regelsæt ${forecast.rules.name}). GAMMEL: ${RULE_SETS.GAMMEL.title}. Refusion: ${forecast.rules.shelter.refundShare.source}.`,
          ],
          [
            "Forskel = refusion GAMMEL − refusion NY: den refusion, reformen (L 64) tager fra kommunen. Kommunal nettoudgift = bruttoudgift − egenbetaling − refusion NY.",
          ],
          [],
          ["Pr. kvartal"],
        ],
        boldRows: [0, 5],
      },
      {
        at: a1(LAYOUT.tableRow, LAYOUT.quarterCol),
        values: [["År", "Kvartal", ...AMOUNT_HEADERS], ...quarterRows, ["I alt", "", ...total]],
        numberFormats: [FORMATS.year, null, ...AMOUNT_FORMATS],
        boldRows: [quarterRows.length + 1],
        table: { name: TABLES.quarters, rows: quarterRows.length + 1 },
      },
      { at: a1(LAYOUT.tableRow - 1, LAYOUT.yearCol), values: [["Pr. år"]], boldRows: [0] },
      {
        at: a1(LAYOUT.tableRow, LAYOUT.yearCol),
        values: [["År", ...AMOUNT_HEADERS], ...yearRows, ["I alt", ...total]],
        numberFormats: [FORMATS.year, ...AMOUNT_FORMATS],
        boldRows: [yearRows.length + 1],
        table: { name: TABLES.years, rows: yearRows.length + 1 },
      },
    ],
  };
}

/** The two charts, from the per-year table (its year rows, not the total). */
function charts(sheet: string, years: number): ChartSpec[] {
  const first = LAYOUT.tableRow + 1;
  const last = LAYOUT.tableRow + years;
  const col = (header: (typeof AMOUNT_HEADERS)[number]) =>
    LAYOUT.yearCol + 1 + AMOUNT_HEADERS.indexOf(header);
  const range = (c: number) => a1(first, c, last, c);
  const categories = range(LAYOUT.yearCol);
  const at = (row: number) => ({
    from: a1(row, LAYOUT.chartCol),
    to: a1(row + 16, LAYOUT.chartCol + 8),
  });
  return [
    {
      sheet,
      name: "RefusionNyGammel",
      type: "columnClustered",
      title: "Refusion pr. år: NY (L 64) og GAMMEL (før reformen)",
      categories,
      series: [
        { name: "Refusion NY", values: range(col("Refusion NY")) },
        { name: "Refusion GAMMEL", values: range(col("Refusion GAMMEL")) },
      ],
      ...at(LAYOUT.tableRow - 1),
    },
    {
      sheet,
      name: "KommunalNettoudgift",
      type: "columnClustered",
      title: "Kommunal nettoudgift pr. år",
      categories,
      series: [{ name: "Kommunal nettoudgift", values: range(col("Kommunal nettoudgift")) }],
      ...at(LAYOUT.tableRow + 17),
    },
  ];
}

// ---- the audit sheet ----

const AUDIT_HEADERS = [
  "Række",
  "Borger",
  "Boform",
  "Indskrivning",
  "Udskrivning",
  "Opholdsdøgn i perioden",
  "Vinduesstart",
  "Refusionsdøgn NY",
  "Refusion NY",
  "Refusionsdøgn GAMMEL",
  "Refusion GAMMEL",
  "Bruttoudgift",
  "Regel (NY)",
  "Kilde",
  "Advarsler",
];
const AUDIT_FORMATS = [
  FORMATS.year,
  null,
  null,
  FORMATS.date,
  FORMATS.date,
  FORMATS.days,
  FORMATS.date,
  FORMATS.days,
  FORMATS.kr,
  FORMATS.days,
  FORMATS.kr,
  FORMATS.kr,
  null,
  null,
  null,
];

/** Which rule decided the stay's days under NY, and the sources behind it. */
function ruleText(r: StayResult, rules: RuleSet): { rule: string; sources: string[] } {
  const shelter = rules.shelter;
  const parts: string[] = [];
  const sources = new Set<string>();
  if (r.unlimitedDays > 0 && shelter.limitFrom) {
    parts.push(
      `${r.unlimitedDays} døgn før ${danishFromSerial(shelter.limitFrom.value)} uden dagegrænse`
    );
    sources.add(shelter.limitFrom.source);
  }
  for (const w of r.windows) {
    const limits = w.limits.map((l) => l.days).join("/");
    // The stay's days in the window beyond the refunded ones: the quota was used up (by this stay or earlier ones).
    const over = overlapDays(r.ownDays!, { from: w.start, to: w.end }) - w.refundedDays;
    const beyond = over > 0 ? `, ${over} døgn ud over grænsen` : "";
    parts.push(
      `vindue ${danishFromSerial(w.start)}–${danishFromSerial(w.end - 1)}: ${w.refundedDays} døgn refunderet${beyond} (grænse ${limits} dage)`
    );
    for (const l of w.limits) sources.add(l.source);
    sources.add(shelter.windowMonths.source);
  }
  if (parts.length === 0) parts.push("ingen egne opholdsdøgn");
  return { rule: parts.join("; "), sources: [...sources] };
}

/**
 * Short references (K1, K2, …) to the legal sources, listed in full beside the audit table:
 * the same few long texts would otherwise repeat on every row of a large sheet.
 */
function sourceRefs(): { ref: (source: string) => string; legend: () => CellValue[][] } {
  const ids = new Map<string, string>();
  return {
    ref: (source) => {
      let id = ids.get(source);
      if (!id) ids.set(source, (id = `K${ids.size + 1}`));
      return id;
    },
    legend: () => [["Kilde", "Tekst"], ...[...ids].map(([text, id]) => [id, text])],
  };
}

function warningText(line: StayLine, stayRows: readonly number[]): string {
  const ny = line.ny as StayResult;
  return ny.warnings
    .map((w) => {
      switch (w.kind) {
        case "overlap":
          return `Overlapper opholdet i række ${stayRows[w.withRow]} (${w.days} døgn tælles dér)`;
        case "open":
          return `Åbent ophold: talt med til og med ${danishFromSerial(w.countedTo)}`;
        case "selfPaymentAboveRate":
          return "Egenbetalingen er større end taksten: ingen refusion";
      }
    })
    .join(". ");
}

/** "Borger 1", "Borger 2", … in order of first appearance. */
function pseudonyms(): (id: string) => string {
  const seen = new Map<string, string>();
  return (id) => {
    let p = seen.get(id);
    if (!p) seen.set(id, (p = `Borger ${seen.size + 1}`));
    return p;
  };
}

function auditSheet(
  forecast: Forecast,
  report: ValidationReport,
  stays: StaysTable,
  mapping: ColumnMapping,
  pseudonymise: boolean
): SheetSpec {
  const name = pseudonymise ? pseudonyms() : (id: string) => id;
  const refs = sourceRefs();
  const rows: { sheetRow: number; cells: CellValue[] }[] = [];
  forecast.stays.forEach((line) => {
    const stay = report.stays[line.index];
    const sheetRow = report.stayRows[line.index];
    const ny: StayOutcome = line.ny;
    const g: StayOutcome = line.gammel;
    const base: CellValue[] = [
      sheetRow,
      name(stay.citizen),
      stay.shelter ?? "",
      stay.admission,
      stay.discharge ?? "",
    ];
    if (isRowError(ny) || isRowError(g)) {
      const error = isRowError(ny) ? ny.error : (g as { error: { message: string } }).error;
      rows.push({
        sheetRow,
        cells: [...base, "", "", "", "", "", "", "", "", "", `Fejl: ${error.message}`],
      });
      return;
    }
    const { rule, sources } = ruleText(ny, forecast.rules);
    rows.push({
      sheetRow,
      cells: [
        ...base,
        ny.stayDaysInPeriod,
        ny.windows[0]?.start ?? "",
        ny.refundableDays,
        kronerFromOre(line.refundNyOre).toNumber(),
        g.refundableDays,
        kronerFromOre(line.refundGammelOre).toNumber(),
        kronerFromOre(line.grossOre).toNumber(),
        rule,
        sources.map(refs.ref).join(", "),
        warningText(line, report.stayRows),
      ],
    });
  });
  const citizenCol = mapping.citizen;
  for (const bad of report.bad) {
    const raw = citizenCol === null ? "" : stays.rows[bad.index][citizenCol];
    const citizen = raw === null || raw === "" ? "" : name(String(raw).trim());
    rows.push({
      sheetRow: bad.sheetRow,
      cells: [
        bad.sheetRow,
        citizen,
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        `Fejl (${bad.error.code}): ${bad.error.message}`,
      ],
    });
  }
  rows.sort((a, b) => a.sheetRow - b.sheetRow);
  return {
    name: AUDIT_SHEET,
    freezeRows: 1,
    columnWidths: [45, 80, 110, 75, 75, 70, 75, 70, 90, 70, 90, 95, 420, 70, 300, 20, 40, 600],
    sections: [
      {
        at: "A1",
        values: [AUDIT_HEADERS, ...rows.map((r) => r.cells)],
        numberFormats: AUDIT_FORMATS,
        table: { name: TABLES.audit, rows: rows.length + 1 },
      },
      { at: a1(0, AUDIT_HEADERS.length + 1), values: refs.legend(), boldRows: [0] },
    ],
  };
}

// ---- the run ----

/** Validates with `mapping`, computes, writes both own sheets and the charts. */
export async function runForecast(
  workbook: Workbook,
  stays: StaysTable,
  mapping: ColumnMapping,
  options: RunOptions
): Promise<RunResult> {
  const { signal } = options;
  const progress = (phase: RunPhase, fraction: number) => options.onProgress?.({ phase, fraction });
  progress("compute", 0);
  const report = validateRows(stays, mapping);
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
  const forecast = computeForecast(report.stays, options.forecast);
  progress("compute", 0.1);
  await yieldToEventLoop();

  const forecastSpec = forecastSheet(forecast, report);
  const auditSpec = auditSheet(forecast, report, stays, mapping, options.pseudonymise);
  const rowsOf = (spec: SheetSpec) =>
    spec.sections.reduce((n, section) => n + section.values.length, 0);
  const forecastRows = rowsOf(forecastSpec);
  const auditRows = rowsOf(auditSpec);
  const writeShare = 0.85 / (forecastRows + auditRows);
  const forecastWritten = await workbook.writeOwnSheet(forecastSpec, {
    signal,
    onProgress: (p) => progress("write", 0.1 + p.done * writeShare),
  });
  const audit = await workbook.writeOwnSheet(auditSpec, {
    signal,
    onProgress: (p) => progress("write", 0.1 + (forecastRows + p.done) * writeShare),
  });
  throwIfAborted(signal);
  progress("charts", 0.95);
  const specs = charts(forecastWritten.name, forecast.years.length);
  for (const spec of specs) await workbook.addChart(spec);
  progress("done", 1);
  return {
    forecast,
    report,
    sheets: { forecast: forecastWritten, audit },
    charts: specs.map((c) => c.name),
  };
}
