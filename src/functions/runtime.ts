/**
 * The custom-functions runtime, or a small stand-in where it is missing.
 *
 * Inside Excel, the shared runtime provides `CustomFunctions` with `Error` and `ErrorCode`. In
 * Node (tests, bench) and in the standalone demo without office.js there is no `CustomFunctions`
 * at all, and office.js loaded outside Office defines its own with only `associate` (no `Error`,
 * no `ErrorCode`: those come with Excel's host bundle). So `Error`/`ErrorCode` are looked up
 * when needed and the stand-in is used where they are missing; a global `CustomFunctions` is
 * created only where none exists, for the `associate` calls the metadata plugin appends.
 */

/** Error codes as the runtime names them (CustomFunctions.ErrorCode), with the cell text. */
const CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
} as const;

class StandInError {
  constructor(
    public code: string,
    public message?: string
  ) {}
}

interface Runtime {
  Error: new (code: string, message?: string) => CustomFunctions.Error;
  ErrorCode: Record<keyof typeof CODES, string>;
}

const STAND_IN = { Error: StandInError, ErrorCode: CODES } as unknown as Runtime;

const g = globalThis as unknown as { CustomFunctions?: Partial<Runtime> };
if (typeof g.CustomFunctions === "undefined") {
  g.CustomFunctions = { ...STAND_IN, associate: () => undefined } as Partial<Runtime>;
}

/** Excel's own Error and ErrorCode when the runtime has them, else the stand-in. */
function runtime(): Runtime {
  const cf = g.CustomFunctions;
  return cf && typeof cf.Error === "function" && cf.ErrorCode ? (cf as Runtime) : STAND_IN;
}

/**
 * The codes our errors use. Excel shows a custom function's message only on #VALUE! and #N/A
 * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-errors: "The #VALUE!
 * and #N/A errors also support custom error messages"), and every error of ours explains
 * itself, so these two are all there is: #N/A where something is not available, #VALUE! else.
 */
export type ErrorCode = "#VALUE!" | "#N/A";

/** An Excel error value with a message, as Excel shows it in the cell's error flag. */
export function cellError(code: ErrorCode, message: string): CustomFunctions.Error {
  const rt = runtime();
  const byCode: Record<ErrorCode, string> = {
    "#VALUE!": rt.ErrorCode.invalidValue,
    "#N/A": rt.ErrorCode.notAvailable,
  };
  return new rt.Error(byCode[code], message);
}
export { isErrorValue } from "../cells/errorValue";
