/** Accessibility checks on the demo page with axe-core, for the browser tests. */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Page } from "playwright-core";

const AXE = resolve(__dirname, "../../node_modules/axe-core/axe.min.js");

/**
 * axe-core's serious and critical violations on the whole page. Excluded: Fluent UI's tabster
 * focus guards (<i data-tabster-dummy tabindex=0 aria-hidden>), which pass focus on the moment
 * they get it and are hidden so screen readers do not announce them; Fluent and tabster treat
 * axe's aria-hidden-focus on them as by design (microsoft/fluentui#27517, microsoft/tabster#288).
 */
export async function axeSeriousViolations(page: Page): Promise<string[]> {
  // Evaluated, not added as a <script>: the page's Content-Security-Policy refuses inline scripts.
  await page.evaluate(readFileSync(AXE, "utf8"));
  // Colours are checked once they settle: a button enabled at the end of a run is still in its
  // 100 ms colour transition from the disabled grey. (A spinner's endless turn is not waited for.)
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((a) => a.effect?.getComputedTiming().endTime !== Infinity)
        .map((a) => a.finished.catch(() => undefined))
    )
  );
  const violations = await page.evaluate(async () => {
    type Result = {
      violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[];
    };
    const axe = (
      window as unknown as { axe: { run(ctx: { exclude: string[][] }): Promise<Result> } }
    ).axe;
    const result = await axe.run({ exclude: [["[data-tabster-dummy]"]] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)),
    }));
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.targets.join(", ")}`);
}
