/**
 * The custom functions' metadata as Excel reads it, made from what custom-functions-metadata
 * generates from src/functions/registered.ts (ids, argument types, optional arguments, result
 * shapes) and the texts of src/functions/catalog.ts: functions.json in Danish (the manifest's
 * default locale) and functions-en.json in English (its en-US Override). Both get
 * - `allowErrorForDataTypeAny: true`, so an error cell inside an input range reaches the
 *   function and only its row gets an error. It is a top-level property that the generator
 *   cannot emit ("can only be used with manually created JSON metadata",
 *   https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors; top level:
 *   https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-json#allowerrorfordatatypeany);
 * - the help URL of each function's section of the help page in that language (help.html,
 *   help-en.html) under the add-in's base URL;
 * - no `allowCustomDataForDataTypeAny`, which the generator always writes: it opts into data
 *   types (CustomFunctionsRuntime 1.4, which no perpetual Office supports,
 *   https://learn.microsoft.com/javascript/api/requirement-sets/excel/custom-functions-requirement-sets),
 *   nothing here uses data types, and together with allowErrorForDataTypeAny it crashes
 *   volume-licensed Office 2021 (https://github.com/OfficeDev/office-js/issues/4385).
 * Names stay the ids in both languages: only descriptions and argument names are translated.
 */
import { FUNCTION_TEXTS, type FunctionText } from "../src/functions/catalog";

export interface ParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: ParameterMetadata[];
  result: { type?: string; dimensionality?: string };
  options?: Record<string, unknown>;
}

export interface Metadata {
  allowCustomDataForDataTypeAny?: boolean;
  allowErrorForDataTypeAny?: boolean;
  functions: FunctionMetadata[];
}

export type Language = "da" | "en";

/** The metadata files the build writes, by language. */
export const METADATA_FILES: Record<Language, string> = {
  da: "functions.json",
  en: "functions-en.json",
};

/** The help page in each language: the same sections under the same anchors. */
export const HELP_PAGES: Record<Language, string> = { da: "help.html", en: "help-en.html" };

const camelCase = (snake: string) => snake.replace(/_(\w)/g, (_, c: string) => c.toUpperCase());

function textsFor(f: FunctionMetadata): FunctionText {
  const texts = (FUNCTION_TEXTS as Record<string, FunctionText | undefined>)[f.id];
  if (!texts) throw new Error(`catalog.ts has no texts for the custom function ${f.id}`);
  const names = f.parameters.map((p) => p.name);
  const catalogNames = texts.args.map((a) => camelCase(a.name.en));
  if (names.join() !== catalogNames.join()) {
    throw new Error(
      `${f.id}: catalog.ts lists the arguments ${catalogNames.join(", ")} but registered.ts declares ${names.join(", ")}`
    );
  }
  return texts;
}

/** The generated metadata with the texts of `language`, the error flag and help URLs. */
export function localizeMetadata(
  generated: Metadata,
  language: Language,
  baseUrl: string
): Metadata {
  const known = new Set(generated.functions.map((f) => f.id));
  const extra = Object.keys(FUNCTION_TEXTS).filter((id) => !known.has(id));
  if (extra.length > 0)
    throw new Error(`catalog.ts has texts for functions that are not registered: ${extra}`);
  const { allowCustomDataForDataTypeAny: _dataTypes, ...rest } = generated;
  return {
    ...rest,
    allowErrorForDataTypeAny: true,
    functions: generated.functions.map((f) => {
      const texts = textsFor(f);
      return {
        ...f,
        description: texts.description[language],
        helpUrl: `${baseUrl}${HELP_PAGES[language]}#${f.id.toLowerCase()}`,
        parameters: f.parameters.map((p, i) => ({
          ...p,
          name: texts.args[i].name[language],
          description: texts.args[i].description[language],
        })),
      };
    }),
  };
}
