/**
 * A projection run many times on the same stays: prepared once per timeline-shaping parameter
 * set and evaluated for each parameter set, as the Monte Carlo run and the sensitivities need.
 */
import {
  evaluateProjection,
  isProjectionError,
  prepareProjection,
  preparedKey,
  type PreparedProjection,
  type Projection,
  type ProjectionOptions,
} from "../projection";
import { estimatedRanges, withEstimates } from "../projection/returns";
import type { ParameterRanges, ScenarioParameters } from "../parameters";
import type { RowError, StayInput } from "../shelter";

/** Prepares a projection once per timeline-shaping parameter set, and evaluates on it. */
export class ProjectionRunner {
  private prepared: PreparedProjection | undefined;
  constructor(
    private readonly stays: readonly StayInput[],
    private readonly options: ProjectionOptions = {}
  ) {}

  private prepare(p: ScenarioParameters): PreparedProjection | RowError {
    const key = preparedKey(p, this.options);
    if (this.prepared?.key !== key) {
      const prepared = prepareProjection(this.stays, p, this.options);
      if (isProjectionError(prepared)) return prepared;
      this.prepared = prepared;
    }
    return this.prepared;
  }

  /** `exact` false for Monte Carlo draws (see evaluateProjection). */
  run(p: ScenarioParameters, exact = true): Projection | RowError {
    const prepared = this.prepare(p);
    return isProjectionError(prepared) ? prepared : evaluateProjection(prepared, p, exact);
  }

  /**
   * The scenario as the uncertainty runs see it: each blank estimated parameter (who comes back)
   * set to the register's estimate, and its range the estimate's, unless the scenario has its own.
   */
  resolve(
    p: ScenarioParameters,
    ranges: ParameterRanges = {}
  ): { parameters: ScenarioParameters; ranges: ParameterRanges } | RowError {
    const prepared = this.prepare(p);
    if (isProjectionError(prepared)) return prepared;
    return {
      parameters: withEstimates(p, prepared.estimates),
      ranges: { ...estimatedRanges(prepared.estimates), ...ranges },
    };
  }
}
