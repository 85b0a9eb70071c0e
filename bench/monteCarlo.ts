/**
 * Monte Carlo draws per second (src/engine/uncertainty/monteCarlo.ts) on the demo municipality and on its
 * sheet grown to 20 000 stays, beside one deterministic projection of the same stays in the same
 * run (prepare + exact evaluation: what DK.HOUSINGFIRSTPROJECTION costs), so the ratio compares
 * across machines. A draw shares the prepared timeline with the draws of the same stay-length
 * trend and sums in floating point, so it costs less than a projection of its own.
 */
import { performance } from "node:perf_hooks";
import { sampleWorkbook } from "../src/demo/sampleData";
import { DEFAULT_PARAMETERS } from "../src/engine/parameters";
import { computeProjection, isProjectionError } from "../src/engine/projection";
import type { StayInput } from "../src/engine/shelter";
import { runMonteCarlo } from "../src/engine/uncertainty";
import { validateRows } from "../src/sheets/stays/columns";
import { findStays } from "../src/sheets/forecast/forecastRun";

async function staysOf(rows?: number): Promise<StayInput[]> {
  const workbook = sampleWorkbook(rows === undefined ? {} : { rows });
  const found = await findStays(workbook);
  if (!found) throw new Error("The bench's sample sheet has no stays");
  return validateRows(found, found.mapping).stays;
}

export interface MonteCarloBench {
  stays: number;
  draws: number;
  drawsPerSecond: number;
  /** One deterministic projection, best of 3 (ms). */
  projectionMs: number;
  /** The time of one draw over the time of one projection. */
  ratio: number;
}

export async function benchMonteCarlo(
  rows: number | undefined,
  draws: number
): Promise<MonteCarloBench> {
  const stays = await staysOf(rows);
  const base = { ...DEFAULT_PARAMETERS };
  let projectionMs = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    const p = computeProjection(stays, { ...base, supportCost: 80_000 + i });
    projectionMs = Math.min(projectionMs, performance.now() - t0);
    if (isProjectionError(p)) throw new Error(p.message);
  }
  const t0 = performance.now();
  const result = runMonteCarlo(stays, base, { draws, seed: 20260101 });
  const seconds = (performance.now() - t0) / 1000;
  if (result === null || "code" in result) throw new Error("The Monte Carlo run failed");
  return {
    stays: stays.length,
    draws,
    drawsPerSecond: draws / seconds,
    projectionMs,
    ratio: (seconds * 1000) / draws / projectionMs,
  };
}
