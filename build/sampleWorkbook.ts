/**
 * dist/eksempel-refusion.xlsx: the example sheets the pane's «Indsæt eksempler» writes
 * (src/examples, one definition for both), for real Excel with the add-in installed and for the
 * docs. The sheets are written into a memory workbook, whose evaluator computes every formula
 * as the demo does, then saved with exceljs: the formulas as a user types them (with the file
 * format's commas), each with the value it computed, so the sheets show numbers before the
 * add-in has loaded. A result that spills is an array formula over exactly the cells it covers
 * (exceljs writes no dynamic-array metadata).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { PRODUCTION_NAMESPACE } from "../src/functions/namespace";
import { MemoryWorkbook } from "../src/demo/memoryWorkbook";
import { snapshotOf } from "../src/demo/snapshot";
import { insertExamples } from "../src/examples/exampleSheets";
import { xlsxBytes } from "../src/files/xlsxWrite";

export const SAMPLE_WORKBOOK_FILE = "eksempel-refusion.xlsx";

/**
 * The .xlsx with every formula and label written with DK. moved to `namespace` (the test
 * environment's, build/environment.ts), so a pilot's sample workbook calls the pilot's functions.
 * Done on the file's sheet XML, where the text is exactly what Excel reads.
 */
function renameNamespace(xlsx: Uint8Array, namespace: string): Uint8Array {
  const files = unzipSync(xlsx);
  for (const name of Object.keys(files))
    if (/^xl\/(worksheets\/sheet\d+|sharedStrings)\.xml$/.test(name))
      files[name] = strToU8(strFromU8(files[name]).replace(/\bDK\./g, `${namespace}.`));
  return zipSync(files);
}

/** The workbook as .xlsx bytes, its formulas under `namespace`. */
export async function sampleWorkbookBytes(namespace = PRODUCTION_NAMESPACE): Promise<Buffer> {
  const memory = new MemoryWorkbook();
  await insertExamples(memory);
  const bytes = await xlsxBytes(snapshotOf(memory));
  return Buffer.from(
    namespace === PRODUCTION_NAMESPACE ? bytes : renameNamespace(bytes, namespace)
  );
}
