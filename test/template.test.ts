/**
 * The shared template (src/templates/template.ts): export and import round trip, each refusal
 * (personal data, limits, ranges, versions, structure), the migration from format version 0,
 * and what an import would change.
 */
import fc from "fast-check";
import { describe, expect, it } from "@jest/globals";
import { d } from "../src/engine/calendar";
import {
  DEFAULT_PARAMETERS,
  PARAMETERS,
  parameterById,
  validateParameterValue,
  type ParameterDef,
  type ParameterId,
} from "../src/engine/parameters";
import { RULE_SETS, ruleSetVersion } from "../src/engine/rules";
import {
  TEMPLATE_LIMITS,
  buildTemplate,
  exportTemplate,
  findPersonalData,
  jsonDepth,
  parseTemplate,
  planImport,
  scenarioParameters,
  templateFileName,
  type Template,
  type TemplateDraft,
} from "../src/templates/template";
import { exportedTemplate, importObject, indexOf, problems } from "./fixtures";

const draft = (over: Partial<TemplateDraft> = {}): TemplateDraft => ({
  municipality: "Nordby Kommune",
  author: "Økonomiafdelingen",
  created: d("2026-05-01"),
  ruleSet: "NY",
  columns: {
    citizen: "Borger-ID",
    admission: "Indskrevet",
    discharge: "Udskrevet",
    dailyRate: "Døgntakst",
    selfPayment: null,
    shelter: "Boform",
  },
  scenarios: [
    { name: "Basis", values: {} },
    {
      name: "Housing First",
      note: "Plan for 2027",
      values: { shareMoved: 0.6, supportCost: 95_000, horizon: 10, baseYear: 2025 },
    },
  ],
  ...over,
});

/** A valid exported template as a mutable object, to break on purpose. */
const exported = (over: Partial<TemplateDraft> = {}): Template => exportedTemplate(draft(over));

describe("export then import gives the same template", () => {
  it("two scenarios, a partial column mapping and a derived base year", () => {
    const out = exportTemplate(draft());
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    const back = parseTemplate(out.text);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.template).toEqual(out.template);
    expect(back.notices).toEqual([]);
    expect(scenarioParameters(back.template.scenarios[0])).toEqual(DEFAULT_PARAMETERS);
    expect(scenarioParameters(back.template.scenarios[1])).toEqual({
      ...DEFAULT_PARAMETERS,
      shareMoved: 0.6,
      supportCost: 95_000,
      horizon: 10,
      baseYear: 2025,
    });
    expect(back.template.columns).toEqual({ ...draft().columns, selfPayment: null });
    expect(back.template.scenarios[1].note).toBe("Plan for 2027");
  });

  it("every parameter carries its label, unit and source from the registry, and the maker's own where given", () => {
    const t = buildTemplate(
      draft({
        scenarios: [
          {
            name: "A",
            values: {},
            annotations: { supportCost: { source: "Vores udbud 2026", note: "Inkl. moms" } },
          },
        ],
      })
    );
    const params = t.scenarios[0].parameters;
    expect(params.map((p) => p.id)).toEqual(PARAMETERS.map((p) => p.id));
    for (const p of params) {
      const def = parameterById(p.id);
      expect([p.name, p.unit, p.label]).toEqual([def.name, def.unit, def.label.da]);
    }
    expect(params[indexOf("supportCost")]).toMatchObject({
      source: "Vores udbud 2026",
      note: "Inkl. moms",
      value: 85_000,
    });
    expect(params[indexOf("horizon")].source).toBe(parameterById("horizon").source);
  });

  it("property: any valid parameter values and names survive export and import exactly", () => {
    const valueOf = (def: ParameterDef): fc.Arbitrary<number | null> => {
      const lo = def.min.value;
      const hi = def.max.value;
      const base = def.integer
        ? fc.integer({ min: Math.ceil(lo + (def.min.exclusive ? 1e-9 : 0)), max: Math.floor(hi) })
        : fc.double({
            min: lo,
            max: hi,
            noNaN: true,
            noDefaultInfinity: true,
            minExcluded: def.min.exclusive,
            maxExcluded: def.max.exclusive,
          });
      // JSON has no -0: a template stores 0.
      const plain = base.map((x) => (x === 0 ? 0 : x));
      return def.default === null ? fc.option(plain, { nil: null }) : plain;
    };
    const values = fc
      .record(
        Object.fromEntries(PARAMETERS.map((def) => [def.id, valueOf(def)])) as Record<
          ParameterId,
          fc.Arbitrary<number | null>
        >
      )
      .filter((v) => (v.relapseRate as number) + (v.moveAwayRate as number) <= 1);
    const name = fc
      .string({ minLength: 1, maxLength: 30 })
      // eslint-disable-next-line no-control-regex -- names without control characters or digits
      .filter((s) => /\S/.test(s) && !/[\u0000-\u001f\u007f\d]/.test(s));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(name, values), {
          minLength: 1,
          maxLength: 5,
          selector: ([n]) => n.trim().toLowerCase(),
        }),
        (scenarios) => {
          const out = exportTemplate(
            draft({ scenarios: scenarios.map(([n, v]) => ({ name: n, values: v })) })
          );
          expect(out.ok).toBe(true);
          if (!out.ok) return;
          const back = parseTemplate(out.text);
          expect(back.ok).toBe(true);
          if (!back.ok) return;
          back.template.scenarios.forEach((s, i) => {
            expect(s.name).toBe(scenarios[i][0].trim());
            expect(scenarioParameters(s)).toEqual(scenarios[i][1]);
          });
        }
      ),
      { numRuns: 150 }
    );
  });

  it("suggests a file name from the municipality and the date", () => {
    expect(templateFileName(exported({ municipality: "Ærø Kommune" }))).toBe(
      "skabelon-aeroe-kommune-2026-05-01.json"
    );
  });
});

