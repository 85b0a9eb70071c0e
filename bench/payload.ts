/**
 * How many stay rows one DK.REFUSION110 call can take in Excel on the web, whose requests and
 * responses may be at most 5 MB ("Excel on the web has a payload size limit for requests and
 * responses of 5MB", learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization;
 * Microsoft on GitHub, OfficeDev/office-js#4654: "Excel limits custom-function payloads to 5 MB").
 * Estimated as Excel would send the arguments: the JSON of the five row-wise ranges as 2-D
 * arrays of cell values (dates as serial numbers, a blank cell as null), measured on the demo
 * municipality's sheet grown to `rows` rows. Excel's own envelope is not documented, so the
 * documented limit (README, help) keeps a margin below the estimate.
 */
import { sampleBudgetSheet } from "../src/demo/sampleData";

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

/** The rows per call README and help.html promise: well below the estimate (see test/payload.test.ts). */
export const DOCUMENTED_MAX_ROWS = 50_000;

export interface PayloadEstimate {
  rows: number;
  requestBytes: number;
  bytesPerRow: number;
  /** Rows that fit in 5 MB at this size per row. */
  rowsUnderLimit: number;
}

export function refusion110Payload(rows = 50_000): PayloadEstimate {
  const sheet = sampleBudgetSheet({ rows });
  const data = sheet.values.slice(sheet.headerRow + 1);
  const column = (c: number) => data.map((r) => [r[c] === "" ? null : r[c]]);
  // citizen, admission, discharge, daily rate, self-payment (columns A, C, D, E, F)
  const args = [column(0), column(2), column(3), column(4), column(5), "2026-01-01", "2026-12-31"];
  const requestBytes = Buffer.byteLength(JSON.stringify(args), "utf8");
  const bytesPerRow = requestBytes / data.length;
  return {
    rows: data.length,
    requestBytes,
    bytesPerRow,
    rowsUnderLimit: Math.floor(PAYLOAD_LIMIT_BYTES / bytesPerRow),
  };
}
