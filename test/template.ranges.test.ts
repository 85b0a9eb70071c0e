/**
 * Templates carry each parameter's low–high range with its source (format version 2): export with
 * edited ranges and import gives the same ranges, a version 1 file imports with the registry's,
 * and a bad range (low above high, outside the parameter's bounds, not a number, a huge source)
 * is refused with a Danish message that says where.
 */
import { describe, expect, it } from "@jest/globals";
import { sampleWorkbook } from "../src/demo/sampleData";
import { d } from "../src/engine/calendar";
import { PARAMETERS, parameterById, type ParameterId } from "../src/engine/parameters";
import {
  TEMPLATE_VERSION,
  exportTemplate,
  parseTemplate,
  planImport,
  templateRanges,
  type TemplateDraft,
} from "../src/templates/template";
import { indexOf, problems } from "./fixtures";
import { findStays } from "../src/sheets/forecast/forecastRun";
import { LAYOUT, staysRef } from "../src/sheets/scenarios/scenarioSheet";
import {
  checkRanges,
  createOrUpdate,
  readModel,
  scenarioPort,
} from "../src/sheets/scenarios/scenarioStore";

const OWN = {
  supportCost: { low: 60_000, high: 150_000, source: "Egen opgørelse, Nordby 2025" },
  discountRate: { low: 0.02, high: 0.05, source: "Følsomhed efter Finansministeriets vejledning" },
};

const draft = (): TemplateDraft => ({
  municipality: "Nordby Kommune",
  author: "Økonomiafdelingen",
  created: d("2026-05-01"),
  ruleSet: "NY",
  columns: {},
  scenarios: [{ name: "Basis", values: { supportCost: 95_000 }, ranges: OWN }],
});

/** The exported file as a mutable object. */
function exportedObject(): Record<string, unknown> & {
  version: number;
  scenarios: { parameters: Record<string, unknown>[] }[];
} {
  const out = exportTemplate(draft());
  if (!out.ok) throw new Error(JSON.stringify(out.problems));
  return JSON.parse(out.text);
}

const entry = (t: ReturnType<typeof exportedObject>, id: ParameterId) =>
  t.scenarios[0].parameters[indexOf(id)];

describe("ranges in templates (format version 2)", () => {
  it("export with edited ranges, import: the same ranges; every other parameter carries the registry's", () => {
    const out = exportTemplate(draft());
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.template.version).toBe(2);
    const back = parseTemplate(out.text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    const ranges = templateRanges(back.template.scenarios[0]);
    expect(ranges.supportCost).toEqual(OWN.supportCost);
    expect(ranges.discountRate).toEqual(OWN.discountRate);
    expect(ranges.relapseRate).toEqual(parameterById("relapseRate").range);
    expect(ranges.baseYear).toBeUndefined();
    // The ranges of who comes back are the register's estimate's: a template carries none.
    expect(ranges.returnNextChronic).toBeUndefined();
    expect(Object.keys(ranges)).toHaveLength(PARAMETERS.filter((p) => p.range).length);
    expect(back.notices).toEqual([
      "Scenarie «Basis» har egne spænd for «Diskonteringsrente», «Bostøtte pr. år»: de står i kolonne C og D på arket Scenarier, når scenariet er det aktive.",
    ]);
  });

  it("the round trip through the Scenarier sheet: edited ranges exported from one workbook land on another's sheet", async () => {
    const a = sampleWorkbook();
    const found = (await findStays(a))!;
    const sheet = await createOrUpdate(a, staysRef(found, found.mapping)!);
    const row = (id: ParameterId) =>
      LAYOUT.firstParameterRow + PARAMETERS.findIndex((p) => p.id === id);
    a.setCell(sheet, row("supportCost"), LAYOUT.lowColumn, 60_000);
    a.setCell(sheet, row("supportCost"), LAYOUT.highColumn, 150_000);
    a.setCell(sheet, row("supportCost"), LAYOUT.rangeSourceColumn, "Egen opgørelse, Nordby 2025");
    const listed = await scenarioPort(a, () => null).list();
    const out = exportTemplate({ ...draft(), scenarios: listed });
    expect(out.ok).toBe(true);
    if (!out.ok) return;

    const b = sampleWorkbook();
    const read = parseTemplate(out.text);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    await scenarioPort(b, () => null).save(read.template.scenarios);
    const stored = (await readModel(b))!;
    expect(checkRanges(stored.model.ranges)).toEqual({
      ok: true,
      ranges: { supportCost: OWN.supportCost },
    });
    expect(b.cell(stored.sheet, row("supportCost"), LAYOUT.lowColumn)).toBe(60_000);
  });

  it("the plan lists the ranges the active scenario's template brings; a version 1 file leaves the sheet's ranges as they are", async () => {
    const workbook = sampleWorkbook();
    const found = (await findStays(workbook))!;
    const sheet = await createOrUpdate(workbook, staysRef(found, found.mapping)!);
    const row = LAYOUT.firstParameterRow + PARAMETERS.findIndex((p) => p.id === "supportCost");
    workbook.setCell(sheet, row, LAYOUT.highColumn, 140_000);
    const port = scenarioPort(workbook, () => null);
    const listed = await port.list();
    expect(listed.map((s) => [s.name, s.active, s.ranges])).toEqual([
      ["Basis", true, { supportCost: { low: 40_000, high: 140_000 } }],
    ]);

    const read = parseTemplate(JSON.stringify(exportedObject()));
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const plan = planImport(read.template, { scenarios: listed, columns: {} });
    const basis = plan.scenarios[0];
    expect(basis.action).toBe("replace");
    expect(basis.action === "replace" && basis.changes.map((c) => [c.name, c.from, c.to])).toEqual([
      ["Bostøtte pr. år", "85.000 kr./år", "95.000 kr./år"],
      [
        "Diskonteringsrente (spænd)",
        `2,5 % – 4,5 % (${parameterById("discountRate").range!.source})`,
        "2 % – 5 % (Følsomhed efter Finansministeriets vejledning)",
      ],
      [
        "Bostøtte pr. år (spænd)",
        `40.000 kr./år – 140.000 kr./år (${parameterById("supportCost").range!.source})`,
        "60.000 kr./år – 150.000 kr./år (Egen opgørelse, Nordby 2025)",
      ],
    ]);

    // Version 1: the values change, the sheet's own range stays.
    const v1 = exportedObject();
    v1.version = 1;
    for (const p of v1.scenarios[0].parameters) delete p.range;
    const old = parseTemplate(JSON.stringify(v1));
    if (!old.ok) throw new Error(JSON.stringify(old.problems));
    const oldPlan = planImport(old.template, { scenarios: listed, columns: {} });
    expect(
      oldPlan.scenarios[0].action === "replace" && oldPlan.scenarios[0].changes.map((c) => c.name)
    ).toEqual(["Bostøtte pr. år"]);
    await port.save(old.template.scenarios);
    const stored = (await readModel(workbook))!;
    expect(stored.model.active.values.supportCost).toBe(95_000);
    expect(checkRanges(stored.model.ranges)).toEqual({
      ok: true,
      ranges: { supportCost: { low: 40_000, high: 140_000 } },
    });
  });

  it("a version 1 file (no ranges) still imports, with the registry's ranges and a notice", () => {
    const t = exportedObject();
    t.version = 1;
    for (const p of t.scenarios[0].parameters) delete p.range;
    const result = parseTemplate(JSON.stringify(t));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(1);
    expect(result.template.version).toBe(TEMPLATE_VERSION);
    expect(templateRanges(result.template.scenarios[0])).toEqual({});
    expect(result.notices[0]).toBe(
      "Skabelonen er i formatversion 1, som ikke har spænd: lav og høj værdi er tilføjelsesprogrammets standard med kilde."
    );
  });

  it("a version 1 file with a range is refused: version 1 has none", () => {
    const t = exportedObject();
    t.version = 1;
    expect(problems(parseTemplate(JSON.stringify(t)))[0]).toEqual({
      where: "Scenarie 1 «Basis» › parameter «Horisont»",
      message: "Ukendt felt «range»: en skabelon indeholder kun de felter, formatet beskriver",
    });
  });
});

