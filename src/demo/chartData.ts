/**
 * A chart of the in-memory workbook resolved to what the demo draws: its categories and series
 * read from the sheet's cells, and, when no cell holds a number, why (a formula still computing,
 * a formula showing an error, or blank ranges), so an empty chart says so instead of an axis.
 */
import { a1, parseA1, type CellValue, type ChartSpec } from "../workbook/workbook";

/** A chart's data resolved from its sheet, for drawing. */
export interface ChartData {
  spec: ChartSpec;
  categories: string[];
  series: { name: string; values: number[] }[];
  /** Why the chart has no number to draw, when it has none. */
  empty?: ChartEmpty;
}

/**
 * An empty chart's reason: a formula on its sheet still computing (#BUSY!), or showing an
 * error (a projection with a parameter out of range: #NUM! in its cell), or blank ranges.
 */
export type ChartEmpty =
  | { kind: "busy"; cell: string }
  | { kind: "error"; code: string; cell: string }
  | { kind: "blank"; ranges: string[] };

/** What a chart reads of its sheet: the cells, and where its formulas are. */
export interface ChartSheet {
  values: CellValue[][];
  formulas?: readonly { row: number; col: number }[];
}

export function chartData(sheet: ChartSheet, spec: ChartSpec): ChartData {
  const column = (address: string) => {
    const r = parseA1(address);
    const out: CellValue[] = [];
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) out.push(sheet.values[row]?.[col] ?? "");
    return out;
  };
  const cells = spec.series.map((s) => column(s.values));
  const data: ChartData = {
    spec,
    categories: column(spec.categories).map((v) => String(v ?? "")),
    series: spec.series.map((s, i) => ({
      name: s.name,
      values: cells[i].map((v) => (typeof v === "number" ? v : 0)),
    })),
  };
  if (cells.some((c) => c.some((v) => typeof v === "number"))) return data;
  // Nothing to draw: say why, from the sheet's formulas (their cell shows #BUSY! or an error).
  const formulas = (sheet.formulas ?? []).map((f) => ({
    cell: a1(f.row, f.col),
    value: sheet.values[f.row]?.[f.col],
  }));
  const busy = formulas.find((f) => f.value === "#BUSY!");
  const failed = formulas.find((f) => typeof f.value === "string" && /^#[A-Z/0!?]+/.test(f.value));
  data.empty = busy
    ? { kind: "busy", cell: busy.cell }
    : failed
      ? { kind: "error", code: String(failed.value), cell: failed.cell }
      : { kind: "blank", ranges: spec.series.map((s) => s.values) };
  return data;
}
