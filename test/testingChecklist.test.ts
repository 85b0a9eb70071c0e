/**
 * TESTING.md, the pilot's checklist for real Excel, states what the engine computes: every
 * `Sheet!A1` (or `Sheet!«row label»`, the value beside the label) with the text Danish Excel shows
 * and, for an error, the message in its error flag; every typed `=DK.…` formula with its result;
 * the pane's texts it quotes; the function help it describes. The example sheets are inserted into
 * the memory workbook, whose evaluator runs the functions as Excel calls them. A figure that
 * drifts from the engine fails here, not in a pilot's report.
 *
 * After a change of the model (the projection is being reworked), write the engine's figures into
 * TESTING.md and pass: `UPDATE_TESTING=1 npx jest test/testingChecklist.test.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "@jest/globals";
import { formatCell } from "../demo/cellFormat";
import { formulaCall } from "../src/demo/formulas";
import { MemoryWorkbook } from "../src/demo/memoryWorkbook";
import { dec } from "../src/engine/money";
import { insertExamples, projectionSheet, staysSheet } from "../src/examples/exampleSheets";
import { EXAMPLE_SHEETS } from "../src/examples/names";
import { FUNCTION_TEXTS } from "../src/functions/catalog";
import { EXCEL_FUNCTIONS, FUNCTION_IDS } from "../src/functions/registry";
import { EXAMPLE_TEXTS } from "../taskpane/examples/texts";
import { findStays, runForecast } from "../src/sheets/forecast/forecastRun";
import { formatMoney, TEXTS } from "../taskpane/i18n";
import { MEETING_TEXTS } from "../taskpane/meeting/texts";
import { SCENARIO_TEXTS } from "../taskpane/scenarios/texts";
import { parseA1, type CellValue } from "../src/workbook/workbook";

const FILE = join(__dirname, "..", "TESTING.md");
const UPDATE = process.env.UPDATE_TESTING === "1";
let doc = readFileSync(FILE, "utf8");

/** Excel's error values as Danish Excel shows them. */
const DANISH_ERRORS: Record<string, string> = {
  "#VALUE!": "#VÆRDI!",
  "#N/A": "#I/T",
  "#NAME?": "#NAVN?",
};

/** The doc's prose with its line breaks as spaces, to find a quoted text wrapped over lines. */
const prose = () => doc.replace(/\s+/g, " ");

/** A table row `| \`Sheet!A1\` | \`shown\` | … | \`message\` |`, or a typed `=DK.` formula. */
const CELL_ROW = /^\|\s*`([^`!]+)!([^`]+)`\s*\|\s*`([^`]*)`\s*\|(?:\s*`([^`]*)`\s*\|)?/;
const FORMULA_ROW = /^\|\s*`(=DK\.[^`]+)`\s*\|\s*`([^`]*)`\s*\|(?:\s*`([^`]*)`\s*\|)?/;

let wb: MemoryWorkbook;
beforeAll(async () => {
  wb = new MemoryWorkbook();
  await insertExamples(wb);
});

/** A range of a sheet of the memory workbook, as Excel passes it to a function. */
const reader = (home: string) => (sheet: string | undefined, address: string) => {
  const s = wb.getSheet(sheet ?? home);
  if (!s) return undefined;
  const r = parseA1(address);
  const out: CellValue[][] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const line: CellValue[] = [];
    for (let c = r.left; c <= r.right; c++) line.push(s.values[row]?.[c] ?? "");
    out.push(line);
  }
  return out;
};

/** The custom function's own result for a formula (errors with their messages), as a block. */
function callResult(text: string, home: string): unknown[][] {
  const call = formulaCall(text, reader(home));
  if (Array.isArray(call)) return call;
  const result = (
    EXCEL_FUNCTIONS[call.name as keyof typeof EXCEL_FUNCTIONS] as (...a: unknown[]) => unknown
  )(...call.args);
  return Array.isArray(result) ? (result as unknown[][]) : [[result]];
}

const isError = (v: unknown): v is { code: string; message?: string } =>
  typeof v === "object" && v !== null && "code" in v;

/** What Danish Excel shows for a value in a cell with `format`. */
function shownDa(value: unknown, format: string | null): string {
  if (isError(value)) return DANISH_ERRORS[value.code] ?? value.code;
  if (typeof value === "string" && /^#/.test(value)) return DANISH_ERRORS[value] ?? value;
  return formatCell(value as CellValue, format, "da");
}

/** A reference's text and message: `A1`, or `«label»` for the value beside the label. */
function lookUp(sheetName: string, ref: string): { shown: string; message?: string } {
  const sheet = wb.getSheet(sheetName);
  if (!sheet) return { shown: `(no sheet ${sheetName})` };
  const label = /^«(.*)»$/.exec(ref);
  if (label) {
    const row = sheet.values.findIndex((r) => r.some((v) => v === label[1]));
    if (row < 0) return { shown: `(no row «${label[1]}»)` };
    const value = sheet.values[row][sheet.values[row].indexOf(label[1]) + 1];
    return {
      shown:
        typeof value === "number" && !Number.isInteger(value)
          ? formatCell(value, "#,##0.00", "da")
          : shownDa(value, null),
    };
  }
  const { top, left } = parseA1(ref);
  const value = wb.cell(sheetName, top, left);
  const shown = shownDa(value, wb.numberFormat(sheetName, top, left));
  // An error's message: from the formula whose result covers the cell.
  const formula = (sheet.formulas ?? []).find(
    (f) =>
      top >= f.row && top < f.row + f.spill.rows && left >= f.col && left < f.col + f.spill.cols
  );
  if (!formula || typeof value !== "string" || !value.startsWith("#")) return { shown };
  const error = callResult(formula.text, sheetName)[top - formula.row]?.[left - formula.col];
  return { shown, ...(isError(error) && error.message && { message: error.message }) };
}

/** Every checked row of TESTING.md with the engine's figures; rewrites the doc in UPDATE mode. */
function checkedRows() {
  const rows: { line: string; stated: string[]; engine: string[] }[] = [];
  const lines = doc.split("\n").map((line) => {
    const cell = CELL_ROW.exec(line);
    const typed = cell ? null : FORMULA_ROW.exec(line);
    if (!cell && !typed) return line;
    let engine: { shown: string; message?: string };
    let stated: string[];
    if (cell) {
      engine = lookUp(cell[1], cell[2]);
      stated = [cell[3], cell[4] ?? ""];
    } else {
      // Typed in an empty cell of «Eksempler», Danish Excel's ; between the arguments.
      const [value] = callResult(typed![1].replace(/;/g, ","), EXAMPLE_SHEETS.worked).flat();
      engine = {
        shown: shownDa(value, null),
        ...(isError(value) && value.message && { message: value.message }),
      };
      stated = [typed![2], typed![3] ?? ""];
    }
    const figures = [engine.shown, engine.message ?? ""];
    rows.push({ line, stated, engine: figures });
    if (!UPDATE) return line;
    return line
      .replace(`\`${stated[0]}\``, `\`${figures[0]}\``)
      .replace(stated[1] ? `\`${stated[1]}\`` : /$^/, `\`${figures[1]}\``);
  });
  if (UPDATE) {
    doc = lines.join("\n");
    writeFileSync(FILE, doc);
  }
  return rows;
}

