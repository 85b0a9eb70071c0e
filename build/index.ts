/** What webpack.config.js loads (through tsx) to make the assets that are not bundles. */
export { DEV_BASE_URL, baseUrlFrom, buildManifest } from "./manifest";
export { METADATA_FILES, localizeMetadata, type Metadata } from "./functionsMetadata";
export { SAMPLE_WORKBOOK_FILE, sampleWorkbookBytes } from "./sampleWorkbook";
export { contentSecurityPolicy } from "./csp";
export { environmentFrom } from "./environment";