describe("hostile ranges are refused with a Danish message, and nothing is written", () => {
  const refused = (break_: (t: ReturnType<typeof exportedObject>) => void) => {
    const t = exportedObject();
    break_(t);
    return problems(parseTemplate(JSON.stringify(t)));
  };

  it("low above high", () => {
    expect(
      refused((t) => (entry(t, "supportCost").range = { low: 150_000, high: 60_000, source: "x" }))
    ).toEqual([
      {
        where: "Scenarie 1 «Basis» › parameter «Bostøtte pr. år» › spænd",
        message: "Lav (150.000 kr./år) må ikke være større end høj (60.000 kr./år)",
      },
    ]);
  });

  it("outside the parameter's allowed range, and not a whole number where it must be", () => {
    expect(
      refused((t) => {
        entry(t, "relapseRate").range = { low: -0.1, high: 0.15, source: "x" };
        entry(t, "horizon").range = { low: 3, high: 10.5, source: "x" };
      })
    ).toEqual([
      {
        where: "Scenarie 1 «Basis» › parameter «Horisont» › spænd › høj",
        message: "Skal være et helt tal (fik 10,5 år)",
      },
      {
        where: "Scenarie 1 «Basis» › parameter «Tilbagefald pr. år» › spænd › lav",
        message: "Skal ligge fra 0 % og højst 100 % (fik -10 %)",
      },
    ]);
  });

  it("not a number, a missing high, a range for the base year", () => {
    expect(
      refused((t) => {
        entry(t, "baseYear").range = { low: 2020, high: 2025, source: "x" };
        entry(t, "supportCost").range = { low: "mange", high: 130_000, source: "x" };
        entry(t, "housingPerYear").range = { low: 10, source: "x" };
      })
    ).toEqual([
      {
        where: "Scenarie 1 «Basis» › parameter «Basisår»",
        message: "Ukendt felt «range»: en skabelon indeholder kun de felter, formatet beskriver",
      },
      {
        where: "Scenarie 1 «Basis» › parameter «Bostøtte pr. år» › spænd › lav",
        message: "«mange» er ikke et tal",
      },
      {
        where: "Scenarie 1 «Basis» › parameter «Boliger pr. år» › spænd › høj",
        message: "Værdien mangler",
      },
    ]);
  });

  it("a range other than the registry's without a source", () => {
    expect(
      refused((t) => (entry(t, "supportCost").range = { low: 60_000, high: 150_000, source: " " }))
    ).toEqual([
      {
        where: "Scenarie 1 «Basis» › parameter «Bostøtte pr. år» › spænd",
        message: "Kilden til spændet mangler: skriv kilden eller antagelsen bag lav og høj",
      },
    ]);
  });

  it("a huge source: refused by its length, the text not repeated", () => {
    const found = refused((t) => {
      entry(t, "supportCost").range = { low: 40_000, high: 130_000, source: "x".repeat(50_000) };
    });
    expect(found).toEqual([
      {
        where: "Scenarie 1 «Basis» › parameter «Bostøtte pr. år» › spænd › kilde",
        message: "Må højst være 1000 tegn (er 50000)",
      },
    ]);
  });
});
