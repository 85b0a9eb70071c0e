/**
 * The personal-data guard (src/privacy): issue 25's repros refused in every place a template
 * carries text, dates and amounts passed, the CPR rules (century digit, leap days, modulus 11
 * for a date written as a date), masking in the text as written (the comparison sheet), and
 * scenario names refused, never repeated.
 */
import { describe, expect, it } from "@jest/globals";
import { d } from "../src/engine/calendar";
import { DEFAULT_PARAMETERS } from "../src/engine/parameters";
import { MemoryWorkbook } from "../src/demo/memoryWorkbook";
import { birthYear, modulus11 } from "../src/privacy/cpr";
import {
  PersonalDataGuard,
  hasCprNumber,
  isCprNumber,
  maskPersonalData,
  maskedNotice,
  personalDataIn,
} from "../src/privacy/personalData";
import { scanText } from "../src/privacy/scanText";
import { exportTemplate, type Template, type TemplateDraft } from "../src/templates/template";
import { compareScenarios, type Comparison } from "../src/sheets/scenarios/compare";
import {
  createOrUpdate,
  readModel,
  saveActiveAs,
  writeComparison,
} from "../src/sheets/scenarios/scenarioStore";
import { exportedTemplate, importObject, indexOf, problems, stay } from "./fixtures";

/** A number's digits in another script: its zero's code point. */
const inScript = (text: string, zero: number) =>
  text.replace(/[0-9]/g, (c) => String.fromCodePoint(zero + Number(c)));

/** Issue 25's forms of 010190-1234 that templates accepted, and kin. */
const REFUSED: [string, string][] = [
  ["spaces around the hyphen", "010190 - 1234"],
  ["a space between every digit", "0 1 0 1 9 0 1 2 3 4"],
  ["day, month and year apart, the serial in two", "01 01 90-12 34"],
  ["the year in full", "01-01-1990-1234"],
  ["a percent-encoded hyphen", "010190%2D1234"],
  ["an HTML decimal reference", "010190&#45;1234"],
  ["an HTML hexadecimal reference", "010190&#x2d;1234"],
  ["&minus;", "010190&minus;1234"],
  ["encoded twice", "010190%252D1234"],
  ["an escaped ampersand", "010190&amp;#45;1234"],
  ["a UTF-8 en dash, percent-encoded", "010190%E2%80%931234"],
  ["a JavaScript escape", "010190\\u002D1234"],
  ["every digit percent-encoded", "%30%31%30%31%39%30%2D%31%32%33%34"],
  ["Arabic-Indic digits", inScript("010190-1234", 0x660)],
  ["Extended Arabic-Indic digits", inScript("010190-1234", 0x6f0)],
  ["Devanagari digits", inScript("010190-1234", 0x966)],
  ["Bengali digits", inScript("010190-1234", 0x9e6)],
  ["Thai digits", inScript("010190-1234", 0xe50)],
  ["mathematical bold digits", inScript("010190-1234", 0x1d7ce)],
  ["fullwidth digits", inScript("010190-1234", 0xff10)],
  ["a combining mark on a digit", "01\u03010190\u0301-1234"],
  ["a non-breaking hyphen", "010190\u20111234"],
  ["a minus sign", "010190\u22121234"],
  ["a dot date and a hyphen", "01.01.90-1234"],
  ["all spaces", "01 01 90 1234"],
  ["one number", "0101901234"],
];

/** Text with dates and amounts of the same shapes: none is a CPR number. */
const PASSED = [
  "Pr. 31.12.23 1200 kr.",
  "Pr. 31.12.23 1.200,50 kr.",
  "31.12.23",
  "1.200,50 kr.",
  "2026-05-01",
  "2026-05-01 til 2027-04-30",
  "Periode 01.01.26-31.12.26",
  "01.01.05-03.04.2026",
  "31.12.23 10.30",
  "Budget 31.12.2023 1200",
  "31.12.2023-1200", // a serial of the 1900s after a year of 2023
  "3.112.231.200 kr.",
  "1 234 567 890 kr.",
  "tlf. 12 34 56 78",
  "+45 31 12 23 12",
  "40.000-130.000 kr.",
  "13.500-15.800 ophold",
  "SBST 2024, tabel 3.1, s. 12",
];

const draft = (over: Partial<TemplateDraft> = {}): TemplateDraft => ({
  municipality: "Nordby Kommune",
  author: "Økonomiafdelingen",
  created: d("2026-05-01"),
  ruleSet: "NY",
  columns: { citizen: "Borger-ID", admission: "Indskrevet", discharge: "Udskrevet" },
  scenarios: [{ name: "Basis", values: {} }],
  ...over,
});

/** Where a template carries free text a user wrote. */
const PLACES: [string, (t: Template, text: string) => void][] = [
  [
    "a range's source",
    (t, text) =>
      ((
        t.scenarios[0].parameters[indexOf("supportCost")] as { range: { source: string } }
      ).range.source = text),
  ],
  [
    "a parameter's note",
    (t, text) => (t.scenarios[0].parameters[indexOf("supportCost")].note = text),
  ],
  ["a scenario's note", (t, text) => (t.scenarios[0].note = text)],
];

