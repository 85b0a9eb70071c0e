/**
 * DK.HOUSINGFIRSTUNCERTAINTY (issue 23): the spread of the projection in a cell. The projection's
 * arguments plus the number of draws and a seed; a Monte Carlo run of the scenario
 * (src/engine/uncertainty.ts: Latin hypercube, triangular over each uncertain parameter's range)
 * gives a small table of P10, P50 and P90 of the NPV, the return per krone and the break-even
 * year, and the share of draws with NPV > 0, for the budget case and the public-sector value.
 * With the default draws and seed it is the band the pane shows for the same scenario
 * (src/sheets/uncertainty/band.ts runs the same engine call): the ranges are the registry's and
 * the register's estimates, since the parameter range holds no low–high values.
 * Computed in the functions' worker (registry.ts OFF_THREAD) and cancelled when Excel drops it.
 */
import { isEmpty, isRowError, numberCell, scalarArg, type RowError } from "../cells/coerce";
import {
  MONTE_CARLO_DRAWS,
  MONTE_CARLO_SEED,
  drawsProblem,
  runMonteCarlo,
  seedProblem,
  type Spread,
  type ViewSpread,
} from "../engine/uncertainty";
import { runnerFor } from "../engine/uncertainty";
import { problemError } from "../messages";
import { cellError } from "./runtime";
import { fail, scenarioArgs, skippedRow, type TableCell, type TableResult } from "./tableArgs";

export const UNCERTAINTY_HEADER = ["Nøgletal", "P10", "P50", "P90"] as const;

/** The rows' labels: each figure for the budget case, then for the public-sector value. */
export const UNCERTAINTY_ROWS = {
  npv: "Nutidsværdi (NPV)",
  ratio: "Afkast pr. krone",
  breakEven: "Break-even-år",
  positive: "Sandsynlighed for NPV > 0",
} as const;
export const VIEW_LABELS = { budget: "budget", public: "samfundsøkonomisk" } as const;
export const DRAWS_LABEL = "Træk og frø";

/**
 * An optional whole number: blank (or the 0 Excel desktop passes for an empty cell) is the
 * default; text that is no number is an error, not the default.
 */
function optionalNumber(
  arg: unknown,
  label: { da: string; en: string },
  fallback: number
): number | RowError {
  const value = scalarArg(arg);
  if (Array.isArray(value)) return problemError({ id: "notOneCell", label });
  if (isEmpty(value)) return fallback;
  const n = numberCell(value, label, "error");
  return isRowError(n) ? n : n.toNumber();
}

const money = (x: number) => Math.round(x * 100) / 100;
/**
 * A return per krone to 4 decimals: draws sum in floating point, and Math.pow may differ in its
 * last bit between JavaScript engines (ECMAScript leaves its precision to the implementation), so
 * the cell shows what every engine agrees on, as the NPV shows whole øre.
 */
const perKrone = (x: number) => Math.round(x * 10_000) / 10_000;

/** A view's four rows. */
function viewRows(view: ViewSpread, label: string, horizon: number): TableCell[][] {
  const three = (s: Spread, round: (x: number) => number) => [
    round(s.p10),
    round(s.p50),
    round(s.p90),
  ];
  const never = cellError(
    "#N/A",
    `Housing First tjener sig ikke hjem inden for de ${horizon} år ved denne percentil`
  );
  const noCost = cellError("#N/A", "Housing First-udgiften er 0 i alle træk");
  const { p10, p50, p90 } = view.breakEven;
  return [
    [`${UNCERTAINTY_ROWS.npv}, ${label}`, ...three(view.npv, money)],
    [
      `${UNCERTAINTY_ROWS.ratio}, ${label}`,
      ...(view.ratio === null ? [noCost, noCost, noCost] : three(view.ratio, perKrone)),
    ],
    [`${UNCERTAINTY_ROWS.breakEven}, ${label}`, ...[p10, p50, p90].map((y) => y ?? never)],
    [`${UNCERTAINTY_ROWS.positive}, ${label}`, view.probabilityPositive, "", ""],
  ];
}

/** DK.HOUSINGFIRSTUNCERTAINTY: P10/P50/P90 of the two headlines over a Monte Carlo run. */
export function uncertainty(
  citizen: unknown,
  admission: unknown,
  discharge: unknown,
  dailyRate: unknown,
  selfPayment: unknown,
  parameters: unknown,
  rules?: unknown,
  draws?: unknown,
  seed?: unknown
): TableResult {
  const n = optionalNumber(draws, { da: "Antal træk", en: "Number of draws" }, MONTE_CARLO_DRAWS);
  if (isRowError(n)) return fail(n);
  const s = optionalNumber(seed, { da: "Frø", en: "Seed" }, MONTE_CARLO_SEED);
  if (isRowError(s)) return fail(s);
  // Refused before the stays are read: a wrong number of draws is found at once.
  const settings = drawsProblem(n) ?? seedProblem(s);
  if (settings) return fail(settings);
  const args = scenarioArgs(
    citizen,
    admission,
    discharge,
    dailyRate,
    selfPayment,
    parameters,
    rules
  );
  if (isRowError(args)) return fail(args);
  // The worker's runner of the stays: a recalculation projects on the timelines prepared before.
  const run = runMonteCarlo(args.stays, args.parameters, {
    draws: n,
    seed: s,
    runner: runnerFor(args.stays, args.rules.name),
  });
  // Never null: nothing here cancels (Excel's cancellation ends the worker).
  if (run === null) throw new Error("Monte Carlo run stopped");
  if ("code" in run) return fail(run);
  const horizon = args.parameters.horizon;
  return [
    [...UNCERTAINTY_HEADER],
    ...viewRows(run, VIEW_LABELS.budget, horizon),
    ...viewRows(run.public, VIEW_LABELS.public, horizon),
    [DRAWS_LABEL, run.draws, run.seed, ""],
    skippedRow(args.skipped, UNCERTAINTY_HEADER.length),
  ];
}
