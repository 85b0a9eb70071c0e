/**
 * DK.HOUSINGFIRSTPROJECTION on the demo municipality's sheet grown to `stays` rows: one call is what one
 * parameter edit in the Scenarier sheet costs. Each run edits a parameter (the support cost),
 * so nothing can be reused between runs.
 */
import { performance } from "node:perf_hooks";
import { sampleBudgetSheet } from "../src/demo/sampleData";
import { PARAMETERS } from "../src/engine/parameters";
import { projection } from "../src/functions/functions";

export function benchProjection(stays: number, runs = 7): { best: number; median: number } {
  const sheet = sampleBudgetSheet({ rows: stays });
  const rows = sheet.values.slice(sheet.headerRow + 1);
  const column = (k: number) => rows.map((r) => [r[k]]);
  // The sheet's two deliberately bad rows would make the whole table an error: drop them.
  const good = (k: number) =>
    column(k).filter((_, i) => !sheet.badRows.includes(sheet.headerRow + 2 + i));
  const [citizen, admission, discharge, rate, self] = [0, 2, 3, 4, 5].map(good);
  const call = (supportCost: number) =>
    projection(
      citizen,
      admission,
      discharge,
      rate,
      self,
      PARAMETERS.map((p) => [p.name, p.id === "supportCost" ? supportCost : p.default])
    );
  if (!Array.isArray(call(85_000)))
    throw new Error("DK.HOUSINGFIRSTPROJECTION returned an error on the bench data");
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    call(60_000 + 10_000 * i);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { best: times[0], median: times[Math.floor(times.length / 2)] };
}