const shown = (found: { where: string; message: string }[]) =>
  found.map((p) => `${p.where} ${p.message}`).join("\n");

describe("issue 25: a template with a CPR number in any written form is refused", () => {
  describe.each(PLACES)("in %s", (_, put) => {
    it.each(REFUSED)("%s", (_, form) => {
      const t = exportedTemplate(draft());
      put(t, `Sag ${form} jf. aftale`);
      const found = problems(importObject(t));
      expect(found.map((p) => p.message)).toContainEqual(expect.stringMatching(/CPR-nummer/));
      // Never repeated, in any form.
      expect(shown(found)).not.toContain(form);
      expect(hasCprNumber(shown(found))).toBe(false);
    });

    it.each(PASSED)("«%s» passes", (text) => {
      const t = exportedTemplate(draft());
      put(t, text);
      expect(importObject(t).ok).toBe(true);
    });
  });

  it("the export refuses them too", () => {
    for (const [, form] of REFUSED) {
      const out = exportTemplate(draft({ scenarios: [{ name: "Basis", note: form, values: {} }] }));
      expect(out.ok).toBe(false);
    }
  });

  it("a version 3112991234 is refused without repeating the number, as a number or a text", () => {
    for (const version of [3112991234, "3112991234", "311299-1234"]) {
      const found = problems(importObject({ ...exportedTemplate(draft()), version }));
      expect(found.length).toBeGreaterThan(0);
      expect(shown(found).replace(/\D/g, "")).not.toContain("3112991234");
    }
  });

  it("a value the registry's message would print is hidden, also as an amount (3.112.991.234)", () => {
    const t = exportedTemplate(draft());
    t.scenarios[0].parameters[indexOf("horizon")].value = 3112991234;
    const found = problems(importObject(t));
    expect(found.map((p) => p.message)).toEqual([
      expect.stringMatching(/^Tallet ligner et CPR-nummer/),
      expect.stringMatching(/^Skal ligge fra 1 år og højst 30 år \(fik … år\)$/),
    ]);
  });
});

describe("the CPR rules", () => {
  it("the century comes from the 7th digit (CPR-kontoret's table)", () => {
    expect([0, 1, 2, 3].map((c) => birthYear(90, c))).toEqual([1990, 1990, 1990, 1990]);
    expect([4, 9].map((c) => birthYear(36, c))).toEqual([2036, 2036]);
    expect([4, 9].map((c) => birthYear(37, c))).toEqual([1937, 1937]);
    expect([5, 6, 7, 8].map((c) => birthYear(57, c))).toEqual([2057, 2057, 2057, 2057]);
    expect(birthYear(58, 5)).toBe(1858);
  });

  it("29 February is a date only in a leap year of the century the 7th digit gives", () => {
    expect(hasCprNumber("290200-4234")).toBe(true); // 2000
    expect(hasCprNumber("290200-1234")).toBe(false); // 1900
    expect(hasCprNumber("310490-1234")).toBe(false); // no 31 April
    expect(isCprNumber(2902004234)).toBe(true);
    expect(isCprNumber(2902001234)).toBe(false);
    expect(isCprNumber(101901234)).toBe(true); // 010190-1234 without its leading zero
  });

  it("a year in full must be in the 7th digit's century", () => {
    expect(hasCprNumber("01-01-1990-1234")).toBe(true);
    expect(hasCprNumber("01-01-2090-1234")).toBe(false);
    expect(hasCprNumber("01-01-2020-4234")).toBe(true);
  });

  it("a date written as a date, a space and four digits is a CPR number when modulus 11 holds and no amount follows", () => {
    expect(modulus11("0101901009")).toBe(true);
    expect(modulus11("0101901234")).toBe(false);
    expect(hasCprNumber("Sag 01.01.90 1009")).toBe(true);
    expect(hasCprNumber("Pr. 01.01.90 1009 kr.")).toBe(false);
    expect(hasCprNumber("Sag 01.01.90 1234")).toBe(false);
    // With a hyphen, or as one number, a valid date is enough: numbers since 2007 may fail modulus 11.
    expect(hasCprNumber("Sag 01.01.90-1234")).toBe(true);
    expect(hasCprNumber("Sag 0101901234")).toBe(true);
  });

  it("ten digits inside a longer number are not one", () => {
    expect(hasCprNumber("12345010190123456")).toBe(false);
    expect(hasCprNumber("Sag 42 010190-1234")).toBe(true);
  });
});

