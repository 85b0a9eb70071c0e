/**
 * `npm run bench`: each figure is timed beside its own floor in the same run, and reported
 * as a ratio, so the numbers compare across machines.
 */
import { performance } from "node:perf_hooks";
import { refusion110 } from "../src/functions/functions";
import { citizenCell, dateCell, kronerCell, optionalDateCell } from "../src/functions/coerce";
import { benchRows } from "./stays";
import { benchProjection } from "./projection";
import { refusion110Payload } from "./payload";

function best(runs: number, fn: () => unknown): number {
  let min = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

/** Floor 1: touch every input cell once. */
function readCells(rows: ReturnType<typeof benchRows>): number {
  let h = 0;
  for (const column of Object.values(rows)) {
    for (const r of column) {
      const v = r[0];
      h += typeof v === "number" ? v : (v as string).length;
    }
  }
  return h;
}

/**
 * Floor 2: read every input cell into its value (citizen, date, amount) with the same checks
 * as the function: what any correct implementation must do before the law starts.
 */
function readValues(rows: ReturnType<typeof benchRows>): unknown[] {
  const out: unknown[] = new Array(rows.citizen.length);
  for (let i = 0; i < rows.citizen.length; i++) {
    out[i] = [
      citizenCell(rows.citizen[i][0], "Borger"),
      dateCell(rows.admission[i][0], "Indskrivning"),
      optionalDateCell(rows.discharge[i][0], "Udskrivning"),
      kronerCell(rows.rate[i][0], "Takst", "error"),
      kronerCell(rows.selfPayment[i][0], "Egenbetaling", "zero"),
    ];
  }
  return out;
}

const rows = benchRows(100_000, 25_000);
const call = () =>
  refusion110(
    rows.citizen,
    rows.admission,
    rows.discharge,
    rows.rate,
    rows.selfPayment,
    null,
    null,
    null
  );
call(); // warm up the JIT for both passes
readCells(rows);
readValues(rows);
const touch = best(7, () => readCells(rows));
const read = best(7, () => readValues(rows));
const full = best(7, call);
console.log(`REFUSION110, 100 000 stays / 25 000 citizens (best of 7)`);
console.log(`  touch every input cell          : ${touch.toFixed(1)} ms`);
console.log(`  read every input cell to values : ${read.toFixed(1)} ms`);
console.log(`  REFUSION110                     : ${full.toFixed(1)} ms`);
console.log(`  ratio to reading the cells      : ${(full / read).toFixed(1)}x (target <= 10x)`);
console.log(`  ratio to touching the cells     : ${(full / touch).toFixed(1)}x`);

// The demo end to end in headless Chromium (needs dist/: `npm run build`).
void import("./demo").then(({ benchDemoForecast }) =>
  benchDemoForecast(50_000).then(
    (demo) =>
      console.log(
        `Demo forecast, 50 000 stays: ${demo.seconds.toFixed(2)} s (target <= 3 s; runs ${demo.runs.map((s) => s.toFixed(2)).join(", ")} s)`
      ),
    (error: unknown) => {
      console.log(
        `Demo forecast, 50 000 stays: not measured (${error instanceof Error ? error.message : String(error)})`
      );
      process.exitCode = 1;
    }
  )
);

const projection = benchProjection(20_000);
console.log(
  `DK.HOUSINGFIRSTPROJECTION, 20 000 stays: ${projection.best.toFixed(0)} ms (target <= 500 ms; median of 7: ${projection.median.toFixed(0)} ms)`
);

const payload = refusion110Payload();
console.log(
  `DK.REFUSION110 arguments: ${payload.bytesPerRow.toFixed(1)} bytes per stay row as JSON; ${payload.rowsUnderLimit} rows fill Excel on the web's 5 MB limit (documented: at most 50 000 rows per call)`
);