describe("no personal data: CPR numbers, dates of birth and citizen ids are refused", () => {
  const withNote = (note: string) => {
    const t = exported();
    t.scenarios[1].note = note;
    return t;
  };
  const refusedForPersonalData = (value: unknown) => {
    const found = problems(importObject(value));
    expect(found.some((p) => /personoplysninger/.test(p.message))).toBe(true);
    return found;
  };

  it.each([
    ["ddmmåå-xxxx", "Borger 010190-1234 flyttede i egen bolig"],
    ["ddmmåå xxxx", "se 311299 4321"],
    ["ten digits", "CPR 0101901234"],
    ["ten digits glued to text", "id:3112994321."],
  ])("a CPR number in a note (%s) is refused, and the message does not repeat it", (_, note) => {
    const found = refusedForPersonalData(withNote(note));
    expect(found[0].where).toBe("Scenarie 2 «Housing First» › note");
    expect(found[0].message).toMatch(/CPR-nummer/);
    const digits = note.replace(/\D/g, "");
    for (const p of found)
      expect(`${p.where} ${p.message}`.replace(/\D/g, "")).not.toContain(digits);
  });

  it("a CPR number anywhere: municipality, author, a column header, a parameter's source", () => {
    const t = exported();
    t.municipality = "Kommune 0101901234";
    t.author = "120345-6789";
    t.columns.shelter = "1203456789";
    t.scenarios[0].parameters[indexOf("horizon")].source = "jf. 010203-4567";
    expect(refusedForPersonalData(t).map((p) => p.where)).toEqual([
      "Kommune",
      "Forfatter",
      "Kolonne «Boform»",
      "Scenarie 1 «Basis» › parameter «Horisont» › kilde",
    ]);
  });

  it("a CPR number that lost its leading zero in a number is refused", () => {
    const t = exported();
    (t.scenarios[0].parameters[indexOf("supportCost")] as { value: number }).value = 101901234; // 010190-1234
    const found = refusedForPersonalData(t);
    expect(found[0]).toEqual({
      where: "Scenarie 1 «Basis» › parameter «Bostøtte pr. år» › værdi",
      message: expect.stringMatching(/^Tallet ligner et CPR-nummer/),
    });
  });

  it.each(["Født 12-03-1985", "født den 3. marts 1985", "fødselsdato: 1985-03-12", "DOB 12/03/85"])(
    "a date of birth (%s) is refused",
    (note) => {
      expect(refusedForPersonalData(withNote(note))[0].message).toMatch(/fødselsdato/);
    }
  );

  it("a field only personal data would have (cpr, fødselsdato) is refused as such", () => {
    const t = { ...exported(), borgere: [{ cpr: "x", fødselsdato: "y" }] };
    const found = problems(importObject(t));
    expect(
      found.filter((p) => /hører til personoplysninger/.test(p.message)).map((p) => p.where)
    ).toEqual(["Borgere › nr. 1 › cpr", "Borgere › nr. 1 › fødselsdato"]);
    expect(found.some((p) => p.message.startsWith("Ukendt felt «borgere»"))).toBe(true);
  });

  it("export refuses a note that holds one of the workbook's citizen ids, as a whole word", () => {
    const ids = ["B00017", "B00018", "ABC", "2026", "123456"];
    const out = exportTemplate(
      draft({ scenarios: [{ name: "Basis", note: "Fx borger b00017 i 2025", values: {} }] }),
      { citizenIds: ids }
    );
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.problems).toEqual([
      {
        where: "Scenarie 1 «Basis» › note",
        message: expect.stringMatching(/borger-id fra arbejdsbogens ophold/),
      },
    ]);
    expect(out.problems[0].message).not.toMatch(/b00017/i);
    // Part of a longer word is not the id; short ids and short running numbers look like any figure.
    expect(
      exportTemplate(
        draft({ scenarios: [{ name: "Basis", note: "XB000170 ABC i 2026", values: {} }] }),
        { citizenIds: ids }
      ).ok
    ).toBe(true);
    expect(
      exportTemplate(draft({ scenarios: [{ name: "Basis", note: "sag 123456", values: {} }] }), {
        citizenIds: ids,
      }).ok
    ).toBe(false);
  });

  it("dates that are not dates of birth stay: the template's own date and dated sources", () => {
    expect(findPersonalData(exported())).toEqual([]);
    expect(
      findPersonalData({
        note: "L 64 i kraft 1. oktober 2023; 90 dage fra 01-04-2026; 13.500-15.800 ophold; tlf. 12345678",
      })
    ).toEqual([]);
  });

  it("an export never contains CPR-shaped text: export of a draft with one is refused", () => {
    const out = exportTemplate(draft({ author: "Kontakt 010190-1234" }));
    expect(out.ok).toBe(false);
  });
});

