/**
 * The workbook interface (src/workbook/workbook.ts) on Office.js, inside Excel (with charts.ts
 * and columnWidths.ts).
 *
 * - Own sheets carry a worksheet custom property (ExcelApi 1.12); only sheets with it are ever
 *   cleared or written, and charts go only on them.
 * - Every request stays under the byte budget (Excel on the web rejects requests and responses
 *   over 5 MB, and Microsoft advises chunking them, so context.sync() runs once per chunk in a
 *   loop: https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices):
 *   writes are split into row chunks from the JSON size of the values; reads probe a few rows,
 *   then size chunks from the largest row seen so far, with a safety factor. Number formats go
 *   as one value per column ([[format]] is broadcast over the range), not per cell.
 * - Between chunks: progress, an AbortSignal check, and a yield so the pane stays responsive.
 *   A cancelled write leaves the own sheet partly written; the next run replaces it.
 * - Defined names (ExcelApi 1.4) are workbook-scoped; an existing one is replaced only when its
 *   range lies on an own sheet, so a user's name is never changed.
 */
import {
  CHUNK_BUDGET_BYTES,
  asCellInput,
  checkDefinedNames,
  ownSheetName,
  parseA1,
  rowBytes,
  rowChunks,
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
  isOwnNameComment,
  ownNameComment,
} from "../workbook/workbook";
import { drawChart } from "./charts";
import { fitColumns } from "./columnWidths";
import { printSetup } from "./printSetup";

/** The custom property that marks a sheet as the add-in's own. */
export const OWN_SHEET_KEY = "DkRefusionOwnSheet";

/** Rows in the first read of a range, before any row size is known: about 64 bytes a cell. */
const probeRows = (columns: number, budget: number) =>
  Math.max(1, Math.min(100, Math.floor(budget / (64 * Math.max(1, columns)))));
/** Read chunks assume rows up to 1.5 × the largest row seen so far. */
const READ_SAFETY = 1.5;

const sameName = (a: string, b: string) => a.toLocaleLowerCase("da") === b.toLocaleLowerCase("da");

/** Drops a sheet prefix from an address: "Budget!B3:F9" -> "B3:F9". */
const localAddress = (address: string) => address.slice(address.lastIndexOf("!") + 1);

