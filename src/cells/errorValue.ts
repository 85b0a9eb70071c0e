/**
 * An error value in a cell: ours, Excel's, or an error cell Excel passes in a range (Excel's
 * CustomFunctions.Error and the runtime's shim both carry their code as a string, so the shape
 * tells; https://learn.microsoft.com/javascript/api/custom-functions-runtime/customfunctions.error).
 */
export function isErrorValue(value: unknown): value is { code: string; message?: string } {
  // Most cells are numbers and text: no object, no error (the cheap test comes first).
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { code?: unknown }).code === "string"
  );
}