describe("size and shape limits", () => {
  it("a file over 2 MB is refused before it is read", () => {
    const t = exported();
    t.scenarios[0].note = "x".repeat(TEMPLATE_LIMITS.maxBytes);
    expect(problems(importObject(t))).toEqual([
      {
        where: "",
        message: expect.stringMatching(
          /^Filen er for stor: 2\.0\d\d kB\. En skabelon må højst fylde 2\.000 kB \(2 MB\)\.$/
        ),
      },
    ]);
  });

  it("2 MB counts bytes: 800 000 'ø' are 1 600 000 bytes (accepted as size), 1 100 000 are too many", () => {
    const over = JSON.stringify({ ...exported(), padding: "ø".repeat(1_100_000) });
    expect(over.length).toBeLessThan(TEMPLATE_LIMITS.maxBytes);
    expect(problems(parseTemplate(over))[0].message).toMatch(/^Filen er for stor/);
    expect(
      problems(parseTemplate(JSON.stringify({ ...exported(), padding: "ø".repeat(800_000) })))[0]
        .message
    ).toMatch(/^Ukendt felt «padding»/);
  });

  it("deep nesting is refused (and brackets inside strings do not count)", () => {
    const deep = `{"a":${"[".repeat(9)}1${"]".repeat(9)}}`;
    expect(jsonDepth(deep)).toBe(10);
    expect(jsonDepth('{"a":"[[[[[[[[[[{{{{"}')).toBe(1);
    expect(problems(parseTemplate(deep))).toEqual([
      {
        where: "",
        message: "Filen er indlejret for dybt (10 niveauer). En skabelon har højst 8 niveauer.",
      },
    ]);
    // 100 000 levels would overflow a recursive reader; the text scan refuses it first.
    expect(problems(parseTemplate("[".repeat(100_000) + "]".repeat(100_000)))[0].message).toMatch(
      /indlejret for dybt \(100000 niveauer\)/
    );
  });

  it("more than 50 scenarios are refused; 50 are fine", () => {
    const fifty = exported({
      scenarios: Array.from({ length: 50 }, (_, i) => ({ name: `S${i + 1}`, values: {} })),
    });
    expect(importObject(fifty).ok).toBe(true);
    const fiftyOne = {
      ...fifty,
      scenarios: [...fifty.scenarios, { ...fifty.scenarios[0], name: "S51" }],
    };
    expect(problems(importObject(fiftyOne))).toEqual([
      { where: "", message: "Skabelonen har 51 scenarier; højst 50 kan importeres." },
    ]);
    expect(
      exportTemplate(
        draft({
          scenarios: Array.from({ length: 51 }, (_, i) => ({ name: `S${i + 1}`, values: {} })),
        })
      ).ok
    ).toBe(false);
  });

  it("long texts are refused with their length", () => {
    const t = exported();
    t.scenarios[0].name = "n".repeat(101);
    expect(problems(importObject(t))).toEqual([
      {
        where: `Scenarie 1 «${"n".repeat(40)}…» › navn`,
        message: "Må højst være 100 tegn (er 101)",
      },
    ]);
  });
});

