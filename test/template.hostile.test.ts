/**
 * Templates under hostile input: refusals never repeat the refused value, the CPR scan sees
 * through separators, dashes, invisible and fullwidth characters, the export's citizen-id scan
 * is linear with no pattern built from data, names show as what they are, and a file with
 * thousands of problems describes a hundred and counts the rest.
 */
import { describe, expect, it } from "@jest/globals";
import { d } from "../src/engine/calendar";
import { nameKey, nameProblem, sameName } from "../src/templates/names";
import { CitizenIdScanner, hasBirthDate, hasCprNumber } from "../src/privacy/personalData";
import {
  TEMPLATE_LIMITS,
  exportTemplate,
  parseTemplate,
  planImport,
  scenarioParameters,
  type Template,
  type TemplateDraft,
  type TemplateProblem,
} from "../src/templates/template";
import { exportedTemplate, importObject, indexOf, problems } from "./fixtures";

const draft = (over: Partial<TemplateDraft> = {}): TemplateDraft => ({
  municipality: "Nordby Kommune",
  author: "Økonomiafdelingen",
  created: d("2026-05-01"),
  ruleSet: "NY",
  columns: { citizen: "Borger-ID", admission: "Indskrevet", discharge: "Udskrevet" },
  scenarios: [
    { name: "Basis", values: {} },
    { name: "Housing First", note: "Plan for 2027", values: { shareMoved: 0.6 } },
  ],
  ...over,
});

/** A valid exported template as a mutable object, to break on purpose. */
const exported = (over: Partial<TemplateDraft> = {}): Template => exportedTemplate(draft(over));

const shown = (found: TemplateProblem[]) => found.map((p) => `${p.where} ${p.message}`).join("\n");

describe("a refusal never repeats the refused value", () => {
  const CPR = "010190-1234";
  /** Every place where a message used to quote the value it refused. */
  const places: [string, (t: Record<string, unknown> & Template) => void][] = [
    ["the scenario's name (in every message's place)", (t) => (t.scenarios[0].name = CPR)],
    [
      "a duplicate scenario name",
      (t) => {
        t.scenarios[0].name = CPR;
        t.scenarios[1].name = CPR;
      },
    ],
    ["an unknown field's name", (t) => (t[CPR] = 1)],
    ["an unknown field's name, nested", (t) => ((t.columns as Record<string, unknown>)[CPR] = "x")],
    ["the format", (t) => ((t as { format: string }).format = CPR)],
    ["the version", (t) => ((t as { version: unknown }).version = CPR)],
    ["the rule set", (t) => ((t.ruleSet as { name: string }).name = CPR)],
    ["a unit", (t) => ((t.scenarios[0].parameters[0] as { unit: string }).unit = CPR)],
    ["a parameter's id", (t) => ((t.scenarios[0].parameters[0] as { id: string }).id = CPR)],
    [
      "a value as text",
      (t) => ((t.scenarios[0].parameters[indexOf("horizon")] as { value: unknown }).value = CPR),
    ],
    [
      "a duplicate column header",
      (t) => {
        t.columns.citizen = `Borger ${CPR}`;
        t.columns.shelter = `Borger ${CPR}`;
      },
    ],
    ["a personal field's name", (t) => (t[`cpr ${CPR}`] = "x")],
  ];

  it.each(places)("%s", (_, breakIt) => {
    const t = exported() as Record<string, unknown> & Template;
    breakIt(t);
    const found = problems(importObject(t));
    expect(found.some((p) => /personoplysninger/.test(p.message))).toBe(true);
    expect(shown(found).replace(/\D/g, "")).not.toContain("0101901234");
    expect(shown(found)).not.toMatch(/010190|1234/);
  });

  it("a version 0 file: an unknown column and an unknown parameter named with a CPR number", () => {
    const v0 = {
      skabelonversion: 0,
      kommune: "Nordby",
      forfatter: "Økonomi",
      dato: "01-05-2026",
      regelsaet: "NY",
      kolonner: { [CPR]: "Borger" },
      scenarier: [{ navn: "Basis", parametre: { [CPR]: 1 } }],
    };
    const found = problems(importObject(v0));
    expect(found.length).toBeGreaterThan(0);
    expect(shown(found)).not.toMatch(/010190|1234/);
  });

  it("a workbook id the export refuses is not repeated either, not even in a scenario's name", () => {
    const out = exportTemplate(
      draft({ scenarios: [{ name: "Sag B00017", note: "om B00017", values: {} }] }),
      { citizenIds: ["B00017"] }
    );
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problems.map((p) => p.where)).toEqual([
      "Scenarie 1 «…» › navn",
      "Scenarie 1 «…» › note",
    ]);
    expect(shown(out.problems)).not.toMatch(/B00017/i);
  });
});

