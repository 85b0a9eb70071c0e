/**
 * The custom-functions runtime, or a small stand-in outside Excel.
 *
 * Inside Excel, `CustomFunctions` is a global provided by the shared runtime. In Node (tests,
 * bench) and in the standalone demo it does not exist, so we install a stand-in with the same
 * `Error(code, message)` shape and the error codes we use; `associate` is a no-op there.
 */
const CODES = {
  invalidValue: "#VALUE!",
  invalidNumber: "#NUM!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

class StandInError {
  constructor(
    public code: string,
    public message?: string
  ) {}
}

const g = globalThis as unknown as { CustomFunctions?: unknown };
if (typeof g.CustomFunctions === "undefined") {
  g.CustomFunctions = { Error: StandInError, ErrorCode: CODES, associate: () => undefined };
}

export type ErrorCode = "#VALUE!" | "#NUM!" | "#N/A";

/** An Excel error value with a message, as Excel shows it in the cell's error flag. */
export function cellError(code: ErrorCode, message: string): CustomFunctions.Error {
  const byCode: Record<ErrorCode, CustomFunctions.ErrorCode> = {
    "#VALUE!": CustomFunctions.ErrorCode.invalidValue,
    "#NUM!": CustomFunctions.ErrorCode.invalidNumber,
    "#N/A": CustomFunctions.ErrorCode.notAvailable,
  };
  return new CustomFunctions.Error(byCode[code], message);
}

/** True for an error value: ours, Excel's, or an error cell Excel passes in a range. */
export function isErrorValue(value: unknown): value is { code: string; message?: string } {
  if (value instanceof CustomFunctions.Error) return true;
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { code?: unknown }).code === "string"
  );
}