describe("the scan text", () => {
  it("maps each character back to where it was written", () => {
    const original = "a&#48;٣%2D";
    expect(scanText(original)).toEqual({ text: "a03-" });
    const scan = scanText(original, true);
    expect(scan.text).toBe("a03-");
    expect(scan.from).toEqual([0, 1, 6, 7]);
    expect(scan.to).toEqual([1, 6, 7, 10]);
  });

  it("leaves a text with nothing to fold or decode as it is, without a map", () => {
    expect(scanText("Pr. 31.12.23 1200 kr.")).toEqual({ text: "Pr. 31.12.23 1200 kr." });
  });
});

describe("masking", () => {
  it("replaces each find in the text as written, whatever its encoding, and keeps the rest", () => {
    expect(maskPersonalData("Sag 010190&#45;1234, jf. 01 01 90-12 34.")).toEqual({
      text: "Sag XXXXXX-XXXX, jf. XXXXXX-XXXX.",
      found: ["cpr"],
    });
    expect(maskPersonalData(`Borger ${inScript("010190-1234", 0x966)} flyttede`).text).toBe(
      "Borger XXXXXX-XXXX flyttede"
    );
    expect(maskPersonalData("Borger født 12-03-1985, Pr. 31.12.23 1200 kr.").text).toBe(
      "Borger født XX.XX.XXXX, Pr. 31.12.23 1200 kr."
    );
  });

  it("the guard masks the stays' citizen ids too, and remembers what it masked", () => {
    const guard = new PersonalDataGuard(["B00017", "K-1234"]);
    expect(guard.cell("Sag B00017 og k-1234")).toBe("Sag XXXX og XXXX");
    expect(guard.cell(1234)).toBe(1234);
    expect(guard.kinds).toEqual(["id"]);
    expect(guard.cell("0 1 0 1 9 0 1 2 3 4")).toBe("XXXXXX-XXXX");
    expect(guard.kinds).toEqual(["cpr", "id"]);
  });

  it("the pane's notice names the kinds and the mask, never a value", () => {
    const notice = maskedNotice(["cpr", "id"]);
    expect(notice.da).toMatch(/ligner et CPR-nummer og et borger-id fra opholdene.*XXXXXX-XXXX/);
    expect(notice.en).toMatch(/looks like a CPR number and a citizen id from the stays/);
  });
});

describe("a scenario name", () => {
  it.each([
    ["010190-1234", "cpr"],
    [inScript("010190 - 1234", 0x660), "cpr"],
    ["Borger f. 01.01.1990", "birth"],
  ])("«%s» is not saved, and the refusal does not repeat it", async (name, kind) => {
    expect(personalDataIn(name)).toBe(kind);
    const workbook = new MemoryWorkbook();
    await createOrUpdate(workbook, null);
    const result = await saveActiveAs(workbook, name);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0].message).toMatch(/må ikke indeholde personoplysninger/);
    expect(result.errors[0].en).toMatch(/must not hold personal data/);
    expect(JSON.stringify(result.errors)).not.toContain(name);
    expect((await readModel(workbook))!.model.saved.map((s) => s.name)).not.toContain(name);
  });

  it("«Pr. 31.12.23 1200 kr.» is a name like any other", async () => {
    const workbook = new MemoryWorkbook();
    await createOrUpdate(workbook, null);
    expect((await saveActiveAs(workbook, "Pr. 31.12.23 1200 kr.")).ok).toBe(true);
  });
});

describe("the comparison sheet", () => {
  const stays = [
    stay("R1", "2027-03-01", null, 1500),
    stay("B00017", "2028-01-10", null, 1400),
    stay("S2", "2029-09-01", "2029-12-10", 1200),
  ];
  const parameters = { ...DEFAULT_PARAMETERS, baseYear: 2029, horizon: 5 };
  const comparison: Comparison = compareScenarios(stays, [
    {
      name: "Sag 010190&#45;1234",
      parameters,
      ranges: { relapseRate: { low: 0, high: 0.6, source: "Borger 0 1 0 1 9 0 1 2 3 4" } },
    },
    { name: "b00017", parameters },
  ]);
  const texts = (values: unknown[][][]) =>
    values
      .flat(2)
      .filter((v) => typeof v === "string")
      .join(" ");

  it("masks personal data in names, deleted names and range sources, charts too, and says what it masked", async () => {
    const workbook = new MemoryWorkbook();
    const written = await writeComparison(
      workbook,
      comparison,
      ["Gammel 01.01.90-1234"],
      stays.map((s) => s.citizen)
    );
    expect(written.masked).toEqual(["cpr", "id"]);
    const sheet = workbook.getSheet(written.sheet)!;
    const all = texts([sheet.values]);
    expect(all).toContain("Sag XXXXXX-XXXX");
    expect(all).toContain("Borger XXXXXX-XXXX");
    expect(all).toContain("«Gammel XXXXXX-XXXX»");
    expect(all).not.toMatch(/b00017/i);
    expect(hasCprNumber(all)).toBe(false);
    const series = sheet.charts.flatMap((c) => c.series.map((s) => s.name)).join(" ");
    expect(series).not.toMatch(/1234|b00017/i);
  });
});