describe("the CPR scan catches the ways a CPR number is written", () => {
  it.each([
    "010190-1234",
    "010190.1234",
    "010190/1234",
    "010190_1234",
    "01.01.90-1234",
    "01 01 90 1234",
    "010190—1234",
    "010190–1234",
    "0101\u200B90-1234",
    "01\u00AD0190-1234",
    "０１０１９０－１２３４",
    "０１０１９０１２３４",
  ])("%s", (text) => {
    expect(hasCprNumber(`Borger ${text} flyttede`)).toBe(true);
    expect(problems(importObject({ ...exported(), author: `Kontakt ${text}` }))[0].message).toMatch(
      /CPR-nummer/
    );
  });

  it("«f. 01.01.1990» is a date of birth", () => {
    expect(hasBirthDate("Borger f. 01.01.1990")).toBe(true);
    expect(hasBirthDate("f.eks. 01.01.2026")).toBe(false);
  });

  it("what only looks like one stays: amounts, phone numbers, periods, dated sources", () => {
    for (const text of [
      "13.500-15.800 ophold",
      "tlf. 12 34 56 78",
      "90 dage fra 01-04-2026",
      "2026-05-01 til 2027-04-30",
      "40.000-130.000 kr.",
      "99 99 99 1234", // no day 99 in a month 99
    ])
      expect(hasCprNumber(text)).toBe(false);
  });
});

describe("the export's citizen-id scan is linear and builds no pattern from data", () => {
  it("200 000 ids: the export in well under a second", () => {
    const ids = Array.from({ length: 200_000 }, (_, i) => `B${String(i + 1).padStart(6, "0")}`);
    const t0 = performance.now();
    expect(exportTemplate(draft(), { citizenIds: ids }).ok).toBe(true);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(exportTemplate(draft({ author: "B199999" }), { citizenIds: ids }).ok).toBe(false);
  });

  it("one id of 100 000 characters neither throws nor hides", () => {
    const long = `K${"x".repeat(99_999)}`;
    expect(exportTemplate(draft(), { citizenIds: [long, "B00017"] }).ok).toBe(true);
    const scanner = new CitizenIdScanner([long]);
    expect(scanner.has(`før ${long} efter`)).toBe(true);
    expect(scanner.has(`før ${long}y efter`)).toBe(false);
  });

  it("ids with punctuation, in any case, hidden by invisible or fullwidth characters", () => {
    const scanner = new CitizenIdScanner(["K-1234", "B00017", "(A-77x)", "2026", "ABC"]);
    expect(scanner.has("sag k-1234.")).toBe(true);
    expect(scanner.has("borger B0\u200B0017")).toBe(true);
    expect(scanner.has("borger Ｂ０００１７")).toBe(true);
    expect(scanner.has("a-77X")).toBe(true);
    expect(scanner.has("K--1234 XB00017 B000170 i 2026 ABC")).toBe(false);
  });

  it("ids that share their words: the automaton's failure links find the later one", () => {
    const scanner = new CitizenIdScanner(["ab-cd-ef", "cd-eg"]);
    expect(scanner.has("ab-cd-eg")).toBe(true);
    expect(scanner.has("ab-cd-e")).toBe(false);
  });
});

describe("names show as what they are", () => {
  it.each([
    ["a right-to-left override", "Basis\u202Egnilpmas", /vender tekstretningen/],
    ["a left-to-right isolate", "\u2066Basis\u2069", /vender tekstretningen/],
    ["a zero-width space", "Ba\u200Bsis", /usynlige tegn/],
    ["a zero-width joiner", "Basis\u200D", /usynlige tegn/],
    ["a line break", "Basis\n2", /kontroltegn/],
    ["a tab", "Basis\t2", /kontroltegn/],
    ["only a Hangul filler", "\u3164", /usynlige tegn/],
    ["only spaces", " \u00A0 ", /kun af mellemrum/],
  ])("a scenario name with %s is refused, and the message shows it by code", (_, name, reason) => {
    expect(nameProblem(name)?.da).toMatch(reason);
    const t = exported();
    t.scenarios[0].name = name;
    const found = problems(importObject(t));
    expect(found.map((p) => p.message)).toContainEqual(expect.stringMatching(reason));
    expect(shown(found)).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200D\u3164]/);
  });

  it("a municipality with a direction override is refused", () => {
    const t = exported();
    t.municipality = "Nordby\u202E Kommune";
    expect(problems(importObject(t))).toEqual([
      {
        where: "Kommune",
        message: expect.stringMatching(
          /^Navnet indeholder usynlige tegn, der vender tekstretningen/
        ),
      },
    ]);
    expect(exportTemplate(draft({ municipality: "\u200B" })).ok).toBe(false);
  });

  it("duplicates are found after NFKC and full case folding: «ＢＡＳＩＳ», «basis  », «STRASSE» and «straße»", () => {
    expect(nameKey("ＢＡＳＩＳ")).toBe("basis");
    expect(sameName("Basis", "basis  ")).toBe(true);
    expect(sameName("STRASSE", "straße")).toBe(true);
    expect(sameName("Basis", "Basis 2")).toBe(false);
    const t = exported();
    t.scenarios[1].name = "ＢＡＳＩＳ";
    expect(problems(importObject(t))[0].message).toMatch(
      /er også brugt af scenarie 1 «Basis».*Unicode-normalisering NFKC/
    );
  });

  it("an import replaces the workbook's scenario whose name is the same after normalisation", () => {
    const template = exported();
    const plan = planImport(template, {
      scenarios: [
        { name: "ＨＯＵＳＩＮＧ  first", values: scenarioParameters(template.scenarios[1]) },
      ],
      columns: {},
    });
    expect(plan.scenarios.map((s) => [s.name, s.action])).toEqual([
      ["Basis", "add"],
      ["Housing First", "unchanged"],
    ]);
  });
});

