/**
 * The workbook in memory: the same interface as Excel (src/workbook/workbook.ts) for the standalone
 * demo and the tests. Sheets are 2-D value arrays with number formats, bold rows, tables and
 * charts kept as specs (the demo page draws them as SVG from `chartData`, and shows cells
 * with their formats through its own cellFormat.ts). Defined names are kept in a map.
 *
 * Reads and writes go through the same row chunks, progress and cancel points as the Office.js
 * adapter, so the pane behaves the same in both.
 */
import {
  AbortError,
  a1,
  checkDefinedNames,
  fitRegions,
  isOwnNameComment,
  ownNameComment,
  ownSheetName,
  parseA1,
  throwIfAborted,
  yieldToEventLoop,
  type CellBlock,
  type CellValue,
  type ChartSpec,
  type IoOptions,
  type SheetChange,
  type SheetInfo,
  type SheetSpec,
  type TableBlock,
  type TableInfo,
  type Unsubscribe,
  type Workbook,
  type WrittenSheet,
} from "../workbook/workbook";
import { chartData, type ChartData } from "./chartData";
import { applyCells, callFunction, recalculate, type Calculate } from "./formulas";
import { MAX_STEP_ROWS, steps } from "./writeSteps";
import { usedBounds } from "./cellWalk";
import type { FormatRegion, MemoryName, MemorySheet, MemoryTable, Selection } from "./memorySheet";

export type { FormatRegion, MemoryName, MemorySheet, MemoryTable, Selection } from "./memorySheet";
export { forEachCell } from "./cellWalk";

const sameName = (a: string, b: string) => a.toLocaleLowerCase("da") === b.toLocaleLowerCase("da");

export class MemoryWorkbook implements Workbook {
  private readonly sheetList: MemorySheet[] = [];
  private active: string | undefined;
  private selected: Selection | undefined;
  private readonly sheetListeners = new Map<string, Set<(change: SheetChange) => void>>();
  private readonly anyListeners = new Set<() => void>();
  /** Cells typed per sheet (setCell); a sheet that is replaced is a new object with none. */
  private readonly edits = new WeakMap<MemorySheet, number>();
  /** Changes of any kind so far. */
  private changes = 0;
  /** Defined names by lower-case name (Excel compares names case-insensitively). */
  private readonly nameMap = new Map<string, MemoryName>();
  /** Where the formulas' custom functions run: here by default (tests), a worker in the demo. */
  private readonly calc: { calculate: Calculate; onLater: () => void } = {
    calculate: callFunction,
    onLater: () => this.changed(),
  };

  /** Runs the formulas' custom functions with `calculate` (the demo: in a web worker). */
  setCalculator(calculate: Calculate): void {
    this.calc.calculate = calculate;
  }

  /** Adds (or replaces) a user's sheet, optionally with Excel tables and formats on it. */
  addUserSheet(
    name: string,
    values: CellValue[][],
    tables: MemoryTable[] = [],
    formats: FormatRegion[] = []
  ): MemorySheet {
    const existing = this.sheetList.findIndex((s) => sameName(s.name, name));
    const sheet: MemorySheet = {
      name,
      own: false,
      values,
      formats,
      tables,
      charts: [],
      columnWidths: [],
      freezeRows: 0,
    };
    if (existing >= 0) this.sheetList[existing] = sheet;
    else this.sheetList.push(sheet);
    this.active ??= name;
    this.changed();
    return sheet;
  }

  /** Adds (or replaces) a user's own defined name. */
  addUserName(name: string, sheet: string, address: string): void {
    checkDefinedNames([{ name, address }]);
    this.nameMap.set(name.toLowerCase(), { name, sheet: this.sheet(sheet).name, address });
  }

  /** The defined names, keyed by lower-case name (read-only). */
  get names(): ReadonlyMap<string, Readonly<MemoryName>> {
    return this.nameMap;
  }

  /** All sheets in tab order (the live objects: read, don't mutate; use setCell). */
  get sheets(): readonly MemorySheet[] {
    return this.sheetList;
  }

  getSheet(name: string): MemorySheet | undefined {
    // The exact name first: the grid asks per cell shown, and Danish lower case is slow.
    return (
      this.sheetList.find((s) => s.name === name) ??
      this.sheetList.find((s) => sameName(s.name, name))
    );
  }

