/**
 * The schema's issues in Danish: what is wrong at a path (the path is said separately), in the
 * registry's words for a parameter's value or range, so a template and a cell formula refuse the
 * same values with the same words.
 */
import { z } from "zod";
import { PARAMETERS, findParameter, validateParameterValue } from "../engine/parameters";
import { NAME_PATTERN, nameProblem } from "./names";
import { at, quoted, type TemplatePath } from "./problems";
import { NOT_BLANK, TEMPLATE_FORMAT } from "./schema";

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: "en tekst",
  number: "et tal",
  int: "et helt tal",
  boolean: "SAND/FALSK",
  object: "et objekt { … }",
  array: "en liste [ … ]",
  null: "tom (null)",
};

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "en liste";
  if (typeof value === "string") return "en tekst";
  if (typeof value === "number") return "et tal";
  if (typeof value === "boolean") return "SAND/FALSK";
  return "et objekt";
}

/** Unknown fields named in one message; the rest are counted. */
const KEYS_LISTED = 10;

/** The issue's own Danish message: what is wrong at its path (the path is said separately). */
export function issueMessage(issue: z.core.$ZodIssue, raw: unknown): string {
  const input = at(raw, issue.path as TemplatePath);
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case "invalid_type":
      if (input === undefined) return "Feltet mangler";
      return `Skal være ${TYPE_NAMES[issue.expected] ?? issue.expected}, ikke ${kindOf(input)}`;
    case "too_big":
      if (issue.origin === "string")
        return `Må højst være ${issue.maximum} tegn (er ${String(input).length})`;
      if (issue.origin === "array") return `Højst ${issue.maximum} scenarier`;
      return `Må højst være ${issue.maximum}`;
    case "too_small":
      if (issue.origin === "array") return "Skabelonen skal have mindst ét scenarie";
      return `Skal være mindst ${issue.minimum}`;
    case "invalid_format":
      if (issue.format === "date") return "Skal være en gyldig dato skrevet som 2026-05-01";
      if (
        issue.format === "regex" &&
        "pattern" in issue &&
        String(issue.pattern) === String(NOT_BLANK)
      )
        return "Må ikke være tom";
      if (
        issue.format === "regex" &&
        "pattern" in issue &&
        String(issue.pattern) === String(NAME_PATTERN)
      )
        return nameProblem(String(input))?.da ?? "Er ikke et gyldigt navn";
      return "Indeholder kontroltegn, som ikke hører hjemme i en skabelon";
    case "unrecognized_keys": {
      const listed = issue.keys.slice(0, KEYS_LISTED).map((k) => quoted(k));
      const more = issue.keys.length - listed.length;
      return `Ukendt felt ${listed.join(", ")}${more > 0 ? ` og ${more.toLocaleString("da-DK")} andre` : ""}: en skabelon indeholder kun de felter, formatet beskriver`;
    }
    case "invalid_value": {
      if (last === "format")
        return `Filen er ikke en skabelon fra Refusion og Housing First (forventede format ${quoted(TEMPLATE_FORMAT)})`;
      if (last === "unit")
        return `Enheden skal være ${quoted(String(issue.values[0]))} for denne parameter (er ${quoted(String(input))}); ellers kan værdien blive læst forkert`;
      const options = issue.values.map((v) => quoted(String(v)));
      return `Skal være ${options.slice(0, -1).join(", ")}${options.length > 1 ? " eller " : ""}${options[options.length - 1]} (er ${quoted(String(input))})`;
    }
    case "invalid_union":
      if (last === "id")
        return `Ukendt parameter ${quoted(String(input))}; kendte parametre: ${PARAMETERS.map((p) => p.id).join(", ")}`;
      return "Har ikke en gyldig form";
    default:
      return (
        z.locales
          .da()
          .localeError(issue as never)
          ?.toString() ?? issue.message
      );
  }
}

/**
 * Range and type problems of a parameter value, or of a range's low or high, in the registry's
 * words (without its name: the path says it).
 */
export function valueMessage(path: TemplatePath, raw: unknown): string | undefined {
  const last = path[path.length - 1];
  const entry =
    last === "value"
      ? path.slice(0, -1)
      : path[path.length - 2] === "range"
        ? path.slice(0, -2)
        : undefined;
  if (!entry || (last !== "value" && last !== "low" && last !== "high")) return undefined;
  const id = at(raw, [...entry, "id"]);
  const def = typeof id === "string" ? findParameter(id) : undefined;
  if (!def || def.id !== id) return undefined;
  const input = at(raw, path);
  const checked = validateParameterValue(def, input);
  if (checked === null || typeof checked !== "object") return undefined;
  // The registry quotes a text value for cells; here every quoted value goes through quoted().
  const message = checked.message.replace(/^«[^»]*»: /, "");
  const own = typeof input === "string" ? message.replace(`«${input}»`, quoted(input)) : message;
  return own.replace(/^./, (c) => c.toUpperCase());
}
