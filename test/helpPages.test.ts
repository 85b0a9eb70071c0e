/**
 * The help pages' table of the Scenarier parameters is the registry's (src/engine/parameters.ts):
 * every parameter with its name, default and low–high range, in Danish and in English. The table
 * between the markers is generated; when the registry changes, refresh it with
 * `UPDATE_HELP=1 npx jest test/helpPages.test.ts` and read the diff.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "@jest/globals";
import {
  FROM_DATA_TEXT,
  PARAMETERS,
  formatParameterValue,
  type ParameterDef,
} from "../src/engine/parameters";

const UPDATE = process.env.UPDATE_HELP === "1";
const START = "<!-- parametre: genereret af test/helpPages.test.ts -->";
const END = "<!-- parametre: slut -->";

const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const WORDS = {
  da: {
    head: ["Parameter", "Standard", "Lav–høj", "Betydning"],
    baseYear: "tom = sidste hele kalenderår i data",
    none: "–",
    to: " til ",
    reserve: "fra data; reserve",
  },
  en: {
    head: ["Parameter (Danish / English name)", "Default", "Low–high", "Meaning"],
    baseYear: "blank = the last full calendar year in the data",
    none: "–",
    to: " to ",
    reserve: "from data; reserve",
  },
} as const;

function defaultText(def: ParameterDef, language: "da" | "en"): string {
  if (def.default !== null) return formatParameterValue(def, def.default, language);
  return def.estimated ? FROM_DATA_TEXT[language] : WORDS[language].baseYear;
}

/** "−2 % til 2 %": a minus sign, not a hyphen, as in print; a percentage to 0,1 point. */
const between = (def: ParameterDef, low: number, high: number, language: "da" | "en") =>
  [low, high]
    .map((x) => (def.unit === "%" ? Math.round(x * 1000) / 1000 : x))
    .map((x) => formatParameterValue(def, x, language).replace(/^-/, "−"))
    .join(WORDS[language].to);

function rangeText(def: ParameterDef, language: "da" | "en"): string {
  if (def.estimated) {
    const { low, high } = def.estimated.reserve;
    return `${WORDS[language].reserve} ${between(def, low, high, language)}`;
  }
  if (!def.range) return WORDS[language].none;
  return between(def, def.range.low, def.range.high, language);
}

/** The table as the page holds it, indented as the page's other tables. */
function parameterTable(language: "da" | "en"): string {
  const cells = (tag: "th" | "td", texts: readonly string[]) =>
    `      <tr>${texts.map((t) => `<${tag}>${escape(t)}</${tag}>`).join("")}</tr>`;
  const rows = PARAMETERS.map((def) =>
    cells("td", [
      language === "da" ? def.name : `${def.name} / ${def.alias}`,
      defaultText(def, language),
      rangeText(def, language),
      def.label[language],
    ])
  );
  return ["    <table>", cells("th", WORDS[language].head), ...rows, "    </table>"].join("\n");
}

describe.each([
  ["help.html", "da"],
  ["help-en.html", "en"],
] as const)("%s", (page, language) => {
  const file = join(__dirname, "..", "taskpane", page);

  it("lists every parameter of the registry with its default and range", () => {
    const html = readFileSync(file, "utf8");
    const from = html.indexOf(START);
    const to = html.indexOf(END) + END.length;
    expect(from).toBeGreaterThan(0);
    expect(to).toBeGreaterThan(from + END.length);
    const generated = `${START}\n${parameterTable(language)}\n    ${END}`;
    if (UPDATE) writeFileSync(file, html.slice(0, from) + generated + html.slice(to));
    else expect(html.slice(from, to)).toBe(generated);
  });
});
