/**
 * The pane's template helpers (taskpane/templates/templateIo.ts): the column mapping as header
 * names and back on another municipality's sheet, the size check before a picked file is read,
 * which hosts get a download, and how a template's text reaches Excel: as text, never a formula.
 */
import { afterEach, describe, expect, it, jest } from "@jest/globals";
import { exportTemplate, parseTemplate, TEMPLATE_LIMITS } from "../src/templates/template";
import { d } from "../src/engine/calendar";
import { mapColumns } from "../src/sheets/stays/columns";
import { scenarioPort } from "../src/sheets/scenarios/scenarioStore";
import { scenarioFormulas, type StaysRef } from "../src/sheets/scenarios/scenarioSheet";
import {
  columnsOfMapping,
  downloadsAllowed,
  mappingOfColumns,
  readTemplateFile,
} from "../src/sheets/templates/templateIo";
import { asCellInput, type SheetSpec, type Workbook } from "../src/workbook/workbook";

const OURS = [
  "Borger-ID",
  "Boform",
  "Indskrevet",
  "Udskrevet",
  "Døgntakst (kr.)",
  "Egenbetaling (kr./døgn)",
  "Bemærkning",
];
/** Another municipality's sheet: other order, other spelling, an extra column, no self-payment. */
const THEIRS = [
  "Note",
  "borger id",
  "Fra dato",
  "INDSKREVET",
  "udskrevet",
  "Døgntakst (kr.)",
  "Herberg",
];

describe("the column mapping as header names", () => {
  it("keeps the header name of each mapped column, null for the others", () => {
    const mapping = { ...mapColumns(OURS), selfPayment: null };
    expect(columnsOfMapping(OURS, mapping)).toEqual({
      citizen: "Borger-ID",
      admission: "Indskrevet",
      discharge: "Udskrevet",
      dailyRate: "Døgntakst (kr.)",
      selfPayment: null,
      shelter: "Boform",
    });
  });

  it("finds the template's headers on another sheet regardless of case, spaces and punctuation", () => {
    const columns = columnsOfMapping(OURS, mapColumns(OURS));
    // What the sheet's own header matching would pick: "Fra dato" for admission, no shelter.
    const auto = mapColumns(THEIRS);
    expect([auto.admission, auto.shelter]).toEqual([2, 6]);
    const { mapping, unmatched } = mappingOfColumns(THEIRS, columns, auto);
    expect(mapping).toEqual({
      citizen: 1,
      admission: 3,
      discharge: 4,
      dailyRate: 5,
      selfPayment: auto.selfPayment,
      shelter: 6,
    });
    // "Egenbetaling (kr./døgn)" and "Boform" are not on their sheet: those fields keep their column.
    expect(unmatched).toEqual(["selfPayment", "shelter"]);
  });

  it("a column the template gives to one field is taken from the field that held it", () => {
    const current = {
      citizen: 0,
      admission: 1,
      discharge: 2,
      dailyRate: 3,
      selfPayment: null,
      shelter: 4,
    };
    const header = ["Borger", "Start", "Slut", "Takst", "Sted"];
    const { mapping } = mappingOfColumns(
      header,
      {
        citizen: null,
        admission: null,
        discharge: null,
        dailyRate: null,
        selfPayment: null,
        shelter: "Takst",
      },
      current
    );
    expect(mapping).toEqual({
      citizen: 0,
      admission: 1,
      discharge: 2,
      dailyRate: null,
      selfPayment: null,
      shelter: 3,
    });
  });
});