  get activeSheet(): string | undefined {
    return this.active;
  }

  setActiveSheet(name: string): void {
    this.active = this.sheet(name).name;
    this.changed();
  }

  get selection(): Selection | undefined {
    return this.selected;
  }

  /** Edits one cell, as a user typing in the grid; fires onSheetChanged listeners. */
  setCell(sheetName: string, row: number, col: number, value: CellValue): void {
    const sheet = this.sheet(sheetName);
    while (sheet.values.length <= row) sheet.values.push([]);
    const r = sheet.values[row];
    while (r.length < col) r.push("");
    r[col] = value;
    // Like Excel, a value typed in the row right below a table adds that row to the table.
    if (value !== "" && value !== null)
      for (const t of sheet.tables)
        if (row === t.bottom + 1 && col >= t.left && col <= t.right) t.bottom = row;
    recalculate(
      this,
      { sheet: sheet.name, top: row, left: col, bottom: row, right: col },
      this.calc
    );
    this.edits.set(sheet, (this.edits.get(sheet) ?? 0) + 1);
    const change = { sheet: sheet.name, address: a1(row, col) };
    for (const handler of this.sheetListeners.get(sheet.name.toLowerCase()) ?? []) handler(change);
    this.changed();
  }

  /**
   * Changes whenever `sheet`'s cells may have: a cell typed in it, or, on a sheet with formulas,
   * any change (their results follow other sheets and arrive later). Writing a sheet replaces
   * its object. The demo's grid sizes a 50 000-row sheet's columns again only when it changes.
   */
  revision(sheet: MemorySheet): number {
    return sheet.formulas?.length ? this.changes : (this.edits.get(sheet) ?? 0);
  }

  /** Called after every change (for re-rendering the demo's grids); returns an unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.anyListeners.add(listener);
    return () => this.anyListeners.delete(listener);
  }

  /** The value of a cell ("" when blank). */
  cell(sheetName: string, row: number, col: number): CellValue {
    return this.sheet(sheetName).values[row]?.[col] ?? "";
  }

  /** The number format of a cell, or null for General. The last region that covers it wins. */
  numberFormat(sheetName: string, row: number, col: number): string | null {
    return (
      this.regionAt(this.sheet(sheetName), row, col, (f) => f.numberFormat !== undefined)
        ?.numberFormat ?? null
    );
  }

  /** A cell's font size in points, or null for the sheet's. */
  fontSize(sheetName: string, row: number, col: number): number | null {
    return (
      this.regionAt(this.sheet(sheetName), row, col, (f) => f.fontSize !== undefined)?.fontSize ??
      null
    );
  }

  isBold(sheetName: string, row: number, col: number): boolean {
    return (
      this.regionAt(this.sheet(sheetName), row, col, (f) => f.bold !== undefined)?.bold ?? false
    );
  }

  /** A chart's categories and series values, read from its sheet. */
  /** A chart's data from its sheet, for drawing (chartData.ts). */
  chartData(spec: ChartSpec): ChartData {
    return chartData(this.sheet(spec.sheet), spec);
  }

  // ---- Workbook ----

  async listSheets(): Promise<SheetInfo[]> {
    return this.sheetList.map((s) => ({
      name: s.name,
      own: s.own,
      active: s.name === this.active,
    }));
  }

  async listTables(): Promise<TableInfo[]> {
    return this.sheetList.flatMap((s) =>
      s.tables.map((t) => ({
        name: t.name,
        sheet: s.name,
        address: a1(t.top, t.left, t.bottom, t.right),
        rowCount: t.bottom - t.top,
      }))
    );
  }

  async readUsedRange(sheetName: string, options: IoOptions = {}): Promise<CellBlock> {
    const sheet = this.sheet(sheetName);
    const used = usedBounds(sheet.values);
    if (!used) return { sheet: sheet.name, top: 0, left: 0, values: [] };
    const values = await this.readRows(
      sheet,
      used.top,
      used.bottom,
      used.left,
      used.right,
      options
    );
    return { sheet: sheet.name, top: used.top, left: used.left, values };
  }