describe("a file with thousands of problems describes the first hundred and counts the rest", () => {
  it("100 000 {} parameter entries (under 1 MB): refused before the schema reads them, one problem", () => {
    const t = exported() as Record<string, unknown> & Template;
    (t.scenarios[0] as { parameters: unknown[] }).parameters = Array.from(
      { length: 100_000 },
      () => ({})
    );
    const json = JSON.stringify(t);
    expect(json.length).toBeLessThan(TEMPLATE_LIMITS.maxBytes);
    const result = parseTemplate(json);
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          where: "Scenarie 1 «Basis» › parametre",
          message: expect.stringMatching(
            /^Scenariet har 100\.000 parametre; et scenarie har højst 100 \(hver af de \d+ parametre én gang\)$/
          ),
        },
      ],
      total: 1,
    });
  });

  it("the same in a version 0 file, whose parameters are an object", () => {
    const parametre = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`p${i}`, 1]));
    const result = importObject({
      skabelonversion: 0,
      kommune: "Nordby",
      forfatter: "Økonomi",
      dato: "01-05-2026",
      regelsaet: "NY",
      scenarier: [{ navn: "Basis", parametre }],
    });
    expect(problems(result).map((p) => p.message)).toEqual([
      expect.stringMatching(/^Scenariet har 5\.000 parametre/),
    ]);
  });

  it("50 scenarios of 100 {} entries: 5 000 problems, the first 100 described", () => {
    const t = exported() as Record<string, unknown> & Template;
    t.scenarios = Array.from({ length: 50 }, (_, i) => ({
      name: `Scenarie ${i + 1}`,
      parameters: Array.from({ length: 100 }, () => ({})),
    })) as unknown as Template["scenarios"];
    const result = importObject(t);
    if (result.ok) throw new Error("expected a refusal");
    expect(result.total).toBe(5000);
    expect(result.problems).toHaveLength(TEMPLATE_LIMITS.listedProblems);
    expect(result.problems[0]).toEqual({
      where: "Scenarie 1 «Scenarie 1» › parameter nr. 1 › id",
      message: expect.stringMatching(/^Ukendt parameter/),
    });
    expect(result.problems[99].where).toBe("Scenarie 1 «Scenarie 1» › parameter nr. 100 › id");
  });

  it("20 000 keys that only personal data would have: counted, a hundred described", () => {
    const t = exported() as Record<string, unknown> & Template;
    const columns = t.columns as Record<string, unknown>;
    for (let i = 0; i < 20_000; i++) columns[`cpr${i}`] = null;
    const result = importObject(t);
    if (result.ok) throw new Error("expected a refusal");
    // Each key once as personal data; the schema's one problem names ten unknown fields.
    expect(result.total).toBe(20_001);
    expect(result.problems).toHaveLength(100);
    const unknown = result.problems.find((p) => /^Ukendt felt/.test(p.message));
    expect(unknown).toBeUndefined(); // the hundred listed are the personal-data scan's
  });

  it("one object with 50 000 unknown fields: one problem naming ten of them", () => {
    const t = exported() as Record<string, unknown> & Template;
    for (let i = 0; i < 50_000; i++) (t.columns as Record<string, unknown>)[`felt${i}`] = null;
    const found = problems(importObject(t));
    expect(found).toHaveLength(1);
    expect(found[0].message).toMatch(
      /^Ukendt felt «felt0», «felt1», .*«felt9» og 49\.990 andre: en skabelon/
    );
  });
});
