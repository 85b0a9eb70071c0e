/**
 * The add-in's custom functions (namespace DK) for callers in Node (tests, bench), under stable
 * lowerCamelCase names that stay when an Excel id changes: arguments exactly as Excel passes
 * them; a number or an error value for single cells, a column for ranges (SPEC 2). What Excel
 * itself calls, by id and always 2-D for a `matrix` result, is registry.ts.
 */
import "./runtime";

export { refusion110, refusionDays110 } from "./shelterFunctions";
export { refusion85a, refusion107 } from "./aftercareFunctions";
export { housingFirstNpv, housingFirstRatio, housingFirstBreakeven } from "./investmentFunctions";
export { backtest, forecast, projection } from "./scenarioFunctions";
export { uncertainty } from "./uncertaintyFunction";