  async readTable(name: string, options: IoOptions = {}): Promise<TableBlock> {
    for (const sheet of this.sheetList) {
      const t = sheet.tables.find((x) => sameName(x.name, name));
      if (!t) continue;
      const header = (await this.readRows(sheet, t.top, t.top, t.left, t.right, {}))[0];
      const values = await this.readRows(sheet, t.top + 1, t.bottom, t.left, t.right, options);
      return { sheet: sheet.name, table: t.name, top: t.top, left: t.left, header, values };
    }
    throw new Error(`Tabellen ${name} findes ikke`);
  }

  async writeOwnSheet(spec: SheetSpec, options: IoOptions = {}): Promise<WrittenSheet> {
    throwIfAborted(options.signal);
    checkDefinedNames(spec.names);
    let attempt = 1;
    let name = ownSheetName(spec.name, attempt);
    for (let s = this.getSheet(name); s && !s.own; s = this.getSheet(name))
      name = ownSheetName(spec.name, ++attempt);
    const fresh: MemorySheet = {
      name,
      own: true,
      values: [],
      formats: [],
      tables: [],
      charts: [],
      columnWidths: spec.columnWidths ?? [],
      fitRegions: fitRegions(spec),
      freezeRows: spec.freezeRows ?? 0,
      properties: { ...this.getSheet(name)?.properties, ...spec.properties },
      ...(spec.print && { print: spec.print }),
      ...((spec.hidden ?? this.getSheet(name)?.hidden) && { hidden: true }),
    };
    const old = this.getSheet(name);
    // An existing name is replaced only when it is the add-in's (on an own sheet, or marked); a user's is left alone.
    const skippedNames = (spec.names ?? []).flatMap((n) => {
      const existing = this.nameMap.get(n.name.toLowerCase());
      return existing && !this.getSheet(existing.sheet)?.own && !isOwnNameComment(existing.comment)
        ? [n.name]
        : [];
    });
    // Build the new sheet aside and swap it in at the end: a cancelled write leaves the old one.
    const tableNames = new Set(
      this.sheetList
        .filter((s) => s !== old)
        .flatMap((s) => s.tables.map((t) => t.name.toLowerCase()))
    );
    const tables: string[] = [];
    const total = spec.sections.reduce((n, s) => n + s.values.length, 0);
    let done = 0;
    for (const section of spec.sections) {
      const at = parseA1(section.at);
      for (const [start, end] of steps(section.values)) {
        throwIfAborted(options.signal);
        for (let i = start; i < end; i++) {
          const source = section.values[i];
          // A row of its own from column A is a copy (the spec stays the caller's).
          if (at.left === 0 && fresh.values[at.top + i] === undefined) {
            fresh.values[at.top + i] = source.slice();
            continue;
          }
          const row = (fresh.values[at.top + i] ??= []);
          while (row.length < at.left) row.push("");
          source.forEach((v, c) => (row[at.left + c] = v));
        }
        done += end - start;
        options.onProgress?.({ done, total });
        await yieldToEventLoop();
      }
      const width = Math.max(0, ...section.values.map((r) => r.length));
      const bottom = at.top + section.values.length - 1;
      section.numberFormats?.forEach((f, c) => {
        if (f !== null && section.values.length > 1) {
          fresh.formats.push({
            top: at.top + 1,
            left: at.left + c,
            bottom,
            right: at.left + c,
            numberFormat: f,
          });
        }
      });
      for (const r of section.boldRows ?? []) {
        fresh.formats.push({
          top: at.top + r,
          left: at.left,
          bottom: at.top + r,
          right: at.left + width - 1,
          bold: true,
        });
      }
      if (section.table) {
        let tableName = section.table.name;
        for (let n = 2; tableNames.has(tableName.toLowerCase()); n++)
          tableName = `${section.table.name}${n}`;
        tableNames.add(tableName.toLowerCase());
        tables.push(tableName);
        fresh.tables.push({
          name: tableName,
          top: at.top,
          left: at.left,
          bottom: at.top + section.table.rows - 1,
          right: at.left + width - 1,
        });
      }
    }
    applyCells(fresh, spec.cells);
    throwIfAborted(options.signal);
    for (let r = 0; r < fresh.values.length; r++) fresh.values[r] ??= [];
    if (old) this.sheetList[this.sheetList.indexOf(old)] = fresh;
    else this.sheetList.push(fresh);
    for (const n of spec.names ?? []) {
      if (!skippedNames.includes(n.name))
        this.nameMap.set(n.name.toLowerCase(), {
          name: n.name,
          sheet: name,
          address: n.address,
          comment: ownNameComment(n.comment),
        });
    }
    // The new sheet's formulas, and those that read it.
    recalculate(
      this,
      {
        sheet: name,
        top: 0,
        left: 0,
        bottom: Number.MAX_SAFE_INTEGER,
        right: Number.MAX_SAFE_INTEGER,
      },
      this.calc
    );
    this.changed();
    return {
      name,
      renamed: name !== spec.name,
      wanted: spec.name,
      tables,
      ...(spec.names && { skippedNames }),
    };
  }