describe("TESTING.md", () => {
  it("states every cell, figure, error and message as the engine computes them", () => {
    const rows = checkedRows();
    expect(rows.length).toBeGreaterThanOrEqual(50);
    const wrong = rows.filter((r) => r.stated.join("|") !== r.engine.join("|"));
    expect(wrong.map((r) => `${r.line}\n  engine: ${r.engine.join(" | ")}`)).toEqual(
      UPDATE ? wrong.map((r) => `${r.line}\n  engine: ${r.engine.join(" | ")}`) : []
    );
  });

  it("the pane's forecast of the example stays has the refund of the sheet's formula", async () => {
    const found = (await findStays(wb))!;
    expect(found.sheet).toBe(EXAMPLE_SHEETS.stays);
    const run = await runForecast(wb, found, found.mapping, { pseudonymise: false });
    expect([run.report.ok, run.report.bad.length]).toEqual([798, 2]);
    const total = run.summary.total.refundNy;
    expect(Number(total)).toBe(wb.cell(EXAMPLE_SHEETS.forecast, 9, 6));
    expect(prose()).toContain(formatMoney(dec(total), "da"));
    expect(prose()).toContain(TEXTS.da.rowsOk(798, 800));
    expect(prose()).toContain(TEXTS.da.rowsBad(2));
    expect(prose()).toContain(`«${TEXTS.da.totals.refundNy}»`);
  });

  it("quotes the pane as it is", () => {
    const quoted = [
      TEXTS.da.title,
      TEXTS.en.title,
      TEXTS.da.sourceHeading,
      TEXTS.da.reportHeading,
      TEXTS.da.run,
      EXAMPLE_TEXTS.da.heading,
      EXAMPLE_TEXTS.da.insert,
      EXAMPLE_TEXTS.en.insert,
      EXAMPLE_TEXTS.da.replaceTitle,
      EXAMPLE_TEXTS.da.cancel,
      EXAMPLE_TEXTS.da.done([]).split(" arkene")[0],
      SCENARIO_TEXTS.da.create,
      SCENARIO_TEXTS.da.heading,
      SCENARIO_TEXTS.da.repair,
      SCENARIO_TEXTS.da.restore,
      MEETING_TEXTS.da.toggle,
      ...Object.values(EXAMPLE_SHEETS),
    ];
    expect(quoted.filter((t) => !prose().includes(t))).toEqual([]);
  });

  it("describes the function help as the metadata has it: the functions, the arguments in Danish and English, the description", () => {
    const help = prose().slice(prose().indexOf("## 2."), prose().indexOf("## 3."));
    expect(FUNCTION_IDS.filter((id) => !help.includes(`DK.${id}`))).toEqual([]);
    const args = (language: "da" | "en", separator: string) =>
      FUNCTION_TEXTS.REFUSION110.args.map((a) => a.name[language]).join(separator);
    const stated = (prefix: string) =>
      new RegExp(`${prefix}: \`DK\\.REFUSION110\\(([^)]*)\\)\``)
        .exec(help)?.[1]
        .replace(/[[\]]/g, "");
    expect(stated("Danish Excel")).toBe(args("da", "; "));
    expect(stated("English Excel")).toBe(args("en", ", "));
    const description = /the description\s+starts «([^»]+)»/.exec(help)![1];
    expect(FUNCTION_TEXTS.REFUSION110.description.da.startsWith(description)).toBe(true);
    const english = /\(English: «([^»]+)»\)/.exec(help)![1];
    expect(FUNCTION_TEXTS.REFUSION110.description.en.startsWith(english)).toBe(true);
  });

  it("names the cells and ranges where the example sheets have them", () => {
    const { at } = staysSheet();
    const cells = projectionSheet(at).cells!;
    const parameters = /,(A\d+:B\d+)\)$/.exec(cells[cells.length - 1].formula!)![1];
    expect(prose()).toContain(`The parameters stand in ${parameters} as on the Scenarier sheet`);
    expect(prose()).toContain(`down to H${at.last}`);
    expect(prose()).toContain(`${at.last - at.first + 1} stays of the demo municipality`);
  });
});
