/** The pane's language choice and its number texts. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import { dec } from "../src/engine/money";
import {
  allSaidIn,
  saidIn,
  formatCount,
  formatMoney,
  formatSeconds,
  languageFromQuery,
  languageOf,
  TEXTS,
} from "../taskpane/i18n";

describe("language", () => {
  it("is English when Office's display language is an English locale the function help has, else Danish", () => {
    expect(languageOf("en-US")).toBe("en");
    expect(languageOf("en-GB")).toBe("en");
    expect(languageOf("en-AU")).toBe("en");
    expect(languageOf("EN")).toBe("en");
    // No English function help for it in the manifest, so the pane stays Danish too.
    expect(languageOf("en-ZW")).toBe("da");
    expect(languageOf("da-DK")).toBe("da");
    expect(languageOf("de-DE")).toBe("da");
    expect(languageOf("")).toBe("da");
    expect(languageOf(undefined)).toBe("da");
  });
  it("follows ?lang= in the demo", () => {
    expect(languageFromQuery("?lang=en")).toBe("en");
    expect(languageFromQuery("?stays=50000&lang=en-GB")).toBe("en");
    expect(languageFromQuery("?lang=da")).toBe("da");
    expect(languageFromQuery("")).toBe("da");
  });
  it("has the same texts in both languages", () => {
    expect(Object.keys(TEXTS.en).sort()).toEqual(Object.keys(TEXTS.da).sort());
    expect(TEXTS.da.fieldLabel("dailyRate")).toBe("Takst");
    expect(TEXTS.en.fieldLabel("dailyRate")).toBe("Daily rate");
  });
});

describe("problems in the pane's language", () => {
  it("English where the engine has it, else the Danish text; several on one line", () => {
    const problems = [{ message: "Ugyldig", en: "Invalid" }, { message: "Kun dansk" }];
    expect(allSaidIn("en", problems)).toBe("Invalid; Kun dansk");
    expect(allSaidIn("da", problems)).toBe("Ugyldig; Kun dansk");
    expect(saidIn("en", problems[1])).toBe("Kun dansk");
  });
});

describe("number texts", () => {
  it("shows money to the øre from the exact decimal, with the language's separators", () => {
    expect(formatMoney(dec("57486652"), "da")).toBe("57.486.652,00 kr.");
    // English as the sheets' format #,##0.00 "kr." shows it in English Excel: one format.
    expect(formatMoney(dec("57486652"), "en")).toBe("57,486,652.00 kr.");
    // 2^53 + 1 øre is not a double; the text still shows every digit.
    expect(formatMoney(dec("90071992547409.93"), "da")).toBe("90.071.992.547.409,93 kr.");
    expect(formatMoney(dec("-15500.5"), "da")).toBe("-15.500,50 kr.");
    expect(formatMoney(999.99, "en")).toBe("999.99 kr.");
  });
  it("groups counts and shows seconds with one decimal", () => {
    expect(formatCount(50003, "da")).toBe("50.003");
    expect(formatCount(50003, "en")).toBe("50,003");
    expect(formatSeconds(1449, "da")).toBe("1,4 s");
    expect(formatSeconds(1449, "en")).toBe("1.4 s");
  });
  it("words a sheet the add-in had to rename", () => {
    expect(TEXTS.da.renamedSheet("Refusionsprognose", "Refusionsprognose (2)")).toBe(
      "Du har selv et ark, der hedder «Refusionsprognose». Det er ikke rørt; resultatet står i «Refusionsprognose (2)»."
    );
  });
});

describe("the help pages", () => {
  const ids = (file: string) =>
    [
      ...readFileSync(join(__dirname, "..", "taskpane", file), "utf8").matchAll(/ id="([^"]+)"/g),
    ].map((m) => m[1]);
  it("the English help explains every section the Danish one does, under the same anchors", () => {
    expect(ids("help-en.html")).toEqual(ids("help.html"));
    expect(ids("help.html")).toContain("refusion110");
    expect(TEXTS.en.helpPage).toBe("help-en.html");
    expect(TEXTS.da.helpPage).toBe("help.html");
  });
});
