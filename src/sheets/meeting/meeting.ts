/**
 * Meeting mode's logic, without UI: which parameters the council turns (and in what steps), and
 * the key figures of a projection as the pane shows them large. The figures are read from the
 * same projection DK.HOUSINGFIRSTPROJECTION spills on the Scenarier sheet (same stays, same
 * parameters, the rule set NY the formula uses when it gets none), so pane and sheet agree:
 * - cost of doing nothing: Σ "Nettoudgift uden indsats" over the projection years;
 * - Housing First effect: "Budgeteffekt i alt (kommunen, nominelt)", Σ (uden − med);
 * - NPV: "Nutidsværdi (NPV)"; break-even: "Break-even-år" (none within the horizon: null).
 */
import { sum } from "../../engine/money";
import { parameterById, type ParameterId, type ScenarioParameters } from "../../engine/parameters";
import { isProjectionError, type Projection } from "../../engine/projection";
import type { RowError, StayInput } from "../../engine/shelter";
import { MONTE_CARLO_DRAWS } from "../../engine/uncertainty";
import { runnerFor } from "../../engine/uncertainty";

/**
 * The parameters turned in the meeting, each with a slider's range and step. Chosen because they
 * are the council's own levers and the assumptions it argues about most: how many of the long
 * stays are to end in a home (share moved) and how many homes there are (dwellings per year);
 * what the support costs; how many fall back (relapse); and whether the need grows (admission
 * growth). Each range covers the registry's sensitivity range (engine/parameters/registry.ts) with room to spare;
 * a value on the sheet outside it widens the slider to include it.
 */
export interface MeetingControl {
  id: ParameterId;
  min: number;
  max: number;
  step: number;
}

export const MEETING_CONTROLS: readonly MeetingControl[] = [
  { id: "shareMoved", min: 0, max: 1, step: 0.05 },
  { id: "housingPerYear", min: 0, max: 100, step: 1 },
  { id: "supportCost", min: 0, max: 200_000, step: 5_000 },
  { id: "relapseRate", min: 0, max: 0.3, step: 0.01 },
  { id: "admissionGrowth", min: -0.05, max: 0.1, step: 0.005 },
];

/** The user groups Housing First can target (on/off switches). */
export const MEETING_TARGETS = ["targetChronic", "targetEpisodic", "targetTransitional"] as const;

/** A slider's bounds, widened to hold the sheet's current value. */
export function sliderBounds(
  control: MeetingControl,
  current: number
): { min: number; max: number } {
  return { min: Math.min(control.min, current), max: Math.max(control.max, current) };
}

/** Decimals of a step (0.005 -> 3): a slider's value is rounded to them, never 0.15000000000000002. */
const decimalsOf = (step: number) => (String(step).split(".")[1] ?? "").length;

/**
 * A slider's value as the cell gets it: on the control's step grid, inside the registry's allowed
 * range (a bound the registry excludes, such as −100 % growth, is never reached by the grid).
 */
export function snapValue(control: MeetingControl, value: number): number {
  const def = parameterById(control.id);
  const stepped = Math.round(value / control.step) * control.step;
  const clamped = Math.min(def.max.value, Math.max(def.min.value, stepped));
  return Number(clamped.toFixed(decimalsOf(control.step)));
}

/**
 * The NPV's range in meeting mode: the band every panel shows for the scenario (band.ts), the
 * same draws and seed as the council page and the uncertainty panel.
 */
export const MEETING_DRAWS = MONTE_CARLO_DRAWS;

/** The key figures, money as exact decimal text (they cross from the engine worker). */
export interface KeyFigures {
  baseYear: number;
  firstYear: number;
  lastYear: number;
  noActionCost: string;
  effect: string;
  /** The budget case's NPV. */
  npv: string;
  breakEvenYear: number | null;
  /** The public-sector value's NPV (issue 20: the two headlines, each named). */
  publicNpv: string;
}

export function keyFigures(projection: Projection): KeyFigures {
  const projected = projection.years.slice(1);
  return {
    baseYear: projection.baseYear,
    firstYear: projection.baseYear + 1,
    lastYear: projection.baseYear + projection.horizon,
    noActionCost: sum(projected.map((y) => y.noAction.netCost)).toFixed(2),
    effect: projection.budgetEffect.toFixed(2),
    npv: projection.npv.toFixed(2),
    breakEvenYear: projection.breakEvenYear,
    publicNpv: projection.public.npv.toFixed(2),
  };
}

/**
 * The key figures for the stays and parameters, or the projection's own error: on the worker's
 * runner of the stays (runnerFor), so a slider re-projects on the timeline already prepared.
 */
export function meetingFigures(
  stays: readonly StayInput[],
  parameters: ScenarioParameters
): KeyFigures | RowError {
  const projection = runnerFor(stays).run(parameters);
  return isProjectionError(projection) ? projection : keyFigures(projection);
}
