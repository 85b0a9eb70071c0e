/**
 * The requirement sets the add-in uses, checked when it starts in Excel, so that an Excel too
 * old for it says so in plain words instead of failing at the first write. manifest.xml declares
 * the same sets ("If the Office application or platform doesn't support the requirement sets…
 * the add-in won't run", https://learn.microsoft.com/office/dev/add-ins/develop/specify-office-hosts-and-api-requirements),
 * and the pane checks them again with isSetSupported
 * (https://learn.microsoft.com/office/dev/add-ins/develop/specify-api-requirements-runtime) for a
 * client that loads it anyway (a sideloaded manifest, a client that does not apply the list):
 * - ExcelApi 1.12: worksheet custom properties mark the add-in's own sheets
 *   (src/office/excelWorkbook.ts; the newest Excel API it uses);
 * - SharedRuntime 1.1: the pane and the functions share one runtime, and Office.addin's
 *   visibility event lets the pane wait until it is shown;
 * - CustomFunctionsRuntime 1.2: CustomFunctions.Error, the functions' error values with a
 *   message (https://learn.microsoft.com/javascript/api/requirement-sets/excel/custom-functions-requirement-sets).
 * All three are in Microsoft 365, Excel 2021 and later, Excel for Mac and Excel on the web.
 */
import type { Language } from "../language";

export interface Requirement {
  set: string;
  version: string;
  /** What the add-in needs it for, in plain words. */
  why: Record<Language, string>;
}

export const REQUIREMENTS: readonly Requirement[] = [
  {
    set: "ExcelApi",
    version: "1.12",
    why: {
      da: "at kende tilføjelsesprogrammets egne ark fra jeres, så det aldrig skriver i jeres ark",
      en: "to tell the add-in's own sheets from yours, so that it never writes to yours",
    },
  },
  {
    set: "SharedRuntime",
    version: "1.1",
    why: {
      da: "at opgaveruden og DK.-funktionerne kører sammen",
      en: "to run the task pane and the DK. functions together",
    },
  },
  {
    set: "CustomFunctionsRuntime",
    version: "1.2",
    why: {
      da: "at DK.-funktionerne kan vise en forklaring på en fejl",
      en: "to let the DK. functions explain an error",
    },
  },
];

export interface RequirementsLike {
  isSetSupported(name: string, minVersion?: string): boolean;
}

/** The requirements this Excel lacks (none: it can run the add-in). */
export function missingRequirements(requirements: RequirementsLike | undefined): Requirement[] {
  return REQUIREMENTS.filter((r) => {
    try {
      return !requirements?.isSetSupported(r.set, r.version);
    } catch {
      return true;
    }
  });
}