describe("numbers outside each parameter's allowed range are refused, in the registry's words", () => {
  /** Just outside each bound (the bound itself when it is exclusive), and a fraction for integers. */
  const outside = (def: ParameterDef): number[] => {
    const step = def.integer ? 1 : 1e-6;
    const values = [
      def.min.exclusive ? def.min.value : def.min.value - step,
      def.max.exclusive ? def.max.value : def.max.value + step,
    ];
    if (def.integer) values.push(def.min.value + 0.5);
    return values;
  };
  // [name, value, def]: the test name shows the value (it printed the whole def before, so the
  // cases of one parameter had the same name).
  const cases = PARAMETERS.flatMap((def) =>
    outside(def).map((value) => [def.name, value, def] as const)
  );

  it.each(cases)("%s = %s is refused", (_, value, def) => {
    const t = exported();
    const i = indexOf(def.id);
    (t.scenarios[1].parameters[i] as { value: number }).value = value;
    const expected = validateParameterValue(def, value);
    expect(expected).toMatchObject({ code: "#VALUE!" });
    const message = (expected as { message: string }).message.replace(`«${def.name}»: `, "");
    expect(problems(importObject(t))).toEqual([
      {
        where: `Scenarie 2 «Housing First» › parameter «${def.name}» › værdi`,
        message: message.charAt(0).toUpperCase() + message.slice(1),
      },
    ]);
  });

  it("each bound itself is accepted when it is inclusive", () => {
    const refused: string[] = [];
    for (const def of PARAMETERS) {
      for (const bound of [def.min, def.max]) {
        if (
          bound.exclusive ||
          (def.id === "relapseRate" && bound === def.max) ||
          (def.id === "moveAwayRate" && bound === def.max)
        )
          continue;
        const t = exported();
        (t.scenarios[0].parameters[indexOf(def.id)] as { value: number }).value = bound.value;
        if (!importObject(t).ok) refused.push(`${def.name} = ${bound.value}`);
      }
    }
    expect(refused).toEqual([]);
  });

  it("text and blanks in a number are refused; only the base year may be blank", () => {
    const t = exported();
    (t.scenarios[0].parameters[indexOf("horizon")] as { value: unknown }).value = "5";
    (t.scenarios[0].parameters[indexOf("supportCost")] as { value: unknown }).value = null;
    (t.scenarios[0].parameters[indexOf("baseYear")] as { value: unknown }).value = null;
    const found = problems(importObject(t));
    expect(found.map((p) => p.where)).toEqual([
      "Scenarie 1 «Basis» › parameter «Horisont» › værdi",
      "Scenarie 1 «Basis» › parameter «Bostøtte pr. år» › værdi",
    ]);
    expect(found[0].message).toBe("«5» er ikke et tal");
    expect(found[1].message).toBe("Værdien mangler");
  });

  it("relapse plus move-away above 100 % a year is refused, as a cell formula would", () => {
    const t = exported();
    (t.scenarios[1].parameters[indexOf("relapseRate")] as { value: number }).value = 0.7;
    (t.scenarios[1].parameters[indexOf("moveAwayRate")] as { value: number }).value = 0.4;
    expect(problems(importObject(t))).toEqual([
      {
        where: "Scenarie 2 «Housing First» › parameter «Fraflytning pr. år» › værdi",
        message: expect.stringMatching(/må højst være 100 % pr\. år/),
      },
    ]);
  });

  it("a unit other than the registry's is refused (3,5 as kr. would be read wrong)", () => {
    const t = exported();
    (t.scenarios[0].parameters[indexOf("discountRate")] as { unit: string }).unit = "kr.";
    expect(problems(importObject(t))).toEqual([
      {
        where: "Scenarie 1 «Basis» › parameter «Diskonteringsrente» › enhed",
        message:
          "Enheden skal være «%» for denne parameter (er «kr.»); ellers kan værdien blive læst forkert",
      },
    ]);
  });
});

