/**
 * While the pane waits for the user, the engine's worker works out what a comparison of the
 * Scenarier sheet's scenarios needs: their projections and the active one's tornado and switching
 * values (idle work, src/worker/idle.ts), so a comparison asked for then waits only for what is
 * left.
 */
import { useEffect } from "react";
import type { ScenarioParameters } from "../../src/engine/parameters";
import type { StayInput } from "../../src/engine/shelter";
import type { NamedParameters } from "../../src/sheets/scenarios/compare";
import {
  activeScenario,
  sameName,
  validScenarios,
  type StoredModel,
} from "../../src/sheets/scenarios/scenarioStore";
import type { EngineRunner } from "../worker/engine";
import { comparisonInParts } from "../worker/engineJobs";

type Work = (Omit<NamedParameters, "name"> & { others: ScenarioParameters[] }) | null;

/**
 * What a comparison asks of the engine, as one text (JSON, so a read of the sheet that changes
 * nothing asks for nothing): the active scenario's values and ranges and the other saved
 * scenarios' values, named by their values, not their names (saving the active scenario asks for
 * nothing new); null while the active values are not valid.
 */
function comparisonWork(model: StoredModel["model"] | undefined): string {
  const active = model ? activeScenario(model) : undefined;
  if (!model || !active?.ok) return JSON.stringify(null);
  const { name, parameters, ranges } = active.scenario;
  const others = validScenarios(model)
    .filter((x) => !sameName(x.name, name))
    .map((x) => x.values);
  return JSON.stringify({ parameters, ranges, others } satisfies Work);
}

/** Asks `engine` for the comparison's idle work whenever it changes; stops it when unmounted. */
export function useComparisonIdleWork(
  engine: EngineRunner,
  stays: readonly StayInput[] | undefined,
  model: StoredModel["model"] | undefined
): void {
  const work = comparisonWork(model);
  useEffect(() => {
    const asked = JSON.parse(work) as Work;
    if (!stays || !asked) return;
    const { others, ...active } = asked;
    engine.whenIdle(comparisonInParts(stays, { name: "", ...active }, others));
    return () => engine.whenIdle([]);
  }, [engine, stays, work]);
}