/** The sheet of an address: "'Scenarier (2)'!B7" -> "Scenarier (2)". */
export function addressSheet(address: string): string {
  const sheet = address.slice(0, Math.max(0, address.lastIndexOf("!")));
  return /^'.*'$/.test(sheet) ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

export class ExcelWorkbook implements Workbook {
  constructor(private readonly budget = CHUNK_BUDGET_BYTES) {}

  async listSheets(): Promise<SheetInfo[]> {
    return Excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      const active = sheets.getActiveWorksheet();
      active.load("name");
      await context.sync();
      const own = await this.ownFlags(context, sheets.items);
      return sheets.items.map((ws, i) => ({
        name: ws.name,
        own: own[i],
        active: ws.name === active.name,
      }));
    });
  }

  async listTables(): Promise<TableInfo[]> {
    return Excel.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load("items/name");
      await context.sync();
      const details = tables.items.map((t) => {
        const ws = t.worksheet.load("name");
        const range = t.getRange().load("address");
        const body = t.getDataBodyRange().load("rowCount");
        return { t, ws, range, body };
      });
      await context.sync();
      return details.map(({ t, ws, range, body }) => ({
        name: t.name,
        sheet: ws.name,
        address: localAddress(range.address),
        rowCount: body.rowCount,
      }));
    });
  }

  async readUsedRange(sheet: string, options: IoOptions = {}): Promise<CellBlock> {
    return Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.load("name");
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("rowIndex,columnIndex,rowCount,columnCount");
      await context.sync();
      if (used.isNullObject) return { sheet: ws.name, top: 0, left: 0, values: [] };
      const values = await this.readRows(
        context,
        ws,
        used.rowIndex,
        used.columnIndex,
        used.rowCount,
        used.columnCount,
        options
      );
      return { sheet: ws.name, top: used.rowIndex, left: used.columnIndex, values };
    });
  }

  async readTable(name: string, options: IoOptions = {}): Promise<TableBlock> {
    return Excel.run(async (context) => {
      const table = context.workbook.tables.getItem(name);
      table.load("name,worksheet/name");
      const header = table.getHeaderRowRange();
      header.load("values,rowIndex,columnIndex,columnCount");
      const body = table.getDataBodyRange();
      body.load("rowIndex,rowCount");
      await context.sync();
      const sheet = table.worksheet.name;
      const values = await this.readRows(
        context,
        context.workbook.worksheets.getItem(sheet),
        body.rowIndex,
        header.columnIndex,
        body.rowCount,
        header.columnCount,
        options
      );
      return {
        sheet,
        table: table.name,
        top: header.rowIndex,
        left: header.columnIndex,
        header: header.values[0] as CellValue[],
        values,
      };
    });
  }

  async writeOwnSheet(spec: SheetSpec, options: IoOptions = {}): Promise<WrittenSheet> {
    checkDefinedNames(spec.names);
    return Excel.run(async (context) => {
      throwIfAborted(options.signal);
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const own = await this.ownFlags(context, sheets.items);
      // The first candidate name that is free or already ours; a user's sheet is never touched.
      let attempt = 1;
      let name = ownSheetName(spec.name, attempt);
      const find = (n: string) => sheets.items.findIndex((ws) => sameName(ws.name, n));
      while (find(name) >= 0 && !own[find(name)]) name = ownSheetName(spec.name, ++attempt);
      const index = find(name);
      let ws: Excel.Worksheet;
      if (index < 0) {
        ws = sheets.add(name);
        ws.customProperties.add(OWN_SHEET_KEY, "1");
      } else {
        ws = sheets.items[index];
        name = ws.name;
        ws.charts.load("items/name");
        ws.tables.load("items/name");
        await context.sync();
        for (const chart of ws.charts.items) chart.delete();
        for (const table of ws.tables.items) table.delete();
        ws.getRange().clear();
        ws.freezePanes.unfreeze();
      }
      const tables = context.workbook.tables;
      tables.load("items/name");
      const names = context.workbook.names;
      names.load("items/name");
      await context.sync();
      const tableNames = new Set(tables.items.map((t) => t.name.toLowerCase()));
      const { replace, skipped } = await this.existingNames(
        context,
        spec,
        names.items,
        sheets.items,
        own
      );

      const total = spec.sections.reduce((n, s) => n + s.values.length, 0);
      let done = 0;
      const written: string[] = [];
      for (const section of spec.sections) {
        const at = parseA1(section.at);
        const width = Math.max(1, ...section.values.map((r) => r.length));
        const rows = section.values.map((r) =>
          Array.from({ length: width }, (_, c) => asCellInput(r[c] ?? ""))
        );
        for (const [start, end] of rowChunks(rows, this.budget)) {
          throwIfAborted(options.signal);
          ws.getRangeByIndexes(at.top + start, at.left, end - start, width).values = rows.slice(
            start,
            end
          );
          // One request per chunk is the point: each stays under the 5 MB limit (see the header).
          // eslint-disable-next-line office-addins/no-context-sync-in-loop
          await context.sync();
          done += end - start;
          options.onProgress?.({ done, total });
          await yieldToEventLoop();
        }
        section.numberFormats?.forEach((format, c) => {
          if (format !== null && rows.length > 1)
            ws.getRangeByIndexes(at.top + 1, at.left + c, rows.length - 1, 1).numberFormat = [
              [format],
            ];
        });
        for (const r of section.boldRows ?? [])
          ws.getRangeByIndexes(at.top + r, at.left, 1, width).format.font.bold = true;
        if (section.table) {
          let tableName = section.table.name;
          for (let n = 2; tableNames.has(tableName.toLowerCase()); n++)
            tableName = `${section.table.name}${n}`;
          tableNames.add(tableName.toLowerCase());
          const table = ws.tables.add(
            ws.getRangeByIndexes(at.top, at.left, section.table.rows, width),
            true
          );
          table.name = tableName;
          written.push(tableName);
        }
      }
      // The add-in's own data (e.g. what the Scenarier formula reads): add() overwrites a key.
      for (const [key, value] of Object.entries(spec.properties ?? {}))
        ws.customProperties.add(key, value);
      for (const cell of spec.cells ?? []) {
        const range = ws.getRange(cell.at);
        if (cell.formula !== undefined) range.formulas = [[cell.formula]];
        if (cell.numberFormat !== undefined) range.numberFormat = [[cell.numberFormat]];
        // RangeFont.size, ExcelApi 1.1 (https://learn.microsoft.com/javascript/api/excel/excel.rangefont).
        if (cell.fontSize !== undefined) range.format.font.size = cell.fontSize;
      }
      await fitColumns(context, ws, spec);
      if (spec.freezeRows) ws.freezePanes.freezeRows(spec.freezeRows);
      // Worksheet.visibility (ExcelApi 1.1): "Hidden" is the sheet "which the user can unhide via
      // menu", unlike "VeryHidden" (https://learn.microsoft.com/javascript/api/excel/excel.sheetvisibility,
      // https://learn.microsoft.com/office/vba/api/excel.xlsheetvisibility). The copy stands beside
      // the sheet it copies, so it is never the workbook's only visible sheet, the one sheet Excel
      // will not hide.
      if (spec.hidden) ws.visibility = Excel.SheetVisibility.hidden;
      if (spec.print) printSetup(ws, spec.print);
      for (const n of spec.names ?? []) {
        if (skipped.includes(n.name)) continue;
        replace.get(n.name)?.delete();
        names.add(n.name, ws.getRange(n.address), ownNameComment(n.comment));
      }
      await context.sync();
      return {
        name,
        renamed: name !== spec.name,
        wanted: spec.name,
        tables: written,
        ...(spec.names && { skippedNames: skipped }),
      };
    });
  }

  /**
   * The spec's names that exist already: the add-in's own (pointing into an own sheet, or marked
   * in their comment, as a broken one whose sheet was deleted), to replace; and the user's names
   * (another target, a constant, a formula), to leave alone.
   */
  private async existingNames(
    context: Excel.RequestContext,
    spec: SheetSpec,
    items: Excel.NamedItem[],
    sheets: Excel.Worksheet[],
    own: boolean[]
  ): Promise<{ replace: Map<string, Excel.NamedItem>; skipped: string[] }> {
    const clashes = (spec.names ?? []).flatMap((n) => {
      const item = items.find((i) => sameName(i.name, n.name));
      return item
        ? [
            {
              name: n.name,
              item: item.load("comment"),
              target: item.getRangeOrNullObject().load("address"),
            },
          ]
        : [];
    });
    if (clashes.length > 0) await context.sync();
    const ownSheet = (sheet: string) => sheets.some((ws, i) => own[i] && sameName(ws.name, sheet));
    const replace = new Map<string, Excel.NamedItem>();
    const skipped: string[] = [];
    for (const c of clashes) {
      const onOwnSheet = !c.target.isNullObject && ownSheet(addressSheet(c.target.address));
      if (onOwnSheet || isOwnNameComment(c.item.comment)) replace.set(c.name, c.item);
      else skipped.push(c.name);
    }
    return { replace, skipped };
  }

  async writeOwnCells(
    sheet: string,
    cells: readonly { at: string; value: CellValue }[]
  ): Promise<void> {
    for (const { at } of cells) parseA1(at);
    return Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const mark = ws.customProperties.getItemOrNullObject(OWN_SHEET_KEY).load("value");
      await context.sync();
      if (mark.isNullObject)
        throw new Error(`Tilføjelsesprogrammet skriver kun i sine egne ark, ikke i ${sheet}`);
      // Range.values keeps the cells' number formats, and Excel recalculates what reads them
      // (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-values-member).
      for (const { at, value } of cells) ws.getRange(at).values = [[asCellInput(value)]];
      await context.sync();
    });
  }

  async readSheetProperty(sheet: string, key: string): Promise<string | undefined> {
    return Excel.run(async (ctx) => {
      const properties = ctx.workbook.worksheets.getItem(sheet).customProperties;
      const mark = properties.getItemOrNullObject(OWN_SHEET_KEY).load("value");
      const property = properties.getItemOrNullObject(key).load("value");
      await ctx.sync();
      return mark.isNullObject || property.isNullObject ? undefined : property.value;
    });
  }

  async addChart(spec: ChartSpec): Promise<void> {
    return Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(spec.sheet);
      const mark = ws.customProperties.getItemOrNullObject(OWN_SHEET_KEY);
      mark.load("value");
      await context.sync();
      if (mark.isNullObject)
        throw new Error(
          `Diagrammer skrives kun i tilføjelsesprogrammets egne ark, ikke i ${spec.sheet}`
        );
      drawChart(ws, spec);
      await context.sync();
    });
  }

  async selectRange(sheet: string, address: string): Promise<void> {
    return Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
  }

  async onSheetChanged(
    sheet: string,
    handler: (change: SheetChange) => void
  ): Promise<Unsubscribe> {
    const registration = await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      const result = ws.onChanged.add(async (event) =>
        handler({ sheet, address: localAddress(event.address) })
      );
      await context.sync();
      return result;
    });
    return async () => {
      await Excel.run(registration.context, async (context) => {
        registration.remove();
        await context.sync();
      });
    };
  }

  /** Whether each sheet carries the own-sheet mark. */
  private async ownFlags(
    context: Excel.RequestContext,
    sheets: Excel.Worksheet[]
  ): Promise<boolean[]> {
    const marks = sheets.map((ws) =>
      ws.customProperties.getItemOrNullObject(OWN_SHEET_KEY).load("value")
    );
    await context.sync();
    return marks.map((m) => !m.isNullObject);
  }

  /** `count` rows of `columns` cells from (top, left), in chunks under the byte budget. */
  private async readRows(
    context: Excel.RequestContext,
    ws: Excel.Worksheet,
    top: number,
    left: number,
    count: number,
    columns: number,
    options: IoOptions
  ): Promise<CellValue[][]> {
    const out: CellValue[][] = [];
    let largestRow = 0;
    while (out.length < count) {
      throwIfAborted(options.signal);
      const n =
        out.length === 0
          ? Math.min(count, probeRows(columns, this.budget))
          : Math.max(
              1,
              Math.min(count - out.length, Math.floor(this.budget / (largestRow * READ_SAFETY)))
            );
      const range = ws.getRangeByIndexes(top + out.length, left, n, columns);
      range.load("values");
      // One response per chunk, each under the 5 MB limit; the next chunk's size depends on it.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      for (const row of range.values as CellValue[][]) {
        largestRow = Math.max(largestRow, rowBytes(row));
        out.push(row);
      }
      options.onProgress?.({ done: out.length, total: count });
      if (out.length < count) await yieldToEventLoop();
    }
    return out;
  }
}