describe("versions: version 2 is read, versions 1 and 0 are migrated, others are refused clearly", () => {
  it.each([
    [
      3,
      /^Skabelonen har formatversion 3, som er nyere end denne udgave af tilføjelsesprogrammet \(den læser version 0, 1 og 2\)\. Opdater tilføjelsesprogrammet, eller bed afsenderen om en skabelon i version 2\.$/,
    ],
    ["1", /^Ukendt formatversion «1»/],
    [-1, /^Ukendt formatversion «-1»/],
    [1.5, /^Ukendt formatversion «1.5»/],
  ])("version %j is refused", (version, message) => {
    expect(problems(importObject({ ...exported(), version }))).toEqual([
      { where: "", message: expect.stringMatching(message) },
    ]);
  });

  it("a file without a version, or from another program, is refused", () => {
    const { version: _, ...noVersion } = exported();
    expect(problems(importObject(noVersion))[0].message).toMatch(
      /^Filen mangler sin formatversion \(feltet «version»\)/
    );
    expect(problems(importObject({ ...exported(), format: "noget-andet" }))[0].message).toMatch(
      /^Filen er ikke en skabelon fra Refusion og Housing First/
    );
    expect(problems(parseTemplate("[1, 2]"))[0].message).toBe(
      "Filen er ikke en skabelon: den skal være et JSON-objekt { … }."
    );
    expect(problems(parseTemplate('{"version": 1,'))[0].message).toMatch(
      /^Filen er ikke gyldig JSON/
    );
  });

  const v0 = {
    skabelonversion: 0,
    kommune: "Sydby Kommune",
    forfatter: "Budgetkontoret",
    dato: "15-03-2025",
    regelsaet: "ny",
    kolonner: {
      borger: "CPR-nr.",
      indskrivning: "Startdato",
      udskrivning: "Slutdato",
      takst: "Takst",
    },
    scenarier: [
      {
        navn: "Basis",
        parametre: {
          Horisont: 5,
          Diskonteringsrente: 3.5,
          "Vækst i indskrivninger": 2,
          "Bostøtte pr. år": 60000,
          Basisår: null,
        },
      },
      {
        navn: "Lav tilbagefald",
        note: "Som Odense",
        parametre: {
          "Tilbagefald pr. år": 5,
          "Fraflytning pr. år": 2.5,
          "Andel lange ophold i egen bolig": 50,
        },
      },
    ],
  };

  it("version 0 is migrated: Danish keys, whole percents to fractions, labels, units and sources from the registry", () => {
    const result = importObject(v0);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migratedFrom).toBe(0);
    const t = result.template;
    expect([t.version, t.municipality, t.author, t.created, t.ruleSet.name]).toEqual([
      2,
      "Sydby Kommune",
      "Budgetkontoret",
      "2025-03-15",
      "NY",
    ]);
    expect(t.columns).toEqual({
      citizen: "CPR-nr.",
      admission: "Startdato",
      discharge: "Slutdato",
      dailyRate: "Takst",
      selfPayment: null,
      shelter: null,
    });
    expect(scenarioParameters(t.scenarios[0])).toEqual({
      ...DEFAULT_PARAMETERS,
      horizon: 5,
      discountRate: 0.035,
      admissionGrowth: 0.02,
      supportCost: 60_000,
      baseYear: null,
    });
    expect(scenarioParameters(t.scenarios[1])).toEqual({
      ...DEFAULT_PARAMETERS,
      relapseRate: 0.05,
      moveAwayRate: 0.025,
      shareMoved: 0.5,
    });
    expect(t.scenarios[1].note).toBe("Som Odense");
    expect(t.scenarios[0].parameters[1]).toEqual({
      id: "discountRate",
      name: "Diskonteringsrente",
      label: parameterById("discountRate").label.da,
      unit: "%",
      value: 0.035,
      source: parameterById("discountRate").source,
    });
    expect(result.notices[0]).toMatch(
      /^Skabelonen var i formatversion 0 og er opdateret til version 2/
    );
    expect(
      result.notices.some((n) =>
        /anden udgave af regelsættet NY \(ukendt \(formatversion 0\)\)/.test(n)
      )
    ).toBe(true);
    // Parameters a version 0 scenario left out get the registry's defaults, and the user is told.
    expect(
      result.notices.some((n) =>
        n.startsWith("Scenarie «Lav tilbagefald»: «Basisår» mangler og får standardværdien tom")
      )
    ).toBe(true);
  });

  it("a migrated version 0 file exports as version 1 and reads back the same", () => {
    const first = importObject(v0);
    if (!first.ok) throw new Error("v0 refused");
    const again = parseTemplate(JSON.stringify(first.template));
    expect(again.ok && again.template).toEqual(first.template);
  });

  it("version 0 with an unknown parameter, a bad date or a value out of range after migration is refused", () => {
    const bad = structuredClone(v0) as typeof v0 & {
      scenarier: { parametre: Record<string, number | null> }[];
    };
    bad.dato = "31-02-2025";
    bad.scenarier[0].parametre["Ukendt ting"] = 1;
    bad.scenarier[1].parametre["Tilbagefald pr. år"] = 150;
    const first = problems(importObject(bad));
    expect(first).toEqual([
      { where: "Dato", message: "Skal være en dato som 01-05-2026 (formatversion 0)" },
      {
        where: "Scenarie 1 «Basis» › parameter «Ukendt ting»",
        message: expect.stringMatching(/^Ukendt parameter/),
      },
    ]);
    bad.dato = "01-03-2025";
    delete bad.scenarier[0].parametre["Ukendt ting"];
    expect(problems(importObject(bad))).toEqual([
      {
        where: "Scenarie 2 «Lav tilbagefald» › parameter «Tilbagefald pr. år» › værdi",
        message:
          "Skal ligge fra 0 % og højst 100 % (fik 150 %) (procent skrives 3,5 % eller 0,035)",
      },
    ]);
  });

  it("a version 0 file with CPR numbers is refused like any other", () => {
    const t = { ...v0, forfatter: "Sagsbehandler 010190-1234" };
    expect(problems(importObject(t))[0]).toEqual({
      where: "Forfatter",
      message: expect.stringMatching(/CPR-nummer/),
    });
  });
});

