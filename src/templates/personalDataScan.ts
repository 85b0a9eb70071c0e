/**
 * A template's personal data, found before anything else is read: every key, text and number
 * through the guard the sheets use too (src/privacy/personalData.ts). Such a template is refused,
 * never cleaned, and no message repeats the value.
 */
import { CitizenIdScanner, isCprNumber, personalDataIn } from "../privacy/personalData";
import {
  Problems,
  finishProblem,
  problem,
  quoted,
  type TemplatePath,
  type TemplateProblem,
} from "./problems";

/** Keys that only personal data would have. */
const PERSONAL_KEY = /cpr|personnummer|personnr|fødsel|birth|dob|borgerid|citizenid/i;

const PERSONAL_TEXT: Readonly<Record<"cpr" | "birth" | "id", (isKey: boolean) => string>> = {
  cpr: (isKey) =>
    `${isKey ? "Et feltnavn" : "Teksten"} indeholder noget, der ligner et CPR-nummer (ddmmåå-xxxx eller 10 cifre)`,
  birth: () => "Teksten ligner en fødselsdato",
  id: () => "Teksten indeholder et borger-id fra arbejdsbogens ophold",
};

/** findPersonalData before its messages are finished. */
export function scanPersonalData(raw: unknown, ids: CitizenIdScanner, found: Problems): void {
  const report = (path: TemplatePath, what: string) =>
    found.add(() =>
      problem(
        raw,
        path,
        `${what}. En skabelon må ikke indeholde personoplysninger; fjern det og prøv igen.`
      )
    );
  const checkText = (s: string, path: TemplatePath, isKey: boolean) => {
    const kind = personalDataIn(s, ids);
    if (kind) report(path, PERSONAL_TEXT[kind](isKey));
    else if (isKey && PERSONAL_KEY.test(s))
      report(path, `Feltet ${quoted(s)} hører til personoplysninger`);
  };
  const walk = (node: unknown, path: (string | number)[]) => {
    if (typeof node === "string") checkText(node, path, false);
    else if (typeof node === "number") {
      if (isCprNumber(node)) report(path, "Tallet ligner et CPR-nummer (10 cifre)");
    } else if (Array.isArray(node)) node.forEach((x, i) => walk(x, [...path, i]));
    else if (node !== null && typeof node === "object") {
      for (const [key, value] of Object.entries(node)) {
        checkText(key, [...path, key], true);
        walk(value, [...path, key]);
      }
    }
  };
  walk(raw, []);
}

/**
 * Every place in a parsed file that holds personal data: CPR numbers in any written form, dates
 * of birth, keys that only personal data would have, and (when given) any of the workbook's own
 * citizen ids as a whole word. Messages say where and what kind, never the value.
 */
export function findPersonalData(
  raw: unknown,
  citizenIds: Iterable<string> = []
): TemplateProblem[] {
  const ids = new CitizenIdScanner(citizenIds);
  const found = new Problems();
  scanPersonalData(raw, ids, found);
  return found.listed.map((p) => finishProblem(p, ids));
}
