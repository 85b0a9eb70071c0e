/**
 * The template panel's list (taskpane/templates/library.ts): the standard template and the
 * published cases (templates/cases.ts), each generated file equal to its source, imported as any
 * file is, every figure a case sets sourced to its publication; applying a case writes the
 * Scenarier sheet as an import does.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { sampleWorkbook } from "../src/demo/sampleData";
import { DEFAULT_PARAMETERS, parameterById } from "../src/engine/parameters";
import { exportTemplate, parseTemplate, scenarioParameters } from "../src/templates/template";
import { PUBLISHED_CASES } from "../templates/cases";
import { TEMPLATE_LIBRARY, readLibraryTemplate } from "../src/templates/library";
import { parameterCell } from "../src/sheets/scenarios/scenarioSheet";
import { readModel, scenarioPort } from "../src/sheets/scenarios/scenarioStore";
import { parseA1 } from "../src/workbook/workbook";

const fileText = (id: string) =>
  readFileSync(join(__dirname, "..", "templates", `${id}.json`), "utf8");

describe("the published cases", () => {
  it.each(PUBLISHED_CASES.map((c) => [c.id, c] as const))(
    "templates/%s.json is its draft exported (npx tsx schema/generate.ts) and imports without problems",
    (id, c) => {
      const out = exportTemplate(c.draft);
      expect(out.ok && out.text).toBe(fileText(id));
      const read = parseTemplate(fileText(id));
      expect(read.ok && read.notices).toEqual([]);
    }
  );

  it("every value a case changes has the publication as its source; the rest keep the registry's", () => {
    for (const c of PUBLISHED_CASES) {
      const read = readLibraryTemplate(c.id);
      if (!read.ok) throw new Error(JSON.stringify(read.problems));
      for (const s of read.template.scenarios) {
        const values = scenarioParameters(s);
        for (const p of s.parameters) {
          if (values[p.id] === DEFAULT_PARAMETERS[p.id]) {
            expect(p.source).toBe(parameterById(p.id).source);
          } else {
            expect([p.id, p.source.startsWith(c.source.da)]).toEqual([p.id, true]);
          }
        }
      }
    }
  });

  it("Hjørring: 10 years, all long-stay users; Odense: 3 years, 7,2 % relapse (80 % housed after 3 years), no move-away", () => {
    const values = (id: string) => {
      const read = readLibraryTemplate(id);
      if (!read.ok) throw new Error(JSON.stringify(read.problems));
      return scenarioParameters(read.template.scenarios[0]);
    };
    expect(values("hjoerring")).toEqual({
      ...DEFAULT_PARAMETERS,
      horizon: 10,
      targetTransitional: 1,
    });
    expect(values("odense")).toEqual({
      ...DEFAULT_PARAMETERS,
      horizon: 3,
      relapseRate: 0.072,
      moveAwayRate: 0,
    });
    // 0,8 still housed after three years is 1 − 0,8^(1/3) = 7,17 % a year.
    expect(1 - Math.pow(0.8, 1 / 3)).toBeCloseTo(0.072, 3);
  });
});

describe("the panel's list", () => {
  it("the standard template first, then the cases, each with a title, a source and a description", () => {
    expect(TEMPLATE_LIBRARY.map((e) => e.id)).toEqual(["standard", "hjoerring", "odense"]);
    for (const e of TEMPLATE_LIBRARY)
      for (const language of ["da", "en"] as const)
        for (const text of [e.title, e.source, e.description])
          expect(text[language].trim().length).toBeGreaterThan(10);
    expect(TEMPLATE_LIBRARY[1].description.da).toMatch(/3,3 kr\. .* år 2 .*1,6 kr\. og år 5/);
  });

  it("an unknown id is refused, never guessed", () => {
    expect(readLibraryTemplate("toString")).toEqual({
      ok: false,
      problems: [{ where: "", message: "Ukendt skabelon «toString»" }],
      total: 1,
    });
  });

  it("applying Hjørring writes the Scenarier sheet as an import does: on a new sheet the case is the active scenario", async () => {
    const workbook = sampleWorkbook();
    const read = readLibraryTemplate("hjoerring");
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    const { sheet } = await scenarioPort(workbook, () => null).save(read.template.scenarios);
    const model = (await readModel(workbook))!.model;
    expect(model.active.name).toBe("Hjørring: herbergsbrugere over 10 år");
    expect(model.saved.map((s) => s.name)).toEqual(["Hjørring: herbergsbrugere over 10 år"]);
    const horizon = parseA1(parameterCell("horizon"));
    expect(workbook.cell(sheet, horizon.top, horizon.left)).toBe(10);
  });
});
