/**
 * The namespace Excel puts before the functions' names (`=DK.REFUSION110`). Production uses DK;
 * the test environment (`ADDIN_ENV=test`, build/environment.ts) has its own, because two add-ins
 * whose functions share a name conflict and Excel shows #REF!
 * (https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming#naming-conflicts),
 * so a pilot can only run beside production under another namespace. The formulas the pane and
 * the demo write and read use this constant; webpack's DefinePlugin sets
 * ADDIN_FUNCTIONS_NAMESPACE for the build, and in Node (tests, the bench) it is DK.
 */
declare const ADDIN_FUNCTIONS_NAMESPACE: string | undefined;

export const PRODUCTION_NAMESPACE = "DK";

export const FUNCTIONS_NAMESPACE: string =
  typeof ADDIN_FUNCTIONS_NAMESPACE === "string" ? ADDIN_FUNCTIONS_NAMESPACE : PRODUCTION_NAMESPACE;