describe("reading a picked file", () => {
  it("a file over 2 MB is refused without being read", async () => {
    const file = new Blob(["x"]);
    Object.defineProperty(file, "size", { value: TEMPLATE_LIMITS.maxBytes + 1 });
    const text = jest.spyOn(file, "text");
    const result = await readTemplateFile(file);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems[0].message).toMatch(/^Filen er for stor: 2\.001 kB/);
    expect(text).not.toHaveBeenCalled();
  });

  it("a template file reads back as exported", async () => {
    const out = exportTemplate({
      municipality: "Nordby",
      author: "A",
      created: d("2026-01-02"),
      ruleSet: "GAMMEL",
      columns: {},
      scenarios: [{ name: "S", values: { horizon: 7 } }],
    });
    if (!out.ok) throw new Error("export refused");
    const result = await readTemplateFile(new Blob([out.text]));
    expect(result.ok && result.template).toEqual(out.template);
  });
});

describe("saving a file or showing the text", () => {
  const g = globalThis as { Office?: unknown };
  afterEach(() => {
    delete g.Office;
  });

  it("a plain browser (the demo) and Excel on the web download; Excel desktop and Mac show the text", () => {
    expect(downloadsAllowed()).toBe(true);
    const PlatformType = { OfficeOnline: "OfficeOnline", PC: "PC", Mac: "Mac" };
    const allowed: Record<string, boolean> = {};
    for (const platform of ["OfficeOnline", "PC", "Mac", null] as const) {
      g.Office = { context: { platform }, PlatformType };
      allowed[String(platform)] = downloadsAllowed();
    }
    expect(allowed).toEqual({ OfficeOnline: true, PC: false, Mac: false, null: true });
  });
});

describe("a template's text is written as text, never as a formula", () => {
  it("the Excel adapter prefixes text that starts with =, +, -, @ or ' (Excel's text prefix); other values pass", () => {
    for (const text of ["=1+1", "+45 1234 5678", "-10 %", "@SUM(A1)", "'citat", " =1"])
      expect(asCellInput(text)).toBe(`'${text}`);
    for (const value of ["Basis", 5, -3, true, ""]) expect(asCellInput(value)).toBe(value);
    expect(asCellInput(null)).toBe("");
  });

  it("applying a template writes its names only as sheet values, which Excel gets prefixed; the only formulas are the add-in's own", async () => {
    const names = ['=HYPERLINK("http://x","klik")', "+45 1234 5678", "-10 %", "@SUM(A1)"];
    const out = exportTemplate({
      municipality: "Nordby",
      author: "A",
      created: d("2026-05-01"),
      ruleSet: "NY",
      columns: {},
      scenarios: names.map((name) => ({ name, values: {} })),
    });
    if (!out.ok) throw new Error(JSON.stringify(out.problems));
    const imported = parseTemplate(out.text);
    if (!imported.ok) throw new Error("import refused");
    const specs: SheetSpec[] = [];
    const workbook = {
      listSheets: async () => [],
      writeOwnSheet: async (spec: SheetSpec) => (
        specs.push(spec),
        { name: spec.name, renamed: false, wanted: spec.name, tables: [] }
      ),
      addChart: async () => undefined,
    } as unknown as Workbook;
    const column = (c: number) => ({ column: c, header: "x" });
    const stays: StaysRef = {
      sheet: "Budget",
      firstRow: 1,
      lastRow: 8,
      columns: [column(0), column(1), column(2), column(3), null],
    };
    await scenarioPort(workbook, () => stays).save(imported.template.scenarios);
    const texts = specs[0].sections
      .flatMap((s) => s.values.flat())
      .filter((v): v is string => typeof v === "string");
    for (const name of names) {
      expect(texts).toContain(name);
      expect(asCellInput(name)).toBe(`'${name}`);
    }
    const formulas = specs[0].cells?.filter((c) => c.formula !== undefined).map((c) => c.formula);
    expect(formulas?.[0]).toMatch(/^=DK\.HOUSINGFIRSTPROJECTION\(/);
    // The others are the budget years' over the output, the add-in's own: no template text in any.
    expect(formulas?.slice(1)).toEqual(scenarioFormulas(stays).slice(1));
    for (const name of names) expect(formulas?.some((f) => f?.includes(name))).toBe(false);
  });
});
