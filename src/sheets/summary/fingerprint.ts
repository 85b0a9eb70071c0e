/**
 * What a council page was written from, as one short text: the scenario (name, parameters, own
 * ranges), the rule set and the stays. The page keeps it with the sheet (a sheet property, never a
 * cell), so the pane can tell when the active scenario or the stays have changed since: a page
 * that no longer shows what the workbook holds says so (issue 22).
 */
import type { ParameterRanges, ScenarioParameters } from "../../engine/parameters";
import type { StayInput } from "../../engine/shelter";

/** The sheet property that holds the fingerprint. */
export const SUMMARY_OF = "sammenfatningAf";

export interface SummarySource {
  stays: readonly StayInput[];
  scenario: { name: string; parameters: ScenarioParameters };
  ranges?: ParameterRanges;
  rules: string;
}

/** FNV-1a, 32 bit, over the text, in hex: a change of any character changes it. */
function fnv1a(text: string, hash = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The fingerprint of what a page is written from. */
export function summaryFingerprint(source: SummarySource): string {
  const sorted = (o: object) =>
    JSON.stringify(Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b))));
  let hash = fnv1a(
    [
      source.scenario.name,
      sorted(source.scenario.parameters),
      sorted(source.ranges ?? {}),
      source.rules,
    ].join("\u0000")
  );
  for (const s of source.stays)
    hash = fnv1a(
      `${s.citizen}|${s.admission}|${s.discharge}|${s.dailyRate}|${s.selfPayment};`,
      hash
    );
  return `${source.stays.length}-${hash.toString(16).padStart(8, "0")}`;
}