describe("structure: every problem is listed, in Danish, with where it is", () => {
  it("missing, wrong and unknown fields all at once", () => {
    const t = exported() as unknown as Record<string, unknown>;
    delete t.author;
    t.created = "2026-02-30";
    t.extra = true;
    (t.ruleSet as Record<string, unknown>).name = "NYESTE";
    const scenarios = t.scenarios as Record<string, unknown>[];
    scenarios[0].parameters = "alle";
    (scenarios[1].parameters as Record<string, unknown>[])[0].id = "growth";
    expect(problems(importObject(t))).toEqual([
      { where: "Forfatter", message: "Feltet mangler" },
      { where: "Dato", message: "Skal være en gyldig dato skrevet som 2026-05-01" },
      {
        where: "Regelsæt › navn",
        message: "Skal være «NY», «NY-VINDUE» eller «GAMMEL» (er «NYESTE»)",
      },
      {
        where: "Scenarie 1 «Basis» › parametre",
        message: "Skal være en liste [ … ], ikke en tekst",
      },
      {
        where: "Scenarie 2 «Housing First» › parameter nr. 1 › id",
        message: expect.stringMatching(
          /^Ukendt parameter «growth»; kendte parametre: baseYear, horizon/
        ),
      },
      {
        where: "",
        message: "Ukendt felt «extra»: en skabelon indeholder kun de felter, formatet beskriver",
      },
    ]);
  });

  it("two scenarios with one name, a parameter twice, one header for two fields", () => {
    const t = exported();
    t.scenarios[1].name = " basis ";
    t.scenarios[0].parameters.push(t.scenarios[0].parameters[0]);
    t.columns.discharge = "indskrevet";
    expect(problems(importObject(t))).toEqual([
      {
        where: "Scenarie 2 « basis » › navn",
        message:
          "Navnet « basis » er også brugt af scenarie 1 «Basis»; hvert scenarie skal have sit eget navn (navne sammenlignes efter Unicode-normalisering NFKC, uden forskel på store og små bogstaver og mellemrum)",
      },
      {
        where: "Scenarie 1 «Basis» › parameter «Basisår»",
        message: "Parameteren står to gange i scenariet",
      },
      {
        where: "Kolonne «Udskrivning»",
        message:
          "Overskriften «indskrevet» er også valgt til «Indskrivning»; én kolonne kan kun have én betydning",
      },
    ]);
  });

  it("control characters and blank names are refused; a template needs a scenario", () => {
    const t = exported();
    t.municipality = "Nordby\u0007";
    t.scenarios[0].name = "   ";
    expect(problems(importObject(t)).map((p) => `${p.where}: ${p.message}`)).toEqual([
      "Kommune: Navnet indeholder kontroltegn (fx linjeskift eller tabulator); skriv det på én linje",
      "Scenarie 1 › navn: Navnet består kun af mellemrum eller usynlige tegn",
    ]);
    expect(problems(importObject({ ...exported(), scenarios: [] }))).toEqual([
      { where: "Scenarier", message: "Skabelonen skal have mindst ét scenarie" },
    ]);
  });

  it("text that Excel would read as a formula is kept as it is: it is data, and the workbook writes it as text", () => {
    const names = ['=HYPERLINK("http://x";"klik")', "+45 1234 5678", "-10 % i 2027", "@SUM(A1)"];
    const result = importObject(
      exported({ scenarios: names.map((name) => ({ name, note: name, values: {} })) })
    );
    expect(result.ok && result.template.scenarios.map((s) => [s.name, s.note])).toEqual(
      names.map((n) => [n, n])
    );
  });
});

