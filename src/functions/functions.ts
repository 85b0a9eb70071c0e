/**
 * The add-in's custom functions (namespace DK), exported under their lowerCamelCase names so
 * tests and the bench can call them in Node exactly as Excel does.
 */
import "./runtime";

export { refusion110, refusionDays110 } from "./shelterFunctions";
export { refusion85a, refusion107 } from "./aftercareFunctions";
export { housingFirstNpv, housingFirstRatio, housingFirstBreakeven } from "./investmentFunctions";
export { forecast, projection } from "./scenarioFunctions";
