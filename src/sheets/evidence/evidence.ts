/**
 * How far to trust the projection (issue 19): who comes back, as the register says; the backtest
 * of the no-action path against what happened; and the municipality's own figures beside the
 * published evaluations, with the parameters that drive a gap when there is one. Pure and plain
 * data, so the pane computes it in its engine worker and the council page prints it.
 */
import { compareWithPublished, type FigureComparison } from "../../engine/evaluations";
import type { ParameterId, ParameterRanges, ScenarioParameters } from "../../engine/parameters";
import {
  computeBacktest,
  isProjectionError,
  type BacktestFigures,
  type BacktestYear,
  type ProjectionOptions,
  type ReturnEstimates,
} from "../../engine/projection";
import type { StayInput } from "../../engine/shelter";
import { runnerFor, tornado, type TornadoBar } from "../../engine/uncertainty";

/** How many parameters are named as driving a gap to the published figures. */
export const GAP_DRIVERS = 3;

/** A backtest year's figures as plain numbers: the evidence crosses from the engine worker. */
export type PlainBacktestYear = Omit<BacktestYear, "projected" | "actual"> & {
  projected: Record<keyof BacktestFigures, number>;
  actual: Record<keyof BacktestFigures, number>;
};

export interface Evidence {
  estimates: ReturnEstimates;
  backtest: { years: PlainBacktestYear[] };
  comparison: FigureComparison[];
  /** The parameters with the widest tornado bars, when a figure is out of line; else none. */
  drivers: ParameterId[];
}

export interface EvidenceRequest {
  stays: readonly StayInput[];
  parameters: ScenarioParameters;
  ranges?: ParameterRanges;
  options?: ProjectionOptions;
  /** The scenario's tornado when the caller has it (the council page), else computed if needed. */
  bars?: readonly TornadoBar[];
}

/** The evidence for the scenario; throws with the engine's Danish message when it cannot be projected. */
export function evidence({
  stays,
  parameters,
  ranges,
  options = {},
  bars,
}: EvidenceRequest): Evidence {
  // The worker's runner of these stays (runnerFor): timelines the pane's other jobs prepared.
  const runner = runnerFor(stays, options.rules?.name);
  const prepared = runner.prepare(parameters);
  if (isProjectionError(prepared)) throw new Error(prepared.message);
  const projection = runner.run(parameters);
  const tenYears =
    parameters.horizon === 10 ? projection : runner.run({ ...parameters, horizon: 10 });
  if (isProjectionError(projection)) throw new Error(projection.message);
  if (isProjectionError(tenYears)) throw new Error(tenYears.message);
  const backtest = computeBacktest(stays, parameters, options);
  if (isProjectionError(backtest)) throw new Error(backtest.message);
  const comparison = compareWithPublished(projection, tenYears);
  const outOfLine = comparison.some((c) => c.verdict !== "within");
  const ranked = outOfLine
    ? (bars ?? tornado(stays, parameters, { ...options, ranges, runner }))
    : [];
  if (isProjectionError(ranked)) throw new Error(ranked.message);
  const drivers = ranked.slice(0, GAP_DRIVERS).map((b) => b.id);
  const plain = (f: BacktestFigures) =>
    Object.fromEntries(Object.entries(f).map(([k, v]) => [k, Number(v)])) as Record<
      keyof BacktestFigures,
      number
    >;
  return {
    estimates: prepared.estimates,
    backtest: {
      years: backtest.years.map((y) => ({
        ...y,
        projected: plain(y.projected),
        actual: plain(y.actual),
      })),
    },
    comparison,
    drivers,
  };
}