describe("the rule data's version", () => {
  it("differs between the rule sets and changes when the data changes", () => {
    const ny = ruleSetVersion(RULE_SETS.NY);
    expect(ny).toMatch(/^regeldata-[0-9a-f]{8}$/);
    expect(ruleSetVersion(RULE_SETS.GAMMEL)).not.toBe(ny);
    expect(ruleSetVersion(RULE_SETS["NY-VINDUE"])).not.toBe(ny);
    expect(ruleSetVersion(structuredClone(RULE_SETS.NY))).toBe(ny);
  });

  it("a template made with other rule data imports with a notice", () => {
    const t = exported();
    t.ruleSet.version = "regeldata-00000000";
    const result = importObject(t);
    expect(result.ok && result.notices).toEqual([
      `Skabelonen er lavet med en anden udgave af regelsættet NY (regeldata-00000000) end denne (${ruleSetVersion(RULE_SETS.NY)}). Parametrene importeres; beregningerne følger de regler, der er indbygget her.`,
    ]);
  });
});

describe("what an import changes", () => {
  it("adds new scenarios, replaces those with the same name (listing the changed values), keeps the others", () => {
    const t = exported();
    const plan = planImport(t, {
      scenarios: [
        { name: "Egen", values: { ...DEFAULT_PARAMETERS } },
        { name: "basis", values: { ...DEFAULT_PARAMETERS } },
        {
          name: "Housing First",
          values: { ...DEFAULT_PARAMETERS, shareMoved: 0.6, horizon: 10, baseYear: 2025 },
        },
      ],
      columns: {
        citizen: "Borger-ID",
        admission: "Startdato",
        discharge: "Udskrevet",
        dailyRate: "Døgntakst",
        selfPayment: "Egenbetaling",
        shelter: null,
      },
    });
    expect(plan.scenarios.map((s) => [s.name, s.action])).toEqual([
      ["Basis", "unchanged"],
      ["Housing First", "replace"],
      ["Egen", "keep"],
    ]);
    expect(plan.scenarios[1]).toMatchObject({
      changes: [
        { id: "supportCost", name: "Bostøtte pr. år", from: "85.000 kr./år", to: "95.000 kr./år" },
      ],
    });
    expect(plan.columns).toEqual([
      { field: "admission", label: "Indskrivning", from: "Startdato", to: "Indskrevet" },
      { field: "selfPayment", label: "Egenbetaling", from: "Egenbetaling", to: null },
      { field: "shelter", label: "Boform", from: null, to: "Boform" },
    ]);
    expect(planImport(t, { scenarios: [], columns: {} }).scenarios.map((s) => s.action)).toEqual([
      "add",
      "add",
    ]);
  });
});

describe("the citizen id check is quick on a large workbook", () => {
  it("50 000 citizen ids: export in well under a second", () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => `B${String(i + 1).padStart(5, "0")}`);
    const t0 = performance.now();
    expect(exportTemplate(draft(), { citizenIds: ids }).ok).toBe(true);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(exportTemplate(draft({ author: "B49999" }), { citizenIds: ids }).ok).toBe(false);
  });
});
