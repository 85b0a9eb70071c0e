/**
 * While the pane waits for the user, the engine's worker works out what a comparison of the
 * Scenarier sheet's scenarios needs: their projections and the active one's tornado and switching
 * values (idle work, src/worker/idle.ts), so a comparison asked for then waits only for what is
 * left.
 */
import { useEffect } from "react";
import type { StayInput } from "../../src/engine/shelter";
import type { NamedParameters } from "../../src/sheets/scenarios/compare";
import { comparedScenarios, type StoredModel } from "../../src/sheets/scenarios/scenarioStore";
import type { EngineRunner } from "../worker/engine";
import { comparisonInParts } from "../worker/engineJobs";

/**
 * What a comparison asks of the engine, as one text (JSON, so a read of the sheet that changes
 * nothing asks for nothing): the compared scenarios without their names (saving the active
 * scenario asks for nothing new); null while the active values are not valid.
 */
function comparisonWork(model: StoredModel["model"] | undefined): string {
  const compared = model ? comparedScenarios(model) : undefined;
  return JSON.stringify(
    compared?.ok ? compared.scenarios.map(({ name: _, ...scenario }) => scenario) : null
  );
}

/** Asks `engine` for the comparison's idle work whenever it changes; stops it when unmounted. */
export function useComparisonIdleWork(
  engine: EngineRunner,
  stays: readonly StayInput[] | undefined,
  model: StoredModel["model"] | undefined
): void {
  const work = comparisonWork(model);
  useEffect(() => {
    const scenarios = JSON.parse(work) as Omit<NamedParameters, "name">[] | null;
    if (!stays || !scenarios) return;
    engine.whenIdle(comparisonInParts(stays, scenarios));
    return () => engine.whenIdle([]);
  }, [engine, stays, work]);
}
