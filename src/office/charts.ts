/**
 * A chart of the port's ChartSpec drawn on an own sheet with Office.js (the caller checks the
 * sheet is the add-in's own and syncs).
 */
import type { ChartSpec } from "../workbook/workbook";

/** The port's chart types as Excel's. */
const CHART_TYPES: Record<ChartSpec["type"], "Line" | "ColumnClustered" | "BarClustered"> = {
  line: "Line",
  columnClustered: "ColumnClustered",
  barClustered: "BarClustered",
};

/** Adds the chart to the sheet: its series, categories, title, legend and place. */
export function drawChart(ws: Excel.Worksheet, spec: ChartSpec): void {
  const [first, ...rest] = spec.series;
  // Excel.ChartType "Line", "ColumnClustered", "BarClustered" (ExcelApi 1.1;
  // https://learn.microsoft.com/javascript/api/excel/excel.charttype).
  const type = CHART_TYPES[spec.type];
  const chart = ws.charts.add(type, ws.getRange(first.values), "Columns");
  // A bar chart draws its first category at the bottom; a tornado wants the widest bar on
  // top: ChartAxis.reversePlotOrder, "Specifies if Excel plots data points from last to
  // first" (ExcelApi 1.7; https://learn.microsoft.com/javascript/api/excel/excel.chartaxis).
  if (spec.type === "barClustered") chart.axes.categoryAxis.reversePlotOrder = true;
  chart.name = spec.name;
  chart.title.text = spec.title;
  chart.legend.position = "Bottom";
  const categories = ws.getRange(spec.categories);
  const s0 = chart.series.getItemAt(0);
  s0.name = first.name;
  s0.setXAxisValues(categories);
  for (const s of rest) {
    const series = chart.series.add(s.name);
    series.setValues(ws.getRange(s.values));
    series.setXAxisValues(categories);
  }
  // The axis' own format instead of the cells' (a share shows as 40 %, not 0.4):
  // ChartAxis.numberFormat (ExcelApi 1.8) and linkNumberFormat (ExcelApi 1.9),
  // https://learn.microsoft.com/javascript/api/excel/excel.chartaxis.
  if (spec.valueFormat !== undefined) {
    chart.axes.valueAxis.linkNumberFormat = false;
    chart.axes.valueAxis.numberFormat = spec.valueFormat;
  }
  chart.setPosition(spec.from, spec.to);
}
