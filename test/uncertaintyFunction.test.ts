/**
 * DK.HOUSINGFIRSTUNCERTAINTY (issue 23): the spread of the projection in a cell, reproducible by
 * its seed, equal to the band the pane shows for the same scenario, and refusing draws and seeds
 * the engine will not take, in Danish.
 */
import { describe, expect, it } from "@jest/globals";
import { DEFAULT_PARAMETERS, PARAMETERS } from "../src/engine/parameters";
import type { StayInput } from "../src/engine/shelter";
import { MONTE_CARLO_DRAWS, MONTE_CARLO_SEED, runMonteCarlo } from "../src/engine/uncertainty";
import { uncertainty } from "../src/functions/functions";
import { EXCEL_FUNCTIONS, OFF_THREAD } from "../src/functions/registry";
import { UNCERTAINTY_HEADER } from "../src/functions/uncertaintyFunction";
import { sampleWorkbook } from "../src/demo/sampleData";
import { findStays } from "../src/sheets/forecast/forecastRun";
import { validateRows } from "../src/sheets/stays/columns";
import { monteCarloBand } from "../src/sheets/uncertainty/band";
import { summaryFigures } from "../src/sheets/summary/summaryFigures";
import { SUMMARY_DRAWS, SUMMARY_SEED } from "../src/sheets/summary/summarySheet";
import { inThread } from "../src/worker/client";
import { ENGINE_HANDLERS } from "../taskpane/worker/engineJobs";
import { DEFAULT_DRAWS, DEFAULT_SEED } from "../taskpane/uncertainty/UncertaintyPanel";

const col = <T>(xs: readonly T[]) => xs.map((x) => [x]);
/** The Scenarier sheet's parameter table: name and value. */
const PARAMETER_RANGE = PARAMETERS.map((p) => [p.name, p.default]);

let demo: StayInput[] | undefined;
async function demoStays(): Promise<StayInput[]> {
  if (!demo) {
    const found = (await findStays(sampleWorkbook()))!;
    demo = validateRows(found, found.mapping).stays;
  }
  return demo;
}

/** The function on the stays, as Excel passes them (one column each). */
const call = (stays: readonly StayInput[], ...rest: unknown[]) =>
  uncertainty(
    col(stays.map((s) => s.citizen)),
    col(stays.map((s) => s.admission)),
    col(stays.map((s) => s.discharge ?? "")),
    col(stays.map((s) => s.dailyRate)),
    col(stays.map((s) => s.selfPayment)),
    PARAMETER_RANGE,
    ...rest
  ) as unknown[][];

const message = (cell: unknown) => (cell as { message: string }).message;