  async writeOwnCells(
    sheetName: string,
    cells: readonly { at: string; value: CellValue }[]
  ): Promise<void> {
    const sheet = this.sheet(sheetName);
    if (!sheet.own)
      throw new Error(`Tilføjelsesprogrammet skriver kun i sine egne ark, ikke i ${sheet.name}`);
    for (const { at } of cells) parseA1(at);
    for (const { at, value } of cells) {
      const { top, left } = parseA1(at);
      this.setCell(sheet.name, top, left, value);
    }
  }

  async readSheetProperty(sheetName: string, key: string): Promise<string | undefined> {
    const sheet = this.sheet(sheetName);
    return sheet.own ? sheet.properties?.[key] : undefined;
  }

  async addChart(spec: ChartSpec): Promise<void> {
    const sheet = this.sheet(spec.sheet);
    if (!sheet.own)
      throw new Error(
        `Diagrammer skrives kun i tilføjelsesprogrammets egne ark, ikke i ${sheet.name}`
      );
    sheet.charts.push(spec);
    this.changed();
  }

  async selectRange(sheetName: string, address: string): Promise<void> {
    const sheet = this.sheet(sheetName);
    parseA1(address);
    this.active = sheet.name;
    this.selected = { sheet: sheet.name, address };
    this.changed();
  }

  async onSheetChanged(
    sheetName: string,
    handler: (change: SheetChange) => void
  ): Promise<Unsubscribe> {
    const key = this.sheet(sheetName).name.toLowerCase();
    let set = this.sheetListeners.get(key);
    if (!set) this.sheetListeners.set(key, (set = new Set()));
    set.add(handler);
    return async () => {
      set.delete(handler);
    };
  }

  // ---- internals ----

  private sheet(name: string): MemorySheet {
    const sheet = this.getSheet(name);
    if (!sheet) throw new Error(`Arket ${name} findes ikke`);
    return sheet;
  }

  private changed(): void {
    this.changes++;
    for (const listener of this.anyListeners) listener();
  }

  private regionAt(
    sheet: MemorySheet,
    row: number,
    col: number,
    has: (f: FormatRegion) => boolean
  ): FormatRegion | undefined {
    for (let i = sheet.formats.length - 1; i >= 0; i--) {
      const f = sheet.formats[i];
      if (has(f) && row >= f.top && row <= f.bottom && col >= f.left && col <= f.right) return f;
    }
    return undefined;
  }

  /** Rows top..bottom, columns left..right (padded with ""), in budget-sized chunks. */
  private async readRows(
    sheet: MemorySheet,
    top: number,
    bottom: number,
    left: number,
    right: number,
    options: IoOptions
  ): Promise<CellValue[][]> {
    const slice = (r: number): CellValue[] => {
      const src = sheet.values[r] ?? [];
      const out: CellValue[] = new Array(right - left + 1);
      for (let c = left; c <= right; c++) out[c - left] = src[c] ?? "";
      return out;
    };
    const total = bottom - top + 1;
    const rows: CellValue[][] = [];
    while (rows.length < total) {
      if (options.signal?.aborted) throw new AbortError();
      const end = Math.min(total, rows.length + MAX_STEP_ROWS);
      for (let r = top + rows.length; r < top + end; r++) rows.push(slice(r));
      options.onProgress?.({ done: rows.length, total });
      if (rows.length < total) await yieldToEventLoop();
    }
    return rows;
  }
}