describe("DK.HOUSINGFIRSTUNCERTAINTY", () => {
  it("a table: P10, P50, P90 of each headline's NPV, return per krone and break-even, P(NPV > 0), the draws and seed", async () => {
    const stays = await demoStays();
    const table = call(stays, null, 100, 7);
    expect(table[0]).toEqual([...UNCERTAINTY_HEADER]);
    expect(table.map((r) => r[0])).toEqual([
      "Nøgletal",
      "Nutidsværdi (NPV), budget",
      "Afkast pr. krone, budget",
      "Break-even-år, budget",
      "Sandsynlighed for NPV > 0, budget",
      "Nutidsværdi (NPV), samfundsøkonomisk",
      "Afkast pr. krone, samfundsøkonomisk",
      "Break-even-år, samfundsøkonomisk",
      "Sandsynlighed for NPV > 0, samfundsøkonomisk",
      "Træk og frø",
      "Sprunget over (fejl i rækken)",
    ]);
    const run = runMonteCarlo(stays, DEFAULT_PARAMETERS, { draws: 100, seed: 7 });
    if (run === null || "code" in run) throw new Error("the run failed");
    const round = (x: number) => Math.round(x * 100) / 100;
    expect(table[1].slice(1)).toEqual([run.npv.p10, run.npv.p50, run.npv.p90].map(round));
    expect(table[5].slice(1)).toEqual(
      [run.public.npv.p10, run.public.npv.p50, run.public.npv.p90].map(round)
    );
    // The return per krone to 4 decimals: what every JavaScript engine agrees on.
    expect(table[2].slice(1)).toEqual(
      [run.ratio!.p10, run.ratio!.p50, run.ratio!.p90].map((x) => Math.round(x * 10_000) / 10_000)
    );
    expect(table[4]).toEqual([table[4][0], run.probabilityPositive, "", ""]);
    expect(table[9]).toEqual(["Træk og frø", 100, 7, ""]);
    // The spread is real: P10 below P50 below P90, a year for each break-even percentile.
    expect(table[1][1] as number).toBeLessThan(table[1][2] as number);
    expect(table[1][2] as number).toBeLessThan(table[1][3] as number);
    for (const y of table[3].slice(1)) expect(y).toBeGreaterThan(2025);
  });

  it("is reproducible by its seed; another seed gives other draws", async () => {
    const stays = await demoStays();
    const a = call(stays, null, 100, 11);
    expect(call(stays, null, 100, 11)).toEqual(a);
    expect(call(stays, null, 100, 12)[1]).not.toEqual(a[1]);
  });

  it("with blank draws and seed (or the 0 Excel desktop passes), the band the pane shows: 1 000 draws from 2023", async () => {
    const stays = await demoStays();
    const table = call(stays);
    expect(table[9]).toEqual(["Træk og frø", MONTE_CARLO_DRAWS, MONTE_CARLO_SEED, ""]);
    const band = monteCarloBand({ stays, parameters: DEFAULT_PARAMETERS });
    const round = (x: number) => Math.round(x * 100) / 100;
    expect(table[1].slice(1)).toEqual([band.npv.p10, band.npv.p50, band.npv.p90].map(round));
    expect(table[5].slice(1)).toEqual(
      [band.public.npv.p10, band.public.npv.p50, band.public.npv.p90].map(round)
    );
    expect(table[4][1]).toBe(band.probabilityPositive);
    expect(table[3].slice(1)).toEqual([band.breakEven.p10, band.breakEven.p50, band.breakEven.p90]);
    expect(call(stays, "", 0, 0)).toEqual(table);
  });

  it("equals the band of meeting mode, the Usikkerhed panel and the council page: one run everywhere", async () => {
    const stays = await demoStays();
    const table = call(stays);
    const cells = (mc: { npv: { p10: number; p50: number; p90: number } }) =>
      [mc.npv.p10, mc.npv.p50, mc.npv.p90].map((x) => Math.round(x * 100) / 100);
    const scenario = { name: "Basis", parameters: DEFAULT_PARAMETERS };
    const jobs = inThread(ENGINE_HANDLERS);
    const meeting = await jobs.run("band", { stays, scenario });
    const panel = await jobs.run("uncertainty", {
      stays,
      scenario,
      draws: DEFAULT_DRAWS,
      seed: DEFAULT_SEED,
    });
    const council = summaryFigures({
      stays,
      scenario,
      rules: "NY",
      today: 46_000,
      draws: SUMMARY_DRAWS,
      seed: SUMMARY_SEED,
    }).monteCarlo;
    for (const run of [meeting, panel.monteCarlo, council]) {
      expect(cells(run)).toEqual(table[1].slice(1));
      expect(run.probabilityPositive).toBe(table[4][1]);
      expect(run.public.probabilityPositive).toBe(table[8][1]);
    }
  });

  it("refuses draws and seeds the engine will not take, in Danish, before it reads the stays", () => {
    const none: StayInput[] = [];
    for (const [draws, text] of [
      [99, /Antal træk skal være et helt tal fra 100 til 20\.000/],
      [20_001, /fra 100 til 20\.000/],
      [150.5, /helt tal/],
      [-5, /helt tal/],
    ] as const) {
      const out = call(none, null, draws, 1);
      expect(out).toMatchObject({ code: "#VALUE!" });
      expect(message(out)).toMatch(text);
    }
    for (const seed of [-1, 2 ** 32, 1.5]) {
      const out = call(none, null, 100, seed);
      expect(message(out)).toMatch(/Frøet skal være et helt tal fra 0 til 4\.294\.967\.295/);
    }
    expect(message(call(none, null, "mange", 1))).toMatch(/Antal træk/);
    expect(message(call(none, null, [[100, 200]], 1))).toMatch(/Antal træk skal være én celle/);
  });

  it("is a worker-backed table function as Excel calls it", async () => {
    expect(OFF_THREAD.HOUSINGFIRSTUNCERTAINTY).toBe(0);
    const stays = await demoStays();
    const cells = [
      col(stays.map((s) => s.citizen)),
      col(stays.map((s) => s.admission)),
      col(stays.map((s) => s.discharge ?? "")),
      col(stays.map((s) => s.dailyRate)),
      col(stays.map((s) => s.selfPayment)),
      PARAMETER_RANGE,
      null,
      100,
      3,
    ];
    const excel = EXCEL_FUNCTIONS.HOUSINGFIRSTUNCERTAINTY as (...args: unknown[]) => unknown;
    expect(excel(...cells)).toEqual(call(stays, null, 100, 3));
  });
});
